"""Read throughput, peak memory and adversarial inputs for every registered reader.

Run: ``.venv/bin/python benchmarks/bench_read.py [--megabytes 50] [--quick]``.
Writes ``benchmarks/results/read.json`` and ``benchmarks/results/read.md``.

What it measures:

1. Throughput. The shared seed documents (``../shared/corpus``) whose format
   is registered are copied, file by file, into a temporary folder until the
   copies hold at least ``--megabytes`` MB (the formats cannot be concatenated
   into one valid document, so the corpus is many files, as in real use).
   Two passes over the same files in the same run: the *baseline* (read the
   bytes, decode, split lines: what any reader must do) and *read*
   (:func:`aistress.formats.read_file`: decode, sniff every registered format,
   read). Before each file the readers' small per-text caches are cleared, so
   identical copies do not make later files cheaper than a new document would be.
2. Peak memory. :mod:`tracemalloc` peak while reading one document per format
   inflated to about 1 MB and 4 MB (its body repeated), as a multiple of the
   input size; memory should grow in proportion to the file, not faster.
   The process's maximum resident set size is reported too.
3. Adversarial inputs, through every registered reader directly: one line of
   n characters, n ASCII quotation marks, n curly quotation marks, n/10 blank
   lines between two words, n ``<``, n ``(``, n/3 hashtags and n/8 ``<p>x</p>``,
   for n = 256 k, 512 k and 1 M
   characters (the best of three runs when a run takes under half a second).
   Linear time shows as a ratio near 2 between n = 1 M and 512 k.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from aistress.errors import ParseError
from aistress.formats import _common, decode, formats, get_format, read_file, split_lines

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("AISTRESS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
RESULTS = ROOT / "benchmarks" / "results"


def clear_caches() -> None:
    """Forget per-text caches so each file costs what a new document would."""
    _common._cached_counts.cache_clear()
    _common._sample.cache_clear()
    try:
        from aistress.formats import syndication

        syndication._stem.cache_clear()
    except ImportError:  # pragma: no cover - the format may be absent
        pass


def _format_of(path: Path) -> str | None:
    try:
        return read_file(path).format
    except ParseError as exc:
        print(f"skipping {path.name}: {exc.reason}", file=sys.stderr)
        return None


def seeds() -> list[tuple[Path, str]]:
    """The seed files that a registered reader reads, with their format."""
    found = [(path, _format_of(path)) for path in sorted(CORPUS.glob("*.txt"))]
    return [(path, name) for path, name in found if name is not None]


def replicate(
    files: list[tuple[Path, str]], folder: Path, megabytes: float
) -> list[tuple[Path, str]]:
    """Copy the files round-robin into ``folder`` until they hold ``megabytes`` MB."""
    target = megabytes * 1_000_000
    total = 0
    copies: list[tuple[Path, str]] = []
    n = 0
    while total < target:
        for path, name in files:
            copy = folder / f"{path.stem}-{n:05d}{path.suffix}"
            data = path.read_bytes()
            copy.write_bytes(data)
            copies.append((copy, name))
            total += len(data)
        n += 1
    return copies


def time_pass(copies: list[tuple[Path, str]], work: Callable[[Path], object]) -> dict[str, float]:
    """Seconds per format and in total for one pass of ``work`` over the files."""
    seconds: dict[str, float] = {}
    for path, name in copies:
        clear_caches()
        start = time.perf_counter()
        work(path)
        seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - start
    seconds["all"] = sum(seconds.values())
    return seconds


def baseline(path: Path) -> object:
    """What every reader must do: read the bytes, decode them and split the lines."""
    text, _ = decode(path.read_bytes())
    return split_lines(text)


def throughput(megabytes: float) -> dict[str, object]:
    """Benchmark 1: MB/s of the readers against the baseline over replicated seeds."""
    files = seeds()
    with tempfile.TemporaryDirectory() as tmp:
        copies = replicate(files, Path(tmp), megabytes)
        sizes: dict[str, int] = {}
        for path, name in copies:
            size = path.stat().st_size
            sizes[name] = sizes.get(name, 0) + size
        sizes["all"] = sum(sizes.values())
        base = time_pass(copies, baseline)
        read = time_pass(copies, read_file)
        base_again = time_pass(copies, baseline)
    rows = {}
    for name in sizes:
        mb = sizes[name] / 1e6
        base_s = min(base[name], base_again[name])
        rows[name] = {
            "megabytes": round(mb, 2),
            "files": sum(1 for _, n in copies if n == name or name == "all"),
            "read_seconds": round(read[name], 3),
            "read_mb_per_s": round(mb / read[name], 2),
            "baseline_seconds": round(base_s, 3),
            "baseline_mb_per_s": round(mb / base_s, 2),
            "slowdown": round(read[name] / base_s, 1),
        }
    return {"seeds": [p.name for p, _ in files], "by_format": rows}


def inflate(path: Path, target_chars: int) -> tuple[str, str]:
    """A document of ``path``'s format with its body repeated to about ``target_chars``."""
    text = path.read_text(encoding="utf-8")
    source = read_file(path)
    spans = [b.span for b in source.articles[0].blocks if b.span is not None]
    start, end = spans[0].start, spans[-1].end
    body = text[start:end]
    copies = max(1, target_chars // max(1, len(body)))
    joiner = "\n" if source.format in {"syndication", "interleaved"} else "\n\n"
    return text[:start] + joiner.join([body] * copies) + text[end:], source.format


def memory() -> dict[str, object]:
    """Benchmark 2: tracemalloc peak while reading inflated documents."""
    files = [(p, n) for p, n in seeds() if n != "html"]
    fixture = FIXTURES / "html_northwind.html"
    if "html" in formats() and fixture.exists():
        files.append((fixture, "html"))
    rows: dict[str, dict[str, float]] = {}
    for path, _ in files:
        for size in (1_000_000, 4_000_000):
            text, fmt = inflate(path, size)
            reader = get_format(fmt).read
            clear_caches()
            gc.collect()
            tracemalloc.start()
            start = time.perf_counter()
            reader(text)
            seconds = time.perf_counter() - start
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rows[f"{fmt} {len(text) / 1e6:.1f}M chars"] = {
                "chars": len(text),
                "peak_mb": round(peak / 1e6, 1),
                "peak_per_input_char": round(peak / len(text), 1),
                "seconds_traced": round(seconds, 2),
            }
    return rows


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one long line": lambda n: "a" * n,
    "ascii quotes": lambda n: '"' * n,
    "curly quotes": lambda n: "“" * n,
    "blank lines": lambda n: "x" + "\n" * (n // 10) + "y",
    "angle brackets": lambda n: "<" * n,
    "parentheses": lambda n: "名(" * (n // 2),
    "hashtags": lambda n: "#a " * (n // 3),
    "paragraph tags": lambda n: "<p>x</p>" * (n // 8),
}


def adversarial() -> dict[str, object]:
    """Benchmark 3: seconds per reader and input at three sizes, and the 1M/512k ratio."""
    sizes = (262_144, 524_288, 1_048_576)
    rows: dict[str, dict[str, object]] = {}
    for name in formats():
        reader = get_format(name).read
        for label, make in ADVERSARIAL.items():
            times = []
            outcome = ""
            for n in sizes:
                text = make(n)
                best = float("inf")
                for _ in range(3):  # the best of three runs, unless a run is slow
                    clear_caches()
                    start = time.perf_counter()
                    try:
                        reader(text)
                        outcome = "read"
                    except ParseError:
                        outcome = "ParseError"
                    elapsed = time.perf_counter() - start
                    best = min(best, elapsed)
                    if elapsed > 0.5:
                        break
                times.append(best)
            rows[f"{name} / {label}"] = {
                "seconds": [round(t, 3) for t in times],
                "ratio_1M_to_512k": round(times[2] / max(times[1], 1e-6), 2),
                "outcome": outcome,
            }
    return {"sizes": sizes, "rows": rows}


def markdown(results: dict[str, object]) -> str:
    """The results as a Markdown report."""
    out = ["# Read benchmark", "", f"Run: `{results['command']}` on {results['when']}.", ""]
    env = results["environment"]
    assert isinstance(env, dict)
    out.append(f"Python {env['python']}, {env['platform']}, {env['cpus']} CPUs.")
    out += ["", "## Throughput (seeds replicated file by file)", ""]
    thr = results["throughput"]
    assert isinstance(thr, dict)
    out.append(f"Seeds: {', '.join(thr['seeds'])}.")
    out += [
        "",
        "| format | MB | files | read MB/s | baseline MB/s | read / baseline time |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in thr["by_format"].items():
        out.append(
            f"| {name} | {row['megabytes']} | {row['files']} | {row['read_mb_per_s']} | "
            f"{row['baseline_mb_per_s']} | {row['slowdown']}x |"
        )
    out += [
        "",
        "Baseline: read the bytes, decode, split lines. Read: `read_file` (decode, sniff",
        "every registered format, read). Per-text caches are cleared before every file.",
        f"Maximum resident set size of the run: {results['max_rss_mb']} MB.",
        "",
        "## Peak memory (tracemalloc) reading one inflated document",
        "",
        "| document | chars | peak MB | peak bytes per input char |",
        "| --- | ---: | ---: | ---: |",
    ]
    mem = results["memory"]
    assert isinstance(mem, dict)
    for name, row in mem.items():
        out.append(f"| {name} | {row['chars']} | {row['peak_mb']} | {row['peak_per_input_char']} |")
    out += [
        "",
        "## Adversarial inputs (seconds at 256k / 512k / 1M characters)",
        "",
        "| reader / input | seconds | 1M : 512k | outcome |",
        "| --- | --- | ---: | --- |",
    ]
    adv = results["adversarial"]
    assert isinstance(adv, dict)
    for name, row in adv["rows"].items():
        shown = " / ".join(f"{t:.3f}" for t in row["seconds"])
        out.append(f"| {name} | {shown} | {row['ratio_1M_to_512k']} | {row['outcome']} |")
    out += ["", "A ratio near 2 is linear; 4 would be quadratic.", ""]
    return "\n".join(out)


def main() -> None:
    """Run the three benchmarks and write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--quick", action="store_true", help="2 MB and no memory pass")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no shared corpus at {CORPUS}")
    megabytes = 2.0 if args.quick else args.megabytes
    results: dict[str, object] = {
        "command": "python benchmarks/bench_read.py" + (" --quick" if args.quick else ""),
        "when": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "environment": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
        "formats": list(formats()),
    }
    print("throughput ...", flush=True)
    results["throughput"] = throughput(megabytes)
    print("adversarial ...", flush=True)
    results["adversarial"] = adversarial()
    print("memory ...", flush=True)
    results["memory"] = {} if args.quick else memory()
    results["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "read.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    report = markdown(results)
    (RESULTS / "read.md").write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
