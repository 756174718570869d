from __future__ import annotations

from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.text.script import is_traditional, script_counts, to_simplified

#: Han characters of both scripts plus Latin, punctuation and quotes of both kinds.
_MIXED = st.text(
    alphabet=st.one_of(
        st.sampled_from("說認為壓力研究員們裏後於乾臺灣「」『』“”，。！？ \n\tAIab12"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(codec="utf-8"),
    ),
    max_size=200,
)


@given(_MIXED)
def test_to_simplified_keeps_length_and_offsets(text: str) -> None:
    """Conversion maps each character to one character: same length, one-to-one offsets."""
    converted = to_simplified(text)
    assert len(converted) == len(text)
    assert all(to_simplified(a) == b for a, b in zip(text, converted, strict=True))


@given(_MIXED)
def test_to_simplified_is_idempotent(text: str) -> None:
    """Simplified text converts to itself."""
    once = to_simplified(text)
    assert to_simplified(once) == once


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("研究人員表示，壓力來自截止日期。", "研究人员表示，压力来自截止日期。"),
        ("她說：「我們很累。」", "她说：「我们很累。」"),
        ("責任編輯：陳曉明", "责任编辑：陈晓明"),
        ("文章標籤：#人工智慧 #職場", "文章标签：#人工智慧 #职场"),
        ("圖片來源", "图片来源"),
    ],
)
def test_to_simplified_examples(traditional: str, simplified: str) -> None:
    """Common Traditional words, labels and cue verbs come out Simplified; 「」 stay."""
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("研究人員認為，工作壓力越來越大。", True),
        ("研究人员认为，工作压力越来越大。", False),
        ("Stress in AI research", False),
        ("", False),
        ("人工智能", False),
        ("他說", True),
    ],
)
def test_is_traditional(text: str, expected: bool) -> None:
    """Script detection counts characters only one script uses."""
    assert is_traditional(text) is expected


def test_simplified_text_is_left_alone() -> None:
    """Characters shared by both scripts (乾, 於) are no Traditional evidence."""
    assert script_counts("乾隆於是") == (0, 0)


def test_table_is_single_characters() -> None:
    """Every row of the bundled table maps one character to one different character."""
    path = resources.files("aistress") / "data" / "text" / "t2s_chars.tsv"
    rows = [
        line.split("\t")
        for line in path.read_text("utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert len(rows) > 4000
    assert all(len(r[0]) == 1 and len(r[1]) == 1 and r[0] != r[1] for r in rows)
