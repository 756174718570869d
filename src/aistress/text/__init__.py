"""The text layer: what every other part of aistress knows about English and Chinese text.

Nothing here knows about readers, alignment, quotes or tags; they all come
here for the basics, so that each question has one answer:

- :mod:`aistress.text.language`: Han and Latin characters, language detection,
  language tags;
- :mod:`aistress.text.words`: the tokeniser, the stemmer, the stop-word lists;
- :mod:`aistress.text.sentences`: :func:`~aistress.text.sentences.sentences`
  splits a text into sentence offsets;
- :mod:`aistress.text.dates`: printed dates and the Chinese date format;
- :mod:`aistress.text.numbers`: :func:`~aistress.text.numbers.extract_numbers`
  finds numbers, amounts, percentages and dates with their values and units,
  and :func:`~aistress.text.numbers.chinese_numeral_value` reads a Chinese numeral;
- :mod:`aistress.text.script`: :func:`~aistress.text.script.to_simplified`
  maps Traditional Chinese to Simplified character by character (offsets kept);
  :func:`~aistress.text.script.is_traditional` tells the scripts apart.
"""

from __future__ import annotations

from aistress.text.language import detect_language, is_chinese
from aistress.text.script import is_traditional, to_simplified
from aistress.text.sentences import sentences, split_sentences
from aistress.text.words import stem, stop_words

__all__ = [
    "detect_language",
    "is_chinese",
    "is_traditional",
    "sentences",
    "split_sentences",
    "stem",
    "stop_words",
    "to_simplified",
]
