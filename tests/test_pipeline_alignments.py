"""Tests that a pipeline run aligns each pair of texts once (counted, never timed)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest

import aistress.alignment
from aistress.alignment import AlignmentCache, AlignOptions, align
from aistress.comparison import compare
from aistress.model import Article, Bead, Block
from aistress.pipeline import analyse_paths
from aistress.sample import sample_paths


def _article(id: str, language: str, *paragraphs: str) -> Article:
    return Article(id, language, "news", blocks=[Block("paragraph", p) for p in paragraphs])


ENGLISH = _article(
    "en",
    "en",
    "The lab cut its hours to 40 a week in 2025.",
    "Students said the deadlines left no time to rest. Nobody slept well.",
)
CHINESE = _article(
    "zh",
    "zh",
    "该实验室在2025年把工时减到每周40小时。",
    "学生们说，截止日期让他们没有时间休息。没人睡得好。",
)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[tuple[str, ...], ...]]:
    """Every whole-text alignment the aligner makes, counted by its pair of texts."""
    made: Counter[tuple[tuple[str, ...], ...]] = Counter()
    real = aistress.alignment.align_paragraphs

    def counting(source: Sequence[str], target: Sequence[str], **options: Any) -> list[Bead]:
        made[(tuple(source), tuple(target))] += 1
        return real(source, target, **options)

    monkeypatch.setattr(aistress.alignment, "align_paragraphs", counting)
    return made


def test_a_report_run_aligns_each_pair_once(counted: Counter[Any]) -> None:
    """Relations, comparisons and their sentence alignments share one alignment per pair."""
    analysis = analyse_paths([str(p) for p in sample_paths()])
    assert analysis.comparisons
    assert counted
    assert max(counted.values()) == 1


def test_the_cache_returns_what_it_made(counted: Counter[Any]) -> None:
    """With a cache, the paragraph and the sentence alignment of a pair align its texts once."""
    cache = AlignmentCache()
    paragraphs = align(ENGLISH, CHINESE, unit="paragraph", cache=cache)
    assert align(ENGLISH, CHINESE, unit="paragraph", cache=cache) is paragraphs
    sentences = align(ENGLISH, CHINESE, unit="sentence", cache=cache)
    assert align(ENGLISH, CHINESE, unit="sentence", cache=cache) is sentences
    assert list(counted.values()) == [1]
    assert len(cache) == 2


def test_cached_and_fresh_alignments_are_equal(counted: Counter[Any]) -> None:
    """An alignment taken from a cache equals one made afresh, in both units."""
    cache = AlignmentCache()
    for unit in ("paragraph", "sentence"):
        kept = align(ENGLISH, CHINESE, unit=unit, cache=cache)
        assert align(ENGLISH, CHINESE, unit=unit) == kept
    assert list(counted.values()) == [3]


def test_options_are_part_of_the_key(counted: Counter[Any]) -> None:
    """Other options make another alignment; options holding a table are not kept."""
    cache = AlignmentCache()
    align(ENGLISH, CHINESE, unit="paragraph", cache=cache)
    align(ENGLISH, CHINESE, unit="paragraph", cache=cache, options=AlignOptions(learn=False))
    priors = AlignOptions(priors={(1, 1): 0.0})
    align(ENGLISH, CHINESE, unit="paragraph", cache=cache, options=priors)
    align(ENGLISH, CHINESE, unit="paragraph", cache=cache, options=priors)
    assert sum(counted.values()) == 4
    assert len(cache) == 2


def test_compare_with_a_cache_is_compare_without(counted: Counter[Any]) -> None:
    """A comparison starting from a run's cached alignment is the comparison made afresh."""
    cache = AlignmentCache()
    align(ENGLISH, CHINESE, unit="paragraph", cache=cache)
    cached = compare(ENGLISH, CHINESE, cache=cache)
    assert sum(counted.values()) == 1
    assert compare(ENGLISH, CHINESE) == cached


def test_the_program_freezes_what_starting_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as the program (no argv), main freezes the start-up objects; called with argv, never."""
    import gc

    from aistress.cli import main

    monkeypatch.setattr("sys.argv", ["aistress", "--version"])
    before = gc.get_freeze_count()
    try:
        main(["--version"])
        assert gc.get_freeze_count() == before
        main()
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
