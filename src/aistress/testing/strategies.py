"""Hypothesis strategies for every aistress model class.

Use them to test code that consumes aistress objects::

    from hypothesis import given
    from aistress.testing import strategies as st_ai

    @given(st_ai.articles())
    def test_my_analysis_never_fails(article):
        my_analysis(article)

Text strategies mix English, Chinese, full-width punctuation and emoji, since
that is what the corpus holds. Every strategy yields objects that pass the
model's validators; compose them freely. Requires the ``tests`` extra
(``pip install aistress[tests]``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar, cast

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "aistress.testing.strategies needs Hypothesis: pip install 'aistress[tests]'"
    ) from exc

from aistress import model
from aistress.model._corpus import POLARITIES

__all__ = [
    "alignments",
    "article_records",
    "articles",
    "beads",
    "blocks",
    "boilerplates",
    "comparisons",
    "corpora",
    "discrepancies",
    "field_spans",
    "identifiers",
    "issues",
    "languages",
    "partial_dates",
    "people",
    "person_links",
    "provenances",
    "quotes",
    "read_failures",
    "relations",
    "remedies",
    "sources",
    "spans",
    "stressors",
    "texts",
    "translations",
    "words",
]

_LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_HAN = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动"
    "同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
    "二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日"
    "那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变"
    "条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总"
    "次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指"
    "几九区强放决西被干做必战先回则任取据处理府研"
)
_PUNCT = " ,.;:!?'\"-—…“”‘’（）()，。；：！？、《》「」【】%$#@&*+/\\[]\n\t"
_EMOJI = "🥱🚀💔💡😀🙂🔥✨🤖📈"

#: One alphabet the text strategies draw from: Latin, Han, punctuation, emoji.
ALPHABET = _LATIN + _HAN + _PUNCT + _EMOJI

_Factory = TypeVar("_Factory", bound=Callable[..., Any])


def _built_once(factory: _Factory) -> _Factory:
    """Build a factory's strategy once per arguments and hand out that one object.

    Strategies are immutable, and Hypothesis validates a new strategy object
    when it is first drawn from: a factory called inside a composite strategy
    would otherwise pay for that on every example.
    """
    return cast(_Factory, functools.cache(factory))


@_built_once
def texts(*, min_size: int = 0, max_size: int = 80) -> st.SearchStrategy[str]:
    """Strings of English, Chinese, punctuation, whitespace and emoji."""
    return st.one_of(
        st.text(alphabet=ALPHABET, min_size=min_size, max_size=max_size),
        st.text(min_size=min_size, max_size=max_size),  # any code point, for good measure
    )


@_built_once
def words(*, max_size: int = 20) -> st.SearchStrategy[str]:
    """Non-empty, non-blank single-line strings (names, titles, tags)."""
    return st.text(alphabet=_LATIN + _HAN + _EMOJI + " ·-.'", min_size=1, max_size=max_size).filter(
        lambda s: not s.isspace()
    )


@_built_once
def identifiers() -> st.SearchStrategy[str]:
    """Ids such as ``000_827c96b5#en``."""
    return st.from_regex(r"[a-z0-9][a-z0-9_\-#.]{0,15}", fullmatch=True)


@_built_once
def languages() -> st.SearchStrategy[str]:
    """BCP-47 language tags of the kinds the corpus uses."""
    return st.sampled_from(["en", "zh", "zh-CN", "zh-Hans", "zh-TW", "en-GB", "ja", "yue"])


