"""The banded search and bead scoring compiled with numba, for long texts.

:func:`banded_search` does what :func:`aistress.alignment.search.banded_search`
does with the scores of :class:`~aistress.alignment.evidence.BeadScorer`, in one
compiled loop (:mod:`aistress.alignment.kernels`): the same arithmetic in the
same order, so the same floats, the same ties and the same path (a property
test checks it against the pure-Python reference, which stays the definition
and the fallback).

Sets of words become arrays of integers: each segment's set is a slice of one
flat array (compressed rows), so the union over neighbouring segments is one
contiguous slice, and a union and its intersections are counted by stamping a
table indexed by word. Time per bead is the size of the sets involved, as in
the reference; memory is the band plus one table the size of the vocabulary.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

from aistress.alignment import kernels
from aistress.alignment.evidence import (
    _LOG_TAIL,
    _TAIL_MAX,
    _TAIL_STEPS,
    HOPELESS_DEVIATIONS,
    LEXICAL_CONFIDENCE_WORDS,
    BeadScorer,
)

__all__ = ["banded_search", "work"]


def work(band: Sequence[tuple[int, int]], types: int) -> int:
    """Beads a search over ``band`` with ``types`` bead types may score."""
    return sum(hi - lo + 1 for lo, hi in band) * types


def banded_search(
    scorer: BeadScorer,
    band: Sequence[tuple[int, int]],
    types: Sequence[tuple[int, int]],
    lengths: tuple[float, float] | None,
) -> list[tuple[int, int, int, int]] | None:
    """The best path of :func:`~aistress.alignment.search.banded_search`, compiled.

    Args:
        scorer: Scores the beads, exactly as ``BeadScorer.score`` would.
        band: For each source node the inclusive interval of target nodes.
        types: The bead types; null types (an empty side) score their prior.
        lengths: ``(variance, limit)`` of the length gate, or None for no gate.

    Returns:
        The beads ``(i, a, j, b)`` of the best path, or None when the
        compiled kernels are not available (the caller runs the pure-Python search).

    Raises:
        ValueError: When the band does not connect (0, 0) to (n, m).
    """
    compiled = kernels.get()
    if compiled is None:
        return None
    import numpy as np

    n, m = len(scorer.source), len(scorer.target)
    if n == 0 and m == 0:
        return []
    lo = np.array([b[0] for b in band], dtype=np.int64)
    hi = np.array([b[1] for b in band], dtype=np.int64)
    offsets = np.zeros(n + 2, dtype=np.int64)
    np.cumsum(hi - lo + 1, out=offsets[1:])
    cells = int(offsets[-1])
    # Words are numbered from 1 by the target's sets and the source's numbers;
    # a source translation or Latin token no target segment holds can never
    # be counted, and becomes 0, a number no target word has.
    vocabulary: set[str] = set()
    for column in (scorer._tgt_chinese, scorer._tgt_latin, scorer._tgt_num, scorer._src_num):
        vocabulary.update(*column)
    ids = dict(zip(vocabulary, range(1, len(vocabulary) + 1), strict=True))
    flat = []
    for column in (
        scorer._src_trans,
        scorer._src_latin,
        scorer._src_num,
        scorer._tgt_chinese,
        scorer._tgt_latin,
        scorer._tgt_num,
    ):
        flat += _rows(column, ids)
    limit2 = lengths[0] * lengths[1] ** 2 / 2.0 if lengths is not None else 0.0
    w_length = float(scorer.w_length)
    out = np.empty((n + m + 1) * 4, dtype=np.int64)
    count = compiled.search(
        n,
        m,
        lo,
        hi,
        offsets,
        np.array([a for a, _ in types], dtype=np.int64),
        np.array([b for _, b in types], dtype=np.int64),
        np.array([float(scorer.priors[t]) for t in types], dtype=np.float64),
        lengths is not None,
        float(limit2),
        np.array(scorer._src_len, dtype=np.float64),
        np.array(scorer._tgt_len, dtype=np.float64),
        np.array(scorer._src_known, dtype=np.float64),
        np.array(scorer._tgt_size, dtype=np.float64),
        np.array(
            [
                w_length,
                float(scorer._variance),
                float(scorer._offset),
                w_length * (_LOG_TAIL[_TAIL_MAX] + scorer._offset),
                float(HOPELESS_DEVIATIONS),
                float(scorer.w_numbers),
                float(scorer.w_latin),
                float(scorer.w_lexicon),
                float(scorer.threshold),
                float(LEXICAL_CONFIDENCE_WORDS),
            ],
            dtype=np.float64,
        ),
        bool(scorer.w_numbers) and (scorer._any_src_num or scorer._any_tgt_num),
        bool(scorer.w_latin) and scorer._any_tgt_latin,
        np.array(_LOG_TAIL, dtype=np.float64),
        _TAIL_STEPS,
        *flat,
        np.empty(cells, dtype=np.float64),
        np.empty(cells, dtype=np.int8),
        np.zeros(len(ids) + 1, dtype=np.int64),
        np.zeros(len(ids) + 1, dtype=np.int64),
        np.empty(n + 1, dtype=np.int64),
        np.empty(len(flat[1]), dtype=np.int32),
        np.empty(n + 1, dtype=np.int64),
        np.empty(len(flat[3]), dtype=np.int32),
        out,
    )
    if count < 0:
        raise ValueError("the band does not connect (0, 0) to (n, m)")
    beads = out[: 4 * count].reshape(count, 4).tolist()
    return [(i, a, j, b) for i, a, j, b in beads]


def _rows(sets: Sequence[frozenset[str]], ids: dict[str, int]) -> list[Any]:
    """Compressed rows: ``words[ptr[k]:ptr[k + 1]]`` are the word numbers of ``sets[k]``.

    Words ``ids`` does not hold become 0.
    """
    import numpy as np

    ptr = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum(np.fromiter(map(len, sets), dtype=np.int64, count=len(sets)), out=ptr[1:])
    words = np.fromiter(
        map(ids.get, itertools.chain.from_iterable(sets), itertools.repeat(0)),
        dtype=np.int32,
        count=int(ptr[-1]),
    )
    return [ptr, words]
