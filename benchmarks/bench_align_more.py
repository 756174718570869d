"""More alignment figures, each beside a baseline measured in the same run.

1. **MAC-Dev** (``../shared/bench/mac-dev``): six novel chapters, Chinese as
   source, with gold beads; strict and lax F1 pooled over the chapters, for
   aistress and for NLTK's Gale–Church on the same chapters (CPU time ratio).
2. **The main job against the import**: CPU seconds of ``aistress report`` on
   the bundled sample corpus and of ``python -c "import aistress"``, each the
   best of three fresh processes; the ratio is the figure. It is measured
   with the CC-CEDICT cache warm (built once before timing: every run after a
   user's first loads it), cold (each run builds it, as a user's first run
   does) and warm with Python's compiled modules kept (an installed package
   has them; the benchmark's own process may run with
   ``PYTHONDONTWRITEBYTECODE`` set, which compiles every module from source in
   every process).
3. **Bracketed-name scan complexity**: :func:`~aistress.alignment.lexicon.bracketed_names`
   on adversarial inputs (long Han runs and Latin words without brackets,
   many brackets) at doubling sizes; the growth of CPU time per doubling
   (linear is 2). The backtracking patterns the scan replaced are timed on the
   same inputs as the "before" baseline.

Run: ``python benchmarks/bench_align_more.py [--only report]``; results go to
``benchmarks/results/align_more.json`` and ``align_more.md``.
"""

from __future__ import annotations

import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench_align import nltk_align
from shared_data import find_shared

from aistress.alignment import align_segments, evaluate, read_beads
from aistress.alignment.lexicon import bracketed_names

ROOT = Path(__file__).resolve().parent
RESULTS = ROOT / "results"
SHARED = find_shared()
MAC = SHARED / "bench" / "mac-dev"

# The patterns the linear scans replaced, timed as the baseline.
OLD_ZH_THEN_LATIN = re.compile(
    r"(?P<zh>[\u3400-\u9fff]+(?:[·・•][\u3400-\u9fff]+)+|[\u3400-\u9fff]{2,6})\s*[（(]\s*"
    r"(?P<en>[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,3})\s*[）)]"
)
OLD_LATIN_THEN_ZH = re.compile(
    r"(?P<en>[A-Z][A-Za-z'\-]*(?:\s+[A-Z][A-Za-z'\-]*){0,3})\s*[（(]\s*"
    r"(?P<zh>[\u3400-\u9fff]+(?:[·・•][\u3400-\u9fff]+)*)\s*[）)]"
)


