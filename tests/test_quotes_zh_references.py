"""Chinese references back (该会, 联署, 那句话是) and interview answers, on text we wrote."""

from __future__ import annotations

import pytest

from aistress.model import Article, Quote
from aistress.quotes import extract_quotes
from aistress.quotes._zh_orgs import Orgs, referred
from conftest import article_of


def art(*paragraphs: str, language: str = "zh") -> Article:
    """An article of paragraphs we wrote (Chinese unless ``language`` says)."""
    return article_of(*paragraphs, language=language)


def names(q: Quote) -> list[str]:
    """The speaker's names (full name first), or an empty list."""
    return [q.speaker.name, *q.speaker.aliases] if q.speaker else []


def test_referred_takes_the_last_fitting_name_written_so_far() -> None:
    """该校 takes a university written before it; a name written later is no candidate."""
    orgs = {"青禾大学": "青禾大学", "远帆数据科技有限公司": "远帆数据科技有限公司"}
    assert referred("该校", Orgs(orgs, 2)) == "青禾大学"
    assert referred("该公司", Orgs(orgs, 2)) == "远帆数据科技有限公司"
    assert referred("该公司", Orgs(orgs, 1)) is None
    assert referred("联署", Orgs(orgs, 1)) == "青禾大学"
    assert referred("校方", Orgs(orgs, 0)) is None
    assert referred("远帆", Orgs(orgs, 2)) is None


@pytest.mark.parametrize(
    ("language", "paragraphs", "full"),
    [
        (
            "zh",
            [
                "城南算力用户协会上月发布的问卷显示，六成会员每周加班超过十小时。",
                "该会并呼吁，平台应当“公开排队的规则”。",
            ],
            "城南算力用户协会",
        ),
        (
            "zh-Hant",
            [
                "城南算力用戶協會上月發布的問卷顯示，六成會員每週加班超過十小時。",
                "該會並呼籲，平台應當「公開排隊的規則」。",
            ],
            "城南算力用戶協會",
        ),
        (
            "zh-Hant",
            [
                "青年研究者聯盟日前發起聯署，要求公開排程規則。",
                "聯署信寫道：",
                "「我們每天等待的時間比做研究還多。」",
            ],
            "青年研究者聯盟",
        ),
        (
            "zh",
            [
                "组会快结束时，博士生柏知远终于开口，只讲了一句。"
                "据同事事后转述，那句话是：“我想休息一周。”"
            ],
            "柏知远",
        ),
        (
            "zh",
            [
                "组会快结束时，博士生柏知远终于开口，只讲了一句。"
                "据隔壁工位的同事说，那句话是：“我想休息一周。”"
            ],
            "柏知远",
        ),
        (
            "zh-Hant",
            [
                "組會快結束時，博士生柏知遠終於開口，只講了一句。"
                "據同事事後轉述，那句話是：「我想休息一週。」"
            ],
            "柏知遠",
        ),
    ],
)
def test_reference_gives_the_speaker(language: str, paragraphs: list[str], full: str) -> None:
    """该会 or 联署 speak for the organisation named in full; 那句话是 for the person before."""
    quotes = extract_quotes(art(*paragraphs, language=language))
    assert quotes
    assert full in names(quotes[-1])


def test_interview_answer_is_the_interviewee() -> None:
    """An answer's 我 (…回他：“…”) is the one a 专访X： headline names; its 他 is someone else."""
    quotes = extract_quotes(
        art(
            "专访宫絮宁：“我用了两年才敢关掉通知”",
            "宫絮宁在一家语音实验室做了六年研究员。上周我们与她进行了对话。",
            "问：转折点是什么？",
            "答：组长岑树德在周会后把我留下来。我当时就回他：“可是模型还在训练。”"
            "他说：“模型可以停，你得先去睡觉。”",
        )
    )
    by_text = {q.text: names(q) for q in quotes}
    assert "宫絮宁" in by_text["可是模型还在训练。"]
    assert "宫絮宁" not in by_text["模型可以停，你得先去睡觉。"]


def test_time_word_is_no_name_for_a_pronoun() -> None:
    """时间 (a time word opening with a surname character) never becomes the 她 of a quote."""
    quotes = extract_quotes(
        art(
            "平台负责人宫絮宁表示，新机房下月启用，排队时间有望缩短，等待时间也会减少。"
            "她同时承认，过渡安排“考虑不周”。"
        )
    )
    assert "宫絮宁" in names(quotes[-1])


def test_vocabulary_holds_no_unnamed_source_or_pronoun() -> None:
    """一位 (someone unnamed) and 但我 (a pronoun) never join the article's names."""
    from aistress.quotes._zh_names import name_vocabulary

    blocks = ["最近，一位学生留下来，问我一件事。", "一位同事也来了。但我没有回答。但我知道。"]
    known = name_vocabulary(blocks, texts=blocks)
    assert "一位" not in known
    assert "但我" not in known
