"""The number check: values that change across aligned paragraphs (and across the titles).

Numbers are read with :func:`aistress.text.numbers.extract_numbers`, so
notation does not matter (``320m`` equals ``3.2 亿``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from aistress.comparison._pair import Located, Pair, discrepancy
from aistress.model import Alignment, Article, Discrepancy, DiscrepancyKind

__all__ = ["check_numbers", "number_discrepancies"]

_COMPARABLE = frozenset({"cardinal", "money", "percent", "ordinal"})
_SCALE = re.compile(
    r"(?i)\d\s*(?:k|m|bn|b|tn|thousand|million|billion|trillion)\b|[万亿兆]|千万|百万"
)


def _comparable(numbers: list[Located]) -> list[Located]:
    return [n for n in numbers if n.quantity.value is not None and n.quantity.kind in _COMPARABLE]


def _mantissa(value: Decimal) -> str:
    digits = format(abs(value).normalize(), "f").replace(".", "").lstrip("0").rstrip("0")
    return digits or "0"


def _factor(a: Decimal, b: Decimal) -> str:
    if not a or not b:
        return ""
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


def _value(n: Located) -> Decimal:
    assert n.quantity.value is not None
    return n.quantity.value


def _match(source: list[Located], derived: list[Located]) -> tuple[list[Located], list[Located]]:
    """Pair equal values (in order); return the leftovers of each side."""
    left = list(source)
    unmatched: list[Located] = []
    for number in derived:
        for i, candidate in enumerate(left):
            if _value(candidate) == _value(number):
                del left[i]
                break
        else:
            unmatched.append(number)
    return left, unmatched


def _changed(
    pair: Pair, source_left: list[Located], derived_left: list[Located]
) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    used: set[int] = set()
    for number in derived_left:
        q = number.quantity
        best = None
        for i, candidate in enumerate(source_left):
            if i in used:
                continue
            c = candidate.quantity
            # Same digits, other value: a scale word or suffix was mistranslated
            # (200bn as 200 亿). Without a scale on either side, "90" and
            # "nine" share digits by chance.
            same_digits = _mantissa(_value(candidate)) == _mantissa(_value(number)) and bool(
                _SCALE.search(c.text) or _SCALE.search(q.text)
            )
            same_unit = (c.unit or "") == (q.unit or "") and c.kind == q.kind
            if same_digits and (same_unit or c.kind == q.kind):
                best = (i, 0.9)
                break
            # A lone leftover pair is a changed value only when both carry the
            # same explicit unit (a currency, a percentage, hours) and neither
            # is hedged: "a dozen" and "十几" are both about twelve.
            if (
                same_unit
                and c.unit is not None
                and not c.approximate
                and not q.approximate
                and len(source_left) == 1
                and len(derived_left) == 1
            ):
                best = (i, 0.6)
        if best is None:
            continue
        i, score = best
        used.add(i)
        candidate = source_left[i]
        a, b = _value(candidate), _value(number)
        factor = _factor(a, b)
        out.append(
            discrepancy(
                pair,
                DiscrepancyKind.NUMBER,
                f"'{candidate.text}' ({fmt(a)}) is rendered as '{number.text}' "
                f"({fmt(b)}): wrong by {factor}"
                if score > 0.8
                else f"'{candidate.text}' ({fmt(a)}) becomes '{number.text}' ({fmt(b)})",
                source=[candidate.span],
                derived=[number.span],
                score=score,
            )
        )
    return out


def check_numbers(pair: Pair) -> list[Discrepancy]:
    """Numbers whose value changes across aligned paragraphs (and across the titles).

    Inside each bead, equal values pair off; of what is left, a derived
    number with the same digits as a source number but another value
    (``200bn`` / ``200 亿``) is reported with the factor it is off by, and a
    lone leftover pair with the same unit is reported as a changed value
    with a lower score.
    """
    out: list[Discrepancy] = []
    pieces = [
        (pair.title_numbers(pair.source, field), pair.title_numbers(pair.derived, field))
        for field in ("title", "subtitle")
        if getattr(pair.source, field) and getattr(pair.derived, field)
    ]
    pieces.extend(
        (pair.numbers_of(pair.source, s), pair.numbers_of(pair.derived, t)) for s, t in pair.beads()
    )
    for src, drv in pieces:
        src_left, drv_left = _match(_comparable(src), _comparable(drv))
        out.extend(_changed(pair, src_left, drv_left))
    return out


def number_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """:func:`check_numbers` on two articles and their alignment."""
    return tuple(check_numbers(Pair(source, derived, alignment)))
