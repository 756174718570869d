"""Chinese attribution shapes on passages we wrote, each in Simplified and Traditional."""

from __future__ import annotations

import pytest

from aistress.model import Article, Quote
from aistress.quotes import extract_quotes
from aistress.quotes._zh_names import given_name_links
from conftest import article_of


def art(*paragraphs: str, language: str = "zh") -> Article:
    """An article of paragraphs we wrote (Chinese unless ``language`` says)."""
    return article_of(*paragraphs, language=language)


def names(q: Quote) -> list[str]:
    """The speaker's names (full name first), or an empty list."""
    return [q.speaker.name, *q.speaker.aliases] if q.speaker else []


def test_given_name_links_need_one_full_name() -> None:
    """A given name joins the one full name ending in it, never one of two."""
    assert given_name_links(["欧阳晓彤", "晓彤"]) == {"晓彤": "欧阳晓彤"}
    assert given_name_links(["王志涵", "李志涵", "志涵"]) == {}
    assert given_name_links(["歐陽曉彤", "曉彤"]) == {"曉彤": "歐陽曉彤"}


@pytest.mark.parametrize(
    ("language", "paragraphs", "full"),
    [
        (
            "zh",
            [
                "我的合伙人欧阳晓彤来看我，她说：“你不能再这样熬了。”",
                "晓彤说过一句话：“身体比版本重要。”",
            ],
            "欧阳晓彤",
        ),
        (
            "zh-Hant",
            [
                "我的合夥人歐陽曉彤來看我，她說：「你不能再這樣熬了。」",
                "曉彤說過一句話：「身體比版本重要。」",
            ],
            "歐陽曉彤",
        ),
        (
            "zh",
            ["实验室主任邝思远说：“我们都很累。”", "思远还说：“但没有人敢停下来。”"],
            "邝思远",
        ),
        (
            "zh-Hant",
            ["實驗室主任鄺思遠說：「我們都很累。」", "思遠還說：「但沒有人敢停下來。」"],
            "鄺思遠",
        ),
    ],
)
def test_given_name_stands_for_the_full_name(
    language: str, paragraphs: list[str], full: str
) -> None:
    """A given name used after the full name (晓彤 after 欧阳晓彤) is the same speaker."""
    quotes = extract_quotes(art(*paragraphs, language=language))
    assert [names(q)[:1] for q in quotes] == [[full], [full]]


@pytest.mark.parametrize(
    ("language", "paragraphs", "who"),
    [
        (
            "zh",
            [
                "温岚走进会议室。",
                "“今天谁来讲？”",
                "开完早会回到座位后，温岚有点不耐烦地对组员说。",
            ],
            "温岚",
        ),
        (
            "zh-Hant",
            [
                "溫嵐走進會議室。",
                "「今天誰來講？」",
                "開完早會回到座位後，溫嵐有點不耐煩地對組員說。",
            ],
            "溫嵐",
        ),
        ("zh", ["葛志远走进机房。", "“谁动了我的配置？”", "葛志远放下杯子，冷冷地问。"], "葛志远"),
        (
            "zh-Hant",
            ["葛志遠走進機房。", "「誰動了我的配置？」", "葛志遠放下杯子，冷冷地問。"],
            "葛志遠",
        ),
    ],
)
def test_attribution_ending_the_next_paragraphs_first_sentence(
    language: str, paragraphs: list[str], who: str
) -> None:
    """A lone quotation is the speaker's whose cue ends the next paragraph's first sentence."""
    (q,) = extract_quotes(art(*paragraphs, language=language))
    assert names(q)[:1] == [who]


def test_a_sentence_going_on_after_its_cue_attributes_nothing_before() -> None:
    """说 inside the next paragraph's first sentence (说的是…) does not attribute the quotation."""
    a = art("“今天谁来讲？”", "会后，温岚说的是另一件事。")
    (q,) = extract_quotes(a)
    assert q.speaker is None


