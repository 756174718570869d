"""Rule firings in one block: scan, mark cue scopes, fill rule windows."""

from __future__ import annotations

import bisect
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from aistress.tagging.matcher import _HAN, _LATIN, _Hit, _Matcher
from aistress.tagging.rules import RuleSet
from aistress.tagging.scope import (
    REJECTION_REACH,
    _bounds,
    _contrast_starts,
    _mark_cues,
    _polarity_ok,
    _rejection_hits,
    _unit,
)

_REACHES = frozenset(REJECTION_REACH.values())

#: Confidence factor for terms in a conceded clause (``despite ...``).
CONCESSION_FACTOR = 0.5


#: User handles (``@name``, ``u/name``, ``snake_case_names``): words in them are not terms.
_HANDLE = re.compile(
    r"(?:(?<![\w/])u/|@)[^\s：:,，;；。!?！？]+|\b[A-Za-z0-9]+(?:_[A-Za-z0-9]+)+\b"
)


class _Firing(NamedTuple):
    """One rule firing (a named tuple: a quarter of a frozen class's cost)."""

    rule: int
    spans: tuple[tuple[int, int], ...]
    confidence: float
    polarity: str = "asserted"  # "asserted", "negated" or "rejected"
    cue: tuple[int, int] | None = None


#: A term's places in the rules: ``(rule index, group, window, size)`` each.
_Places = tuple[tuple[int, int, int, int], ...]


class _Members:
    """Per language, each term's places in the allowed rules, worked out once.

    ``of(language, matcher)[term]`` holds ``(rule index, group, window,
    size)`` for every group of an allowed rule the term belongs to: window 0
    (paragraph), 1 (sentence) or 2 (clause), size the rule's number of groups.
    """

    def __init__(self, rules: RuleSet, allowed: frozenset[int]) -> None:
        self.rules = rules
        self.allowed = allowed
        self._of: dict[str, dict[int, _Places]] = {}

    def of(
        self, language: str, matcher: _Matcher
    ) -> dict[int, tuple[tuple[int, int, int, int], ...]]:
        """The table of one language's matcher."""
        found = self._of.get(language)
        if found is None:
            layout = self.rules._layout
            found = self._of[language] = {
                term: places
                for term, groups in matcher.members.items()
                if (places := tuple((r, g, *layout[r]) for r, g in groups if r in self.allowed))
            }
        return found


