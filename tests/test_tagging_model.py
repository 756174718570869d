"""Tests for the learned tagging model: features, the model file, the combined tagger, training.

Every sentence here is one we wrote for these tests.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import AistressError, RuleError
from aistress.model import Article, Block
from aistress.tagging import (
    DEFAULT_MIN_CONFIDENCE,
    Tagger,
    calibrate,
    default_rules,
    labels,
    tag_text,
)
from aistress.tagging import features as tagging_features
from aistress.tagging.features import Observation, category_features, sentence_features
from aistress.tagging.learned import Model, calibration_key, default_model
from aistress.tagging.rescore import default_rescorer
from aistress.taxonomy import default
from aistress.text.script import to_simplified

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def _tiny(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "categories": ["pace", "counseling"],
        "kinds": ["s", "r"],
        "bias": [-2.0, -2.0],
        "calibration": {"en": [1.0, 0.0]},
        "threshold": 0.5,
        "shared": {"R": 1.0, "s:w:fast": 2.0},
        "weights": {"w:therapist": [[1, 8.0]], "r:pace": [[0, 1.0]]},
    }
    document.update(changes)
    return document


def test_default_threshold_is_the_models() -> None:
    """The default min_confidence is the second stage's, the model's, or the rules' threshold."""
    assert Tagger(model="default").min_confidence == default_rescorer().threshold
    assert Tagger().min_confidence == default_rescorer().threshold
    assert Tagger(rescorer=None).min_confidence == default_model().threshold
    assert Tagger(model=None).min_confidence == default_rules().threshold
    uncalibrated = calibrate(default_rules(), {})
    assert Tagger(rules=uncalibrated, model=None).min_confidence == DEFAULT_MIN_CONFIDENCE
    assert Tagger(model="default", min_confidence=0.7).min_confidence == 0.7


def test_model_covers_the_taxonomy() -> None:
    """The shipped model scores every category of the shipped taxonomy, calibrated per script."""
    model = default_model()
    assert set(model.categories) == set(default().ids)
    assert set(model.calibration) == {"en", "zh-Hans", "zh-Hant"}


@pytest.mark.parametrize(
    "change",
    [{"bias": [0.0]}, {"weights": {"w:x": [[5, 1.0]]}}, {"calibration": {}}, {"threshold": "x"}],
)
def test_bad_model_files_raise_rule_error(change: dict[str, Any]) -> None:
    """A malformed model document raises RuleError, an AistressError."""
    with pytest.raises(RuleError):
        Model(_tiny(**change), "model.json")
    assert issubclass(RuleError, AistressError)


def test_scores_add_text_rule_and_shared_weights() -> None:
    """A score is bias + text weights at unit length + rule features + shared features."""
    model = Model(_tiny())
    seen = Observation(
        frozenset({"w:therapist", "w:week"}),
        frozenset({"r:pace"}),
        {"pace": 0.5},
        {"pace": frozenset({"w:fast"})},
    )
    pace, counseling = model.scores(seen)
    assert pace == pytest.approx(-2.0 + 1.0 + 1.0 + 2.0)
    assert counseling == pytest.approx(-2.0 + 8.0 / 2**0.5)
    assert model.confidence(0.0, "zh-Hans") == 0.5


feature_names = st.sampled_from(["w:therapist", "w:week", "w:fast", "r:pace", "R", "x"])


@given(
    st.frozensets(feature_names),
    st.frozensets(feature_names),
    st.dictionaries(st.sampled_from(["pace", "counseling"]), st.floats(0, 1)),
)
def test_a_packed_model_scores_as_the_file_does(
    text: frozenset[str], other: frozenset[str], confidence: dict[str, float]
) -> None:
    """A model read back from its packed form has the same weights and the very same scores."""
    document = _tiny(weights={"w:therapist": [[1, 8.0], [0, -0.25]], "r:pace": [[0, 1.0]]})
    model = Model(document)
    packed = Model.from_packed(model.packed(), lambda: document)
    seen = Observation(text, other, confidence, {"pace": text})
    assert packed.scores(seen) == model.scores(seen)
    assert packed.weights == model.weights
    assert packed.table(0) == model.table(0) == {"w:therapist": -0.25, "r:pace": 1.0}
    for feature in sorted(text | other):
        for category in (0, 1):
            assert packed.weight(feature, category) == model.table(category).get(feature, 0.0)
            assert packed.column(category)[feature] == packed.weight(feature, category)
    assert packed.document is document


