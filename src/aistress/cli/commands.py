"""The subcommands: each turns parsed arguments into calls of the pipeline and printed lines.

Every command takes files, folders and globs alike (see
:func:`aistress.cli.inputs.expand`), reads through
:mod:`aistress.pipeline`, and returns an exit status (see :mod:`aistress.cli`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeVar

from aistress.alignment import align, write_tmx
from aistress.cli.inputs import UsageError, derived_of, expand, pick
from aistress.cli.progress import Progress, progress_factory
from aistress.cli.show import (
    alignment_lines,
    comparison_lines,
    failure_line,
    plural,
    quote_lines,
    source_lines,
    tag_lines,
)
from aistress.comparison import compare
from aistress.io.atomic import atomic_write, write_text
from aistress.io.json import dump_jsonl
from aistress.io.tei import write_tei
from aistress.model import (
    Article,
    ArticleRecord,
    Quote,
    ReadFailure,
    RelationKind,
    Remedy,
    Source,
    Stressor,
    short_id,
)
from aistress.pipeline import (
    CorpusAnalysis,
    PathTask,
    analyse_path,
    analyse_paths,
    map_tasks,
    run_dask_summary,
)
from aistress.report import render_html, render_text
from aistress.sample import sample_paths

__all__ = [
    "COMMANDS",
    "EXIT_ALL_FAILED",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
]

#: Everything was read and done.
EXIT_OK = 0
#: Some inputs failed (each is listed with its reason, then a count), the rest was done.
EXIT_FAILED = 1
#: Wrong usage, or a needed part of aistress is missing.
EXIT_USAGE = 2
#: Every input failed, so nothing was done.
EXIT_ALL_FAILED = 3

T = TypeVar("T")
F = TypeVar("F")  # what one article yields: quotes, or stressors and remedies
Outcome = tuple[Source | ReadFailure, tuple[ArticleRecord, ...] | ReadFailure]


def status(failed: int, total: int) -> int:
    """The exit status for ``failed`` of ``total`` inputs failing."""
    if not failed:
        return EXIT_OK
    return EXIT_ALL_FAILED if failed >= total else EXIT_FAILED


def list_failures(failures: Sequence[ReadFailure], err: TextIO, *, inputs: int) -> None:
    """One line per failure on stderr, then a count (unless there was one input only)."""
    for failure in failures:
        print(f"aistress: failed: {failure_line(failure)}", file=err)
    if failures and inputs > 1:
        count = len(failures)
        print(f"aistress: {plural(count, 'file')} could not be read (of {inputs})", file=err)


def _paths(inputs: Sequence[str]) -> list[str]:
    paths = expand(inputs)
    if not paths:
        raise UsageError(f"no files found in {', '.join(inputs)}")
    return paths


def _run(
    args: argparse.Namespace, paths: Sequence[str], *, quotes: bool, tags: bool
) -> list[Outcome]:
    """Read (and analyse) every path, with a progress line; input order kept."""
    tasks = [PathTask(p, args.format, args.encoding, quotes, tags) for p in paths]
    label = "reading" + (", quoting" if quotes else "") + (", tagging" if tags else "")
    names = [Path(p).name for p in paths]
    jobs = getattr(args, "jobs", 1)
    return list(
        map_tasks(
            analyse_path, tasks, jobs=jobs, progress=progress_factory, label=label, names=names
        )
    )


def _failure(outcome: Outcome) -> ReadFailure | None:
    result, analysed = outcome
    if isinstance(result, ReadFailure):
        return result
    return analysed if isinstance(analysed, ReadFailure) else None


def _step(label: str, work: Callable[[], T]) -> T:
    """Run one step that cannot count its items, with a progress line after a second."""
    with Progress(None, label):
        return work()


# ---------------------------------------------------------------------------
# read, quotes, tag: per file


def cmd_read(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress read``: summarise what each file holds."""
    paths = _paths(args.inputs)
    outcomes = _run(args, paths, quotes=False, tags=False)
    results = [result for result, _ in outcomes]
    if args.json:
        dump_jsonl(results, out)
    else:
        for path, result in zip(paths, results, strict=True):
            if isinstance(result, Source):
                print("\n".join(source_lines(result, path)), file=out)
            else:
                print(f"{path}: FAILED: {failure_line(result, path=False)}", file=out)
    failures = [r for r in results if isinstance(r, ReadFailure)]
    list_failures(failures, err, inputs=len(paths))
    return status(len(failures), len(paths))


