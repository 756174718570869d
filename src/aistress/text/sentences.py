"""Sentence segmentation for English and Chinese.

:func:`sentences` returns the ``(start, end)`` character offsets of every
sentence of a text, with the whitespace around sentences left out, so that
``text[start:end]`` is the sentence exactly as printed. Plain offset pairs are
used rather than :class:`~aistress.model.Span`, which needs a document id the
caller may not have; ``Span(doc, *pair)`` turns one into the other.

English rules (``language="en"``):

- A sentence ends at ``.``, ``!``, ``?``, ``...`` or ``…`` followed by
  whitespace; closing quotes and brackets right after the mark stay with the
  sentence (``"It works." She`` splits after the quote).
- The next sentence must start like one: an upper-case letter, a digit, or an
  opening quote or bracket before one. A lower-case continuation does not
  split (``"Why?" she asked``).
- No split after a title or other abbreviation that precedes a name (``Mr.``,
  ``Dr.``, ``Prof.``), after a single initial (``J. Smith``), after ``e.g.``,
  ``i.e.``, ``cf.``, ``vs.``, or inside a decimal (``3.2``). After an
  abbreviation that may also end a sentence (``U.S.``, ``Ph.D.``, ``etc.``,
  ``Inc.``) the text splits only when the next word is one that commonly
  starts a sentence (``The``, ``It``, ``But`` ...).
- An elision in brackets (``[…]``, ``[...]``) never ends a sentence.

Chinese rules (``language="zh"`` or any ``zh-*`` tag):

- A sentence ends at ``。！？；…`` and at their ASCII forms ``! ? ;``;
  closing quotes and brackets right after the mark stay with the sentence
  (``他说：“好。”`` is one sentence).
- An ASCII ``.`` ends a sentence only when it does not sit between digits
  (``3.2 亿`` stays whole) and is not part of a Latin abbreviation.
- Runs of marks (``？！``, ``……``) count as one end.

In both languages a blank line (a line holding only whitespace) always ends
a sentence; a single line break is treated as a space. The algorithm is one
left-to-right scan: time and memory are linear in the length of the text.

>>> text = "Mr. Smith earned $3.2 billion. He left. “Why?” she asked."
>>> [text[a:b] for a, b in sentences(text, "en")]
['Mr. Smith earned $3.2 billion.', 'He left.', '“Why?” she asked.']
>>> zh = "他说：“好。”我们走吧!GDP 增长 3.2 亿"
>>> split_sentences(zh, "zh")
['他说：“好。”', '我们走吧!', 'GDP 增长 3.2 亿']
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from aistress.text.language import HAN_CHAR, detect_language, is_chinese

__all__ = ["sentences", "split_sentences"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Closing quotes and brackets that stay with the sentence they close.
_CLOSERS = "\"'”’」』）)】》〉]}»›"
_OPENERS = "\"'“‘「『（(【《〈[{«‹"

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u3000\xa0]*\n")

# English: a candidate end is a run of terminal marks, then closers, then whitespace.
_EN_END = re.compile(
    r"(?P<mark>\.{3,}|…+|[.!?]+(?:[.!?…]+)?)(?P<close>[" + re.escape(_CLOSERS) + r"]*)(?=\s|$)"
)
_EN_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.\-']*)$")

# Chinese: terminal marks (full-width and ASCII), then closers. No whitespace needed.
_ZH_END = re.compile(
    r"(?P<mark>[。！？；!?;]+|…+|\.{2,}|\.)"
    r"(?P<close>[" + re.escape(_CLOSERS) + r"]*)"
)

#: Abbreviations that precede a name or continue a sentence: never a sentence end.
_NEVER_FINAL = _words(
    """mr mrs ms mx dr prof sr jr st mt ft rev gen col lt sgt capt cmdr adm gov sen rep pres
    hon messrs mme mlle e.g i.e cf vs v viz al approx fig figs vol vols no nos pp ed eds
    dept est jan feb mar apr jun jul aug sep sept oct nov dec"""
)

#: Abbreviations that may end a sentence: split only before a typical sentence opener.
_MAYBE_FINAL = _words(
    """etc inc ltd co corp llc plc bros u.s u.k u.n e.u u.s.a ph.d m.a b.a m.sc b.sc a.m p.m
    d.c jr. sr."""
)

#: Words that commonly open an English sentence (used after ambiguous abbreviations).
_OPENER_WORDS = _words(
    """the a an this that these those it its he she they we i you there here but and or so
    yet however in on at as if when while after before since for to of his her their our my
    what why how who where which no not some many most all one two three"""
)

_FIRST_WORD = re.compile(r"[A-Za-z']+")


def sentences(text: str, language: str | None = None) -> tuple[tuple[int, int], ...]:
    """Return the ``(start, end)`` offsets of the sentences of ``text``.

    Args:
        text: The text to split.
        language: A language tag; Chinese tags use the Chinese rules, any other
            tag the English rules. ``None`` guesses with
            :func:`~aistress.text.language.detect_language`.

    Returns:
        Offsets in characters, in order, non-overlapping, each sentence
        stripped of surrounding whitespace; empty and blank texts yield none.
        Every non-whitespace character of ``text`` lies in exactly one span.

    Runs in time and memory linear in ``len(text)``.

    >>> sentences("One. Two.", "en")
    ((0, 4), (5, 9))
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if language is None:
        language = detect_language(text)
    chinese = is_chinese(language)
    out: list[tuple[int, int]] = []
    for start, end in _blocks(text):
        cuts = _cuts(text, start, end, chinese)
        at = start
        for cut in (*cuts, end):
            piece = _strip(text, at, cut)
            if piece is not None:
                out.append(piece)
            at = cut
    return tuple(out)


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """Return the sentences of ``text`` as strings (see :func:`sentences`).

    >>> split_sentences("Ph.D. students work hard. They rest too.", "en")
    ['Ph.D. students work hard.', 'They rest too.']
    """
    return [text[a:b] for a, b in sentences(text, language)]


