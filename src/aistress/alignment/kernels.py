"""Compiled kernels of the aligner (numba), loaded only when a job is big enough.

numba is optional (the ``fast`` extra). It is imported only when a search is
big enough to repay its import and the loading of the compiled code
(:data:`MIN_WORK`, :data:`MIN_SEGMENTS`): aligning a short article never
touches it. The compiled code is cached on disk (numba's ``cache=True``:
beside this file when that folder is writable, else in numba's user cache
folder), so only the first long alignment on a machine pays for compiling
it. Setting the environment variable ``AISTRESS_COMPILED=0`` switches the
compiled kernels off.

The kernels take plain arrays and numbers only. Each mirrors a pure-Python
function that stays the reference and the fallback:
:mod:`aistress.alignment.compiled` wraps the search, and
:func:`~aistress.alignment.lexicon.learn_cooccurrence` uses the pair count.
"""

from __future__ import annotations

import math
import os
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "LATIN",
    "MIN_SEGMENTS",
    "MIN_WORK",
    "NUMBERS",
    "SMALL_WORK",
    "WORDS",
    "Kernels",
    "available",
    "gate_limit",
    "get",
    "latin_evidence",
    "length_evidence",
    "lexical_evidence",
    "number_evidence",
    "outside_gate",
    "ready",
]

#: A job that may take this many steps (for a search, band cells × bead types)
#: loads numba and the compiled code (about 0.8 s of CPU the first time in a
#: process, more on a machine's very first run, which compiles): below it the
#: pure-Python code is cheaper.
MIN_WORK = 200_000
#: An alignment of this many segments (both sides) loads it before its first search.
MIN_SEGMENTS = 1_000
#: Once the compiled code is loaded, jobs from this many steps use it.
SMALL_WORK = 2_000


class Kernels:
    """The compiled kernels (numba dispatchers, called with arrays)."""

    def __init__(self, jit: Any) -> None:
        # The kernels call the evidence functions through these module names:
        # compiled first, so that the search calls compiled code.
        for name, plain in _CALLED.items():
            globals()[name] = jit(plain)
        self.search = jit(_search_kernel)
        self.pairs = jit(_pair_kernel)
        self.merge = jit(_merge_kernel)
        self.band = jit(_band_kernel)
        self.similarities = jit(_similarity_kernel)


_LOADED: list[Kernels | None] = []
_LOCK = threading.Lock()


def get() -> Kernels | None:
    """The compiled kernels, loading numba on first call; None without numba."""
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_load())
        return _LOADED[0]


def available() -> bool:
    """Whether the compiled kernels can run (numba installed and not switched off).

    Loads numba and the compiled code on first call.
    """
    return get() is not None


def ready(work: int) -> Kernels | None:
    """The kernels, if a job of ``work`` steps should run compiled; else None.

    Big jobs load numba when needed; once it is loaded, all but the smallest
    jobs use it.
    """
    if work >= MIN_WORK:
        return get()
    if work >= SMALL_WORK and _LOADED:
        return _LOADED[0]
    return None


def _load() -> Kernels | None:
    if os.environ.get("AISTRESS_COMPILED", "1").strip().lower() in ("0", "false", "no", "off"):
        return None
    try:
        import numba
    except ImportError:
        return None
    try:
        return Kernels(numba.njit(cache=True, nogil=True))
    except RuntimeError:  # no writable cache folder anywhere: compile in memory
        return Kernels(numba.njit(nogil=True))


# The evidence of a bead, written once: the reference scorer
# (:func:`aistress.alignment.evidence.compiled_score`) calls these plain
# functions, the compiled search their numba versions. Same statements, same floats.


def outside_gate(s_len: float, t_len: float, limit2: float) -> bool:
    """Whether lengths differ by more than the gate's limit (``limit2`` from :func:`gate_limit`)."""
    diff = t_len - s_len
    return diff * diff > limit2 * (s_len + t_len)


def gate_limit(variance: float, limit: float) -> float:
    """``delta² > limit²`` is ``diff² > gate_limit · (s + t)``: this factor."""
    return variance * limit**2 / 2.0


