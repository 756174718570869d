r"""Tagging accuracy on text the tagger was not written from.

Measures stressor/remedy tagging against ``../shared/bench/tagging-dev``
(30 documents in English, Simplified and Traditional Chinese with
paragraph-level gold) and against the seed documents' document labels.

The dev set is split by document, deterministically: within each language,
documents with an odd number (``en_01``, ``en_03`` ...) form the *dev* half,
whose errors may be read while improving the tagger; documents with an even
number (``en_02``, ``en_04`` ...) form the *held-out* half, whose errors are
never read. The headline figures are the held-out ones; the full set is
reported beside them. The dev half chooses one number of the shipped
tagger, its default threshold (``tools/choose_threshold.py``); nothing is
trained or chosen on the held-out half.

Figures (micro-averaged over the labels of each language):

- document level: the union of a document's paragraph tags against its
  ``doc_stressors`` + ``doc_remedies``;
- paragraph level: each paragraph's tags against its gold labels;
- negated mentions wrongly tagged: gold ``negated`` ids that the tagger
  tagged in the same paragraph;
- per category: paragraph-level precision and recall over the full set;
- speakers: of the true-positive paragraph tags whose gold names a person,
  how many name that person (``raised_by`` / ``proposed_by``);
- calibration: paragraph tags binned by confidence (all tags down to 0.1),
  with the share that are right, per split: a calibrated tagger's bins are
  right about as often as their confidence says;
- speed: CPU time of tagging every document (without attribution) as a
  ratio to a bare ``re.findall(r"\w+")`` over the same text, best of 5,
  measured in the same run.

Run: ``python benchmarks/bench_tagging_quality.py [--errors dev]``; results go
to ``benchmarks/results/tagging_quality.json`` and ``tagging_quality.md``.
``--errors dev`` prints the dev half's errors (never the held-out half's).
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from shared_data import find_shared

from aistress.model import Article, Block, Remedy
from aistress.tagging import RuleSet, Tag, Tagger, labels, tag
from aistress.tagging.learned import default_model
from aistress.taxonomy import default as default_taxonomy

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OWN = HERE.parent / "tools" / "tagdata"


SHARED = find_shared()
DEV = SHARED / "bench" / "tagging-dev"
LANGUAGES = ("en", "zh-Hans", "zh-Hant")


def split_of(name: str) -> str:
    """``"dev"`` for odd-numbered documents, ``"held-out"`` for even-numbered ones."""
    number = int(name.rsplit(".", 1)[0].split("_")[1])
    return "dev" if number % 2 else "held-out"


def load_dev() -> dict[str, dict[str, Any]]:
    """The gold of tagging-dev, with each document's paragraphs read from its file."""
    gold: dict[str, dict[str, Any]] = json.loads((DEV / "gold.json").read_text("utf-8"))
    for name, entry in gold.items():
        text = (DEV / "docs" / name).read_text("utf-8")
        paragraphs = [p for p in text.split("\n\n") if p.strip()]
        if [p.strip() for p in paragraphs] != [p["text"].strip() for p in entry["paragraphs"]]:
            raise SystemExit(f"{name}: paragraphs differ from gold.json")
    return gold


def load_own(split: str) -> dict[str, dict[str, Any]]:
    """Our own labelled documents (``tools/tagdata/<split>``), by name."""
    docs: dict[str, dict[str, Any]] = {}
    for path in sorted((OWN / split).glob("*.json")):
        docs.update(json.loads(path.read_text("utf-8")))
    return docs


def article_of(name: str, entry: Mapping[str, Any]) -> Article:
    """One article, one block per gold paragraph (so block index = paragraph index)."""
    blocks = [Block("paragraph", p["text"]) for p in entry["paragraphs"]]
    return Article(name, entry["language"], "news", blocks=blocks)


class Counts:
    """True positives, false positives and false negatives."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, predicted: Iterable[str], gold: Iterable[str]) -> None:
        """Count one comparison of label sets."""
        p, g = set(predicted), set(gold)
        self.tp += len(p & g)
        self.fp += len(p - g)
        self.fn += len(g - p)

    def figures(self) -> dict[str, float | int]:
        """Precision, recall, F1 and the counts."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


def _same_person(t: Tag, gold: str) -> bool:
    """Whether the tag names the gold person (by any of its names, or by part of the gold name)."""
    who = t.proposed_by if isinstance(t, Remedy) else t.raised_by
    if who is None:
        return False
    parts = set(gold.replace("·", " ").split())
    return any(n == gold or n in parts for n in who.names)


