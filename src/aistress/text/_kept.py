"""What a per-paragraph finder found, kept for the texts it is asked about again.

A report reads the same paragraph's numbers, shares and dates several times:
for its alignments, then once for each comparison the paragraph takes part
in. :func:`kept` wraps such a finder so that it remembers what it found in
the last few thousand paragraph-sized texts; longer texts are read each time
(they are seldom asked about twice, and keeping them would hold their
results for nothing).

>>> calls = []
>>> def find(text: str, language: str) -> list[str]:
...     calls.append(text)
...     return text.split()
>>> words_of = kept(find)
>>> words_of("a b", "en"), words_of("a b", "en"), len(calls)
(('a', 'b'), ('a', 'b'), 1)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping
from typing import Generic, TypeVar

T = TypeVar("T")

#: Longest text whose findings are kept.
KEPT_LENGTH = 4_000
#: How many texts' findings are kept (the least recently asked go first).
KEPT_TEXTS = 4_096


class Kept(Generic[T]):
    """A finder that keeps its findings for texts of at most :data:`KEPT_LENGTH`.

    Like a :func:`functools.lru_cache` function, it has ``cache_clear`` and
    ``cache_parameters`` (benchmarks clear every such cache between runs).
    """

    def __init__(self, find: Callable[[str, str], Iterable[T]]) -> None:
        self._find = find
        self._remembered = functools.lru_cache(maxsize=KEPT_TEXTS)(self._tuple)
        functools.update_wrapper(self, find)

    def _tuple(self, text: str, language: str) -> tuple[T, ...]:
        return tuple(self._find(text, language))

    def __call__(self, text: str, language: str) -> tuple[T, ...]:
        if len(text) > KEPT_LENGTH:
            return self._tuple(text, language)
        return self._remembered(text, language)

    def cache_clear(self) -> None:
        """Forget every kept finding."""
        self._remembered.cache_clear()

    def cache_parameters(self) -> Mapping[str, object]:
        """The parameters of the underlying cache (``maxsize``, ``typed``)."""
        return self._remembered.cache_parameters()


def kept(find: Callable[[str, str], Iterable[T]]) -> Kept[T]:
    """``find(text, language)`` as a tuple, kept for texts of at most :data:`KEPT_LENGTH`."""
    return Kept(find)
