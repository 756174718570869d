"""What a comparison found, grouped for reading: discrepancies by kind, quotes by utterance.

The report and the command line print comparisons through these helpers, so
both group discrepancies the same way and count a quotation split by its
attribution once.

>>> from aistress.model import Comparison, Discrepancy
>>> c = Comparison("a", "b", discrepancies=[
...     Discrepancy("date", "'2023' becomes '2024'", source_phrase="in 2023"),
...     Discrepancy("number", "'60' becomes '80'")])
>>> [(kind.value, len(items)) for kind, items in by_kind(c)]
[('number', 1), ('date', 1)]
>>> discrepancy_lines(c)[2:4]
['  date (1)', "    '2023' becomes '2024'"]
"""

from __future__ import annotations

from collections.abc import Iterable

from aistress.model import Comparison, Discrepancy, DiscrepancyKind, Quote

__all__ = ["by_kind", "discrepancy_lines", "quote_counts", "utterance_count"]


def by_kind(comparison: Comparison) -> list[tuple[DiscrepancyKind, list[Discrepancy]]]:
    """The discrepancies grouped by kind, in :class:`~aistress.model.DiscrepancyKind` order."""
    groups: dict[DiscrepancyKind, list[Discrepancy]] = {}
    for d in comparison.discrepancies:
        groups.setdefault(d.kind, []).append(d)
    return [(kind, groups[kind]) for kind in DiscrepancyKind if kind in groups]


def discrepancy_lines(comparison: Comparison, indent: str = "  ") -> list[str]:
    """Plain-text lines: a heading per kind, each discrepancy with both sides quoted."""
    lines = []
    for kind, items in by_kind(comparison):
        lines.append(f"{indent}{kind.value} ({len(items)})")
        for d in items:
            lines.append(f"{indent}  {d.explanation}")
            if d.source_phrase:
                lines.append(f"{indent}    source:  «{d.source_phrase}»")
            if d.derived_phrase:
                lines.append(f"{indent}    derived: «{d.derived_phrase}»")
    return lines


def utterance_count(quotes: Iterable[Quote]) -> int:
    """How many utterances the quotes hold: parts sharing ``Quote.utterance`` count once."""
    seen: set[object] = set()
    for n, q in enumerate(quotes):
        seen.add(("u", q.utterance) if q.utterance is not None else ("q", n))
    return len(seen)


def quote_counts(comparison: Comparison) -> tuple[int, int]:
    """Utterances kept and dropped by the derived text."""
    return (
        utterance_count(a for a, _ in comparison.quotes_kept),
        utterance_count(comparison.quotes_dropped),
    )
