"""What analysis finds (alignments, quotes, tags, comparisons) and the corpora holding it."""

from __future__ import annotations

import collections
import itertools
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

import attrs

from aistress.errors import InvalidValueError
from aistress.model._document import (
    Article,
    Boilerplate,
    DiscrepancyKind,
    Issue,
    QuoteKind,
    RelationKind,
    Span,
    _discrepancy_kind,
    _quote_kind,
    _relation_kind,
)
from aistress.model._fields import (
    _items,
    _language,
    _non_empty,
    _quote_pairs,
    _str_tuple,
    _tuple,
    _typed,
    _unit_interval,
)

__all__ = [
    "Alignment",
    "ArticleRecord",
    "Bead",
    "Comparison",
    "Corpus",
    "Discrepancy",
    "Person",
    "PersonLink",
    "Quote",
    "ReadFailure",
    "Relation",
    "Remedy",
    "Source",
    "Stressor",
    "Translation",
    "one_article",
    "short_id",
]

#: Functions of higher layers that deprecated methods here still reach, set by
#: those layers when they are imported (``"tag_matrix"``: aistress.tagging.matrix).
_LATE_BOUND: dict[str, Callable[..., Any]] = {}

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

    source: tuple[int, ...] = attrs.field(converter=_tuple, validator=_items(int))
    target: tuple[int, ...] = attrs.field(converter=_tuple, validator=_items(int))
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

    @classmethod
    def unchecked(cls, source: tuple[int, ...], target: tuple[int, ...], score: float) -> Bead:
        """A bead from values already of the right types and valid, not checked again.

        For code that makes beads by the ten thousand from a path it built
        (the aligner): the checks of ``Bead(...)`` cost about as much as
        the rest of a long alignment's bookkeeping.

        >>> Bead.unchecked((0, 1), (0,), 0.5) == Bead((0, 1), (0,), 0.5)
        True
        """
        bead = object.__new__(cls)
        object.__setattr__(bead, "source", source)
        object.__setattr__(bead, "target", target)
        object.__setattr__(bead, "score", score)
        return bead

    @classmethod
    def unchecked_many(
        cls,
        sources: Iterable[tuple[int, ...]],
        targets: Iterable[tuple[int, ...]],
        scores: Iterable[float],
    ) -> list[Bead]:
        """``[Bead.unchecked(s, t, x) for s, t, x in zip(sources, targets, scores)]``, in bulk.

        ``sources`` decides the number of beads. The objects are made and
        their slots filled by ``map`` in C, with no Python call per bead.

        >>> Bead.unchecked_many([(0,), ()], [(0,), (1,)], [1.0, 0.0]) == [
        ...     Bead((0,), (0,), 1.0),
        ...     Bead((), (1,), 0.0),
        ... ]
        True
        """
        sources = list(sources)
        beads = list(map(object.__new__, itertools.repeat(cls, len(sources))))
        columns: tuple[Iterable[object], ...] = (sources, targets, scores)
        for name, values in zip(("source", "target", "score"), columns, strict=True):
            collections.deque(map(getattr(cls, name).__set__, beads, values), maxlen=0)
        return beads


