from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.align import AlignOptions, align
from aistress.errors import ParseError
from aistress.model import Alignment, Bead
from conftest import SHARED

FAST = AlignOptions(dictionary=False, learn=False)

EN = [
    "The lab released a new model in May 2024.",
    "It was trained on 200m documents.",
    "Researchers at OpenAI said the pace was exhausting.",
    "Many of them work six days a week.",
    "Some took a break.",
]
ZH = [
    "该实验室在 2024 年 5 月发布了一个新模型。",
    "它在 2 亿份文档上训练。",
    "OpenAI 的研究人员说，节奏令人疲惫。",
    "他们中的许多人每周工作六天。",
    "有些人休息了一段时间。",
]


def _covers(alignment: Alignment, n: int, m: int) -> None:
    src = [i for b in alignment.beads for i in b.source]
    tgt = [j for b in alignment.beads for j in b.target]
    assert src == list(range(n))
    assert tgt == list(range(m))


def test_aligns_simple_parallel_text() -> None:
    """A sentence-by-sentence translation aligns one to one."""
    result = align(EN, ZH, options=FAST)
    assert [(b.source, b.target) for b in result.beads] == [((k,), (k,)) for k in range(5)]
    assert result.source_segments == tuple(EN)


def test_merged_translation_gives_one_to_two_bead() -> None:
    """Two English sentences rendered as one Chinese sentence make a 2-1 bead."""
    zh = [ZH[0], ZH[1][:-1] + "，" + ZH[2], *ZH[3:]]
    result = align(EN, zh, options=FAST)
    assert ((1, 2), (1,)) in [(b.source, b.target) for b in result.beads]
    _covers(result, len(EN), len(zh))


def test_chinese_source_is_handled_by_swapping() -> None:
    """A Chinese source and English target align the same way, sides kept."""
    result = align(ZH, EN, options=FAST)
    assert [(b.source, b.target) for b in result.beads] == [((k,), (k,)) for k in range(5)]


def test_paragraph_then_sentence_alignment() -> None:
    """Strings with blank lines are paragraphs; sentences align inside paragraph groups."""
    en = " ".join(EN[:2]) + "\n\n" + " ".join(EN[2:])
    zh = "".join(ZH[:2]) + "\n\n" + "".join(ZH[2:])
    paras = align(en, zh, unit="paragraph", options=FAST)
    assert [(b.source, b.target) for b in paras.beads] == [((0,), (0,)), ((1,), (1,))]
    sents = align(en, zh, options=FAST)
    assert sents.unit == "sentence"
    assert len(sents.source_segments) == 5
    _covers(sents, 5, 5)


def test_unknown_unit_is_misuse() -> None:
    """An unknown unit raises ValueError."""
    with pytest.raises(ValueError, match="unit"):
        align(EN, ZH, unit="word")


def test_empty_side_gives_null_beads() -> None:
    """Aligning against nothing leaves every segment in a 1-0 bead."""
    result = align(EN, [], options=FAST, target_language="zh")
    assert [b.type for b in result.beads] == [(1, 0)] * 5


sentences_en = st.lists(
    st.sampled_from(
        [*EN, "Another line here.", "Short.", "A much longer line of text follows now."]
    ),
    min_size=1,
    max_size=12,
)


@given(sentences_en, sentences_en)
def test_beads_are_monotone_and_cover_everything(source: list[str], target: list[str]) -> None:
    """Any two texts give monotone beads that cover every index exactly once."""
    result = align(source, target, source_language="en", target_language="en", options=FAST)
    _covers(result, len(source), len(target))


@given(sentences_en)
def test_text_aligned_with_itself_is_one_to_one(source: list[str]) -> None:
    """Aligning a text with itself gives only 1-1 beads on the diagonal."""
    result = align(source, source, source_language="en", target_language="en", options=FAST)
    assert [(b.source, b.target) for b in result.beads] == [
        ((k,), (k,)) for k in range(len(source))
    ]


