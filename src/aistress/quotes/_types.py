"""Internal records shared by the language parsers and the extractor."""

from __future__ import annotations

import attrs

__all__ = ["MASK", "Mention"]

#: Stands in for every character of a quotation (marks included) in masked text.
MASK = "\ue000"


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Mention:
    """Someone introduced as speaking: a subject and a cue, in one block.

    Offsets count in the block's text. ``kind`` is ``"name"``, ``"pronoun"``,
    ``"anonymous"`` or ``"group"`` (a plural subject, never a speaker).
    ``start`` is where the attribution clause starts (the subject, or the
    cue when the subject follows it); ``end`` is where it stops.
    """

    kind: str
    surface: str
    name_start: int
    name_end: int
    start: int
    end: int
    cue: str | None
    cue_start: int
    cue_end: int
    description: str | None = None
    gender: str | None = None
    aliases: tuple[str, ...] = ()
    weak: bool = False
    definite: bool = False


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Cue:
    """Where a cue is and where its attribution clause ends (block offsets)."""

    word: str
    start: int
    end: int
    clause_end: int
    weak: bool = False


def mention(
    kind: str,
    surface: str,
    name_start: int,
    name_end: int,
    start: int,
    *,
    cue: Cue,
    description: str | None = None,
    gender: str | None = None,
    aliases: tuple[str, ...] = (),
    definite: bool = False,
) -> Mention:
    """Build a :class:`Mention` for a subject introduced by ``cue``."""
    return Mention(
        kind,
        surface,
        name_start,
        name_end,
        start,
        cue.clause_end,
        cue.word,
        cue.start,
        cue.end,
        description=description,
        gender=gender,
        aliases=aliases,
        weak=cue.weak,
        definite=definite,
    )
