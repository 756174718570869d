"""What surrounds a number: its hedge, its unit, fraction words and relative dates.

:func:`aistress.text.numbers.extract_numbers` reads the value of a number;
this module reads the words around it, in English and Chinese (Simplified
and Traditional), from the vocabulary in ``data/text/measures.json``:

>>> text = "nearly 40% of staff work over 60 hours"
>>> hedge(text, 7, 10, "en"), hedge(text, 30, 32, "en"), unit_after(text, 32, "en")
('below', 'above', 'hour')
>>> zh = "每周工作 60 多个小时"
>>> hedge(zh, 5, 7, "zh"), unit_after(zh, 7, "zh")
('above', 'hour')
>>> [(f.text, f.value) for f in fractions("half of the staff, 三分之一的人, 五成", "en")]
[('half', Decimal('50')), ('三分之一', Decimal('33.3')), ('五成', Decimal('50'))]
>>> [(r.text, r.unit, r.offset) for r in relative_dates("去年 and two years ago", "zh")]
[('去年', 'year', -1), ('two years ago', 'year', -2)]

Every function is a bounded look around one position, or one scan of the
text: linear time.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, TypeVar

import attrs

from aistress.data import load_json
from aistress.text._kept import kept
from aistress.text.numbers import chinese_numeral_value, english_number_words

__all__ = [
    "Fraction",
    "RelativeDate",
    "fractions",
    "hedge",
    "in_base_unit",
    "relative_dates",
    "unit_after",
]

_LOOK = 24


@cache
def _vocabulary() -> dict[str, Any]:
    data: dict[str, Any] = load_json("text/measures.json")
    return data


def _alternation(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    v = _vocabulary()
    return {
        "before_en": re.compile(rf"(?i)(?:^|[^A-Za-z])({_alternation(v['hedge_before_en'])})\s*$"),
        "after_en": re.compile(rf"(?i)^\s*({_alternation(v['hedge_after_en'])})(?![A-Za-z])"),
        "before_zh": re.compile(rf"({_alternation(v['hedge_before_zh'])})\s*$"),
        "after_zh": re.compile(rf"^\s*({_alternation(v['hedge_after_zh'])})"),
        "unit_en": re.compile(
            rf"(?i)^(?:\s*-\s*|\s+)(?:[a-z]+[\s-]){{0,2}}?({_alternation(v['units_en'])})\b"
        ),
        "unit_zh": re.compile(
            rf"^\s*(?:多|余|餘|几|幾)?\s*(?:个|個)?\s*({_alternation(v['units_zh'])})"
        ),
        "fraction_en": re.compile(
            rf"(?i)\b({_alternation(v['fractions_en'])})\b"
            rf"(?=\s+(?:of|the|their|its|our|all|a|an|{_alternation(v['fraction_verbs_en'])})\b"
            r"|\s*[,.;:!?]|\s*$)"
        ),
        "ratio_en": re.compile(
            r"(?i)\b(\d+|[a-z]+)\s+(?:in|out\s+of)\s+(\d+|[a-z]+)\b"
            r"(?!\s*(?:-|to)\s*\d|\s+(?:second|minute|hour|day|week|month|year)s?\b)"
        ),
        "quantifier_en": re.compile(
            rf"(?i)(?<![A-Za-z])(?<!the\s)(?<!at\s)({_alternation(v['quantifiers_en'])})\b"
            r"(?=\s+(?:of\b|[a-z]+(?<!ous)(?<!ss)(?<!less)(?<!ness)s\b|people\b|staff\b))"
        ),
        "quantifier_zh": re.compile(rf"({_alternation(v['quantifiers_zh'])})"),
        "fraction_zh": re.compile(
            rf"({_alternation(v['fractions_zh'])})"
            r"|([零〇一二两兩三四五六七八九十百\d]+)分之([零〇一二两兩三四五六七八九十\d]+)"
            r"|(?<![零〇一二两兩三四五六七八九十\d])([一二两兩三四五六七八九])成(?![功为為立长長本果员員])"
        ),
        "relative": re.compile(
            rf"(?i)\b(?:{_alternation(v['relative_en'])})\b|(?:{_alternation(v['relative_zh'])})"
            r"|\b(\w+)\s+(year|month|week|day)s?\s+(ago|earlier|later)\b"
            r"|([零〇一二两兩三四五六七八九十\d]+)\s*(年|个月|個月|周|週|天)(前|后|後)"
        ),
    }


def hedge(text: str, start: int, end: int, language: str) -> str:
    """How the words around ``text[start:end]`` bound the number there.

    Returns ``"about"`` (about, 约, 左右), ``"below"`` (almost, nearly,
    under, 近, 不到), ``"above"`` (over, at least, 超过, 多, 以上) or
    ``"exact"`` when nothing hedges it. Words of both languages are looked
    for, since Chinese text quotes English figures and the reverse.
    """
    p = _patterns()
    head, tail = text[max(0, start - _LOOK) : start], text[end : end + _LOOK]
    vocab = _vocabulary()
    for key, part, table in (
        ("before_zh", head, "hedge_before_zh"),
        ("after_zh", tail, "hedge_after_zh"),
        ("before_en", head, "hedge_before_en"),
        ("after_en", tail, "hedge_after_en"),
    ):
        m = p[key].search(part)
        if m:
            if key == "after_zh" and m.group(1) in "多余餘" and _zh_measure_only(tail, m.end()):
                return "above"
            if key == "after_zh" and m.group(1) in "多余餘":
                continue
            return str(vocab[table].get(m.group(1).lower(), vocab[table].get(m.group(1), "about")))
    return "exact"


def _zh_measure_only(tail: str, at: int) -> bool:
    """``300多`` hedges when a measure word, unit or noun follows (``300多名``, ``60多个小时``)."""
    rest = tail[at:].lstrip()
    return bool(rest) and not rest[0].isdigit()


def unit_after(text: str, end: int, language: str) -> str | None:
    """The unit of the number ending at ``end``: ``"hour"``, ``"people"``, ``"firms"`` ... or None.

    English units may follow after up to two words (``60 long hours``);
    Chinese ones after ``多``/``余`` and a measure word (``60 多个小时``).
    """
    tail = text[end : end + _LOOK]
    p = _patterns()
    vocab = _vocabulary()
    m = p["unit_zh"].match(tail)
    if m:
        return str(vocab["units_zh"][m.group(1)])
    m = p["unit_en"].match(tail)
    if m:
        return str(vocab["units_en"][m.group(1).lower()])
    return None


def in_base_unit(value: Decimal, unit: str | None) -> tuple[Decimal, str | None]:
    """A value counted in the unit it is compared in: a fortnight is two weeks.

    >>> in_base_unit(Decimal(1), "fortnight"), in_base_unit(Decimal(3), "hour")
    ((Decimal('2'), 'week'), (Decimal('3'), 'hour'))
    """
    factor = _vocabulary()["unit_factors"].get(unit or "")
    if not factor:
        return value, unit
    return value * Decimal(factor[1]), str(factor[0])


T = TypeVar("T")


def _kept(find: Callable[[str, str], list[T]]) -> Callable[[str, str], list[T]]:
    """``find`` keeping what it found in paragraph-sized texts (:func:`~aistress.text._kept.kept`).

    A report reads each paragraph's shares and dates once per comparison
    the paragraph takes part in; each call still gets a list of its own.
    """
    remembered = kept(find)

    @functools.wraps(find)
    def found(text: str, language: str) -> list[T]:
        return list(remembered(text, language))

    return found


@attrs.frozen
class Fraction:
    """A share stated in words (``half``, ``三分之一``, ``五成``), as a percentage.

    A quantifier (``most``, ``大多数``, ``少数``) states only bounds: ``low``
    and ``high`` are set, and ``value`` is their middle.
    """

    text: str
    start: int
    end: int
    value: Decimal
    low: Decimal | None = None
    high: Decimal | None = None


@_kept
def fractions(text: str, language: str) -> list[Fraction]:
    """Shares written as words or Chinese fractions, in text order, as percentages.

    English fraction words count before ``of``/``the``/``their`` (``half of
    the staff``), a verb (``a third said``) or a mark, or after a hedge
    (``fewer than a third``), so ``half an hour`` and ``a third paper`` are
    not shares; ``two in five`` and ``3 out of 10`` are. Quantifiers
    (``most researchers``, ``the majority``, ``大多数``) come with the
    bounds they state.

    >>> [(f.text, f.value) for f in fractions("two in five staff; fewer than a third left", "en")]
    [('two in five', Decimal('40')), ('a third', Decimal('33.3'))]
    >>> [(f.text, f.low, f.high) for f in fractions("大多数人仍在工作", "zh")]
    [('大多数', Decimal('50'), Decimal('100'))]
    """
    p = _patterns()
    vocab = _vocabulary()
    out = []
    for m in p["fraction_en"].finditer(text):
        value = vocab["fractions_en"][m.group(1).lower()]
        out.append(Fraction(m.group(1), m.start(1), m.end(1), Decimal(str(value))))
    taken = [(f.start, f.end) for f in out]
    for m in re.finditer(rf"(?i)\b({_alternation(vocab['fractions_en'])})\b", text):
        if (m.start(), m.end()) in taken or hedge(text, m.start(), m.end(), "en") == "exact":
            continue
        value = vocab["fractions_en"][m.group(1).lower()]
        out.append(Fraction(m.group(1), m.start(), m.end(), Decimal(str(value))))
    for m in p["ratio_en"].finditer(text):
        part, whole = _en_count(m.group(1)), _en_count(m.group(2))
        if part is None or not whole or not 0 < part < whole <= 100:
            continue
        if any(f.start < m.end() and m.start() < f.end for f in out):
            continue
        value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
        out.append(Fraction(m.group(), m.start(), m.end(), _plain(value)))
    for key in ("quantifier_en", "quantifier_zh"):
        table = vocab["quantifiers_en" if key.endswith("en") else "quantifiers_zh"]
        for m in p[key].finditer(text):
            low, high = (Decimal(x) for x in table.get(m.group(1).lower(), table.get(m.group(1))))
            middle = _plain((low + high) / 2)
            out.append(Fraction(m.group(1), m.start(1), m.end(1), middle, low, high))
    for m in p["fraction_zh"].finditer(text):
        if m.group(1):
            value = Decimal(str(vocab["fractions_zh"][m.group(1)]))
        elif m.group(2):
            whole = _zh_int(m.group(2))
            part = _zh_int(m.group(3))
            if not whole or part is None:
                continue
            value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"))
        else:
            digit = _zh_int(m.group(4))
            if digit is None:
                continue
            value = Decimal(digit * 10)
        out.append(Fraction(m.group(), m.start(), m.end(), _plain(value)))
    out.sort(key=lambda f: f.start)
    return out


def _plain(value: Decimal) -> Decimal:
    """``50.0`` as ``50`` and ``33.30`` as ``33.3``, never in exponent form."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def _zh_int(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    value = chinese_numeral_value(text)
    return None if value is None else int(value)


