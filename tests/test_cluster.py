"""The Dask jobs on a real ``dask.distributed`` cluster: two worker processes, for this module."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from aistress.io.json import unstructure
from aistress.model import Article, Block, Corpus, Source
from aistress.pipeline import analyse_paths, run_dask
from aistress.relations import discover_relations
from aistress.relations.distributed import discover_relations_dask

distributed = pytest.importorskip("distributed")

pytestmark = [pytest.mark.cluster, pytest.mark.heavy]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of two single-threaded worker processes, closed after this module.

    (Kept for the whole session, its idle workers and nanny burned more CPU
    than the tests of this module use.)
    """
    cluster = distributed.LocalCluster(
        processes=True,
        n_workers=2,
        threads_per_worker=1,
        dashboard_address=":0",
        silence_logs=logging.ERROR,
    )
    client = distributed.Client(cluster, set_as_default=False)
    yield client
    client.close()
    cluster.close()


def _corpus() -> Corpus:
    text = "Ostrel Labs staff worked {} hours a week in 2019; {} of 140 engineers left."
    original = Article(
        "post", "en", "news", blocks=[Block("paragraph", text.format(80, 35))], title="Ostrel"
    )
    copies = [
        Article(f"copy{k}", "en", "news", blocks=[Block("paragraph", text.format(80, 35))])
        for k in range(3)
    ]
    summary = Article(
        "brief", "zh", "summary", blocks=[Block("paragraph", "2019 年 Ostrel Labs 每周 80 小时。")]
    )
    return Corpus(sources=[Source(a.id, "text", [a]) for a in (original, *copies, summary)])


_ENGLISH = (
    "Ostrel Labs asked its 140 engineers to work 80 hours a week in 2019.\n\n"
    "Lio Brant, a researcher at Ostrel Labs, said 35% of them felt burned out.\n\n"
    "The company raised $22 million after the Lumen launch.\n"
)
_CHINESE = (
    "2019 年，Ostrel Labs 要求 140 名工程师每周工作 80 小时。\n\n"
    "Ostrel Labs 的研究员 Lio Brant 说，其中 35% 的人感到倦怠。\n\n"
    "Lumen 发布后，公司融资 2200 万美元。\n"
)


def test_jobs_on_a_local_cluster_equal_one_process(client: Any, tmp_path: Path) -> None:
    """On two worker processes: run_dask and the relation job equal a local run."""
    texts = {"en": _ENGLISH, "zh": _CHINESE, "copy": _ENGLISH.replace("them", "staff")}
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    paths = sorted(str(p) for p in tmp_path.glob("*.txt"))
    local = analyse_paths(paths, quotes=False, tags=False)
    corpus = _corpus()
    out = tmp_path / "out"
    with client.as_current():
        count = run_dask(
            paths, out.as_uri(), partitions=2, quotes=False, tags=False, relations=True
        )
        found = discover_relations_dask(corpus, align=False, partitions=2)
    rows = [
        json.loads(line)
        for part in sorted(out.glob("part-*.jsonl"))
        for line in part.read_text(encoding="utf-8").splitlines()
    ]
    assert local.corpus.relations
    assert count == len(rows) == len(local.records)
    assert rows == [unstructure(r) for r in local.records]
    assert found == discover_relations(corpus, align=False)
    assert found
