"""Tests of the repository itself: no third-party corpus text is committed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED, missing_shared

REPO = Path(__file__).resolve().parents[1]


def test_no_corpus_text_in_the_repository() -> None:
    """No tracked file repeats text of the shared corpus or benchmark data."""
    checker = SHARED / "tools" / "seed_copy_check.py"
    if not checker.is_file():
        missing_shared(f"no copy checker at {checker}")
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        [sys.executable, str(checker), str(REPO)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout
