"""Tests for the line-by-line bilingual reader and writer (aistress.formats.interleaved)."""

from __future__ import annotations

import codecs
import contextlib
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import get_format, interleaved
from aistress.formats import read as read_any
from aistress.formats._text import trim
from aistress.model import (
    Alignment,
    Article,
    Bead,
    Block,
    BlockKind,
    RelationKind,
    Source,
    Translation,
)
from aistress.testing import strategies as st_ai
from aistress.text.language import HAN_CHAR
from conftest import assert_lossless, line_end_variants, read_or_refuse, seed
from conftest import bare_articles as _bare
from conftest import fixture as _fixture
from conftest import squash as _squash


def _seed_text() -> str:
    return seed("003").read_text(encoding="utf-8")


def _unspanned(source: Source) -> tuple[object, ...]:
    """What a source says, without spans or provenance (which depend on the layout)."""
    return (
        _bare(source),
        source.translations,
        source.relations,
        tuple((b.kind, b.text) for b in source.boilerplate if b.kind != "byte-order-mark"),
        tuple((w.code, w.line) for w in source.warnings if not w.code.startswith("decoded-")),
    )


def _spans_hold(text: str, source: Source) -> None:
    for article in source.articles:
        for block in article.blocks:
            assert block.span is not None
            assert block.span.doc == source.id
            assert block.span.slice(text) == block.text
        assert article.provenance is not None
        for field in article.provenance.fields:
            assert field.span.slice(text) == getattr(article, field.name)
    for item in source.boilerplate:
        assert item.span is not None
        assert item.span.slice(text) == item.text


# ---------------------------------------------------------------------------
# the seed


def test_seed_yields_two_articles_and_their_translation() -> None:
    """The seed reads as an English blog post, its Chinese translation and a line alignment."""
    text = _seed_text()
    source = interleaved.read(text, path=str(seed("003")))
    en, zh = source.articles
    assert (en.id, en.language, en.kind.value) == (f"{source.id}#en", "en", "blog")
    assert (zh.id, zh.language, zh.kind.value) == (f"{source.id}#zh", "zh", "translation")
    assert source.warnings == ()
    (translation,) = source.translations
    assert (translation.source, translation.target) == (en.id, zh.id)
    alignment = translation.alignment
    assert alignment is not None
    assert alignment.unit == "line"
    assert len(en.blocks) == len(zh.blocks) == len(alignment.beads)
    assert all(bead.type == (1, 1) for bead in alignment.beads)
    assert alignment.source_segments == tuple(b.text for b in en.blocks)
    assert alignment.target_segments == tuple(b.text for b in zh.blocks)
    assert [r.kind for r in source.relations] == [RelationKind.TRANSLATION_OF]


def test_seed_titles_and_nine_headings_in_both_languages() -> None:
    """Title, subtitle and the nine section headings come out in both languages."""
    text = _seed_text()
    lines = text.splitlines()
    source = interleaved.read(text)
    en, zh = source.articles
    assert (en.title, zh.title, en.subtitle, zh.subtitle) == tuple(lines[:4])
    assert len(en.headings) == len(zh.headings) == 9
    # The alignment pairs every English heading with a Chinese heading.
    for bead in source.translations[0].alignment.beads:  # type: ignore[union-attr]
        kinds = {en.blocks[bead.source[0]].kind, zh.blocks[bead.target[0]].kind}
        assert len(kinds) == 1
    # Headings printed as one line split into two parts on the same line.
    merged = [
        (e, z)
        for e, z in zip(en.blocks, zh.blocks, strict=True)
        if e.kind is BlockKind.HEADING
        and e.span is not None
        and z.span is not None
        and text.count("\n", e.span.end, z.span.start) == 0
    ]
    assert len(merged) >= 5
    for e, z in merged:
        assert re.search(r"[\u4e00-\u9fff]", e.text) is None
        assert re.search(r"[A-Za-z]", z.text) is None
    _spans_hold(text, source)


def test_seed_write_back_changes_only_whitespace() -> None:
    """write(read(seed)) is the seed with LF line ends and a final line end, nothing else."""
    text = _seed_text()
    written = interleaved.write(interleaved.read(text))
    assert written == text.rstrip("\n") + "\n"
    assert _squash(interleaved.write(interleaved.read(_transforms(text)["blank-runs"]))) == (
        _squash(text)
    )


def test_seed_sniffs_as_interleaved() -> None:
    """The sniffer is sure about the seed and the registry picks this reader."""
    text = _seed_text()
    assert interleaved.sniff(text).confidence > 0.9
    assert read_any(seed("003")).format == "interleaved"
    assert get_format("interleaved").write is interleaved.write


