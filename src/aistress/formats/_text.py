"""Decoding and line splitting shared by every reader.

Readers work on the *decoded* text and report every span in its characters,
so nothing here rewrites the text: line terminators (LF, CRLF, CR) stay where
they are and :class:`Line` records where each line's content starts and ends.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter
from pathlib import PurePath
from typing import overload

import attrs

from aistress.errors import ParseError

__all__ = [
    "Line",
    "LineColumns",
    "decode",
    "is_blank",
    "position",
    "source_id",
    "split_lines",
    "trim",
]

_NEWLINE = re.compile(r"\r\n|\r|\n")
_BYTE_NEWLINE = re.compile(rb"\r\n|\r|\n")

# Byte-order marks, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@attrs.frozen
class Line:
    """One line of a decoded input.

    Attributes:
        number: 1-based line number.
        start: Offset of the line's first character in the decoded text.
        end: Offset just past its last character, before the line terminator.
        text: The line's characters, without the terminator.
    """

    number: int
    start: int
    end: int
    text: str

    # The properties are asked for every line, several times a read: written
    # out here rather than through is_blank and trim (same results).

    @property
    def blank(self) -> bool:
        """Whether the line holds only whitespace (including no-break and ideographic spaces)."""
        text = self.text
        return not text or text.isspace()

    @property
    def stripped(self) -> str:
        """The text without surrounding whitespace."""
        return self.text.strip()

    @property
    def indent(self) -> int:
        """How many whitespace characters start the line (where :attr:`stripped` starts)."""
        text = self.text
        return len(text) - len(text.lstrip())

    def trimmed(self) -> tuple[int, int]:
        """``(start, end)`` of the line's content without surrounding whitespace."""
        text = self.text
        content = text.lstrip()
        start = self.start + len(text) - len(content)
        return start, start + len(content.rstrip())


def split_lines(text: str) -> list[Line]:
    r"""Split ``text`` into :class:`Line` records at LF, CRLF and CR.

    Other Unicode line separators stay inside lines: they are content in
    every format aistress reads. A final terminator does not start an empty
    line. Time and memory are linear in ``len(text)``.

    >>> [(l.number, l.start, l.end, l.text) for l in split_lines("a\r\nbc\rd\n")]
    [(1, 0, 1, 'a'), (2, 3, 5, 'bc'), (3, 6, 7, 'd')]
    """
    if "\r" in text:
        return list(iter_lines(text))
    parts, starts = _lf_parts(text)
    return _records(count(1), starts, list(map(add, starts, map(len, parts))), parts)


def _lf_parts(text: str) -> tuple[list[str], list[int]]:
    """The lines of a text without CR and where each starts (str.split cuts in C)."""
    parts = text.split("\n")
    if not parts[-1]:  # a final terminator does not start an empty line
        parts.pop()
    return parts, list(accumulate(map((1).__add__, map(len, parts)), initial=0))[: len(parts)]


def _records(
    numbers: Iterable[int], starts: list[int], ends: list[int], parts: list[str]
) -> list[Line]:
    """The :class:`Line` records of these columns, made and filled by map in C."""
    lines = list(map(object.__new__, repeat(Line, len(parts))))
    columns: tuple[Iterable[object], ...] = (numbers, starts, ends, parts)
    for set_slot, values in zip(_LINE_SLOTS, columns, strict=True):
        deque(map(set_slot, lines, values), maxlen=0)
    return lines


_LINE_SLOTS = tuple(Line.__dict__[name].__set__ for name in ("number", "start", "end", "text"))


class LineColumns(Sequence[Line]):
    """Lines kept as three columns; a :class:`Line` record is made only for a line asked for.

    Indexing makes the record of one line; slicing and :meth:`select` keep
    columns, so readers that treat most lines in bulk (by their texts and
    starts) make no record for them.

    >>> lines = LineColumns([1, 3], [0, 5], ["ab", " c"])
    >>> lines[1], lines[1:].texts
    (Line(number=3, start=5, end=7, text=' c'), [' c'])
    """

    __slots__ = ("numbers", "starts", "texts")

    def __init__(self, numbers: list[int], starts: list[int], texts: list[str]) -> None:
        self.numbers = numbers
        self.starts = starts
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> LineColumns: ...

    def __getitem__(self, index: int | slice) -> Line | LineColumns:
        if isinstance(index, slice):
            return LineColumns(self.numbers[index], self.starts[index], self.texts[index])
        text, start = self.texts[index], self.starts[index]
        return Line(self.numbers[index], start, start + len(text), text)

    def select(self, keep: Iterable[object]) -> LineColumns:
        """The lines whose item of ``keep`` is true (``itertools.compress`` of each column)."""
        keep = list(keep)
        return LineColumns(
            list(compress(self.numbers, keep)),
            list(compress(self.starts, keep)),
            list(compress(self.texts, keep)),
        )


