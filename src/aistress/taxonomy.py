"""The taxonomy of stressors and remedies, as typed objects loaded from data.

A :class:`Taxonomy` is an ordered collection of :class:`Category` values, each
with a stable id (``"pace"``), a kind (stressor or remedy), an English and a
Chinese label and a description of what counts. The taxonomy aistress ships
(:func:`default`) is read from ``aistress/data/taxonomy.json``; :func:`load`
reads your own file of the same shape, and every tagging function accepts it.

>>> tax = default()
>>> tax["pace"].label_en, tax["pace"].kind.value
('Breakneck pace', 'stressor')
>>> len(tax.stressors), len(tax.remedies)
(17, 11)
>>> "counseling" in tax, "boredom" in tax
(True, False)

The file format (JSON, UTF-8)::

    {
      "name": "my-taxonomy",            # optional
      "version": 1,                     # optional, a positive integer
      "description": "...",             # optional
      "rules": ["rules/en.json"],       # optional: rule files, relative to this file
      "categories": [
        {"id": "pace", "kind": "stressor", "label_en": "Breakneck pace",
         "label_zh": "发展速度", "description": "speed of the field ..."}
      ]
    }

A bad file raises :class:`~aistress.errors.TaxonomyError`, which names the file and the field:

>>> bad = {"id": "x", "kind": "worry", "label_en": "X", "label_zh": "X"}
>>> Taxonomy.from_dict({"categories": [bad]})
Traceback (most recent call last):
...
aistress.errors.TaxonomyError: <dict>: categories[0].kind: must be 'stressor' or ...
"""

from __future__ import annotations

import enum
import functools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from aistress.data import read_text
from aistress.errors import InvalidValueError
from aistress.errors import TaxonomyError as TaxonomyError

__all__ = [
    "DATA_DIR",
    "Category",
    "CategoryKind",
    "Taxonomy",
    "default",
    "load",
]

#: The folder of data files shipped with aistress (taxonomy, rules, lexicons).
DATA_DIR = Path(__file__).resolve().parent / "data"

_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_.\-]*$")
_TOP_KEYS = frozenset({"name", "version", "description", "rules", "categories"})
_CATEGORY_KEYS = frozenset({"id", "kind", "label_en", "label_zh", "description"})


class CategoryKind(str, enum.Enum):
    """Whether a category is a cause of stress or a proposed change."""

    STRESSOR = "stressor"
    REMEDY = "remedy"


def _kind(value: CategoryKind | str) -> CategoryKind:
    if isinstance(value, CategoryKind):
        return value
    try:
        return CategoryKind(value)
    except ValueError:
        raise InvalidValueError("Category.kind", value, "must be 'stressor' or 'remedy'") from None


def _check_id(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "must be a non-empty identifier of letters, digits, '_', '.' or '-' "
            "that starts with a letter or '_'",
        )