@attrs.frozen
class RelativeDate:
    """A date stated relative to the time of writing (``last year``, ``去年``, ``两年前``).

    A day of the week (``last Tuesday``, ``上周二``, ``on Monday``) has unit
    ``"weekday"``, ``weekday`` from 1 (Monday) to 7, and ``offset`` the week
    (-1 last, 0 this or unstated, 1 next).
    """

    text: str
    start: int
    end: int
    unit: str
    offset: int
    weekday: int | None = None


_EN_DIRECTION = {"ago": -1, "earlier": -1, "later": 1}
_ZH_DIRECTION = {"前": -1, "后": 1, "後": 1}
_ZH_UNIT = {"年": "year", "个月": "month", "個月": "month", "周": "week", "週": "week", "天": "day"}


_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_EN = re.compile(
    r"\b(?:(?i:(last|next|this|on|by|until|since|from))\s+)?"
    r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)"
)
_WEEKDAY_ZH = re.compile(
    r"(?<![零〇一二两兩三四五六七八九十\d])(上个|上個|下个|下個|这个|這個|上|下|本|这|這)?"
    r"(?:周|週|星期|礼拜|禮拜)([一二三四五六日天])"
    r"(?![次回遍趟个個天小倍])"  # 每周三次 is three times a week, not Wednesday
)
_ZH_WEEKDAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_WEEK_OFFSET = {"last": -1, "next": 1, "上": -1, "下": 1}