@pytest.mark.parametrize("prefix", ["000", "001", "002", "004"])
def test_other_seeds_do_not_sniff_as_interleaved(prefix: str) -> None:
    """Aggregator, translation, syndication and digest pages score low."""
    text = seed(prefix).read_text(encoding="utf-8")
    assert interleaved.sniff(text).confidence < 0.3


def test_html_does_not_sniff_as_interleaved() -> None:
    """An HTML page of alternating lines is markup, not an interleaved text."""
    page = "<html>\n<p>Stress at work</p>\n<p>工作压力</p>\n<p>It is hard.</p>\n<p>这很难。</p>\n"
    assert interleaved.sniff(page).confidence < 0.6


# ---------------------------------------------------------------------------
# real inputs vary


def _transforms(text: str) -> dict[str, str]:
    lines = text.split("\n")
    return {
        **line_end_variants(text),
        "tabs-and-trailing-spaces": "\n".join("\t" + line + "  \t" for line in lines),
        "blank-runs": "\n\n\n".join(lines) + "\n\n\n",
    }


@pytest.mark.parametrize("kind", ["crlf", "cr", "bom", "tabs-and-trailing-spaces", "blank-runs"])
def test_seed_variants_read_the_same(kind: str) -> None:
    """Line ends, a BOM, tabs, trailing spaces and blank lines change only spans."""
    text = _seed_text()
    variant = _transforms(text)[kind]
    expected = interleaved.read(text, source_id="s")
    got = interleaved.read(variant, source_id="s")
    assert _unspanned(got) == _unspanned(expected)
    assert_lossless(variant, got)
    _spans_hold(variant, got)


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "gb18030"])
def test_seed_encodings_read_the_same(codec: str) -> None:
    """UTF-16 and UTF-8 with a BOM and GB18030 bytes decode and read like the UTF-8 seed."""
    text = _seed_text()
    data = text.encode(codec)
    source = read_any(data, format="interleaved")
    assert _unspanned(source) == _unspanned(interleaved.read(text, source_id=source.id))
    assert source.encoding == codecs.lookup(codec).name or source.encoding == codec


def test_fixture_variants() -> None:
    """Missing and extra lines give one-sided beads and warnings; odd lines still pair."""
    text = _fixture("interleaved_variants.txt")
    source = interleaved.read(text, source_id="v")
    en, zh = source.articles
    assert (en.title, zh.title) == ("Deadlines at Dawn", "黎明前的截止日期")
    assert (en.subtitle, zh.subtitle) == ("Notes From a Tired Lab", "一个疲惫实验室的笔记")
    beads = source.translations[0].alignment.beads  # type: ignore[union-attr]
    assert [b.type for b in beads].count((1, 0)) == 1
    assert [b.type for b in beads].count((0, 1)) == 1
    assert [(w.code, w.line) for w in source.warnings] == [
        ("unpaired-english", 14),
        ("unpaired-chinese", 17),
    ]
    pairs = {
        (en.blocks[b.source[0]].text, zh.blocks[b.target[0]].text)
        for b in beads
        if b.type == (1, 1)
    }
    assert ("Sleep", "睡眠") in pairs  # merged, English first
    assert ("Teams", "团队") in pairs  # merged, Chinese first
    assert ("Talking helps", "说出来会有帮助") in pairs  # heading on two lines
    assert ("Dinner with 李白 tonight", "今晚与李白共进晚餐") in pairs  # a Chinese name
    assert en.headings == ("Sleep", "Talking helps", "Dinner with 李白 tonight", "Teams")
    assert [(b.kind, b.text) for b in source.boilerplate] == [
        ("bilingual-line", " "),
        ("separator", "* * *"),
        ("bilingual-line", " "),
    ]
    assert_lossless(text, source)
    _spans_hold(text, source)


def test_missing_title_and_subtitle_are_warned() -> None:
    """A text that starts with sentences has no title or subtitle, and says so."""
    text = "This starts with a sentence.\n这是一个句子。\n"
    source = interleaved.read(text)
    assert source.articles[0].title is None
    assert [w.code for w in source.warnings] == ["missing-title"]
    text = "A Title\n一个标题\nA sentence follows.\n接着是一个句子。\n"
    source = interleaved.read(text)
    assert source.articles[1].title == "一个标题"
    assert source.articles[1].subtitle is None
    assert [w.code for w in source.warnings] == ["missing-subtitle"]


