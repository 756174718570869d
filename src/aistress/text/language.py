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
- :func:`detect_language`: ``"zh"`` or ``"en"`` by those counts
  (:func:`language_from_counts` when the counts are at hand);
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
from itertools import compress, repeat
from operator import add, contains, ne, not_

__all__ = [
    "HAN",
    "HAN_CHAR",
    "HAN_RUN",
    "LATIN",
    "detect_language",
    "has_han",
    "is_chinese",
    "is_han",
    "language_from_counts",
    "letter_counts",
    "letter_counts_many",
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
    """Both counts with byte operations in C, for any text (see :func:`_reference_counts`).

    ASCII text holds no Han character, and its letters are the bytes left after
    deleting every other byte. Otherwise the text is encoded once as UTF-16: its
    characters below U+0100 are the Latin-1 encoding's bytes, and the high byte
    of each UTF-16 unit tells the blocks of U+0100-U+01FF (Latin) and of most Han
    ideographs apart. The few ranges a high byte cannot decide (U+0200-U+02FF,
    U+4D00-U+4DFF, the supplementary planes and lone surrogates) are counted by
    the regular expressions, only when the text holds them; a text with a lone
    surrogate is counted by the regular expressions alone.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _NOT_ASCII_LETTER)), 0
    try:
        high = text.encode("utf-16-le")[1::2]
    except UnicodeEncodeError:  # a lone surrogate
        return _reference_counts(text)
    latin = len(text.encode("latin-1", "ignore").translate(None, _NOT_LATIN_1_LETTER))
    latin += high.count(1)
    if 2 in high:
        latin += sum(map(len, _LATIN_B_RUN.findall(text)))
    han = len(high.translate(None, _NOT_HAN_HIGH)) + text.count("\u3005") + text.count("\u3007")
    if 0x4D in high:
        han += sum(map(len, _HAN_4D_RUN.findall(text)))
    if high.translate(None, _NOT_SURROGATE_HIGH):
        han += sum(map(len, _HAN_ASTRAL_RUN.findall(text)))
    return latin, han


def _reference_counts(text: str) -> tuple[int, int]:
    """The counts by the definition: what :data:`LATIN` and :data:`HAN` match."""
    return len(_NOT_LATIN.sub("", text)), len(_NOT_HAN.sub("", text))


def _bytes_except(*ranges: tuple[int, int]) -> bytes:
    """Every byte value outside the inclusive ``ranges``: a delete table for ``bytes.translate``."""
    return bytes(b for b in range(256) if not any(lo <= b <= hi for lo, hi in ranges))


_NOT_ASCII_LETTER = _bytes_except((0x41, 0x5A), (0x61, 0x7A))
_NOT_LATIN_1_LETTER = _bytes_except((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xFF))
# High bytes of UTF-16 units that are Han whatever the low byte: U+3400-U+4CFF,
# U+4E00-U+9FFF, U+F900-U+FAFF.
_NOT_HAN_HIGH = _bytes_except((0x34, 0x4C), (0x4E, 0x9F), (0xF9, 0xFA))
_NOT_SURROGATE_HIGH = _bytes_except((0xD8, 0xDF))
_LATIN_B_RUN = re.compile("[\u0200-\u024f]+")
_HAN_4D_RUN = re.compile("[\u4d00-\u4dbf]+")
_HAN_ASTRAL_RUN = re.compile("[\U00020000-\U0003134f]+")

_cached_counts = functools.lru_cache(maxsize=4096)(_counts)

# Separators for :func:`letter_counts_many`: NUL between the texts in the Latin-1
# stream, U+0A0A (high byte 0x0A) in the stream of UTF-16 high bytes.
_NOT_LATIN_1_LETTER_OR_NUL = _bytes_except((0x00, 0x00), (0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xFF))
_NOT_HAN_HIGH_OR_SEP = _bytes_except((0x0A, 0x0A), (0x34, 0x4C), (0x4E, 0x9F), (0xF9, 0xFA))
_NOT_LATIN_A_HIGH_OR_SEP = _bytes_except((0x01, 0x01), (0x0A, 0x0A))


def letter_counts_many(texts: list[str]) -> tuple[list[int], list[int]]:
    """``[letter_counts(t)[0] ...]`` and ``[letter_counts(t)[1] ...]`` for many texts at once.

    The same counts as :func:`letter_counts` text by text, taken with a few
    byte operations in C over all the texts joined (one separator between
    them, a character of its own in each byte stream), then split at the
    separators; a text that holds a character the byte streams cannot decide
    is counted alone, and texts that hold a separator (NUL or U+0A00-U+0AFF)
    one by one. For readers, which count every
    paragraph of a document. Linear in the total length.

    ASCII texts (most lines of an English body) are counted apart, in their
    own byte stream, where a letter is a byte.

    >>> letter_counts_many(["AI研究者 work", "", "压力", "Élan 42"])
    ([6, 0, 0, 4], [3, 0, 2, 0])
    """
    if not texts:
        return [], []
    plain = list(map(str.isascii, texts))
    if all(plain):
        return _ascii_letters(texts), [0] * len(texts)
    if not any(plain):
        return _wide_counts(texts)
    latin, han = _wide_counts(list(compress(texts, map(not_, plain))))
    ascii_latin = _ascii_letters(list(compress(texts, plain)))
    # Merged back in order, in C: each text takes the next count of its kind.
    latin_sides = (iter(latin), iter(ascii_latin))
    han_sides = (iter(han), repeat(0))
    return (
        list(map(next, map(latin_sides.__getitem__, plain))),
        list(map(next, map(han_sides.__getitem__, plain))),
    )


_NOT_ASCII_LETTER_OR_NUL = _bytes_except((0x00, 0x00), (0x41, 0x5A), (0x61, 0x7A))


def _ascii_letters(texts: list[str]) -> list[int]:
    """The Latin letters of each of the ASCII ``texts``: the bytes left of the letters."""
    joined = "\x00".join(texts).encode("ascii")
    latin = list(map(len, joined.translate(None, _NOT_ASCII_LETTER_OR_NUL).split(b"\x00")))
    if len(latin) != len(texts):  # a text holds a NUL
        return [len(text.encode("ascii").translate(None, _NOT_ASCII_LETTER)) for text in texts]
    return latin


def _wide_counts(texts: list[str]) -> tuple[list[int], list[int]]:
    """:func:`letter_counts_many` of texts, by the Latin-1 and UTF-16 byte streams."""
    joined = "\x00".join(texts)
    encoded = joined.encode("latin-1", "ignore")
    latin = list(map(len, encoded.translate(None, _NOT_LATIN_1_LETTER_OR_NUL).split(b"\x00")))
    if len(latin) != len(texts):  # a text holds a NUL
        return _one_by_one(texts)
    if len(encoded) == len(joined):  # all below U+0100: no Han, no letter past Latin-1
        return latin, [0] * len(texts)
    try:
        high = "\u0a0a".join(texts).encode("utf-16-le")[1::2]
    except UnicodeEncodeError:  # a lone surrogate
        return _one_by_one(texts)
    han_bytes = high.translate(None, _NOT_HAN_HIGH_OR_SEP)
    if len(han_bytes) == len(texts) - 1:  # the separators alone: no Han character
        han = [0] * len(texts)
    else:
        han = list(map(len, han_bytes.split(b"\x0a")))
    if len(han) != len(texts):  # a text holds a character U+0A00-U+0AFF
        return _one_by_one(texts)
    if 1 in high:
        latin_a = high.translate(None, _NOT_LATIN_A_HIGH_OR_SEP).split(b"\x0a")
        latin = list(map(add, latin, map(len, latin_a)))
    # Texts holding a character the high bytes cannot decide are counted alone,
    # found by tests in C on each text's part of the streams.
    rare: set[int] = set()
    astral = len(high) != len(joined)  # a surrogate pair: a character past U+FFFF
    undecided = [byte for byte in (2, 0x4D) if byte in high]
    parts = high.split(b"\x0a") if undecided or astral else []
    for byte in undecided:
        rare.update(compress(range(len(texts)), map(contains, parts, repeat(byte))))
    if astral:
        # Only a Han character past U+FFFF escapes the streams (an emoji is no
        # letter of either script): texts holding one are counted alone.
        holding = list(compress(range(len(texts)), map(ne, map(len, parts), map(len, texts))))
        if _HAN_ASTRAL_RUN.search("\x00".join([texts[k] for k in holding])):
            rare.update(holding)
    if 0x30 in high:
        for char in "\u3005\u3007":
            if char in joined:
                rare.update(compress(range(len(texts)), map(contains, texts, repeat(char))))
    for k in rare:
        latin[k], han[k] = _counts(texts[k])
    return latin, han


def _one_by_one(texts: list[str]) -> tuple[list[int], list[int]]:
    counts = list(map(_counts, texts))
    return [c[0] for c in counts], [c[1] for c in counts]


def detect_language(text: str, default: str = "en", *, han_per_letter: float = 1 / 3) -> str:
    """``"zh"`` or ``"en"`` by the share of Han characters among the letters of ``text``.

    A Han character carries about as much as a short English word, so a text
    is Chinese when it holds at least one Han character for every
    ``1 / han_per_letter`` Latin letters (three by default); a text with
    neither script gives ``default``.

    >>> detect_language("NimbusLab办了9场线上分享"), detect_language("It's tough.")
    ('zh', 'en')
    >>> detect_language("42", default="zh")
    'zh'
    """
    latin, han = letter_counts(text)
    return language_from_counts(latin, han, default, han_per_letter=han_per_letter)


def language_from_counts(
    latin: int, han: int, default: str = "en", *, han_per_letter: float = 1 / 3
) -> str:
    """:func:`detect_language` from counts already taken by :func:`letter_counts`.

    >>> language_from_counts(4, 1), language_from_counts(4, 1, han_per_letter=1 / 4)
    ('en', 'zh')
    """
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
