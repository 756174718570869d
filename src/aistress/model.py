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

import datetime as _dt
import enum
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from aistress.errors import InvalidValueError

__all__ = [
    "Alignment",
    "Article",
    "ArticleKind",
    "ArticleRecord",
    "Bead",
    "Block",
    "BlockKind",
    "Boilerplate",
    "Comparison",
    "Corpus",
    "Discrepancy",
    "DiscrepancyKind",
    "FieldSpan",
    "Issue",
    "PartialDate",
    "Person",
    "PersonLink",
    "Provenance",
    "Quote",
    "QuoteKind",
    "ReadFailure",
    "Relation",
    "RelationKind",
    "Remedy",
    "Source",
    "Span",
    "Stressor",
    "Translation",
    "one_article",
    "short_id",
]

T = TypeVar("T")

#: Separator between blocks in ``Article.text``.
BLOCK_SEPARATOR = "\n\n"

# ---------------------------------------------------------------------------
# validators


def _fail(instance: object, attribute: attrs.Attribute[Any], value: object, reason: str) -> None:
    raise InvalidValueError(f"{type(instance).__name__}.{attribute.name}", value, reason)


def _typed(kind: type | tuple[type, ...], *, optional: bool = False) -> Callable[..., None]:
    names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _as_tuple(kind)):
            _fail(instance, attribute, value, f"must be {names}" + (" or None" if optional else ""))

    return check


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _items(kind: type | tuple[type, ...]) -> Callable[..., None]:
    names = " or ".join(k.__name__ for k in _as_tuple(kind))

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                _fail(instance, attribute, item, f"item {i} must be {names}")

    return check


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value or value.isspace():
        _fail(instance, attribute, value, "must not be empty")


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        _fail(instance, attribute, value, "must not be negative")


def _unit_interval(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        _fail(instance, attribute, value, "must lie between 0 and 1")


_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


def _language(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        _fail(
            instance,
            attribute,
            value,
            "must be a BCP-47 language tag such as 'en', 'zh', 'zh-Hans' or 'zh-CN'",
        )


def _optional_language(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _language(instance, attribute, value)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        # A bare string would silently become a tuple of characters.
        raise InvalidValueError("sequence field", value, "must be a sequence, not a single string")
    return tuple(value)


def _int_tuple(value: Iterable[int]) -> tuple[int, ...]:
    return tuple(value)


def _tuple_of_article(value: Iterable[Article]) -> tuple[Article, ...]:
    return tuple(value)


def _tuple_of_bead(value: Iterable[Bead]) -> tuple[Bead, ...]:
    return tuple(value)


def _tuple_of_block(value: Iterable[Block]) -> tuple[Block, ...]:
    return tuple(value)


def _tuple_of_boilerplate(value: Iterable[Boilerplate]) -> tuple[Boilerplate, ...]:
    return tuple(value)


def _tuple_of_fieldspan(value: Iterable[FieldSpan]) -> tuple[FieldSpan, ...]:
    return tuple(value)


def _tuple_of_issue(value: Iterable[Issue]) -> tuple[Issue, ...]:
    return tuple(value)


def _tuple_of_personlink(value: Iterable[PersonLink]) -> tuple[PersonLink, ...]:
    return tuple(value)


def _tuple_of_readfailure(value: Iterable[ReadFailure]) -> tuple[ReadFailure, ...]:
    return tuple(value)


def _tuple_of_relation(value: Iterable[Relation]) -> tuple[Relation, ...]:
    return tuple(value)


def _tuple_of_source(value: Iterable[Source]) -> tuple[Source, ...]:
    return tuple(value)


def _tuple_of_span(value: Iterable[Span]) -> tuple[Span, ...]:
    return tuple(value)


def _tuple_of_translation(value: Iterable[Translation]) -> tuple[Translation, ...]:
    return tuple(value)


def _tuple_of_quote(value: Iterable[Quote]) -> tuple[Quote, ...]:
    return tuple(value)


def _tuple_of_discrepancy(value: Iterable[Discrepancy]) -> tuple[Discrepancy, ...]:
    return tuple(value)


def _tuple_of_stressor(value: Iterable[Stressor]) -> tuple[Stressor, ...]:
    return tuple(value)


def _tuple_of_remedy(value: Iterable[Remedy]) -> tuple[Remedy, ...]:
    return tuple(value)


def _quote_pairs(value: Iterable[tuple[Quote, Quote]]) -> tuple[tuple[Quote, Quote], ...]:
    return tuple((a, b) for a, b in value)


def _extra(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), str(v)) for k, v in pairs)


def _extra_valid(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]
) -> None:
    seen: set[str] = set()
    for key, _ in value:
        if not key:
            _fail(instance, attribute, key, "keys must not be empty")
        if key in seen:
            _fail(instance, attribute, key, "keys must be unique")
        seen.add(key)


