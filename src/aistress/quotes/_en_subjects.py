"""English people a sentence introduces by apposition, without a cue.

Two shapes, common in news and features, name a person who is quoted or
referred to as *he*/*she* later:

- a description opening the sentence, then the name alone in its comma
  piece, then the verb: ``Her co-lead, Ada Byron, felt differently.``
  (the name is the sentence's subject);
- a name followed by a description whose head is a person's (the lexicon's
  unnamed-source heads: *professor*, *engineer*, *spokesperson*…), wherever
  it stands: ``…came from Ada Byron, an associate professor at Leeds, who…``.

Such mentions carry no cue: they help resolve a later pronoun, as
:func:`~aistress.quotes._english.find_subjects` does for a name opening a
sentence. One scan of a compiled expression per block; each match looks at
most :data:`~aistress.quotes._english.MAX_LOOK` characters further.
"""

from __future__ import annotations

import re

from aistress.quotes._english import MAX_LOOK, name_in, sentence_starts
from aistress.quotes._lexicon import English, english
from aistress.quotes._types import MASK, Mention

__all__ = ["introduced"]

#: Up to four capitalised words, a comma, and a determiner (the description).
_NAME_THEN_DESC = re.compile(
    r"(?<![\w’'.-])((?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*),\s+(?=(?:an?|the|one)\s)"
)
#: A description opening a sentence: a determiner or possessive, then a lower-case word.
_OPENING_DESC = re.compile(r"(?:The|A|An|Her|His|Their|Its|My|Our)\s+[a-z]")
#: What ends a comma piece.
_PIECE_END = re.compile(r"[,;:!?.\n" + MASK + "]")


def _piece_end(masked: str, pos: int) -> int:
    """Where the comma piece starting at ``pos`` ends (at most MAX_LOOK further)."""
    m = _PIECE_END.search(masked, pos, min(len(masked), pos + MAX_LOOK))
    return m.start() if m else min(len(masked), pos + MAX_LOOK)


def _whole_name(masked: str, a: int, b: int, lex: English) -> tuple[int, int] | None:
    """The name that is all of ``masked[a:b]`` (a title may open it), or None."""
    named = name_in(masked, a, b, lex)
    if named is None or named[0] != a or named[2] != b:
        return None
    return named[1], named[2]


def _name(text: str, span: tuple[int, int], description: str | None) -> Mention:
    na, nb = span
    return Mention("name", text[na:nb], na, nb, na, nb, None, nb, nb, description=description)


def introduced(
    masked: str, text: str, starts: list[int] | None = None, lex: English | None = None
) -> list[Mention]:
    """People introduced by apposition in ``masked``, as mentions without a cue, in text order.

    ``starts`` are the block's sentence starts when the caller has them.
    """
    lex = lex or english()
    out: list[Mention] = []
    for start in sentence_starts(masked, lex) if starts is None else starts:
        if not _OPENING_DESC.match(masked, start):
            continue
        comma = _piece_end(masked, start)
        if masked[comma : comma + 1] != ",":
            continue
        a = comma + 1
        while a < len(masked) and masked[a] == " ":
            a += 1
        b = _piece_end(masked, a)
        if masked[b : b + 1] != ",":
            continue
        verb = masked[b + 1 : b + 3].lstrip()[:1]
        span = _whole_name(masked, a, b, lex)
        if span is not None and verb.islower():
            out.append(_name(text, span, text[start:comma]))
    for m in _NAME_THEN_DESC.finditer(masked):
        span = _whole_name(masked, m.start(1), m.end(1), lex)
        if span is None:
            continue
        end = _piece_end(masked, m.end())
        if lex.anonymous_re.match(masked[m.end() : end]):
            out.append(_name(text, span, text[m.end() : end]))
    out.sort(key=lambda m: m.start)
    return out
