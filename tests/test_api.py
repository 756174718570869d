"""The documented way in for a new user: read a file or a string, pick an article, analyse it."""

from __future__ import annotations

from pathlib import Path

import pytest

import aistress
from aistress.errors import AistressError, InvalidValueError, ParseError
from aistress.model import Article, Block, Source, one_article, short_id
from aistress.sample import sample_paths


def _source(*ids: str) -> Source:
    articles = [Article(i, "en", "news", blocks=[Block("paragraph", "Stress is up.")]) for i in ids]
    return Source("s", "html", articles=articles)


def test_read_names_a_missing_path() -> None:
    """A string shaped like a file name that names nothing raises an AistressError naming it."""
    for name in ("missing.txt", "notes/article.md", "C:/no/such.html"):
        with pytest.raises(ParseError, match="no such file") as info:
            aistress.read(name)
        assert info.value.path == name
        assert str(info.value).startswith(f"{name}: ")
        assert "read_text" in str(info.value)


def test_read_of_a_folder_points_at_read_corpus(tmp_path: Path) -> None:
    """Reading a folder with read() says so and names read_corpus."""
    with pytest.raises(AistressError, match="read_corpus"):
        aistress.read(str(tmp_path))


def test_read_text_reads_any_string_as_a_document() -> None:
    """read_text never takes a string for a file name: one word is a document, not a path."""
    source = aistress.read_text("missing.txt")
    assert "missing.txt" in source.article.text


def test_read_of_an_existing_path_string() -> None:
    """A string naming an existing file reads that file, as a Path does."""
    path = sample_paths()[0]
    assert aistress.read(str(path)) == aistress.read(path)


def test_source_is_indexed_by_article_id_and_short_id() -> None:
    """Source[id] and Source[short id] give the article; iteration and len follow the articles."""
    source = _source("s#en", "s#zh")
    assert source["s#zh"] is source.articles[1]
    assert source["zh"] is source.articles[1]
    assert [a.id for a in source] == ["s#en", "s#zh"]
    assert len(source) == 2
    assert "zh" in source
    assert "s#en" in source
    assert "fr" not in source
    with pytest.raises(KeyError, match="its articles: s#en, s#zh"):
        source["fr"]


def test_short_ids() -> None:
    """The short id is the part after the last '#'."""
    assert short_id("a#b#c") == "c"
    assert short_id("plain") == "plain"
    assert short_id("x#") == "x#"


def test_one_article_accepts_an_article_or_a_one_article_source() -> None:
    """An Article is itself; a one-article Source gives it; several ask for a choice by id."""
    single = _source("s#en")
    assert one_article(single, "tag") is single.article
    assert one_article(single.article, "tag") is single.article
    with pytest.raises(InvalidValueError, match=r"source\['s#zh'\] or source\['zh'\]"):
        one_article(_source("s#en", "s#zh"), "compare")
    with pytest.raises(InvalidValueError, match="holds none"):
        one_article(_source(), "compare")
    with pytest.raises(TypeError):
        one_article("text", "tag")  # type: ignore[arg-type]


def test_analysis_functions_take_what_read_returns() -> None:
    """compare, tag and extract_quotes accept a one-article Source as they accept its article."""
    source = _source("s#en")
    assert aistress.tag(source) == aistress.tag(source.article)
    assert aistress.extract_quotes(source) == aistress.extract_quotes(source.article)
    assert aistress.compare(source, source) == aistress.compare(source.article, source.article)
    with pytest.raises(AistressError, match="needs one Article"):
        aistress.compare(_source("s#en", "s#zh"), source)
