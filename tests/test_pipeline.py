"""Tests of the pipeline functions and the Dask path."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

from aistress.io.json import from_json
from aistress.model import ArticleRecord, ReadFailure
from aistress.pipeline import PARQUET_COLUMNS, process_path, records_for_path, run_dask
from conftest import seed


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    """Two seed documents and one file that is not a document."""
    bad = tmp_path / "binary.bin"
    bad.write_bytes(b"\x00\x01\x02 not text")
    return [str(seed("000")), str(seed("001")), str(bad)]


def test_records_for_a_good_and_a_bad_file(inputs: list[str]) -> None:
    """A readable file yields one ArticleRecord per article; a bad one a ReadFailure."""
    good = records_for_path(inputs[0], quotes=False, tags=False)
    assert good
    assert all(isinstance(r, ArticleRecord) for r in good)
    assert good[0].path == inputs[0]
    (failure,) = records_for_path(inputs[2])
    assert isinstance(failure, ReadFailure)
    assert "binary" in failure.reason


def test_process_path_records_round_trip(inputs: list[str]) -> None:
    """process_path returns JSON-ready records that read back into the same objects."""
    records = process_path(inputs[1], quotes=False, tags=False)
    objects = records_for_path(inputs[1], quotes=False, tags=False)
    assert [from_json(json.dumps(r)) for r in records] == list(objects)


def test_functions_are_picklable() -> None:
    """The pipeline functions pickle by reference, as process pools and clusters need."""
    for function in (process_path, records_for_path):
        assert pickle.loads(pickle.dumps(function)) is function


def test_dask_jsonl_matches_a_plain_loop(inputs: list[str], tmp_path: Path) -> None:
    """run_dask on the local scheduler writes the same records as a loop, one line each."""
    out = tmp_path / "out"
    count = run_dask(inputs, out, partitions=2, quotes=False, tags=False, scheduler="processes")
    lines = [
        json.loads(line)
        for part in sorted(out.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    expected = [r for p in inputs for r in process_path(p, quotes=False, tags=False)]
    assert count == len(lines) == len(expected)
    assert lines == expected


def test_dask_parquet_columns(inputs: list[str], tmp_path: Path) -> None:
    """Parquet output has the documented columns and one row per record."""
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "pq"
    count = run_dask(
        inputs, out, output="parquet", quotes=False, tags=False, scheduler="synchronous"
    )
    tables = [pq.read_table(p) for p in sorted(out.glob("*.parquet"))]
    assert sum(t.num_rows for t in tables) == count
    assert tuple(tables[0].column_names) == PARQUET_COLUMNS
    types = {v for t in tables for v in t.column("type").to_pylist()}
    assert types == {"ArticleRecord", "ReadFailure"}


def test_dask_refuses_unknown_output(tmp_path: Path) -> None:
    """An unknown output kind is a usage error."""
    with pytest.raises(ValueError, match="output"):
        run_dask([], tmp_path, output="csv")


def test_read_corpus_skips_hidden_folders_and_keeps_ids_unique(tmp_path: Path) -> None:
    """Hidden folders are skipped, and two files of one name get distinct source ids."""
    from aistress.formats import read_corpus

    text = seed("002").read_text(encoding="utf-8")
    for folder in ("a", "b", ".git"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "page.txt").write_text(text, encoding="utf-8")
    corpus = read_corpus(tmp_path)
    assert not corpus.failures
    assert len(corpus.sources) == 2
    assert len({s.id for s in corpus.sources}) == 2
