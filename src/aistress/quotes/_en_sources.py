"""English speakers the clause parser misses: relative clauses and transcript turns.

*Relative clauses* (``a message from a reader who said she was…``):

The subject of a cue right after *who* (or after a *who* clause and *and*:
``Ada Byron, who reviews for two venues and says…``) is the noun phrase
before *who*: a name, or, when that phrase is an unnamed source (a
determiner, up to three words and a head noun from the lexicon: *a user*,
*one listener*, *the area chair*), someone who speaks
anonymously, whatever stands before it in the clause (``The inbox filled
with a message from a reader who said…``). Bounded look back: constant work per
cue.

*Transcript turns*: in a paragraph opened by a speaker label (``MORENO:``),
*I* is the label's speaker (``I told one organiser, "…"``); an interview's
answer label (``A:``) is read by :mod:`._interview`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

from aistress.quotes._lexicon import English
from aistress.quotes._types import Cue, Mention, mention

__all__ = ["NameFinder", "first_person_turn", "relative_source", "speaker_label"]

#: Finds a name ending ``masked[a:b]``: ``(prefix_start, name_start, name_end)`` or None.
NameFinder = Callable[[str, int, int], "tuple[int, int, int] | None"]

#: *who* closing the clause before a cue, or a *who* clause and a coordinated verb:
#: ``a user who (said)``, ``Ada Byron, who reviews for two venues and (says)``.
_WHO = re.compile(r"[\s,]+who(?:\s+[^.;:!?\n]*?\s(?:and|but))?\s*$", re.IGNORECASE)
_SENTENCE_END = ".!?;:\n\ue000"
_WORD_START = re.compile(r"(?<!\S)\S")
#: How many words before *who* the unnamed source may start.
_MAX_WORDS = 6


def relative_source(
    masked: str, text: str, a: int, b: int, cue: Cue, lex: English, name_at: NameFinder
) -> Mention | None:
    """The person (named or not) just before a *who* closing ``masked[a:b]``, as a mention.

    ``name_at(masked, a, b)`` finds a name ending ``masked[a:b]`` as
    ``(prefix_start, name_start, name_end)``.
    """
    who = _WHO.search(masked, a, b)
    if who is None:
        return None
    end = who.start()
    # the phrase before *who* may stand before the clause's first comma, not before its sentence
    cut = max(masked.rfind(ch, max(0, end - 80), end) for ch in _SENTENCE_END)
    a = min(a, cut + 1) if cut >= 0 else min(a, max(0, end - 80))
    lo = max(a, end - 80)
    starts = [m.start() for m in _WORD_START.finditer(masked, lo, end)][-_MAX_WORDS:]
    name = _name_ending(masked, starts, end, name_at)
    if name is not None:
        na, nb = name
        owner = _described_owner(masked, na, name_at)
        if owner is not None:
            # Ada Byron, a lecturer at Leeds University, who writes…: the who is Ada Byron
            oa, ob = owner
            desc = " ".join(text[ob:end].strip(" ,").split()) or None
            return mention("name", text[oa:ob], oa, ob, oa, description=desc, cue=cue)
        return mention("name", text[na:nb], na, nb, na, cue=cue)
    found: re.Match[str] | None = None
    at = end
    for k in reversed(starts):  # grow from the head back while it stays one phrase
        anon = lex.anonymous_re.match(masked[k:end])
        if anon:
            found, at = anon, k
        elif found is not None:
            break  # "from a user": the phrase started one word later
    if found is None:
        return None
    return mention(
        "anonymous",
        text[at:end],
        at,
        end,
        at,
        description=text[at:end],
        definite=found.group("det").lower() in ("the", "this", "that"),
        cue=cue,
    )


#: A preposition right before a name: the name belongs to a description (``at Leeds``).
_PREPOSITION_END = re.compile(r"\b(?:at|of|for|from|with|in)\s+$")
_APPOSITION_START = re.compile(r",\s+(?:an?|the)\s", re.IGNORECASE)
#: How far back the name described by an apposition may start.
_MAX_APPOSITION = 200


def _described_owner(masked: str, na: int, name_at: NameFinder) -> tuple[int, int] | None:
    """The name an apposition describes, when the name at ``na`` ends that apposition.

    ``Ada Byron, a lecturer at Leeds University``: the name at ``na``
    (*Leeds University*) follows a preposition; the name ending just before
    the apposition's comma is returned as ``(start, end)``.
    """
    lo = max(0, na - _MAX_APPOSITION)
    prep = _PREPOSITION_END.search(masked, max(lo, na - 12), na)
    if prep is None:
        return None
    comma = masked.rfind(",", lo, prep.start())
    if comma < 0 or not _APPOSITION_START.match(masked, comma):
        return None
    cut = max(lo - 1, *(masked.rfind(ch, lo, comma) for ch in _SENTENCE_END + ","))
    starts = [m.start() for m in _WORD_START.finditer(masked, cut + 1, comma)][-_MAX_WORDS:]
    return _name_ending(masked, starts, comma, name_at)


def _name_ending(
    masked: str, starts: list[int], end: int, name_at: NameFinder
) -> tuple[int, int] | None:
    """The widest run of name words ending at ``end``, trying the word ``starts`` from the last."""
    name: tuple[int, int] | None = None
    for k in reversed(starts):
        named = name_at(masked, k, end)
        if named is None or named[1] != k:
            if name is not None:
                break
            continue
        name = (named[1], named[2])
    return name


def first_person_turn(mentions: Sequence[Mention], label: Mention) -> list[Mention]:
    """``mentions`` with each *I* subject of a speaker's turn replaced by the speaker."""
    return [
        attrs.evolve(
            label,
            cue=m.cue,
            cue_start=m.cue_start,
            cue_end=m.cue_end,
            start=m.start,
            end=m.end,
            weak=m.weak,
        )
        if m.kind == "pronoun" and m.surface == "I"
        else m
        for m in mentions
    ]


_LABEL = re.compile(r"\s*((?:[A-Z][A-Z.'’-]+|Q)(?:\s+[A-Z][A-Z.'’-]+){0,3})\s*:\s")


def speaker_label(masked: str, text: str) -> Mention | None:
    """A transcript label opening a paragraph (``MORENO: …``, ``MS. LEE: …``) as a mention.

    The label, in capitals and followed by a colon, names who speaks the
    paragraph; its quotations are that speaker's. ``Q:`` is the interviewer,
    an unnamed source.
    """
    m = _LABEL.match(masked)
    if not m or m.group(1).rstrip(".") == "A":
        return None
    a, b = m.span(1)
    colon = m.end() - 2
    if m.group(1) == "Q":
        return Mention(
            "anonymous",
            "interviewer",
            a,
            b,
            a,
            m.end(),
            ":",
            colon,
            colon + 1,
            description="interviewer",
        )
    # every part of a hyphenated or apostrophe name: KOVAC-LINDQVIST -> Kovac-Lindqvist
    name = re.sub(r"[^\W\d_]+", lambda w: w.group(0).capitalize(), " ".join(text[a:b].split()))
    return Mention("name", name, a, b, a, m.end(), ":", colon, colon + 1)