@pytest.fixture
def model_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty user cache directory, with default_model forgotten before and after."""
    monkeypatch.setenv("AISTRESS_CACHE_DIR", str(tmp_path))
    default_model.cache_clear()
    yield tmp_path
    default_model.cache_clear()


def test_the_shipped_model_loads_from_the_cache_as_from_its_file(model_cache: Path) -> None:
    """default_model packs the model file into the cache once; the packed model is the same."""
    from aistress.data import load_json

    first = default_model()
    assert [p.name.split("-")[:2] for p in model_cache.iterdir()] == [["tagging", "model"]]
    default_model.cache_clear()
    again = default_model()
    default_model.cache_clear()
    fresh = Model(load_json("tagging/model.json"))
    assert again.weights == first.weights == fresh.weights
    assert again.bias == fresh.bias
    assert again.calibration == fresh.calibration
    assert again.table(3) == fresh.table(3)


def test_sentence_features_and_category_features() -> None:
    """Sentences get stems, pairs, negated stems and Han n-grams; categories shared features."""
    (_, _, first), (_, _, second) = sentence_features("No rest? 過勞", [(0, 8), (9, 11)])
    assert {"w:rest", "~:rest", "b:no rest", "?"} <= first
    assert second == {"c:过", "c:劳", "z:过劳"}
    assert category_features(frozenset({"n:pace"}), "pace") == (("N", 1.0),)


@given(st.text(alphabet="加班过劳休息每周天 .", max_size=30))
def test_han_features_are_the_same_whether_their_strings_are_kept_or_made_afresh(
    text: str,
) -> None:
    """The kept character and pair feature strings equal prefix plus text, full cache or empty."""
    runs = [run for run in text.replace(".", " ").split() if run]
    expected = {"c:" + ch for run in runs for ch in run}
    expected |= {"z:" + run[i : i + 2] for run in runs for i in range(len(run) - 1)}
    spans = [(0, len(text))]
    assert sentence_features(text, spans)[0][2] - {"?"} == expected
    tagging_features._CHARACTERS.clear()
    tagging_features._PAIRS.clear()
    assert sentence_features(text, spans)[0][2] - {"?"} == expected


def test_calibration_keys() -> None:
    """Paragraphs calibrate as English, Simplified or Traditional Chinese."""
    assert calibration_key("zh-Hant", "这些") == "zh-Hant"
    assert calibration_key("zh-TW", "x") == "zh-Hant"
    assert calibration_key("zh", "这些问题") == "zh-Hans"
    assert calibration_key("en-GB", "x") == "en"


def test_model_none_is_the_rules_alone() -> None:
    """Tagger(model=None) tags with the rules alone; the default consults the shipped model."""
    text = "The company now offers free counseling sessions to every employee."
    rules = Tagger(model=None).tag_text(text)
    assert rules
    assert all(t.rule.startswith("en.") for t in rules)
    assert Tagger().model is default_model()
    assert Tagger().tag_text(text) == Tagger(model="default").tag_text(text)
    assert "counseling" in labels(Tagger().tag_text(text))
    with pytest.raises(ValueError, match="model") as raised:
        Tagger(model="other")
    assert isinstance(raised.value, AistressError)
    with pytest.raises(TypeError, match="model"):
        Tagger(model=3)  # type: ignore[arg-type]


def test_model_tags_point_at_a_sentence_of_their_block() -> None:
    """Every tag's evidence lies inside its block; a model-only tag points at one sentence."""
    text = (
        "The lab is quiet on Sundays. "
        "She has not had a full night of sleep since the launch, and she eats at her desk."
    )
    article = Article(
        "m1", "en", "news", blocks=[Block("paragraph", "Title"), Block("paragraph", text)]
    )
    for t in Tagger(min_confidence=0.0, model="default").tag(article, quotes=()):
        block = article.block_span(t.block or 0)
        assert all(block.start <= e.start < e.end <= block.end for e in t.evidence)
        assert 0.0 <= t.confidence <= 1.0


def test_questions_are_not_asserted() -> None:
    """An interviewer's question is tagged only as hypothetical."""
    text = "Q: Do you think the long hours and the burnout are the price of the job?"
    assert labels(tag_text(text, model="default")) == frozenset()
    asked = tag_text(text, include_negated=True, model="default")
    assert all(t.polarity == "hypothetical" for t in asked)


