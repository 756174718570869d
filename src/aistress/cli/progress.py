"""A progress line for long steps: on a terminal only, with counts and time left.

>>> import io
>>> bar = Progress(3, "reading", stream=io.StringIO())
>>> bar.enabled
False
>>> bar.advance("a.txt"); bar.done
1
"""

from __future__ import annotations

import shutil
import sys
import threading
import time
from typing import TextIO

__all__ = ["DELAY", "PROGRESS_MIN_FILES", "Progress", "progress_factory"]

#: Below this many items no progress line is drawn.
PROGRESS_MIN_FILES = 2
#: A step shows its line only once it has run this many seconds.
DELAY = 1.0


def _clock(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """A one-line progress bar on a terminal, silent anywhere else.

    The line is drawn only when ``stream`` is a terminal, the step has at
    least :data:`~aistress.cli.progress.PROGRESS_MIN_FILES` items (or cannot count them:
    ``total=None``), and it has run for ``delay`` seconds; it is redrawn at
    most ten times a second and erased when the step ends. A counted step
    shows ``label done/total [bar] percent, elapsed < time left``; a step
    that cannot count shows its label and the time it has run, redrawn by
    a background thread while the step blocks.
    """

    def __init__(
        self,
        total: int | None,
        label: str,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        delay: float = DELAY,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            long_enough = total is None or total >= PROGRESS_MIN_FILES
            enabled = bool(isatty and isatty()) and long_enough
        self.enabled = enabled
        self.done = 0
        self.delay = delay
        self._start = time.monotonic()
        self._last = 0.0
        self._drawn = False
        self._item = ""
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        if self.enabled and total is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True)
            self._ticker.start()

    def _tick(self) -> None:
        while not self._stop.wait(0.2):
            self._draw(force=False)

    def advance(self, item: str = "") -> None:
        """Count one more item done (``item`` names it on the line)."""
        self.done += 1
        self._item = item
        if self.enabled:
            self._draw(force=self.total is not None and self.done >= self.total)

    def _line(self, now: float) -> str:
        elapsed = now - self._start
        if self.total is None:
            return f"{self.label}… {_clock(elapsed)}"
        share = self.done / self.total if self.total else 1.0
        left = elapsed / self.done * (self.total - self.done) if self.done else None
        eta = f" < {_clock(left)} left" if left is not None and self.done < self.total else ""
        bar = "#" * int(share * 20)
        return (
            f"{self.label} {self.done}/{self.total} [{bar:<20}] {share:4.0%} "
            f"{_clock(elapsed)}{eta} {self._item}"
        )

    def _draw(self, *, force: bool) -> None:
        now = time.monotonic()
        if now - self._start < self.delay:
            return
        with self._lock:
            if not force and now - self._last < 0.1:
                return
            self._last = now
            width = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + self._line(now)[: width - 1].ljust(width - 1))
            self.stream.flush()
            self._drawn = True

    def close(self) -> None:
        """Erase the line, leaving the terminal as it was."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
        with self._lock:
            if self._drawn:
                width = shutil.get_terminal_size((80, 24)).columns
                self.stream.write("\r" + " " * (width - 1) + "\r")
                self.stream.flush()
                self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_factory(label: str, total: int | None) -> Progress:
    """A :class:`Progress` on standard error: the factory the pipeline is handed."""
    return Progress(total, label)
