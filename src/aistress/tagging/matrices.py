"""Documents-by-categories matrices and label scores."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping, Sequence

import attrs

from aistress.io.atomic import write_text
from aistress.model import _LATE_BOUND, Article, Corpus, Source
from aistress.tagging.rules import RuleSet
from aistress.tagging.tagger import Tag, _tagger
from aistress.taxonomy import Taxonomy

__all__ = ["LabelScores", "TagMatrix", "matrix", "score_labels"]


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _int_rows(rows: Iterable[Iterable[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(int(c) for c in row) for row in rows)


@attrs.frozen
class TagMatrix:
    """Documents by categories: how many blocks of each document carry each category.

    >>> m = TagMatrix(("d1", "d2"), ("pace", "counseling"), ((2, 0), (0, 1)))
    >>> m["d1", "pace"], m.row("d2")
    (2, {'pace': 0, 'counseling': 1})
    >>> print(m.to_csv(), end="")
    document,pace,counseling
    d1,2,0
    d2,0,1
    """

    documents: tuple[str, ...] = attrs.field(converter=_str_tuple)
    categories: tuple[str, ...] = attrs.field(converter=_str_tuple)
    counts: tuple[tuple[int, ...], ...] = attrs.field(converter=_int_rows)

    def __attrs_post_init__(self) -> None:
        if len(self.counts) != len(self.documents) or any(
            len(row) != len(self.categories) for row in self.counts
        ):
            raise ValueError("counts must have one row per document and one column per category")

    def __getitem__(self, key: tuple[str, str]) -> int:
        document, category = key
        return self.counts[self.documents.index(document)][self.categories.index(category)]

    def row(self, document: str) -> dict[str, int]:
        """The counts of one document, by category."""
        return dict(zip(self.categories, self.counts[self.documents.index(document)], strict=True))

    def column(self, category: str) -> dict[str, int]:
        """The counts of one category, by document."""
        j = self.categories.index(category)
        return {d: row[j] for d, row in zip(self.documents, self.counts, strict=True)}

    def totals(self) -> dict[str, int]:
        """The number of tagged blocks per category over all documents."""
        return {c: sum(row[j] for row in self.counts) for j, c in enumerate(self.categories)}

    def to_csv(self, file: str | os.PathLike[str] | io.TextIOBase | None = None) -> str:
        """Write the matrix as CSV (header ``document,<category ids>``); return the text.

        ``file`` may be a path or an open text file; ``None`` only returns it.
        """
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("document", *self.categories))
        for document, row in zip(self.documents, self.counts, strict=True):
            writer.writerow((document, *row))
        text = buffer.getvalue()
        if isinstance(file, (str, os.PathLike)):
            write_text(file, text)
        elif file is not None:
            file.write(text)
        return text


def matrix(
    items: Corpus | Source | Iterable[Article],
    *,
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    tags: Mapping[str, Sequence[Tag]] | None = None,
    min_confidence: float | None = None,
) -> TagMatrix:
    """Count tagged blocks per document and category.

    Args:
        items: A :class:`~aistress.model.Corpus`, a
            :class:`~aistress.model.Source` or any articles.
        taxonomy: Categories (the matrix columns, in taxonomy order).
        rules: Rules to tag with (see :class:`Tagger`).
        tags: Tags already computed, by article id; articles missing from it
            are tagged.
        min_confidence: Count only tags at least this confident (default:
            the tagger's, see :class:`Tagger`).

    Returns:
        A :class:`TagMatrix`; :meth:`TagMatrix.to_csv` exports it.

    Time is linear in the total length of the articles.
    """
    tagger = _tagger(taxonomy, rules, min_confidence)
    least = tagger.min_confidence if min_confidence is None else min_confidence
    if isinstance(items, (Corpus, Source)):
        articles: Iterable[Article] = items.articles
    else:
        articles = items
    columns = tagger.taxonomy.ids
    position = {c: j for j, c in enumerate(columns)}
    documents: list[str] = []
    rows: list[list[int]] = []
    for article in articles:
        found = tags.get(article.id) if tags is not None else None
        if found is None:
            found = tagger.tag(article, quotes=())
        row = [0] * len(columns)
        for t in found:
            j = position.get(t.category)
            if j is not None and t.confidence >= least:
                row[j] += 1
        documents.append(article.id)
        rows.append(row)
    return TagMatrix(documents, columns, rows)


# The deprecated Corpus.matrix() reaches this function without importing the tagger.
_LATE_BOUND["tag_matrix"] = matrix


@attrs.frozen
class LabelScores:
    """Precision and recall of predicted labels against gold labels.

    An empty prediction has precision 1; an empty gold set has recall 1.

    >>> s = score_labels({"pace", "overwork"}, {"pace", "churn"})
    >>> s.precision, s.recall, s.false_positives
    (0.5, 0.5, ('overwork',))
    """

    precision: float
    recall: float
    f1: float
    true_positives: tuple[str, ...]
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]


def score_labels(predicted: Iterable[str], gold: Iterable[str]) -> LabelScores:
    """Compare a set of predicted labels with a set of gold labels."""
    p, g = set(predicted), set(gold)
    tp, fp, fn = sorted(p & g), sorted(p - g), sorted(g - p)
    precision = len(tp) / len(p) if p else 1.0
    recall = len(tp) / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScores(
        round(precision, 4), round(recall, 4), round(f1, 4), tuple(tp), tuple(fp), tuple(fn)
    )
