"""A naive Bayes score per category: one more feature of the second stage.

The learned model (:mod:`aistress.tagging.learned`) weighs a paragraph's
words jointly, with L2 regularisation; a naive Bayes log-count ratio weighs
each word by how much more often it occurs in the paragraphs labelled with
a category than in the others, on its own. The two disagree most on rare,
telling Chinese characters and character pairs, where the ratio says more
than a regularised weight. The second stage (:mod:`aistress.tagging.rescore`)
reads this score as one feature of a candidate, for the languages and
scripts where cross-validation on our training documents says it helps.

The table is trained by ``tools/train_rescorer.py`` on our own training
documents (``tools/tagdata/train``) and ships as
``aistress/data/tagging/bayes.json``: for each kept feature of
:mod:`aistress.tagging.features` (``c:``/``z:`` Chinese characters and
pairs, ``w:``/``b:`` English words), the categories it counts for and its
log-count ratio (Laplace-smoothed, features seen in at least a few
documents, small ratios dropped). A paragraph's score for a category is
the sum of its features' ratios, in sorted feature order so every process
gives the same bits, scaled as the model scales its text features
(:func:`~aistress.tagging.features.text_scale`). Scoring is one dictionary
look-up per feature, linear in the paragraph.

>>> bayes = NaiveBayes({"categories": ["overwork", "pace"], "keys": ["zh-Hans"],
...     "floor": 1, "weights": {"z:加班": [[0, 2.0]], "c:快": [[1, 1.5]]}})
>>> bayes.scores(frozenset({"z:加班", "c:加", "c:班"}))
[1.1547005383792517, 0.0]
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Mapping, Sequence
from typing import Any

from aistress.data import load_json
from aistress.errors import RuleError
from aistress.tagging.features import text_scale, weight_sums

__all__ = ["NaiveBayes", "default_bayes"]

_PATH = "tagging/bayes.json"


class NaiveBayes:
    """Naive Bayes log-count ratios of text features, per category.

    Args:
        document: The parsed table (see ``tools/train_rescorer.py``).
        path: Where it was read from, for error messages.

    Raises:
        RuleError: the document is not a naive Bayes table.
    """

    def __init__(self, document: Mapping[str, Any], path: str | None = None) -> None:
        try:
            self.categories: tuple[str, ...] = tuple(str(c) for c in document["categories"])
            #: The calibration keys (``en``, ``zh-Hans``, ``zh-Hant``) it scores.
            self.keys = frozenset(str(k) for k in document["keys"])
            #: Fewest text features a paragraph is scaled as.
            self.floor = int(document.get("floor", 1))
            self.weights: dict[str, tuple[tuple[int, float], ...]] = {
                str(feature): tuple((int(c), float(w)) for c, w in pairs)
                for feature, pairs in document["weights"].items()
            }
        except (KeyError, TypeError, ValueError) as error:
            raise RuleError(path, "bayes", f"not a naive Bayes table ({error!r})") from None
        n = len(self.categories)
        if any(not 0 <= c < n for pairs in self.weights.values() for c, _ in pairs):
            raise RuleError(path, "bayes.weights", "a weight names no category")
        self.index = {c: i for i, c in enumerate(self.categories)}
        self._vocabulary = frozenset(self.weights)
        #: Per category, each feature's weights for it in the order listed (built on first use).
        self._columns: list[dict[str, tuple[float, ...]]] = []

    def scores(self, text: frozenset[str]) -> list[float]:
        """The score of every category (in the order of ``categories``) for a paragraph.

        Args:
            text: The paragraph's text features
                (:attr:`~aistress.tagging.features.Observation.text`).
        """
        sums = weight_sums(text, self._vocabulary, self.weights.__getitem__, len(self.categories))
        scale = text_scale(len(text), self.floor)
        return [s * scale for s in sums]

    def scores_of(self, text: frozenset[str], categories: Sequence[int]) -> list[float]:
        """``[scores(text)[c] for c in categories]``, summing only those categories' weights.

        Each is the same float as :meth:`scores` gives, added in the same
        (sorted feature) order; the second stage reads one or two
        categories of a paragraph, not all of them.

        >>> bayes = NaiveBayes({"categories": ["a", "b"], "keys": ["en"],
        ...     "weights": {"w:x": [[0, 0.5], [1, 2.0]], "w:y": [[1, 1.0]]}})
        >>> text = frozenset({"w:x", "w:y"})
        >>> bayes.scores_of(text, [1]) == [bayes.scores(text)[1]]
        True
        """
        if not categories:
            return []
        if not self._columns:
            columns: list[dict[str, list[float]]] = [{} for _ in self.categories]
            for feature, pairs in self.weights.items():
                for c, w in pairs:
                    columns[c].setdefault(feature, []).append(w)
            self._columns = [{f: tuple(ws) for f, ws in col.items()} for col in columns]
        ordered = sorted(text & self._vocabulary)
        scale = text_scale(len(text), self.floor)
        out = []
        for c in categories:
            total = 0.0
            # The category's weights of the text's features, in sorted order (chained in C).
            column = self._columns[c]
            for w in itertools.chain.from_iterable(filter(None, map(column.get, ordered))):
                total += w
            out.append(total * scale)
        return out


@functools.cache
def default_bayes() -> NaiveBayes:
    """The naive Bayes table aistress ships, read once."""
    return NaiveBayes(load_json(_PATH), _PATH)
