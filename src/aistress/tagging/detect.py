"""Rule firings in one block: scan, mark cue scopes, fill rule windows."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from aistress.tagging.matcher import _HAN, _LATIN, _Hit
from aistress.tagging.rules import RuleSet
from aistress.tagging.scope import _bounds, _contrast_starts, _mark_cues, _polarity_ok, _unit

#: Confidence factor for terms in a conceded clause (``despite ...``).
CONCESSION_FACTOR = 0.5


@attrs.frozen
class _Firing:
    rule: int
    spans: tuple[tuple[int, int], ...]
    confidence: float


def _firings(rules: RuleSet, allowed: frozenset[int], text: str, language: str) -> list[_Firing]:
    """Every rule firing in one block of text."""
    if not text.strip():
        return []
    sentence_starts, clause_starts = _bounds(text, language)
    has_han = _HAN.search(text) is not None
    has_latin = _LATIN.search(text) is not None
    out: list[_Firing] = []
    for lang, matcher in rules._matchers.items():
        if not (has_han if matcher.chars else has_latin):
            continue
        hits = matcher.scan(text)
        if not hits:
            continue
        contrast = _contrast_starts(hits, matcher)
        clauses = sorted({*clause_starts, *contrast}) if contrast else clause_starts
        _mark_cues(hits, matcher, clauses, rules._scopes[lang])
        buckets: dict[tuple[int, int, bool], list[list[_Hit]]] = {}
        for hit in hits:
            for rule_index, group in matcher.members.get(hit.term, ()):
                if rule_index not in allowed:
                    continue
                rule = rules.rules[rule_index]
                if rule.window == "paragraph":
                    unit = 0
                elif rule.window == "sentence":
                    unit = _unit(sentence_starts, hit.start)
                else:
                    unit = _unit(clauses, hit.start)
                slots = buckets.setdefault(
                    (rule_index, unit, hit.conceded), [[] for _ in rule.groups]
                )
                slots[group].append(hit)
        for (rule_index, _, conceded), slots in buckets.items():
            rule = rules.rules[rule_index]
            chosen: list[_Hit] = []
            for group, candidates in enumerate(slots):
                want_negated = rule.negated and group == 0
                eligible = [
                    h
                    for h in candidates
                    if _polarity_ok(h, want_negated, chosen[0] if chosen else None)
                    and all(h.end <= c.start or c.end <= h.start for c in chosen)
                ]
                if not eligible:
                    break
                # The first head hit; for the other groups the hit nearest to it.
                anchor = chosen[0].start if chosen else eligible[0].start
                chosen.append(min(eligible, key=lambda h: (abs(h.start - anchor), h.start)))
            else:
                spans = [(h.start, h.end) for h in chosen]
                head = chosen[0].negated_by
                if rule.negated and head is not None:
                    spans.append((head.start, head.end))
                confidence = rule.confidence * (CONCESSION_FACTOR if conceded else 1.0)
                out.append(_Firing(rule_index, tuple(sorted(spans)), confidence))
    return out


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
