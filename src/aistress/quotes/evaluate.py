"""Scoring extracted quotes against a gold annotation.

>>> from aistress.model import Quote, Span
>>> gold = [GoldQuote(Span("a", 1, 5), "Ada Byron"),
...         GoldQuote(Span("a", 9, 12), None, anonymous=True)]
>>> found = [Quote("abcd", "en", [Span("a", 1, 5)])]
>>> s = score_quotes(found, gold)
>>> s.precision, s.recall, s.speaker_accuracy
(1.0, 0.5, 0.0)
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from aistress.model import Quote, QuoteKind, Span
from aistress.people import name_key

__all__ = ["GoldQuote", "QuoteScore", "score_quotes"]


@attrs.frozen
class GoldQuote:
    """One quoted stretch as a person annotated it.

    Attributes:
        span: The quoted words without their marks.
        speaker: Any name of the speaker, or None when unnamed or unknown.
        anonymous: The speaker is an unnamed source.
        partial: The quote is a fragment inside reported speech.
    """

    span: Span
    speaker: str | None = None
    anonymous: bool = False
    partial: bool = False


@attrs.frozen
class QuoteScore:
    """Span precision, recall and F1, and speaker accuracy on the matched spans."""

    predicted: int
    gold: int
    matched: int
    speakers_right: int

    @property
    def precision(self) -> float:
        """Matched spans over predicted spans (1.0 when nothing was predicted)."""
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        """Matched spans over gold spans (1.0 when the gold is empty)."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        """Share of matched spans whose speaker is right (1.0 when none matched)."""
        return self.speakers_right / self.matched if self.matched else 1.0


def _speaker_right(quote: Quote, gold: GoldQuote) -> bool:
    if gold.speaker is None:
        return quote.speaker is None and quote.anonymous == gold.anonymous
    if quote.speaker is None:
        return False
    return name_key(gold.speaker) in {name_key(n) for n in quote.speaker.names}


def score_quotes(predicted: Iterable[Quote], gold: Iterable[GoldQuote]) -> QuoteScore:
    """Score ``predicted`` quotes (their direct-quote spans) against ``gold``.

    A span counts as found when a predicted span has exactly the same
    document, start and end. Scare quotes among ``predicted`` are ignored.
    Linear in the number of spans.
    """
    spans: dict[Span, Quote] = {}
    for quote in predicted:
        if quote.kind is QuoteKind.DIRECT:
            for span in quote.spans:
                spans.setdefault(span, quote)
    gold_list = list(gold)
    matched = right = 0
    for g in gold_list:
        found = spans.get(g.span)
        if found is None:
            continue
        matched += 1
        right += _speaker_right(found, g)
    return QuoteScore(len(spans), len(gold_list), matched, right)
