"""Tests of comparing a derived text with its source (on texts written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.comparison import HEADLINE_THRESHOLD, compare, headline_relevance
from aistress.comparison.evaluate import PairScore, read_pair, score_pair
from aistress.errors import InvalidValueError
from aistress.model import (
    Alignment,
    Article,
    Bead,
    Block,
    Comparison,
    Discrepancy,
    DiscrepancyKind,
    Person,
    Quote,
    Span,
    Stressor,
)
from aistress.testing import strategies as ais

EN = Article(
    "blog#en",
    "en",
    "blog",
    title="300bn Reasons to Rest",
    blocks=[
        Block("paragraph", "The app now has 200m weekly users and 320m visits in May 2024."),
        Block(
            "paragraph", "The Orion Labs team went from 90 hours a week to 110 hours for a launch."
        ),
        Block("paragraph", "Valuations rose by $40 billion in a quarter."),
    ],
)
ZH = Article(
    "blog#zh",
    "zh",
    "translation",
    title="300 亿个休息的理由",
    blocks=[
        Block("paragraph", "该应用现在每周有 2 亿用户，2024 年 5 月访问量 3.2 亿次。"),
        Block(
            "paragraph", "Orion Labs 团队每周工作时间从 90 小时增加到 110 小时，以赶上一次发布。"
        ),
        Block("paragraph", "估值在一个季度内上涨了400亿美元。"),
    ],
)
ONE_TO_ONE = Alignment([Bead([i], [i]) for i in range(3)], unit="paragraph")
NOTHING: dict[str, list[object]] = {
    "source_tags": [],
    "derived_tags": [],
    "source_quotes": [],
    "derived_quotes": [],
}


def _compare(source: Article, derived: Article, alignment: Alignment, **kw: object):  # type: ignore[no-untyped-def]
    return compare(source, derived, alignment=alignment, **{**NOTHING, **kw})  # type: ignore[arg-type]


def test_scale_error_in_title_is_found() -> None:
    """300bn rendered as 300 亿 is reported as wrong by a factor of ten, with both spans."""
    result = _compare(EN, ZH, ONE_TO_ONE)
    (number,) = result.of_kind("number")
    assert "factor of 10" in number.explanation
    assert number.source == (Span("blog#en#title", 0, 5),)
    assert number.derived == (Span("blog#zh#title", 0, 5),)


def test_correct_conversions_are_not_reported() -> None:
    """200m as 2 亿, 320m as 3.2 亿 and $40 billion as 400亿美元 are all right."""
    fixed = Article("fixed#zh", "zh", "translation", title="3000 亿个休息的理由", blocks=ZH.blocks)
    assert _compare(EN, fixed, ONE_TO_ONE).discrepancies == ()


def test_changed_value_in_body_points_at_both_sides() -> None:
    """A body number that changes scale is reported with spans that slice the numbers."""
    wrong = Article(
        "w#zh",
        "zh",
        "translation",
        blocks=[ZH.blocks[0], ZH.blocks[1], Block("paragraph", "估值在一个季度内上涨了40亿美元。")],
    )
    (number,) = _compare(EN, wrong, ONE_TO_ONE).of_kind("number")
    assert EN.slice(number.source[0]) == "$40 billion"
    assert wrong.slice(number.derived[0]).startswith("40亿")


def test_figure_moved_to_other_organisations() -> None:
    """A rewrite that gives one team's hours to other companies is an attribution discrepancy."""
    rewrite = Article(
        "rw",
        "en",
        "rewrite",
        title="Labs push researchers to 110-hour weeks",
        blocks=[
            Block("paragraph", "Engineers at Nova and Kite regularly work 90-110 hour weeks."),
            Block("paragraph", "Valuations rose by $40 billion in a quarter."),
        ],
    )
    alignment = Alignment([Bead([0], []), Bead([1], [0]), Bead([2], [1])], unit="paragraph")
    result = _compare(EN, rewrite, alignment)
    (moved,) = result.of_kind("attribution")
    assert "Orion Labs" in moved.explanation
    assert "Nova" in moved.explanation
    assert "Engineers" not in moved.explanation
    assert result.of_kind("headline") == ()


def test_same_organisation_is_not_a_move() -> None:
    """A figure kept with its organisation is not reported."""
    rewrite = Article(
        "rw2",
        "en",
        "rewrite",
        blocks=[Block("paragraph", "At Orion Labs, a team once worked 110 hours in a week.")],
    )
    alignment = Alignment([Bead([0, 1], [0]), Bead([2], [])], unit="paragraph")
    assert _compare(EN, rewrite, alignment).of_kind("attribution") == ()


