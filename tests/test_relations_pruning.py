"""Tests that discovery aligns only pairs that can still become a relation (counted, not timed)."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from aistress.model import Alignment, Article, ArticleKind, Bead, Block, Relation
from aistress.relations import (
    MIN_SCORE,
    Candidate,
    Pending,
    Ranked,
    Unlabelled,
    _choose,
    _confirm,
    _confirm_all,
)

BLOCKS = 4


def _article(id: str, kind: ArticleKind) -> Article:
    blocks = [Block("paragraph", f"Paragraph {k} of a text about long weeks.") for k in range(4)]
    return Article(id, "en", kind, blocks=blocks)


class _Aligner:
    """Aligns the first ``covered[(original, derived)]`` blocks of the original; counts calls."""

    def __init__(self, covered: dict[tuple[str, str], int]) -> None:
        self.covered = covered
        self.calls: list[tuple[str, str]] = []

    def __call__(self, original: Article, derived: Article) -> Alignment:
        self.calls.append((original.id, derived.id))
        count = self.covered.get((original.id, derived.id), BLOCKS)
        beads = [Bead((k,), (k,) if k < count else ()) for k in range(BLOCKS)]
        return Alignment(beads, unit="paragraph")


def _relations(found: Sequence[Ranked | Unlabelled | None]) -> tuple[Relation, ...]:
    labelled = [f for f in found if f is not None and isinstance(f[0], Candidate)]
    unlabelled = [f for f in found if f is not None and not isinstance(f[0], Candidate)]
    return _choose(labelled, unlabelled)  # type: ignore[arg-type]


KINDS = st.sampled_from(list(ArticleKind))
SCORES = st.sampled_from([0.0, 0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0, 1.3])


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[list[Pending], dict[tuple[str, str], int]]:
    articles = [_article(f"a{k}", draw(KINDS)) for k in range(draw(st.integers(2, 5)))]
    pairs: list[Pending] = []
    covered: dict[tuple[str, str], int] = {}
    for _ in range(draw(st.integers(0, 12))):
        derived, original = draw(st.permutations(articles))[:2]
        meta = draw(st.sampled_from([0.0, 1.0]))
        reason = "names the original's title" if meta else None
        ratio = draw(st.sampled_from([0.3, 0.8, 1.0]))
        pairs.append((derived, original, draw(SCORES), meta, reason, ratio))
        covered[(original.id, derived.id)] = draw(st.integers(0, BLOCKS))
    return pairs, covered


@settings(max_examples=150, deadline=None)
@given(_pairs())
def test_pruned_confirmation_chooses_what_confirming_all_chooses(
    drawn: tuple[list[Pending], dict[tuple[str, str], int]],
) -> None:
    """Skipping pairs that cannot win changes no relation, and never aligns more."""
    pairs, covered = drawn
    pruned, every = _Aligner(covered), _Aligner(covered)
    found = _relations(_confirm_all(pairs, pruned, MIN_SCORE))
    assert found == _relations([_confirm(p, every, MIN_SCORE) for p in pairs])
    assert len(pruned.calls) <= len(every.calls)


def test_a_derived_original_is_not_aligned_once_an_original_kind_is_confirmed() -> None:
    """A translation's candidate that is itself a translation cannot beat a post: not aligned."""
    derived = _article("zh", ArticleKind.TRANSLATION)
    post = _article("post", ArticleKind.BLOG)
    other = _article("other", ArticleKind.TRANSLATION)
    pairs: list[Pending] = [
        (derived, other, 0.9, 0.0, None, 1.0),
        (derived, post, 0.5, 0.0, None, 1.0),
    ]
    aligner = _Aligner({})
    (relation,) = _relations(_confirm_all(pairs, aligner, MIN_SCORE))
    assert relation.target == "post"
    assert aligner.calls == [("post", "zh")]


def test_a_pair_that_cannot_reach_the_minimum_is_not_aligned() -> None:
    """A pair whose best possible score is below min_score is dropped without aligning."""
    pairs: list[Pending] = [
        (
            _article("zh", ArticleKind.TRANSLATION),
            _article("en", ArticleKind.NEWS),
            0.1,
            0.0,
            None,
            1,
        )
    ]
    aligner = _Aligner({})
    assert _confirm_all(pairs, aligner, 0.6) == [None]
    assert not aligner.calls
