"""Where the benchmarks find the shared third-party data (``../shared``).

The data is read from there at run time and never copied into the repository.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["REPO", "find_shared"]

REPO = Path(__file__).resolve().parent.parent


def find_shared() -> Path:
    """``$AISTRESS_SHARED``, else the nearest ``shared`` folder beside the checkout or above it.

    A checkout in a subfolder (a git worktree, say) finds the same folder as
    one beside it; with none found, ``shared`` beside the checkout is named so
    the error says where it was looked for.
    """
    named = os.environ.get("AISTRESS_SHARED")
    if named:
        return Path(named)
    for parent in REPO.parents:
        shared = parent / "shared"
        if (shared / "corpus").is_dir() or (shared / "bench").is_dir():
            return shared
    return REPO.parent / "shared"
