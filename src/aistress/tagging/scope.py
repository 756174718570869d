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

:func:`aistress.tagging.polarity` asks the same question of any span of any
text (the comparison checks can use it to see whether a derived text denies
what its source asserts):

>>> text = "Long weeks are not the problem for us. Burnout is real."
>>> polarity(text, 5, 10)
Polarity(polarity='negated', cue=(11, 30))
>>> polarity(text, 39, 46)
Polarity(polarity='asserted', cue=None)
>>> polarity("我们组并不缺算力。", 6, 8).polarity
'negated'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from aistress.errors import InvalidValueError
from aistress.tagging.matcher import _EN_TOKEN, _Hit, _Matcher
from aistress.tagging.rules import RuleSet, default_rules
from aistress.text.language import detect_language, is_chinese
from aistress.text.sentences import sentences as split_sentences

__all__ = ["Polarity", "polarity"]

#: How many sentences away a rejection cue reaches (``... I don't buy it``); a
#: minority cue (``only 12% chose``) reaches its own sentence only.
REJECTION_REACH = {"rejection": 1, "minority": 0}

_CLAUSE_MARK = re.compile(r"[,;:，；：、—–()（）\[\]“”\"「」『』]|\s-\s")


def _bounds(
    text: str, language: str, spans: Sequence[tuple[int, int]] | None = None
) -> tuple[list[int], list[int]]:
    """Sentence starts and clause starts of a block (sorted offsets).

    ``spans`` are the block's sentences when the caller has them already.
    """
    if spans is None:
        spans = split_sentences(text, language)
    sentence_starts = [start for start, _ in spans] or [0]
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
    cue_of = matcher.cue_of
    for index, hit in enumerate(hits):
        kinds = cue_of.get(hit.term)
        if not kinds and conceded_clause < 0:
            continue  # no cue, and no concession to mark (clauses count from 0)
        clause = _unit(clause_starts, hit.start)
        if clause == conceded_clause:
            hit.conceded = True
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
    kinds = matcher.cue_of
    return [h.start for h in hits if h.term in kinds and "contrast" in kinds[h.term]]


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


@attrs.frozen
class Polarity:
    """How a span of text is said, and the cue that says so.

    Attributes:
        polarity: ``"asserted"``, ``"negated"`` (a negation governs it),
            ``"rejected"`` (a rejection or minority cue stands in its sentence
            or, for rejections, a neighbouring one) or ``"hypothetical"`` (the
            paragraph only asks: ``Q: ...?``).
        cue: ``(start, end)`` of the cue in the text, or None when asserted.
    """

    polarity: str
    cue: tuple[int, int] | None = None


def polarity(
    text: str, start: int, end: int, *, language: str | None = None, rules: RuleSet | None = None
) -> Polarity:
    """The polarity of ``text[start:end]`` under the cue lists of the tagging rules.

    Args:
        text: A paragraph (or sentence) holding the span.
        start: Start offset of the span in ``text``.
        end: End offset of the span.
        language: ``"en"``, ``"zh"`` ...; guessed from the script by default.
        rules: Rules whose cue lists to use (default: :func:`~aistress.tagging.default_rules`).

    Raises:
        InvalidValueError: the span does not lie inside ``text``.

    Linear in the length of ``text``.
    """
    if not isinstance(text, str):
        raise InvalidValueError("polarity.text", text, "must be a str")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        raise InvalidValueError(
            "polarity.span", (start, end), f"must lie inside the text of {len(text)} characters"
        )
    rules = rules if rules is not None else default_rules()
    language = language or detect_language(text)
    key = "zh" if is_chinese(language) else language.split("-")[0].lower()
    labels = rules.cues(key, "question_labels")
    stripped = text.strip()
    if stripped.endswith(("?", "？")) and any(stripped.startswith(label) for label in labels):
        label = next(lab for lab in labels if stripped.startswith(lab))
        at = text.index(label)
        return Polarity("hypothetical", (at, at + len(label)))
    matcher = rules._matchers.get(key)
    if matcher is None:
        return Polarity("asserted")
    sentence_starts, clause_starts = _bounds(text, language)
    hits = matcher.scan(text)
    contrast = _contrast_starts(hits, matcher)
    clauses = sorted({*clause_starts, *contrast}) if contrast else clause_starts
    if matcher.chars:
        first, last = start, max(end, start + 1)
    else:
        tokens = [m.start() for m in _EN_TOKEN.finditer(text)]
        first = bisect.bisect_left(tokens, start)
        last = max(first + 1, bisect.bisect_left(tokens, end))
    probe = _Hit(start, end, -1, first, last)
    at = bisect.bisect_left([(h.start, -h.end) for h in hits], (start, -end))
    hits.insert(at, probe)
    _mark_cues(hits, matcher, clauses, rules._scopes[key])
    if probe.negated_by is not None:
        return Polarity("negated", (probe.negated_by.start, probe.negated_by.end))
    unit = _unit(sentence_starts, start)
    near = [
        (abs(_unit(sentence_starts, h.start) - unit), h.start, h)
        for h, reach in _rejection_hits(hits, matcher)
        if abs(_unit(sentence_starts, h.start) - unit) <= reach
    ]
    if near:
        cue = min(near, key=lambda n: (n[0], n[1]))[2]
        return Polarity("rejected", (cue.start, cue.end))
    return Polarity("asserted")


def _rejection_hits(hits: Iterable[_Hit], matcher: _Matcher) -> Iterator[tuple[_Hit, int]]:
    """Rejection and minority cues among the hits, with how many sentences each reaches."""
    cue_of = matcher.cue_of
    for h in hits:
        kinds = cue_of.get(h.term)
        if not kinds:
            continue  # most hits are terms, not cues
        reach = max((REJECTION_REACH[k] for k in kinds if k in REJECTION_REACH), default=-1)
        if reach >= 0:
            yield h, reach
