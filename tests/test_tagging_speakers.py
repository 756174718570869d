"""Tests for who raised a tag: speaker labels that open a block, and their use by the tagger."""

from __future__ import annotations

from hypothesis import given

from aistress.model import Article, Block, Remedy
from aistress.tagging import Tagger
from aistress.tagging.attribution import speaker_labels, speaker_turns
from aistress.testing import strategies as st_ai
from conftest import article_of


def _article(*paragraphs: str, language: str = "en") -> Article:
    return article_of(*paragraphs, language=language, genre="blog")


def _names(article: Article) -> dict[int, str]:
    return {i: p.name for i, p in speaker_labels(article).items()}


def test_handles_and_forum_markers_name_the_speaker() -> None:
    """u/handle, @handle and a forum's reply or author marker name who speaks the block."""
    article = _article(
        "u/quiet_loss: my advisor never replies.",
        "回答者 @凌晨三点的实验室：先睡一觉。",
        "推 moss_fern： 真的太累了",
        "作者 owl2077：又是一個通宵。",
        language="zh",
    )
    assert _names(article) == {
        0: "quiet_loss",
        1: "凌晨三点的实验室",
        2: "moss_fern",
        3: "owl2077",
    }


def test_floor_numbers_lead_ins_brackets_and_sign_offs() -> None:
    """Floor numbers, reply lead-ins, chat brackets, titles and quoted sign-offs give the name."""
    article = _article(
        "#1 樓主 海邊的貓：每天都加班。",
        "2楼 深夜调参人：我也是。",
        "Reply from u/late_lab: same here.",
        "[owl_k] nobody sleeps here.",
        "Dr. Ines Alvarado (postdoc): we need breaks.",
        "“我已经三个月没休息了。”——博士生 安若溪",
        language="zh",
    )
    assert _names(article) == {
        0: "海邊的貓",
        1: "深夜调参人",
        2: "late_lab",
        3: "owl_k",
        4: "Ines Alvarado",
        5: "安若溪",
    }


def test_transcript_labels_name_the_speaker() -> None:
    """A capitalised name before a colon, or a label that opens several turns, is a speaker."""
    article = _article(
        "HOST: Welcome back.",
        "TOMASZ WIERZBA-LOPEZ: Thanks for having me.",
        "Priya Raman: I work nights.",
        "钱多多：我们每周都加班。",
        "钱多多：所以我辞职了。",
    )
    assert _names(article) == {
        1: "Tomasz Wierzba-Lopez",
        2: "Priya Raman",
        3: "钱多多",
        4: "钱多多",
    }


def test_field_names_and_lone_words_are_not_speakers() -> None:
    """Q:, Note:, 问：, and a one-off word before a colon name nobody."""
    article = _article("Q: Why?", "Note: none.", "问：为什么？", "总结：都很累。", "Lately: busy.")
    assert _names(article) == {}


def test_a_thread_continues_a_turn_until_a_field_label() -> None:
    """In a thread, unlabelled paragraphs after a post continue it; Q: or a heading ends it."""
    article = Article(
        "t1",
        "en",
        "blog",
        blocks=[
            Block("paragraph", "u/first_post: I work nights."),
            Block("paragraph", "And weekends too."),
            Block("paragraph", "u/second_reply: Same here."),
            Block("paragraph", "Q: Why?"),
            Block("paragraph", "Because of deadlines."),
            Block("heading", "Later"),
        ],
    )
    turns = {i: (p.name, own) for i, (p, own) in speaker_turns(article).items()}
    assert turns == {
        0: ("first_post", True),
        1: ("first_post", False),
        2: ("second_reply", True),
    }


def test_one_label_starts_no_turns() -> None:
    """An article with a single labelled paragraph continues nobody's turn."""
    article = _article("Priya Raman: I work nights.", "The lab closed at ten.")
    assert {i: own for i, (_, own) in speaker_turns(article).items()} == {0: True}


def test_a_labelled_turn_is_raised_by_its_speaker() -> None:
    """Tags of a block that opens with a speaker label are raised by that speaker."""
    article = _article(
        "u/tired_postdoc: Our lab now pays for six sessions with a therapist, and I use them.",
    )
    found = [t for t in Tagger().tag(article) if isinstance(t, Remedy)]
    assert found
    assert all(t.proposed_by is not None and t.proposed_by.name == "tired_postdoc" for t in found)


def test_skipping_attribution_skips_labels() -> None:
    """quotes=() leaves every tag without a speaker, labelled or not."""
    article = _article("u/tired_postdoc: I burned out after the third deadline this month.")
    assert all(t.raised_by is None for t in Tagger().tag(article, quotes=()))


@given(st_ai.articles())
def test_speaker_labels_never_fail(article: Article) -> None:
    """Any article gives labels only for its own blocks, each with a non-empty name."""
    for index, person in speaker_labels(article).items():
        assert 0 <= index < len(article.blocks)
        assert person.name.strip()


