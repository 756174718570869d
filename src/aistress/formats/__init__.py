"""Readers and writers for the source formats aistress knows, and a registry for more.

Every format is a module here with the same functions:

- ``sniff(text) -> FormatGuess``: how likely the text is in this format;
- ``read(text, *, path=None, source_id=None) -> Source``: read decoded text;
- ``write(source) -> str``: write a source back, where the format allows.

:func:`read` (also ``aistress.read``) decodes files, sniffs the format and
calls the right reader; :func:`register` adds formats of your own.
"""

from __future__ import annotations

from aistress.formats import (
    aggregator,
    digest,
    html,
    interleaved,
    syndication,
    text,
    translation,
)
from aistress.formats._registry import (
    MIN_CONFIDENCE,
    FormatGuess,
    FormatModule,
    FormatSpec,
    formats,
    get_format,
    iter_read,
    read,
    read_corpus,
    read_file,
    read_text,
    register,
    sniff,
    sniff_all,
    unregister,
)
from aistress.formats._text import Line, decode, split_lines

__all__ = [
    "MIN_CONFIDENCE",
    "FormatGuess",
    "FormatModule",
    "FormatSpec",
    "Line",
    "decode",
    "formats",
    "get_format",
    "iter_read",
    "read",
    "read_corpus",
    "read_file",
    "read_text",
    "register",
    "sniff",
    "sniff_all",
    "split_lines",
    "unregister",
]

_BUILTIN_MODULES = (aggregator, translation, syndication, interleaved, digest, html, text)

#: The formats that ship with aistress, in the order they are sniffed.
BUILTIN: tuple[str, ...] = tuple(module.FORMAT for module in _BUILTIN_MODULES)

for _module in _BUILTIN_MODULES:
    register(_module.FORMAT, _module, replace=True)
