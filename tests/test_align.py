from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.alignment import (
    AlignOptions,
    align,
    evaluate,
    format_bead,
    merge_within_units,
    parse_beads,
    read_beads,
    write_beads,
)
from aistress.errors import ParseError
from aistress.model import Alignment, Article, Bead
from aistress.text import split_sentences
from conftest import SHARED, missing_shared, seed

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


PARAS_EN = [
    "The lab released a new model in May 2024. It had been trained for months, and the team "
    "was proud of the result.",
    "Training used 200m documents from the open web. Cleaning them took longer than the "
    "training itself, the engineers said.",
    "Researchers at OpenAI and DeepMind said the pace was exhausting. Several of them described "
    "working late into the night before each release.",
    "Many of them work six days a week. Some said they had not taken a holiday in two years, "
    "and that their friends had stopped calling.",
    "A few took a long break after the launch. They said it helped, but the backlog waiting for "
    "them on their return was enormous.",
]
PARAS_ZH = [
    "该实验室在 2024 年 5 月发布了一个新模型。它已经训练了好几个月，团队对结果感到自豪。",
    "训练使用了来自开放网络的 2 亿份文档。工程师们说，清理这些文档比训练本身花的时间还长。",
    "OpenAI 和 DeepMind 的研究人员说，这种节奏令人筋疲力尽。"
    "其中几位描述了每次发布前工作到深夜的情形。",
    "他们中的许多人每周工作六天。有些人说，他们已经两年没有休假，朋友们也不再给他们打电话了。",
    "少数人在发布后休了一个长假。他们说这很有帮助，但回来时等待他们的积压工作多得惊人。",
]
INSERTS = [
    "本段是编辑另外加入的说明文字，与原文内容毫无关系，只是为了介绍这家网站的订阅方式和联系邮箱。",
    "广告：欢迎下载我们的应用程序，每天为您推荐最新的科技新闻、深度分析以及各类精彩的专题报道。",
]


#: A few dictionary entries in CC-CEDICT format, written for these fixtures.
MINI_CEDICT = """\
實驗室 实验室 [shi2 yan4 shi4] /laboratory/lab/
發布 发布 [fa1 bu4] /to release/to issue/
模型 模型 [mo2 xing2] /model/
訓練 训练 [xun4 lian4] /to train/training/
文檔 文档 [wen2 dang4] /document/
工程師 工程师 [gong1 cheng2 shi1] /engineer/
研究人員 研究人员 [yan2 jiu1 ren2 yuan2] /researcher/
節奏 节奏 [jie2 zou4] /pace/rhythm/
工作 工作 [gong1 zuo4] /to work/job/
休假 休假 [xiu1 jia4] /holiday/vacation/
朋友 朋友 [peng2 you5] /friend/
打電話 打电话 [da3 dian4 hua4] /to call/
長假 长假 [chang2 jia4] /long break/
積壓 积压 [ji1 ya1] /backlog/
團隊 团队 [tuan2 dui4] /team/
結果 结果 [jie2 guo3] /result/
自豪 自豪 [zi4 hao2] /proud/
網絡 网络 [wang3 luo4] /web/network/
清理 清理 [qing1 li3] /to clean/
深夜 深夜 [shen1 ye4] /late at night/
幫助 帮助 [bang1 zhu4] /to help/
月 月 [yue4] /month/
"""


@pytest.fixture(scope="module")
def mini_dictionary(tmp_path_factory: pytest.TempPathFactory) -> AlignOptions:
    """Options with a tiny fixture dictionary and no learning."""
    path = tmp_path_factory.mktemp("dict") / "mini_cedict.txt"
    path.write_text(MINI_CEDICT, encoding="utf-8")
    return AlignOptions(dictionary=str(path), learn=False)


