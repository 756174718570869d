"""The number check: values, scales, units and hedges that change across a pair.

Numbers are read with :func:`aistress.text.numbers.extract_numbers` and the
words around them with :mod:`aistress.text.measures`, so notation does not
matter (``320m`` equals ``3.2 亿``, ``half of`` equals ``一半`` and
``50%``). Inside each aligned pair of paragraphs (and between the titles):

1. equal values pair off; a pair whose hedges point opposite ways
   (``nearly 40%`` / ``超过 40%``) or whose units differ (``60 hours`` /
   ``60 天``) is reported;
2. of the rest, values that the text itself marks as rounded (``about``,
   ``近``, ``约``, ``十几``) pair off within a quarter of each other, and a
   derived value that is the source's rounded to two or more significant
   digits pairs off too;
3. what is left pairs in order within one class (percentages, amounts of
   money, counts of one unit); each such pair is a changed value, reported
   with the factor it is off by when only the scale differs
   (``200bn`` / ``200 亿``).

A leftover whose value the other text states anywhere else is not
reported (the alignment, not the text, moved it), and years belong to the
date check.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from aistress.comparison._pair import Located, Pair, discrepancy
from aistress.comparison._similar import similarity
from aistress.model import Alignment, Article, Discrepancy, DiscrepancyKind
from aistress.text.measures import (
    Fraction,
    fractions,
    hedge,
    in_base_unit,
    relative_dates,
    unit_after,
)
from aistress.text.numbers import Quantity

__all__ = [
    "CONTEXT",
    "MARGIN",
    "PAIRINGS",
    "Mention",
    "check_numbers",
    "figure_pairs",
    "mentions",
    "number_discrepancies",
]

_COMPARABLE = frozenset({"cardinal", "money", "percent"})
_SCALE = re.compile(
    r"(?i)\d\s*(?:k|m|bn|b|tn|thousand|million|billion|trillion)\b|[万萬亿億兆]|千万|百万"
)
_VAGUE = re.compile(r"(?i)几|幾|数|數|dozens|hundreds|thousands|millions|billions|several|many")
_OPPOSITE = {("below", "above"), ("above", "below")}
_TOLERANCE = Decimal("1.25")


class Mention:
    """A number with what the words around it say: unit, hedge, class.

    A quantifier (``most``, ``大多数``) has ``bounds`` instead of a value it states.
    """

    __slots__ = (
        "bounds",
        "end",
        "hedge",
        "kind",
        "located",
        "start",
        "text",
        "unit",
        "vague",
        "value",
    )

    def __init__(
        self,
        located: Located,
        value: Decimal,
        kind: str,
        unit: str | None,
        hedge_: str,
        vague: bool,
        bounds: tuple[Decimal, Decimal] | None = None,
    ) -> None:
        self.located = located
        self.value, self.unit = in_base_unit(value, unit)
        self.kind = kind
        self.hedge = hedge_
        self.vague = vague
        self.bounds = bounds
        self.text = located.text
        self.start, self.end = located.start, located.end

    def interval(self) -> tuple[Decimal, Decimal]:
        """The values the text allows: its bounds, or the value widened by its hedge."""
        if self.bounds is not None:
            return self.bounds
        v = abs(self.value)
        if self.hedge == "below":
            return Decimal(0), v
        if self.hedge == "above":
            return v, Decimal("Infinity")
        if self.hedge == "about" or self.vague or self.located.quantity.approximate:
            return v / _TOLERANCE, v * _TOLERANCE
        return v, v

    def describe(self) -> str:
        """The value for an explanation: a number, or the bounds a quantifier states."""
        if self.bounds is not None:
            low, high = self.bounds
            return f"{fmt(low)}–{fmt(high)}%"
        return fmt(self.value)

    @property
    def rounded(self) -> bool:
        """Whether the text marks the value as approximate."""
        return self.hedge != "exact" or self.vague or self.located.quantity.approximate

    @property
    def klass(self) -> str:
        """Percentages, money, or counts of one unit."""
        if self.kind in ("percent", "money"):
            return self.kind
        return f"count:{self.unit or ''}"


def is_year(located: Located, text: str, offset: int) -> bool:
    """A bare four-digit number that reads as a year (``in 2023``), not an amount."""
    q = located.quantity
    if q.kind != "cardinal" or q.value is None or q.unit is not None:
        return False
    if not (1900 <= q.value <= 2100) or q.value != q.value.to_integral_value():
        return False
    digits = q.text.strip()
    if not (len(digits) == 4 and digits.isdigit()) and not re.fullmatch(
        r"[〇零一二三四五六七八九]{4}", digits
    ):
        return False
    return unit_after(text, located.end - offset, "en") in (None, "year")


def mentions(
    pair: Pair, article: Article, located: Iterable[Located], doc_text: str, offset: int = 0
) -> list[Mention]:
    """The comparable numbers among ``located`` (years and dates left out), with fractions added."""
    out: list[Mention] = []
    for n in located:
        q = n.quantity
        if q.value is None or q.kind not in _COMPARABLE or is_year(n, doc_text, offset):
            continue
        if q.text in ("一", "壹"):
            continue  # 一个, 一位, 一项: the Chinese indefinite article, not a count
        local_start, local_end = n.start - offset, n.end - offset
        out.append(
            Mention(
                n,
                q.value,
                q.kind,
                q.unit
                if q.unit not in (None, "year")
                else unit_after(doc_text, local_end, article.language),
                hedge(doc_text, local_start, local_end, article.language),
                bool(_VAGUE.search(q.text)),
            )
        )
    return out


def _fraction_mentions(article: Article, doc: str, text: str, offset: int) -> list[Mention]:
    out = []
    for f in fractions(text, article.language):
        q = Quantity(f.text, f.start, f.end, f.value, "%", "percent", approximate=f.value % 1 != 0)
        out.append(
            Mention(
                Located(doc, offset, q),
                f.value,
                "percent",
                "%",
                hedge(text, f.start, f.end, article.language),
                False,
                _bounds(f),
            )
        )
    return out


def _bounds(f: Fraction) -> tuple[Decimal, Decimal] | None:
    return None if f.low is None or f.high is None else (f.low, f.high)


def _side(
    pair: Pair, article: Article, pieces: Iterable[tuple[str, str, int, list[Located]]]
) -> list[Mention]:
    out: list[Mention] = []
    for doc, text, offset, located in pieces:
        shares = _fraction_mentions(article, doc, text, offset)
        # "two years ago" / "三年前" is a date, the date check's to compare
        dated = [(r.start + offset, r.end + offset) for r in relative_dates(text, article.language)]
        found = [
            m
            for m in mentions(pair, article, located, text, offset)
            if not any(f.start < m.end and m.start < f.end for f in shares)
            and not any(a < m.end and m.start < b for a, b in dated)
        ]
        out.extend(sorted(found + shares, key=lambda m: m.start))
    return out


def _paragraphs(pair: Pair, article: Article, indices: Iterable[int]) -> list[Mention]:
    pieces = []
    for i in indices:
        if 0 <= i < len(article.blocks):
            start = article.block_span(i).start
            pieces.append(
                (article.id, article.blocks[i].text, start, pair.numbers_of(article, [i]))
            )
    return _side(pair, article, pieces)


def _title(pair: Pair, article: Article, field: str) -> list[Mention]:
    text = getattr(article, field) or ""
    return _side(
        pair, article, [(f"{article.id}#{field}", text, 0, pair.title_numbers(article, field))]
    )


def _mantissa(value: Decimal) -> str:
    digits = format(abs(value).normalize(), "f").replace(".", "").lstrip("0").rstrip("0")
    return digits or "0"


def _factor(a: Decimal, b: Decimal) -> str:
    if not a or not b:
        return "another value"
    ratio = a / b if abs(a) >= abs(b) else b / a
    exponent = ratio.adjusted()
    if ratio == Decimal(10) ** exponent:
        return f"a factor of {10**exponent:,}"
    return f"a factor of {float(ratio):.3g}"


def fmt(value: Decimal) -> str:
    """A value for an explanation: grouped integers, plain decimals."""
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"


def _close(a: Mention, b: Mention) -> bool:
    """Whether two values agree once the rounding the texts signal is allowed for."""
    if a.bounds is not None or b.bounds is not None:
        (a_low, a_high), (b_low, b_high) = a.interval(), b.interval()
        if a.bounds is not None and b.bounds is not None:
            return a_low < b_high and b_low < a_high  # "a minority" and "most" only touch
        return a_low <= b_high and b_low <= a_high
    if not a.value or not b.value:
        return a.value == b.value
    if a.vague or b.vague:
        low, high = sorted((abs(a.value), abs(b.value)))
        return high / low < 10
    if a.rounded or b.rounded:
        low, high = sorted((abs(a.value), abs(b.value)))
        return high / low <= _TOLERANCE
    if a.kind == b.kind == "percent" and b.value == b.value.to_integral_value():
        return abs(a.value - b.value) <= Decimal("0.5")  # 7.4% given as 7%
    return _rounds_to(a.value, b.value)


def _rounds_to(exact: Decimal, shown: Decimal) -> bool:
    """Whether ``shown`` is ``exact`` rounded to the precision it is written in (2+ digits)."""
    digits = _mantissa(shown)
    if len(digits) < 2:
        return False
    step = Decimal(10) ** (shown.normalize().as_tuple().exponent)  # type: ignore[operator]
    return abs(exact - shown) <= step / 2


def _take(left: list[Mention], right: list[Mention], same: object) -> list[tuple[Mention, Mention]]:
    """Pair items of ``left`` and ``right`` that ``same(a, b)`` accepts, in order; remove them."""
    pairs = []
    for b in list(right):
        for a in left:
            if same(a, b):  # type: ignore[operator]
                pairs.append((a, b))
                left.remove(a)
                right.remove(b)
                break
    return pairs


def _scale_slip(a: Mention, b: Mention) -> bool:
    """Same digits, another value, a scale word on either side: ``200bn`` as ``200 亿``."""
    return (
        a.value != b.value
        and _mantissa(a.value) == _mantissa(b.value)
        and bool(_SCALE.search(a.text) or _SCALE.search(b.text))
        and not (a.vague or b.vague)
    )


def _explain_change(a: Mention, b: Mention) -> tuple[str, float]:
    if a.bounds is not None or b.bounds is not None:
        return (
            f"'{a.text}' ({_allowed(a)}) becomes '{b.text}' ({_allowed(b)}): "
            "the two shares cannot both hold",
            0.7,
        )
    if _mantissa(a.value) == _mantissa(b.value) and (
        _SCALE.search(a.text) or _SCALE.search(b.text)
    ):
        return (
            f"'{a.text}' ({fmt(a.value)}) is rendered as '{b.text}' ({fmt(b.value)}): "
            f"wrong by {_factor(a.value, b.value)}",
            0.9,
        )
    return f"'{a.text}' ({fmt(a.value)}) becomes '{b.text}' ({fmt(b.value)})", 0.7


def _allowed(m: Mention) -> str:
    """The share a mention states, with its hedge: ``below 33.3%``, ``50–100%``."""
    if m.bounds is not None:
        return m.describe()
    word = {"below": "at most ", "above": "at least ", "about": "about "}.get(m.hedge, "")
    return f"{word}{fmt(m.value)}%"


def _report(pair: Pair, a: Mention, b: Mention, explanation: str, score: float) -> Discrepancy:
    return discrepancy(
        pair, DiscrepancyKind.NUMBER, explanation, [a.located.span], [b.located.span], score
    )


def _match_piece(
    pair: Pair, src: list[Mention], drv: list[Mention], pairs: list[tuple[Mention, Mention]]
) -> tuple[list[Discrepancy], list[Mention], list[Mention]]:
    """Pair equal and close values; report changed hedges, units and scales; return leftovers.

    Every pair made is added to ``pairs``.
    """
    out: list[Discrepancy] = []
    s, d = list(src), list(drv)
    same_value = _take(s, d, lambda a, b: a.value == b.value and a.klass == b.klass)
    same_value += _take(s, d, lambda a, b: a.value == b.value)
    pairs.extend(same_value)
    for a, b in same_value:
        if (a.hedge, b.hedge) in _OPPOSITE:
            why = f"'{a.text}' is hedged '{a.hedge}' in the source, '{b.hedge}' in the derived text"
            out.append(_report(pair, a, b, why, 0.7))
        elif a.unit and b.unit and a.unit != b.unit and "people" not in (a.unit, b.unit):
            why = f"'{a.text}' counts {a.unit}s in the source but {b.unit}s in the derived text"
            out.append(_report(pair, a, b, why, 0.6))
    for a, b in _take(s, d, _scale_slip):
        pairs.append((a, b))
        out.append(_report(pair, a, b, *_explain_change(a, b)))
    pairs.extend(_take(s, d, lambda a, b: a.klass == b.klass and _close(a, b)))
    pairs.extend(_take(s, d, lambda a, b: _close(a, b) and (a.rounded or b.rounded)))
    return out, s, d


def _changed(
    pair: Pair, s: list[Mention], d: list[Mention], pairs: list[tuple[Mention, Mention]]
) -> list[Discrepancy]:
    """Leftovers of one class, as many on each side, pair in order: changed values.

    In a summary, whose paragraphs gather many of the source's, the leftovers
    are paired within aligned sentences that make much the same statement.
    """
    if pair.is_summary:
        out = []
        in_body = [m for m in s if m.located.doc == pair.source.id]
        in_summary = [m for m in d if m.located.doc == pair.derived.id]
        for a_list, b_list in pair.by_sentence(in_body, in_summary, lambda m: m.start):
            out.extend(_in_order(pair, a_list, b_list, pairs))
        return out
    return _in_order(pair, s, d, pairs)


def _in_order(
    pair: Pair, s: list[Mention], d: list[Mention], pairs: list[tuple[Mention, Mention]]
) -> list[Discrepancy]:
    """Leftovers of one class pair in order when as many on each side; the rest by context.

    A leftover of another count (``210 research staff`` / ``120 of its
    research staff``, where only one side names the unit) or of a class
    with more members on one side pairs with the one whose words around it
    say much the same (``CONTEXT``), when each is the other's best match.
    """
    out: list[Discrepancy] = []
    s_rest, d_rest = list(s), list(d)
    for klass in sorted({m.klass for m in s} & {m.klass for m in d}):
        a_list = [m for m in s if m.klass == klass]
        b_list = [m for m in d if m.klass == klass]
        if len(a_list) != len(b_list):
            continue
        for a, b in zip(a_list, b_list, strict=True):
            s_rest.remove(a)
            d_rest.remove(b)
            if a.vague or b.vague:
                continue
            if a.klass in ("count:", "count:people") and _loose(a, b):
                continue  # "six", "two people": small loose counts are too common to pair
            pairs.append((a, b))
            out.append(_report(pair, a, b, *_explain_change(a, b)))
    for a, b in _by_context(pair, s_rest, d_rest):
        pairs.append((a, b))
        out.append(_report(pair, a, b, *_explain_change(a, b)))
    return out


#: Leftover numbers whose surrounding words are at least this alike
#: (:func:`~aistress.comparison._similar.similarity`) state the same thing.
CONTEXT = 0.35


#: How much better than every rival a pairing by context must be.
MARGIN = 0.1


def _loose(a: Mention, b: Mention) -> bool:
    """Small counts without a unit (``six``, ``two people``): too common to pair by order."""
    return any(m.klass in ("count:", "count:people") and m.value < 10 for m in (a, b))


def _compatible(a: Mention, b: Mention) -> bool:
    """One class, or counts of which one names no unit."""
    if a.vague or b.vague or a.kind != b.kind:
        return False
    if a.klass == b.klass:
        return True
    return (
        a.kind == "cardinal"
        and (a.unit is None) != (b.unit is None)
        and "times"
        not in (
            a.unit,
            b.unit,
        )
    )


def _context(pair: Pair, a: Mention, b: Mention) -> float:
    """How alike the words next to two numbers are (the numbers themselves left out)."""
    sides = []
    for m, article in ((a, pair.source), (b, pair.derived)):
        text = pair.text_of(m.located.doc)
        sides.append((_window(text, m.start, m.end), article.language))
    (x, lx), (y, ly) = sides
    return similarity(x, lx, y, ly)


_SENTENCE_MARK = re.compile(r"[.!?。！？\n]")
_WORDS_NEAR = 4


def _window(text: str, start: int, end: int) -> str:
    """Four words (or eight Han characters) on each side of a number, inside its sentence."""
    before, after = text[max(0, start - 60) : start], text[end : end + 60]
    cut = list(_SENTENCE_MARK.finditer(before))
    before = before[cut[-1].end() :] if cut else before
    stop = _SENTENCE_MARK.search(after)
    after = after[: stop.start()] if stop else after
    return f"{_edge(before, last=True)} {_edge(after, last=False)}"


def _edge(text: str, *, last: bool) -> str:
    words = re.findall(r"[A-Za-z0-9'’-]+|[\u4e00-\u9fff]", text)
    han = sum(1 for w in words if len(w) == 1 and "\u4e00" <= w <= "\u9fff")
    size = 2 * _WORDS_NEAR if han * 2 > len(words) else _WORDS_NEAR
    kept = words[-size:] if last else words[:size]
    return "".join(kept) if han * 2 > len(words) else " ".join(kept)


def _by_context(pair: Pair, s: list[Mention], d: list[Mention]) -> list[tuple[Mention, Mention]]:
    """Compatible leftovers whose contexts are each other's clear best, above ``CONTEXT``.

    Only a piece with few leftovers is paired this way (``PAIRINGS`` pairs
    of candidates at most), so the work stays linear in the text.
    """
    if len(s) * len(d) > PAIRINGS:
        return []
    scores = {
        (i, j): _context(pair, a, b)
        for i, a in enumerate(s)
        for j, b in enumerate(d)
        if _compatible(a, b) and not _loose(a, b)
    }
    rows: dict[int, list[float]] = {}
    cols: dict[int, list[float]] = {}
    for (i, j), score in scores.items():
        rows.setdefault(i, []).append(score)
        cols.setdefault(j, []).append(score)
    out = []
    for (i, j), score in scores.items():
        if score < CONTEXT:
            continue
        # every rival in its row and column must be clearly worse: a derived
        # "110" against "from 60 to 90" matches neither better than the other
        rivals = sorted(rows[i], reverse=True)[1:2] + sorted(cols[j], reverse=True)[1:2]
        if max(rows[i]) == max(cols[j]) == score and all(v <= score - MARGIN for v in rivals):
            out.append((s[i], d[j]))
    return out


#: The most candidate pairs of leftovers a piece pairs by context.
PAIRINGS = 400


def check_numbers(pair: Pair) -> list[Discrepancy]:
    """Numbers whose value, scale, unit or hedge changes across aligned paragraphs and titles."""
    return list(_matched(pair)[0])


def figure_pairs(pair: Pair) -> tuple[tuple[Mention, Mention], ...]:
    """Each figure of the source with the figure the derived text states for it, same or changed.

    The pairs :func:`check_numbers` makes (equal values, values within the
    rounding the texts signal, scale slips and changed values), made once
    per :class:`~aistress.comparison.Pair` and shared with the attribution check.
    """
    return _matched(pair)[1]


def _matched(
    pair: Pair,
) -> tuple[tuple[Discrepancy, ...], tuple[tuple[Mention, Mention], ...]]:
    return pair.memo("numbers", lambda: _match(pair))


def _match(
    pair: Pair,
) -> tuple[tuple[Discrepancy, ...], tuple[tuple[Mention, Mention], ...]]:
    pieces = pair.aligned_pieces(
        lambda article, field: _title(pair, article, field),
        lambda article, indices: _paragraphs(pair, article, indices),
    )
    out: list[Discrepancy] = []
    pairs: list[tuple[Mention, Mention]] = []
    leftovers = []
    for src, drv in pieces:
        found, s_left, d_left = _match_piece(pair, src, drv, pairs)
        out.extend(found)
        leftovers.append((s_left, d_left))
    # A value left over on one side in one place and on the other side in
    # another was moved by the alignment, not changed by the text.
    spare_source = Counter(m.value for s_left, _ in leftovers for m in s_left)
    spare_derived = Counter(m.value for _, d_left in leftovers for m in d_left)
    moved = set(spare_source) & set(spare_derived)

    for s_left, d_left in leftovers:
        s_left = [m for m in s_left if m.value not in moved]
        d_left = [m for m in d_left if m.value not in moved]
        out.extend(_changed(pair, s_left, d_left, pairs))
    return tuple(out), tuple(pairs)


def number_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """:func:`check_numbers` on two articles and their alignment."""
    return tuple(check_numbers(Pair(source, derived, alignment)))
