"""Read the bundled sample corpus and print what each file holds.

Run it as ``python examples/read_sample.py``; it needs no arguments.
"""

from __future__ import annotations

from aistress.sample import sample_corpus


def main() -> None:
    """Print every source of the sample corpus with its articles."""
    corpus = sample_corpus()
    for source in corpus.sources:
        print(f"{source.id}: {source.format}, {len(source.articles)} article(s)")
        for article in source.articles:
            title = article.title or "(no title)"
            print(f"  {article.kind.value:<11} {article.language:<3} {title}")
            print(f"  {'':<15} {len(article.blocks)} blocks, {len(article.text)} characters")
        for item in source.boilerplate[:3]:
            print(f"  boilerplate [{item.kind}] {item.text[:50]!r}")
        for issue in source.warnings:
            print(f"  warning [{issue.code}] {issue.message}")


if __name__ == "__main__":
    main()
