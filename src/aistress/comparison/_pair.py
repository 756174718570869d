"""What every check sees: the two articles, their alignment and quotes, and shared helpers.

A check is a function ``check(pair: Pair) -> Iterable[Discrepancy]``. The
:class:`Pair` caches what several checks need (the numbers of each
paragraph, the sentences of each article), so adding a check costs only its
own scan.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property
from typing import TypeVar, cast

from aistress.alignment import AlignmentCache, align
from aistress.comparison._similar import similarity
from aistress.model import (
    Alignment,
    Article,
    Discrepancy,
    DiscrepancyKind,
    Quote,
    RelationKind,
    Span,
)
from aistress.quotes import LinkedQuotes
from aistress.text.language import is_chinese
from aistress.text.numbers import Quantity, extract_numbers
from aistress.text.sentences import locate_in_order, sentences

__all__ = ["Check", "Located", "Pair", "discrepancy", "phrase"]

T = TypeVar("T")

#: The signature every check has.
Check = Callable[["Pair"], Iterable[Discrepancy]]

# Marks that close a phrase when quoting the words around a span.
_PHRASE_END = re.compile(r"[,;:!?，；：。！？、\n]|\.(?=\s|$)")
_PHRASE_WIDTH = 60


class Located:
    """A :class:`~aistress.text.numbers.Quantity` placed in a document (article or title)."""

    __slots__ = ("doc", "end", "quantity", "start")

    def __init__(self, doc: str, offset: int, quantity: Quantity) -> None:
        self.doc = doc
        self.quantity = quantity
        self.start = quantity.start + offset
        self.end = quantity.end + offset

    @property
    def span(self) -> Span:
        """Where the quantity is."""
        return Span(self.doc, self.start, self.end)

    @property
    def text(self) -> str:
        """The quantity as written."""
        return self.quantity.text


class Pair:
    """A source and a derived article with what the checks share.

    Args:
        source: The original article.
        derived: The article made from it.
        alignment: A paragraph alignment of ``source`` to ``derived``.
        relation: How ``derived`` relates to ``source``, if known.
        source_quotes: Direct quotes of ``source``.
        derived_quotes: Direct quotes of ``derived``.
        cache: A run's :class:`~aistress.alignment.AlignmentCache`, for the
            sentence alignment (:meth:`sentence_pairs`).
    """

    def __init__(
        self,
        source: Article,
        derived: Article,
        alignment: Alignment,
        *,
        relation: RelationKind | None = None,
        source_quotes: Sequence[Quote] = (),
        derived_quotes: Sequence[Quote] = (),
        cache: AlignmentCache | None = None,
    ) -> None:
        self.source = source
        self.derived = derived
        self.alignment = alignment
        self.relation = relation
        self.source_quotes = tuple(source_quotes)
        self.derived_quotes = tuple(derived_quotes)
        self.cache = cache
        self._sentences: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
        self._linked: LinkedQuotes | None = None
        self._memo: dict[str, object] = {}

    def linked_quotes(self, link: Callable[[], LinkedQuotes]) -> LinkedQuotes:
        """The quote links of the pair, made once by ``link`` and shared by every check."""
        if self._linked is None:
            self._linked = link()
        return self._linked

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """What ``make`` returns, made once per pair under ``key`` and shared by every check."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    @property
    def is_summary(self) -> bool:
        """Whether the derived text is a summary (which may leave things out)."""
        return self.relation is RelationKind.SUMMARY_OF or self.derived.kind.value in (
            "summary",
            "digest",
        )

    @property
    def translated(self) -> bool:
        """Whether the two sides are in different languages."""
        return is_chinese(self.source.language) != is_chinese(self.derived.language)

    def text_of(self, doc: str) -> str:
        """The text a span's ``doc`` points into (an article, or its title or subtitle)."""
        for article in (self.source, self.derived):
            if doc == article.id:
                return article.text
            if doc == f"{article.id}#title":
                return article.title or ""
            if doc == f"{article.id}#subtitle":
                return article.subtitle or ""
        return ""

    def beads(self) -> Iterable[tuple[tuple[int, ...], tuple[int, ...]]]:
        """Aligned pairs of paragraph indices that hold something on both sides."""
        for bead in self.alignment.beads:
            if bead.source and bead.target:
                yield bead.source, bead.target

    def aligned_pieces(
        self,
        title: Callable[[Article, str], list[T]],
        paragraphs: Callable[[Article, Iterable[int]], list[T]],
    ) -> list[tuple[list[T], list[T]]]:
        """Title fields both articles have, then aligned paragraphs, each read on both sides.

        ``title`` reads a title field, ``paragraphs`` a bead's paragraphs; source first.
        """
        source, derived = self.source, self.derived
        pieces = [
            (title(source, field), title(derived, field))
            for field in ("title", "subtitle")
            if getattr(source, field) and getattr(derived, field)
        ]
        pieces += [(paragraphs(source, s), paragraphs(derived, d)) for s, d in self.beads()]
        return pieces

    def numbers_of(self, article: Article, indices: Iterable[int]) -> list[Located]:
        """The numbers of some paragraphs of one side, in text order."""
        table = self._source_numbers if article is self.source else self._derived_numbers
        return [n for i in indices if 0 <= i < len(table) for n in table[i]]

    def title_numbers(self, article: Article, field: str) -> list[Located]:
        """The numbers of a title or subtitle (``field``)."""
        text = getattr(article, field) or ""
        return [
            Located(f"{article.id}#{field}", 0, q) for q in extract_numbers(text, article.language)
        ]

    @cached_property
    def _source_numbers(self) -> list[list[Located]]:
        return _paragraph_numbers(self.source)

    @cached_property
    def _derived_numbers(self) -> list[list[Located]]:
        return _paragraph_numbers(self.derived)

    def sentence_pairs(self) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        """Aligned sentences as offset ranges into each article's text (beads with both sides).

        The sentence alignment (:func:`aistress.alignment.align`) is computed once, on first use.
        """
        return self._sentence_pairs

    @cached_property
    def _sentence_pairs(self) -> list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]:
        if not self.source.blocks or not self.derived.blocks:
            return []
        alignment = align(self.source, self.derived, unit="sentence", cache=self.cache)
        src = locate_in_order(self.source.text, alignment.source_segments)
        drv = locate_in_order(self.derived.text, alignment.target_segments)
        out = []
        for bead in alignment.beads:
            a = [src[i] for i in bead.source if i < len(src) and src[i] is not None]
            b = [drv[j] for j in bead.target if j < len(drv) and drv[j] is not None]
            if a and b:
                out.append(([r for r in a if r], [r for r in b if r]))
        return out

    def by_sentence(
        self, source_items: Sequence[T], derived_items: Sequence[T], start: Callable[[T], int]
    ) -> list[tuple[list[T], list[T]]]:
        """Items of each side grouped by aligned sentences that make much the same statement.

        ``start`` gives an item's offset in its article's text. Sentence beads
        less alike than ``SAME_SENTENCE`` are left out: a summary's sentence
        aligned by position alone says something else.
        """
        out = []
        for s_ranges, d_ranges in self.sentence_pairs():
            s_text = " ".join(self.source.text[a:b] for a, b in s_ranges)
            d_text = " ".join(self.derived.text[a:b] for a, b in d_ranges)
            if similarity(s_text, self.source.language, d_text, self.derived.language) < 0.15:
                continue
            a_items = [x for x in source_items if any(a <= start(x) < b for a, b in s_ranges)]
            b_items = [x for x in derived_items if any(a <= start(x) < b for a, b in d_ranges)]
            if a_items and b_items:
                out.append((a_items, b_items))
        return out

    def sentence_at(self, article: Article, offset: int) -> tuple[int, int]:
        """The sentence of ``article.text`` around a character offset (whole block if none)."""
        block = article.block_at(offset)
        span = article.block_span(block)
        key = (article.id, block)
        if key not in self._sentences:  # split each block once, not once per number
            found = sentences(article.blocks[block].text, article.language)
            self._sentences[key] = ([s for s, _ in found], [e for _, e in found])
        starts, ends = self._sentences[key]
        k = bisect.bisect_right(starts, offset - span.start) - 1
        if k >= 0 and offset - span.start < ends[k]:
            return span.start + starts[k], span.start + ends[k]
        return span.start, span.end


