"""Helpers shared by the format readers: pages as lines, spans, scripts, dates, sniffing.

A reader starts with :meth:`Page.open`, which checks the text, gives the
source its id and splits it into :class:`~aistress.formats.Line` records
(:func:`page_reader` makes a format's public ``read`` from a function of
the opened page); it then builds blocks, metadata (a :class:`Header`, each
value with its field span) and boilerplate items through the page, so every
span counts in characters of the decoded text the reader was given, and
finishes with :meth:`Page.article` and :meth:`Page.source`.

Everything here is linear in the size of the input: regular expressions are
compiled once, anchored or bounded, and free of nested quantifiers.

The API (stable; other readers may import it):

- :class:`Page`: a decoded input being read (lines, spans, boilerplate, warnings);
- :class:`Header`: an article's metadata as a reader finds it, with field spans;
- :func:`page_reader`: a format's ``read(text, *, path=None, source_id=None)``;
- :func:`article_to_write`, :func:`boilerplate_texts`: what a writer prints;
- :func:`check_text`: refuse input that is empty or not text, with a position;
- :func:`script_counts`, :func:`language_of`, :func:`main_language`,
  :func:`languages`, :func:`languages_of_counts`: Latin letters against Han characters (from
  :mod:`aistress.text.language`);
- :func:`leading_emoji`: the emoji that starts a line (a key-point marker);
- :func:`find_date`: a printed date (``01月25日``, ``2024年10月20日``,
  ``2024-10-20``, ``January 25, 2024``) as a :class:`~aistress.model.PartialDate`
  (from :mod:`aistress.text.dates`);
- :class:`Evidence`: sums weighted clues into a :class:`~aistress.formats.FormatGuess`;
- :func:`sample_lines`, :func:`sample_content`: the head and tail of a text, for sniffers;
- :func:`load_list`: a word list bundled under ``aistress/data/formats/``;
- :func:`sniff_weight`: a sniffer's clue weight from ``data/formats/sniff_weights.json``;
- :func:`label_key`: a label compared across scripts (Traditional folded to Simplified);
- :func:`name_artefacts`: ``名字(名字)`` repeats left by machine translation;
- :func:`checked_reader`: wraps a format's ``read`` so that the many small model
  objects it builds skip their attrs validators (see there).
"""

from __future__ import annotations

import contextlib
import functools
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import add, attrgetter, is_not
from typing import Any, Protocol

import attrs

from aistress import _collector, data
from aistress.errors import ParseError
from aistress.formats._registry import SNIFFING, FormatGuess
from aistress.formats._scripts import (
    _read_memo,
    foreign,
    language_of,
    languages,
    languages_of_counts,
    main_language,
    script_counts,
)
from aistress.formats._text import (
    Line,
    LineColumns,
    content_columns,
    is_blank,
    line_texts,
    may_hold_binary,
    position,
    split_content_lines,
    split_lines,
    trim,
)
from aistress.formats._text import source_id as make_source_id
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    Boilerplate,
    FieldSpan,
    Issue,
    PartialDate,
    Provenance,
    Relation,
    Source,
    Span,
    Translation,
)
from aistress.model._document import (
    trusted_block,
    trusted_blocks,
    trusted_boilerplate,
    trusted_span,
    trusted_spans,
)
from aistress.text.dates import DateMatch, find_date
from aistress.text.script import to_simplified

__all__ = [
    "BOM_KIND",
    "DateMatch",
    "Evidence",
    "Header",
    "Page",
    "ReadFunction",
    "article_to_write",
    "boilerplate_texts",
    "check_text",
    "checked_reader",
    "find_date",
    "foreign",
    "label_key",
    "language_of",
    "languages",
    "languages_of_counts",
    "leading_emoji",
    "load_list",
    "main_language",
    "name_artefacts",
    "page_reader",
    "sample_content",
    "sample_lines",
    "script_counts",
    "sniff_weight",
]

_LINE_TEXT = attrgetter("text")
_LINE_START = attrgetter("start")

#: Boilerplate kind of a byte-order mark left at the start of a decoded text.
BOM_KIND = "byte-order-mark"

