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
from aistress.model import Bead
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


# ---------------------------------------------------------------------------
# hostile input: every defect found in the audit has a test here

SPAN_LINE = to_json(Span("d", 0, 1)).encode("utf-8")


def test_jsonl_invalid_utf8_line_keeps_good_records_and_names_line(tmp_path: Any) -> None:
    """A line of invalid UTF-8 raises SchemaError naming it, after every good record before it."""
    path = tmp_path / "records.jsonl"
    path.write_bytes(SPAN_LINE + b"\n" + SPAN_LINE + b"\n\xff\xfe bad\n" + SPAN_LINE + b"\n")
    got: list[Any] = []
    with pytest.raises(SchemaError, match="line 3: not valid UTF-8") as info:
        got.extend(load_jsonl(path))
    assert got == [Span("d", 0, 1)] * 2
    assert info.value.path == "line 3"


def test_jsonl_lenient_mode_yields_good_records_and_reports_bad() -> None:
    """strict=False yields every good record and reports each bad line with its number."""
    lines = [SPAN_LINE, b"\xff", b"{oops", b'{"doc": "d", "start": 0, "end": NaN}', SPAN_LINE]
    errors: list[SchemaError] = []
    got = list(load_jsonl(io.BytesIO(b"\n".join(lines)), Span, strict=False, errors=errors))
    assert got == [Span("d", 0, 1)] * 2
    assert [e.path for e in errors] == ["line 2", "line 3", "line 4"]
    with pytest.warns(RuntimeWarning) as warned:
        assert len(list(load_jsonl(io.BytesIO(b"\n".join(lines)), strict=False))) == 2
    assert [str(w.message).split(":")[0] for w in warned] == [
        "skipped line 2",
        "skipped line 3",
        "skipped line 4",
    ]


def test_jsonl_text_stream_decoding_error_is_a_schema_error() -> None:
    """A text stream whose own decoder fails raises SchemaError with a line number."""
    stream = io.TextIOWrapper(io.BytesIO(SPAN_LINE + b"\n\xff\n"), encoding="utf-8")
    with pytest.raises(SchemaError, match="line"):
        list(load_jsonl(stream))


@pytest.mark.parametrize("depth", [65, 1_000, 200_000])
def test_deeply_nested_json_raises_schema_error(depth: int) -> None:
    """Deeply nested arrays raise SchemaError (never RecursionError), whatever the depth."""
    with pytest.raises(SchemaError, match="nested more than"):
        from_json("[" * depth + "]" * depth)
    with pytest.raises(SchemaError, match="line 1: arrays and objects nested more than"):
        list(load_jsonl(io.StringIO('{"a": ' * depth + "1" + "}" * depth)))


def test_nesting_within_the_limit_is_read() -> None:
    """Strings full of brackets do not count as nesting."""
    text = json.dumps({**unstructure(Span("d", 0, 1)), "doc": "[" * 500 + "{" * 500})
    assert from_json(text, Span).doc == "[" * 500 + "{" * 500


@pytest.mark.parametrize("version", ["true", "1.0", '"1"', "[1]"])
def test_schema_version_must_be_the_integer(version: str) -> None:
    """schema_version must be the integer itself: true, 1.0 and "1" are refused."""
    text = f'{{"type": "Span", "schema_version": {version}, "doc": "d", "start": 0, "end": 1}}'
    with pytest.raises(SchemaError, match="schema version"):
        from_json(text)


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_nan_and_infinity_refused(number: str) -> None:
    """NaN, Infinity and numbers beyond a float are not JSON numbers."""
    text = f'{{"source": [0], "target": [0], "score": {number}}}'
    with pytest.raises(SchemaError, match=r"JSON number|too large"):
        from_json(text, Bead)


def test_nan_not_written() -> None:
    """A non-finite float in a model object is refused on writing, not written as NaN."""
    with pytest.raises(SchemaError, match="cannot be written"):
        to_json(Bead((0,), (0,), float("nan")))


def test_duplicate_keys_refused() -> None:
    """An object that repeats a key is refused, at any depth."""
    with pytest.raises(SchemaError, match="duplicate key 'end'"):
        from_json('{"doc": "d", "start": 0, "end": 1, "end": 2}', Span)
    with pytest.raises(SchemaError, match="duplicate key 'a'"):
        from_json('{"id": "a", "extra": {"a": "1", "a": "2"}}', Article)


def test_oversized_record_and_line_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record or JSON Lines line over MAX_RECORD_BYTES is refused; later lines still read."""
    import aistress.io.json as module

    monkeypatch.setattr(module, "MAX_RECORD_BYTES", len(SPAN_LINE) + 5)
    with pytest.raises(SchemaError, match="larger than"):
        from_json(json.dumps({"doc": "d" * 100, "start": 0, "end": 1}), Span)
    long_line = b'{"doc": "' + b"d" * 100 + b'", "start": 0, "end": 1}'
    errors: list[SchemaError] = []
    data = io.BytesIO(long_line + b"\n" + SPAN_LINE + b"\n")
    assert list(load_jsonl(data, strict=False, errors=errors)) == [Span("d", 0, 1)]
    assert [str(e) for e in errors] == [f"line 1: line longer than {len(SPAN_LINE) + 5} bytes"]
