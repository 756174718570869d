"""Validators and converters shared by the model classes (private)."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from aistress.errors import InvalidValueError

if TYPE_CHECKING:
    from aistress.model._corpus import Quote

T = TypeVar("T")

# ---------------------------------------------------------------------------
# validators


def _fail(instance: object, attribute: attrs.Attribute[Any], value: object, reason: str) -> None:
    raise InvalidValueError(f"{type(instance).__name__}.{attribute.name}", value, reason)


def _typed(kind: type | tuple[type, ...], *, optional: bool = False) -> Callable[..., None]:
    names = " or ".join(k.__name__ for k in (kind if isinstance(kind, tuple) else (kind,)))
    bool_ok = bool in _as_tuple(kind)  # an int field takes no True (bool is an int)

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind) or (type(value) is bool and not bool_ok):
            _fail(instance, attribute, value, f"must be {names}" + (" or None" if optional else ""))

    return check


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def _items(kind: type | tuple[type, ...]) -> Callable[..., None]:
    names = " or ".join(k.__name__ for k in _as_tuple(kind))

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        # Items of few distinct types (thousands of blocks): test each type once, in C.
        if all(issubclass(t, kind) for t in set(map(type, value))):
            return
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                _fail(instance, attribute, item, f"item {i} must be {names}")

    return check


def _non_empty(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value or value.isspace():
        _fail(instance, attribute, value, "must not be empty")


def _non_negative(instance: object, attribute: attrs.Attribute[Any], value: int) -> None:
    if value < 0:
        _fail(instance, attribute, value, "must not be negative")


def _unit_interval(instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and not 0.0 <= value <= 1.0:
        _fail(instance, attribute, value, "must lie between 0 and 1")


_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|[0-9]{3}))?$")


def _language(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        _fail(
            instance,
            attribute,
            value,
            "must be a BCP-47 language tag such as 'en', 'zh', 'zh-Hans' or 'zh-CN'",
        )


def _optional_language(
    instance: object, attribute: attrs.Attribute[Any], value: str | None
) -> None:
    if value is not None:
        _language(instance, attribute, value)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        # A bare string would silently become a tuple of characters.
        raise InvalidValueError("sequence field", value, "must be a sequence, not a single string")
    return tuple(value)


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """The one converter of sequence fields: any iterable becomes a tuple.

    Item types are checked at run time by each field's ``_items`` validator.
    """
    return tuple(value)


def _quote_pairs(value: Iterable[tuple[Quote, Quote]]) -> tuple[tuple[Quote, Quote], ...]:
    return tuple((a, b) for a, b in value)


def _extra(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    pairs = value.items() if isinstance(value, Mapping) else value
    return tuple((str(k), str(v)) for k, v in pairs)


def _extra_valid(
    instance: object, attribute: attrs.Attribute[Any], value: tuple[tuple[str, str], ...]
) -> None:
    seen: set[str] = set()
    for key, _ in value:
        if not key:
            _fail(instance, attribute, key, "keys must not be empty")
        if key in seen:
            _fail(instance, attribute, key, "keys must be unique")
        seen.add(key)


E = TypeVar("E", bound=enum.Enum)


def _enum(kind: type[E], value: object, field: str) -> E:
    """Accept an enum member or its value (so ``kind="news"`` works)."""
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        raise InvalidValueError(field, value, f"must be one of {allowed}") from None