def test_roles_with_bracketed_names_descriptions_and_answer_lead_ins() -> None:
    """A bracketed name after a role, a description before a name, ``X的回答``: the name."""
    article = _article(
        "MOTION (Tove Arkwright): our team was folded into another twice.",
        "受访者（岑嘉禾）：账上的钱只够撑一个月。",
        "【语音留言】卢小满（夜里两点）：我还在实验室。",
        "反方二辩 欧文涛：限制工时不等于不努力。",
        "2019届 潘若溪：公司每季度有一天休息日。",
        "2014年畢業 Winnie 凌：我哋有個讀書會。",
        "用户 @不睡觉的猫头鹰 的回答：第一感觉是害怕。",
        "沙丁鱼罐头的回答：出来创业十个月。",
        "Reply by user amber_lantern: tell your manager.",
        "#7 Kit Ming 黎：講就易。",
        language="zh",
    )
    assert _names(article) == {
        0: "Tove Arkwright",
        1: "岑嘉禾",
        3: "欧文涛",
        4: "潘若溪",
        5: "Winnie 凌",
        6: "不睡觉的猫头鹰",
        7: "沙丁鱼罐头",
        8: "amber_lantern",
        9: "Kit Ming 黎",
    }


def test_a_recurring_tagged_label_and_not_a_year() -> None:
    """A label after a bracketed tag counts once it recurs; a year alone is never a name."""
    article = _article(
        "【语音留言】卢小满（夜里两点）：我还在实验室，没吃晚饭。",
        "【语音留言】卢小满（早上七点）：交了，办公室只剩我一个人。",
        "Class of 2021: Odile Marchetti reports long nights.",
        language="zh",
    )
    names = _names(article)
    assert names[0] == names[1] == "卢小满"
    assert 2 not in names


def test_the_writer_speaks_first_person_blocks() -> None:
    """An op-ed's closing bio line names who raises what its first-person paragraphs say."""
    article = _article(
        "Why a pause will not help",
        "I advise students who work every weekend and sleep at the lab before each deadline.",
        "Hollis Vantongeren is a lecturer in computational linguistics.",
    )
    (found,) = [t for t in Tagger().tag(article) if t.category == "overwork"]
    assert found.raised_by is not None
    assert found.raised_by.name == "Hollis Vantongeren"
    assert all(t.raised_by is None for t in Tagger().tag(article, quotes=()) if t.block == 1)


def test_a_byline_names_the_writer() -> None:
    """A byline in the first blocks names the writer of first-person blocks, in Chinese too."""
    article = _article(
        "作者：闵书禾",
        "我已经连续三个周末睡在实验室，每天加班到凌晨。",
        language="zh",
    )
    people = {t.raised_by.name for t in Tagger().tag(article) if t.raised_by is not None}
    assert people == {"闵书禾"}


def test_interview_answers_are_the_interviewees() -> None:
    """Answers (``A:``, ``答：``) are raised by the person the introduction names first."""
    english = _article(
        "Ten questions for a tired researcher",
        "Odile Brisbane spent five years at a large lab. We asked her about the change.",
        "Q: Why did you leave?",
        "A: I worked every weekend for three years and slept at the office before each launch.",
    )
    chinese = _article(
        "【对话】龙知远在一家创业公司带过五个人的模型组，今年春天转去了研究所。",
        "问：是什么让你决定换一份工作？",
        "答：我连续三年每个周末都在加班，发布前就睡在办公室。",
        language="zh",
    )
    for article, name in ((english, "Odile Brisbane"), (chinese, "龙知远")):
        people = {t.raised_by.name for t in Tagger().tag(article) if t.raised_by is not None}
        assert people == {name}


def test_a_memo_sender_proposes_what_the_memo_says() -> None:
    """A memo's ``From:`` line names who proposes its remedies, first person or not."""
    article = _article(
        "To: All research staff\nFrom: Dr. Ines Whitcombe, Director of Research",
        "From next month, staff may take two mental health days each quarter, no reason needed.",
    )
    people = {t.proposed_by.name for t in Tagger().tag(article) if isinstance(t, Remedy)}
    assert people == {"Ines Whitcombe"}


def test_a_title_of_the_lexicon_is_no_part_of_the_senders_name() -> None:
    """From: Professor X or Mx. X names X, by the quotes lexicon's titles."""
    for title in ("Professor", "Mx.", "Dr"):
        article = _article(
            f"To: All research staff\nFrom: {title} Ines Whitcombe, Director of Research",
            "From next month, staff may take two mental health days a quarter, no reason needed.",
        )
        people = {t.proposed_by.name for t in Tagger().tag(article) if isinstance(t, Remedy)}
        assert people == {"Ines Whitcombe"}
