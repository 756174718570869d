"""Tests for the Markdown digest reader and writer (aistress.formats.digest)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import digest, get_format
from aistress.formats import read as read_any
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    PartialDate,
    RelationKind,
    Source,
)
from aistress.testing import strategies as st_ai
from conftest import assert_lossless, excerpt, line_end_variants, read_or_refuse, seed
from conftest import bare_articles as _bare
from conftest import fixture as _fixture
from conftest import squash as _squash


def _seed_text() -> str:
    return seed("004").read_text(encoding="utf-8")


# Values the seed states, kept as (start, end, sha256 prefix) into its text, not as its words.
_TITLE = (12, 43, "60616f28")
_URL_SITE = (123, 142, "206cc24a")
_AUTHOR = (238, 248, "73a04a75")
_OUTLET = (249, 255, "8e588cd1")
_APPENDIX_TITLE = (1367, 1378, "5a9cd7a1")
_APPENDIX_AUTHOR = (1397, 1404, "c50fc2d0")
_REPORT_SITE = (5003, 5028, "836dd115")


def _stated(text: str, where: tuple[int, int, str]) -> str:
    """What the seed says at ``where``, checked by its hash."""
    return excerpt(text, *where)


def _unspanned(source: Source) -> tuple[object, ...]:
    """What a source says, without spans or provenance (which depend on the layout)."""
    return (
        _bare(source),
        source.relations,
        tuple((b.kind, _squash(b.text)) for b in source.boilerplate),
        tuple((w.code, w.line) for w in source.warnings if not w.code.startswith("decoded-")),
    )


def _spans_hold(text: str, source: Source) -> None:
    """Every span names the source and lies in the text; blocks' spans hold their words."""
    for article in source.articles:
        for block in article.blocks:
            assert block.span is not None
            assert block.span.doc == source.id
            assert 0 <= block.span.start <= block.span.end <= len(text)
            shown = iter(block.span.slice(text))
            # The text's letters appear in the span, in order (Markdown syntax between).
            assert all(ch in shown for ch in re.findall(r"[^\W_]", block.text))
        assert article.provenance is not None
        for field in article.provenance.fields:
            assert field.span.doc == source.id
            assert field.span.slice(text).strip() == field.span.slice(text)
    for item in source.boilerplate:
        assert item.span is not None
        assert item.span.slice(text) == item.text


# ---------------------------------------------------------------------------
# the seed


def test_seed_digest_article_and_its_metadata() -> None:
    """The digest article carries the original's title, link, category, author, platform, date."""
    text = _seed_text()
    source = digest.read(text, path=str(seed("004")))
    main = source.articles[0]
    assert (main.id, main.kind, main.language) == (f"{source.id}#digest", ArticleKind.DIGEST, "zh")
    assert main.title is not None
    assert main.title.startswith(_stated(text, _TITLE))
    assert main.url is not None
    assert main.url.startswith(_stated(text, _URL_SITE))
    assert main.get("link_text") == _stated(text, _TITLE)
    assert main.get("category") == "博客文章"
    assert main.get("original_kind") == "blog"
    assert (main.author, main.outlet) == (_stated(text, _AUTHOR), _stated(text, _OUTLET))
    assert main.published == PartialDate(2024, 10, 20)
    assert source.warnings == ()
    _spans_hold(text, source)
    fields = {f.name: f.span.slice(text) for f in main.provenance.fields}  # type: ignore[union-attr]
    assert fields["url"] == main.url
    assert fields["published"] == "2024年10月20日"


def test_seed_ten_points_with_headings_and_paragraphs() -> None:
    """Ten numbered points with bold headings; the intro and closing paragraphs around them."""
    text = _seed_text()
    main = digest.read(text).articles[0]
    points = main.summary_points
    assert [p.marker for p in points] == [f"{n}." for n in range(1, 11)]
    for point in points:
        assert point.heading
        assert point.text.startswith(point.heading + "：")
        assert "*" not in point.text
        assert point.span is not None
        assert point.span.slice(text).startswith(f"{point.marker} **{point.heading}**")
    kinds = [b.kind for b in main.blocks]
    assert kinds == [BlockKind.PARAGRAPH] + [BlockKind.POINT] * 10 + [BlockKind.PARAGRAPH]