@_built_once
def spans(doc: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[model.Span]:
    """Valid spans (start <= end)."""
    return st.builds(
        lambda d, a, b: model.Span(d, min(a, b), max(a, b)),
        doc if doc is not None else identifiers(),
        st.integers(0, 10**6),
        st.integers(0, 10**6),
    )


@_built_once
def partial_dates() -> st.SearchStrategy[model.PartialDate]:
    """Dates with any valid combination of known parts, including ``--MM-DD``."""
    return _partial_dates()


@st.composite
def _partial_dates(draw: st.DrawFn) -> model.PartialDate:
    year = draw(_optional(_integers(1, 9999)))
    month = draw(_integers(1, 12) if year is None else _optional(_integers(1, 12)))
    day = None
    if month is not None and draw(st.booleans()):
        import calendar

        days = 29 if (year is None and month == 2) else calendar.monthrange(year or 2001, month)[1]
        day = draw(st.integers(1, days))
    return model.PartialDate(year, month, day)


@_built_once
def blocks(doc: str | None = None) -> st.SearchStrategy[model.Block]:
    """Blocks of every kind, some with a heading prefix, marker or span."""
    return _blocks(_optional(spans(st.just(doc) if doc else None)))


@st.composite
def _blocks(draw: st.DrawFn, block_spans: st.SearchStrategy[model.Span | None]) -> model.Block:
    kind = draw(_sampled(tuple(model.BlockKind)))
    text = draw(texts())
    heading = None
    if text and draw(st.booleans()):
        heading = text[: draw(st.integers(0, len(text)))]
    return model.Block(
        kind=kind,
        text=text,
        level=draw(_integers(0, 6)),
        heading=heading,
        marker=draw(_optional(_sampled(("1.", "2)", "-", "•", "🥱", "💡")))),
        language=draw(_optional(languages())),
        span=draw(block_spans),
    )


@_built_once
def field_spans() -> st.SearchStrategy[model.FieldSpan]:
    """Metadata field locations."""
    return st.builds(
        model.FieldSpan,
        st.sampled_from(["title", "subtitle", "published", "outlet", "author", "tags", "url"]),
        spans(),
    )


@_built_once
def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


@_built_once
def _sampled(values: tuple[Any, ...]) -> st.SearchStrategy[Any]:
    return st.sampled_from(values)


@_built_once
def _integers(low: int, high: int | None) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@_built_once
def _format_ids() -> st.SearchStrategy[str]:
    return st.sampled_from(["aggregator", "translation", "syndication", "interleaved", "digest"])


@_built_once
def _paths() -> st.SearchStrategy[str]:
    return st.from_regex(r"[a-z0-9_/]{1,20}\.txt", fullmatch=True)


@_built_once
def provenances() -> st.SearchStrategy[model.Provenance]:
    """Provenance records."""
    return st.builds(
        model.Provenance,
        format=_format_ids(),
        source=identifiers(),
        path=_optional(_paths()),
        encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]),
        fields=st.lists(field_spans(), max_size=4),
    )


@_built_once
def articles(*, max_blocks: int = 6) -> st.SearchStrategy[model.Article]:
    """Articles with random metadata and blocks."""
    return _articles(st.lists(blocks(), max_size=max_blocks))


_URLS = r"https://[a-z]{1,10}\.example/[a-z0-9\-]{0,20}"


@_built_once
def _urls() -> st.SearchStrategy[str]:
    return st.from_regex(_URLS, fullmatch=True)


@_built_once
def _extra_keys() -> st.SearchStrategy[list[str]]:
    return st.lists(words(max_size=8), max_size=3, unique=True)


@_built_once
def _tags() -> st.SearchStrategy[list[str]]:
    return st.lists(words(max_size=10), max_size=5)


@st.composite
def _articles(draw: st.DrawFn, block_lists: st.SearchStrategy[list[model.Block]]) -> model.Article:
    keys = draw(_extra_keys())
    return model.Article(
        id=draw(identifiers()),
        language=draw(languages()),
        kind=draw(_sampled(tuple(model.ArticleKind))),
        title=draw(_optional(words(max_size=40))),
        subtitle=draw(_optional(words(max_size=40))),
        outlet=draw(_optional(words())),
        author=draw(_optional(words())),
        editor=draw(_optional(words())),
        published=draw(_optional(partial_dates())),
        url=draw(_optional(_urls())),
        tags=draw(_tags()),
        blocks=draw(block_lists),
        extra=[(k, draw(texts(max_size=20))) for k in keys],
        provenance=draw(_optional(provenances())),
    )


@_built_once
def boilerplates() -> st.SearchStrategy[model.Boilerplate]:
    """Recorded boilerplate items."""
    return st.builds(
        model.Boilerplate,
        kind=st.sampled_from(
            ["template", "promotion", "related", "copyright", "image", "artefact"]
        ),
        text=texts(),
        span=_optional(spans()),
    )


@_built_once
def issues() -> st.SearchStrategy[model.Issue]:
    """Reader warnings."""
    return st.builds(
        model.Issue,
        code=st.sampled_from(["missing-header", "missing-footer", "decoded-gb18030", "odd-line"]),
        message=texts(max_size=40),
        line=_optional(st.integers(1, 10**5)),
    )


