"""Dates: the one printed-date parser and the one Chinese date printer.

- :data:`MONTHS`: English month names and abbreviations to month numbers;
- :func:`find_date`: the first printed date in a string (``01月25日``,
  ``2024年10月20日``, ``2024-10-20``, ``January 25, 2024``) as a
  :class:`~aistress.model.PartialDate` with its offsets;
- :func:`format_chinese_date`: print a date the way Chinese pages do.

Numbers that are dates inside running text (``2024 年 5 月`` in a sentence)
are found by :func:`aistress.text.numbers.extract_numbers`, which uses the
same month table.
"""

from __future__ import annotations

import re

import attrs

from aistress.errors import InvalidValueError
from aistress.model import PartialDate

__all__ = ["MONTHS", "DateMatch", "find_date", "format_chinese_date"]

_MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)

#: Lower-case English month names and abbreviations to month numbers (1 to 12).
MONTHS: dict[str, int] = {
    name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names
}

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*[日号])?"),
    re.compile(r"(?<!\d)(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]"),
    re.compile(r"(?<![\d-])(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)"),
    re.compile(
        rf"(?<![A-Za-z])(?P<mn>{_MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
        r"(?:,?\s+(?P<y>\d{4}))?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<mn>{_MONTH_ALT})\.?"
        r"(?:,?\s+(?P<y>\d{4}))?(?![A-Za-z])",
        re.IGNORECASE,
    ),
    re.compile(r"(?<!\d)(?P<y>\d{4})\s*年(?!\s*\d)"),
)


@attrs.frozen
class DateMatch:
    """A date found in a string: the date and where it was printed."""

    date: PartialDate
    start: int
    end: int


def find_date(text: str) -> DateMatch | None:
    """Find the first printed date in ``text`` (first pattern that matches wins).

    Understands ``2024年10月20日``, ``01月25日`` (no year: kept partial),
    ``2024-10-20`` and ``2024/10/20``, ``January 25, 2024``, ``Jan. 25``,
    ``25 January 2024`` and a bare ``2024年``. A match that names no real day
    (``02月30日``) is skipped. Linear in ``len(text)`` per pattern.

    >>> find_date("Harbor Ledger 03月14日").date
    PartialDate(year=None, month=3, day=14)
    >>> find_date("Posted January 25, 2025 at noon").date.isoformat()
    '2025-01-25'
    """
    for pattern in _DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            try:
                month = (
                    MONTHS[groups["mn"].lower()]
                    if groups.get("mn")
                    else int(groups["m"])
                    if groups.get("m")
                    else None
                )
                year = int(groups["y"]) if groups.get("y") else None
                day = int(groups["d"]) if groups.get("d") else None
                date = PartialDate(year, month, day)
            except (InvalidValueError, KeyError):
                continue
            return DateMatch(date, match.start(), match.end())
    return None


def format_chinese_date(date: PartialDate, *, pad: bool = True) -> str:
    """Print a date the way Chinese pages do (``2024年10月20日``, ``01月25日``).

    Month and day are zero-padded to two digits, as news pages print them;
    ``pad=False`` prints them as they are (``2024年5月3日``), as prose does.

    >>> format_chinese_date(PartialDate(month=1, day=25))
    '01月25日'
    >>> format_chinese_date(PartialDate(2024, 5, 3), pad=False)
    '2024年5月3日'
    """
    width = 2 if pad else 1
    out = "" if date.year is None else f"{date.year}年"
    if date.month is not None:
        out += f"{date.month:0{width}d}月"
        if date.day is not None:
            out += f"{date.day:0{width}d}日"
    return out
