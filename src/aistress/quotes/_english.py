"""English attribution: who is introduced as speaking, where, with which cue.

Works on *masked* block text, in which every quotation (marks included) is
replaced by :data:`~aistress.quotes._types.MASK` characters of the same
length, so cue verbs inside quotations are never seen and every offset is an
offset of the real text. Each function is one left-to-right pass or a
bounded look around one cue: linear in the length of the block.
"""

from __future__ import annotations

import bisect
import re

import attrs

from aistress.quotes._en_cues import INITIAL as _INITIAL
from aistress.quotes._en_cues import WORD_HEAD as _WORD_HEAD
from aistress.quotes._en_cues import after_cue, cue_matches, sentence_starts
from aistress.quotes._en_describe import ACRONYM as _ACRONYM
from aistress.quotes._en_describe import describe
from aistress.quotes._en_discourse import written_by
from aistress.quotes._en_sources import relative_source
from aistress.quotes._lexicon import English, english
from aistress.quotes._types import MASK, Cue, Mention, mention

__all__ = [
    "MAX_LOOK",
    "after_cue",
    "cue_matches",
    "describe",
    "find_mentions",
    "is_short",
    "pronoun_start",
    "sentence_starts",
]

#: How far a clause is followed from a cue, in characters (keeps every look bounded).
MAX_LOOK = 300
#: Everything up to the last character that ends a clause (greedy: one backward step in C).
_TO_LAST_DELIM = re.compile("(?s:.*)[" + re.escape(";:—–()[]\n" + MASK) + "]")
_TOKEN = re.compile(r"[^\s,]+")
_CONJ = re.compile(r"(?:and|but|so|yet|or|meanwhile|still|now|then|also)\b\s*", re.IGNORECASE)
#: Conjunctions and subordinators opening the clause of a cue (``But when the chair says``).
_LEAD = re.compile(
    r"(?:(?:and|but|so|yet|or|meanwhile|still|now|then|also|when|whenever|if|because|while|"
    r"although|though|as|since|after|before|once|whereas|unless|until|where)\b\s*)+",
    re.IGNORECASE,
)
_FUNCTION = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "at",
        "in",
        "on",
        "with",
        "for",
        "from",
        "to",
        "by",
        "who",
        "which",
        "that",
        "than",
        "and",
        "or",
        "but",
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "some",
        "many",
        "most",
        "this",
        "these",
        "those",
        "its",
        "it",
        "their",
        "his",
        "her",
        "our",
    ]
)
_OBJECTS = frozenset(["me", "us", "him", "her", "them", "reporters"])
_STRIP = " \t\n,\"“”‘’'()[]"
_PRONOUN_START = re.compile(r"\s*(He|She)\b")
_LOWER_START = re.compile(r"^[\s\[(…\.'\"‘“-]*(?:\[[^\]]*\]\s*)*[a-z]")


def _clause_start(masked: str, cue_start: int, starts: list[int]) -> int:
    start = max(starts[bisect.bisect_right(starts, cue_start) - 1], cue_start - MAX_LOOK)
    cut = _TO_LAST_DELIM.match(masked, start, cue_start)
    return start if cut is None else cut.end()


#: What ends a clause after a cue, without and with commas.
_CLAUSE_STOP = re.compile("[;:!?" + MASK + "—\n]")
_CLAUSE_STOP_COMMA = re.compile("[;:!?" + MASK + "—\n,]")


def _clause_end(masked: str, pos: int, *, commas: bool, starts: list[int]) -> int:
    k = bisect.bisect_right(starts, pos)
    sentence_end = starts[k] if k < len(starts) else len(masked)
    stop = (_CLAUSE_STOP_COMMA if commas else _CLAUSE_STOP).search(
        masked, pos, max(pos, min(sentence_end, pos + MAX_LOOK))
    )
    if stop is not None:
        return stop.start()
    return _sentence_tail(masked, pos, sentence_end)