@pytest.mark.parametrize(
    ("language", "paragraphs", "full"),
    [
        (
            "zh",
            [
                "南岭星图数据科技有限公司上月推出新产品。",
                "对此，星图数据在书面回复中表示：“我们会认真调查员工的反映。”",
            ],
            "南岭星图数据科技有限公司",
        ),
        (
            "zh-Hant",
            [
                "南嶺星圖數據科技有限公司上月推出新產品。",
                "對此，星圖數據在書面回覆中表示：「我們會認真調查員工的反映。」",
            ],
            "南嶺星圖數據科技有限公司",
        ),
    ],
)
def test_short_name_of_an_organisation_named_in_full(
    language: str, paragraphs: list[str], full: str
) -> None:
    """An organisation's short name speaks for the full name the article gives."""
    (q,) = extract_quotes(art(*paragraphs, language=language))
    assert q.speaker is not None
    assert q.speaker.name == full


@pytest.mark.parametrize(
    ("language", "text", "description"),
    [
        ("zh", "我的第一任导师第一天就对我说：“这里没有周末。”", "我的第一任导师"),
        ("zh-Hant", "我的第一任導師第一天就對我說：「這裡沒有週末。」", "我的第一任導師"),
        (
            "zh",
            "我的一位老同事，曾在组会上半开玩笑地说：“我们不用睡觉，只用排队。”",
            "我的一位老同事",
        ),
        (
            "zh-Hant",
            "我的一位老同事，曾在組會上半開玩笑地說：「我們不用睡覺，只用排隊。」",
            "我的一位老同事",
        ),
        ("zh", "医生没绕弯子，他对我说：“你又不是一台服务器。”", "医生"),
        ("zh-Hant", "醫生沒繞彎子，他對我說：「你又不是一台伺服器。」", "醫生"),
    ],
)
def test_someone_described_not_named_is_an_unnamed_source(
    language: str, text: str, description: str
) -> None:
    """My first advisor, a colleague of mine, the doctor (then 他): unnamed, with a description."""
    (q,) = extract_quotes(art(text, language=language))
    assert q.speaker is None
    assert q.anonymous
    assert q.description == description


def test_the_writer_is_no_unnamed_source_for_a_later_pronoun() -> None:
    """记者 opening a sentence is the writer: a later 他 is the person named before."""
    a = art("项目负责人邱明哲介绍了排班制度。记者也在现场，他说：“加班会减少。”")
    (q,) = extract_quotes(a)
    assert names(q)[:1] == ["邱明哲"]


def test_a_time_word_before_the_cue_leaves_the_pronoun() -> None:
    """我去年跟…说过 in a speaker's turn: 去年 is a time word, 我 is the turn's speaker."""
    a = art("葛志远：我去年跟一位会议组织者说过：“审稿不是义务劳动。”")
    (q,) = extract_quotes(a)
    assert names(q)[:1] == ["葛志远"]


@pytest.mark.parametrize(
    ("language", "paragraphs", "who"),
    [
        (
            "zh",
            ["实习生邱嘉生第一次值夜班。", "嘉生揉着眼睛说：“我还能再跑一组。”"],
            "邱嘉生",
        ),
        (
            "zh-Hant",
            ["實習生邱嘉生第一次值夜班。", "嘉生揉著眼睛說：「我還能再跑一組。」"],
            "邱嘉生",
        ),
        (
            "zh",
            ["闵柱子推门进来。", "闵柱子看了看屏幕。", "“又挂了？”", "闵柱子叹气地说。"],
            "闵柱子",
        ),
        (
            "zh-Hant",
            ["閔柱子推門進來。", "閔柱子看了看螢幕。", "「又掛了？」", "閔柱子嘆氣地說。"],
            "閔柱子",
        ),
    ],
)
def test_name_ending_like_a_role_noun(language: str, paragraphs: list[str], who: str) -> None:
    """嘉生 (邱嘉生 written too) and 闵柱子 (always whole) are names, though 生 and 子 end roles."""
    (q,) = extract_quotes(art(*paragraphs, language=language))
    assert names(q)[:1] == [who]