def length_evidence(
    s_len: float,
    t_len: float,
    variance: float,
    log_tail: Any,
    steps: int,
    weights: tuple[float, float, float],
) -> tuple[float, bool]:
    """The weighted length evidence of a bead, and whether it is hopeless.

    ``weights`` is the weight, the offset and the hopeless deviation. A
    hopeless bead (beyond that many standard deviations) returns
    ``(0.0, True)``: the caller scores it on length alone.
    """
    mean = (s_len + t_len) * 0.5
    if mean <= 0:
        return 0.0, False
    delta = abs(t_len - s_len) / math.sqrt(variance * mean)
    if delta > weights[2]:
        return 0.0, True
    return weights[0] * (log_tail[int(delta * steps)] + weights[1]), False


def number_evidence(both: int, size: int) -> float:
    """Dice agreement of two key sets mapped to ``[-1, 1]``, damped for few keys."""
    dice = 2.0 * both / size
    confidence = size / 4.0
    if confidence > 1.0:
        confidence = 1.0
    return (2.0 * dice - 1.0) * confidence


def latin_evidence(found: int, total: int) -> float:
    """Share of the target's Latin tokens found in the source, mapped to ``[-1, 1]``."""
    if found > total:
        found = total
    spread = total / 2.0
    if spread > 1.0:
        spread = 1.0
    return (2.0 * found / total - 1.0) * spread


def lexical_evidence(
    hits: int, words: int, known: float, size: float, threshold: float, confident: float
) -> float:
    """Lexical similarity above ``threshold``, damped below ``confident`` words.

    ``hits`` (at most ``words``, the target's lexicon words) against the
    source's known words and the target's size.
    """
    if hits > words:
        hits = words
    sim = 2.0 * hits / (known + size)
    if sim > 1.0:
        sim = 1.0
    # Few words are little evidence either way.
    confidence = (known + size) / confident
    if confidence > 1.0:
        confidence = 1.0
    return (sim - threshold) * confidence


#: Row of a side's word sets holding translations (source) or lexicon words (target).
WORDS = 0
#: Row of a side's word sets holding Latin-script tokens.
LATIN = 1
#: Row of a side's word sets holding number keys.
NUMBERS = 2


