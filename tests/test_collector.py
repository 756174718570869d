"""Tests of the shared pause of the cyclic garbage collector."""

from __future__ import annotations

import gc
import threading

from aistress import _collector
from aistress.alignment import align_segments
from aistress.formats import read_text


def test_overlapping_pauses_in_threads_leave_the_collector_on() -> None:
    """Pauses overlapping in several threads switch the collector back on only after the last."""
    inside = threading.Barrier(3)
    leave = threading.Event()

    def work() -> None:
        with _collector.paused():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for t in threads:
        t.start()
    inside.wait()
    assert not gc.isenabled()
    leave.set()
    for t in threads:
        t.join()
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_program_stays_off() -> None:
    """Reading and aligning leave a collector the program switched off as it was."""
    gc.disable()
    try:
        read_text("A title\n\nOne paragraph of text.\n")
        align_segments(["Hello."], ["你好。"])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_and_aligning_leave_the_collector_on() -> None:
    """After a read and an alignment the collector is on again, also after an error."""
    read_text("A title\n\nOne paragraph of text.\n")
    align_segments(["Hello."], ["你好。"])
    assert gc.isenabled()
    try:
        with _collector.paused():
            raise ValueError("boom")
    except ValueError:
        pass
    assert gc.isenabled()
