"""The text layer: one answer per question about scripts, words and dates."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from aistress import data
from aistress.model import PartialDate
from aistress.text import dates, language, words
from aistress.text.numbers import chinese_numeral_value


def test_han_class_covers_extensions_and_marks() -> None:
    """Han characters from every block count, Latin letters and kana do not."""
    for char in "压㐀豈𠀀々〇":
        assert language.is_han(char), char
    for char in "Aéあ。1":
        assert not language.is_han(char), char


def test_detect_language_threshold_and_default() -> None:
    """One Han character per three letters is Chinese; no letters gives the default."""
    assert language.detect_language("abc中") == "zh"
    assert language.detect_language("abcd中") == "en"
    assert language.detect_language("abcd中", han_per_letter=1 / 4) == "zh"
    assert language.detect_language("123", default="zh") == "zh"


@given(st.text(max_size=60))
def test_letter_counts_bound_the_text(text: str) -> None:
    """Latin and Han counts never exceed the length and agree with is_han."""
    latin, han = language.letter_counts(text)
    assert latin + han <= len(text)
    assert han == sum(language.is_han(c) for c in text)


# Characters on both sides of every range boundary the fast count decides by byte.
_EDGES = "".join(
    chr(c)
    for c in (
        *(0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0xBF, 0xC0, 0xD7, 0xF7, 0xFF),
        *(0x100, 0x1FF, 0x200, 0x24F, 0x250, 0x2FF, 0x3004, 0x3005, 0x3006, 0x3007),
        *(0x3008, 0x33FF, 0x3400, 0x4CFF, 0x4D00, 0x4DBF, 0x4DC0, 0x4DFF, 0x4E00, 0x9FFF),
        *(0xA000, 0xF8FF, 0xF900, 0xFAFF, 0xFB00, 0xD800, 0xDBFF, 0xDC00, 0xDFFF),
        *(0x1FFFF, 0x20000, 0x3134F, 0x31350, 0x10FFFF),
    )
)


@given(st.text(alphabet=st.sampled_from(_EDGES), max_size=30) | st.text(max_size=60))
def test_letter_counts_fast_path_equals_the_regular_expressions(text: str) -> None:
    """The byte-level letter counts equal the counts by the LATIN and HAN classes."""
    assert language._counts(text) == language._reference_counts(text)


def test_stop_words_come_from_one_list() -> None:
    """English has one stop-word list, shared by alignment and comparison."""
    from aistress.alignment.lexicon import STOP_WORDS

    assert STOP_WORDS is words.stop_words("en")
    assert {"the", "said", "thee"} <= STOP_WORDS
    assert words.stop_words("zh") == frozenset()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz'", max_size=20))
def test_stem_never_lengthens_a_word(word: str) -> None:
    """A stem is never longer than the lower-cased word."""
    assert len(words.stem(word)) <= len(word)


def test_content_terms_mix_english_stems_and_han_bigrams() -> None:
    """English content words are stemmed; Han runs become bigrams."""
    assert words.content_terms("The labs were racing; 研究者") == ["lab", "rac", "研究", "究者"]


def test_chinese_dates_pad_or_not() -> None:
    """The one Chinese date printer pads for pages and not for prose."""
    date = PartialDate(2024, 5, 3)
    assert dates.format_chinese_date(date) == "2024年05月03日"
    assert dates.format_chinese_date(date, pad=False) == "2024年5月3日"
    assert dates.find_date("发布于2024年5月3日") is not None


def test_chinese_numerals_read_once() -> None:
    """Chinese numerals, such as part numbers, are read by one function."""
    assert chinese_numeral_value("十二") == 12
    assert chinese_numeral_value("三") == 3
    assert chinese_numeral_value("好") is None


def test_data_loader_reads_each_kind() -> None:
    """The one loader reads text, JSON and word lists from the package."""
    assert "categories" in data.load_json("taxonomy.json")
    assert data.load_list("formats/related_labels.txt")
    assert data.load_json("quotes/en.json") is data.load_json("quotes/en.json")