def _search_kernel(
    band: npt.NDArray[np.int64],
    src: tuple[Any, Any, Any],
    tgt: tuple[Any, Any, Any],
    types: npt.NDArray[np.int64],
    prior: npt.NDArray[np.float64],
    params: npt.NDArray[np.float64],
    log_tail: npt.NDArray[np.float64],
    scratch: tuple[Any, Any, Any, Any, Any, Any, Any, Any, Any, Any],
    out: tuple[Any, Any],
) -> int:
    """The banded search of :mod:`aistress.alignment.search` with the scorer inlined.

    Mirrors :func:`aistress.alignment.search.banded_search` and
    :func:`aistress.alignment.evidence.compiled_score` statement by
    statement. ``band`` holds each node row's lowest and highest target node
    and the offset of its first cell (three rows); ``types`` each bead type's
    ``(a, b)``. A side (``src``, ``tgt``) is ``(sums, ptr, ids)``: prefix
    sums of lengths (row 0) and of known words or sizes (row 1), and word
    set ``r`` (:data:`WORDS`, :data:`LATIN`, :data:`NUMBERS`) of segment
    ``k`` as ``ids[ptr[r, k]:ptr[r, k + 1]]``. ``scratch`` is two zeroed
    tables as long as the vocabulary, the cut-down rows (see below), and the
    best score, back pointer and score of the last bead per cell. Writes the
    path into ``out[0]`` (four numbers a bead) and each bead's score into
    ``out[1]``, and returns the number of beads, or -1 when the band does
    not connect.

    First each source segment's translations and Latin tokens are cut down
    to the words some target segment it can share a bead with holds: the
    others can never be counted, and the beads scan fewer.
    """
    lo = band[0]
    hi = band[1]
    offsets = band[2]
    src_sums, src_ptr, src_ids = src
    tgt_sums, tgt_ptr, tgt_ids = tgt
    mark, seen, near_ptr, near_ids, best, back, gain, grow_mark, last_mark, row_mark = scratch
    path, scores = out
    n = lo.shape[0] - 1
    m = tgt_sums.shape[1] - 1
    w_length = params[0]
    variance = params[1]
    length_weights = (w_length, params[2], params[4])
    hopeless = params[3]
    w_numbers = params[5]
    w_latin = params[6]
    w_lexicon = params[7]
    threshold = params[8]
    confident = params[9]
    limit2 = params[10]
    gate = params[11] != 0.0
    numbers_on = params[12] != 0.0
    latin_on = params[13] != 0.0
    steps = int(params[14])
    neg = -math.inf
    kinds = types.shape[0]
    stamp = 0
    widest = 0
    for t in range(kinds):
        if types[t, 0] > widest:
            widest = types[t, 0]
    # Cut-down rows: translations of segment s at near_ids[near_ptr[0, s]:near_ptr[0, s + 1]],
    # Latin tokens at near_ids[half + near_ptr[1, s]:half + near_ptr[1, s + 1]].
    half = src_ids.shape[0]
    near = 0
    near_latin = 0
    for s in range(n):
        # Target segments a bead holding source segment s can hold: [first, last).
        first = m
        for r in range(max(0, s - widest + 1), s + 1):
            if lo[r] < first:
                first = lo[r]
        last = 0
        for r in range(s + 1, min(n, s + widest) + 1):
            if hi[r] > last:
                last = hi[r]
        if last < first:
            last = first
        stamp += 1
        for k in range(tgt_ptr[WORDS, first], tgt_ptr[WORDS, last]):
            mark[tgt_ids[k]] = stamp
        for k in range(tgt_ptr[LATIN, first], tgt_ptr[LATIN, last]):
            seen[tgt_ids[k]] = stamp
        near_ptr[0, s] = near
        for k in range(src_ptr[WORDS, s], src_ptr[WORDS, s + 1]):
            if mark[src_ids[k]] == stamp:
                near_ids[near] = src_ids[k]
                near += 1
        near_ptr[1, s] = near_latin
        for k in range(src_ptr[LATIN, s], src_ptr[LATIN, s + 1]):
            if seen[src_ids[k]] == stamp:
                near_ids[half + near_latin] = src_ids[k]
                near_latin += 1
    near_ptr[0, n] = near
    near_ptr[1, n] = near_latin
    for i in range(n + 1):
        row_lo = lo[i]
        base = offsets[i]
        # The last source segment's words, for the beads (1, b) of this row.
        stamp += 1
        row_stamp = stamp
        if i > 0:
            for k in range(near_ptr[0, i - 1], near_ptr[0, i]):
                row_mark[near_ids[k]] = row_stamp
        for j in range(row_lo, hi[i] + 1):
            cell = base + j - row_lo
            if i == 0 and j == 0:
                best[cell] = 0.0
                back[cell] = -1
                gain[cell] = 0.0
                continue
            top = neg
            pick = -1
            picked = 0.0
            # Beads (1, b) and (a, 1) of this cell share their segments: their
            # lexical counts grow one segment at a time (same counts as a
            # bead counted alone). ``grown`` target segments from j - 1
            # down, and ``summed`` source segments from i - 1 down, so far.
            stamp += 1
            cell_stamp = stamp
            grown = 0
            grown_words = 0
            grown_hits = 0
            last_words = -1
            summed = 0
            summed_hits = 0
            for t in range(kinds):
                a = types[t, 0]
                b = types[t, 1]
                pi = i - a
                if pi < 0:
                    continue
                pj = j - b
                if pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = best[offsets[pi] + pj - lo[pi]]
                if prev == neg:
                    continue
                total = prior[t]
                if a != 0 and b != 0:
                    s_len = src_sums[0, i] - src_sums[0, pi]
                    t_len = tgt_sums[0, j] - tgt_sums[0, pj]
                    if gate and _outside_gate(s_len, t_len, limit2):
                        continue
                    done = False
                    if w_length != 0.0:
                        term, done = _length_evidence(
                            s_len, t_len, variance, log_tail, steps, length_weights
                        )
                        total += hopeless if done else term
                    if not done and numbers_on:
                        stamp += 1
                        n_src = _stamp_distinct(
                            src_ids, (src_ptr[NUMBERS, pi], src_ptr[NUMBERS, i]), mark, stamp
                        )
                        n_tgt, both = _stamp_counting(
                            tgt_ids,
                            (tgt_ptr[NUMBERS, pj], tgt_ptr[NUMBERS, j]),
                            (seen, mark),
                            (stamp, stamp),
                        )
                        if n_src + n_tgt:
                            total += w_numbers * _number_evidence(both, n_src + n_tgt)
                    if not done and latin_on:
                        stamp += 1
                        n_tl = _stamp_distinct(
                            tgt_ids, (tgt_ptr[LATIN, pj], tgt_ptr[LATIN, j]), mark, stamp
                        )
                        if n_tl:
                            latin = (half + near_ptr[1, pi], half + near_ptr[1, i])
                            shared = _stamp_distinct(near_ids, latin, mark, -stamp)
                            total += w_latin * _latin_evidence(shared, n_tl)
                    if not done and w_lexicon != 0.0:
                        size_t = tgt_sums[1, j] - tgt_sums[1, pj]
                        known = src_sums[1, i] - src_sums[1, pi]
                        if known != 0.0 and size_t != 0.0:
                            if a == 1:
                                while grown < b:
                                    grown += 1
                                    added, found = _stamp_counting(
                                        tgt_ids,
                                        (tgt_ptr[WORDS, j - grown], tgt_ptr[WORDS, j - grown + 1]),
                                        (grow_mark, row_mark),
                                        (cell_stamp, row_stamp),
                                    )
                                    grown_words += added
                                    grown_hits += found
                                n_zh = grown_words
                                hits = grown_hits
                            elif b == 1:
                                if last_words < 0:
                                    last_words = _stamp_distinct(
                                        tgt_ids,
                                        (tgt_ptr[WORDS, j - 1], tgt_ptr[WORDS, j]),
                                        last_mark,
                                        cell_stamp,
                                    )
                                while summed < a:
                                    summed += 1
                                    summed_hits += _stamp_distinct(
                                        near_ids,
                                        (near_ptr[0, i - summed], near_ptr[0, i - summed + 1]),
                                        last_mark,
                                        -cell_stamp,
                                    )
                                n_zh = last_words
                                hits = summed_hits
                            else:
                                stamp += 1
                                n_zh = _stamp_distinct(
                                    tgt_ids, (tgt_ptr[WORDS, pj], tgt_ptr[WORDS, j]), mark, stamp
                                )
                                hits = _stamp_distinct(
                                    near_ids, (near_ptr[0, pi], near_ptr[0, i]), mark, -stamp
                                )
                            total += w_lexicon * _lexical_evidence(
                                hits, n_zh, known, size_t, threshold, confident
                            )
                prev += total
                if prev > top:
                    top = prev
                    pick = t
                    picked = total
            best[cell] = top
            back[cell] = pick
            gain[cell] = picked
    if m < lo[n] or m > hi[n] or best[offsets[n] + m - lo[n]] == neg:
        return -1
    count = 0
    i = n
    j = m
    while i > 0 or j > 0:
        cell = offsets[i] + j - lo[i]
        t = back[cell]
        scores[count] = gain[cell]
        i -= types[t, 0]
        j -= types[t, 1]
        path[4 * count] = i
        path[4 * count + 1] = types[t, 0]
        path[4 * count + 2] = j
        path[4 * count + 3] = types[t, 1]
        count += 1
    # Reverse in place: the walk went from the end.
    for k in range(count // 2):
        x = scores[k]
        scores[k] = scores[count - 1 - k]
        scores[count - 1 - k] = x
        for f in range(4):
            y = path[4 * k + f]
            path[4 * k + f] = path[4 * (count - 1 - k) + f]
            path[4 * (count - 1 - k) + f] = y
    return count


def _stamp_distinct(
    ids: npt.NDArray[np.int32], span: tuple[int, int], mark: npt.NDArray[np.int64], stamp: int
) -> int:
    """Stamp the words ``ids[span[0]:span[1]]`` in ``mark``; return how many are distinct.

    With a negative ``stamp``, count the words already stamped ``-stamp`` instead.
    """
    count = 0
    if stamp < 0:
        for k in range(span[0], span[1]):
            if mark[ids[k]] == -stamp:
                count += 1
        return count
    for k in range(span[0], span[1]):
        word = ids[k]
        if mark[word] != stamp:
            mark[word] = stamp
            count += 1
    return count


def _stamp_counting(
    ids: npt.NDArray[np.int32],
    span: tuple[int, int],
    marks: tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]],
    stamps: tuple[int, int],
) -> tuple[int, int]:
    """Stamp the words ``ids[span[0]:span[1]]`` in ``marks[0]`` with ``stamps[0]``.

    Returns how many were not stamped yet, and how many of those
    ``marks[1]`` holds stamped ``stamps[1]``.
    """
    table, other = marks
    stamp, other_stamp = stamps
    added = 0
    found = 0
    for k in range(span[0], span[1]):
        word = ids[k]
        if table[word] != stamp:
            table[word] = stamp
            added += 1
            if other[word] == other_stamp:
                found += 1
    return added, found


