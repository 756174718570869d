"""English titles and given names in quotation marks: words named, not said.

A quotation that a naming construction introduces is the name of a work,
a thing or a term, not anyone's speech, even inside a sentence of reported
speech:

- an explicit naming word right before it: ``titled``, ``entitled``,
  ``codenamed``, ``nicknamed``, ``so-called``, ``known as``, ``billed as``
  (``a report titled “…”``, ``the so-called “…”``);
- a noun for a work right before it (``her essay, “…”``, ``a guide called
  “…”``) when the quoted words are in title case, or a noun for a term
  (``the slogan “…”``, ``the phrase “…”``) before title case or a few words;
- a naming verb and an article (``what staff dubbed the “…”``) before
  words in title case.

The other way round, words right after a cry (``chants of “…”``, ``kept
hollering “…”``) are speech though no cue word attributes them
(:func:`cried_out`), and so are the words a subject gives something after
its verb and object (``Varga praised the plan as a “…”``,
:func:`characterised`).

The look back is bounded (:data:`_LOOK` characters): constant work per
quotation.
"""

from __future__ import annotations

import re

from aistress.quotes._lexicon import english
from aistress.quotes._types import MASK

__all__ = ["characterised", "cried_out", "names_title", "naming_participle"]

_LOOK = 60
_NAMING = re.compile(
    r"\b(?:titled|entitled|codenamed|code-named|nicknamed|so-called|known\s+as|billed\s+as)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.IGNORECASE,
)
_WORK_NOUNS = (
    "essay|guide|report|book|memoir|novel|paper|column|editorial|film|movie|documentary|"
    "show|programme|program|podcast|series|episode|song|album|headline|thread|poem|play|"
    "speech|lecture|course|blog|newsletter|website|campaign|initiative|project|operation|"
    "handbook|manual|study|survey"
)
_TERM_NOUNS = "term|phrase|word|slogan|motto|hashtag|nickname|tagline|catchphrase|codename"
#: A noun for a work (title case must follow) or a term, right before the quotation.
_NOUN_BEFORE = re.compile(
    r"\b(?:(?P<term>" + _TERM_NOUNS + r")|" + _WORK_NOUNS + r"),?\s+"
    r"(?:(?:called|named|dubbed|titled)\s+)?$",
    re.IGNORECASE,
)
_NAMING_VERB = re.compile(
    r"\b(?:dubbed|called|named|labelled|labeled|branded|christened)\s+(?:the|a|an)\s+$"
)
#: A cry right before the quotation: a noun (``chants of``) or a verb (``yelled``).
_CRY = re.compile(
    r"\b(?:(?:chants|chant|cries|cry|shouts|shout|screams|scream|roars|roar)\s+of"
    r"|(?:chanted|chanting|cried|crying|shouted|shouting|yelled|yelling|screamed|screaming|"
    r"roared|roaring|jeered|jeering|hollered|hollering))\s*,?\s*$",
    re.IGNORECASE,
)
#: Words that cannot be the verb of ``VERB OBJECT as “…”``, nor stand inside its object.
_NOT_VERB = (
    r"(?:in|of|for|to|with|on|at|from|by|about|and|or|but|than|as|into|over|under|"
    r"is|was|are|were|be|been|being|has|have|had|such|well|known|that|which|who|whom|"
    r"this|these|those|when|where|while|if|because|since|after|before|until|though)"
)
#: Words that cannot stand inside the object of a characterisation (a clause goes on).
_NOT_OBJECT = (
    r"(?:is|was|are|were|be|been|being|has|have|had|that|which|who|whom|when|where|while|"
    r"if|because|since|though|known|as|and|or|but|such)"
)
#: The object of a characterisation: a pronoun, a noun phrase or a name, then maybe a
#: short aside (``casting her rivals, in turn, as``).
_OBJECT = (
    r"(?:(?:him|her|them|us|me|it|itself|himself|herself|themselves|ourselves"
    r"|(?:the|a|an|his|her|its|their|our)\s+(?:(?!" + _NOT_OBJECT + r"\b)[\w’'-]+\s+){0,6}?"
    r"(?!" + _NOT_OBJECT + r"\b)[\w’'-]+"
    r"|(?:[A-Z][\w’'.-]*\s+){0,2}[A-Z][\w’'-]*(?:\s+(?!" + _NOT_OBJECT + r"\b)[a-z][\w’'-]*)?)"
    r"(?:\s*,\s*(?:in particular|too|also|again|in turn|at times)\s*,)?)"
)
#: A characterisation: a verb, its object, then ``as`` (``praised the plan as a``),
#: or a verb of calling and its object (``calls this the``, ``to call her``).
_CHARACTERISE = re.compile(
    r"\b(?:(?!" + _NOT_VERB + r"\b)[a-z][a-z’'-]+\s+" + _OBJECT + r"\s+as"
    r"|(?:call|calls|called|calling|name|names|named|naming|dub|dubs|dubbed|dubbing"
    r"|label|labels|labelled|labeled|labelling|labeling|brand|brands|branded|branding)\s+"
    r"(?:this|that|" + _OBJECT + r"))\s+(?:(?:a|an|the)\s+)?$"
)
#: The last word before a position (searched in a short window ending there).
_LAST_WORD = re.compile(r"([\w’'-]+)\s*$")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "nor",
        "but",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "vs",
        "is",
        "are",
        "was",
        "be",
        "not",
    ]
)
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*\s*\S")


