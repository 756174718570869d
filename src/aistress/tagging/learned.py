"""The learned tagging model: one linear scorer per category, calibrated per language.

The model ships as ``aistress/data/tagging/model.json``, written by
``tools/train_tagger.py`` from paragraphs we labelled ourselves (see the
tagging guide). For each category it holds a bias and sparse weights over the
features of :mod:`aistress.tagging.features`; a paragraph's score for a
category is the bias plus the weights of its features (text features scaled
to unit length, rule and layout features counted once), and its confidence
is the logistic of that score under the Platt scaling of the paragraph's
language and script (``en``, ``zh-Hans``, ``zh-Hant``), then of the
category, both fitted on cross-validated scores: a confidence of 0.6 is
right about 60% of the time in every language and every category.

Scoring is a dictionary look-up per feature, linear in the paragraph.
"""

from __future__ import annotations

import functools
import math
import sys
from array import array
from collections.abc import Callable, Mapping
from typing import Any

from aistress.alignment import diskcache
from aistress.data import data_file, load_json
from aistress.errors import RuleError
from aistress.tagging.features import (
    Observation,
    category_features,
    text_scale,
    weight_sums,
)
from aistress.text.language import is_chinese
from aistress.text.script import is_traditional

__all__ = ["Model", "calibration_key", "default_model"]

_PATH = "tagging/model.json"


