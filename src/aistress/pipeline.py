"""The one analysis path: read, quote, tag, relate and compare, per file and per corpus.

Every way of analysing documents goes through here: the ``aistress``
command line, the HTML and text report (which only renders what this module
found) and cluster runs. Per file, :func:`analyse_path` reads one file and
analyses its articles; per corpus, :func:`analyse_paths` runs it over many
files (in processes when asked), assembles the corpus, discovers the
relations between files and compares every derived article with its source
(:func:`analyse_corpus` does the same for a corpus already read).

The per-file functions take plain values (a path, a :class:`~aistress.model.Source`)
and return plain values, hold no state between calls, and never raise for
a bad input file: a file that cannot be read yields a
:class:`~aistress.model.ReadFailure`. So the same functions run in a loop, in
a process pool, on Dask, Spark, Ray or datatrove:

>>> from aistress.pipeline import records_for_path
>>> [type(r).__name__ for r in records_for_path("no-such-file.txt")]
['ReadFailure']

:func:`process_path` returns JSON-ready dicts (the records
:func:`aistress.io.json.unstructure` makes: ``ArticleRecord`` or
``ReadFailure``); :func:`run_dask` maps it over a Dask bag and writes JSON
Lines, or Parquet with the ``parquet`` extra.

Long steps report progress through a *progress factory*: a callable taking
a label and a total (``None`` when the step cannot count) and returning an
object with ``advance(item)`` and ``close()``; the command line passes one
that draws a bar on a terminal. Without one, nothing is reported.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

import attrs

from aistress.alignment import AlignmentCache
from aistress.comparison import compare
from aistress.errors import AistressError, ParseError
from aistress.formats import read_file
from aistress.io import records as record_files
from aistress.io.files import expand
from aistress.io.json import from_json, unstructure
from aistress.io.records import (
    jsonl_bytes,
    make_folder,
    parquet_bytes,
    write_part,
)
from aistress.model import (
    Alignment,
    Article,
    ArticleRecord,
    Comparison,
    Corpus,
    Quote,
    ReadFailure,
    Relation,
    RelationKind,
    Remedy,
    Source,
    Stressor,
)
from aistress.people import merge_people
from aistress.quotes import extract_quotes
from aistress.relations import MIN_SCORE, AlignFunction, link_corpus, paragraph_aligner
from aistress.relations.distributed import (
    Numbered,
    attach_relations,
    dask_modules,
    drop_clashing_files,
    files_graph,
    one_pool,
    with_found,
)
from aistress.tagging import tag
from aistress.taxonomy import default as default_taxonomy

__all__ = [
    "PARQUET_COLUMNS",
    "CorpusAnalysis",
    "DaskRun",
    "PathTask",
    "ProgressFactory",
    "Tracker",
    "analyse_corpus",
    "analyse_path",
    "analyse_paths",
    "analyse_source",
    "link_dask",
    "map_tasks",
    "process_path",
    "read_path",
    "records_for_path",
    "run_dask",
    "run_dask_summary",
]

Tag = Stressor | Remedy
#: The columns of :func:`run_dask`'s Parquet output (defined in
#: :data:`aistress.io.records.PARQUET_COLUMNS`).
PARQUET_COLUMNS = record_files.PARQUET_COLUMNS
T = TypeVar("T")
R = TypeVar("R")


# ---------------------------------------------------------------------------
# progress


class Tracker(Protocol):
    """What a progress factory returns: told of each item done, then closed."""

    def advance(self, item: str = "") -> None:
        """Count one more item done (``item`` names it)."""

    def close(self) -> None:
        """The step is over."""


#: ``factory(label, total)`` starts reporting a step of ``total`` items
#: (``None``: a step that cannot count its items).
ProgressFactory = Callable[[str, "int | None"], Tracker]


class _Silent:
    def advance(self, item: str = "") -> None:
        pass

    def close(self) -> None:
        pass


def _silent(label: str, total: int | None) -> Tracker:
    return _Silent()


# ---------------------------------------------------------------------------
# per file


@attrs.frozen
class PathTask:
    """One file to read and analyse: what a worker process is handed.

    Attributes:
        path: The file.
        format: A format id, or None to sniff.
        encoding: A codec, or None to detect.
        quotes: Extract quotes.
        tags: Tag stressors and remedies.
    """

    path: str
    format: str | None = None
    encoding: str | None = None
    quotes: bool = True
    tags: bool = True


def read_path(
    path: str | os.PathLike[str], *, format: str | None = None, encoding: str | None = None
) -> Source | ReadFailure:
    """Read one file; a file that cannot be read gives a ReadFailure saying why.

    >>> read_path("no-such-file.txt").reason
    'cannot read the file: No such file or directory'
    """
    name = os.fspath(path)
    try:
        return read_file(name, format=format, encoding=encoding)
    except ParseError as exc:
        return ReadFailure(
            path=name, reason=exc.reason, line=exc.line, column=exc.column, error=type(exc).__name__
        )


def analyse_source(
    source: Source, *, quotes: bool = True, tags: bool = True
) -> tuple[ArticleRecord, ...]:
    """One :class:`~aistress.model.ArticleRecord` per article of a source.

    Quote extraction and tagging run per article when asked for (the tagger
    is handed the quotes, so it does not extract them again); relations the
    source states are attached to their subject's record.
    """
    out = []
    for article in source.articles:
        found_quotes: tuple[Quote, ...] = extract_quotes(article) if quotes else ()
        found_tags: tuple[Tag, ...] = (
            tag(article, quotes=found_quotes if quotes else None) if tags else ()
        )
        out.append(
            ArticleRecord(
                article=article,
                source=source.id,
                format=source.format,
                path=source.path,
                quotes=found_quotes,
                stressors=tuple(t for t in found_tags if isinstance(t, Stressor)),
                remedies=tuple(t for t in found_tags if isinstance(t, Remedy)),
                relations=tuple(r for r in source.relations if r.subject == article.id),
            )
        )
    return tuple(out)


def _analysis_failure(path: str, exc: AistressError) -> ReadFailure:
    return ReadFailure(path=path, reason=f"analysis failed: {exc}", error=type(exc).__name__)


def analyse_path(
    task: PathTask,
) -> tuple[Source | ReadFailure, tuple[ArticleRecord, ...] | ReadFailure]:
    """Read one file and analyse its articles; never raises for a bad file.

    Returns the read result and, for a source, one
    :class:`~aistress.model.ArticleRecord` per article, or a
    :class:`~aistress.model.ReadFailure` naming the analysis error (so one
    odd file never stops a run over millions). A module-level pure
    function, so a process pool can run it.
    """
    result = read_path(task.path, format=task.format, encoding=task.encoding)
    if isinstance(result, ReadFailure):
        return result, ()
    try:
        return result, analyse_source(result, quotes=task.quotes, tags=task.tags)
    except AistressError as exc:
        return result, _analysis_failure(task.path, exc)


def records_for_path(
    path: str | os.PathLike[str], *, quotes: bool = True, tags: bool = True
) -> tuple[ArticleRecord | ReadFailure, ...]:
    """Read one file and analyse it; a file that fails gives one ReadFailure.

    An error inside analysis (not reading) is also returned as a failure,
    naming the stage.
    """
    result, analysed = analyse_path(PathTask(os.fspath(path), quotes=quotes, tags=tags))
    if isinstance(result, ReadFailure):
        return (result,)
    if isinstance(analysed, ReadFailure):
        return (analysed,)
    return analysed


def process_path(
    path: str | os.PathLike[str], *, quotes: bool = True, tags: bool = True
) -> list[dict[str, Any]]:
    """JSON-ready records for one file: what a worker of a cluster returns."""
    return [unstructure(r) for r in records_for_path(path, quotes=quotes, tags=tags)]


def map_tasks(
    function: Callable[[T], R],
    items: Sequence[T],
    *,
    jobs: int = 1,
    progress: ProgressFactory | None = None,
    label: str = "reading",
    names: Sequence[str] | None = None,
) -> Iterator[R]:
    """Apply ``function`` to ``items`` in ``jobs`` processes; results in input order.

    ``function`` must be a module-level function (a process pool pickles it).
    With ``jobs`` 1, or a single item, everything runs in this process.
    """
    tracker = (progress or _silent)(label, len(items))
    shown = list(names) if names is not None else [""] * len(items)
    try:
        if jobs <= 1 or len(items) <= 1:
            for item, name in zip(items, shown, strict=True):
                result = function(item)
                tracker.advance(name)
                yield result
            return
        # Imported here: a process pool (multiprocessing, pickle, queues) costs
        # every run a fifth of the report's own imports, and most runs use one job.
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, min(64, len(items) // (jobs * 8)))
        with ProcessPoolExecutor(max_workers=min(jobs, len(items))) as pool:
            for result, name in zip(pool.map(function, items, chunksize=chunk), shown, strict=True):
                tracker.advance(name)
                yield result
    finally:
        tracker.close()


# ---------------------------------------------------------------------------
# per corpus


@attrs.frozen
class CorpusAnalysis:
    """Everything the analysis found in a corpus: what the report renders.

    Attributes:
        corpus: The corpus, with the relations discovery added.
        quotes: Quotes per article id (scare quotes left out).
        tags: Stressor and remedy tags per article id.
        comparisons: One comparison per derived article and its source.
        categories: ``(id, kind, {language: label})`` of the taxonomy used,
            in its order.
        records: One :class:`~aistress.model.ArticleRecord` per article
            (with its discovered relations) and one
            :class:`~aistress.model.ReadFailure` per file that failed, in
            the order the files were given.
    """

    corpus: Corpus
    quotes: Mapping[str, tuple[Quote, ...]] = attrs.field(factory=dict, hash=False)
    tags: Mapping[str, tuple[Tag, ...]] = attrs.field(factory=dict, hash=False)
    comparisons: tuple[Comparison, ...] = ()
    categories: tuple[tuple[str, str, Mapping[str, str]], ...] = attrs.field(default=(), hash=False)
    records: tuple[ArticleRecord | ReadFailure, ...] = attrs.field(default=(), hash=False)

    @property
    def failures(self) -> tuple[ReadFailure, ...]:
        """Every file that failed, in reading or in analysis."""
        return tuple(r for r in self.records if isinstance(r, ReadFailure)) or self.corpus.failures

    def speakers(self) -> dict[str, list[tuple[str, Quote]]]:
        """Quotes by speaker across articles and languages, ``{name: [(article id, quote)]}``.

        Speakers are merged with :func:`aistress.people.merge_people` (name
        rules, aliases, transliteration), so one person quoted in English
        and in Chinese forms one group. Quotes without a named speaker are
        grouped per article and description (``(anonymous: a senior
        researcher)``), never with other unnamed sources.
        """
        groups: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
        canonical: dict[str, str] = {}
        speakers = [q.speaker for qs in self.quotes.values() for q in qs if q.speaker is not None]
        for person in merge_people(speakers):
            for name in person.names:
                canonical.setdefault(name, person.name)
        for article_id, quotes in self.quotes.items():
            for quote in quotes:
                if quote.speaker is not None:
                    key = canonical.get(quote.speaker.name, quote.speaker.name)
                elif quote.anonymous:
                    about = f": {quote.description}" if quote.description else ""
                    key = f"(anonymous{about}, {article_id})"
                else:
                    key = f"(unattributed, {article_id})"
                groups[key].append((article_id, quote))
        return dict(groups)

    def matrix(self) -> tuple[tuple[str, ...], list[tuple[str, list[int]]]]:
        """``(category ids, [(article id, counts)])``: tags per article and category."""
        ids = tuple(c[0] for c in self.categories) or tuple(
            sorted({t.category for tags in self.tags.values() for t in tags})
        )
        rows = []
        for article in self.corpus.articles:
            counts = dict.fromkeys(ids, 0)
            for found in self.tags.get(article.id, ()):
                if found.category in counts:
                    counts[found.category] += 1
            rows.append((article.id, [counts[i] for i in ids]))
        return ids, rows


_DERIVATIONS = (RelationKind.TRANSLATION_OF, RelationKind.SUMMARY_OF, RelationKind.REWRITE_OF)


def derived_pairs(corpus: Corpus) -> list[tuple[Article, Article, RelationKind, Alignment | None]]:
    """Every (source, derived) pair to compare, with a stated alignment where there is one."""
    seen: set[tuple[str, str]] = set()
    out = []
    for translation in corpus.translations:
        if translation.source in corpus and translation.target in corpus:
            key = (translation.source, translation.target)
            if key not in seen:
                seen.add(key)
                alignment = translation.alignment
                source, derived = corpus[translation.source], corpus[translation.target]
                if alignment is not None and not _indexes_blocks(alignment, source, derived):
                    alignment = None
                out.append((source, derived, RelationKind.TRANSLATION_OF, alignment))
    for relation in corpus.all_relations:
        if relation.kind not in _DERIVATIONS:
            continue
        if relation.subject in corpus and relation.target in corpus:
            key = (relation.target, relation.subject)
            if key not in seen:
                seen.add(key)
                out.append((corpus[relation.target], corpus[relation.subject], relation.kind, None))
    return out


def _indexes_blocks(alignment: Alignment, source: Article, derived: Article) -> bool:
    return all(
        all(i < len(source.blocks) for i in bead.source)
        and all(j < len(derived.blocks) for j in bead.target)
        for bead in alignment.beads
    )


def assemble(
    results: Iterable[Source | ReadFailure],
) -> tuple[Corpus, dict[int, ReadFailure]]:
    """Sources and failures as a corpus, and the clash failure of each source left out.

    As in :func:`aistress.formats.read_corpus`, a file whose article ids clash
    with an earlier file's becomes a failure (keyed by ``id()`` of its source).
    """
    sources: list[Source] = []
    failures: list[ReadFailure] = []
    clashes: dict[int, ReadFailure] = {}
    seen: set[str] = set()
    for result in results:
        if isinstance(result, ReadFailure):
            failures.append(result)
            continue
        clash = sorted(seen.intersection(a.id for a in result.articles))
        if clash:
            reason = f"article id(s) {', '.join(clash)} already read from another file"
            failure = ReadFailure(path=result.path or result.id, reason=reason)
            failures.append(failure)
            clashes[id(result)] = failure
            continue
        seen.update(a.id for a in result.articles)
        sources.append(result)
    return Corpus(sources=sources, failures=failures), clashes


def analyse_paths(
    paths: Sequence[str | os.PathLike[str]],
    *,
    format: str | None = None,
    encoding: str | None = None,
    quotes: bool = True,
    tags: bool = True,
    discover: bool = True,
    comparisons: bool = True,
    jobs: int = 1,
    progress: ProgressFactory | None = None,
) -> CorpusAnalysis:
    """Read and analyse files (in ``jobs`` processes), then relate and compare them.

    Each file goes through :func:`analyse_path`; the sources become a corpus
    whose relations are discovered and whose derived articles are compared
    with their sources (see :func:`analyse_corpus`). A file that fails is a
    :class:`~aistress.model.ReadFailure` in the result's ``records``, in place.
    """
    names = [os.fspath(p) for p in paths]
    tasks = [PathTask(n, format, encoding, quotes, tags) for n in names]
    label = "reading" + (", quoting" if quotes else "") + (", tagging" if tags else "")
    done = list(
        map_tasks(
            analyse_path,
            tasks,
            jobs=jobs,
            progress=progress,
            label=label,
            names=[Path(n).name for n in names],
        )
    )
    corpus, clashes = assemble(result for result, _ in done)
    records: list[ArticleRecord | ReadFailure] = []
    for result, analysed in done:
        if isinstance(result, ReadFailure):
            records.append(result)
        elif id(result) in clashes:
            records.append(clashes[id(result)])
        elif isinstance(analysed, ReadFailure):
            records.append(analysed)
        else:
            records.extend(analysed)
    return analyse_corpus(
        corpus,
        discover=discover,
        comparisons=comparisons,
        records=records,
        progress=progress,
    )


def analyse_corpus(
    corpus: Corpus,
    *,
    discover: bool = True,
    quotes: bool = True,
    tags: bool = True,
    comparisons: bool = True,
    records: Sequence[ArticleRecord | ReadFailure] | None = None,
    progress: ProgressFactory | None = None,
) -> CorpusAnalysis:
    """Discover relations, extract quotes, tag, and compare every derived pair of a corpus.

    Args:
        corpus: The corpus (as :func:`aistress.formats.read_corpus` gives it).
        discover: Find relations between files (:func:`aistress.relations.link_corpus`).
        quotes: Extract quotes (when ``records`` are not given).
        tags: Tag stressors and remedies (when ``records`` are not given).
        comparisons: Compare each derived article with its source.
        records: The per-article records :func:`~aistress.pipeline.analyse_path` made, if the
            articles were analysed already (as :func:`~aistress.pipeline.analyse_paths` does).
        progress: A progress factory (see the module documentation).

    Time is linear in the corpus size for quotes and tags; comparison runs
    once per related pair, and discovery is near-linear (see
    :mod:`aistress.relations`). Each pair of texts is aligned once: the
    paragraph alignments discovery makes are kept for the run (an
    :class:`~aistress.alignment.AlignmentCache`) and the comparisons start from them.
    """
    start = progress or _silent
    alignments = AlignmentCache()
    if records is None:
        tracker = start("quoting, tagging", len(corpus.sources))
        made: list[ArticleRecord | ReadFailure] = []
        for source in corpus.sources:
            try:
                made.extend(analyse_source(source, quotes=quotes, tags=tags))
            except AistressError as exc:
                made.append(_analysis_failure(source.path or source.id, exc))
            tracker.advance(source.path or source.id)
        tracker.close()
        made.extend(corpus.failures)
        records = made
    if discover:
        tracker = start("finding relations", None)
        corpus = link_corpus(corpus, align=paragraph_aligner(alignments))
        tracker.close()
    found: dict[str, list[Relation]] = {}
    for relation in corpus.relations:
        found.setdefault(relation.subject, []).append(relation)
    records = [with_found(r, found) for r in records]
    by_id = {r.article.id: r for r in records if isinstance(r, ArticleRecord)}
    quote_map = {i: r.quotes for i, r in by_id.items()}
    tag_map: dict[str, tuple[Tag, ...]] = {i: (*r.stressors, *r.remedies) for i, r in by_id.items()}
    for i, found_tags in tag_map.items():
        # Tags in block order, as the tagger gives them (sorted() is stable).
        tag_map[i] = tuple(sorted(found_tags, key=lambda t: -1 if t.block is None else t.block))
    categories = tuple((c.id, c.kind.value, c.labels) for c in default_taxonomy())
    compared = []
    if comparisons:
        pairs = derived_pairs(corpus)
        tracker = start("comparing", len(pairs))
        for original, derived, kind, alignment in pairs:
            compared.append(
                compare(
                    original,
                    derived,
                    relation=kind,
                    alignment=alignment,
                    source_tags=tag_map.get(original.id, ()),
                    derived_tags=tag_map.get(derived.id, ()),
                    source_quotes=quote_map.get(original.id, ()),
                    derived_quotes=quote_map.get(derived.id, ()),
                    cache=alignments,
                )
            )
            tracker.advance(derived.id)
        tracker.close()
    return CorpusAnalysis(corpus, quote_map, tag_map, tuple(compared), categories, tuple(records))


# ---------------------------------------------------------------------------
# on Dask


def _numbered(item: tuple[int, str], quotes: bool, tags: bool) -> Numbered:
    number, path = item
    return number, records_for_path(path, quotes=quotes, tags=tags)


def _rows(item: Numbered) -> list[dict[str, Any]]:
    return [unstructure(r) for r in item[1]]


def _dask_files(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    partitions: int | None,
    quotes: bool,
    tags: bool,
) -> tuple[Any, int]:
    """The files read and analysed on Dask (numbered, clashing ids as failures); how many.

    Lazy: nothing runs until the caller computes.
    """
    _, db = dask_modules()
    names = expand([paths] if isinstance(paths, (str, os.PathLike)) else paths)
    count = max(1, min(partitions or len(names) // 100, len(names)))
    bag = db.from_sequence(list(enumerate(names)), npartitions=count)
    return drop_clashing_files(bag.map(_numbered, quotes, tags)), len(names)


def link_dask(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    *,
    partitions: int | None = None,
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
    scheduler: str | None = None,
) -> tuple[Relation, ...]:
    """Read files on Dask and discover the relations between them, as one distributed job.

    The relations are those :func:`analyse_paths` adds (and
    :func:`aistress.relations.discover_relations` finds on the corpus the
    files make): see :mod:`aistress.relations.distributed` for the job's
    stages. Needs the ``dask`` extra.

    Args:
        paths: Files, folders, globs or URLs (``s3://bucket/corpus/*.html``;
            see :func:`aistress.io.files.expand`), or one of them alone.
        partitions: How many partitions to split the files into (default:
            about 100 files each).
        align: ``True`` to confirm candidates with the paragraph aligner,
            ``False`` to rely on anchors and metadata, or your own function.
        min_score: Relations scoring below this are dropped.
        max_df: Anchors in at least this share of the articles are ignored.
        scheduler: A Dask scheduler name, or None for Dask's default (the
            ``dask.distributed`` client when one exists).

    Returns:
        The relations found, sorted by subject.
    """
    run: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    files, _ = _dask_files(paths, partitions, False, False)
    graph = files_graph(files, align=align, min_score=min_score, max_df=max_df)
    with one_pool(scheduler):
        found: tuple[Relation, ...] = graph.compute(**run)
    return found


@attrs.frozen
class DaskRun:
    """What :func:`run_dask_summary` did.

    Attributes:
        files: The input files (after folders, globs and URLs are expanded).
        records: The records written (one per article, one per failed file).
        failures: Every file that failed, in input order.
        relations: The relations discovered between files (0 without ``relations``).
    """

    files: int
    records: int
    failures: tuple[ReadFailure, ...]
    relations: int


def _written(
    rows: list[dict[str, Any]], index: int, folder: str, output: str
) -> tuple[int, list[dict[str, Any]]]:
    encode = jsonl_bytes if output == "jsonl" else parquet_bytes
    write_part(folder, f"part-{index:05d}.{output}", encode(rows))
    return len(rows), [row for row in rows if row["type"] == "ReadFailure"]


def run_dask_summary(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    output: str = "jsonl",
    partitions: int | None = None,
    quotes: bool = True,
    tags: bool = True,
    relations: bool = False,
    align: AlignFunction | bool | None = True,
    scheduler: str | None = None,
) -> DaskRun:
    """Run the pipeline over ``paths`` on Dask, write the records to ``out``, tell what was done.

    Needs the ``dask`` extra. Files are spread over ``partitions`` (default:
    about 100 files each); every partition reads and analyses its files
    (:func:`records_for_path`). With the default scheduler this uses Dask's
    local processes; pass ``scheduler="synchronous"`` for a single thread,
    or create a ``dask.distributed.Client`` first to run on a cluster. A
    file whose article ids clash with an earlier file's becomes a
    :class:`~aistress.model.ReadFailure`, as in :func:`analyse_paths`.
    :func:`run_dask` does the same and returns the number of records.

    Args:
        paths: The input files, folders, globs or URLs (see
            :func:`aistress.io.files.expand`), or one of them alone.
        out: A folder, as a path or an fsspec URL (``s3://bucket/aistress/``,
            ``gs://``, ``file://``, ``memory://``); one ``part-NNNNN.jsonl``
            (or ``.parquet``) file per partition is written there. On a
            cluster of several machines it must be a place all of them
            reach (``memory://`` is private to each process).
        output: ``"jsonl"`` or ``"parquet"`` (the ``parquet`` extra; see
            :data:`aistress.io.records.PARQUET_COLUMNS` for the columns).
        partitions: How many partitions to split the files into.
        quotes: Extract quotes.
        tags: Tag stressors and remedies.
        relations: Also discover the relations between files (the job of
            :func:`link_dask`) and add them to their subjects' records, as
            ``aistress corpus`` does.
        align: With ``relations``: confirm candidates with the paragraph
            aligner (see :func:`link_dask`).
        scheduler: A Dask scheduler name, or None for Dask's default.

    Returns:
        How many files, records (counted from the records computed),
        failures and relations there were.
    """
    dask, _ = dask_modules()
    if output not in {"jsonl", "parquet"}:
        raise ValueError(f"output must be 'jsonl' or 'parquet', not {output!r}")
    run: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    folder = make_folder(out)
    files, count = _dask_files(paths, partitions, quotes, tags)
    found = files_graph(files, align=align) if relations else dask.delayed(())
    if relations:
        files = attach_relations(files, found)
    parts = files.map(_rows).flatten().to_delayed(optimize_graph=False)
    writes = [dask.delayed(_written)(part, i, folder, output) for i, part in enumerate(parts)]
    with one_pool(scheduler):
        written, relations_found = dask.compute(writes, found, **run)
    failures = tuple(
        failure
        for _, rows in written
        for row in rows
        if isinstance(failure := from_json(json.dumps(row)), ReadFailure)
    )
    return DaskRun(count, sum(n for n, _ in written), failures, len(relations_found))


def run_dask(
    paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    **options: Any,
) -> int:
    """Run the pipeline over ``paths`` on Dask and write the records to ``out``.

    Takes the arguments of :func:`run_dask_summary` (output kind,
    partitions, quotes, tags, relations, scheduler) and does the same.

    Returns:
        The number of records written, counted from the records computed.
    """
    return run_dask_summary(paths, out, **options).records