def _pair_kernel(
    beads: tuple[Any, Any, Any, Any],
    counts: tuple[Any, Any, Any],
    limits: tuple[int, float, int],
    scratch: tuple[Any, Any, Any, Any, Any],
    out: npt.NDArray[np.int64],
) -> int:
    """The best pairs of an English and a Chinese word seen together in beads.

    ``inv_beads[inv_ptr[e]:inv_ptr[e + 1]]`` are the beads holding English
    word ``e``; ``z_ids[z_ptr[k]:z_ptr[k + 1]]`` the Chinese words of bead
    ``k``; ``rank_z`` orders the Chinese words that can pair as their texts
    sort. Counts the pairs of one
    English word at a time in ``tally`` (zero on entry and on exit); of those
    seen together at least ``min_count`` times with a Dice coefficient of at
    least ``min_dice`` (computed as
    :func:`~aistress.alignment.lexicon.learn_cooccurrence` does), keeps the
    ``per_word`` highest by Dice coefficient, then by Chinese word, and
    writes them into ``out`` (English word, Chinese word, count). Returns
    their number. Time: the number of pairs counted.

    The arguments come packed: ``beads`` is ``(inv_ptr, inv_beads, z_ptr,
    z_ids)``, ``counts`` is ``(count_e, count_z, rank_z)``, ``limits`` is
    ``(min_count, min_dice, per_word)`` and ``scratch`` is ``(tally,
    touched, top_dice, top_z, top_count)``.
    """
    inv_ptr, inv_beads, z_ptr, z_ids = beads
    count_e, count_z, rank_z = counts
    min_count, min_dice, per_word = limits
    tally, touched, top_dice, top_z, top_count = scratch
    kept = 0
    for e in range(inv_ptr.shape[0] - 1):
        if count_e[e] < min_count:
            continue
        seen = 0
        for k in range(inv_ptr[e], inv_ptr[e + 1]):
            bead = inv_beads[k]
            for q in range(z_ptr[bead], z_ptr[bead + 1]):
                z = z_ids[q]
                if count_z[z] < min_count:
                    continue
                if tally[z] == 0:
                    touched[seen] = z
                    seen += 1
                tally[z] += 1
        size = 0
        for k in range(seen):
            z = touched[k]
            together = tally[z]
            tally[z] = 0
            if together < min_count:
                continue
            dice = 2.0 * together / (count_e[e] + count_z[z])
            if dice < min_dice:
                continue
            # Insert into the best ``per_word``, highest first.
            at = size
            while at > 0 and (
                dice > top_dice[at - 1]
                or (dice == top_dice[at - 1] and rank_z[z] > rank_z[top_z[at - 1]])
            ):
                at -= 1
            if at >= per_word:
                continue
            last = size if size < per_word else per_word - 1
            for r in range(last, at, -1):
                top_dice[r] = top_dice[r - 1]
                top_z[r] = top_z[r - 1]
                top_count[r] = top_count[r - 1]
            top_dice[at] = dice
            top_z[at] = z
            top_count[at] = together
            if size < per_word:
                size += 1
        for r in range(size):
            out[3 * kept] = e
            out[3 * kept + 1] = top_z[r]
            out[3 * kept + 2] = top_count[r]
            kept += 1
    return kept


