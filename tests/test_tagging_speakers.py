"""Tests for who raised a tag: speaker labels that open a block, and their use by the tagger."""

from __future__ import annotations

from hypothesis import given

from aistress.model import Article, Block, Remedy
from aistress.tagging import Tagger
from aistress.tagging.attribution import speaker_labels, speaker_turns
from aistress.testing import strategies as st_ai


def _article(*paragraphs: str, language: str = "en") -> Article:
    return Article("s1", language, "blog", blocks=[Block("paragraph", p) for p in paragraphs])


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