def test_headline_about_another_story_is_flagged() -> None:
    """A headline and dek from another story are flagged, citing the source's headline too."""
    rewrite = Article(
        "rw3",
        "en",
        "rewrite",
        title="Football club wins the cup final",
        subtitle="Fans celebrate in the streets",
        blocks=[
            Block(
                "paragraph",
                "Researchers say the weekly pace of app releases leaves them exhausted.",
            )
        ],
    )
    (headline,) = _compare(EN, rewrite, Alignment([Bead([0], [0])])).of_kind("headline")
    assert headline.derived[0].doc == "rw3#title"
    assert headline.source == (Span("blog#en#title", 0, len(EN.title or "")),)
    assert headline.source_phrase == EN.title
    assert headline.derived_phrase == "Football club wins the cup final"


def test_translated_headline_is_not_flagged() -> None:
    """A headline in another language than its source's is taken as a translated headline."""
    assert _compare(EN, ZH, ONE_TO_ONE).of_kind("headline") == ()


def test_headline_relevance_ranks_matching_headlines_higher() -> None:
    """A headline about the body scores above the threshold; an unrelated one below."""
    body = [b.text for b in EN.blocks]
    assert (
        headline_relevance("Orion Labs team works 110 hours for a launch", body)
        > HEADLINE_THRESHOLD
    )
    assert headline_relevance("Tulips bloom early in the valley", body) < HEADLINE_THRESHOLD


def test_categories_and_quotes() -> None:
    """Categories kept, dropped and added, and quotes kept or dropped, follow the alignment."""
    speaker = Person("Ana Ruiz")
    q_en = Quote("We rest", "en", spans=[Span("blog#en", 70, 77)], speaker=speaker)
    q_en2 = Quote("Never", "en", spans=[Span("blog#en", 150, 155)], speaker=speaker)
    q_zh = Quote("我们休息", "zh", spans=[Span("blog#zh", 40, 44)], speaker=speaker)
    result = _compare(
        EN,
        ZH,
        ONE_TO_ONE,
        source_tags=[Stressor("pace"), Stressor("overwork")],
        derived_tags=[Stressor("pace"), Stressor("churn")],
        source_quotes=[q_en, q_en2],
        derived_quotes=[q_zh],
    )
    assert result.categories_kept == ("pace",)
    assert result.categories_dropped == ("overwork",)
    assert result.categories_added == ("churn",)
    assert [(a.text, b.text) for a, b in result.quotes_kept] == [("We rest", "我们休息")]
    assert result.quotes_kept[0][1].original == q_en.spans[0]
    assert [q.text for q in result.quotes_dropped] == ["Never"]
    assert result.coverage == 1.0


def test_coverage_counts_unaligned_source() -> None:
    """Source paragraphs the derived text leaves out lower the coverage."""
    alignment = Alignment([Bead([0], [0]), Bead([1], []), Bead([2], [1])])
    derived = Article("d", "en", "summary", blocks=[EN.blocks[0], EN.blocks[2]])
    assert 0.3 < _compare(EN, derived, alignment).coverage < 0.8


def test_unknown_check_is_refused() -> None:
    """Asking for a check that does not exist is a usage error."""
    with pytest.raises(InvalidValueError, match="unknown checks"):
        compare(EN, ZH, alignment=ONE_TO_ONE, checks=["spelling"], **NOTHING)  # type: ignore[arg-type]


@given(ais.articles(), ais.articles(), st.data())
def test_compare_never_fails_and_spans_index_texts(
    a: Article, b: Article, data: st.DataObject
) -> None:
    """On any two articles compare returns, and every discrepancy span slices its text."""
    if a.id == b.id:
        b = Article(b.id + "x", b.language, b.kind, blocks=b.blocks, title=b.title)
    n, m = len(a.blocks), len(b.blocks)
    beads = [Bead([i], [i]) for i in range(min(n, m))]
    beads += [Bead([i], []) for i in range(min(n, m), n)] + [
        Bead([], [j]) for j in range(min(n, m), m)
    ]
    result = _compare(a, b, Alignment(beads))
    texts = {
        a.id: a.text,
        b.id: b.text,
        f"{a.id}#title": a.title or "",
        f"{b.id}#title": b.title or "",
        f"{a.id}#subtitle": a.subtitle or "",
        f"{b.id}#subtitle": b.subtitle or "",
    }
    for d in result.discrepancies:
        for span in (*d.source, *d.derived):
            assert span.end <= len(texts[span.doc])