def _merge_kernel(
    ptr: npt.NDArray[np.int64],
    ids: npt.NDArray[np.int32],
    starts: npt.NDArray[np.int64],
    mark: npt.NDArray[np.int64],
    out: tuple[Any, Any],
) -> int:
    """The word sets of groups of neighbouring segments (``Side.merged``).

    Group ``g`` is segments ``starts[g]:starts[g + 1]``; each of its three
    sets (rows of ``ptr``) is the union of its segments' sets, each word
    once, written into ``out`` (``(ptr, ids)``) as compressed rows. ``mark``
    is a zeroed table as long as the vocabulary. Returns the words written.
    Time: the words read.
    """
    out_ptr, out_ids = out
    groups = starts.shape[0] - 1
    stamp = 0
    done = 0
    for r in range(3):
        out_ptr[r, 0] = done
        for g in range(groups):
            stamp += 1
            for k in range(ptr[r, starts[g]], ptr[r, starts[g + 1]]):
                word = ids[k]
                if mark[word] != stamp:
                    mark[word] = stamp
                    out_ids[done] = word
                    done += 1
            out_ptr[r, g + 1] = done
    return done


def _band_kernel(
    path: npt.NDArray[np.int64],
    starts: tuple[Any, Any],
    size: tuple[int, int, int],
    out: tuple[Any, Any, Any, Any],
) -> None:
    """:func:`aistress.alignment.search.band_around`, statement for statement.

    ``path`` holds the beads ``(i, a, j, b)`` (one a row), ``starts`` the
    first segment of each coarse unit on both sides, ``size`` is ``(n, m,
    width)``; ``out`` is four arrays of ``n + 1``: the projected path's
    lowest (filled with ``m`` on entry) and highest (zeros) target node
    per source node, then the band's. Time ``O((n + m) · width)``.
    """
    src_at, tgt_at = starts
    n, m, width = size
    lo, hi, out_lo, out_hi = out
    i0 = 0
    j0 = 0
    beads = path.shape[0]
    for k in range(beads):
        if k == beads - 1:
            i1 = n
            j1 = m
        else:
            i1 = min(n, src_at[path[k, 0] + path[k, 1]])
            j1 = min(m, tgt_at[path[k, 2] + path[k, 3]])
        # Every node of the rectangle between two corners may lie on the fine path.
        low = max(0, j0)
        high = min(m, j1)
        for i in range(min(max(i0, 0), n), min(max(i1, 0), n) + 1):
            if low < lo[i]:
                lo[i] = low
            if high > hi[i]:
                hi[i] = high
        i0 = i1
        j0 = j1
    # Widen: each row takes the interval of its neighbours within ``width``, plus ``width``.
    for i in range(n + 1):
        a = lo[i]
        b = hi[i]
        for r in range(max(0, i - width), min(n, i + width) + 1):
            if lo[r] < a:
                a = lo[r]
            if hi[r] > b:
                b = hi[r]
        out_lo[i] = max(0, a - width)
        out_hi[i] = min(m, b + width)
    # Make both ends monotone so that every node can reach (n, m).
    for i in range(1, n + 1):
        if out_lo[i] < 0:
            out_lo[i] = 0
        if out_hi[i - 1] > out_hi[i]:
            out_hi[i] = out_hi[i - 1]
    for i in range(n - 1, -1, -1):
        if out_lo[i + 1] < out_lo[i]:
            out_lo[i] = out_lo[i + 1]
    out_lo[0] = 0
    out_hi[n] = m