@given(
    st.integers(0, 5),
    st.sampled_from(["这是插入的一段，与上下文无关。", "完全不同的内容出现在这里。"]),
)
def test_inserted_paragraph_gives_one_null_bead(at: int, extra: str) -> None:
    """Inserting a paragraph on one side yields one 0-1 bead there and keeps the rest."""
    base = [(b.source, b.target) for b in align(EN, ZH, options=FAST).beads]
    zh = [*ZH[:at], extra, *ZH[at:]]
    got = [(b.source, b.target) for b in align(EN, zh, options=FAST).beads]
    expected = [(s, tuple(j if j < at else j + 1 for j in t)) for s, t in base]
    expected.insert(at, ((), (at,)))
    assert got == expected


# --------------------------------------------------------------------------
# evaluation and bead files


def test_evaluate_strict_and_lax() -> None:
    """Strict counts exact beads; lax counts beads overlapping on both sides."""
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ())]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), ())]
    scores = align.evaluate(test, gold)
    assert scores.precision_strict == pytest.approx(2 / 4)
    assert scores.precision_lax == pytest.approx(3 / 4)
    assert scores.recall_strict == pytest.approx(1 / 2)
    assert scores.recall_lax == pytest.approx(2 / 2)
    assert scores.test_beads == 4
    assert scores.gold_beads == 2


def test_evaluate_pools_documents() -> None:
    """Counts are pooled over documents before the ratios are taken."""
    doc1 = [Bead((0,), (0,))]
    doc2 = [Bead((0,), (0,)), Bead((1,), (1,))]
    scores = align.evaluate([doc1, doc2], [doc1, [Bead((0, 1), (0, 1))]])
    assert scores.precision_strict == pytest.approx(1 / 3)


def test_merge_within_verses() -> None:
    """Beads inside one verse merge before scoring; beads across verses do not."""
    merged = align.merge_within_units(
        [Bead((0,), (0,)), Bead((), (1,)), Bead((1,), (2,)), Bead((2,), (3,))],
        ["v1", "v2", "v2"],
        ["v1", "v1", "v2", "v3"],
    )
    assert [align.format_bead(b) for b in merged] == ["[0]:[0,1]", "[1]:[2]", "[2]:[3]"]


def test_bead_file_round_trip(tmp_path: Path) -> None:
    """Beads written to a bead file read back equal."""
    beads = [Bead((0, 1), (0,)), Bead((), (1,)), Bead((2,), ())]
    path = tmp_path / "test.align"
    text = align.write_beads(beads, path)
    assert text == "[0,1]:[0]\n[]:[1]\n[2]:[]\n"
    assert align.read_beads(path) == beads


@pytest.mark.parametrize(("line", "column"), [("[0]:[x]", 6), ("[0]-[1]", 4), ("[1,1]:[2]", 1)])
def test_bad_bead_lines_raise_parse_error(line: str, column: int) -> None:
    """A malformed bead line raises ParseError naming line and column."""
    with pytest.raises(ParseError) as info:
        align.parse_beads("[0]:[0]\n" + line, "gold.align")
    assert (info.value.path, info.value.line, info.value.column) == ("gold.align", 2, column)


# --------------------------------------------------------------------------
# Bible development set (a slice: the full set runs in benchmarks/bench_align.py)

BIBLE = SHARED / "bench" / "bible"


def test_bible_slice_is_aligned_well() -> None:
    """The first 400 Bible verses-worth of sentences align at high strict F1."""
    if not (BIBLE / "gold.align").is_file():
        pytest.skip("no Bible set in the shared folder")
    en = (BIBLE / "en.txt").read_text(encoding="utf-8").splitlines()[:400]
    gold = [b for b in align.read_beads(BIBLE / "gold.align") if b.source and b.source[-1] < 400]
    last = max(j for b in gold for j in b.target)
    zh = (BIBLE / "zh.txt").read_text(encoding="utf-8").splitlines()[: last + 1]
    en_verse = (BIBLE / "en.verse").read_text(encoding="utf-8").splitlines()
    zh_verse = (BIBLE / "zh.verse").read_text(encoding="utf-8").splitlines()
    result = align(en, zh, source_language="en", target_language="zh", options=FAST)
    merged = align.merge_within_units(result.beads, en_verse, zh_verse)
    scores = align.evaluate(merged, gold)
    assert scores.f1_strict > 0.85
    assert scores.f1_lax > 0.95
