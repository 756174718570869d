"""The ``aistress`` command line: read, align, quote, tag, compare and report from a shell.

Every subcommand is a thin layer over the library; ``aistress --help`` lists
them and ``aistress COMMAND --help`` explains one. ``python -m aistress`` is
the same program.

Exit status:

- ``0``: everything was read and done;
- ``1``: some inputs failed (each is listed on standard error with its reason)
  or an input was unusable;
- ``2``: the command line is wrong, or the command needs a part of aistress
  that this installation does not have.

Errors are reported as one line (``aistress: error: ...``), never as a
traceback. A progress line is drawn on standard error while many files are
read, but only when standard error is a terminal.

>>> main(["--version"])  # doctest: +ELLIPSIS
aistress ...
0
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO, TypeVar

import attrs

from aistress.alignment import align, write_tmx
from aistress.comparison import compare
from aistress.errors import AistressError, ParseError
from aistress.formats import formats, iter_read
from aistress.io.atomic import write_text
from aistress.io.json import dump_jsonl
from aistress.model import (
    Article,
    ArticleRecord,
    BlockKind,
    Comparison,
    Corpus,
    Quote,
    ReadFailure,
    Relation,
    Remedy,
    Source,
    Stressor,
)
from aistress.pipeline import analyse_source
from aistress.quotes import extract_quotes
from aistress.relations import link_corpus
from aistress.report import analyse_corpus, render_html, render_text
from aistress.sample import sample_paths
from aistress.tagging import tag

__all__ = [
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "Progress",
    "analyse_one",
    "main",
    "read_one",
]

#: Everything was read and done.
EXIT_OK = 0
#: Some inputs failed; each is listed with its reason.
EXIT_FAILED = 1
#: Wrong usage, or a needed part of aistress is missing.
EXIT_USAGE = 2

#: Below this many files no progress line is drawn.
PROGRESS_MIN_FILES = 2

T = TypeVar("T")
R = TypeVar("R")


class _UnavailableError(Exception):
    """A command needs a part of aistress that is not installed or not built yet."""


class _UsageError(Exception):
    """The command line asks for something that cannot be done."""


# ---------------------------------------------------------------------------
# optional parts


def _missing(exc: ModuleNotFoundError) -> _UnavailableError | ModuleNotFoundError:
    """The readable error for a missing aistress module (or extra), else ``exc`` itself."""
    name = exc.name or ""
    if name != "aistress" and not name.startswith("aistress."):
        return exc
    return _UnavailableError(f"{name} is not available in this installation of aistress")


# ---------------------------------------------------------------------------
# progress


class Progress:
    """A one-line progress bar on a terminal, silent anywhere else.

    It is drawn only when ``stream`` is a terminal and there are at least
    ``PROGRESS_MIN_FILES`` (2) items, and redrawn at most ten times a second,
    so it costs nothing on long runs or when output is redirected.

    >>> import io
    >>> bar = Progress(3, "reading", stream=io.StringIO())
    >>> bar.enabled
    False
    >>> bar.advance("a.txt"); bar.done
    1
    """

    def __init__(
        self,
        total: int,
        label: str,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.total = total
        self.label = label
        self.stream = sys.stderr if stream is None else stream
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty()) and total >= PROGRESS_MIN_FILES
        self.enabled = enabled
        self.done = 0
        self._last = 0.0
        self._drawn = False

    def advance(self, item: str = "") -> None:
        """Count one more item done (``item`` names it on the line)."""
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if self.done < self.total and now - self._last < 0.1:
            return
        self._last = now
        width = shutil.get_terminal_size((80, 24)).columns
        share = self.done / self.total if self.total else 1.0
        bar = "#" * int(share * 20)
        line = f"{self.label} {self.done}/{self.total} [{bar:<20}] {share:4.0%} {item}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()
        self._drawn = True

    def close(self) -> None:
        """Erase the line, leaving the terminal as it was."""
        if self._drawn:
            width = shutil.get_terminal_size((80, 24)).columns
            self.stream.write("\r" + " " * (width - 1) + "\r")
            self.stream.flush()
            self._drawn = False

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------------------
# reading, in parallel when asked


def read_one(task: tuple[str, str | None]) -> Source | ReadFailure:
    """Read one ``(path, format)`` task; never raises for a bad file.

    Returns a :class:`~aistress.model.Source`, or a
    :class:`~aistress.model.ReadFailure` saying why the file could not be
    read. A module-level pure function, so a process pool can run it.
    """
    path, format_ = task
    return next(iter(iter_read([path], format=format_)))


def _pool_map(
    function: Callable[[T], R], items: Sequence[T], jobs: int, progress: Progress, names: list[str]
) -> Iterator[R]:
    """Apply ``function`` to ``items`` in ``jobs`` processes; results in input order."""
    if jobs <= 1 or len(items) <= 1:
        for item, name in zip(items, names, strict=True):
            result = function(item)
            progress.advance(name)
            yield result
        return
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
        for result, name in zip(pool.map(function, items, chunksize=chunk), names, strict=True):
            progress.advance(name)
            yield result


def _read_all(
    paths: Sequence[str], *, format_: str | None, jobs: int, label: str = "reading"
) -> list[Source | ReadFailure]:
    """Read every path (in ``jobs`` processes), with a progress line; input order kept."""
    tasks = [(path, format_) for path in paths]
    with Progress(len(tasks), label) as progress:
        return list(_pool_map(read_one, tasks, jobs, progress, [Path(p).name for p in paths]))


def _corpus(results: Iterable[Source | ReadFailure], *, link: bool = True) -> Corpus:
    """Assemble read results into a linked corpus.

    As in :func:`aistress.formats.read_corpus`, a file whose article ids clash
    with an earlier file's becomes a failure; then
    :func:`aistress.relations.link_corpus` discovers the relations between files.
    """
    sources: list[Source] = []
    failures: list[ReadFailure] = []
    seen: set[str] = set()
    for result in results:
        if isinstance(result, ReadFailure):
            failures.append(result)
            continue
        clash = sorted(seen.intersection(a.id for a in result.articles))
        if clash:
            reason = f"article id(s) {', '.join(clash)} already read from another file"
            failures.append(ReadFailure(path=result.path or result.id, reason=reason))
            continue
        seen.update(a.id for a in result.articles)
        sources.append(result)
    corpus = Corpus(sources=sources, failures=failures)
    return link_corpus(corpus) if link else corpus


def _expand(inputs: Sequence[str]) -> list[str]:
    """Files named, and the files of directories named (recursively, sorted).

    Hidden files and everything under hidden directories (``.git``) are skipped.
    """
    paths: list[str] = []
    for name in inputs:
        root = Path(name)
        if not root.is_dir():
            paths.append(name)
            continue
        found = [
            p
            for p in root.rglob("*")
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)
        ]
        paths.extend(sorted(str(p) for p in found))
    return paths


# ---------------------------------------------------------------------------
# describing results


def _failure_line(failure: ReadFailure, *, path: bool = True) -> str:
    """``path:line:column: reason``, leaving out what is unknown (and the path if asked)."""
    where = failure.path if path else ""
    if failure.line:
        where += f":{failure.line}" + (f":{failure.column}" if failure.column else "")
    where = where.lstrip(":")
    return f"{where}: {failure.reason}" if where else failure.reason


def _list_failures(failures: Sequence[ReadFailure], err: TextIO) -> None:
    for failure in failures:
        print(f"aistress: failed: {_failure_line(failure)}", file=err)
    if failures:
        count = len(failures)
        print(f"aistress: {count} file{'s' if count != 1 else ''} could not be read", file=err)


def _plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counter.items()))


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _block_counts(article: Article) -> str:
    counts = Counter(block.kind for block in article.blocks)
    parts = [
        _plural(counts[kind], kind.value.replace("_", " ")) for kind in BlockKind if counts[kind]
    ]
    return ", ".join(parts) or "no blocks"


def _article_lines(article: Article) -> list[str]:
    title = article.title or "(no title)"
    lines = [f"  - {article.kind.value} ({article.language}): {_short(title, 80)}"]
    facts = [f"id {article.id}"]
    for name in ("outlet", "author", "editor"):
        value = getattr(article, name)
        if value:
            facts.append(f"{name} {value}")
    if article.published is not None:
        facts.append(f"published {article.published}")
    lines.append("      " + " | ".join(facts))
    lines.append(f"      blocks: {_block_counts(article)}")
    if article.subtitle:
        lines.append(f"      subtitle: {_short(article.subtitle, 80)}")
    if article.tags:
        lines.append(f"      tags: {', '.join(article.tags)}")
    return lines


def _source_lines(source: Source, name: str) -> list[str]:
    lines = [
        f"{name}: {source.format}, {_plural(len(source.articles), 'article')}, {source.encoding}"
    ]
    for article in source.articles:
        lines.extend(_article_lines(article))
    lines.extend(
        f"  translation: {t.target} translates {t.source} "
        f"({t.source_language} -> {t.target_language})"
        for t in source.translations
    )
    lines.extend(f"  relation: {_relation(relation)}" for relation in source.relations)
    kinds = Counter(item.kind for item in source.boilerplate)
    lines.append(
        f"  boilerplate: {_plural(len(source.boilerplate), 'item')}"
        + (f" ({_counts(kinds)})" if kinds else "")
    )
    if source.warnings:
        lines.append(f"  warnings: {len(source.warnings)}")
        for issue in source.warnings:
            at = f"line {issue.line}: " if issue.line else ""
            lines.append(f"    [{issue.code}] {at}{issue.message}")
    else:
        lines.append("  warnings: none")
    return lines


def _relation(relation: Relation) -> str:
    score = f", score {relation.score:.2f}" if relation.score is not None else ""
    return f"{relation.subject} {relation.kind.value} {relation.target} ({relation.method}{score})"


# ---------------------------------------------------------------------------
# commands


def _cmd_read(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    results = _read_all(args.files, format_=args.format, jobs=args.jobs)
    if args.json:
        dump_jsonl(results, out)
    else:
        for path, result in zip(args.files, results, strict=True):
            if isinstance(result, Source):
                print("\n".join(_source_lines(result, path)), file=out)
            else:
                print(f"{path}: FAILED: {_failure_line(result, path=False)}", file=out)
    failures = [r for r in results if isinstance(r, ReadFailure)]
    _list_failures(failures, err)
    return EXIT_FAILED if failures else EXIT_OK


def _read_source(path: str, format_: str | None = None) -> Source:
    result = read_one((path, format_))
    if isinstance(result, ReadFailure):
        raise ParseError(result.path, result.line, result.column, result.reason)
    return result


def _pick(source: Source, article_id: str | None, name: str) -> Article:
    if article_id is None:
        if not source.articles:
            raise _UsageError(f"{name} holds no article")
        return source.articles[0]
    for article in source.articles:
        if article.id == article_id:
            return article
    ids = ", ".join(a.id for a in source.articles) or "none"
    raise _UsageError(f"{name} holds no article {article_id!r} (its articles: {ids})")


def _cmd_quotes(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = _read_source(args.file, args.format)
    articles = [_pick(source, args.article, args.file)] if args.article else source.articles
    for article in articles:
        quotes = tuple(extract_quotes(article))
        if args.json:
            dump_jsonl(quotes, out)
            continue
        print(f"{article.id} ({article.language}): {_plural(len(quotes), 'quote')}", file=out)
        for number, quote in enumerate(quotes, 1):
            print(f"  {number}. {_speaker(quote)}", file=out)
            print(f"     {_short(quote.text, 100)}", file=out)
    return EXIT_OK


def _speaker(quote: Quote) -> str:
    person = quote.speaker
    if person is not None:
        who = person.name
        about = ", ".join(x for x in (person.role, person.affiliation) if x)
        if about:
            who += f" ({about})"
    elif quote.anonymous:
        who = f"anonymous ({quote.description})" if quote.description else "anonymous"
    else:
        who = "unattributed"
    flags = [quote.kind.value] if quote.kind.value != "direct" else []
    if quote.partial:
        flags.append("partial")
    if quote.cue:
        flags.insert(0, f"cue {quote.cue!r}")
    return who + (f" [{', '.join(flags)}]" if flags else "")


def _cmd_tag(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = _read_source(args.file, args.format)
    articles = [_pick(source, args.article, args.file)] if args.article else source.articles
    for article in articles:
        tags = tuple(tag(article))
        if args.json:
            dump_jsonl(tags, out)
            continue
        print("\n".join(_tag_lines(article, tags)), file=out)
    return EXIT_OK


def _tag_lines(article: Article, tags: Sequence[Stressor | Remedy]) -> list[str]:
    stressors = Counter(t.category for t in tags if isinstance(t, Stressor))
    remedies = Counter(t.category for t in tags if isinstance(t, Remedy))
    lines = [
        f"{article.id} ({article.language}): "
        f"{_plural(stressors.total(), 'stressor tag')} in {_plural(len(stressors), 'category')}, "
        f"{_plural(remedies.total(), 'remedy tag')} in {_plural(len(remedies), 'category')}"
    ]
    for item in tags:
        kind = "stressor" if isinstance(item, Stressor) else "remedy"
        person = item.raised_by if isinstance(item, Stressor) else item.proposed_by
        where = f"block {item.block}" if item.block is not None else "article"
        evidence = " / ".join(_short(article.slice(span), 40) for span in item.evidence[:2])
        by = f" by {person.name}" if person is not None else ""
        lines.append(f"  {kind:8} {item.category:20} {where:9} {evidence}{by}")
    return lines


def _cmd_align(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    first = _read_source(args.a, args.format)
    if args.b is None:
        if not first.translations:
            raise _UsageError(f"{args.a} states no translation; name a second file to align with")
        stated = first.translations[0]
        source = _pick(first, stated.source, args.a)
        target = _pick(first, stated.target, args.a)
    else:
        second = _read_source(args.b, args.format)
        source = _pick(first, args.source_article, args.a)
        target = _pick(second, args.target_article, args.b)
    alignment = align(source, target, unit=args.unit)
    if args.tmx:
        write_tmx(
            alignment, args.tmx, source_language=source.language, target_language=target.language
        )
        print(f"wrote {_plural(len(alignment.beads), 'translation unit')} to {args.tmx}", file=err)
    if args.json:
        dump_jsonl([alignment], out)
        return EXIT_OK
    types = Counter(f"{len(b.source)}:{len(b.target)}" for b in alignment.beads)
    print(
        f"{source.id} ({source.language}) -> {target.id} ({target.language}): "
        f"{_plural(len(alignment.beads), 'bead')} of {alignment.unit}s ({_counts(types)})",
        file=out,
    )
    for bead, (left, right) in zip(alignment.beads, alignment.pairs(), strict=True):
        print(f"  [{len(bead.source)}:{len(bead.target)} {bead.score:.2f}]", file=out)
        print(f"    {source.language}: {_joined(left, source.language)}", file=out)
        print(f"    {target.language}: {_joined(right, target.language)}", file=out)
    return EXIT_OK


def _joined(segments: Sequence[str], language: str) -> str:
    """Aligned segments as one line: Chinese joins without spaces, other languages with."""
    glue = "" if language.split("-")[0] in ("zh", "ja") else " "
    return _short(glue.join(segments), 100) or "-"


def _cmd_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    source = _pick(_read_source(args.source, args.format), args.source_article, args.source)
    derived = _pick(_read_source(args.derived, args.format), args.derived_article, args.derived)
    comparison = compare(source, derived)
    if args.json:
        dump_jsonl([comparison], out)
        return EXIT_OK
    print("\n".join(_comparison_lines(comparison, source, derived)), file=out)
    return EXIT_OK


def _comparison_lines(comparison: Comparison, source: Article, derived: Article) -> list[str]:
    lines = [
        f"{derived.id} ({derived.language}) against {source.id} ({source.language})",
        f"  coverage: {comparison.coverage:.0%} of the source is aligned",
        f"  categories kept: {', '.join(comparison.categories_kept) or '-'}",
        f"  categories dropped: {', '.join(comparison.categories_dropped) or '-'}",
        f"  categories added: {', '.join(comparison.categories_added) or '-'}",
        f"  quotes kept: {len(comparison.quotes_kept)}, dropped: {len(comparison.quotes_dropped)}",
        f"  discrepancies: {len(comparison.discrepancies)}",
    ]
    lines.extend(f"    [{item.kind}] {item.explanation}" for item in comparison.discrepancies)
    return lines


def analyse_one(
    task: tuple[str, str | None, bool, bool],
) -> tuple[Source | ReadFailure, tuple[ArticleRecord, ...] | ReadFailure]:
    """Read one ``(path, format, quotes, tags)`` and analyse its articles.

    Returns the read result and, for a source, one
    :class:`~aistress.model.ArticleRecord` per article (or a
    :class:`~aistress.model.ReadFailure` naming the analysis error). A
    module-level pure function, so a process pool can run it.
    """
    path, format_, quotes, tags = task
    result = read_one((path, format_))
    if isinstance(result, ReadFailure):
        return result, ()
    try:
        return result, analyse_source(result, quotes=quotes, tags=tags)
    except AistressError as exc:
        return result, ReadFailure(
            path=path, reason=f"analysis failed: {exc}", error=type(exc).__name__
        )


def _cmd_corpus(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths = _expand(args.inputs)
    if not paths:
        raise _UsageError(f"no files found in {', '.join(args.inputs)}")
    tasks = [(path, args.format, not args.no_quotes, not args.no_tags) for path in paths]
    with Progress(len(tasks), "reading") as progress:
        done = list(
            _pool_map(analyse_one, tasks, args.jobs, progress, [Path(p).name for p in paths])
        )
    corpus = _corpus(result for result, _ in done)
    kept = {id(source) for source in corpus.sources}
    clashes = [f for f in corpus.failures if f.reason.startswith("article id(s)")]
    found: dict[str, list[Relation]] = {}
    for relation in corpus.relations:
        found.setdefault(relation.subject, []).append(relation)
    records: list[ArticleRecord | ReadFailure] = []
    failures: list[ReadFailure] = []
    for result, analysed in done:
        if isinstance(result, ReadFailure):
            failure: ReadFailure | None = result
        elif id(result) not in kept:
            failure = clashes.pop(0)
        elif isinstance(analysed, ReadFailure):
            failure = analysed
        else:
            failure = None
            records.extend(
                attrs.evolve(r, relations=(*r.relations, *found.get(r.article.id, ())))
                for r in analysed
            )
        if failure is not None:
            records.append(failure)
            failures.append(failure)
    if args.out == "-":
        dump_jsonl(records, out)
        summary = err
    else:
        dump_jsonl(records, args.out)
        summary = out
    articles = len(records) - len(failures)
    print(
        f"{_plural(articles, 'article record')} from {_plural(len(corpus.sources), 'file')}, "
        f"{_plural(len(corpus.relations), 'relation')} discovered, "
        f"{_plural(len(failures), 'failure')}"
        + (f", written to {args.out}" if args.out != "-" else ""),
        file=summary,
    )
    _list_failures(failures, err)
    return EXIT_FAILED if failures else EXIT_OK


def _cmd_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    if args.inputs:
        paths = _expand(args.inputs)
        title = ", ".join(args.inputs)
        if not paths:
            raise _UsageError(f"no files found in {title}")
    else:
        paths = [str(p) for p in sample_paths()]
        title = "the sample corpus"
    corpus = _corpus(_read_all(paths, format_=args.format, jobs=args.jobs), link=False)
    analysis = analyse_corpus(corpus)
    if args.html:
        page = render_html(analysis, title=f"aistress report: {title}")
        write_text(args.html, page)
        print(f"wrote the report on {title} to {args.html}", file=out)
    else:
        out.write(render_text(analysis))
    _list_failures(corpus.failures, err)
    return EXIT_FAILED if corpus.failures else EXIT_OK


# ---------------------------------------------------------------------------
# the parser


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 (one per CPU) or more")
    return value if value else (os.cpu_count() or 1)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("aistress")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aistress",
        description=(
            "Read writing about stress in AI research (news, translations, rewrites, "
            "bilingual blogs, digests) into a typed corpus; align, quote, tag and compare it."
        ),
        epilog=(
            "Exit status: 0 when everything was read, 1 when some inputs failed "
            "(each is listed with its reason), 2 for wrong usage."
        ),
    )
    parser.add_argument("--version", action="version", version=f"aistress {_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def add(name: str, help_: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, help=help_, description=help_)

    def format_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--format",
            metavar="NAME",
            help=f"read with this format instead of sniffing (one of: {', '.join(formats())})",
        )

    def jobs_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--jobs",
            "-j",
            type=_jobs,
            default=1,
            metavar="N",
            help="read files in N processes (0: one per CPU; default 1)",
        )

    def json_option(sub: argparse.ArgumentParser, what: str) -> None:
        sub.add_argument(
            "--json", action="store_true", help=f"write {what} as JSON Lines records instead"
        )

    sub = add("read", "read files and summarise what each holds")
    sub.add_argument("files", nargs="+", metavar="FILE")
    json_option(sub, "one record per file (Source, or ReadFailure)")
    format_option(sub)
    jobs_option(sub)
    sub.set_defaults(handler=_cmd_read)

    sub = add("align", "align an article with its translation")
    sub.add_argument("a", metavar="A", help="the source file")
    sub.add_argument(
        "b",
        metavar="B",
        nargs="?",
        help="the translation's file (left out: align the translation A itself holds)",
    )
    sub.add_argument(
        "--unit",
        default="sentence",
        choices=("sentence", "paragraph"),
        help="what to align (default: sentence)",
    )
    sub.add_argument("--tmx", metavar="OUT", help="also write the alignment as TMX to OUT")
    sub.add_argument("--source-article", metavar="ID", help="article of A (default: the first)")
    sub.add_argument("--target-article", metavar="ID", help="article of B (default: the first)")
    json_option(sub, "the alignment")
    format_option(sub)
    sub.set_defaults(handler=_cmd_align)

    sub = add("quotes", "list the quotes of each article, with speakers")
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--article", metavar="ID", help="only this article")
    json_option(sub, "one Quote record per quote")
    format_option(sub)
    sub.set_defaults(handler=_cmd_quotes)

    sub = add("tag", "tag stressors and remedies in each article, with evidence")
    sub.add_argument("file", metavar="FILE")
    sub.add_argument("--article", metavar="ID", help="only this article")
    json_option(sub, "one Stressor or Remedy record per tag")
    format_option(sub)
    sub.set_defaults(handler=_cmd_tag)

    sub = add("compare", "show what a translation, summary or rewrite keeps, drops and changes")
    sub.add_argument("source", metavar="SOURCE")
    sub.add_argument("derived", metavar="DERIVED")
    sub.add_argument("--source-article", metavar="ID", help="article of SOURCE (default: first)")
    sub.add_argument("--derived-article", metavar="ID", help="article of DERIVED (default: first)")
    json_option(sub, "the comparison")
    format_option(sub)
    sub.set_defaults(handler=_cmd_compare)

    sub = add(
        "corpus",
        "read a directory of files into JSON Lines: one ArticleRecord per article "
        "(with its quotes, tags and relations), one ReadFailure per file that failed",
    )
    sub.add_argument("inputs", nargs="+", metavar="DIR", help="directories or files")
    sub.add_argument(
        "--out", "-o", required=True, metavar="FILE", help="the JSON Lines file ('-': stdout)"
    )
    sub.add_argument("--no-quotes", action="store_true", help="do not extract quotes")
    sub.add_argument("--no-tags", action="store_true", help="do not tag stressors and remedies")
    format_option(sub)
    jobs_option(sub)
    sub.set_defaults(handler=_cmd_corpus)

    sub = add(
        "report",
        "report on a corpus (default: the bundled sample corpus): files, articles, "
        "relations, quotes by speaker, stressors and remedies, discrepancies",
    )
    sub.add_argument("inputs", nargs="*", metavar="DIR", help="directories or files")
    sub.add_argument(
        "--html", metavar="FILE", help="write the report as one self-contained HTML page"
    )
    format_option(sub)
    jobs_option(sub)
    sub.set_defaults(handler=_cmd_report)
    return parser


# ---------------------------------------------------------------------------
# entry point


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``aistress`` command on ``argv`` (default: ``sys.argv[1:]``); return its exit status.

    Never raises for bad input or usage: problems are reported on standard
    error and reflected in the exit status (see the module documentation).
    """
    out, err = sys.stdout, sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    name = f"aistress {args.command}"
    if getattr(args, "format", None) is not None and args.format not in formats():
        known = ", ".join(formats()) or "none registered"
        print(f"{name}: error: unknown format {args.format!r} (known: {known})", file=err)
        return EXIT_USAGE
    try:
        return int(args.handler(args, out, err))
    except _UnavailableError as exc:
        print(f"{name}: {exc}", file=err)
        return EXIT_USAGE
    except ModuleNotFoundError as exc:  # an optional part or extra is not installed
        missing = _missing(exc)
        if missing is exc:
            raise
        print(f"{name}: {missing}", file=err)
        return EXIT_USAGE
    except _UsageError as exc:
        print(f"{name}: error: {exc}", file=err)
        return EXIT_USAGE
    except ParseError as exc:
        failure = ReadFailure(exc.path, exc.reason, exc.line, exc.column)
        print(f"{name}: error: {_failure_line(failure)}", file=err)
        return EXIT_FAILED
    except AistressError as exc:
        print(f"{name}: error: {exc}", file=err)
        return EXIT_FAILED
    except BrokenPipeError:  # output piped into a program that stopped reading
        _silence_stdout()
        return EXIT_FAILED
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{name}: error: {where}{exc.strerror or exc}", file=err)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"{name}: interrupted", file=err)
        return 130


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass
