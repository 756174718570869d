from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aistress.alignment import compiled, kernels
from aistress.alignment.aligner import AlignOptions, _ArrayLevel, align_segments, bead_types
from aistress.alignment.evidence import BeadScorer, LengthModel, SegmentFeatures, compiled_score
from aistress.alignment.lexicon import learn_cooccurrence
from aistress.alignment.search import band_around, banded_search, full_band
from conftest import segment_features

pytest.importorskip("numba")
if not kernels.available():
    pytest.skip("the compiled search is switched off", allow_module_level=True)

# Whole lengths make equal scores, and so ties, common.
features = segment_features("abcdef", 4, whole=True)


@st.composite
def problems(draw: st.DrawFn) -> tuple[list[SegmentFeatures], list[SegmentFeatures], list]:
    """Two lists of features and a band over them: the full matrix or one around a path."""
    source = draw(st.lists(features, max_size=14))
    target = draw(st.lists(features, max_size=14))
    n, m = len(source), len(target)
    band = full_band(n, m)
    if draw(st.booleans()) and n and m:
        steps = [(1, 1)] * min(n, m) + [(1, 0)] * (n - min(n, m)) + [(0, 1)] * (m - min(n, m))
        order = draw(st.permutations(steps))
        path, i, j = [], 0, 0
        for a, b in order:
            path.append((i, a, j, b))
            i, j = i + a, j + b
        band = band_around(path, n, m, width=draw(st.integers(1, 3)))
    return source, target, band


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(
    problems(),
    st.integers(1, 4),
    st.floats(0, 0.9),
    st.fixed_dictionaries(
        {
            "length": st.sampled_from([0.0, 1.0]),
            "numbers": st.sampled_from([0.0, 2.0]),
            "latin": st.sampled_from([0.0, 2.0]),
            "lexicon": st.sampled_from([0.0, 10.0]),
        }
    ),
    st.sampled_from([None, 3.0, 6.0]),
)
def test_compiled_search_gives_the_reference_path(
    problem: tuple[list[SegmentFeatures], list[SegmentFeatures], list],
    max_group: int,
    threshold: float,
    weights: dict[str, float],
    limit: float | None,
) -> None:
    """The compiled search returns exactly the pure-Python search's beads, ties included."""
    source, target, band = problem
    types = bead_types(max_group)
    priors = {(a, b): AlignOptions().prior(a, b) for a, b in types}
    model = LengthModel(1.0, 4.5, 2.0)
    scorer = BeadScorer(source, target, model, weights, priors, threshold)
    nulls = {(a, b): priors[(a, b)] for a, b in types if a == 0 or b == 0}
    gate = None if limit is None else (scorer.source_lengths, scorer.target_lengths, 4.5, limit)
    n, m = len(source), len(target)
    reference = banded_search(n, m, band, types, compiled_score(scorer), nulls, gate)
    fast = compiled.banded_search(
        (*compiled.sides(source, target), weights, threshold),
        band,
        types,
        [priors[t] for t in types],
        (4.5, 2.0),
        None if limit is None else (4.5, limit),
    )
    assert fast is not None
    assert fast[0] == reference
    assert fast[1] == [scorer.score(*bead) for bead in reference]


def test_compiled_search_refuses_a_band_that_does_not_connect() -> None:
    """A band that misses (n, m) raises the reference's ValueError."""
    feats = [SegmentFeatures(10.0)] * 3
    types = bead_types(2)
    scorer = (*compiled.sides(feats, feats), {}, 0.0)
    with pytest.raises(ValueError, match="does not connect"):
        compiled.banded_search(
            scorer, [(0, 0), (0, 0), (0, 0), (0, 2)], types, [0.0] * 6, None, None
        )


EN = [
    "The model was released in May 2024.",
    "Researchers were tired and the lab hired 40 people.",
    "Ada Quill spoke.",
    "Deadlines kept moving.",
    "Nobody slept.",
    "OpenAI said 3 teams left.",
] * 12
ZH = [
    "该模型于 2024 年 5 月发布。",
    "研究人员很累。",
    "实验室雇了 40 人。",
    "艾达·奎尔（Ada Quill）发言了。",
    "截止日期一再推迟。",
    "没有人睡觉。",
    "OpenAI 说有 3 个团队离开了。",
] * 12


@pytest.mark.parametrize(
    "options",
    [AlignOptions(dictionary=False), AlignOptions(dictionary=False, lexicon=False, learn=False)],
)
def test_alignment_is_the_same_with_and_without_the_compiled_search(
    monkeypatch: pytest.MonkeyPatch, options: AlignOptions
) -> None:
    """Every search compiled or every search in Python: the same beads and scores."""
    monkeypatch.setattr(kernels, "MIN_WORK", 0)
    fast = align_segments(EN, ZH, options=options)
    with _no_kernels():
        assert align_segments(EN, ZH, options=options) == fast


