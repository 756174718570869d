"""The role and affiliation in an English speaker's description (``a data engineer at Nimbix``)."""

from __future__ import annotations

import functools
import re

from aistress.quotes._lexicon import English, english

__all__ = ["ACRONYM", "describe"]

#: An acronym: a role (``CEO``) or an organisation (``NASA``) inside a description.
ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def _cap_runs(tokens: list[str], lex: English) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if tokens[i][:1].isupper():
            j = i + 1
            while j < len(tokens):
                if tokens[j][:1].isupper():
                    j += 1
                elif (
                    tokens[j].lower() in lex.name_connectors
                    and j + 1 < len(tokens)
                    and tokens[j + 1][:1].isupper()
                ):
                    j += 2
                else:
                    break
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


@functools.lru_cache(maxsize=4096)
def describe(desc: str) -> tuple[str | None, str | None]:
    """``(role, affiliation)`` of an English speaker's description.

    Each description is read once (the entity tracker and the speaker's
    record both ask; a process keeps the latest few thousand answers).

    The role runs up to a word that ends it (``at``, ``who``…); the
    affiliation is the capitalised run after a marker such as ``at``, else
    the words after ``at``. A description of capitalised words alone is a
    role, with an organisation before an acronym (``Google CEO``):

    >>> [describe(d) for d in ("a data engineer at cloud vendor Nimbix", "Google CEO")]
    [('data engineer', 'Nimbix'), ('CEO', 'Google')]
    >>> describe("a tester working at a small robotics startup")
    ('tester', 'small robotics startup')
    """
    lex = english()
    tokens = [t.strip(",;") for t in desc.split()]
    tokens = [t for t in tokens if t]
    if not tokens or tokens[0].lower() in ("who", "which", "whose", "however", "though"):
        return None, None
    if tokens[0].lower() in ("a", "an", "the"):
        tokens = tokens[1:]
    if tokens and all(t[:1].isupper() for t in tokens):
        # a prefix such as "Google CEO" or "CEO"
        if len(tokens) > 1 and ACRONYM.match(tokens[-1]):
            return tokens[-1], " ".join(tokens[:-1])
        return " ".join(tokens), None
    k = 0
    while k < len(tokens) and tokens[k].lower() not in lex.role_stops:
        k += 1
    role = " ".join(tokens[:k]) or None
    rest = tokens[k:]
    fallback: str | None = None
    for i, tok in enumerate(rest):
        if tok.lower() not in lex.affiliation_markers:
            continue
        phrase = rest[i + 1 :]
        stop = next(
            (
                j
                for j, t in enumerate(phrase)
                if t.lower() in lex.role_stops and j > 0 and t.lower() not in lex.name_connectors
            ),
            len(phrase),
        )
        for a, b in _cap_runs(phrase, lex):
            after = phrase[b] if b < len(phrase) else None
            if after is None or after.lower() in lex.role_stops or not after[:1].isalpha():
                return role, " ".join(phrase[a:b])
        if fallback is None and tok.lower() == "at":
            words = phrase[:stop]
            if words and words[0].lower() in ("a", "an", "the"):
                words = words[1:]
            fallback = " ".join(words) or None
    return role, fallback
