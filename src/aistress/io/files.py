"""Input files named by path, folder, glob or URL (``s3://``, ``gs://``, ``file://``, ``memory://``).

Local paths need nothing more. URLs go through `fsspec
<https://filesystem-spec.readthedocs.io/>`_, the file-system layer Dask reads
and writes with (it comes with the ``dask`` extra; ``s3://`` needs ``s3fs``,
``gs://`` ``gcsfs``), so a URL works wherever Dask takes one.

>>> expand(["no/such/file.txt"])
['no/such/file.txt']
>>> is_url("memory://corpus/a.txt"), is_url("corpus/a.txt")
(True, False)
"""

from __future__ import annotations

import errno
import glob
import importlib
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

__all__ = ["expand", "filesystem", "is_url", "read_bytes"]

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
_GLOB = frozenset("*?[")


def is_url(name: str) -> bool:
    """Whether ``name`` is a URL (``protocol://...``) rather than a local path."""
    return bool(_URL.match(name))


def filesystem(url: str) -> tuple[Any, str]:
    """The fsspec file system of a URL and the path within it.

    Raises:
        OSError: fsspec is missing, or the protocol is unknown or its package
            is not installed.
    """
    try:
        fsspec: Any = importlib.import_module("fsspec")
        fs, path = fsspec.core.url_to_fs(url)
    except ImportError as exc:
        raise OSError(f"{url}: URLs need fsspec and its package for the protocol ({exc})") from exc
    except ValueError as exc:
        raise OSError(f"{url}: {exc}") from exc
    return fs, str(path)


def read_bytes(name: str | os.PathLike[str]) -> bytes:
    """The bytes of a file named by a path or a URL.

    Raises:
        OSError: the file cannot be read (for a URL also: fsspec, or the
            package for its protocol, is missing).
    """
    text = os.fspath(name)
    if not is_url(text):
        return Path(text).read_bytes()
    fs, path = filesystem(text)
    try:
        data: bytes = fs.cat_file(path)
    except FileNotFoundError as exc:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), text) from exc
    except Exception as exc:  # remote file systems raise their own errors
        if isinstance(exc, OSError) and exc.strerror:
            raise
        raise OSError(f"{text}: {exc}") from exc
    return data


def _visible(paths: Iterable[str], root: str) -> list[str]:
    """``paths`` (below ``root``) without hidden files and folders, sorted."""
    prefix = root.rstrip("/") + "/"
    out = []
    for path in paths:
        relative = path[len(prefix) :] if path.startswith(prefix) else path.rsplit("/", 1)[-1]
        if not any(part.startswith(".") for part in relative.split("/")):
            out.append(path)
    return sorted(out)


def _walk(root: Path) -> list[str]:
    """The files under a folder, recursively and sorted; hidden files and folders skipped."""
    found = [
        p
        for p in root.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
    ]
    return sorted(str(p) for p in found)


def _expand_url(url: str) -> list[str]:
    try:
        fs, path = filesystem(url)
        if _GLOB.intersection(path):
            found: list[str] = []
            base = path[: min(path.find(c) for c in _GLOB if c in path)].rsplit("/", 1)[0]
            for match in _visible(fs.glob(path), base):
                found.extend(_visible(fs.find(match), match) if fs.isdir(match) else [match])
        elif fs.isdir(path):
            found = _visible(fs.find(path), path)
        else:
            return [url]
    except Exception:  # a URL that cannot be listed is reported when it is read
        return [url]
    return [fs.unstrip_protocol(p) for p in dict.fromkeys(found)] or [url]


def expand(inputs: Iterable[str | os.PathLike[str]]) -> list[str]:
    """Files named, the files of folders named, and the files globs match, in order.

    A folder is read recursively (hidden files and folders skipped); a glob
    (``*``, ``?``, ``[``; ``**`` for any depth) is expanded here, so it works
    quoted and on shells that do not expand it. A URL is expanded the same
    way on its file system (a glob's matches, a folder's files). A name that
    is neither an existing path nor a glob with matches is kept, so reading
    it reports the file as missing.
    """
    paths: list[str] = []
    for item in inputs:
        name = os.fspath(item)
        if is_url(name):
            paths.extend(_expand_url(name))
            continue
        root = Path(name)
        if root.is_dir():
            paths.extend(_walk(root))
        elif not root.exists() and _GLOB.intersection(name):
            matches = sorted(glob.glob(name, recursive=True))
            for match in matches:
                paths.extend(_walk(Path(match)) if Path(match).is_dir() else [match])
            if not matches:
                paths.append(name)
        else:
            paths.append(name)
    return paths
