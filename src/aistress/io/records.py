"""Record files of a cluster run: JSON Lines or Parquet parts, on a disk or behind a URL.

:func:`aistress.pipeline.run_dask` writes one part per partition into a folder
named by a path or by an fsspec URL (``s3://bucket/aistress/``,
``gs://...``, ``file:///data/out``, ``memory://out``), as Dask's own
writers take them. A local part is written atomically
(:func:`~aistress.io.atomic.write_bytes`); a remote one in one request.

>>> import json
>>> rows = [{"type": "ReadFailure", "path": "a.txt", "reason": "empty"}]
>>> json.loads(jsonl_bytes(rows))["reason"]
'empty'
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from aistress.io.atomic import write_bytes
from aistress.io.files import filesystem, is_url

__all__ = [
    "PARQUET_COLUMNS",
    "flat_record",
    "jsonl_bytes",
    "make_folder",
    "parquet_bytes",
    "write_part",
]

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


def flat_record(record: dict[str, Any]) -> dict[str, Any]:
    """One Parquet row (see :data:`PARQUET_COLUMNS`) of a JSON-ready record."""
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


def jsonl_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    """JSON-ready records as UTF-8 JSON Lines."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")


def parquet_bytes(rows: Iterable[dict[str, Any]]) -> bytes:
    """JSON-ready records as one Parquet file (needs the ``parquet`` extra)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("Parquet output needs pyarrow: pip install 'aistress[parquet]'") from exc
    columns: dict[str, list[Any]] = {name: [] for name in PARQUET_COLUMNS}
    for row in rows:
        for name, value in flat_record(row).items():
            columns[name].append(value)

    def kind(name: str) -> Any:
        if name in _LIST_COLUMNS:
            return pa.list_(pa.string())
        return pa.int32() if name == "quotes" else pa.string()

    schema = pa.schema([(name, kind(name)) for name in PARQUET_COLUMNS])
    stream = io.BytesIO()
    pq.write_table(pa.table(columns, schema=schema), stream)
    return stream.getvalue()


def make_folder(out: str | os.PathLike[str]) -> str:
    """Create the output folder (a path or a URL) if needed; return its name as text."""
    name = os.fspath(out)
    if is_url(name):
        fs, path = filesystem(name)
        fs.makedirs(path, exist_ok=True)
    else:
        Path(name).mkdir(parents=True, exist_ok=True)
    return name


def write_part(folder: str, name: str, data: bytes) -> None:
    """Write one part file ``name`` into ``folder`` (a path or an fsspec URL)."""
    if not is_url(folder):
        write_bytes(Path(folder) / name, data)
        return
    fs, path = filesystem(folder)
    fs.pipe_file(path.rstrip("/") + "/" + name, data)
