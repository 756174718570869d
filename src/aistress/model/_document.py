"""Documents: enums, spans, partial dates, blocks and articles."""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable
from itertools import accumulate, repeat
from operator import attrgetter

import attrs

from aistress.errors import InvalidValueError
from aistress.model._fields import (
    _enum,
    _extra,
    _extra_valid,
    _fail,
    _items,
    _language,
    _non_empty,
    _non_negative,
    _optional_language,
    _str_tuple,
    _tuple,
    _typed,
)
from aistress.text.dates import PartialDate

_BLOCK_TEXT = attrgetter("text")

__all__ = [
    "Article",
    "ArticleKind",
    "Block",
    "BlockKind",
    "Boilerplate",
    "DiscrepancyKind",
    "FieldSpan",
    "Issue",
    "PartialDate",
    "Provenance",
    "QuoteKind",
    "RelationKind",
    "Span",
]

#: Separator between blocks in ``Article.text``.
BLOCK_SEPARATOR = "\n\n"

# ---------------------------------------------------------------------------
# enums


class ArticleKind(str, enum.Enum):
    """What an article is, relative to the writing it comes from."""

    NEWS = "news"
    BLOG = "blog"
    TRANSLATION = "translation"
    SUMMARY = "summary"
    REWRITE = "rewrite"
    DIGEST = "digest"
    REPORT = "report"


class BlockKind(str, enum.Enum):
    """The kind of a block of article text."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    #: A summary or key point; its ``marker`` holds the number or emoji.
    POINT = "point"


class QuoteKind(str, enum.Enum):
    """Whether quotation marks hold speech or only mark a word."""

    #: Words a person said or wrote.
    DIRECT = "direct"
    #: Scare quotes, titles and terms (a word or short phrase, no speech).
    SCARE = "scare"


class RelationKind(str, enum.Enum):
    """How one article derives from, or belongs with, another."""

    TRANSLATION_OF = "translation_of"
    SUMMARY_OF = "summary_of"
    REWRITE_OF = "rewrite_of"
    #: A copy of the other's text, word for word or nearly (a syndicated or reposted story).
    COPY_OF = "copy_of"
    PART_OF = "part_of"
    RELATED_TO = "related_to"


def _block_kind(value: BlockKind | str) -> BlockKind:
    return _enum(BlockKind, value, "Block.kind")


def _article_kind(value: ArticleKind | str) -> ArticleKind:
    return _enum(ArticleKind, value, "Article.kind")


def _quote_kind(value: QuoteKind | str) -> QuoteKind:
    return _enum(QuoteKind, value, "Quote.kind")


def _relation_kind(value: RelationKind | str) -> RelationKind:
    return _enum(RelationKind, value, "Relation.kind")


class DiscrepancyKind(str, enum.Enum):
    """What a derived text gets wrong about its source (one check each)."""

    #: A value, scale, unit or hedge of a number changes.
    NUMBER = "number"
    #: A date or year changes.
    DATE = "date"
    #: A figure or claim is given to other people or organisations.
    ATTRIBUTION = "attribution"
    #: A source quote is missing from the paragraph aligned with it.
    QUOTE_DROPPED = "quote_dropped"
    #: A quote the source does not hold.
    QUOTE_ADDED = "quote_added"
    #: A quote given to another speaker.
    QUOTE_SPEAKER = "quote_speaker"
    #: A quote whose wording changes materially.
    QUOTE_WORDING = "quote_wording"
    #: A statement negated, rejected, made hypothetical or reported as fact.
    POLARITY = "polarity"
    #: A headline that matches neither its body nor the source's headline.
    HEADLINE = "headline"
    #: Source content left out (a summary may do this; a translation may not).
    OMISSION = "omission"
    #: A summary that says the opposite of its source.
    CONTRADICTION = "contradiction"

    def __str__(self) -> str:
        return self.value


def _discrepancy_kind(value: DiscrepancyKind | str) -> DiscrepancyKind:
    return _enum(DiscrepancyKind, value, "Discrepancy.kind")


# ---------------------------------------------------------------------------
# small values


@attrs.frozen(order=True)
class Span:
    """A stretch of text: characters ``start`` to ``end`` (exclusive) of a document.

    ``doc`` is the id of the document the offsets count in: an
    ``Article.id`` for spans into ``Article.text``, or a
    ``Source.id`` for spans into the decoded input file.

    >>> s = Span("a1", 0, 5)
    >>> len(s), s.slice("hello world")
    (5, 'hello')
    """

    doc: str = attrs.field(validator=_typed(str))
    start: int = attrs.field(validator=[_typed(int), _non_negative])
    end: int = attrs.field(validator=_typed(int))

    @end.validator
    def _check_end(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < self.start:
            _fail(self, attribute, value, f"must not be before start ({self.start})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """Return the characters of ``text`` this span covers."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """Whether both spans are in the same document and share a character."""
        return self.doc == other.doc and self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.doc == other.doc and self.start <= other.start and other.end <= self.end

    def shift(self, offset: int, doc: str | None = None) -> Span:
        """Return the span moved by ``offset`` characters (into ``doc`` if given)."""
        return Span(self.doc if doc is None else doc, self.start + offset, self.end + offset)


# ---------------------------------------------------------------------------
# article structure


@attrs.frozen
class Block:
    """One block of an article: a heading, a paragraph, a list item or a point.

    ``text`` is the block's analysable text. ``heading`` is an optional lead-in
    that the text starts with (the bold label of a numbered summary point);
    ``body`` is the text after it. ``marker`` is a list number or an emoji
    as printed. ``span`` locates the block in the decoded input file: it
    covers the block as printed, markup, markers and any removed name
    artefacts included, so it can be longer than ``text``.

    >>> b = Block(BlockKind.POINT, "Pace: weekly releases", heading="Pace", marker="1.")
    >>> b.body
    'weekly releases'
    """

    kind: BlockKind = attrs.field(converter=_block_kind)
    text: str = attrs.field(validator=_typed(str))
    level: int = attrs.field(default=0, validator=[_typed(int), _non_negative])
    heading: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    marker: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    language: str | None = attrs.field(default=None, validator=_optional_language)
    span: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))

    @heading.validator
    def _check_heading(self, attribute: attrs.Attribute[str | None], value: str | None) -> None:
        if value is not None and not self.text.startswith(value):
            _fail(self, attribute, value, "must be a prefix of text")

    @property
    def body(self) -> str:
        """The text after ``heading`` and the punctuation that follows it."""
        if self.heading is None:
            return self.text
        return self.text[len(self.heading) :].lstrip(":：.。-—– \t")


@attrs.frozen
class FieldSpan:
    """Where in the input a metadata field's value was read from."""

    name: str = attrs.field(validator=[_typed(str), _non_empty])
    span: Span = attrs.field(validator=_typed(Span))


