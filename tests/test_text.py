from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.model import PartialDate
from aistress.testing import strategies as st_ai
from aistress.text import detect_language, sentences, split_sentences
from aistress.text.numbers import chinese_numeral_value, english_number_words, extract_numbers
from aistress.text.words import alternation
from conftest import seed

# --------------------------------------------------------------------------
# sentences, English


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dr. Lee met Mr. Wong. They talked.", ["Dr. Lee met Mr. Wong.", "They talked."]),
        (
            "She has a Ph.D. from Leeds. Her Ph.D. was hard.",
            ["She has a Ph.D. from Leeds.", "Her Ph.D. was hard."],
        ),
        ("He moved to the U.S. in 2019.", ["He moved to the U.S. in 2019."]),
        ("He moved to the U.S. The move was hard.", ["He moved to the U.S.", "The move was hard."]),
        ("Sales rose 3.2 percent. Costs fell.", ["Sales rose 3.2 percent.", "Costs fell."]),
        ("Use tools, e.g. Python. Then rest.", ["Use tools, e.g. Python.", "Then rest."]),
        ("“Stop.” He left.", ["“Stop.”", "He left."]),
        ("“Why?” she asked.", ["“Why?” she asked."]),
        ("(It failed.) We retried.", ["(It failed.)", "We retried."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        ("One of them […] is tired. Next.", ["One of them […] is tired.", "Next."]),
        ("It ended […] Then it began.", ["It ended […] Then it began."]),
        ("J. R. Smith wrote it. Fine.", ["J. R. Smith wrote it.", "Fine."]),
        ("Line one\nstill one.\n\nNew block", ["Line one\nstill one.", "New block"]),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    """English splitting keeps abbreviations, decimals, quotes, brackets and elisions whole."""
    assert split_sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他说：“好。”我们走吧。", ["他说：“好。”", "我们走吧。"]),
        ("用户接近 3.2 亿。增长很快!对吗?", ["用户接近 3.2 亿。", "增长很快!", "对吗?"]),
        ("第一；第二。", ["第一；", "第二。"]),
        ("等等……然后呢？！好", ["等等……", "然后呢？！", "好"]),
        ("使用LLMs,但不是GPT-4.5.结果很好", ["使用LLMs,但不是GPT-4.5.", "结果很好"]),
        ("压力很大.研究者说", ["压力很大.", "研究者说"]),
        ("（真的吗？）是的。", ["（真的吗？）", "是的。"]),
    ],
)
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    """Chinese splitting handles full-width and ASCII marks, closing quotes and numbers."""
    assert split_sentences(text, "zh") == expected


def test_language_is_detected() -> None:
    """Without a language, the share of Han characters chooses the rules."""
    assert detect_language("今天很好。明天也好。") == "zh"
    assert sentences("今天很好。明天也好。") == ((0, 5), (5, 10))
    assert detect_language("Plain English.") == "en"


def test_sentences_rejects_non_text() -> None:
    """Passing bytes is API misuse and raises TypeError."""
    with pytest.raises(TypeError):
        sentences(b"bytes", "en")  # type: ignore[arg-type]


@given(st_ai.texts(max_size=200), st_ai.languages())
def test_sentences_cover_every_character(text: str, language: str) -> None:
    """Spans are ordered, disjoint, stripped, and hold every non-space character."""
    spans = sentences(text, language)
    covered = 0
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert not text[start].isspace()
        assert not text[end - 1].isspace()
        covered += sum(1 for ch in text[start:end] if not ch.isspace())
        last = end
    assert covered == sum(1 for ch in text if not ch.isspace())


@pytest.mark.parametrize("prefix", ["000", "003"])
def test_seed_sentences_are_plausible(prefix: str) -> None:
    """Seed texts split into sentences that each end in a mark or a line end."""
    text = seed(prefix).read_text(encoding="utf-8")
    for language in ("en", "zh"):
        spans = sentences(text, language)
        assert len(spans) > 20
        # No sentence starts with a lower-case letter after a split inside a line.
        for start, _ in spans:
            assert not text[start].islower() or text[start - 1] == "\n"


