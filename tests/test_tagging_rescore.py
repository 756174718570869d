"""Tests for the second stage of tagging (aistress.tagging.rescore).

Every sentence here is one we wrote for these tests.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.errors import InvalidValueError, RuleError
from aistress.tagging import Tagger, labels
from aistress.tagging.rescore import (
    Candidate,
    Context,
    Rescorer,
    candidate_features,
    default_rescorer,
    floor_holds,
)
from conftest import article_of as _article

PARAGRAPHS = [
    "Our lab works every weekend and nobody takes a day off before the deadline.",
    "Long weeks are not the problem for us; the money is.",
    "She said a counsellor on campus helped her more than any retreat.",
    "We should never cap the working hours, the op-ed argued.",
]


def test_shipped_rescorer_loads_with_sane_bounds() -> None:
    """The shipped second stage has a floor under its threshold and some weights."""
    r = default_rescorer()
    assert 0.0 < r.floor < r.threshold < 1.0
    assert r.weights


def test_shipped_threshold_is_the_one_its_recorded_choice_gives() -> None:
    """The shipped threshold follows tools/choose_threshold.py's rule from its recorded figures."""
    document = default_rescorer().document
    choice = document["threshold_choice"]
    every = {float(t): f for t, f in choice["every"].items()}
    kept = [t for t in every if every[t]["seeds"] >= 0.95]
    assert default_rescorer().threshold == max(kept, key=lambda t: (every[t]["mean"], -t))
    assert document["threshold_out_of_fold"] <= max(every)


@pytest.mark.parametrize(
    "document",
    [{}, {"bias": 0.0, "weights": {}, "floor": 2.0, "threshold": 0.3}, {"bias": "x"}],
)
def test_bad_rescorer_files_raise_rule_error(document: dict[str, Any]) -> None:
    """A file that is not a second-stage model is a RuleError."""
    with pytest.raises(RuleError):
        Rescorer(document)


def test_rules_sure_keeps_the_rules_confidence() -> None:
    """A candidate the rules are sure of keeps the rules' confidence if higher."""
    r = Rescorer({"bias": -5.0, "weights": {}, "floor": 0.1, "threshold": 0.3, "rules_sure": 0.5})
    assert r.confidence({"ruled": 0.8}) == 0.8
    assert r.confidence({"ruled": 0.4}) < 0.01


def test_rules_sure_is_per_language_and_script() -> None:
    """A floor per calibration key applies to that key only; other keys get none."""
    floors = {"en": 0.45, "zh-Hant": 0.65}
    document = {"bias": -5.0, "weights": {}, "floor": 0.1, "threshold": 0.3}
    r = Rescorer({**document, "rules_sure": floors})
    assert r.confidence({"ruled": 0.6}, "en") == 0.6
    assert r.confidence({"ruled": 0.6}, "zh-Hant") < 0.01
    assert r.confidence({"ruled": 0.7}, "zh-Hant") == 0.7
    assert r.confidence({"ruled": 0.9}, "zh-Hans") < 0.01
    assert r.sure("zh-Hans") > 1.0
    with pytest.raises(RuleError):
        Rescorer({**document, "rules_sure": [1]})


def test_rules_floor_holds_once_per_category_and_document() -> None:
    """With ``rules_sure_once``, only the surest rules' candidate of a category keeps the floor."""
    document = {"bias": -5.0, "weights": {"x": 10.0}, "floor": 0.1, "threshold": 0.3}
    r = Rescorer({**document, "rules_sure": 0.45, "rules_sure_once": True})
    rows = [{"ruled": 0.5}, {"ruled": 0.7}, {"ruled": 0.7}, {"ruled": 0.5}]
    found = r.confidences(rows, ["en"] * 4, ["a", "a", "a", "b"])
    assert found[1] == 0.7
    assert found[3] == 0.5
    assert found[0] < 0.01
    assert found[2] < 0.01
    # A candidate the model itself accepts takes the category's place: no floor elsewhere.
    found = r.confidences([{"ruled": 0.7}, {"x": 1.0}], ["en"] * 2, ["a", "a"])
    assert found[0] < 0.01
    assert found[1] > 0.99
    # Alone in its document, a candidate keeps the floor as before.
    assert r.confidence({"ruled": 0.7}, "en") == 0.7
    every = Rescorer({**document, "rules_sure": 0.45})
    assert every.confidences(rows, ["en"] * 4, ["a", "a", "a", "b"]) == [0.5, 0.7, 0.7, 0.5]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1), st.sampled_from("abc")),
        max_size=12,
    ),
    st.floats(0, 1),
)
def test_floor_held_once_is_a_subset_of_every_floor(
    rows: list[tuple[float, float, float, str]], threshold: float
) -> None:
    """Held once, the floor holds where it would hold anyway, at most once per category."""
    found = [r[0] for r in rows]
    ruled = [r[1] for r in rows]
    floors = [r[2] for r in rows]
    categories = [r[3] for r in rows]
    every = floor_holds(found, ruled, floors, categories, None)
    once = floor_holds(found, ruled, floors, categories, threshold)
    assert all(e or not o for e, o in zip(every, once, strict=True))
    for category in set(categories):
        assert sum(o for o, c in zip(once, categories, strict=True) if c == category) <= 1


