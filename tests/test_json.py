"""Tests of the JSON and JSON Lines round trip."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress import (
    Article,
    PartialDate,
    SchemaError,
    Span,
    dump_jsonl,
    from_json,
    load_jsonl,
    to_json,
)
from aistress.io.json import SCHEMA_VERSION, unstructure
from aistress.testing import strategies as ais

EVERY_MODEL = st.one_of(
    ais.spans(),
    ais.partial_dates(),
    ais.blocks(),
    ais.field_spans(),
    ais.provenances(),
    ais.articles(),
    ais.boilerplates(),
    ais.issues(),
    ais.beads(),
    ais.alignments(),
    ais.translations(),
    ais.relations(),
    ais.person_links(),
    ais.people(),
    ais.quotes(),
    ais.stressors(),
    ais.remedies(),
    ais.sources(),
    ais.read_failures(),
    ais.corpora(),
    ais.discrepancies(),
    ais.comparisons(),
    ais.article_records(),
)


@given(EVERY_MODEL)
def test_json_round_trip(obj: Any) -> None:
    """from_json(to_json(x), type(x)) == x for every model class."""
    assert from_json(to_json(obj), type(obj)) == obj


@given(EVERY_MODEL)
def test_json_round_trip_by_type_key(obj: Any) -> None:
    """The record's type key alone is enough to read it back."""
    back = from_json(to_json(obj))
    assert type(back) is type(obj)
    assert back == obj


@given(EVERY_MODEL)
def test_record_header(obj: Any) -> None:
    """Every top-level record starts with its type and the schema version."""
    record = unstructure(obj)
    assert list(record)[:2] == ["type", "schema_version"]
    assert record["schema_version"] == SCHEMA_VERSION


@given(
    st.lists(st.one_of(ais.articles(), ais.quotes(), ais.stressors(), ais.remedies()), max_size=6)
)
def test_jsonl_round_trip(objects: list[Any]) -> None:
    """A list written as JSON Lines reads back equal, in order."""
    stream = io.StringIO()
    assert dump_jsonl(objects, stream) == len(objects)
    stream.seek(0)
    assert list(load_jsonl(stream)) == objects


def test_jsonl_file_round_trip(tmp_path: Any) -> None:
    """dump_jsonl and load_jsonl accept paths."""
    path = tmp_path / "a.jsonl"
    items = [Article("a", "en", "news"), Article("b", "zh", "translation")]
    dump_jsonl(iter(items), path)
    assert list(load_jsonl(path, Article)) == items


def test_partial_date_written_as_iso() -> None:
    """Partial dates are written in ISO 8601 and stay partial."""
    record = json.loads(to_json(Article("a", "en", "news", published=PartialDate(month=1, day=25))))
    assert record["published"] == "--01-25"


def test_key_order_is_stable() -> None:
    """Two serialisations of equal objects are byte-identical."""
    a = Article("a", "en", "news", extra={"b": "1", "a": "2"})
    assert to_json(a) == to_json(Article("a", "en", "news", extra={"b": "1", "a": "2"}))


@pytest.mark.parametrize(
    ("text", "path", "reason"),
    [
        ('{"doc": "d", "start": 0}', "end", "required field missing"),
        ('{"doc": "d", "start": 0, "end": "1"}', "end", "must be a JSON integer"),
        ('{"doc": "d", "start": 2, "end": 1}', "end", "must not be before start"),
        ('{"doc": "d", "start": 0, "end": 1, "x": 1}', "", "unknown field"),
        ("[]", "", "must be a JSON object"),
        ("{", "", "not valid JSON"),
    ],
)
def test_malformed_json_names_field(text: str, path: str, reason: str) -> None:
    """Malformed records raise SchemaError naming the field and the reason."""
    with pytest.raises(SchemaError, match=reason) as info:
        from_json(text, Span)
    assert info.value.path == path


def test_nested_errors_name_the_path() -> None:
    """An error deep in a record gives its full path."""
    bad = {"id": "a", "language": "en", "kind": "news", "blocks": [{"kind": "para", "text": "x"}]}
    with pytest.raises(SchemaError) as info:
        from_json(bad, Article)
    assert info.value.path == "blocks[0].kind"
    assert "'paragraph'" in info.value.reason


def test_wrong_type_and_version_refused() -> None:
    """A record of another type, or of another schema version, is refused."""
    record = unstructure(Span("d", 0, 1))
    with pytest.raises(SchemaError, match="not a Article"):
        from_json(record, Article)
    with pytest.raises(SchemaError, match="schema version"):
        from_json({**record, "schema_version": SCHEMA_VERSION + 1})


def test_jsonl_error_names_line() -> None:
    """A bad line of a JSON Lines stream is reported by number."""
    stream = io.StringIO(to_json(Span("d", 0, 1)) + "\n\n{oops\n")
    with pytest.raises(SchemaError, match="line 3"):
        list(load_jsonl(stream))


def test_to_json_refuses_foreign_objects() -> None:
    """to_json is for model objects only."""
    with pytest.raises(TypeError):
        to_json({"a": 1})