def _check_str(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise InvalidValueError(
            f"{type(instance).__name__}.{attribute.name}", value, "must be a string"
        )


@attrs.frozen
class Category:
    """One stressor or remedy of a taxonomy.

    >>> c = Category("pace", "stressor", "Breakneck pace", "发展速度", "speed of the field")
    >>> c.label("zh"), c.label("zh-Hans"), c.label("en-GB")
    ('发展速度', '发展速度', 'Breakneck pace')
    >>> c.is_stressor
    True
    """

    id: str = attrs.field(validator=_check_id)
    kind: CategoryKind = attrs.field(converter=_kind)
    label_en: str = attrs.field(validator=_check_str)
    label_zh: str = attrs.field(validator=_check_str)
    description: str = attrs.field(default="", validator=_check_str)

    @property
    def is_stressor(self) -> bool:
        """Whether this category is a stressor (otherwise it is a remedy)."""
        return self.kind is CategoryKind.STRESSOR

    @property
    def labels(self) -> dict[str, str]:
        """Both labels, keyed by language (``"en"`` and ``"zh"``)."""
        return {"en": self.label_en, "zh": self.label_zh}

    def label(self, language: str = "en") -> str:
        """The label in ``language`` (a BCP-47 tag); Chinese for ``zh*``, else English."""
        return self.label_zh if language.lower().startswith("zh") else self.label_en

    def to_dict(self) -> dict[str, str]:
        """The category as the JSON object a taxonomy file holds."""
        return {
            "id": self.id,
            "kind": self.kind.value,
            "label_en": self.label_en,
            "label_zh": self.label_zh,
            "description": self.description,
        }


def _categories(value: Iterable[Category]) -> tuple[Category, ...]:
    return tuple(value)


def _check_categories(
    instance: Taxonomy, attribute: attrs.Attribute[Any], value: tuple[Category, ...]
) -> None:
    seen: set[str] = set()
    for i, category in enumerate(value):
        if not isinstance(category, Category):
            raise InvalidValueError(f"Taxonomy.categories[{i}]", category, "must be a Category")
        if category.id in seen:
            raise InvalidValueError(
                f"Taxonomy.categories[{i}].id", category.id, "is used by an earlier category"
            )
        seen.add(category.id)


def _str_tuple(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str):
        raise InvalidValueError("Taxonomy.rules", value, "must be a sequence, not a string")
    return tuple(value)


@attrs.frozen
class Taxonomy:
    """An ordered set of categories, looked up by id.

    Iterating yields the categories in file order. ``rules`` lists rule files
    (paths relative to the taxonomy file) that :mod:`aistress.tagging` loads
    for this taxonomy; ``source`` is the file the taxonomy was read from
    (not part of equality).

    >>> t = Taxonomy([Category("noise", "stressor", "Noise", "噪音")], name="mine")
    >>> [c.id for c in t], t.ids, t.get("quiet") is None
    (['noise'], ('noise',), True)
    """

    categories: tuple[Category, ...] = attrs.field(
        converter=_categories, validator=_check_categories
    )
    name: str = attrs.field(default="custom", validator=_check_str)
    version: int = attrs.field(default=1)
    description: str = attrs.field(default="", validator=_check_str)
    rules: tuple[str, ...] = attrs.field(default=(), converter=_str_tuple)
    source: str | None = attrs.field(default=None, eq=False, repr=False)
    _index: Mapping[str, Category] = attrs.field(init=False, eq=False, hash=False, repr=False)

    @version.validator
    def _check_version(self, attribute: attrs.Attribute[int], value: int) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InvalidValueError("Taxonomy.version", value, "must be a positive integer")

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.id: c for c in self.categories})

    # -- lookup -----------------------------------------------------------

    def __getitem__(self, category_id: str) -> Category:
        try:
            return self._index[category_id]
        except KeyError:
            raise KeyError(f"no category {category_id!r} in taxonomy {self.name!r}") from None

    def __contains__(self, category_id: object) -> bool:
        return category_id in self._index

    def __iter__(self) -> Iterator[Category]:
        return iter(self.categories)

    def __len__(self) -> int:
        return len(self.categories)

    def get(self, category_id: str, default: Category | None = None) -> Category | None:
        """The category with this id, or ``default``."""
        return self._index.get(category_id, default)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every category id, in order."""
        return tuple(self._index)

    @property
    def stressors(self) -> tuple[Category, ...]:
        """The stressor categories, in order."""
        return tuple(c for c in self.categories if c.kind is CategoryKind.STRESSOR)

    @property
    def remedies(self) -> tuple[Category, ...]:
        """The remedy categories, in order."""
        return tuple(c for c in self.categories if c.kind is CategoryKind.REMEDY)

    def subset(self, ids: Iterable[str]) -> Taxonomy:
        """A taxonomy of only the categories named (in this taxonomy's order).

        Raises :class:`KeyError` for an id this taxonomy lacks.
        """
        wanted = set(ids)
        for category_id in wanted:
            self[category_id]
        return attrs.evolve(self, categories=[c for c in self.categories if c.id in wanted])

    def rule_paths(self) -> tuple[Path, ...]:
        """The rule files this taxonomy names, resolved against its own folder."""
        base = Path(self.source).parent if self.source else Path.cwd()
        return tuple(base / p for p in self.rules)

    # -- reading and writing ---------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The taxonomy as the JSON object :meth:`from_dict` reads."""
        out: dict[str, Any] = {"name": self.name, "version": self.version}
        if self.description:
            out["description"] = self.description
        if self.rules:
            out["rules"] = list(self.rules)
        out["categories"] = [c.to_dict() for c in self.categories]
        return out

    def to_json(self) -> str:
        """The taxonomy as JSON text, in the shape of ``taxonomy.json``."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_dict(cls, data: object, *, path: str | None = None) -> Taxonomy:
        """Build a taxonomy from parsed JSON, checking every field.

        Args:
            data: The parsed document (a mapping).
            path: The file it came from, named in errors and used to
                resolve relative rule paths.

        Raises:
            TaxonomyError: naming the field at fault.
        """
        return _from_dict(data, path)

    @classmethod
    def from_json(cls, text: str, *, path: str | None = None) -> Taxonomy:
        """Parse a taxonomy from JSON text; see :meth:`from_dict`."""
        return _from_dict(parse_json(text, path), path)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Taxonomy:
        """Read a taxonomy file (UTF-8 JSON); see :func:`load`."""
        return load(path)


def checked_object(
    value: object,
    keys: frozenset[str],
    path: str | None,
    where: str = "",
    error: type[TaxonomyError] = TaxonomyError,
) -> Mapping[str, Any]:
    """``value`` as a mapping that holds only ``keys``, else ``error`` naming the field at fault.

    The one check of every object in the taxonomy and rule files: ``where`` is
    the object's place in the document (``"categories[3]"``; empty for the
    document itself).
    """
    if not isinstance(value, Mapping):
        what = "an object" if where else "a JSON object"
        raise error(path, where, f"must be {what} (got {type(value).__name__})")
    unknown = sorted(set(value) - keys)
    if unknown:
        field = f"{where}.{unknown[0]}" if where else unknown[0]
        raise error(path, field, f"unknown key; expected one of {', '.join(sorted(keys))}")
    return value


def _from_dict(raw_data: object, path: str | None) -> Taxonomy:
    data = checked_object(raw_data, _TOP_KEYS, path)
    if "categories" not in data:
        raise TaxonomyError(path, "categories", "is required")
    raw = data["categories"]
    if not isinstance(raw, list) or not raw:
        raise TaxonomyError(path, "categories", "must be a non-empty list of objects")
    categories = [_category(item, i, path) for i, item in enumerate(raw)]
    seen: dict[str, int] = {}
    for i, category in enumerate(categories):
        if category.id in seen:
            raise TaxonomyError(
                path,
                f"categories[{i}].id",
                f"{category.id!r} repeats categories[{seen[category.id]}]",
            )
        seen[category.id] = i
    for key in ("name", "description"):
        if key in data and not isinstance(data[key], str):
            raise TaxonomyError(path, key, f"must be a string (got {data[key]!r})")
    version = data.get("version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise TaxonomyError(path, "version", f"must be a positive integer (got {version!r})")
    rules = data.get("rules", [])
    if not isinstance(rules, list):
        raise TaxonomyError(path, "rules", "must be a list of file paths")
    for i, rule in enumerate(rules):
        if not isinstance(rule, str) or not rule.strip():
            raise TaxonomyError(path, f"rules[{i}]", f"must be a file path (got {rule!r})")
    return Taxonomy(
        categories,
        name=data.get("name", "custom"),
        version=version,
        description=data.get("description", ""),
        rules=rules,
        source=path,
    )


def _category(item: object, i: int, path: str | None) -> Category:
    where = f"categories[{i}]"
    item = checked_object(item, _CATEGORY_KEYS, path, where)
    for key in ("id", "kind", "label_en", "label_zh"):
        if key not in item:
            raise TaxonomyError(path, f"{where}.{key}", "is required")
    for key in ("id", "kind", "label_en", "label_zh", "description"):
        if key in item and not isinstance(item[key], str):
            raise TaxonomyError(path, f"{where}.{key}", f"must be a string (got {item[key]!r})")
    try:
        return Category(
            item["id"],
            item["kind"],
            item["label_en"],
            item["label_zh"],
            item.get("description", ""),
        )
    except InvalidValueError as exc:
        field = exc.field.split(".", 1)[1]
        raise TaxonomyError(path, f"{where}.{field}", f"{exc.reason} (got {exc.value!r})") from None


def load(path: str | os.PathLike[str]) -> Taxonomy:
    """Read a taxonomy from a UTF-8 JSON file of the shape ``taxonomy.json`` has.

    Raises:
        TaxonomyError: if the file cannot be read or is malformed; the error
            names the file and the field.
    """
    name, data = load_json_file(path)
    return _from_dict(data, name)


def parse_json(text: str, path: str | None, error: type[TaxonomyError] = TaxonomyError) -> Any:
    """Parse JSON text, raising ``error`` with the line and column of a syntax error."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise error(path, "", reason) from None


def load_json_file(
    path: str | os.PathLike[str], error: type[TaxonomyError] = TaxonomyError
) -> tuple[str, Any]:
    """The name and parsed content of a UTF-8 JSON file; ``error`` names the file if it fails."""
    name = os.fspath(path)
    try:
        text = Path(name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise error(name, "", f"cannot read the file: {exc}") from None
    return name, parse_json(text, name, error)


@functools.cache
def default() -> Taxonomy:
    """The taxonomy aistress ships: 17 stressors and 11 remedies (read once)."""
    return Taxonomy.from_json(read_text("taxonomy.json"), path=str(DATA_DIR / "taxonomy.json"))