class Model:
    """A linear multi-label model over paragraph features.

    Args:
        document: The parsed model file (see ``tools/train_tagger.py``).
        path: Where it was read from, for error messages.

    Raises:
        RuleError: the document is not a model file.

    The weights are kept as three columns (each feature's run of category
    indices and weights, in the file's order), which the shipped model
    loads from the user cache directory in a few milliseconds
    (:func:`default_model`) instead of parsing its JSON.
    """

    def __init__(self, document: Mapping[str, Any], path: str | None = None) -> None:
        try:
            weights: dict[str, tuple[tuple[int, float], ...]] = {
                str(feature): tuple((int(c), float(w)) for c, w in pairs)
                for feature, pairs in document["weights"].items()
            }
        except (KeyError, TypeError, ValueError) as error:
            raise RuleError(path, "model", f"not a tagging model file ({error!r})") from None
        self._settings(document, path)
        n = len(self.categories)
        if any(not 0 <= c < n for pairs in weights.values() for c, _ in pairs):
            raise RuleError(path, "model.weights", "a weight names no category")
        starts = array("i", [0])
        cats = array("i")
        values = array("d")
        for pairs in weights.values():
            cats.extend(c for c, _ in pairs)
            values.extend(w for _, w in pairs)
            starts.append(len(cats))
        self._columns(tuple(weights), starts, cats, values)
        self._weights: dict[str, tuple[tuple[int, float], ...]] | None = weights
        self._document: Mapping[str, Any] | None = document
        self._read_document: Callable[[], Mapping[str, Any]] = lambda: document

    def _settings(self, document: Mapping[str, Any], path: str | None) -> None:
        """Everything of the model file but its weights."""
        try:
            self.categories: tuple[str, ...] = tuple(document["categories"])
            self.bias: tuple[float, ...] = tuple(float(b) for b in document["bias"])
            self.calibration: dict[str, tuple[float, float]] = {
                str(k): (float(a), float(b)) for k, (a, b) in document["calibration"].items()
            }
            #: Per category, a second Platt scaling of the language-calibrated
            #: log-odds (empty: none), so a confidence means the same share
            #: right in every category as well as in every language.
            self.category_calibration: dict[str, tuple[float, float]] = {
                str(k): (float(a), float(b))
                for k, (a, b) in document.get("category_calibration", {}).items()
            }
            self.threshold = float(document["threshold"])
            #: A category the rules alone are at least this sure of is tagged
            #: at the rules' confidence whatever the model says (above 1: never).
            self.rules_sure = float(document.get("rules_sure", 2.0))
            self.shared: dict[str, float] = {
                str(k): float(v) for k, v in document.get("shared", {}).items()
            }
            self.text_scale = float(document.get("text_scale", 1.0))
            #: Fewest text features a paragraph is scaled as (1 for older models).
            self.text_floor = int(document.get("text_floor", 1))
            self.kinds: tuple[str, ...] = tuple(
                str(k) + ":" for k in document.get("kinds", ["s"] * len(self.categories))
            )
        except (KeyError, TypeError, ValueError) as error:
            raise RuleError(path, "model", f"not a tagging model file ({error!r})") from None
        if len(self.bias) != len(self.categories) or len(self.kinds) != len(self.bias):
            raise RuleError(path, "model", "bias, kinds and categories differ in length")
        if not self.calibration:
            raise RuleError(path, "model.calibration", "must calibrate some language")
        self._context: dict[str, dict[str, float]] = {kind: {} for kind in set(self.kinds)}
        for key, w in self.shared.items():
            kind, _, feature = key.partition(":")
            if feature and kind + ":" in self._context:
                self._context[kind + ":"][feature] = w
        self._context_keys = {kind: frozenset(table) for kind, table in self._context.items()}
        self.index = {c: i for i, c in enumerate(self.categories)}
        self._floors: dict[tuple[float, str, int | None], float] = {}
        self._all_floors: dict[tuple[float, str], tuple[float, ...]] = {}
        self._tables: list[dict[str, float]] | None = None

    def _columns(
        self, features: tuple[str, ...], starts: array[int], cats: array[int], values: array[float]
    ) -> None:
        """Feature ``k``'s weights: ``values[starts[k]:starts[k + 1]]``, for ``cats`` there."""
        self._features = features
        self._position = dict(zip(features, range(len(features)), strict=True))
        self._starts, self._cats, self._values = starts, cats, values
        self._vocabulary = frozenset(features)
        #: A known feature's ``(category index, weight)`` pairs, kept once read.
        self._kept = _Kept(self._pairs)
        self._read_columns: dict[int, _Column] = {}

    def packed(self) -> tuple[dict[str, Any], tuple[str, ...], bytes, bytes, bytes]:
        """The model as plain data (``marshal``-able) that :meth:`from_packed` reads back."""
        settings = {k: v for k, v in self.document.items() if k != "weights"}
        return (
            settings,
            self._features,
            self._starts.tobytes(),
            self._cats.tobytes(),
            self._values.tobytes(),
        )

    @classmethod
    def from_packed(
        cls,
        packed: tuple[dict[str, Any], tuple[str, ...], bytes, bytes, bytes],
        document: Callable[[], Mapping[str, Any]],
    ) -> Model:
        """The model :meth:`packed` gave; ``document`` reads the model file when asked for."""
        settings, features, starts, cats, values = packed
        model = cls.__new__(cls)
        model._settings(settings, None)
        starts_column, cats_column, values_column = array("i"), array("i"), array("d")
        starts_column.frombytes(starts)
        cats_column.frombytes(cats)
        values_column.frombytes(values)
        model._columns(tuple(features), starts_column, cats_column, values_column)
        model._weights = None
        model._document = None
        model._read_document = document
        return model

    def _pairs(self, feature: str) -> tuple[tuple[int, float], ...]:
        """A feature's ``(category index, weight)`` pairs, read from the columns."""
        k = self._position[feature]
        start, end = self._starts[k], self._starts[k + 1]
        return tuple(zip(self._cats[start:end], self._values[start:end], strict=True))

    @property
    def document(self) -> Mapping[str, Any]:
        """The parsed model file."""
        if self._document is None:
            self._document = self._read_document()
        return self._document

    @property
    def weights(self) -> dict[str, tuple[tuple[int, float], ...]]:
        """Per feature, its ``(category index, weight)`` pairs."""
        if self._weights is None:
            starts, cats, values = self._starts, self._cats, self._values
            self._weights = {
                feature: tuple(
                    zip(
                        cats[starts[k] : starts[k + 1]],
                        values[starts[k] : starts[k + 1]],
                        strict=True,
                    )
                )
                for k, feature in enumerate(self._features)
            }
        return self._weights

    def scores(self, seen: Observation) -> list[float]:
        """The raw score of every category (in the order of ``categories``).

        Text features are scaled to unit length together, rule and layout
        features count one each, shared features as
        :func:`~aistress.tagging.features.category_features` and the
        category's context (see :class:`~aistress.tagging.features.Observation`).
        """
        out = list(self.bias)
        text, other = seen.text, seen.other
        if text:
            # Sum the text weights first and scale each category's sum once.
            sums = weight_sums(text, self._vocabulary, self._kept.__getitem__, len(out))
            scale = self.text_scale * text_scale(len(text), self.text_floor)
            out = [b + s * scale for b, s in zip(out, sums, strict=True)]
        for feature in sorted(other & self._vocabulary):
            for c, w in self._kept[feature]:
                out[c] += w
        shared = self.shared
        named = sorted({f[2:] for f in seen.other if f[1:2] == ":"})
        for category in named:
            index = self.index.get(category)
            if index is None:
                continue
            found = seen.confidence.get(category, 0.0)
            for feature, value in category_features(seen.other, category, found):
                out[index] += shared.get(feature, 0.0) * value
            context = seen.context.get(category)
            if context:
                kind = self.kinds[index]
                hits = context & self._context_keys[kind]
                if hits:
                    table = self._context[kind]
                    norm = text_scale(len(context), self.text_floor)
                    out[index] += sum(table[f] for f in sorted(hits)) * norm
        return out

    def weight(self, feature: str, category: int) -> float:
        """The weight of one feature for one category (0 if it has none)."""
        k = self._position.get(feature)
        if k is None:
            return 0.0
        cats = self._cats
        for p in range(self._starts[k + 1] - 1, self._starts[k] - 1, -1):
            if cats[p] == category:  # the last one listed, as in table()
                return self._values[p]
        return 0.0

    def column(self, category: int) -> Mapping[str, float]:
        """The weights of one category, read from the columns as features are asked for.

        ``column(c)[feature]`` is :meth:`weight` of the feature (0 if it has
        none), kept once read: a dictionary look-up in C for the features
        seen before, with none of :meth:`table`'s cost of reading them all.
        """
        found = self._read_columns.get(category)
        if found is None:
            found = self._read_columns[category] = _Column(self.weight, category)
        return found

    def table(self, category: int) -> Mapping[str, float]:
        """Every weight of one category, by feature (absent: 0)."""
        if self._tables is None:
            tables: list[dict[str, float]] = [{} for _ in self.categories]
            starts, cats, values = self._starts, self._cats, self._values
            for k, feature in enumerate(self._features):
                for p in range(starts[k], starts[k + 1]):
                    tables[cats[p]][feature] = values[p]
            self._tables = tables
        return self._tables[category]

    def _scaling(self, key: str, category: int | None) -> tuple[float, float]:
        """``(a, b)`` of the calibrated log-odds ``a * score + b`` of ``key`` and ``category``."""
        a, b = self.calibration.get(key) or next(iter(self.calibration.values()))
        if category is not None and self.category_calibration:
            found = self.category_calibration.get(self.categories[category])
            if found is not None:
                alpha, beta = found
                a, b = alpha * a, alpha * b + beta
        return a, b

    def floor(self, confidence: float, key: str, category: int | None = None) -> float:
        """The lowest raw score whose calibrated confidence reaches ``confidence``.

        For calibration ``key`` and, if given, the category at index ``category``.
        """
        found = self._floors.get((confidence, key, category))
        if found is not None:
            return found
        a, b = self._scaling(key, category)
        if confidence <= 0.0 or a <= 0.0:
            found = -math.inf
        elif confidence >= 1.0:
            found = math.inf
        else:
            found = (math.log(confidence / (1.0 - confidence)) - b) / a - 1e-9
        if len(self._floors) < 4096:
            self._floors[(confidence, key, category)] = found
        return found

    def floors(self, confidence: float, key: str) -> tuple[float, ...]:
        """:meth:`floor` of every category, in the order of ``categories``."""
        found = self._all_floors.get((confidence, key))
        if found is None:
            found = tuple(self.floor(confidence, key, c) for c in range(len(self.categories)))
            if len(self._all_floors) < 256:
                self._all_floors[(confidence, key)] = found
        return found

    def confidence(self, score: float, key: str, category: int | None = None) -> float:
        """The calibrated probability of a raw score for ``key`` (and ``category``, if given)."""
        a, b = self._scaling(key, category)
        z = a * score + b
        if z < -35.0:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))


