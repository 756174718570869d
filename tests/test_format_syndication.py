"""Tests of the syndicated-rewrite format (aistress.formats.syndication)."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import ParseError
from aistress.formats import read as read_any
from aistress.formats import syndication
from aistress.model import Article, ArticleKind, Block, Boilerplate, Source
from conftest import assert_lossless, read_or_refuse, seed

FIXTURE = Path(__file__).parent / "fixtures" / "formats" / "syndication_matching.txt"


def _text() -> str:
    return seed("002").read_text(encoding="utf-8")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


# --- the seed ---------------------------------------------------------------


def test_seed_is_one_english_rewrite_with_printed_headline_and_dek() -> None:
    """002 yields one English rewrite whose title and subtitle are lines 1 and 2 as printed."""
    text = _text()
    source = syndication.read(text, path=str(seed("002")))
    lines = _lines(text)
    article = source.article
    assert len(source.articles) == 1
    assert (article.language, article.kind) == ("en", ArticleKind.REWRITE)
    assert (article.title, article.subtitle) == (lines[0], lines[1])
    assert article.author == lines[2]
    assert article.id == f"{source.id}#en"


def test_reader_reports_the_headline_without_judging_it() -> None:
    """The reader prints headline and dek as read; relevance is left to aistress.compare."""
    source = syndication.read(_text())
    article = source.article
    assert article.get("headline_relevance") is None
    assert article.get("headline_matches_body") is None
    assert "headline-mismatch" not in [w.code for w in source.warnings]


def test_seed_teasers_record_their_rule_and_prose_is_warned() -> None:
    """The repeated dek opens the teaser list; a teaser ending like a sentence is warned about."""
    source = syndication.read(_text())
    rules = [b.rule for b in source.boilerplate if b.kind == "related"]
    assert rules == ["repeats-headline", "after-repeated-headline", "after-repeated-headline"]
    assert [w.code for w in source.warnings] == ["demoted-prose"]


def test_seed_body_site_year_and_teasers() -> None:
    """The body is the paragraphs between byline and teasers; the copyright gives site and year."""
    text = _text()
    source = syndication.read(text)
    lines = _lines(text)
    article = source.article
    assert article.paragraphs == tuple(lines[3:11])
    assert article.outlet == "Starfolk"
    assert article.get("copyright_year") == "2024"
    related = [b.text for b in source.boilerplate if b.kind == "related"]
    assert related == lines[11:14]
    assert related[0] == article.subtitle
    assert [b.kind for b in source.boilerplate][-1] == "copyright"


# --- teasers only on positive evidence ------------------------------------------


def test_matching_fixture_reads_with_labelled_teasers() -> None:
    """Another site's page: author, outlet, year, four paragraphs and a labelled teaser list."""
    text = FIXTURE.read_text(encoding="utf-8")
    source = read_any(FIXTURE)
    article = source.article
    assert source.format == "syndication"
    assert article.author == "Priya Anandan"
    assert article.outlet == "Northwind Wire"
    assert article.get("copyright_year") == "2023"
    assert len(article.paragraphs) == 4
    kinds = [b.kind for b in source.boilerplate]
    assert kinds == ["byline-label", "related-label", "related", "related", "copyright"]
    assert {b.rule for b in source.boilerplate if b.kind.startswith("related")} == {"label"}
    assert_lossless(text, source, syndication.write)


@pytest.mark.parametrize(
    "closing",
    [
        ["The company declined to comment."],
        ["Some leave the field entirely."],
        ["The lab did not respond.", "Others have already left."],
    ],
)
def test_short_closing_paragraphs_stay_body(closing: list[str]) -> None:
    """Short closing sentences are body: no label, no repeat, no teaser-list shape."""
    body = [
        "Engineers at a lab in Leeds say launches left them exhausted.",
        "One engineer said the weekend shifts were the hardest part of the job.",
    ]
    text = "\n".join(["Leeds lab engineers tired", "Jo Park", *body, *closing, "© 2025 Gull Post."])
    source = syndication.read(text)
    assert source.article.paragraphs[-len(closing) :] == tuple(closing)
    assert not [b for b in source.boilerplate if b.kind == "related"]
    assert "demoted-prose" not in [w.code for w in source.warnings]


def test_a_lone_headline_shaped_closing_line_stays_body() -> None:
    """One line without a full stop at the end is no teaser list."""
    text = "Headline here\nJo Park\nA body paragraph.\nAnother one.\nSee you next week\n© 2025 X."
    source = syndication.read(text)
    assert source.article.paragraphs[-1] == "See you next week"


def test_two_headline_shaped_lines_are_a_teaser_list() -> None:
    """Two closing lines shaped like headlines are teasers, each recording its rule."""
    text = (
        "Headline here\nJo Park\nA body paragraph.\nAnother one.\n"
        "Markets slide as rates rise\nCouncil approves tram line\n© 2025 X."
    )
    source = syndication.read(text)
    related = [b for b in source.boilerplate if b.kind == "related"]
    assert [b.rule for b in related] == ["teaser-list", "teaser-list"]
    assert source.article.paragraphs == ("A body paragraph.", "Another one.")


# --- variants ---------------------------------------------------------------


def test_missing_copyright_is_warned() -> None:
    """Without the copyright line, site and year are unknown and a warning says so."""
    text = _text()
    cut = text[: text.rindex("Copyright")]
    source = syndication.read(cut, source_id="doc")
    assert "missing-footer" in [w.code for w in source.warnings]
    assert source.article.outlet is None
    assert source.article.get("copyright_year") is None
    full = syndication.read(text, source_id="doc")
    assert source.article.blocks == full.article.blocks
    assert_lossless(cut, source)


