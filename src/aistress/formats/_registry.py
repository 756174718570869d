"""The name → reader registry, format sniffing, and the top-level read functions."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Protocol, runtime_checkable

import attrs

from aistress.errors import AistressError, ParseError, UnknownFormatError
from aistress.formats._text import decode
from aistress.io.files import expand, read_bytes
from aistress.model import Corpus, Issue, ReadFailure, Source

#: Below this confidence a guess is not trusted to choose a reader.
MIN_CONFIDENCE = 0.5


@attrs.frozen
class FormatGuess:
    """What :func:`sniff` thinks of a text: a format id, a confidence, the reasons.

    ``confidence`` lies between 0 (surely not) and 1 (surely).
    """

    format: str
    confidence: float
    reasons: tuple[str, ...] = ()


@runtime_checkable
class FormatModule(Protocol):
    """What a format offers: the functions every module in :mod:`aistress.formats` defines."""

    def sniff(self, text: str) -> FormatGuess:
        """Say how likely ``text`` is in this format."""

    def read(self, text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
        """Read decoded ``text``; raise :class:`~aistress.errors.ParseError` if it is not valid."""


@attrs.frozen
class FormatSpec:
    """A registered format.

    Attributes:
        name: The format id (``"aggregator"``).
        sniff: ``sniff(text) -> FormatGuess``.
        read: ``read(text, *, path=None, source_id=None) -> Source``.
        write: ``write(source) -> str``, or None if the format cannot be written.
        description: One line for listings.
    """

    name: str
    sniff: Callable[[str], FormatGuess]
    read: Callable[..., Source]
    write: Callable[[Source], str] | None = None
    description: str = ""


_REGISTRY: dict[str, FormatSpec] = {}


def register(
    name: str,
    module: object | None = None,
    *,
    sniff: Callable[[str], FormatGuess] | None = None,
    read: Callable[..., Source] | None = None,
    write: Callable[[Source], str] | None = None,
    description: str | None = None,
    replace: bool = False,
) -> FormatSpec:
    """Add a format to the registry, from a module (or any object) or from functions.

    A module needs ``sniff`` and ``read`` and may have ``write``; its
    docstring's first line becomes the description. Functions given as
    keywords override the module's.

    >>> from aistress.formats import FormatGuess, register, unregister
    >>> spec = register("shout", sniff=lambda t: FormatGuess("shout", float(t.isupper())),
    ...                 read=lambda text, **kw: None, description="ALL CAPS")
    >>> spec.name, spec.description
    ('shout', 'ALL CAPS')
    >>> unregister("shout")

    Raises:
        ValueError: If ``name`` is taken and ``replace`` is false, or if no
            ``sniff`` or ``read`` function is given.
    """
    if name in _REGISTRY and not replace:
        raise ValueError(f"format {name!r} is already registered; pass replace=True")
    sniff_fn = sniff or getattr(module, "sniff", None)
    read_fn = read or getattr(module, "read", None)
    write_fn = write or getattr(module, "write", None)
    if not callable(sniff_fn) or not callable(read_fn):
        raise ValueError(f"format {name!r} needs callable sniff and read functions")
    if description is None:
        doc = (getattr(module, "__doc__", None) or "").strip()
        description = doc.splitlines()[0] if doc else ""
    spec = FormatSpec(name, sniff_fn, read_fn, write_fn, description)
    _REGISTRY[name] = spec
    return spec


def unregister(name: str) -> None:
    """Remove a format from the registry (no error if it is absent)."""
    _REGISTRY.pop(name, None)


def get_format(name: str) -> FormatSpec:
    """Return the registered format ``name``.

    Raises:
        ValueError: If no such format is registered; the message lists them.
    """
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(
            f"unknown format {name!r}; registered formats: {', '.join(sorted(_REGISTRY))}"
        ) from None


def formats() -> tuple[str, ...]:
    """The ids of every registered format, in registration order."""
    return tuple(_REGISTRY)


def sniff_all(text: str) -> tuple[FormatGuess, ...]:
    """Ask every registered format about ``text``; best guess first.

    A format whose sniffer fails counts as confidence 0 with the failure as
    its reason, so one faulty plug-in cannot break reading.
    """
    guesses = []
    outer = getattr(SNIFFING, "text", None), getattr(SNIFFING, "kept", None)
    SNIFFING.text, SNIFFING.kept = text, {}
    try:
        for spec in _REGISTRY.values():
            try:
                guess = spec.sniff(text)
            except Exception as exc:  # a plug-in's bug must not stop the others
                guess = FormatGuess(spec.name, 0.0, (f"sniffer failed: {exc!r}",))
            guesses.append(guess)
    finally:
        SNIFFING.text, SNIFFING.kept = outer
    return tuple(sorted(guesses, key=lambda g: -g.confidence))


#: The text :func:`sniff_all` is asking every sniffer about in this thread
#: (``text``), and what the sniffers' shared helpers found in it (``kept``:
#: :func:`~aistress.formats._common.sample_lines` keeps its sample there, so
#: the sniffers of one text share it).
SNIFFING = threading.local()


def sniff(text: str) -> FormatGuess:
    """Guess the format of ``text``: the best of :func:`sniff_all`.

    The guess may have a low confidence; :func:`read` refuses guesses under
    0.5 (``MIN_CONFIDENCE``).
    """
    guesses = sniff_all(text)
    if not guesses:
        return FormatGuess("unknown", 0.0, ("no formats are registered",))
    return guesses[0]


def read_text(
    text: str,
    *,
    format: str | None = None,
    path: str | None = None,
    source_id: str | None = None,
) -> Source:
    """Read a document already decoded to ``str``.

    Raises:
        UnknownFormatError: If ``format`` is not given and no reader is
            confident enough; it carries every format's score.
        ParseError: If the chosen reader cannot read the text.
        ValueError: If ``format`` names no registered format.
    """
    if format is None:
        if not text.strip():
            raise ParseError(path, 0, 0, "the document is empty (no text besides whitespace)")
        guesses = sniff_all(text)
        if not guesses or guesses[0].confidence < MIN_CONFIDENCE:
            raise UnknownFormatError(
                path, tuple((g.format, round(g.confidence, 2)) for g in guesses)
            )
        format = guesses[0].format
    spec = get_format(format)
    try:
        return spec.read(text, path=path, source_id=source_id)
    except ParseError as exc:
        if path is not None and exc.path == "<string>":
            raise exc.with_path(path) from exc
        raise
    except AistressError:
        raise
    except Exception as exc:  # a reader bug: keep the promise that only ParseError escapes
        raise ParseError(
            path, 0, 0, f"the {format} reader failed unexpectedly ({exc!r}); please report this"
        ) from exc


def read_file(
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
    source_id: str | None = None,
) -> Source:
    """Read a file: decode it (see :func:`~aistress.formats.decode`) and read the text.

    The encoding used is recorded in the source's ``encoding``.
    """
    name = os.fspath(path)
    try:
        data = read_bytes(name)
    except OSError as exc:
        raise ParseError(name, 0, 0, f"cannot read the file: {exc.strerror or exc}") from exc
    text, used = decode(data, path=name, encoding=encoding)
    source = read_text(text, format=format, path=name, source_id=source_id)
    return _with_encoding(source, used, detected=encoding is None)


def _with_encoding(source: Source, used: str, *, detected: bool) -> Source:
    """Record the encoding a text was decoded with, in the source and every provenance.

    A GB18030 decoding found by detection (not asked for) is a guess, so it is
    also reported as a ``decoded-gb18030`` warning.
    """
    articles = tuple(
        a
        if a.provenance is None or a.provenance.encoding == used
        else attrs.evolve(a, provenance=attrs.evolve(a.provenance, encoding=used))
        for a in source.articles
    )
    warnings = source.warnings
    if detected and used == "gb18030":
        warnings = (
            *warnings,
            Issue(
                "decoded-gb18030",
                "the bytes are not UTF-8; they were decoded as GB18030 (which covers GBK "
                "and GB2312); pass encoding= if that is wrong",
            ),
        )
    if source.encoding == used and articles == source.articles and warnings == source.warnings:
        return source
    return attrs.evolve(source, encoding=used, articles=articles, warnings=warnings)


def read(
    path_or_text: str | bytes | os.PathLike[str],
    *,
    format: str | None = None,
    encoding: str | None = None,
) -> Source:
    """Read one document from a path, from bytes, or from text.

    A :class:`pathlib.Path` (or any path-like) is a file. ``bytes`` are
    decoded as a file's contents would be. A ``str`` is a file name if it is a
    single line naming an existing file; a single line that looks like a file
    name (``notes/article.txt``, ``missing.md``) but names nothing raises a
    :class:`~aistress.errors.ParseError` naming it; any other string is the
    document itself. :func:`read_text` reads a string as a document whatever
    it looks like, :func:`read_file` a path.

    >>> read("no/such/article.txt")
    Traceback (most recent call last):
    ...
    aistress.errors.ParseError: no/such/article.txt: no such file (to read the string ...

    Args:
        path_or_text: The input.
        format: A format id (see :func:`formats`); sniffed when left out.
        encoding: For files and bytes: the codec to use instead of detection.

    Raises:
        ParseError: The document cannot be read; ``path``, ``line``,
            ``column`` and ``reason`` say where and why. No other exception
            escapes for any content of the input.
    """
    if isinstance(path_or_text, (bytes, bytearray)):
        text, used = decode(bytes(path_or_text), encoding=encoding)
        source = read_text(text, format=format)
        return _with_encoding(source, used, detected=encoding is None)
    if isinstance(path_or_text, os.PathLike):
        return read_file(path_or_text, format=format, encoding=encoding)
    if not isinstance(path_or_text, str):
        raise TypeError(f"read() takes a path, bytes or str, not {type(path_or_text).__name__}")
    if _names_a_file(path_or_text):
        return read_file(path_or_text, format=format, encoding=encoding)
    if _looks_like_a_path(path_or_text):
        reason = (
            "is a directory (read_corpus reads a folder)"
            if Path(path_or_text).is_dir()
            else "no such file (to read the string itself as a document, use aistress.read_text)"
        )
        raise ParseError(path_or_text, 0, 0, reason)
    return read_text(path_or_text, format=format)


def _names_a_file(text: str) -> bool:
    if not text or len(text) > 4096 or "\n" in text or "\r" in text or "\x00" in text:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):
        return False


#: A file name's last part: an extension of 1 to 5 letters or digits.
_EXTENSION = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")


def _looks_like_a_path(text: str) -> bool:
    """Is ``text`` one short line shaped like a file name (a folder part or an extension)?

    A document is prose: it has line breaks, or several words, or ends in
    punctuation. A name has no line break, at most two spaces, and ends in an
    extension or contains a path separator.
    """
    if not text or len(text) > 1024 or "\n" in text or "\r" in text or "\x00" in text:
        return False
    name = text.strip()
    if name.count(" ") > 2:
        return False
    try:
        if Path(name).is_dir():
            return True
    except (OSError, ValueError):
        return False
    return bool(_EXTENSION.search(name)) or "/" in name or os.sep in name


def _expand(
    directory_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
) -> list[str]:
    if isinstance(directory_or_paths, (str, os.PathLike)):
        return expand([directory_or_paths])
    return expand(directory_or_paths)


def iter_read(
    paths: Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    source_id: str | None = None,
) -> Iterator[Source | ReadFailure]:
    """Read files one by one, yielding a Source or a ReadFailure for each.

    Each item is a :class:`~aistress.model.Source` or, for a file that could
    not be read, a :class:`~aistress.model.ReadFailure`.

    Never raises for a bad file, so it suits streaming over millions of
    inputs; memory holds one file at a time. ``source_id`` overrides the id
    (meant for a single path).
    """
    for path in paths:
        name = os.fspath(path)
        try:
            yield read_file(name, format=format, source_id=source_id)
        except ParseError as exc:
            yield ReadFailure(
                path=name,
                reason=exc.reason,
                line=exc.line,
                column=exc.column,
                error=type(exc).__name__,
            )


def read_corpus(
    directory_or_paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    strict: bool = False,
    format: str | None = None,
) -> Corpus:
    """Read every file of a directory (recursively; hidden files and folders skipped) or a list.

    A directory, glob (``corpus/**/*.html``) or URL (``s3://bucket/corpus/``,
    ``memory://corpus/*.txt``: see :mod:`aistress.io.files`) may be given
    alone or in the list; each names the files it holds or matches.
    A file that fails is recorded in the corpus's ``failures`` (a
    :class:`~aistress.model.ReadFailure` each) with its error; with ``strict=True``
    the first failure is raised instead. Nothing is skipped silently.
    Articles whose ids clash with an earlier file's are reported as a failure
    of the later file.
    """
    sources: list[Source] = []
    failures: list[ReadFailure] = []
    seen: set[str] = set()
    stems: set[str] = set()
    for path in _expand(directory_or_paths):
        # Ids come from file names; a second "x.txt" elsewhere gets a path hash.
        ident = Path(path).stem or "file"
        if ident in stems:
            ident = (
                f"{ident}-{hashlib.sha256(path.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
            )
        stems.add(ident)
        if strict:
            source = read_file(path, format=format, source_id=ident)
        else:
            result = next(iter_read([path], format=format, source_id=ident))
            if isinstance(result, ReadFailure):
                failures.append(result)
                continue
            source = result
        clash = sorted(seen.intersection(a.id for a in source.articles))
        if clash:
            error = ParseError(
                path, 0, 0, f"article id(s) {', '.join(clash)} already read from another file"
            )
            if strict:
                raise error
            failures.append(ReadFailure(path=path, reason=error.reason))
            continue
        seen.update(a.id for a in source.articles)
        sources.append(source)
    return Corpus(sources=sources, failures=failures)
