"""The banded search and bead scoring compiled with numba, for long texts.

:func:`banded_search` does what :func:`aistress.alignment.search.banded_search`
does with the scores of :class:`~aistress.alignment.evidence.BeadScorer`, in one
compiled loop (:mod:`aistress.alignment.kernels`): the same evidence functions in
the same order, so the same floats, the same ties and the same path (a property
test checks it against the pure-Python reference, which stays the fallback).

Features become arrays once per text pair (:class:`Side`): sets of words
become integers, each segment's set a slice of one flat array (compressed
rows), so the union over neighbouring segments is one contiguous slice, and
a union and its intersections are counted by stamping a table indexed by
word. The coarser levels of the search merge these arrays
(:meth:`Side.merged`) without going back to the words. Time per bead is the
size of the sets involved, as in the reference; memory is the band plus one
table the size of the vocabulary.
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
    SegmentFeatures,
)

__all__ = ["Side", "band_around", "banded_search", "distinct", "sides", "similarities", "work"]


def work(band: Sequence[tuple[int, int]], types: int) -> int:
    """Beads a search over ``band`` with ``types`` bead types may score."""
    return sum(hi - lo + 1 for lo, hi in band) * types


class Side:
    """One side's features as arrays (see the module's description).

    Attributes:
        length: Each segment's length.
        extra: Each segment's known words (source) or size in words (target).
        ptr: ``(3, n + 1)``: set ``r`` of segment ``k`` is ``ids[ptr[r, k]:ptr[r, k + 1]]``,
            for ``r`` in ``kernels.WORDS`` (translations or lexicon words),
            ``kernels.LATIN`` (Latin-script tokens) and ``kernels.NUMBERS``
            (number keys).
        ids: The words, numbered from 1 to ``vocabulary - 1``.
        vocabulary: One more than the highest word number (both sides share it).
    """

    def __init__(self, length: Any, extra: Any, ptr: Any, ids: Any, vocabulary: int) -> None:
        import numpy as np

        self.length = length
        self.extra = extra
        self.ptr = ptr
        self.ids = ids
        self.vocabulary = vocabulary
        sums = np.zeros((2, len(length) + 1), dtype=np.float64)
        np.cumsum(length, out=sums[0, 1:])
        np.cumsum(extra, out=sums[1, 1:])
        self.sums = sums

    def __len__(self) -> int:
        return len(self.length)

    def lengths(self) -> list[float]:
        """Each segment's length, as Python floats."""
        return list(self.length.tolist())

    def words(self, k: int) -> frozenset[int]:
        """The word set (translations or lexicon words) of segment ``k``."""
        start, stop = self.ptr[kernels.WORDS, k], self.ptr[kernels.WORDS, k + 1]
        return frozenset(self.ids[start:stop].tolist())

    def taken(self, index: Any) -> Side:
        """The side whose segment ``k`` is this side's segment ``index[k]``."""
        import numpy as np

        ptr = np.zeros((3, len(index) + 1), dtype=np.int64)
        parts = []
        done = 0
        for r in range(3):
            starts = self.ptr[r, index]
            counts = self.ptr[r, index + 1] - starts
            np.cumsum(counts, out=ptr[r, 1:])
            # Position of every word taken: its row's start, plus its place in the row.
            at = np.repeat(starts - ptr[r, :-1], counts) + np.arange(ptr[r, -1])
            parts.append(self.ids[at])
            ptr[r] += done
            done += int(ptr[r, -1] - done)
        return Side(
            self.length[index], self.extra[index], ptr, np.concatenate(parts), self.vocabulary
        )

    def merged(self, starts: Sequence[int]) -> Side:
        """The side with segments ``starts[g]:starts[g + 1]`` taken as one.

        As :func:`~aistress.alignment.evidence.merge` does: lengths and
        counts add up, word sets unite. Time ``O(w log w)`` for ``w`` words.
        """
        import numpy as np

        first = np.asarray(starts[:-1], dtype=np.int64)
        groups = len(first)
        length = np.add.reduceat(self.length, first) if groups else self.length[:0]
        extra = np.add.reduceat(self.extra, first) if groups else self.extra[:0]
        fast = kernels.get()
        if fast is not None:
            ptr = np.zeros((3, groups + 1), dtype=np.int64)
            ids = np.empty(len(self.ids), dtype=np.int32)
            done = fast.merge(
                self.ptr,
                self.ids,
                np.asarray(starts, dtype=np.int64),
                np.zeros(self.vocabulary, dtype=np.int64),
                (ptr, ids),
            )
            return Side(length, extra, ptr, ids[:done].copy(), self.vocabulary)
        # The group of every segment, then of every word; a word once per group.
        group_of = np.repeat(np.arange(groups, dtype=np.int64), np.diff(np.asarray(starts)))
        ptr = np.zeros((3, groups + 1), dtype=np.int64)
        parts = []
        done = 0
        for r in range(3):
            row = self.ptr[r]
            words = self.ids[row[0] : row[-1]].astype(np.int64)
            keys = np.sort(np.repeat(group_of, np.diff(row)) * self.vocabulary + words)
            if len(keys):
                keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
            parts.append((keys % self.vocabulary).astype(np.int32))
            np.cumsum(np.bincount(keys // self.vocabulary, minlength=groups), out=ptr[r, 1:])
            ptr[r] += done
            done += len(keys)
        return Side(length, extra, ptr, np.concatenate(parts), self.vocabulary)


def band_around(
    path: Sequence[tuple[int, int, int, int]],
    n: int,
    m: int,
    starts: tuple[Sequence[int] | None, Sequence[int] | None],
    width: int,
) -> list[tuple[int, int]] | None:
    """:func:`~aistress.alignment.search.band_around` compiled; None without the kernels.

    ``starts`` are its ``source_starts`` and ``target_starts``.
    """
    fast = kernels.get()
    if fast is None:
        return None
    import numpy as np

    src_at, tgt_at = starts
    lo = np.full(n + 1, m, dtype=np.int64)
    hi = np.zeros(n + 1, dtype=np.int64)
    out_lo = np.empty(n + 1, dtype=np.int64)
    out_hi = np.empty(n + 1, dtype=np.int64)
    fast.band(
        np.array(path, dtype=np.int64).reshape(len(path), 4),
        (
            np.arange(n + 1, dtype=np.int64) if src_at is None else np.asarray(src_at, np.int64),
            np.arange(m + 1, dtype=np.int64) if tgt_at is None else np.asarray(tgt_at, np.int64),
        ),
        (n, m, width),
        (lo, hi, out_lo, out_hi),
    )
    return list(zip(out_lo.tolist(), out_hi.tolist(), strict=True))


def similarities(source: Side, target: Side, pairs: Sequence[tuple[int, int]]) -> list[float]:
    """The lexical similarity of each ``(source segment, target segment)`` pair, compiled.

    As :meth:`aistress.alignment.aligner._ArrayLevel.similarity` computes it.
    """
    fast = kernels.get()
    if fast is None:
        raise RuntimeError("the compiled kernels are not available")
    import numpy as np

    out = np.empty(len(pairs), dtype=np.float64)
    fast.similarities(
        np.array(pairs, dtype=np.int64).reshape(len(pairs), 2),
        ((source.extra, source.ptr, source.ids), (target.extra, target.ptr, target.ids)),
        np.zeros(source.vocabulary, dtype=np.int64),
        out,
    )
    return list(out.tolist())


def sides(
    source: Sequence[SegmentFeatures], target: Sequence[SegmentFeatures]
) -> tuple[Side, Side]:
    """Both sides' features as arrays, their words numbered alike.

    Words are numbered by the target's sets and the source's numbers: a
    source translation or Latin token no target segment holds can never be
    counted, and is left out. A features object found several times (a
    repeated text) is turned into numbers once.
    """
    import numpy as np

    src_index, src_once = distinct(source)
    tgt_index, tgt_once = distinct(target)
    vocabulary: set[str] = set()
    for f in tgt_once:
        vocabulary.update(f.chinese, f.latin, f.numbers)
    for f in src_once:
        vocabulary.update(f.numbers)
    ids = dict(zip(vocabulary, range(1, len(vocabulary) + 1), strict=True))

    def side(features: list[SegmentFeatures], index: list[int], words: str, extra: str) -> Side:
        ptr = np.zeros((3, len(features) + 1), dtype=np.int64)
        parts = []
        done = 0
        for r, name in enumerate((words, "latin", "numbers")):
            row, flat = _rows([getattr(f, name) for f in features], ids)
            ptr[r] = row + done
            done += len(flat)
            parts.append(flat)
        length = np.array([f.length for f in features], dtype=np.float64)
        counts = np.array([getattr(f, extra) for f in features], dtype=np.float64)
        once = Side(length, counts, ptr, np.concatenate(parts), len(ids) + 1)
        return once if len(index) == len(features) else once.taken(np.array(index))

    return (
        side(src_once, src_index, "translations", "known"),
        side(tgt_once, tgt_index, "chinese", "size"),
    )


def distinct(features: Sequence[SegmentFeatures]) -> tuple[list[int], list[SegmentFeatures]]:
    """Each item's number among the distinct objects, and those objects in order.

    A text repeated in a document (a heading, a refrain, boilerplate) has one
    features object, so that work per object is done once per text.
    """
    number: dict[int, int] = {}
    once: list[SegmentFeatures] = []
    index = []
    for f in features:
        k = number.get(id(f))
        if k is None:
            k = number[id(f)] = len(once)
            once.append(f)
        index.append(k)
    return index, once


def banded_search(
    scorer: tuple[Side, Side, dict[str, float], float],
    band: Sequence[tuple[int, int]],
    types: Sequence[tuple[int, int]],
    priors: Sequence[float],
    model: tuple[float, float] | None,
    gate: tuple[float, float] | None,
) -> tuple[list[tuple[int, int, int, int]], list[float]] | None:
    """The best path of :func:`~aistress.alignment.search.banded_search`, compiled.

    Args:
        scorer: The two sides, the weight per evidence kind (as
            :class:`~aistress.alignment.evidence.BeadScorer` takes them) and
            the lexical threshold.
        band: For each source node the inclusive interval of target nodes.
        types: The bead types; null types (an empty side) score their prior.
        priors: The log prior of each type.
        model: ``(variance, offset)`` of the length model, or None for no
            length evidence.
        gate: ``(variance, limit)`` of the length gate, or None for no gate.

    Returns:
        The beads ``(i, a, j, b)`` of the best path and their scores (as
        :meth:`~aistress.alignment.evidence.BeadScorer.score` gives them),
        or None when the compiled kernels are not available (the caller
        runs the pure-Python search).

    Raises:
        ValueError: When the band does not connect (0, 0) to (n, m).
    """
    compiled = kernels.get()
    if compiled is None:
        return None
    import numpy as np

    src, tgt, weights, threshold = scorer
    n, m = len(src), len(tgt)
    if n == 0 and m == 0:
        return [], []
    rows = np.zeros((3, n + 2), dtype=np.int64)
    rows[:2, : n + 1] = np.array(band, dtype=np.int64).T
    np.cumsum(rows[1, : n + 1] - rows[0, : n + 1] + 1, out=rows[2, 1:])
    cells = int(rows[2, n + 1])
    variance, offset = model if model is not None else (1.0, 0.0)
    w_length = weights.get("length", 0.0) if model is not None else 0.0
    w_numbers, w_latin = weights.get("numbers", 0.0), weights.get("latin", 0.0)
    numbers = kernels.NUMBERS
    params = [
        w_length,
        variance,
        offset,
        w_length * (_LOG_TAIL[_TAIL_MAX] + offset),
        HOPELESS_DEVIATIONS,
        w_numbers,
        w_latin,
        weights.get("lexicon", 0.0),
        threshold,
        LEXICAL_CONFIDENCE_WORDS,
        kernels.gate_limit(*gate) if gate is not None else 0.0,
        gate is not None,
        bool(w_numbers)
        and bool(
            src.ptr[numbers, n] > src.ptr[numbers, 0] or tgt.ptr[numbers, m] > tgt.ptr[numbers, 0]
        ),
        bool(w_latin) and bool(tgt.ptr[kernels.LATIN, m] > tgt.ptr[kernels.LATIN, 0]),
        _TAIL_STEPS,
    ]
    out = np.empty((n + m + 1) * 4, dtype=np.int64)
    scratch = (
        np.zeros(src.vocabulary, dtype=np.int64),
        np.zeros(src.vocabulary, dtype=np.int64),
        np.empty((2, n + 1), dtype=np.int64),
        np.empty(2 * len(src.ids) + 1, dtype=np.int32),
        np.empty(cells, dtype=np.float64),
        np.empty(cells, dtype=np.int8),
        np.empty(cells, dtype=np.float64),
        np.zeros(src.vocabulary, dtype=np.int64),
        np.zeros(src.vocabulary, dtype=np.int64),
        np.zeros(src.vocabulary, dtype=np.int64),
    )
    scores = np.empty(n + m + 1, dtype=np.float64)
    count = compiled.search(
        rows[:, : n + 1],
        (src.sums, src.ptr, src.ids),
        (tgt.sums, tgt.ptr, tgt.ids),
        np.array(types, dtype=np.int64).reshape(len(types), 2),
        np.array(priors, dtype=np.float64),
        np.array(params, dtype=np.float64),
        np.array(_LOG_TAIL, dtype=np.float64),
        scratch,
        (out, scores),
    )
    if count < 0:
        raise ValueError("the band does not connect (0, 0) to (n, m)")
    beads = out[: 4 * count].reshape(count, 4).tolist()
    return [(i, a, j, b) for i, a, j, b in beads], scores[:count].tolist()


def _rows(sets: Sequence[frozenset[str]], ids: dict[str, int]) -> tuple[Any, Any]:
    """Compressed rows: ``words[ptr[k]:ptr[k + 1]]`` are the numbers of ``sets[k]``.

    Words ``ids`` does not hold are left out.
    """
    import numpy as np

    count = np.fromiter(map(len, sets), dtype=np.int64, count=len(sets))
    words = np.fromiter(
        map(ids.get, itertools.chain.from_iterable(sets), itertools.repeat(0)),
        dtype=np.int32,
        count=int(count.sum()),
    )
    ptr = np.zeros(len(sets) + 1, dtype=np.int64)
    if words.size and not words.all():
        kept = words != 0
        row = np.repeat(np.arange(len(sets), dtype=np.int64), count)
        count = np.bincount(row[kept], minlength=len(sets))
        words = words[kept]
    np.cumsum(count, out=ptr[1:])
    return ptr, words