def evaluate(
    gold: Mapping[str, Mapping[str, Any]],
    errors: str | None = None,
    rules: RuleSet | None = None,
    *,
    model: str | None = "default",
    split_of: Callable[[str], str] = split_of,
    splits: tuple[str, ...] = ("held-out", "dev", "all"),
    tagger: Tagger | None = None,
) -> dict[str, Any]:
    """Every figure of the module docs, per split and language (``tagger``: not the default)."""
    given = tagger is not None
    tagger = tagger if tagger is not None else Tagger(rules=rules, model=model)
    doc = {(s, lang): Counts() for s in splits for lang in LANGUAGES}
    par = {(s, lang): Counts() for s in splits for lang in LANGUAGES}
    category = {c: Counts() for c in default_taxonomy().ids}
    negated = {s: [0, 0] for s in splits}  # wrongly tagged, total
    speakers = {s: [0, 0] for s in splits}  # right, total (gold names a person)
    for name, entry in gold.items():
        split = split_of(name)
        lang = entry["language"]
        article = article_of(name, entry)
        tags = tagger.tag(article)
        by_block: dict[int, list[Tag]] = {}
        for t in tags:
            by_block.setdefault(t.block if t.block is not None else -1, []).append(t)
        for s in {split, "all"} & set(splits):
            doc[s, lang].add(labels(tags), _doc_labels(entry))
        for i, p in enumerate(entry["paragraphs"]):
            found = by_block.get(i, [])
            predicted = {t.category for t in found}
            wanted = {*p["stressors"], *p["remedies"]}
            who = {**p["raised_by"], **p["proposed_by"]}
            for s in {split, "all"} & set(splits):
                par[s, lang].add(predicted, wanted)
                negated[s][0] += len(predicted & set(p["negated"]))
                negated[s][1] += len(p["negated"])
                for t in found:
                    if t.category in wanted and who.get(t.category):
                        speakers[s][1] += 1
                        speakers[s][0] += _same_person(t, who[t.category])
            for c in predicted | wanted:
                if c in category:
                    category[c].add(predicted & {c}, wanted & {c})
            if errors == split and predicted != wanted:
                print(f"--- {name} [{i}] missed={sorted(wanted - predicted)} ", end="")
                print(f"extra={sorted(predicted - wanted)} negated={p['negated']}")
                print("   ", p["text"][:400].replace("\n", " "))
                for t in found:
                    spans = " | ".join(article.text[e.start : e.end] for e in t.evidence)
                    print(f"    {t.category} {t.rule} {t.confidence} [{spans}]")
    return {
        "split": "documents numbered odd are the dev half, even the held-out half",
        "calibration": (
            calibration(gold) if rules is None and model and "dev" in splits and not given else {}
        ),
        "document": {f"{s}/{lang}": doc[s, lang].figures() for s, lang in doc},
        "paragraph": {f"{s}/{lang}": par[s, lang].figures() for s, lang in par},
        "negated_wrongly_tagged": {s: {"wrong": v[0], "of": v[1]} for s, v in negated.items()},
        "speakers": {s: {"right": v[0], "of": v[1]} for s, v in speakers.items()},
        "categories": {c: v.figures() for c, v in category.items()},
    }