@_built_once
def beads() -> st.SearchStrategy[model.Bead]:
    """Beads of the types an alignment uses (0-1 up to 4-1 and 1-4)."""
    return _beads(st.floats(-1e6, 1e6, allow_nan=False))


@st.composite
def _beads(draw: st.DrawFn, scores: st.SearchStrategy[float]) -> model.Bead:
    n = draw(_integers(0, 4))
    m = draw(_integers(0 if n else 1, 4 if n <= 1 else 1 if n > 2 else 2))
    s0 = draw(_integers(0, 1000))
    t0 = draw(_integers(0, 1000))
    return model.Bead(tuple(range(s0, s0 + n)), tuple(range(t0, t0 + m)), draw(scores))


@_built_once
def alignments() -> st.SearchStrategy[model.Alignment]:
    """Monotone alignments that cover their segment lists exactly once."""
    return _alignments(st.lists(texts(max_size=20), max_size=8), st.floats(0, 1))


@st.composite
def _alignments(
    draw: st.DrawFn, segments: st.SearchStrategy[list[str]], scores: st.SearchStrategy[float]
) -> model.Alignment:
    source = draw(segments)
    target = draw(segments)
    out: list[model.Bead] = []
    i = j = 0
    while i < len(source) or j < len(target):
        n = draw(_integers(0, min(4, len(source) - i)))
        m = draw(_integers(0, min(4 if n <= 1 else 1, len(target) - j)))
        if n == 0 and m == 0:
            n, m = (1, 0) if i < len(source) else (0, 1)
        out.append(model.Bead(tuple(range(i, i + n)), tuple(range(j, j + m)), draw(scores)))
        i, j = i + n, j + m
    return model.Alignment(
        beads=out,
        unit=draw(_sampled(("sentence", "paragraph", "line"))),
        source_segments=source,
        target_segments=target,
    )


@_built_once
def translations() -> st.SearchStrategy[model.Translation]:
    """Translations, with or without an alignment."""
    return st.builds(
        model.Translation,
        source=identifiers(),
        target=identifiers(),
        source_language=languages(),
        target_language=languages(),
        alignment=_optional(alignments()),
    )


@_built_once
def relations() -> st.SearchStrategy[model.Relation]:
    """Relations of every kind."""
    return st.builds(
        model.Relation,
        kind=st.sampled_from(list(model.RelationKind)),
        subject=identifiers(),
        target=identifiers(),
        method=st.sampled_from(["reader", "alignment", "metadata"]),
        score=_optional(st.floats(0, 1)),
    )


@_built_once
def person_links() -> st.SearchStrategy[model.PersonLink]:
    """How an alias was linked to a person."""
    return st.builds(
        model.PersonLink,
        alias=words(),
        method=st.sampled_from(["name-rule", "alignment", "transliteration", "pronoun"]),
        evidence=_optional(spans()),
    )


@_built_once
def people() -> st.SearchStrategy[model.Person]:
    """People with names and aliases in any script."""
    return st.builds(
        model.Person,
        name=words(),
        aliases=st.lists(words(), max_size=3),
        role=_optional(words()),
        affiliation=_optional(words()),
        links=st.lists(person_links(), max_size=2),
    )


@_built_once
def quotes() -> st.SearchStrategy[model.Quote]:
    """Quotes, attributed or not."""
    return st.builds(
        model.Quote,
        text=texts(),
        language=languages(),
        spans=st.lists(spans(), max_size=2),
        speaker=_optional(people()),
        cue=_optional(st.sampled_from(["said", "told", "说", "表示", "指出"])),
        anonymous=st.booleans(),
        partial=st.booleans(),
        kind=st.sampled_from(list(model.QuoteKind)),
        description=_optional(words()),
        utterance=_optional(st.integers(0, 100)),
        original=_optional(spans()),
    )


def _tag_fields() -> dict[str, st.SearchStrategy[Any]]:
    return {
        "category": st.sampled_from(
            ["pace", "competition", "overwork", "counseling", "perspective"]
        ),
        "evidence": st.lists(spans(), max_size=3),
        "rule": st.sampled_from(["", "lexicon:en:pace", "pattern:zh:overwork"]),
        "confidence": st.floats(0, 1),
        "block": _optional(st.integers(0, 50)),
        "polarity": st.sampled_from(POLARITIES),
        "cue": _optional(spans()),
    }


