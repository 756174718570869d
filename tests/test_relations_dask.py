"""The Dask relation job finds exactly what the single-process discovery finds.

The corpora are generated here from our own templates and invented names:
stories told in English, translated (labelled or not), summarised,
rewritten, digested and copied by many outlets, bundled into files with
stated relations or spread one article per file.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.model import Article, Block, Corpus, Relation, RelationKind, Source
from aistress.relations import _candidate_pairs, discover_relations
from aistress.relations.distributed import article_key, discover_relations_dask, link_bag

pytest.importorskip("dask.bag")

_LABS = ("Velmora", "Quandry", "Ostrel", "Tamsik", "Corvane", "Bellith")
_PEOPLE = ("Ada Merrow", "Lio Brant", "Suvi Kallin", "Tomas Reyk", "Ines Varro")
_PROJECTS = ("Quill", "Harrow", "Lumen", "Sable")
_VARIANTS = ("translation", "unlabelled", "summary", "rewrite", "copy", "digest", "cited")
_SWAPS = ("staff", "teams", "crews", "people")


def _facts(story: int, seed: int) -> dict[str, Any]:
    return {
        "lab": f"{_LABS[story % len(_LABS)]} Labs",
        "person": _PEOPLE[(story + seed) % len(_PEOPLE)],
        "project": _PROJECTS[story % len(_PROJECTS)],
        "staff": 120 + 37 * story + seed,
        "hours": 60 + 7 * story,
        "pct": 20 + 3 * story + seed % 5,
        "year": 2015 + story,
        "money": 12 + 5 * story,
    }


def _english(f: dict[str, Any]) -> list[str]:
    return [
        f"{f['lab']} asked its {f['staff']} engineers to work {f['hours']} hours a week "
        f"in {f['year']}.",
        f"{f['person']}, a researcher at {f['lab']}, said {f['pct']}% of the team felt "
        "burned out before the deadline.",
        f"The company raised ${f['money']} million after the {f['project']} launch, and "
        "hired no one to share the load.",
    ]


def _chinese(f: dict[str, Any]) -> list[str]:
    return [
        f"{f['year']} 年，{f['lab']} 要求 {f['staff']} 名工程师每周工作 {f['hours']} 小时。",
        f"{f['lab']} 的研究员 {f['person']} 说，截止日期前团队中 {f['pct']}% 的人感到倦怠。",
        f"{f['project']} 发布后，公司融资 {f['money'] * 100} 万美元，却没有招人分担工作。",
    ]


def _article(ident: str, language: str, kind: str, paragraphs: list[str], **meta: Any) -> Article:
    return Article(
        ident, language, kind, blocks=[Block("paragraph", p) for p in paragraphs], **meta
    )


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """A small corpus of stories and what outlets made of them."""
    sources: list[Source] = []
    stories = draw(st.integers(1, 3))
    for story in range(stories):
        seed = draw(st.integers(0, 9))
        f = _facts(story, seed)
        title = f"Long weeks at {f['lab']} ({story})"
        url = f"https://news.example/{story}/long-weeks"
        original = _article(f"n{story}", "en", "news", _english(f), title=title, url=url)
        variants = draw(st.lists(st.sampled_from(_VARIANTS), max_size=6))
        bundled: list[Article] = [original]
        stated: list[Relation] = []
        for k, variant in enumerate(variants):
            ident = f"n{story}-{k}"
            if variant == "translation":
                made = _article(ident, "zh", "translation", _chinese(f))
                if draw(st.booleans()):  # stated in the original's own file
                    bundled.append(made)
                    stated.append(Relation("translation_of", ident, original.id))
                    continue
            elif variant == "unlabelled":
                made = _article(ident, "zh", "news", _chinese(f))
            elif variant == "summary":
                language = draw(st.sampled_from(["en", "zh"]))
                text = (_english if language == "en" else _chinese)(f)[:1]
                made = _article(ident, language, "summary", text)
            elif variant == "rewrite":
                paragraphs = _english(f)[::-1]
                paragraphs[0] = paragraphs[0].replace("company", "startup")
                made = _article(ident, "en", "rewrite", paragraphs)
            elif variant == "copy":
                paragraphs = _english(f)
                paragraphs[1] = paragraphs[1].replace("team", draw(st.sampled_from(_SWAPS)))
                made = _article(ident, "en", "news", paragraphs, title=title)
            elif variant == "digest":
                made = _article(
                    ident, "zh", "digest", _chinese(f)[:2], extra={"original_title": title}
                )
            else:
                made = _article(ident, "en", "news", _english(f)[1:], extra={"source_url": url})
            sources.append(Source(f"f{story}-{k}", "aggregator", [made]))
        if draw(st.booleans()):
            stated.append(Relation("summary_of", original.id, "https://elsewhere.example/x"))
        sources.insert(0, Source(f"f{story}", "aggregator", bundled, relations=stated))
    noise = draw(st.integers(0, 2))
    for k in range(noise):
        text = f"The riverside garden planted {k + 3} beds of tulips in April."
        sources.append(Source(f"g{k}", "text", [_article(f"g{k}", "en", "news", [text])]))
    order = draw(st.permutations(range(len(sources))))
    return Corpus(sources=[sources[i] for i in order])


@pytest.mark.heavy
@settings(max_examples=10)
@given(corpus=corpora(), align=st.booleans(), partitions=st.integers(1, 2))
def test_dask_job_equals_single_process(corpus: Corpus, align: bool, partitions: int) -> None:
    """On any generated corpus the Dask job's relations equal discover_relations' exactly."""
    expected = discover_relations(corpus, align=align)
    found = discover_relations_dask(corpus, align=align, partitions=partitions, scheduler="sync")
    assert found == expected


def test_generator_plants_every_relation_kind() -> None:
    """The generated corpora exercise copies, translations, summaries and rewrites."""
    kinds: set[RelationKind] = set()

    @settings(max_examples=30)
    @given(corpus=corpora())
    def collect(corpus: Corpus) -> None:
        kinds.update(r.kind for r in discover_relations(corpus, align=False))

    collect()
    assert {RelationKind.TRANSLATION_OF, RelationKind.SUMMARY_OF} <= kinds
    assert {RelationKind.REWRITE_OF, RelationKind.COPY_OF} <= kinds


def test_near_duplicate_copies_are_grouped_not_paired() -> None:
    """Syndicated copies of one story are copy_of its first copy and add no candidate pairs."""
    db = pytest.importorskip("dask.bag")
    f = _facts(0, 0)
    copies = [
        _article(f"c{k}", "en", "news", [p.replace("team", _SWAPS[k % 4]) for p in _english(f)])
        for k in range(60)
    ]
    summary = _article("s", "en", "summary", _english(f)[:1])
    articles = [*copies, summary]
    entries = db.from_sequence(
        [(article_key(k, 0), a.id, a) for k, a in enumerate(articles)], npartitions=2
    )
    # Every anchor is in every article; a max_df above 1 keeps them all counting.
    found = link_bag(entries, align=False, max_df=2.0, scheduler="sync")
    assert found == discover_relations(articles, align=False, max_df=2.0)
    copies_found = [(r.subject, r.kind, r.target) for r in found if r.subject != "s"]
    assert copies_found == [
        (i, RelationKind.COPY_OF, "c0") for i in sorted(c.id for c in copies[1:])
    ]
    assert [(r.kind, r.target) for r in found if r.subject == "s"] == [
        (RelationKind.SUMMARY_OF, "c0")
    ]
    shared = _candidate_pairs(articles, {a.id: a.id for a in articles}, 2.0).shared
    assert list(shared) == [(0, 60)]  # the copies are paired with nothing


def test_empty_input() -> None:
    """No articles, no relations and no Dask work."""
    assert discover_relations_dask([], scheduler="sync") == ()
