"""Tests of the article web page format (aistress.formats.html)."""

from __future__ import annotations

import html as html_lib
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import html, sniff
from aistress.formats import read as read_any
from aistress.model import Article, ArticleKind, Block, BlockKind, PartialDate, Source
from conftest import assert_lossless, read_or_refuse

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "html_northwind.html"
_TAG = re.compile(r"<[^>]*>")

_CHINESE_PAGE = """<html lang="zh_cn"><head>
<title>实验室的安静周</title>
<meta name="keywords" content="人工智能, 倦怠，值班">
<meta name="author" content="周小舟">
</head><body>
<div class="nav"><a href="/">首页</a></div>
<h1>实验室的安静周</h1>
<time datetime="2024-11-06">2024年11月6日</time>
<p>一位团队负责人每六周安排一周不发布任何模型。</p>
<div>工程师们说,周末加班少了。</div>
<blockquote>“人们需要知道冲刺什么时候结束。”</blockquote>
</body></html>
"""


def _visible(source_text: str) -> str:
    """What a span of page source reads as: tags removed, references decoded, spaces collapsed."""
    return re.sub(r"\s+", " ", html_lib.unescape(_TAG.sub(" ", source_text))).strip()


# --- a page of our own ----------------------------------------------------------


def test_fixture_metadata_from_meta_tags_byline_and_time() -> None:
    """og:/article: meta tags, the byline and the date fill the article's metadata."""
    source = read_any(FIXTURE)
    article = source.article
    assert source.format == "html"
    assert (article.language, article.kind) == ("en-US", ArticleKind.NEWS)
    assert article.id == f"{source.id}#en"
    assert article.title == "Quiet weeks at a busy lab"
    assert article.subtitle is not None
    assert article.subtitle.startswith("One manager’s fix")
    assert article.author == "Ada Brown"
    assert article.outlet == "Northwind Wire"
    assert article.published == PartialDate(2024, 11, 5)
    assert article.url == "https://northwind.example/2024/11/quiet-weeks"
    assert article.tags == ("burnout", "AI labs")
    assert article.get("og:type") == "article"
    assert article.get("article:section") == "Research"
    assert article.get("og:description") == (
        "A team lead schedules weeks without launches & says morale is up."
    )
    assert article.get("html_title") == "Quiet weeks at a busy lab | Northwind Wire"
    assert source.warnings == ()


def test_fixture_blocks_leave_out_page_chrome() -> None:
    """Paragraphs, headings and list items of the article; nav, aside and footer are not blocks."""
    article = read_any(FIXTURE).article
    kinds = [(b.kind, b.level) for b in article.blocks]
    assert kinds == [
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.HEADING, 2),
        (BlockKind.PARAGRAPH, 0),
        (BlockKind.LIST_ITEM, 0),
        (BlockKind.LIST_ITEM, 0),
    ]
    assert "Otherwise the sprint is the job." in article.blocks[1].text
    assert "&" in article.blocks[3].text
    assert "\n" in article.blocks[3].text  # the <br>
    for chrome in ("Home", "Related", "Chip rules", "news for people"):
        assert chrome not in article.text


def test_fixture_spans_cover_the_printed_text() -> None:
    """Each block's span reads, without its markup, as the block's text."""
    text = FIXTURE.read_text(encoding="utf-8")
    source = html.read(text)
    for block in source.article.blocks:
        assert block.span is not None
        assert _visible(block.span.slice(text)) == block.text.replace("\n", " ")
    assert source.article.provenance is not None
    fields = {f.name: f.span.slice(text) for f in source.article.provenance.fields}
    assert fields["author"] == "Ada Brown"
    assert fields["og:site_name"] == "Northwind Wire"
    assert fields["title"] == "Quiet weeks at a busy lab"


def test_fixture_every_character_is_accounted_for() -> None:
    """Markup, scripts, page text and the caption are boilerplate; nothing is left over."""
    text = FIXTURE.read_text(encoding="utf-8")
    source = html.read(text)
    assert_lossless(text, source)
    kinds = {b.kind for b in source.boilerplate}
    assert {"markup", "script", "page-text", "caption"} <= kinds
    scripts = " ".join(b.text for b in source.boilerplate if b.kind == "script")
    assert "dataLayer" in scripts
    assert "<p>not text</p>" in scripts
    assert all(b.span is not None and b.span.slice(text) == b.text for b in source.boilerplate)