E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], value: object, field: str) -> E:
    """Accept an enum member or its value (so ``kind="news"`` works)."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise InvalidValueError(field, value, f"must be one of {allowed}") from None


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


_ISO_DATE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?|--(?P<m2>\d{2})(?:-(?P<d2>\d{2}))?)$"
)


def _opt_int(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        _fail(instance, attribute, value, "must be an int or None")


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date of which any trailing or leading part may be unknown.

    Pages often print a month and day without a year; aistress keeps exactly
    what was printed rather than inventing the rest. The ISO 8601 forms are
    ``2024-10-20``, ``2024-10``, ``2024``, and, for a month and day with no
    year, ``--01-25``.

    >>> PartialDate(month=1, day=25).isoformat()
    '--01-25'
    >>> PartialDate.fromisoformat("2024-10-20").to_date()
    datetime.date(2024, 10, 20)
    """

    year: int | None = attrs.field(default=None, validator=_opt_int)
    month: int | None = attrs.field(default=None, validator=_opt_int)
    day: int | None = attrs.field(default=None, validator=_opt_int)

    def __attrs_post_init__(self) -> None:
        y, m, d = self.year, self.month, self.day
        if y is None and m is None:
            raise InvalidValueError("PartialDate", (y, m, d), "needs at least a year or a month")
        if y is not None and not 1 <= y <= 9999:
            raise InvalidValueError("PartialDate.year", y, "must be between 1 and 9999")
        if m is not None and not 1 <= m <= 12:
            raise InvalidValueError("PartialDate.month", m, "must be between 1 and 12")
        if d is not None:
            if m is None:
                raise InvalidValueError("PartialDate.day", d, "a day needs a month")
            # Without a year, 29 February is possible.
            try:
                _dt.date(2000 if y is None else y, m, d)
            except ValueError:
                raise InvalidValueError(
                    "PartialDate.day", d, f"is not a day of month {m}" + (f" in {y}" if y else "")
                ) from None

    @property
    def is_complete(self) -> bool:
        """Whether year, month and day are all known."""
        return self.year is not None and self.month is not None and self.day is not None

    def to_date(self) -> _dt.date:
        """Return a :class:`datetime.date`.

        Raises:
            InvalidValueError: If the year, month or day is unknown.
        """
        if self.year is None or self.month is None or self.day is None:
            raise InvalidValueError("PartialDate", self.isoformat(), "is not a complete date")
        return _dt.date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """Return the ISO 8601 form, with ``--`` standing for an unknown year."""
        if self.year is None:
            out = f"--{self.month:02d}"
        else:
            out = f"{self.year:04d}"
            if self.month is not None:
                out += f"-{self.month:02d}"
        if self.day is not None:
            out += f"-{self.day:02d}"
        return out

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Parse the forms ``isoformat`` writes."""
        match = _ISO_DATE.match(text) if isinstance(text, str) else None
        if not match:
            raise InvalidValueError(
                "PartialDate",
                text,
                "is not an ISO 8601 date such as 2024-10-20, 2024-10, 2024 or --01-25",
            )
        groups = match.groupdict()
        y = groups["y"]
        m = groups["m"] or groups["m2"]
        d = groups["d"] or groups["d2"]
        return cls(
            year=int(y) if y else None,
            month=int(m) if m else None,
            day=int(d) if d else None,
        )

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """Make a complete PartialDate from a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)


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
        default=(), converter=_tuple_of_fieldspan, validator=_items(FieldSpan)
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
    blocks: tuple[Block, ...] = attrs.field(
        default=(), converter=_tuple_of_block, validator=_items(Block)
    )
    extra: tuple[tuple[str, str], ...] = attrs.field(
        default=(), converter=_extra, validator=_extra_valid
    )
    provenance: Provenance | None = attrs.field(
        default=None, validator=_typed(Provenance, optional=True)
    )
    _offsets: tuple[int, ...] = attrs.field(init=False, eq=False, hash=False, repr=False)
    _text: str = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        offsets = []
        at = 0
        for block in self.blocks:
            offsets.append(at)
            at += len(block.text) + len(BLOCK_SEPARATOR)
        object.__setattr__(self, "_offsets", tuple(offsets))
        object.__setattr__(self, "_text", BLOCK_SEPARATOR.join(b.text for b in self.blocks))

    @property
    def text(self) -> str:
        """The analysable text, every block's text separated by a blank line.

        All spans that point into an article (quotes, tags, evidence) count in
        this string.
        """
        return self._text

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
        start = self._offsets[index]
        return Span(self.id, start, start + len(self.blocks[index].text))

    def block_at(self, offset: int) -> int:
        """The index of the block that holds character ``offset`` of ``text``.

        An offset in the separator between two blocks belongs to the earlier
        one. Raises :class:`IndexError` for an offset outside the text.
        """
        if not 0 <= offset <= len(self._text) or not self.blocks:
            raise IndexError(offset)
        lo, hi = 0, len(self._offsets) - 1
        while lo < hi:  # last block whose start <= offset
            mid = (lo + hi + 1) // 2
            if self._offsets[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def slice(self, span: Span) -> str:
        """The text of a span into this article; raises if it names another document."""
        if span.doc != self.id:
            raise InvalidValueError("Span.doc", span.doc, f"does not name article {self.id!r}")
        return span.slice(self._text)

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
# alignment


@attrs.frozen
class Bead:
    """One step of an alignment: source indices paired with target indices.

    Either side may be empty (an omission or an addition).

    ``score`` is the aligner's log-likelihood ratio for the bead, in nats
    (natural log), unbounded in both directions: the log prior of the bead's
    type (0 for 1:1, about −1 to −5 for merges, splits, omissions and
    additions) plus weighted evidence from lengths, numbers, Latin names and
    the dictionary, each term positive where the two sides look like
    translations of each other and negative where they look unrelated.
    Higher is surer, but only within one alignment: a correct pair of short
    sentences carries little evidence and can score −3 while a correct pair
    of long paragraphs scores +20. Compare a score with its neighbours, not
    with a fixed threshold. A bead stated by a file (not computed) scores 0.

    >>> Bead((0, 1), (0,), 0.9).type
    (2, 1)
    """

    source: tuple[int, ...] = attrs.field(converter=_int_tuple, validator=_items(int))
    target: tuple[int, ...] = attrs.field(converter=_int_tuple, validator=_items(int))
    score: float = attrs.field(default=0.0, converter=float)

    def __attrs_post_init__(self) -> None:
        if not self.source and not self.target:
            raise InvalidValueError("Bead", self, "needs at least one index on one side")
        for side, name in ((self.source, "source"), (self.target, "target")):
            if any(i < 0 for i in side) or any(b != a + 1 for a, b in itertools.pairwise(side)):
                raise InvalidValueError(
                    f"Bead.{name}", side, "must be consecutive, non-negative indices"
                )

    @property
    def type(self) -> tuple[int, int]:
        """``(len(source), len(target))``, such as ``(1, 2)`` for a split."""
        return (len(self.source), len(self.target))


@attrs.frozen
class Alignment:
    """A monotone alignment of two segment lists, as a sequence of beads.

    ``source_segments`` and ``target_segments`` hold the aligned texts, so
    ``pairs`` can show them; ``unit`` says what they are (``"sentence"``,
    ``"paragraph"``, ``"line"``).
    """

    beads: tuple[Bead, ...] = attrs.field(converter=_tuple_of_bead, validator=_items(Bead))
    unit: str = attrs.field(default="sentence", validator=_typed(str))
    source_segments: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_items(str)
    )
    target_segments: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_items(str)
    )

    def pairs(self) -> Iterator[tuple[tuple[str, ...], tuple[str, ...]]]:
        """Yield ``(source_texts, target_texts)`` for every bead."""
        for bead in self.beads:
            yield (
                tuple(self.source_segments[i] for i in bead.source),
                tuple(self.target_segments[i] for i in bead.target),
            )

    def __len__(self) -> int:
        return len(self.beads)

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)


