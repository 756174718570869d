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
from aistress.model import Discrepancy, DiscrepancyKind, Span
from aistress.text.language import is_chinese
from aistress.text.words import content_terms

__all__ = ["HEADLINE_THRESHOLD", "check_headline", "headline_relevance"]

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
    for terms in paragraphs:
        df.update(set(terms))
    body_tf: Counter[str] = Counter(t for terms in paragraphs for t in terms)

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


def check_headline(pair: Pair) -> list[Discrepancy]:
    """Flag the derived headline if it matches neither its body nor the source's headline.

    A headline may be figurative and share few words with its body, so a
    derived text that keeps its source's headline (same language, relevance
    to the source headline at or above the threshold) is not flagged. A
    headline in another language than the source's is a translated headline
    when the source has one, and is judged against its own body only when
    the source has none.
    """
    source, article = pair.source, pair.derived
    headline = " ".join(t for t in (article.title, article.subtitle) if t)
    if not headline or not article.paragraphs:
        return []
    score = headline_relevance(headline, article.paragraphs)
    if score >= HEADLINE_THRESHOLD:
        return []
    source_headline = " ".join(t for t in (source.title, source.subtitle) if t)
    source_spans = []
    if source_headline:
        if is_chinese(source.language) != is_chinese(article.language):
            return []
        if headline_relevance(headline, [source_headline]) >= HEADLINE_THRESHOLD:
            return []
        source_spans = (
            [Span(f"{source.id}#title", 0, len(source.title or ""))] if source.title else []
        )
    spans = [Span(f"{article.id}#title", 0, len(article.title or ""))]
    if article.subtitle:
        spans.append(Span(f"{article.id}#subtitle", 0, len(article.subtitle)))
    return [
        discrepancy(
            pair,
            DiscrepancyKind.HEADLINE,
            f"the headline of {article.id} does not match its body (relevance {score:.2f}, "
            f"below {HEADLINE_THRESHOLD}): it shares almost no distinctive words with it",
            source=source_spans,
            derived=spans,
            score=round(1.0 - score / HEADLINE_THRESHOLD, 3),
        )
    ]