def test_chinese_page_without_article_element() -> None:
    """A Chinese page: lang normalised, keywords as tags, meta author, time as date, body blocks."""
    source = html.read(_CHINESE_PAGE)
    article = source.article
    assert article.language == "zh-CN"
    assert article.id.endswith("#zh")
    assert article.title == "实验室的安静周"
    assert article.get("html_title") is None
    assert article.tags == ("人工智能", "倦怠", "值班")
    assert article.author == "周小舟"
    assert article.published == PartialDate(2024, 11, 6)
    assert len(article.blocks) == 3
    assert "首页" not in article.text
    assert_lossless(_CHINESE_PAGE, source)


def test_external_entities_are_never_loaded(tmp_path: Path) -> None:
    """A page declaring an external entity does not get the file's contents."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRETVALUE", encoding="utf-8")
    page = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>Before &xxe; after.</p>"
        '<img src="http://example.invalid/pixel.gif"></body></html>'
    )
    source = html.read(page)
    assert "TOPSECRETVALUE" not in source.article.text
    assert all("TOPSECRETVALUE" not in b.text for b in source.boilerplate)
    assert_lossless(page, source)


def test_is_sniffed_as_html() -> None:
    """A page is recognised as HTML; a plain text with one tag is not."""
    assert sniff(FIXTURE.read_text(encoding="utf-8")).format == "html"
    assert html.sniff("A line of text with <b>bold</b> in it.").confidence < 0.5


def test_page_without_title_or_paragraphs_warns() -> None:
    """Bare text reads as a page with no title and no body, with warnings saying so."""
    source = html.read("just some words")
    assert source.article.title is None
    assert [w.code for w in source.warnings] == ["missing-title", "missing-body"]
    assert_lossless("just some words", source)


def test_byte_order_mark_and_crlf() -> None:
    """A BOM and CRLF line ends change nothing but the spans."""
    page = FIXTURE.read_text(encoding="utf-8")
    plain = html.read(page, source_id="d").article
    variant_text = "\ufeff" + page.replace("\n", "\r\n")
    variant = html.read(variant_text, source_id="d")
    assert [b.text for b in variant.article.blocks] == [b.text for b in plain.blocks]
    assert variant.article.title == plain.title
    assert_lossless(variant_text, variant)


# --- bad input --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "reason"),
    [("", "empty"), ("  \n", "empty"), ("<!-- only a comment -->", "not an HTML page")],
)
def test_unreadable_pages_are_parse_errors(text: str, reason: str) -> None:
    """Empty pages and pages without elements raise ParseError with a reason."""
    with pytest.raises(ParseError, match=reason) as info:
        html.read(text, path="page.html")
    assert info.value.path == "page.html"


_SOUP = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<h2>",
            "</h2>",
            "<li>",
            "<div>",
            "</div>",
            "<article>",
            "<nav>",
            "</nav>",
            "<br>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            '<meta property="og:title" content="T &amp; U">',
            '<a class="byline" href="x">By Ann Lee</a>',
            "<time datetime='2024-01-02'>2 Jan</time>",
            "&amp;",
            "&nbsp;",
            "&bogus;",
            "text",
            "中文",
            "“",
            " ",
            "\n",
            "<",
            ">",
            '"',
        ]
    ),
    max_size=40,
)


@given(_SOUP)
def test_tag_soup_reads_and_accounts(parts: list[str]) -> None:
    """Any mix of tags, references and text is read with every character accounted for."""
    text = "".join(parts)
    source = read_or_refuse(html.read, text)
    if source is None:
        return
    for block in source.article.blocks:
        assert block.text == block.text.strip()


def test_writer_needs_an_article() -> None:
    """Writing a source without articles is a ValueError."""
    with pytest.raises(ValueError, match="article"):
        html.write(Source("s", "html"))


# --- writer round trip --------------------------------------------------------

# Spans count characters of the text a source was read from, so a source made
# by hand (without spans) can never equal what reading its written form gives.
# The property is therefore stated for sources that are themselves the result
# of reading: generate content, write it, read it (x); then write(x) must give
# the same text again and read(write(x)) == x, spans and all.

_VOCABULARY = "lab team model release night shift engineer stress & <tags> “quoted” 实验室 压力"
_WORDS = _VOCABULARY.split()


def _line() -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8).map(" ".join)


@st.composite
def html_pages(draw: st.DrawFn) -> Source:
    """Content for an article page (no spans)."""
    blocks = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["paragraph", "paragraph", "heading", "list_item"]))
        if kind == "paragraph":
            text = "\n".join(draw(st.lists(_line(), min_size=1, max_size=3)))
        else:
            text = draw(_line())
        level = draw(st.integers(2, 6)) if kind == "heading" else 0
        blocks.append(Block(kind, text, level=level))
    extra = [
        (key, draw(_line()))
        for key in draw(
            st.lists(
                st.sampled_from(["og:type", "og:description", "article:section", "description"]),
                unique=True,
            )
        )
    ]
    article = Article(
        "doc#en",
        draw(st.sampled_from(["en", "zh-CN", "en-GB"])),
        "news",
        title=draw(st.none() | _line()),
        subtitle=draw(st.none() | _line()),
        author=draw(st.none() | st.sampled_from(["Ada Brown", "周小舟"])),
        outlet=draw(st.none() | st.just("Northwind Wire")),
        published=draw(
            st.none()
            | st.builds(
                PartialDate, st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28)
            )
        ),
        url=draw(st.none() | st.just("https://news.example/a?b=1&c=2")),
        tags=draw(st.lists(st.sampled_from(["burnout", "AI labs", "压力"]), unique=True)),
        blocks=blocks,
        extra=extra,
    )
    return Source("doc", "html", articles=[article])


@given(html_pages())
def test_read_write_round_trip(content: Source) -> None:
    """For x = read(write(content)), write(x) is the same page and read(write(x)) == x."""
    text = html.write(content)
    x = html.read(text, source_id="doc")
    assert html.write(x) == text
    assert html.read(html.write(x), source_id="doc") == x
    assert_lossless(text, x)
    assert [b.text for b in x.article.blocks] == [b.text for b in content.article.blocks]
    assert x.article.title == content.article.title
    assert x.article.author == content.article.author
    assert x.article.published == content.article.published


_WIRE_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Wire</title></head><body>
<nav><ul><li>Home</li><li>Business</li><li>Technology</li><li>Sport</li></ul></nav>
<div class="story">
<h1>Labs cut night shifts after staff complaints</h1>
<div class="wrap"><a href="/x"><img src="a.jpg"></a></div>
Three research labs in Leeds said on Monday they would end overnight on-call
shifts for model training runs, after staff surveys described chronic fatigue.<br><br>
The labs said the change would take effect next month and apply to all
engineers, including contractors who had worked the longest hours.<br><br>
A spokesperson for one lab said the decision followed months of talks with staff
representatives and was not expected to delay any release.
</div>
<aside><p>Most read: Council approves tram line after a decade of debate</p></aside>
<footer><p>Copyright 2025 Example Wire Service. All rights reserved.</p></footer>
</body></html>
"""