def _clause_ends(masked: str, pos: int, starts: list[int]) -> tuple[int, int]:
    """:func:`_clause_end` without and with commas, by one search unless a comma comes first."""
    k = bisect.bisect_right(starts, pos)
    sentence_end = starts[k] if k < len(starts) else len(masked)
    limit = max(pos, min(sentence_end, pos + MAX_LOOK))
    stop = _CLAUSE_STOP_COMMA.search(masked, pos, limit)
    if stop is None:
        end = _sentence_tail(masked, pos, sentence_end)
        return end, end
    if masked[stop.start()] != ",":
        return stop.start(), stop.start()
    plain = _CLAUSE_STOP.search(masked, stop.start() + 1, limit)  # none stands before the comma
    return plain.start() if plain else _sentence_tail(masked, pos, sentence_end), stop.start()


def _sentence_tail(masked: str, pos: int, sentence_end: int) -> int:
    """Where a clause from ``pos`` with no stop ends: its sentence's end, without the period."""
    if sentence_end - pos > MAX_LOOK:
        return pos + MAX_LOOK
    j = sentence_end
    while j > pos and (masked[j - 1].isspace() or masked[j - 1] in '"”’)]'):
        j -= 1
    if j > pos and masked[j - 1] in ".!?…":
        j -= 1
    return j


