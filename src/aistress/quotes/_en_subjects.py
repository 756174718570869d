"""English people a sentence introduces without a cue, for later pronouns.

Subjects (:func:`find_subjects`): a name or an unnamed source opening a
sentence (``Nadia Ferreira has started…``, ``A caller rang in…``, ``His
deputy Ada Byron disagreed.``).

Appositions (:func:`introduced`), two shapes common in news and features:

- a description opening the sentence, then the name alone in its comma
  piece, then the verb: ``Her co-lead, Ada Byron, felt differently.``
  (the name is the sentence's subject);
- a name followed by a description whose head is a person's (the lexicon's
  unnamed-source heads: *professor*, *engineer*, *spokesperson*…), wherever
  it stands: ``…came from Ada Byron, an associate professor at Leeds, who…``.

Such mentions carry no cue: they help resolve a later *he* or *she*. Each
function is one pass over the block's sentence starts or one scan of a
compiled expression; each look is bounded by
:data:`~aistress.quotes._english.MAX_LOOK` characters.
"""

from __future__ import annotations

import functools
import re

from aistress.quotes._english import (
    _CONJ,
    _FUNCTION,
    MAX_LOOK,
    _clause_end,
    _is_name_token,
    name_in,
    sentence_starts,
)
from aistress.quotes._lexicon import English, english, load
from aistress.quotes._types import MASK, Mention

__all__ = ["find_subjects", "introduced"]

#: Up to four capitalised words, a comma, and a determiner (the description).
#: The capital comes first and the check of what precedes it second (``(?<!….)``
#: looks back over both), so the engine skips to capitals instead of trying
#: the expression at every character.
_NAME_THEN_DESC = re.compile(
    r"([A-Z](?<![\w’'.-].)(?:[\w’'.-]*\s+[A-Z]){0,3}[\w’'-]*),\s+(?=(?:an?|the|one)\s)"
)
#: A description opening a sentence: a determiner or possessive, then a lower-case word.
_OPENING_DESC = re.compile(r"(?:The|A|An|Her|His|Their|Its|My|Our|One|Another)\s+[a-z]")
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
        span = _whole_name(masked, a, b, lex) if verb.islower() else None
        if span is not None:
            out.append(_name(text, span, text[start:comma]))
    for m in _NAME_THEN_DESC.finditer(masked):
        end = _piece_end(masked, m.end())
        if not lex.anonymous_re.match(masked[m.end() : end]):
            continue  # (the cheaper test first)
        span = _whole_name(masked, m.start(1), m.end(1), lex)
        if span is not None:
            out.append(_name(text, span, text[m.end() : end]))
    out.sort(key=lambda m: m.start)
    return out


def find_subjects(
    masked: str, text: str, lex: English | None = None, *, after: int | None = None
) -> list[Mention]:
    """People who open a sentence as its subject, with no cue.

    A name of two or more capitalised words (``Nadia Ferreira has started…``)
    or an unnamed source (``An engineer at a third lab, who…``) at the start
    of a sentence. They help resolve a later *he* or *she*; a name counts
    only if the article also quotes or cites that person (checked by the
    caller). ``after`` is one more place where a sentence starts (after a
    transcript label, ``ANA: A listener wrote…``). Linear in the length of the block.
    """
    lex = lex or english()
    firsts = _determiner_firsts() if lex is english() else None
    out: list[Mention] = []
    starts = sentence_starts(masked, lex)
    starts = sorted({*starts, *_after_quoted_sentences(masked, text)})
    if after is not None:
        blank = _BLANK.match(masked, after)
        after = blank.end() if blank else after
        starts = sorted({*starts, after})
    for start in starts:
        end = _clause_end(masked, start, commas=True, starts=starts)
        conj = _CONJ.match(masked, start, end)
        a = conj.end() if conj else start
        segment = masked[a:end]
        tokens = list(_NON_SPACE.finditer(segment))
        b = a + len(segment.rstrip())
        anon = None
        if firsts is None or not tokens or _may_open_source(tokens[0].group(0), firsts):
            anon = lex.anonymous_re.match(segment.rstrip())
            if anon is None:
                b, anon = _unnamed_before_verb(segment, tokens, lex)
                b += a
        if anon and anon.group("det").lower() not in ("the", "this", "that"):
            out.append(
                Mention("anonymous", text[a:b], a, b, a, b, None, b, b, description=text[a:b])
            )
            continue
        run = []
        for tok in tokens:
            word = tok.group(0).rstrip(",")
            if _is_name_token(word, lex) and word not in lex.not_names:
                run.append(tok)
                if tok.group(0).endswith(","):
                    break
            else:
                break
        comma = masked[end : end + 1] == ","
        followed = len(run) < len(tokens) or segment.rstrip().endswith(",") or comma
        if (2 <= len(run) <= 4 and followed) or _verb_after(run, tokens):
            na = a + run[0].start()
            nb = a + run[-1].end() - (1 if run[-1].group(0).endswith(",") else 0)
            out.append(Mention("name", text[na:nb], na, nb, na, nb, None, nb, nb))
        elif not run:
            role = _ROLE_THEN_NAME.match(masked, a, end)
            if role is not None:  # His colleague Ada Byron disagreed.
                na, nb = role.span(1)
                desc = text[a:na].strip()
                out.append(Mention("name", text[na:nb], na, nb, na, nb, None, nb, nb, desc))
    return out


