"""Lossless JSON and JSON Lines for every model class.

One preconfigured cattrs converter, :data:`converter`, turns model objects
into plain dicts and back. The top-level record of :func:`to_json`,
:func:`unstructure` and :func:`dump_jsonl` carries two extra keys first:
``"type"`` (the class name) and ``"schema_version"`` (:data:`SCHEMA_VERSION`).
Dates are ISO 8601 strings (partial dates stay partial: ``"--01-25"``), enums
are written by value, tuples as arrays, and keys follow the class's field order.

Reading is strict, so that a hostile or damaged file is refused with a
:class:`~aistress.errors.SchemaError` rather than read wrongly: the
``schema_version`` must be the integer :data:`SCHEMA_VERSION` (not ``true`` or
``1.0``), ``NaN`` and ``Infinity`` (and numbers too large for a float) are
refused, an object may not repeat a key, nesting is limited to
:data:`MAX_DEPTH` levels and one record to :data:`MAX_RECORD_BYTES` bytes.

>>> from aistress import Article, PartialDate, from_json, to_json
>>> a = Article("a1", "en", "news", published=PartialDate(month=1, day=25))
>>> text = to_json(a)
>>> text[:60]
'{"type": "Article", "schema_version": 1, "id": "a1", "langua'
>>> from_json(text, Article) == a
True
"""

from __future__ import annotations

import enum
import json
import math
import os
import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import attrs
import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from aistress import model
from aistress.errors import InvalidValueError, SchemaError, reason_with_value
from aistress.io.atomic import atomic_write

__all__ = [
    "MAX_DEPTH",
    "MAX_RECORD_BYTES",
    "SCHEMA_VERSION",
    "converter",
    "dump_jsonl",
    "from_json",
    "load_jsonl",
    "structure",
    "to_json",
    "unstructure",
]

#: Version of the JSON layout; bumped whenever a record changes shape.
SCHEMA_VERSION = 1

#: Deepest nesting of arrays and objects accepted in one record (a model
#: record nests fewer than ten levels).
MAX_DEPTH = 64

#: Largest record accepted (a JSON text given to :func:`from_json`, or one
#: line of a JSON Lines file), in bytes of UTF-8.
MAX_RECORD_BYTES = 64 * 1024 * 1024

T = TypeVar("T")

#: Every class a top-level record may hold, by the name written in ``"type"``.
RECORD_TYPES: dict[str, type[Any]] = {
    name: getattr(model, name) for name in model.__all__ if attrs.has(getattr(model, name))
}


#: Classes written as one JSON value rather than an object.
_SCALAR_TYPES: frozenset[type[Any]] = frozenset({model.PartialDate})


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)

    conv.register_unstructure_hook(model.PartialDate, lambda d: d.isoformat())

    def structure_date(value: Any, _: type) -> model.PartialDate:
        if not isinstance(value, str):
            raise InvalidValueError("PartialDate", value, "must be an ISO 8601 string")
        return model.PartialDate.fromisoformat(value)

    conv.register_structure_hook(model.PartialDate, structure_date)

    def extra_to_json(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
        return dict(pairs)

    def extra_from_json(value: Any, _: Any) -> tuple[tuple[str, str], ...]:
        if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in value.items()
        ):
            raise InvalidValueError("extra", value, "must be an object of strings")
        return tuple(value.items())

    def strict(kind: type) -> Any:
        def hook(value: Any, _: type) -> Any:
            # cattrs would turn 1 into "1" or True into 1; JSON types must match.
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                return float(value)
            if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
                raise InvalidValueError(kind.__name__, value, f"must be a JSON {_json_name(kind)}")
            return value

        return hook

    for kind in (str, int, float, bool):
        conv.register_structure_hook(kind, strict(kind))

    def enum_hook(value: Any, kind: type[enum.Enum]) -> enum.Enum:
        try:
            return kind(value)
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in kind)
            raise InvalidValueError(kind.__name__, value, f"must be one of {allowed}") from None

    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), enum_hook
    )

    # Registered last: the generated functions capture the hooks above.
    conv.register_unstructure_hook(
        model.Article,
        make_dict_unstructure_fn(model.Article, conv, extra=override(unstruct_hook=extra_to_json)),
    )
    conv.register_structure_hook(
        model.Article,
        make_dict_structure_fn(
            model.Article,
            conv,
            extra=override(struct_hook=extra_from_json),
            _cattrs_forbid_extra_keys=True,
        ),
    )
    return conv


def _json_name(kind: type) -> str:
    return {str: "string", int: "integer", float: "number", bool: "boolean"}[kind]


#: The converter used by every function of this module; use it directly for
#: nested values (``converter.unstructure(span)``).
converter: cattrs.Converter = _make_converter()


def unstructure(obj: object) -> dict[str, Any]:
    """Return the top-level JSON record (a dict) for a model object."""
    name = type(obj).__name__
    if RECORD_TYPES.get(name) is not type(obj):
        raise TypeError(f"to_json takes an aistress model object, not {name}")
    body = converter.unstructure(obj)
    if not isinstance(body, dict):  # a scalar value such as a PartialDate
        body = {"value": body}
    return {"type": name, "schema_version": SCHEMA_VERSION, **body}