@attrs.frozen
class Provenance:
    """Where an article came from.

    Attributes:
        path: The file read, or None for text handed in directly.
        format: The format id of the reader that made the article.
        encoding: The encoding the input was decoded with.
        source: The ``Source.id`` that spans in ``fields`` and in the
            blocks' ``span`` count in.
        fields: Where each metadata field (title, published, tags ...) was read.
    """

    format: str = attrs.field(validator=[_typed(str), _non_empty])
    source: str = attrs.field(validator=_typed(str))
    path: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    encoding: str = attrs.field(default="utf-8", validator=_typed(str))
    fields: tuple[FieldSpan, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(FieldSpan)
    )


@attrs.frozen(cache_hash=False)
class Article:
    """One article in one language: its metadata and its blocks of text.

    Only ``id``, ``language`` and ``kind`` are required. ``published`` is a
    :class:`PartialDate`, so a page that prints no year does not gain one.
    ``extra`` holds further metadata as ordered ``(key, value)`` pairs (a
    mapping can be passed in); ``get`` reads one.

    >>> a = Article("a1", "en", "news", title="Pace", blocks=[
    ...     Block("heading", "Why"), Block("paragraph", "Because."),
    ... ])
    >>> print(a.text)
    Why
    <BLANKLINE>
    Because.
    >>> a.paragraphs, a.headings
    (('Because.',), ('Why',))
    >>> a.block_span(1)
    Span(doc='a1', start=5, end=13)
    """

    id: str = attrs.field(validator=[_typed(str), _non_empty])
    language: str = attrs.field(validator=_language)
    kind: ArticleKind = attrs.field(converter=_article_kind)
    title: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    subtitle: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    outlet: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    author: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    editor: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    published: PartialDate | None = attrs.field(
        default=None, validator=_typed(PartialDate, optional=True)
    )
    url: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    tags: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_items(str))
    blocks: tuple[Block, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Block))
    extra: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_extra, validator=_extra_valid
    )
    provenance: Provenance | None = attrs.field(
        default=None, validator=_typed(Provenance, optional=True)
    )
    # Made on first use (most reads never ask): None until then.
    _offsets: tuple[int, ...] | None = attrs.field(
        init=False, default=None, eq=False, hash=False, repr=False
    )
    _text: str | None = attrs.field(init=False, default=None, eq=False, hash=False, repr=False)

    @property
    def text(self) -> str:
        """The analysable text, every block's text separated by a blank line.

        All spans that point into an article (quotes, tags, evidence) count in
        this string. It is joined on first use and kept.
        """
        text = self._text
        if text is None:
            text = BLOCK_SEPARATOR.join(map(_BLOCK_TEXT, self.blocks))
            object.__setattr__(self, "_text", text)
        return text

    def _block_offsets(self) -> tuple[int, ...]:
        """Where each block starts in :attr:`text`, worked out on first use and kept."""
        offsets = self._offsets
        if offsets is None:
            # Block i starts after the texts and separators before it: running sums in C.
            lengths = map(len, map(_BLOCK_TEXT, self.blocks[:-1]))
            steps = map(len(BLOCK_SEPARATOR).__add__, lengths)
            offsets = tuple(accumulate(steps, initial=0)) if self.blocks else ()
            object.__setattr__(self, "_offsets", offsets)
        return offsets

    @property
    def block_starts(self) -> tuple[int, ...]:
        """Where each block starts in :attr:`text`: ``block_span(i).start`` of every block."""
        return self._block_offsets()

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every paragraph block, in order."""
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.PARAGRAPH)

    @property
    def headings(self) -> tuple[str, ...]:
        """The text of every heading block, in order."""
        return tuple(b.text for b in self.blocks if b.kind is BlockKind.HEADING)

    @property
    def summary_points(self) -> tuple[Block, ...]:
        """The summary or key points (blocks of kind :attr:`BlockKind.POINT`)."""
        return tuple(b for b in self.blocks if b.kind is BlockKind.POINT)

    def block_span(self, index: int) -> Span:
        """The span of block ``index`` in ``text``."""
        start = self._block_offsets()[index]
        return Span(self.id, start, start + len(self.blocks[index].text))

    def block_at(self, offset: int) -> int:
        """The index of the block that holds character ``offset`` of ``text``.

        An offset in the separator between two blocks belongs to the earlier
        one. Raises :class:`IndexError` for an offset outside the text.
        """
        if not 0 <= offset <= len(self.text) or not self.blocks:
            raise IndexError(offset)
        # The last block whose start <= offset (block 0 starts at 0): one search in C.
        return bisect_right(self._block_offsets(), offset) - 1

    def slice(self, span: Span) -> str:
        """The text of a span into this article; raises if it names another document."""
        if span.doc != self.id:
            raise InvalidValueError("Span.doc", span.doc, f"does not name article {self.id!r}")
        return span.slice(self.text)

    def get(self, key: str, default: str | None = None) -> str | None:
        """Return the ``extra`` metadata value for ``key``."""
        for k, v in self.extra:
            if k == key:
                return v
        return default


@attrs.frozen
class Boilerplate:
    """Text of an input that is neither article content nor metadata.

    Readers record it rather than drop it: template residue, app promotion,
    related-story teasers, an image credit, a copyright line, or a name
    artefact removed from the analysable text. ``kind`` names which, and
    ``rule`` (where the reader records it) the evidence that made the text
    boilerplate (``"contact-line"``, ``"label:相关标签"``, ``"repeats-dek"``),
    so a user can see why a line left the body.
    """

    kind: str = attrs.field(validator=[_typed(str), _non_empty])
    text: str = attrs.field(validator=_typed(str))
    span: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))
    rule: str | None = attrs.field(default=None, validator=_typed(str, optional=True))


@attrs.frozen
class Issue:
    """A warning about an input that was read nonetheless.

    ``code`` is a stable identifier (``"missing-header"``, ``"decoded-gb18030"``)
    for programs; ``message`` says the same for people.
    """

    code: str = attrs.field(validator=[_typed(str), _non_empty])
    message: str = attrs.field(validator=_typed(str))
    line: int | None = attrs.field(default=None, validator=_typed(int, optional=True))


# ---------------------------------------------------------------------------
# trusted construction, for aistress's readers


_new = object.__new__
_SPAN_SLOTS = tuple(Span.__dict__[name].__set__ for name in ("doc", "start", "end"))
_BLOCK_SLOTS = tuple(
    Block.__dict__[name].__set__
    for name in ("kind", "text", "level", "heading", "marker", "language", "span")
)


def trusted_span(doc: str, start: int, end: int) -> Span:
    """``Span(doc, start, end)`` from values the caller has checked: no validator runs.

    For readers, which build tens of thousands of spans from their own
    offsets into the text: the slots are filled directly, a third of the cost
    of the generated ``__init__``. The result equals the validated one (a
    property test holds every trusted constructor to that).
    """
    span = _new(Span)
    set_doc, set_start, set_end = _SPAN_SLOTS
    set_doc(span, doc)
    set_start(span, start)
    set_end(span, end)
    return span


def trusted_block(
    kind: BlockKind,
    text: str,
    level: int = 0,
    heading: str | None = None,
    marker: str | None = None,
    language: str | None = None,
    span: Span | None = None,
) -> Block:
    """``Block(...)`` from values the caller has checked (``kind`` a member): no validator runs.

    See :func:`trusted_span`.
    """
    block = _new(Block)
    set_kind, set_text, set_level, set_heading, set_marker, set_language, set_span = _BLOCK_SLOTS
    set_kind(block, kind)
    set_text(block, text)
    set_level(block, level)
    set_heading(block, heading)
    set_marker(block, marker)
    set_language(block, language)
    set_span(block, span)
    return block


def trusted_spans(doc: str, starts: Iterable[int], ends: Iterable[int]) -> list[Span]:
    """``[trusted_span(doc, a, b) for a, b in zip(starts, ends)]``, the slots filled in bulk.

    ``starts`` and ``ends`` must be sequences of the same length (or ``ends``
    an iterator at least as long). The objects are made and their slots filled
    by ``map`` in C: no Python call per span.
    """
    starts = list(starts)
    spans = list(map(_new, repeat(Span, len(starts))))
    set_doc, set_start, set_end = _SPAN_SLOTS
    columns: tuple[Iterable[object], ...] = (repeat(doc), starts, ends)
    for set_slot, values in zip((set_doc, set_start, set_end), columns, strict=True):
        deque(map(set_slot, spans, values), maxlen=0)
    return spans


def trusted_blocks(
    kinds: Iterable[BlockKind],
    texts: Iterable[str],
    spans: Iterable[Span | None],
    languages: Iterable[str | None] | None = None,
    markers: Iterable[str | None] | None = None,
) -> list[Block]:
    """``[trusted_block(k, t, marker=m, language=g, span=s) for ... in zip(...)]``, in bulk.

    ``texts`` decides the number of blocks; ``kinds``, ``spans``,
    ``languages`` and ``markers`` (None: no language, no markers) must hold
    at least as many items. Level 0, no heading (see :func:`trusted_spans`).
    """
    texts = list(texts)
    blocks = list(map(_new, repeat(Block, len(texts))))
    none = repeat(None)
    columns: tuple[Iterable[object], ...] = (
        kinds,
        texts,
        repeat(0),
        none,
        none if markers is None else markers,
        none if languages is None else languages,
        spans,
    )
    for set_slot, values in zip(_BLOCK_SLOTS, columns, strict=True):
        deque(map(set_slot, blocks, values), maxlen=0)
    return blocks


_BOILERPLATE_SLOTS = tuple(
    Boilerplate.__dict__[name].__set__ for name in ("kind", "text", "span", "rule")
)


def trusted_boilerplate(
    kinds: Iterable[str], texts: Iterable[str], spans: Iterable[Span | None]
) -> list[Boilerplate]:
    """``[Boilerplate(k, t, s) for k, t, s in zip(kinds, texts, spans)]`` unchecked, in bulk.

    ``texts`` decides the number of items; no rule (see :func:`trusted_spans`).
    """
    texts = list(texts)
    items = list(map(_new, repeat(Boilerplate, len(texts))))
    columns: tuple[Iterable[object], ...] = (kinds, texts, spans, repeat(None))
    for set_slot, values in zip(_BOILERPLATE_SLOTS, columns, strict=True):
        deque(map(set_slot, items, values), maxlen=0)
    return items
