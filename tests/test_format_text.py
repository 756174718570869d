"""Tests of the plain-text article format (aistress.formats.text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.formats import read, sniff, text
from aistress.model import PartialDate
from aistress.testing import strategies as st_ai
from conftest import assert_lossless, read_or_refuse
from conftest import bare_articles as _bare

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def test_english_article_header_and_every_paragraph() -> None:
    """Title, dek, byline and date line are metadata; the lede and the closing lines are body."""
    path = FIXTURES / "text_alder.txt"
    source = read(path)
    article = source.article
    assert source.format == "text"
    assert (article.title or "").startswith("Night Shifts")
    assert (article.subtitle or "").startswith("Engineers at Alder")
    assert article.author == "Tomasz Wielgus"
    assert article.published == PartialDate(2025, 3, 4)
    assert len(article.paragraphs) == 5
    assert article.paragraphs[0].startswith("When the evaluation dashboard")
    assert article.paragraphs[-2:] == (
        "Two engineers have since left the field.",
        "The company declined to comment.",
    )
    assert "shipped three models in eleven months." in article.paragraphs[1]
    assert [(b.kind, b.rule) for b in source.boilerplate] == [
        ("byline-label", "byline"),
        ("copyright", "copyright-line"),
        ("contact", "contact-line"),
    ]
    assert source.warnings == ()
    assert_lossless(path.read_text(encoding="utf-8"), source)


def test_traditional_chinese_article() -> None:
    """A Traditional Chinese article: byline label 記者, date, tags, script recorded."""
    path = FIXTURES / "text_hant_heron.txt"
    source = read(path)
    article = source.article
    assert source.format == "text"
    assert (article.language, article.get("script")) == ("zh", "Hant")
    assert article.author == "陳雅婷"
    assert article.published == PartialDate(2025, 3, 4)
    assert article.tags == ("人工智慧", "職場", "心理健康")
    assert article.paragraphs[-1] == "公司拒絕置評。"
    assert len(article.paragraphs) == 5
    assert_lossless(path.read_text(encoding="utf-8"), source)


def test_lede_after_a_blank_line_is_never_the_dek() -> None:
    """A sentence after the header's blank line is the first paragraph, not a subtitle."""
    source = text.read("A headline\nBy Jo Park\n\nThe lede is one sentence.\n\nMore text here.")
    assert source.article.subtitle is None
    assert source.article.paragraphs[0] == "The lede is one sentence."


def test_dek_inside_the_header_block() -> None:
    """A sentence in the header block (before its blank line) is the dek, even after the date."""
    source = text.read("A headline\nBy Jo Park\nMay 2, 2025\nA dek sentence.\n\nThe lede.\n\nMore.")
    assert source.article.subtitle == "A dek sentence."
    assert source.article.paragraphs == ("The lede.", "More.")


@pytest.mark.parametrize(
    ("closing", "kind"),
    [
        ("Related: Why labs hire counsellors", "related"),
        ("【延伸閱讀】博士生的一天", "related"),
        ("Photo: Jo Park", "image"),
        ("Share this article: Email | Mastodon | Copy link", "share"),
        ("Questions? Write to desk@example.org", "contact"),
    ],
)
def test_closing_lines_by_shape(closing: str, kind: str) -> None:
    """Related, credit, share and contact lines at the end are boilerplate with their rule."""
    source = text.read(f"Title\n\nFirst paragraph.\n\nLast paragraph.\n\n{closing}")
    assert source.article.paragraphs == ("First paragraph.", "Last paragraph.")
    assert [(b.kind, bool(b.rule)) for b in source.boilerplate] == [(kind, True)]


def test_editor_line_gives_the_editor() -> None:
    """責任編輯：name and (编辑：name) at the end give the editor."""
    for line, name in (("責任編輯：許雅琦", "許雅琦"), ("(编辑：赵磊)", "赵磊")):
        source = text.read(f"标题\n\n第一段。\n\n第二段。\n\n{line}")
        assert source.article.editor == name
        assert_lossless(f"标题\n\n第一段。\n\n第二段。\n\n{line}", source)


def test_untitled_text_warns_and_keeps_everything() -> None:
    """Text that starts with a paragraph has no title; every line is body."""
    source = text.read("This is a sentence. And another.\nSecond line of prose.")
    assert source.article.title is None
    assert "missing-title" in [w.code for w in source.warnings]
    assert len(source.article.paragraphs) == 2


@pytest.mark.parametrize(
    "closing",
    ["Some leave the field entirely.", "See www.example.org and the report for details, she said."],
)
def test_closing_prose_stays_body(closing: str) -> None:
    """Closing sentences, even with a URL, stay body; only their shape could demote them."""
    source = text.read(f"Title\n\nFirst paragraph here.\n\n{closing}")
    assert source.article.paragraphs[-1] == closing
    assert source.boilerplate == ()


def test_readable_text_is_never_rejected() -> None:
    """Any readable text sniffs at the threshold at least, so read() never refuses it."""
    assert sniff("milk\neggs").format == "text"
    assert read("milk\neggs").article.paragraphs == ("eggs",)


def test_write_then_read_keeps_the_article() -> None:
    """Writing a read article and reading it again gives the same article."""
    for name in ("text_alder.txt", "text_hant_heron.txt"):
        source = read(FIXTURES / name)
        again = text.read(text.write(source), source_id=source.id)
        assert _bare(again) == _bare(source)


@given(st_ai.texts(max_size=300))
def test_any_text_reads_and_accounts_or_raises_parse_error(value: str) -> None:
    """Whatever the text: a Source with every character accounted for, or a ParseError."""
    source = read_or_refuse(text.read, value)
    assert source is None or source.format == "text"


@given(
    st.lists(
        st.sampled_from(
            [
                "A Title",
                "By Ann Lee",
                "作者：王明",
                "March 4, 2025",
                "2025年3月4日",
                "A sentence of prose.",
                "中文段落。",
                "© 2025 Site.",
                "Tags: a, b",
                "標籤：甲、乙",
                "Contact: a@b.example",
                "",
            ]
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_shuffled_parts_read_and_account(parts: list[str], newline: str) -> None:
    """Header, body and closing parts in any order read with every character accounted for."""
    value = newline.join(parts)
    read_or_refuse(text.read, value, refuse_only_blank=True)
