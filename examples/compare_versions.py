"""What the derived texts of the sample corpus change: a rewrite, a summary, a translation.

The syndicated rewrite runs under another story's headline and moves a
$42 billion loss to the wrong company; the bilingual blog post renders
$42bn as 42 亿 (it is 420 亿). :func:`aistress.compare.compare` finds both.
Run it as ``python examples/compare_versions.py``; it needs no arguments.
"""

from __future__ import annotations

from aistress.comparison import compare
from aistress.sample import sample_corpus


def main() -> None:
    """Compare each derived article with its source and print the discrepancies."""
    corpus = sample_corpus()
    report = corpus.sources[0].articles[0]
    pairs = [
        (report, corpus.sources[2].articles[0]),  # the syndicated rewrite
        (report, corpus.sources[1].articles[0]),  # the Chinese translation
        tuple(corpus.sources[3].articles[:2]),  # the blog post and its line-by-line translation
    ]
    for source, derived in pairs:
        result = compare(source, derived)
        print(f"{derived.id} against {source.id}: coverage {result.coverage:.0%}")
        print(f"  categories dropped: {', '.join(result.categories_dropped) or '-'}")
        print(f"  quotes kept {len(result.quotes_kept)}, dropped {len(result.quotes_dropped)}")
        for item in result.discrepancies:
            print(f"  {item.kind}: {item.explanation}")
        print()


if __name__ == "__main__":
    main()