class _Kept(dict[str, tuple[tuple[int, float], ...]]):
    """Each known feature's ``(category index, weight)`` pairs, read from the columns once.

    A look-up of a feature read before is a dictionary look-up in C
    (``map(kept.__getitem__, features)``), with no Python call.
    """

    __slots__ = ("_read",)

    def __init__(self, read: Callable[[str], tuple[tuple[int, float], ...]]) -> None:
        super().__init__()
        self._read = read

    def __missing__(self, feature: str) -> tuple[tuple[int, float], ...]:
        found = self[feature] = self._read(feature)
        return found


#: Most features a :class:`_Column` keeps before it starts again.
_COLUMN_KEPT = 1 << 15


class _Column(dict[str, float]):
    """One category's weights by feature, each read from the model's columns once."""

    __slots__ = ("_category", "_weight")

    def __init__(self, weight: Callable[[str, int], float], category: int) -> None:
        super().__init__()
        self._weight = weight
        self._category = category

    def __missing__(self, feature: str) -> float:
        found = self._weight(feature, self._category)
        if len(self) >= _COLUMN_KEPT:
            self.clear()
        self[feature] = found
        return found


def calibration_key(language: str, text: str) -> str:
    """``"en"``, ``"zh-Hans"`` or ``"zh-Hant"``: the calibration a paragraph uses.

    >>> calibration_key("zh", "這些問題"), calibration_key("zh-CN", "这些问题")
    ('zh-Hant', 'zh-Hans')
    >>> calibration_key("fr", "x")
    'en'
    """
    if not is_chinese(language):
        return "en"
    if language.lower().endswith(("hant", "tw", "hk", "mo")) or is_traditional(text):
        return "zh-Hant"
    return "zh-Hans"


#: Version of :meth:`Model.packed`'s layout: change it when the layout changes.
_PACKED_VERSION = "1"


@functools.cache
def default_model() -> Model:
    """The model aistress ships, read once per process.

    Its packed form (:meth:`Model.packed`) is kept in the user cache
    directory (:mod:`aistress.alignment.diskcache`), keyed by the model
    file: later processes load it in a few milliseconds instead of parsing
    the JSON (a tenth of a second, most of the tagging of a short report).
    """
    file = data_file(_PATH)
    if file is None:  # inside a zip: no file to key a cache entry by
        return Model(load_json(_PATH), _PATH)
    packed = diskcache.cached(
        "tagging-model",
        file,
        f"{_PACKED_VERSION}:{sys.byteorder}",
        lambda: Model(load_json(_PATH), _PATH).packed(),
    )
    try:
        return Model.from_packed(packed, lambda: load_json(_PATH))
    except (RuleError, TypeError, ValueError):  # a cache entry not of this layout
        return Model(load_json(_PATH), _PATH)