@attrs.frozen
class Relation:
    """A typed link between two articles: ``subject`` is ``kind`` of ``target``.

    ``Relation("translation_of", "zh1", "en1")`` says article ``zh1`` is a
    translation of ``en1``. ``method`` says how the link was found
    (``"reader"`` for a link the file states, ``"discovered"`` for one a corpus
    discovered) and ``score`` how strongly, where measured: a share from 0
    (no evidence) to 1 (certain), higher is stronger; ``None`` for a link
    the file states.
    """

    kind: RelationKind = attrs.field(converter=_relation_kind)
    subject: str = attrs.field(validator=[_typed(str), _non_empty])
    target: str = attrs.field(validator=[_typed(str), _non_empty])
    method: str = attrs.field(default="reader", validator=_typed(str))
    score: float | None = attrs.field(default=None, validator=_unit_interval)


@attrs.frozen
class Translation:
    """An article (``target``) that translates another (``source``).

    ``alignment`` pairs the source's segments with the target's, when known.
    """

    source: str = attrs.field(validator=[_typed(str), _non_empty])
    target: str = attrs.field(validator=[_typed(str), _non_empty])
    source_language: str = attrs.field(validator=_language)
    target_language: str = attrs.field(validator=_language)
    alignment: Alignment | None = attrs.field(
        default=None, validator=_typed(Alignment, optional=True)
    )


