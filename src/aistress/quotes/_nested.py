"""Speech quoted inside a quotation: ``“My manager told me, ‘Ship it by Friday.’”``.

The marks scan keeps only top-level quotations; here the quotations inside
an English direct quote are read again. One becomes a quote of its own,
placed right after the quote that holds it, when a speech cue inside the
outer quote introduces it (``X said, ‘…’``, ``X told me: ‘…’``) or follows
it (``‘…,’ X said``). Its speaker is the cue's subject:

- *I* / *we*: the speaker of the outer quote;
- a name (``Dr Vell said``): that person, the outer quote's speakers' names
  reused when one fits;
- a role with a possessive (``my manager``): anonymous, with that description;
- *he* / *she*: the person the text before the outer quote named last
  (a name, or a role with a possessive), never the outer speaker, and not
  one whose role says the other gender; no speaker when none fits (the
  words are still speech).

A quotation inside a quote with no such cue (a term, a title) is no speech
and gives nothing. Apostrophes are never marks (the scan reads ``'90s``,
``rock 'n' roll`` and ``students' union`` as apostrophes).

Each outer quote is scanned once and the look back is bounded: linear in
the length of the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from aistress.model import Article, Person, Quote, QuoteKind, Span
from aistress.quotes._en_discourse import gender_of_description
from aistress.quotes._lexicon import english
from aistress.quotes._marks import find_marks

__all__ = ["nested_quotes"]

#: Words before a cue that make the speech hypothetical or habitual (``would say``).
_MODAL = re.compile(
    r"(?:(?<![\w’'-])(?:to|can|could|would|will|may|might|must|should|shall|had|never|just|"
    r"cannot)|[’'](?:d|ll)|n[’']t)\s+$",
    re.IGNORECASE,
)
#: Who a cue is said to: ``told me``, ``asked the team``.
_OBJECT = r"(?:\s+(?:me|us|him|her|them|everyone|everybody|(?:the|our|my)\s+[a-z]+))?"
_POSSESSIVE = r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir|[Tt]he|[Aa]n?|[Oo]ne)"
_OWNER = r"(?:[Mm]y|[Oo]ur|[Hh]is|[Hh]er|[Tt]heir)"
_PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)(?![\w’'-])"
_ROLE_PHRASE = rf"{_POSSESSIVE}\s+(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*"
_BOUNDARY = re.compile(r"[.!?;]\s+|[’'”\"]\s+")
_WORDS = re.compile(r"[\w’'-]+")
#: How far before a nested quotation its cue's clause may start.
_CLAUSE = 240
#: How far before an outer quote a *he* or *she* looks for the person meant.
_LOOK_BACK = 1200
#: How many of the latest people named there it weighs.
_CANDIDATES = 12
#: Pronouns and their gender (None: any person).
_PRONOUNS = {"he": "m", "she": "f", "they": None}
_DETERMINERS = frozenset({"my", "our", "his", "her", "their", "the", "a", "an", "one"})
_SELF = frozenset({"i", "we"})
#: A preposition or an article before a capitalised run: a place or an organisation.
_PLACE_BEFORE = re.compile(r"(?:\b(?:at|in|of|for|from|to|with|by|on|a|an|the)\s+(?:the\s+)?)$")
#: A capitalised word inside a sentence (after a word in lower case or a comma).
_MID = re.compile(r"(?<=[a-z,;] )[A-Z][\w’'-]*")
_ROLE = re.compile(rf"(?<![\w’'-]){_OWNER}\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<head>[a-z][\w-]*)")


@attrs.frozen
class _Patterns:
    """The patterns built with the lexicon's cues and titles."""

    #: A cue right before a nested quotation: ``…she said, ‘``, ``…told me: ‘``.
    before: re.Pattern[str]
    #: A cue right after it: ``’ she said``, ``’ said my manager``.
    after: re.Pattern[str]
    #: The subject of a clause: its first words.
    lead: re.Pattern[str]
    #: The subject right before a cue: a pronoun, a name, a possessive role.
    near: tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]
    #: A name: capitalised words, maybe after a title (``Dr. Vell``).
    capitalised: re.Pattern[str]