def _per_article(
    args: argparse.Namespace,
    out: TextIO,
    err: TextIO,
    *,
    quotes: bool,
    findings: Callable[[ArticleRecord], Sequence[F]],
    show: Callable[[Article, Sequence[F], str], list[str]],
) -> int:
    """Analyse every file and print (or write as JSON) each article's ``findings``."""
    paths = _paths(args.inputs)
    outcomes = _run(args, paths, quotes=quotes, tags=not quotes)
    failures = [f for f in map(_failure, outcomes) if f is not None]
    chosen: list[tuple[str, list[ArticleRecord]]] = []
    for path, (result, analysed) in zip(paths, outcomes, strict=True):
        if isinstance(result, ReadFailure) or isinstance(analysed, ReadFailure):
            continue
        wanted = {pick(result, args.article, path).id} if args.article else None
        chosen.append((path, [r for r in analysed if wanted is None or r.article.id in wanted]))
    for path, found in chosen:
        if args.json:
            dump_jsonl((x for r in found for x in findings(r)), out)
            continue
        if len(paths) > 1 or len(found) > 1:
            print(f"{path}:", file=out)
        for record in found:
            lines = show(record.article, findings(record), short_id(record.article.id))
            print("\n".join(lines), file=out)
    list_failures(failures, err, inputs=len(paths))
    return status(len(failures), len(paths))


def cmd_quotes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress quotes``: the quotes of each article, with speakers."""
    return _per_article(args, out, err, quotes=True, findings=_quotes, show=quote_lines)


def _quotes(record: ArticleRecord) -> tuple[Quote, ...]:
    return record.quotes


def _tags(record: ArticleRecord) -> list[Stressor | Remedy]:
    found: list[Stressor | Remedy] = [*record.stressors, *record.remedies]
    found.sort(key=lambda t: -1 if t.block is None else t.block)
    return found


def cmd_tag(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress tag``: stressors and remedies of each article, with evidence."""
    return _per_article(args, out, err, quotes=False, findings=_tags, show=tag_lines)


# ---------------------------------------------------------------------------
# align, compare: pairs


def _sources(args: argparse.Namespace, err: TextIO) -> list[tuple[str, Source]] | int:
    """The one or two files of a pair command, read; an exit status if one fails."""
    paths = _paths(args.inputs)
    if len(paths) > 2:
        raise UsageError(
            f"{args.command} takes one file (with a stated pair) or two files; "
            f"{', '.join(args.inputs)} gives {len(paths)}"
        )
    outcomes = _run(args, paths, quotes=False, tags=False)
    failures = [f for f in map(_failure, outcomes) if f is not None]
    if failures:
        list_failures(failures, err, inputs=len(paths))
        return EXIT_ALL_FAILED  # a pair with a missing side: nothing can be done
    return [(p, r) for p, (r, _) in zip(paths, outcomes, strict=True) if isinstance(r, Source)]


def _stated_pair(source: Source, name: str, what: str) -> tuple[Article, Article]:
    """The pair a single file states: a translation, or an article derived from another."""
    for t in source.translations:
        if t.source in source and t.target in source:
            return source[t.source], source[t.target]
    derived = (RelationKind.TRANSLATION_OF, RelationKind.SUMMARY_OF, RelationKind.REWRITE_OF)
    for r in source.relations:
        if r.kind in derived and r.subject in source and r.target in source:
            return source[r.target], source[r.subject]
    raise UsageError(f"{name} states no {what}; name a second file to {what.split()[0]} with")


def _pair(
    args: argparse.Namespace, read: list[tuple[str, Source]], what: str
) -> tuple[Article, Article]:
    """The (source, derived) articles a pair command means."""
    source_id = args.source_article
    derived_id = getattr(args, "derived_article", None) or getattr(args, "target_article", None)
    if len(read) == 1:
        ((name, only),) = read
        if source_id is None and derived_id is None:
            return _stated_pair(only, name, what)
        original = pick(only, source_id, name)
        return original, derived_of(original, only, derived_id, name)
    (first_name, first), (second_name, second) = read
    original = pick(first, source_id, first_name)
    return original, derived_of(original, second, derived_id, second_name)


