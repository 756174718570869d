"""Which words of an article are Chinese names, on sentences we wrote (both scripts)."""

from __future__ import annotations

import pytest

from aistress.quotes import extract_quotes
from aistress.quotes._zh_names import name_vocabulary
from aistress.text.script import to_simplified
from conftest import article_of


def vocabulary(text: str) -> frozenset[str]:
    """The name vocabulary of one paragraph, read as the extractor reads it (Simplified)."""
    simple = to_simplified(text)
    return name_vocabulary([simple], texts=[simple])


@pytest.mark.parametrize(
    "text",
    [
        "青松公司宣布了新的考勤办法。公司宣布后，员工反应不一。",
        "青松公司宣佈了新的考勤辦法。公司宣佈後，員工反應不一。",
    ],
)
def test_a_company_is_no_role_before_a_name(text: str) -> None:
    """公司 ends in 司 like 上司, but the word after it (公司宣布) is no name."""
    assert "宣布" not in vocabulary(text)


@pytest.mark.parametrize(
    "text",
    [
        "林海峰在信中写道，林海峰说。在信中他说，正如他所说，研究需要耐心。",
        "林海峰在信中寫道，林海峰說。在信中他說，正如他所說，研究需要耐心。",
    ],
)
def test_a_place_phrase_or_a_word_before_a_pronoun_is_no_name(text: str) -> None:
    """A clause opening 在…中, or one the speaking pronoun follows (正如他所说), is no name."""
    assert vocabulary(text) == {"林海峰"}


def speakers(paragraph: str, language: str) -> list[str | None]:
    """The speakers of the quotations of a one-paragraph article."""
    article = article_of(paragraph, language=language)
    return [q.speaker.name if q.speaker else None for q in extract_quotes(article)]


@pytest.mark.parametrize(
    ("paragraph", "language", "expected"),
    [
        ("实验室主任孔令舟总是说：“别把自己逼太紧。”", "zh", "孔令舟"),
        ("實驗室主任孔令舟總是說：「別把自己逼太緊。」", "zh-Hant", "孔令舟"),
        ("班长常说：“进度比人重要。”", "zh", None),
        ("班長常說：「進度比人重要。」", "zh-Hant", None),
    ],
)
def test_an_adverb_of_habit_before_the_cue(
    paragraph: str, language: str, expected: str | None
) -> None:
    """常, 总是 between subject and cue are no part of a name and leave the subject found."""
    assert speakers(paragraph, language) == [expected]