def _cpu(fn: Callable[[], Any]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def run_mac(results: dict[str, Any]) -> None:
    """MAC-Dev strict / lax F1 and CPU time, aistress and NLTK."""
    names = sorted(p.name for p in (MAC / "zh").iterdir())
    golds = [read_beads(MAC / "gold" / f"{n}.align") for n in names]
    texts = [
        (
            (MAC / "zh" / n).read_text(encoding="utf-8").splitlines(),
            (MAC / "en" / n).read_text(encoding="utf-8").splitlines(),
        )
        for n in names
    ]
    rows = []
    runs: list[tuple[str, Callable[[list[str], list[str]], Any]]] = [
        (
            "aistress",
            lambda zh, en: align_segments(zh, en, source_language="zh", target_language="en"),
        ),
        ("NLTK Gale–Church", lambda zh, en: _swap(nltk_align(en, zh))),
    ]
    for label, fn in runs:
        start = time.process_time()
        tests = [fn(zh, en) for zh, en in texts]
        secs = time.process_time() - start
        scores = evaluate(tests, golds)
        per = [round(evaluate(t, g).f1_strict, 3) for t, g in zip(tests, golds, strict=True)]
        rows.append(
            {
                "aligner": label,
                "f1_strict": round(scores.f1_strict, 4),
                "f1_lax": round(scores.f1_lax, 4),
                "f1_strict_per_chapter": per,
                "cpu_seconds": round(secs, 2),
            }
        )
        print(rows[-1], flush=True)
    for row in rows:
        row["ratio_to_nltk"] = round(row["cpu_seconds"] / max(rows[-1]["cpu_seconds"], 1e-9), 2)
    results["mac_dev"] = rows


def _swap(beads: Any) -> Any:
    from aistress.model import Bead

    return [Bead(b.target, b.source) for b in beads]


def _child_cpu(args: list[str], env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of one fresh process running ``args``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _report_row(
    label: str, cache: Callable[[], str], bytecode: str | None, repeat: int = 3
) -> dict[str, Any]:
    """Best of ``repeat`` fresh processes each of bare python, the import and the report.

    ``cache()`` gives the aistress cache folder of each process (the same
    primed folder: warm; a new empty one each time: cold). ``bytecode`` is
    a folder for Python's compiled modules, or None to run as this process
    was started (``PYTHONDONTWRITEBYTECODE`` compiles every module from
    source in every process).
    """
    report = [sys.executable, "-m", "aistress", "report"]
    importing = [sys.executable, "-c", "import aistress"]
    bare = [sys.executable, "-c", "pass"]

    def env() -> dict[str, str]:
        out = dict(os.environ, AISTRESS_CACHE_DIR=cache())
        if bytecode is not None:
            out.pop("PYTHONDONTWRITEBYTECODE", None)
            out["PYTHONPYCACHEPREFIX"] = bytecode
        return out

    if bytecode is not None:
        _child_cpu(report, env())  # writes the compiled modules
    times: dict[str, list[float]] = {"python": [], "import": [], "report": []}
    for _ in range(repeat):  # interleaved: a busy spell of the machine hits all three
        for name, args in (("python", bare), ("import", importing), ("report", report)):
            times[name].append(_child_cpu(args, env()))
    best = {name: min(values) for name, values in times.items()}
    return {
        "setting": label,
        "python_cpu_seconds": round(best["python"], 3),
        "import_cpu_seconds": round(best["import"], 3),
        "report_cpu_seconds": round(best["report"], 3),
        "report_to_import": round(best["report"] / best["import"], 2),
    }


def run_report(results: dict[str, Any]) -> None:
    """CPU of ``aistress report`` on the sample corpus against ``import aistress``.

    Three settings: the CC-CEDICT cache warm (every run after a user's
    first: the figure of the issue), cold (the first run, which parses
    CC-CEDICT and writes the cache), and warm with Python's compiled
    modules kept (as an installed package has them; this process may run
    with ``PYTHONDONTWRITEBYTECODE`` set).
    """
    with tempfile.TemporaryDirectory() as folder:
        warm = str(Path(folder) / "warm")
        _child_cpu(
            [sys.executable, "-m", "aistress", "report"], dict(os.environ, AISTRESS_CACHE_DIR=warm)
        )
        counter = iter(range(1_000_000))
        rows = [
            _report_row("cache warm (every later run)", lambda: warm, None),
            _report_row(
                "cache cold (a user's first run)",
                lambda: str(Path(folder) / f"cold{next(counter)}"),
                None,
            ),
            _report_row(
                "cache warm, compiled modules kept", lambda: warm, str(Path(folder) / "pyc")
            ),
        ]
    for row in rows:
        print(row, flush=True)
    results["report"] = rows[0]
    results["report_settings"] = rows


def _inputs() -> dict[str, Callable[[int], str]]:
    return {
        "Han run, no brackets": lambda n: "中" * n,
        "Latin word, no brackets": lambda n: "A" * n,
        "Han run, one bracket": lambda n: "中" * n + "（Ada）",
        "capitalised words, one bracket": lambda n: "Ab " * (n // 3) + "（艾达）",
        "many bracketed names": lambda n: "由艾达·奎尔（Ada Quill）撰写。" * (n // 20),
    }


def _old_scan(text: str) -> None:
    for pattern in (OLD_ZH_THEN_LATIN, OLD_LATIN_THEN_ZH):
        for _ in pattern.finditer(text):
            pass


def _growth(fn: Callable[[str], Any], make: Callable[[int], str], sizes: list[int]) -> list[float]:
    times = []
    for n in sizes:
        text = make(n)
        times.append(min(_cpu(lambda text=text: fn(text)) for _ in range(3)))
    return times


def run_complexity(results: dict[str, Any]) -> None:
    """Growth per doubling of the bracket scan, before (patterns) and after (scans)."""
    rows = []
    after_sizes = [20_000, 40_000, 80_000, 160_000]
    before_sizes = [1_000, 2_000, 4_000, 8_000]
    for name, make in _inputs().items():
        after = _growth(lambda text: bracketed_names([text]), make, after_sizes)
        before = _growth(_old_scan, make, before_sizes)
        row = {
            "input": name,
            "after_sizes": after_sizes,
            "after_seconds": [round(t, 4) for t in after],
            "after_growth": round(_growth_per_doubling(after), 2),
            "before_sizes": before_sizes,
            "before_seconds": [round(t, 4) for t in before],
            "before_growth": round(_growth_per_doubling(before), 2),
        }
        rows.append(row)
        print(row, flush=True)
    results["complexity"] = rows


def _growth_per_doubling(times: list[float]) -> float:
    """Mean growth per doubling from the first to the last size (geometric mean).

    Steps under a millisecond are the clock's, not the algorithm's: a series
    that stays below it counts as linear.
    """
    if times[-1] < 1e-3:
        return 2.0
    first = max(times[0], 1e-4)
    return float((times[-1] / first) ** (1 / (len(times) - 1)))


def write_markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    out = ["# More alignment figures", "", f"Machine: {results['machine']}", ""]
    out += [
        "## MAC-Dev (6 literary chapters, Chinese source)",
        "",
        "| aligner | strict F1 | lax F1 | strict F1 per chapter | CPU s | ÷ NLTK |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results.get("mac_dev", []):
        per = " ".join(f"{v:.2f}" for v in r["f1_strict_per_chapter"])
        out.append(
            f"| {r['aligner']} | {r['f1_strict']:.3f} | {r['f1_lax']:.3f} | {per} "
            f"| {r['cpu_seconds']} | {r['ratio_to_nltk']} |"
        )
    rows = results.get("report_settings") or ([results["report"]] if "report" in results else [])
    if rows:
        out += [
            "",
            "## `aistress report` on the sample corpus against `import aistress`",
            "",
            "CPU seconds, best of three fresh processes each (interleaved). The figure of "
            "issue 13 is the first row.",
            "",
            "| setting | bare python s | import aistress s | aistress report s | report ÷ import |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in rows:
            out.append(
                f"| {r.get('setting', 'cache warm')} | {r['python_cpu_seconds']} "
                f"| {r['import_cpu_seconds']} | {r['report_cpu_seconds']} "
                f"| {r['report_to_import']} |"
            )
    out += [
        "",
        "## Bracketed-name scan: growth of CPU time per doubling (linear is 2)",
        "",
        "| input | before: patterns (1k–8k chars) | after: scans (20k–160k chars) "
        "| after, s at 160k |",
        "| --- | --- | --- | --- |",
    ]
    for r in results.get("complexity", []):
        out.append(
            f"| {r['input']} | ×{r['before_growth']} | ×{r['after_growth']} "
            f"| {r['after_seconds'][-1]} |"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    """Run everything and write ``benchmarks/results/align_more.json`` and ``.md``.

    ``--only report`` (or ``mac``, ``complexity``) re-runs one part and keeps
    the others from the last ``align_more.json``.
    """
    parts = ("complexity", "mac", "report")
    only = sys.argv[sys.argv.index("--only") + 1 :] if "--only" in sys.argv else list(parts)
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}, one core",
    }
    if len(only) < len(parts):
        kept = json.loads((RESULTS / "align_more.json").read_text(encoding="utf-8"))
        for key in ("complexity", "mac_dev", "report", "report_settings"):
            if key in kept:
                results[key] = kept[key]
    if "complexity" in only:
        run_complexity(results)
    if "mac" in only and (MAC / "gold").is_dir():
        run_mac(results)
    if "report" in only:
        run_report(results)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "align_more.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    (RESULTS / "align_more.md").write_text(write_markdown(results), encoding="utf-8")
    print(write_markdown(results))
    worst = max(r["after_growth"] for r in results["complexity"])
    if worst > 2.6:
        raise SystemExit(f"the bracket scan grows ×{worst} per doubling (limit ×2.6)")


if __name__ == "__main__":
    main()
