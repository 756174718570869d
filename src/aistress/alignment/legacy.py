"""The old names of the alignment package, kept working with a deprecation warning.

Until version 0.2 the package was ``aistress.align`` and ``align`` was an object
whose attributes were the helpers (``align.evaluate``, ``align.write_tmx`` ...).
Now the package is :mod:`aistress.alignment`, ``aistress.align`` is a plain
function and the helpers are functions of the package. The old spellings still
work and warn:

- ``align.evaluate(...)`` and the other helper attributes of the function;
- ``import aistress.align`` and ``from aistress.align.aligner import ...``:
  a finder on ``sys.meta_path`` answers for ``aistress.align`` with a module
  that forwards to :mod:`aistress.alignment` and registers the old submodule
  paths (``aistress.align.evaluate`` is :mod:`aistress.alignment.scoring`).
  Importing it makes the import system set ``aistress.align`` to that module,
  so the module is callable: ``aistress.align(...)`` keeps aligning.
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import sys
import types
import warnings
from collections.abc import Callable, Sequence
from typing import Any

from aistress.alignment import aligner, evidence, lexicon, paragraphs, scoring, search, tmx

__all__ = ["OLD_PACKAGE", "install"]

#: The old package path.
OLD_PACKAGE = "aistress.align"
_NEW_PACKAGE = "aistress.alignment"

#: Old submodule name -> the module that holds its code now.
_SUBMODULES: dict[str, types.ModuleType] = {
    "aligner": aligner,
    "evaluate": scoring,
    "evidence": evidence,
    "lexicon": lexicon,
    "paragraphs": paragraphs,
    "search": search,
    "tmx": tmx,
}

#: The helper attributes of the old ``align`` object.
_HELPERS = (
    "evaluate",
    "merge_within_units",
    "read_beads",
    "parse_beads",
    "write_beads",
    "format_bead",
    "to_tmx",
    "write_tmx",
    "read_tmx",
    "to_tsv",
    "write_tsv",
    "align_paragraphs",
    "align_segments",
)


def _warn(old: str, new: str) -> None:
    warnings.warn(
        f"{old} is deprecated; use {new}",
        DeprecationWarning,
        stacklevel=3,
    )


def _deprecated(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _warn(f"align.{name}", f"aistress.alignment.{name}")
        return function(*args, **kwargs)

    return wrapper


class _OldPackage(types.ModuleType):
    """``aistress.align``: forwards to :mod:`aistress.alignment` and aligns when called."""

    def __init__(self, package: types.ModuleType) -> None:
        super().__init__(OLD_PACKAGE, package.__doc__)
        self._package = package

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        _warn(f"the module {OLD_PACKAGE}", "aistress.align (the function)")
        return self._package.align(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        _warn(f"{OLD_PACKAGE}.{name}", f"{_NEW_PACKAGE}.{name}")
        if name == "Options":
            return self._package.AlignOptions
        if hasattr(self._package, name) or name not in _SUBMODULES:
            return getattr(self._package, name)
        return _SUBMODULES[name]


class _Loader(importlib.abc.Loader):
    def __init__(self, package: types.ModuleType) -> None:
        self._package = package

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType:
        return _OldPackage(self._package)

    def exec_module(self, module: types.ModuleType) -> None:
        warnings.warn(
            f"the module {OLD_PACKAGE} is deprecated; use {_NEW_PACKAGE}",
            DeprecationWarning,
            stacklevel=2,
        )
        # Registered before the import system looks for them, so it finds them
        # in sys.modules and loads nothing twice.
        for name, target in _SUBMODULES.items():
            sys.modules.setdefault(f"{OLD_PACKAGE}.{name}", target)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self, package: types.ModuleType) -> None:
        self._loader = _Loader(package)

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: types.ModuleType | None = None,
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname != OLD_PACKAGE:
            return None
        return importlib.machinery.ModuleSpec(fullname, self._loader, is_package=True)


def install(align: Callable[..., Any], package: types.ModuleType) -> None:
    """Give ``align`` its old helper attributes and answer imports of the old package.

    Args:
        align: The :func:`aistress.alignment.align` function.
        package: The :mod:`aistress.alignment` module.
    """
    for name in _HELPERS:
        setattr(align, name, _deprecated(name, getattr(package, name)))
    setattr(align, "Options", package.AlignOptions)  # noqa: B010 - a function attribute
    if not any(isinstance(finder, _Finder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _Finder(package))