@attrs.frozen
class Alignment:
    """A monotone alignment of two segment lists, as a sequence of beads.

    ``source_segments`` and ``target_segments`` hold the aligned texts, so
    ``pairs`` can show them; ``unit`` says what they are (``"sentence"``,
    ``"paragraph"``, ``"line"``).
    """

    beads: tuple[Bead, ...] = attrs.field(converter=_tuple, validator=_items(Bead))
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

    >>> Person("Mira Solberg", aliases=["Solberg"], role="research lead").name
    'Mira Solberg'
    """

    name: str = attrs.field(validator=[_typed(str), _non_empty])
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple, validator=_items(str))
    role: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    affiliation: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    links: tuple[PersonLink, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(PersonLink)
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
    spans: tuple[Span, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Span))
    speaker: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))
    cue: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    anonymous: bool = attrs.field(default=False, validator=_typed(bool))
    partial: bool = attrs.field(default=False, validator=_typed(bool))
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, converter=_quote_kind)
    description: str | None = attrs.field(default=None, validator=_typed(str, optional=True))
    utterance: int | None = attrs.field(default=None, validator=_typed(int, optional=True))
    original: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))


#: The fields :func:`trusted_quote` fills, in the order of ``attrs.fields(Quote)``.
QUOTE_FIELDS = (
    "text",
    "language",
    "spans",
    "speaker",
    "cue",
    "anonymous",
    "partial",
    "kind",
    "description",
    "utterance",
    "original",
)
_SETTERS = tuple(Quote.__dict__[name].__set__ for name in QUOTE_FIELDS)


def trusted_quote(
    text: str,
    language: str,
    span: Span,
    *,
    speaker: Person | None = None,
    cue: str | None = None,
    anonymous: bool = False,
    partial: bool = False,
    kind: QuoteKind = QuoteKind.DIRECT,
    description: str | None = None,
    utterance: int | None = None,
) -> Quote:
    """``Quote(text, language, [span], ...)`` with no validator or converter run.

    For the quote extractor, whose values are checked already (offsets into
    the article, the right types); see :func:`aistress.model._document.trusted_span`.
    A test holds the result equal to the validated constructor's.
    """
    quote = object.__new__(Quote)
    (
        set_text,
        set_language,
        set_spans,
        set_speaker,
        set_cue,
        set_anonymous,
        set_partial,
        set_kind,
        set_description,
        set_utterance,
        set_original,
    ) = _SETTERS
    set_text(quote, text)
    set_language(quote, language)
    set_spans(quote, (span,))
    set_speaker(quote, speaker)
    set_cue(quote, cue)
    set_anonymous(quote, anonymous)
    set_partial(quote, partial)
    set_kind(quote, kind)
    set_description(quote, description)
    set_utterance(quote, utterance)
    set_original(quote, None)
    return quote


#: How a tag's category is said: presented as real, denied, argued against, or only asked about.
POLARITIES = ("asserted", "negated", "rejected", "hypothetical")


@attrs.frozen
class _Tag:
    """The fields a stressor and a remedy share, in their order."""

    category: str = attrs.field(validator=[_typed(str), _non_empty])
    evidence: tuple[Span, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Span))
    rule: str = attrs.field(default="", validator=_typed(str))
    confidence: float = attrs.field(default=1.0, converter=float, validator=_unit_interval)
    block: int | None = attrs.field(default=None, validator=_typed(int, optional=True))


@attrs.frozen
class Stressor(_Tag):
    """A cause of stress the text describes, with the words that show it.

    ``category`` is an id of the taxonomy (``"pace"``, ``"overwork"``);
    ``evidence`` points at the words that triggered the tag; ``rule`` names
    the rule that fired and ``confidence`` how sure it is, from 0 to 1
    (higher is surer). ``polarity`` is ``"asserted"`` for a stressor the text
    presents as real, or ``"negated"`` (denied: *the hours are not the
    problem*), ``"rejected"`` (dismissed or argued against) or
    ``"hypothetical"`` (only asked about); ``cue`` then points at the words
    that say so. Taggers return asserted tags unless asked for the others.
    """

    raised_by: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))
    polarity: str = attrs.field(default="asserted", validator=attrs.validators.in_(POLARITIES))
    cue: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))


@attrs.frozen
class Remedy(_Tag):
    """A change the text proposes, with the words that show it.

    Fields as for :class:`Stressor`, with ``proposed_by`` for the person who
    proposes it (``"rejected"``: a remedy the text argues against).
    """

    proposed_by: Person | None = attrs.field(default=None, validator=_typed(Person, optional=True))
    polarity: str = attrs.field(default="asserted", validator=attrs.validators.in_(POLARITIES))
    cue: Span | None = attrs.field(default=None, validator=_typed(Span, optional=True))


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
    source: tuple[Span, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Span))
    derived: tuple[Span, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Span))
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
        default=(), converter=_tuple, validator=_items(Quote)
    )
    discrepancies: tuple[Discrepancy, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Discrepancy)
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
        default=(), converter=_tuple, validator=_items(Article)
    )
    translations: tuple[Translation, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Translation)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Relation)
    )
    boilerplate: tuple[Boilerplate, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Boilerplate)
    )
    warnings: tuple[Issue, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Issue))
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
    quotes: tuple[Quote, ...] = attrs.field(default=(), converter=_tuple, validator=_items(Quote))
    stressors: tuple[Stressor, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Stressor)
    )
    remedies: tuple[Remedy, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Remedy)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Relation)
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
        default=(), converter=_tuple, validator=_items(Source)
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(Relation)
    )
    failures: tuple[ReadFailure, ...] = attrs.field(
        default=(), converter=_tuple, validator=_items(ReadFailure)
    )
    _index: dict[str, Article] = attrs.field(init=False, eq=False, hash=False, repr=False)

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
        """Documents x categories tag counts: use :func:`aistress.tagging.matrix` instead.

        .. deprecated:: 0.1
           A value type does not run the tagger; call
           ``aistress.tagging.matrix(corpus, **options)``.
        """
        warnings.warn(
            "Corpus.matrix() is deprecated; use aistress.tagging.matrix(corpus, ...)",
            DeprecationWarning,
            stacklevel=2,
        )
        # Importing any part of aistress imports the package, which imports the tagger.
        return _LATE_BOUND["tag_matrix"](self, **options)

    def with_relations(self, relations: Sequence[Relation]) -> Corpus:
        """Return a copy with ``relations`` added to those the corpus holds."""
        return Corpus(
            sources=self.sources,
            relations=self.relations + tuple(relations),
            failures=self.failures,
        )
