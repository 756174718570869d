"""Word lists the checks share (``data/compare.json``) and name runs of English text."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

__all__ = ["HAN", "LATIN_WORD", "NAME_RUN", "generic_names", "stem", "stopwords_en"]

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
# Names of organisations, products and people: capitalised words (or words
# with an inner capital, such as "xAI"), joined into runs ("Google DeepMind").
NAME_RUN = re.compile(
    r"(?:\b[A-Z][A-Za-z0-9&\-]*|\b[a-z]+[A-Z][A-Za-z0-9]*)"
    r"(?:\s+(?:[A-Z][A-Za-z0-9&\-]*|[a-z]+[A-Z][A-Za-z0-9]*))*"
)


@cache
def _load() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(resources.files("aistress.data").joinpath("compare.json").read_text("utf-8"))
    return frozenset(raw["stopwords_en"]), frozenset(raw["not_names"])


def stopwords_en() -> frozenset[str]:
    """English stop words left out of overlap scores."""
    return _load()[0]


def generic_names() -> frozenset[str]:
    """Capitalised words that never name an organisation (``Researchers``, ``Monday``)."""
    return _load()[1]


def stem(word: str) -> str:
    """A light English stem (plural and common suffixes), enough for overlap scores."""
    for suffix in ("'s", "ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word
