"""The :func:`compare` entry point: run the checks over an aligned pair."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from aistress.alignment import AlignmentCache, align
from aistress.comparison._pair import Check, Pair
from aistress.comparison.attribution import check_attribution
from aistress.comparison.dates import check_dates
from aistress.comparison.headline import check_headline
from aistress.comparison.numbers import check_numbers
from aistress.comparison.polarity import check_polarity
from aistress.comparison.quotes import check_quotes, pair_quotes
from aistress.errors import InvalidValueError
from aistress.model import (
    Alignment,
    Article,
    Bead,
    Comparison,
    Discrepancy,
    DiscrepancyKind,
    Quote,
    QuoteKind,
    RelationKind,
    Remedy,
    Source,
    Span,
    Stressor,
    one_article,
)
from aistress.quotes import extract_quotes
from aistress.tagging import tag

__all__ = ["CHECKS", "compare"]

#: The checks :func:`compare` runs by default, by name.
CHECKS: Mapping[str, Check] = {
    "number": check_numbers,
    "date": check_dates,
    "attribution": check_attribution,
    "quotes": check_quotes,
    "polarity": check_polarity,
    "headline": check_headline,
}


def _coverage(source: Article, alignment: Alignment) -> float:
    total = sum(len(b.text) for b in source.blocks)
    if not total:
        return 0.0
    covered = sum(
        len(source.blocks[i].text) for bead in alignment.beads if bead.target for i in bead.source
    )
    return round(min(1.0, covered / total), 4)


def _default_alignment(
    source: Article, derived: Article, cache: AlignmentCache | None
) -> Alignment:
    if not source.blocks or not derived.blocks:
        beads = [Bead((i,), ()) for i in range(len(source.blocks))]
        beads += [Bead((), (j,)) for j in range(len(derived.blocks))]
        return Alignment(beads, unit="paragraph")
    result: Alignment = align(source, derived, unit="paragraph", cache=cache)
    return result


def _overlap(a: Sequence[Span], b: Sequence[Span]) -> bool:
    return any(x.doc == y.doc and x.start < y.end and y.start < x.end for x in a for y in b)


def _both_sides(d: Discrepancy, e: Discrepancy) -> bool:
    """Whether two discrepancies point at the same words on both sides."""
    return _overlap(d.source, e.source) and _overlap(d.derived, e.derived)


def _same_finding(d: Discrepancy, e: Discrepancy) -> bool:
    """Two checks reporting one change (a flipped negation in a quote is a quote's wording)."""
    return d.kind is e.kind and _both_sides(d, e)


def _labels(tags: Iterable[Stressor | Remedy]) -> set[str]:
    return {t.category for t in tags}


def _resolve(checks: Iterable[str | Check]) -> list[Check]:
    chosen: list[Check] = []
    unknown = []
    for item in checks:
        if callable(item):
            chosen.append(item)
        elif item in CHECKS:
            chosen.append(CHECKS[item])
        else:
            unknown.append(str(item))
    if unknown:
        allowed = ", ".join(CHECKS)
        raise InvalidValueError("checks", sorted(unknown), f"unknown checks; known: {allowed}")
    return chosen


def _relation(value: RelationKind | str) -> RelationKind:
    try:
        return RelationKind(value)
    except ValueError:
        allowed = ", ".join(k.value for k in RelationKind)
        raise InvalidValueError("relation", value, f"must be one of {allowed}") from None


def compare(
    source: Article | Source,
    derived: Article | Source,
    *,
    relation: RelationKind | str | None = None,
    alignment: Alignment | None = None,
    source_tags: Sequence[Stressor | Remedy] | None = None,
    derived_tags: Sequence[Stressor | Remedy] | None = None,
    source_quotes: Sequence[Quote] | None = None,
    derived_quotes: Sequence[Quote] | None = None,
    checks: Iterable[str | Check] = tuple(CHECKS),
    cache: AlignmentCache | None = None,
) -> Comparison:
    """Compare ``derived`` (a translation, summary or rewrite) with ``source``.

    Results the caller already has (an alignment, tags, quotes) can be passed
    in; whatever is missing is computed with :func:`aistress.alignment.align`
    (paragraph level), the tagger and the quote extractor.

    Args:
        source: The original article (or a :class:`~aistress.model.Source`
            holding exactly one article, as :func:`aistress.formats.read` returns).
        derived: The article made from it (or a one-article Source).
        relation: How ``derived`` relates to ``source``, recorded as given.
        alignment: A paragraph alignment of ``source`` blocks to ``derived``
            blocks.
        source_tags: Tags of ``source``.
        derived_tags: Tags of ``derived``.
        source_quotes: Quotes of ``source``.
        derived_quotes: Quotes of ``derived``.
        checks: The checks to run: names from ``CHECKS`` or functions
            with the same signature (a :class:`Pair` in, discrepancies out).
        cache: A run's :class:`~aistress.alignment.AlignmentCache`: the
            alignments of this pair made earlier in the run (by relation
            discovery) are taken from it rather than made again.

    Returns:
        A :class:`~aistress.model.Comparison`.

    Raises:
        InvalidValueError: ``checks`` names a check that does not exist, or
            ``relation`` is not a relation kind.
    """
    source = one_article(source, "compare")
    derived = one_article(derived, "compare")
    chosen = _resolve(checks)
    if alignment is None:
        alignment = _default_alignment(source, derived, cache)
    if source_tags is None:
        source_tags = tag(source)
    if derived_tags is None:
        derived_tags = tag(derived)
    if source_quotes is None:
        source_quotes = extract_quotes(source)
    if derived_quotes is None:
        derived_quotes = extract_quotes(derived)
    kind = None if relation is None else _relation(relation)
    pair = Pair(
        source,
        derived,
        alignment,
        relation=kind,
        source_quotes=[q for q in source_quotes if q.kind is QuoteKind.DIRECT],
        derived_quotes=[q for q in derived_quotes if q.kind is QuoteKind.DIRECT],
        cache=cache,
    )
    a, b = _labels(source_tags), _labels(derived_tags)
    kept, dropped = pair_quotes(pair)
    found: list[Discrepancy] = []
    for check in chosen:
        found.extend(d for d in check(pair) if not any(_same_finding(d, e) for e in found))
    # A figure or date changed inside a quotation is the quote's wording, reported once.
    reworded = [d for d in found if d.kind is DiscrepancyKind.QUOTE_WORDING]
    found = [
        d
        for d in found
        if d.kind not in (DiscrepancyKind.NUMBER, DiscrepancyKind.DATE)
        or not any(_both_sides(d, e) for e in reworded)
    ]
    return Comparison(
        source=source.id,
        derived=derived.id,
        relation=kind,
        alignment=alignment,
        coverage=_coverage(source, alignment),
        categories_kept=sorted(a & b),
        categories_dropped=sorted(a - b),
        categories_added=sorted(b - a),
        quotes_kept=kept,
        quotes_dropped=dropped,
        discrepancies=found,
    )
