"""Run every aistress benchmark; each writes benchmarks/results/<name>.json and .md.

Usage: python benchmarks/run.py [NAME ...], NAME one of: read, align, align_more, tagging,
reader_accuracy, tagging_quality, complexity, compare, quotes, quotes_blind,
quotes_scaling, scale (``scale`` measures 1,000 articles here; run
``benchmarks/bench_scale.py --sizes 1000 10000 100000`` for the full table).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ALL = (
    "read",
    "align",
    "align_more",
    "tagging",
    "reader_accuracy",
    "tagging_quality",
    "complexity",
    "compare",
    "quotes",
    "quotes_blind",
    "quotes_scaling",
    "scale",
)


def main(argv: list[str]) -> int:
    """Run the named benchmarks (all of them by default); return the first failure's code."""
    names = argv or list(ALL)
    unknown = [n for n in names if n not in ALL]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(ALL)}")
        return 2
    for name in names:
        print(f"== {name}", flush=True)
        code = subprocess.call([sys.executable, str(HERE / f"bench_{name}.py")])
        if code:
            return code
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
