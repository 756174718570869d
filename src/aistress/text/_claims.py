"""Claimed character ranges, checked in time proportional to the range."""

from __future__ import annotations


class Claims:
    """Character ranges already claimed by a quantity.

    A check or a claim costs the length of its range, so finding many
    numbers in a long text stays linear (a list of ranges would make every
    check cost the number of quantities found so far).
    """

    def __init__(self, size: int) -> None:
        self._mask = bytearray(size + 1)

    def free(self, start: int, end: int) -> bool:
        """Whether no claimed range overlaps ``start:end``."""
        return self._mask.find(1, start, end) < 0

    def add(self, start: int, end: int) -> None:
        """Claim ``start:end``."""
        self._mask[start:end] = b"\x01" * (end - start)