# --------------------------------------------------------------------------
# numbers


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("200m monthly users", "月活跃用户 2 亿"),
        ("almost 320m times", "近 3.2 亿次"),
        ("some $90 billion", "约900亿美元"),
        ("87% of people", "87% 的人"),
        ("nine hundred and thirty years", "九百三十岁"),
        ("6 days a week", "每周六天"),
        ("the first year", "第一年"),
    ],
)
def test_numbers_meet_across_notations(english: str, chinese: str) -> None:
    """The same amount in English and Chinese notation has the same value."""
    (en,) = (q for q in extract_numbers(english, "en") if q.value is not None)
    zh = [q for q in extract_numbers(chinese, "zh") if q.value is not None]
    assert zh
    assert en.same_amount(zh[-1])


def test_dates_meet_across_notations() -> None:
    """``May 2024`` and ``2024 年 5 月`` state the same partial date."""
    (en,) = extract_numbers("It was visited in May 2024.", "en")
    (zh,) = extract_numbers("在 2024 年 5 月访问", "zh")
    assert en.kind == zh.kind == "date"
    assert en.date == zh.date == PartialDate(2024, 5)


def test_discrepancy_is_visible() -> None:
    """``200bn`` and ``200 亿`` differ by a factor of ten, as a discrepancy check needs."""
    (en,) = extract_numbers("200bn weights", "en")
    (zh,) = extract_numbers("200 亿权重", "zh")
    assert en.value == 10 * zh.value  # type: ignore[operator]
    assert not en.same_amount(zh)


def test_quantities_carry_spans_units_and_hedges() -> None:
    """A quantity records where it is, its unit, its kind and whether it is hedged."""
    text = "Orbitco lost some $90 billion and 12 per cent."
    money, pct = extract_numbers(text, "en")
    assert text[money.start : money.end] == money.text == "$90 billion"
    assert (money.unit, money.kind, money.approximate) == ("USD", "money", True)
    assert (pct.value, pct.unit, pct.kind) == (Decimal(12), "%", "percent")


def test_chinese_words_with_numerals_are_not_numbers() -> None:
    """Words such as 一些, 十分 and 统一 state no number; 三天 and 第一 do."""
    assert extract_numbers("一些人十分统一", "zh") == ()
    assert [str(q.value) for q in extract_numbers("三天后第一名", "zh")] == ["3", "1"]


def test_identifiers_are_not_numbers() -> None:
    """Digits inside identifiers such as image names or model names are skipped."""
    assert extract_numbers("gettyimages-1460688324 and GPT4", "en") == ()


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-five", 25),
        ("an hundred and five", 105),
        ("five and twenty", 25),
        ("fourscore and seven", 87),
        ("a dozen", 12),
        ("two thousand and twenty-four", 2024),
        ("one million", 10**6),
    ],
)
def test_english_number_words(words: str, value: int) -> None:
    """English number words, modern and archaic, read to their value."""
    assert english_number_words(words) == value


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("十", 10),
        ("十五", 15),
        ("二十", 20),
        ("两千", 2000),
        ("三万五千", 35000),
        ("一亿二千万", 120000000),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    """Chinese numerals with 十百千万亿 read to their value."""
    assert chinese_numeral_value(numeral) == value


@given(st_ai.texts(max_size=120), st_ai.languages())
def test_extract_numbers_never_fails(text: str, language: str) -> None:
    """Any text yields disjoint quantities whose spans hold their text."""
    last = 0
    for q in extract_numbers(text, language):
        assert last <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        last = q.end


