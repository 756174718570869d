"""Tests of relation discovery across files (on texts written for these tests)."""

from __future__ import annotations

import pytest

from aistress import relations
from aistress.io.json import from_json, to_json
from aistress.model import Article, Block, Corpus, Relation, RelationKind, Source
from aistress.relations import (
    MAX_CANDIDATES,
    _candidate_pairs,
    _duplicate_groups,
    _too_common,
    anchors,
    discover_relations,
    link_corpus,
)
from aistress.relations.copies import MAX_HEADS, Shingled, bucket_edges
from aistress.testing.hostile import near_duplicates

EN = Article(
    "post#en",
    "en",
    "blog",
    title="Ninety Hours at Orion Labs",
    url="https://blog.example/ninety-hours",
    blocks=[
        Block(
            "paragraph",
            "Orion Labs shipped 14 models in 2023 and its chatbot Quill reached 45m users.",
        ),
        Block("paragraph", "Engineers at Orion Labs worked 90 hours a week; some worked 110."),
        Block("paragraph", "Investors valued the company at $12 billion after the Quill launch."),
        Block("paragraph", "Mira Tan, a researcher there, said the pace left no time to think."),
    ],
)
ZH = Article(
    "post#zh",
    "zh",
    "translation",
    blocks=[
        Block(
            "paragraph",
            "Orion Labs 在 2023 年发布了 14 个模型，其聊天机器人 Quill 用户达到 4500 万。",
        ),
        Block("paragraph", "Orion Labs 的工程师每周工作 90 小时，有些人工作 110 小时。"),
        Block("paragraph", "Quill 发布后，投资者对公司的估值为 120 亿美元。"),
        Block("paragraph", "那里的研究员 Mira Tan 说，这种节奏让人没有时间思考。"),
    ],
)
DIGEST = Article(
    "digest",
    "zh",
    "digest",
    extra={"original_title": "Ninety Hours at Orion Labs"},
    blocks=[
        Block("point", "1. Orion Labs 的工程师每周工作 90 小时，Quill 用户 4500 万。", marker="1.")
    ],
)
UNRELATED = Article(
    "garden",
    "en",
    "news",
    blocks=[Block("paragraph", "The Riverside garden opened 3 new beds of tulips in April.")],
)


def _corpus(*articles: Article) -> Corpus:
    return Corpus([Source(f"s{i}", "x", articles=[a]) for i, a in enumerate(articles)])


def test_anchors_survive_translation() -> None:
    """Numbers in two notations and Latin names give the same anchors in both languages."""
    shared = anchors(EN) & anchors(ZH)
    assert {"n:45000000", "n:12000000000", "w:orion labs", "w:quill"} <= shared


def test_translation_summary_found_and_unrelated_left_out() -> None:
    """A translation and a digest are linked to their original; an unrelated text is not."""
    found = discover_relations(_corpus(EN, ZH, DIGEST, UNRELATED), align=False)
    by_subject = {r.subject: r for r in found}
    assert by_subject["post#zh"].kind is RelationKind.TRANSLATION_OF
    assert by_subject["post#zh"].target == "post#en"
    assert by_subject["digest"].kind is RelationKind.SUMMARY_OF
    assert by_subject["digest"].target == "post#en"
    assert "garden" not in by_subject
    assert all(r.method == "discovered" and r.score is not None for r in found)


def test_rewrite_in_same_language() -> None:
    """A same-language text of comparable length with the same anchors is a rewrite."""
    rewrite = Article(
        "rw",
        "en",
        "rewrite",
        blocks=[
            Block(
                "paragraph",
                "Quill, the Orion Labs chatbot, has 45m users after 14 model releases in 2023.",
            ),
            Block(
                "paragraph",
                "Staff put in 90-hour weeks, some 110; investors priced the firm at $12 billion.",
            ),
            Block("paragraph", "One researcher, Mira Tan, said there is no time left to think."),
        ],
    )
    (relation,) = discover_relations(_corpus(EN, rewrite), align=False)
    assert (relation.kind, relation.subject, relation.target) == (
        RelationKind.REWRITE_OF,
        "rw",
        "post#en",
    )


def test_stated_relations_are_not_rediscovered() -> None:
    """An article whose file states its original (another article) is not linked again."""
    corpus = Corpus(
        [
            Source("a", "x", articles=[EN, UNRELATED]),
            Source(
                "b", "x", articles=[ZH], relations=[Relation("translation_of", "post#zh", "garden")]
            ),
        ]
    )
    assert discover_relations(corpus, align=False) == ()