@given(at=st.integers(0, 5), extra=st.sampled_from(INSERTS))
def test_inserted_paragraph_gives_one_null_bead(
    mini_dictionary: AlignOptions, at: int, extra: str
) -> None:
    """Inserting a paragraph on one side yields one 0-1 bead there and keeps the rest."""
    options = mini_dictionary
    base = align(PARAS_EN, PARAS_ZH, unit="paragraph", options=options).beads
    assert [(b.source, b.target) for b in base] == [((k,), (k,)) for k in range(5)]
    zh = [*PARAS_ZH[:at], extra, *PARAS_ZH[at:]]
    got = [
        (b.source, b.target) for b in align(PARAS_EN, zh, unit="paragraph", options=options).beads
    ]
    expected = [((k,), (k if k < at else k + 1,)) for k in range(5)]
    expected.insert(at, ((), (at,)))
    assert got == expected


# --------------------------------------------------------------------------
# evaluation and bead files


def test_evaluate_strict_and_lax() -> None:
    """Strict counts exact beads; lax counts beads overlapping on both sides."""
    gold = [Bead((0,), (0,)), Bead((1, 2), (1,)), Bead((3,), ())]
    test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((2,), ()), Bead((3,), ())]
    scores = evaluate(test, gold)
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
    scores = evaluate([doc1, doc2], [doc1, [Bead((0, 1), (0, 1))]])
    assert scores.precision_strict == pytest.approx(1 / 3)


def test_merge_within_verses() -> None:
    """Beads inside one verse merge before scoring; beads across verses do not."""
    merged = merge_within_units(
        [Bead((0,), (0,)), Bead((), (1,)), Bead((1,), (2,)), Bead((2,), (3,))],
        ["v1", "v2", "v2"],
        ["v1", "v1", "v2", "v3"],
    )
    assert [format_bead(b) for b in merged] == ["[0]:[0,1]", "[1]:[2]", "[2]:[3]"]


def test_bead_file_round_trip(tmp_path: Path) -> None:
    """Beads written to a bead file read back equal."""
    beads = [Bead((0, 1), (0,)), Bead((), (1,)), Bead((2,), ())]
    path = tmp_path / "test.align"
    text = write_beads(beads, path)
    assert text == "[0,1]:[0]\n[]:[1]\n[2]:[]\n"
    assert read_beads(path) == beads


@pytest.mark.parametrize(("line", "column"), [("[0]:[x]", 6), ("[0]-[1]", 4), ("[1,1]:[2]", 1)])
def test_bad_bead_lines_raise_parse_error(line: str, column: int) -> None:
    """A malformed bead line raises ParseError naming line and column."""
    with pytest.raises(ParseError) as info:
        parse_beads("[0]:[0]\n" + line, "gold.align")
    assert (info.value.path, info.value.line, info.value.column) == ("gold.align", 2, column)


# --------------------------------------------------------------------------
# Bible development set (a slice: the full set runs in benchmarks/bench_align.py)

BIBLE = SHARED / "bench" / "bible"


def test_bible_slice_is_aligned_well() -> None:
    """Without a dictionary, the first 400 Bible sentences still align well (length, numbers)."""
    if not (BIBLE / "gold.align").is_file():
        missing_shared("no Bible set in the shared folder")
    en = (BIBLE / "en.txt").read_text(encoding="utf-8").splitlines()[:400]
    gold = [b for b in read_beads(BIBLE / "gold.align") if b.source and b.source[-1] < 400]
    last = max(j for b in gold for j in b.target)
    zh = (BIBLE / "zh.txt").read_text(encoding="utf-8").splitlines()[: last + 1]
    en_verse = (BIBLE / "en.verse").read_text(encoding="utf-8").splitlines()
    zh_verse = (BIBLE / "zh.verse").read_text(encoding="utf-8").splitlines()
    result = align(en, zh, source_language="en", target_language="zh", options=FAST)
    merged = merge_within_units(result.beads, en_verse, zh_verse)
    scores = evaluate(merged, gold)
    assert scores.f1_strict > 0.8
    assert scores.f1_lax > 0.9


