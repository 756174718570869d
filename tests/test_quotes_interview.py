"""aistress.quotes.interviewee: who answers an interview, for quotes and tagging alike."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.errors import AistressError
from aistress.model import Article, Source
from aistress.quotes import interviewee
from conftest import article_of

#: At most this many examples whatever the profile.
BOUNDED = settings(max_examples=min(settings().max_examples, 40), deadline=None)


def art(*paragraphs: str, language: str = "en") -> Article:
    """An article of ``paragraphs``, one block each."""
    return article_of(*paragraphs, language=language, genre="blog")


@pytest.mark.parametrize(
    ("paragraphs", "language", "name"),
    [
        (  # an English sentence's subject
            (
                "Ten questions for a tired researcher",
                "Odile Brisbane spent five years at a large lab. We asked her about it.",
                "Q: Why did you leave?",
                "A: The weekends.",
            ),
            "en",
            "Odile Brisbane",
        ),
        (  # a Chinese name opening the introduction after a bracketed tag
            (
                "【对话】龙知远在一家创业公司带过五个人的模型组。",
                "问：是什么让你决定换一份工作？",
                "答：周末。",
            ),
            "zh",
            "龙知远",
        ),
        (  # a headline 专访X：
            (
                "专访研究员滕雪棠：“我用了两年才敢关掉通知”",
                "问：转折点是什么？",
                "答：一次周会。",
            ),
            "zh",
            "滕雪棠",
        ),
        (  # the subject of 接受…专访
            (
                "年会主席、东岭大学教授闻一舟近日接受本报专访，以下是访谈摘录。",
                "问：今年审稿的压力大吗？",
                "答：不小。",
            ),
            "zh",
            "闻一舟",
        ),
        (  # a paragraph opening with the person, then the writer talked with them
            (
                "图书馆里的长谈",
                "宫絮宁做了六年研究员。上周我们与她进行了对话。",
                "问：转折点是什么？",
                "答：组长宫絮宁那次说过要休息。",
            ),
            "zh",
            "宫絮宁",
        ),
        (  # Traditional script
            (
                "【訪談】龍知遠曾在一家新創公司帶過模型組。",
                "問：為什麼離開？",
                "答：週末。",
            ),
            "zh-Hant",
            "龍知遠",
        ),
    ],
)
def test_interviewee_is_the_first_person_the_introduction_names(
    paragraphs: tuple[str, ...], language: str, name: str
) -> None:
    """The introduction's name, whichever of its shapes, is the person answering."""
    found = interviewee(art(*paragraphs, language=language))
    assert found is not None
    assert found.name == name


def test_no_answer_label_means_no_interview() -> None:
    """An article without an answer label after its first question is no interview."""
    assert interviewee(art("Odile Brisbane spent five years at a lab.", "Q: Why?")) is None
    assert interviewee(art("Odile Brisbane spent five years at a lab.", "She left.")) is None


def test_names_after_the_first_label_are_not_the_interviewee() -> None:
    """Only the introduction counts: a name inside a question is not the person answering."""
    assert interviewee(art("Q: Did Odile Brisbane help?", "A: Yes, a lot.")) is None


def test_interviewee_takes_a_one_article_source() -> None:
    """A one-article Source is read as its article."""
    article = art("Odile Brisbane spent five years at a lab.", "Q: Why?", "A: Weekends.")
    assert interviewee(Source("s", "text", [article])) == interviewee(article)


@BOUNDED
@given(
    st.lists(
        st.one_of(
            st.text(max_size=60),
            st.sampled_from(["Q: ", "A: ", "问：", "答：", "【访谈】", "专访", "接受专访"]),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(["en", "zh", "zh-Hant"]),
)
def test_interviewee_is_total(paragraphs: list[str], language: str) -> None:
    """Any blocks give a person whose name the article holds, or None."""
    try:
        article = art(*paragraphs, language=language)
    except AistressError:  # the model refuses the text itself
        return
    found = interviewee(article)
    assert found is None or (found.name and found.name in article.text)
