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
    out: npt.NDArray[np.int64],
) -> int:
    """The banded search of :mod:`aistress.alignment.search` with the scorer inlined.

    Mirrors :func:`aistress.alignment.search.banded_search` and
    :func:`aistress.alignment.evidence.compiled_score` statement by
    statement; writes the path into ``out`` (four numbers a bead) and
    returns its number of beads, or -1 when the band does not connect.
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
                            for k in range(slat_ptr[pi], slat_ptr[i]):
                                if mark[slat_ids[k]] == stamp:
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
                            for k in range(trans_ptr[pi], trans_ptr[i]):
                                if mark[trans_ids[k]] == stamp:
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