def test_no_dek_no_byline() -> None:
    """A headline followed directly by the body gives no subtitle and warns of the byline."""
    text = (
        "Labs slow their release pace\n"
        "Three labs said on Monday they will slow releases. Staff welcomed it.\n"
        "The change follows complaints about weekend work. Managers agreed.\n"
    )
    source = syndication.read(text)
    assert source.article.subtitle is None
    assert source.article.author is None
    assert len(source.article.paragraphs) == 2
    assert "missing-byline" in [w.code for w in source.warnings]


def test_byline_without_dek() -> None:
    """A byline straight under the headline is read as the author; there is no subtitle."""
    text = "Labs slow releases\nAda Brown\nLabs slowed releases. Staff agreed.\n"
    article = syndication.read(text).article
    assert (article.subtitle, article.author) == (None, "Ada Brown")


# --- bad input --------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\r\n", "\t \u3000"])
def test_empty_input_is_a_parse_error(text: str) -> None:
    """Empty or whitespace-only text raises ParseError for the input as a whole."""
    with pytest.raises(ParseError) as info:
        syndication.read(text)
    assert (info.value.path, info.value.line, info.value.column) == ("<string>", 0, 0)


@given(
    st.lists(
        st.sampled_from(
            [
                "Headline here",
                "By Ada Brown",
                "Copyright © 2020 Site. All rights reserved.",
                "Body one. Body two.",
                "Related",
                "A teaser without a stop",
                "",
            ]
        )
    )
)
def test_shuffled_parts_always_read_and_account(parts: list[str]) -> None:
    """Syndication-page lines in any order are read, and every character is accounted for."""
    text = "\n".join(parts)
    read_or_refuse(syndication.read, text, refuse_only_blank=True)


def test_writer_needs_a_titled_article() -> None:
    """Writing a source without an article or a title is a ValueError."""
    with pytest.raises(ValueError, match="article"):
        syndication.write(Source("s", "syndication"))
    with pytest.raises(ValueError, match="title"):
        syndication.write(Source("s", "syndication", articles=[Article("a", "en", "rewrite")]))


def test_writer_builds_a_copyright_line_from_outlet_and_year() -> None:
    """Without a copyright item, the line is made from the outlet and the year."""
    article = Article(
        "doc#en",
        "en",
        "rewrite",
        title="Headline",
        outlet="Site",
        extra={"copyright_year": "2022"},
        blocks=[Block("paragraph", "One. Two.")],
    )
    text = syndication.write(Source("doc", "syndication", articles=[article]))
    assert text.endswith("Copyright © 2022 Site. All rights reserved.\n")
    again = syndication.read(text).article
    assert (again.outlet, again.get("copyright_year")) == ("Site", "2022")


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
_WORDS = _VOCABULARY.split()
_NAMES = ["Ada Brown", "Priya Anandan", "Tomas de la Cruz", "Li Wei"]


@functools.cache
def _sentence(end: str = ".") -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(_WORDS), min_size=3, max_size=10).map(
        lambda ws: " ".join([ws[0].capitalize(), *ws[1:]]) + end
    )


# Strategies are built once here, not inside the composite: Hypothesis validates
# every new strategy object, which cost more than reading the pages.
_SUBTITLES = st.none() | _sentence("")
_AUTHORS = st.none() | st.sampled_from(_NAMES)
_PARAGRAPHS = st.lists(st.lists(_sentence(), min_size=2, max_size=4).map(" ".join), min_size=1)
_TEASERS = st.lists(_sentence(""), max_size=3)
_OUTLETS = st.none() | st.sampled_from(["Starwire", "Example.com", "North Post"])


@st.composite
def syndication_pages(draw: st.DrawFn) -> Source:
    """Content for a syndicated page (no spans): paragraphs of two or more sentences."""
    title = draw(_sentence(""))
    subtitle = draw(_SUBTITLES)
    author = draw(_AUTHORS)
    boilerplate = []
    if author is not None and draw(st.booleans()):
        boilerplate.append(Boilerplate("byline-label", "By"))
    paragraphs = draw(_PARAGRAPHS)
    labelled = draw(st.booleans())
    if labelled:
        boilerplate.append(Boilerplate("related-label", "Related"))
    teasers = draw(_TEASERS)
    if subtitle is not None and draw(st.booleans()):
        teasers.insert(0, subtitle)
    elif not labelled and len(teasers) == 1:
        teasers = []  # one unlabelled headline-shaped line is body, not a teaser list
    boilerplate += [Boilerplate("related", t) for t in teasers]
    outlet = draw(_OUTLETS)
    extra = {}
    if outlet is not None:
        extra["copyright_year"] = str(draw(st.integers(1990, 2030)))
    article = Article(
        "doc#en",
        "en",
        "rewrite",
        title=title,
        subtitle=subtitle,
        author=author,
        outlet=outlet,
        extra=extra,
        blocks=[Block("paragraph", p) for p in paragraphs],
    )
    return Source("doc", "syndication", articles=[article], boilerplate=boilerplate)


@given(syndication_pages())
def test_read_write_round_trip(content: Source) -> None:
    """For x = read(write(content)), write(x) is the same text and read(write(x)) == x."""
    text = syndication.write(content)
    x = syndication.read(text, source_id="doc")
    assert syndication.write(x) == text
    assert syndication.read(syndication.write(x), source_id="doc") == x
    assert_lossless(text, x)
    assert x.article.paragraphs == content.article.paragraphs
    assert (x.article.title, x.article.subtitle, x.article.author) == (
        content.article.title,
        content.article.subtitle,
        content.article.author,
    )