def _paragraph_numbers(article: Article) -> list[list[Located]]:
    out = []
    for i, block in enumerate(article.blocks):
        start = article.block_span(i).start
        out.append(
            [Located(article.id, start, q) for q in extract_numbers(block.text, article.language)]
        )
    return out


def phrase(text: str, start: int, end: int) -> str:
    """The phrase of ``text`` around ``start:end``, out to the nearest marks (60 characters most).

    >>> phrase("Sales rose, the firm said 200bn was spent; then it fell.", 26, 31)
    'the firm said 200bn was spent'
    """
    if not text or start >= len(text):
        return ""
    left = max(0, start - _PHRASE_WIDTH)
    head = text[left:start]
    cuts = list(_PHRASE_END.finditer(head))
    if cuts:
        left += cuts[-1].end()
    elif left and text[left - 1].isalnum():
        space = text.find(" ", left, start)
        left = space + 1 if space >= 0 else left
    right = min(len(text), end + _PHRASE_WIDTH)
    cut = _PHRASE_END.search(text, end, right)
    if cut:
        right = cut.start()
    elif right < len(text) and text[right].isalnum():
        space = text.rfind(" ", end, right)
        right = space if space >= 0 else right
    quoted = " ".join(text[left:right].split())
    if len(quoted) <= 160:
        return quoted
    space = quoted.rfind(" ", 80, 159)  # end on a word boundary where there are words
    return quoted[: space if space > 0 else 159] + "…"


def discrepancy(
    pair: Pair,
    kind: DiscrepancyKind,
    explanation: str,
    source: Sequence[Span] = (),
    derived: Sequence[Span] = (),
    score: float = 1.0,
) -> Discrepancy:
    """A :class:`~aistress.model.Discrepancy` quoting the phrase around its first span per side."""

    def quoted(spans: Sequence[Span]) -> str:
        if not spans:
            return ""
        first = spans[0]
        return phrase(pair.text_of(first.doc), first.start, first.end)

    return Discrepancy(
        kind,
        explanation,
        source=source,
        derived=derived,
        score=score,
        source_phrase=quoted(source),
        derived_phrase=quoted(derived),
    )
