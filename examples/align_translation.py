"""Align the sample news report with its Chinese translation, and export the pairs as TMX.

The report's English paragraphs were merged into fewer Chinese ones, so the
paragraph alignment holds 2:1 and 3:1 beads; the sentence alignment then
pairs the sentences inside each group. Run it as
``python examples/align_translation.py``; it needs no arguments.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from aistress.alignment import align, write_tmx
from aistress.sample import sample_corpus


def main() -> None:
    """Print the bead types of both alignments, a few sentence pairs, and the TMX size."""
    corpus = sample_corpus()
    english = corpus.sources[0].articles[0]  # the news report
    chinese = corpus.sources[1].articles[0]  # its translation
    for unit in ("paragraph", "sentence"):
        alignment = align(english, chinese, unit=unit)
        types = Counter(f"{len(b.source)}:{len(b.target)}" for b in alignment.beads)
        print(f"{unit}s: {len(alignment)} beads, types {dict(sorted(types.items()))}")
    for left, right in list(alignment.pairs())[3:6]:
        print(f"\n  en: {' '.join(left)[:90]}")
        print(f"  zh: {''.join(right)[:60]}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.tmx"
        write_tmx(alignment, path, source_language="en", target_language="zh")
        print(f"\nTMX: {len(alignment)} translation units, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
