"""Totality of the analysis functions: any text in, a result or an AistressError out.

Like the readers' totality properties: quotes, tags, alignment, comparison,
relation discovery, numbers and sentences are fed text built from the
characters that trouble them (quote marks of every script, apostrophes, Han,
digits and hedges, Markdown, brackets, controls, lone surrogates) and from
the adversarial generators of :mod:`aistress.testing.hostile`. Sizes are kept
small and the examples bounded, so the whole file stays cheap in CI.
"""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress import AistressError, align, compare, discover_relations, extract_quotes, tag
from aistress.model import Article, Block
from aistress.testing.hostile import TEXTS, article, near_duplicates
from aistress.text.numbers import extract_numbers
from aistress.text.sentences import sentences

#: At most this many examples per property whatever the profile.
BOUNDED = settings(max_examples=min(settings().max_examples, 30), deadline=None)

TROUBLE = (
    "\"'`“”‘’「」『』《》〈〉«»‹›()[]{}<>"  # quote marks and brackets
    "。，、！？；：…—–-.,!?;:"  # punctuation of both scripts
    "压力研究模型近约数几亿万千百十年月日说表示认为"  # Han, hedges, cue words
    "0123456789.%$¥€"  # numbers and units
    "aAsaidtoldSheHe I'm n't "  # Latin cue words and contractions
    "#*_>~|\\"  # Markdown
    "\n\t\r \u3000\u00a0\u200b\ufeff\x00\x1f"  # spaces and controls
    "\ud800\udfff"  # lone surrogates
)

hostile_text = st.one_of(
    st.text(alphabet=TROUBLE, max_size=200),
    st.text(max_size=120),
    st.builds(
        lambda name, n: TEXTS[name](n),
        st.sampled_from(sorted(TEXTS)),
        st.integers(min_value=1, max_value=400),
    ),
)
languages = st.sampled_from(["en", "zh"])


def total(function: object, *args: object, **kwargs: object) -> None:
    """Call ``function``; only an AistressError may escape."""
    with contextlib.suppress(AistressError):
        function(*args, **kwargs)  # type: ignore[operator]


def safe_article(text: str, language: str, **kwargs: str) -> Article | None:
    """The article of ``text``, or None when the model refuses the text itself."""
    try:
        return article(text, language, **kwargs)
    except AistressError:
        return None


@BOUNDED
@given(hostile_text, languages)
def test_extract_quotes_is_total(text: str, language: str) -> None:
    """extract_quotes returns quotes or raises AistressError on any text."""
    a = safe_article(text, language)
    if a is not None:
        total(extract_quotes, a, include_scare=True)


@BOUNDED
@given(hostile_text, languages)
def test_tag_is_total(text: str, language: str) -> None:
    """Tag returns tags or raises AistressError on any text."""
    a = safe_article(text, language)
    if a is not None:
        total(tag, a)


@BOUNDED
@given(hostile_text, hostile_text, st.sampled_from(["sentence", "paragraph"]))
def test_align_is_total(source: str, target: str, unit: str) -> None:
    """Align returns an alignment or raises AistressError on any pair of texts."""
    total(align, source, target, unit=unit, source_language="en", target_language="zh")


@BOUNDED
@given(hostile_text, hostile_text, languages)
def test_compare_is_total(source: str, derived: str, language: str) -> None:
    """Compare returns a comparison or raises AistressError on any pair of articles."""
    a = safe_article(source, "en", id="s")
    b = safe_article(derived, language, id="d", kind="rewrite")
    if a is not None and b is not None:
        total(compare, a, b)


@BOUNDED
@given(st.lists(st.tuples(hostile_text, languages), min_size=1, max_size=5), st.booleans())
def test_discover_relations_is_total(texts: list[tuple[str, str]], aligned: bool) -> None:
    """discover_relations returns relations or raises AistressError on any articles."""
    articles = [
        a
        for k, (text, language) in enumerate(texts)
        if (a := safe_article(text, language, id=f"a{k}", kind=("news", "rewrite")[k % 2]))
    ]
    total(discover_relations, articles, align=aligned)


@BOUNDED
@given(hostile_text, languages)
def test_numbers_and_sentences_are_total(text: str, language: str) -> None:
    """extract_numbers and sentences give results (spans inside the text) on any text."""
    try:
        spans = sentences(text, language)
        quantities = extract_numbers(text, language)
    except AistressError:
        return
    assert all(0 <= s <= e <= len(text) for s, e in spans)
    assert all(text[q.start : q.end] == q.text for q in quantities)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_hostile_input_is_answered(name: str) -> None:
    """Every adversarial generator at a small size gets an answer from every analysis."""
    text = TEXTS[name](2_000)
    for language in ("en", "zh"):
        a = article(text, language)
        total(extract_quotes, a)
        total(tag, a)
        total(compare, a, article(text[:1_000], language, id="d", kind="summary"))
    total(align, text, text[::-1], source_language="en", target_language="zh")


def test_near_duplicate_corpus_is_answered() -> None:
    """A small corpus of copies gets relations, aligned or not."""
    corpus = near_duplicates(30)
    assert discover_relations(corpus, align=False)
    total(discover_relations, corpus[:10], align=True)


def test_block_of_controls_is_answered() -> None:
    """An article whose only block is control characters is still analysed."""
    a = Article("c", "zh", "news", blocks=[Block("paragraph", "\x00\x01\u200b")])
    total(extract_quotes, a)
    total(tag, a)