def test_main_text_of_a_wire_page_with_loose_text() -> None:
    """With trafilatura, a story printed as <div> text with <br> is the body; chrome is not."""
    pytest.importorskip("trafilatura")
    source = html.read(_WIRE_PAGE)
    article = source.article
    assert article.get("main_text") == "trafilatura"
    body = " ".join(article.paragraphs)
    assert "overnight on-call shifts" in body
    assert "not expected to delay any release." in body
    assert "Most read" not in body
    assert "Business" not in body
    assert "Copyright" not in body
    assert_lossless(_WIRE_PAGE, source)


@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "中",
                " ",
                "\n",
                "\u3000",
                "<p>",
                "</p>",
                "&amp;",
                "&#20013;",
                "&nbsp;",
                "&#x4E2D",
                "&A" + "b" * 31 + ";",
                "&A" + "b" * 31 + "x;",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_stream_offsets_map_back_as_character_by_character(text: str) -> None:
    """Each stream character maps to the page offset a walk over every character finds."""
    from aistress.formats import _html_positions as positions

    index = positions._index(text)
    for i in range(len(index.stream)):
        k = max(j for j, at in enumerate(index.stream_at) if at <= i)
        start, stop = index.source[k]
        seen = 0
        expected = {False: stop, True: stop}
        for at, width, decoded in positions._chars(text, start, stop):
            count = sum(1 for ch in decoded if not ch.isspace())
            if seen + count > i - index.stream_at[k]:
                expected = {False: at, True: at + width}
                break
            seen += count
        for end in (False, True):
            assert index.to_source(i, end=end) == expected[end]


