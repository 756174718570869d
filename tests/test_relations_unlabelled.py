"""Tests of unlabelled translation pairs: two originals in two languages (texts written here)."""

from __future__ import annotations

from pathlib import Path

from aistress import read_corpus
from aistress.model import Article, Block, Corpus, RelationKind, Source
from aistress.relations import discover_relations, link_corpus

EN_TEXT = """Deadlines Weigh on Machine Learning Students

A survey of 1,240 machine learning PhD students, published in March 2025 by the \
Halden Institute, found that 62% felt constant pressure before conference deadlines.

Students reported working 71 hours a week in the month before NeurIPS, and 38% said \
they had skipped meals to finish experiments. One in five, or 248 respondents, had \
considered leaving their programme.

Priya Rao, who led the study, said labs should spread deadlines across the year. \
The full report is at https://halden.example/survey-2025.
"""

ZH_TEXT = """截止日期压在机器学习学生身上

Halden 研究所于 2025 年 3 月发表的一项针对 1240 名机器学习博士生的调查发现，\
62% 的人在会议截止日期前感到持续的压力。

学生们报告说，在 NeurIPS 之前的一个月里每周工作 71 小时，38% 的人说他们为了完成实验\
而不吃饭。五分之一，即 248 名受访者，曾考虑退出他们的项目。

领导这项研究的 Priya Rao 说，实验室应该把截止日期分散到全年。\
完整报告见 https://halden.example/survey-2025。
"""

# An independent Chinese report on the same topic: its own survey, figures and names.
ZH_OTHER_TEXT = """博士生的压力来自哪里

Velden 大学 2025 年的一项研究访问了 860 名人工智能方向的研究生，其中 47% 表示\
论文投稿前经常失眠。

受访者平均每周工作 58 小时，在 ICML 截稿前尤其忙碌；29% 的人说导师的期望是最大的压力来源。\
共有 132 人表示曾寻求心理咨询。

负责研究的 Chen Wei 认为，学校应该为研究生提供更多的心理支持服务。\
"""

# An English original retelling the survey in its own words, with the same figures.
EN_RETOLD_TEXT = """Survey: ML PhD Students Under Strain

Constant pressure before conference deadlines was reported by 62% of the 1,240 \
machine learning PhD students the Halden Institute surveyed in March 2025.

In the month before NeurIPS they worked 71 hours a week; 38% skipped meals to finish \
experiments, and 248 respondents, one in five, considered leaving their programme.

Study lead Priya Rao wants labs to spread deadlines over the year \
(https://halden.example/survey-2025).
"""


def _article(ident: str, language: str, text: str) -> Article:
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return Article(
        ident,
        language,
        "news",
        title=paragraphs[0].strip(),
        blocks=[Block("paragraph", p.strip()) for p in paragraphs[1:]],
    )


def _corpus(*articles: Article) -> Corpus:
    return Corpus([Source(f"s{i}", "x", articles=[a]) for i, a in enumerate(articles)])


EN = _article("en", "en", EN_TEXT)
ZH = _article("zh", "zh", ZH_TEXT)
ZH_OTHER = _article("zh-other", "zh", ZH_OTHER_TEXT)
EN_RETOLD = _article("en-retold", "en", EN_RETOLD_TEXT)


def test_unlabelled_translation_pair_is_linked() -> None:
    """An English original and its faithful Chinese translation, both news, are linked."""
    for align in (False, True):
        (found,) = discover_relations(_corpus(EN, ZH), align=align)
        assert (found.kind, found.subject, found.target) == (
            RelationKind.TRANSLATION_OF,
            "zh",
            "en",
        )
        assert found.method == "discovered"
        assert found.score is not None
        assert found.score >= 0.5


def test_direction_is_the_shorter_text_whatever_the_order() -> None:
    """The translation is the shorter text by English-equivalent length, in either order."""
    found = discover_relations(_corpus(ZH, EN), align=False)
    assert [(r.subject, r.target) for r in found] == [("zh", "en")]


def test_independent_reports_in_two_languages_stay_apart() -> None:
    """An English and a Chinese report on one topic with their own figures are not linked."""
    assert discover_relations(_corpus(EN, ZH_OTHER), align=False) == ()
    assert discover_relations(_corpus(EN, ZH_OTHER)) == ()


def test_two_same_language_originals_stay_apart() -> None:
    """Two English originals telling one survey with the same figures are not linked."""
    assert discover_relations(_corpus(EN, EN_RETOLD), align=False) == ()
    assert discover_relations(_corpus(EN, EN_RETOLD)) == ()


def test_translation_picks_its_original_not_the_unrelated_report() -> None:
    """Among two English and two Chinese originals only the faithful pair is linked, once."""
    for align in (False, True):
        found = discover_relations(_corpus(EN, ZH, ZH_OTHER, EN_RETOLD), align=align)
        assert [(r.kind, r.subject, r.target) for r in found] == [
            (RelationKind.TRANSLATION_OF, "zh", "en")
        ]


def test_much_shorter_text_in_another_language_is_not_an_unlabelled_translation() -> None:
    """A much shorter text in another language is no unlabelled translation."""
    short = _article("zh-short", "zh", ZH_TEXT.split("\n\n")[0] + "\n\n" + ZH_TEXT.split("\n\n")[1])
    assert discover_relations(_corpus(EN, short), align=False) == ()


def test_plain_text_folder_gets_its_translation_pair(tmp_path: Path) -> None:
    """Two .txt files read from a folder, English and Chinese, are linked by link_corpus."""
    (tmp_path / "article.txt").write_text(EN_TEXT, encoding="utf-8")
    (tmp_path / "article-zh.txt").write_text(ZH_TEXT, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert not corpus.failures
    by_language = {a.language: a for a in corpus.articles}
    assert set(by_language) == {"en", "zh"}
    assert {a.kind.value for a in corpus.articles} == {"news"}
    linked = link_corpus(corpus)
    found = [r for r in linked.all_relations if r.method == "discovered"]
    assert [(r.kind, r.subject, r.target) for r in found] == [
        (RelationKind.TRANSLATION_OF, by_language["zh"].id, by_language["en"].id)
    ]
