"""Tests for paragraph speaker continuation and compound surnames (sentences we wrote)."""

from __future__ import annotations

from aistress.model import Quote, QuoteKind
from aistress.quotes import extract_quotes
from conftest import article_of as art


def speaker(q: Quote) -> str | None:
    """The speaker's name, or None."""
    return q.speaker.name if q.speaker else None


def test_quote_after_reported_speech_belongs_to_its_speaker() -> None:
    """X said the queue doubled. “…”: the quotation is X's, though it has no cue."""
    a = art('Tove Lindqvist said the night queue had doubled since spring. "We take turns."')
    [q] = extract_quotes(a)
    assert speaker(q) == "Tove Lindqvist"
    assert q.kind is QuoteKind.DIRECT
    assert not q.partial


def test_chinese_quote_after_an_introduction_clause() -> None:
    """主管X介绍，……。“……”: the later quotation is X's."""
    a = art(
        "机房主管、工程师柏晓岚介绍，周末排队的任务往往比工作日多一倍。"
        "“大家都是等到半夜才排得上。”",
        language="zh",
    )
    [q] = extract_quotes(a)
    assert speaker(q) == "柏晓岚"


def test_traditional_quote_after_a_pronoun_clause_goes_to_the_latest_speaker() -> None:
    """教授X表示……。他強調，……。「……」: the pronoun's referent, the latest speaker, keeps it."""
    a = art(
        "教授宮明澈表示，學界的情況並不樂觀。他強調，制度要先改。「沒有人能一直熬夜。」",
        language="zh",
    )
    [q] = extract_quotes(a)
    assert speaker(q) == "宮明澈"


def test_latest_speaker_of_the_paragraph_wins() -> None:
    """Two reporting clauses in a paragraph: the quotation goes to the later one."""
    a = art(
        "Rafe Ostrander said the budget was frozen. Lin Okafor said the team was tired. "
        '"Nobody has had a weekend since May."'
    )
    [q] = extract_quotes(a)
    assert speaker(q) == "Lin Okafor"


def test_continuation_stays_inside_the_paragraph() -> None:
    """A speaker introduced in one paragraph does not own a mid-paragraph quotation of the next."""
    a = art(
        "Tove Lindqvist said the night queue had doubled.",
        'The cluster was down for a week. "Nobody has had a weekend since May."',
    )
    [q] = extract_quotes(a)
    assert q.speaker is None


def test_term_inside_a_sentence_is_not_continued() -> None:
    """A quoted term inside the author's sentence gets no continued speaker."""
    a = art(
        "Tove Lindqvist said the queue had doubled. The cluster sat idle for a week. "
        'The month is known as "the crunch".'
    )
    assert all(q.speaker is None for q in extract_quotes(a, include_scare=True))


def test_anonymous_source_continues_anonymous() -> None:
    """An unnamed source's clause before a quotation makes that quotation anonymous."""
    a = art(
        "一位不愿透露姓名的研究员透露，周末加班越来越多。“我们一个月也歇不了几天。”",
        language="zh",
    )
    [q] = extract_quotes(a)
    assert q.speaker is None
    assert q.anonymous


def test_traditional_compound_surname_keeps_both_characters() -> None:
    """A compound surname in Traditional text gives the whole name, not its last three."""
    a = art(
        "教授申屠海寧表示：「研究不能只靠熬夜。」", "申屠海寧說：「我們需要休息。」", language="zh"
    )
    assert [speaker(q) for q in extract_quotes(a)] == ["申屠海寧", "申屠海寧"]


def test_rare_compound_surname_with_two_given_characters() -> None:
    """A paragraph opening with a rarer compound surname and two given characters names all four."""
    a = art("赫连晴川说：“我们需要休息。”", language="zh")
    [q] = extract_quotes(a)
    assert speaker(q) == "赫连晴川"


def test_a_company_before_a_single_surname_is_not_a_compound_surname() -> None:
    """公司马X说: the company's Ma X, not a 司马 name."""
    a = art("这家公司马一鸣说：“我们需要休息。”", language="zh")
    [q] = extract_quotes(a)
    assert speaker(q) == "马一鸣"


def test_role_ending_in_the_first_character_of_a_compound_surname() -> None:
    """主席司徒X: the role ends before 司徒, and the name keeps all four characters."""
    a = art(
        "大会主席司徒景岚日前接受专访，谈到了审稿。",
        "会议主席司徒景岚补充：“大家都累。”",
        language="zh",
    )
    [q] = extract_quotes(a)
    assert speaker(q) == "司徒景岚"
