r"""Atomic file output: a file is either its old self or complete, never partial.

Every file aistress writes goes through :func:`atomic_write`: the data goes to
a temporary file in the destination's folder (so the final rename never
crosses file systems), is flushed and ``fsync``-ed, and only then renamed over
the destination with :func:`os.replace`. If anything goes wrong on the way (an
object that cannot be encoded, a full disk, ``KeyboardInterrupt``), the
temporary file is removed and the destination keeps its previous contents.

>>> import tempfile, pathlib
>>> from aistress.io import atomic_write, write_text
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> write_text(folder / "notes.txt", "first\n")
>>> try:
...     with atomic_write(folder / "notes.txt") as stream:
...         _ = stream.write("half of the second")
...         raise RuntimeError("interrupted")
... except RuntimeError:
...     pass
>>> (folder / "notes.txt").read_text()
'first\n'
>>> sorted(p.name for p in folder.iterdir())
['notes.txt']
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, overload

__all__ = ["atomic_write", "write_bytes", "write_text"]

PathLike = str | os.PathLike[str]


def _temporary(target: Path) -> tuple[int, Path]:
    """Create a new, empty temporary file beside ``target``; return (fd, path)."""
    while True:
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            # 0o666 lets the process umask decide, as a plain open() would.
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
        return fd, candidate


@overload
def atomic_write(
    path: PathLike, mode: Literal["w"] = "w", *, encoding: str = "utf-8", newline: str = "\n"
) -> contextlib.AbstractContextManager[TextIO]: ...
@overload
def atomic_write(
    path: PathLike, mode: Literal["wb"], *, encoding: str = "utf-8", newline: str = "\n"
) -> contextlib.AbstractContextManager[BinaryIO]: ...


def atomic_write(
    path: PathLike, mode: Literal["w", "wb"] = "w", *, encoding: str = "utf-8", newline: str = "\n"
) -> contextlib.AbstractContextManager[Any]:
    r"""Open ``path`` for writing so that it is replaced only when complete.

    Use it as a context manager; the stream it gives writes to a temporary
    file beside ``path``. When the ``with`` block ends normally the file is
    flushed to disk and renamed over ``path``; when it ends with any exception
    (``KeyboardInterrupt`` included) the temporary file is removed and ``path``
    is left as it was. A symbolic link at ``path`` is followed, and an
    existing file's permission bits are kept.

    Args:
        path: The destination file.
        mode: ``"w"`` for text (the default) or ``"wb"`` for bytes.
        encoding: Text encoding (text mode only).
        newline: Line ending written for ``"\n"`` (text mode only).

    Returns:
        A context manager yielding the open stream.
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    return _atomic(Path(os.path.realpath(path)), mode, encoding, newline)


@contextlib.contextmanager
def _atomic(target: Path, mode: str, encoding: str, newline: str) -> Iterator[IO[str] | IO[bytes]]:
    fd, temporary = _temporary(target)
    stream: IO[str] | IO[bytes] | None = None
    try:
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        if mode == "wb":
            stream = os.fdopen(fd, "wb")
        else:
            stream = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        if stream is None:  # the descriptor was never handed to a stream
            os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(target.parent)


def _sync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows syncing a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)


def write_text(path: PathLike, text: str, *, encoding: str = "utf-8", newline: str = "\n") -> None:
    """Write ``text`` to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path, encoding=encoding, newline=newline) as stream:
        stream.write(text)


def write_bytes(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (see :func:`atomic_write`)."""
    with atomic_write(path, "wb") as stream:
        stream.write(data)
