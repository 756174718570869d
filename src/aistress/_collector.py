"""Pausing Python's cyclic garbage collector around allocation-heavy work.

Reading a large file or aligning long texts builds hundreds of thousands of
small objects (blocks, spans, sets, tuples), none of them in a reference
cycle. Their allocation alone triggers collections of the older generations,
each walking every live object: measured, a tenth to a fifth of a large read
and a quarter of a long alignment. :func:`paused` switches the collector off
for such a block. Reference counting still frees what the work drops; cycles
left behind are collected once the collector is back on.

The switch is process-wide: pauses are counted under a lock, so work running
in several threads at once, or nested, leaves the collector as it found it,
and a collector the program had switched off stays off.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["paused"]

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Keep the cyclic garbage collector off for the block (counted, thread-safe).

    >>> import gc
    >>> with paused():
    ...     with paused():
    ...         gc.isenabled()
    ...     gc.isenabled()
    False
    False
    >>> gc.isenabled()
    True
    """
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
