"""Case-blind patterns searched as case-sensitive ones in lower-cased text match the same."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.tagging import default_rules, rescore
from aistress.tagging.matcher import _shareable
from aistress.text import polarity
from aistress.text._lowered import lower_text, lowered

#: Pieces of text in both cases, with the characters that equal an ASCII letter
#: ignoring case without being one, and punctuation the patterns stop at.
_PIECES = [
    "Only 12%",
    "ONLY 12 PERCENT",
    "weekly",
    "Releases",
    "a small minority",
    "Not",
    "NEVER",
    "rejected",
    "Turned It Down",
    "AI",
    "ai",
    "Lab",
    "80-Hour Weeks",
    "ſ",
    "\u212a",
    "\u0130",
    "ı",
    "É",
    "ß",
    "Σ",
    "–",
    "’",
    " ",
    ".",
    "!",
    "！",
    "加班",
    "x",
]

_PATTERNS = [
    r"\bAI (?:Lab|team)s?\b",
    r"[A-Z][a-z]+\s+[A-Z]\w*",
    r"(?<![A-Za-z])(?:not|never)(?![A-Za-z])",
    r"\b\w+\W+\w+\b",
    r"[^.;!?]{2,8}\bweeks?\b",
]


def _shipped_patterns() -> list[str]:
    """Every ``re:`` term of the shipped rules, the English polarity cues, the reporting words."""
    out = [p.pattern for m in default_rules()._matchers.values() for _, p in m.patterns]
    out.append(polarity._patterns(False)[0].pattern.removeprefix("(?i)"))
    out.append(rescore._REPORTED.pattern)
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_lowered_patterns_match_where_the_case_blind_ones_do(pieces: list[str]) -> None:
    """Where both are written, the lowered pattern in the lowered text has the same matches."""
    text = "".join(pieces)
    low = lower_text(text)
    for source in _PATTERNS + _shipped_patterns():
        fast = lowered(source)
        if fast is None or low is None:
            continue
        blind = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
        assert [m.span() for m in re.finditer(fast, low)] == blind, source


def test_the_shipped_patterns_can_all_be_lowered() -> None:
    """Every shipped re: term, the English cues and the reporting words take the fast search."""
    assert all(lowered(p) is not None for p in _shipped_patterns())


@pytest.mark.parametrize(
    "source",
    [r"\x41", r"\u0041", r"\N{LATIN SMALL LETTER A}", r"\1", r"[@-`]", r"[A-z]", "É", "(?i:x)"],
)
def test_patterns_naming_a_letter_another_way_are_not_lowered(source: str) -> None:
    """Codes, back-references, ranges across cases, cased non-ASCII letters and flags stay."""
    assert lowered(source) is None


def test_text_whose_offsets_or_letters_would_change_is_not_lowered() -> None:
    """Lower-casing that lengthens the text or makes an ASCII letter is refused."""
    assert lower_text("\u0130") is None
    assert lower_text("\u212a") is None
    assert lower_text("ſ") is None
    assert lower_text("Straße ΣΑΣ") == "straße σας"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_lower_cased_prefilter_starts_where_the_case_blind_one_does(pieces: list[str]) -> None:
    """The first re: term match found in lower-cased text is the one found ignoring case."""
    text = "".join(pieces)
    for matcher in default_rules()._matchers.values():
        shared = [p.pattern for _, p in matcher.patterns if _shareable(p)]
        found = re.compile("|".join(f"(?:{p})" for p in shared), re.IGNORECASE).search(text)
        assert matcher._first_pattern(text) == (None if found is None else found.start())
