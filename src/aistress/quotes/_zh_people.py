"""Chinese people in attribution text: names by position and shape, roles, descriptions.

Small readers shared by the clause parser (:mod:`._chinese`) and the
dialogue reader (:mod:`._zh_discourse`): who opens a clause (a pronoun, a
name the article uses, a native name by its shape, a name after a role
noun, a role noun alone), how a description splits into role and
affiliation, and how quoted words read (a sentence or a term). Each reads
a bounded stretch of text.
"""

from __future__ import annotations

import re

from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._types import MASK, Cue, Mention, mention
from aistress.quotes._zh_names import (
    BARE_NAME,
    bare_name_ok,
    known_at,
    name_start_ok,
    next_word,
)
from aistress.text.language import HAN, HAN_CHAR

__all__ = [
    "describe",
    "described",
    "described_by_quote",
    "inside_word",
    "is_sentence",
    "is_short",
    "name_gender",
    "person_at",
    "recalled_words",
    "role_name_at",
]


#: Who owns someone described: a pronoun, maybe with 的 (他妈, 她的导师), or a name and 的.
_OWNER = re.compile(rf"[他她我你](?!们)的?|[{HAN}]{{2,4}}的")


def described(masked: str, a: int, b: int, lex: Chinese | None = None) -> bool:
    """Whether ``masked[a:b]`` describes someone by a role alone (老板, 他妈, 林安的导师).

    >>> described("他妈", 0, 2), described("老板", 0, 2), described("研究", 0, 2)
    (True, True, False)
    """
    lex = lex or chinese()
    while a < b and masked[a].isspace():
        a += 1
    owner = _OWNER.match(masked, a, b)
    at = owner.end() if owner is not None else a
    return at < b and lex.role_re.fullmatch(masked, at, b) is not None


#: A quoted handle or nickname, then 的 and who wears it (网名为“…”的网友).
_HANDLE_HEAD = re.compile(rf"的[{HAN}]{{1,6}}$")


def described_by_quote(masked: str, a: int, b: int) -> int | None:
    """Start of a description that runs through a quoted name: ``网名为“…”的网友``.

    ``masked[a:b]`` is a subject opening right after a quotation (masked)
    with 的 and a noun; the description starts where the quotation's clause
    does. Such a person is unnamed (a forum handle is no name).
    """
    inside = masked.rfind(MASK, a, b)
    if inside >= 0 and _HANDLE_HEAD.fullmatch(masked, inside + 1, b):
        return a  # the clause runs through the quotation
    if a == 0 or masked[a - 1] != MASK or _HANDLE_HEAD.fullmatch(masked, a, b) is None:
        return None
    k = a - 1
    while k > 0 and masked[k - 1] == MASK:
        k -= 1
    while k > 0 and masked[k - 1] not in "，,。！？!?；;：:\n" + MASK:
        k -= 1
    return k


def person_at(
    masked: str,
    text: str,
    i: int,
    known: frozenset[str],
    lex: Chinese,
    *,
    whole: int = 0,
    titled: bool = False,
) -> Mention | None:
    """A person opening ``masked`` at ``i``: a pronoun, a known or shaped name, a role.

    ``whole``, when given, is where the words must end (an object: 对林安);
    ``titled``: a role noun stands before ``i``, so any surname may open a name.
    """
    n = len(masked)
    if i >= n:
        return None
    ch = masked[i]
    if ch in ("他", "她") and masked[i + 1 : i + 2] not in ("们", "的"):
        if whole and whole != i + 1:
            return None
        return Mention(
            "pronoun", ch, i, i + 1, i, i + 1, None, i + 1, i + 1, gender=lex.pronouns[ch]
        )
    name = known_at(masked, i, known)
    if name is None and ch in (lex.all_surnames if titled else lex.surnames):
        short = next_word(masked, i + 2, lex) or masked[i + 2 : i + 3] in _VERB_AFTER
        size = 2 if short else 3
        cand = masked[i : i + size]
        if BARE_NAME.fullmatch(cand) and bare_name_ok(cand, lex) and not lex.cue_re.match(cand, 1):
            name = cand
    if name is not None:
        j = i + len(name)
        if whole and whole != j:
            return None
        return Mention("name", text[i:j], i, j, i, j, None, j, j)
    role = _role_at(masked, i, lex)
    if role is not None:
        j = i + len(role)
        if masked[j : j + 1] in lex.all_surnames:
            return person_at(masked, text, j, known, lex, whole=whole, titled=True)  # 组长林安
        if whole and whole != j:
            return None
        desc = text[i:j]
        return Mention("anonymous", desc, i, j, i, j, None, j, j, description=desc, definite=True)
    return None


