"""The stressor and remedy matrix of the sample corpus: which article raises which.

Each tag carries the words that triggered it; the matrix counts tags per
category and article. Run it as ``python examples/tag_matrix.py``; it needs
no arguments.
"""

from __future__ import annotations

from collections import Counter

from aistress.model import Stressor
from aistress.sample import sample_corpus
from aistress.tagging import tag


def main() -> None:
    """Print a category-by-article table of tag counts, then the evidence of one tag."""
    corpus = sample_corpus()
    tags = {article.id: tag(article) for article in corpus}
    counts = {aid: Counter(t.category for t in found) for aid, found in tags.items()}
    kinds = {t.category: isinstance(t, Stressor) for found in tags.values() for t in found}
    columns = list(tags)
    print(" " * 22 + " ".join(f"{i:>3}" for i in range(1, len(columns) + 1)))
    for stressor in (True, False):
        for category in sorted(c for c, s in kinds.items() if s is stressor):
            cells = " ".join(f"{counts[a][category] or '.':>3}" for a in columns)
            print(f"{category:<22}{cells}")
        print()
    for number, article_id in enumerate(columns, 1):
        print(f"{number:>3} = {article_id} ({corpus[article_id].language})")
    article = corpus.sources[0].articles[0]
    first = tags[article.id][0]
    words = [article.slice(span) for span in first.evidence]
    print(f"\nfirst tag of {article.id}: {first.category} in block {first.block}, evidence {words}")


if __name__ == "__main__":
    main()