def content_columns(text: str) -> LineColumns:
    r""":func:`split_content_lines` as :class:`LineColumns` (no record made).

    >>> content_columns("a\n \n\nb\n").texts
    ['a', 'b']
    """
    if "\r" in text:
        lines = [line for line in iter_lines(text) if not line.blank]
        numbers, starts, texts = (list(map(get, lines)) for get in _LINE_COLUMNS)
        return LineColumns(numbers, starts, texts)
    parts, starts = _lf_parts(text)
    keep = list(map(bool, map(str.strip, parts)))  # str.strip drops what str.isspace accepts
    return LineColumns(
        list(compress(count(1), keep)), list(compress(starts, keep)), list(compress(parts, keep))
    )


_LINE_COLUMNS = (attrgetter("number"), attrgetter("start"), attrgetter("text"))


def split_content_lines(text: str) -> list[Line]:
    r"""The lines of ``text`` that are not blank: ``[l for l in split_lines(text) if not l.blank]``.

    Only the records of those lines are made (the line numbers count every
    line), in bulk as :func:`split_lines` makes them. Linear time.

    >>> [(l.number, l.start, l.text) for l in split_content_lines("a\n \n\nb\n")]
    [(1, 0, 'a'), (4, 5, 'b')]
    """
    if "\r" in text:
        return [line for line in split_lines(text) if not line.blank]
    parts, starts = _lf_parts(text)
    keep = list(map(bool, map(str.strip, parts)))  # str.strip drops what str.isspace accepts
    parts = list(compress(parts, keep))
    starts = list(compress(starts, keep))
    ends = list(map(add, starts, map(len, parts)))
    return _records(compress(count(1), keep), starts, ends, parts)


def line_texts(text: str) -> tuple[str, ...]:
    r"""``tuple(line.text for line in split_lines(text))``, without making the records.

    >>> line_texts("a\r\nbc\rd\n")
    ('a', 'bc', 'd')
    """
    parts = text.split("\n") if "\r" not in text else _NEWLINE.split(text)
    if parts and not parts[-1]:  # a final terminator does not start an empty line
        parts.pop()
    return tuple(parts)


def iter_lines(text: str) -> Iterator[Line]:
    """Yield the lines of ``text`` one by one (see :func:`split_lines`)."""
    start = 0
    number = 0
    for match in _NEWLINE.finditer(text):
        number += 1
        yield Line(number, start, match.start(), text[start : match.start()])
        start = match.end()
    if start < len(text):
        yield Line(number + 1, start, len(text), text[start:])


def is_blank(text: str) -> bool:
    """Whether ``text`` is empty or whitespace only (``str.isspace`` counts NBSP and U+3000)."""
    return not text or text.isspace()


def trim(text: str, start: int, end: int, offset: int = 0) -> tuple[int, int]:
    """Narrow ``text[start:end]`` to its non-whitespace content; add ``offset``.

    >>> trim("  ab ", 0, 5)
    (2, 4)
    """
    if start < end:  # str.strip drops exactly the characters str.isspace accepts
        piece = text[start:end]
        content = piece.lstrip()
        start += len(piece) - len(content)
        end = start + len(content.rstrip())
    return start + offset, end + offset