def _segments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Comma-separated pieces of ``text[start:end]``, trimmed, as offsets."""
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        comma = text.find(",", pos, end)
        stop = end if comma < 0 else comma
        a, b = pos, stop
        while a < b and text[a] in _STRIP:
            a += 1
        while b > a and text[b - 1] in _STRIP:
            b -= 1
        if a < b:
            out.append((a, b))
        if comma < 0:
            break
        pos = comma + 1
    return out


_PARTY_STATE = re.compile(r"^[RDI]-[A-Z][A-Za-z.]*,?$")


def _is_name_token(tok: str, lex: English) -> bool:
    if not tok or not tok[0].isupper():
        return False
    if tok.isalpha():  # most words: letters only (no letter is a digit, none a mark)
        return True
    if any(ch.isdigit() for ch in tok):
        return False
    if _PARTY_STATE.match(tok):
        return False  # Sen. Dana Moreno, R-Ariz.: the party and state, not a name
    if tok.endswith(("’s", "'s", "s’", "s'")):
        return False
    return all(ch.isalpha() or ch in ".-’'" for ch in tok)


def name_in(text: str, a: int, b: int, lex: English) -> tuple[int, int, int] | None:
    """Find a name ending ``text[a:b]``: ``(prefix_start, name_start, name_end)``.

    The words before the name (a role such as ``CEO`` or ``AI researcher``)
    form the prefix; it may hold no function words and at most four words.
    """
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text, a, b)]
    if not tokens:
        return None
    k = len(tokens)
    while k > 0:
        tok = tokens[k - 1][2]
        if (
            _is_name_token(tok, lex)
            or _INITIAL.match(tok)
            or (tok in lex.name_particles and k < len(tokens) and k - 1 > 0)
        ):
            k -= 1
        else:
            break
    run = tokens[k:]
    while run and (run[0][2] in lex.name_particles or run[0][2] in lex.not_names):
        if lex.title_re.fullmatch(run[0][2]):
            break
        run = run[1:]
    while run and lex.title_re.fullmatch(run[0][2]) and len(run) > 1:
        run = run[1:]
    if not run or all(t[2] in lex.not_names or lex.title_re.fullmatch(t[2]) for t in run):
        return None
    # "Google CEO Sundar Pichai": an acronym inside the run is a role.
    for j in range(len(run) - 2, -1, -1):
        if _ACRONYM.match(run[j][2]):
            run = run[j + 1 :]
            break
    prefix = [t for t in tokens if t[1] <= run[0][0]]
    if len(prefix) == 1 and prefix[0][2].lower() == "the" and len(run) > 1:
        return (prefix[0][0], run[0][0], run[-1][1])  # the Halden Institute: an organisation
    if len(prefix) > 4 or any(t[2].lower() in _FUNCTION for t in prefix):
        return None
    if any(t[2] in lex.not_names and t is prefix[0] and len(prefix) == 1 for t in prefix):
        prefix = []
    return (prefix[0][0] if prefix else run[0][0], run[0][0], run[-1][1])


def _strip_adverbials(text: str, a: int, b: int, lex: English) -> int:
    while True:
        # the last word of text[a:b], spaces aside (one reversed match, not a search)
        chunk = text[a:b].rstrip()
        word = _WORD_HEAD.match(chunk[::-1])
        start = len(chunk) - word.end() if word is not None else 0
        if start <= 0 or chunk[start:].lower() not in lex.adverbials:
            return b
        b = a + start
        while b > a and text[b - 1].isspace():
            b -= 1


def find_mentions(
    masked: str,
    text: str,
    lex: English | None = None,
    cues: list[re.Match[str]] | None = None,
) -> list[Mention]:
    """Every cue in ``masked`` with the subject it introduces, in text order.

    ``cues`` are the block's :func:`cue_matches` when the caller has them.
    """
    lex = lex or english()
    starts = sentence_starts(masked, lex)
    out: list[Mention] = []
    for m in cue_matches(masked, lex) if cues is None else cues:
        cue = m.group(0)
        low = cue.lower()
        cs, ce = m.span()
        weak = low in lex.weak_cues
        cstart = _clause_start(masked, cs, starts)
        plain_end, comma_end = _clause_ends(masked, ce, starts)
        after = Cue(cue, cs, ce, plain_end, weak)
        if low == "according to":
            found = _after_cue(masked, text, attrs.evolve(after, weak=False), lex)
            if found:
                out.append(found)
            continue
        b = _strip_adverbials(masked, cstart, cs, lex)
        before = Cue(cue, cs, ce, comma_end, weak)
        if not masked[cstart:b].strip(_STRIP):
            found = _after_cue(masked, text, after, lex)
        elif (found := written_by(masked, text, cstart, before)) is not None:
            pass  # The letter, published by Nimbix, reads:
        else:
            found = _before_cue(masked, text, cstart, b, before, lex)
        if found is None:
            s0 = starts[bisect.bisect_right(starts, cs) - 1]
            found = _opening_name(masked, text, max(s0, cs - MAX_LOOK), before)
        if found:
            out.append(found)
    return out


def _leading_name(masked: str, a: int, b: int, lex: English) -> tuple[int, int] | None:
    """A name opening ``masked[a:b]`` and followed by a lower-case word: its offsets.

    Its words are read as far as the name goes and one more, not to ``b``.
    """
    words = _TOKEN.finditer(masked, a, b)
    toks: list[re.Match[str]] = []

    def has(k: int) -> bool:  # whether the piece has a k-th word (read up to it)
        while len(toks) <= k:
            word = next(words, None)
            if word is None:
                return False
            toks.append(word)
        return True

    k = 0
    while has(k + 1) and lex.title_re.fullmatch(toks[k].group(0)):
        k += 1
    first = k
    while has(k) and (_is_name_token(toks[k].group(0), lex) or _INITIAL.match(toks[k].group(0))):
        k += 1
    if k == first or not has(k) or toks[first].group(0) in lex.not_names:
        return None
    if not toks[k].group(0)[:1].islower():
        return None
    return toks[first].start(), toks[k - 1].end()


#: A capitalised word opening a sentence that is no name: a participle or an adverb.
_NOT_NAME_SHAPE = re.compile(r"[A-Z][a-z]+(?:ing|ed|ly)$")


def _opening_name(masked: str, text: str, a: int, cue: Cue) -> Mention | None:
    """The name opening a comma-separated piece of the sentence before ``cue``.

    The subject of a sentence whose cue has none of its own: ``Varga stepped
    up her emphasis…, saying, “…”``, ``Here in Leeds, Varga warned…``.
    The name must be followed by a lower-case word (its verb).
    """
    lex = english()
    for sa, sb in _segments(masked, a, cue.start):
        conj = _CONJ.match(masked, sa, sb)
        found = _leading_name(masked, conj.end() if conj else sa, sb, lex)
        if found is None:
            continue
        na, nb = found
        if _NOT_NAME_SHAPE.fullmatch(masked[na:nb]):
            continue
        return mention("name", text[na:nb], na, nb, na, cue=cue)
    return None


_SUBJECT_PRONOUN = re.compile(r"(he|she)\s+[a-z]", re.IGNORECASE)
#: Whose words a statement noun brings (``Ada Byron's statement``, ``a statement from Nimbix``).
_STATEMENT = (
    r"(?:[a-z]+\s+){0,2}?(?:statement|response|reply|answer|message|tweet|post|letter|email|"
    r"note|remark|comment|word|testimony|memo|release|announcement|interview|verdict|reaction|"
    r"view|advice|warning|assessment|explanation|submission|filing)s?"
)
_POSSESSIVE_STATEMENT = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.-]*)['’]s?\s+" + _STATEMENT + r"\b"
)
#: His or her statement: the owner is the pronoun's referent (``His reply was blunt: “…”``).
_PRONOUN_STATEMENT = re.compile(r"(his|her)\s+" + _STATEMENT + r"\b", re.IGNORECASE)
_STATEMENT_FROM = re.compile(r"(?:an?|the)\s+" + _STATEMENT + r"\s+(?:from|by|of)\s+")
#: Whose words follow *according to* (``Nimbix's statement``, ``the union's submission``).
_OWNED_STATEMENT = re.compile(r"(.+?)['’]s?\s+" + _STATEMENT)


def sentence_subject(masked: str, text: str, start: int, pos: int) -> Mention | None:
    """The subject opening the sentence at ``start`` (or a comma piece of it) before ``pos``.

    A name followed by a lower-case word (its verb), or *he*/*she*; a mention
    without a cue, for a quotation the sentence reports without a speech verb.
    """
    lex = english()
    for sa, sb in _segments(masked, max(start, pos - MAX_LOOK), pos):
        conj = _CONJ.match(masked, sa, sb)
        a = conj.end() if conj else sa
        owner = _POSSESSIVE_STATEMENT.match(masked, a, sb)
        if owner is not None:
            na, nb = owner.span(1)
            return Mention("name", text[na:nb], na, nb, na, nb, None, na, na)
        pron = _SUBJECT_PRONOUN.match(masked, a, sb)
        if pron is not None:
            return _pronoun(text[a : pron.end(1)], a)
        owner = _PRONOUN_STATEMENT.match(masked, a, sb)
        if owner is not None:
            gender = "m" if owner.group(1).lower() == "his" else "f"
            surface = text[a : owner.end(1)]
            return Mention("pronoun", surface, a, owner.end(1), a, a, None, a, a, gender=gender)
        found = _leading_name(masked, a, sb, lex)
        if found is not None and not _NOT_NAME_SHAPE.fullmatch(masked[found[0] : found[1]]):
            na, nb = found
            return Mention("name", text[na:nb], na, nb, na, nb, None, na, na)
    return None


#: A name and a colon right before a quotation (``Dana Whitfield: “…”``).
_COLON_LABEL = re.compile(r":\s*" + MASK)


def colon_labels(
    masked: str, text: str, taken: list[int], lex: English | None = None
) -> list[Mention]:
    """A name ending its clause with a colon right before a quotation: the colon is the cue.

    ``taken`` are the cue starts already found (sorted): a clause with a cue
    of its own is left alone. Linear in the length of the block.
    """
    lex = lex or english()
    out: list[Mention] = []
    for m in _COLON_LABEL.finditer(masked):
        k = m.start()
        low = max(0, k - 80)
        cut = max(masked.rfind(ch, low, k) for ch in ".;!?\n-—–" + MASK)
        a = low if cut < 0 else cut + 1
        i = bisect.bisect_left(taken, a)
        if i < len(taken) and taken[i] < k:
            continue
        named = name_in(masked, a, k, lex)
        if named is None or masked[named[0] : named[2]] != masked[a:k].strip(_STRIP):
            continue
        _, na, nb = named
        out.append(mention("name", text[na:nb], na, nb, na, cue=Cue(":", k, k + 1, k + 1)))
    return out


def _before_cue(
    masked: str, text: str, cstart: int, b: int, common: Cue, lex: English
) -> Mention | None:
    """The subject ending the clause ``masked[cstart:b]`` before a cue (``Ada Byron said``).

    Conjunctions and subordinators opening the clause (``but when``, ``as``)
    are no part of the subject, but the attribution clause starts with them.
    """
    segs = _segments(masked, cstart, b)
    if not segs:
        return None
    first_a, first_b = segs[0]
    conj = _LEAD.match(masked[first_a:first_b])
    if conj and conj.end() < first_b - first_a:
        segs[0] = (first_a + conj.end(), first_b)
    found = _subject(masked, text, segs, common, lex)
    if found is not None and found.start == segs[0][0] != first_a:
        found = attrs.evolve(found, start=first_a)
    return found


def _subject(
    masked: str, text: str, segs: list[tuple[int, int]], common: Cue, lex: English
) -> Mention | None:
    """The subject of a cue in the comma pieces ``segs`` of the clause before it."""
    la, lb = segs[-1]
    last = masked[la:lb]
    low = last.lower()
    if low in lex.pronouns:
        gender = lex.pronouns[low]
        kind = "group" if low in ("they", "we") else "pronoun"
        return mention(kind, last, la, lb, la, gender=gender, cue=common)
    named = name_in(masked, la, lb, lex)
    if (
        named
        and len(segs) > 2
        and masked[lb : lb + 1] == ","
        and _PLACE_BEFORE.search(masked, segs[-2][0], segs[-2][1])
    ):
        named = None  # Ada Byron, of Leeds, West Yorkshire, said: the region is no speaker
    if named and not (len(segs) > 1 and named[0] > la):
        pa, na, nb = named
        desc = text[pa:na].strip() or None
        if desc is not None and desc.lower() == "the":
            desc = None
        if (
            desc is None
            and len(segs) > 1
            and lex.anonymous_re.match(masked[segs[0][0] : segs[0][1]])
        ):
            desc = ", ".join(text[x:y] for x, y in segs[:-1])
        return mention(
            "name", text[na:nb], na, nb, pa if len(segs) == 1 else la, description=desc, cue=common
        )
    relative_name = _RELATIVE_NAME.search(masked, la, lb)
    if relative_name is not None and masked[lb : lb + 1] != ",":
        # shedding what Ada Byron called “…”, as Ada Byron put it: the name right before the cue
        named = name_in(masked, relative_name.start(1), lb, lex)
        if named is not None and named[0] == relative_name.start(1):
            pa, na, nb = named
            return mention("name", text[na:nb], na, nb, relative_name.start(), cue=common)
    if len(segs) > 1 and not _opening_adverbial(masked, segs, lb):
        sa, sb = segs[0]
        named = name_in(masked, sa, sb, lex)
        if named and named[0] == sa:
            return _described_name(text, named, segs, sa, common)
    appositive = _appositive(masked, text, segs, common, lex)
    if appositive is not None:
        return appositive
    if len(segs) > 2 and lex.anonymous_re.match(masked[segs[0][0] : segs[0][1]]):
        sa, sb = segs[1]
        named = name_in(masked, sa, sb, lex)
        if named and named[1] == sa and named[2] == sb:  # The chair, Ada Byron, pressed…
            desc = text[segs[0][0] : segs[0][1]]
            return mention("name", text[sa:sb], sa, sb, segs[0][0], description=desc, cue=common)
    for sa, sb in (segs[-1], segs[0]):
        anon = lex.anonymous_re.match(masked[sa:sb])
        if anon:
            start = segs[0][0] if (sa, sb) == segs[0] else sa
            return _anonymous(text, anon, sa, sb, start, common)
    if len(segs) > 1 and _opening_adverbial(masked, segs, lb):
        # Outside, a courier in a green coat shouted: an unnamed source of any role
        return mention(
            "anonymous",
            text[la:lb],
            la,
            lb,
            la,
            description=text[la:lb],
            definite=low.startswith("the "),
            cue=common,
        )
    relative = relative_source(
        masked, text, segs[0][0], lb, common, lex, lambda t, x, y: name_in(t, x, y, lex)
    )
    if relative is not None:
        return relative
    words = {w.lower().strip(".") for x, y in segs for w in masked[x:y].split()}
    if words & lex.group_words:
        return mention("group", last, la, lb, la, cue=common)
    return None


def _opening_adverbial(masked: str, segs: list[tuple[int, int]], lb: int) -> bool:
    """Whether the clause opens with one word and a comma before a subject of its own.

    ``Outside, a courier shouted``: the last piece (a noun phrase with its
    determiner) runs into the cue with no comma, so it is the subject and the opening
    word an adverbial; ``Vell, a nurse, said`` closes its description with a
    comma and stays a name.
    """
    sa, sb = segs[0]
    la = segs[-1][0]
    return (
        masked[lb : lb + 1] != ","
        and " " not in masked[sa:sb]
        and _DETERMINED.match(masked[la:lb]) is not None
    )


#: A noun phrase opening with its determiner (``a courier in a green coat``).
_DETERMINED = re.compile(r"(?:a|an|the|one|another)\s+[a-z]")
#: A comma piece that describes the name before it: lower case, or a determiner first.
_DESCRIPTION = re.compile(r"(?:[a-z]|(?:A|An|The|Its|Her|His|Their)\s)")


_WHO = frozenset(["who", "whose"])
#: Words that may open the description after a name (``Ada Byron, a lecturer at Leeds, said``).
_ARTICLES = _WHO | {"a", "an", "the"}
#: A name right after a relative or comparative word, ending the clause before a cue.
_RELATIVE_NAME = re.compile(
    r"\b(?:what|which|as|whom|than)\s+((?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)$"
)
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|of|near|outside)\s+[A-Z][\w.’'-]*$")


def _appositive(
    masked: str, text: str, segs: list[tuple[int, int]], cue: Cue, lex: English
) -> Mention | None:
    """A name standing alone in a comma piece, followed only by its descriptions, before a cue.

    ``Giving evidence on Monday, Ada Byron, chief scientist at Nimbix, said…``:
    the name is the subject, the pieces after it describe her. The latest
    such piece wins; the pieces before it (an adverbial) are left out.
    """
    for k in range(len(segs) - 2, 0, -1):
        x = segs[k + 1][0]
        first = _TOKEN.match(masked, x)
        word = first.group(0) if first else ""
        if not _DESCRIPTION.match(masked, x) or (word in _FUNCTION and word not in _ARTICLES):
            return None
        if word.lower() in lex.pronouns:
            return None  # Asked by the chair, Ada Byron, she agreed…: a clause of its own
        sa, sb = segs[k]
        named = name_in(masked, sa, sb, lex)
        if named is None or named[0] != sa or named[2] != sb:
            continue
        if _PLACE_BEFORE.search(masked, segs[k - 1][0], segs[k - 1][1]):
            return None  # in Leeds, West Yorkshire, that…: a place and its region
        pa, na, nb = named
        pieces = [text[pa:na].strip()] if pa < na else []
        desc = ", ".join(p for p in pieces + [text[x:y] for x, y in segs[k + 1 :]] if p)
        return mention("name", text[na:nb], na, nb, pa, description=desc or None, cue=cue)
    return None


def _after_cue(masked: str, text: str, common: Cue, lex: English) -> Mention | None:
    """The subject following a cue (``said Ada Byron``, ``according to Nimbix``)."""
    cs = common.start
    segs = _segments(masked, common.end, common.clause_end)
    if not segs:
        return None
    a, b = segs[0]
    source = _STATEMENT_FROM.match(masked, a, b)
    if source is not None:
        a = source.end()  # according to a statement from Nimbix
    owned = _OWNED_STATEMENT.fullmatch(masked, a, b)
    if owned is not None:
        b = owned.end(1)  # according to the institute's written reply
    low = masked[a:b].lower()
    if low in lex.pronouns:
        kind = "group" if low in ("they", "we") else "pronoun"
        return mention(kind, text[a:b], a, b, cs, gender=lex.pronouns[low], cue=common)
    named = name_in(masked, a, b, lex)
    if named and named[0] == a:
        return _described_name(text, named, segs, cs, common)
    lead = _leading_name(masked, a, b, lex)
    if lead is not None:
        # said Ada Byron of the University of Leeds: the name, then its description
        na, nb = lead
        desc = " ".join(text[nb:b].split()) or None
        return mention("name", text[na:nb], na, nb, cs, description=desc, cue=common)
    if len(segs) > 1 and masked[a].islower():
        # said her former manager, Ada Byron: the description, then the name
        sa, sb = segs[1]
        named = name_in(masked, sa, sb, lex)
        if named and named[0] == sa and named[2] == sb:
            desc = " ".join(text[a:b].split())
            return mention("name", text[sa:sb], sa, sb, cs, description=desc, cue=common)
    anon = lex.anonymous_re.match(masked[a:b])
    if anon:
        return _anonymous(text, anon, a, b, cs, common)
    return None


def _described_name(
    text: str, named: tuple[int, int, int], segs: list[tuple[int, int]], start: int, cue: Cue
) -> Mention:
    """The name opening the first segment, described by the words before it and the rest."""
    pa, na, nb = named
    pieces = [text[pa:na].strip()] if pa < na and text[pa:na].strip().lower() != "the" else []
    pieces += [text[x:y] for x, y in segs[1:]]
    desc = ", ".join(p for p in pieces if p) or None
    return mention("name", text[na:nb], na, nb, start, description=desc, cue=cue)


def _anonymous(text: str, anon: re.Match[str], a: int, b: int, start: int, cue: Cue) -> Mention:
    """An unnamed source (``a spokesperson``) in ``text[a:b]``, matched by ``anon``."""
    det = anon.group("det").lower()
    return mention(
        "anonymous",
        text[a:b],
        a,
        b,
        start,
        description=text[a:b],
        definite=det in ("the", "this", "that"),
        cue=cue,
    )


def is_short(inner: str) -> bool:
    """Whether quoted words are few enough to be a term rather than speech."""
    words = inner.split()
    if len(words) > 4:
        return False
    return not re.search(r"[.!?…][\s\"”’]+\S", inner)


def starts_lower(inner: str) -> bool:
    """Whether the quoted words start in lower case (a fragment of a sentence)."""
    return bool(_LOWER_START.match(inner))


def pronoun_start(masked: str, start: int) -> Mention | None:
    """A sentence-initial *He* or *She* at ``start``, as a mention without a cue."""
    m = _PRONOUN_START.match(masked, start)
    return None if m is None else _pronoun(m.group(1), m.start(1))


def _pronoun(surface: str, a: int) -> Mention:
    """*he* or *she* at ``a`` as a mention without a cue, with its gender."""
    b = a + len(surface)
    gender = english().pronouns[surface.lower()]
    return Mention("pronoun", surface, a, b, a, b, None, a, a, gender=gender)


def object_only(text: str) -> bool:
    """Whether ``text`` holds only a cue's object (``me``) and punctuation."""
    words = [w.strip(_STRIP + ".:;") for w in text.split()]
    return all(not w or w.lower() in _OBJECTS for w in words)
