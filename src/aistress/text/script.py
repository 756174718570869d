"""Chinese script: Traditional to Simplified, character by character.

Analysis in aistress (cue words, lexicons, tagging rules) is written in
Simplified Chinese. :func:`to_simplified` gives a Traditional text the same
script **without changing its length**: every character maps to exactly one
character, so an offset found in the converted copy is the offset of the same
character in the text the user handed in. Phrase-level conversions (``著`` as
``着`` only in some words) are deliberately left out; they would break that
one-to-one map.

:func:`is_traditional` tells whether a text is written in the Traditional
script: it counts characters that occur only in Traditional text against
characters that occur only in Simplified text.

The table (``data/text/t2s_chars.tsv``) is derived from OpenCC's character
dictionaries (Apache-2.0) by ``tools/build_script_tables.py``; see
:doc:`/dependencies`.

>>> to_simplified("他說：「壓力很大。」")
'他说：「压力很大。」'
>>> len(to_simplified("研究人員認為")) == len("研究人員認為")
True
>>> is_traditional("研究人員認為壓力"), is_traditional("研究人员认为压力")
(True, False)
>>> is_traditional("Stress in AI research")
False
"""

from __future__ import annotations

from functools import cache

from aistress.data import read_text

__all__ = ["is_traditional", "script_counts", "to_simplified"]


class _Tables:
    """The translate map and the two sets of script evidence, loaded once."""

    __slots__ = ("converted", "simplified_only", "traditional_only", "translate")

    def __init__(self) -> None:
        translate: dict[int, str] = {}
        traditional_only: set[str] = set()
        for line in read_text("text/t2s_chars.tsv").splitlines():
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            trad, simp = fields[0], fields[1]
            translate[ord(trad)] = simp
            if len(fields) < 3 or fields[2] != "s":
                traditional_only.add(trad)
        simplified_only: set[str] = set()
        for line in read_text("text/simplified_only.txt").splitlines():
            if not line.startswith("#"):
                simplified_only.update(line.strip())
        self.translate = translate
        #: Every character the map changes: a text without one is its own conversion.
        self.converted = frozenset(map(chr, translate))
        self.traditional_only = frozenset(traditional_only)
        self.simplified_only = frozenset(simplified_only)


@cache  # a data table, loaded once per process
def _tables() -> _Tables:
    return _Tables()


def to_simplified(text: str) -> str:
    """Return *text* with every Traditional Chinese character replaced by its Simplified form.

    The result has exactly the length of *text*, and ``result[i]`` is the
    conversion of ``text[i]``: offsets found in the result are offsets in
    *text*. Characters that are not Traditional (Simplified Chinese, Latin,
    punctuation, including 「」 quotes) are unchanged. Linear in the length of
    the text.

    Args:
        text: Any text.

    Returns:
        The text in the Simplified script, same length.

    .. versionadded:: 0.1.0
    """
    tables = _tables()
    if tables.converted.isdisjoint(text):  # in C, stopping at the first Traditional character
        return text  # (most text is not Traditional: no per-character look-up in the map)
    return text.translate(tables.translate)


def script_counts(text: str) -> tuple[int, int]:
    """Count characters only Traditional text uses and characters only Simplified text uses.

    Args:
        text: Any text.

    Returns:
        ``(traditional, simplified)``: how many characters of *text* occur
        only in the Traditional script, and how many only in the Simplified one.

    .. versionadded:: 0.1.0
    """
    tables = _tables()
    # Counted in C: one set membership test per character, summed as booleans.
    traditional = sum(map(tables.traditional_only.__contains__, text))
    simplified = sum(map(tables.simplified_only.__contains__, text))
    return traditional, simplified


def is_traditional(text: str) -> bool:
    """Tell whether *text* is written in Traditional Chinese.

    True when at least one character occurs only in the Traditional script and
    such characters outnumber the ones that occur only in the Simplified
    script. Text without Chinese, or with characters common to both scripts
    only, is not Traditional.

    Args:
        text: Any text.

    Returns:
        Whether the text reads as Traditional Chinese.

    .. versionadded:: 0.1.0
    """
    if _tables().traditional_only.isdisjoint(text):  # in C: no Traditional-only character
        return False  # (most text: no count of either script)
    traditional, simplified = script_counts(text)
    return traditional > simplified