def to_json(obj: object, *, indent: int | None = None) -> str:
    """Serialise a model object to a JSON string (a top-level record)."""
    return _dumps(unstructure(obj), indent)


def _dumps(record: dict[str, Any], indent: int | None = None) -> str:
    try:
        return json.dumps(record, ensure_ascii=False, indent=indent, allow_nan=False)
    except ValueError as exc:  # NaN or infinity somewhere in the record
        raise SchemaError("", f"cannot be written as JSON: {exc}") from None


@overload
def structure(record: Mapping[str, Any], cls: type[T]) -> T: ...
@overload
def structure(record: Mapping[str, Any], cls: None = None) -> Any: ...


def structure(record: Mapping[str, Any], cls: type[T] | None = None) -> T | Any:
    """Build a model object from a top-level record (a dict).

    ``cls`` may be left out: the record's ``"type"`` key then chooses it.
    Raises :class:`~aistress.errors.SchemaError` naming the field at fault.
    """
    if not isinstance(record, Mapping):
        raise SchemaError("", f"a record must be a JSON object, not {type(record).__name__}")
    body = dict(record)
    name = body.pop("type", None)
    version = body.pop("schema_version", None)
    if version is not None and (type(version) is not int or version != SCHEMA_VERSION):
        raise SchemaError(
            "schema_version",
            f"records of schema version {version!r} cannot be read by this aistress "
            f"(it reads version {SCHEMA_VERSION})",
        )
    if cls is None:
        if not isinstance(name, str) or name not in RECORD_TYPES:
            raise SchemaError("type", f"unknown record type {name!r}; pass cls= to choose one")
        cls = RECORD_TYPES[name]
    elif name is not None and name != cls.__name__:
        raise SchemaError("type", f"record holds a {name}, not a {cls.__name__}")
    value: Any = body
    if cls in _SCALAR_TYPES:
        if set(body) != {"value"}:
            raise SchemaError("", f"a {cls.__name__} record holds exactly one key, 'value'")
        value = body["value"]
    try:
        return converter.structure(value, cls)
    except Exception as exc:  # cattrs wraps every failure; report the first, exactly
        raise _schema_error(exc) from exc


def from_json(data: str | bytes | Mapping[str, Any], cls: type[T] | None = None) -> T | Any:
    """Read a model object from JSON text (or an already parsed record).

    >>> from aistress import Span
    >>> from_json('{"doc": "a1", "start": 0, "end": "x"}', Span)
    Traceback (most recent call last):
    ...
    aistress.errors.SchemaError: end: must be a JSON integer (got 'x')
    """
    record: Any = data
    if isinstance(data, (bytes, bytearray)):
        data = _decode(bytes(data))
    if isinstance(data, str):
        record = parse(data)
    return structure(record, cls)


def parse(text: str) -> Any:
    """Parse JSON text strictly (see the module notes); return plain values.

    Raises :class:`~aistress.errors.SchemaError` for anything that is not
    strict JSON within the limits:

    >>> parse('{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    aistress.errors.SchemaError: <record>: duplicate key 'a'
    """
    if len(text) > MAX_RECORD_BYTES or (
        4 * len(text) > MAX_RECORD_BYTES
        and len(text.encode("utf-8", "surrogatepass")) > MAX_RECORD_BYTES
    ):
        raise SchemaError("", f"record larger than {MAX_RECORD_BYTES} bytes (MAX_RECORD_BYTES)")
    try:
        value = json.loads(
            text,
            object_pairs_hook=_unique_keys,
            parse_constant=_no_constant,
            parse_float=_finite_float,
        )
    except RecursionError:
        raise _too_deep() from None
    except ValueError as exc:  # JSONDecodeError, or a number too long for int()
        raise SchemaError("", f"not valid JSON: {exc}") from exc
    if text.count("[") + text.count("{") > MAX_DEPTH:
        _check_depth(text)
    return value


def _too_deep() -> SchemaError:
    return SchemaError("", f"arrays and objects nested more than {MAX_DEPTH} deep (MAX_DEPTH)")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise SchemaError("", f"duplicate key {key!r}")
            seen.add(key)
    return record