@functools.cache
def _determiner_firsts() -> frozenset[str]:
    """The first words of the English lexicon's unnamed-source determiners (``a``, ``one``…).

    Its expression for an unnamed source opens with one of them and a space.
    """
    return frozenset(d.split()[0].lower() for d in load("en")["anonymous_determiners"])


def _may_open_source(word: str, firsts: frozenset[str]) -> bool:
    """Whether a segment opening with ``word`` may open with an unnamed source's determiner.

    A word with letters outside ASCII may match one ignoring case (``ı`` for
    ``i``): the expression is tried.
    """
    return not word.isascii() or word.lower() in firsts


def _verb_after(run: list[re.Match[str]], tokens: list[re.Match[str]]) -> bool:
    """A one-word name opening a sentence right before its verb (``Tobin rubbed his eyes.``).

    The verb is a lower-case word that is no function word and ends as a
    verb in the past tense does (*-ed*; a plural noun ends in *-s* too:
    ``Ten questions for…``).
    """
    if len(run) != 1 or len(tokens) < 2 or run[0].group(0).endswith(","):
        return False
    verb = tokens[1].group(0)
    return verb[:1].islower() and verb not in _FUNCTION and verb.endswith("ed")


_QUOTE_THEN_CAPITAL = re.compile(MASK + r"\s+(?=[A-Z])")


def _after_quoted_sentences(masked: str, text: str) -> list[int]:
    """Where a sentence starts after a quotation that ends one (``…was “on track.” His…``)."""
    out = []
    for m in _QUOTE_THEN_CAPITAL.finditer(masked):
        close = m.start()  # the closing mark; the quoted words end just before it
        if text[close - 1 : close] in (".", "!", "?", "…"):
            out.append(m.end())
    return out


#: A role opening a sentence, then a name of two to four words and its verb.
_ROLE_THEN_NAME = re.compile(
    r"(?:His|Her|Their|Its|Our|My|The)\s+(?:[a-z][\w’'-]*\s+){1,3}"
    r"((?:[A-Z][\w’'-]*\s+){1,3}[A-Z][\w’'-]*)\s+[a-z]"
)


_BLANK = re.compile(r"\s*")
_NON_SPACE = re.compile(r"\S+")
#: How many words an unnamed source opening a sentence may have before its verb.
_MAX_UNNAMED_WORDS = 5


def _unnamed_before_verb(
    segment: str, tokens: list[re.Match[str]], lex: English
) -> tuple[int, re.Match[str] | None]:
    """An unnamed source opening ``segment`` and followed by its verb (``A listener sent…``).

    Returns where the source ends in ``segment`` and its match, or ``(0, None)``.
    """
    for k in range(1, min(len(tokens) - 1, _MAX_UNNAMED_WORDS)):
        verb = tokens[k + 1].group(0)
        if not verb[:1].islower() or verb.lower() in _FUNCTION:
            continue
        anon = lex.anonymous_re.match(segment, 0, tokens[k].end())
        if anon is not None:
            return tokens[k].end(), anon
    return 0, None
