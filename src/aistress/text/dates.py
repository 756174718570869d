"""Dates: the one printed-date parser and the one Chinese date printer.

- :data:`MONTHS`: English month names and abbreviations to month numbers;
- :func:`find_date`: the first printed date in a string (``01月25日``,
  ``2024年10月20日``, ``2024-10-20``, ``January 25, 2024``) as a
  :class:`~aistress.model.PartialDate` with its offsets;
- :class:`~aistress.model.PartialDate` itself, a date of which parts may be
  unknown (defined here so the text layer needs no model; the model
  re-exports it as :class:`aistress.model.PartialDate`);
- :func:`format_chinese_date`: print a date the way Chinese pages do.

Numbers that are dates inside running text (``2024 年 5 月`` in a sentence)
are found by :func:`aistress.text.numbers.extract_numbers`, which uses the
same month table.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import attrs

from aistress.errors import InvalidValueError

__all__ = ["MONTHS", "DateMatch", "PartialDate", "find_date", "format_chinese_date"]

_ISO_DATE = re.compile(
    r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?|--(?P<m2>\d{2})(?:-(?P<d2>\d{2}))?)$"
)


def _opt_int(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, "must be an int or None"
        )


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
