"""Calibrate the shipped tagging rules' confidences on our own training paragraphs.

The labelled paragraphs are ``tools/tagdata/train`` (documents written and
labelled for aistress, blind, from the taxonomy alone; the same split the
learned model is trained on) and the paraphrases we wrote for
``tests/test_tagging.py`` (sentences that must fire a category, must not
fire one, or must fire nothing). Nothing of ``../shared/bench`` is read:
``tagging-dev`` is for measuring only, and so is ``tools/tagdata/test``.

1. Each rule's confidence becomes the smoothed precision of its firings: a
   firing (one per rule and paragraph) is right when its category is among the
   gold labels of its paragraph; the rule file's own confidence is a prior
   worth ``prior`` firings.
2. A tag's combined confidence (the noisy-or of its firings) is then mapped
   onto the share of tags found right at that confidence: an isotonic
   (pool-adjacent-violators) fit, each pool smoothed toward its own mean
   confidence by ``curve_prior`` tags, stored as the points of ``curve``.

The two smoothing weights (or leaving a step out) are chosen by
cross-validation over the training documents (``FOLDS`` folds, documents
dealt round-robin within each language): the setting whose out-of-fold
tag confidences are closest to right/wrong (lowest Brier score), since
the point is a confidence that means the share of tags right. Then it is fitted on every
training document. The rules' default threshold (``threshold``, the
``min_confidence`` of ``Tagger(model=None)``) is the one on the calibrated
confidence whose out-of-fold paragraph micro F1 is best. Writes
``src/aistress/data/rules/calibration.json``.

Usage: ``python tools/calibrate_tagging.py``
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tools" / "tagdata"

from aistress.model import Block  # noqa: E402
from aistress.tagging import Tagger  # noqa: E402
from aistress.tagging.rules import RuleSet, apply_curve, load_rules  # noqa: E402
from aistress.taxonomy import default as default_taxonomy  # noqa: E402

OUT = ROOT / "src" / "aistress" / "data" / "rules" / "calibration.json"
#: Candidate (rule prior, curve prior); None leaves that step out. On an equal
#: out-of-fold Brier score the earlier wins, so calibrated settings come first.
SETTINGS: tuple[tuple[float | None, float | None], ...] = (
    (None, 4.0),
    (None, None),
    (6.0, None),
    (6.0, 4.0),
    (6.0, 16.0),
    (20.0, 16.0),
)

FOLDS = 5

Doc = tuple[str, Mapping[str, Any]]
#: A labelled paragraph: its asserted rule firings (rule index, the factor its
#: confidence was scaled by: a title, a conceded clause), the categories right
#: there, and the categories wrong there (None: every other category is wrong),
#: and the document it belongs to ("" for a paraphrase).
Unit = tuple[tuple[tuple[int, float], ...], frozenset[str], frozenset[str] | None, str]


def _unit(
    tagger: Tagger,
    text: str,
    language: str,
    first: bool,
    right: frozenset[str],
    wrong: frozenset[str] | None,
    doc: str,
) -> Unit:
    """A paragraph's asserted firings, read once (confidences change, firings do not)."""
    seen = tagger._seen(Block("paragraph", text), language, first=first)
    firings = []
    for f in seen.firings:
        if f.polarity != "asserted":
            continue
        base = tagger.rules.rules[f.rule].confidence
        firings.append((f.rule, f.confidence / base if base else 0.0))
    return (tuple(firings), right, wrong, doc)


