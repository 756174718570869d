"""Chinese transcripts: words a question gives to the one it addresses (你…写), both scripts."""

from __future__ import annotations

import pytest

from aistress.quotes import extract_quotes
from conftest import article_of

_PODCAST = [
    "播客文字稿：熬夜以后",
    "主持人：今天的嘉宾是博士后柯一苇。",
    "柯一苇：大家好，谢谢邀请。",
    "主持人：你在博客里写过“论文不等人，身体也不等人”，现在还这么想吗？",
    "柯一苇：还是这么想。",
]
_PODCAST_HANT = [
    "播客文字稿：熬夜以後",
    "主持人：今天的嘉賓是博士後柯一葦。",
    "柯一葦：大家好，謝謝邀請。",
    "主持人：你在部落格裡寫過「論文不等人，身體也不等人」，現在還這麼想嗎？",
    "柯一葦：還是這麼想。",
]


@pytest.mark.parametrize("paragraphs", [_PODCAST, _PODCAST_HANT])
def test_words_a_question_says_you_wrote_are_the_guests(paragraphs: list[str]) -> None:
    """``主持人：你在博客里写过“…”``: the quoted words are the guest's, the last other turn."""
    (q,) = extract_quotes(article_of(*paragraphs, language="zh"))
    assert q.speaker is not None
    assert q.speaker.name == paragraphs[2][:3]
    assert q.partial
