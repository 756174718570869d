"""Compare a derived text (translation, summary, rewrite) with its source.

:func:`compare` aligns the two articles paragraph by paragraph and reports
what the derived text keeps, drops, adds and gets wrong: the share of the
source it covers, the stressor and remedy categories kept, dropped and
added, the quotes kept and dropped, and its
:class:`~aistress.model.Discrepancy` records, each of one
:class:`~aistress.model.DiscrepancyKind`, with the words on both sides, the
phrases around them and a sentence that explains it.

Each kind of change is found by one check, a function with the signature
``Check`` (a :class:`Pair` in, discrepancies out), one module each;
``compare(..., checks=)`` takes their names (``CHECKS``) or any function
with that signature.

Spans of a discrepancy point into ``Article.text`` of each side; a number
in a title or subtitle points into that string instead, with the document
id ``"<article id>#title"`` or ``"<article id>#subtitle"``.

Every check is a pure function of the pair, so comparisons can run in
parallel over a corpus, and near-linear in the length of the texts.
"""

from aistress.comparison._compare import CHECKS, compare
from aistress.comparison._pair import Check, Pair, phrase
from aistress.comparison.attribution import attribution_discrepancies, check_attribution
from aistress.comparison.dates import check_dates
from aistress.comparison.headline import HEADLINE_THRESHOLD, check_headline, headline_relevance
from aistress.comparison.numbers import check_numbers, number_discrepancies
from aistress.comparison.polarity import check_polarity
from aistress.comparison.quotes import check_quotes
from aistress.comparison.summary import by_kind, discrepancy_lines, quote_counts

__all__ = [
    "CHECKS",
    "HEADLINE_THRESHOLD",
    "Check",
    "Pair",
    "attribution_discrepancies",
    "by_kind",
    "check_attribution",
    "check_dates",
    "check_headline",
    "check_numbers",
    "check_polarity",
    "check_quotes",
    "compare",
    "discrepancy_lines",
    "headline_relevance",
    "number_discrepancies",
    "phrase",
    "quote_counts",
]