# ---------------------------------------------------------------------------
# people, quotes, tags


@attrs.frozen
class PersonLink:
    """How one name of a person was linked to the others.

    ``method`` is ``"name-rule"`` (surname of a full name), ``"alignment"``
    (quotes aligned across a translation), ``"transliteration"`` and so on.
    """

    alias: str = attrs.field(validator=[_typed(str), _non_empty])
    method: str = attrs.field(validator=[_typed(str), _non_empty])
    evidence: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))


@attrs.frozen
class Person:
    """A person who speaks, writes or is quoted.

    >>> Person("Kai Arulkumaran", aliases=["Arulkumaran"], role="research lead").name
    'Kai Arulkumaran'
    """

    name: str = attrs.field(validator=[_typed(str), _non_empty])
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_items(str))
    role: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    affiliation: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    links: tuple[PersonLink, ...] = attrs.field(
        default=(), converter=_tuple_of_personlink, validator=_items(PersonLink)
    )

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by every alias."""
        return (self.name, *self.aliases)


@attrs.frozen
class Quote:
    """Words in quotation marks, with who said them and how.

    ``spans`` point into the article's text and cover the quoted words
    without their quotation marks. A quotation broken by its attribution
    (``"A," she said, "B."``) yields one Quote per part, sharing ``utterance``.
    ``original`` points at the quote this one translates, if linked.
    """

    text: str = attrs.field(validator=_typed(str))
    language: str = attrs.field(validator=_language)
    spans: tuple[Span, ...] = attrs.field(
        default=(), converter=_tuple_of_span, validator=_items(Span)
    )
    speaker: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))
    cue: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    anonymous: bool = attrs.field(default=False, validator=_typed(bool))
    partial: bool = attrs.field(default=False, validator=_typed(bool))
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=_quote_kind)
    description: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    utterance: int | None = attrs.field(default=None, validator=_typed(int, optional=True))
    original: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))


@attrs.frozen
class Stressor:
    """A cause of stress the text describes, with the words that show it.

    ``category`` is an id of the taxonomy (``"pace"``, ``"overwork"``);
    ``evidence`` points at the words that triggered the tag; ``rule`` names
    the rule that fired and ``confidence`` how sure it is, from 0 to 1
    (higher is surer; a negated or hedged mention scores lower).
    """

    category: str = attrs.field(validator=[_typed(str), _non_empty])
    evidence: tuple[Span, ...] = attrs.field(
        default=(), converter=_tuple_of_span, validator=_items(Span)
    )
    rule: str = attrs.field(default="", validator=_typed(str))
    confidence: float = attrs.field(default=1.0, converter=float, validator=_unit_interval)
    block: int | None = attrs.field(default=None, validator=_typed(int, optional=True))
    raised_by: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))


@attrs.frozen
class Remedy:
    """A change the text proposes, with the words that show it.

    Fields as for :class:`Stressor`, with ``proposed_by`` for the person who
    proposes it.
    """

    category: str = attrs.field(validator=[_typed(str), _non_empty])
    evidence: tuple[Span, ...] = attrs.field(
        default=(), converter=_tuple_of_span, validator=_items(Span)
    )
    rule: str = attrs.field(default="", validator=_typed(str))
    confidence: float = attrs.field(default=1.0, converter=float, validator=_unit_interval)
    block: int | None = attrs.field(default=None, validator=_typed(int, optional=True))
    proposed_by: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))


# ---------------------------------------------------------------------------
# comparison


@attrs.frozen
class Discrepancy:
    """Something a derived text gets wrong about its source.

    ``kind`` says what (a :class:`DiscrepancyKind`; its value is accepted
    too). ``source`` and ``derived`` point at the words on each side (either
    may be empty, as for a headline or a dropped quote's missing
    counterpart); ``source_phrase`` and ``derived_phrase`` quote the phrase
    around them, so a report can show both sides without the texts;
    ``explanation`` says it in a sentence; ``score`` says how sure the check is,
    from 0 to 1 (1: certain, as for a number that changes by a factor of 10;
    lower for a guess).
    """

    kind: DiscrepancyKind = attrs.field(converter=_discrepancy_kind)
    explanation: str = attrs.field(validator=_typed(str))
    source: tuple[Span, ...] = attrs.field(
        default=(), converter=_tuple_of_span, validator=_items(Span)
    )
    derived: tuple[Span, ...] = attrs.field(
        default=(), converter=_tuple_of_span, validator=_items(Span)
    )
    score: float = attrs.field(default=1.0, converter=float, validator=_unit_interval)
    source_phrase: str = attrs.field(default="", validator=_typed(str))
    derived_phrase: str = attrs.field(default="", validator=_typed(str))


@attrs.frozen
class Comparison:
    """What a derived text (translation, summary, rewrite) does with its source.

    Attributes:
        source: The id of the source article.
        derived: The id of the derived article.
        relation: How the derived text relates to the source, if known.
        alignment: The paragraph alignment the comparison rests on.
        coverage: The share of the source's characters that the derived
            text aligns with, from 0 (nothing) to 1 (all of it).
        categories_kept: Stressor and remedy ids both texts carry.
        categories_dropped: Ids only the source carries.
        categories_added: Ids only the derived text carries.
        quotes_kept: ``(source quote, derived quote)`` pairs found on both sides.
        quotes_dropped: Source quotes with no counterpart in the derived text.
        discrepancies: Everything the derived text gets wrong.
    """

    source: str = attrs.field(validator=[_typed(str), _non_empty])
    derived: str = attrs.field(validator=[_typed(str), _non_empty])
    relation: RelationKind | None = attrs.field(
        default=None, converter=attrs.converters.optional(_relation_kind)
    )
    alignment: Alignment | None = attrs.field(
        default=None, validator=_typed(Alignment, optional=True)
    )
    coverage: float = attrs.field(default=0.0, converter=float, validator=_unit_interval)
    categories_kept: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_items(str)
    )
    categories_dropped: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_items(str)
    )
    categories_added: tuple[str, ...] = attrs.field(
        default=(), converter=_str_tuple, validator=_items(str)
    )
    quotes_kept: tuple[tuple[Quote, Quote], ...] = attrs.field(
        default=(), converter=_quote_pairs, validator=_items(tuple)
    )
    quotes_dropped: tuple[Quote, ...] = attrs.field(
        default=(), converter=_tuple_of_quote, validator=_items(Quote)
    )
    discrepancies: tuple[Discrepancy, ...] = attrs.field(
        default=(), converter=_tuple_of_discrepancy, validator=_items(Discrepancy)
    )

    def of_kind(self, kind: DiscrepancyKind | str) -> tuple[Discrepancy, ...]:
        """The discrepancies of one :class:`DiscrepancyKind` (or its value, ``"number"``)."""
        wanted = _discrepancy_kind(kind)
        return tuple(d for d in self.discrepancies if d.kind is wanted)


# ---------------------------------------------------------------------------
# sources and corpora


@attrs.frozen
class Source:
    """Everything one input yields.

    Attributes:
        id: Identifies the input; spans into the decoded input name it.
        format: The format id of the reader used.
        articles: The articles, main article first.
        translations: Translations between those articles.
        relations: Other links between them (summary, part of ...).
        boilerplate: Every recorded piece of non-content text.
        warnings: Problems that did not stop the reading.
        path: The file read, or None.
        encoding: The encoding the input was decoded with.
    """

    id: str = attrs.field(validator=[_typed(str), _non_empty])
    format: str = attrs.field(validator=[_typed(str), _non_empty])
    articles: tuple[Article, ...] = attrs.field(
        default=(), converter=_tuple_of_article, validator=_items(Article)
    )
    translations: tuple[Translation, ...] = attrs.field(
        default=(), converter=_tuple_of_translation, validator=_items(Translation)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple_of_relation, validator=_items(Relation)
    )
    boilerplate: tuple[Boilerplate, ...] = attrs.field(
        default=(), converter=_tuple_of_boilerplate, validator=_items(Boilerplate)
    )
    warnings: tuple[Issue, ...] = attrs.field(
        default=(), converter=_tuple_of_issue, validator=_items(Issue)
    )
    path: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    encoding: str = attrs.field(default="utf-8", validator=_typed(str))

    @property
    def article(self) -> Article:
        """The main (first) article; raises :class:`IndexError` if there is none."""
        return self.articles[0]

    def __getitem__(self, article_id: str) -> Article:
        """The article with this id, or with this short id (the part after ``#``).

        >>> source = Source("s", "html", articles=[Article("s#en", "en", "news")])
        >>> source["s#en"] is source["en"] is source.article
        True

        Raises:
            KeyError: No article has this id, or the short id is ambiguous;
                the message lists the article ids there are.
        """
        for article in self.articles:
            if article.id == article_id:
                return article
        found = [a for a in self.articles if short_id(a.id) == article_id]
        if len(found) == 1:
            return found[0]
        ids = ", ".join(a.id for a in self.articles) or "none"
        raise KeyError(f"{self.id} holds no article {article_id!r} (its articles: {ids})")

    def __contains__(self, article_id: object) -> bool:
        return any(article_id in (a.id, short_id(a.id)) for a in self.articles)

    def __iter__(self) -> Iterator[Article]:
        return iter(self.articles)

    def __len__(self) -> int:
        return len(self.articles)


def short_id(article_id: str) -> str:
    """The part of an article id after its last ``#`` (the whole id if it has none).

    Readers name articles ``<source id>#<language or role>``, so the short id
    tells the articles of one file apart.

    >>> short_id("000_827c96b549965e75#zh"), short_id("plain")
    ('zh', 'plain')
    """
    return article_id.rpartition("#")[2] or article_id


def one_article(value: Article | Source, function: str) -> Article:
    """``value`` itself if it is an Article, the only article if it is a one-article Source.

    Lets the analysis functions take what :func:`aistress.formats.read` returns.

    Raises:
        InvalidValueError: ``value`` is a Source with no or several articles
            (the message names them and says how to pick one).
        TypeError: ``value`` is neither an Article nor a Source (API misuse).
    """
    if isinstance(value, Article):
        return value
    if isinstance(value, Source):
        if len(value.articles) == 1:
            return value.articles[0]
        ids = ", ".join(repr(a.id) for a in value.articles)
        if not ids:
            reason = f"{function} needs an Article, and this Source holds none"
        else:
            reason = (
                f"{function} needs one Article, and this Source holds {len(value.articles)} "
                f"({ids}); pick one with source[{value.articles[-1].id!r}] "
                f"or source[{short_id(value.articles[-1].id)!r}]"
            )
        raise InvalidValueError(f"{function}()", value.id, reason)
    raise TypeError(f"{function} needs an Article or a Source, not {type(value).__name__}")


@attrs.frozen
class ArticleRecord:
    """One article with everything the pipeline found in it: the unit of JSONL exports.

    Attributes:
        article: The article.
        source: The id of the input it was read from.
        path: The file, if any.
        format: The format it was read as.
        quotes: Its quotes.
        stressors: Its stressor tags.
        remedies: Its remedy tags.
        relations: Relations in which it is the subject.
    """

    article: Article = attrs.field(validator=_typed(Article))
    source: str = attrs.field(validator=_typed(str))
    format: str = attrs.field(validator=_typed(str))
    path: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_tuple_of_quote, validator=_items(Quote)
    )
    stressors: tuple[Stressor, ...] = attrs.field(
        default=(), converter=_tuple_of_stressor, validator=_items(Stressor)
    )
    remedies: tuple[Remedy, ...] = attrs.field(
        default=(), converter=_tuple_of_remedy, validator=_items(Remedy)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple_of_relation, validator=_items(Relation)
    )


@attrs.frozen
class ReadFailure:
    """An input a corpus could not read, and why."""

    path: str = attrs.field(validator=_typed(str))
    reason: str = attrs.field(validator=_typed(str))
    line: int = attrs.field(default=0, validator=_typed(int))
    column: int = attrs.field(default=0, validator=_typed(int))
    error: str = attrs.field(default="ParseError", validator=_typed(str))


@attrs.frozen
class Corpus:
    """A collection of sources, with lookup of articles by id.

    >>> a = Article("a1", "en", "news")
    >>> corpus = Corpus([Source("s1", "aggregator", articles=[a])])
    >>> corpus["a1"] is a, len(corpus), "a1" in corpus
    (True, 1, True)
    """

    sources: tuple[Source, ...] = attrs.field(
        default=(), converter=_tuple_of_source, validator=_items(Source)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple_of_relation, validator=_items(Relation)
    )
    failures: tuple[ReadFailure, ...] = attrs.field(
        default=(), converter=_tuple_of_readfailure, validator=_items(ReadFailure)
    )
    _index: Mapping[str, Article] = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        index: dict[str, Article] = {}
        for source in self.sources:
            for article in source.articles:
                if article.id in index:
                    raise InvalidValueError(
                        "Corpus.sources", article.id, "article ids must be unique in a corpus"
                    )
                index[article.id] = article
        object.__setattr__(self, "_index", index)

    @property
    def articles(self) -> tuple[Article, ...]:
        """Every article of every source, in order."""
        return tuple(self._index.values())

    @property
    def translations(self) -> tuple[Translation, ...]:
        """Every translation stated by the sources."""
        return tuple(t for s in self.sources for t in s.translations)

    @property
    def all_relations(self) -> tuple[Relation, ...]:
        """Relations stated by the sources followed by those the corpus found."""
        return tuple(r for s in self.sources for r in s.relations) + self.relations

    def article(self, article_id: str) -> Article:
        """The article with this id; raises :class:`KeyError` if there is none."""
        return self._index[article_id]

    def __getitem__(self, article_id: str) -> Article:
        return self._index[article_id]

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._index

    def __iter__(self) -> Iterator[Article]:
        return iter(self._index.values())

    def __len__(self) -> int:
        return len(self._index)

    def related(self, article_id: str) -> tuple[Relation, ...]:
        """Every relation in which the article is subject or target."""
        return tuple(r for r in self.all_relations if article_id in (r.subject, r.target))

    def matrix(self, **options: Any) -> Any:
        """Documents x categories tag counts, as a :class:`~aistress.tagging.TagMatrix`.

        Tags every article with :func:`aistress.tagging.tag` (or uses the
        ``tags=`` mapping given); ``.to_csv()`` exports the result. Options
        are those of :func:`aistress.tagging.matrix`.
        """
        from aistress.tagging import matrix

        return matrix(self, **options)

    def with_relations(self, relations: Sequence[Relation]) -> Corpus:
        """Return a copy with ``relations`` added to those the corpus holds."""
        return Corpus(
            sources=self.sources,
            relations=self.relations + tuple(relations),
            failures=self.failures,
        )