@given(st.text(max_size=300))
def test_any_text_tags_without_error(text: str) -> None:
    """Any string tags without raising, with confidences in [0, 1]."""
    for t in tag_text(text, min_confidence=0.0, model="default"):
        assert 0.0 <= t.confidence <= 1.0


def test_trainer_learns_a_tiny_set(monkeypatch: pytest.MonkeyPatch) -> None:
    """The training tool fits our own tiny set: its labels score above everything else."""
    sys.path.insert(0, str(TOOLS))
    import train_tagger

    docs = {
        f"en_{i}.txt": {
            "language": "en",
            "paragraphs": [
                {
                    "text": f"Team {i} sees a therapist every week.",
                    "stressors": [],
                    "remedies": ["counseling"],
                    "evidence": {"counseling": "sees a therapist"},
                },
                {
                    "text": f"Team {i} plays football.",
                    "stressors": [],
                    "remedies": [],
                    "evidence": {},
                },
            ],
        }
        for i in range(4)
    }
    units = train_tagger.featurise(docs)
    categories = ["counseling", "pace"]
    setting = train_tagger.Setting(steps=30, rate=0.3, min_df=2)
    trained = train_tagger.train(units, categories, setting)
    scores = train_tagger.score(trained, units, categories, setting)
    assert min(s[0] for s, u in zip(scores, units, strict=False) if u.labels) > max(
        s[0] for s, u in zip(scores, units, strict=False) if not u.labels
    )
    a, _b = train_tagger.platt([(2.0, 1.0), (-2.0, 0.0), (1.5, 1.0), (-1.0, 0.0)])
    assert a > 0


def test_a_damaged_cache_entry_falls_back_to_the_model_file(model_cache: Path) -> None:
    """A cache entry that reads as the wrong shape is ignored: the model comes from its file."""
    import marshal

    default_model()
    (entry,) = model_cache.iterdir()
    entry.write_bytes(marshal.dumps(({"categories": 3}, (), b"", b"", b"x")))
    default_model.cache_clear()
    model = default_model()
    default_model.cache_clear()
    assert model.threshold == default_model().threshold
    assert model.weights == default_model().weights


_CATEGORY_IDS = [c.id for c in default()]


@given(
    st.lists(st.floats(allow_nan=True), min_size=60, max_size=60),
    st.lists(st.floats(allow_nan=False), min_size=60, max_size=60),
    st.sets(st.sampled_from(_CATEGORY_IDS)),
    st.dictionaries(st.sampled_from(_CATEGORY_IDS), st.floats(0, 1)),
    st.sampled_from([0.45, 0.0, 2.0]),
)
def test_the_columns_looked_at_hold_every_one_not_skipped(
    scores: list[float],
    floors: list[float],
    fired: set[str],
    confidences: dict[str, float],
    rules_sure: float,
) -> None:
    """Every column the model's loop would not skip is among those it looks at, in order."""
    tagger = Tagger()
    n = len(default_model().categories)
    scores, floors = scores[:n], floors[:n]
    by_category: dict[str, list[Any]] = {c: [] for c in fired}
    wanted = tagger._wanted(scores, floors, by_category, confidences, rules_sure)
    kept = [
        (category, index)
        for category, index in tagger._columns
        if (
            category.id in fired
            if index is None
            else not (
                scores[index] < floors[index]
                and not confidences.get(category.id, 0.0) >= rules_sure
                and category.id not in fired
            )
        )
    ]
    assert set(kept) <= set(wanted)
    assert wanted == [c for c in tagger._columns if c in set(wanted)]


_FEATURE_PIECES = [
    "No",
    "not",
    "never",
    "don't",
    "can’t",
    "weekend",
    "day off",
    "the lab",
    "Burnout",
    "80-hour",
    "x_y",
    "加班",
    "過勞",
    "會議",
    "壓力",
    "不",
    ",",
    ".",
    "?",
    "—",
    "“",
    " ",
    "  ",
    "3",
]


@given(st.lists(st.sampled_from(_FEATURE_PIECES), max_size=30), st.sampled_from([" ", ""]))
def test_features_of_the_simplified_text_are_those_of_the_text(
    pieces: list[str], glue: str
) -> None:
    """A paragraph converted to the Simplified script once has the features of the original."""
    text = glue.join(pieces)
    spans = [(0, len(text) // 2), (len(text) // 2, len(text))]
    simplified = to_simplified(text)
    assert sentence_features(simplified, spans, simplified=True) == sentence_features(text, spans)
