"""Write the sample corpus to JSON Lines and read it back unchanged.

Run it as ``python examples/export_jsonl.py [OUT.jsonl]``; without an
argument the file goes to a temporary directory that is removed afterwards.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from aistress.io.json import dump_jsonl, load_jsonl
from aistress.model import Source
from aistress.sample import sample_corpus


def export(path: Path) -> None:
    """Write one record per source, read the file back, and check nothing changed."""
    corpus = sample_corpus()
    count = dump_jsonl(corpus.sources, path)
    back = list(load_jsonl(path, Source))
    assert tuple(back) == corpus.sources, "the JSON round trip changed a source"
    print(f"wrote {count} records ({path.stat().st_size} bytes) to {path}")
    for source in back:
        print(f"  {source.id}: {', '.join(a.id for a in source.articles)}")


def main() -> None:
    """Export to the path given, or to a temporary file."""
    if len(sys.argv) > 1:
        export(Path(sys.argv[1]))
        return
    with tempfile.TemporaryDirectory() as folder:
        export(Path(folder) / "sample.jsonl")


if __name__ == "__main__":
    main()
