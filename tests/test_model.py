"""Tests of the model classes and their validators."""

from __future__ import annotations

import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress import (
    Alignment,
    Article,
    ArticleKind,
    Bead,
    Block,
    BlockKind,
    Corpus,
    InvalidValueError,
    PartialDate,
    Person,
    Source,
    Span,
)
from aistress.testing import strategies as ais


def test_span_rejects_end_before_start() -> None:
    """A span whose end precedes its start is refused, naming the field."""
    with pytest.raises(InvalidValueError, match=r"Span\.end"):
        Span("d", 3, 2)


def test_span_rejects_negative_start() -> None:
    """Negative offsets are refused."""
    with pytest.raises(InvalidValueError, match=r"Span\.start"):
        Span("d", -1, 2)


def test_invalid_value_error_is_a_value_error() -> None:
    """Validation errors can be caught as ValueError as well as AistressError."""
    with pytest.raises(ValueError, match="language"):
        Article("a", "English", "news")


@pytest.mark.parametrize("tag", ["en", "zh", "zh-CN", "zh-Hans", "zh-Hant-TW", "yue", "es-419"])
def test_language_accepts_bcp47_tags(tag: str) -> None:
    """Common BCP-47 tags are accepted."""
    assert Article("a", tag, "news").language == tag


@pytest.mark.parametrize("tag", ["", "EN", "english", "zh_CN", "z"])
def test_language_rejects_other_strings(tag: str) -> None:
    """Strings that are not BCP-47 tags are refused."""
    with pytest.raises(InvalidValueError, match=r"Article\.language"):
        Article("a", tag, "news")


def test_kind_accepts_value_and_rejects_unknown() -> None:
    """Article kinds are given by value; unknown kinds list the allowed ones."""
    assert Article("a", "en", "digest").kind is ArticleKind.DIGEST
    with pytest.raises(InvalidValueError, match=r"'news', 'blog'"):
        Article("a", "en", "op-ed")


def test_string_is_not_taken_for_a_sequence() -> None:
    """A bare string given for tags is refused instead of split into characters."""
    with pytest.raises(InvalidValueError):
        Article("a", "en", "news", tags="AI")  # type: ignore[arg-type]


def test_wrong_item_type_names_field_and_index() -> None:
    """A non-Block in blocks is refused with its index."""
    with pytest.raises(InvalidValueError, match=r"Article\.blocks: item 1"):
        Article("a", "en", "news", blocks=[Block("paragraph", "x"), "y"])  # type: ignore[list-item]


def test_partial_date_keeps_missing_year() -> None:
    """A month and day without a year stays without a year."""
    d = PartialDate(month=1, day=25)
    assert d.year is None
    assert d.isoformat() == "--01-25"
    assert not d.is_complete
    with pytest.raises(InvalidValueError, match="not a complete date"):
        d.to_date()


def test_partial_date_allows_29_february_without_year() -> None:
    """29 February is valid when the year is unknown, and invalid in 2023."""
    assert PartialDate(month=2, day=29).day == 29
    with pytest.raises(InvalidValueError, match=r"PartialDate.day"):
        PartialDate(2023, 2, 29)


@pytest.mark.parametrize(
    "args", [(None, None, None), (None, None, 3), (2024, 13, None), (0, None, None)]
)
def test_partial_date_rejects_impossible_dates(args: tuple[int | None, ...]) -> None:
    """Dates with no year and no month, a day without month, or out-of-range parts fail."""
    with pytest.raises(InvalidValueError):
        PartialDate(*args)


@given(ais.partial_dates())
def test_partial_date_iso_round_trip(d: PartialDate) -> None:
    """Every partial date survives its ISO 8601 form."""
    assert PartialDate.fromisoformat(d.isoformat()) == d


def test_partial_date_from_date() -> None:
    """A datetime.date becomes a complete PartialDate."""
    assert PartialDate.from_date(dt.date(2024, 10, 20)).isoformat() == "2024-10-20"


def test_block_heading_must_prefix_text() -> None:
    """A block's heading must be the start of its text."""
    with pytest.raises(InvalidValueError, match=r"Block\.heading"):
        Block(BlockKind.POINT, "body", heading="head")


@given(ais.articles())
def test_article_block_spans_index_text(article: Article) -> None:
    """block_span(i) slices exactly block i out of Article.text."""
    for i, block in enumerate(article.blocks):
        span = article.block_span(i)
        assert article.slice(span) == block.text
        assert article.block_at(span.start) == i


@given(ais.articles())
def test_article_block_starts_are_the_block_spans_starts(article: Article) -> None:
    """Article.block_starts lists block_span(i).start of every block, in order."""
    assert article.block_starts == tuple(
        article.block_span(i).start for i in range(len(article.blocks))
    )


def test_article_views() -> None:
    """paragraphs, headings and summary_points filter blocks by kind."""
    a = Article(
        "a",
        "zh",
        "digest",
        blocks=[
            Block("heading", "标题", level=2),
            Block("paragraph", "正文。"),
            Block("point", "速度：很快", heading="速度", marker="1."),
        ],
        extra={"platform": "Medium"},
    )
    assert a.headings == ("标题",)
    assert a.paragraphs == ("正文。",)
    assert [p.body for p in a.summary_points] == ["很快"]
    assert a.get("platform") == "Medium"
    assert a.get("missing") is None