def cmd_align(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress align``: align an article with its translation."""
    read = _sources(args, err)
    if isinstance(read, int):
        return read
    source, target = _pair(args, read, "translation")
    alignment = _step("aligning", lambda: align(source, target, unit=args.unit))
    if args.tmx:
        tmx: str = args.tmx
        write_tmx(alignment, tmx, source_language=source.language, target_language=target.language)
        print(f"wrote {plural(len(alignment.beads), 'translation unit')} to {tmx}", file=err)
    if args.json:
        dump_jsonl([alignment], out)
    else:
        print("\n".join(alignment_lines(alignment, source, target)), file=out)
    return EXIT_OK


def cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress compare``: what a translation, summary or rewrite keeps, drops and changes."""
    read = _sources(args, err)
    if isinstance(read, int):
        return read
    source, derived = _pair(args, read, "derived article")
    comparison = _step("comparing", lambda: compare(source, derived))
    if args.json:
        dump_jsonl([comparison], out)
    else:
        print("\n".join(comparison_lines(comparison, source, derived)), file=out)
    return EXIT_OK


# ---------------------------------------------------------------------------
# corpus, report: whole corpora


def _analyse(
    args: argparse.Namespace, paths: Sequence[str], *, quotes: bool, tags: bool
) -> CorpusAnalysis:
    return analyse_paths(
        paths,
        format=args.format,
        encoding=args.encoding,
        quotes=quotes,
        tags=tags,
        comparisons=args.command == "report",
        jobs=args.jobs,
        progress=progress_factory,
    )


def _counted(items: Sequence[T], label: str) -> Iterator[T]:
    with Progress(len(items), label) as bar:
        for item in items:
            yield item
            bar.advance()


@contextlib.contextmanager
def _scheduler(name: str) -> Iterator[str | None]:
    """The Dask scheduler ``--dask`` names: a local one by name, or a cluster's address."""
    if "://" not in name:
        if name not in _SCHEDULERS:
            choices = ", ".join(sorted(_SCHEDULERS))
            raise UsageError(f"unknown Dask scheduler {name!r} (one of {choices}, or an address)")
        yield name
        return
    # distributed ships partial type information; it is used through Any here.
    distributed: Any = importlib.import_module("distributed")
    with distributed.Client(name):
        yield None  # Dask's default: the client just connected


_SCHEDULERS = frozenset({"processes", "threads", "synchronous", "sync", "single-threaded"})


def _corpus_on_dask(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress corpus --dask``: the same records, written as parts by one Dask job."""
    if args.out == "-":
        raise UsageError("--dask writes one file per partition: --out must be a folder or URL")
    if args.tei:
        raise UsageError("--tei writes one document for the whole corpus: run it without --dask")
    paths = _paths(args.inputs)
    with _scheduler(args.dask) as scheduler:
        done = run_dask_summary(
            paths,
            args.out,
            partitions=args.partitions,
            quotes=not args.no_quotes,
            tags=not args.no_tags,
            relations=True,
            scheduler=scheduler,
        )
    failures = done.failures
    print(
        f"{plural(done.records - len(failures), 'article record')} from "
        f"{plural(done.files - len(failures), 'file')}, "
        f"{plural(done.relations, 'relation')} discovered, "
        f"{plural(len(failures), 'failure')}, written to {args.out}",
        file=out,
    )
    list_failures(failures, err, inputs=len(paths))
    return status(len(failures), len(paths))


def cmd_corpus(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress corpus``: one JSON Lines record per article, one per failed file."""
    if args.dask is not None:
        return _corpus_on_dask(args, out, err)
    paths = _paths(args.inputs)
    analysis = _analyse(args, paths, quotes=not args.no_quotes, tags=not args.no_tags)
    records = analysis.records
    if args.out == "-":
        dump_jsonl(records, out)
        summary = err
    else:
        with atomic_write(args.out) as stream:
            dump_jsonl(_counted(records, "writing"), stream)
        summary = out
    if args.tei:
        tei: str = args.tei
        _step(
            "writing TEI",
            lambda: write_tei(
                analysis.corpus,
                tei,
                quotes=analysis.quotes,
                tags=analysis.tags,
                categories=analysis.categories,
                title=f"aistress corpus: {', '.join(args.inputs)}",
            ),
        )
        print(f"wrote the corpus as TEI to {tei}", file=err)
    failures = analysis.failures
    print(
        f"{plural(len(records) - len(failures), 'article record')} from "
        f"{plural(len(analysis.corpus.sources), 'file')}, "
        f"{plural(len(analysis.corpus.relations), 'relation')} discovered, "
        f"{plural(len(failures), 'failure')}"
        + (f", written to {args.out}" if args.out != "-" else ""),
        file=summary,
    )
    list_failures(failures, err, inputs=len(paths))
    return status(len(failures), len(paths))


def cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``aistress report``: the report on a corpus, as text, HTML or JSON Lines."""
    if args.inputs:
        paths = _paths(args.inputs)
        title = ", ".join(args.inputs)
    else:
        paths = [str(p) for p in sample_paths()]
        title = "the sample corpus"
    analysis = _analyse(args, paths, quotes=True, tags=True)
    if args.json:
        dump_jsonl([*analysis.records, *analysis.comparisons], out)
    elif args.html:
        html: str = args.html
        page = _step("writing", lambda: render_html(analysis, title=f"aistress report: {title}"))
        write_text(html, page)
        print(f"wrote the report on {title} to {html}", file=out)
    else:
        out.write(render_text(analysis))
    list_failures(analysis.failures, err, inputs=len(paths))
    return status(len(analysis.failures), len(paths))


#: The subcommands by name.
COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "read": cmd_read,
    "quotes": cmd_quotes,
    "tag": cmd_tag,
    "align": cmd_align,
    "compare": cmd_compare,
    "corpus": cmd_corpus,
    "report": cmd_report,
}