def locate_in_order(text: str, segments: Sequence[str]) -> list[tuple[int, int] | None]:
    """Where each segment lies in ``text``, each searched for after the last one found.

    Args:
        text: The text the segments were cut from.
        segments: The segments, in text order; surrounding whitespace is ignored.

    Returns:
        One ``(start, end)`` pair per segment, or None where a segment (or an
        empty one) is not found after the previous match.
    """
    cursor = 0
    out: list[tuple[int, int] | None] = []
    for segment in segments:
        core = segment.strip()
        at = text.find(core, cursor) if core else -1
        if at < 0:
            out.append(None)
            continue
        out.append((at, at + len(core)))
        cursor = at + len(core)
    return out


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    at = 0
    for match in _BLANK_LINE.finditer(text):
        yield at, match.start()
        at = match.end()
    yield at, len(text)


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _next_start(text: str, at: int, end: int) -> int:
    while at < end and text[at].isspace():
        at += 1
    return at


def _cuts(text: str, start: int, end: int, chinese: bool) -> list[int]:
    """Where sentences end inside the block ``text[start:end]`` (block end excluded)."""
    marks, ends = (_ZH_END, _zh_ends) if chinese else (_EN_END, _en_ends)
    return [
        start + match.end()
        for match in marks.finditer(text[start:end])
        if ends(text, start, end, match)
    ]


def _en_ends(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Whether an English end-mark candidate, matched in ``text[start:end]``, ends a sentence."""
    abs_mark, cut = start + match.start(), start + match.end()
    nxt = _next_start(text, cut, end)
    if nxt >= end:
        return False  # the block's end ends the sentence anyway
    if not _starts_sentence(text, nxt, end):
        return False
    # An elision in brackets: "[…]" or "[...]".
    if abs_mark > 0 and text[abs_mark - 1] == "[" and match.group("close").startswith("]"):
        return False
    if match.group("mark") == "." and not match.group("close"):
        before = _EN_WORD_BEFORE.search(text, max(start, abs_mark - 20), abs_mark)
        if before is not None and not _period_ends(before.group(1), text, nxt, end):
            return False
    return True


def _period_ends(word: str, text: str, nxt: int, end: int) -> bool:
    """Whether ``word.`` followed by the text at ``nxt`` ends a sentence."""
    lower = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if lower in _NEVER_FINAL:
        return False
    dotted = "." in word.strip(".")
    if lower in _MAYBE_FINAL or dotted:
        first = _FIRST_WORD.match(text, nxt, end)
        return first is not None and first.group(0).lower() in _OPENER_WORDS
    return True


def _starts_sentence(text: str, at: int, end: int) -> bool:
    while at < end and text[at] in _OPENERS:
        at += 1
    if at >= end:
        return True
    ch = text[at]
    return ch.isupper() or ch.isdigit() or bool(HAN_CHAR.match(ch)) or not ch.isalpha()


def _zh_ends(text: str, start: int, end: int, match: re.Match[str]) -> bool:
    """Whether a Chinese end-mark candidate, matched in ``text[start:end]``, ends a sentence."""
    abs_mark, cut = start + match.start(), start + match.end()
    mark = match.group("mark")
    if mark == "." and not _zh_period_ends(text, abs_mark, end):
        return False
    if mark.startswith(("…", "...")) and abs_mark > 0 and text[abs_mark - 1] == "[":
        return False
    nxt = _next_start(text, cut, end)
    if nxt >= end:
        return False
    # ASCII marks after Latin text ("Why? she") follow the English rule.
    after_latin = mark[0] in "!?;" and not HAN_CHAR.match(text[abs_mark - 1 : abs_mark] or " ")
    return not (after_latin and not _starts_sentence(text, nxt, end) and text[nxt].isascii())


def _zh_period_ends(text: str, at: int, end: int) -> bool:
    """Whether an ASCII full stop at ``at`` in Chinese text ends a sentence."""
    before = text[at - 1] if at > 0 else ""
    after = text[at + 1] if at + 1 < end else ""
    if before.isdigit() and after.isdigit():
        return False  # a decimal point: "3.2 亿"
    if before.isalpha() and not HAN_CHAR.match(before):
        word = _EN_WORD_BEFORE.search(text, max(0, at - 20), at)
        nxt = _next_start(text, at + 1, end)
        if word is not None and not _period_ends(word.group(1), text, nxt, end):
            return False
    if before and HAN_CHAR.match(before):
        return True
    if before in _CLOSERS:
        return True
    # After Latin text: an English sentence end only before a space and a capital or Han.
    if after == "" or after.isspace():
        nxt = _next_start(text, at + 1, end)
        return nxt >= end or text[nxt].isupper() or bool(HAN_CHAR.match(text[nxt]))
    return bool(HAN_CHAR.match(after))
