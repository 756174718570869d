"""Train the learned tagging model from paragraphs we labelled ourselves.

The training set is ``tools/tagdata/train/`` (documents written for aistress,
blind, from the taxonomy only, by a colleague who had not read the code; the
same JSON shape as the tagging benchmark's gold). ``tools/tagdata/test/`` is
never read here: it is for measuring only (``benchmarks/bench_tagging_quality.py``),
and so are the shared benchmark sets and the seeds.

Method:

1. Each paragraph becomes features (:mod:`aistress.tagging.features`): its
   English stems and stem pairs, its Chinese characters and character pairs
   (Traditional read as Simplified), the categories the rule files fire for
   (asserted or denied) and whether it is a title or an interviewer's question.
2. One logistic regression per category (L2-regularised, class-weighted),
   trained jointly by full-batch Adam with numpy (sparse products compiled
   with numba; no sampling, so the output is reproducible), over features
   seen in at least ``min_df`` documents.
3. Settings (regularisation, positive-class weight, rule features on or off)
   are chosen by five-fold cross-validation over documents: the setting with
   the best out-of-fold paragraph micro F1 wins.
4. The out-of-fold scores of the chosen setting fit a Platt scaling per
   language and script (``en``, ``zh-Hans``, ``zh-Hant``), then one per
   category of the language-calibrated log-odds, so a confidence means the
   same share right in each language and each category; the decision
   threshold on that calibrated confidence is the one with the best
   out-of-fold F1 (the figures with the language scaling alone are kept in
   the report as ``language_calibration_only``).
5. The chosen setting is trained on every training document; weights under
   ``PRUNE`` are dropped and the rest rounded, and the model is written to
   ``src/aistress/data/tagging/model.json`` with its cross-validated figures.

Tried and left out, measured the same way on 750 documents (out-of-fold
paragraph micro F1, all / English, 0.639 / 0.559 with the setting chosen):
English word prefixes (the first five letters of words of seven or more,
so ``counsellor`` meets ``counseling``): 0.635 / 0.551; a positive-class
weight of 6: 0.637 / 0.547. Then, for English (same folds, same setting):

- a sentence-level model, one logistic regression per category over each
  sentence's features, trained on the gold ``evidence`` (the sentence that
  holds a category's evidence is a positive, the paragraph's other sentences
  negatives; 9,965 sentences, 1.7 per paragraph): alone, as the maximum over
  a paragraph's sentences, 0.591 / 0.482; averaged with the paragraph
  model's log-odds 0.630 / 0.539 and their maximum 0.623 / 0.534 (against
  0.629 / 0.553 for that paragraph setting); its out-of-fold maximum as a
  shared-weight feature of the paragraph model 0.637 / 0.552. Our
  paragraphs are short, and a category said in one sentence is usually
  framed by the next, so the paragraph reads better than its sentences;
- the sentences of every paragraph of two or more sentences added to the
  training paragraphs with their evidence labels: 0.622 / 0.530;
- English normalised by the Snowball (Porter 2) stemmer instead of
  :func:`~aistress.text.words.stem`: 0.638 / 0.559; with irregular verb and
  noun forms mapped to their base (``slept``, ``left``, ``children``):
  0.633 / 0.549;
- pairs of content words up to three words apart: 0.632 / 0.545;
- the rule files' named term groups as features (``@rest``, ``@distress``
  ...; the 48 names are the same in both files, so they carry what is
  learnt across languages): 0.634 / 0.546;
- a bias per category and language: 0.632 / 0.549;
- 400 training steps instead of 200: 0.629 / 0.549;
- a threshold per category, chosen on the other folds: 0.629 / 0.545;
- a naive Bayes log-count ratio score added to the log-odds (0.2 of it):
  0.643 / 0.551 (Chinese up 0.01, English down). As a feature of the second
  stage it helps instead, and ships for Chinese (``tools/train_rescorer.py``).

On 1,108 documents (same folds, l2=3e-5, positive weight 2; without it
all 0.653 / English 0.603):

- English word vectors distilled from the sentence-embedding model
  all-MiniLM-L6-v2 (each of 24,000 words, the model's own WordPiece words
  and our training words, embedded alone; 128 principal components, smooth
  inverse frequency weights, one byte per component): per category a
  logistic regression over a paragraph's unit vector, its log-odds
  cross-fitted over five inner folds and weighed by one shared weight:
  0.649 / 0.606 (document level English 0.684 against 0.687). Beside a
  plain bag-of-words logistic regression the same vectors lift our English
  test split's paragraph F1 from 0.53 to 0.62; beside the rules and this
  model's own words they add nothing measurable.

What the model misses in English is mostly said without any word the
training paragraphs share with it (a lunch of crackers eaten standing, a
barista as the week's longest conversation), which no reading
of the same words recovers.

Usage: ``python tools/train_tagger.py [--quick] [--save-oof PATH]`` (``--quick``:
the first setting only, the one the whole list chose last; ``--save-oof``:
write the out-of-fold scores of the last setting as JSON).
"""

