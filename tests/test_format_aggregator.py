"""Tests of the reader-app page format (aistress.formats.aggregator)."""

from __future__ import annotations

import functools
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import aggregator
from aistress.formats import read as read_any
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    Boilerplate,
    PartialDate,
    RelationKind,
    Source,
)
from conftest import assert_lossless, excerpt, read_or_refuse, seed
from conftest import bare_articles as _bare

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "aggregator_harbor.txt"


def _text() -> str:
    return seed("000").read_text(encoding="utf-8")


#: Where the seed names its outlet: (start, end, sha256 prefix), not the name itself.
_OUTLET = (0, 10, "2afb6efc")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- the seed ---------------------------------------------------------------


def test_seed_main_article_metadata() -> None:
    """000 yields an English news article from the outlet it names, dated 25 January, no year."""
    text = _text()
    source = aggregator.read(text, path=str(seed("000")))
    main = source.article
    assert source.format == "aggregator"
    assert (main.language, main.kind) == ("en", ArticleKind.NEWS)
    assert main.outlet == excerpt(text, *_OUTLET)
    assert main.published == PartialDate(month=1, day=25)
    assert main.title == _lines(text)[1]
    assert main.id == f"{source.id}#en"


def test_seed_body_has_thirty_english_paragraphs() -> None:
    """The body is the 30 English paragraphs, each the text of one printed line."""
    text = _text()
    main = aggregator.read(text).article
    assert len(main.paragraphs) == 30
    assert all(b.kind is BlockKind.PARAGRAPH for b in main.blocks)
    for block in main.blocks:
        assert block.span is not None
        assert block.span.slice(text) == block.text


def test_seed_summary_article_with_emoji_points() -> None:
    """The Chinese abstract and four emoji key points form a summary_of the main article."""
    source = aggregator.read(_text())
    main, summary = source.articles
    assert (summary.language, summary.kind) == ("zh", ArticleKind.SUMMARY)
    assert summary.id == f"{source.id}#zh-summary"
    assert [b.kind for b in summary.blocks] == [BlockKind.PARAGRAPH] + [BlockKind.POINT] * 4
    assert [p.marker for p in summary.summary_points] == ["🥱", "🚀", "💔", "💡"]
    assert all(not p.text.startswith(p.marker or "") for p in summary.summary_points)
    relation = source.relations[0]
    assert (relation.kind, relation.subject, relation.target) == (
        RelationKind.SUMMARY_OF,
        summary.id,
        main.id,
    )


def test_seed_tags_and_boilerplate() -> None:
    """The tag line after 相关标签 becomes four tags; the rest of the footer is boilerplate."""
    text = _text()
    source = aggregator.read(text)
    tag_line = _lines(text)[_lines(text).index("相关标签") + 1]
    assert source.article.tags == tuple(tag_line.split())
    kinds = [b.kind for b in source.boilerplate]
    assert kinds.count("template") == 2
    assert kinds.count("contact") == 1
    assert kinds.count("footer-label") == 2
    assert kinds.count("promotion") >= 4
    assert all(b.span is not None and b.span.slice(text) == b.text for b in source.boilerplate)
    assert source.warnings == ()


def test_seed_field_spans_locate_the_values() -> None:
    """Each metadata field span covers the text the value was read from."""
    text = _text()
    main = aggregator.read(text).article
    assert main.provenance is not None
    fields = {f.name: f.span.slice(text) for f in main.provenance.fields}
    assert fields["outlet"] == excerpt(text, *_OUTLET)
    assert fields["title"] == main.title
    assert fields["outlet_label"].startswith(excerpt(text, *_OUTLET))
    tags = [f.span.slice(text) for f in main.provenance.fields if f.name == "tags"]
    assert tuple(tags) == main.tags


# --- variants ---------------------------------------------------------------


def test_missing_header_is_warned_and_the_rest_stays() -> None:
    """Without the header line the articles are the same but for outlet and date."""
    text = _text()
    full = aggregator.read(text, source_id="doc")
    cut = aggregator.read(text.split("\n", 1)[1], source_id="doc")
    assert [w.code for w in cut.warnings] == ["missing-header"]
    assert cut.article.outlet is None
    assert cut.article.published is None
    expected = attrs.evolve(full.article, outlet=None, published=None, extra=())
    assert _bare(cut)[0] == _bare(Source("doc", "aggregator", articles=[expected]))[0]
    assert _bare(cut)[1] == _bare(full)[1]


