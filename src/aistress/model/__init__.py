"""Typed, immutable models of the corpus.

Every class here is a frozen, slotted attrs class: instances are values that can
be compared, hashed, pickled, cached and sent to other processes, and every one
round-trips through JSON without loss (see :mod:`aistress.io.json`).

Constructors validate their arguments and fail with
:class:`~aistress.errors.InvalidValueError`, which names the field:

>>> Span("a1", 5, 2)
Traceback (most recent call last):
...
aistress.errors.InvalidValueError: Span.end: must not be before start (5) (got 2)

Offsets are counted in characters (Python ``str`` indices), never in bytes.
"""

from __future__ import annotations

import enum

from aistress.model import _corpus, _document
from aistress.model._corpus import *  # noqa: F403 - the package's names are its modules' names
from aistress.model._corpus import _LATE_BOUND as _LATE_BOUND
from aistress.model._document import *  # noqa: F403 - the package's names are its modules' names
from aistress.model._document import BLOCK_SEPARATOR as BLOCK_SEPARATOR

__all__ = []
__all__ += _document.__all__
__all__ += _corpus.__all__

# The classes and functions are documented, pickled and resolved (cattrs reads
# annotations in their module's namespace) as members of aistress.model. The
# enums keep their defining module, where the documentation tools read the
# comments that document their members.
for _name in __all__:
    if not isinstance(globals()[_name], enum.EnumMeta):
        globals()[_name].__module__ = __name__
