from __future__ import annotations

import random
import statistics
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.alignment import aligner, diskcache
from aistress.alignment.aligner import AlignOptions, align_segments, bead_types
from aistress.alignment.evidence import (
    BeadScorer,
    LengthModel,
    SegmentFeatures,
    compiled_score,
    population_deviation,
)
from aistress.alignment.lexicon import Lexicon, learn_cooccurrence
from aistress.alignment.search import banded_search, full_band
from conftest import segment_features

features = segment_features("abcde", 3, whole=False)


@given(
    st.lists(features, min_size=1, max_size=6),
    st.lists(features, min_size=1, max_size=6),
    st.floats(0, 0.9),
)
def test_compiled_score_equals_reference(
    source: list[SegmentFeatures], target: list[SegmentFeatures], threshold: float
) -> None:
    """The search's compiled scorer gives the very floats of BeadScorer.score."""
    types = bead_types(4)
    priors = {(a, b): AlignOptions().prior(a, b) for a, b in types}
    weights = {"length": 1.0, "numbers": 2.0, "latin": 2.0, "lexicon": 10.0}
    scorer = BeadScorer(source, target, LengthModel(1.0, 4.5, 2.0), weights, priors, threshold)
    fast = compiled_score(scorer)
    for i in range(len(source) + 1):
        for j in range(len(target) + 1):
            for a, b in types:
                if i + a <= len(source) and j + b <= len(target):
                    assert fast(i, a, j, b) == scorer.score(i, a, j, b)


# Whole lengths and sizes make equal scores, and so ties, common.
tied = segment_features("abcde", 3, whole=True)
some_weights = st.fixed_dictionaries(
    {
        "length": st.sampled_from([0.0, 1.0]),
        "numbers": st.sampled_from([0.0, 2.0]),
        "latin": st.sampled_from([0.0, 2.0]),
        "lexicon": st.sampled_from([0.0, 10.0]),
    }
)


@given(
    st.lists(tied, min_size=1, max_size=6),
    st.lists(tied, min_size=1, max_size=6),
    st.floats(0, 1.5),
    some_weights,
    st.sampled_from([-3.0, 0.0, 2.0]),
)
def test_no_bead_scores_above_its_ceiling(
    source: list[SegmentFeatures],
    target: list[SegmentFeatures],
    threshold: float,
    weights: dict[str, float],
    offset: float,
) -> None:
    """BeadScorer.ceiling bounds every score of its bead type, as computed."""
    types = bead_types(4)
    priors = {(a, b): AlignOptions().prior(a, b) for a, b in types}
    scorer = BeadScorer(source, target, LengthModel(1.0, 4.5, offset), weights, priors, threshold)
    for i in range(len(source) + 1):
        for j in range(len(target) + 1):
            for a, b in types:
                if i + a <= len(source) and j + b <= len(target):
                    assert scorer.score(i, a, j, b) <= scorer.ceiling(a, b)


@given(
    st.lists(tied, max_size=12),
    st.lists(tied, max_size=12),
    st.integers(1, 4),
    st.floats(0, 0.9),
    some_weights,
    st.booleans(),
)
def test_search_skipping_beads_under_their_ceiling_finds_the_same_path(
    source: list[SegmentFeatures],
    target: list[SegmentFeatures],
    max_group: int,
    threshold: float,
    weights: dict[str, float],
    gated: bool,
) -> None:
    """The search with ceilings returns the path of the search scoring every bead, ties included."""
    types = bead_types(max_group)
    priors = {(a, b): AlignOptions().prior(a, b) for a, b in types}
    scorer = BeadScorer(source, target, LengthModel(1.0, 4.5, 2.0), weights, priors, threshold)
    nulls = {(a, b): priors[(a, b)] for a, b in types if a == 0 or b == 0}
    gate = (scorer.source_lengths, scorer.target_lengths, 4.5, 4.25) if gated else None
    ceilings = {(a, b): scorer.ceiling(a, b) for a, b in types}
    n, m = len(source), len(target)
    every = banded_search(n, m, full_band(n, m), types, scorer.score, nulls, gate)
    skipping = banded_search(n, m, full_band(n, m), types, scorer.score, nulls, gate, ceilings)
    assert skipping == every


EN = [
    "The model was released in May 2024.",
    "Researchers were tired.",
    "Ada Quill spoke.",
    "The lab hired 40 people.",
    "Deadlines kept moving.",
    "Nobody slept.",
] * 3
ZH = [
    "该模型于 2024 年 5 月发布。",
    "研究人员很累。",
    "艾达·奎尔（Ada Quill）发言了。",
    "实验室雇了 40 人。",
    "截止日期一再推迟。",
    "没有人睡觉。",
] * 3


