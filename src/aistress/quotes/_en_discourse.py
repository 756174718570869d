"""English discourse entities: who a definite description or a pronoun points back to.

News names a person or an organisation once, then refers to them by a
role (``the spokeswoman added``), a kind (``the company said``, ``the
union's submission``) or a pronoun. This tracker follows the named
entities of an article in text order, with what the text says about them:

- the words of the name and of its description (``Ada Byron, a researcher
  at Nimbix``); the affiliation of a description is an organisation of its
  own (*Nimbix*);
- whether it is an organisation (a word such as *Institute* or *Labs* in
  its name, an acronym, or an affiliation);
- its gender, from an honorific before the name (``Ms Byron``) or a
  gendered noun of its description (``a spokeswoman``).

A definite description points back to the latest entity whose name holds
its head noun (``the union`` → *Night Shift Union*), else whose
description does (``the researcher`` → Ada Byron), else, for a noun of
organisations (*company*, *firm*, *agency*…), to the latest organisation.
Each lookup walks a bounded number of the latest entities: linear work
per article.
"""

from __future__ import annotations

import functools
import re

from aistress.model import Article
from aistress.quotes._en_describe import describe
from aistress.quotes._lexicon import english
from aistress.quotes._types import Cue, Mention, mention
from aistress.text.language import has_han

__all__ = ["ORG_HEADS", "Entities", "antecedent", "gender_of_description", "written_by"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: How many of the latest entities a definite description is compared with.
_WINDOW = 16
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lady|Lord)\.?\s+$")
_HONORIFIC_GENDER = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dame": "f",
    "lady": "f",
}
#: Nouns of a description that say who is a woman or a man.
_FEMALE = _words(
    "spokeswoman chairwoman congresswoman businesswoman councilwoman actress mother wife "
    "daughter sister grandmother woman girl widow aunt niece stepmother policewoman "
    "sportswoman headmistress waitress"
)
_MALE = _words(
    "spokesman chairman congressman businessman councilman actor father husband son "
    "brother grandfather man boy widower uncle nephew stepfather policeman sportsman "
    "headmaster waiter"
)
#: Words of a name that make it an organisation's.
_ORG_WORDS = _words(
    "inc inc. corp corp. corporation ltd ltd. llc plc co co. company labs lab laboratory "
    "laboratories dynamics technologies technology systems group institute university "
    "college school union council committee ministry department agency foundation "
    "association society forum bank partners capital ventures network networks party "
    "commission authority board trust centre center federation alliance coalition "
    "hospital clinic press media studio studios software robotics ai analytics consortium "
    "office bureau service services court tribunal assembly parliament congress senate "
    "symposium conference summit workshop collective guild league cooperative"
)
#: Words of a name that make it a business's.
_COMPANY_WORDS = _words(
    "inc inc. corp corp. corporation ltd ltd. llc plc co co. company labs lab laboratory "
    "laboratories dynamics technologies technology systems group partners capital ventures "
    "software robotics ai analytics studio studios media networks"
)
#: Head nouns of a definite description that stand for an organisation.
ORG_HEADS = _words(
    "company firm startup start-up lab laboratory agency ministry department union "
    "university institute council committee organisation organization group foundation "
    "association society campaign government administration platform employer publisher "
    "insurer hospital school board commission regulator forum court tribunal"
)
#: Organisation nouns so generic that they stand for the latest organisation named.
_ANY_ORG = _words(
    "company firm startup start-up lab laboratory agency organisation organization employer"
)
#: A role noun and the nouns of a description it may stand for.
_SAME_ROLE = {
    "spokesperson": ("spokesperson", "spokeswoman", "spokesman"),
    "spokeswoman": ("spokesperson", "spokeswoman"),
    "spokesman": ("spokesperson", "spokesman"),
    "chair": ("chair", "chairwoman", "chairman", "chairperson"),
}
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def gender_of_description(description: str | None) -> str | None:
    """``"f"`` or ``"m"`` when a noun of ``description`` says so (``a spokeswoman``), else None."""
    if not description:
        return None
    words = _lower_words(description)
    female, male = not words.isdisjoint(_FEMALE), not words.isdisjoint(_MALE)
    if female == male:
        return None
    return "f" if female else "m"


@functools.lru_cache(maxsize=4096)
def _lower_words(description: str) -> frozenset[str]:
    """The words of a description in lower case (read once: a speaker is described again)."""
    return frozenset(w.lower() for w in _WORD.findall(description))


