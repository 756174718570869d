"""Text utilities: sentence segmentation and number extraction for English and Chinese.

- :mod:`aistress.text.sentences`: :func:`~aistress.text.sentences.sentences`
  splits a text into sentence offsets.
- :mod:`aistress.text.numbers`: :func:`~aistress.text.numbers.extract_numbers`
  finds numbers, amounts, percentages and dates with their values and units.
- :mod:`aistress.text.script`: :func:`~aistress.text.script.to_simplified`
  maps Traditional Chinese to Simplified character by character (offsets kept);
  :func:`~aistress.text.script.is_traditional` tells the scripts apart.
"""

from __future__ import annotations

from aistress.text.script import is_traditional, to_simplified
from aistress.text.sentences import detect_language, is_chinese, sentences, split_sentences

__all__ = [
    "detect_language",
    "is_chinese",
    "is_traditional",
    "sentences",
    "split_sentences",
    "to_simplified",
]