def _no_constant(name: str) -> float:
    raise SchemaError("", f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise SchemaError("", f"number {text[:40]} is too large for a float")
    return value


#: A JSON string, or one bracket, in valid JSON text.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _check_depth(text: str) -> None:
    """Refuse valid JSON nested deeper than MAX_DEPTH (linear: strings are skipped whole)."""
    depth = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep()
        elif token in "]}":
            depth -= 1


def _decode(data: bytes) -> str:
    """Decode UTF-8 (a leading byte-order mark is dropped) or raise SchemaError."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SchemaError(
            "", f"not valid UTF-8: byte {data[exc.start]:#04x} at offset {exc.start}"
        ) from None


def _schema_error(exc: BaseException) -> SchemaError:
    messages = cattrs.transform_error(exc, path="$", format_exception=_format)
    first = messages[0] if messages else str(exc)
    reason, _, where = first.rpartition(" @ ")
    if not reason:
        reason, where = first, "$"
    path = where[2:] if where.startswith("$.") else where[1:]
    # A validator names "Class.field": move the field into the path.
    named = _FIELD_REASON.match(reason)
    if named:
        path = f"{path}.{named[1]}" if path else named[1]
        reason = named[2]
    if len(messages) > 1:
        reason += f" (and {len(messages) - 1} more problem{'s' if len(messages) > 2 else ''})"
    return SchemaError(path, reason)


_FIELD_REASON = re.compile(r"^[A-Z]\w*\.(\w+): (.*)$", re.DOTALL)


def _format(exc: BaseException, type_: type | None) -> str:
    if isinstance(exc, InvalidValueError):
        if "." in exc.field:
            return str(exc)
        return reason_with_value(exc.reason, repr(exc.value))
    if isinstance(exc, KeyError):
        return "required field missing"
    if isinstance(exc, cattrs.ForbiddenExtraKeysError):
        return f"unknown field(s) {', '.join(sorted(exc.extra_fields))}"
    return cattrs.v.format_exception(exc, type_)


def dump_jsonl(objects: Iterable[object], dest: str | os.PathLike[str] | IO[str]) -> int:
    """Write one record per line to a path or a text stream; return the count.

    Records are written as they come, so a generator of any length streams
    through in constant memory. A path is written atomically (see
    :func:`~aistress.io.atomic.atomic_write`): if a record cannot be encoded or the
    write is interrupted, the file keeps its previous contents.
    """
    if isinstance(dest, (str, os.PathLike)):
        with atomic_write(dest) as stream:
            return dump_jsonl(objects, stream)
    count = 0
    for obj in objects:
        dest.write(_dumps(unstructure(obj)) + "\n")
        count += 1
    return count


def load_jsonl(
    src: str | os.PathLike[str] | IO[str] | IO[bytes],
    cls: type[T] | None = None,
    *,
    strict: bool = True,
    errors: list[SchemaError] | None = None,
) -> Iterator[T | Any]:
    r"""Yield the objects of a JSON Lines file or stream, one per line.

    Lines are decoded one by one (a path or a binary stream is read as bytes),
    so every good record before a bad line is yielded before the bad line
    raises. Blank lines are skipped.

    Args:
        src: A path, or a text or binary stream.
        cls: The class of every record; by default each record's ``"type"``
            chooses it.
        strict: If true (the default), the first bad line raises
            :class:`~aistress.errors.SchemaError` whose path starts with its
            line number. If false, bad lines are skipped: each one's error is
            appended to ``errors`` or, with no list given, issued as a
            :class:`RuntimeWarning`.
        errors: Where ``strict=False`` reports the lines it skipped.

    Yields:
        One model object per non-blank line.

    >>> import io
    >>> from aistress import Span
    >>> lines = io.BytesIO(b'{"doc": "d", "start": 0, "end": 1}\n\xff\n')
    >>> skipped = []
    >>> list(load_jsonl(lines, Span, strict=False, errors=skipped))
    [Span(doc='d', start=0, end=1)]
    >>> print(skipped[0])
    line 2: not valid UTF-8: byte 0xff at offset 0
    """
    if isinstance(src, (str, os.PathLike)):
        with Path(src).open("rb") as stream:
            yield from load_jsonl(stream, cls, strict=strict, errors=errors)
        return
    for number, line in _lines(src):
        try:
            if isinstance(line, SchemaError):
                raise line
            text = _decode(line) if isinstance(line, bytes) else line
            if not text.strip():
                continue
            obj = from_json(text, cls)
        except SchemaError as exc:
            prefix = f"line {number}"
            error = SchemaError(f"{prefix}: {exc.path}" if exc.path else prefix, exc.reason)
            if strict:
                raise error from exc
            if errors is None:
                warnings.warn(f"skipped {error}", RuntimeWarning, stacklevel=2)
            else:
                errors.append(error)
            continue
        yield obj


def _lines(stream: IO[str] | IO[bytes]) -> Iterator[tuple[int, str | bytes | SchemaError]]:
    """Number the lines of a stream; a line over MAX_RECORD_BYTES becomes an error."""
    number = 0
    while True:
        number += 1
        try:
            line: str | bytes = stream.readline(MAX_RECORD_BYTES + 1)
        except UnicodeDecodeError as exc:  # a text stream's own decoder failed
            yield number, SchemaError("", f"not valid {exc.encoding}: {exc.reason}")
            return
        if not line:
            return
        if len(line) > MAX_RECORD_BYTES:
            while line and line[-1:] not in ("\n", b"\n"):
                line = stream.readline(MAX_RECORD_BYTES)
            yield number, SchemaError("", f"line longer than {MAX_RECORD_BYTES} bytes")
            continue
        yield number, line
