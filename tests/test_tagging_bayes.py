"""Tests for the naive Bayes scores the second stage reads (aistress.tagging.bayes).

Every sentence here is one we wrote for these tests.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.errors import RuleError
from aistress.tagging.bayes import NaiveBayes
from aistress.tagging.rescore import Candidate, Context, candidate_features

TABLE = {
    "categories": ["overwork", "pace"],
    "keys": ["zh-Hans", "zh-Hant"],
    "floor": 4,
    "weights": {"z:加班": [[0, 2.0]], "c:快": [[1, 1.5], [0, -0.5]], "c:班": [[0, 0.25]]},
}


def test_scores_sum_the_ratios_of_the_features_present() -> None:
    """A category's score is the sum of its features' ratios, scaled like the model's text."""
    bayes = NaiveBayes(TABLE)
    scores = bayes.scores(frozenset({"z:加班", "c:班", "c:快", "c:我"}))
    assert scores == [(2.0 + 0.25 - 0.5) / 2.0, 1.5 / 2.0]
    assert bayes.scores(frozenset()) == [0.0, 0.0]
    assert bayes.keys == {"zh-Hans", "zh-Hant"}


@pytest.mark.parametrize(
    "document",
    [
        {},
        {**TABLE, "weights": {"c:快": [[5, 1.0]]}},
        {**TABLE, "weights": {"c:快": "x"}},
        {**TABLE, "floor": "many"},
    ],
)
def test_bad_tables_raise_rule_error(document: dict[str, Any]) -> None:
    """A file that is not a naive Bayes table is a RuleError."""
    with pytest.raises(RuleError):
        NaiveBayes(document)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["z:加班", "c:班", "c:快", "c:我", "w:late"]), unique=True))
def test_scores_do_not_depend_on_the_order_of_the_features(features: list[str]) -> None:
    """The sum runs in sorted feature order: any order of the same features gives the same bits."""
    bayes = NaiveBayes(TABLE)
    forward = bayes.scores(frozenset(features))
    backward = bayes.scores(frozenset(reversed(features)))
    assert forward == backward
    assert all(math.isfinite(v) for v in forward)


def test_the_score_is_a_feature_of_its_key_only() -> None:
    """A candidate with a naive Bayes score gets it as a feature named by its block's key."""
    scored = Candidate(0, "overwork", True, 0.5, 0.5, ((0, 2),), False, False, 0.75)
    plain = Candidate(1, "overwork", True, 0.5, 0.5, ((0, 2),), False, False)
    rows = candidate_features([scored, plain], [Context("加班。", "zh-Hant"), Context("x", "en")])
    assert rows[0]["bayes&key:zh-Hant"] == 0.75
    assert not any(k.startswith("bayes") for k in rows[1])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["z:加班", "c:班", "c:快", "c:我", "w:late", "w:x", "b:a b"])),
    st.lists(st.integers(0, 2), max_size=3),
    st.lists(st.floats(-3, 3, allow_nan=False), min_size=9, max_size=9),
)
def test_scores_of_some_categories_are_the_bits_of_all_scores(
    features: list[str], wanted: list[int], weights: list[float]
) -> None:
    """Scoring only some categories gives each exactly the float scoring them all gives."""
    names = ["z:加班", "c:班", "c:快", "w:late", "b:a b"]
    table = {
        "categories": ["a", "b", "c"],
        "keys": ["en"],
        "weights": {
            name: [[k % 3, weights[(i + k) % 9]] for k in range(i % 3 + 1)]
            for i, name in enumerate(names)
        },
    }
    table["weights"]["c:快"].append([0, 0.1])  # a category listed twice for one feature
    bayes = NaiveBayes(table)
    text = frozenset(features)
    every = bayes.scores(text)
    assert bayes.scores_of(text, wanted) == [every[c] for c in wanted]
