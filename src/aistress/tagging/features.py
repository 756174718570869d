"""Features of a paragraph for the learned tagging model.

The same function turns a paragraph into features when the model is trained
(``tools/train_tagger.py``) and when it tags, so the two never drift apart.
Features are strings:

- ``w:<stem>``: an English content word, stemmed
  (:func:`~aistress.text.words.stem`; stop words left out);
- ``b:<stem> <stem>``: two adjacent English words (stop words kept:
  ``day off``, ``not the``);
- ``~:<stem>``: a content word up to three words after a negation
  (``not``, ``no``, ``never``, ``n't`` ...) in the same clause;
- ``c:<han>``, ``z:<han><han>``: a Chinese character and a pair of adjacent
  characters, Traditional read as Simplified
  (:func:`~aistress.text.script.to_simplified`), so both scripts share
  features;
- ``r:<category>`` / ``n:<category>``: a rule of the rule files fired for the
  category, asserted / denied, rejected or only asked about;
- ``title`` and ``ask``: the paragraph is a title line or an interviewer's
  question;
- per category, features whose weight all categories share
  (:func:`category_features`): the rules fired for *this* category, asserted
  (``R``) or denied (``N``), alone or with a title or a question, the rules'
  own confidence (``P``), and the words of the sentences where they fired
  (``s:<feature>`` for a stressor, ``r:<feature>`` for a remedy: ``should``,
  ``afraid``, a question mark), so what the rules are worth, and which
  framing makes a mention count, is learnt from every category's examples
  at once;
- ``?``: the sentence is a question.

Text features are computed per sentence, so the tagger can point at the
sentence that carries a category. Everything is linear in the text.

>>> [sorted(f) for _, _, f in sentence_features("No day off. 加班", [(0, 11), (12, 14)])]
[['b:day off', 'b:no day', 'w:day', '~:day'], ['c:加', 'c:班', 'z:加班']]
"""

from __future__ import annotations

import itertools
import math
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from aistress.text.language import HAN
from aistress.text.script import to_simplified
from aistress.text.words import stem, stop_words

__all__ = [
    "NEGATIONS",
    "TEXT_FLOOR",
    "Observation",
    "category_features",
    "sentence_features",
    "structure_features",
    "text_scale",
    "weight_sums",
]

#: English words after which content words are read as negated (three words on).
NEGATIONS = frozenset(
    [
        "not",
        "no",
        "never",
        "nobody",
        "nothing",
        "none",
        "neither",
        "nor",
        "without",
        "cannot",
        "hardly",
        "barely",
    ]
)
_NEGATION_REACH = 3

#: Text features are scaled to unit length together, but never as if there were
#: fewer than this many: a lone word or character must not weigh as much as a
#: whole paragraph of evidence (about one short sentence's worth of features).
TEXT_FLOOR = 20
_TOKEN = re.compile(rf"[A-Za-z][A-Za-z0-9]*(?:['’][A-Za-z]+)*|[{HAN}]+|[.,;:!?()\"“”—–]")
_PUNCT = frozenset('.,;:!?()"“”—–')


def sentence_features(
    text: str, spans: Sequence[tuple[int, int]], *, simplified: bool = False
) -> list[tuple[int, int, frozenset[str]]]:
    """The text features of each sentence ``text[start:end]`` of a paragraph.

    Args:
        text: The paragraph.
        spans: Its sentences (``(start, end)`` offsets, as from
            :func:`aistress.text.sentences.sentences`).
        simplified: The paragraph is in the Simplified script already
            (:func:`~aistress.text.script.to_simplified` of it), so its Han
            characters are read as they are.

    Returns:
        ``(start, end, features)`` per sentence, in order.
    """
    convert = _same if simplified else to_simplified
    return [(start, end, _features(text[start:end], convert)) for start, end in spans]


def _same(text: str) -> str:
    return text


def _features(text: str, convert: Callable[[str], str] = to_simplified) -> frozenset[str]:
    out: set[str] = set()
    if text.rstrip("\"”」』'’) ）").endswith(("?", "？")):
        out.add("?")
    previous: str | None = None  # the "b:<stem> " prefix of the word before
    negated = 0
    for token in _TOKEN.findall(text):
        first = token[0]
        if first in _PUNCT:
            previous, negated = None, 0
            continue
        if first >= "\u2e80":  # a run of Han characters
            run = convert(token)
            # Each feature string made (and hashed) once per process, looked up in C.
            out.update(map(_CHARACTERS.__getitem__, run))
            out.update(map(_PAIRS.__getitem__, map(operator.add, run, run[1:])))
            previous, negated = None, 0
            continue
        word = _WORDS.get(token) or _word(token)
        if previous is not None:
            out.add(previous + word.stem)
        previous = word.before
        if word.content:
            out.add(word.content)
            if negated:
                out.add(word.negated)
        if negated:
            negated -= 1
        if word.negation:
            negated = _NEGATION_REACH
    return frozenset(out)


class _Prefixed(dict[str, str]):
    """``prefix + key`` for each key, made once, until it holds ``_MAX_WORDS`` of them."""

    __slots__ = ("_prefix",)

    def __init__(self, prefix: str) -> None:
        super().__init__()
        self._prefix = prefix

    def __missing__(self, key: str) -> str:
        if len(self) >= _MAX_WORDS:
            self.clear()
        found = self[key] = self._prefix + key
        return found


