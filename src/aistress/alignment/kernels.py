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

__all__ = ["MIN_SEGMENTS", "MIN_WORK", "SMALL_WORK", "Kernels", "available", "get", "ready"]

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
        self.search = jit(_search_kernel)
        self.pairs = jit(_pair_kernel)


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


def _search_kernel(
    n: int,
    m: int,
    lo: npt.NDArray[np.int64],
    hi: npt.NDArray[np.int64],
    offsets: npt.NDArray[np.int64],
    type_a: npt.NDArray[np.int64],
    type_b: npt.NDArray[np.int64],
    prior: npt.NDArray[np.float64],
    gate: bool,
    limit2: float,
    src_len: npt.NDArray[np.float64],
    tgt_len: npt.NDArray[np.float64],
    src_known: npt.NDArray[np.float64],
    tgt_size: npt.NDArray[np.float64],
    params: npt.NDArray[np.float64],
    numbers_on: bool,
    latin_on: bool,
    log_tail: npt.NDArray[np.float64],
    steps: int,
    trans_ptr: npt.NDArray[np.int64],
    trans_ids: npt.NDArray[np.int32],
    slat_ptr: npt.NDArray[np.int64],
    slat_ids: npt.NDArray[np.int32],
    snum_ptr: npt.NDArray[np.int64],
    snum_ids: npt.NDArray[np.int32],
    chin_ptr: npt.NDArray[np.int64],
    chin_ids: npt.NDArray[np.int32],
    tlat_ptr: npt.NDArray[np.int64],
    tlat_ids: npt.NDArray[np.int32],
    tnum_ptr: npt.NDArray[np.int64],
    tnum_ids: npt.NDArray[np.int32],
    best: npt.NDArray[np.float64],
    back: npt.NDArray[np.int8],
    mark: npt.NDArray[np.int64],
    seen: npt.NDArray[np.int64],
    near_ptr: npt.NDArray[np.int64],
    near_ids: npt.NDArray[np.int32],
    near_latin_ptr: npt.NDArray[np.int64],
    near_latin_ids: npt.NDArray[np.int32],
    out: npt.NDArray[np.int64],
) -> int:
    """The banded search of :mod:`aistress.alignment.search` with the scorer inlined.

    Mirrors :func:`aistress.alignment.search.banded_search` and
    :func:`aistress.alignment.evidence.compiled_score` statement by
    statement; writes the path into ``out`` (four numbers a bead) and
    returns its number of beads, or -1 when the band does not connect.

    First each source segment's translations and Latin tokens are cut down
    to the words some target segment it can share a bead with holds (into
    ``near_*``): the others can never be counted, and the beads scan fewer.
    """
    w_length = params[0]
    variance = params[1]
    offset = params[2]
    hopeless = params[3]
    hopeless_dev = params[4]
    w_numbers = params[5]
    w_latin = params[6]
    w_lexicon = params[7]
    threshold = params[8]
    confident = params[9]
    neg = -math.inf
    kinds = type_a.shape[0]
    stamp = 0
    widest = 0
    for t in range(kinds):
        if type_a[t] > widest:
            widest = type_a[t]
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
        stamp += 1
        for k in range(chin_ptr[first], chin_ptr[max(first, last)]):
            mark[chin_ids[k]] = stamp
        for k in range(tlat_ptr[first], tlat_ptr[max(first, last)]):
            seen[tlat_ids[k]] = stamp
        near_ptr[s] = near
        for k in range(trans_ptr[s], trans_ptr[s + 1]):
            if mark[trans_ids[k]] == stamp:
                near_ids[near] = trans_ids[k]
                near += 1
        near_latin_ptr[s] = near_latin
        for k in range(slat_ptr[s], slat_ptr[s + 1]):
            if seen[slat_ids[k]] == stamp:
                near_latin_ids[near_latin] = slat_ids[k]
                near_latin += 1
    near_ptr[n] = near
    near_latin_ptr[n] = near_latin
    for i in range(n + 1):
        row_lo = lo[i]
        row_hi = hi[i]
        base = offsets[i]
        for j in range(row_lo, row_hi + 1):
            cell = base + j - row_lo
            if i == 0 and j == 0:
                best[cell] = 0.0
                back[cell] = -1
                continue
            top = neg
            pick = -1
            for t in range(kinds):
                a = type_a[t]
                b = type_b[t]
                pi = i - a
                if pi < 0:
                    continue
                pj = j - b
                if pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = best[offsets[pi] + pj - lo[pi]]
                if prev == neg:
                    continue
                if a == 0 or b == 0:
                    prev += prior[t]
                else:
                    if gate:
                        s_len = src_len[i] - src_len[pi]
                        t_len = tgt_len[j] - tgt_len[pj]
                        diff = t_len - s_len
                        if diff * diff > limit2 * (s_len + t_len):
                            continue
                    total = prior[t]
                    done = False
                    if w_length != 0.0:
                        s_len = src_len[i] - src_len[pi]
                        t_len = tgt_len[j] - tgt_len[pj]
                        mean = (s_len + t_len) * 0.5
                        if mean > 0:
                            delta = abs(t_len - s_len) / math.sqrt(variance * mean)
                            if delta > hopeless_dev:
                                total = total + hopeless
                                done = True
                            else:
                                total += w_length * (log_tail[int(delta * steps)] + offset)
                    if not done and numbers_on:
                        stamp += 1
                        n_src = 0
                        for k in range(snum_ptr[pi], snum_ptr[i]):
                            word = snum_ids[k]
                            if mark[word] != stamp:
                                mark[word] = stamp
                                n_src += 1
                        n_tgt = 0
                        both = 0
                        for k in range(tnum_ptr[pj], tnum_ptr[j]):
                            word = tnum_ids[k]
                            if seen[word] != stamp:
                                seen[word] = stamp
                                n_tgt += 1
                                if mark[word] == stamp:
                                    both += 1
                        size = n_src + n_tgt
                        if size:
                            dice = 2.0 * both / size
                            confidence = size / 4.0
                            if confidence > 1.0:
                                confidence = 1.0
                            total += w_numbers * ((2.0 * dice - 1.0) * confidence)
                    if not done and latin_on:
                        stamp += 1
                        n_tl = 0
                        for k in range(tlat_ptr[pj], tlat_ptr[j]):
                            word = tlat_ids[k]
                            if mark[word] != stamp:
                                mark[word] = stamp
                                n_tl += 1
                        if n_tl:
                            shared = 0
                            for k in range(near_latin_ptr[pi], near_latin_ptr[i]):
                                if mark[near_latin_ids[k]] == stamp:
                                    shared += 1
                            if shared > n_tl:
                                shared = n_tl
                            spread = n_tl / 2.0
                            if spread > 1.0:
                                spread = 1.0
                            total += w_latin * ((2.0 * shared / n_tl - 1.0) * spread)
                    if not done and w_lexicon != 0.0:
                        size_t = tgt_size[j] - tgt_size[pj]
                        known = src_known[i] - src_known[pi]
                        if known != 0.0 and size_t != 0.0:
                            stamp += 1
                            n_zh = 0
                            for k in range(chin_ptr[pj], chin_ptr[j]):
                                word = chin_ids[k]
                                if mark[word] != stamp:
                                    mark[word] = stamp
                                    n_zh += 1
                            hits = 0
                            for k in range(near_ptr[pi], near_ptr[i]):
                                if mark[near_ids[k]] == stamp:
                                    hits += 1
                            if hits > n_zh:
                                hits = n_zh
                            sim = 2.0 * hits / (known + size_t)
                            if sim > 1.0:
                                sim = 1.0
                            confidence = (known + size_t) / confident
                            if confidence > 1.0:
                                confidence = 1.0
                            total += w_lexicon * (sim - threshold) * confidence
                    prev += total
                if prev > top:
                    top = prev
                    pick = t
            best[cell] = top
            back[cell] = pick
    if m < lo[n] or m > hi[n] or best[offsets[n] + m - lo[n]] == neg:
        return -1
    count = 0
    i = n
    j = m
    while i > 0 or j > 0:
        t = back[offsets[i] + j - lo[i]]
        a = type_a[t]
        b = type_b[t]
        i -= a
        j -= b
        out[4 * count] = i
        out[4 * count + 1] = a
        out[4 * count + 2] = j
        out[4 * count + 3] = b
        count += 1
    # Reverse in place: the walk went from the end.
    for k in range(count // 2):
        for f in range(4):
            x = out[4 * k + f]
            out[4 * k + f] = out[4 * (count - 1 - k) + f]
            out[4 * (count - 1 - k) + f] = x
    return count


def _pair_kernel(
    inv_ptr: npt.NDArray[np.int64],
    inv_beads: npt.NDArray[np.int64],
    z_ptr: npt.NDArray[np.int64],
    z_ids: npt.NDArray[np.int64],
    count_e: npt.NDArray[np.int64],
    count_z: npt.NDArray[np.int64],
    rank_z: npt.NDArray[np.int64],
    min_count: int,
    min_dice: float,
    per_word: int,
    tally: npt.NDArray[np.int64],
    touched: npt.NDArray[np.int64],
    top_dice: npt.NDArray[np.float64],
    top_z: npt.NDArray[np.int64],
    top_count: npt.NDArray[np.int64],
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
    """
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
