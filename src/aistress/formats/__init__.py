"""Readers and writers for the source formats aistress knows, and a registry for more.

Every format is a module here with the same functions:

- ``sniff(text) -> FormatGuess``: how likely the text is in this format;
- ``read(text, *, path=None, source_id=None) -> Source``: read decoded text;
- ``write(source) -> str``: write a source back, where the format allows.

:func:`read` (also ``aistress.read``) decodes files, sniffs the format and
calls the right reader; :func:`register` adds formats of your own.
"""

from __future__ import annotations

import importlib
import importlib.util
import warnings

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

#: The formats that ship with aistress, in the order they are sniffed.
BUILTIN = ("aggregator", "translation", "syndication", "interleaved", "digest", "html", "text")

for _name in BUILTIN:
    # Formats register as their modules land. ``replace=True`` keeps a second
    # import (after an earlier one failed part way) from tripping over the
    # formats the first one registered; a module without ``sniff`` and
    # ``read`` yet is left out with a warning rather than breaking every reader.
    if importlib.util.find_spec(f"aistress.formats.{_name}") is not None:
        try:
            register(_name, importlib.import_module(f"aistress.formats.{_name}"), replace=True)
        except ValueError as _exc:
            warnings.warn(f"format {_name!r} left out: {_exc}", RuntimeWarning, stacklevel=1)