def test_alignment_with_reference_scorer_is_identical(monkeypatch: pytest.MonkeyPatch) -> None:
    """Aligning with the reference BeadScorer.score gives the same beads and scores."""
    options = AlignOptions(dictionary=False)
    fast = align_segments(EN, ZH, options=options)
    monkeypatch.setattr(aligner, "compiled_score", lambda scorer: scorer.score)
    assert align_segments(EN, ZH, options=options) == fast


def test_learned_pairs_need_min_count() -> None:
    """Co-occurrence learning keeps pairs seen together min_count times, as before."""
    beads = [(["abraham"], "亚伯拉罕说"), (["abraham"], "亚伯拉罕去"), (["went"], "他去了")]
    assert "伯拉罕" in learn_cooccurrence(beads).translations("abraham")
    assert not learn_cooccurrence(beads, min_count=3)


def test_lexicons_combine_without_copying() -> None:
    """``a | b`` looks words up in both and leaves both unchanged."""
    a, b = Lexicon({"say": {"说"}}), Lexicon({"say": {"道"}, "god": {"神"}})
    both = a | b
    assert both.translations("said") == {"说", "道"}
    assert both.chinese_words() == {"说", "道", "神"}
    assert sorted(both) == ["god", "say"]
    assert len(both) == 2
    assert a.translations("say") == {"说"}
    assert (a | Lexicon()) is a


def test_disk_cache_derives_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cached value is derived once per source version and reread after."""
    monkeypatch.setenv("AISTRESS_CACHE_DIR", str(tmp_path / "cache"))
    source = tmp_path / "dict.txt"
    source.write_text("one", encoding="utf-8")
    calls: list[int] = []

    def derive() -> dict[str, str]:
        calls.append(1)
        return {"k": source.read_text(encoding="utf-8")}

    assert diskcache.cached("t", source, "1", derive) == {"k": "one"}
    assert diskcache.cached("t", source, "1", derive) == {"k": "one"}
    assert len(calls) == 1
    assert diskcache.cached("t", source, "2", derive) == {"k": "one"}
    assert len(calls) == 2
    assert len(list((tmp_path / "cache").iterdir())) == 2


def test_disk_cache_survives_an_unwritable_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no usable cache folder the value is derived and nothing fails."""
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("AISTRESS_CACHE_DIR", str(blocker / "sub"))
    assert diskcache.cached("t", blocker, "1", lambda: [1, 2]) == [1, 2]
    assert diskcache.cached("t", tmp_path / "missing", "1", lambda: 3) == 3


def test_quoted_speech_is_a_key_both_languages_share() -> None:
    """Opening quotation marks give the QUOTED key; an apostrophe does not."""
    from aistress.alignment.evidence import QUOTED, chinese_features, english_features

    assert QUOTED in english_features("'You're hopeless!' he jeered.", None).numbers
    assert QUOTED in english_features("He said: “Stop.”", None).numbers
    assert QUOTED not in english_features("The boys' lab wasn't open.", None).numbers
    assert QUOTED in chinese_features("他说：“停下。”", frozenset(), 1.0).numbers


def test_quotes_are_dropped_when_one_text_never_quotes() -> None:
    """A text without quotation marks says nothing about where its translation quotes."""
    from aistress.alignment.evidence import QUOTED, strip_quotes

    quoted = [SegmentFeatures(5.0, numbers=frozenset({QUOTED, "n:2"}))]
    plain = [SegmentFeatures(5.0)]
    assert strip_quotes(quoted, plain)[0].numbers == frozenset({"n:2"})
    assert strip_quotes(quoted, quoted) == quoted


@given(
    st.lists(
        st.one_of(
            st.floats(0, 1),
            st.floats(allow_nan=False, allow_infinity=False),
            st.sampled_from([0.0, 0.5, 1 / 3, 5e-324, 1e308]),
        ),
        min_size=1,
        max_size=60,
    )
)
def test_population_deviation_is_the_libraries_float(values: list[float]) -> None:
    """The integer-sum deviation equals statistics.pstdev bit for bit."""
    assert population_deviation(values) == statistics.pstdev(values)


def test_population_deviation_of_the_thresholds_samples() -> None:
    """Four hundred similarities with repeats, as a threshold samples them, give pstdev's float."""
    rng = random.Random(7)
    values = [rng.choice([0.0, 0.0, rng.random(), 2 / 7, 0.125]) for _ in range(400)]
    assert population_deviation(values) == statistics.pstdev(values)
    assert population_deviation([1, 2.5]) == statistics.pstdev([1, 2.5])
