"""What the aligner looks at in each segment, and how a bead is scored.

Each segment is reduced once to a few features (:func:`english_features`,
:func:`chinese_features`); a :class:`BeadScorer` then scores any bead from
the features of its segments. The evidence, each with its own switch and
weight in :class:`~aistress.alignment.aligner.AlignOptions`:

- **length**: the Gale–Church model for English characters against Chinese
  characters (:class:`LengthModel`);
- **numbers**: the values of :func:`~aistress.text.numbers.extract_numbers`,
  so ``320m`` meets ``3.2 亿`` and ``May 2024`` meets ``2024 年 5 月``;
- **latin**: Latin-script tokens both sides share (``OpenAI``, ``VH1``);
- **lexicon**: English words whose translation (from a dictionary, from name
  pairs the text states, or learned from a first alignment) appears in the
  Chinese segment.

Every piece is a bounded similarity in ``[0, 1]`` compared with what two
unrelated segments would show, so no single kind of evidence can outweigh the
others by more than its weight.
"""

from __future__ import annotations

import math
import re
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache

import attrs

from aistress.alignment import kernels
from aistress.alignment.lexicon import STOP_WORDS, Lexicon, english_lemmas
from aistress.text.language import HAN_CHAR, HAN_RUN, has_han
from aistress.text.numbers import Quantity, extract_numbers

__all__ = [
    "CHARS_PER_WORD",
    "HOPELESS_DEVIATIONS",
    "LEXICAL_CONFIDENCE_WORDS",
    "QUOTED",
    "BeadScorer",
    "LengthModel",
    "SegmentFeatures",
    "chinese_features",
    "compiled_score",
    "english_content",
    "english_features",
    "english_words",
    "han_pieces",
    "lexical_similarity",
    "merge",
    "monolingual_features",
    "number_keys",
    "strip_quotes",
]

#: The key of :func:`number_keys`' set under which quoted speech meets quoted speech.
QUOTED = "q:"

#: Length deviations (in standard deviations) beyond which a bead is scored on length alone.
HOPELESS_DEVIATIONS = 7.0

#: Words (both sides together) at which lexical evidence reaches its full weight.
LEXICAL_CONFIDENCE_WORDS = 8.0

#: Han characters per Chinese word, on average, for sizing a Chinese segment in words.
CHARS_PER_WORD = 1.7