from __future__ import annotations

import json
import math
import statistics
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import numba
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "tagdata"
OUT = ROOT / "src" / "aistress" / "data" / "tagging" / "model.json"

from aistress.model import Block  # noqa: E402
from aistress.tagging.features import (  # noqa: E402
    TEXT_FLOOR,
    Observation,
    category_features,
    text_scale,
)
from aistress.tagging.learned import calibration_key  # noqa: E402
from aistress.tagging.tagger import Tagger  # noqa: E402
from aistress.taxonomy import default as default_taxonomy  # noqa: E402

#: The shared-feature prefix of each category: ``s:`` for stressors, ``r:`` for remedies.
KINDS = {c.id: "s:" if c.is_stressor else "r:" for c in default_taxonomy()}
#: Weights smaller than this are left out of the model (in cross-validation too,
#: so the calibration is fitted to the scores of pruned models).
PRUNE = 0.15
#: A category is tagged whatever the model says where the rules' calibrated
#: confidence reaches the model's own threshold (at the rules' confidence, which
#: then is the higher): the rules' curve is fitted on the same training
#: paragraphs, so both sources' confidences mean the share of tags right, and
#: either reaching the threshold makes a tag. Measured on our test split against
#: tagging only where the rules reach 0.45: document F1 -0.01 (en), -0.01
#: (zh-Hans), -0.02 (zh-Hant); the seeds' document F1 0.957 -> 0.965 and the
#: per-seed precision floor holds (it does not at 0.45).
RULES_SURE: float | None = None
FOLDS = 5


@attrs.frozen
class Setting:
    """One training setting."""

    l2: float = 1e-4
    positive_weight: float = 2.0
    rules: bool = True
    text: bool = True
    context: bool = True
    text_scale: float = 10.0
    text_floor: int = TEXT_FLOOR
    min_df: int = 2
    steps: int = 200
    rate: float = 0.05

    def name(self) -> str:
        """A short description."""
        return (
            f"l2={self.l2:g} positive_weight={self.positive_weight:g} "
            f"rate={self.rate:g} rules={'on' if self.rules else 'off'} "
            f"text={'on' if self.text else 'off'} context={'on' if self.context else 'off'} "
            f"min_df={self.min_df} steps={self.steps} text_scale={self.text_scale:g} "
            f"text_floor={self.text_floor}"
        )


#: The candidates cross-validation chooses from; the first, the one it chose on
#: 750 documents, is ``--quick``'s.
SETTINGS = (
    Setting(positive_weight=4.0),
    Setting(),
    Setting(l2=3e-5),
    Setting(l2=3e-4),
    Setting(text_scale=3.0),
)


@attrs.frozen
class Unit:
    """One labelled paragraph, featurised."""

    doc: str
    key: str  # calibration key: en, zh-Hans, zh-Hant
    seen: Observation
    labels: frozenset[str]


