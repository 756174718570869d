"""Headline relevance, and the check for a headline that matches neither its body nor its source.

:func:`headline_relevance` is the one measure of how well a headline matches
a body that aistress uses; :data:`HEADLINE_THRESHOLD` is where a headline
stops matching (see the docs' comparison guide for how it was measured).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from aistress.comparison._pair import Pair, discrepancy
from aistress.comparison._similar import similarity, terms
from aistress.comparison.polarity import flipped
from aistress.model import Discrepancy, DiscrepancyKind, Span
from aistress.text.polarity import PolarityCue, polarity_cues
from aistress.text.words import content_terms

__all__ = ["HEADLINE_THRESHOLD", "KEEP_THRESHOLD", "check_headline", "headline_relevance"]

#: A headline whose relevance to its body (see :func:`headline_relevance`)
#: falls below this is reported as not matching it.
HEADLINE_THRESHOLD = 0.12


def headline_relevance(headline: str, body: Iterable[str]) -> float:
    """How well a headline matches its body, from 0 (nothing shared) to 1.

    The score is the cosine similarity between the headline's content terms
    and the body's, each term weighted by how many body paragraphs it is
    absent from (an inverse-document-frequency over the paragraphs), so
    words every paragraph repeats count less than the distinctive ones.
    English terms are lower-cased, lightly stemmed content words; Chinese
    terms are character bigrams. Linear in the length of the text.

    >>> body = ["Labs race to ship models.", "Researchers burn out as labs race."]
    >>> headline_relevance("Labs race, researchers burn out", body) > HEADLINE_THRESHOLD
    True
    >>> headline_relevance("Football club wins cup final", body)
    0.0
    """
    paragraphs = [content_terms(p) for p in body]
    head = Counter(content_terms(headline))
    if not head or not any(paragraphs):
        return 0.0
    n = len(paragraphs)
    df: Counter[str] = Counter()
    for found in paragraphs:
        df.update(set(found))
    body_tf: Counter[str] = Counter(t for found in paragraphs for t in found)

    def weight(term: str) -> float:
        return math.log((n + 1) / (df[term] + 0.5)) + 1.0

    dot = sum(head[t] * body_tf[t] * weight(t) ** 2 for t in head if t in body_tf)
    norm_h = math.sqrt(sum((c * weight(t)) ** 2 for t, c in head.items()))
    norm_b = math.sqrt(sum((c * weight(t)) ** 2 for t, c in body_tf.items()))
    if not dot or not norm_h or not norm_b:
        return 0.0
    # Cosine against a whole body is small even for a good headline; the
    # square root spreads the useful range over 0..1.
    return min(1.0, math.sqrt(dot / (norm_h * norm_b)))


#: A derived headline keeps to its story when at least this share of its
#: content terms is in its body, or it translates or rewords the source's
#: headline at least this closely (see the comparison guide for how it was measured).
KEEP_THRESHOLD = 0.25
#: Headlines this alike render one another, so a flipped negation in one is a change of sense.
SAME_HEADLINE = 0.2


def _coverage(headline: str, body: list[str]) -> float:
    """The share of the headline's content terms that its body uses."""
    words = terms(headline)
    if not words:
        return 1.0
    used: set[str] = set()
    for paragraph in body:
        used |= terms(paragraph)
    return len(words & used) / len(words)


def _keeps(pair: Pair, headline: str) -> float:
    """How well a derived headline keeps to its story: its body, or the source's headline."""
    source, article = pair.source, pair.derived
    source_headline = " ".join(t for t in (source.title, source.subtitle) if t)
    scores = [_coverage(headline, list(article.paragraphs))]
    if source_headline:
        scores.append(similarity(source_headline, source.language, headline, article.language))
    return max(scores)


def _opposite_directions(a: list[PolarityCue], b: list[PolarityCue]) -> PolarityCue | None:
    """A cue of ``b`` whose direction (rise, succeed / fall, fail) opposes all of ``a``'s."""
    ups = {c.kind for c in a if c.kind in ("increase", "decrease")}
    if len(ups) != 1:
        return None
    for c in b:
        if c.kind in ("increase", "decrease") and c.kind not in ups:
            return c
    return None


def check_headline(pair: Pair) -> list[Discrepancy]:
    """Flag a derived headline that leaves its story or says the opposite of the source's.

    A headline may be figurative and share few words with its body, so one
    that translates or rewords the source's headline keeps to its story; one
    that does neither, and whose content terms its body mostly does not use
    (below ``KEEP_THRESHOLD``), is about something else. A headline
    whose negation or rejection differs from the source headline's
    (``Opens`` / ``取消``, ``Fails`` / ``Succeeds``) says the opposite.
    """
    source, article = pair.source, pair.derived
    headline = " ".join(t for t in (article.title, article.subtitle) if t)
    if not headline or not article.paragraphs:
        return []
    source_headline = " ".join(t for t in (source.title, source.subtitle) if t)
    spans = [Span(f"{article.id}#title", 0, len(article.title or ""))]
    if article.subtitle:
        spans.append(Span(f"{article.id}#subtitle", 0, len(article.subtitle)))
    source_spans = [Span(f"{source.id}#title", 0, len(source.title))] if source.title else []
    if source_headline:
        a = polarity_cues(source_headline, source.language)
        b = polarity_cues(headline, article.language)
        na = sum(1 for c in a if c.kind in ("negation", "rejection"))
        nb = sum(1 for c in b if c.kind in ("negation", "rejection"))
        up_down = _opposite_directions(a, b)
        alike = similarity(source_headline, source.language, headline, article.language)
        flip = flipped(a, b) and {na, nb} == {0, 1}
        if alike >= SAME_HEADLINE and (flip or up_down):
            cue = up_down or next(
                c for c in (a if na else b) if c.kind in ("negation", "rejection")
            )
            return [
                discrepancy(
                    pair,
                    DiscrepancyKind.HEADLINE,
                    f"the headline of {article.id} says the opposite of the source's "
                    f"('{cue.text}' on one side only)",
                    source=source_spans,
                    derived=spans,
                    score=0.6,
                )
            ]
    keeps = _keeps(pair, headline)
    if keeps >= KEEP_THRESHOLD:
        return []
    if (
        pair.translated
        and source_headline
        and _coverage(source_headline, list(source.paragraphs)) < KEEP_THRESHOLD
    ):
        # A figurative source headline translates into a figurative one, which
        # the dictionary may not see as a translation: not enough to flag.
        return []
    score = headline_relevance(headline, article.paragraphs)
    return [
        discrepancy(
            pair,
            DiscrepancyKind.HEADLINE,
            f"the headline of {article.id} is about something else: it neither renders the "
            f"source's headline nor uses its body's words (kept {keeps:.2f}, below "
            f"{KEEP_THRESHOLD}; relevance to its body {score:.2f})",
            source=source_spans,
            derived=spans,
            score=round(1.0 - keeps / KEEP_THRESHOLD, 3),
        )
    ]
