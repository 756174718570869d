"""Tests for Chinese attribution: Traditional cues, names by their shape, story dialogue."""

from __future__ import annotations

from aistress.model import Article, Quote
from aistress.quotes import extract_quotes
from conftest import article_of


def art(*paragraphs: str, language: str = "zh") -> Article:
    """An article of paragraphs we wrote (Chinese unless ``language`` says)."""
    return article_of(*paragraphs, language=language)


def speaker(q: Quote) -> str | None:
    """The speaker's name, or None."""
    return q.speaker.name if q.speaker else None


def test_hant_cue_forms_give_the_speaker() -> None:
    """Traditional cues with 於…上, 受訪時 and 接著 before them name the speaker."""
    a = art(
        "立法委員岳萱於臉書上寫道：「勞工的健康不能被犧牲。」",
        "陳啟帆受訪時直言：「這不是個人的問題。」",
        "她接著說：「社會需要改變。」",
        "張家豪對記者說：「我每天加班到凌晨。」",
        language="zh-Hant",
    )
    got = [(speaker(q), q.cue) for q in extract_quotes(a)]
    assert got == [("岳萱", "寫道"), ("陳啟帆", "直言"), ("陳啟帆", "說"), ("張家豪", "說")]


def test_three_character_name_before_an_adverb() -> None:
    """A full name followed by an adverb or an idiom is the name, not the name and a word."""
    a = art(
        "郑国栋很感兴趣地问：",
        "“什么办法？”",
        "金涛不假思索地说：",
        "“这是好事！”",
    )
    assert [speaker(q) for q in extract_quotes(a)] == ["郑国栋", "金涛"]


def test_names_sharing_two_characters_stay_whole() -> None:
    """Two people whose names share surname and middle character keep their full names."""
    a = art(
        "金建山递上一根烟，金建武接过来。",
        "金建山有点嘲讽地看着他，反问：",
        "“你看谁合适？”",
        "金建武抽了两口烟，说：",
        "“我看都不合适。”",
    )
    assert [speaker(q) for q in extract_quotes(a)] == ["金建山", "金建武"]


def test_adverb_opening_a_clause_is_no_name() -> None:
    """An adverb before 笑着说 is no speaker: the sentence's subject speaks."""
    a = art("反倒是晓梅从门口挤进来，仍然笑着说：", "“你们怎么还没走？”")
    (q,) = extract_quotes(a)
    assert speaker(q) != "仍然"


def test_name_after_a_word_for_a_relative() -> None:
    """``他妻子秋云就对丈夫说``: the name after the relative speaks, not the pronoun's referent."""
    a = art("高建华站在院子里。", "他妻子秋云就对丈夫说：", "“这么大的事，你能处理了？”")
    (q,) = extract_quotes(a)
    assert speaker(q) == "秋云"


def test_subject_after_a_clause_of_time() -> None:
    """A cue clause without a subject takes the name opening the clause after a time clause."""
    a = art("这时候，高建华已经给客人递上一杯茶，同时问：", "“你来有什么事？”")
    (q,) = extract_quotes(a)
    assert speaker(q) == "高建华"


def test_titles_and_familiar_forms_of_names() -> None:
    """A surname with a title, a name before a title and 老 + surname are speakers."""
    a = art(
        "陳先生說：「我每天都很累。」",
        "李教授笑說：「這是好事。」",
        "王大明教授指出：「壓力來自工作。」",
        "老陳說：「沒辦法。」",
        "財政司司長陳茂澄指，「經濟正在復甦」。",
        language="zh-Hant",
    )
    got = [speaker(q) for q in extract_quotes(a)]
    assert got == ["陳先生", "李教授", "王大明", "老陳", "陳茂澄"]


def test_name_before_a_one_character_adverb() -> None:
    """``「…，」陳禮中笑說``: the adverb after the name is not part of it."""
    a = art("「這是好消息，」陳禮中笑說。", language="zh-Hant")
    (q,) = extract_quotes(a)
    assert speaker(q) == "陳禮中"


def test_two_character_surname_comes_first() -> None:
    """A name with a two-character surname keeps it (司马嘉禾, not 马承恩)."""
    a = art("協會理事長司馬嘉禾說：「我們會持續調查。」", language="zh-Hant")
    (q,) = extract_quotes(a)
    assert speaker(q) == "司馬嘉禾"


def test_quotation_after_reported_speech_is_the_speakers() -> None:
    """A quotation standing as its own sentence after X's reported words is X's."""
    a = art(
        "工程师褚文澜认为，偶尔熬夜可以理解。她指出，麻烦在于没人喊停。"
        "“赶一次工叫拼，天天赶工叫耗。”"
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "褚文澜"
    assert not q.partial


def test_transcript_label_speaks_its_turn() -> None:
    """A name and a colon opening a paragraph: that person's quotations and 我 are theirs."""
    a = art(
        "主持人：今天我们聊聊实验室里的疲惫。",
        "沈墨言：谢谢。我前阵子写过一句“以后再也不硬撑着假装没事了”，今天算是兑现。",
        "沈墨言：我跟一位同事讲过：“你们把加班当成了默认设置。”",
        "主持人：网上管这叫“卷”。",
    )
    got = [(speaker(q), q.text) for q in extract_quotes(a)]
    assert got == [
        ("沈墨言", "以后再也不硬撑着假装没事了"),
        ("沈墨言", "你们把加班当成了默认设置。"),
    ]


def test_as_x_said() -> None:
    """``正如X临走前所说`` gives X."""
    a = art(
        "正如韓語晴臨走前所說，數據本身沒有問題，「問題在我們把人當成了數據」。", language="zh-Hant"
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "韓語晴"


def test_unnamed_source_opening_the_sentence_of_a_colon() -> None:
    """``有位同行私信我，只留了一句：“…”``: the unnamed colleague, flagged anonymous."""
    a = art("答：每人大概要审十来篇。有位同行私信我，只留了一句：“能帮我一定帮，可我得先补个觉。”")
    (q,) = extract_quotes(a)
    assert q.speaker is None
    assert q.anonymous


def test_answers_of_an_interview_are_the_interviewees() -> None:
    """``答：`` paragraphs speak for the person who 接受…专访, and so does their 我."""
    a = art(
        "年会主席、东岭大学教授闻一舟近日接受本报专访，以下是访谈摘录。",
        "问：今年审稿的压力大吗？",
        "答：我在去年的闭幕式上讲过：“审稿靠的是大家的好心。”现在还是这样。",
        "答：我总跟学生说：“截稿日期能改，身体可改不了。”",
    )
    assert [speaker(q) for q in extract_quotes(a)] == ["闻一舟", "闻一舟"]


def test_role_noun_opening_a_colon_clause_is_an_unnamed_source() -> None:
    """``指導教授傳訊息給我：「…」`` in someone's turn: the professor, unnamed."""
    a = art(
        "鄭安琪：沒錯。投稿截止那晚，指導教授傳訊息給我：「別熬了，稿子已經夠好。」",
        language="zh-Hant",
    )
    (q,) = extract_quotes(a)
    assert q.speaker is None
    assert q.anonymous


def test_she_is_called_names_the_person_for_a_later_pronoun() -> None:
    """``她叫柯詠晴`` gives the name a later 她說 resolves to."""
    a = art(
        "前幾天，一位認識很久的助理教授找我吃飯。她叫柯詠晴，是系上最認真的老師之一。"
        "她說了一句話：「我不是討厭教書，我是受不了這種節奏。」",
        language="zh-Hant",
    )
    (q,) = extract_quotes(a)
    assert speaker(q) == "柯詠晴"
