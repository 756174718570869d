from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from aistress.alignment.lexicon import _latin_then_zh, _zh_then_latin, bracketed_names

# The patterns the bracket scans replace: the same matches, in quadratic time.
ZH_THEN_LATIN = re.compile(
    r"(?P<zh>[\u3400-\u9fff]+(?:[·・•][\u3400-\u9fff]+)+|[\u3400-\u9fff]{2,6})\s*[（(]\s*"
    r"(?P<en>[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,3})\s*[）)]"
)
LATIN_THEN_ZH = re.compile(
    r"(?P<en>[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,3})\s*[（(]\s*"
    r"(?P<zh>[\u3400-\u9fff]+(?:[·・•][\u3400-\u9fff]+)*)\s*[）)]"
)

texts = st.text(alphabet="艾达奎尔由的·・•（）() \nAQbx'-,", max_size=40)


@given(texts)
def test_bracket_scans_match_the_regexes(text: str) -> None:
    """The linear scans find exactly the pairs the backtracking patterns found."""
    old = [(m.group("zh"), m.group("en")) for m in ZH_THEN_LATIN.finditer(text)]
    assert list(_zh_then_latin(text)) == old
    old = [(m.group("zh"), m.group("en")) for m in LATIN_THEN_ZH.finditer(text)]
    assert list(_latin_then_zh(text)) == old


def test_long_runs_without_brackets_find_nothing() -> None:
    """A 200k-character Han run or Latin word (quadratic before) yields no pair."""
    assert len(bracketed_names(["中" * 200_000, "A" * 200_000, "（" + "中" * 100_000])) == 0


def test_names_in_brackets_are_found() -> None:
    """Both orders give the whole name and its parts."""
    lex = bracketed_names(["他说，艾达·奎尔（Ada Quill）来了", "Bo Li（李·波）"])
    assert sorted(lex.translations("Quill")) == ["奎尔", "艾达·奎尔"]
    assert sorted(lex.translations("Li")) == ["李·波", "波"]
