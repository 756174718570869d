"""The synthetic corpus of the scaling benchmark: deterministic, readable, as planted."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from aistress.formats import read_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
synthetic = pytest.importorskip("synthetic")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    """A corpus of 150 articles with every derivation planted more often than by default."""
    out = tmp_path_factory.mktemp("synthetic")
    rates = {"translation": 0.6, "summary": 0.5, "rewrite": 0.5, "copy": 0.6, "related": 0.3}
    synthetic.generate(out, 150, seed=3, rates=rates)
    return out, synthetic.load_manifest(out)


def test_every_file_reads_in_its_format_with_its_articles(
    corpus: tuple[Path, dict[str, object]],
) -> None:
    """Each file is sniffed as the format it was written in and holds the articles counted."""
    out, manifest = corpus
    files = manifest["files"]
    assert isinstance(files, list)
    for entry in files:
        source = read_file(str(out / entry["path"]))
        assert (source.format, len(source.articles)) == (entry["format"], entry["articles"])
    assert sum(e["articles"] for e in files) == manifest["articles"] >= 150
    assert {e["format"] for e in files} == set(synthetic.WRITERS)


def test_manifest_plants_every_kind_in_both_languages(
    corpus: tuple[Path, dict[str, object]],
) -> None:
    """Translations, summaries, rewrites, copies and related originals are all planted."""
    out, manifest = corpus
    relations = manifest["relations"]
    assert isinstance(relations, list)
    kinds = set(Counter(r["kind"] for r in relations))
    assert kinds == {"translation", "summary", "rewrite", "copy"}
    assert manifest["related"]
    languages = {read_file(str(out / f["path"])).articles[0].language for f in manifest["files"]}
    assert {"en", "zh-Hans", "zh-Hant"} <= languages


def test_same_seed_same_bytes_and_larger_corpus_extends_smaller(tmp_path: Path) -> None:
    """A seed fixes every byte, and a larger corpus starts with the smaller one's files."""
    small, again, large = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    synthetic.generate(small, 30, seed=7)
    synthetic.generate(again, 30, seed=7)
    synthetic.generate(large, 60, seed=7)
    names = json.loads((small / "manifest.json").read_text("utf-8"))["files"]
    for entry in names:
        data = (small / entry["path"]).read_bytes()
        assert data == (again / entry["path"]).read_bytes() == (large / entry["path"]).read_bytes()


def test_traditional_conversion_keeps_the_words_templates_mean() -> None:
    """Simplified template text becomes Traditional with the intended characters."""
    assert synthetic.traditional("系统发表技术") == "系統發表技術"
