"""Quotes kept and dropped across a pair (the quote checks build on this pairing)."""

from __future__ import annotations

from collections.abc import Sequence

from aistress.comparison._pair import Pair
from aistress.model import Quote
from aistress.quotes import link_quotes

__all__ = ["pair_quotes"]


def pair_quotes(pair: Pair) -> tuple[list[tuple[Quote, Quote]], list[Quote]]:
    """Quotes found on both sides (via :func:`aistress.quotes.link_quotes`) and those dropped."""
    source_quotes: Sequence[Quote] = pair.source_quotes
    derived_quotes: Sequence[Quote] = pair.derived_quotes
    if not source_quotes:
        return [], []
    if not derived_quotes:
        return [], list(source_quotes)
    linked = link_quotes(
        pair.source,
        pair.derived,
        pair.alignment,
        original_quotes=source_quotes,
        translated_quotes=derived_quotes,
    )
    kept = [(linked.original[i], linked.translated[j]) for i, j, _ in linked.pairs]
    paired = {i for i, _, _ in linked.pairs}
    dropped = [q for n, q in enumerate(linked.original) if n not in paired]
    return kept, dropped
