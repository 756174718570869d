"""Which script a reader's texts are in: Latin letters against Han characters.

The functions readers use to choose an article's language and mark the
paragraphs in the other one (:mod:`aistress.formats._common` offers them to
every reader; they count with :mod:`aistress.text.language`). While a reader
wrapped by :func:`~aistress.formats._common.checked_reader` runs, each
text's counts are kept for the read (:data:`_read_memo`).
"""

from __future__ import annotations

import functools
import threading
from collections import deque
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import add, and_, eq, ge, mul, or_, truediv

from aistress.text.language import (
    _bytes_except,
    language_from_counts,
    letter_counts,
    letter_counts_many,
)

__all__ = [
    "foreign",
    "language_of",
    "languages",
    "languages_of_counts",
    "main_language",
    "script_counts",
    "script_counts_many",
]

# The letter counts of the texts asked about during the read running in this thread.
_read_memo = threading.local()


def script_counts(text: str) -> tuple[int, int]:
    """``(Latin letters, Han characters)`` in ``text``, as the text layer counts them.

    While a reader wrapped by :func:`checked_reader` runs, each text's counts
    are taken once for the whole read: readers ask about a line when they pick
    the body's language and again when they read it.
    """
    memo: dict[str, tuple[int, int]] | None = getattr(_read_memo, "counts", None)
    if memo is None:
        return letter_counts(text)
    counts = memo.get(text)
    if counts is None:
        counts = memo[text] = letter_counts(text)
    return counts


def language_of(text: str) -> str | None:
    """``"zh"`` or ``"en"`` by the script of the letters, or None if there are none.

    A Han character carries about as much as a short English word, so the text
    counts as Chinese when it has at least one Han character for every four
    Latin letters.

    >>> language_of("NimbusLab办了9场线上分享"), language_of("It's tough."), language_of("42")
    ('zh', 'en', None)
    """
    latin, han = script_counts(text)
    if not latin and not han:
        return None
    return language_from_counts(latin, han, han_per_letter=1 / 4)


def main_language(texts: Iterable[str]) -> str | None:
    """The language (see :func:`language_of`) of most of ``texts``.

    Each text (a paragraph) is one vote, so one Chinese line in an English
    body does not make the body Chinese; a tie goes to the language with more
    words (five Latin letters or one Han character counting as a word).

    >>> main_language(["An English paragraph.", "中文一句。", "More English."])
    'en'
    """
    return languages(texts)[0]


def languages(texts: Iterable[str]) -> tuple[str | None, list[str | None]]:
    """:func:`main_language` of ``texts`` and :func:`language_of` of each, counting each once.

    >>> languages(["An English paragraph.", "中文一句。", "More English.", "42"])
    ('en', ['en', 'zh', 'en', None])
    """
    texts = list(texts)
    if len(texts) >= _MANY:
        return _languages_many(texts)
    return _languages_one_by_one(texts)


def _languages_one_by_one(texts: list[str]) -> tuple[str | None, list[str | None]]:
    """:func:`languages` by its definition, text by text (the reference for the bulk path)."""
    return _languages_by_definition(map(script_counts, texts))


def _languages_by_definition(
    counts: Iterable[tuple[int, int]],
) -> tuple[str | None, list[str | None]]:
    """:func:`languages_of_counts` by its definition, one ``(latin, han)`` pair at a time."""
    votes: dict[str, list[float]] = {}
    each: list[str | None] = []
    for latin, han in counts:
        language = None
        if latin or han:  # what language_of says, from the same counts
            language = language_from_counts(latin, han, han_per_letter=1 / 4)
            vote = votes.setdefault(language, [0.0, 0.0])
            vote[0] += 1
            vote[1] += latin / 5 + han
        each.append(language)
    if not votes:
        return None, each
    return max(sorted(votes), key=lambda lang: tuple(votes[lang])), each


#: From this many texts on, :func:`languages` counts them all at once.
_MANY = 32


def _languages_many(texts: list[str]) -> tuple[str | None, list[str | None]]:
    """:func:`languages` of many texts, counted together by :func:`letter_counts_many`.

    The same answer as the loop text by text (a property test compares them):
    the same languages, the same votes, the weights summed in the same order.
    Texts without a Han character need no counts (see :func:`_without_han`).
    """
    each = _without_han(texts)
    if each is not None:
        return ("en" if "en" in each else None), each
    return languages_of_counts(*letter_counts_many(texts))


# UTF-8 lead bytes of the characters from U+3000 to U+9FFF and U+F000 to
# U+3FFFF: every Han character starts with one.
_NOT_HAN_LEAD = _bytes_except((0xE3, 0xE9), (0xEF, 0xF0))
# ASCII letters and the lead bytes of U+00C0 to U+023F, all Latin letters, and NUL.
_NOT_LATIN_OR_NUL = _bytes_except((0x00, 0x00), (0x41, 0x5A), (0x61, 0x7A), (0xC3, 0xC8))