def test_hedged_and_unitless_numbers_are_not_changes() -> None:
    """'a dozen' against '十几' and a bare 'one' against '80' are not reported."""
    en = Article(
        "h#en",
        "en",
        "news",
        blocks=[
            Block("paragraph", "They announced a dozen tools and one model, liked by 80s fans.")
        ],
    )
    zh = Article(
        "h#zh",
        "zh",
        "translation",
        blocks=[Block("paragraph", "他们发布了十几种工具和 80 年代的乐迷喜欢的模型。")],
    )
    assert _compare(en, zh, Alignment([Bead([0], [0])])).of_kind("number") == ()


def test_name_opening_the_source_sentence_still_counts() -> None:
    """A figure kept with a name that opens the source sentence has not moved."""
    en = Article(
        "g#en",
        "en",
        "blog",
        blocks=[Block("paragraph", "Orbit was visited 320m times in May 2024.")],
    )
    zh = Article(
        "g#zh",
        "zh",
        "translation",
        blocks=[Block("paragraph", "2024 年 5 月，Orbit 的访问量为 3.2 亿次。")],
    )
    assert _compare(en, zh, Alignment([Bead([0], [0])])).of_kind("attribution") == ()


def test_old_module_path_warns_and_forwards() -> None:
    """`from aistress.compare import X` still works, with a DeprecationWarning."""
    import aistress
    import aistress.comparison

    with pytest.warns(DeprecationWarning, match="aistress.comparison"):
        from aistress.compare import headline_relevance as old
    assert old is aistress.comparison.headline_relevance
    assert aistress.compare is aistress.comparison.compare


def test_discrepancy_kind_accepts_values() -> None:
    """A Discrepancy takes a kind's value and holds the enum; a wrong kind is refused."""
    from aistress.model import Discrepancy, DiscrepancyKind

    assert Discrepancy("date", "x").kind is DiscrepancyKind.DATE
    assert str(DiscrepancyKind.QUOTE_SPEAKER) == "quote_speaker"
    with pytest.raises(InvalidValueError):
        Discrepancy("spelling", "x")


# ---------------------------------------------------------------------------
# the checks on development pairs we wrote (tests/fixtures/compare)

DEV = Path(__file__).parent / "fixtures" / "compare"


def _dev(name: str) -> tuple[Comparison, PairScore]:
    pair = read_pair(DEV / name)
    comparison = compare(pair.source, pair.derived, relation=pair.relation)
    return comparison, score_pair(pair, comparison)


@pytest.mark.parametrize(
    "name",
    ["dev02", "dev10", "dev05", "dev07", "dev16", "dev19", "dev24"],
)
def test_planted_changes_are_found_with_both_sides(name: str) -> None:
    """Each planted change of a development pair is found, without false alarms, on both sides."""
    comparison, score = _dev(name)
    assert score.missed == ()
    assert score.false_alarms == ()
    for d in comparison.discrepancies:
        assert d.source
        assert d.derived
        assert d.source_phrase
        assert d.derived_phrase


@pytest.mark.parametrize("name", ["dev01", "dev06", "dev21", "dev23", "dev29"])
def test_faithful_pairs_raise_nothing(name: str) -> None:
    """Notation, signalled rounding, paraphrase and a summary's omissions are not changes."""
    comparison, _ = _dev(name)
    assert comparison.discrepancies == ()


def test_quotes_split_by_their_attribution_count_once() -> None:
    """The two parts of one quotation are one utterance, and a kept quote is not dropped."""
    comparison, _ = _dev("dev29")
    assert comparison.quotes_dropped == ()
    assert len({q.utterance for q, _ in comparison.quotes_kept}) == 1


def test_kinds_are_an_enum_and_checks_are_functions() -> None:
    """checks= takes a function of a Pair; its discrepancies come back as given."""
    from aistress.comparison import Pair

    def shout(pair: Pair) -> list[Discrepancy]:
        return [Discrepancy(DiscrepancyKind.OMISSION, "everything", [Span(pair.source.id, 0, 1)])]

    result = compare(EN, ZH, alignment=ONE_TO_ONE, checks=[shout], **NOTHING)  # type: ignore[arg-type]
    assert [d.kind for d in result.discrepancies] == [DiscrepancyKind.OMISSION]
