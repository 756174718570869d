"""Chinese dialogue without cues, and role speakers, on passages we wrote (both scripts)."""

from __future__ import annotations

import pytest

from aistress.model import Article, Quote
from aistress.quotes import extract_quotes
from aistress.quotes._zh_discourse import described
from conftest import article_of


def art(*paragraphs: str, language: str = "zh") -> Article:
    """An article of paragraphs we wrote (Chinese unless ``language`` says)."""
    return article_of(*paragraphs, language=language)


def who(q: Quote) -> str | None:
    """The speaker's name, ``anon:<description>`` for an unnamed one, or None."""
    if q.speaker is not None:
        return q.speaker.name
    return f"anon:{q.description}" if q.anonymous else None


#: Our passages' Traditional characters (a fixed table: we write both scripts ourselves).
_HANT = str.maketrans(
    "还没学习调饭这吃样导师进来边坐问说话对弟别骗组会开点头实验两周验从沉默儿个项须线静怡妈电里让辛苦两回事驳张继续办觉门开跑间紧张们时诸发条消进务钟离语复",
    "還沒學習調飯這吃樣導師進來邊坐問說話對弟別騙組會開點頭實驗兩週驗從沉默兒個項須線靜怡媽電裡讓辛苦兩回事駁張繼續辦覺門開跑間緊張們時諸發條消進務鍾離語復",
)


def both(paragraphs: list[str]) -> list[tuple[str, list[str]]]:
    """The passage in Simplified with “” and in Traditional with 「」."""
    hant = [p.translate(_HANT).replace("“", "「").replace("”", "」") for p in paragraphs]
    return [("zh", paragraphs), ("zh-Hant", hant)]


def speakers(language: str, paragraphs: list[str]) -> list[str | None]:
    """Who speaks each quotation of the passage, in order."""
    return [who(q) for q in extract_quotes(art(*paragraphs, language=language))]


_TURNS = [
    "深夜，博士生柏文澜还盯着屏幕。导师冼志恒走进来，在她旁边坐下。",
    "“还没跑完？”冼志恒问。",
    "“快了。又调了一次学习率。”",
    "“先去吃饭。”",
    "“吃完也还是这样。”",
]


@pytest.mark.parametrize(("language", "paragraphs"), both(_TURNS))
def test_a_question_is_answered_by_the_other_person_of_the_scene(
    language: str, paragraphs: list[str]
) -> None:
    """Lines with no cue after a question alternate between the two people of the scene."""
    got = speakers(language, paragraphs)
    assert [g[-2:] if g else g for g in got] == ["志恒", "文澜", "志恒", "文澜"]


_ADDRESSED = ["“你是不是太累了？”岑以安对弟弟岑以宁说。", "“还好。”", "“别骗我。”"]


@pytest.mark.parametrize(("language", "paragraphs"), both(_ADDRESSED))
def test_the_addressee_answers_and_turns_alternate(language: str, paragraphs: list[str]) -> None:
    """The one spoken to (对…说) answers the next line; the line after is the first speaker's."""
    got = speakers(language, paragraphs)
    assert [g[-2:] if g else g for g in got] == ["以安", "以宁", "以安"]


_AFTER = [
    "组会开到一半，博士生卜嘉禾站了起来。",
    "“我不同意。”卜嘉禾摇了摇头。",
    "“这个实验至少还要两周。”",
    "殷振东叹了口气，点了点头。",
]


@pytest.mark.parametrize(("language", "paragraphs"), both(_AFTER))
def test_the_person_opening_the_sentence_or_paragraph_after_speaks(
    language: str, paragraphs: list[str]
) -> None:
    """A quotation with no cue goes to the person after it, else the next paragraph's subject."""
    got = speakers(language, paragraphs)
    assert [g[-2:] if g else g for g in got] == ["嘉禾", "振东"]


_ROLES = [
    "老板对小姜说：“这个项目下周必须上线。”",
    "樊静怡的导师对她说：“你可以先休息一周。”",
    "他妈在电话里问：“你吃饭了没有？”",
]


@pytest.mark.parametrize(("language", "paragraphs"), both(_ROLES))
def test_a_role_or_kinship_subject_is_an_unnamed_speaker(
    language: str, paragraphs: list[str]
) -> None:
    """老板对X说, X的导师说 and 他妈问 give an unnamed speaker described by those words."""
    for paragraph in paragraphs:
        (got,) = speakers(language, [paragraph])
        assert got is not None
        assert got.startswith("anon:")


def test_described_reads_roles_alone_or_owned() -> None:
    """A role alone, or a pronoun's or a name's, describes someone; other words do not."""
    assert described("老板", 0, 2)
    assert described("她的导师", 0, 4)
    assert described("林安的组长", 0, 5)
    assert not described("研究", 0, 2)
    assert not described("林安", 0, 2)


@pytest.mark.parametrize(
    ("language", "paragraphs"),
    both(["卜嘉禾说：“科研本来就很辛苦。”", "“辛苦和透支是两回事。”殷振东反驳道。"]),
)
def test_a_cue_ending_in_dao_attributes_the_quotation_before_it(
    language: str, paragraphs: list[str]
) -> None:
    """``“…”X反驳道。`` gives the quotation to X, not to the speaker before."""
    assert [g[-2:] if g else g for g in speakers(language, paragraphs)] == ["嘉禾", "振东"]


_TITLED = [
    "评审前一周，导师诸葛允文在频道里贴出一条通知：“周三之前把草稿发给我。”",
    "半小时后，博士生钟离语回复：“我的实验还差两组。”",
]


@pytest.mark.parametrize(("language", "paragraphs"), both(_TITLED))
def test_a_name_after_its_role_opens_a_colon_clause(language: str, paragraphs: list[str]) -> None:
    """``导师X在群里发出…：`` and ``博士生X回复：`` give X (compound surnames too)."""
    got = speakers(language, paragraphs)
    assert got == (["诸葛允文", "钟离语"] if language == "zh" else ["諸葛允文", "鍾離語"])


_NARRATIVE = [
    (
        "过了一会她才对身边的同事说：",
        "“我们先把结果发出去吧。”",
    ),
    (
        "邝思远把桌上的“草稿”塞进书包，说：",
        "“今天就到这里。”",
    ),
    (
        "组会上，邝思远突然大声喊叫说：",
        "“服务器又挂了！”",
    ),
]


@pytest.mark.parametrize("paragraphs", [list(p) for p in _NARRATIVE])
def test_the_subject_of_a_narrative_colon_clause_speaks(paragraphs: list[str]) -> None:
    """After a time phrase, past a quoted term, before 喊叫说: the subject speaks."""
    article = art("葛雨桐说：“今天必须投稿。”", "葛雨桐的导师邝思远坐在一旁。", *paragraphs)
    q = [q for q in extract_quotes(article) if len(q.text) > 4][-1]
    assert q.speaker is not None
    assert q.speaker.name == ("葛雨桐" if "她" in paragraphs[0] else "邝思远")


def test_a_silent_person_opening_the_next_paragraph_is_not_the_speaker() -> None:
    """``X沉默不语`` after a line: X did not say it."""
    article = art(
        "“你还要熬多久？”葛雨桐问邝思远。",
        "“女人是水，实验是酒。”",
        "邝思远沉默不语。",
    )
    quotes = extract_quotes(article)
    assert quotes[1].speaker is not None
    assert quotes[1].speaker.name == "邝思远"