def _without_han(texts: list[str]) -> list[str | None] | None:
    """:func:`language_of` of each text, if no text holds a Han character; else None.

    Without Han characters a text is English when it holds a Latin letter and
    has no language otherwise: that is asked of the texts' UTF-8 bytes,
    joined by NUL, in C (a letter's lead byte tells it is one, but for
    U+0240 to U+027F, so texts holding those are left to the counts, as are
    texts holding a NUL or a lone surrogate). The first texts are looked at
    alone first, so a Chinese document is not encoded whole for nothing.
    """
    for sample in (texts[:64], texts) if len(texts) > 64 else (texts,):
        joined = "\x00".join(sample)
        try:
            data = joined.encode("utf-8")
        except UnicodeEncodeError:
            return None
        if not joined.isascii() and (b"\xc9" in data or data.translate(None, _NOT_HAN_LEAD)):
            return None
    letters = data.translate(None, _NOT_LATIN_OR_NUL).split(b"\x00")
    if len(letters) != len(texts):  # a text holds a NUL
        return None
    return list(map(_EN_IF_LETTERED.__getitem__, map(bool, letters)))


_EN_IF_LETTERED: tuple[str | None, str] = (None, "en")

# The UTF-8 lead bytes of the Han characters' ranges (see _NOT_HAN_LEAD) and of
# U+0240 to U+027F (a lead byte cannot tell those letters from the others), and NUL.
_NOT_UNDECIDED_OR_NUL = _bytes_except((0x00, 0x00), (0xC9, 0xC9), (0xE3, 0xE9), (0xEF, 0xF0))


def script_counts_many(texts: list[str]) -> tuple[list[int], list[int]]:
    """:func:`letter_counts_many` of ``texts``, those without a Han character counted in bytes.

    In a text without a Han character (no UTF-8 lead byte one can start with)
    and without a character from U+0240 to U+027F, the Latin letters are the
    bytes of ASCII letters and the lead bytes of U+00C0 to U+023F: counted in
    C over all the texts' UTF-8 bytes, joined by NUL. The other texts are
    counted by :func:`letter_counts_many`, and all of them when they are most
    (a Chinese document), or a text holds a NUL or a lone surrogate.
    """
    if len(texts) < _MANY:
        return letter_counts_many(texts)
    joined = "\x00".join(texts)
    try:
        data = joined.encode("utf-8")
    except UnicodeEncodeError:
        return letter_counts_many(texts)
    undecided = list(map(bool, data.translate(None, _NOT_UNDECIDED_OR_NUL).split(b"\x00")))
    rest = list(compress(range(len(texts)), undecided))
    if len(undecided) != len(texts) or len(rest) * 2 > len(texts):
        return letter_counts_many(texts)
    latin = list(map(len, data.translate(None, _NOT_LATIN_OR_NUL).split(b"\x00")))
    han = [0] * len(texts)
    if rest:
        latin_rest, han_rest = letter_counts_many([texts[k] for k in rest])
        deque(map(latin.__setitem__, rest, latin_rest), maxlen=0)
        deque(map(han.__setitem__, rest, han_rest), maxlen=0)
    return latin, han


def languages_of_counts(
    latin: Sequence[int], han: Sequence[int]
) -> tuple[str | None, list[str | None]]:
    """:func:`languages` of texts with these :func:`script_counts` (Latin letters, Han).

    Made in C: a text is Chinese when it holds Han characters and at least one
    for every four Latin letters (``4 * han >= latin`` in integers is
    ``han >= latin * 0.25``). The weights only break a tie between the
    numbers of English and Chinese texts, so they are summed only then.
    """
    if any(han):
        # 0: no letter, 2: English, 3: Chinese (a Chinese text has a letter).
        lettered = map(bool, map(or_, latin, han))
        chinese = map(and_, map(bool, han), map(ge, map(mul, han, repeat(4)), latin))
        index = map(add, map(mul, lettered, repeat(2)), chinese)
        each: list[str | None] = list(map(_BY_INDEX.__getitem__, index))
    else:  # no Han character: English wherever there is a letter (in C)
        each = list(map((None, "en").__getitem__, map(bool, latin)))
    en, zh = each.count("en"), each.count("zh")
    if en != zh:
        return ("en" if en > zh else "zh"), each
    if not en:
        return None, each
    votes: dict[str, list[float]] = {}
    for language in ("en", "zh"):
        chosen = list(map(eq, each, repeat(language)))
        weights = map(add, map(truediv, compress(latin, chosen), repeat(5)), compress(han, chosen))
        votes[language] = [float(en), functools.reduce(add, weights, 0.0)]
    return max(sorted(votes), key=lambda lang: tuple(votes[lang])), each


_BY_INDEX: tuple[str | None, ...] = (None, None, "en", "zh")


def foreign(each: Iterable[str | None], language: str) -> list[str | None]:
    """Each language of ``each`` (from :func:`languages`) that is not ``language``, else None.

    ``[lang if lang not in (None, language) else None for lang in each]``, by
    one dictionary look-up per text in C.

    >>> foreign(["en", None, "zh"], "en")
    [None, None, 'zh']
    """
    others: dict[str | None, str | None] = {
        lang: lang for lang in _BY_INDEX if lang is not None and lang != language
    }
    return list(map(others.get, each))
