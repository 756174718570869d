"""Data files that ship with aistress, behind one cached loader.

Vocabularies, lexicons, the taxonomy and the sample corpus live in this
package. Every module reads them through the three functions here, which go
through ``importlib.resources`` (so they work from a wheel or a zip) and
read each file once per process. Paths are relative to this package and
``/``-separated:

- :func:`read_text`: a file's text;
- :func:`load_json`: a JSON file, parsed;
- :func:`load_list`: a list, one entry a line, ``#`` starts a comment line;
- :func:`load_words`: the set of words of such a list;
- :func:`data_file`: the file itself, when it is one on disk (to key a cache by).

>>> "the" in load_words("text/stopwords_en.txt")
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = ["data_file", "load_json", "load_list", "load_words", "read_text"]


def _resource(path: str) -> Any:
    resource = resources.files(__name__)
    for part in path.split("/"):
        resource = resource / part
    return resource


@functools.cache
def read_text(path: str) -> str:
    """The text of the bundled file ``aistress/data/<path>`` (``/``-separated), read once."""
    text: str = _resource(path).read_text(encoding="utf-8")
    return text


def data_file(path: str) -> Path | None:
    """The bundled file ``aistress/data/<path>`` on disk, or None (inside a zip, say).

    >>> data_file("taxonomy.json").name
    'taxonomy.json'
    """
    resource = _resource(path)
    return resource if isinstance(resource, Path) and resource.is_file() else None


@functools.cache
def load_json(path: str) -> Any:
    """The parsed JSON file ``aistress/data/<path>``, read once (do not mutate it)."""
    return json.loads(read_text(path))


@functools.cache
def load_list(path: str) -> tuple[str, ...]:
    """The entries of the list ``aistress/data/<path>``, one a line, in file order.

    Blank lines and lines starting with ``#`` are skipped; entries are stripped
    of surrounding whitespace.
    """
    entries = (line.strip() for line in read_text(path).splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))


@functools.cache
def load_words(path: str) -> frozenset[str]:
    """The set of whitespace-separated words of ``aistress/data/<path>`` (``#`` lines skipped)."""
    return frozenset(word for entry in load_list(path) for word in entry.split())