# C0 controls other than tab, LF, VT, FF and CR; DEL; lone surrogates.
_NOT_TEXT = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")


# Pictographs, symbols and dingbats that pages use as bullet emoji; © ® ™ are
# left out on purpose (they start copyright lines, not key points).
_EMOJI_CHAR = (
    r"[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\u2300-\u23FF\u2190-\u21FF"
    r"\u25A0-\u25FF\u2900-\u297F\u3030\u303D\u3297\u3299\u203C\u2049\u2139]"
)
_EMOJI_MOD = r"[\uFE0E\uFE0F\U0001F3FB-\U0001F3FF\u20E3\U000E0020-\U000E007F]"
_LEADING_EMOJI = re.compile(
    rf"{_EMOJI_CHAR}{_EMOJI_MOD}*(?:\u200D{_EMOJI_CHAR}{_EMOJI_MOD}*)*",
)


# A parenthesised copy of the words just before it, 名字(名字) or 名字（名字）, as
# it reads in the reversed text (either closing parenthesis made ")"): the
# closing parenthesis, the copy (2 to 40 characters, no parenthesis or line
# break, no whitespace at either end, a letter among the first 40), an opening
# one and the same characters again. Between two parentheses the copy can only
# be all that lies between them, so a failed try backtracks at most 40
# characters.
_REVERSED_ARTEFACT = re.compile(
    r"(\)(?=[^()（）\n\r]{0,39}?[^\W\d_])"
    r"(?P<inner>[^()（）\s][^()（）\n\r]{0,38}[^()（）\s])[(（])(?P=inner)"
)


def check_text(text: str, path: str | None = None) -> None:
    """Refuse text that no reader can read, with the position of the problem.

    Raises:
        TypeError: If ``text`` is not a :class:`str` (API misuse).
        ParseError: If the text is empty or whitespace only, a byte-order mark
            aside (line 0), or
            holds a control character or a lone surrogate (binary data; the
            line and column point at it).
    """
    if not isinstance(text, str):
        raise TypeError(f"readers take decoded text (str), not {type(text).__name__}")
    if not text or text.isspace() or (text[0] == "\ufeff" and is_blank(text[1:])):
        raise ParseError(
            path, 0, 0, "the document is empty (no text besides whitespace); nothing to read"
        )
    bad = _NOT_TEXT.search(text) if may_hold_binary(text) else None
    if bad is not None:
        line, column = position(text, bad.start())
        raise ParseError(
            path,
            line,
            column,
            f"control character U+{ord(bad.group()):04X}: this is binary data or was decoded "
            "with the wrong encoding, not a text document",
        )


class ReadFunction(Protocol):
    """The signature of a format's ``read``."""

    def __call__(
        self, text: str, *, path: str | None = None, source_id: str | None = None
    ) -> Source: ...


_trust_lock = threading.Lock()
_trust_depth = 0
_trust_saved = False


@contextlib.contextmanager
def _validators_off() -> Iterator[None]:
    """Attrs validators and the cyclic garbage collector off while at least one reader runs.

    Then both are as they were before. A reader builds tens of thousands of
    small objects, none of them in a reference cycle; the collector's passes
    over them (triggered by the allocations alone) were a tenth to a fifth of
    a large read. Counted under a lock, so readers running in several threads
    at once leave the settings as they found them.
    """
    global _trust_depth, _trust_saved
    with _trust_lock:
        if _trust_depth == 0:
            _trust_saved = attrs.validators.get_disabled()
            attrs.validators.set_disabled(True)
        _trust_depth += 1
    try:
        with _collector.paused():
            yield
    finally:
        with _trust_lock:
            _trust_depth -= 1
            if _trust_depth == 0:
                attrs.validators.set_disabled(_trust_saved)


#: Whether readers wrapped by :func:`checked_reader` skip the validators of the
#: objects they build; the property tests read with both settings and compare.
SKIP_VALIDATORS = True