BINS = (0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def calibration(
    gold: Mapping[str, Mapping[str, Any]],
    split_of: Callable[[str], str] = split_of,
    splits: tuple[str, ...] = ("held-out", "dev"),
) -> dict[str, list[dict[str, Any]]]:
    """Per split, tags binned by confidence with the share of them that are right."""
    out: dict[str, list[dict[str, Any]]] = {}
    for split in splits:
        bins = [[0, 0] for _ in BINS[:-1]]
        for name, entry in gold.items():
            if split not in (split_of(name), "all"):
                continue
            for t in tag(article_of(name, entry), quotes=(), min_confidence=0.1, model="default"):
                p = entry["paragraphs"][t.block if t.block is not None else 0]
                i = next(k for k in range(len(BINS) - 1) if t.confidence < BINS[k + 1])
                bins[i][1] += 1
                bins[i][0] += t.category in {*p["stressors"], *p["remedies"]}
        out[split] = [
            {
                "confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                "tags": n,
                "right": round(r / n, 3) if n else None,
            }
            for (lo, hi), (r, n) in zip(itertools.pairwise(BINS), bins, strict=True)
        ]
    return out


def speed(gold: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Tagging time as a ratio to a bare tokenising baseline, per script, best of 5 rounds.

    Measured for the model (the default of the benchmark) and for the rules alone.
    """
    out: dict[str, Any] = {}
    taggers = {"model": Tagger(model="default"), "rules alone": Tagger(model=None)}
    for script in ("en", "zh"):
        articles = [
            article_of(n, e) for n, e in gold.items() if n.startswith("en_") == (script == "en")
        ]
        text = "\n\n".join(a.text for a in articles)
        for tagger in taggers.values():
            for a in articles:
                tagger.tag(a, quotes=())  # warm the caches
        best = dict.fromkeys(taggers, float("inf"))
        best_bare = float("inf")
        for _ in range(5):
            for name, tagger in taggers.items():
                start = time.process_time()
                for a in articles:
                    tagger.tag(a, quotes=())
                best[name] = min(best[name], time.process_time() - start)
            start = time.process_time()
            for _ in range(20):
                re.findall(r"\w+", text)
            best_bare = min(best_bare, (time.process_time() - start) / 20)
        for name in taggers:
            out[f"{script} {name}"] = {
                "characters": len(text),
                "tag_ms": round(best[name] * 1000, 2),
                "bare_findall_ms": round(best_bare * 1000, 3),
                "ratio": round(best[name] / best_bare, 1) if best_bare else None,
            }
    return out


def seeds(model: str | None = "default", tagger: Tagger | None = None) -> dict[str, Any]:
    """Document-level precision and recall on the seeds (gold kept in tests/test_tagging.py)."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    import test_tagging  # the seed gold lives with the seed tests

    articles = test_tagging.seed_articles()
    total = Counts()
    out: dict[str, Any] = {}
    for key, (stressors, remedies) in test_tagging.GOLD.items():
        counts = Counts()
        found = labels(tagger.tag(articles[key]) if tagger else tag(articles[key], model=model))
        counts.add(found, stressors | remedies)
        total.add(found, stressors | remedies)
        out["-".join(key)] = counts.figures()
    out["all"] = total.figures()
    return out


def _row(label: str, f: Mapping[str, float | int]) -> str:
    return (
        f"| {label} | {f['precision']:.3f} | {f['recall']:.3f} | {f['f1']:.3f} "
        f"| {f['tp']} | {f['fp']} | {f['fn']} |"
    )


def markdown(result: Mapping[str, Any]) -> str:
    """The results as a Markdown page."""
    head = (
        "| | precision | recall | F1 | tp | fp | fn |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    lines = [
        "# Tagging accuracy on tagging-dev",
        "",
        "`python benchmarks/bench_tagging_quality.py` over `../shared/bench/tagging-dev` "
        "(odd-numbered documents: dev half, which chose the default threshold; "
        "even-numbered: held-out half, never inspected).",
        "",
    ]
    for level in ("document", "paragraph"):
        lines += [f"## {level.capitalize()} level (micro-averaged)", "", head]
        for key, f in result[level].items():
            lines.append(_row(key, f))
        lines.append("")
    lines += ["## Negated mentions wrongly tagged", ""]
    for s, v in result["negated_wrongly_tagged"].items():
        lines.append(f"- {s}: {v['wrong']} of {v['of']}")
    lines += ["", "## Speakers of true-positive tags", ""]
    for s, v in result["speakers"].items():
        lines.append(f"- {s}: {v['right']} of {v['of']} name the gold person")
    lines += ["", "## Calibration (paragraph tags by confidence, share right)", ""]
    lines += ["| split | confidence | tags | right |", "| --- | --- | ---: | ---: |"]
    for split, rows in result["calibration"].items():
        for row in rows:
            right = "" if row["right"] is None else f"{row['right']:.2f}"
            lines.append(f"| {split} | {row['confidence']} | {row['tags']} | {right} |")
    if "speed" in result:
        lines += ["", "## Speed (CPU, best of 5, same run)", ""]
        lines += [
            "| script, tagger | characters | tagging ms | bare `re.findall(r'\\w+')` ms | ratio |",
            "| --- | ---: | ---: | ---: | ---: |",
        ]
        for script, row in result["speed"].items():
            lines.append(
                f"| {script} | {row['characters']} | {row['tag_ms']} | "
                f"{row['bare_findall_ms']} | {row['ratio']} |"
            )
    if "rules_alone" in result:
        lines += [
            "",
            "## Ablation: the rules alone (`Tagger(model=None)`), tagging-dev",
            "",
        ]
        for level in ("document", "paragraph"):
            lines += [f"### {level.capitalize()} level", "", head]
            lines += [_row(k, f) for k, f in result["rules_alone"][level].items()]
            lines.append("")
    if "own_test" in result:
        own = result["own_test"]
        lines += [
            "",
            f"## Our own test split (`tools/tagdata/test`, {own['documents']} documents, "
            "never trained on: `test-x` the first 18, then one split per later batch, "
            "`test-y` to `test-xd`, in the order tools/tagdata/README.md lists them)",
            "",
        ]
        for name in ("model", "rules_alone"):
            for level in ("document", "paragraph"):
                lines += [f"### {level.capitalize()} level, {name.replace('_', ' ')}", "", head]
                lines += [_row(k, f) for k, f in own[name][level].items()]
                lines.append("")
        if own.get("calibration"):
            lines += ["### Calibration, model (paragraph tags by confidence, share right)", ""]
            lines += ["| script | confidence | tags | right |", "| --- | --- | ---: | ---: |"]
            for script, rows in own["calibration"].items():
                for row in rows:
                    right = "" if row["right"] is None else f"{row['right']:.2f}"
                    lines.append(f"| {script} | {row['confidence']} | {row['tags']} | {right} |")
            lines.append("")
        if "speakers" in own:
            lines += ["### Negated mentions wrongly tagged and speakers, model", ""]
            for s, v in own["negated_wrongly_tagged"].items():
                lines.append(f"- {s}: {v['wrong']} of {v['of']} negated mentions tagged")
            for s, v in own["speakers"].items():
                lines.append(f"- {s}: {v['right']} of {v['of']} true-positive tags name the person")
            lines.append("")
    training = result.get("training", {})
    if training:
        cv = training["cross_validation"]
        lines += [
            "",
            f"## Cross-validation on the training set ({training['documents']} documents, "
            f"{training['paragraphs']} paragraphs, {cv['folds']} folds by document)",
            "",
            f"Chosen setting: `{training['setting']}`. Out-of-fold micro F1:",
            "",
            "| level | " + " | ".join(cv["chosen"]["paragraph"]) + " |",
            "| --- |" + " ---: |" * len(cv["chosen"]["paragraph"]),
        ]
        for level in ("document", "paragraph"):
            values = cv["chosen"][level]
            lines.append(f"| {level} | " + " | ".join(f"{v:.3f}" for v in values.values()) + " |")
    lines += ["", "## Per category (paragraph level, full set)", "", head]
    lines += [_row(f"`{c}`", f) for c, f in result["categories"].items()]
    if "seeds" in result:
        lines += ["", "## Seeds (document level)", "", head]
        lines += [_row(k, f) for k, f in result["seeds"].items()]
        lines.append(_row("all, rules alone", result["seeds_rules_alone"]))
    return "\n".join(lines) + "\n"


def _doc_labels(entry: Mapping[str, Any]) -> set[str]:
    """A document's labels: the union of its paragraphs' (what ``doc_*`` hold)."""
    return {c for p in entry["paragraphs"] for c in (*p["stressors"], *p["remedies"])}


#: Our test documents by writer and batch: ``_x`` (the first 18), ``_y``, ``_z``, ``_q``,
#: ``_s``, ``_n`` and ``_h`` (written later, by more writers, blind; never trained on).
OWN_SPLITS = (
    "test-x",
    "test-y",
    "test-z",
    "test-q",
    "test-s",
    "test-n",
    "test-h",
    "test-b",
    "test-d",
    "test-f",
    "test-j",
    "test-l",
    "test-p",
    "test-xa",
    "test-xb",
    "test-xc",
    "test-xd",
    "all",
)


def _test(name: str) -> str:
    """``test-x`` ... ``test-xd``: the batch of one of our test documents (its code's letters)."""
    code = name.split("_")[1]
    return "test-" + code[: len(code) - len(code.lstrip("abcdefghijklmnopqrstuvwxyz"))]


def main(argv: list[str]) -> int:
    """Measure, print and write the results."""
    errors = argv[1] if len(argv) > 1 and argv[0] == "--errors" else None
    if errors == "held-out":
        print("the held-out half's errors are not shown")
        return 2
    gold = load_dev()
    result = evaluate(gold, errors)
    result["seeds"] = seeds()
    result["seeds_rules_alone"] = seeds(None)["all"]
    if errors is None:
        result["speed"] = speed(gold)
        own = load_own("test")
        if own:
            mine = evaluate(own, model="default", split_of=_test, splits=OWN_SPLITS)
            alone = evaluate(own, model=None, split_of=_test, splits=OWN_SPLITS)
            result["own_test"] = {
                "documents": len(own),
                "model": {k: mine[k] for k in ("document", "paragraph")},
                "negated_wrongly_tagged": mine["negated_wrongly_tagged"],
                "speakers": mine["speakers"],
                "rules_alone": {k: alone[k] for k in ("document", "paragraph")},
                "calibration": calibration(
                    own, lambda n: str(own[n]["language"]), ("all", *LANGUAGES)
                ),
            }
        rules_alone = evaluate(gold, model=None)
        result["rules_alone"] = {k: rules_alone[k] for k in ("document", "paragraph")}
        result["training"] = default_model().document.get("training", {})
    page = markdown(result)
    if errors is None:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "tagging_quality.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
        (RESULTS / "tagging_quality.md").write_text(page, "utf-8")
    print(page)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
