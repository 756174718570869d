"""Calibrate the shipped tagging rules' confidences on the dev half of tagging-dev.

The labelled paragraphs are the dev half (odd-numbered documents of
``../shared/bench/tagging-dev``) and the paraphrases we wrote for
``tests/test_tagging.py`` (sentences that must fire a category, must not
fire one, or must fire nothing); the held-out half (even-numbered documents)
is never read.

1. Each rule's confidence becomes the smoothed precision of its firings: a
   firing (one per rule and paragraph) is right when its category is among the
   gold labels of its paragraph; the rule file's own confidence is a prior
   worth ``prior`` firings.
2. A tag's combined confidence (the noisy-or of its firings) is then mapped
   onto the share of tags found right at that confidence: an isotonic
   (pool-adjacent-violators) fit, each pool smoothed toward its own mean
   confidence by ``curve_prior`` tags, stored as the points of ``curve``.

The two smoothing weights (or leaving a step out) are chosen by two-fold
cross-validation inside the dev half (documents split by their order within
each language): the setting whose out-of-fold paragraph micro F1 is best.
Writes ``src/aistress/data/rules/calibration.json``.

Usage: AISTRESS_SHARED=../shared python tools/calibrate_tagging.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_tagging_quality import article_of, load_dev, split_of  # noqa: E402

from aistress.tagging import Tagger  # noqa: E402
from aistress.tagging.detect import _firings  # noqa: E402
from aistress.tagging.rules import RuleSet, calibrate, load_rules  # noqa: E402
from aistress.taxonomy import default as default_taxonomy  # noqa: E402

OUT = ROOT / "src" / "aistress" / "data" / "rules" / "calibration.json"
#: Candidate (rule prior, curve prior); None leaves that step out. On equal
#: out-of-fold F1 the earlier wins, so calibrated settings come first.
SETTINGS: tuple[tuple[float | None, float | None], ...] = (
    (None, 4.0),
    (None, None),
    (6.0, None),
    (6.0, 4.0),
    (6.0, 16.0),
    (20.0, 16.0),
)

Doc = tuple[str, Mapping[str, Any]]
#: A labelled paragraph: text, language, categories right there, and the
#: categories wrong there (None: every other category is wrong).
Unit = tuple[str, str, frozenset[str], frozenset[str] | None]


def _dev_units(docs: Sequence[Doc]) -> list[Unit]:
    return [
        (p["text"], entry["language"], frozenset({*p["stressors"], *p["remedies"]}), None)
        for _, entry in docs
        for p in entry["paragraphs"]
    ]


def _own_units() -> list[Unit]:
    """The paraphrases we wrote for the tests: positive, negative and neutral sentences."""
    sys.path.insert(0, str(ROOT / "tests"))
    import test_tagging  # the paraphrases live with their tests

    def lang(text: str) -> str:
        return "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en"

    units: list[Unit] = [
        (t, lang(t), frozenset({c}), frozenset()) for c, t in test_tagging.POSITIVE
    ]
    units += [(t, lang(t), frozenset(), frozenset({c})) for c, t in test_tagging.NEGATIVE]
    units += [(t, lang(t), frozenset(), None) for t in test_tagging.NEUTRAL]
    return units


def _verdict(category: str, unit: Unit) -> int | None:
    """1 right, 0 wrong, None unknown."""
    _, _, right, wrong = unit
    if category in right:
        return 1
    if wrong is None or category in wrong:
        return 0
    return None


def _rule_table(rules: RuleSet, units: Sequence[Unit], prior: float) -> dict[str, float]:
    allowed = frozenset(range(len(rules.rules)))
    ids = default_taxonomy().ids
    counts: dict[str, list[int]] = {}
    for unit in units:
        seen: set[int] = set()
        for firing in _firings(rules, allowed, unit[0], unit[1]):
            rule = rules.rules[firing.rule]
            if firing.polarity != "asserted" or firing.rule in seen or rule.category not in ids:
                continue
            seen.add(firing.rule)
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


def _tags(rules: RuleSet, units: Sequence[Unit]) -> list[tuple[float, int]]:
    """(confidence, right) of every tag of the labelled paragraphs whose verdict is known."""
    tagger = Tagger(rules=rules, min_confidence=0.0)
    out = []
    for unit in units:
        for t in tagger.tag_text(unit[0], language=unit[1]):
            verdict = _verdict(t.category, unit)
            if verdict is not None:
                out.append((t.confidence, verdict))
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
        curve = _curve(_tags(calibrate(rules, table), units), curve_prior)
    return table, curve


def _f1(rules: RuleSet, docs: Sequence[Doc]) -> tuple[int, int, int]:
    tagger = Tagger(rules=rules)
    tp = fp = fn = 0
    for name, entry in docs:
        found: dict[int, set[str]] = {}
        for t in tagger.tag(article_of(name, entry), quotes=()):
            found.setdefault(t.block if t.block is not None else -1, set()).add(t.category)
        for i, p in enumerate(entry["paragraphs"]):
            predicted, gold = found.get(i, set()), {*p["stressors"], *p["remedies"]}
            tp += len(predicted & gold)
            fp += len(predicted - gold)
            fn += len(gold - predicted)
    return tp, fp, fn


def main() -> None:
    """Choose a setting by two-fold cross-validation in the dev half; fit it on the whole half."""
    rules_dir = ROOT / "src" / "aistress" / "data" / "rules"
    rules = load_rules(rules_dir / "en.json", rules_dir / "zh.json")
    dev = sorted((n, e) for n, e in load_dev().items() if split_of(n) == "dev")
    folds: list[list[Doc]] = [[], []]
    order: dict[str, int] = {}
    for name, entry in dev:
        lang = entry["language"]
        folds[order.get(lang, 0) % 2].append((name, entry))
        order[lang] = order.get(lang, 0) + 1
    own = _own_units()
    scores = {}
    for setting in SETTINGS:
        tp = fp = fn = 0
        for k in (0, 1):
            table, curve = fit(rules, _dev_units(folds[k]) + own, setting)
            a, b, c = _f1(calibrate(rules, table, [(x, y) for x, y in curve]), folds[1 - k])
            tp, fp, fn = tp + a, fp + b, fn + c
        scores[setting] = round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0
        print(f"rule prior {setting[0]}, curve prior {setting[1]}: F1 {scores[setting]}")
    best = max(SETTINGS, key=lambda s: (scores[s], -SETTINGS.index(s)))
    table, curve = fit(rules, _dev_units(dev) + own, best)
    description = (
        "Calibrated rule confidences (confidence: the smoothed precision of each rule's firings) "
        "and a map of a tag's combined confidence onto the share of tags found right (curve), "
        "fitted on the dev half of tagging-dev (odd-numbered documents) and the paraphrases "
        "of tests/test_tagging.py by "
        "tools/calibrate_tagging.py; the held-out half is never read. Setting chosen by two-fold "
        f"cross-validation inside the dev half: rule prior {best[0]}, curve prior {best[1]}."
    )
    cv = {f"rule prior {s[0]}, curve prior {s[1]}": f for s, f in scores.items()}
    OUT.write_text(
        json.dumps(
            {
                "description": description,
                "cross_validation_f1": cv,
                "confidence": table,
                "curve": curve,
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