@functools.cache
def _patterns() -> _Patterns:
    """The cue and subject patterns, with the lexicon's cues and titles.

    A weak cue (``called``, ``asked``) introduces nested words only with a
    comma or a colon before them (``she called me, ‘…’``, not ``a show
    called ‘…’``).
    """
    lex = english()
    strong, weak, cue = lex.strong_cue_words, lex.weak_cue_words, f"(?:{lex.cue_words})"
    name = rf"(?:{lex.title_words}\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){{0,3}}"
    subject = rf"(?:{_ROLE_PHRASE}|{_PRONOUN}|{name})"
    near = [
        re.compile(rf"(?<![\w’'-])({p})\s+(?:\w+ly\s+)?$") for p in (_PRONOUN, name, _ROLE_PHRASE)
    ]
    return _Patterns(
        before=re.compile(rf"(?<![\w’'-])(?:{strong}{_OBJECT}\s*[,:]?|{weak}{_OBJECT}\s*[,:])\s*$"),
        after=re.compile(
            rf"[\s,]*(?:(?P<subj>{subject})\s+(?:\w+ly\s+)?{cue}\b|{cue}\s+(?P<post>{subject}))"
        ),
        lead=re.compile(
            rf"^\s*(?:(?:[Tt]hen|[Aa]nd|[Bb]ut|[Ss]o|[Oo]nce)\s+)?(?P<subj>{subject})\b"
        ),
        near=(near[0], near[1], near[2]),
        capitalised=re.compile(rf"(?<![\w’'-]){name}"),
    )


def _is_role(phrase: str, heads: frozenset[str]) -> bool:
    """Whether ``phrase`` (``her line manager``) names a person by a role."""
    words = phrase.split()
    return bool(words) and words[0].lower() in _DETERMINERS and (words[-1].lower() in heads)


