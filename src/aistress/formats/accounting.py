"""Check that a reader accounted for every character of its input.

Readers promise that nothing is lost: every non-whitespace character of the
decoded input lies in an article block, a metadata field
(:attr:`Provenance.fields <aistress.model.Provenance.fields>`) or a recorded
:class:`~aistress.model.Boilerplate` item. :func:`unaccounted` lists what is
not, so tests (ours and those of anyone adding a format) can prove it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from aistress.model import Source, Span

__all__ = ["covering_spans", "unaccounted"]


def covering_spans(source: Source) -> Iterator[Span]:
    """Every span a source records into its own input."""
    for article in source.articles:
        for block in article.blocks:
            if block.span is not None:
                yield block.span
        if article.provenance is not None:
            for field in article.provenance.fields:
                yield field.span
    for item in source.boilerplate:
        if item.span is not None:
            yield item.span


def unaccounted(text: str, source: Source) -> list[tuple[int, int]]:
    """Runs ``(start, end)`` of non-whitespace characters of ``text`` that no span covers.

    Only spans whose document is ``source.id`` count. Time is
    O(n + s log s) for n characters and s spans.

    >>> from aistress.model import Boilerplate
    >>> item = Boilerplate("footer", "ab", Span("s", 0, 2))
    >>> unaccounted("ab cd", Source("s", "x", boilerplate=[item]))
    [(3, 5)]
    """
    n = len(text)
    doc = source.id
    # Sorted as recorded and clamped to the text on the way: clamping keeps the order.
    covered = sorted([(span.start, span.end) for span in covering_spans(source) if span.doc == doc])
    runs: list[tuple[int, int]] = []
    pos = 0  # everything before pos is covered or looked at
    search = _NON_SPACE.search
    for start, end in covered:
        if start < 0:
            start = 0
        if end > n:
            end = n
        if start >= end:
            continue
        # Only the gaps between spans are searched, by the regex engine; most
        # are whitespace, which one search rules out.
        if start > pos and search(text, pos, start) is not None:
            runs += [m.span() for m in _NON_SPACE.finditer(text, pos, start)]
        if end > pos:
            pos = end
    if pos < n:
        runs += [m.span() for m in _NON_SPACE.finditer(text, pos, n)]
    return runs


def _reference_unaccounted(text: str, source: Source) -> list[tuple[int, int]]:
    """:func:`unaccounted` by definition, character by character (for the tests)."""
    covered = bytearray(len(text) + 1)
    for span in covering_spans(source):
        if span.doc != source.id:
            continue
        start, end = max(0, span.start), min(len(text), span.end)
        if start < end:
            covered[start:end] = b"\x01" * (end - start)
    runs: list[tuple[int, int]] = []
    run_start = -1
    for i, ch in enumerate(text):
        missing = not covered[i] and not ch.isspace()
        if missing and run_start < 0:
            run_start = i
        elif not missing and run_start >= 0:
            runs.append((run_start, i))
            run_start = -1
    if run_start >= 0:
        runs.append((run_start, len(text)))
    return runs


# A run of characters str.isspace rejects (the regex engine's \s is the same test).
_NON_SPACE = re.compile(r"\S+")