# --------------------------------------------------------------------------
# Seed pairs at paragraph level. Gold beads were annotated by reading the texts
# (index beads over the readers' blocks; no text is copied here).


def _gold(spec: str) -> list[Bead]:
    return parse_beads(spec.replace(" ", "\n"))


def _diagonal(start_s: int, start_t: int, count: int) -> str:
    return " ".join(f"[{start_s + k}]:[{start_t + k}]" for k in range(count))


#: 003 English lines against their Chinese lines: one to one, headings included.
GOLD_003_003 = _gold(_diagonal(0, 0, 50))
#: 003 English against 004's appendix 1 (a second translation that merges four pairs).
GOLD_003_004 = _gold(
    "[0,1]:[0] [2]:[1] [3]:[2] [4]:[3] [5]:[4] [6]:[5] [7,8]:[6] [9]:[7] [10]:[8] [11,12]:[9] "
    + _diagonal(13, 10, 14)
    + " [27,28]:[24] "
    + _diagonal(29, 25, 11)
    + " [40,41]:[36] "
    + _diagonal(42, 37, 8)
)
#: 000's English body against 001's Chinese translation (two to four paragraphs merged).
GOLD_000_001 = _gold(
    "[0,1]:[0] [2]:[1] [3]:[2] [4]:[3] [5,6]:[4] [7]:[5] [8,9]:[6] [10,11]:[7] [12,13]:[8] "
    "[14,15,16,17]:[9] [18,19]:[10] [20,21,22]:[11] [23,24,25]:[12] [26,27]:[13] [28,29]:[14]"
)


def _seed_articles(prefix: str) -> tuple[Article, ...]:
    from aistress.formats import read

    return read(seed(prefix)).articles


def _pair(name: str) -> tuple[Article, Article, list[Bead]]:
    if name == "003-003":
        en, zh = _seed_articles("003")[:2]
        return en, zh, GOLD_003_003
    if name == "003-004":
        en = _seed_articles("003")[0]
        zh = next(a for a in _seed_articles("004") if a.kind.value == "translation")
        return en, zh, GOLD_003_004
    en = _seed_articles("000")[0]
    zh = _seed_articles("001")[0]
    return en, zh, GOLD_000_001


@pytest.mark.parametrize("name", ["003-003", "003-004", "000-001"])
def test_seed_pairs_align_paragraphs(name: str) -> None:
    """Each seed pair aligns its paragraphs at strict F1 of at least .95 (no dictionary)."""
    en, zh, gold = _pair(name)
    assert len(en.blocks) == 1 + max(i for b in gold for i in b.source)
    assert len(zh.blocks) == 1 + max(j for b in gold for j in b.target)
    result = align(en, zh, unit="paragraph", options=AlignOptions(dictionary=False))
    scores = evaluate(result, gold)
    assert scores.f1_strict >= 0.95, [format_bead(b) for b in result.beads]


def test_seed_sentences_stay_inside_paragraph_groups() -> None:
    """Sentence beads of 000/001 never cross the paragraph groups of the gold."""
    en, zh, gold = _pair("000-001")
    result = align(en, zh, options=AlignOptions(dictionary=False, learn=False))
    _covers(result, len(result.source_segments), len(result.target_segments))
    src_owner = [k for k, b in enumerate(en.blocks) for _ in split_sentences(b.text, "en")]
    tgt_owner = [k for k, b in enumerate(zh.blocks) for _ in split_sentences(b.text, "zh")]
    assert len(src_owner) == len(result.source_segments)
    group_of_src = {i: g for g, b in enumerate(gold) for i in b.source}
    group_of_tgt = {j: g for g, b in enumerate(gold) for j in b.target}
    for bead in result.beads:
        groups = {group_of_src[src_owner[i]] for i in bead.source}
        groups |= {group_of_tgt[tgt_owner[j]] for j in bead.target}
        assert len(groups) == 1, format_bead(bead)