@pytest.mark.parametrize(
    "text", ["访问量近 3.2 亿次", "访问量近3.2亿次", "约\u30003 万人", "接近\u00a045%"]
)
def test_chinese_hedge_before_a_space_marks_approximate(text: str) -> None:
    """A space between a Chinese hedge word (近, 约, 接近) and the number keeps it approximate."""
    (quantity,) = extract_numbers(text, "zh")
    assert quantity.approximate


def test_measures_read_hedges_units_and_shares() -> None:
    """Hedges point below or above, units follow the number, shares read as percentages."""
    from aistress.text.measures import fractions, hedge, relative_dates, unit_after

    text = "almost 40% of staff, over 60 hours, 300多名研究人员, 約兩成"
    assert hedge(text, 7, 10, "en") == "below"
    assert hedge(text, 26, 28, "en") == "above"
    assert unit_after(text, 28, "en") == "hour"
    assert hedge(text, 36, 39, "zh") == "above"
    assert [str(f.value) for f in fractions("一半的人和三分之二的人", "zh")] == ["50", "66.7"]
    assert [(r.unit, r.offset) for r in relative_dates("前年 and last month", "en")] == [
        ("year", -2),
        ("month", -1),
    ]


def test_polarity_cues_skip_pseudo_negations_and_the_month_may() -> None:
    """'not only', 不断 and 'May 2024' are not cues; a negated rejection is positive."""
    from aistress.text.polarity import polarity_cues, sign

    assert polarity_cues("Not only that, in May 2024 it rose.", "en")[0].kind == "increase"
    assert [c.kind for c in polarity_cues("压力不断增加", "zh")] == ["increase"]
    assert sign(polarity_cues("They voted the plan down.", "en")) == -1
    assert sign(polarity_cues("They had not opposed it.", "en")) == 1


def test_numbers_of_a_text_seen_again_are_the_same() -> None:
    """A paragraph read twice gives the same quantities; a long text is read as a short one."""
    text = "They cut the week from 90 to 60 hours; 每周 100 小时。"
    first = extract_numbers(text, "en")
    assert extract_numbers(text, "en") == first
    assert extract_numbers(text, "zh") != first
    long = "x " * 3_000 + text
    shift = len(long) - len(text)
    assert [(q.start - shift, q.value) for q in extract_numbers(long, "en")] == [
        (q.start, q.value) for q in first
    ]


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        (
            ["say", "says", "saying", "told", "tell", "tells", "sad"],
            "(?:sa(?:y(?:ing|s)?|d)|t(?:ell(?:s)?|old))",
        ),
        (["说", "说道", "表示", "表明", "称", "声称"], "(?:声称|表(?:明|示)|说(?:道)?|称)"),
        (["a.b", "a", "ab", "abc", "b", "bcd", "bc"], "(?:a(?:\\.b|b(?:c)?)?|b(?:c(?:d)?)?)"),
    ],
)
def test_alternation_writes_the_same_trie_regex(words: list[str], pattern: str) -> None:
    """Deeper branches first, then by letter: the patterns the first writing gave."""
    assert alternation(words) == pattern


@given(
    st.lists(st.text(alphabet="abcd.说话", min_size=1, max_size=6), max_size=40),
    st.text(alphabet="abcd.说话 ", max_size=60),
)
def test_alternation_matches_the_longest_word_first(words: list[str], text: str) -> None:
    """The trie regex matches what the words joined longest first match."""
    plain = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"
    assert [m.span() for m in re.finditer(alternation(words), text)] == [
        m.span() for m in re.finditer(plain, text)
    ]


def test_shares_and_relative_dates_found_again_come_in_a_list_of_their_own() -> None:
    """A paragraph read again gives equal findings, in a new list the caller may change."""
    from aistress.text.measures import fractions, relative_dates

    text = "Half of the staff left last week; 上周二 大多数人仍在工作。"
    for find in (fractions, relative_dates):
        first = find(text, "en")
        assert first
        first.clear()
        assert find(text, "en") == find(text + " ", "en")
        assert find(text, "en")