def _role_at(masked: str, i: int, lex: Chinese) -> str | None:
    """A kinship or title noun at ``i`` (母亲, 老板), or None."""
    m = lex.role_re.match(masked, i)
    return m.group(0) if m else None


def inside_word(masked: str, i: int, lex: Chinese) -> bool:
    """Whether ``i`` is inside a word: a role suffix after a Han character (导|师冼志恒)."""
    if i >= len(masked):
        return True
    return not name_start_ok(masked, i, lex) or (
        masked[i] in lex.role_suffixes and i > 0 and HAN_CHAR.match(masked, i - 1) is not None
    )


def describe(desc: str | None, lex: Chinese | None = None) -> tuple[str | None, str | None]:
    """Split a speaker's description into ``(role, affiliation)``.

    >>> describe("西岭大学的AI博士研究生")
    ('AI博士研究生', '西岭大学')
    >>> describe("一位在某公司工作的工程师")
    ('工程师', '某公司')
    """
    lex = lex or chinese()
    if not desc:
        return None, None
    d = desc.strip(" ，,")
    for p in lex.anonymous_prefixes:
        if d.startswith(p):
            d = d[len(p) :]
            break
    if "的" not in d:
        return d or None, None
    aff, role = d.rsplit("的", 1)
    aff = re.sub(r"^在", "", aff)
    aff = re.sub(r"(?:工作|任职|就职|就读|学习)$", "", aff)
    return role or None, aff or None


def name_gender(name: str, lex: Chinese | None = None) -> str | None:
    """``"f"`` or ``"m"`` when the last character of a Chinese name shows it, else None.

    >>> name_gender("秋云姐"), name_gender("葛文亭"), name_gender("周佳")
    ('f', 'm', None)
    """
    lex = lex or chinese()
    return lex.name_gender.get(name[-1:]) if name else None


_SPACE = re.compile(r"\s")
#: Punctuation that makes quoted words a clause rather than a term.
_CLAUSE_MARK = re.compile(r"[。！？，；,;!?]")


def is_sentence(inner: str) -> bool:
    """Whether quoted words read as speech on their own: punctuated, or long."""
    core = _SPACE.sub("", inner)
    return len(core) > 15 or _CLAUSE_MARK.search(core) is not None


def is_short(inner: str) -> bool:
    """Whether quoted words are few enough to be a term rather than speech."""
    core = _SPACE.sub("", inner)
    return len(core) <= 8 and _CLAUSE_MARK.search(core) is None


#: The longest role noun a name may follow at a clause's start (人工智能实验室研究员).
_MAX_ROLE = 8
#: Words no role noun holds: a place, time or object follows them (学姊曾在组会后).
_NOT_IN_ROLE = frozenset("在曾对向把被从给和与跟是了着也都就又还")
_HAN_NAME = re.compile(rf"[{HAN}]{{2,4}}")
#: Verbs of posture and motion that follow a subject's name (林安|坐在一边, 葛雨|走进来).
_VERB_AFTER = frozenset("走站坐听拿跑拉推摇叹哭喊伸拍扭靠躺蹲抱端递望看想")
#: Quantifiers opening a plural description (很多同事, 不少学生, 每位老师).
_NOT_ROLE_START = frozenset("很许不几每各有些多")