def test_relation_to_an_outside_url_is_still_resolved() -> None:
    """A stated relation to a URL outside the corpus leaves the original to be discovered."""
    corpus = Corpus(
        [
            Source("a", "x", articles=[EN]),
            Source(
                "b",
                "x",
                articles=[ZH],
                relations=[Relation("translation_of", "post#zh", "https://elsewhere.example/p")],
            ),
        ]
    )
    (found,) = discover_relations(corpus, align=False)
    assert (found.subject, found.target) == ("post#zh", "post#en")


def test_two_originals_are_not_linked() -> None:
    """A news report and a blog post on one story, told in their own words, are not linked."""
    text = (
        "In 2023 Orion Labs released 14 models; 45m people now use Quill, its chatbot.",
        "Staff at the company put in 90-hour weeks, and a few reached 110 hours.",
        "After Quill came out, backers put the firm's worth at $12 billion.",
    )
    news = Article("news", "en", "news", blocks=[Block("paragraph", p) for p in text])
    assert discover_relations(_corpus(EN, news), align=False) == ()


def test_a_copy_is_linked_as_copy_of_its_original_and_nothing_else() -> None:
    """A repost of the blog's text is copy_of it; with a paragraph cut, rewrite_of it."""
    repost = Article("repost", "en", "news", blocks=EN.blocks)
    trimmed = Article("trimmed", "en", "news", blocks=[*EN.blocks[:2], *EN.blocks[3:]])
    found = discover_relations(_corpus(EN, repost, ZH, trimmed), align=False)
    by_subject = {r.subject: r for r in found}
    assert set(by_subject) == {"repost", "trimmed", "post#zh"}
    assert (by_subject["repost"].kind, by_subject["repost"].score) == (RelationKind.COPY_OF, 1)
    assert by_subject["trimmed"].kind is RelationKind.REWRITE_OF
    assert 0.6 <= (by_subject["trimmed"].score or 0) < 0.95
    assert {r.target for r in found} == {"post#en"}  # the translation links to the original
    assert from_json(to_json(by_subject["repost"])) == by_subject["repost"]


def test_second_translation_links_to_the_original_not_the_first() -> None:
    """With an original and a first translation present, a second translation picks the original."""
    second_text = (
        "2023 年，Orion Labs 推出 14 个模型，聊天机器人 Quill 拥有 4500 万用户。",
        "Orion Labs 工程师一周要干 90 小时，个别人干到 110 小时。",
        "Quill 上线之后，公司估值达到 120 亿美元。",
        "研究员 Mira Tan 表示，如此节奏令人无暇思考。",
    )
    second = Article(
        "second", "zh", "translation", blocks=[Block("paragraph", p) for p in second_text]
    )
    found = {r.subject: r for r in discover_relations(_corpus(EN, ZH, second), align=False)}
    assert found["second"].target == "post#en"
    assert found["second"].kind is RelationKind.TRANSLATION_OF


def test_a_copy_of_the_first_translation_is_its_copy() -> None:
    """A second file carrying the first translation's text is copy_of it, not a new translation."""
    second = Article("second", "zh", "translation", blocks=ZH.blocks)
    found = {r.subject: r for r in discover_relations(_corpus(EN, ZH, second), align=False)}
    assert (found["second"].kind, found["second"].target) == (RelationKind.COPY_OF, "post#zh")
    assert found["post#zh"].kind is RelationKind.TRANSLATION_OF


def test_articles_of_one_file_are_not_paired() -> None:
    """Articles from the same file are related by their reader, not by discovery."""
    corpus = Corpus([Source("one", "x", articles=[EN, ZH])])
    assert discover_relations(corpus, align=False) == ()


def test_link_corpus_adds_relations() -> None:
    """link_corpus returns a corpus holding the discovered relations."""
    linked = link_corpus(_corpus(EN, ZH), align=False)
    assert [(r.subject, r.target) for r in linked.relations] == [("post#zh", "post#en")]


