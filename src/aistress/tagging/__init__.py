"""Stressor and remedy tagging with evidence, in English and Chinese.

:func:`tag` reads an :class:`~aistress.model.Article` block by block and
returns one :class:`~aistress.model.Stressor` or :class:`~aistress.model.Remedy`
per block and category found there. Every tag carries

- ``evidence``: the spans of :attr:`~aistress.model.Article.text` whose words
  triggered it: the rules' spans where a rule fired (a negation cue is
  included when the rule needs one), else the sentence that weighs most for
  the category in the learned model;
- ``rule``: the id of the strongest rule that fired (``"en.pace.terms"``),
  or ``"model"`` where the learned model found the category alone;
- ``confidence``: the learned model's calibrated probability (the same
  share right in every category and language); with ``model=None``, the
  rules' calibrated noisy-or of every firing in the block;
- ``block``: the block index;
- ``raised_by`` / ``proposed_by``: the speaker whose label opens the block
  (``NAME:``, ``u/handle:``, ``推 handle：``) or the interviewee of an
  answer (``A:``, ``答：``), else the person a quote or an attribution
  (``X said``, ``X proposed``, ``X说``, ``X建议``) in the same sentence, or
  else in the same paragraph, names, else the writer a memo's sender line,
  a byline or a closing bio line names (for a first-person block).

>>> from aistress.model import Article, Block
>>> a = Article("a1", "en", "news", blocks=[
...     Block("paragraph", "Ada Lovelace said the lab works 80-hour weeks."),
...     Block("paragraph", "There is no burnout here."),
... ])
>>> [(t.category, t.rule, t.block, t.raised_by.name) for t in tag(a)]
[('overwork', 'en.overwork.hours', 0, 'Ada Lovelace')]
>>> [a.slice(s) for s in tag(a)[0].evidence]
['80-hour weeks']
>>> labels(tag(a))
frozenset({'overwork'})

The package
-----------

- :mod:`aistress.tagging.matcher`: normalisation (:func:`stem`) and the
  linear trie scan of terms and cues;
- :mod:`aistress.tagging.rules`: rule files, their validation and
  :class:`RuleSet`;
- :mod:`aistress.tagging.scope`: negation, rejection, concession and contrast
  scope, and :func:`polarity` for any span of any text;
- :mod:`aistress.tagging.detect`: rule firings in one block;
- :mod:`aistress.tagging.attribution`: who raised or proposed a tag (the
  attribution engine's speakers and the blocks' speaker labels);
- :mod:`aistress.tagging.tagger`: :class:`Tagger`, :func:`tag`, :func:`tag_text`;
- :mod:`aistress.tagging.matrices`: :class:`TagMatrix` and label scores;
- :mod:`aistress.tagging.features`: what the learned model reads of a paragraph;
- :mod:`aistress.tagging.learned`: the learned model (``model="default"``,
  the default), trained on paragraphs we labelled, with the rules' firings
  among its features;
- :mod:`aistress.tagging.rescore`: the second stage, which re-scores the
  model's candidates in their document context (``rescorer="default"``);
- :mod:`aistress.tagging.bayes`: the naive Bayes scores it reads in Chinese.

Tagging an article is linear in its length.
"""

from __future__ import annotations

from aistress.errors import RuleError as RuleError
from aistress.tagging.detect import CONCESSION_FACTOR
from aistress.tagging.matrices import LabelScores, TagMatrix, matrix, score_labels
from aistress.tagging.rules import Rule, RuleSet, calibrate, default_rules, load_rules
from aistress.tagging.scope import Polarity, polarity
from aistress.tagging.tagger import DEFAULT_MIN_CONFIDENCE, Tag, Tagger, labels, tag, tag_text
from aistress.text.words import stem

__all__ = [
    "CONCESSION_FACTOR",
    "DEFAULT_MIN_CONFIDENCE",
    "LabelScores",
    "Polarity",
    "Rule",
    "RuleSet",
    "Tag",
    "TagMatrix",
    "Tagger",
    "calibrate",
    "default_rules",
    "labels",
    "load_rules",
    "matrix",
    "polarity",
    "score_labels",
    "stem",
    "tag",
    "tag_text",
]
