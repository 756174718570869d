"""The scripts in examples/ run on the bundled sample corpus without arguments."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pytest

EXAMPLES = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.py"))


def _run(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run one example as a user would, from an empty working directory."""
    return subprocess.run(
        [sys.executable, str(script)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        check=False,
        timeout=300,
    )


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[dict[str, tuple[Future[subprocess.CompletedProcess[str]], Path]]]:
    """Every example started at once, two at a time, each in its own empty folder."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        started = {}
        for script in EXAMPLES:
            folder = tmp_path_factory.mktemp(script.stem)
            started[script.name] = (pool.submit(_run, script, folder), folder)
        yield started


def test_there_are_examples() -> None:
    """The examples folder holds scripts to run."""
    assert len(EXAMPLES) >= 2


@pytest.mark.heavy
@pytest.mark.parametrize("name", [p.name for p in EXAMPLES])
def test_example_runs_and_exits_0(
    name: str, runs: dict[str, tuple[Future[subprocess.CompletedProcess[str]], Path]]
) -> None:
    """`python examples/NAME.py` exits 0, prints something and leaves no files behind."""
    future, folder = runs[name]
    done = future.result()
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip()
    assert list(folder.iterdir()) == []