def test_a_long_subtitle_is_still_a_subtitle() -> None:
    """A subtitle may be longer than a section heading, up to twice its length."""
    text = (
        "Night Shifts\n夜班\n"
        "What three launches in one quarter did to our sleep, our friendships and our work\n"
        "一个季度三次发布对我们的睡眠、友谊和工作意味着什么\n"
        "It began in March.\n事情始于三月。\n"
    )
    source = interleaved.read(text)
    assert source.articles[0].subtitle is not None
    assert source.articles[1].subtitle is not None
    assert source.warnings == ()


def test_one_language_only_is_read_with_a_warning() -> None:
    """English lines alone read, with every line unpaired and a warning that Chinese is missing."""
    source = interleaved.read("One line.\nTwo lines.\n")
    assert "no-chinese" in {w.code for w in source.warnings}
    assert source.articles[1].blocks == ()


@pytest.mark.parametrize("text", ["", "   \n\t\n", "* * *\n---\n", "a\x00b"])
def test_unreadable_text_raises_parse_error(text: str) -> None:
    """Empty, symbol-only and binary text raise ParseError with a position."""
    with pytest.raises(ParseError) as info:
        interleaved.read(text, path="x.txt")
    assert info.value.path == "x.txt"
    assert info.value.reason


def test_long_lines_and_many_blank_lines_read() -> None:
    """A 1 MB line and 100k blank lines read (in linear time: see the benchmark)."""
    source = interleaved.read("word " * 200_000 + "\n" + "\n" * 100_000 + "字" * 1000)
    assert len(source.translations[0].alignment.beads) == 1  # type: ignore[union-attr]


# ---------------------------------------------------------------------------
# writer round trip and robustness


_EN_WORDS = st.sampled_from(
    ["stress", "lab", "deadline", "model", "Sleep", "team", "AI", "GPU", "talk", "paper", "2024"]
)
_ZH_WORDS = st.sampled_from(["压力", "实验室", "截止", "模型", "睡眠", "团队", "论文", "谈话"])


@st.composite
def _english(draw: st.DrawFn) -> str:
    words = draw(st.lists(_EN_WORDS, min_size=1, max_size=14))
    end = draw(st.sampled_from(["", ".", "?", "!", ","]))
    return " ".join(words) + end


@st.composite
def _chinese(draw: st.DrawFn) -> str:
    words = draw(st.lists(_ZH_WORDS | _EN_WORDS, min_size=1, max_size=12))
    end = draw(st.sampled_from(["", "。", "？", "，"]))
    return "".join(words) + end


_ANY_LINE = st_ai.texts(max_size=30)


@st.composite
def _content(draw: st.DrawFn) -> Source:
    """A source built from generated pairs, without spans: what a user might hand to write."""
    pairs = draw(
        st.lists(
            st.tuples(
                st.none() | _english() | _ANY_LINE,
                st.none() | _chinese() | _ANY_LINE,
            ),
            max_size=8,
        )
    )
    en_blocks, zh_blocks, beads = [], [], []
    for e, z in pairs:
        if e is None and z is None:
            continue
        bead = Bead(
            (len(en_blocks),) if e is not None else (), (len(zh_blocks),) if z is not None else ()
        )
        if e is not None:
            en_blocks.append(Block("paragraph", e))
        if z is not None:
            zh_blocks.append(Block("paragraph", z))
        beads.append(bead)
    en = Article("g#en", "en", "blog", title=draw(st.none() | _english()), blocks=en_blocks)
    zh = Article("g#zh", "zh", "translation", title=draw(st.none() | _chinese()), blocks=zh_blocks)
    alignment = Alignment(
        beads,
        unit="line",
        source_segments=[b.text for b in en_blocks],
        target_segments=[b.text for b in zh_blocks],
    )
    return Source(
        "g",
        "interleaved",
        articles=[en, zh],
        translations=[Translation(en.id, zh.id, "en", "zh", alignment)],
    )


def _read_or_skip(text: str) -> Source:
    try:
        return interleaved.read(text, source_id="g")
    except ParseError:
        assume(False)
        raise


@given(_content())
def test_read_write_round_trip(content: Source) -> None:
    """For x read from a written source, read(write(x)) == x exactly (spans included)."""
    x = _read_or_skip(interleaved.write(content))
    written = interleaved.write(x)
    assert interleaved.read(written, source_id=x.id) == x


@given(_content())
def test_generated_documents_are_fully_accounted_for(content: Source) -> None:
    """Every character of a generated document lies in a block, a field or boilerplate."""
    text = interleaved.write(content)
    source = _read_or_skip(text)
    assert_lossless(text, source)
    _spans_hold(text, source)