def test_article_slice_refuses_other_documents() -> None:
    """Slicing an article with a span of another document is an error."""
    with pytest.raises(InvalidValueError):
        Article("a", "en", "news").slice(Span("b", 0, 0))


def test_bead_refuses_empty_and_gaps() -> None:
    """A bead needs an index and consecutive indices on each side."""
    with pytest.raises(InvalidValueError):
        Bead((), ())
    with pytest.raises(InvalidValueError, match="consecutive"):
        Bead((0, 2), (0,))


@given(ais.alignments())
def test_alignment_pairs_follow_beads(alignment: Alignment) -> None:
    """pairs() yields the segment texts of each bead in order."""
    pairs = list(alignment.pairs())
    assert len(pairs) == len(alignment)
    for bead, (src, tgt) in zip(alignment, pairs, strict=True):
        assert src == tuple(alignment.source_segments[i] for i in bead.source)
        assert tgt == tuple(alignment.target_segments[i] for i in bead.target)


def test_corpus_refuses_duplicate_ids() -> None:
    """Two articles with one id cannot share a corpus."""
    a = Article("a", "en", "news")
    with pytest.raises(InvalidValueError, match="unique"):
        Corpus([Source("s1", "x", articles=[a]), Source("s2", "x", articles=[a])])


@given(ais.corpora())
def test_corpus_lookup(corpus: Corpus) -> None:
    """Every article of every source can be looked up by id."""
    for source in corpus.sources:
        for article in source.articles:
            assert corpus[article.id] is article
    assert len(corpus) == sum(len(s.articles) for s in corpus.sources)


@given(st.one_of(ais.articles(), ais.sources(), ais.quotes(), ais.corpora()))
def test_models_are_hashable_and_picklable(obj: object) -> None:
    """Model values hash and survive pickling (for process pools)."""
    hash(obj)
    assert pickle.loads(pickle.dumps(obj)) == obj


def test_person_names() -> None:
    """Names lists the canonical name first."""
    p = Person("Tamsin Okafor", aliases=["Okafor", "塔姆辛·奥卡福"])
    assert p.names == ("Tamsin Okafor", "Okafor", "塔姆辛·奥卡福")


@given(ais.blocks())
def test_trusted_construction_equals_the_validated_one(block: Block) -> None:
    """Blocks and spans built by the readers' trusted path equal validated ones and validate."""
    from aistress.model._document import trusted_block, trusted_span

    span = block.span
    if span is not None:
        fast_span = trusted_span(span.doc, span.start, span.end)
        assert fast_span == span
        assert hash(fast_span) == hash(span)
        assert repr(fast_span) == repr(span)
        attrs.validate(fast_span)
    fields = (block.text, block.level, block.heading, block.marker, block.language, span)
    fast = trusted_block(block.kind, *fields)
    assert fast == block
    assert hash(fast) == hash(block)
    assert repr(fast) == repr(block)
    attrs.validate(fast)
    assert pickle.loads(pickle.dumps(fast)) == block
    assert Block(block.kind, *fields) == fast  # the public constructor still validates


@given(st.lists(ais.blocks(), max_size=8))
def test_bulk_trusted_construction_equals_one_by_one(blocks: list[Block]) -> None:
    """Blocks, spans and beads made in bulk equal the same records made one at a time."""
    from aistress.model._document import trusted_block, trusted_blocks, trusted_span, trusted_spans

    plain = [Block(b.kind, b.text, span=b.span) for b in blocks]
    bulk = trusted_blocks([b.kind for b in plain], [b.text for b in plain], [b.span for b in plain])
    assert bulk == [trusted_block(b.kind, b.text, span=b.span) for b in plain] == plain
    assert [repr(b) for b in bulk] == [repr(b) for b in plain]
    spans = [b.span for b in plain if b.span is not None]
    made = trusted_spans("d", [s.start for s in spans], [s.end for s in spans])
    assert made == [trusted_span("d", s.start, s.end) for s in spans]
    sides = [((i,), (i,) if i % 2 else (), float(i)) for i in range(len(blocks))]
    beads = Bead.unchecked_many(*zip(*sides, strict=True)) if sides else []
    assert beads == [Bead(*side) for side in sides]


@given(st.lists(st.text(max_size=6), max_size=6))
def test_article_text_and_offsets_made_on_first_use(texts: list[str]) -> None:
    """An article's text and block spans, made when first asked, are the blocks joined."""
    blocks = [Block("paragraph", t) for t in texts]
    fresh = Article("a1", "en", "news", blocks=blocks)
    copied = pickle.loads(pickle.dumps(fresh))  # pickled before either was made
    assert fresh.text == copied.text == "\n\n".join(texts)
    starts = [sum(len(t) + 2 for t in texts[:k]) for k in range(len(texts))]
    expected = [Span("a1", a, a + len(t)) for a, t in zip(starts, texts, strict=True)]
    assert [copied.block_span(k) for k in range(len(texts))] == expected
    assert pickle.loads(pickle.dumps(copied)) == fresh