def _firings(
    rules: RuleSet,
    members: _Members,
    text: str,
    language: str,
    spans: Sequence[tuple[int, int]] | None = None,
    simplified: str | None = None,
) -> list[_Firing]:
    """Every rule firing in one block of text, asserted, negated or rejected.

    ``members`` places the terms in the rules the caller allows; ``spans``
    are the block's sentences and ``simplified`` the text in the Simplified
    script, if the caller has them.
    """
    if not text.strip():
        return []
    sentence_starts, clause_starts = _bounds(text, language, spans)
    has_han = _HAN.search(text) is not None
    has_latin = _LATIN.search(text) is not None
    # A handle holds "@", "u/" or "_": most blocks need no search for one.
    maybe = "@" in text or "u/" in text or "_" in text
    handles = [m.span() for m in _HANDLE.finditer(text)] if maybe else []
    out: list[_Firing] = []
    rejections: list[tuple[int, int, _Hit]] = []
    for lang, matcher in rules._matchers.items():
        if not (has_han if matcher.chars else has_latin):
            continue
        hits = matcher.scan(text, simplified)
        if handles:
            hits = [h for h in hits if not _inside(handles, h)]
        if not hits:
            continue
        contrast = _contrast_starts(hits, matcher)
        clauses = sorted({*clause_starts, *contrast}) if contrast else clause_starts
        _mark_cues(hits, matcher, clauses, rules._scopes[lang])
        rejections.extend(
            (_unit(sentence_starts, h.start), reach, h)
            for h, reach in _rejection_hits(hits, matcher)
        )
        buckets: dict[tuple[int, int, bool], list[list[_Hit]]] = {}
        places = members.of(lang, matcher)
        for hit in hits:
            found = places.get(hit.term)
            if found is None:
                continue
            # The hit's unit in each window: paragraph, sentence, clause.
            units = (0, bisect_right(sentence_starts, hit.start), bisect_right(clauses, hit.start))
            for rule_index, group, window, size in found:
                key = (rule_index, units[window], hit.conceded)
                slots = buckets.get(key)
                if slots is None:
                    slots = buckets[key] = [[] for _ in range(size)]
                slots[group].append(hit)
        for (rule_index, _, conceded), slots in buckets.items():
            if not all(slots):
                continue  # some group has no hit: the rule cannot fire, asserted or denied
            rule = rules.rules[rule_index]
            confidence = rule.confidence * (CONCESSION_FACTOR if conceded else 1.0)
            chosen = _fill(slots, head_negated=rule.negated)
            if chosen is not None:
                spans = [(h.start, h.end) for h in chosen]
                head = chosen[0].negated_by
                if rule.negated and head is not None:
                    spans.append((head.start, head.end))
                out.append(_Firing(rule_index, tuple(sorted(spans)), confidence))
            elif not rule.negated:
                denied = _fill(slots, head_negated=True)
                if denied is not None and denied[0].negated_by is not None:
                    cue = denied[0].negated_by
                    spans = sorted((h.start, h.end) for h in denied)
                    out.append(
                        _Firing(
                            rule_index, tuple(spans), confidence, "negated", (cue.start, cue.end)
                        )
                    )
    if rejections:
        # Per sentence and reach, the earliest cue: each firing then looks at
        # three sentences, so the pass stays linear however many cues there are.
        first: dict[tuple[int, int], _Hit] = {}
        for unit, reach, hit in rejections:
            known = first.get((unit, reach))
            if known is None or hit.start < known.start:
                first[unit, reach] = hit
        out = [_rejected(f, first, sentence_starts) for f in out]
    return out


def _inside(spans: list[tuple[int, int]], hit: _Hit) -> bool:
    """Whether the hit overlaps one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (hit.start, len(spans) and 1 << 62)) - 1
    return any(a < hit.end and hit.start < b for a, b in spans[max(0, i) : i + 2])


def _rejected(
    firing: _Firing, first: dict[tuple[int, int], _Hit], sentence_starts: list[int]
) -> _Firing:
    """The firing, rejected if a rejection cue stands in its sentence or a neighbour."""
    if firing.polarity != "asserted" or not firing.spans:
        return firing
    unit = _unit(sentence_starts, firing.spans[0][0])
    near = [
        (abs(d), h.start, h)
        for reach in _REACHES
        for d in range(-reach, reach + 1)
        if (h := first.get((unit + d, reach))) is not None
    ]
    if not near:
        return firing
    cue = min(near, key=lambda n: (n[0], n[1]))[2]
    return _Firing(firing.rule, firing.spans, firing.confidence, "rejected", (cue.start, cue.end))


def _fill(slots: list[list[_Hit]], *, head_negated: bool) -> list[_Hit] | None:
    """One hit per rule group, the head negated or not; None if some group has none."""
    if len(slots) == 1:
        # One group (most rules): its first hit negated or not, as asked.
        for hit in slots[0]:
            if (hit.negated_by is not None) == head_negated:
                return [hit]
        return None
    chosen: list[_Hit] = []
    for group, candidates in enumerate(slots):
        want_negated = head_negated and group == 0
        eligible = [
            h
            for h in candidates
            if _polarity_ok(h, want_negated, chosen[0] if chosen else None)
            and all(h.end <= c.start or c.end <= h.start for c in chosen)
        ]
        if not eligible:
            return None
        # The first head hit; for the other groups the hit nearest to it.
        anchor = chosen[0].start if chosen else eligible[0].start
        chosen.append(min(eligible, key=lambda h: (abs(h.start - anchor), h.start)))
    return chosen


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted unique spans, dropping any that lies inside another."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    reach = -1
    for start, end in ordered:
        if end <= reach:
            continue
        out.append((start, end))
        reach = max(reach, end)
    return out
