"""Text utilities: sentence segmentation and number extraction for English and Chinese.

- :mod:`aistress.text.sentences`: :func:`~aistress.text.sentences.sentences`
  splits a text into sentence offsets.
- :mod:`aistress.text.numbers`: :func:`~aistress.text.numbers.extract_numbers`
  finds numbers, amounts, percentages and dates with their values and units.
"""

from __future__ import annotations

from aistress.text.sentences import detect_language, is_chinese, sentences, split_sentences

__all__ = ["detect_language", "is_chinese", "sentences", "split_sentences"]
