"""Summarise the sample corpus: formats, languages, kinds, and how the articles relate.

Run it as ``python examples/summary.py``; it needs no arguments.
"""

from __future__ import annotations

from collections import Counter

from aistress.sample import sample_corpus


def main() -> None:
    """Print counts over the sample corpus and every relation between its articles."""
    corpus = sample_corpus()
    print(f"{len(corpus.sources)} files, {len(corpus)} articles")
    print("formats:  ", dict(Counter(source.format for source in corpus.sources)))
    print("languages:", dict(Counter(article.language for article in corpus)))
    print("kinds:    ", dict(Counter(article.kind.value for article in corpus)))
    print("relations:")
    for relation in corpus.all_relations:
        how = (
            relation.method if relation.score is None else f"{relation.method} {relation.score:.2f}"
        )
        print(f"  {relation.subject} --{relation.kind.value}--> {relation.target}  ({how})")


if __name__ == "__main__":
    main()