@pytest.mark.heavy
def test_short_alignments_do_not_import_numba() -> None:
    """Aligning a short text leaves numba unimported (its import would dwarf the work)."""
    code = (
        "import sys, aistress\n"
        "aistress.align('The pace is fast. Researchers are stressed.',\n"
        "               '节奏很快。研究人员压力很大。')\n"
        "print('numba' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"


english_words = st.lists(st.sampled_from(["ada", "quill", "lab", "model", "tired", "the"]))
chinese_texts = st.text(alphabet="艾达奎尔实验室模型累·的", max_size=12)


@settings(deadline=None, max_examples=60)
@given(
    st.lists(st.tuples(english_words, chinese_texts), max_size=30),
    st.integers(1, 3),
    st.sampled_from([0.0, 0.3, 0.6]),
    st.integers(1, 3),
)
def test_compiled_cooccurrence_learns_the_reference_lexicon(
    pairs: list[tuple[list[str], str]], min_count: int, min_dice: float, per_word: int
) -> None:
    """Co-occurrence counted by the compiled kernel learns exactly the pure-Python lexicon."""
    options = {"min_count": min_count, "min_dice": min_dice, "per_word": per_word}
    with _work_limits(0, 0):
        fast = learn_cooccurrence(pairs, **options)
    with _no_kernels():
        reference = learn_cooccurrence(pairs, **options)
    assert {e: fast.translations(e) for e in fast} == {
        e: reference.translations(e) for e in reference
    }


@contextlib.contextmanager
def _work_limits(big: int, small: int) -> Iterator[None]:
    """Run compiled from ``big`` steps (``small`` once loaded)."""
    kept = kernels.MIN_WORK, kernels.SMALL_WORK
    kernels.MIN_WORK, kernels.SMALL_WORK = big, small
    try:
        yield
    finally:
        kernels.MIN_WORK, kernels.SMALL_WORK = kept


@contextlib.contextmanager
def _no_kernels() -> Iterator[None]:
    """Run with the compiled kernels switched off."""
    kept = list(kernels._LOADED)
    kernels._LOADED[:] = [None]
    try:
        yield
    finally:
        kernels._LOADED[:] = kept


@st.composite
def paths(draw: st.DrawFn) -> tuple[list[tuple[int, int, int, int]], int, int, list, list]:
    """A monotone path of beads over coarse units, and where each unit starts."""
    steps = draw(st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (1, 2), (2, 1)]), max_size=12))
    path, i, j = [], 0, 0
    for a, b in steps:
        path.append((i, a, j, b))
        i, j = i + a, j + b
    src_sizes = draw(st.lists(st.integers(1, 4), min_size=i, max_size=i))
    tgt_sizes = draw(st.lists(st.integers(1, 4), min_size=j, max_size=j))
    src_starts = [sum(src_sizes[:k]) for k in range(i + 1)]
    tgt_starts = [sum(tgt_sizes[:k]) for k in range(j + 1)]
    return path, src_starts[-1], tgt_starts[-1], src_starts, tgt_starts


@settings(deadline=None, max_examples=80)
@given(paths(), st.integers(1, 4), st.booleans())
def test_compiled_band_is_the_reference_band(
    problem: tuple[list[tuple[int, int, int, int]], int, int, list, list],
    width: int,
    coarse: bool,
) -> None:
    """The compiled band around a path (fine or coarse) is band_around's, node for node."""
    path, n, m, src_starts, tgt_starts = problem
    if not coarse:
        n, m = (path[-1][0] + path[-1][1], path[-1][2] + path[-1][3]) if path else (0, 0)
        src_starts = tgt_starts = None
    reference = band_around(
        path, n, m, source_starts=src_starts, target_starts=tgt_starts, width=width
    )
    assert compiled.band_around(path, n, m, (src_starts, tgt_starts), width) == reference


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(problems(), st.data())
def test_compiled_merge_and_similarities_are_the_reference(
    problem: tuple[list[SegmentFeatures], list[SegmentFeatures], list], data: st.DataObject
) -> None:
    """Merged sides hold the reference's word sets; compiled similarities are the reference's."""
    source, target, _ = problem
    if not source or not target:
        return
    src, tgt = compiled.sides(source, target)
    cuts = sorted(
        data.draw(st.sets(st.integers(1, len(source) - 1) if len(source) > 1 else st.nothing()))
    )
    starts = [0, *cuts, len(source)]
    fast = src.merged(starts)
    with _no_kernels():
        slow = src.merged(starts)
    for r in range(3):
        for g in range(len(starts) - 1):
            assert set(fast.ids[fast.ptr[r, g] : fast.ptr[r, g + 1]].tolist()) == set(
                slow.ids[slow.ptr[r, g] : slow.ptr[r, g + 1]].tolist()
            )
            assert fast.ptr[r, g + 1] - fast.ptr[r, g] == slow.ptr[r, g + 1] - slow.ptr[r, g]
    level = _ArrayLevel(src, tgt)
    pairs = [(k, r) for k in range(len(source)) for r in range(len(target))]
    assert compiled.similarities(src, tgt, pairs) == [level.similarity(k, r) for k, r in pairs]