def test_missing_footer_is_warned_and_the_body_stays() -> None:
    """A page cut before the app footer keeps its body and says the footer is missing."""
    text = _text()
    cut_at = 7108  # where the app's footer begins (its first line, checked by hash)
    excerpt(text, cut_at, text.index("\n", cut_at), "32b30ed0")
    full = aggregator.read(text, source_id="doc")
    cut = aggregator.read(text[:cut_at], source_id="doc")
    assert [w.code for w in cut.warnings] == ["missing-footer"]
    assert cut.article.tags == ()
    assert cut.article.blocks == full.article.blocks
    assert_lossless(text[:cut_at], cut)


def test_fixture_other_outlet_with_year_time_url_and_joined_emoji() -> None:
    """Another outlet: a channel word, a full date with a time, a source link, ZWJ emoji."""
    text = FIXTURE.read_text(encoding="utf-8")
    source = read_any(FIXTURE)
    assert source.format == "aggregator"
    main, summary = source.articles
    assert main.outlet == "Harbor Ledger"
    assert main.get("outlet_label") == "Harbor Ledger 新闻"
    assert main.published == PartialDate(2024, 11, 3)
    assert main.get("published_time") == "08:15"
    assert main.url == "https://harborledger.example/2024/11/03/lab-that-never-sleeps"
    assert len(main.paragraphs) == 6
    assert [p.marker for p in summary.summary_points] == ["⏰", "🧑\u200d💻", "⚠️"]
    assert main.tags == ("人工智能", "值班", "发布节奏", "心理支持")
    assert [b.kind for b in source.boilerplate][-1] == "related"
    assert_lossless(text, source, aggregator.write)


def test_chinese_body_without_english_keeps_points_as_summary() -> None:
    """A Chinese body: the abstract and points before it still form the summary."""
    text = (
        "Example Wire 03月14日\n标题在这里\n\n摘要一句话。\n\n🔥要点一\n\n💡要点二\n\n"
        "正文第一段。\n\n正文第二段。\n\n相关标签\n\n标签一 标签二\n"
    )
    source = aggregator.read(text)
    main, summary = source.articles
    assert main.language == "zh"
    assert main.id.endswith("#zh")
    assert main.paragraphs == ("正文第一段。", "正文第二段。")
    assert len(summary.summary_points) == 2
    assert summary.id.endswith("#zh-summary")
    assert_lossless(text, source)


def test_body_paragraph_in_another_language_is_marked() -> None:
    """A Chinese line inside the English body keeps its own language."""
    text = "Wire 03月14日\nHeadline\n\nFirst paragraph here.\n\n中文插入的一段。\n\nLast one.\n"
    main = aggregator.read(text).article
    assert [b.language for b in main.blocks] == [None, "zh", None]


def test_leading_byte_order_mark_is_boilerplate() -> None:
    """A BOM left in the text is recorded, and the header is still read."""
    text = "\ufeffWire 03月14日\nHeadline\n\nBody text.\n"
    source = aggregator.read(text)
    assert source.article.outlet == "Wire"
    assert source.boilerplate[0].kind == "byte-order-mark"
    assert_lossless(text, source)


# --- bad input --------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\u3000\n"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    """Empty or whitespace-only text raises ParseError for the input as a whole."""
    with pytest.raises(ParseError) as info:
        aggregator.read(text, path="page.txt")
    assert (info.value.path, info.value.line, info.value.column) == ("page.txt", 0, 0)
    assert "empty" in info.value.reason


def test_control_characters_are_a_parse_error_with_position() -> None:
    """Binary data is refused, pointing at the first control character."""
    with pytest.raises(ParseError) as info:
        aggregator.read("Wire 03月14日\nHead\x00line\n")
    assert (info.value.line, info.value.column) == (2, 5)


def test_bytes_are_api_misuse() -> None:
    """The module-level reader takes str; bytes are a TypeError, not a ParseError."""
    with pytest.raises(TypeError):
        aggregator.read("Wire 03月14日".encode())  # type: ignore[arg-type]


