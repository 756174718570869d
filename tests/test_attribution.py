"""The attribution API: who says or proposes what, for the tagger and others."""

from __future__ import annotations

import pytest
from hypothesis import given

from aistress.model import Article, Span
from aistress.quotes import attribute
from aistress.testing import strategies as st_ai
from conftest import article_of as art


def test_attribute_covers_quotes_and_reported_speech() -> None:
    """attribute() gives quotations and reported speech, each with person and cue."""
    a = art("“We need breaks,” Ada Brynmor said. Ravi Menon proposed fewer meetings.")
    found = attribute(a)
    assert [(x.person.name if x.person else None, x.cue, x.quote) for x in found] == [
        ("Ada Brynmor", "said", True),
        ("Ravi Menon", "proposed", False),
    ]
    inside_quote = Span(a.id, 2, 6)
    assert found.person_for(inside_quote).name == "Ada Brynmor"  # type: ignore[union-attr]
    later = Span(a.id, len(a.text) - 9, len(a.text) - 1)
    assert found.person_for(later).name == "Ravi Menon"  # type: ignore[union-attr]


def test_attribute_nearest_within_a_paragraph() -> None:
    """person_for falls back on the nearest attribution inside ``within``."""
    a = art("王明表示，团队需要休息。会议太多了。", language="zh")
    found = attribute(a)
    outside = Span(a.id, 12, 15)
    assert found.person_for(outside) is None
    assert found.person_for(outside, within=Span(a.id, 0, len(a.text))).name == "王明"  # type: ignore[union-attr]


def test_attribute_rejects_non_articles() -> None:
    """attribute() raises TypeError for anything but an Article."""
    with pytest.raises(TypeError):
        attribute("text")  # type: ignore[arg-type]


@given(st_ai.articles())
def test_attribute_never_fails(article: Article) -> None:
    """attribute() is total, and every span it gives lies inside the article."""
    for a in attribute(article):
        assert 0 <= a.span.start <= a.span.end <= len(article.text)
        assert a.span.doc == article.id
