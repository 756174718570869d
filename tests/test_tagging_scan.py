"""The tagger's fast scans find exactly what the plain scans they replace find."""

from __future__ import annotations

import bisect
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.tagging import default_rules
from aistress.tagging.detect import _fill
from aistress.tagging.matcher import (
    _EN_TOKEN,
    _SPACE,
    _fold,
    _Hit,
    _Matcher,
)
from aistress.tagging.scope import _polarity_ok
from aistress.text import polarity
from aistress.text.script import to_simplified
from aistress.text.words import stem


def _plain_scan(matcher: _Matcher, text: str) -> list[tuple[int, int, int, int, int]]:
    """Every term hit by a walk from every token or character, every pattern from the start."""
    hits: list[_Hit] = []
    starts: list[int] = []
    if matcher.chars:
        text = to_simplified(text)
        folded = _fold(text)
        n = len(folded)
        for i in range(n):
            node = matcher.trie.get(folded[i])
            j, gaps = i, 0
            while node is not None:
                hits.extend(_Hit(i, j + 1, t, i, j + 1) for t in node.get("", ()))
                j += 1
                while j < n and folded[j] in _SPACE and gaps < 2:
                    j, gaps = j + 1, gaps + 1
                if j >= n or folded[j] in _SPACE:
                    break
                gaps = 0
                node = node.get(folded[j])
    else:
        tokens = [
            (m.start(), m.end(), stem(m.group(), matcher.keep)) for m in _EN_TOKEN.finditer(text)
        ]
        starts = [t[0] for t in tokens]
        for i in range(len(tokens)):
            node = matcher.trie.get(tokens[i][2])
            j = i
            while node is not None:
                hits.extend(_Hit(tokens[i][0], tokens[j][1], t, i, j + 1) for t in node.get("", ()))
                j += 1
                if j >= len(tokens):
                    break
                node = node.get(tokens[j][2])
    for term, pattern in matcher.patterns:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                first = m.start() if matcher.chars else bisect.bisect_left(starts, m.start())
                last = m.end() if matcher.chars else bisect.bisect_left(starts, m.end())
                hits.append(_Hit(m.start(), m.end(), term, first, max(first + 1, last)))
    return sorted((h.start, h.end, h.term, h.first, h.last) for h in hits)


def _found(matcher: _Matcher, text: str) -> list[tuple[int, int, int, int, int]]:
    return sorted((h.start, h.end, h.term, h.first, h.last) for h in matcher.scan(text))


#: Pieces of text dense in the shipped rules' terms, cues and pattern shapes (our own words).
_EN_PIECES = [
    "no",
    "not",
    "never",
    "burnout",
    "burned out",
    "80-hour weeks",
    "72 hours a week",
    "weekly releases",
    "ship every two weeks",
    "only 12%",
    "a small minority",
    "day off",
    "can't afford",
    "Overtime",
    "deadline",
    "counseling",
    "despite",
    "but",
    "news",
    "’s",
    "'",
    "-",
    ".",
    ",",
    "?",
    "  ",
    "\n",
    "x_y",
    "@lab",
    "u/anon",
    "１２",
    "Ａ",
]
_ZH_PIECES = [
    "加班",
    "没有",
    "不",
    "并非所有",
    "尽管",
    "但",
    "压力",
    "會議",
    "減少會議",
    "心理咨询",
    "工作只是一部分",
    "只有",
    "12%",
    "，",
    "。",
    " ",
    "  ",
    "   ",
    "\u3000",
    "Ｑ",
    "问：",
    "？",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_EN_PIECES), max_size=60), st.sampled_from([" ", ""]))
def test_english_scan_matches_the_plain_scan(pieces: list[str], glue: str) -> None:
    """The English scan returns the hits of a walk from every token and of every pattern."""
    matcher = default_rules()._matchers["en"]
    text = glue.join(pieces)
    assert _found(matcher, text) == _plain_scan(matcher, text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_ZH_PIECES + _EN_PIECES[:8]), max_size=60))
def test_chinese_scan_matches_the_plain_scan(pieces: list[str]) -> None:
    """The Chinese scan returns the hits of a walk from every character and of every pattern."""
    matcher = default_rules()._matchers["zh"]
    text = "".join(pieces)
    assert _found(matcher, text) == _plain_scan(matcher, text)


def test_patterns_with_groups_or_flags_keep_their_own_scan() -> None:
    """A term with a group or an inline flag is scanned alone, and still found."""
    matcher = _Matcher("en")
    plain = matcher.add(r"re:\bload(ed)? lab\b")
    grouped = matcher.add(r"re:(?i:LATE) nights")
    shared = matcher.add(r"re:\bon call\b")
    text = "Late nights, on call, a loaded lab."
    assert {h.term for h in matcher.scan(text)} == {plain, grouped, shared}
    assert _found(matcher, text) == _plain_scan(matcher, text)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "not",
                "no",
                "none",
                "nobody",
                "n't",
                "never",
                "may",
                "May 3",
                "rejected",
                "turned it down",
                "unpaid",
                "If",
                "could",
                "不",
                "没有",
                "不断",
                "可能",
                "拒绝",
                "已经",
                "不会",
                " ",
                ".",
                "-",
                "s",
                "x",
            ]
        ),
        max_size=30,
    )
)
def test_polarity_trie_matches_the_longest_first_alternation(pieces: list[str]) -> None:
    """The prefix-shared cue pattern matches what the word list sorted longest first matches."""
    text = "".join(pieces)
    for chinese in (False, True):
        pattern, kind_of, _, _ = polarity._patterns(chinese)
        words = "|".join(re.escape(w) for w in sorted(kind_of, key=len, reverse=True))
        if chinese:
            plain = re.compile(f"(?:{words})")
        else:
            plain = re.compile(
                rf"(?i)(?<![A-Za-z])(?:{polarity._SEPARABLE}|{words})(?![A-Za-z])|n't\b"
            )
        assert [m.span() for m in pattern.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def _fill_one_group(candidates: list[_Hit], head_negated: bool) -> list[_Hit] | None:
    """The general fill of detect._fill for one group: nearest eligible to the first eligible."""
    eligible = [h for h in candidates if _polarity_ok(h, head_negated, None)]
    if not eligible:
        return None
    anchor = eligible[0].start
    return [min(eligible, key=lambda h: (abs(h.start - anchor), h.start))]


@given(
    st.lists(st.tuples(st.integers(0, 30), st.integers(1, 5), st.booleans()), max_size=8),
    st.booleans(),
)
def test_a_one_group_rule_takes_the_hit_the_general_fill_takes(
    spans: list[tuple[int, int, bool]], head_negated: bool
) -> None:
    """A rule of one group is filled with the hit the nearest-to-the-first search chooses."""
    cue = _Hit(0, 1, -1, 0, 1)
    hits = sorted(
        (
            _Hit(start, start + width, t, start, start + 1, cue if negated else None)
            for t, (start, width, negated) in enumerate(spans)
        ),
        key=lambda h: (h.start, -h.end, h.term),
    )
    assert _fill([hits], head_negated=head_negated) == _fill_one_group(hits, head_negated)
