"""Comparison quality: recall per change kind and false alarms per pair.

Runs :func:`aistress.compare` on every source/derived pair of a set (our
development pairs in ``tests/fixtures/compare``, and the blind pairs in
``benchmarks/blind/compare`` or ``$AISTRESS_BLIND/compare`` when present), scores
it against the planted changes (:mod:`aistress.comparison.evaluate`), and
checks the seeds' known findings (``../shared/corpus``).

Run: ``python benchmarks/bench_compare.py [--label NAME] [--verbose]``;
results go to ``benchmarks/results/compare.json`` and ``compare.md``
(``--label`` writes ``compare-NAME.*`` instead, for a first-run record).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from shared_data import find_shared

import aistress
from aistress.comparison.evaluate import GoldPair, load_pairs, score_pair, summarise
from aistress.model import Article, Comparison

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
DEV = ROOT / "tests" / "fixtures" / "compare"


SHARED = find_shared()
BLIND = (
    Path(os.environ.get("AISTRESS_BLIND", Path(__file__).resolve().parent / "blind")) / "compare"
)


def _compare(pair: GoldPair) -> Comparison:
    return aistress.compare(pair.source, pair.derived, relation=pair.relation)


def _run_set(name: str, root: Path, verbose: bool) -> dict[str, object] | None:
    if not root.is_dir():
        return None
    pairs = load_pairs(root)
    scores = []
    for pair in pairs:
        score = score_pair(pair, _compare(pair))
        scores.append(score)
        if verbose and (score.missed or score.false_alarms):
            print(f"  {pair.name} [{pair.group}] missed {list(score.missed)}")
            for d in score.false_alarms:
                print(f"    false alarm [{d.kind}] {d.explanation}")
                print(f"      source: {d.source_phrase!r}\n      derived: {d.derived_phrase!r}")
    result = summarise(scores)
    result["missed"] = {s.name: list(s.missed) for s in scores if s.missed}
    result["false_alarms"] = {
        s.name: [f"[{d.kind}] {d.explanation}" for d in s.false_alarms]
        for s in scores
        if s.false_alarms
    }
    keys = ("recall", "false_alarms_per_faithful_pair", "false_alarms_per_pair")
    print(f"{name}: {json.dumps({k: result[k] for k in keys})}")
    return result


def _seed(prefix: str) -> Path | None:
    corpus = SHARED / "corpus"
    found = sorted(corpus.glob(f"{prefix}_*.txt")) if corpus.is_dir() else []
    return found[0] if found else None


def _articles(path: Path) -> dict[str, Article]:
    return {a.id.split("#", 1)[1]: a for a in aistress.read(path).articles}


def _seeds() -> dict[str, object] | None:
    paths = {p: _seed(p) for p in ("000", "001", "002", "003", "004")}
    if any(v is None for v in paths.values()):
        return None
    a000 = _articles(paths["000"])  # type: ignore[arg-type]
    a003 = _articles(paths["003"])  # type: ignore[arg-type]
    runs = {
        "003 en -> 003 zh": aistress.compare(a003["en"], a003["zh"]),
        "000 -> 001": aistress.compare(a000["en"], aistress.read(paths["001"]).articles[0]),  # type: ignore[arg-type]
        "000 -> 002": aistress.compare(a000["en"], aistress.read(paths["002"]).articles[0]),  # type: ignore[arg-type]
        "003 -> 004": aistress.compare(a003["en"], aistress.read(paths["004"]).articles[0]),  # type: ignore[arg-type]
    }
    out: dict[str, object] = {}
    for name, comparison in runs.items():
        # Only kinds and counts: the seeds' words stay out of the repository.
        out[name] = {
            "discrepancies": [d.kind.value for d in comparison.discrepancies],
            "quotes_kept": len(comparison.quotes_kept),
            "quotes_dropped": len(comparison.quotes_dropped),
        }
        kept, dropped = len(comparison.quotes_kept), len(comparison.quotes_dropped)
        found = len(comparison.discrepancies)
        print(f"seeds {name}: {found} discrepancies, quotes kept {kept} dropped {dropped}")
        for d in comparison.discrepancies:
            print(f"  [{d.kind}] {d.explanation}")
    zh003 = runs["003 en -> 003 zh"].discrepancies
    rw002 = runs["000 -> 002"].discrepancies
    out["known_findings"] = {
        "200bn / 200 亿": any(d.kind.value == "number" and "200bn" in d.explanation for d in zh003),
        "moved 100-120 hours": any(
            d.kind.value == "attribution" and "100" in d.explanation for d in rw002
        ),
        "off-topic headline (002)": any(d.kind.value == "headline" for d in rw002),
    }
    print(f"seeds known findings: {out['known_findings']}")
    return out


def _markdown(result: dict[str, object]) -> str:
    lines = [
        "# Comparison benchmark",
        "",
        "Recall per planted change kind, false alarms per pair.",
        "",
    ]
    for name in ("dev", "blind"):
        r = result.get(name)
        if not isinstance(r, dict):
            continue
        lines += [
            f"## {name} ({r['pairs']} pairs, {r['faithful_pairs']} faithful, "
            f"{r['planted']} planted changes)",
            "",
        ]
        lines += ["| kind | found / planted | recall |", "| --- | --- | --- |"]
        for kind, recall in r["recall"].items():
            lines.append(
                f"| {kind} | {r['found'].get(kind, 0)} / {r['planted_by_kind'][kind]} | {recall} |"
            )
        lines += [
            "",
            f"False alarms per faithful pair: {r['false_alarms_per_faithful_pair']}; "
            f"per pair (all): {r['false_alarms_per_pair']}.",
            "",
        ]
    seeds = result.get("seeds")
    if isinstance(seeds, dict):
        lines += ["## Seeds", ""]
        for k, v in seeds["known_findings"].items():
            lines.append(f"- {k}: {'found' if v else 'MISSED'}")
        for k, v in seeds.items():
            if k != "known_findings":
                lines.append(f"- {k}: {len(v['discrepancies'])} discrepancies")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Score the sets, print and write the results."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--label", default="")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--only", choices=("dev", "blind", "seeds"))
    args = parser.parse_args(argv)
    result: dict[str, object] = {}
    if args.only in (None, "dev"):
        result["dev"] = _run_set("dev", DEV, args.verbose)
    if args.only in (None, "blind"):
        result["blind"] = _run_set("blind", BLIND, args.verbose)
    if args.only in (None, "seeds"):
        result["seeds"] = _seeds()
    RESULTS.mkdir(exist_ok=True)
    stem = f"compare-{args.label}" if args.label else "compare"
    (RESULTS / f"{stem}.json").write_text(
        json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8"
    )
    (RESULTS / f"{stem}.md").write_text(_markdown(result), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