def role_name_at(
    masked: str, i: int, lex: Chinese | None = None, known: frozenset[str] = frozenset()
) -> tuple[int, int] | None:
    """``(start, end)`` of a name right after a role noun opening at ``i``, or None.

    ``导师诸葛允文``, ``博士生钟离语``, ``指导教授欧阳晓彤``: the role ends in a
    role noun's last character (or is a title), then a surname (any, or a
    compound one) and one or two characters.

    >>> role_name_at("导师冼志恒走进来", 0)
    (2, 5)
    """
    lex = lex or chinese()
    if masked[i : i + 1] in _NOT_ROLE_START:
        return None  # 很多同事(离开…): many people, not one
    n = min(len(masked), i + _MAX_ROLE + 1)
    reach = i  # where the role words seen so far end (工|程师: 工程师 goes on)
    for k in range(i + 1, n):
        if not HAN_CHAR.match(masked, k) or masked[k - 1] in _NOT_IN_ROLE:
            return None
        word = lex.role_re.match(masked, k - 1)
        if word is not None:
            reach = max(reach, word.end())
        if masked[k - 1] not in lex.role_suffixes and reach != k:
            continue
        if reach > k or lex.role_re.match(masked, k):
            continue  # 工|程师, 导|教授: the role goes on
        if masked[k] in lex.role_suffixes and masked[k : k + 2] not in lex.compound_surnames:
            continue  # 博士|生: the role goes on
        compound = masked[k : k + 2] in lex.compound_surnames
        if not compound and masked[k] not in lex.all_surnames:
            continue
        name = known_at(masked, k, known)  # a name the article uses: its length (钟晴|合上)
        if name is not None:
            return k, k + len(name)
        g = k + (2 if compound else 1)
        sizes = (1,) if next_word(masked, g + 1, lex) else (2, 1) if compound else (2,)
        for size in sizes:
            name = masked[k : g + size]  # a verb may end what looks like a name (钟离语|回复)
            if _HAN_NAME.fullmatch(name) and bare_name_ok(name, lex):
                return k, g + size
    return None


#: A clause naming words said before (那句话是, 这番话就是, 他的原话是), colon next.
_RECALLED = re.compile(r"\s*(?:(?:那|这)一?(?:句|番|段)话|(?P<p>[他她])?的?原话)(?:就|则)?是\s*")
#: How a sentence ends.
_SENTENCE_END = re.compile(r"[。！？!?]")
#: How far back the person who said the words is looked for.
_RECALL_BACK = 160


def recalled_words(
    masked: str, text: str, cstart: int, colon: int, known: frozenset[str], cue: Cue
) -> Mention | None:
    """Who said the words a clause names before its colon (``那句话是：“…”``), or None.

    The clause's own pronoun (``他的原话是``); else the first name the
    article uses, or a name after a role noun opening a clause, in the
    sentence of the clause, else in the sentence before
    (``柏某留了一条言，第二天删掉了。那句话是：``). Reads at most
    :data:`_RECALL_BACK` characters back.
    """
    m = _RECALLED.fullmatch(masked, cstart, colon)
    if m is None:
        return None
    if m.group("p"):
        k = m.start("p")
        gender = "m" if m.group("p") == "他" else "f"
        return mention("pronoun", text[k], k, k + 1, k, gender=gender, cue=cue)
    lo = max(0, cstart - _RECALL_BACK)
    ends = [e.end() for e in _SENTENCE_END.finditer(masked, lo, cstart)]
    starts = [ends[-1] if ends else lo, ends[-2] if len(ends) > 1 else lo]
    stops = [cstart, starts[0]]
    for a, b in zip(starts, stops, strict=True):
        for i in range(a, b):
            name = known_at(masked, i, known)
            if name is not None and i + len(name) <= b:
                return mention("name", text[i : i + len(name)], i, i + len(name), i, cue=cue)
            titled = role_name_at(masked, i, known=known) if masked[i - 1 : i] in "，,；;" else None
            if titled is not None and titled[1] <= b:  # 博士生柏知远 opening a clause
                s, e = titled
                return mention("name", text[s:e], s, e, i, description=text[i:s], cue=cue)
    return None