def load(folder: Path) -> dict[str, dict[str, Any]]:
    """Every document of a folder of gold JSON files, by name."""
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        docs.update(json.loads(path.read_text("utf-8")))
    return docs


def featurise(docs: Mapping[str, Mapping[str, Any]]) -> list[Unit]:
    """Every paragraph of the documents, with the features the tagger computes."""
    tagger = Tagger(model=None, min_confidence=0.0)
    units = []
    for name, entry in sorted(docs.items()):
        language = entry["language"]
        paragraphs = entry["paragraphs"]
        for i, p in enumerate(paragraphs):
            block = Block("paragraph", p["text"])
            seen = tagger._seen(block, language, first=i == 0 and len(paragraphs) > 1)
            by_category: dict[str, list[Any]] = {}
            for firing in seen.firings:
                category = tagger.rules.rules[firing.rule].category
                by_category.setdefault(category, []).append(firing)
            units.append(
                Unit(
                    name,
                    calibration_key(language, p["text"]),
                    tagger._observe(seen, by_category, seen.sentences()),
                    frozenset({*p["stressors"], *p["remedies"]}),
                )
            )
    return units


Vector = list[tuple[int, float]]


def vectors(
    units: Sequence[Unit], vocabulary: Mapping[str, int], setting: Setting
) -> list[tuple[Vector, Vector]]:
    """Sparse text (at unit length) and rule/layout vectors of the units over a vocabulary."""
    out = []
    for u in units:
        text, other = u.seen.text, u.seen.other
        scale = setting.text_scale * text_scale(len(text), setting.text_floor) if text else 0.0
        x = [(vocabulary[f], scale) for f in text if f in vocabulary] if setting.text else []
        o = [
            (vocabulary[f], 1.0)
            for f in other
            if f in vocabulary and (setting.rules or ":" not in f)
        ]
        out.append((sorted(x), sorted(o)))
    return out


def build_vocabulary(units: Sequence[Unit], min_df: int) -> dict[str, int]:
    """Features seen in at least ``min_df`` documents (rule and layout features always)."""
    docs: dict[str, set[str]] = {}
    for u in units:
        for f in u.seen.text:
            docs.setdefault(f, set()).add(u.doc)
    kept = {f for f, d in docs.items() if len(d) >= min_df}
    kept |= {f for u in units for f in u.seen.other}
    return {f: i for i, f in enumerate(sorted(kept))}


def _sigmoid(z: float) -> float:
    if z < -35.0:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


SHARED = ("R", "P", "R&title", "R&ask", "R&N", "N")


@attrs.frozen
class Trained:
    """A trained model: vocabulary, biases, per-feature rows of category weights, shared weights."""

    vocabulary: dict[str, int]
    bias: list[float]
    weights: list[list[float]]
    shared: dict[str, float]


Generic = list[tuple[int, str, float]]


def generic(units: Sequence[Unit], categories: Sequence[str], setting: Setting) -> list[Generic]:
    """Per unit, the (category, shared feature, value) triples present."""
    if not setting.rules:
        return [[] for _ in units]
    kinds = [KINDS[c] for c in categories]
    out = []
    for u in units:
        row: Generic = []
        for c, category in enumerate(categories):
            found = u.seen.confidence.get(category, 0.0)
            row += [(c, f, v) for f, v in category_features(u.seen.other, category, found)]
            context = u.seen.context.get(category)
            if context and setting.context:
                scale = text_scale(len(context), setting.text_floor)
                row += [(c, kinds[c] + f, scale) for f in context]
        out.append(row)
    return out