def test_seed_appendix_translation() -> None:
    """Appendix 1 is a Chinese translation with a title, a byline and nine section headings."""
    text = _seed_text()
    source = digest.read(text)
    appendix = source.articles[1]
    assert (appendix.id, appendix.kind, appendix.language) == (
        f"{source.id}#appendix-1",
        ArticleKind.TRANSLATION,
        "zh",
    )
    assert appendix.title is not None
    assert appendix.title.startswith(_stated(text, _APPENDIX_TITLE))
    assert appendix.author == _stated(text, _APPENDIX_AUTHOR)
    assert appendix.published == PartialDate(2024, 10)
    assert len(appendix.headings) == 9
    assert all(b.kind in (BlockKind.HEADING, BlockKind.PARAGRAPH) for b in appendix.blocks)
    assert len(appendix.paragraphs) > 20
    assert appendix.get("appendix") == "1"


def test_seed_appendix_report() -> None:
    """Appendix 2 is a report with its own metadata, four sections and nested list items."""
    text = _seed_text()
    source = digest.read(text)
    report = source.articles[2]
    assert (report.kind, report.id) == (ArticleKind.REPORT, f"{source.id}#appendix-2")
    assert report.title is not None
    assert report.url is not None
    assert report.url.startswith(_stated(text, _REPORT_SITE))
    assert report.get("category") == "新闻报道"
    assert [b.level for b in report.blocks if b.kind is BlockKind.HEADING] == [3, 3, 3, 3]
    items = [b for b in report.blocks if b.kind is BlockKind.LIST_ITEM]
    assert {b.level for b in items} == {0, 1}
    assert all(b.heading for b in items)
    assert sum(1 for b in items if b.level == 1) == 7


def test_seed_relations() -> None:
    """Summary, translation, related and part-of relations link the articles and the original."""
    source = digest.read(_seed_text())
    main, translation, report = source.articles
    assert main.url is not None
    assert {(r.kind, r.subject, r.target) for r in source.relations} == {
        (RelationKind.SUMMARY_OF, main.id, main.url),
        (RelationKind.TRANSLATION_OF, translation.id, main.url),
        (RelationKind.PART_OF, translation.id, main.id),
        (RelationKind.RELATED_TO, report.id, main.url),
        (RelationKind.PART_OF, report.id, main.id),
    }


def test_seed_every_character_is_accounted_for() -> None:
    """No non-whitespace character of the seed is left out; labels and rules are boilerplate."""
    text = _seed_text()
    source = digest.read(text)
    assert_lossless(text, source)
    kinds = {b.kind for b in source.boilerplate}
    assert {"rule", "section-label", "field-label", "field-sublabel", "appendix-heading"} <= kinds
    assert "unread" not in kinds


def test_seed_write_back_changes_only_whitespace() -> None:
    """write(read(seed)) equals the seed up to whitespace, and writing is a fixed point."""
    text = _seed_text()
    written = digest.write(digest.read(text))
    assert _squash(written) == _squash(text)
    assert digest.write(digest.read(written)) == written
    assert _unspanned(digest.read(written, source_id="s")) == _unspanned(
        digest.read(text, source_id="s")
    )


def test_seed_sniffs_as_digest() -> None:
    """The sniffer is sure about the seed and the registry picks this reader."""
    assert digest.sniff(_seed_text()).confidence > 0.9
    assert read_any(seed("004")).format == "digest"
    assert get_format("digest").write is digest.write


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_other_seeds_do_not_sniff_as_digest(prefix: str) -> None:
    """Aggregator, translation, syndication and interleaved pages score low."""
    assert digest.sniff(seed(prefix).read_text(encoding="utf-8")).confidence < 0.3


def test_html_does_not_sniff_as_digest() -> None:
    """An HTML page with the same labels is markup, not a digest."""
    page = "<html><body>\n<ul><li><b>原文标题</b>：x</li></ul>\n<p>**链接**：y</p>\n</body>"
    assert digest.sniff(page).confidence < 0.3


# ---------------------------------------------------------------------------
# real inputs vary


def _transforms(text: str) -> dict[str, str]:
    lines = text.split("\n")
    return {
        **line_end_variants(text),
        "trailing-whitespace": "\n".join(line + " \t" if line.strip() else line for line in lines),
        "blank-runs": re.sub(r"\n\n+", "\n\n\n\n", text),
    }


