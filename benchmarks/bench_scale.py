"""The whole flow at corpus scale: per-file map on Dask, then corpus linking.

For each size (articles), a synthetic corpus (``benchmarks/synthetic.py``) is
generated once under ``--root`` (default ``/tmp/aistress-scale``; never in the
repository) and reused by later runs. The stages (``--stages``, all by default):

* **map**: :func:`aistress.pipeline.run_dask` over every file (read, quotes,
  tags) on a ``dask.distributed.LocalCluster`` of ``--workers`` worker
  processes (one thread each), writing JSON Lines;
* **read**: the same map without quotes and tags (reading only), which is
  all the linking needs: a cheaper way to get the records of a large corpus;
* **link**: the records of the last map (or read) are loaded back, grouped into their sources, and
  :func:`aistress.relations.discover_relations` runs over the corpus in this
  process (anchors, near-duplicate groups, capped candidates, paragraph
  alignment of the most promising pairs), as ``aistress corpus`` does;
* **link_anchors**: the same without the aligner (``align=False``): the
  blocking, near-duplicate and candidate machinery alone, whose growth is the
  risk at scale (the aligner costs a bounded amount per derived article);
* **link_dask**: the distributed linking job (``pipeline.link_dask``, when the
  installed aistress has it) on the files, on the same cluster as the map,
  with its relations compared with the single-process ones.

For each stage: wall time, CPU time (this process and every worker process,
sampled with psutil), per-article wall and CPU time, and peak resident memory
of this process and of the largest worker. The relations found are checked
against the relations the generator planted: recall per planted kind
(translation, summary, rewrite, copy) and precision per kind found (a found
relation is right when it links a planted pair with the planted kind; a copy
may be linked either way and with any kind; a link between two files of one
story that was not planted, and one between different stories, are counted
apart).

Run: ``nice python benchmarks/bench_scale.py --sizes 1000 10000 100000``
(the default, ``--sizes 1000``, takes a few minutes); ``--stages link`` runs
one stage again on the records an earlier ``map`` left. Results go to
``benchmarks/results/scale.json`` and ``scale.md``; sizes already measured
there and not asked for again are kept.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import pairwise
from pathlib import Path
from typing import Any

import psutil
from synthetic import generate, load_manifest

from aistress import pipeline
from aistress.io.json import dump_jsonl, load_jsonl
from aistress.model import ArticleRecord, Corpus, Relation, Source
from aistress.pipeline import run_dask
from aistress.relations import discover_relations

RESULTS = Path(__file__).resolve().parent / "results"
MB = 1024 * 1024


class Meter:
    """Wall time, CPU time and peak RSS of this process and its child processes.

    A thread samples every ``interval`` seconds: the RSS of this process and of
    each child (the Dask workers), and each child's CPU time, so CPU used by a
    worker that exits before the end is still counted.
    """

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.me = psutil.Process()
        self.peak_self = 0
        self.peak_child = 0
        self.peak_total = 0
        self.child_cpu: dict[int, float] = {}
        self.child_start: dict[int, float] = {}
        self._stop = threading.Event()

    def _sample(self) -> None:
        rss = self.me.memory_info().rss
        total = rss
        self.peak_self = max(self.peak_self, rss)
        for child in self.me.children(recursive=True):
            try:
                with child.oneshot():
                    child_rss = child.memory_info().rss
                    times = child.cpu_times()
            except psutil.Error:
                continue
            cpu = times.user + times.system
            self.child_start.setdefault(child.pid, cpu)
            self.child_cpu[child.pid] = cpu
            self.peak_child = max(self.peak_child, child_rss)
            total += child_rss
        self.peak_total = max(self.peak_total, total)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    @contextmanager
    def measure(self) -> Iterator[dict[str, float]]:
        """Measure the block; the dict yielded is filled in when it ends."""
        result: dict[str, float] = {}
        self._sample()
        for pid, cpu in self.child_cpu.items():
            self.child_start[pid] = cpu
        cpu0 = self.me.cpu_times()
        wall0 = time.perf_counter()
        thread = threading.Thread(target=self._run, daemon=True)
        thread.start()
        try:
            yield result
        finally:
            self._sample()
            self._stop.set()
            thread.join()
            cpu1 = self.me.cpu_times()
            own = (cpu1.user - cpu0.user) + (cpu1.system - cpu0.system)
            children = sum(self.child_cpu[p] - self.child_start.get(p, 0.0) for p in self.child_cpu)
            result.update(
                wall_s=time.perf_counter() - wall0,
                cpu_s=own + children,
                cpu_self_s=own,
                cpu_workers_s=children,
                peak_rss_self_mb=self.peak_self / MB,
                peak_rss_worker_mb=self.peak_child / MB,
                peak_rss_total_mb=self.peak_total / MB,
            )


def corpus_of(records: list[ArticleRecord]) -> Corpus:
    """The records of a map run as a corpus: one source per file, in order."""
    grouped: dict[str, list[ArticleRecord]] = defaultdict(list)
    for record in records:
        grouped[record.source].append(record)
    sources = [
        Source(
            source_id,
            group[0].format or "text",
            articles=tuple(r.article for r in group),
            relations=tuple(rel for r in group for rel in r.relations),
            path=group[0].path,
        )
        for source_id, group in grouped.items()
    ]
    return Corpus(sources=sources)


#: The relation a planted kind must be found as (a copy may be linked as any kind).
ACCEPTED = {"translation": "translation_of", "summary": "summary_of", "rewrite": "rewrite_of"}


def score(
    found: tuple[Relation, ...], corpus: Corpus, manifest: dict[str, Any], root: Path
) -> dict[str, Any]:
    """Relations found against the relations planted: recall and precision per kind.

    A planted relation is found when a relation links its derived file to the
    original or to a verbatim copy of it (copies carry the same text), with
    the planted kind. Copies, and translations that do not say they are one
    (``text`` and ``html`` pages), may be linked either way round: nothing in
    the files tells which came first. A planted translation is also found as
    ``copy_of`` the translation its original's file carries (a bilingual
    original): the file states that one is a translation of its original.
    """
    file_of: dict[str, str] = {}
    translations: set[str] = set()
    for source in corpus.sources:
        rel = os.path.relpath(source.path or source.id, root)
        for article in source.articles:
            file_of[article.id] = rel
            if article.kind.value == "translation":
                translations.add(article.id)
    story = {str(f["path"]): int(f["story"]) for f in manifest["files"]}
    same_text: dict[str, set[str]] = defaultdict(set)  # original -> itself and its copies
    for p in manifest["relations"]:
        same_text[p["original"]].add(p["original"])
        if p["kind"] == "copy":
            same_text[p["original"]].add(p["derived"])
    by_file: dict[str, list[int]] = defaultdict(list)
    for k, p in enumerate(manifest["relations"]):
        by_file[p["derived"]].append(k)

    def either_way(p: dict[str, str]) -> bool:
        return p["kind"] == "copy" or (p["kind"] == "translation" and p["format"] != "translation")

    def matches(k: int, subject: str, target: str, kind: str, copied: bool) -> bool:
        p = manifest["relations"][k]
        if p["kind"] == "translation" and copied:
            kind = ACCEPTED["translation"]
        if p["kind"] != "copy" and ACCEPTED[p["kind"]] != kind:
            return False
        originals = same_text[p["original"]] - {p["derived"]}
        if subject == p["derived"] and target in originals:
            return True
        return either_way(p) and target == p["derived"] and subject in originals

    hit: set[int] = set()
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    copies_as: Counter[str] = Counter()
    for relation in found:
        kind = relation.kind.value
        subject, target = file_of.get(relation.subject, "?"), file_of.get(relation.target, "?")
        copied = kind == "copy_of" and relation.target in translations
        matched = [
            k
            for k in (*by_file[subject], *by_file[target])
            if matches(k, subject, target, kind, copied)
        ]
        if matched:
            verdict = "right"
            hit.update(matched)
            for k in matched:
                if manifest["relations"][k]["kind"] == "copy":
                    copies_as[kind] += 1
        elif story.get(subject, -1) == story.get(target, -2):
            verdict = "same_story"
        else:
            verdict = "other_story"
        by_kind[kind][verdict] += 1
        by_kind[kind]["found"] += 1
    recall: dict[str, dict[str, Any]] = {}
    for kind in ("translation", "summary", "rewrite", "copy"):
        wanted = [k for k, p in enumerate(manifest["relations"]) if p["kind"] == kind]
        formats: Counter[str] = Counter(manifest["relations"][k]["format"] for k in wanted)
        got: Counter[str] = Counter(manifest["relations"][k]["format"] for k in wanted if k in hit)
        recall[kind] = {
            "planted": len(wanted),
            "found": sum(got.values()),
            "recall": sum(got.values()) / max(1, len(wanted)),
            "by_format": {f: f"{got[f]}/{n}" for f, n in sorted(formats.items())},
        }
    precision = {
        kind: {**counts, "precision": counts["right"] / max(1, counts["found"])}
        for kind, counts in sorted(by_kind.items())
    }
    right = sum(c["right"] for c in by_kind.values())
    return {
        "planted": len(manifest["relations"]),
        "found": len(found),
        "right": right,
        "planted_found": len(hit),
        "recall": len(hit) / max(1, len(manifest["relations"])),
        "precision": right / max(1, len(found)),
        "recall_by_kind": recall,
        "precision_by_kind": precision,
        "copies_linked_as": dict(copies_as),
        "related_pairs": len(manifest["related"]),
    }


def corpus_folder(root: Path, size: int, seed: int) -> Path:
    """The synthetic corpus of ``size`` articles, generated on first use."""
    folder = root / f"{size}-seed{seed}"
    if not (folder / "manifest.json").exists():
        start = time.perf_counter()
        generate(folder, size, seed=seed)
        print(f"  generated {folder} in {time.perf_counter() - start:.1f} s", flush=True)
    return folder


STAGES = ("map", "read", "link", "link_anchors", "link_dask")


def _relations_file(out: Path, stage: str) -> Path:
    return out / f"relations-{stage}.jsonl"


def run_size(
    size: int,
    root: Path,
    *,
    seed: int,
    workers: int,
    stages: tuple[str, ...],
    row: dict[str, Any],
    save: Callable[[], None],
    log: Callable[[str], None],
) -> None:
    """Measure the stages asked for on the corpus of ``size`` articles, into ``row``.

    ``map`` writes its records under ``<root>/<size>-seed<seed>-out``; ``link``
    reads them back (so it can run in a later invocation), and ``link_dask``
    runs the distributed linking job on the files. ``save`` is called after
    each stage, so a long run leaves its finished stages behind.
    """
    folder = corpus_folder(root, size, seed)
    manifest = load_manifest(folder)
    paths = [str(folder / str(f["path"])) for f in manifest["files"]]  # type: ignore[union-attr]
    articles = int(manifest["articles"])  # type: ignore[call-overload]
    out = root / f"{size}-seed{seed}-out"
    row.update(articles=articles, files=len(paths), workers=workers, articles_asked=size)

    def done(stage: str, measured: dict[str, Any]) -> None:
        measured["wall_ms_per_article"] = 1000 * measured["wall_s"] / articles
        measured["cpu_ms_per_article"] = 1000 * measured["cpu_s"] / articles
        row[stage] = measured
        log(f"  {stage}: {measured['wall_s']:.1f} s wall, {measured['cpu_s']:.1f} s CPU")
        save()

    for stage in stages:
        if stage in ("map", "read"):
            for part in out.glob("part-*"):
                part.unlink()
            analyse = stage == "map"
            with Meter().measure() as mapped, _cluster(workers):
                mapped["records"] = run_dask(paths, out, quotes=analyse, tags=analyse)
            done(stage, mapped)
        elif stage in ("link", "link_anchors"):
            with Meter().measure() as linked:
                records: list[ArticleRecord] = []
                for part in sorted(out.glob("part-*.jsonl")):
                    records.extend(r for r in load_jsonl(part) if isinstance(r, ArticleRecord))
                corpus = corpus_of(records)
                found = discover_relations(corpus, align=stage == "link")
            linked["relations"] = len(found)
            dump_jsonl(found, _relations_file(out, stage))
            row["quality" if stage == "link" else "quality_anchors"] = score(
                found, corpus, manifest, folder
            )
            done(stage, linked)
        elif stage == "link_dask":
            link_dask(row, paths, out, workers, done, log)


def link_dask(
    row: dict[str, Any],
    paths: list[str],
    out: Path,
    workers: int,
    done: Callable[[str, dict[str, Any]], None],
    log: Callable[[str], None],
) -> None:
    """The distributed linking job over the files, checked against the single-process one."""
    job = getattr(pipeline, "link_dask", None)
    if job is None:
        log("  link_dask: this aistress has no pipeline.link_dask; skipped")
        return
    with Meter().measure() as distributed, _cluster(workers):
        found = job(paths)
    distributed["relations"] = len(found)
    dump_jsonl(found, _relations_file(out, "link_dask"))
    single = _relations_file(out, "link")
    if single.exists():
        expected = set(load_jsonl(single))
        distributed["same_as_link"] = expected == set(found)
        distributed["differences"] = len(expected ^ set(found))
    done("link_dask", distributed)


@contextmanager
def _cluster(workers: int) -> Iterator[None]:
    """A LocalCluster of ``workers`` processes of one thread each, as the default client."""
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        yield


def _fmt_table(rows: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| articles | files | stage | wall s | CPU s | wall ms/article | CPU ms/article "
        "| peak RSS main MB | peak RSS worker MB | planted found / planted | right / found |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    quality = {"link": "quality", "link_anchors": "quality_anchors"}
    for row in rows:
        for stage in STAGES:
            if stage not in row:
                continue
            s = row[stage]
            rel = right = ""
            q = row.get(quality.get(stage, ""))
            if q is not None:
                rel = f"{q['planted_found']} / {q['planted']}"
                right = f"{q['right']} / {q['found']}"
            if stage == "link_dask" and "same_as_link" in s:
                right = "same as link" if s["same_as_link"] else f"{s['differences']} differ"
            on_workers = stage in ("map", "read", "link_dask")
            worker = f"{s['peak_rss_worker_mb']:.0f}" if on_workers else "–"
            lines.append(
                f"| {row['articles']:,} | {row['files']:,} | {stage} | {s['wall_s']:.1f} "
                f"| {s['cpu_s']:.1f} | {s['wall_ms_per_article']:.2f} "
                f"| {s['cpu_ms_per_article']:.2f} | {s['peak_rss_self_mb']:.0f} | {worker} "
                f"| {rel} | {right} |"
            )
    return lines


def _fmt_marginal(rows: list[dict[str, Any]]) -> list[str]:
    """The CPU cost of each added article between consecutive sizes, per stage.

    A stage's CPU time is a fixed part (starting the worker processes,
    importing aistress and loading its data in each, building the graph) plus
    a part that grows with the corpus; the per-article figure of the main
    table mixes the two, so on a small corpus it is dominated by the fixed
    part. The difference between two sizes divided by the articles added is
    the growing part alone: flat when the stage is linear.
    """
    lines = [
        "| stage | from | to | CPU s added | articles added | CPU ms per added article |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for stage in STAGES:
        measured = [row for row in rows if stage in row]
        for small, large in pairwise(measured):
            added = large["articles"] - small["articles"]
            cpu = large[stage]["cpu_s"] - small[stage]["cpu_s"]
            if added > 0:
                lines.append(
                    f"| {stage} | {small['articles']:,} | {large['articles']:,} | {cpu:.1f} "
                    f"| {added:,} | {1000 * cpu / added:.2f} |"
                )
    return lines


def write_results(rows: list[dict[str, Any]], meta: dict[str, Any]) -> None:
    """Write scale.json and scale.md."""
    RESULTS.mkdir(exist_ok=True)
    data = {**meta, "sizes": rows}
    (RESULTS / "scale.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    md = [
        "# Scaling: synthetic corpora of 1k to 100k articles",
        "",
        f"Measured by `python benchmarks/bench_scale.py` on {meta['machine']} "
        f"({meta['cpus']} CPUs shared with other work, run under `nice`), "
        f"Dask LocalCluster of {meta['workers']} worker processes (one thread each) for "
        "`map` (read, quotes, tags per file) and `link_dask` (the distributed linking job "
        "over the files); `link` loads the map's records and links the corpus in the main "
        "process. CPU time counts the main process and every worker; on a shared machine it "
        "is the figure to compare, wall time includes waiting for the CPU.",
        "",
        *_fmt_table(rows),
        "",
        "CPU time per article added between consecutive sizes (the fixed cost of starting "
        "workers and loading data taken out):",
        "",
        *_fmt_marginal(rows),
        "",
        "Relations found against planted, per kind (link stage):",
        "",
        "| articles | kind | planted | found | recall | by format |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        for kind, r in row.get("quality", {}).get("recall_by_kind", {}).items():
            formats = ", ".join(f"{f} {v}" for f, v in r["by_format"].items())
            md.append(
                f"| {row['articles']:,} | {kind} | {r['planted']} | {r['found']} "
                f"| {r['recall']:.2f} | {formats} |"
            )
    md += [
        "",
        "Precision per kind found (right: a planted pair with the planted kind; same story: "
        "two files of one story not planted as a pair; other story: a false link):",
        "",
        "| articles | kind found | found | right | same story | other story | precision |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        for kind, c in row.get("quality", {}).get("precision_by_kind", {}).items():
            md.append(
                f"| {row['articles']:,} | {kind} | {c['found']} | {c.get('right', 0)} "
                f"| {c.get('same_story', 0)} | {c.get('other_story', 0)} "
                f"| {c['precision']:.2f} |"
            )
    (RESULTS / "scale.md").write_text("\n".join(md) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Measure the sizes asked for; keep earlier sizes in the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--root", type=Path, default=Path("/tmp/aistress-scale"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument(
        "--rewrite", action="store_true", help="only write scale.md again from scale.json"
    )
    args = parser.parse_args(argv)
    previous: dict[int, dict[str, Any]] = {}
    if (RESULTS / "scale.json").exists():
        old = json.loads((RESULTS / "scale.json").read_text("utf-8"))
        previous = {row["articles_asked"]: row for row in old.get("sizes", [])}
    meta = {
        "machine": f"{platform.machine()} {platform.python_implementation()} "
        f"{platform.python_version()}",
        "cpus": os.cpu_count(),
        "workers": args.workers,
        "seed": args.seed,
    }
    if args.rewrite:
        write_results([previous[k] for k in sorted(previous)], meta)
        return 0
    for size in args.sizes:
        print(f"== {size} articles", flush=True)
        row = previous.setdefault(size, {})
        run_size(
            size,
            args.root,
            seed=args.seed,
            workers=args.workers,
            stages=tuple(args.stages),
            row=row,
            save=lambda: write_results([previous[k] for k in sorted(previous)], meta),
            log=lambda s: print(s, flush=True),
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