@given(
    st.lists(st.sampled_from("abcde"), max_size=12), st.lists(st.sampled_from("abcdef"), max_size=8)
)
def test_main_text_uses_up_words_as_counter_subtraction(bag: list[str], used: list[str]) -> None:
    """Using a block's words leaves the bag that Counter subtraction leaves."""
    from collections import Counter

    from aistress.formats._html_tree import _MainText

    main = _MainText(" ".join(bag))
    expected = Counter(bag)
    expected -= Counter(used)
    main.use(used)
    assert +main.bag == expected


def _segments_by_search(text: str) -> list[tuple[str, int, int]]:
    """The page's markup, script and text segments by one search per piece (the definition)."""
    from aistress.formats import _html_positions as positions

    segments: list[tuple[str, int, int]] = []
    at = 0
    while at < len(text):
        match = positions._MARKUP.search(text, at)
        if match is None:
            segments.append(("text", at, len(text)))
            break
        if at < match.start():
            segments.append(("text", at, match.start()))
        segments.append(("markup", match.start(), match.end()))
        at = match.end()
        raw = positions._RAW_START.match(text, match.start(), match.end())
        if raw is not None:
            closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(text, at)
            stop = closing.start() if closing is not None else len(text)
            if stop > at:
                segments.append(("script", at, stop))
            at = stop
    return segments


_RAW_SOUP = st.lists(
    st.sampled_from(
        ["<style>", "</style >", "<SCRIPT>", "<s>", "<sup>", "</script>", "<META ", "<link", "'"]
    )
    | _SOUP.map("".join),
    max_size=12,
).map("".join)


@given(_RAW_SOUP)
def test_page_index_and_line_breaks_equal_their_definitions(text: str) -> None:
    """The one-scan segment index and the set of elements holding <br> match the per-piece tests."""
    from lxml import etree

    from aistress.formats import _html_positions as positions
    from aistress.formats import _html_tree as tree

    index = positions._index(text)
    segments = _segments_by_search(text)
    assert index.segments == segments
    tags = positions._Tags(text, index)
    for name in ("meta", "link", "time", "html"):
        named = [
            (start, end)
            for kind, start, end in segments
            if kind == "markup"
            and (match := positions._TAG_NAME.match(text, start, end)) is not None
            and not text.startswith("</", start)
            and match.group(1).lower() == name
        ]
        assert tags._named(name) == named
    try:
        root = etree.fromstring(text.encode("utf-8"), tree._parser())
    except (etree.LxmlError, ValueError):
        return
    if root is None:
        return
    marked = etree.XPath("descendant-or-self::*[@rel or @itemprop or @class]")
    assert tree._marked(root) == marked(root)
    holding = tree._holding_br(root)
    for el in root.iter():
        assert (el in holding) == (next(el.iter("br"), None) is not None)
        assert tree._rendered(el, holding) == tree._rendered(el)
        if el not in holding:
            assert tree._rendered(el, holding) == " ".join(tree._text_of(el).split())
        assert tree._holds_text(el) == any(t.strip() for t in el.itertext())


@given(st.text(alphabet="ab \n\r\ufeff", max_size=30))
def test_line_starts_are_where_the_page_lines_start(text: str) -> None:
    """The line starts the locator is given are those of the page's line records."""
    from aistress.errors import ParseError
    from aistress.formats._common import Page
    from aistress.formats.html import _line_starts

    try:
        page = Page.open(text, path=None, source_id="doc", format="html")
    except ParseError:
        return
    assert _line_starts(page) == [line.start for line in page.lines]


@given(st.text(max_size=40))
def test_words_of_a_text_without_han_are_its_runs_of_word_characters(text: str) -> None:
    """Where no Han character occurs, the main text's words are the runs of word characters."""
    from aistress.formats import _html_tree as tree

    if tree._HAN.search(text) is None:
        assert tree._WORD.findall(text) == tree._WORD_RUN.findall(text)
