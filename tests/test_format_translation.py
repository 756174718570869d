"""Tests of the translated-article page format (aistress.formats.translation)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import read as read_any
from aistress.formats import translation
from aistress.model import Article, ArticleKind, Block, Boilerplate, Source
from conftest import assert_lossless, read_or_refuse, seed

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "translation_quill.txt"
_ARTEFACT = re.compile(r"([\u4e00-\u9fff·]{2,20})\(\1\)")


def _text() -> str:
    return seed("001").read_text(encoding="utf-8")


# --- the seed ---------------------------------------------------------------


def test_seed_is_one_chinese_translation_without_title() -> None:
    """001 yields one Chinese article of kind translation, with no title."""
    source = translation.read(_text(), path=str(seed("001")))
    assert len(source.articles) == 1
    article = source.article
    assert (article.language, article.kind) == ("zh", ArticleKind.TRANSLATION)
    assert article.title is None
    assert article.id == f"{source.id}#zh"


def test_seed_has_fifteen_body_paragraphs() -> None:
    """The body is the 15 Chinese paragraphs; the image line is not one of them."""
    article = translation.read(_text()).article
    assert len(article.paragraphs) == 15
    assert not any(p.startswith("gettyimages") for p in article.paragraphs)


def test_seed_name_artefacts_collapse_and_are_recorded() -> None:
    """Every 名字(名字) keeps one name in the text; each copy is boilerplate with its span."""
    text = _text()
    source = translation.read(text)
    printed = _ARTEFACT.findall(text)
    assert len(printed) >= 9
    artefacts = [b for b in source.boilerplate if b.kind == "name-artefact"]
    assert len(artefacts) == len(printed)
    for item in artefacts:
        assert item.span is not None
        assert item.span.slice(text) == item.text
        name = item.text[1:-1]
        assert text[item.span.start - len(name) : item.span.start] == name
    analysable = source.article.text
    assert _ARTEFACT.search(analysable) is None
    for name in printed:
        assert name in analysable


def test_seed_block_span_covers_the_printed_line() -> None:
    """A block's span covers the printed line; without the artefacts it is the block text."""
    text = _text()
    source = translation.read(text)
    artefacts = [b.span for b in source.boilerplate if b.kind == "name-artefact"]
    for block in source.article.blocks:
        assert block.span is not None
        printed = block.span.slice(text)
        for span in sorted((s for s in artefacts if s and block.span.contains(s)), reverse=True):
            start, end = span.start - block.span.start, span.end - block.span.start
            printed = printed[:start] + printed[end:]
        assert printed == block.text


def test_seed_tags_editor_image_signature() -> None:
    """Five hashtags become tags; the image, editor label and signature are recorded."""
    text = _text()
    source = translation.read(text)
    article = source.article
    assert len(article.tags) == 5
    assert not any(t.startswith("#") for t in article.tags)
    assert article.editor is not None
    assert article.editor == article.editor.strip()
    kinds = [b.kind for b in source.boilerplate]
    for kind in ("image", "tags-label", "editor-label", "signature"):
        assert kinds.count(kind) == 1, kind
    assert article.provenance is not None
    fields = {f.name: f.span.slice(text) for f in article.provenance.fields}
    assert fields["editor"] == article.editor
    assert source.warnings == ()


# --- variants ---------------------------------------------------------------


def test_missing_footer_is_warned() -> None:
    """Without hashtags and editor, the body stays and a missing-footer warning names them."""
    text = _text()
    cut = text[: text.index("文章标签")]
    full = translation.read(text, source_id="doc")
    source = translation.read(cut, source_id="doc")
    assert [w.code for w in source.warnings] == ["missing-footer"]
    assert source.article.blocks == full.article.blocks
    assert (source.article.tags, source.article.editor) == ((), None)
    assert_lossless(cut, source)


def test_fixture_title_link_full_width_artefact_one_line_editor() -> None:
    """Another page: a title, a source link, （） artefacts, 责任编辑：name, two images."""
    text = FIXTURE.read_text(encoding="utf-8")
    source = read_any(FIXTURE)
    assert source.format == "translation"
    article = source.article
    assert article.title == "实验室里的夜班"
    assert article.url == "https://harborledger.example/2024/11/03/lab-that-never-sleeps"
    assert article.tags == ("AI", "研究生", "倦怠")
    assert article.editor == "周小舟"
    assert len(article.paragraphs) == 3
    assert "（" not in article.text
    assert "(" not in article.text
    kinds = [b.kind for b in source.boilerplate]
    assert kinds.count("image") == 2
    assert kinds.count("name-artefact") == 2
    assert_lossless(text, source, translation.write)


def test_weibo_hashtags_and_plain_hashtag_line() -> None:
    """#tag# hashtags and an unlabelled hashtag line are read as tags."""
    text = "第一段正文。\n\n#人工智能# #压力#\n"
    assert translation.read(text).article.tags == ("人工智能", "压力")


def test_parenthesised_words_that_are_not_repeats_stay() -> None:
    """Parentheses holding other words (a gloss, a number) are content, not artefacts."""
    text = "研究人员(researchers)说,模型(2024)很快。\n\n负责编辑\n\n小王\n"
    source = translation.read(text)
    assert "(researchers)" in source.article.text
    assert not [b for b in source.boilerplate if b.kind == "name-artefact"]