@pytest.mark.parametrize("kind", ["crlf", "cr", "bom", "trailing-whitespace", "blank-runs"])
@pytest.mark.parametrize("name", ["seed", "digest_plain.md", "digest_appendices.md"])
def test_variants_read_the_same(kind: str, name: str) -> None:
    """Line ends, a BOM, trailing whitespace and blank lines change only spans."""
    text = _seed_text() if name == "seed" else _fixture(name)
    variant = _transforms(text)[kind]
    expected = _unspanned(digest.read(text, source_id="s"))
    got = digest.read(variant, source_id="s")
    assert _unspanned(got)[:2] == expected[:2]
    assert [w.code for w in got.warnings] == [w[0] for w in expected[3]]
    assert_lossless(variant, got)
    _spans_hold(variant, got)


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "gb18030"])
def test_seed_encodings_read_the_same(codec: str) -> None:
    """UTF-16 and UTF-8 with a BOM and GB18030 bytes decode and read like the UTF-8 seed."""
    text = _seed_text()
    source = read_any(text.encode(codec), format="digest")
    assert _unspanned(source)[:2] == _unspanned(digest.read(text, source_id=source.id))[:2]


def test_fixture_plain_digest() -> None:
    """A digest with ASCII colons, * and + bullets, unlabelled points and no appendix."""
    text = _fixture("digest_plain.md")
    source = digest.read(text, source_id="p")
    (main,) = source.articles
    assert main.title == "Long Nights in the Lab"
    assert main.url == "https://example.org/posts/long-nights"
    assert main.get("meta:阅读时间") == "6 分钟"
    assert (main.author, main.outlet, main.published) == (
        "Mei Lin",
        "Example Blog",
        PartialDate(2023, 3, 14),
    )
    assert main.get("published_text") == "2023-03-14"
    points = main.summary_points
    assert [(p.marker, p.heading) for p in points] == [("1.", None), ("2.", None), ("3.", "结论")]
    nested = [b for b in main.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [(b.level, b.marker) for b in nested] == [(1, "+"), (1, "+")]
    assert main.headings == ("读书笔记：实验室里的长夜", "补充说明")
    assert source.warnings == ()
    assert [(r.kind, r.target) for r in source.relations] == [
        (RelationKind.SUMMARY_OF, "https://example.org/posts/long-nights")
    ]
    assert "link-definition" in {b.kind for b in source.boilerplate}
    assert_lossless(text, source)
    _spans_hold(text, source)


def test_fixture_appendices() -> None:
    """Appendices of three kinds, a grouped title with plain sub-labels, a numeral appendix."""
    text = _fixture("digest_appendices.md")
    source = digest.read(text, source_id="a")
    main, translation, report, extra = source.articles
    assert main.published == PartialDate(2024, 3, 2)
    assert [p.heading for p in main.summary_points] == ["排行榜", "睡眠", "出路"]
    assert (translation.kind, translation.author, translation.published) == (
        ArticleKind.TRANSLATION,
        "阿伦·帕特尔",
        PartialDate(2024, 3),
    )
    assert translation.headings == ("排行榜", "睡眠")
    assert report.kind is ArticleKind.REPORT
    assert report.title == "小实验室如何应对排行榜压力"
    assert report.url == "https://example.org/zh/discussion"
    assert [(b.level, b.heading) for b in report.blocks if b.kind is BlockKind.LIST_ITEM] == [
        (0, "比较"),
        (0, "建议"),
        (1, "轮换"),
        (1, "休息"),
    ]
    assert extra.id == "a#appendix-3"
    assert [w.code for w in source.warnings] == ["appendix-kind"]
    assert_lossless(text, source)
    _spans_hold(text, source)
    assert _squash(digest.write(source)) == _squash(text)


def test_duplicate_and_unreadable_fields_are_warned() -> None:
    """A second author goes to extra with a warning; a date that is no date keeps its text."""
    text = "- **作者**：甲\n- **作者**：乙\n- **日期**：不详\n\n1. **点**：内容\n"
    source = digest.read(text)
    assert [w.code for w in source.warnings] == [
        "duplicate-field",
        "unreadable-date",
        "no-original-link",
    ]
    assert source.articles[0].author == "甲"
    assert source.articles[0].get("meta:作者") == "乙"
    assert source.articles[0].get("published_text") == "不详"
    assert_lossless(text, source)


def test_deep_nesting_is_kept_as_unread_text() -> None:
    """Content past markdown-it's nesting limit is boilerplate with a warning, not lost."""
    text = "".join("  " * i + "- item\n" for i in range(30))
    source = digest.read(text)
    assert_lossless(text, source)
    assert "unread-text" in {w.code for w in source.warnings}


@pytest.mark.parametrize("elsewhere", ["", "\n\n> 另一段引文\n"])
def test_block_quote_in_a_list_item_keeps_its_quote_and_its_text(elsewhere: str) -> None:
    """``- > text`` is an item holding a quote (marker ``- >``), however the rest is laid out."""
    text = "前言\n\n- > 我们每晚都在赶截止日期，>50% 的人睡不够。\n- 普通的一点\n" + elsewhere
    source = digest.read(text, source_id="q")
    quoted, plain = source.articles[0].blocks[1:3]
    assert (quoted.kind, quoted.marker, quoted.text) == (
        BlockKind.POINT,
        "- >",
        "我们每晚都在赶截止日期，>50% 的人睡不够。",
    )
    assert (plain.marker, plain.text) == ("-", "普通的一点")
    assert_lossless(text, source, digest.write)


def test_block_quotes_are_paragraphs_marked_as_quotes() -> None:
    """A block quote reads as paragraphs with marker ``>`` (``> >`` nested), nested items too."""
    text = (
        "> 第一行\n> 第二行\n\n> > 引文里的引文\n\n"
        "1. **要点**：正文\n\n   > 要点下的引文\n\n   - > 嵌套的引文\n"
    )
    source = digest.read(text, source_id="q")
    assert [(b.kind, b.level, b.marker, b.text) for b in source.articles[0].blocks] == [
        (BlockKind.PARAGRAPH, 0, ">", "第一行\n第二行"),
        (BlockKind.PARAGRAPH, 0, "> >", "引文里的引文"),
        (BlockKind.POINT, 0, "1.", "要点：正文"),
        (BlockKind.PARAGRAPH, 1, ">", "要点下的引文"),
        (BlockKind.LIST_ITEM, 1, "- >", "嵌套的引文"),
    ]
    assert_lossless(text, source)
    assert digest.write(source) == text
    assert digest.read(digest.write(source), source_id="q") == source


def test_a_quoted_label_is_quoted_text_not_metadata() -> None:
    """A labelled line inside a block quote is quoted text, never the digest's own field."""
    text = "- **作者**：甲\n- > **作者**：乙\n"
    main = digest.read(text, source_id="q").articles[0]
    assert main.author == "甲"
    assert [(b.marker, b.text) for b in main.blocks] == [("- >", "作者：乙")]


@pytest.mark.parametrize("text", ["", " \n\t", "a\x00b"])
def test_unreadable_text_raises_parse_error(text: str) -> None:
    """Empty and binary text raise ParseError naming the path."""
    with pytest.raises(ParseError) as info:
        digest.read(text, path="x.md")
    assert info.value.path == "x.md"


@pytest.mark.heavy
@pytest.mark.parametrize(
    "text",
    [
        "*" * 1_000_000,
        "[" * 100_000,
        "_" * 1_000_000,
        "> " * 300_000,
        "- " * 300_000,
        "- **a" + " " * 300_000 + "x",  # a label that never closes, then spaces
        "**作者" + "\t" * 300_000 + "：x",
        "- **作者**：[" + "a" * 100_000 + "](" + " " * 100_000 + "y",
        "- **作者**：x\n" * 10_000,  # a label repeated: each repeat goes to extra
    ],
)
def test_adversarial_markdown_reads(text: str) -> None:
    """Runs of Markdown syntax read without failing (linear time: see the benchmark)."""
    source = digest.read(text, source_id="x")
    assert_lossless(text, source)


# ---------------------------------------------------------------------------
# writer round trip and robustness

_ZH = st.sampled_from(
    ["压力", "实验室", "截止日期", "模型", "睡眠", "团队", "论文", "排行榜", "休息"]
)
_EN = st.sampled_from(["stress", "lab", "deadline", "GPU", "team", "2024", "AI", "x_y", "a*b"])
_PUNCT = st.sampled_from(
    ["", "：", "，", "。", ":", "-", "#", "1.", "**", "[", "]", "`", "\\", "&amp;"]
)


# Strategies are built once here, not inside the composites: Hypothesis validates
# every new strategy object, which cost more than reading the documents.
_WORD_LISTS = st.lists(_ZH | _EN | _PUNCT, min_size=1, max_size=8)


@st.composite
def _phrase(draw: st.DrawFn) -> str:
    words = draw(_WORD_LISTS)
    return "".join(words).strip() or "空"


_PHRASE = _phrase()
_TEXT = _PHRASE | st_ai.texts(max_size=30)
_BLOCK_COUNTS = st.integers(0, 5)
_KINDS = {
    points: st.sampled_from(
        [BlockKind.PARAGRAPH, BlockKind.HEADING, BlockKind.LIST_ITEM]
        + ([BlockKind.POINT] if points else [])
    )
    for points in (True, False)
}
_SEPARATORS = st.sampled_from(["：", ": ", ""])
_HEADING_LEVELS = st.sampled_from([0, 2, 3])
_ITEM_LEVELS = st.integers(0, 2)
_MARKERS = st.sampled_from(["1.", "2)", "-", "*", "+", "- >", "1. > >"])
_QUOTE_MARKERS = st.sampled_from([None, None, ">", "> >"])


@st.composite
def _blocks(draw: st.DrawFn, *, points: bool) -> list[Block]:
    out: list[Block] = []
    for _ in range(draw(_BLOCK_COUNTS)):
        kind = draw(_KINDS[points])
        text = draw(_TEXT)
        heading = None
        if kind in (BlockKind.POINT, BlockKind.LIST_ITEM) and draw(st.booleans()):
            heading = draw(_PHRASE)
            text = heading + draw(_SEPARATORS) + text
        level = 0
        if kind is BlockKind.HEADING:
            level = draw(_HEADING_LEVELS)
        elif kind is BlockKind.LIST_ITEM:
            level = draw(_ITEM_LEVELS)
        marker = draw(_MARKERS) if heading or level else None
        if kind is BlockKind.PARAGRAPH:
            marker = draw(_QUOTE_MARKERS)
        out.append(Block(kind, text, level=level, heading=heading, marker=marker))
    return out


_BLOCK_LISTS = {points: _blocks(points=points) for points in (True, False)}
_OPTIONAL_TEXT = st.none() | _TEXT
_OPTIONAL_PHRASE = st.none() | _PHRASE
_OPTIONAL_URL = st.none() | st.sampled_from(["https://example.org/a_b", "http://x.test/(1)"])
_OPTIONAL_DATE = st.none() | st_ai.partial_dates()
_APPENDIX_COUNTS = st.integers(0, 2)
_APPENDIX_KINDS = st.sampled_from([ArticleKind.TRANSLATION, ArticleKind.REPORT])


@st.composite
def _content(draw: st.DrawFn) -> Source:
    """A spanless source of the digest's shape: what a user might hand to write()."""

    def meta() -> dict[str, object]:
        return {
            "title": draw(_OPTIONAL_TEXT),
            "author": draw(_OPTIONAL_TEXT),
            "outlet": draw(_OPTIONAL_PHRASE),
            "url": draw(_OPTIONAL_URL),
            "published": draw(_OPTIONAL_DATE),
        }

    extra = {}
    if draw(st.booleans()):
        extra["category"] = draw(_PHRASE)
    if draw(st.booleans()):
        extra["link_text"] = draw(_PHRASE)
    articles = [
        Article("g#digest", "zh", "digest", blocks=draw(_BLOCK_LISTS[True]), extra=extra, **meta())
    ]
    for n in range(draw(_APPENDIX_COUNTS)):
        kind = draw(_APPENDIX_KINDS)
        articles.append(
            Article(
                f"g#appendix-{n + 1}",
                "zh",
                kind,
                blocks=draw(_BLOCK_LISTS[False]),
                extra={"appendix_title": draw(_PHRASE)},
                **meta(),
            )
        )
    return Source("g", "digest", articles=articles)


def _read_or_skip(text: str) -> Source:
    try:
        return digest.read(text, source_id="g")
    except ParseError:
        assume(False)
        raise


@given(_content())
def test_read_write_round_trip(content: Source) -> None:
    """For x read from a written source, read(write(x)) == x exactly (spans included)."""
    x = _read_or_skip(digest.write(content))
    assert digest.read(digest.write(x), source_id=x.id) == x


@given(_content())
def test_generated_documents_are_fully_accounted_for(content: Source) -> None:
    """Every character of a written digest lies in a block, a field or boilerplate."""
    text = digest.write(content)
    source = _read_or_skip(text)
    assert_lossless(text, source)
    _spans_hold(text, source)


_MARKDOWN_LINE = st.lists(
    st.sampled_from(
        ["- ", "* ", "1. ", "  ", "## ", "**", "*", "[", "](", ")", "：", "**标题**：", "---", "`"]
    )
    | _TEXT,
    max_size=6,
).map("".join)


@given(st.lists(_MARKDOWN_LINE, max_size=12).map("\n".join))
def test_markdown_fragments_read_or_raise_parse_error(text: str) -> None:
    """Any mix of Markdown fragments reads (fully accounted for) or raises ParseError."""
    source = read_or_refuse(digest.read, text)
    if source is not None:
        digest.write(source)


@given(st.text())
def test_any_text_reads_or_raises_parse_error(text: str) -> None:
    """Arbitrary text never makes the reader or the sniffer fail with another exception."""
    digest.sniff(text)
    with contextlib.suppress(ParseError):
        digest.read(text)


@pytest.mark.parametrize(
    "text",
    [
        "- \n  - **作者**：X",  # a nested metadata item under an empty item
        "  - **作者**：X\n  - **作者**：X",  # a repeated label
        "## 附1: 翻译\n\n- **链接**：<https://example.org/a>\n\n*2024年5月*\n\n* 一\n\n"
        "- 二：\n\n  - **三**:",  # content after metadata, nested under a content item
        "\ufeff前言\n\n1. **点**：内容",
    ],
)
def test_round_trip_regressions(text: str) -> None:
    """Inputs that once broke read(write(x)) == x now keep it."""
    x = digest.read(digest.write(digest.read(text, source_id="r")), source_id="r")
    assert digest.read(digest.write(x), source_id="r") == x
    assert_lossless(text, digest.read(text, source_id="r"))


_MARKDOWN_PIECES = [
    *"ab 中\n\t*_[]()!`\\&<>~:：#-1.",
    "**",
    "  \n",
    " \n ",
    "\n\n",
    "\n- ",
    "\n1. ",
    "[x](http://a.b)",
    "[r]\n\n[r]: http://r.example",
    "&amp;",
    "<http://a.b>",
    "**标签**：",
    "**标签：**",
    "**a.**b",
    "**a**.",
    "** a**",
    "**a **",
    "\u3000",
    "\xa0",
    "。",
]


@given(st.lists(st.sampled_from(_MARKDOWN_PIECES), max_size=40).map("".join))
def test_inline_rendering_on_demand_equals_markdown_it(text: str) -> None:
    """Inline content rendered per element (plain text directly) equals markdown-it's full parse."""
    from markdown_it import MarkdownIt

    from aistress.formats import _digest_syntax as syntax

    reference = MarkdownIt("commonmark", {"html": False})  # every rule, inline parsing included
    full = [t for t in reference.parse(text, {}) if t.type == "inline"]
    env: dict[str, object] = {}
    blocks = [t for t in syntax._md_blocks.parse(text, env) if t.type == "inline"]
    assert [t.content for t in full] == [t.content for t in blocks]
    for whole, block in zip(full, blocks, strict=True):
        assert syntax._render_inline(block, env) == syntax._render(whole.children or [])


_BLOCK_PIECES = [
    *["", " ", "  ", "   ", "    ", "     ", "-", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "1."],
    *["#", "# ", "## ", "###### ", "####### ", "---", "***", "_ _ _", "- - -", "-   ", "-     "],
    *["text", "**粗体**：值", "中文", " x ", "a", "1)", "*", "+", "# a #", "# a ##  ", "#a"],
    *["- # h", "1. - x", "\u3000", "1234567890. ", "\xa0", "=", "===", "a>b", ">", "> ", "- > "],
]


@given(
    st.lists(st.lists(st.sampled_from(_BLOCK_PIECES), max_size=4).map("".join), max_size=14).map(
        "\n".join
    ),
    st.sampled_from(["", "\n", "\n\n", "  "]),
)
@example("- > quoted", "\n")
@example("a\n1.  - > b", "")
def test_block_elements_equal_markdown_its(body: str, end: str) -> None:
    """The digest's own block parser makes the elements of markdown-it's tokens, or says None."""
    from aistress.formats._digest_blocks import block_elements
    from aistress.formats._digest_syntax import _elements, _md_blocks

    text = body + end
    fast = block_elements(text)
    assume(fast is not None)
    assert fast is not None

    def fields(elements: Sequence[Any]) -> list[tuple[object, ...]]:
        return [
            (e.kind, e.first, e.last, e.level, e.marker, e.list_id, e.ordered, e.text, e.quote)
            + ((e.inline.content, list(e.inline.map)) if e.inline is not None else ())
            for e in elements
        ]

    assert fields(fast) == fields(_elements(_md_blocks.parse(text, {})))