class _Entity:
    __slots__ = ("company", "described", "key", "named", "org", "surface")

    def __init__(self, key: object, surface: str, org: bool, company: bool = False) -> None:
        self.key = key
        self.surface = surface
        self.org = org
        self.company = company  # a business: what "the company" or "the firm" may be
        self.named = {w.lower() for w in _WORD.findall(surface)}
        self.described: set[str] = set()


#: A capitalised word (``Ærlund``), with the full stop of an abbreviation (``Ltd.``).
_CAPITAL = "[A-ZÀ-ÖØ-Þ]"
_CAPITAL_REST = r"[\w&’'-]*(?:(?:(?<=Ltd)|(?<=Inc)|(?<=Corp)|(?<=Co))\.)?"
_CAPITAL_WORD = _CAPITAL + _CAPITAL_REST
#: A run of capitalised words, with *of*, *for*, *and* or *&* inside (``Union of Concerned Staff``).
#: (Its first capital is matched before the look-behind that checks the character
#: before it, so the engine scans for capitals in C rather than trying every offset.)
_CAPITALISED_RUN = re.compile(
    _CAPITAL
    + rf"(?<![\w’'-]{_CAPITAL})"
    + _CAPITAL_REST
    + r"(?:\s+(?:(?:of|for|and|on|in|&)\s+(?:the\s+)?)?"
    + _CAPITAL_WORD
    + r"){0,7}"
)
#: What follows a sentence's subject: a comma or a word in lower case (its verb).
_SUBJECT_AFTER = re.compile(r",|\s+[a-z]")
#: A word in lower case.
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-][a-z])[a-z’'-]*")
#: What stands before a capitalised word that opens a sentence (or a quotation).
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’'(\n—–-")
_PRONOUN_GENDER = {"he": "m", "she": "f"}


@functools.cache
def _said_pronoun() -> re.Pattern[str]:
    """A name, a cue of the lexicon, then *he* or *she* opening the reported clause.

    ``Chen said she had…``, ``Chen told the panel that he…``.
    """
    cue = english().cue_words
    return re.compile(
        rf"([A-Z][\w’'-]+)\s+(?:told(?:\s+[\w’'-]+){{1,2}}?|{cue})\s+(?:that\s+)?(he|she)\b"
    )


#: How many organisation names of an article the tracker keeps in view.
_MAX_SCANNED = 4096


def _org_words(words: list[str]) -> tuple[bool, bool]:
    """Whether a name of ``words`` is an organisation's, and a business's."""
    low = [w.lower().strip(",.") for w in words if w[:1].isupper()]
    org = any(w in _ORG_WORDS for w in low)
    return org, org and any(w in _COMPANY_WORDS for w in low)


def _organisation_part(words: list[str]) -> list[str]:
    """The words of a capitalised run that may name an organisation.

    A leading article goes; a name before *of* that holds no word of
    organisations (``Ilse Marten of the University of Leeds``) is a person's
    and goes too.
    """
    while words and words[0] in ("The", "A", "An"):
        words = words[1:]
    if "of" in words:
        k = words.index("of")
        if not _org_words(words[:k])[0]:
            words = words[k + 1 :]
            while words and words[0] in ("the", "The"):
                words = words[1:]
    return words


#: What a capitalised run tells by itself: its words, those words without a
#: comma or full stop, the person's full name it may be, the words that may
#: name an organisation, that organisation's name (or None), and whether it
#: is a business's.
_RunShape = tuple[list[str], list[str], str | None, list[str], str | None, bool]


def _run_shape(run: str) -> _RunShape:
    """The :data:`_RunShape` of one capitalised run of the text."""
    words = run.split()
    person = (
        " ".join(words)
        if 2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not _org_words(words)[0]
        and words[0] not in ("The", "A", "An")
        else None
    )
    part = _organisation_part(words)
    org, company = _org_words(part)
    org_name = " ".join(part) if org and len(part) > 1 else None
    return words, [w.strip(",.") for w in words], person, part, org_name, company


class Entities:
    """The named entities of one English article, latest last, for definite descriptions.

    Mentions are given in text order (:meth:`name`, :meth:`definite`); the
    organisations the text names anywhere (capitalised runs holding a word
    such as *Union* or *Labs*) join the entities as the walk passes them.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._latest: list[_Entity] = []  # the latest entities, most recent last
        self._by_key: dict[object, _Entity] = {}
        self._scanned: list[tuple[int, str, bool]] = []  # (offset, name, business)
        self._full: dict[str, str] = {}  # the first word of an organisation's name -> the name
        self._mid: set[str] = set()  # words capitalised inside a sentence somewhere
        self._word: dict[str, str] = {}  # a word of organisations' names -> the one name, or ""
        surnames: dict[str, str] = {}  # the last word of a person's full name -> the name
        #: (offset, name) of a family name alone opening a sentence as its subject
        self.surname_subjects: list[tuple[int, int, str]] = []
        shapes: dict[str, _RunShape] = {}  # a name written again is read once
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group(0)
            start = m.start()
            shape = shapes.get(run)
            if shape is None:
                shape = shapes[run] = _run_shape(run)
            words, bare, person, part, org_name, company = shape
            before = text[max(0, start - 3) : start].rstrip()
            if before and before[-1] not in _SENTENCE_OPENERS:
                self._mid.update(bare)
            if len(words) == 1 and words[0] in surnames and _SUBJECT_AFTER.match(text, m.end()):
                if not before or before[-1] in ".!?\n":
                    self.surname_subjects.append((start, m.end(), surnames[words[0]]))
            elif person is not None:
                surnames[words[-1]] = person
            if org_name is not None and len(self._scanned) < _MAX_SCANNED:
                self._scanned.append((start, org_name, company))
                self._full.setdefault(part[0], org_name)
                for w in part:  # a word of one organisation's name only
                    self._word[w] = org_name if self._word.get(w, org_name) == org_name else ""
        self._lower = set(_LOWER_WORD.findall(text))
        self._next = 0
        self._said: dict[str, set[str]] = {}  # a name's last word -> the genders said of it
        for m in _said_pronoun().finditer(text):
            self._said.setdefault(m.group(1), set()).add(_PRONOUN_GENDER[m.group(2)])

    def surname_mentions(self, article: Article) -> list[tuple[int, int, Mention]]:
        """A family name opening a sentence, for a person named in full before it.

        ``Byron, in a statement read to the panel, denied it.`` after ``Ada
        Byron`` somewhere earlier: a mention of Ada Byron with no cue, as
        ``(block, block offset, mention)``, for a later *he* or *she*.
        """
        out: list[tuple[int, int, Mention]] = []
        for a, b, name in self.surname_subjects:
            bi = article.block_at(a)
            base = article.block_span(bi).start
            na, nb = a - base, b - base
            out.append((bi, base, Mention("name", name, na, nb, na, nb, None, nb, nb)))
        return out

    def plausible(self, m: Mention) -> bool:
        """Whether a mention is a name, if it is one without a cue (``Queues grew…`` is not).

        A single word is, unless the text writes it in lower case too and never
        capitalises it inside a sentence.
        """
        surface = m.surface.strip()
        if m.kind != "name" or " " in surface or has_han(surface):
            return True
        return surface in self._mid or surface.lower() not in self._lower

    def full_name(self, surface: str) -> str | None:
        """The full name of an organisation that ``surface`` shortens, or None.

        Its first words (``Quillmere`` for *Quillmere Analytics*), or one word
        of it that names no other organisation (``Institute``).
        """
        words = surface.split()
        if not words:
            return None
        full = self._full.get(words[0])
        if full is not None and full.startswith(surface + " "):
            return full
        if len(words) == 1 and words[0].lower() in _ORG_WORDS:
            found = self._word.get(words[0])
            if found and found != surface:
                return found
        return None

    def _reach(self, at: int) -> None:
        """Take in the organisations named before offset ``at``."""
        while self._next < len(self._scanned) and self._scanned[self._next][0] < at:
            _, surface, company = self._scanned[self._next]
            self._touch(self._org(surface, company))
            self._next += 1

    def name(self, key: object, surface: str, at: int, description: str | None) -> str | None:
        """Note a mention of the named entity ``key`` at article offset ``at``.

        Returns the gender the text gives it there (honorific or description), or None.
        """
        self._reach(at)
        entity = self._by_key.get(key)
        if entity is None:
            full = self.full_name(surface)
            org, company = _org_words((full or surface).split())
            org = org or bool(_ACRONYM.match(surface))
            entity = self._by_key[key] = _Entity(key, full or surface, org, company)
        if description:
            entity.described.update(_lower_words(description))
            _, affiliation = describe(description)
            if affiliation and affiliation[:1].isupper():
                self._touch(self._org(affiliation, True))
        self._touch(entity)
        if entity.org:
            return "n"  # *it*, never *he* or *she*
        honorific = _HONORIFIC.search(self._text, max(0, at - 8), at)
        if honorific is not None:
            return _HONORIFIC_GENDER[honorific.group(1).lower()]
        said = self._said.get(surface.split()[-1]) if surface.split() else None
        if said is not None and len(said) == 1:
            return next(iter(said))
        return gender_of_description(description)

    def _org(self, surface: str, company: bool) -> _Entity:
        key = ("org", " ".join(surface.split()))
        entity = self._by_key.get(key)
        if entity is None:
            entity = self._by_key[key] = _Entity(key, key[1], True, company)
        return entity

    def _touch(self, entity: _Entity) -> None:
        if entity in self._latest:
            self._latest.remove(entity)
        self._latest.append(entity)
        if len(self._latest) > _WINDOW:
            del self._latest[0]

    def is_org(self, key: object) -> bool:
        """Whether the entity ``key`` is an organisation."""
        entity = self._by_key.get(key)
        return entity is not None and entity.org

    def latest_org(self, at: int) -> tuple[object, str] | None:
        """The organisation named last before offset ``at`` (what *it said* may be), or None."""
        self._reach(at)
        for entity in reversed(self._latest):
            if entity.org:
                return entity.key, entity.surface
        return None

    def definite(self, surface: str, at: int) -> tuple[object, str] | None:
        """The entity (key, name) a definite description at ``at`` (``the company``) points to."""
        self._reach(at)
        m = english().anonymous_re.match(surface)
        if m is None or m.group("det").lower() not in ("the", "this", "that"):
            return None
        head = m.group("head").lower()
        org_head = head in ORG_HEADS
        roles = set(_SAME_ROLE.get(head, (head,)))
        for step in range(3):
            for entity in reversed(self._latest):
                if step == 0:
                    fits = head in entity.named and (entity.org or not org_head)
                elif step == 1:
                    fits = not (entity.org or org_head) and bool(entity.described & roles)
                else:
                    fits = head in _ANY_ORG and entity.company
                if fits:
                    self._touch(entity)
                    return entity.key, entity.surface
        return None


def antecedent(
    history: list[object],
    gender: dict[object, str],
    want: str | None,
    here: set[object] | None = None,
    *,
    english: bool = True,
) -> object:
    """The referent a *he* or *she* (``want``: ``"m"``/``"f"``) points to, or None.

    The latest referent of ``history`` whose known gender does not contradict
    the pronoun's. In English, an unnamed source of unknown gender that is
    not in the pronoun's paragraph (``here``: the referents mentioned there)
    gives way to a named referent among the few before it whose gender the
    text has shown to match (a paragraph about an unnamed colleague, then
    *She resigned…*: the woman named before).
    """
    seen: list[object] = []
    first: object = None
    for cand in reversed(history[-12:]):
        if cand in seen:
            continue
        seen.append(cand)
        known = gender.get(cand)
        if first is None:
            if known not in (None, want) or (english and want == "n" and known != "n"):
                continue  # a known contradiction; in English *it* is an organisation
            first = cand
            if (
                not english
                or known is not None
                or not _unnamed(cand)
                or want not in ("m", "f")
                or cand in (here or ())
            ):
                return first
        elif known == want and not _unnamed(cand):
            return cand
        if len(seen) > 4:
            break
    return first


def _unnamed(ref: object) -> bool:
    return isinstance(ref, tuple) and bool(ref) and ref[0] == "anon"


#: A written text as a cue's subject, with its author after *by* (``The letter, published
#: on Monday by the Night Shift Union, reads:``): the author is who speaks.
_WRITTEN_BY = re.compile(
    r"\s*(?:The|This|That|A|An|Its|Their|His|Her|the|a|an|its|their|his|her)\s+"
    r"(?:[\w’'-]+\s+){0,2}?(?:letter|statement|email|e-mail|post|message|note|submission|"
    r"petition|memo|reply|response|report|blog\s+post|open\s+letter)s?\b[^.;:!?\n]*?"
    r"\bby\s+(?:the\s+)?("
    + _CAPITAL_WORD
    + r"(?:\s+(?:(?:of|for|and|on|in|&)\s+(?:the\s+)?)?"
    + _CAPITAL_WORD
    + r"){0,7})[,\s]*$"
)


def written_by(masked: str, text: str, a: int, cue: Cue) -> Mention | None:
    """The author of a written text opening the clause at ``a`` before ``cue``, or None."""
    m = _WRITTEN_BY.match(masked, a, cue.start)
    if m is None:
        return None
    na, nb = m.span(1)
    return mention("name", text[na:nb], na, nb, m.start(), cue=cue)