def test_shipped_floors_keep_the_rules_where_the_seeds_need_them() -> None:
    """The shipped floor is 0.45 in English and Simplified Chinese, where the seeds are."""
    r = default_rescorer()
    assert r.sure("en") == r.sure("zh-Hans") == 0.45
    assert r.sure("zh-Hant") >= 0.45


def test_a_weak_category_inside_a_stronger_ones_evidence_is_covered() -> None:
    """Evidence lying inside a stronger category's evidence is marked ``covered``."""
    strong = Candidate(0, "reasonable_hours", False, 0.9, 0.9, ((0, 8),), False, False)
    weak = Candidate(0, "overwork", True, 0.4, 0.4, ((0, 2),), False, False)
    rows = candidate_features([strong, weak], [Context("加班时数上限", "zh-Hans")])
    assert "covered" in rows[1]
    assert "covered" not in rows[0]
    assert rows[1]["rival_other"] == 0.9


def test_negation_and_denial_in_the_document_are_features() -> None:
    """A negation before the evidence and denials elsewhere in the document are read."""
    text = "The hours are not long here."
    c = Candidate(0, "overwork", True, 0.5, 0.5, ((4, 9),), False, False)
    blocks = [Context(text, "en"), Context("x", "en", denied=frozenset({"overwork"}))]
    (row,) = candidate_features([c], blocks)
    assert row["negation_sentence"] == 1.0
    assert row["doc_denied"] > 0


def test_shared_cues_read_the_candidates_sentence_only() -> None:
    """Negation, conditions and quotation come from the shared text tools, per sentence."""
    text = 'We work late most nights. If it went on, "I would quit" she said. 不少人加班。'
    at, quits, hours = text.index("late"), text.index("quit"), text.index("加班")
    late = Candidate(0, "overwork", True, 0.5, 0.5, ((at, at + 4),), False, False)
    quit_ = Candidate(0, "churn", True, 0.5, 0.5, ((quits, quits + 4),), False, False)
    many = Candidate(0, "overwork", True, 0.5, 0.5, ((hours, hours + 2),), False, False)
    rows = candidate_features([late, quit_, many], [Context(text, "en")])
    assert not {"negation_sentence", "hedge", "modal", "quoted"} & set(rows[0])
    assert rows[1]["hedge"] == 1.0
    assert rows[1]["quoted"] == 1.0
    assert "negation_sentence" not in rows[2]  # 不少 is no negation


def test_evidence_over_several_sentences_reads_all_of_them() -> None:
    """Evidence spread over sentences reads the cues of every sentence between."""
    text = "Weekends vanish. Perhaps nobody minds. Deadlines pile up again."
    first, last = text.index("Weekends"), text.index("pile")
    wide = Candidate(
        0, "overwork", True, 0.5, 0.5, ((first, first + 8), (last, last + 4)), False, False
    )
    narrow = Candidate(0, "pace", True, 0.5, 0.5, ((last, last + 4),), False, False)
    rows = candidate_features([wide, narrow], [Context(text, "en")])
    assert rows[0]["hedge"] == 1.0
    assert rows[0]["negation_sentence"] == 1.0
    assert not {"hedge", "negation_sentence"} & set(rows[1])


def test_a_rejection_is_its_own_feature() -> None:
    """A rejection in the candidate's sentence is read apart from a negation."""
    text = "The union rejected the plan to cap hours."
    c = Candidate(0, "reasonable_hours", False, 0.5, 0.5, ((30, 40),), False, False)
    (row,) = candidate_features([c], [Context(text, "en")])
    assert row["rejection"] == 1.0
    assert "negation_sentence" not in row


def test_lower_min_confidence_only_adds_tags() -> None:
    """Asking for lower confidences adds tags; the tags already found keep their confidence."""
    article = _article(*PARAGRAPHS)
    high = {(t.block, t.category): t.confidence for t in Tagger().tag(article, quotes=())}
    low = {
        (t.block, t.category): t.confidence
        for t in Tagger(min_confidence=0.0).tag(article, quotes=())
    }
    assert set(high) <= set(low)
    assert all(low[k] == v for k, v in high.items())


def test_rescorer_none_gives_the_first_stage() -> None:
    """Without the second stage the model's own threshold and confidences stand."""
    article = _article(*PARAGRAPHS)
    first = Tagger(rescorer=None)
    assert labels(first.tag(article, quotes=())) >= labels(
        Tagger(rescorer=None, min_confidence=0.9).tag(article, quotes=())
    )
    with pytest.raises(InvalidValueError, match="rescorer"):
        Tagger(rescorer="other")
    with pytest.raises(TypeError):
        Tagger(rescorer=3)  # type: ignore[arg-type]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(max_size=120), min_size=1, max_size=4))
def test_any_document_rescores_without_error(texts: list[str]) -> None:
    """Any blocks tag without error, with confidences between 0 and 1."""
    for t in Tagger().tag(_article(*texts), quotes=()):
        assert 0.0 <= t.confidence <= 1.0