@given(st.lists(_english() | _chinese() | _ANY_LINE | st.just(""), max_size=12))
def test_any_lines_read_or_raise_parse_error(lines: list[str]) -> None:
    """Any mix of lines reads (and is accounted for) or raises ParseError; nothing else."""
    text = "\n".join(lines)
    read_or_refuse(interleaved.read, text)


@given(st.text())
def test_any_text_reads_or_raises_parse_error(text: str) -> None:
    """Arbitrary text never makes the reader or the sniffer fail with another exception."""
    interleaved.sniff(text)
    with contextlib.suppress(ParseError):
        interleaved.read(text)


@pytest.mark.parametrize(
    "text",
    [
        "\n\ufeff\nstress",  # U+FEFF starting a line is not a byte-order mark
        "0\n:\n0",  # a pair split by a separator line
        "团队 Teams\nSmall teams.\n小团队。\n",  # Chinese first on one line
        "A 一\n0\n",  # a bilingual line, then an unpaired line
    ],
)
def test_round_trip_regressions(text: str) -> None:
    """Inputs that once broke read(write(x)) == x now keep it."""
    x = interleaved.read(interleaved.write(interleaved.read(text, source_id="r")), source_id="r")
    assert interleaved.read(interleaved.write(x), source_id="r") == x


@given(
    st.text(alphabet="aZéɏɐ中々〇。「」、〜ｶＡ！㐀⺀\u3040 1.,", max_size=40) | st.text(max_size=60)
)
def test_line_counts_equal_the_per_character_definition(text: str) -> None:
    """Letters and Chinese marks counted by the text layer equal one match per character."""
    assert interleaved._counts(text) == (
        len(interleaved._LATIN.findall(text)),
        len(interleaved._CHINESE.findall(text)),
    )


def _split_by_definition(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """:func:`interleaved.split_bilingual` from the position of every letter (the definition)."""
    latin = [m.start() for m in interleaved._LATIN.finditer(text)]
    han = [m.start() for m in HAN_CHAR.finditer(text)]
    if not latin or not han:
        return None
    if latin[-1] < han[0]:
        lo, hi = latin[-1] + 1, han[0]
    elif han[-1] < latin[0]:
        lo, hi = han[-1] + 1, latin[0]
    else:
        return None
    runs = [m.span() for m in re.finditer(r"\s+", text[lo:hi])]
    if not runs:
        return None
    cut_start, cut_end = runs[-1][0] + lo, runs[-1][1] + lo
    first, second = trim(text, 0, cut_start), trim(text, cut_end, len(text))
    en, zh = (first, second) if latin[-1] < han[0] else (second, first)
    en_text, zh_text = text[en[0] : en[1]], text[zh[0] : zh[1]]
    if interleaved._CHINESE.search(en_text) or interleaved._LATIN.search(zh_text):
        return None
    if len(interleaved._LATIN.findall(en_text)) < len(HAN_CHAR.findall(zh_text)):
        return None
    return en, zh


def _label_by_definition(text: str) -> str | None:
    """The label of a trimmed line from :func:`line_language` and the split by definition."""
    language = interleaved.line_language(text)
    if language is None:
        return "?" if re.search(r"\d", text) or re.search(r"[^\W_]", text) else None
    if _split_by_definition(text) is None:
        return language
    return "both"


_MIXED_LINE = st.text(alphabet="aZé ɏ中々〇。「」ｶＡ！㐀 \t\u3000 1.,-", max_size=30)


@given(
    _MIXED_LINE
    | st.builds(" ".join, st.lists(_english() | _chinese() | _ANY_LINE, max_size=3))
    | st.text(max_size=40)
)
def test_line_labels_equal_the_per_character_definition(line: str) -> None:
    """The reader's one-pass label and split of a line equal the definitions letter by letter."""
    text = line.strip()
    label, cut = interleaved._label_and_cut(text)
    assert label == _label_by_definition(text)
    assert interleaved.split_bilingual(text) == _split_by_definition(text)
    assert cut == (_split_by_definition(text) if label == "both" else None)


@given(
    st.lists(
        _MIXED_LINE
        | st.builds(" ".join, st.lists(_english() | _chinese() | _ANY_LINE, max_size=3))
        | st.text(max_size=40),
        max_size=12,
    )
)
def test_lines_labelled_in_bulk_as_one_by_one(lines: list[str]) -> None:
    """The reader's labels and splits of all lines at once equal those of each line alone."""
    texts = [line.strip() for line in lines]
    labels, cuts = interleaved._labels_and_cuts(texts)
    assert list(zip(labels, cuts, strict=True)) == [interleaved._label_and_cut(t) for t in texts]