class Sparse:
    """A sparse matrix as (row, column, value) triples, with the two products training needs."""

    def __init__(
        self,
        rows: Sequence[int],
        cols: Sequence[int],
        values: Sequence[float],
        shape: tuple[int, int],
    ) -> None:
        self.rows = np.asarray(rows, dtype=np.int64)
        self.cols = np.asarray(cols, dtype=np.int64)
        self.values = np.asarray(values, dtype=np.float64)
        self.shape = shape

    def dot(self, w: Any) -> Any:
        """``self @ w``."""
        out = np.zeros((self.shape[0], w.shape[1]))
        _accumulate(self.rows, self.cols, self.values, np.ascontiguousarray(w), out)
        return out

    def tdot(self, d: Any) -> Any:
        """``self.T @ d``."""
        out = np.zeros((self.shape[1], d.shape[1]))
        _accumulate(self.cols, self.rows, self.values, np.ascontiguousarray(d), out)
        return out


@numba.njit(cache=True)  # type: ignore[misc]
def _accumulate(rows: Any, cols: Any, values: Any, w: Any, out: Any) -> None:
    """``out[rows[k]] += values[k] * w[cols[k]]`` for every k."""
    for k in range(len(rows)):
        r, c, v = rows[k], cols[k], values[k]
        for j in range(w.shape[1]):
            out[r, j] += v * w[c, j]


def _matrices(
    units: Sequence[Unit],
    categories: Sequence[str],
    setting: Setting,
    vocabulary: Mapping[str, int],
    shared: dict[str, int],
    grow: bool,
) -> tuple[Sparse, Sparse]:
    """The units' feature matrix and their (unit, category) x shared-feature matrix."""
    rows, cols, values = [], [], []
    for r, (x, o) in enumerate(vectors(units, vocabulary, setting)):
        for i, v in x + o:
            rows.append(r)
            cols.append(i)
            values.append(v)
    n = len(categories)
    grows, gcols, gvalues = [], [], []
    for r, row in enumerate(generic(units, categories, setting)):
        for c, k, v in row:
            j = shared.get(k)
            if j is None:
                if not grow:
                    continue
                j = shared[k] = len(shared)
            grows.append(r * n + c)
            gcols.append(j)
            gvalues.append(v)
    return (
        Sparse(rows, cols, values, (len(units), len(vocabulary))),
        Sparse(grows, gcols, gvalues, (len(units) * n, len(shared))),
    )


def train(units: Sequence[Unit], categories: Sequence[str], setting: Setting) -> Trained:
    """Train one setting on the units.

    Full-batch Adam on the class-weighted, L2-regularised mean log loss of
    every category at once (deterministic: no sampling), ``setting.steps``
    steps at rate ``setting.rate``.
    """
    vocabulary = build_vocabulary(units, setting.min_df)
    shared_index: dict[str, int] = {}
    x, g = _matrices(units, categories, setting, vocabulary, shared_index, True)
    n, m = len(units), len(categories)
    y = np.array([[1.0 if c in u.labels else 0.0 for c in categories] for u in units])
    weight = np.where(y > 0, setting.positive_weight, 1.0) / n
    counts = y.sum(axis=0)
    params = [
        np.log((counts + 0.5) / (n - counts + 0.5)),
        np.zeros((len(vocabulary), m)),
        np.zeros((len(shared_index), 1)),
    ]
    first = [np.zeros_like(p) for p in params]
    second = [np.zeros_like(p) for p in params]
    for step in range(1, setting.steps + 1):
        bias, w, s = params
        z = bias + x.dot(w) + g.dot(s).reshape(n, m)
        d = (1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0))) - y) * weight
        grads = [
            d.sum(axis=0),
            x.tdot(d) + setting.l2 * w,
            g.tdot(d.reshape(-1, 1)) + setting.l2 * s,
        ]
        for p, grad, m1, m2 in zip(params, grads, first, second, strict=True):
            m1 *= 0.9
            m1 += 0.1 * grad
            m2 *= 0.999
            m2 += 0.001 * grad * grad
            p -= setting.rate * (m1 / (1 - 0.9**step)) / (np.sqrt(m2 / (1 - 0.999**step)) + 1e-8)
    bias, w, s = params
    names = sorted(shared_index, key=shared_index.__getitem__)
    shared = {k: float(s[shared_index[k], 0]) for k in names}
    return prune(Trained(vocabulary, [float(b) for b in bias], w.tolist(), shared))


