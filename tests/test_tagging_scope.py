"""Tests for tagging polarity and scope, Traditional Chinese, handles, titles and calibration.

Every sentence here is one we wrote for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import AistressError
from aistress.model import Remedy, Stressor
from aistress.tagging import (
    Polarity,
    RuleSet,
    calibrate,
    default_rules,
    labels,
    polarity,
    tag,
    tag_text,
)
from aistress.text.script import to_simplified
from conftest import article_of as _article

#: Traditional sentences we wrote, each with the category it must carry.
TRADITIONAL = [
    ("overwork", "她說團隊每天加班到凌晨，週末也沒有休息。"),
    ("counseling", "公司開始提供免費的心理諮商服務。"),
    ("churn", "技術負責人帶著兩名工程師跳槽到別家公司。"),
    ("isolation", "讀博的日子很孤獨，沒有人可以說話。"),
    ("fewer_conferences", "我覺得研討會太多了，應該減少會議。"),
]


@pytest.mark.parametrize(("category", "text"), TRADITIONAL)
def test_traditional_text_is_tagged_like_simplified(category: str, text: str) -> None:
    """Traditional text carries the same tags as its Simplified copy, spans on the original."""
    found = tag_text(text, language="zh-Hant")
    assert category in labels(found)
    simplified = tag_text(to_simplified(text), language="zh-Hans")
    assert [(t.category, t.evidence) for t in found] == [
        (t.category, t.evidence) for t in simplified
    ]
    for t in found:
        assert all(0 <= s.start < s.end <= len(text) for s in t.evidence)


@given(st.lists(st.sampled_from([t for _, t in TRADITIONAL]), min_size=1, max_size=4))
def test_traditional_evidence_indexes_the_original(parts: list[str]) -> None:
    """Evidence of Traditional text slices the original text, not a converted copy."""
    text = "".join(parts)
    for t in tag_text(text, language="zh-Hant"):
        for span in t.evidence:
            assert (
                to_simplified(text[span.start : span.end])
                == to_simplified(text)[span.start : span.end]
            )


def test_denied_stressor_gives_no_tag_by_default() -> None:
    """A denied stressor is not tagged; asked for, it comes back negated with its cue."""
    text = "Our team does not suffer from burnout."
    assert "overwork" not in labels(tag_text(text))
    found = [t for t in tag_text(text, include_negated=True) if t.category == "overwork"]
    assert [t.polarity for t in found] == ["negated"]
    cue = found[0].cue
    assert cue is not None
    assert text[cue.start : cue.end] == "not"


def test_denial_in_chinese_names_its_cue() -> None:
    """'并不缺算力' denies the compute shortage; the cue is the denial."""
    text = "我们组并不缺算力。"
    assert "no_role_for_science" not in labels(tag_text(text))
    (found,) = [
        t for t in tag_text(text, include_negated=True) if t.category == "no_role_for_science"
    ]
    assert found.polarity == "negated"
    assert found.cue is not None
    assert text[found.cue.start : found.cue.end] == "并不缺"


def test_remedy_argued_against_is_rejected() -> None:
    """A remedy the writer argues against is rejected, with the rejection cue."""
    text = "People keep proposing a moratorium on submissions. I think it would do little good."
    assert "submission_pauses" not in labels(tag_text(text))
    found = [t for t in tag_text(text, include_negated=True) if t.category == "submission_pauses"]
    assert [t.polarity for t in found] == ["rejected"]
    assert isinstance(found[0], Remedy)


def test_rejection_does_not_reach_two_sentences_away() -> None:
    """A rejection cue two sentences away leaves the remedy asserted."""
    text = "I am sceptical of slogans. We met today. Counseling should be free for every student."
    assert "counseling" in labels(tag_text(text))


def test_minority_share_rejects_in_its_sentence() -> None:
    """'Only 9% chose counseling' does not tag counseling."""
    assert "counseling" not in labels(tag_text("Only 9% of staff chose counseling as a priority."))
    assert "counseling" not in labels(tag_text("只有9%的人选择心理咨询。"))


def test_interviewer_question_is_hypothetical() -> None:
    """A labelled interviewer question only asks: its categories are hypothetical."""
    text = "Q: Do you think burnout is common in your lab?"
    assert labels(tag_text(text)) == frozenset()
    found = tag_text(text, include_negated=True)
    assert found
    assert {t.polarity for t in found} == {"hypothetical"}
    assert all(t.cue is not None and text[t.cue.start : t.cue.end] == "Q:" for t in found)


def test_handles_are_not_terms() -> None:
    """Words inside a user handle do not fire rules."""
    assert labels(tag_text("@burnout_diaries: thanks for the link, see you at the meetup.")) == (
        frozenset()
    )
    assert labels(tag_text("u/gpu_poor_student replied with a link.")) == frozenset()


def test_title_line_counts_at_half_confidence() -> None:
    """A first paragraph that is a title line is tagged at half confidence (by the rules)."""
    article = _article("Burnout in the lab", "Everyone in the lab is burned out.")
    found = {t.block: t for t in tag(article, quotes=(), min_confidence=0.0, model=None)}
    body = tag(
        _article("Everyone in the lab is burned out."), quotes=(), min_confidence=0.0, model=None
    )
    assert found[0].confidence < found[1].confidence
    assert body[0].confidence == found[1].confidence


def test_polarity_api() -> None:
    """polarity() answers for any span: asserted, negated, rejected or hypothetical."""
    text = "Burnout is everywhere. The pay is not the problem."
    assert polarity(text, 0, 7) == Polarity("asserted")
    negated = polarity(text, 27, 30)
    assert negated.polarity == "negated"
    assert negated.cue is not None
    assert polarity("Fewer conferences? I don't buy it.", 0, 17).polarity == "rejected"
    assert polarity("Q: Is the pace too fast?", 10, 14).polarity == "hypothetical"
    assert polarity("休假不是问题。", 0, 2).polarity == "negated"


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_polarity_rejects_spans_outside_the_text(start: int, end: int) -> None:
    """A span outside the text raises an AistressError."""
    with pytest.raises(AistressError):
        polarity("short text", start, end)


@given(st.text(max_size=200), st.integers(0, 200), st.integers(0, 200))
def test_polarity_never_fails_on_valid_spans(text: str, a: int, b: int) -> None:
    """Any span of any text gets a polarity whose cue lies inside the text."""
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    found = polarity(text, start, end)
    assert found.polarity in {"asserted", "negated", "rejected", "hypothetical"}
    if found.cue is not None:
        assert 0 <= found.cue[0] <= found.cue[1] <= len(text)


@given(st.text(max_size=300))
def test_negated_tags_are_well_formed(text: str) -> None:
    """With negated tags included, every tag's polarity is known and its cue indexes the text."""
    for t in tag_text(text, include_negated=True):
        assert isinstance(t, (Stressor, Remedy))
        assert t.polarity in {"asserted", "negated", "rejected", "hypothetical"}
        if t.polarity != "asserted":
            assert t.cue is not None
            assert 0 <= t.cue.start <= t.cue.end <= len(text)


def test_shipped_calibration_names_shipped_rules() -> None:
    """Every calibrated rule id exists, and the shipped rules use the calibrated values."""
    rules = default_rules()
    path = Path(__file__).resolve().parents[1] / "src/aistress/data/rules/calibration.json"
    table = json.loads(path.read_text("utf-8"))["confidence"]
    for rule_id, value in table.items():
        assert rules.rule(rule_id).confidence == value


def test_calibrate_replaces_confidences() -> None:
    """calibrate() returns rules with the given confidences and leaves the others."""
    rules = RuleSet.from_dicts(
        {
            "language": "en",
            "rules": [
                {"id": "a", "category": "pace", "terms": ["breakneck"], "confidence": 0.9},
                {"id": "b", "category": "overwork", "terms": ["burnout"], "confidence": 0.8},
            ],
        }
    )
    changed = calibrate(rules, {"a": 0.4})
    assert changed.rule("a").confidence == 0.4
    assert changed.rule("b").confidence == 0.8
