"""Chinese unnamed sources, open letters and shared subjects, on our sentences (both scripts)."""

from __future__ import annotations

import pytest

from aistress.model import Quote
from aistress.quotes import extract_quotes
from conftest import article_of


def quotes(*paragraphs: str) -> list[Quote]:
    """The quotations of an article of paragraphs we wrote."""
    return list(extract_quotes(article_of(*paragraphs, language="zh")))


def who(q: Quote) -> str | None:
    """The speaker's name, ``anon:<description>`` for an unnamed one, or None."""
    if q.speaker is not None:
        return q.speaker.name
    return f"anon:{q.description}" if q.anonymous else None


@pytest.mark.parametrize(
    "text",
    [
        "网名为“夜航船”的网友写道：“我已经一个月没睡过整觉了。”",
        "網名為「夜航船」的網友寫道：「我已經一個月沒睡過整覺了。」",
    ],
)
def test_a_forum_handle_in_quotation_marks_is_an_unnamed_source(text: str) -> None:
    """``网名为“…”的网友写道`` gives the post to someone unnamed, not to a name."""
    post = [q for q in quotes(text) if q.kind.value == "direct"]
    assert len(post) == 1
    assert post[0].speaker is None
    assert post[0].anonymous


@pytest.mark.parametrize(
    "paragraphs",
    [
        [
            "青年算法工程师互助会昨日发布公开信，呼吁缩短工时。信中写道：",
            "“我们不是机器，我们需要睡眠。”",
        ],
        [
            "青年算法工程師互助會昨日發布公開信，呼籲縮短工時。信中寫道：",
            "「我們不是機器，我們需要睡眠。」",
        ],
    ],
)
def test_words_of_an_open_letter_are_the_organisations(paragraphs: list[str]) -> None:
    """``信中写道`` after an organisation publishes a letter gives the letter to it."""
    got = quotes(*paragraphs)
    assert [who(q) for q in got] == [paragraphs[0][:10]]


@pytest.mark.parametrize(
    "text",
    [
        "该公司人事负责人表示，公司将“重新评估排班”。",
        "該公司人事負責人表示，公司將「重新評估排班」。",
        "被告的代理人则表示，所有加班都是“员工自愿”。",
        "被告的代理人則表示，所有加班都是「員工自願」。",
    ],
)
def test_a_subject_ending_in_a_role_noun_is_unnamed(text: str) -> None:
    """A description ending in 负责人 or 代理人 is someone unnamed, never a name cut from it."""
    (q,) = quotes(text)
    assert q.speaker is None
    assert q.anonymous


@pytest.mark.parametrize(
    "text",
    [
        "研究员柏青岚回复本报查询时表示，实验室“不会强制加班”。",
        "研究員柏青嵐回覆本報查詢時表示，實驗室「不會強制加班」。",
    ],
)
def test_two_cues_of_one_clause_share_its_subject(text: str) -> None:
    """``X回复本报查询时表示``: the second cue's subject is X, not the time phrase."""
    (q,) = quotes(text)
    assert q.speaker is not None
    assert q.speaker.name == text[3:6]


@pytest.mark.parametrize(
    "text",
    ["公司代理律师辩称：“员工从未提出异议。”", "公司代理律師辯稱：「員工從未提出異議。」"],
)
def test_bian_cheng_is_a_speech_cue(text: str) -> None:
    """辩称 (argued in court) is a cue: its subject, a lawyer, is an unnamed source."""
    (q,) = quotes(text)
    assert q.speaker is None
    assert q.anonymous
    assert q.description == text[:6]
