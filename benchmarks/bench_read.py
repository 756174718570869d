"""Read throughput, peak memory and adversarial inputs for every registered reader.

Run: ``.venv/bin/python benchmarks/bench_read.py [--megabytes 50] [--quick] [--target-only]``.
Writes ``benchmarks/results/read.json`` and ``benchmarks/results/read.md``
(with ``--target-only``, only benchmark 0, to ``read_target.json`` and ``.md``).

What it measures:

0. The target: every reader at most 10x the bare read-and-split baseline on a
   2 MB document of its format. One document per format is built from our own
   documents (the bundled sample corpus, ``benchmarks/documents`` and our test
   fixtures; no third-party text): the paragraphs of each of its articles are
   repeated until the file holds about 2 MB, and every repeat after the first
   gets its copy number inside each long line, so no line repeats and no
   per-line cache makes the big document cheaper than a real one. In the same
   run, one process (one core), CPU time: the *baseline* (read the bytes,
   decode, split the lines with :func:`aistress.formats.split_lines`, what any
   reader must do), the *bare* ``bytes.decode().splitlines()`` that the target
   is measured against, and :func:`aistress.formats.read_file` (decode, sniff
   every registered format, read). Per-text caches are cleared and the garbage
   collector run before every call.

   How the times are taken (changed on 2 December 2026): seven rounds, each
   calling the baseline, the bare split and the read once, in turn; each
   figure is the least of its seven times, and the ratio is the least read
   time over the least bare time. Before, the baseline and the bare split were
   timed seven times in a row and then the read five times: the bare split of
   2 MB takes only 4 to 11 ms, so a slow or fast spell of the shared machine
   during one of the three blocks moved the ratio by up to 40% between runs.
   Taking turns puts every round of the three under the same conditions, and
   the same number of tries for the read and the bare split gives neither a
   better chance of a lucky run. Each read / bare ratio within a round is
   kept too (``paired_ratios_to_bare``, sorted), to show the spread.
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
import contextlib
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
from collections.abc import Callable, Iterator
from operator import truediv
from pathlib import Path

from shared_data import find_shared

from aistress.errors import ParseError
from aistress.formats import decode, formats, get_format, read_file, split_lines

ROOT = Path(__file__).resolve().parents[1]
SHARED = find_shared()
CORPUS = SHARED / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "formats"
RESULTS = ROOT / "benchmarks" / "results"


def _per_text_caches() -> list[Callable[[], None]]:
    """``cache_clear`` of every bounded cache in aistress (the unbounded ones hold data files)."""
    found: dict[int, Callable[[], None]] = {}
    for name, module in list(sys.modules.items()):
        if not name.startswith("aistress.") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type):  # a cache class (its methods are unbound), not a cache
                continue
            params = getattr(value, "cache_parameters", None)
            if callable(params) and params().get("maxsize") is not None:
                found[id(value)] = value.cache_clear
    return list(found.values())


_CLEARS: list[Callable[[], None]] = []


def clear_caches() -> None:
    """Forget per-text caches so each file costs what a new document would."""
    if not _CLEARS:  # found once: every module of aistress is imported by then
        _CLEARS.extend(_per_text_caches())
    for clear in _CLEARS:
        clear()


def _format_of(path: Path) -> str | None:
    try:
        return read_file(path).format
    except ParseError as exc:
        print(f"skipping {path.name}: {exc.reason}", file=sys.stderr)
        return None


SAMPLE = ROOT / "src" / "aistress" / "data" / "sample"
DOCUMENTS = ROOT / "benchmarks" / "documents"

#: Per format: our own document that the 2 MB document grows from, and for
#: HTML the first and last line of the repeated part (whole elements).
TARGET_SOURCES: dict[str, tuple[Path, tuple[str, str] | None]] = {
    "aggregator": (SAMPLE / "01_aggregator.txt", None),
    "translation": (SAMPLE / "02_translation.txt", None),
    "syndication": (SAMPLE / "03_syndication.txt", None),
    "interleaved": (SAMPLE / "04_interleaved.txt", None),
    "digest": (SAMPLE / "05_digest.md", None),
    "text": (DOCUMENTS / "text_marrow.txt", None),
    "html": (FIXTURES / "html_northwind.html", ("<p>Teodor", "</ul>")),
}
TARGET_BYTES = 2_000_000
TARGET_RATIO = 10.0


def _line_region(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``..``end`` widened to whole lines (without the last line break)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _regions(path: Path, markers: tuple[str, str] | None) -> list[tuple[int, int]]:
    """The parts of the document to repeat: each article's blocks, as whole lines."""
    text = path.read_text(encoding="utf-8")
    if markers is not None:
        start = text.index(markers[0])
        return [_line_region(text, start, text.index(markers[1], start))]
    spans = []
    for article in read_file(path).articles:
        blocks = [b.span for b in article.blocks if b.span is not None]
        spans.append(_line_region(text, blocks[0].start, blocks[-1].end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):  # articles that share lines (interleaved) are one part
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _vary(part: str, copy: int) -> str:
    """``part`` with ``copy`` written into each line of 40 characters or more.

    Before the last space of a line, or after its last Chinese comma, so the
    structure (labels at the start, punctuation at the end) stays as it was.
    """
    if copy == 0:
        return part
    lines = part.split("\n")
    for i, line in enumerate(lines):
        if len(line) < 40:
            continue
        cut = line.rstrip().rfind(" ")
        if cut > 0:
            lines[i] = f"{line[:cut]} {copy}{line[cut:]}"
        elif (cut := line.rfind("，")) > 0 or (cut := line.rfind(",")) > 0:
            lines[i] = f"{line[: cut + 1]}{copy}{line[cut + 1 :]}"
    return "\n".join(lines)


def target_document(fmt: str) -> str:
    """A document of ``fmt`` of about :data:`TARGET_BYTES` bytes grown from our own one."""
    path, markers = TARGET_SOURCES[fmt]
    text = path.read_text(encoding="utf-8")
    regions = _regions(path, markers)
    repeated = sum(len(text[a:b].encode()) for a, b in regions)
    copies = max(1, -(-(TARGET_BYTES - len(text.encode()) + repeated) // repeated))
    joiner = "\n" if fmt in {"syndication", "interleaved"} else "\n\n"
    out = []
    last = 0
    for start, end in regions:
        part = text[start:end]
        out += [text[last:start], joiner.join(_vary(part, k) for k in range(copies))]
        last = end
    out.append(text[last:])
    return "".join(out)


def _cpu_interleaved(works: list[Callable[[], object]], runs: int) -> list[list[float]]:
    """CPU times of ``runs`` rounds, each calling every one of ``works`` once, in turn.

    Caches are cleared and garbage collected before each call, so every call
    starts alike; taking turns spreads a slow spell of the machine over all of
    ``works`` instead of one of them.
    """
    times: list[list[float]] = [[] for _ in works]
    for _ in range(runs):
        for work, spent in zip(works, times, strict=True):
            clear_caches()
            gc.collect()
            start = time.process_time()
            work()
            spent.append(time.process_time() - start)
    return times


def _has_extractor() -> bool:
    """Whether trafilatura (the ``html`` extra) is installed."""
    try:
        import trafilatura  # type: ignore[import-untyped, unused-ignore]  # noqa: F401
    except ImportError:
        return False
    return True


@contextlib.contextmanager
def _without(module: str | None) -> Iterator[None]:
    """Make ``import module`` fail for a while, as if the package were not installed."""
    if module is None:
        yield
        return
    saved = sys.modules.get(module)
    sys.modules[module] = None  # type: ignore[assignment]
    try:
        yield
    finally:
        if saved is None:
            del sys.modules[module]
        else:
            sys.modules[module] = saved


def target(runs: int = 7) -> dict[str, object]:
    """Benchmark 0: each reader's time on a 2 MB document as a multiple of the baseline."""
    rows: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in TARGET_SOURCES:
            if fmt not in formats():
                continue
            text = target_document(fmt)
            suffix = TARGET_SOURCES[fmt][0].suffix
            path = Path(tmp) / f"{fmt}-2mb{suffix}"
            path.write_text(text, encoding="utf-8")
            source = read_file(path)  # also the warm-up (imports, data files)
            if source.format != fmt:
                raise SystemExit(f"the 2 MB {fmt} document reads as {source.format}")
            variants = [(fmt, None)]
            if fmt == "html" and _has_extractor():
                variants.append(("html, own rules", "trafilatura"))
            for name, blocked in variants:
                with _without(blocked):
                    source = read_file(path)
                    base_times, bare_times, read_times = _cpu_interleaved(
                        [
                            lambda p=path: baseline(p),
                            lambda p=path: p.read_bytes().decode("utf-8").splitlines(),
                            lambda p=path: read_file(p),
                        ],
                        runs,
                    )
                base, bare, read = min(base_times), min(bare_times), min(read_times)
                paired = sorted(map(truediv, read_times, bare_times))
                rows[name] = {
                    "source": str(TARGET_SOURCES[fmt][0].relative_to(ROOT)),
                    "bytes": path.stat().st_size,
                    "lines": len(split_lines(text)),
                    "blocks": sum(len(a.blocks) for a in source.articles),
                    "read_seconds": round(read, 4),
                    "baseline_seconds": round(base, 4),
                    "bare_seconds": round(bare, 4),
                    "ratio": round(read / base, 1),
                    "ratio_to_bare": round(read / bare, 1),
                    # The spread from run to run: read / bare within each round.
                    "paired_ratios_to_bare": [round(r, 1) for r in paired],
                    # Issue 13's target is against the bare read-and-split.
                    "met": read / bare <= TARGET_RATIO,
                }
                print(f"  {name}: {rows[name]['ratio']}x", flush=True)
    return {"target_ratio": TARGET_RATIO, "runs": runs, "by_format": rows}


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


def markdown_target(tgt: dict[str, object]) -> str:
    """Benchmark 0 as a Markdown section."""
    rows = tgt["by_format"]
    assert isinstance(rows, dict)
    out = [
        "## Target: each reader on a 2 MB document of its format",
        "",
        "| format | grown from | MB | lines | blocks | read s | baseline s | read / baseline "
        f"| read / bare splitlines (target <= {tgt['target_ratio']:g}x) "
        "| read / bare in each round: least, median, most |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, row in rows.items():
        verdict = "met" if row["met"] else "not met"
        paired = row["paired_ratios_to_bare"]
        spread = f"{paired[0]} / {paired[len(paired) // 2]} / {paired[-1]}"
        out.append(
            f"| {name} | `{row['source']}` | {row['bytes'] / 1e6:.2f} | {row['lines']} | "
            f"{row['blocks']} | {row['read_seconds']:.3f} | {row['baseline_seconds']:.4f} | "
            f"{row['ratio']}x | **{row['ratio_to_bare']}x** ({verdict}) | {spread} |"
        )
    out += [
        "",
        f"CPU time of one process, the least of {tgt['runs']} rounds that each time the",
        "baseline, the bare split and the read once, in turn; per-text caches",
        "cleared before each call. Read: `read_file` (decode, sniff every registered format,",
        "read). Baseline: read the bytes, decode, `split_lines`. Bare: `bytes.decode()",
        ".splitlines()`. Each document repeats the paragraphs of our own document with",
        "the copy number written into every long line, so no line repeats. `html, own",
        "rules`: the same page read as without the `html` extra (trafilatura not importable).",
    ]
    return "\n".join(out)


def markdown(results: dict[str, object]) -> str:
    """The results as a Markdown report."""
    out = ["# Read benchmark", "", f"Run: `{results['command']}` on {results['when']}.", ""]
    env = results["environment"]
    assert isinstance(env, dict)
    out.append(f"Python {env['python']}, {env['platform']}, {env['cpus']} CPUs.")
    tgt = results["target"]
    assert isinstance(tgt, dict)
    out += ["", markdown_target(tgt)]
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
    parser.add_argument(
        "--target-only", action="store_true", help="only the 2 MB target (read_target.md)"
    )
    args = parser.parse_args()
    if args.target_only:
        tgt = target()
        when = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "read_target.json").write_text(
            json.dumps({"when": when, "target": tgt}, indent=2) + "\n", encoding="utf-8"
        )
        report = (
            f"# Read benchmark: the 2 MB target\n\nRun: `python benchmarks/bench_read.py "
            f"--target-only` on {when}, Python {platform.python_version()}, "
            f"{os.cpu_count()} CPUs.\n\n{markdown_target(tgt)}\n"
        )
        (RESULTS / "read_target.md").write_text(report, encoding="utf-8")
        print(report)
        return
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
    print("2 MB documents ...", flush=True)
    results["target"] = target()
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
