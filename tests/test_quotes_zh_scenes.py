"""Chinese names and turns that no cue introduces, on passages we wrote (both scripts)."""

from __future__ import annotations

import re

import pytest

from aistress.model import Article, Quote
from aistress.quotes import extract_quotes
from aistress.quotes._zh_names import name_vocabulary
from conftest import article_of

#: Our passages' Traditional characters (a fixed table: we write both scripts ourselves).
_HANT = str.maketrans(
    "还桥边灯亮着问说话对这两个间实验结帮题会儿写报让吗钟点头沉默过叹气继续记录学们长传讯给见负责导师应该发样这么经难开时组员认为际对应规据称将复项们个",
    "還橋邊燈亮著問說話對這兩個間實驗結幫題會兒寫報讓嗎鐘點頭沉默過嘆氣繼續記錄學們長傳訊給見負責導師應該發樣這麼經難開時組員認為際對應規據稱將複項們個",
)


def art(*paragraphs: str) -> Article:
    """An article of paragraphs we wrote."""
    return article_of(*paragraphs, language="zh")


def both(paragraphs: list[str]) -> list[list[str]]:
    """The passage in Simplified with “” and in Traditional with 「」."""
    hant = [p.translate(_HANT).replace("“", "「").replace("”", "」") for p in paragraphs]
    return [paragraphs, hant]


def who(q: Quote) -> str | None:
    """The speaker's name, ``anon`` for an unnamed one, or None."""
    if q.speaker is not None:
        return q.speaker.name
    return "anon" if q.anonymous else None


def speakers(paragraphs: list[str]) -> list[str | None]:
    """Who speaks each quotation of the passage, in order."""
    return [who(q) for q in extract_quotes(art(*paragraphs))]


_STORY = [
    "夜里十一点，桥边的实验楼只有一盏灯亮着，里面是苗若溪和邵景川。",
    "苗若溪推开椅子：“结果出来了吗？”",
    "“还差一点。”邵景川盯着屏幕。",
    "“我帮你写报告吧。”",
    "“不用，你先回去。”",
    "“报告两个小时就能写完。”",
    "邵景川叹了口气：“那好吧。”",
]


@pytest.mark.parametrize("paragraphs", both(_STORY))
def test_story_names_written_again_carry_the_turns(paragraphs: list[str]) -> None:
    """Two people named with no role noun and no cue still take alternate turns."""
    got = [re.sub(r"[邵]", "", g or "") for g in speakers(paragraphs)]
    assert got == ["苗若溪", "景川", "苗若溪", "景川", "苗若溪", "景川"]


@pytest.mark.parametrize("paragraphs", both([*_STORY[:5], "苗若溪点点头：“明天见。”"]))
def test_a_line_before_a_speakers_own_colon_is_the_other_persons(paragraphs: list[str]) -> None:
    """A quotation-only line followed by ``X…：“…”`` is not X's: X opens the next turn."""
    assert speakers(paragraphs)[-2:] == ["邵景川", "苗若溪"]


@pytest.mark.parametrize("text", ["硕二学生说，硕二的课题最难。", "碩二學生說，碩二的課題最難。"])
def test_a_year_of_study_is_no_name(text: str) -> None:
    """A role with a number (硕二) written twice does not enter the name vocabulary."""
    assert not any(n.endswith("二") for n in name_vocabulary([text], texts=[text]))
