"""Negation, concession and contrast scope: which term hits a cue governs.

Around the terms, cue lists mark

- negation (``no``, ``never``, ``unable``, ``不``, ``没有``, ``并非`` ...): a
  term up to a few words after a cue, in the same clause, is negated.
  Negated terms do not fire ordinary rules; rules marked ``"negated": true``
  fire only on a negated first group (``no escape``, ``stopped taking
  vacations``). Pseudo-negations (``not only``, ``not all``, ``no stranger
  to``, ``不断``, ``并非所有``) are not negations; post-negations (``was not
  available``, ``不存在``) negate the term just before them.
- concession (``despite``, ``although``, ``尽管``, ``虽然``): terms in a
  conceded clause only combine with each other and count at half confidence.
- contrast (``but``, ``however``, ``但``, ``然而``): a clause boundary, so a
  negation does not reach past it.

One pass over the hits marks them; each cue looks a bounded number of hits
ahead or back, so the work is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from aistress.tagging.matcher import _Hit, _Matcher
from aistress.text.sentences import sentences as split_sentences

_CLAUSE_MARK = re.compile(r"[,;:，；：、—–()（）\[\]“”\"「」『』]|\s-\s")


def _bounds(text: str, language: str) -> tuple[list[int], list[int]]:
    """Sentence starts and clause starts of a block (sorted offsets)."""
    sentence_starts = [start for start, _ in split_sentences(text, language)] or [0]
    clause_starts = sorted({*sentence_starts, *(m.start() for m in _CLAUSE_MARK.finditer(text))})
    return sentence_starts, clause_starts


def _unit(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _mark_cues(hits: list[_Hit], matcher: _Matcher, clause_starts: list[int], scope: int) -> None:
    """Set ``negated_by`` and ``conceded`` on hits.

    One pass over the hits; a negation cue looks at most ``scope`` units
    ahead (a post-negation cue as far back), so the work is linear.
    """
    pseudo_reach = -1
    conceded_clause = -1
    reach_back = scope + matcher.depth + 1
    for index, hit in enumerate(hits):
        clause = _unit(clause_starts, hit.start)
        if clause == conceded_clause:
            hit.conceded = True
        kinds = matcher.cue_of.get(hit.term)
        if not kinds:
            continue
        if "pseudo_negation" in kinds:
            pseudo_reach = max(pseudo_reach, hit.end)
            continue
        if "negation" in kinds and hit.start >= pseudo_reach:
            for ahead in range(index + 1, len(hits)):
                other = hits[ahead]
                gap = other.first - hit.last
                if gap > scope:
                    break
                if (
                    gap >= 0
                    and other.negated_by is None
                    and _unit(clause_starts, other.start) == clause
                ):
                    other.negated_by = hit
        if "post_negation" in kinds:
            for back in range(index - 1, -1, -1):
                other = hits[back]
                if hit.first - other.first > reach_back:
                    break
                gap = hit.first - other.last
                if (
                    0 <= gap <= scope
                    and other.negated_by is None
                    and _unit(clause_starts, other.start) == clause
                ):
                    other.negated_by = hit
        if "concession" in kinds:
            conceded_clause = clause


def _contrast_starts(hits: Iterable[_Hit], matcher: _Matcher) -> list[int]:
    return [h.start for h in hits if "contrast" in matcher.cue_of.get(h.term, ())]


def _polarity_ok(hit: _Hit, want_negated: bool, head: _Hit | None) -> bool:
    """Whether a hit may fill a rule group, given negation.

    A context hit negated by the same cue as the head, or by a cue inside the
    head (``cannot afford to train``), counts as not negated.
    """
    cue = hit.negated_by
    if want_negated:
        return cue is not None
    if cue is None:
        return True
    return head is not None and (
        cue is head.negated_by or (head.start <= cue.start and cue.end <= head.end)
    )