def _similarity_kernel(
    pairs: npt.NDArray[np.int64], sides: tuple[Any, Any], mark: Any, out: Any
) -> None:
    """The lexical similarity of each pair ``(k, r)`` of ``pairs``, into ``out``.

    As ``_ArrayLevel.similarity`` computes it: ``sides`` holds the source
    and the target as ``(extra, ptr, ids)`` (known words or size, and the
    word sets of :class:`.compiled.Side`); ``mark`` is a zeroed table as
    long as the vocabulary.
    """
    src, tgt = sides
    src_extra, src_ptr, src_ids = src
    tgt_extra, tgt_ptr, tgt_ids = tgt
    stamp = 0
    for p in range(pairs.shape[0]):
        k = pairs[p, 0]
        r = pairs[p, 1]
        known = src_extra[k]
        size = tgt_extra[r]
        if known == 0.0 or size == 0.0:
            out[p] = 0.0
            continue
        stamp += 1
        words = 0
        for q in range(tgt_ptr[WORDS, r], tgt_ptr[WORDS, r + 1]):
            mark[tgt_ids[q]] = stamp
            words += 1
        hits = 0
        for q in range(src_ptr[WORDS, k], src_ptr[WORDS, k + 1]):
            if mark[src_ids[q]] == stamp:
                hits += 1
        if hits > words:
            hits = words
        sim = 2.0 * hits / (known + size)
        out[p] = 1.0 if sim > 1.0 else sim


# The kernels call these names; :class:`Kernels` rebinds them to compiled versions.
_outside_gate = outside_gate
_length_evidence = length_evidence
_number_evidence = number_evidence
_latin_evidence = latin_evidence
_lexical_evidence = lexical_evidence

#: The functions the kernels call, by the module name they call them by.
_CALLED = {
    "_outside_gate": outside_gate,
    "_length_evidence": length_evidence,
    "_number_evidence": number_evidence,
    "_latin_evidence": latin_evidence,
    "_lexical_evidence": lexical_evidence,
    "_stamp_distinct": _stamp_distinct,
    "_stamp_counting": _stamp_counting,
}
