"""Text normalisation and the linear term scanner of the tagger.

English text is split into word tokens once and every token is stemmed
(:func:`~aistress.text.words.stem`); every term is stored in a trie keyed by normalised tokens
(Chinese terms in a trie keyed by characters), and one left-to-right walk
from each token or character finds every term, in time linear in the text
for a fixed rule set (each walk is at most as deep as the longest term).
``re:`` terms are run once each with :meth:`re.Pattern.finditer`.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from typing import Any

import attrs

from aistress.text._lowered import lower_text, lowered
from aistress.text.language import HAN_CHAR, is_chinese
from aistress.text.script import to_simplified
from aistress.text.words import stem

__all__ = ["stem"]


_EN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|\$")
_HAN = HAN_CHAR
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = frozenset(" \t\r\n\u00a0\u3000")
_START, _END, _GROUP = re.Match.start, re.Match.end, re.Match.group
# Most distinct words a matcher keeps the stems of before it starts again.
_STEM_CACHE = 1 << 16
# Longer tokens are stemmed each time (a long run of letters is no word worth keeping).
_LONGEST_KEPT = 40
# Inline flags and conditionals: a pattern holding one keeps its own scan.
_OWN_SYNTAX = re.compile(r"\(\?[aiLmsux(-]")
# Full-width ASCII to ASCII and upper to lower case, one character for one.
_FOLD = {c: c + 0x20 for c in range(ord("A"), ord("Z") + 1)}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
_FOLD.update({c: c - 0xFEE0 + 0x20 for c in range(0xFF21, 0xFF3B)})
_FOLD[0x2019] = 0x27  # right single quotation mark as apostrophe


def _fold(text: str) -> str:
    return text.translate(_FOLD)


def _en_key(term: str, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    return tuple(stem(m.group(), keep) for m in _EN_TOKEN.finditer(term))


def _zh_key(term: str) -> str:
    return "".join(ch for ch in _fold(to_simplified(term)) if ch not in _SPACE)


def _character_mode(language: str) -> bool:
    primary = language.split("-")[0].lower()
    return is_chinese(language) or primary in {"ja", "ko"}


@attrs.define
class _Hit:
    start: int
    end: int
    term: int
    first: int  # first unit (token or character) index
    last: int  # one past the last unit
    negated_by: _Hit | None = None
    conceded: bool = False


@attrs.frozen
class _Term:
    kind: str  # "en", "zh" or "re"
    key: Any  # tuple of stems, folded string or compiled pattern


class _Matcher:
    """Every term and cue of one language, compiled for a linear scan."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.chars = _character_mode(language)
        self.keep: frozenset[str] = frozenset()
        self.terms: list[_Term] = []
        self._ids: dict[tuple[str, Any], int] = {}
        self.trie: dict[Any, Any] = {}
        self.depth = 0
        self.patterns: list[tuple[int, re.Pattern[str]]] = []
        self.cue_of: dict[int, set[str]] = {}
        self.members: dict[int, list[tuple[int, int]]] = {}
        # The alternation of the ``re:`` terms that can share one, and which can.
        self._any: re.Pattern[str] | None = None
        # The same, lower-cased, for lower-cased text (None: no such pattern).
        self._any_lower: re.Pattern[str] | None = None
        self._shared: list[bool] = []
        # Every pattern with whether it shares the alternation, and those that do not.
        self._scanned: list[tuple[int, re.Pattern[str], bool]] = []
        self._own: list[tuple[int, re.Pattern[str], bool]] = []
        self._stem_keep: frozenset[str] | None = None
        self._stem_cache: dict[str, str] = {}

    def key(self, text: str) -> tuple[str, Any]:
        """A term's kind (``"en"``, ``"zh"`` or ``"re"``) and the key it is stored under."""
        if text.startswith("re:"):
            return "re", text[3:]
        if self.chars:
            return "zh", _zh_key(text)
        return "en", _en_key(text, self.keep)

    def add(self, text: str, key: tuple[str, Any] | None = None) -> int:
        """Register a term (phrase or ``re:`` pattern); return its id.

        ``key`` is :meth:`key` of ``text`` when the caller has it already.
        """
        kind, found_key = key if key is not None else self.key(text)
        return self._add(kind, found_key)

    def _add(self, kind: str, key: Any) -> int:
        found = self._ids.get((kind, key))
        if found is not None:
            return found
        term_id = len(self.terms)
        self._ids[(kind, key)] = term_id
        if kind == "re":
            pattern = re.compile(key, re.IGNORECASE)
            self.terms.append(_Term(kind, pattern))
            self.patterns.append((term_id, pattern))
            self._any = None
            return term_id
        self.terms.append(_Term(kind, key))
        node = self.trie
        for unit in key:
            node = node.setdefault(unit, {})
        node.setdefault("", []).append(term_id)
        self.depth = max(self.depth, len(key))
        return term_id

    def scan(self, text: str, simplified: str | None = None) -> list[_Hit]:
        """Every term occurrence in ``text``, by start, longest first (linear time).

        ``simplified`` is :func:`~aistress.text.script.to_simplified` of the
        text, if the caller has it.
        """
        if self.chars:
            # Traditional characters are matched as their Simplified forms; the
            # copy has the text's length, so offsets stay the text's own.
            text = to_simplified(text) if simplified is None else simplified
            hits = self._scan_chars(text)
            starts: list[int] = []
        else:
            hits, starts = self._scan_tokens(text)
        hits.extend(self._scan_patterns(text, starts))
        # Longest first at each start: a pseudo-negation ("not all") must be
        # seen before the negation cue it contains ("not").
        hits.sort(key=lambda h: (h.start, -h.end, h.term))
        return hits

    def _scan_tokens(self, text: str) -> tuple[list[_Hit], list[int]]:
        matches = list(_EN_TOKEN.finditer(text))
        starts = list(map(_START, matches))
        ends = list(map(_END, matches))
        units = self._stems(list(map(_GROUP, matches)))
        hits: list[_Hit] = []
        root = self.trie
        n = len(units)
        # Only tokens that begin some term start a walk (found in C, not a Python loop).
        for i in itertools.compress(range(n), map(root.__contains__, units)):
            node = root[units[i]]
            j = i
            while True:
                found = node.get("")
                if found:
                    hits.extend(_Hit(starts[i], ends[j], t, i, j + 1) for t in found)
                j += 1
                if j >= n:
                    break
                node = node.get(units[j])
                if node is None:
                    break
        return hits, starts

    def _stems(self, words: list[str]) -> list[str]:
        """:func:`stem` of each word, cached per matcher."""
        if self._stem_keep is not self.keep:
            self._stem_keep, self._stem_cache = self.keep, {}
        cache = self._stem_cache
        units = list(map(cache.get, words))
        if None in units:
            keep = self.keep
            if len(cache) > _STEM_CACHE:
                cache.clear()
            for i, word in enumerate(words):
                if units[i] is None:
                    units[i] = found = stem(word, keep)
                    if len(word) <= _LONGEST_KEPT:
                        cache[word] = found
        return units  # type: ignore[return-value]

    def _scan_chars(self, text: str) -> list[_Hit]:
        folded = _fold(text)
        hits: list[_Hit] = []
        root = self.trie
        n = len(folded)
        # Only characters that begin some term start a walk (found in C, not a Python loop).
        for i in itertools.compress(range(n), map(root.__contains__, folded)):
            node = root[folded[i]]
            j = i
            gaps = 0
            while True:
                found = node.get("")
                if found:
                    hits.extend(_Hit(i, j + 1, t, i, j + 1) for t in found)
                j += 1
                # Whitespace inside a term is ignored (at most two in a row).
                while j < n and folded[j] in _SPACE and gaps < 2:
                    j += 1
                    gaps += 1
                if j >= n:
                    break
                if folded[j] in _SPACE:
                    break
                gaps = 0
                node = node.get(folded[j])
                if node is None:
                    break
        return hits

    def _first_pattern(self, text: str) -> int | None:
        """Where the first match of a ``re:`` term that can share an alternation may start.

        One search with the alternation of those terms replaces a scan per
        term where none matches (most blocks): a term's matches all start at
        or after the alternation's first, so scanning from there finds them
        all (word boundaries and look-behinds still see the text before). None: no
        such term matches.

        Where every such term can be written in lower case, the alternation
        is searched in the lower-cased text without ``IGNORECASE``, about
        three times faster, where lower-casing moves no offset
        (:mod:`aistress.text._lowered`): it matches there exactly where it
        matches the text ignoring case.
        """
        if self._any is None:
            self._shared = [_shareable(p) for _, p in self.patterns]
            self._scanned = [
                (t, p, shared) for (t, p), shared in zip(self.patterns, self._shared, strict=True)
            ]
            self._own = [(t, p, shared) for t, p, shared in self._scanned if not shared]
            shared = [p.pattern for _, p in self.patterns if _shareable(p)]
            self._any = _alternation(shared, re.IGNORECASE)
            fast = [lowered(p) for p in shared]
            self._any_lower = None
            # Chinese text has few letters to fold: lower-casing it costs more than it saves.
            if not self.chars and all(p is not None for p in fast):
                self._any_lower = _alternation([p for p in fast if p is not None], 0)
        if self._any_lower is not None:
            low = lower_text(text)
            if low is not None:
                found = self._any_lower.search(low)
                return None if found is None else found.start()
        found = self._any.search(text)
        return None if found is None else found.start()

    def _scan_patterns(self, text: str, starts: list[int]) -> Iterator[_Hit]:
        if not self.patterns:
            return
        begin = self._first_pattern(text)
        # With no match of the alternation, only the patterns of their own are scanned.
        scanned = self._own if begin is None else self._scanned
        for term_id, pattern, shared in scanned:
            matches = pattern.finditer(text, begin if shared and begin is not None else 0)
            for m in matches:
                if m.end() == m.start():
                    continue
                if self.chars:
                    first, last = m.start(), m.end()
                else:
                    first = bisect.bisect_left(starts, m.start())
                    last = max(first + 1, bisect.bisect_left(starts, m.end()))
                yield _Hit(m.start(), m.end(), term_id, first, last)


def _alternation(patterns: list[str], flags: int) -> re.Pattern[str]:
    """One pattern matching wherever one of ``patterns`` does."""
    return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", flags)


def _shareable(pattern: re.Pattern[str]) -> bool:
    """Whether a ``re:`` term means the same inside an alternation (no groups, no flags)."""
    return not pattern.groups and _OWN_SYNTAX.search(pattern.pattern) is None
