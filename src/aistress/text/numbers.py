"""Numbers, amounts, percentages and dates in English and Chinese text.

:func:`extract_numbers` finds every number a text states, whatever its
notation, and returns a :class:`Quantity` with its exact value, its unit and
where it is. Values are ``Decimal``, so notations that mean the
same compare equal:

>>> [q.value for q in extract_numbers("200m users, $90 billion", "en")]
[Decimal('200000000'), Decimal('90000000000')]
>>> [q.value for q in extract_numbers("用户 2 亿，900亿美元", "zh")]
[Decimal('200000000'), Decimal('90000000000')]
>>> extract_numbers("in May 2024", "en")[0].date
PartialDate(year=2024, month=5, day=None)
>>> extract_numbers("2024 年 5 月", "zh")[0].date
PartialDate(year=2024, month=5, day=None)

What is recognised:

- English digits with thousands separators and decimals (``1,000``,
  ``3.2``), scale words and suffixes (``200m``, ``200bn``, ``$90 billion``,
  ``5k``), number words including the older compound forms (``twenty-five``,
  ``nine hundred and thirty``, ``two and thirty``, ``threescore and ten``,
  ``a dozen``, ``half a dozen``), ordinals (``40th``, ``first``), decades
  (``80s``), percentages (``87%``, ``12 per cent``), currencies (``$``,
  ``£``, ``€``, ``US$``, ``dollars``) and dates (``May 2024``,
  ``20 October 2024``, ``October 20, 2024``, ``last September``).
- Chinese digits with ``万``/``亿`` scales (``3.2 亿``, ``900亿``), Chinese
  numerals (``九百三十``, ``一百零五``, ``两``, ``十二``), ordinals
  (``第一``), percentages (``87%``, ``百分之八十七``), currencies (``美元``,
  ``元``) and dates (``2024 年 5 月``, ``2024年10月20日``, ``12月``).
  A single numeral character (``一``, ``三``) counts only before a measure
  word or unit (``三天``, ``一位``) or after ``第``, so words such as
  ``一些`` or ``十分`` are not numbers.
- Approximate amounts (``almost``, ``some``, ``over``, ``近``, ``约``,
  ``十几``, ``数十亿``) are returned with ``approximate=True``.

A ``200m`` is read as 200 million, as news text uses it; a range such as
``5–10`` yields two numbers. Extraction is a few regular-expression scans:
time and memory are linear in the length of the text.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

import attrs

from aistress.text._claims import Claims
from aistress.text._kept import kept
from aistress.text.dates import MONTHS, PartialDate
from aistress.text.language import detect_language, is_chinese

__all__ = ["Quantity", "chinese_numeral_value", "english_number_words", "extract_numbers"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@attrs.frozen
class Quantity:
    """A number found in a text.

    Attributes:
        text: The characters as printed (``"$90 billion"``, ``"3.2 亿"``).
        start: Offset of the first character in the text searched.
        end: Offset after the last character.
        value: The exact value (``Decimal('320000000')`` for ``3.2 亿``); for
            a date, None.
        unit: ``"%"``, a currency code (``"USD"``, ``"CNY"``, ``"GBP"``,
            ``"EUR"``), ``"year"`` for an age or duration in years, or None.
        kind: ``"cardinal"``, ``"ordinal"``, ``"percent"``, ``"money"``,
            ``"decade"`` or ``"date"``.
        date: For a date, what it states (a month with no year stays so).
        approximate: Whether the text hedges the amount (``almost``, ``近``,
            ``十几``).
        language: ``"en"`` or ``"zh"``: the rules that found it.
    """

    text: str
    start: int
    end: int
    value: Decimal | None
    unit: str | None = None
    kind: str = "cardinal"
    date: PartialDate | None = None
    approximate: bool = False
    language: str = "en"

    @classmethod
    def at(cls, match: re.Match[str], base: int, value: Decimal | None, **fields: Any) -> Quantity:
        """The quantity printed where ``match`` matched, in a text that starts at ``base``."""
        return cls(match.group(0), base + match.start(), base + match.end(), value, **fields)

    def same_amount(self, other: Quantity) -> bool:
        """Whether both state the same value and date, ignoring notation.

        >>> a = extract_numbers("320m visits", "en")[0]
        >>> b = extract_numbers("3.2 亿次", "zh")[0]
        >>> a.same_amount(b)
        True
        """
        return self.value == other.value and self.date == other.date


# ---------------------------------------------------------------------------
# English

_EN_UNITS = {
    "zero": 0,
    "nought": 0,
    "one": 1,
    "two": 2,
    "twain": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
}
_EN_MULTIPLIERS = {
    "hundred": 100,
    "thousand": 1000,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}
_EN_SCORE = {"score": 20, "dozen": 12, "threescore": 60, "fourscore": 80}
_SUFFIX_SCALE = {
    "k": 10**3,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "t": 10**12,
    "tn": 10**12,
    "trn": 10**12,
}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "£": "GBP", "€": "EUR", "¥": "CNY", "￥": "CNY"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yuan": "CNY",
    "rmb": "CNY",
}
_MONTHS = MONTHS
#: Month names that are also common words: dates only with a day, a year or a cue.
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august", "jan", "mar", "jun", "dec", "sep"})
_MONTH_CUES = _words("in last this next since until till by early late mid from of on during")
_APPROX_EN = _words(
    "about almost around approximately nearly roughly some over under less fewer circa"
)
# Two-word hedges whose words alone hedge nothing ("limited to eight", "more data").
_APPROX_EN_PAIRS = frozenset({"more than", "up to"})

_WORD_ALT = "|".join(
    sorted(
        [*_EN_UNITS, *_EN_MULTIPLIERS, *_EN_SCORE, "a", "an", "half"],
        key=len,
        reverse=True,
    )
)
_ORD_ALT = "|".join(sorted(_EN_ORDINALS, key=len, reverse=True))
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))

_EN_NUMBER_WORDS = re.compile(
    rf"\b(?:{_WORD_ALT})(?:(?:\s+and\s+|\s*-\s*|\s+)(?:{_WORD_ALT}))*\b", re.IGNORECASE
)
_EN_DIGITS = re.compile(
    r"(?:(?P<cur>US\$|[$£€¥￥])\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:(?P<suffix>bn|mn|mln|bln|trn|tn|[kmbt])\b"
    r"|(?P<ord>st|nd|rd|th)\b|(?P<decade>'?s)\b)?"
    r"(?:\s*(?P<pct>%|per\s?cent\b|percent\b))?"
    r"(?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?"
    r"(?:\s+(?P<curword>dollars?|pounds?|euros?|yuan|usd|rmb)\b)?",
    re.IGNORECASE,
)
_EN_ORDINAL_WORD = re.compile(rf"\b(?:(?:{_WORD_ALT})[\s-]+)?(?:{_ORD_ALT})\b", re.IGNORECASE)
_EN_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<month>{_MONTH_ALT})\b"
    rf"(?:\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>\d{{4}})\b)?",
    re.IGNORECASE,
)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\W*$")
#: Anything that could start a number: a quick test that lets most texts skip the scans.
_EN_ANY = re.compile(
    r"\d|\b(?:"
    + "|".join(
        sorted([*_EN_UNITS, *_EN_MULTIPLIERS, *_EN_SCORE, *_EN_ORDINALS, *_MONTHS], key=len)[::-1]
    )
    + r")",
    re.IGNORECASE,
)
_ZH_LATIN_NUMBER = re.compile(r"[0-9$£€]")
_EN_TOKEN = re.compile(r"[A-Za-z]+")


def english_number_words(words: str) -> Decimal | None:
    """The value of English number words, or None if they state no number.

    >>> english_number_words("nine hundred and thirty")
    Decimal('930')
    >>> english_number_words("two and thirty"), english_number_words("threescore and ten")
    (Decimal('32'), Decimal('70'))
    >>> english_number_words("half a dozen"), english_number_words("a")
    (Decimal('6'), None)
    """
    tokens = [t.lower() for t in _EN_TOKEN.findall(words) if t.lower() != "and"]
    if not tokens:
        return None
    total = Decimal(0)
    current: Decimal | None = None
    half = False
    seen_number = False
    for i, token in enumerate(tokens):
        if token == "half":
            half = True
            continue
        if token in ("a", "an"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt not in _EN_MULTIPLIERS and nxt not in _EN_SCORE:
                return None
            current = (current or Decimal(0)) + 1
            continue
        if token in _EN_UNITS:
            current = (current or Decimal(0)) + _EN_UNITS[token]
            seen_number = True
        elif token in _EN_SCORE:
            if token in ("threescore", "fourscore"):
                current = (current or Decimal(0)) + _EN_SCORE[token]
            else:
                current = (current if current is not None else Decimal(1)) * _EN_SCORE[token]
            seen_number = True
        elif token in _EN_MULTIPLIERS:
            scale = _EN_MULTIPLIERS[token]
            base = current if current is not None else Decimal(1)
            if scale == 100:
                current = base * 100
            else:
                total += base * scale
                current = None
            seen_number = True
        else:
            return None
    if not seen_number:
        return None
    value = total + (current or Decimal(0))
    if half:
        value = value / 2 if value else Decimal("0.5")
    return value


def _canonical(value: Decimal) -> Decimal:
    """``Decimal('320000000')`` rather than ``Decimal('3.2E+8')``; no trailing zeros."""
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value.normalize()


def _parse_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:  # pragma: no cover - the regexes only pass digits
        return None


def _in_identifier(text: str, start: int) -> bool:
    """Whether digits at ``start`` continue a word: ``GPT4``, ``gettyimages-146``.

    The second number of a range (``40-45 hours``, ``10–12%``) is no identifier:
    a run of one to three digits standing alone before the dash.
    """
    if start == 0:
        return False
    before = text[start - 1]
    if before == "_" or (before.isascii() and before.isalpha()):
        return True
    if before in "-–" and _RANGE_START.search(text, max(0, start - 6), start):
        return False
    return before in "-/" and start > 1 and text[start - 2].isascii() and text[start - 2].isalnum()


# "40-" of "40-45": one to three digits (and an optional %), not inside a word or longer run.
_RANGE_START = re.compile(r"(?<![\w.,/-])\d{1,3}%?[-–]$")


def _approx_before(text: str, start: int) -> bool:
    window = text[max(0, start - 16) : start].lower()
    words = _EN_TOKEN.findall(window)
    return bool(words) and (words[-1] in _APPROX_EN or " ".join(words[-2:]) in _APPROX_EN_PAIRS)


def _extract_en(text: str, base: int) -> list[Quantity]:
    if not _EN_ANY.search(text):
        return []  # no digit, number word, ordinal or month: nothing to find
    found: list[Quantity] = []
    taken = Claims(len(text))
    free = taken.free

    def add(q: Quantity) -> None:
        taken.add(q.start - base, q.end - base)
        found.append(q)

    # Dates first, so that "May 2024" is one date, not a number.
    for m in _EN_DATE.finditer(text):
        month_word = m.group("month").lower()
        day = m.group("d1") or m.group("d2")
        year = m.group("year")
        if month_word in _AMBIGUOUS_MONTHS and not (day or year):
            before = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start())
            if m.group("month")[0].islower() or before is None:
                continue
            if before.group(1).lower() not in _MONTH_CUES:
                continue
        try:
            date = PartialDate(
                int(year) if year else None, _MONTHS[month_word], int(day) if day else None
            )
        except ValueError:
            continue
        add(Quantity.at(m, base, None, kind="date", date=date, language="en"))

    for m in _EN_DIGITS.finditer(text):
        start, end = m.start(), m.end()
        # A digit run inside a word ("gettyimages-146", "GPT4") is an identifier.
        if _in_identifier(text, start):
            continue
        if end < len(text) and text[end].isalpha() and not m.group("curword"):
            continue
        if not free(start, end):
            continue
        value = _parse_decimal(m.group("num"))
        if value is None:
            continue
        kind = "cardinal"
        unit: str | None = None
        if m.group("suffix"):
            value *= _SUFFIX_SCALE[m.group("suffix").lower()]
        if m.group("scale"):
            value *= _EN_MULTIPLIERS[m.group("scale").lower()]
        if m.group("ord"):
            kind = "ordinal"
        if m.group("decade"):
            kind = "decade"
        if m.group("pct"):
            kind, unit = "percent", "%"
        cur = m.group("cur") or ""
        if cur:
            kind, unit = "money", _CURRENCY_SIGNS[cur.upper() if cur != "US$" else cur]
        elif m.group("curword"):
            kind, unit = "money", _CURRENCY_WORDS[m.group("curword").lower()]
        add(
            Quantity(
                m.group(0),
                base + start,
                base + end,
                _canonical(value),
                unit=unit,
                kind=kind,
                approximate=_approx_before(text, start),
                language="en",
            )
        )

    for m in _EN_ORDINAL_WORD.finditer(text):
        if not free(m.start(), m.end()):
            continue
        words = _EN_TOKEN.findall(m.group(0).lower())
        last = words[-1]
        if last == "second":
            before = _WORD_BEFORE.search(text, max(0, m.start() - 8), m.start())
            if before is None or before.group(1).lower() not in ("the", "a", "his", "her"):
                continue
        prefix = english_number_words(" ".join(words[:-1])) if len(words) > 1 else None
        value = Decimal(_EN_ORDINALS[last]) + (prefix or 0)
        add(Quantity.at(m, base, value, kind="ordinal", language="en"))

    for m in _EN_NUMBER_WORDS.finditer(text):
        if not free(m.start(), m.end()):
            continue
        phrase, begin = m.group(0), m.start()
        value = english_number_words(phrase)
        # Trim a leading article that is not part of the number ("a" before "dozen" is):
        # "a two-week pause" states two.
        article = re.match(r"(?i)an?\s+", phrase)
        if value is None and article:
            phrase, begin = phrase[article.end() :], begin + article.end()
            value = english_number_words(phrase)
        if value is None:
            continue
        end = m.end()
        unit = None
        kind = "cardinal"
        tail = re.match(
            r"\s+(?:(?P<pct>per\s?cent|percent)|(?P<cur>dollars?|pounds?))\b",
            text[end:],
            re.IGNORECASE,
        )
        if tail:
            end += tail.end()
            if tail.group("pct"):
                kind, unit = "percent", "%"
            else:
                kind, unit = "money", _CURRENCY_WORDS[tail.group("cur").lower()]
        add(
            Quantity(
                text[begin:end],
                base + begin,
                base + end,
                value,
                unit=unit,
                kind=kind,
                approximate=_approx_before(text, begin) or phrase.lower() == "dozen",
                language="en",
            )
        )
    return found


# ---------------------------------------------------------------------------
# Chinese

_ZH_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_ZH_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_ZH_BIG_UNITS = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_ZH_NUMERAL_CHARS = "".join([*_ZH_DIGITS, *_ZH_SMALL_UNITS, *_ZH_BIG_UNITS])

#: Measure words and units after which a lone numeral character is a number.
_ZH_MEASURES = (
    "个位名人次年月日天岁周星期小时分钟秒倍家种场篇本件条只头匹张项层代世纪"
    "元块座所辆架部台首句章节卷回遍趟对双批组群支片份成斤尺寸里米吨艘颗棵根口户届期"
    "轮票股笔度夜晚季载钱千百万亿十美英镑欧"
    # the same measure words in Traditional characters
    "個週時鐘種場條隻頭張項層紀塊輛臺節對雙組輪筆億萬錢歐鎊歲屆"
)
_ZH_NOT_NUMBERS = _words(
    "十分 万一 一些 一切 一直 一起 一样 一般 一定 一致 统一 唯一 一旦 一下 一点 一边 一面 "
    "一同 一齐 千万 万万 一向 一再 一味 一律 一概 一度 三思 一一 一年四季"
)
_ZH_CURRENCY = (("美元", "USD"), ("英镑", "GBP"), ("欧元", "EUR"), ("人民币", "CNY"), ("元", "CNY"))
_ZH_SPACES = " \t\u00a0\u2009\u202f\u3000"
_ZH_APPROX_BEFORE = ("近", "约", "大约", "将近", "接近", "超过", "逾", "多达", "上", "数", "几")

_ZH_DATE = re.compile(
    r"(?:(?P<year>\d{4}|[零〇○一二三四五六七八九]{4})\s*年\s*)?"
    r"(?P<month>\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月"
    r"(?:\s*(?P<day>\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号])?"
)
_ZH_YEAR = re.compile(r"(?P<year>\d{4})\s*年(?!代|龄|纪|薪|级|间|限|会|轻|来|初|底|末|度)")
_ZH_AMOUNT = re.compile(
    r"(?P<pct_pre>百分之)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    r"|[" + _ZH_NUMERAL_CHARS + r"]+(?:点[" + "".join(_ZH_DIGITS) + r"]+)?)"
    r"(?P<approx>[多余几]?)"
    r"(?:\s*(?P<big>[万萬亿億兆]+))?"
    r"(?P<pct>\s*[%％])?"
)


def chinese_numeral_value(numeral: str) -> Decimal | None:
    """The value of a Chinese numeral, or None if it is not one.

    >>> chinese_numeral_value("九百三十"), chinese_numeral_value("一百零五")
    (Decimal('930'), Decimal('105'))
    >>> chinese_numeral_value("十二"), chinese_numeral_value("三点二亿")
    (Decimal('12'), Decimal('320000000'))
    >>> chinese_numeral_value("二〇二四"), chinese_numeral_value("好")
    (Decimal('2024'), None)
    """
    if not numeral:
        return None
    if "点" in numeral:
        whole, _, rest = numeral.partition("点")
        big = 1
        while rest and rest[-1] in _ZH_BIG_UNITS:
            big *= _ZH_BIG_UNITS[rest[-1]]
            rest = rest[:-1]
        if not rest or any(c not in _ZH_DIGITS for c in rest):
            return None
        head = chinese_numeral_value(whole) if whole else Decimal(0)
        if head is None:
            return None
        frac = Decimal("0." + "".join(str(_ZH_DIGITS[c]) for c in rest))
        return _canonical((head + frac) * big)
    if any(
        c not in _ZH_DIGITS and c not in _ZH_SMALL_UNITS and c not in _ZH_BIG_UNITS for c in numeral
    ):
        return None
    # A run of plain digits ("二〇二四") reads digit by digit.
    if len(numeral) > 1 and all(c in _ZH_DIGITS and c not in "两兩" for c in numeral):
        return Decimal("".join(str(_ZH_DIGITS[c]) for c in numeral))
    total = 0  # finished big-unit sections
    section = 0  # the current section below 10,000
    digit = 0
    for c in numeral:
        if c in _ZH_DIGITS:
            digit = _ZH_DIGITS[c]
        elif c in _ZH_SMALL_UNITS:
            section += (digit or 1) * _ZH_SMALL_UNITS[c]
            digit = 0
        else:
            unit = _ZH_BIG_UNITS[c]
            section += digit
            digit = 0
            if unit > total:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
    return Decimal(total + section + digit)


def _zh_value(num: str) -> Decimal | None:
    if num[0].isdigit():
        return _parse_decimal(num)
    return chinese_numeral_value(num)


def _zh_day_month(value: str) -> int | None:
    parsed = _zh_value(value)
    return int(parsed) if parsed is not None else None


def _extract_zh(text: str, base: int) -> list[Quantity]:
    found: list[Quantity] = []
    taken = Claims(len(text))
    free = taken.free

    for m in _ZH_DATE.finditer(text):
        year = m.group("year")
        month = _zh_day_month(m.group("month"))
        day = _zh_day_month(m.group("day")) if m.group("day") else None
        # A lone numeral character before 月 must not be part of a longer number.
        if m.start() > 0 and text[m.start() - 1] in _ZH_NUMERAL_CHARS + "0123456789第":
            continue
        try:
            date = PartialDate(int(_zh_value(year) or 0) if year else None, month, day)
        except ValueError:
            continue
        taken.add(m.start(), m.end())
        found.append(Quantity.at(m, base, None, kind="date", date=date, language="zh"))
    for m in _ZH_YEAR.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        found.append(
            Quantity.at(
                m, base, None, kind="date", date=PartialDate(int(m.group("year"))), language="zh"
            )
        )

    for m in _ZH_AMOUNT.finditer(text):
        start, end = m.start(), m.end()
        num = m.group("num")
        if not free(start, end):
            continue
        if num[0].isdigit():
            if _in_identifier(text, start):
                continue  # part of an identifier such as "gettyimages-1460688324" or "GPT4"
            if end < len(text) and text[end].isascii() and text[end].isalpha():
                continue
        else:
            # Chinese numerals: reject words and lone characters without a measure word.
            word2 = text[start : start + 2]
            in_word = (
                word2 in _ZH_NOT_NUMBERS or text[max(0, start - 1) : start + 1] in _ZH_NOT_NUMBERS
            )
            if in_word and len(num) <= 2:
                continue
            if text[start : start + 4] in _ZH_NOT_NUMBERS:
                continue
            after = text[end : end + 1]
            ordinal_before = start > 0 and text[start - 1] == "第"
            if (
                len(num) == 1
                and not ordinal_before
                and not (after and after in _ZH_MEASURES)
                and not m.group("big")
                and not m.group("pct_pre")
            ):
                continue
            if (
                num in ("万", "亿", "千", "百", "十")
                and not ordinal_before
                and not m.group("pct_pre")
                and not (after and after in _ZH_MEASURES)
            ):
                continue
        value = _zh_value(num)
        if value is None:
            continue
        big = m.group("big") or ""
        for c in big:
            value *= _ZH_BIG_UNITS[c]
        kind = "cardinal"
        unit: str | None = None
        q_end = end
        if m.group("pct_pre") or m.group("pct"):
            kind, unit = "percent", "%"
        else:
            for word, code in _ZH_CURRENCY:
                if text.startswith(word, end):
                    kind, unit = "money", code
                    q_end = end + len(word)
                    break
        q_start = start
        if start > 0 and text[start - 1] == "第":
            kind = "ordinal"
            q_start = start - 1
        # "近 3.2 亿": a space between the hedge and the number changes nothing.
        hedge_end = start
        while hedge_end > 0 and text[hedge_end - 1] in _ZH_SPACES:
            hedge_end -= 1
        approx = bool(m.group("approx")) or any(
            text.endswith(w, 0, hedge_end) for w in _ZH_APPROX_BEFORE
        )
        if text.startswith("年", q_end) and unit is None:
            pass
        taken.add(start, end)
        found.append(
            Quantity(
                text[q_start:q_end],
                base + q_start,
                base + q_end,
                _canonical(value),
                unit=unit,
                kind=kind,
                approximate=approx,
                language="zh",
            )
        )
    return found


def extract_numbers(text: str, language: str | None = None) -> tuple[Quantity, ...]:
    """Find the numbers, amounts, percentages and dates in ``text``.

    Args:
        text: The text to search.
        language: ``"en"``, ``"zh"`` (or any Chinese tag), or None to guess
            with :func:`~aistress.text.language.detect_language`. Chinese
            text is also searched with the English rules for the Latin-script
            stretches it holds (``$90 billion`` quoted in a Chinese sentence).

    Returns:
        The quantities in the order of their start offsets, none overlapping.

    Linear in ``len(text)``. The quantities of the last few thousand
    paragraph-sized texts are kept: a report reads the same paragraph's
    numbers for its alignments and again for each comparison it takes part in.

    >>> [(q.text, str(q.value)) for q in extract_numbers("每周 100 小时, 六天, 第一年", "zh")]
    [('100', '100'), ('六', '6'), ('第一', '1')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if language is None:
        language = detect_language(text)
    return _kept_numbers(text, language)


def _numbers(text: str, language: str) -> tuple[Quantity, ...]:
    """:func:`extract_numbers` of ``text`` in ``language``."""
    if is_chinese(language):
        found = _extract_zh(text, 0)
        taken = Claims(len(text))
        for q in found:
            taken.add(q.start, q.end)
        english = _extract_en(text, 0) if _ZH_LATIN_NUMBER.search(text) else []
        for q in english:
            wanted = q.kind in ("date", "money", "percent") or q.value is None
            if wanted and taken.free(q.start, q.end):
                found.append(q)
        found = [q for q in found if q.language == "zh" or q.value is not None or q.date]
    else:
        found = _extract_en(text, 0)
    found.sort(key=lambda q: (q.start, -q.end))
    out: list[Quantity] = []
    last_end = -1
    for q in found:
        if q.start >= last_end:
            out.append(q)
            last_end = q.end
    return tuple(out)


_kept_numbers = kept(_numbers)
