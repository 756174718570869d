r"""A small on-disk cache for data aistress derives from files the user has (CC-CEDICT).

Entries live in the user cache directory (``AISTRESS_CACHE_DIR`` if set, else
``$XDG_CACHE_HOME/aistress`` or ``~/.cache/aistress`` on Linux,
``~/Library/Caches/aistress`` on macOS, ``%LOCALAPPDATA%\aistress\Cache`` on
Windows). An entry is named by a digest of its source file's path, size and
modification time and of the reader's version, so a changed source or a new
reader never meets a stale entry. Values are ``marshal`` data (plain
containers of strings and numbers, never code), written to a temporary file and
renamed into place. Every failure to read or write the cache is silent: the
caller derives the value again.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["cache_dir", "cached"]


def cache_dir() -> Path:
    """The folder of aistress's cache files (not created here)."""
    given = os.environ.get("AISTRESS_CACHE_DIR")
    if given:
        return Path(given)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "aistress" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "aistress"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else home / ".cache") / "aistress"


def _key(source: Path, version: str) -> str:
    stat = source.stat()
    text = f"{source.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0{version}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def cached(name: str, source: Path, version: str, derive: Callable[[], Any]) -> Any:
    """The value ``derive()`` returns for ``source``, from the cache when it is there.

    Args:
        name: A short name for the kind of entry (the file name's prefix).
        source: The file the value is derived from.
        version: The deriving code's version; change it when its output changes.
        derive: Computes the value (marshal-able) when the cache misses.

    Returns:
        The cached or derived value.
    """
    try:
        path: Path | None = cache_dir() / f"{name}-{_key(source, version)}.marshal"
    except (OSError, RuntimeError):  # no source to stat, or no home folder
        path = None
    if path is not None:
        try:
            # One read, then loads: marshal.load on a file reads piece by
            # piece through the file object, four times slower on CC-CEDICT.
            return marshal.loads(path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            pass
    value = derive()
    if path is not None:
        _write(path, name, value)
    return value


def _write(path: Path, name: str, value: Any) -> None:
    """Write ``value`` to ``path`` through a temporary file; give up silently."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-", suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(value, handle)
        os.replace(temp, path)
    except (OSError, ValueError):
        pass
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
