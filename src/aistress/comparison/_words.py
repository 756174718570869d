"""Word lists the checks share (``data/compare.json``) and name runs of English text."""

from __future__ import annotations

import functools
import re

from aistress.data import load_json

__all__ = ["NAME_RUN", "generic_names", "han_variants"]

# Names of organisations, products and people: capitalised words (or words
# with an inner capital, such as "xAI"), joined into runs ("Google DeepMind").
NAME_RUN = re.compile(
    r"(?:\b[A-Z][A-Za-z0-9&\-]*|\b[a-z]+[A-Z][A-Za-z0-9]*)"
    r"(?:\s+(?:[A-Z][A-Za-z0-9&\-]*|[a-z]+[A-Z][A-Za-z0-9]*))*"
)


@functools.cache
def generic_names() -> frozenset[str]:
    """Capitalised words that never name an organisation (``Researchers``, ``Monday``)."""
    return frozenset(load_json("compare.json")["not_names"])


def han_variants(name: str) -> set[str]:
    """A transliterated name with up to three characters trimmed before and after the dot."""
    head, dot, tail = name.partition("·") if "·" in name else name.partition("・")
    if not dot:
        return {name}
    return {
        f"{head[i:]}·{tail[: len(tail) - j]}"
        for i in range(min(4, len(head)))
        for j in range(min(4, len(tail)))
    }