def nested_quotes(article: Article, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """``quotes`` with each English quote followed by the speech quoted inside it."""
    text = article.text
    heads = english().person_heads
    mid: frozenset[str] | None = None
    out: list[Quote] = []
    next_utterance = 1 + max((q.utterance for q in quotes if q.utterance is not None), default=-1)
    for q in quotes:
        out.append(q)
        if q.kind is not QuoteKind.DIRECT or len(q.spans) != 1 or not q.language.startswith("en"):
            continue
        span = q.spans[0]
        inner = text[span.start : span.end]
        if not any(c in inner for c in "‘'\"“"):
            continue
        for mk in find_marks(inner, open_end=False):
            words = inner[mk.inner_start : mk.inner_end]
            if len(_WORDS.findall(words)) < 2 and not words.rstrip().endswith((",", ".", "!", "?")):
                continue
            subject = _cue_subject(inner, mk.start, mk.end, heads)
            if subject is None:
                continue
            if mid is None:
                mid = frozenset(m.group(0) for m in _MID.finditer(text))
            who = _speaker(article, q, subject, span.start, heads, mid)
            if who is None:
                continue
            speaker, anonymous, description = who
            nested = Span(article.id, span.start + mk.inner_start, span.start + mk.inner_end)
            out.append(
                Quote(
                    article.slice(nested),
                    q.language,
                    [nested],
                    speaker=speaker,
                    cue="said",
                    anonymous=anonymous,
                    kind=QuoteKind.DIRECT,
                    description=description,
                    utterance=next_utterance,
                )
            )
            next_utterance += 1
    return tuple(out)


def _cue_subject(inner: str, start: int, end: int, heads: frozenset[str]) -> str | None:
    """The subject of the cue that introduces the quotation at ``start:end`` of ``inner``."""
    before = inner[max(0, start - _CLAUSE) : start]  # a cue's clause is short
    patterns = _patterns()
    cue = patterns.before.search(before)
    if cue is not None:
        clause = before[: cue.start()]
        if _MODAL.search(clause):
            return None  # what someone would say is no speech quoted
        cut = 0
        for b in _BOUNDARY.finditer(clause):
            cut = b.end()
        clause = clause[cut:]
        # the subject right before the cue (and she said), else the clause's first one
        for k, near_re in enumerate(patterns.near):
            near = near_re.search(clause)
            if near is not None and (k != 2 or _is_role(near.group(1), heads)):
                return near.group(1)
        lead = patterns.lead.match(clause)
        if lead is not None and lead.group("subj")[:1].islower():
            return lead.group("subj")  # a pronoun or a role opening the clause
        if lead is not None and lead.group("subj").lower() in (*_PRONOUNS, *_SELF):
            return lead.group("subj")
        return None
    after = patterns.after.match(inner, end)
    if after is not None:
        subj = after.group("subj") or after.group("post")
        if subj and _subject_like(subj):
            return subj
    return None


def _subject_like(phrase: str) -> bool:
    """A pronoun, a name or a possessive role: something that can speak."""
    low = phrase.lower()
    if low in _PRONOUNS or low in _SELF:
        return True
    if low.split()[0] in _DETERMINERS:
        return True
    return phrase[:1].isupper() and low not in {
        "then",
        "and",
        "but",
        "so",
        "it",
        "this",
        "that",
    }


def _speaker(
    article: Article,
    outer: Quote,
    subject: str,
    at: int,
    heads: frozenset[str],
    mid: frozenset[str],
) -> tuple[Person | None, bool, str | None] | None:
    """(speaker, anonymous, description) for the cue subject ``subject``, or None.

    ``mid`` holds the words the text capitalises inside a sentence (names).
    """
    low = subject.lower()
    if low in _SELF:
        return outer.speaker, outer.anonymous, outer.description
    if low in _PRONOUNS:
        # nobody fits before the quote: the words are still speech, of someone unnamed
        found = _antecedent(article.text, at, outer, _PRONOUNS[low], heads)
        return found if found is not None else (None, False, None)
    if _is_role(subject, heads):
        return None, True, subject
    if low.split()[0] in _DETERMINERS:
        return None
    words = subject.split()
    while words and words[0].strip(".") not in mid:
        words = words[1:]  # a word opening the sentence (When, If), not a name
    if not words:
        return None
    return _person(outer, " ".join(words)), False, None


def _person(outer: Quote, name: str) -> Person:
    """The outer quote's speaker when ``name`` is one of its names, else a new person."""
    if outer.speaker is not None and _same(outer.speaker, name):
        return outer.speaker
    return Person(name)


def _same(person: Person, name: str) -> bool:
    last = name.split()[-1]
    return any(n == name or n.split()[-1] == last for n in person.names if n.split())


def _antecedent(
    text: str, at: int, outer: Quote, gender: str | None, heads: frozenset[str]
) -> tuple[Person | None, bool, str | None] | None:
    """The person named last before offset ``at`` whom a *he*/*she* may stand for."""
    lo = max(0, at - _LOOK_BACK)
    window = text[lo:at]
    found: list[tuple[int, int, str, bool]] = []  # (start, end, surface, is_role)
    for m in _patterns().capitalised.finditer(window):
        if _PLACE_BEFORE.search(window, max(0, m.start() - 12), m.start()):
            continue
        found.append((m.start(), m.end(), m.group(0), False))
    found += [
        (m.start(), m.end(), m.group(0), True)
        for m in _ROLE.finditer(window)
        if m.group("head") in heads
    ]
    found.sort()
    for k in range(len(found) - 1, max(-1, len(found) - 1 - _CANDIDATES), -1):
        start, end, surface, role = found[k]
        if role:
            # a role with its name after it (her manager, Dana Vell) is that name
            nxt = found[k + 1] if k + 1 < len(found) else None
            if nxt is not None and not nxt[3] and window[end : nxt[0]].strip() in (",", ""):
                continue
            said = gender_of_description(surface)
            if gender is not None and said is not None and said != gender:
                continue
            if (
                outer.anonymous
                and outer.description
                and outer.description.lower() == surface.lower()
            ):
                continue
            return None, True, surface
        if not _plausible_name(window, start, surface):
            continue
        if outer.speaker is not None and _same(outer.speaker, surface):
            continue
        return Person(surface), False, None
    return None


def _plausible_name(window: str, start: int, surface: str) -> bool:
    """A capitalised run that may be a person: not a pronoun or a word opening a sentence."""
    words = surface.split()
    if len(words) == 1 and words[0].isupper():
        return False  # an acronym: an organisation
    if words[0].lower() in _PRONOUNS or words[0].lower() in _SELF:
        return False
    if words[0] in (
        "The",
        "A",
        "An",
        "This",
        "That",
        "It",
        "In",
        "At",
        "On",
        "But",
        "And",
    ):
        return False
    before = window[:start].rstrip()
    if len(words) >= 2 or (before and before[-1] not in ".!?\n“\"‘'"):
        return True
    # one word opening a sentence: a family name when the text gives it in full
    return re.search(rf"[A-Z][\w’'-]+\s+{re.escape(words[0])}(?![\w’'-])", window) is not None
