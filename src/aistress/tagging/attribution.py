"""Who raised a stressor or proposed a remedy: attributions near the evidence."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from aistress.model import Article, Person, Quote, Span
from aistress.tagging.matcher import _LATIN, _SPACE, _character_mode

if TYPE_CHECKING:
    from aistress.tagging.rules import RuleSet

#: Attribution looks at this many evidence spans of a tag.
_EVIDENCE_LOOKED_AT = 8
_NAME_PARTS = re.compile(r"[·\s]+")

_EN_NAME = r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]*(?:[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][\w’'\-]*){0,3})"
_ZH_CHARS = "\u4e00-\u9fff"
_ZH_DOTTED = re.compile(rf"[{_ZH_CHARS}]{{1,10}}(?:·[{_ZH_CHARS}]{{1,8}})+")
_ZH_PAREN = r"(?:[（(][^（）()\n]{0,40}[）)])?"
_ZH_PLACE = r"(?:在[^，。；：,;:“”\"\n]{1,15}?)?"


@attrs.frozen
class _Attr:
    start: int
    end: int
    name: str
    alias: bool  # a short name to resolve against full names
    pronoun: bool = False


def _alternation(entries: Iterable[str]) -> str:
    ordered = sorted(set(entries), key=lambda e: (-len(e), e))
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


class _Attribution:
    """Finds ``X said`` and ``X说`` attributions in one language's text."""

    def __init__(self, language: str, cues: Mapping[str, tuple[str, ...]]) -> None:
        self.chars = _character_mode(language)
        verbs = cues.get("attribution", ())
        self.not_names = frozenset(cues.get("not_names", ()))
        self.boundaries = frozenset(cues.get("name_boundaries", ()))
        self.active = bool(verbs)
        if not verbs:
            return
        cue = _alternation(verbs)
        if self.chars:
            cue = rf"(?:{cue})(?![为之作])"
            roles = _alternation(cues.get("name_roles", ())) or r"(?!)"
            self.patterns = [
                re.compile(
                    rf"(?P<name>[{_ZH_CHARS}]{{1,10}}(?:·[{_ZH_CHARS}]{{1,8}})+)"
                    rf"{_ZH_PAREN}{_ZH_PLACE}(?P<cue>{cue})"
                ),
                re.compile(
                    rf"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s*{_ZH_PAREN}\s*"
                    rf"{_ZH_PLACE}(?P<cue>{cue})"
                ),
                re.compile(rf"(?:{roles})(?P<name>[{_ZH_CHARS}]{{2,3}}?)(?P<cue>{cue})"),
            ]
            self.pronoun = re.compile(rf"(?<![其吉])(?P<pron>[他她])(?!们)(?P<cue>{cue})")
            self.cue = re.compile(cue)
        else:
            tail = rf"(?:,[^,“”\"\n]{{1,120}}?,)?,?\s+(?:[a-z]+ly\s+)?(?P<cue>{cue})\b"
            self.patterns = [
                re.compile(rf"{_EN_NAME}(?={tail})"),
                re.compile(rf"\b(?P<cue>said|says|according\s+to)\s+{_EN_NAME}"),
            ]
            self.pronoun = re.compile(
                rf"\b(?P<pron>[Ss]he|[Hh]e)\s+(?:[a-z]+ly\s+)?(?P<cue>{cue})\b"
            )
            self.cue = re.compile(rf"\b(?:{cue})\b")

    def find(self, text: str) -> list[_Attr]:
        """Attributions in ``text``, by position (names not yet resolved)."""
        if not self.active:
            return []
        found: list[_Attr] = []
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                name = self._clean(m.group("name"))
                if name:
                    end = m.end("cue") if m.group("cue") and m.end("cue") > 0 else m.end()
                    found.append(_Attr(m.start(), max(end, m.end()), name, self._is_alias(name)))
        found.extend(
            _Attr(m.start(), m.end(), m.group("pron"), False, pronoun=True)
            for m in self.pronoun.finditer(text)
        )
        # Names inside an appositive ("Ada Quill, a researcher at Example Labs,
        # said") end at the same cue as the name before it: keep the first.
        first: dict[int, _Attr] = {}
        for attr in sorted(found, key=lambda a: (a.start, a.end)):
            first.setdefault(attr.end, attr)
        return sorted(first.values(), key=lambda a: (a.start, a.end))

    def names(self, text: str) -> list[str]:
        """Full names written in ``text`` without an attribution cue (Chinese dotted names)."""
        if not self.chars:
            return []
        return [n for n in (self._clean(m.group()) for m in _ZH_DOTTED.finditer(text)) if n]

    def aliases(self, text: str, aliases: Iterable[str]) -> list[_Attr]:
        """``alias + cue`` attributions of short names already known.

        Each cue checks the few characters before it against a set of names,
        so the work is linear in the text whatever the number of names.
        """
        known = frozenset(aliases)
        if not self.active or not known:
            return []
        longest = max(len(a) for a in known)
        out = []
        for m in self.cue.finditer(text):
            end = m.start()
            while end > 0 and text[end - 1] in _SPACE:
                end -= 1
            for size in range(min(longest, end), 1, -1):
                if text[end - size : end] in known:
                    out.append(_Attr(end - size, m.end(), text[end - size : end], True))
                    break
        return out

    def _clean(self, raw: str) -> str:
        if self.chars:
            if "·" in raw:
                first, rest = raw.split("·", 1)
                cut = max((i for i, ch in enumerate(first) if ch in self.boundaries), default=-1)
                first = first[cut + 1 :][-6:]
                return f"{first}·{rest}" if first else ""
            return raw.strip()
        words = raw.split()
        while words and words[0].rstrip(".") in self.not_names:
            words.pop(0)
        if not words or any(w.endswith(("’s", "'s")) for w in words):
            return ""
        return " ".join(words)

    def _is_alias(self, name: str) -> bool:
        if self.chars:
            return "·" not in name and not _LATIN.search(name) and len(name) < 2
        return " " not in name


