"""The whole flow as pure, picklable, module-level functions, for any engine.

Each function takes plain values (a path, a :class:`~aistress.model.Source`)
and returns plain values, holds no state between calls, and never raises for
a bad input file: a file that cannot be read yields a
:class:`~aistress.model.ReadFailure`. So the same functions run in a loop, in
a process pool, on Dask, Spark, Ray or datatrove, with no code of ours
managing processes:

>>> from aistress.pipeline import records_for_path
>>> [type(r).__name__ for r in records_for_path("no-such-file.txt")]
['ReadFailure']

:func:`process_path` returns JSON-ready dicts (the records
:func:`aistress.io.json.unstructure` makes: ``ArticleRecord`` or
``ReadFailure``); :func:`run_dask` maps it over a Dask bag and writes JSON
Lines, or Parquet with the ``parquet`` extra.
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aistress.errors import AistressError
from aistress.formats import iter_read
from aistress.io.atomic import atomic_write
from aistress.io.json import unstructure
from aistress.model import Article, ArticleRecord, Quote, ReadFailure, Remedy, Source, Stressor

__all__ = [
    "PARQUET_COLUMNS",
    "analyse_source",
    "process_path",
    "records_for_path",
    "run_dask",
]


def analyse_source(
    source: Source, *, quotes: bool = True, tags: bool = True
) -> tuple[ArticleRecord, ...]:
    """One :class:`~aistress.model.ArticleRecord` per article of a source.

    Quote extraction and tagging run per article when asked for; relations
    the source states are attached to their subject's record.
    """
    extract: Callable[[Article], Sequence[Quote]] | None = None
    tagger: Callable[[Article], Sequence[Stressor | Remedy]] | None = None
    if quotes:
        extract = importlib.import_module("aistress.quotes").extract_quotes
    if tags:
        tagger = importlib.import_module("aistress.tagging").tag
    out = []
    for article in source.articles:
        found_quotes: tuple[Quote, ...] = tuple(extract(article)) if extract is not None else ()
        found_tags: tuple[Stressor | Remedy, ...] = (
            tuple(tagger(article)) if tagger is not None else ()
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


def records_for_path(
    path: str | os.PathLike[str], *, quotes: bool = True, tags: bool = True
) -> tuple[ArticleRecord | ReadFailure, ...]:
    """Read one file and analyse it; a file that fails gives one ReadFailure.

    An error inside analysis (not reading) is also returned as a failure,
    naming the stage, so one odd file never stops a run over millions.
    """
    (result,) = iter_read([path])
    if isinstance(result, ReadFailure):
        return (result,)
    try:
        return analyse_source(result, quotes=quotes, tags=tags)
    except AistressError as exc:
        return (
            ReadFailure(
                path=os.fspath(path), reason=f"analysis failed: {exc}", error=type(exc).__name__
            ),
        )


def process_path(
    path: str | os.PathLike[str], *, quotes: bool = True, tags: bool = True
) -> list[dict[str, Any]]:
    """JSON-ready records for one file: what a worker of a cluster returns."""
    return [unstructure(r) for r in records_for_path(path, quotes=quotes, tags=tags)]


#: The columns of the Parquet output, one row per record. They hold the
#: analysis flattened for querying, and the whole record as JSON in ``record``.
PARQUET_COLUMNS = (
    "type",
    "article_id",
    "language",
    "kind",
    "title",
    "published",
    "source",
    "path",
    "format",
    "quotes",
    "stressors",
    "remedies",
    "error",
    "record",
)
_LIST_COLUMNS = frozenset({"stressors", "remedies"})


def _flat(record: dict[str, Any]) -> dict[str, Any]:
    article = record.get("article") or {}
    return {
        "type": record["type"],
        "article_id": article.get("id"),
        "language": article.get("language"),
        "kind": article.get("kind"),
        "title": article.get("title"),
        "published": article.get("published"),
        "source": record.get("source"),
        "path": record.get("path"),
        "format": record.get("format"),
        "quotes": len(record.get("quotes", ())),
        "stressors": sorted({t["category"] for t in record.get("stressors", ())}),
        "remedies": sorted({t["category"] for t in record.get("remedies", ())}),
        "error": record.get("reason"),
        "record": json.dumps(record, ensure_ascii=False),
    }


def run_dask(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    output: str = "jsonl",
    partitions: int | None = None,
    quotes: bool = True,
    tags: bool = True,
    scheduler: str | None = None,
) -> int:
    """Run the pipeline over ``paths`` on Dask and write the records to ``out``.

    Needs the ``dask`` extra. Paths are spread over ``partitions`` (default:
    about 100 files each); every partition runs :func:`process_path` on its
    files. With the default scheduler this uses Dask's local processes; pass
    ``scheduler="synchronous"`` for a single thread, or create a
    ``dask.distributed.Client`` first to run on a cluster.

    Args:
        paths: The input files.
        out: A directory; one ``part-NNNNN.jsonl`` (or ``.parquet``) file per
            partition is written there.
        output: ``"jsonl"`` or ``"parquet"`` (the ``parquet`` extra; see
            :data:`PARQUET_COLUMNS` for the columns).
        partitions: How many partitions to split the paths into.
        quotes: Extract quotes.
        tags: Tag stressors and remedies.
        scheduler: A Dask scheduler name, or None for Dask's default.

    Returns:
        The number of records written.
    """
    try:
        # Dask ships partial type information; it is used through Any here.
        dask: Any = importlib.import_module("dask")
        db: Any = importlib.import_module("dask.bag")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("run_dask needs Dask: pip install 'aistress[dask]'") from exc
    if output not in {"jsonl", "parquet"}:
        raise ValueError(f"output must be 'jsonl' or 'parquet', not {output!r}")
    names = [os.fspath(p) for p in paths]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    count = partitions or max(1, len(names) // 100)
    bag = db.from_sequence(names, npartitions=max(1, min(count, len(names) or 1)))
    records = bag.map(process_path, quotes=quotes, tags=tags).flatten()
    compute: dict[str, Any] = {} if scheduler is None else {"scheduler": scheduler}
    parts = records.to_delayed()
    if output == "jsonl":

        def write_lines(rows: list[dict[str, Any]], index: int) -> int:
            with atomic_write(folder / f"part-{index:05d}.jsonl") as stream:
                for row in rows:
                    stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            return len(rows)

        written = dask.compute(
            *[dask.delayed(write_lines)(part, i) for i, part in enumerate(parts)], **compute
        )
        return int(sum(written))
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet output needs pyarrow: pip install 'aistress[parquet]'") from exc

    def write_partition(rows: list[dict[str, Any]], index: int) -> int:
        columns: dict[str, list[Any]] = {name: [] for name in PARQUET_COLUMNS}
        for row in rows:
            for name, value in _flat(row).items():
                columns[name].append(value)
        schema = pa.schema(
            [
                (
                    name,
                    pa.list_(pa.string())
                    if name in _LIST_COLUMNS
                    else pa.int32()
                    if name == "quotes"
                    else pa.string(),
                )
                for name in PARQUET_COLUMNS
            ]
        )
        with atomic_write(folder / f"part-{index:05d}.parquet", "wb") as stream:
            pq.write_table(pa.table(columns, schema=schema), stream)
        return len(rows)

    counts = dask.compute(
        *[dask.delayed(write_partition)(part, i) for i, part in enumerate(parts)], **compute
    )
    return int(sum(counts))