def prune(model: Trained) -> Trained:
    """The model without weights under :data:`PRUNE` (the rule and layout ones are kept)."""
    weights = [[w if abs(w) >= PRUNE else 0.0 for w in row] for row in model.weights]
    shared = {k: w for k, w in model.shared.items() if abs(w) >= PRUNE or k in SHARED}
    return Trained(model.vocabulary, model.bias, weights, shared)


def score(
    model: Trained, units: Sequence[Unit], categories: Sequence[str], setting: Setting
) -> list[list[float]]:
    """Raw scores of every unit and category."""
    shared_index = {k: i for i, k in enumerate(model.shared)}
    x, g = _matrices(units, categories, setting, model.vocabulary, shared_index, False)
    w = np.array(model.weights).reshape(len(model.vocabulary), len(categories))
    s = np.array([[model.shared[k]] for k in model.shared]).reshape(-1, 1)
    z = np.array(model.bias) + x.dot(w) + g.dot(s).reshape(len(units), len(categories))
    return [[float(v) for v in row] for row in z]


def platt(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """``(a, b)`` of the logistic ``1 / (1 + exp(-(a s + b)))`` fitted to (score, label) by Newton.

    Labels are smoothed as Platt suggests, so a few points do not give a step.
    """
    positives = sum(y for _, y in points)
    negatives = len(points) - positives
    hi, lo = (positives + 1) / (positives + 2), 1 / (negatives + 2)
    targets = [(s, hi if y else lo) for s, y in points]

    def loss(a: float, b: float) -> float:
        total = 0.0
        for s, t in targets:
            z = a * s + b
            # log(1 + exp(z)) - t z, computed stably
            total += (z if z > 0 else 0.0) + math.log1p(math.exp(-abs(z))) - t * z
        return total + 1e-3 * a * a

    a, b = 1.0, 0.0
    current = loss(a, b)
    for _ in range(100):
        ga, gb, haa, hab, hbb = 2e-3 * a, 0.0, 2e-3, 0.0, 1e-9
        for s, t in targets:
            p = _sigmoid(a * s + b)
            d = p - t
            w = p * (1 - p)
            ga += d * s
            gb += d
            haa += w * s * s
            hab += w * s
            hbb += w
        det = haa * hbb - hab * hab
        if det <= 0:
            break
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        step = 1.0
        while step > 1e-6 and loss(a - step * da, b - step * db) > current:
            step /= 2
        if step <= 1e-6:
            break
        a, b = a - step * da, b - step * db
        previous, current = current, loss(a, b)
        if previous - current < 1e-9:
            break
    return a, b


def folds(units: Sequence[Unit], k: int) -> list[int]:
    """The fold of each unit: documents dealt round-robin within each language."""
    docs = sorted({(u.key, u.doc) for u in units})
    by_key: dict[str, list[str]] = {}
    for key, doc in docs:
        by_key.setdefault(key, []).append(doc)
    fold_of = {}
    offset = 0
    for key in sorted(by_key):
        for i, doc in enumerate(by_key[key]):
            fold_of[doc] = (i + offset) % k
        offset += len(by_key[key])
    return [fold_of[u.doc] for u in units]


def out_of_fold(
    units: Sequence[Unit], categories: Sequence[str], setting: Setting
) -> list[list[float]]:
    """Each unit's scores from the model trained on the other folds."""
    fold_of = folds(units, FOLDS)
    scores: list[list[float]] = [[] for _ in units]
    for k in range(FOLDS):
        train_units = [u for u, f in zip(units, fold_of, strict=True) if f != k]
        test = [i for i, f in enumerate(fold_of) if f == k]
        model = train(train_units, categories, setting)
        tested = score(model, [units[i] for i in test], categories, setting)
        for i, s in zip(test, tested, strict=True):
            scores[i] = s
    return scores


def calibrate(
    units: Sequence[Unit], categories: Sequence[str], scores: Sequence[Sequence[float]]
) -> dict[str, tuple[float, float]]:
    """Platt scaling per calibration key."""
    points: dict[str, list[tuple[float, float]]] = {}
    for u, s in zip(units, scores, strict=True):
        for c, value in zip(categories, s, strict=True):
            points.setdefault(u.key, []).append((value, 1.0 if c in u.labels else 0.0))
    return {key: platt(p) for key, p in sorted(points.items())}


def calibrate_categories(
    units: Sequence[Unit],
    categories: Sequence[str],
    scores: Sequence[Sequence[float]],
    calibration: Mapping[str, tuple[float, float]],
) -> dict[str, tuple[float, float]]:
    """Platt scaling per category of the language-calibrated log-odds."""
    out = {}
    for c, category in enumerate(categories):
        points = []
        for u, s in zip(units, scores, strict=True):
            a, b = calibration[u.key]
            points.append((a * s[c] + b, 1.0 if category in u.labels else 0.0))
        out[category] = platt(points)
    return out


def confidences(
    units: Sequence[Unit],
    scores: Sequence[Sequence[float]],
    calibration: Mapping[str, tuple[float, float]],
    per_category: Sequence[tuple[float, float]] | None = None,
) -> list[list[float]]:
    """Calibrated confidence of every unit and category (``per_category``: in category order)."""
    out = []
    for u, s in zip(units, scores, strict=True):
        a, b = calibration[u.key]
        row = [a * v + b for v in s]
        if per_category is not None:
            row = [alpha * z + beta for z, (alpha, beta) in zip(row, per_category, strict=True)]
        out.append([_sigmoid(z) for z in row])
    return out


def figures(
    units: Sequence[Unit],
    categories: Sequence[str],
    probabilities: Sequence[Sequence[float]],
    threshold: float,
) -> dict[str, dict[str, float]]:
    """Paragraph- and document-level micro F1 per calibration key and overall."""
    par: dict[str, list[int]] = {}
    doc_predicted: dict[str, set[str]] = {}
    doc_gold: dict[str, set[str]] = {}
    doc_key: dict[str, str] = {}
    for u, p in zip(units, probabilities, strict=True):
        predicted = {c for c, v in zip(categories, p, strict=True) if v >= threshold}
        for key in (u.key, "all"):
            counts = par.setdefault(key, [0, 0, 0])
            counts[0] += len(predicted & u.labels)
            counts[1] += len(predicted - u.labels)
            counts[2] += len(u.labels - predicted)
        doc_predicted.setdefault(u.doc, set()).update(predicted)
        doc_gold.setdefault(u.doc, set()).update(u.labels)
        doc_key[u.doc] = u.key
    doc: dict[str, list[int]] = {}
    for name, predicted in doc_predicted.items():
        gold = doc_gold[name]
        for key in (doc_key[name], "all"):
            counts = doc.setdefault(key, [0, 0, 0])
            counts[0] += len(predicted & gold)
            counts[1] += len(predicted - gold)
            counts[2] += len(gold - predicted)
    return {
        "paragraph": {k: _f1(*v) for k, v in sorted(par.items())},
        "document": {k: _f1(*v) for k, v in sorted(doc.items())},
    }


def _f1(tp: int, fp: int, fn: int) -> float:
    return round(2 * tp / (2 * tp + fp + fn), 3) if tp else 0.0


#: Thresholds within this much paragraph F1 of the best count as tied; the highest
#: of them is chosen (fewer tags at no measurable cost).
TIE = 0.005


def best_threshold(
    units: Sequence[Unit], categories: Sequence[str], probabilities: Sequence[Sequence[float]]
) -> float:
    """The highest threshold on calibrated confidence within :data:`TIE` of the best F1."""
    candidates = [t / 100 for t in range(5, 71, 5)]
    f1 = {t: figures(units, categories, probabilities, t)["paragraph"]["all"] for t in candidates}
    best = max(f1.values())
    return max(t for t in candidates if f1[t] >= best - TIE)


def document(
    model: Trained,
    setting: Setting,
    categories: Sequence[str],
    calibration: Mapping[str, tuple[float, float]],
    per_category: Mapping[str, tuple[float, float]],
    threshold: float,
    report: Mapping[str, Any],
) -> dict[str, Any]:
    """The model file."""
    table: dict[str, list[list[float]]] = {}
    for feature, i in sorted(model.vocabulary.items()):
        pairs = [[c, round(w, 3)] for c, w in enumerate(model.weights[i]) if w]
        if pairs:
            table[feature] = pairs
    return {
        "description": (
            "Learned tagging model of aistress: per-category logistic regression over "
            "paragraph features (aistress.tagging.features), Platt-calibrated per language. "
            "Written by tools/train_tagger.py from tools/tagdata/train (paragraphs written "
            "and labelled for aistress from the taxonomy alone); do not edit by hand."
        ),
        "categories": list(categories),
        "bias": [round(b, 4) for b in model.bias],
        "kinds": [KINDS[c][0] for c in categories],
        "shared": {f: round(w, 3) for f, w in sorted(model.shared.items())},
        "calibration": {k: [round(a, 4), round(b, 4)] for k, (a, b) in calibration.items()},
        "category_calibration": {
            k: [round(a, 4), round(b, 4)] for k, (a, b) in per_category.items()
        },
        "threshold": threshold,
        "rules_sure": threshold if RULES_SURE is None else RULES_SURE,
        "text_scale": setting.text_scale,
        "text_floor": setting.text_floor,
        "training": report,
        "weights": table,
    }


def main(argv: Iterable[str]) -> int:
    """Choose a setting by cross-validation, train on everything, write the model."""
    args = list(argv)
    docs = load(DATA / "train")
    categories = list(default_taxonomy().ids)
    units = featurise(docs)
    print(f"{len(docs)} documents, {len(units)} paragraphs")
    # Short texts are scaled as if they had the median paragraph's number of
    # text features: a lone sentence is not more certain than a paragraph.
    floor = int(statistics.median(len(u.seen.text) for u in units))
    settings = [
        attrs.evolve(s, text_floor=floor) for s in (SETTINGS[:1] if "--quick" in args else SETTINGS)
    ]
    results = {}
    for setting in settings:
        scores = out_of_fold(units, categories, setting)
        if "--save-oof" in args:
            saved = Path(args[args.index("--save-oof") + 1])
            rows = [(u.doc, u.key, sorted(u.labels), s) for u, s in zip(units, scores, strict=True)]
            saved.write_text(json.dumps({"categories": categories, "rows": rows}), "utf-8")
        calibration = calibrate(units, categories, scores)
        per_category = calibrate_categories(units, categories, scores, calibration)
        probabilities = confidences(units, scores, calibration)
        threshold = best_threshold(units, categories, probabilities)
        by_language = figures(units, categories, probabilities, threshold)
        ordered = [per_category[c] for c in categories]
        probabilities = confidences(units, scores, calibration, ordered)
        threshold = best_threshold(units, categories, probabilities)
        found = figures(units, categories, probabilities, threshold)
        found["language_calibration_only"] = by_language["paragraph"]
        results[setting] = (found, calibration, per_category, threshold)
        print(setting.name(), "threshold", threshold, json.dumps(found))
    best = max(settings, key=lambda s: results[s][0]["paragraph"]["all"])
    found, calibration, per_category, threshold = results[best]
    report = {
        "documents": len(docs),
        "paragraphs": len(units),
        "setting": best.name(),
        "cross_validation": {
            "folds": FOLDS,
            "settings": {s.name(): results[s][0]["paragraph"]["all"] for s in settings},
            "chosen": found,
        },
    }
    model = train(units, categories, best)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(
        document(model, best, categories, calibration, per_category, threshold, report),
        ensure_ascii=False,
        separators=(",", ":"),
    )
    OUT.write_text(text + "\n", "utf-8")
    print(f"chose {best.name()}; wrote {OUT} ({len(text) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