class _People:
    """The people an article's attributions (and quotes) name, resolved once."""

    def __init__(self, article: Article, rules: RuleSet, quotes: Sequence[Quote]) -> None:
        finders = [a for a in rules._attribution.values() if a.active]
        found: list[tuple[int, _Attr]] = []
        full: dict[str, set[str]] = {}
        for index, block in enumerate(article.blocks):
            for finder in finders:
                for attr in finder.find(block.text):
                    found.append((index, attr))
                    if not attr.alias and not attr.pronoun:
                        full.setdefault(attr.name, set())
                for name in finder.names(block.text):
                    full.setdefault(name, set())
        alias_of: dict[str, str] = {}
        for name in full:
            parts = _NAME_PARTS.split(name)
            for part in parts[1:] + parts[:1]:
                if len(part) >= 2 and part != name:
                    alias_of.setdefault(part, name)
        if any(f.chars for f in finders) and alias_of:
            for index, block in enumerate(article.blocks):
                for finder in finders:
                    if finder.chars:
                        found.extend((index, a) for a in finder.aliases(block.text, alias_of))
        speakers: dict[str, Person] = {}
        for quote in quotes:
            if quote.speaker is not None:
                for name in quote.speaker.names:
                    speakers.setdefault(name, quote.speaker)
        resolved: list[tuple[int, int, int, str]] = []
        last: str | None = None
        for index, attr in sorted(found, key=lambda f: (f[0], f[1].start, f[1].end)):
            who: str | None = attr.name
            if attr.pronoun:
                who = last
            elif attr.alias or attr.name in alias_of:
                who = attr.name if attr.name in full else alias_of.get(attr.name)
                if who is not None and attr.name != who:
                    full[who].add(attr.name)
            if who is None:
                continue
            last = who
            offset = article.block_span(index).start
            resolved.append((index, offset + attr.start, offset + attr.end, who))
        self.people: dict[str, Person] = {}
        for name, aliases in full.items():
            quoted = speakers.get(name) or next(
                (speakers[a] for a in aliases if a in speakers), None
            )
            self.people[name] = quoted or Person(name, aliases=sorted(aliases))
        self.by_block: dict[int, list[tuple[int, int, Person]]] = {}
        for index, start, end, name in resolved:
            self.by_block.setdefault(index, []).append((start, end, self.people[name]))
        for quote in quotes:
            if quote.speaker is None:
                continue
            for span in quote.spans:
                if span.doc != article.id or not 0 <= span.start <= len(article.text):
                    continue
                index = article.block_at(span.start)
                self.by_block.setdefault(index, []).append((span.start, span.end, quote.speaker))
        self.quotes = sorted(
            (
                (span.start, span.end, q.speaker)
                for q in quotes
                if q.speaker is not None
                for span in q.spans
                if span.doc == article.id
            ),
            key=lambda item: (item[0], item[1]),
        )
        self._quote_starts = [start for start, _, _ in self.quotes]

    def person_for(
        self, block: int, evidence: Sequence[Span], sentences: Sequence[tuple[int, int]]
    ) -> Person | None:
        """The person a quote holding the evidence, or an attribution near it, names.

        Looks at the first few evidence spans only and finds sentences and
        quotes by bisection, so a block with many tags stays linear.
        """
        looked = evidence[:_EVIDENCE_LOOKED_AT]
        for span in looked:
            at = bisect.bisect_right(self._quote_starts, span.start)
            for start, end, speaker in self.quotes[max(0, at - 2) : at]:
                if start <= span.start and span.end <= end:
                    return speaker
        candidates = self.by_block.get(block, ())
        if not candidates:
            return None
        sentence_starts = [s for s, _ in sentences]
        for span in looked:
            i = bisect.bisect_right(sentence_starts, span.start) - 1
            if i < 0 or span.start >= sentences[i][1]:
                continue
            s_start, s_end = sentences[i]
            inside = [c for c in candidates if c[0] < s_end and s_start < c[1]]
            if inside:
                return min(inside, key=lambda c: abs(c[0] - span.start))[2]
        first = evidence[0].start if evidence else 0
        return min(candidates, key=lambda c: abs(c[0] - first))[2]