def _title_case(inner: str) -> bool:
    """Whether every word but the small ones starts with a capital, the first one too."""
    words = _WORD.findall(inner)
    if not words or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _SMALL for w in words)


def _term(inner: str) -> bool:
    """A few words of a term: at most three words, no sentence inside."""
    return len(inner.split()) <= 3 and not _TERMINAL.search(inner)


#: The words one of the naming expressions ends with (its last word, or the one
#: before an article), in lower case.
_NAMING_ENDS = (
    *("titled", "entitled", "codenamed", "code-named", "nicknamed", "so-called", "as"),
    *("called", "named", "dubbed", "labelled", "labeled", "branded", "christened"),
    *_WORK_NOUNS.split("|"),
    *_TERM_NOUNS.split("|"),
)


def _may_name(before: str) -> bool:
    """Whether a naming expression may end ``before``: a quick test before the searches.

    Each expression ends in a space after a word of :data:`_NAMING_ENDS`
    (a whole word, not ``was`` for ``as``), maybe with a comma or
    an article between them; words with letters outside ASCII (which a
    search ignoring case may fold) are always searched.
    """
    if not before[-1:].isspace():
        return False
    words = before.split()[-2:]
    if not words:
        return False
    last = words[-1].lower()
    if last in ("the", "a", "an") and len(words) == 2:
        last = words[0].lower() + " " + last
    return (
        not last.isascii()
        or _ENDS_NAMING.search(last.rstrip(",")) is not None
        or (" " in last and _ENDS_NAMING.search(last.split()[0]) is not None)
    )


#: A word ending with a whole word of :data:`_NAMING_ENDS` (``so-called``, not ``was``).
_ENDS_NAMING = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, _NAMING_ENDS)) + r")\Z")


def names_title(masked: str, start: int, inner: str) -> bool:
    """Whether the quotation starting at ``start`` (its opening mark) is a title or a term.

    ``masked`` is the block's text with its quotations masked; ``inner`` the
    quoted words.
    """
    before = masked[max(0, start - _LOOK) : start]
    if not _may_name(before):
        return False
    if _NAMING.search(before):
        return True
    noun = _NOUN_BEFORE.search(before)
    if noun is not None:
        return _title_case(inner) or (noun.group("term") is not None and _term(inner))
    return bool(_NAMING_VERB.search(before)) and _title_case(inner)


def cried_out(masked: str, start: int) -> bool:
    """Whether a cry stands right before the quotation starting at ``start``.

    ``chants of “…”``, ``cries of “…”``, ``the fans kept roaring “…”``: words
    someone cried out, though no cue word attributes them (a crowd's, more
    often than the sentence subject's). The cry must touch the quotation:
    ``chanted the slogan “…”`` names a slogan.
    """
    return _CRY.search(masked[max(0, start - _LOOK) : start]) is not None


def characterised(masked: str, start: int) -> bool:
    """Whether the quotation starting at ``start`` is the subject's words for something.

    ``Varga praised the plan as a “…”``, ``casting her rival as an “…”``,
    ``describes herself as a “…”``: a verb, its object (a pronoun, a name or
    a noun phrase) and ``as`` right before the quotation; or a verb of
    calling and its object (``Varga calls this the “…”``, ``went on to call
    Ridel “…”``). Not a passive (``was described as a “…”``: no object), a
    name (``known as``), a thing so called (``a group called the “…”``),
    nor a vague group's way of putting it (``some call it a “…”``).
    """
    lo = max(0, start - _LOOK)
    found = _CHARACTERISE.search(masked, lo, start)
    if found is None:
        return False
    # "some call it a “…”", "critics describe her as a “…”": no one's words but the writer's
    before = _LAST_WORD.search(masked, max(0, found.start() - 30), found.start())
    return before is None or before.group(1).lower() not in english().group_words


#: A noun phrase ending right before a cue word: a determiner, up to three
#: words, then the noun (``a rota``, ``the new staff scheme``).
_NOUN_PHRASE = re.compile(
    r"\b(?:a|an|the|this|that|its|his|her|their|our|my|your)\s+(?:[\w’'-]+\s+){0,3}?"
    r"(?P<noun>[a-z][\w’'-]*)\s+$"
)
_PARTICIPLES = frozenset(["called", "named", "dubbed"])
#: A quotation right after the participle, maybe after an article.
_QUOTED_NEXT = re.compile(r"\s+(?:(?:the|a|an)\s+)?" + MASK)


def naming_participle(masked: str, cue_start: int, cue_end: int) -> bool:
    """Whether the cue word at ``masked[cue_start:cue_end]`` names the noun phrase before it.

    ``a rota called the “…”``, ``a scheme named “…”``: a participle right
    after a noun (not a person's role, which may be the subject calling out,
    nor a pronoun or an adverb) and right before a quotation (``masked``
    masks quotations with :data:`MASK`) names a thing; it is no speech cue.
    """
    if masked[cue_start:cue_end].lower() not in _PARTICIPLES:
        return False
    if _QUOTED_NEXT.match(masked, cue_end) is None:
        return False
    found = _NOUN_PHRASE.search(masked, max(0, cue_start - _LOOK), cue_start)
    if found is None:
        return False
    noun = found.group("noun").lower()
    lex = english()
    return not (noun.endswith("ly") or noun in lex.person_heads or noun in lex.pronouns)
