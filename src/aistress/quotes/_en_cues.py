"""Where the sentences and the cue words of an English block are.

:func:`sentence_starts` finds the sentences from punctuation alone;
:func:`cue_matches` finds the cue words with one scan per block, shared by
every reader of the block. Both work on masked text (see
:mod:`~aistress.quotes._english`) and are linear in its length.
"""

from __future__ import annotations

import bisect
import re

from aistress.quotes._en_terms import naming_participle
from aistress.quotes._lexicon import English, english
from aistress.quotes._types import MASK

__all__ = ["INITIAL", "WORD_HEAD", "after_cue", "cue_matches", "sentence_starts"]

_SENT_END = re.compile(r"[.!?…]+[\"”’)\]]*(\s+)")
_ABBREV_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
#: An initial (``J.``).
INITIAL = re.compile(r"^[A-Z]\.$")
_WORD_AT = re.compile(r"[A-Za-z]+")
#: A word of letters, digits and apostrophes (matched on reversed text, it is the last word).
WORD_HEAD = re.compile(r"[\w’']+")


def sentence_starts(masked: str, lex: English | None = None) -> list[int]:
    """Offsets where sentences start (always including 0), from punctuation alone.

    >>> sentence_starts("Dr. Smith left. Ph.D. students stay. He said so.")
    [0, 16, 37]

    Several readers of one block ask for its starts: they are computed once
    per block text (a small cache of the latest blocks).
    """
    if lex is None or lex is english():
        known = _STARTS_CACHE.get(masked)
        if known is None:
            if len(_STARTS_CACHE) >= _STARTS_CACHE_SIZE:
                _STARTS_CACHE.clear()
            known = _STARTS_CACHE[masked] = tuple(_sentence_starts(masked, english()))
        return list(known)
    return _sentence_starts(masked, lex)


#: The sentence starts of the latest block texts (cleared when full).
_STARTS_CACHE: dict[str, tuple[int, ...]] = {}
_STARTS_CACHE_SIZE = 32


def _sentence_starts(masked: str, lex: English) -> list[int]:
    out = [0]
    for m in _SENT_END.finditer(masked):
        pos = m.end()
        if pos >= len(masked):
            break
        nxt = masked[pos]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "“‘\"'([" + MASK):
            continue
        stop = m.start()
        if masked[stop] != ".":
            out.append(pos)
            continue
        before = _ABBREV_BEFORE.search(masked, max(0, stop - 24), stop + 1)
        if before:
            token = before.group(1).lower().rstrip(".")
            if INITIAL.match(before.group(1) + ".") or token in ("mr", "mrs", "ms", "dr", "prof"):
                continue
            if token in lex.abbreviations or "." in token:
                word = _WORD_AT.match(masked, pos)
                if not word or word.group(0) not in lex.not_names:
                    continue
        out.append(pos)
    return out


def cue_matches(masked: str, lex: English | None = None) -> list[re.Match[str]]:
    """Every cue word in ``masked`` that is not capitalised or passive (``is said to``).

    One scan of the cue expression per block, shared by :func:`find_mentions`
    and the partial-quote rule. A cue starts a word and its first word is a
    whole word: the cue expression is tried only where a word of the text is
    the first word of some cue (see :func:`_cue_starts`), not at every character.
    """
    lex = lex or english()
    out: list[re.Match[str]] = []
    starts: set[int] | None = None
    match = lex.cue_re.match
    end = 0
    for ws in _cue_starts(masked, _first_words(lex)):
        if ws < end:
            continue  # inside the cue found last
        m = match(masked, ws)
        if m is None:
            continue
        end = m.end()
        if m.group(0)[0].isupper():
            if starts is None:
                starts = set(sentence_starts(masked, lex))
            if _capitalised_cue(m.group(0), ws, starts):
                continue
        passive = _last_word(masked, ws).lower() in lex.passive_before
        if not passive and not naming_participle(masked, ws, m.end()):
            out.append(m)
    return out


def _cue_starts(masked: str, firsts: frozenset[str]) -> list[int]:
    """Where a word that may start a cue starts, in order.

    A cue (ASCII letters, matched ignoring case) starts only at a whole word
    equal to its first word ignoring case; letters outside ASCII match one
    of its letters only for the few characters of :data:`_FOLDS`. Without
    those, the words of the text that are first words are found with one
    ``findall`` and a set intersection, and each is looked for with
    ``str.find``: no Python step per word of the text.
    """
    if _FOLDS.search(masked) is not None:
        return [
            w.start()
            for w in _WORD_RUN.finditer(masked)
            if not w.group(0).isascii() or w.group(0).lower() in firsts
        ]
    low = masked.lower()  # same length: U+0130, the one letter that grows, is in _FOLDS
    found: list[int] = []
    for word in firsts.intersection(_WORD_RUN.findall(low)):
        i = low.find(word)
        while i >= 0:
            j = i + len(word)
            if (i == 0 or not _in_run(low[i - 1])) and (j == len(low) or not _in_run(low[j])):
                found.append(i)
            i = low.find(word, i + 1)
    found.sort()
    return found


def _in_run(ch: str) -> bool:
    """Whether ``ch`` belongs to a word run (a letter, digit, _, apostrophe or hyphen)."""
    return ch.isalnum() or ch in "_’'-"


#: Letters outside ASCII that match an ASCII letter when case is ignored (ı ſ K İ).
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _last_word(masked: str, pos: int) -> str:
    """The word (letters, digits, apostrophes) ending the 40 characters before ``pos``."""
    chunk = masked[max(0, pos - 40) : pos].rstrip()
    word = WORD_HEAD.match(chunk[::-1])
    return "" if word is None else chunk[len(chunk) - word.end() :]


#: A maximal run of the characters a cue may not touch: every cue starts one.
_WORD_RUN = re.compile(r"[\w’'-]+")


def _first_words(lex: English) -> frozenset[str]:
    """The first words of the cues of ``lex`` (lower case), computed once per lexicon."""
    cached = _FIRSTS.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _FIRSTS[id(lex)] = (lex, frozenset(c.split()[0].lower() for c in lex.cues))
    return cached[1]


_FIRSTS: dict[int, tuple[English, frozenset[str]]] = {}


def _capitalised_cue(cue: str, cs: int, sentence_starts: set[int]) -> bool:
    """A cue word in capitals is no cue: part of a name (United States) or "Says who".

    Only *According to* and a sentence-initial *Said* (``Said Ridel, “…”``) count.
    """
    low = cue.lower()
    if not cue[0].isupper() or low == "according to":
        return False
    return not (low == "said" and cs in sentence_starts)


def after_cue(cues: list[int], a: int, b: int) -> bool:
    """Whether a cue word starts in ``[a, b)`` (``cues`` sorted)."""
    i = bisect.bisect_left(cues, a)
    return i < len(cues) and cues[i] < b
