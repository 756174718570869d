"""Tests for Chinese denial, scepticism and rejection cues of the tagger.

Every sentence here is one we wrote for these tests, in Simplified and
Traditional Chinese.
"""

from __future__ import annotations

import pytest

from aistress.tagging import labels, tag_text

#: (category, text, polarity, cue): a mention the text denies or argues against.
DENIED = [
    ("counseling", "公司想靠心理咨询解决问题，我看根本没用。", "rejected", "根本没用"),
    ("fewer_conferences", "有人提議減少研討會，我覺得是個餿主意。", "rejected", "餿主意"),
    ("counseling", "學校開設心理諮商，我持保留態度。", "rejected", "持保留態度"),
    ("overwork", "我们组并没有加班的习惯。", "negated", "并没有"),
    ("overwork", "我們從來沒有加班。", "negated", "從來沒有"),
    ("competition", "与其说是内卷，不如说是大家都想做好。", "negated", "与其说"),
]


@pytest.mark.parametrize(("category", "text", "polarity", "cue"), DENIED)
def test_denied_or_argued_against_mention_is_not_asserted(
    category: str, text: str, polarity: str, cue: str
) -> None:
    """A denied or dismissed Chinese mention gives no tag, and its cue when asked for."""
    assert category not in labels(tag_text(text))
    found = [t for t in tag_text(text, include_negated=True) if t.category == category]
    assert [t.polarity for t in found] == [polarity]
    assert found[0].cue is not None
    assert text[found[0].cue.start : found[0].cue.end] == cue


def test_rejection_two_sentences_away_leaves_a_stressor_asserted() -> None:
    """A new rejection cue does not reach a stressor stated two sentences earlier."""
    text = "她连续三个月每天加班到深夜。大家都看在眼里。公司后来提的办法没什么用。"
    found = [t for t in tag_text(text, include_negated=True) if t.category == "overwork"]
    assert [t.polarity for t in found] == ["asserted"]