#: The features of a Han character and of a pair of them.
_CHARACTERS = _Prefixed("c:")
_PAIRS = _Prefixed("z:")


class _Word(NamedTuple):
    """What the features read of one English word, worked out once per process."""

    stem: str
    before: str  # "b:<stem> ": the start of the bigram it opens
    content: str  # "w:<stem>", or "" for a stop word or a short one
    negated: str  # "~:<stem>"
    negation: bool


#: The words seen so far (cleared when it grows past _MAX_WORDS).
_WORDS: dict[str, _Word] = {}
_MAX_WORDS = 1 << 16
#: Longer tokens are not kept (a long run of letters is no word worth keeping).
_LONGEST_KEPT = 40


def _word(token: str) -> _Word:
    low = token.lower().replace("’", "'")
    term = stem(low)
    content = low not in stop_words("en") and len(low) > 2
    negation = low in NEGATIONS or low.endswith("n't")
    word = _Word(term, f"b:{term} ", "w:" + term if content else "", "~:" + term, negation)
    if len(token) <= _LONGEST_KEPT:
        if len(_WORDS) >= _MAX_WORDS:
            _WORDS.clear()
        _WORDS[token] = word
    return word


def weight_sums(
    features: frozenset[str],
    known: frozenset[str],
    pairs: Callable[[str], Iterable[tuple[int, float]]],
    categories: int,
) -> list[float]:
    """Per category, the sum of the weights of the ``features`` that are ``known``.

    ``pairs(feature)`` gives a known feature's ``(category index, weight)``
    pairs. Features are summed in sorted order: a float sum depends on its
    order, and a set's order on the process's string hashing, so the same
    text gets the same sums in every process (``PYTHONHASHSEED``).

    >>> table = {"w:lab": [(0, 1.0)], "w:late": [(0, 0.5), (1, 2.0)]}
    >>> weight_sums(frozenset({"w:late", "w:lab", "w:x"}), frozenset(table), table.__getitem__, 2)
    [1.5, 2.0]
    """
    sums = [0.0] * categories
    # One loop over every pair of every feature, chained in C.
    for c, w in itertools.chain.from_iterable(map(pairs, sorted(features & known))):
        sums[c] += w
    return sums


def text_scale(count: int, floor: int = TEXT_FLOOR) -> float:
    """The factor of each of ``count`` text features: unit length, with ``floor``.

    >>> text_scale(100), text_scale(1), text_scale(1, floor=1)
    (0.1, 0.22360679774997896, 1.0)
    """
    return 1.0 / math.sqrt(max(count, floor, 1))


def structure_features(
    asserted: Iterable[str], denied: Iterable[str], *, title: bool, asked: bool
) -> frozenset[str]:
    """The rule and layout features of a paragraph.

    Args:
        asserted: Categories some rule fired for, asserted.
        denied: Categories some rule fired for, denied, rejected or asked about.
        title: Whether the paragraph is a title line or an editorial note.
        asked: Whether the paragraph is an interviewer's question.

    >>> sorted(structure_features(["pace"], ["overwork"], title=False, asked=True))
    ['ask', 'n:overwork', 'r:pace']
    """
    out = {"r:" + c for c in asserted} | {"n:" + c for c in denied}
    if title:
        out.add("title")
    if asked:
        out.add("ask")
    return frozenset(out)


@attrs.frozen
class Observation:
    """Everything the learned model reads of one paragraph.

    Attributes:
        text: The paragraph's text features.
        other: Its rule and layout features (:func:`structure_features`).
        confidence: The rules' own confidence per category (asserted firings).
        context: Per category, the text features of the sentences where its
            rules fired.
    """

    text: frozenset[str]
    other: frozenset[str]
    confidence: Mapping[str, float] = attrs.field(factory=dict)
    context: Mapping[str, frozenset[str]] = attrs.field(factory=dict)


def category_features(
    other: frozenset[str], category: str, confidence: float = 0.0
) -> tuple[tuple[str, float], ...]:
    """The shared-weight features of one category, with their values.

    Args:
        other: The paragraph's rule and layout features (:func:`structure_features`).
        category: The category.
        confidence: The rules' own confidence for the category (0 if none fired).

    >>> category_features(frozenset({"r:pace", "title"}), "pace", 0.9)
    (('R', 1.0), ('P', 0.9), ('R&title', 1.0))
    >>> [f for f, _ in category_features(frozenset({"r:pace", "n:pace", "ask"}), "pace")]
    ['R', 'R&ask', 'R&N', 'N']
    >>> category_features(frozenset({"r:pace"}), "overwork")
    ()
    """
    out: list[tuple[str, float]] = []
    if "r:" + category in other:
        out.append(("R", 1.0))
        if confidence:
            out.append(("P", confidence))
        if "title" in other:
            out.append(("R&title", 1.0))
        if "ask" in other:
            out.append(("R&ask", 1.0))
        if "n:" + category in other:
            out.append(("R&N", 1.0))
    if "n:" + category in other:
        out.append(("N", 1.0))
    return tuple(out)