# Latin tokens (names, acronyms), English words, counted characters.
_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[.\-'’][A-Za-z0-9]+)*|\d+[A-Za-z]+[A-Za-z0-9]*")
_EN_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_COUNTED = re.compile(r"\w")
# An opening quotation mark: a curly or corner one anywhere, a straight one
# where a word follows it at the start or after a space (not an apostrophe).
_QUOTE_OPEN = re.compile(r"[“「『‘]|(?:^|[\s(])['\"]\w")


def number_keys(quantities: Sequence[Quantity]) -> frozenset[str]:
    """Keys under which numbers of two languages meet.

    A value becomes ``"n:<value>"`` (the value ``1`` is left out: English
    ``one``/``a`` and Chinese ``一`` are too common to be evidence); a date
    becomes ``"y:<year>"`` and ``"m:<month>"``; a plain number between 1900
    and 2100 also counts as a year. Approximate amounts are kept.

    >>> sorted(number_keys(extract_numbers("in May 2024, 320m visits", "en")))
    ['m:5', 'n:320000000', 'y:2024']
    """
    keys: set[str] = set()
    for q in quantities:
        if q.date is not None:
            if q.date.year is not None:
                keys.add(f"y:{q.date.year}")
            if q.date.month is not None:
                keys.add(f"m:{q.date.month}")
            if q.date.day is not None:
                keys.add(f"n:{q.date.day}")
            continue
        if q.value is None or q.value == 1:
            continue
        keys.add(f"n:{q.value}")
        if q.value == q.value.to_integral_value() and 1900 <= q.value <= 2100:
            keys.add(f"y:{int(q.value)}")
    return frozenset(keys)


@attrs.frozen
class SegmentFeatures:
    """The features of one segment.

    Attributes:
        length: Length in English-character units (Chinese lengths are
            already multiplied by the length model's ratio).
        numbers: Keys of the numbers stated (:func:`number_keys`).
        latin: Latin-script tokens, case-folded.
        translations: For the source side, the target-language words the
            lexicon offers for its content words.
        chinese: For the target side, the lexicon's words found in the text.
        size: For the target side, its size in words (Han characters
            divided by :data:`CHARS_PER_WORD` for Chinese).
        known: For English, how many content words the lexicon knows.
    """

    length: float
    numbers: frozenset[str] = frozenset()
    latin: frozenset[str] = frozenset()
    translations: frozenset[str] = frozenset()
    chinese: frozenset[str] = frozenset()
    size: float = 0.0
    known: int = 0


#: Segments whose vocabulary-independent features are kept, per language.
_BASE_CACHE = 1 << 16


@lru_cache(maxsize=_BASE_CACHE)
def _english_base(text: str) -> tuple[float, frozenset[str], frozenset[str], tuple[str, ...]]:
    """Length, number keys, Latin tokens and lower-case content words of English text.

    None of them depends on the lexicon, so they are computed once per text
    and kept across calls (a corpus aligns the same article with several others).
    """
    length = float(len(_COUNTED.findall(text)))
    numbers = _with_quotes(number_keys(extract_numbers(text, "en")), text)
    tokens = _LATIN_TOKEN.findall(text)
    latin = frozenset(t.casefold() for t in tokens if t.casefold() not in STOP_WORDS)
    content = tuple(
        low
        for low in (word.lower() for word in _EN_WORD.findall(text))
        if low not in STOP_WORDS and len(low) >= 2
    )
    return length, numbers, latin, content


@lru_cache(maxsize=_BASE_CACHE)
def _chinese_base(text: str) -> tuple[int, int, frozenset[str], frozenset[str], tuple[str, ...]]:
    """Han and other characters, number keys, Latin tokens and Han runs of Chinese text."""
    han = len(HAN_CHAR.findall(text))
    other = len(_COUNTED.findall(text)) - han
    numbers = _with_quotes(number_keys(extract_numbers(text, "zh")), text)
    latin = frozenset(
        t.casefold() for t in _LATIN_TOKEN.findall(text) if t.casefold() not in STOP_WORDS
    )
    return han, other, numbers, latin, tuple(HAN_RUN.findall(text))


def _with_quotes(keys: frozenset[str], text: str) -> frozenset[str]:
    """``keys`` and :data:`QUOTED` when ``text`` opens a quotation.

    Quoted speech is rendered as quoted speech: a bead whose sides both
    quote, or both do not, agrees (literary dialogue, news quotes). The
    aligner drops the key when one text never quotes (:func:`strip_quotes`).
    """
    return keys | {QUOTED} if _QUOTE_OPEN.search(text) else keys


def strip_quotes(
    features: list[SegmentFeatures], other: Sequence[SegmentFeatures]
) -> list[SegmentFeatures]:
    """``features`` without :data:`QUOTED` when no segment of ``other`` has it.

    A text with no quotation marks at all (the King James Bible) says
    nothing about where its translation quotes.
    """
    if any(QUOTED in f.numbers for f in other):
        return features
    return [
        attrs.evolve(f, numbers=f.numbers - {QUOTED}) if QUOTED in f.numbers else f
        for f in features
    ]


@lru_cache(maxsize=_BASE_CACHE)
def english_words(text: str) -> tuple[str, ...]:
    """Every word of English text in lower case, in order (cached per text)."""
    return tuple(word.lower() for word in _EN_WORD.findall(text))


def english_content(text: str) -> tuple[str, ...]:
    """The lower-case content words of English text, in order, repeats kept (cached)."""
    return _english_base(text)[3]


@lru_cache(maxsize=_BASE_CACHE)
def han_pieces(text: str) -> frozenset[str]:
    """Every run of two or three Han characters in ``text`` (cached per text)."""
    pieces: set[str] = set()
    for run in HAN_RUN.findall(text):
        pieces.update([run[k : k + 2] for k in range(len(run) - 1)])
        pieces.update([run[k : k + 3] for k in range(len(run) - 2)])
    return frozenset(pieces)


def english_features(text: str, lexicon: Lexicon | None) -> SegmentFeatures:
    """Reduce an English segment to its :class:`SegmentFeatures`."""
    length, numbers, latin, content = _english_base(text)
    words: list[frozenset[str]] = []
    if lexicon is not None:
        words = [lexicon.translations(low) for low in content]
    known = [w for w in words if w]
    translations: frozenset[str] = frozenset().union(*known) if known else frozenset()
    return SegmentFeatures(length, numbers, latin, translations, known=len(known))


def chinese_features(
    text: str, vocabulary: AbstractSet[str], ratio: float, max_word: int = 4
) -> SegmentFeatures:
    """Reduce a Chinese segment to its :class:`SegmentFeatures`.

    ``vocabulary`` is the set of Chinese words the lexicon knows: every
    substring of one to ``max_word`` Han characters found in it is recorded,
    which is linear in the length of the text.
    """
    han, other, numbers, latin, runs = _chinese_base(text)
    found: set[str] = set()
    if vocabulary:
        for run in runs:
            size = len(run)
            for k in range(size):
                for n in range(1, min(max_word, size - k) + 1):
                    piece = run[k : k + n]
                    if piece in vocabulary:
                        found.add(piece)
    return SegmentFeatures(
        han * ratio + other, numbers, latin, chinese=frozenset(found), size=han / CHARS_PER_WORD
    )


def monolingual_features(text: str, *, as_target: bool) -> SegmentFeatures:
    """Features for aligning two texts in the same language (a text with a revision).

    The "translations" of a segment are its own words (English lemmas, or
    Han characters and character pairs), so the lexical evidence becomes
    word overlap; lengths count characters of any script.
    """
    length = float(len(_COUNTED.findall(text)))
    language = "zh" if has_han(text) else "en"
    numbers = _with_quotes(number_keys(extract_numbers(text, language)), text)
    latin = frozenset(
        t.casefold() for t in _LATIN_TOKEN.findall(text) if t.casefold() not in STOP_WORDS
    )
    keys: set[str] = set()
    for word in _EN_WORD.findall(text):
        low = word.lower()
        if low not in STOP_WORDS:
            keys.add(english_lemmas(low)[-1])
    for run in HAN_RUN.findall(text):
        keys.update(run)
        keys.update(run[k : k + 2] for k in range(len(run) - 1))
    frozen = frozenset(keys)
    if as_target:
        return SegmentFeatures(length, numbers, latin, chinese=frozen, size=float(len(frozen)))
    return SegmentFeatures(length, numbers, latin, translations=frozen, known=len(frozen))


@attrs.frozen
class LengthModel:
    """Gale–Church length model: Chinese length ≈ ``ratio`` × English length.

    Lengths count non-space, non-punctuation characters; a Chinese segment's
    length is ``ratio`` × its Han characters plus its other characters
    (Latin names and digits are copied, not translated). ``variance`` is the
    variance per English character of the difference, as in Gale and Church
    (1993). ``offset`` is added to the log-probability to turn it into a
    log-likelihood ratio against unrelated segments (whose lengths are
    spread so widely that their density is nearly flat). The ratio was
    estimated from gold beads; the variance is twice the Bible's estimate
    (4.5), because translations differ in how freely they render a sentence
    (the gold chapters of MAC-Dev give 3.6 to 10.1) and a model too narrow
    for a text costs far more than one too wide (see
    ``docs/guides/alignment.md``).
    """

    ratio: float = 3.65
    variance: float = 9.0
    offset: float = 2.0

    @classmethod
    def estimate(cls, pairs: Iterable[tuple[str, str]], offset: float = 2.0) -> LengthModel:
        """Estimate ratio and variance from aligned ``(english, chinese)`` text pairs.

        ``ratio`` is total English word characters over total Han
        characters; ``variance`` is the mean over pairs of
        ``(t - s)² / ((s + t) / 2)``, with ``s`` the English length and ``t``
        the Chinese length in English units. Beads with an empty side are
        skipped. Linear in the text.

        >>> m = LengthModel.estimate([("Hello there.", "你好。"), ("Good night.", "晚安。")])
        >>> round(m.ratio, 2), round(m.variance, 2)
        (4.75, 0.03)
        """
        lengths: list[tuple[float, float, float]] = []
        for english, chinese in pairs:
            s = float(len(_COUNTED.findall(english)))
            han = len(HAN_CHAR.findall(chinese))
            other = len(_COUNTED.findall(chinese)) - han
            if s and han:
                lengths.append((s, float(han), float(other)))
        if not lengths:
            raise ValueError("no pairs with text on both sides to estimate from")
        ratio = sum(s - o for s, _, o in lengths) / sum(h for _, h, _ in lengths)
        spread = [(h * ratio + o - s) ** 2 / ((s + h * ratio + o) / 2.0) for s, h, o in lengths]
        return cls(ratio, sum(spread) / len(spread), offset)

    def log_probability(self, source: float, target: float) -> float:
        """Log-probability that segments of these lengths translate each other.

        Both lengths in English-character units. Two-tailed normal, floored
        so that a single bad bead costs at most about 25 nats.
        """
        mean = (source + target) / 2.0
        if mean <= 0:
            return 0.0
        delta = (target - source) / math.sqrt(self.variance * mean)
        p = math.erfc(abs(delta) / math.sqrt(2.0))
        return math.log(max(p, 1e-11))


class BeadScorer:
    """Scores beads from segment features; the ``score`` method feeds the search.

    A bead's score is a log-likelihood ratio: its type's log prior plus, per
    kind of evidence, ``weight × evidence``, where each evidence is positive
    for what translations look like and negative for what unrelated segments
    look like (null beads carry their prior only).

    Args:
        source: English segment features.
        target: Chinese segment features.
        length_model: The length model; None switches length evidence off.
        weights: Weight per evidence kind (``"length"``, ``"numbers"``,
            ``"latin"``, ``"lexicon"``); a missing or zero weight switches it off.
        priors: Log prior per bead type.
        threshold: The lexical similarity at which lexical evidence is
            neutral (the aligner estimates it from random pairs).

    Lengths and word counts of any group of neighbouring segments come from
    prefix sums, and unions of their sets are cached on first use: memory
    and set-up time are linear in the text, and scoring a bead costs a few
    small set operations.
    """

    def __init__(
        self,
        source: Sequence[SegmentFeatures],
        target: Sequence[SegmentFeatures],
        length_model: LengthModel | None,
        weights: dict[str, float],
        priors: dict[tuple[int, int], float],
        threshold: float = 0.0,
    ) -> None:
        self.source = source
        self.length_model = length_model
        self.w_length = weights.get("length", 0.0) if length_model else 0.0
        self.w_numbers = weights.get("numbers", 0.0)
        self.w_latin = weights.get("latin", 0.0)
        self.w_lexicon = weights.get("lexicon", 0.0)
        self.priors = priors
        self.threshold = threshold
        self._offset = length_model.offset if length_model else 0.0
        self._variance = length_model.variance if length_model else 1.0
        self.target = target
        self._src_len = _prefix(f.length for f in source)
        self._src_known = _prefix(f.known for f in source)
        self._tgt_len = _prefix(f.length for f in target)
        self._tgt_size = _prefix(f.size for f in target)
        self._src_trans = [f.translations for f in source]
        self._src_latin = [f.latin for f in source]
        self._src_num = [f.numbers for f in source]
        self._tgt_chinese = [f.chinese for f in target]
        self._tgt_latin = [f.latin for f in target]
        self._tgt_num = [f.numbers for f in target]
        self._any_src_num = any(self._src_num)
        self._any_tgt_num = any(self._tgt_num)
        self._any_tgt_latin = any(self._tgt_latin)
        # Unions over groups of neighbouring segments, filled on first use:
        # self._cache[kind][count][start], kind indexing self._columns.
        self._columns = (self._tgt_chinese, self._tgt_latin, self._tgt_num, self._src_num)
        self._cache: list[list[list[frozenset[str] | None]]] = [
            [[] for _ in range(_MAX_CACHED_GROUP + 1)] for _ in self._columns
        ]
        self._score: Callable[[int, int, int, int], float] | None = None

    @property
    def source_lengths(self) -> list[float]:
        """Prefix sums of the source lengths (``[0, l0, l0 + l1, ...]``)."""
        return self._src_len

    @property
    def target_lengths(self) -> list[float]:
        """Prefix sums of the target lengths."""
        return self._tgt_len

    def _union(self, kind: int, start: int, count: int) -> frozenset[str]:
        """Union of one feature over ``count`` segments from ``start`` (cached)."""
        column = self._columns[kind]
        if count > _MAX_CACHED_GROUP:
            return _union(column[start : start + count])
        row = self._cache[kind][count]
        if not row:
            row.extend([None] * len(column))
        got = row[start]
        if got is None:
            got = _union(column[start : start + count])
            row[start] = got
        return got

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        """Lexical similarity of a bead in ``[0, 1]``."""
        return _similarity(
            self.source[i : i + a],
            int(self._src_known[i + a] - self._src_known[i]),
            merge(self.target[j : j + b]),
        )

    def ceiling(self, a: int, b: int) -> float:
        """A score no bead of type ``(a, b)`` exceeds, as :meth:`score` computes it.

        The prior plus the most each evidence can add: the length evidence
        at equal lengths (its log tail is at most 0), one per weight for
        numbers and Latin tokens (agreement lies in ``[-1, 1]``), and the
        lexical weight times ``1 - threshold``. Every term of :meth:`score`
        is at most its term here and float addition rounds monotonically,
        so no computed score is larger; a search may skip scoring a bead
        that could not win even at its ceiling.
        """
        total = self.priors[(a, b)]
        if a == 0 or b == 0:
            return total
        if self.w_length:
            total += max(0.0, self.w_length * (0.0 + self._offset))
        if self.w_numbers and (self._any_src_num or self._any_tgt_num):
            total += max(0.0, self.w_numbers)
        if self.w_latin and self._any_tgt_latin:
            total += max(0.0, self.w_latin)
        if self.w_lexicon:
            total += max(0.0, self.w_lexicon * max(0.0, 1.0 - self.threshold))
        return total

    def score(self, i: int, a: int, j: int, b: int) -> float:
        """Score of the bead joining source ``i..i+a-1`` and target ``j..j+b-1``.

        Prefix sums, cached unions and small set operations only
        (:func:`compiled_score`). A bead whose lengths differ by more than
        :data:`HOPELESS_DEVIATIONS` standard deviations is scored on length
        alone: no other evidence could make up for it.
        """
        if self._score is None:
            self._score = compiled_score(self)
        return self._score(i, a, j, b)


def compiled_score(scorer: BeadScorer) -> Callable[[int, int, int, int], float]:
    """:meth:`BeadScorer.score` as a closure over local variables.

    The search calls the scorer hundreds of thousands of times; this closure
    is what it calls, without attribute look-ups. The evidence itself is
    computed by the functions of :mod:`aistress.alignment.kernels` that the
    compiled search calls too, in the same order: the same floats.
    """
    priors = scorer.priors
    w_length, w_numbers = scorer.w_length, scorer.w_numbers
    w_latin, w_lexicon = scorer.w_latin, scorer.w_lexicon
    variance, offset, threshold = scorer._variance, scorer._offset, scorer.threshold
    src_len, tgt_len = scorer._src_len, scorer._tgt_len
    src_known, tgt_size = scorer._src_known, scorer._tgt_size
    src_trans, src_latin, src_num = scorer._src_trans, scorer._src_latin, scorer._src_num
    tgt_chinese, tgt_latin, tgt_num = scorer._tgt_chinese, scorer._tgt_latin, scorer._tgt_num
    numbers_on = bool(w_numbers) and (scorer._any_src_num or scorer._any_tgt_num)
    latin_on = bool(w_latin) and scorer._any_tgt_latin
    union = scorer._union
    hopeless = w_length * (_LOG_TAIL[_TAIL_MAX] + offset)
    log_tail, steps = _LOG_TAIL, _TAIL_STEPS
    length_weights = (w_length, offset, HOPELESS_DEVIATIONS)
    length_evidence, lexical_evidence = kernels.length_evidence, kernels.lexical_evidence
    number_evidence, latin_evidence = kernels.number_evidence, kernels.latin_evidence

    def score(i: int, a: int, j: int, b: int) -> float:
        total = priors[(a, b)]
        if a == 0 or b == 0:
            return total
        if w_length:
            term, done = length_evidence(
                src_len[i + a] - src_len[i],
                tgt_len[j + b] - tgt_len[j],
                variance,
                log_tail,
                steps,
                length_weights,
            )
            if done:
                return total + hopeless
            total += term
        if numbers_on:
            snum = src_num[i] if a == 1 else union(3, i, a)
            tnum = tgt_num[j] if b == 1 else union(2, j, b)
            if snum or tnum:
                total += w_numbers * number_evidence(len(snum & tnum), len(snum) + len(tnum))
        if latin_on:
            tl = tgt_latin[j] if b == 1 else union(1, j, b)
            if tl:
                shared = 0
                for lat in src_latin[i : i + a]:
                    shared += len(tl & lat)
                total += w_latin * latin_evidence(shared, len(tl))
        if w_lexicon:
            size = tgt_size[j + b] - tgt_size[j]
            known = src_known[i + a] - src_known[i]
            if known and size:
                chinese = tgt_chinese[j] if b == 1 else union(0, j, b)
                if a == 1:
                    hits = len(chinese & src_trans[i])
                else:
                    hits = 0
                    for trans in src_trans[i : i + a]:
                        hits += len(chinese & trans)
                total += w_lexicon * lexical_evidence(
                    hits, len(chinese), known, size, threshold, LEXICAL_CONFIDENCE_WORDS
                )
        return total

    return score


def _prefix(values: Iterable[float]) -> list[float]:
    out = [0.0]
    for v in values:
        out.append(out[-1] + v)
    return out


_EMPTY: frozenset[str] = frozenset()
#: Group sizes whose unions the scorer caches.
_MAX_CACHED_GROUP = 6


def _union(sets: Iterable[frozenset[str]]) -> frozenset[str]:
    out = _EMPTY
    for item in sets:
        if item:
            out = out | item if out else item
    return out


# Log two-tailed normal probability by steps of 1/_TAIL_STEPS standard deviations.
_TAIL_STEPS = 100
_TAIL_MAX = 8 * _TAIL_STEPS
_LOG_TAIL = [
    math.log(max(math.erfc(k / _TAIL_STEPS / math.sqrt(2.0)), 1e-11)) for k in range(_TAIL_MAX + 1)
]


def merge(features: Sequence[SegmentFeatures]) -> SegmentFeatures:
    """The features of several neighbouring segments taken as one."""
    if len(features) == 1:
        return features[0]
    if not features:
        return SegmentFeatures(0.0)
    return SegmentFeatures(
        sum(f.length for f in features),
        frozenset().union(*(f.numbers for f in features)),
        frozenset().union(*(f.latin for f in features)),
        frozenset().union(*(f.translations for f in features)),
        frozenset().union(*(f.chinese for f in features)),
        sum(f.size for f in features),
        sum(f.known for f in features),
    )


def lexical_similarity(source: SegmentFeatures, target: SegmentFeatures) -> float:
    """Dice-like share of lexicon matches: ``2·hits / (known words + Chinese words)``.

    ``hits`` counts the words of the target that translate some word of the
    source (a Chinese side's size is estimated as one word per
    :data:`CHARS_PER_WORD` Han characters). One set intersection: fast.
    """
    return _similarity((source,), source.known, target)


def _similarity(sources: Sequence[SegmentFeatures], known: int, target: SegmentFeatures) -> float:
    if not known or not target.size:
        return 0.0
    chinese = target.chinese
    hits = sum(len(chinese & s.translations) for s in sources)
    hits = min(hits, len(chinese))
    return min(1.0, 2.0 * hits / (known + target.size))


def population_deviation(values: Sequence[float]) -> float:
    """``statistics.pstdev(values)``, the same float, without fractions.

    The standard library (Python 3.11 on) returns the correctly rounded
    square root of the exact population variance, summing exact fractions
    one value at a time. Here the floats are put over one power-of-two
    denominator, so the exact variance is a ratio of two integers made with
    integer sums; the root is rounded as the library rounds it. Other
    inputs (Python 3.10, values that are not finite floats) go to
    :func:`statistics.pstdev` itself.

    >>> population_deviation([0.25, 0.5, 0.5, 1.0]) == statistics.pstdev([0.25, 0.5, 0.5, 1.0])
    True
    """
    if not _ROUNDED_ROOT or not values:
        return statistics.pstdev(values)
    try:
        ratios = [v.as_integer_ratio() for v in values if type(v) is float]
    except (OverflowError, ValueError):  # infinite or NaN
        return statistics.pstdev(values)
    if len(ratios) != len(values):
        return statistics.pstdev(values)
    bits = max(d.bit_length() for _, d in ratios) - 1  # denominators are powers of two
    scaled = [n << (bits - d.bit_length() + 1) for n, d in ratios]
    count = len(scaled)
    total = sum(scaled)
    # variance = (count · Σx² − (Σx)²) / (count² · 4^bits), reduced as a Fraction is
    numerator = count * sum(x * x for x in scaled) - total * total
    denominator = count * count << (2 * bits)
    common = math.gcd(numerator, denominator)
    return _root(numerator // common, denominator // common)


#: Whether statistics.pstdev rounds the exact root once (Python 3.11 on).
_ROUNDED_ROOT: bool = sys.version_info >= (3, 11)
#: Bits a square root is worked out to before it is rounded to a float.
_ROOT_BITS = 2 * sys.float_info.mant_dig + 3


def _root(n: int, m: int) -> float:
    """Square root of ``n / m`` as a float, correctly rounded (round-to-odd, then to float).

    The method of :mod:`statistics` (Python 3.11 on), which :func:`population_deviation` matches.
    """
    q = (n.bit_length() - m.bit_length() - _ROOT_BITS) // 2
    if q >= 0:
        return float(_root_to_odd(n, m << 2 * q) << q)
    return _root_to_odd(n << -2 * q, m) / (1 << -q)


def _root_to_odd(n: int, m: int) -> int:
    """Square root of ``n / m`` rounded down, with the last bit set if it was not exact."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)
