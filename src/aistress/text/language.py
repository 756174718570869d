"""Language: which characters are Han, which Latin, and which language a text is.

Every module of aistress that asks "is this Chinese?" asks here, so that the
answer does not depend on who asks:

- :data:`HAN`: the one character class of Han ideographs (CJK Unified
  Ideographs and their extensions, compatibility ideographs, ``々`` and
  ``〇``), for building regular expressions;
- :data:`HAN_CHAR`, :data:`HAN_RUN`: compiled patterns for one Han character
  and a run of them;
- :func:`is_han`, :func:`has_han`: tests on one character and on a text;
- :func:`letter_counts`: Latin letters and Han characters in a text;
- :func:`detect_language`: ``"zh"`` or ``"en"`` by those counts;
- :func:`is_chinese`: whether a language tag names Chinese.

All functions are linear in the length of the text.

>>> detect_language("AI 研究者压力很大"), detect_language("Stress in AI")
('zh', 'en')
>>> letter_counts("AI研究者 work")
(6, 3)
"""

from __future__ import annotations

import functools
import re

__all__ = [
    "HAN",
    "HAN_CHAR",
    "HAN_RUN",
    "LATIN",
    "detect_language",
    "has_han",
    "is_chinese",
    "is_han",
    "letter_counts",
    "primary_language",
]

#: Han ideographs as the body of a regex character class (no brackets):
#: iteration mark ``々``, ideographic zero ``〇``, CJK Unified Ideographs with
#: Extension A, compatibility ideographs and the supplementary-plane extensions.
HAN = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Latin letters (ASCII and Latin-1 Supplement to Latin Extended-B) as a class body.
LATIN = "A-Za-z\u00c0-\u024f"

#: One Han character.
HAN_CHAR = re.compile(f"[{HAN}]")
#: A maximal run of Han characters.
HAN_RUN = re.compile(f"[{HAN}]+")

_NOT_HAN = re.compile(f"[^{HAN}]+")
_NOT_LATIN = re.compile(f"[^{LATIN}]+")
_CACHED_LENGTH = 1000  # texts up to this long have their counts cached

#: Primary subtags that name a Chinese language.
_CHINESE_TAGS = frozenset({"zh", "yue", "cmn", "wuu", "gan", "hak", "hsn", "nan", "cdo", "lzh"})


def is_han(char: str) -> bool:
    """Whether ``char`` (one character) is a Han ideograph.

    >>> is_han("压"), is_han("A"), is_han("")
    (True, False, False)
    """
    return HAN_CHAR.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` holds at least one Han character."""
    return HAN_CHAR.search(text) is not None


def letter_counts(text: str) -> tuple[int, int]:
    """``(Latin letters, Han characters)`` in ``text``; other characters do not count.

    Short texts (lines, paragraphs) are cached, since several readers and
    analysers ask about the same lines.
    """
    if len(text) <= _CACHED_LENGTH:
        return _cached_counts(text)
    return _counts(text)


def _counts(text: str) -> tuple[int, int]:
    return len(_NOT_LATIN.sub("", text)), len(_NOT_HAN.sub("", text))


_cached_counts = functools.lru_cache(maxsize=4096)(_counts)


def detect_language(text: str, default: str = "en", *, han_per_letter: float = 1 / 3) -> str:
    """``"zh"`` or ``"en"`` by the share of Han characters among the letters of ``text``.

    A Han character carries about as much as a short English word, so a text
    is Chinese when it holds at least one Han character for every
    ``1 / han_per_letter`` Latin letters (three by default); a text with
    neither script gives ``default``.

    >>> detect_language("OpenAI举办了12场直播"), detect_language("It's tough.")
    ('zh', 'en')
    >>> detect_language("42", default="zh")
    'zh'
    """
    latin, han = letter_counts(text)
    if not latin and not han:
        return default
    return "zh" if han and han >= latin * han_per_letter else "en"


def primary_language(tag: str) -> str:
    """The primary subtag of a language tag, lower-cased (``"zh-Hans"`` → ``"zh"``).

    >>> primary_language("zh-Hans"), primary_language("EN")
    ('zh', 'en')
    """
    return tag.split("-")[0].lower()


def is_chinese(language: str | None) -> bool:
    """Whether a language tag names Chinese (``zh``, ``zh-CN``, ``yue`` ...).

    >>> is_chinese("zh-CN"), is_chinese("en"), is_chinese(None)
    (True, False, False)
    """
    if not language:
        return False
    return primary_language(language) in _CHINESE_TAGS
