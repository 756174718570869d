"""How alike two short texts are, in one language or across English and Chinese.

Across languages the aligner's dictionary evidence is used
(:func:`aistress.alignment.evidence.lexical_similarity` over CC-CEDICT when it is
installed); within one language, the overlap of content words (English) or
character pairs (Chinese, Traditional read as Simplified).
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from functools import cache

from aistress.alignment.aligner import per_text
from aistress.alignment.evidence import (
    SegmentFeatures,
    chinese_features,
    english_features,
    lexical_similarity,
)
from aistress.alignment.lexicon import Lexicon, cedict_lexicon
from aistress.text.language import HAN_CHAR, is_chinese
from aistress.text.polarity import PolarityCue
from aistress.text.script import to_simplified
from aistress.text.words import content_terms

__all__ = ["scope_word", "similarity", "speaks_of", "terms"]


@cache
def _lexicon() -> tuple[Lexicon | None, AbstractSet[str]]:
    lexicon = cedict_lexicon()
    return lexicon, (lexicon.chinese_words() if lexicon is not None else frozenset())


def terms(text: str) -> set[str]:
    """Content words (stemmed, English) and character pairs (Chinese, as Simplified) of a text."""
    return set(content_terms(to_simplified(text)))


def similarity(a: str, a_language: str, b: str, b_language: str) -> float:
    """From 0 (nothing shared) to 1 (the same words, or each other's dictionary translations).

    The language of each text is read from its characters when it has no
    Han character (an English title quoted in a Chinese article).
    """
    a_language = a_language if HAN_CHAR.search(a) else "en"
    b_language = b_language if HAN_CHAR.search(b) else "en"
    if is_chinese(a_language) == is_chinese(b_language):
        x, y = terms(a), terms(b)
        return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
    english, chinese = (a, b) if not is_chinese(a_language) else (b, a)
    lexicon, vocabulary = _lexicon()
    if lexicon is None:
        x, y = terms(english), terms(chinese)
        return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0
    return lexical_similarity(_english(english, lexicon), _chinese(chinese, lexicon, vocabulary))


def _english(text: str, lexicon: Lexicon) -> SegmentFeatures:
    """A text's English features, kept with the lexicon's (the aligner makes the same ones)."""
    (found,) = per_text(lexicon.memo("english"), [text], lambda s: english_features(s, lexicon))
    return found


def _chinese(text: str, lexicon: Lexicon, vocabulary: AbstractSet[str]) -> SegmentFeatures:
    """A text's Chinese features (read as Simplified), kept with the lexicon's."""
    (found,) = per_text(
        lexicon.memo("chinese"),
        [to_simplified(text)],
        lambda t: chinese_features(t, vocabulary, 1.0),
    )
    return found


_CLAUSE_END = re.compile(r"[,;:!?，；：。！？、]|\.(?:\s|$)|\bbut\b|但|却|卻")


_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "by",
        "with",
        "be",
        "been",
        "being",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "it",
        "its",
        "their",
        "his",
        "her",
        "our",
        "we",
        "they",
        "he",
        "she",
        "this",
        "that",
        "these",
        "those",
        "any",
        "all",
        "more",
    ]
)


def scope_word(text: str, cue: PolarityCue) -> str:
    """The word a negation governs: the first content word after the cue in its clause."""
    rest = text[cue.end : cue.end + 40]
    cut = _CLAUSE_END.search(rest)
    rest = rest[: cut.start()] if cut else rest
    if re.search(r"[\u4e00-\u9fff]", rest):
        return rest[:2]
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'-]*", rest) if w.lower() not in _FUNCTION]
    return words[0] if words else ""


def speaks_of(scope: str, scope_language: str, other: str, other_language: str) -> bool:
    """Whether the other sentence speaks of what the negation governs (else it was left out)."""
    if not scope.strip():
        return True
    if is_chinese(scope_language) == is_chinese(other_language):
        return bool(terms(scope) & terms(other))
    return similarity(scope, scope_language, other, other_language) > 0.0