def position(text: str, offset: int) -> tuple[int, int]:
    r"""1-based ``(line, column)`` of character ``offset`` of ``text``.

    >>> position("ab\ncd", 4)
    (2, 2)
    """
    offset = max(0, min(offset, len(text)))
    before = text[:offset]
    line = 1
    last_break = -1
    for match in _NEWLINE.finditer(before):
        line += 1
        last_break = match.end() - 1
    return line, offset - last_break


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based ``(line, column)`` of byte ``offset``; LF, CRLF and CR end lines."""
    prefix = data[:offset]
    line = 1
    last_end = 0
    for match in _BYTE_NEWLINE.finditer(prefix):
        line += 1
        last_end = match.end()
    return line, offset - last_end + 1


def _plausible(text: str) -> bool:
    """Whether a legacy-codec decoding looks like real text rather than noise."""
    if not text:
        return True
    odd = 0
    for ch in text:
        category = unicodedata.category(ch)
        if category in {"Co", "Cn", "Cs"} or (category == "Cc" and ch not in "\r\n\t"):
            odd += 1
    return odd <= len(text) * 0.01


# Every byte value but the C0 controls other than tab, LF, VT, FF and CR, and DEL.
_TEXT_BYTES = bytes(b for b in range(256) if not (b <= 0x08 or 0x0E <= b <= 0x1F or b == 0x7F))


# The last text :func:`decode` made from UTF-8 bytes without a control
# character: the reader's check then need not encode it again. Compared by
# identity, so a text from anywhere else (or another thread) is checked.
_decoded_clean: str | None = None


def may_hold_binary(text: str) -> bool:
    """Whether ``text`` may hold a control character or a lone surrogate (False: surely not).

    In C over an encoding of the text, faster than a regular expression over
    a large text: a control character is its own byte in Latin-1 (a text all
    below U+0100, which holds no surrogate) and in UTF-8 (multi-byte sequences
    use bytes from 0x80 up), and a lone surrogate does not encode. The text
    :func:`decode` returned last was tested on its bytes already.
    """
    if text is _decoded_clean:
        return False
    try:
        data = text.encode("latin-1")  # a copy, where UTF-8 would encode
    except UnicodeEncodeError:
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return bool(data.translate(None, _TEXT_BYTES))


def decode(data: bytes, *, path: str | None = None, encoding: str | None = None) -> tuple[str, str]:
    """Decode an input file's bytes; return ``(text, encoding used)``.

    With ``encoding`` given, only that codec is tried. Otherwise a byte-order
    mark chooses UTF-8, UTF-16 or UTF-32; without one, UTF-8 is tried, then
    GB18030 (a superset of GBK and GB2312, common for Chinese pages), kept only
    if the result looks like text. The BOM is not part of the decoded text.

    Raises:
        ParseError: For binary data, or bytes that no candidate decodes; the
            line and column point at the first offending byte.
    """
    if encoding is not None:
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except LookupError:
            raise ParseError(path, 0, 0, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            line, column = _byte_position(data, exc.start)
            raise ParseError(
                path, line, column, f"bytes not valid in {encoding}: {exc.reason}"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as exc:
                line, column = _byte_position(data, exc.start)
                raise ParseError(
                    path, line, column, f"the byte-order mark says {codec}, but: {exc.reason}"
                ) from None
    nul = data.find(b"\x00")
    if nul >= 0:
        line, column = _byte_position(data, nul)
        raise ParseError(
            path,
            line,
            column,
            "binary data (a NUL byte): not a text document; if it is UTF-16 without "
            "a byte-order mark, pass encoding='utf-16-le' or 'utf-16-be'",
        )
    try:
        decoded = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc
    else:
        # What may_hold_binary tests on the text's UTF-8 encoding: these bytes.
        if not data.translate(None, _TEXT_BYTES):
            global _decoded_clean
            _decoded_clean = decoded
        return decoded, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _plausible(text):
        return text, "gb18030"
    line, column = _byte_position(data, first_bad.start)
    raise ParseError(
        path,
        line,
        column,
        f"byte 0x{data[first_bad.start]:02x} is not valid UTF-8 and the input is not "
        "GB18030 text either; pass encoding= if you know the encoding",
    )


def source_id(path: str | None, text: str) -> str:
    """A stable id for an input: the file's stem, or a hash of the text.

    >>> source_id("corpus/000_abc.txt", "")
    '000_abc'
    >>> source_id(None, "hello")
    'text-2cf24dba5fb0'
    """
    if path:
        stem = PurePath(path).stem
        if stem:
            return stem
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"text-{digest[:12]}"
