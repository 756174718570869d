"""Tests for aistress.taxonomy: the shipped categories, lookup, loading and errors."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import AistressError, InvalidValueError
from aistress.taxonomy import (
    DATA_DIR,
    Category,
    CategoryKind,
    Taxonomy,
    TaxonomyError,
    default,
    load,
)

# The ids of the spec (shared/spec/taxonomy.md), in order: our own vocabulary.
STRESSORS = [
    "competition",
    "pace",
    "obsolescence",
    "overwork",
    "financial_stakes",
    "sudden_wealth",
    "productization",
    "closed_research",
    "no_role_for_science",
    "publish_or_perish",
    "career_pressure",
    "impostor_syndrome",
    "isolation",
    "inescapability",
    "social_anxiety",
    "churn",
    "startup_risk",
]
REMEDIES = [
    "normalize_talking",
    "support_networks",
    "work_life_balance",
    "reasonable_hours",
    "mental_health_days",
    "counseling",
    "employer_support",
    "value_wellbeing",
    "fewer_conferences",
    "submission_pauses",
    "perspective",
]


def _category(**overrides: Any) -> dict[str, Any]:
    data = {"id": "noise", "kind": "stressor", "label_en": "Noise", "label_zh": "噪音"}
    data.update(overrides)
    return data


def _document(*categories: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"name": "mine", "categories": list(categories) or [_category()], **top}


# ---------------------------------------------------------------------------
# the shipped taxonomy


def test_default_has_the_spec_ids_in_order() -> None:
    """The shipped taxonomy holds exactly the spec's 17 stressors then 11 remedies."""
    tax = default()
    assert [c.id for c in tax.stressors] == STRESSORS
    assert [c.id for c in tax.remedies] == REMEDIES
    assert tax.ids == tuple(STRESSORS + REMEDIES)


def test_default_categories_have_both_labels_and_a_description() -> None:
    """Every shipped category has an English label, a Chinese label and a description."""
    for category in default():
        assert category.label_en.strip()
        assert any("\u4e00" <= ch <= "\u9fff" for ch in category.label_zh)
        assert category.description.strip()


def test_default_labels_match_the_spec_examples() -> None:
    """Labels are the spec's, in both languages."""
    tax = default()
    assert tax["pace"].label_en == "Breakneck pace"
    assert tax["pace"].label_zh == "发展速度"
    assert tax["counseling"].label("zh-CN") == "心理咨询"
    assert tax["counseling"].labels == {"en": "Counseling", "zh": "心理咨询"}


def test_default_is_loaded_once() -> None:
    """default() returns the same object on every call."""
    assert default() is default()


def test_default_names_its_rule_files() -> None:
    """The shipped taxonomy points at the shipped rule files, which exist."""
    paths = default().rule_paths()
    assert [p.name for p in paths] == ["en.json", "zh.json"]
    assert all(p.is_file() for p in paths)


# ---------------------------------------------------------------------------
# lookup


def test_lookup_contains_get_and_len() -> None:
    """Categories are found by id; unknown ids are absent."""
    tax = default()
    assert tax["overwork"].kind is CategoryKind.STRESSOR
    assert tax["perspective"].kind is CategoryKind.REMEDY
    assert "churn" in tax
    assert "boredom" not in tax
    assert 42 not in tax
    assert tax.get("boredom") is None
    assert len(tax) == 28


def test_unknown_id_raises_key_error_naming_it() -> None:
    """Indexing with an unknown id raises KeyError that names the id and taxonomy."""
    with pytest.raises(KeyError, match="boredom"):
        default()["boredom"]


def test_subset_keeps_order_and_rejects_unknown_ids() -> None:
    """subset() keeps the taxonomy's order and fails on an id it lacks."""
    small = default().subset(["counseling", "pace"])
    assert small.ids == ("pace", "counseling")
    with pytest.raises(KeyError):
        default().subset(["pace", "boredom"])


def test_category_properties() -> None:
    """is_stressor follows the kind, and kind accepts its string value."""
    remedy = Category("rest", "remedy", "Rest", "休息")
    assert remedy.kind is CategoryKind.REMEDY
    assert not remedy.is_stressor
    assert remedy.label("en") == "Rest"


def test_taxonomy_and_categories_pickle() -> None:
    """Taxonomies survive pickling (for multiprocessing and caches)."""
    tax = default()
    assert pickle.loads(pickle.dumps(tax)) == tax


# ---------------------------------------------------------------------------
# reading and writing


def test_round_trip_through_json(tmp_path: Path) -> None:
    """to_json then load gives an equal taxonomy that remembers its file."""
    path = tmp_path / "tax.json"
    path.write_text(default().to_json(), encoding="utf-8")
    loaded = load(path)
    assert loaded == default()
    assert loaded.source == str(path)
    assert Taxonomy.load(path) == loaded


