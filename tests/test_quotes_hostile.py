"""Hostile inputs for quote extraction: results stay right on long adversarial paragraphs.

The growth ratios themselves are measured in ``benchmarks/bench_quotes_scaling.py``;
these tests pin the behaviour on inputs that used to take quadratic time.
"""

from __future__ import annotations

import pytest

from aistress.model import Article, Block, QuoteKind
from aistress.quotes import attribute, extract_quotes


def one(text: str, language: str = "en") -> Article:
    """An article of one paragraph."""
    return Article("h", language, "news", blocks=[Block("paragraph", text)])


@pytest.mark.heavy
def test_many_short_quotes_in_one_paragraph() -> None:
    """25,000 quoted letters in one paragraph are 25,000 scare quotes (once quadratic)."""
    quotes = extract_quotes(one("“a” " * 25_000), include_scare=True)
    assert len(quotes) == 25_000
    assert all(q.kind is QuoteKind.SCARE and q.text == "a" for q in quotes)


@pytest.mark.heavy
def test_long_han_run_without_dots() -> None:
    """A long Chinese run with cues and no punctuation gives no quote and stays in range."""
    text = "研究人员表示压力很大王明说" * 2_000
    assert extract_quotes(one(text, "zh")) == ()
    assert all(0 <= a.span.start <= a.span.end <= len(text) for a in attribute(one(text, "zh")))


def test_one_speaker_quoted_through_many_pronouns() -> None:
    """Thousands of 她说 quotes of one speaker keep one person with distinct pronoun links."""
    text = "王明说：“好。”" + "她说：“累了。”" * 3_000
    quotes = extract_quotes(one(text, "zh"))
    assert len(quotes) == 3_001
    people = {q.speaker.name for q in quotes if q.speaker is not None}
    assert people == {"王明"}


def test_quotes_after_a_distant_cue() -> None:
    """Many quotes followed by one far attribution: only the last quote is attributed by it."""
    text = "“one two three four five six.” " * 2_000 + "Ann Lee said."
    quotes = extract_quotes(one(text))
    assert quotes[-1].speaker is not None
    assert quotes[-1].speaker.name == "Ann Lee"
    assert quotes[0].speaker is None