@given(st.lists(st.sampled_from(["Wire 01月02日", "相关标签", "🚀要点", "Body.", "中文。", ""])))
def test_shuffled_parts_always_read_and_account(parts: list[str]) -> None:
    """Aggregator-like lines in any order are read, and every character is accounted for."""
    text = "\n".join(parts)
    read_or_refuse(aggregator.read, text, refuse_only_blank=True)


def test_writer_refuses_what_the_layout_cannot_show() -> None:
    """An outlet without a date, or a body without a title, is a ValueError."""
    body = [Block("paragraph", "Text.")]
    with pytest.raises(ValueError, match="date"):
        aggregator.write(
            Source("s", "aggregator", articles=[Article("a", "en", "news", outlet="X")])
        )
    with pytest.raises(ValueError, match="title"):
        aggregator.write(
            Source("s", "aggregator", articles=[Article("a", "en", "news", blocks=body)])
        )
    with pytest.raises(ValueError, match="article"):
        aggregator.write(Source("s", "aggregator"))


# --- writer round trip --------------------------------------------------------

# Spans count characters of the text a source was read from, so a source made
# by hand (without spans) can never equal what reading its written form gives.
# The property is therefore stated for sources that are themselves the result
# of reading: generate content, write it, read it (x); then write(x) must give
# the same text again and read(write(x)) == x, spans and all.

_VOCABULARY = (
    "lab team model release night shift engineer stress deadline launch quiet week "
    "benchmark ranking sleep pressure manager staff counsel review sprint weekend"
)
_EN_WORDS = _VOCABULARY.split()
_HAN = "实验室团队模型发布夜班工程师压力截止评测排名睡眠经理员工咨询周末冲刺研究心理健康"
_EMOJI = ["🚀", "💡", "🔥", "⏰", "🧑\u200d💻", "⚠️"]


# Strategies are built once here, not inside the composites: Hypothesis validates
# every new strategy object, which cost more than reading the pages.
_WORDS = st.sampled_from(_EN_WORDS)
_SENTENCE_WORDS = st.lists(_WORDS, min_size=3, max_size=9)
_MARKS = st.sampled_from([".", ".", "?", "!"])


@st.composite
def _sentence(draw: st.DrawFn) -> str:
    words = draw(_SENTENCE_WORDS)
    words[0] = words[0].capitalize()
    mark = draw(_MARKS)
    text = " ".join(words) + mark
    if draw(st.booleans()):
        text = f"“{text}” {draw(_WORDS)} said — {words[-1]}."
    return text


@functools.cache
def _english() -> st.SearchStrategy[str]:
    return st.lists(_sentence(), min_size=1, max_size=4).map(" ".join)


@functools.cache
def _chinese(end: str = "。") -> st.SearchStrategy[str]:
    return st.text(alphabet=_HAN, min_size=2, max_size=30).map(lambda s: s + end)


_OUTLETS = st.sampled_from(["Example Wire", "Harbor Ledger", "The Gazette"])
_CHANNELS = st.sampled_from(["", " News", " 新闻"])
_DATES = st.builds(
    PartialDate, st.none() | st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 28)
)
_TIMES = st.sampled_from(["08:15", "23:59:01"])
_TITLE_WORDS = st.lists(_WORDS, min_size=1, max_size=8)
_URLS = st.none() | st.just("https://news.example/a/1")
_TEMPLATES = st.lists(st.sampled_from(["index_new5.html", "../../tpl/a.html"]))
_SUMMARY = st.lists(_chinese(), max_size=2)
_POINTS = st.lists(st.tuples(st.sampled_from(_EMOJI), _chinese("")), max_size=4)
_BODY = st.lists(_english(), min_size=1, max_size=5)
_PROMOTIONS = st.lists(_chinese(), max_size=1)
_TAGS = st.lists(st.text(alphabet=_HAN + "AI", min_size=1, max_size=6), min_size=1)
_RELATED = st.lists(_chinese(), max_size=2)


