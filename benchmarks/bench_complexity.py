"""Growth of every analysis entry point on adversarial inputs at 2x size steps.

Run: ``python benchmarks/bench_complexity.py [--quick] [--only WORD] [--label NAME]``.
Writes ``benchmarks/results/complexity.json`` and ``complexity.md`` (with
``--label before``: ``complexity-before.json``, shown beside the current
figures in the table).

Every case times one entry point (a reader per format, ``extract_quotes``,
``tag``, ``align``, ``compare``, ``discover_relations``, ``link_corpus``, the
Dask relation job (``discover_relations_dask`` on the synchronous scheduler),
``from_json``, ``load_jsonl``, ``extract_numbers``, ``sentences``) on one
input of :mod:`aistress.testing.hostile` at sizes n, 2n, 4n, 8n, in CPU
seconds of this process (the best of three runs when a run is short). The
growth ratio per doubling is the geometric mean of the last two steps,
``sqrt(t(8n) / t(2n))``: 2 is linear, 4 quadratic. A case fails above
:data:`LIMIT`. A case whose single run passes :data:`CAP` seconds stops
growing; its ratio is taken from the steps it finished.

A raised :class:`~aistress.errors.AistressError` counts as an answer (a
reader may refuse a text; JSON deeper than the limit is refused): what is
timed is how long it takes to give it. Any other exception fails the case.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aistress
from aistress import AistressError, Corpus, Source
from aistress.formats import formats, read_text
from aistress.relations.distributed import discover_relations_dask
from aistress.testing.hostile import TEXTS, article, deep_json, near_duplicates
from aistress.text.numbers import extract_numbers
from aistress.text.sentences import sentences

RESULTS = Path(__file__).resolve().parent / "results"

#: Largest accepted growth ratio per doubling.
LIMIT = 2.6
#: A size whose single run takes longer than this (CPU seconds) ends the case.
CAP = 15.0

Thunk = Callable[[], object]
Case = tuple[str, str, int, Callable[[int], Thunk]]


def _text_case(entry: str, name: str, n0: int, run: Callable[[str], object]) -> Case:
    make = TEXTS[name]
    return (entry, name, n0, lambda n: lambda: run(make(n)))


def _quotes(language: str) -> Callable[[str], object]:
    return lambda text: aistress.extract_quotes(article(text, language))


def _tag(language: str) -> Callable[[str], object]:
    return lambda text: aistress.tag(article(text, language))


def _align(text: str) -> object:
    english = TEXTS["no punctuation"](max(1, len(text) // 2)) + "."
    return aistress.align(english, text, source_language="en", target_language="zh")


def _compare(text: str) -> object:
    source = article(text, "zh", id="s")
    derived = article(text[: len(text) // 2] + "增长 46%。", "zh", id="d", kind="rewrite")
    return aistress.compare(source, derived)


def _relations(n: int, align: bool) -> Thunk:
    articles = near_duplicates(n)
    return lambda: aistress.discover_relations(articles, align=align)


def _relations_dask(n: int, align: bool) -> Thunk:
    """The Dask relation job on one thread (so this process's CPU time is all of it)."""
    articles = near_duplicates(n)
    return lambda: discover_relations_dask(articles, align=align, partitions=4, scheduler="sync")


def _link(n: int) -> Thunk:
    corpus = Corpus([Source(f"s{a.id}", "aggregator", [a]) for a in near_duplicates(n)])
    return lambda: aistress.link_corpus(corpus, align=False)


def _jsonl(n: int) -> Thunk:
    record = aistress.to_json(article(TEXTS["chinese quotes"](200), "zh"))
    data = ("\n".join([record] * n) + "\n").encode("utf-8")
    return lambda: list(aistress.load_jsonl(io.BytesIO(data)))


def _from_json_long(n: int) -> Thunk:
    record = aistress.to_json(article(TEXTS["curly quote pairs"](n), "en"))
    return lambda: aistress.from_json(record)


#: (entry point, starting size, function of the text, inputs), for text cases.
TEXT_CASES: tuple[tuple[str, int, Callable[[str], object], tuple[str, ...]], ...] = (
    (
        "extract_quotes",
        8_000,
        _quotes("en"),
        ("curly quote pairs", "ascii quote marks", "apostrophes", "unclosed quotes"),
    ),
    (
        "extract_quotes (zh)",
        8_000,
        _quotes("zh"),
        ("chinese quotes", "han run", "no punctuation", "many numbers"),
    ),
    ("tag", 8_000, _tag("en"), ("curly quote pairs", "no punctuation", "apostrophes")),
    ("tag", 8_000, _tag("en"), ("nested markdown",)),
    ("tag (zh)", 4_000, _tag("zh"), ("han run", "chinese quotes", "many numbers")),
    (
        "align",
        2_000,
        _align,
        ("han run", "han latin alternation", "many numbers", "chinese quotes"),
    ),
    ("compare", 4_000, _compare, ("many numbers", "chinese quotes", "han run")),
    ("extract_numbers", 16_000, extract_numbers, ("many numbers", "han run", "no punctuation")),
    (
        "sentences",
        32_000,
        sentences,
        ("han run", "no punctuation", "ascii quote marks", "apostrophes"),
    ),
)

READ_INPUTS = (
    "nested markdown",
    "curly quote pairs",
    "han run",
    "no punctuation",
    "parenthesised repeats",
)


def _reader(fmt: str) -> Callable[[str], object]:
    return lambda text: read_text(text, format=fmt)


def cases() -> list[Case]:
    """Every (entry point, input, starting size, thunk maker) measured."""
    found = [
        _text_case(entry, name, n0, run) for entry, n0, run, names in TEXT_CASES for name in names
    ]
    found += [
        _text_case(f"read ({fmt})", name, 16_000, _reader(fmt))
        for fmt in formats()
        for name in READ_INPUTS
    ]
    corpus = "near-duplicate corpus"
    found += [
        ("discover_relations", corpus, 40, lambda n: _relations(n, False)),
        ("discover_relations (aligned)", corpus, 20, lambda n: _relations(n, True)),
        ("link_corpus", f"{corpus}, one file each", 40, _link),
        ("discover_relations_dask", corpus, 320, lambda n: _relations_dask(n, False)),
        ("discover_relations_dask (aligned)", corpus, 160, lambda n: _relations_dask(n, True)),
        ("from_json", "deeply nested arrays", 50_000, lambda n: _json_of(deep_json(n))),
        ("from_json", "one long record", 50_000, _from_json_long),
        ("load_jsonl", "many records", 500, _jsonl),
    ]
    return found


def _json_of(text: str) -> Thunk:
    return lambda: aistress.from_json(text)


def _time(thunk: Thunk) -> float:
    """CPU seconds of one call (best of three when a call is short)."""
    best = math.inf
    for _ in range(3):
        start = time.process_time()
        with contextlib.suppress(AistressError):
            thunk()
        best = min(best, time.process_time() - start)
        if best > 0.5:
            break
    return best


def measure(case: Case, steps: int, cap: float = CAP) -> dict[str, object]:
    """Time one case at ``steps`` doublings; return its row."""
    entry, name, n0, make = case
    sizes: list[int] = []
    times: list[float] = []
    error = None
    for k in range(steps):
        n = n0 * 2**k
        try:
            seconds = _time(make(n))
        except Exception as exc:  # anything but AistressError is a defect
            error = f"{type(exc).__name__}: {exc}"[:200]
            break
        sizes.append(n)
        times.append(seconds)
        if seconds > cap:
            break
    ratio = None
    if len(times) >= 3:
        ratio = math.sqrt(max(times[-1], 1e-6) / max(times[-3], 1e-6))
    elif len(times) == 2:
        ratio = max(times[-1], 1e-6) / max(times[-2], 1e-6)
    ok = error is None and ratio is not None and ratio <= LIMIT
    return {
        "entry": entry,
        "input": name,
        "sizes": sizes,
        "seconds": [round(t, 4) for t in times],
        "ratio": None if ratio is None else round(ratio, 2),
        "ok": ok,
        "error": error,
        "stopped": len(times) < steps and error is None,
    }


def _key(row: dict[str, object] | tuple[object, ...]) -> str:
    if isinstance(row, tuple):
        return f"{row[0]} / {row[1]}"
    return f"{row['entry']} / {row['input']}"


def markdown(rows: list[dict[str, object]], before: dict[str, dict[str, object]]) -> str:
    """The results table (with the before figures when there are some)."""
    lines = [
        "| entry point | adversarial input | sizes | CPU s per size | growth per doubling"
        + (" | before |" if before else " |"),
        "| --- | --- | --- | --- | ---:" + (" | ---: |" if before else " |"),
    ]
    for row in rows:
        sizes = row["sizes"]
        assert isinstance(sizes, list)
        shown = f"{sizes[0]:,}…{sizes[-1]:,}" if sizes else "—"
        seconds = " / ".join(f"{t:.3f}" for t in row["seconds"])  # type: ignore[attr-defined]
        ratio = "error" if row["error"] else f"×{row['ratio']}"
        if row["stopped"]:
            ratio += " (stopped)"
        if not row["ok"]:
            ratio = f"**{ratio}**"
        line = f"| {row['entry']} | {row['input']} | {shown} | {seconds} | {ratio}"
        if before:
            old = before.get(_key(row))
            if old is None:
                line += " | — |"
            else:
                mark = "" if old["ok"] else " (fails)"
                stop = " (stopped)" if old["stopped"] else ""
                shown_old = f"×{old['ratio']}" if old["error"] is None else str(old["error"])[:40]
                line += f" | {shown_old}{stop}{mark} |"
        else:
            line += " |"
        lines.append(line)
    lines.append("")
    lines.append(
        f"A ratio near 2 is linear, 4 quadratic; a case fails above ×{LIMIT}. "
        "'stopped': one run took longer than the cap, so larger sizes were not tried."
    )
    return "\n".join(lines) + "\n"


def save(target: Path, rows: list[dict[str, object]], *, merge: bool) -> None:
    """Write the rows (merged into the file's rows when only some cases ran)."""
    if merge and target.exists():
        kept = json.loads(target.read_text(encoding="utf-8"))["rows"]
        mine = {_key(r) for r in rows}
        order = [_key(c[:2]) for c in cases()]
        rows = [r for r in kept if _key(r) not in mine] + rows
        rows.sort(key=lambda r: order.index(_key(r)) if _key(r) in order else len(order))
    meta = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "limit": LIMIT,
        "rows": rows,
    }
    target.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    """Run the cases, write the results, return 1 if any case fails."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three sizes instead of four")
    parser.add_argument(
        "--only", default="", help="only cases whose name holds one of these (comma-separated)"
    )
    parser.add_argument("--label", default="", help="'before' writes complexity-before.json")
    parser.add_argument("--cap", type=float, default=CAP, help="CPU seconds that end a case")
    args = parser.parse_args(argv)
    steps = 3 if args.quick else 4
    RESULTS.mkdir(exist_ok=True)
    stem = "complexity" + (f"-{args.label}" if args.label else "")
    wanted = [w for w in args.only.split(",") if w]
    rows: list[dict[str, object]] = []
    for case in cases():
        if wanted and not any(w in _key(case[:2]) for w in wanted):
            continue
        row = measure(case, steps, args.cap)
        rows.append(row)
        status = "ok" if row["ok"] else "FAIL"
        print(f"{_key(row):60} {row['seconds']} ×{row['ratio']} {status} {row['error'] or ''}")
        sys.stdout.flush()
        save(RESULTS / f"{stem}.json", rows, merge=bool(wanted))  # after every case
    if not args.label:
        before_file = RESULTS / "complexity-before.json"
        before = {}
        if before_file.exists():
            old = json.loads(before_file.read_text(encoding="utf-8"))
            before = {_key(r): r for r in old["rows"]}
        every = json.loads((RESULTS / f"{stem}.json").read_text(encoding="utf-8"))["rows"]
        (RESULTS / "complexity.md").write_text(markdown(every, before), encoding="utf-8")
    failed = [r for r in rows if not r["ok"]]
    print(f"{len(rows) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