def _weekdays(text: str) -> list[RelativeDate]:
    """Days of the week, English and Chinese, with the week they fall in."""
    out = []
    for m in _WEEKDAY_EN.finditer(text):
        offset = _WEEK_OFFSET.get((m.group(1) or "").lower(), 0)
        day = _WEEKDAYS_EN.index(m.group(2).lower()) + 1
        out.append(RelativeDate(m.group(), m.start(), m.end(), "weekday", offset, day))
    for m in _WEEKDAY_ZH.finditer(text):
        offset = _WEEK_OFFSET.get((m.group(1) or " ")[0], 0)
        day = _ZH_WEEKDAY[m.group(2)]
        out.append(RelativeDate(m.group(), m.start(), m.end(), "weekday", offset, day))
    return out


@_kept
def relative_dates(text: str, language: str) -> list[RelativeDate]:
    """Dates relative to the time of writing, in text order, with their unit and signed offset.

    >>> found = relative_dates("上周二 and on Friday", "zh")
    >>> [(r.text, r.unit, r.offset, r.weekday) for r in found]
    [('上周二', 'weekday', -1, 2), ('on Friday', 'weekday', 0, 5)]
    """
    vocab = _vocabulary()
    out = _weekdays(text)
    days = [(d.start, d.end) for d in out]
    for m in _patterns()["relative"].finditer(text):
        if any(a < m.end() and m.start() < b for a, b in days):
            continue  # 上周 of 上周二: the day says more
        word = m.group()
        if m.group(1) or m.group(4):
            counted = _counted(m)
            if counted is None:
                continue
            unit, offset = counted
        else:
            unit, offset = vocab["relative_en"].get(word.lower()) or vocab["relative_zh"][word]
        out.append(RelativeDate(word, m.start(), m.end(), unit, offset))
    out.sort(key=lambda r: r.start)
    return out


def _counted(m: re.Match[str]) -> tuple[str, int] | None:
    """The unit and signed offset of a counted relative date (``3 days ago``, ``三天前``)."""
    if m.group(1):
        count = _en_count(m.group(1))
        return (
            None
            if count is None
            else (m.group(2).lower(), count * _EN_DIRECTION[m.group(3).lower()])
        )
    count = _zh_int(m.group(4))
    return None if count is None else (_ZH_UNIT[m.group(5)], count * _ZH_DIRECTION[m.group(6)])


def _en_count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word.lower() in ("a", "an", "one"):
        return 1
    value = english_number_words(word.lower())
    return None if value is None else int(value)