def load(folder: Path) -> list[Doc]:
    """Every document of a folder of gold JSON files, sorted by name."""
    docs: dict[str, Mapping[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        docs.update(json.loads(path.read_text("utf-8")))
    return sorted(docs.items())


def _doc_units(tagger: Tagger, docs: Sequence[Doc]) -> list[Unit]:
    return [
        _unit(
            tagger,
            p["text"],
            entry["language"],
            i == 0 and len(entry["paragraphs"]) > 1,
            frozenset({*p["stressors"], *p["remedies"]}),
            None,
            name,
        )
        for name, entry in docs
        for i, p in enumerate(entry["paragraphs"])
    ]


def _own_units(tagger: Tagger) -> list[Unit]:
    """The paraphrases we wrote for the tests: positive, negative and neutral sentences."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_tagging  # the paraphrases live with their tests

    def lang(text: str) -> str:
        return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"

    none: frozenset[str] = frozenset()
    units = [
        _unit(tagger, t, lang(t), False, frozenset({c}), none, "") for c, t in test_tagging.POSITIVE
    ]
    units += [
        _unit(tagger, t, lang(t), False, none, frozenset({c}), "") for c, t in test_tagging.NEGATIVE
    ]
    units += [_unit(tagger, t, lang(t), False, none, None, "") for t in test_tagging.NEUTRAL]
    return units


def _verdict(category: str, unit: Unit) -> int | None:
    """1 right, 0 wrong, None unknown."""
    _, right, wrong, _ = unit
    if category in right:
        return 1
    if wrong is None or category in wrong:
        return 0
    return None


def _rule_table(rules: RuleSet, units: Sequence[Unit], prior: float) -> dict[str, float]:
    ids = default_taxonomy().ids
    counts: dict[str, list[int]] = {}
    for unit in units:
        for index in {i for i, _ in unit[0]}:
            rule = rules.rules[index]
            if rule.category not in ids:
                continue
            verdict = _verdict(rule.category, unit)
            if verdict is not None:
                counts.setdefault(rule.id, [0, 0])[1 - verdict] += 1
    table = {}
    for rule in rules.rules:
        if rule.id in counts:
            right, wrong = counts[rule.id]
            value = (right + prior * rule.confidence) / (right + wrong + prior)
            table[rule.id] = round(min(max(value, 0.01), 1.0), 3)
    return table


def _combined(rules: RuleSet, table: Mapping[str, float], unit: Unit) -> dict[str, float]:
    """The rules' raw combined confidence (noisy-or of asserted firings) per category."""
    miss: dict[str, float] = {}
    for index, factor in unit[0]:
        rule = rules.rules[index]
        confidence = table.get(rule.id, rule.confidence) * factor
        miss[rule.category] = miss.get(rule.category, 1.0) * (1.0 - confidence)
    return {c: 1.0 - m for c, m in miss.items()}


def _tags(
    rules: RuleSet, table: Mapping[str, float], units: Sequence[Unit]
) -> list[tuple[float, int]]:
    """(confidence, right) of every tag of the labelled paragraphs whose verdict is known."""
    out = []
    for unit in units:
        for category, confidence in _combined(rules, table, unit).items():
            verdict = _verdict(category, unit)
            if verdict is not None:
                out.append((round(confidence, 4), verdict))
    return out


def _curve(points: list[tuple[float, int]], prior: float) -> list[list[float]]:
    """Isotonic map of raw tag confidence to the share right."""
    points = sorted(points)
    pools: list[list[float]] = []  # [sum right, count, sum raw, min raw, max raw]
    for raw, right in points:
        pools.append([right, 1, raw, raw, raw])
        while len(pools) > 1 and pools[-2][0] / pools[-2][1] >= pools[-1][0] / pools[-1][1]:
            b = pools.pop()
            a = pools[-1]
            pools[-1] = [a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3], b[4]]
    curve: list[list[float]] = [[0.0, 0.0]]
    level = 0.0
    for right, n, raw_sum, lo, hi in pools:
        level = max(level, (right + prior * raw_sum / n) / (n + prior))
        curve += [[round(lo, 4), round(level, 4)], [round(hi, 4), round(level, 4)]]
    curve.append([1.0, round(max(level, curve[-1][1]), 4)])
    return curve


def fit(
    rules: RuleSet, units: Sequence[Unit], setting: tuple[float | None, float | None]
) -> tuple[dict[str, float], list[list[float]]]:
    """The rule table and curve one setting gives on the labelled paragraphs."""
    rule_prior, curve_prior = setting
    table = _rule_table(rules, units, rule_prior) if rule_prior is not None else {}
    curve: list[list[float]] = []
    if curve_prior is not None:
        curve = _curve(_tags(rules, table, units), curve_prior)
    return table, curve


def _brier(
    rules: RuleSet,
    table: Mapping[str, float],
    curve: Sequence[Sequence[float]],
    units: Sequence[Unit],
) -> tuple[float, int]:
    """Squared error of the rules' calibrated tag confidences against right/wrong, and the count."""
    points = [(x, y) for x, y in curve]
    total, count = 0.0, 0
    for raw, right in _tags(rules, table, units):
        total += (apply_curve(points, raw) - right) ** 2
        count += 1
    return total, count


def _counts(
    rules: RuleSet,
    table: Mapping[str, float],
    curve: Sequence[Sequence[float]],
    units: Sequence[Unit],
    threshold: float,
) -> tuple[int, int, int]:
    """Paragraph counts (tp, fp, fn) of the rules alone at ``threshold``."""
    points = [(x, y) for x, y in curve]
    tp = fp = fn = 0
    for unit in units:
        found = _combined(rules, table, unit).items()
        predicted = {c for c, v in found if apply_curve(points, v) >= threshold}
        tp += len(predicted & unit[1])
        fp += len(predicted - unit[1])
        fn += len(unit[1] - predicted)
    return tp, fp, fn


#: Thresholds on the calibrated confidence the rules alone may default to.
THRESHOLDS = tuple(t / 100 for t in range(10, 71, 5))


def main() -> None:
    """Choose a setting by cross-validation over the training documents; fit it on all of them."""
    rules_dir = ROOT / "src" / "aistress" / "data" / "rules"
    rules = load_rules(rules_dir / "en.json", rules_dir / "zh.json")
    train = load(DATA / "train")
    folds: list[list[Doc]] = [[] for _ in range(FOLDS)]
    order: dict[str, int] = {}
    for name, entry in train:
        lang = entry["language"]
        folds[order.get(lang, 0) % FOLDS].append((name, entry))
        order[lang] = order.get(lang, 0) + 1
    tagger = Tagger(rules=rules, min_confidence=0.0, model=None)
    own = _own_units(tagger)
    units = [_doc_units(tagger, fold) for fold in folds]
    scores = {}
    for setting in SETTINGS:
        total, count = 0.0, 0
        for k in range(FOLDS):
            rest = [u for j, fold in enumerate(units) if j != k for u in fold]
            table, curve = fit(rules, rest + own, setting)
            a, b = _brier(rules, table, curve, units[k])
            total, count = total + a, count + b
        scores[setting] = round(total / count, 4) if count else 1.0
        print(f"rule prior {setting[0]}, curve prior {setting[1]}: Brier {scores[setting]}")
    best = min(SETTINGS, key=lambda s: (scores[s], SETTINGS.index(s)))
    # The rules' default threshold: the best out-of-fold paragraph F1 of the chosen setting.
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for k in range(FOLDS):
        rest = [u for j, fold in enumerate(units) if j != k for u in fold]
        table, curve = fit(rules, rest + own, best)
        for t in THRESHOLDS:
            found = _counts(rules, table, curve, units[k], t)
            counts[t] = [a + b for a, b in zip(counts[t], found, strict=True)]
    f1 = {t: 2 * c[0] / (2 * c[0] + c[1] + c[2]) if c[0] else 0.0 for t, c in counts.items()}
    threshold = max(THRESHOLDS, key=lambda t: (round(f1[t], 3), t))
    print(f"threshold {threshold}: out-of-fold paragraph F1 {f1[threshold]:.3f}")
    table, curve = fit(rules, [u for fold in units for u in fold] + own, best)
    description = (
        "Calibrated rule confidences (confidence: the smoothed precision of each rule's firings) "
        "and a map of a tag's combined confidence onto the share of tags found right (curve), "
        "fitted on our own training paragraphs (tools/tagdata/train) and the paraphrases "
        "of tests/test_tagging.py by tools/calibrate_tagging.py; no benchmark set is read. "
        f"Setting chosen by {FOLDS}-fold cross-validation over the training documents: "
        f"rule prior {best[0]}, curve prior {best[1]}."
    )
    cv = {f"rule prior {s[0]}, curve prior {s[1]}": f for s, f in scores.items()}
    OUT.write_text(
        json.dumps(
            {
                "description": description,
                "cross_validation_brier": cv,
                "confidence": table,
                "curve": curve,
                "threshold": threshold,
                "threshold_f1": round(f1[threshold], 4),
            },
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )
        + "\n",
        "utf-8",
    )
    print(f"chose {best}; {len(table)} rules calibrated; written to {OUT}")


if __name__ == "__main__":
    main()
