"""Tests of the pipeline functions and the Dask path."""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from aistress.formats import read_corpus
from aistress.io.json import from_json, unstructure
from aistress.model import ArticleRecord, ReadFailure, RelationKind
from aistress.pipeline import (
    PARQUET_COLUMNS,
    analyse_paths,
    link_dask,
    process_path,
    records_for_path,
    run_dask,
)
from aistress.sample import sample_paths
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


@pytest.mark.heavy
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


# ---------------------------------------------------------------------------
# URLs (fsspec's memory:// file system) and whole-corpus runs on Dask

_ENGLISH = (
    "Velmora Labs asked its 157 engineers to work 67 hours a week in 2016.\n\n"
    "Ada Merrow, a researcher at Velmora Labs, said 23% of the team felt burned out.\n\n"
    "The company raised $17 million after the Harrow launch.\n"
)
_CHINESE = (
    "2016 年，Velmora Labs 要求 157 名工程师每周工作 67 小时。\n\n"
    "Velmora Labs 的研究员 Ada Merrow 说，团队中 23% 的人感到倦怠。\n\n"
    "Harrow 发布后，公司融资 1700 万美元。\n"
)


@pytest.fixture
def memory_root(tmp_path: Path) -> Iterator[str]:
    """A fresh folder on fsspec's in-process memory:// file system, removed afterwards."""
    fsspec = pytest.importorskip("fsspec")
    fs = fsspec.filesystem("memory")
    root = f"/aistress-{tmp_path.name}"
    yield f"memory://{root}"
    if fs.exists(root):
        fs.rm(root, recursive=True)


def _put(url: str, files: dict[str, bytes]) -> list[str]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    for name, data in files.items():
        fs.pipe_file(f"{root}/{name}", data)
    return [f"{url}/{name}" for name in sorted(files)]


def _memory_rows(url: str) -> list[dict[str, object]]:
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    return [
        json.loads(line)
        for part in sorted(fs.glob(f"{root}/part-*.jsonl"))
        for line in fs.cat_file(part).decode("utf-8").splitlines()
    ]


def test_run_dask_reads_and_writes_urls(memory_root: str) -> None:
    """Input glob and output folder on memory://: the records and count of a local run."""
    files = {
        "en.txt": _ENGLISH.encode(),
        "zh.txt": _CHINESE.encode(),
        "sub/bad.txt": b"\x00\x01 not text",
        ".hidden/skip.txt": b"never read",
    }
    paths = _put(f"{memory_root}/in", files)
    out = f"{memory_root}/out"
    count = run_dask(
        f"{memory_root}/in/**",
        out,
        partitions=2,
        quotes=False,
        tags=False,
        relations=True,
        scheduler="sync",
    )
    expected = analyse_paths([p for p in paths if ".hidden" not in p], quotes=False, tags=False)
    rows = _memory_rows(out)
    assert count == len(rows) == len(expected.records) == 3
    assert rows == [unstructure(r) for r in expected.records]
    assert [r.kind for r in expected.corpus.relations] == [RelationKind.TRANSLATION_OF]
    assert not Path("memory:").exists()


def test_run_dask_parquet_to_a_url(memory_root: str) -> None:
    """Parquet parts go to a URL folder too, one row per record counted."""
    pq = pytest.importorskip("pyarrow.parquet")
    import fsspec

    paths = _put(f"{memory_root}/in", {"en.txt": _ENGLISH.encode()})
    count = run_dask(paths, f"{memory_root}/pq", output="parquet", scheduler="sync")
    fs, root = fsspec.core.url_to_fs(f"{memory_root}/pq")
    (part,) = fs.glob(f"{root}/*.parquet")
    with fs.open(part, "rb") as stream:
        assert pq.read_table(stream).num_rows == count == 1


def test_read_corpus_takes_a_url_folder_and_glob(memory_root: str) -> None:
    """read_corpus expands a memory:// folder and glob; a missing URL is a failure."""
    _put(memory_root, {"a/en.txt": _ENGLISH.encode(), "a/zh.txt": _CHINESE.encode()})
    assert [s.id for s in read_corpus(f"{memory_root}/a").sources] == ["en", "zh"]
    assert [s.id for s in read_corpus([f"{memory_root}/a/z*.txt"]).sources] == ["zh"]
    corpus = read_corpus([f"{memory_root}/a/none.txt"])
    assert corpus.failures[0].reason == "cannot read the file: No such file or directory"


def test_clashing_ids_fail_as_in_a_local_run(tmp_path: Path) -> None:
    """Two files with one name in different folders: the later one fails, on Dask as locally."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(_ENGLISH, encoding="utf-8")
    paths = [str(tmp_path / "a" / "story.txt"), str(tmp_path / "b" / "story.txt")]
    out = tmp_path / "out"
    count = run_dask(paths, out, quotes=False, tags=False, relations=True, scheduler="sync")
    lines = [json.loads(line) for line in (out / "part-00000.jsonl").read_text().splitlines()]
    expected = analyse_paths(paths, quotes=False, tags=False).records
    assert count == 2
    assert lines == [unstructure(r) for r in expected]
    assert lines[1]["type"] == "ReadFailure"


def test_link_dask_equals_the_local_corpus_run() -> None:
    """link_dask over the sample corpus finds the relations analyse_paths adds."""
    paths = [str(p) for p in sample_paths()]
    expected = analyse_paths(paths, quotes=False, tags=False).corpus.relations
    assert expected
    assert link_dask(paths, partitions=2, scheduler="sync") == expected


def test_cli_corpus_on_dask_writes_the_same_records(tmp_path: Path) -> None:
    """`aistress corpus --dask` writes, in parts, exactly what `aistress corpus` writes."""
    from aistress.cli import main

    folder = str(sample_paths()[0].parent)
    single = tmp_path / "single.jsonl"
    assert main(["corpus", folder, "--out", str(single), "--no-quotes", "--no-tags"]) == 0
    parts = tmp_path / "parts"
    argv = ["corpus", folder, "--out", parts.as_uri(), "--no-quotes", "--no-tags"]
    assert main([*argv, "--dask", "synchronous", "--partitions", "2"]) == 0
    written = "".join(p.read_text(encoding="utf-8") for p in sorted(parts.glob("part-*")))
    assert written == single.read_text(encoding="utf-8")
    assert main([*argv, "--dask", "nonsense"]) == 2
    assert main(["corpus", folder, "--out", "-", "--dask"]) == 2