@_built_once
def stressors() -> st.SearchStrategy[model.Stressor]:
    """Stressor tags."""
    return st.builds(model.Stressor, raised_by=_optional(people()), **_tag_fields())


@_built_once
def remedies() -> st.SearchStrategy[model.Remedy]:
    """Remedy tags."""
    return st.builds(model.Remedy, proposed_by=_optional(people()), **_tag_fields())


@_built_once
def discrepancies() -> st.SearchStrategy[model.Discrepancy]:
    """Discrepancies of every kind."""
    return st.builds(
        model.Discrepancy,
        kind=st.sampled_from(model.DiscrepancyKind),
        explanation=texts(max_size=60),
        source=st.lists(spans(), max_size=2),
        derived=st.lists(spans(), max_size=2),
        score=st.floats(0, 1),
        source_phrase=texts(max_size=30),
        derived_phrase=texts(max_size=30),
    )


@_built_once
def comparisons() -> st.SearchStrategy[model.Comparison]:
    """Comparisons of a derived text with its source."""
    ids = st.lists(st.sampled_from(["pace", "overwork", "counseling", "churn"]), unique=True)
    return st.builds(
        model.Comparison,
        source=identifiers(),
        derived=identifiers(),
        relation=_optional(st.sampled_from(list(model.RelationKind))),
        alignment=_optional(alignments()),
        coverage=st.floats(0, 1),
        categories_kept=ids,
        categories_dropped=ids,
        categories_added=ids,
        quotes_kept=st.lists(st.tuples(quotes(), quotes()), max_size=2),
        quotes_dropped=st.lists(quotes(), max_size=2),
        discrepancies=st.lists(discrepancies(), max_size=3),
    )


@_built_once
def sources() -> st.SearchStrategy[model.Source]:
    """Sources holding articles with distinct ids."""
    return st.builds(
        model.Source,
        id=identifiers(),
        format=_format_ids(),
        articles=st.lists(articles(max_blocks=3), max_size=3, unique_by=lambda a: a.id),
        translations=st.lists(translations(), max_size=2),
        relations=st.lists(relations(), max_size=2),
        boilerplate=st.lists(boilerplates(), max_size=3),
        warnings=st.lists(issues(), max_size=2),
        path=_optional(_paths()),
        encoding=st.sampled_from(["utf-8", "gb18030"]),
    )


@_built_once
def article_records() -> st.SearchStrategy[model.ArticleRecord]:
    """Pipeline records: an article with its quotes and tags."""
    return st.builds(
        model.ArticleRecord,
        article=articles(max_blocks=3),
        source=identifiers(),
        format=st.sampled_from(["aggregator", "digest"]),
        path=_optional(_paths()),
        quotes=st.lists(quotes(), max_size=2),
        stressors=st.lists(stressors(), max_size=2),
        remedies=st.lists(remedies(), max_size=2),
        relations=st.lists(relations(), max_size=2),
    )


@_built_once
def read_failures() -> st.SearchStrategy[model.ReadFailure]:
    """Records of inputs that failed to read."""
    return st.builds(
        model.ReadFailure,
        path=words(),
        reason=texts(max_size=40),
        line=st.integers(0, 1000),
        column=st.integers(0, 200),
        error=st.sampled_from(["ParseError", "UnknownFormatError"]),
    )


@_built_once
def corpora() -> st.SearchStrategy[model.Corpus]:
    """Corpora whose article ids are unique across sources."""
    return _corpora(
        st.lists(sources(), max_size=3),
        st.lists(relations(), max_size=2),
        st.lists(read_failures(), max_size=2),
    )


@st.composite
def _corpora(
    draw: st.DrawFn,
    source_lists: st.SearchStrategy[list[model.Source]],
    relation_lists: st.SearchStrategy[list[model.Relation]],
    failure_lists: st.SearchStrategy[list[model.ReadFailure]],
) -> model.Corpus:
    found = draw(source_lists)
    seen: set[str] = set()
    kept = []
    for source in found:
        ids = {a.id for a in source.articles}
        if ids & seen:
            continue
        seen |= ids
        kept.append(source)
    return model.Corpus(
        sources=kept,
        relations=draw(relation_lists),
        failures=draw(failure_lists),
    )
