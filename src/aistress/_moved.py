"""Old module paths that still import, with a :class:`DeprecationWarning`.

A module that was renamed is registered here under its old dotted name. The
name is not a file, so it never shadows anything: ``aistress.compare`` stays
the :func:`~aistress.comparison.compare` function, while
``from aistress.compare import compare`` keeps working and warns.
"""

from __future__ import annotations

import sys
import types
import warnings

__all__ = ["alias"]


class _Moved(types.ModuleType):
    """A stand-in module that forwards every public name to the module it moved to."""

    def __init__(self, old: str, new: types.ModuleType) -> None:
        super().__init__(old, f"Deprecated: moved to {new.__name__}.")
        self.__dict__["_aistress_new"] = new

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):
            raise AttributeError(name)
        new: types.ModuleType = self.__dict__["_aistress_new"]
        warnings.warn(
            f"{self.__name__} is deprecated; use {new.__name__}.{name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(new, name)

    def __dir__(self) -> list[str]:
        return list(getattr(self.__dict__["_aistress_new"], "__all__", ()))


def alias(old: str, new: types.ModuleType) -> None:
    """Make ``import old`` (a dotted module name) give ``new``, warning on each name used."""
    sys.modules.setdefault(old, _Moved(old, new))