def checked_reader(read: ReadFunction) -> ReadFunction:
    """Wrap a format's ``read``: its blocks, spans and boilerplate skip attrs validators.

    A reader builds tens of thousands of blocks, spans and field spans from its
    own offsets and slices of the text; running every field's validator on each
    was a tenth of every read. :meth:`Page.open` checks the user's arguments
    (text, path and source id) as before, and :meth:`Page.source` runs the
    validators of the finished source, its articles, translations and
    relations, so what a reader returns is checked where the input decides it.
    The cyclic garbage collector pauses during the read too (reference
    counting still frees what the reader drops).
    Model objects that users build stay validated, except that, attrs having
    one switch for the whole process, objects built in another thread while a
    read runs are not. During the read, letter counts are kept per text (see
    :func:`script_counts`).
    """

    @functools.wraps(read)
    def wrapper(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
        outermost = getattr(_read_memo, "counts", None) is None
        if outermost:
            _read_memo.counts = {}
        try:
            if not SKIP_VALIDATORS:
                return read(text, path=path, source_id=source_id)
            with _validators_off():
                return read(text, path=path, source_id=source_id)
        finally:
            if outermost:
                _read_memo.counts = None

    return wrapper


def _validate(instance: Any) -> None:
    """Run the attrs validators of ``instance``'s fields, whatever the global switch says."""
    for field in attrs.fields(type(instance)):
        if field.validator is not None:
            field.validator(instance, field, getattr(instance, field.name))


def leading_emoji(text: str) -> str | None:
    """The emoji (with its modifiers and joiners) that ``text`` starts with, if any.

    >>> leading_emoji("🚀速度至上"), leading_emoji("Speed")
    ('🚀', None)
    """
    match = _LEADING_EMOJI.match(text)
    return match.group() if match else None


def name_artefacts(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every parenthesised repeat of the words just before it.

    Machine translation leaves ``玛拉·奎斯特(玛拉·奎斯特)`` where the
    original had ``Chinese name (Latin name)``: the copy in parentheses repeats
    the characters right before it. The offsets cover the parentheses and the
    copy. Only copies of 2 to 40 characters holding a letter count, with no
    parenthesis, line break or surrounding whitespace (so a text of many lines
    gives the artefacts of each line, moved by where the line starts). Linear
    time (each candidate compares at most 40 characters).

    >>> text = "据说玛拉·奎斯特(玛拉·奎斯特)安排了值班"
    >>> [text[a:b] for a, b in name_artefacts(text)]
    ['(玛拉·奎斯特)']
    >>> name_artefacts("模型(model)")
    []
    """
    if "(" not in text and "（" not in text:
        return []
    # Searched in C over the reversed text, where the copy before the
    # parentheses follows them (a back-reference compares it), with either
    # closing parenthesis as ")": a pattern that starts with one character is
    # searched far faster than one that starts with either of two.
    reverse = text[::-1].replace("）", ")")
    # Split at each artefact, the parts are: the text before, the artefact as
    # printed (reversed), the copy, the text before the next ... : the whole
    # text again, so their lengths summed give where each artefact lies.
    ends = list(accumulate(map(len, _REVERSED_ARTEFACT.split(reverse))))
    length = len(text)
    starts = list(map(length.__sub__, ends[1::3]))
    stops = list(map(length.__sub__, ends[:-1:3]))
    starts.reverse()
    stops.reverse()
    return list(zip(starts, stops, strict=True))


def sample_lines(text: str, *, head: int = 65536, tail: int = 16384) -> list[str]:
    """The lines of the first ``head`` and last ``tail`` characters of ``text``.

    Sniffers look at this sample, so sniffing costs the same for a 50 MB file
    as for a 80 kB one. The cut may split a line: sniffers must not rely on
    the first or last sampled line being whole unless the text is short. The
    list is new on every call (the split itself is cached for the last
    samples asked about, since every sniffer asks: keyed by the sampled
    characters, so a large text is not hashed whole).
    """
    return list(_sniffed(text, head, tail, False))


def sample_content(text: str) -> tuple[str, ...]:
    """The stripped texts of the non-blank lines of :func:`sample_lines` (default sample)."""
    return _sniffed(text, 65536, 16384, True)


def _sniffed(text: str, head: int, tail: int, content: bool) -> tuple[str, ...]:
    """The sample's lines (stripped and non-blank ones if ``content``), kept per sniffed text.

    While :func:`~aistress.formats._registry.sniff_all` asks every sniffer
    about a text, what one of them sampled is kept for the others.
    """
    kept: dict[tuple[int, int, bool], tuple[str, ...]] | None = None
    if getattr(SNIFFING, "text", None) is text:
        kept = SNIFFING.kept
        found = kept.get((head, tail, content))
        if found is not None:
            return found
    if content:
        lines = tuple(filter(None, map(str.strip, _sniffed(text, head, tail, False))))
    elif len(text) <= head + tail:
        lines = _sample(text, "")
    else:
        lines = _sample(text[:head], text[-tail:])
    if kept is not None:
        kept[head, tail, content] = lines
    return lines


@functools.lru_cache(maxsize=4)
def _sample(head: str, tail: str) -> tuple[str, ...]:
    return line_texts(head) + line_texts(tail) if tail else line_texts(head)


def load_list(name: str) -> tuple[str, ...]:
    """Load the bundled word list ``aistress/data/formats/<name>.txt`` (cached).

    One entry a line; blank lines and lines starting with ``#`` are skipped;
    entries are stripped of surrounding whitespace.
    """
    return data.load_list(f"formats/{name}.txt")


@functools.cache
def _sniff_weights() -> dict[str, dict[str, float]]:
    raw = data.load_json("formats/sniff_weights.json")
    return {k: v for k, v in raw.items() if not k.startswith("_")}


def sniff_weight(format: str, clue: str) -> float:
    """The weight of ``clue`` for ``format``'s sniffer, from ``data/formats/sniff_weights.json``.

    >>> sniff_weight("text", "readable text")
    0.5
    """
    return float(_sniff_weights()[format][clue])


def label_key(text: str) -> str:
    """A label as the bundled label lists are compared: folded across scripts and case.

    Trimmed, a trailing colon dropped, Traditional characters folded to
    Simplified and Latin letters lower-cased.

    >>> label_key("責任編輯："), label_key("Related:")
    ('责任编辑', 'related')
    """
    return to_simplified(text.strip().rstrip(":：").strip()).lower()


@functools.cache
def label_set(name: str) -> frozenset[str]:
    """The entries of the word list ``name`` as :func:`label_key` keys (both scripts meet)."""
    return frozenset(label_key(entry) for entry in load_list(name))


class Evidence:
    """Weighted clues for one format, summed into a :class:`FormatGuess`.

    >>> ev = Evidence("aggregator")
    >>> ev.add(0.4, "header with a date")
    >>> ev.add(0.3, "tag footer")
    >>> ev.guess()
    FormatGuess(format='aggregator', confidence=0.7, reasons=('header with a date', 'tag footer'))
    """

    def __init__(self, format: str) -> None:
        self.format = format
        self.score = 0.0
        self.reasons: list[str] = []

    def add(self, weight: float, reason: str) -> None:
        """Add a clue (a negative weight counts against the format)."""
        self.score += weight
        self.reasons.append(reason)

    def guess(self) -> FormatGuess:
        """The confidence, clamped to 0..1 and rounded to 3 places, with every reason."""
        confidence = round(min(1.0, max(0.0, self.score)), 3)
        return FormatGuess(self.format, confidence, tuple(self.reasons))


@attrs.define
class Header:
    """The metadata of an article as a reader finds it, each value with where it was read.

    A reader sets the values it finds and appends a :class:`FieldSpan` for each
    (:meth:`Page.field`, :meth:`Page.match_field`) to ``fields``;
    :meth:`Page.article` takes the lot.
    """

    title: str | None = None
    subtitle: str | None = None
    outlet: str | None = None
    author: str | None = None
    editor: str | None = None
    published: PartialDate | None = None
    url: str | None = None
    tags: list[str] = attrs.Factory(list)
    extra: list[tuple[str, str]] = attrs.Factory(list)
    fields: list[FieldSpan] = attrs.Factory(list)


#: What every :func:`page_reader` adds to its reader's docstring.
_READ_CONTRACT = """

    Time and memory are linear in ``len(text)``.

    Raises:
        ParseError: If the text is empty, whitespace only or not text.
    """


def page_reader(format: str, read_page: Callable[[Page], Source]) -> ReadFunction:
    """A format's public ``read(text, *, path=None, source_id=None) -> Source``.

    It opens the text as a :class:`Page` of ``format`` (:meth:`Page.open`
    refuses empty and binary text with a :class:`~aistress.errors.ParseError`)
    and returns what ``read_page`` reads from it, wrapped by
    :func:`checked_reader` as every reader is. Its docstring is
    ``read_page``'s (one line saying what the format is) followed by the
    reader contract: linear time and memory, and the ParseError.
    """

    def read(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
        return read_page(Page.open(text, path=path, source_id=source_id, format=format))

    read.__module__ = read_page.__module__
    read.__qualname__ = "read"  # the module's ``read``, so it pickles by name
    read.__doc__ = (read_page.__doc__ or "").rstrip() + _READ_CONTRACT
    return checked_reader(read)


_SPAN_OF = attrgetter("span")
_SPAN_BOUNDS = attrgetter("span.start", "span.end")


class Page:
    """A decoded input being read: its lines, and the records read from them.

    Create one with :meth:`open`. Spans made through the page name the
    source id and count in characters of :attr:`text`.

    Attributes:
        text: The decoded input, unchanged.
        path: The file it came from, or None.
        id: The :attr:`Source.id <aistress.model.Source.id>`.
        format: The format id of the reader.
        lines: Every line (a leading byte-order mark is not part of line 1).
        boilerplate: Boilerplate recorded so far, in the order added.
        warnings: Warnings recorded so far.
    """

    def __init__(self, text: str, *, path: str | None, source_id: str, format: str) -> None:
        self.text = text
        self.path = path
        self.id = source_id
        self.format = format
        self.boilerplate: list[Boilerplate] = []
        self.warnings: list[Issue] = []
        if text.startswith("\ufeff"):
            self.boilerplate.append(Boilerplate(BOM_KIND, "\ufeff", Span(self.id, 0, 1)))

    @functools.cached_property
    def lines(self) -> list[Line]:
        """Every line (a leading byte-order mark is not part of line 1), split on first use."""
        return self.lines_before(len(self.text))

    def lines_before(self, end: int) -> list[Line]:
        """The lines of ``text[:end]``, as :attr:`lines` starts (``end`` must end a line)."""
        lines = split_lines(self.text[:end])
        if self.text.startswith("\ufeff") and lines:
            first = lines[0]
            lines[0] = Line(first.number, first.start + 1, first.end, first.text[1:])
        return lines

    @classmethod
    def open(cls, text: str, *, path: str | None, source_id: str | None, format: str) -> Page:
        """Check ``text`` (see :func:`check_text`) and prepare it for reading."""
        check_text(text, path)
        if source_id is not None and (not isinstance(source_id, str) or not source_id.strip()):
            raise ValueError(f"source_id must be a non-empty string, not {source_id!r}")
        sid = source_id if source_id is not None else make_source_id(path, text)
        _validate(Provenance(format=format, source=sid, path=path))  # a path that is no str
        return cls(text, path=path, source_id=sid, format=format)

    def content_lines(self) -> list[Line]:
        """The lines that are not blank, in order (made without the blank ones' records)."""
        if "lines" in self.__dict__:  # split already
            return [line for line in self.lines if line.text and not line.text.isspace()]
        lines = split_content_lines(self.text)
        if self.text.startswith("\ufeff") and lines and lines[0].start == 0:
            first = lines[0]
            if first.text[1:].strip():
                lines[0] = Line(first.number, 1, first.end, first.text[1:])
            else:  # the mark alone on its line: a blank line
                del lines[0]
        return lines

    def content_columns(self) -> LineColumns:
        """:meth:`content_lines` as columns: a record is made only for a line asked for."""
        if "lines" in self.__dict__:  # split already
            lines = self.content_lines()
            return LineColumns(
                [x.number for x in lines], [x.start for x in lines], [x.text for x in lines]
            )
        columns = content_columns(self.text)
        if self.text.startswith("\ufeff") and columns.texts and columns.starts[0] == 0:
            rest = columns.texts[0][1:]
            if rest.strip():
                columns.starts[0], columns.texts[0] = 1, rest
            else:  # the mark alone on its line: a blank line
                columns = columns[1:]
        return columns

    def span(self, start: int, end: int) -> Span:
        """A span of this source from ``start`` to ``end``."""
        return trusted_span(self.id, start, end)  # the reader's own offsets

    def spans(self, starts: Sequence[int], ends: Sequence[int]) -> list[Span]:
        """``[self.span(a, b) for a, b in zip(starts, ends)]``, made in bulk."""
        return trusted_spans(self.id, starts, ends)

    def line_span(self, line: Line) -> Span:
        """The span of a line's content without surrounding whitespace."""
        return trusted_span(self.id, *line.trimmed())

    def sub_span(self, line: Line, start: int, end: int) -> Span:
        """The span of ``line.text[start:end]``, narrowed to its non-whitespace content."""
        return self.span(*trim(line.text, start, end, line.start))

    def field(self, name: str, line: Line, start: int = 0, end: int | None = None) -> FieldSpan:
        """A metadata field read from ``line.text[start:end]`` (trimmed)."""
        return FieldSpan(name, self.sub_span(line, start, len(line.text) if end is None else end))

    def match_field(self, name: str, line: Line, match: re.Match[str], group: str) -> FieldSpan:
        """A metadata field read from ``group`` of ``match``, a match on ``line.stripped``."""
        off = line.indent
        return self.field(name, line, off + match.start(group), off + match.end(group))

    def add_boilerplate(self, kind: str, span: Span, rule: str | None = None) -> Boilerplate:
        """Record the text under ``span`` as boilerplate of ``kind``, found by ``rule``."""
        item = Boilerplate(kind, span.slice(self.text), span, rule)
        self.boilerplate.append(item)
        return item

    def add_boilerplate_runs(self, runs: Sequence[tuple[str, int, int]]) -> None:
        """:meth:`add_boilerplate` of each ``(kind, start, end)`` of ``runs``, made in bulk."""
        text = self.text
        self.boilerplate += trusted_boilerplate(
            [kind for kind, _, _ in runs],
            [text[start:end] for _, start, end in runs],
            self.spans([start for _, start, _ in runs], [end for _, _, end in runs]),
        )

    def add_line_boilerplate(self, kind: str, line: Line, rule: str | None = None) -> Boilerplate:
        """Record a whole line (trimmed) as boilerplate of ``kind``, found by ``rule``."""
        return self.add_boilerplate(kind, self.line_span(line), rule)

    def warn(self, code: str, message: str, line: int | None = None) -> None:
        """Record a warning about the input."""
        self.warnings.append(Issue(code, message, line))

    def block(
        self,
        kind: BlockKind | str,
        line: Line,
        *,
        text: str | None = None,
        marker: str | None = None,
        language: str | None = None,
        span: Span | None = None,
    ) -> Block:
        """A block read from ``line``: by default its trimmed text, spanning the line."""
        return trusted_block(
            kind if type(kind) is BlockKind else Block(kind, "").kind,  # a str: converted
            line.text.strip() if text is None else text,
            0,
            None,
            marker,
            language,
            trusted_span(self.id, *line.trimmed()) if span is None else span,
        )

    def line_blocks(
        self,
        kind: BlockKind,
        lines: Sequence[Line],
        languages: Iterable[str | None],
        *,
        texts: Sequence[str] | None = None,
    ) -> list[Block]:
        """``[self.block(kind, line, text=t, language=g) for ...]`` over ``lines``, in bulk.

        Each block spans its line's content without surrounding whitespace and
        holds ``texts`` (by default each line's trimmed text); the records are
        made by ``map`` in C (see :func:`~aistress.model._document.trusted_blocks`).
        """
        content: list[str] = []
        spans = self.line_spans(lines, content)
        return trusted_blocks(repeat(kind), content if texts is None else texts, spans, languages)

    def line_spans(self, lines: Sequence[Line], content: list[str] | None = None) -> list[Span]:
        """``[self.line_span(line) for line in lines]``, in bulk; ``content`` gets their texts."""
        if isinstance(lines, LineColumns):
            raw, line_starts = lines.texts, lines.starts
        else:
            raw, line_starts = list(map(_LINE_TEXT, lines)), list(map(_LINE_START, lines))
        stripped = list(map(str.strip, raw))
        # str.strip returns a text with no surrounding whitespace itself: only
        # the other lines are measured for their indent (no copy of every line).
        starts = list(line_starts)
        for k in compress(range(len(raw)), map(is_not, stripped, raw)):
            text = raw[k]
            starts[k] += len(text) - len(text.lstrip())
        if content is not None:
            content += stripped
        return self.spans(starts, list(map(add, starts, map(len, stripped))))

    def provenance(self, fields: Iterable[FieldSpan] = ()) -> Provenance:
        """Where an article of this page came from (encoding is set by the caller's decode)."""
        return Provenance(format=self.format, source=self.id, path=self.path, fields=tuple(fields))

    def article(
        self,
        language: str,
        kind: ArticleKind,
        blocks: Sequence[Block],
        header: Header,
        *,
        suffix: str | None = None,
    ) -> Article:
        """The finished :class:`Article` of this page, its fields ordered by position.

        Its id is ``<source id>#<suffix>``, ``suffix`` defaulting to ``language``.
        """
        return Article(
            id=self.article_id(language if suffix is None else suffix),
            language=language,
            kind=kind,
            title=header.title,
            subtitle=header.subtitle,
            outlet=header.outlet,
            author=header.author,
            editor=header.editor,
            published=header.published,
            url=header.url,
            tags=header.tags,
            blocks=blocks,
            extra=header.extra,
            provenance=self.provenance(sorted(header.fields, key=lambda f: f.span.start)),
        )

    def error(self, offset: int, reason: str) -> ParseError:
        """A :class:`ParseError` at character ``offset`` of the text."""
        line, column = position(self.text, offset)
        return ParseError(self.path, line, column, reason)

    def article_id(self, suffix: str) -> str:
        """The id of an article of this source: ``<source id>#<suffix>``."""
        return f"{self.id}#{suffix}"

    def source(
        self,
        articles: Sequence[Article],
        *,
        relations: Sequence[Relation] = (),
        translations: Sequence[Translation] = (),
    ) -> Source:
        """The finished :class:`Source`, boilerplate ordered by position."""
        spans = map(_SPAN_OF, self.boilerplate)
        if all(map(is_not, spans, repeat(None))):  # every item has a span: keys made in C
            boilerplate = sorted(self.boilerplate, key=_SPAN_BOUNDS)
        else:
            boilerplate = sorted(
                self.boilerplate,
                key=lambda b: (b.span.start, b.span.end) if b.span is not None else (-1, -1),
            )
        source = Source(
            id=self.id,
            format=self.format,
            articles=articles,
            translations=translations,
            relations=relations,
            boilerplate=boilerplate,
            warnings=self.warnings,
            path=self.path,
        )
        for item in (*source.articles, *source.translations, *source.relations, source):
            _validate(item)
            if isinstance(item, Article) and item.provenance is not None:
                _validate(item.provenance)
        return source


def article_to_write(source: Source, page: str) -> Article:
    """The article a page writer prints (its main one): ``source.articles[0]``.

    Raises:
        ValueError: If the source has no article (``page`` names what needs one).
    """
    if not source.articles:
        raise ValueError(f"{page} needs an article")
    return source.articles[0]


def boilerplate_texts(source: Source) -> dict[str, list[str]]:
    """The text of every boilerplate item of ``source``, by kind, in order."""
    by_kind: dict[str, list[str]] = {}
    for item in source.boilerplate:
        by_kind.setdefault(item.kind, []).append(item.text)
    return by_kind
