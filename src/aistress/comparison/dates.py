"""The date check: dates and years that change across aligned paragraphs.

Dates are read with :func:`aistress.text.numbers.extract_numbers` (``May
2024``, ``14 March 2024``, ``2024 年 5 月``), bare years (``by 2023``) with
the number check's year test, and relative dates (``last year``, ``去年``,
``两年前``, ``last Tuesday``, ``上周二``) with
:func:`aistress.text.measures.relative_dates`. Two dates
agree when every part both state is equal (``2024`` agrees with ``March
2024``); a relative date is compared only with relative dates. Leftovers
pair as the number check's do: in order, as many on each side, and in a
summary only inside sentences that share another figure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from aistress.comparison._pair import Located, Pair, discrepancy
from aistress.comparison.numbers import is_year
from aistress.model import Article, Discrepancy, DiscrepancyKind, PartialDate, Span
from aistress.text.measures import relative_dates

__all__ = ["DateMention", "check_dates"]


class DateMention:
    """A date in a document: absolute (a :class:`PartialDate`) or relative.

    ``relative`` is (unit, offset, weekday), as :class:`~aistress.text.measures.RelativeDate`.
    """

    __slots__ = ("date", "doc", "end", "relative", "start", "text")

    def __init__(
        self,
        doc: str,
        start: int,
        end: int,
        text: str,
        date: PartialDate | None,
        relative: tuple[str, int, int | None] | None = None,
    ) -> None:
        self.doc, self.start, self.end, self.text = doc, start, end, text
        self.date, self.relative = date, relative

    @property
    def span(self) -> Span:
        """Where the date is."""
        return Span(self.doc, self.start, self.end)

    @property
    def key(self) -> object:
        """What must be equal for two dates to be the same."""
        return self.relative if self.relative else self.date

    def agrees(self, other: DateMention) -> bool:
        """Equal in every part both state, and both state at least one part."""
        if self.relative or other.relative:
            a_rel, b_rel = self.relative, other.relative
            if a_rel and b_rel and a_rel[0] == b_rel[0] == "weekday":
                # "on Tuesday" may be rendered 上周二: an unstated week agrees with any
                return a_rel[2] == b_rel[2] and 0 in (a_rel[1], b_rel[1], a_rel[1] - b_rel[1])
            return self.relative == other.relative
        a, b = self.date, other.date
        if a is None or b is None:
            return False
        parts = [(x, y) for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day))]
        shared = [(x, y) for x, y in parts if x is not None and y is not None]
        # "June" and "2021" state no part in common: neither confirms the other.
        return bool(shared) and all(x == y for x, y in shared)

    @property
    def klass(self) -> str:
        """Absolute dates pair with absolute ones, relative with relative of one unit."""
        if self.relative:
            return f"relative:{self.relative[0]}"
        return "absolute"


def _dates(
    article: Article, doc: str, text: str, offset: int, located: Iterable[Located]
) -> list[DateMention]:
    out = []
    for n in located:
        q = n.quantity
        if q.kind == "date" and q.date is not None:
            out.append(DateMention(doc, n.start, n.end, q.text, q.date))
        elif is_year(n, text, offset) and q.value is not None:
            out.append(DateMention(doc, n.start, n.end, q.text, PartialDate(year=int(q.value))))
    for r in relative_dates(text, article.language):
        start, end = r.start + offset, r.end + offset
        if any(m.start < end and start < m.end for m in out):
            continue
        out.append(DateMention(doc, start, end, r.text, None, (r.unit, r.offset, r.weekday)))
    return sorted(out, key=lambda m: m.start)


def _paragraphs(pair: Pair, article: Article, indices: Iterable[int]) -> list[DateMention]:
    out = []
    for i in indices:
        if 0 <= i < len(article.blocks):
            start = article.block_span(i).start
            out += _dates(
                article, article.id, article.blocks[i].text, start, pair.numbers_of(article, [i])
            )
    return out


def _title(pair: Pair, article: Article, field: str) -> list[DateMention]:
    text = getattr(article, field) or ""
    doc = f"{article.id}#{field}"
    return _dates(article, doc, text, 0, pair.title_numbers(article, field))


def _take(left: list[DateMention], right: list[DateMention]) -> None:
    for b in list(right):
        for a in left:
            if a.agrees(b):
                left.remove(a)
                right.remove(b)
                break


def check_dates(pair: Pair) -> list[Discrepancy]:
    """Dates and years whose value changes across aligned paragraphs and titles."""
    source, derived = pair.source, pair.derived
    pieces = pair.aligned_pieces(
        lambda article, field: _title(pair, article, field),
        lambda article, indices: _paragraphs(pair, article, indices),
    )
    leftovers = []
    for s, d in pieces:
        s, d = list(s), list(d)
        _take(s, d)
        leftovers.append((s, d))
    spare_s = Counter(str(m.key) for s, _ in leftovers for m in s)
    spare_d = Counter(str(m.key) for _, d in leftovers for m in d)
    moved = set(spare_s) & set(spare_d)
    out: list[Discrepancy] = []
    for s, d in leftovers:
        s = [m for m in s if str(m.key) not in moved]
        d = [m for m in d if str(m.key) not in moved]
        groups = (
            pair.by_sentence(
                [m for m in s if m.doc == source.id],
                [m for m in d if m.doc == derived.id],
                lambda m: m.start,
            )
            if pair.is_summary
            else [(s, d)]
        )
        for group_s, group_d in groups:
            out.extend(_in_order(pair, group_s, group_d))
    return out


def _in_order(pair: Pair, s: list[DateMention], d: list[DateMention]) -> list[Discrepancy]:
    """Leftover dates of one kind pair in order when as many on each side.

    A single date against several in aligned sentences pairs with the one at
    the nearest relative place in its sentence (``In 2024 …, up from … 2022``
    against ``在 2023 年 …``).
    """
    out: list[Discrepancy] = []
    for klass in sorted({m.klass for m in s} & {m.klass for m in d}):
        a_list = [m for m in s if m.klass == klass]
        b_list = [m for m in d if m.klass == klass]
        if len(a_list) != len(b_list):
            if len(b_list) != 1 or not pair.is_summary:
                continue
            b = b_list[0]
            where = _place(pair, pair.derived, b)
            a_list = [min(a_list, key=lambda a: abs(_place(pair, pair.source, a) - where))]
        for a, b in zip(a_list, b_list, strict=True):
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.DATE,
                    f"'{a.text}' becomes '{b.text}'",
                    [a.span],
                    [b.span],
                    0.7,
                )
            )
    return out


def _place(pair: Pair, article: Article, m: DateMention) -> float:
    """Where a date sits in its sentence, from 0 (start) to 1 (end)."""
    start, end = pair.sentence_at(article, m.start)
    return (m.start - start) / max(1, end - start)