@st.composite
def aggregator_pages(draw: st.DrawFn) -> Source:
    """Content for a reader-app page (no spans): header, summary, body and footer."""
    header = draw(st.booleans())
    outlet = label = published = None
    extra: list[tuple[str, str]] = []
    if header:
        outlet = draw(_OUTLETS)
        channel = draw(_CHANNELS)
        label = outlet + channel
        if channel:
            extra.append(("outlet_label", label))
        published = draw(_DATES)
        if draw(st.booleans()):
            extra.append(("published_time", draw(_TIMES)))
    title = " ".join(draw(_TITLE_WORDS))
    url = draw(_URLS)
    boilerplate = [Boilerplate("template", t) for t in draw(_TEMPLATES)]
    summary_blocks = [Block("paragraph", t) for t in draw(_SUMMARY)]
    summary_blocks += [Block("point", t, marker=m) for m, t in draw(_POINTS)]
    body = [Block("paragraph", t) for t in draw(_BODY)]
    tags: list[str] = []
    if draw(st.booleans()):
        boilerplate.append(Boilerplate("promotion", "Fish AI Reader"))
        boilerplate += [Boilerplate("promotion", t) for t in draw(_PROMOTIONS)]
        boilerplate.append(Boilerplate("promotion", "FishAI"))
    if draw(st.booleans()):
        boilerplate.append(Boilerplate("contact", "联系邮箱 team@reader.example"))
    if draw(st.booleans()):
        boilerplate.append(Boilerplate("footer-label", "相关标签"))
        tags = draw(_TAGS)
    if draw(st.booleans()):
        boilerplate.append(Boilerplate("footer-label", "相关文章"))
        boilerplate += [Boilerplate("related", t) for t in draw(_RELATED)]
    main = Article(
        "doc#en",
        "en",
        "news",
        title=title,
        outlet=outlet,
        published=published,
        url=url,
        tags=tags,
        blocks=body,
        extra=extra,
    )
    articles = [main]
    if summary_blocks:
        articles.append(Article("doc#zh-summary", "zh", "summary", blocks=summary_blocks))
    return Source("doc", "aggregator", articles=articles, boilerplate=boilerplate)


@given(aggregator_pages())
def test_read_write_round_trip(content: Source) -> None:
    """For x = read(write(content)), write(x) is the same text and read(write(x)) == x."""
    text = aggregator.write(content)
    x = aggregator.read(text, source_id="doc")
    assert aggregator.write(x) == text
    assert aggregator.read(aggregator.write(x), source_id="doc") == x
    assert_lossless(text, x)
    assert x.article.blocks
    assert [b.text for b in x.article.blocks] == [b.text for b in content.article.blocks]


@pytest.mark.parametrize(
    ("name", "paragraphs", "last"),
    [
        ("aggregator_tidepool.txt", 5, "The universities did not respond to requests for comment."),
        ("aggregator_hant_lumi.txt", 4, "The contractor said it was reviewing its policies."),
    ],
)
def test_other_apps_footers_are_found_by_their_shape(name: str, paragraphs: int, last: str) -> None:
    """Another app's name, slogan, download and contact lines leave the body, each with its rule."""
    path = Path(__file__).parent / "fixtures" / "formats" / name
    text = path.read_text(encoding="utf-8")
    source = aggregator.read(text)
    main = source.article
    assert len(main.paragraphs) == paragraphs
    assert main.paragraphs[-1] == last
    footer = [b for b in source.boilerplate if b.kind in ("promotion", "contact")]
    assert footer
    assert all(b.rule for b in footer)
    assert main.tags
    assert "demoted-prose" not in [w.code for w in source.warnings]
    assert_lossless(text, source)


def test_traditional_channel_word_is_dropped_from_the_outlet() -> None:
    """新聞 after an outlet's name is a channel word, like 新闻."""
    path = Path(__file__).parent / "fixtures" / "formats" / "aggregator_hant_lumi.txt"
    assert aggregator.read(path.read_text(encoding="utf-8")).article.outlet == "Harbour Ledger"


@given(
    st.lists(
        st.sampled_from(
            [
                *("mail", "E", "-", "MAİL", "emaıl", "Contact", "FEEDBACK", "ſ", "\u212a"),
                *(
                    "联系",
                    "聯",
                    "繫",
                    "絡",
                    "邮箱",
                    "郵箱",
                    "信箱",
                    "反馈",
                    "反饋",
                    "e-MAIL",
                    "eMail",
                ),
            ]
        ).map(str)
        | st.text(max_size=3),
        max_size=8,
    ).map("".join)
)
def test_contact_word_test_agrees_with_the_pattern(text: str) -> None:
    """The substring test for contact words finds what the case-blind pattern finds."""
    assert aggregator._contact_word(text) == (aggregator._CONTACT_WORD.search(text) is not None)
