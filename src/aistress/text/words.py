"""Words: the one tokeniser, stemmer and stop-word list of aistress.

- :data:`WORD`: an English word (letters and digits, inner apostrophes and
  hyphens) or a single Han character;
- :func:`words`: the words of a text, lower-cased;
- :func:`stem`: a light English stemmer;
- :func:`stop_words`: the function words of a language, from
  ``data/text/stopwords_<language>.txt``;
- :func:`content_terms`: stemmed English content words and Han character
  bigrams, the terms texts are compared by;
- :func:`alternation`: a regex matching any of a list of words, the longest
  where several fit, written as a trie.

Everything is linear in the length of the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from aistress.data import load_words
from aistress.text.language import HAN, HAN_RUN

__all__ = ["LATIN_WORD", "WORD", "alternation", "content_terms", "stem", "stop_words", "words"]

#: An English word (a letter, then letters and digits, with inner apostrophes and hyphens).
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:['’\-][A-Za-z0-9]+)*")
#: An English word (see :data:`LATIN_WORD`) or one Han character.
WORD = re.compile(rf"[A-Za-z][A-Za-z0-9]*(?:['’\-][A-Za-z0-9]+)*|[{HAN}]")


def words(text: str) -> list[str]:
    """The words of ``text`` (see :data:`WORD`), lower-cased, ``’`` read as ``'``.

    >>> words("Labs’ staff burn-out: 研究")
    ['labs', 'staff', 'burn-out', '研', '究']
    """
    return [w.lower().replace("’", "'") for w in WORD.findall(text)]


@functools.lru_cache(maxsize=65536)
def stem(token: str, keep: frozenset[str] = frozenset()) -> str:
    """Normalise one English word for matching (a deliberately light stemmer).

    Lower-cases, drops a possessive ``'s``, then one of the endings ``-ies``
    (to ``-y``), ``-s``, ``-ing``, ``-ed``, ``-ly``, then a final ``-e`` and a
    doubled final consonant. Both sides of a comparison go through the same
    function, so ``burn out`` matches ``burned out`` and ``burning out``.
    Lower-cased words in ``keep`` (such as ``news``) are returned as they are.

    >>> [stem(w) for w in ["Stressed", "stress", "pauses", "studies", "one's", "stopped"]]
    ['stres', 'stres', 'paus', 'study', 'one', 'stop']
    """
    w = token.lower().replace("’", "'")
    if w in keep:
        return w
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def stop_words(language: str = "en") -> frozenset[str]:
    """The function words of ``language`` (``data/text/stopwords_<language>.txt``).

    Languages without a list (Chinese is compared by character bigrams) get an
    empty set.

    >>> "the" in stop_words("en"), stop_words("zh")
    (True, frozenset())
    """
    if language != "en":
        return frozenset()
    return load_words("text/stopwords_en.txt")


def content_terms(text: str) -> list[str]:
    """Stemmed English content words and Han character bigrams of ``text``, in order.

    English words that are stop words (before or after stemming) or shorter
    than three letters are left out; a run of one Han character is its own term.

    >>> content_terms("The labs were racing; 研究者")
    ['lab', 'rac', '研究', '究者']
    """
    stop = stop_words("en")
    terms = []
    for word in LATIN_WORD.findall(text):
        low = word.lower().replace("’", "'")
        if low in stop or len(low) < 3:
            continue
        term = stem(low)
        if term not in stop:
            terms.append(term)
    for run in HAN_RUN.findall(text):
        terms.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return terms


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, the longest first, written as a trie.

    ``say|says|saying`` becomes ``say(?:ing|s)?``: at each position the
    engine follows one branch per letter instead of trying every word, and
    (greedy, longest branch first) still prefers the longest word that fits,
    as ``"|".join`` of the words sorted longest first would. No words: a
    pattern that matches nothing.

    >>> alternation(["say", "says", "saying", "told"])
    '(?:say(?:ing|s)?|told)'
    """
    trie: dict[str, Any] = {}
    # Letters on the longest word's path below each node (by ``id``), noted
    # as the words go in: ordering every node's branches is then a look-up.
    heights: dict[int, int] = {}
    for w in set(words):
        node = trie
        left = len(w)
        for ch in w:
            node = node.setdefault(ch, {})
            left -= 1
            if heights.get(id(node), -1) < left:
                heights[id(node)] = left
        node[""] = {}
    return _trie_regex(trie, heights) or "(?!)"


def _trie_regex(node: dict[str, Any], heights: dict[int, int]) -> str:
    branches = [(ch, child) for ch, child in node.items() if ch != ""]
    branches.sort(key=lambda item: (-heights[id(item[1])], item[0]))
    parts = []
    for ch, child in branches:
        # a chain of single children is one literal run
        run = ch
        while len(child) == 1 and "" not in child:
            ((nxt, child),) = child.items()
            run += nxt
        rest = _trie_regex(child, heights) if child != {"": {}} else ""
        parts.append(re.escape(run) + rest)
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in node:
        if len(parts) == 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?"
    return body
