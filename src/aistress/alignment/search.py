"""Banded dynamic programming over bead types, and the coarse-to-fine band.

The aligner looks for the monotone sequence of beads of highest total score.
Nodes ``(i, j)`` stand for "``i`` source and ``j`` target segments
consumed"; a bead of type ``(a, b)`` joins node ``(i - a, j - b)`` to
``(i, j)``. :func:`banded_search` visits only the nodes of a *band*: for every
``i`` an interval of ``j``. The aligner finds a narrow band without looking
at the whole matrix: :func:`group_by_length` groups neighbouring segments
into longer units, the shorter problem is aligned recursively, and
:func:`band_around` widens the projected path by a few segments. With a band
of width ``w`` and ``k`` bead types, time is
``O((n + m) · w · k)`` at every level and the levels shrink geometrically,
so the whole search is linear in the length of the texts; memory is the
band, ``O((n + m) · w)``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

from aistress.alignment.kernels import gate_limit, outside_gate

__all__ = [
    "Band",
    "LengthGate",
    "band_around",
    "banded_search",
    "full_band",
    "group_by_length",
]

#: For every source node ``i`` (``0..n``), the inclusive interval of target nodes.
Band = list[tuple[int, int]]
#: ``score(i, a, j, b)`` for the bead of source ``i..i+a-1`` and target ``j..j+b-1``.
Scorer = Callable[[int, int, int, int], float]
#: Prefix sums of source and target lengths, the variance per unit length, and a limit in
#: standard deviations.
LengthGate = tuple[Sequence[float], Sequence[float], float, float]

_NEG = float("-inf")


def full_band(n: int, m: int) -> Band:
    """The band holding every node: use only for small inputs (``O(n·m)``)."""
    return [(0, m)] * (n + 1)


def banded_search(
    n: int,
    m: int,
    band: Band,
    types: Sequence[tuple[int, int]],
    score: Scorer,
    constant: dict[tuple[int, int], float] | None = None,
    lengths: LengthGate | None = None,
    ceilings: dict[tuple[int, int], float] | None = None,
) -> list[tuple[int, int, int, int]]:
    """Return the best path as beads ``(i, a, j, b)`` from node (0, 0) to (n, m).

    Args:
        n: Number of source segments.
        m: Number of target segments.
        band: For each ``i`` in ``0..n`` the allowed ``(lo, hi)`` of ``j``;
            it must hold (0, 0) and (n, m) and be monotone (both ends non-
            decreasing), which :func:`band_around` guarantees.
        types: The bead types ``(a, b)`` allowed.
        score: The score of a bead; higher is better.
        constant: Bead types whose score does not depend on the segments
            (null beads), with that score; ``score`` is not called for them.
        lengths: ``(source prefix lengths, target prefix lengths, variance,
            limit)``: beads whose lengths differ by more than ``limit``
            standard deviations (Gale–Church δ) are not considered at all,
            which saves scoring the many hopeless multi-segment beads.
        ceilings: Per bead type, a score no bead of that type exceeds (see
            :meth:`~aistress.alignment.evidence.BeadScorer.ceiling`): a bead
            that could not beat the best way into its node even at its
            ceiling is not scored (a third of the beads of a typical
            search). The path is the same with or without them.

    Ties are broken towards the type listed first. Time ``O(cells · types)``.
    """
    if n == 0 and m == 0:
        return []
    fixed = constant or {}
    gate = lengths is not None
    src_len: Sequence[float] = lengths[0] if lengths is not None else ()
    tgt_len: Sequence[float] = lengths[1] if lengths is not None else ()
    limit2 = gate_limit(lengths[2], lengths[3]) if lengths is not None else 0.0
    inf = float("inf")
    steps = [
        (t, a, b, fixed.get((a, b)), ceilings.get((a, b), inf) if ceilings else inf)
        for t, (a, b) in enumerate(types)
    ]
    lo_of = [lo for lo, _ in band]
    hi_of = [hi for _, hi in band]
    best: list[list[float]] = []
    back: list[list[int]] = []
    for i in range(n + 1):
        lo, hi = lo_of[i], hi_of[i]
        row = [_NEG] * (hi - lo + 1)
        brow = [-1] * (hi - lo + 1)
        # The rows a bead of each type starts from, with their bands.
        sources = []
        for t, a, b, value, ceiling in steps:
            pi = i - a
            if pi < 0:
                continue
            prev_row = best[pi] if a else row
            sources.append((t, a, b, value, ceiling, pi, lo_of[pi], hi_of[pi], prev_row))
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            top = _NEG
            pick = -1
            for t, a, b, value, ceiling, pi, plo, phi, prev_row in sources:
                pj = j - b
                if pj < plo or pj > phi:
                    continue
                prev = prev_row[pj - plo]
                if prev == _NEG:
                    continue
                if value is None:
                    if prev + ceiling < top:
                        continue  # even its best score would not win (nor tie)
                    if gate and outside_gate(
                        src_len[i] - src_len[pi], tgt_len[j] - tgt_len[pj], limit2
                    ):
                        continue
                    prev += score(pi, a, pj, b)
                else:
                    prev += value
                if prev > top:
                    top = prev
                    pick = t
            row[j - lo] = top
            brow[j - lo] = pick
        best.append(row)
        back.append(brow)
    if not lo_of[n] <= m <= hi_of[n] or best[n][m - lo_of[n]] == _NEG:
        raise ValueError("the band does not connect (0, 0) to (n, m)")
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i or j:
        a, b = types[back[i][j - lo_of[i]]]
        i, j = i - a, j - b
        path.append((i, a, j, b))
    path.reverse()
    return path


def band_around(
    path: Sequence[tuple[int, int, int, int]],
    n: int,
    m: int,
    *,
    source_starts: Sequence[int] | None = None,
    target_starts: Sequence[int] | None = None,
    width: int = 2,
) -> Band:
    """The band of nodes within ``width`` of a (possibly coarser) path.

    ``path`` holds beads ``(i, a, j, b)``. When it was found on coarser
    units (groups of neighbouring segments), ``source_starts[k]`` is the
    first segment of coarse unit ``k`` (with one more entry, ``n``, at the
    end), and likewise ``target_starts``. Every node on the projected path,
    plus ``width`` nodes on each side, is in the band. Linear in ``n + m``.
    """
    src_at = source_starts if source_starts is not None else range(n + 1)
    tgt_at = target_starts if target_starts is not None else range(m + 1)
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    corners = [(0, 0)]
    for i, a, j, b in path:
        corners.append((min(n, src_at[i + a]), min(m, tgt_at[j + b])))
    corners[-1] = (n, m)
    for (i0, j0), (i1, j1) in itertools.pairwise(corners):
        # Every node of the rectangle between two corners may lie on the fine path.
        j0, j1 = max(0, j0), min(m, j1)
        for i in range(min(max(i0, 0), n), min(max(i1, 0), n) + 1):
            if j0 < lo[i]:
                lo[i] = j0
            if j1 > hi[i]:
                hi[i] = j1
    # Widen: each row takes the interval of its neighbours within ``width``, plus ``width``.
    # The windows' minima and maxima, window by window in C: the rows padded
    # with copies of the first and last row, which every edge window holds anyway.
    pad_lo = [lo[0]] * width + lo + [lo[n]] * width
    pad_hi = [hi[0]] * width + hi + [hi[n]] * width
    shifts = range(2 * width + 1)
    lows = map(min, *(pad_lo[k : k + n + 1] for k in shifts))
    highs = map(max, *(pad_hi[k : k + n + 1] for k in shifts))
    out: Band = [(max(0, a - width), min(m, b + width)) for a, b in zip(lows, highs, strict=True)]
    # Make both ends monotone so that every node can reach (n, m).
    for i in range(1, n + 1):
        out[i] = (max(out[i][0], 0), max(out[i][1], out[i - 1][1]))
    for i in range(n - 1, -1, -1):
        out[i] = (min(out[i][0], out[i + 1][0]), out[i][1])
    out[0] = (0, out[0][1])
    out[n] = (out[n][0], m)
    return out


def group_by_length(lengths: Sequence[float], target: float) -> list[int]:
    """Group neighbouring items into units of about ``target`` total length.

    Returns the start index of every unit followed by ``len(lengths)``.
    A unit closes once its length reaches ``target``, or would overshoot it
    by more than it would fall short. Linear time.

    >>> group_by_length([5, 5, 5, 5, 10], 10)
    [0, 2, 4, 5]
    """
    starts = [0]
    total = 0.0
    for k, length in enumerate(lengths):
        if total > 0 and total + length - target > target - total:
            starts.append(k)
            total = 0.0
        total += length
        if total >= target and k + 1 < len(lengths):
            starts.append(k + 1)
            total = 0.0
    if starts[-1] != len(lengths) or len(starts) == 1:
        starts.append(len(lengths))
    return starts
