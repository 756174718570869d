"""Tests for attribution: partial quotes, subjects of sentences, names of story characters."""

from __future__ import annotations

import pytest

from aistress.model import Person, Quote
from aistress.people import THRESHOLD, merge_people, transliteration_score
from aistress.quotes import extract_quotes
from conftest import article_of as art


def speaker(q: Quote) -> str | None:
    """The speaker's name, or None."""
    return q.speaker.name if q.speaker else None


def test_short_quote_in_reported_speech_is_a_partial_quote() -> None:
    """A short quotation in a sentence with a cue is the speaker's partial quote."""
    a = art("Priya Nandakumar called the new schedule “a mirage” at the meeting.")
    (q,) = extract_quotes(a)
    assert q.text == "a mirage"
    assert q.partial
    assert speaker(q) == "Priya Nandakumar"


def test_short_quote_without_cue_stays_a_scare_quote() -> None:
    """A short quotation in a sentence without any cue is still left out."""
    a = art("The lab’s “crunch weeks” return every spring.")
    assert extract_quotes(a) == ()


def test_cue_without_subject_takes_the_name_opening_the_sentence() -> None:
    """A participle cue (saying) has the subject of its sentence as speaker."""
    a = art(
        "Here in Leeds, Tomas Berg stepped up his criticism of the rota, saying, "
        "“Nobody can plan a life around this.”"
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "Tomas Berg"


def test_zh_story_name_before_a_colon_paragraph() -> None:
    """A given name opening clauses and a sentence that ends in 说： speaks the next quote."""
    a = art(
        "晓梅放下手里的书，笑了笑，说：",
        "“今天不加班了，我们回家吃饭。”",
        "立军惊奇地问：",
        "“真的不加班？”",
        "晓梅点点头。立军也笑了。",
        language="zh",
    )
    got = [speaker(q) for q in extract_quotes(a)]
    assert got == ["晓梅", "立军"]


def test_zh_story_name_after_the_quote() -> None:
    """A paragraph of speech followed by ``X…地问。`` is X's, with X's length from the article."""
    a = art(
        "“报告什么时候交？”",
        "徐立功敏感地问。",
        "徐立功又看了一眼手表。",
        language="zh",
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "徐立功"


def test_zh_addressee_is_not_the_speaker() -> None:
    """In ``X对Y…，说：`` the speaker is X, the subject, not the addressee Y."""
    a = art(
        "周建国对林海笑了笑，说：",
        "“你先回去休息。”",
        "林海说：",
        "“好。”",
        language="zh",
    )
    got = [speaker(q) for q in extract_quotes(a)]
    assert got == ["周建国", "林海"]


def test_name_and_colon_before_a_quote_mid_paragraph() -> None:
    """``Mara Quist: “…”`` inside a paragraph gives the quote to the name before the colon."""
    a = art("The ratings tell the rest. Mara Quist: “We stopped sleeping in March.”")
    (q,) = extract_quotes(a)
    assert speaker(q) == "Mara Quist"


def test_said_name_of_institution_after_the_quote() -> None:
    """``“…,” said X of the Y`` gives X, with the institution left to the description."""
    a = art("“The rota broke us,” said Ilse Marten of the University of Utrecht.")
    (q,) = extract_quotes(a)
    assert speaker(q) == "Ilse Marten"


def test_capitalised_cue_inside_a_name_is_no_cue() -> None:
    """``States`` in a place name is not the cue *states*."""
    a = art("Lab heads in the United States “entrepreneurial risk” was the phrase of the year.")
    assert all(speaker(q) != "United" for q in extract_quotes(a))


def test_zh_pronoun_follows_the_gender_of_the_given_name() -> None:
    """她 skips a man's name (军) for the woman's (霞) named before him."""
    a = art(
        "李秀霞说：“早。”王建军说：“早，今天开会吗？”",
        "“报告写完了吗？”她问。",
        language="zh",
    )
    got = [speaker(q) for q in extract_quotes(a)]
    assert got == ["李秀霞", "王建军", "李秀霞"]


_NATIVE = [("林雨晴", "Yuqing Lin"), ("陈思远", "Siyuan Chen"), ("周明岚", "Minglan Zhou")]


@pytest.mark.parametrize(("han", "latin"), _NATIVE)
def test_native_chinese_names_match_their_pinyin_in_both_orders(han: str, latin: str) -> None:
    """A native Chinese name joins its Latin spelling, given name first or surname first."""
    given, surname = latin.split()
    for spelled in (latin, f"{surname} {given}"):
        (person,) = merge_people([Person(han), Person(spelled)])
        assert set(person.names) == {han, spelled}


def test_native_chinese_name_rejects_a_western_name_with_its_surname() -> None:
    """林雨晴 and Yuki Lin share a surname, not a name (pinyin shows it)."""
    pytest.importorskip("pypinyin")
    assert transliteration_score("林雨晴", "Yuki Lin") < THRESHOLD
    assert transliteration_score("林雨晴", "Yuqing Lin") == 1.0