def test_custom_aligner_is_used() -> None:
    """A caller's aligner is consulted, and a poor alignment lowers the score."""
    from aistress.model import Alignment, Bead

    calls: list[tuple[str, str]] = []

    def nothing_aligns(original: Article, derived: Article) -> Alignment:
        calls.append((original.id, derived.id))
        beads = [Bead([i], []) for i in range(len(original.blocks))]
        beads += [Bead([], [j]) for j in range(len(derived.blocks))]
        return Alignment(beads)

    with_aligner = discover_relations(_corpus(EN, ZH), align=nothing_aligns)
    without = discover_relations(_corpus(EN, ZH), align=False)
    assert calls == [("post#en", "post#zh")]
    assert not with_aligner or with_aligner[0].score < without[0].score  # type: ignore[operator]


# ---------------------------------------------------------------------------
# corpora full of copies: grouped, capped, linear


def test_max_df_ignores_anchors_in_exactly_that_share() -> None:
    """An anchor in exactly max_df of the articles (and more than 20) is too common."""
    assert _too_common(21, 105, 0.2)
    assert not _too_common(20, 105, 0.2)
    assert not _too_common(20, 100, 0.2)  # in 20 articles or fewer an anchor always counts


def test_near_duplicate_copies_are_grouped_by_story() -> None:
    """Copies of one story (one word changed) share a group; different stories never do."""
    articles = near_duplicates(60)
    rep, _ = _duplicate_groups(articles)
    assert len(set(rep)) <= 20
    assert all(i % 5 == r % 5 for i, r in enumerate(rep))  # five stories, i % 5 is the story
    assert all(articles[r].kind.value == "news" for r in rep if articles[r].kind.value != "summary")


def _member(key: int, shingles: range) -> Shingled:
    """A bucket member with the given shingle hashes."""
    return Shingled(key, True, f"f{key}", f"a{key}", frozenset(shingles))


def test_copies_in_a_bucket_headed_by_another_story_are_still_linked() -> None:
    """Two copies of a story share a bucket whose first member is another story: they are linked."""
    other = _member(0, range(100))
    original = _member(1, range(1000, 1100))
    copy = _member(2, range(1001, 1101))
    edges = bucket_edges([copy, other, original])
    assert [(a[0], b[0], verbatim) for a, b, _, verbatim in edges] == [(1, 2, True)]


def test_bucket_edges_compare_each_member_with_at_most_max_heads() -> None:
    """A bucket of unrelated texts costs at most MAX_HEADS comparisons per member."""
    compared = 0

    class Counting(frozenset[int]):
        def __and__(self, other: object) -> frozenset[int]:
            nonlocal compared
            compared += 1
            return frozenset.__and__(self, other)  # type: ignore[arg-type]

    n = 10 * MAX_HEADS
    members = [
        Shingled(k, True, "f", f"a{k}", Counting(range(k * 10, k * 10 + 10))) for k in range(n)
    ]
    assert bucket_edges(members) == []
    assert compared <= n * MAX_HEADS


def test_candidates_are_capped_per_article() -> None:
    """Pairs grow linearly with a corpus of copies, not quadratically."""
    for n in (100, 400):
        articles = near_duplicates(n)
        shared = _candidate_pairs(articles, {a.id: a.id for a in articles}, 0.2).shared
        assert len(shared) <= n * (MAX_CANDIDATES + 1)


def test_copies_link_to_an_original_of_their_own_story() -> None:
    """A copy links to its group's first original, or to the first of a group of summaries."""
    articles = near_duplicates(40)
    by_id = {a.id: i for i, a in enumerate(articles)}
    found = discover_relations(articles, align=False)
    assert found
    for relation in found:
        subject, target = by_id[relation.subject], by_id[relation.target]
        assert subject % 5 == target % 5
        if articles[target].kind.value != "news":  # summaries copy the first summary
            assert relation.kind in {RelationKind.COPY_OF, RelationKind.REWRITE_OF}
            assert articles[subject].kind == articles[target].kind
    assert RelationKind.SUMMARY_OF in {r.kind for r in found}


def test_a_summary_of_another_story_sharing_a_figure_is_not_linked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A summary holding one of an original's figures and little else is not linked to it."""
    text = (
        "Vexa Labs shipped 9 models in 2021 and its chatbot Moro reached 3m users.",
        "Engineers at Vexa Labs worked 90 hours a week; some worked 120.",
        "Investors valued the company at $7 billion after the Moro launch.",
    )
    other = Article("other", "en", "summary", blocks=[Block("paragraph", p) for p in text])
    assert discover_relations(_corpus(EN, other)) == ()
    monkeypatch.setattr(relations, "MIN_KEPT", 0.0)
    assert [r.subject for r in discover_relations(_corpus(EN, other))] == ["other"]