def test_user_taxonomy_rules_resolve_against_its_folder(tmp_path: Path) -> None:
    """Rule paths in a user's taxonomy are relative to the taxonomy file."""
    (tmp_path / "sub").mkdir()
    path = tmp_path / "sub" / "tax.json"
    path.write_text(json.dumps(_document(rules=["rules/x.json"])), encoding="utf-8")
    assert load(path).rule_paths() == (tmp_path / "sub" / "rules" / "x.json",)


def test_optional_fields_default() -> None:
    """Only categories are required; name, version and description have defaults."""
    tax = Taxonomy.from_dict({"categories": [_category()]})
    assert (tax.name, tax.version, tax.description, tax.rules) == ("custom", 1, "", ())
    assert tax["noise"].description == ""


categories_strategy = st.builds(
    Category,
    id=st.from_regex(r"[a-z_][a-z0-9_]{0,12}", fullmatch=True),
    kind=st.sampled_from(list(CategoryKind)),
    label_en=st.text(max_size=20),
    label_zh=st.text(max_size=20),
    description=st.text(max_size=40),
)


@given(st.lists(categories_strategy, min_size=1, max_size=6, unique_by=lambda c: c.id))
def test_any_valid_taxonomy_round_trips(categories: list[Category]) -> None:
    """Every taxonomy survives to_dict/from_dict and to_json/from_json unchanged."""
    tax = Taxonomy(categories, name="prop", version=2, description="d")
    assert Taxonomy.from_dict(tax.to_dict()) == tax
    assert Taxonomy.from_json(tax.to_json()) == tax


# ---------------------------------------------------------------------------
# errors name the file and the field


@pytest.mark.parametrize(
    ("document", "field", "reason"),
    [
        ([], "", "must be a JSON object"),
        ({}, "categories", "is required"),
        ({"categories": []}, "categories", "non-empty list"),
        ({"categories": "pace"}, "categories", "non-empty list"),
        (_document(colour="red"), "colour", "unknown key"),
        (_document(_category(lable_en="x")), "categories[0].lable_en", "unknown key"),
        (_document("pace"), "categories[0]", "must be an object"),
        (_document({"kind": "stressor", "label_en": "a", "label_zh": "b"}), "categories[0].id",
         "is required"),
        (_document(_category(kind="worry")), "categories[0].kind", "'stressor' or 'remedy'"),
        (_document(_category(id="two words")), "categories[0].id", "identifier"),
        (_document(_category(id="")), "categories[0].id", "identifier"),
        (_document(_category(label_zh=3)), "categories[0].label_zh", "must be a string"),
        (_document(_category(), _category()), "categories[1].id", "repeats categories[0]"),
        (_document(version=0), "version", "positive integer"),
        (_document(version=True), "version", "positive integer"),
        (_document(name=5), "name", "must be a string"),
        (_document(rules="en.json"), "rules", "list of file paths"),
        (_document(rules=[""]), "rules[0]", "file path"),
    ],
)  # fmt: skip
def test_bad_documents_raise_taxonomy_error_naming_the_field(
    document: object, field: str, reason: str
) -> None:
    """Each malformed document raises TaxonomyError with the field at fault."""
    with pytest.raises(TaxonomyError) as info:
        Taxonomy.from_dict(document, path="t.json")
    assert info.value.field == field
    assert reason in info.value.reason
    assert info.value.path == "t.json"
    assert str(info.value).startswith("t.json: ")


def test_invalid_json_reports_line_and_column(tmp_path: Path) -> None:
    """A syntax error names the file, line and column."""
    path = tmp_path / "bad.json"
    path.write_text('{\n  "categories": [,]\n}', encoding="utf-8")
    with pytest.raises(TaxonomyError, match=r"line 2, column 18") as info:
        load(path)
    assert info.value.path == str(path)


def test_missing_file_raises_taxonomy_error(tmp_path: Path) -> None:
    """A missing file raises TaxonomyError (an AistressError), not OSError."""
    with pytest.raises(AistressError, match="cannot read"):
        load(tmp_path / "absent.json")


def test_non_utf8_file_raises_taxonomy_error(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 raise TaxonomyError."""
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"name": "\xe9"}')
    with pytest.raises(TaxonomyError, match="cannot read"):
        load(path)


def test_direct_construction_validates_fields() -> None:
    """Building categories and taxonomies in code fails with InvalidValueError."""
    with pytest.raises(InvalidValueError, match=r"Category\.kind"):
        Category("x", "worry", "X", "X")
    with pytest.raises(InvalidValueError, match=r"Category\.id"):
        Category("has space", "remedy", "X", "X")
    with pytest.raises(InvalidValueError, match="earlier category"):
        Taxonomy([Category("x", "remedy", "X", "X"), Category("x", "remedy", "Y", "Y")])
    with pytest.raises(InvalidValueError, match="positive integer"):
        Taxonomy([Category("x", "remedy", "X", "X")], version=0)


def test_shipped_file_is_valid_json_in_the_documented_shape() -> None:
    """The shipped taxonomy.json has only the documented keys."""
    data = json.loads((DATA_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    assert set(data) <= {"name", "version", "description", "rules", "categories"}
    assert Taxonomy.from_dict(data) == default()