def test_english_paragraph_in_chinese_page_is_marked() -> None:
    """An English line inside the Chinese body keeps its own language."""
    text = "第一段正文内容。\n\nAn English sentence in the middle.\n\n第三段正文内容。\n"
    article = translation.read(text).article
    assert [b.language for b in article.blocks] == [None, "en", None]


# --- bad input --------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " \n\n ", "\xa0"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    """Empty or whitespace-only text raises ParseError naming the path."""
    with pytest.raises(ParseError) as info:
        translation.read(text, path="p.txt")
    assert (info.value.path, info.value.line) == ("p.txt", 0)


def test_lone_surrogate_is_a_parse_error() -> None:
    """Text holding a lone surrogate is not text; the error gives its position."""
    with pytest.raises(ParseError) as info:
        translation.read("正文\n第二\ud800行")
    assert (info.value.line, info.value.column) == (2, 3)


@given(
    st.lists(
        st.sampled_from(
            [
                "正文。",
                "名字(名字)说。",
                "文章标签: #a",
                "负责编辑",
                "小王",
                "#x",
                "img_1234.png",
                "",
            ]
        )
    )
)
def test_shuffled_parts_always_read_and_account(parts: list[str]) -> None:
    """Translation-page lines in any order are read, and every character is accounted for."""
    text = "\n".join(parts)
    read_or_refuse(translation.read, text, refuse_only_blank=True)


def test_writer_needs_an_article() -> None:
    """Writing a source without articles is a ValueError."""
    with pytest.raises(ValueError, match="article"):
        translation.write(Source("s", "translation"))


# --- writer round trip --------------------------------------------------------

# Spans count characters of the text a source was read from, so a source made
# by hand (without spans) can never equal what reading its written form gives.
# The property is therefore stated for sources that are themselves the result
# of reading: generate content, write it, read it (x); then write(x) must give
# the same text again and read(write(x)) == x, spans and all.

_HAN = "实验室团队模型发布夜班工程师压力截止评测排名睡眠经理员工咨询周末冲刺研究心理健康"
_NAMES = ["玛拉·奎斯特", "特奥多尔·布兰特", "林晓", "阿迪·帕特尔"]


# Strategies are built once here, not inside the composites: Hypothesis validates
# every new strategy object, which cost more than reading the pages.
_PIECE_COUNTS = st.integers(1, 3)
_PIECES = st.text(alphabet=_HAN, min_size=2, max_size=20)
_SPEAKERS = st.sampled_from(_NAMES)
_ARTEFACTS = st.sampled_from(["({})", "（{}）", ""])
_QUOTED = st.text(alphabet=_HAN, min_size=1)
_STOPS = st.sampled_from(["。", ",", "？"])


@st.composite
def _paragraph(draw: st.DrawFn) -> str:
    pieces = []
    for _ in range(draw(_PIECE_COUNTS)):
        pieces.append(draw(_PIECES))
        if draw(st.booleans()):
            name = draw(_SPEAKERS)
            artefact = draw(_ARTEFACTS).format(name)
            pieces.append(name + artefact + "说:“" + draw(_QUOTED) + "”")
        pieces.append(draw(_STOPS))
    text = "".join(pieces)
    return text if text.endswith(("。", "？")) else text + "。"


_TITLES = st.none() | st.text(alphabet=_HAN, min_size=2, max_size=20)
_PARAGRAPHS = st.lists(_paragraph(), min_size=1, max_size=5)
_IMAGES = st.lists(st.sampled_from(["gettyimages-1234567", "IMG_0042.jpg"]))
_TAGS = st.lists(st.text(alphabet=_HAN + "AI", min_size=1, max_size=6), max_size=5)
_TAG_LABELS = st.sampled_from(["话题:", "标签："])
_EDITORS = st.none() | st.text(alphabet=_HAN, min_size=2, max_size=6)
_EDITOR_LABELS = st.sampled_from(["责任编辑：", "编辑"])
_SIGNATURES = st.lists(_paragraph(), max_size=2)
_URLS = st.none() | st.just("https://news.example/a/1")


@st.composite
def translation_pages(draw: st.DrawFn) -> Source:
    """Content for a translated-article page (no spans)."""
    title = draw(_TITLES)
    blocks = [Block("paragraph", t) for t in draw(_PARAGRAPHS)]
    boilerplate = [Boilerplate("image", t) for t in draw(_IMAGES)]
    tags = draw(_TAGS)
    if tags and draw(st.booleans()):
        boilerplate.append(Boilerplate("tags-label", draw(_TAG_LABELS)))
    editor = draw(_EDITORS)
    if editor is not None:
        if draw(st.booleans()):
            boilerplate.append(Boilerplate("editor-label", draw(_EDITOR_LABELS)))
        boilerplate += [Boilerplate("signature", t) for t in draw(_SIGNATURES)]
    article = Article(
        "doc#zh",
        "zh",
        "translation",
        title=title,
        editor=editor,
        url=draw(_URLS),
        tags=tags,
        blocks=blocks,
    )
    return Source("doc", "translation", articles=[article], boilerplate=boilerplate)


@given(translation_pages())
def test_read_write_round_trip(content: Source) -> None:
    """For x = read(write(content)), write(x) is the same text and read(write(x)) == x."""
    text = translation.write(content)
    x = translation.read(text, source_id="doc")
    assert translation.write(x) == text
    assert translation.read(translation.write(x), source_id="doc") == x
    assert_lossless(text, x)
    assert len(x.article.blocks) == len(content.article.blocks)
    assert _ARTEFACT.search(x.article.text) is None
