"""Chinese attribution: who is introduced as speaking, where, with which cue.

Like :mod:`aistress.quotes._english`, it works on masked block text. Names
are found at the end of the clause before a cue: a transliterated foreign
name joined by a middle dot (``凯·阿拉卢库马兰``), a name in Latin letters,
or a native name of a common surname and one or two characters. A name
followed by itself (or its Latin form) in brackets, the artefact some
translation pages leave, counts as one name. Each cue is looked at once,
with a bounded look back: linear in the length of the block.
"""

from __future__ import annotations

import re

from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._types import MASK, Cue, Mention, mention
from aistress.text.language import HAN

__all__ = ["describe", "find_mentions", "is_short", "pronoun_start", "sentence_starts"]

_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*")
_CLAUSE_DELIMS = frozenset("，,。！？!?；;：:、\n—…" + MASK)
_DOTS = "·・•‧･"
_HAN = HAN
_PAREN_TAIL = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]\s*$")
_LATIN_NAME = re.compile(r"([A-Z][A-Za-z’'.-]*(?:\s+[A-Z][A-Za-z’'.-]*){0,3})\s*$")
_DOTTED_TAIL = re.compile(rf"([{_HAN}]+(?:[{_DOTS}][{_HAN}]+)+)$")
_MAX_LOOK = 80
_DOTTED_RUN = re.compile(rf"[{_HAN}]{{1,12}}(?:[{_DOTS}][{_HAN}]{{1,12}})+")
_PRONOUN_START = re.compile(r"\s*(他|她)(?!们)")
_WORDISH = re.compile(rf"[{_HAN}A-Za-z0-9]")


def sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences start (always including 0).

    >>> sentence_starts("他走了。她说：好！再见")
    [0, 4, 9]
    """
    return [0, *(m.end() for m in _SENT_END.finditer(masked) if m.end() < len(masked))]


def _clause_start(masked: str, cue_start: int) -> int:
    low = max(0, cue_start - _MAX_LOOK)
    i = cue_start - 1
    while i >= low:
        if masked[i] == MASK:
            # a quoted term inside a noun phrase (谷歌“双子星”开发者) does not end the clause
            j = i
            while j > 0 and masked[j - 1] == MASK:
                j -= 1
            inside = (
                j > 0 and _WORDISH.match(masked[j - 1]) and _WORDISH.match(masked[i + 1 : i + 2])
            )
            if not inside or i + 1 >= cue_start:
                return i + 1
            i = j - 1
            continue
        if masked[i] in _CLAUSE_DELIMS:
            return i + 1
        i -= 1
    return max(low, 0)


def _dotted_name(text: str, end: int, lex: Chinese) -> int | None:
    """Start of a dotted name ending at ``end``, or None."""
    m = _DOTTED_TAIL.search(text, max(0, end - 30), end)
    if not m:
        return None
    start = m.start()
    first_dot = min(text.find(d, start, end) for d in _DOTS if text.find(d, start, end) >= 0)
    # the first part: name characters only, at least one
    a = first_dot
    if a > start and text[a - 1] not in lex.name_chars and text[a - 1] not in lex.role_suffixes:
        a -= 1  # one character the table does not know may end the first part
    while a > start and text[a - 1] in lex.name_chars and text[a - 1] not in lex.role_suffixes:
        a -= 1
    if a == first_dot:
        a = first_dot - 1
    return a


def _native_name(text: str, a: int, b: int, lex: Chinese) -> int | None:
    """Start of a native name (surname + one or two characters) ending at ``b``."""
    for size in (3, 2, 4):
        s = b - size
        if s < a:
            continue
        cand = text[s:b]
        if not re.fullmatch(rf"[{_HAN}]+", cand):
            continue
        surname_ok = cand[0] in lex.surnames or cand[:2] in lex.surnames
        if not surname_ok or cand[-1] in lex.role_suffixes or "的" in cand:
            continue
        if any(w in cand for w in lex.group_words) or cand in lex.pronouns:
            continue
        before = text[s - 1] if s > a else ""
        if (
            before
            and re.match(rf"[{_HAN}]", before)
            and before not in lex.role_suffixes
            and before != "的"
        ):
            continue
        return s
    return None


def _anonymous_at(masked: str, a: int, b: int, lex: Chinese) -> str | None:
    """An unnamed-source prefix at ``a`` or right after a description ending in 的."""
    for p in lex.anonymous_prefixes:
        k = masked.find(p, a, b)
        if k == a or (k > a and masked[k - 1] == "的"):
            return p
    return None


_SUBJECT_BEFORE = re.compile(r"[了是被把将在对向说]")
#: The noun after 一位/另一位 runs to the first word that starts a predicate.
_NP_HEAD = re.compile(
    r"[^，。,；;：:！？!?\ue000]{1,12}?"
    r"(?=要求|说|表示|是|在|将|把|被|对|向|已|也|还|则|都|就|又|曾|称|认为|指出|强调|告诉|透露"
    r"|不|没|未|[，。,；;：:！？!?])"
)
_NEGATION = "不没未别勿"


def find_subjects(masked: str, text: str, lex: Chinese | None = None) -> list[Mention]:
    """People who open a clause as its subject, with no cue (``X为…提供咨询``).

    Only transliterated (dotted) names and unnamed sources count; what
    stands before them in the clause must be a description (ending in 的 or
    a role noun). They help resolve a later 他/她 and are never speakers by
    themselves. Linear in the length of the block.
    """
    lex = lex or chinese()
    out: list[Mention] = []
    # bounded runs: a long Han run without a dot costs a few steps per start
    for m in _DOTTED_RUN.finditer(masked):
        end = m.end()
        last = max(masked.rfind(d, m.start(), end) for d in _DOTS) + 1
        k = last
        while k < end and masked[k] in lex.name_chars:
            k += 1
        if k == last:
            continue
        end = k
        start = _dotted_name(masked, end, lex)
        if start is None:
            continue
        cstart = _clause_start(masked, start)
        conj = lex.conjunction_re.match(masked, cstart, start)
        if conj:
            cstart = conj.end()
        before = masked[cstart:start]
        if before and (before[-1] not in lex.role_suffixes and before[-1] != "的"):
            continue
        if _SUBJECT_BEFORE.search(before):
            continue
        out.append(
            Mention(
                "name",
                text[start:end],
                start,
                end,
                cstart,
                end,
                None,
                end,
                end,
                description=text[cstart:start].strip() or None,
            )
        )
    for p in lex.anonymous_prefixes:
        if "位" not in p and "名" not in p:
            continue  # 一个 counts things as well as people
        for k in (i.start() for i in re.finditer(re.escape(p), masked)):
            cstart = _clause_start(masked, k)
            before = masked[cstart:k]
            if before and (before[-1] != "的" or _SUBJECT_BEFORE.search(before)):
                continue
            hm = _NP_HEAD.match(masked, k + len(p))
            if not hm:
                continue
            end = hm.end()
            out.append(
                Mention(
                    "anonymous",
                    text[cstart:end],
                    cstart,
                    end,
                    cstart,
                    end,
                    None,
                    end,
                    end,
                    description=text[cstart:end],
                )
            )
    out.sort(key=lambda x: x.start)
    return out


def find_mentions(masked: str, text: str, lex: Chinese | None = None) -> list[Mention]:
    """Every cue in ``masked`` with the subject it introduces, in text order."""
    lex = lex or chinese()
    excluded = [m.span() for m in lex.exclusion_re.finditer(masked)]
    out: list[Mention] = []
    ei = 0
    for m in lex.cue_re.finditer(masked):
        cs, ce = m.span()
        while ei < len(excluded) and excluded[ei][1] <= cs:
            ei += 1
        if any(a < ce and cs < b for a, b in excluded[ei : ei + 3]):
            continue
        if cs and masked[cs - 1] in _DOTS + _NEGATION:
            continue
        found = _subject(masked, text, cs, ce, m.group(0), lex)
        if found:
            out.append(found)
    return out


def _subject(masked: str, text: str, cs: int, ce: int, cue: str, lex: Chinese) -> Mention | None:
    cstart = _clause_start(masked, cs)
    conj = lex.conjunction_re.match(masked, cstart, cs)
    if conj and conj.end() < cs:
        cstart = conj.end()
    b = cs
    # strip adverbials between subject and cue (在社交媒体上, 也, 则遗憾地)
    for _ in range(4):
        adv = lex.adverbial_re.search(masked, cstart, b)
        if not adv or adv.start() == cstart:
            break
        b = adv.start()
    aliases: list[str] = []
    paren = _PAREN_TAIL.search(masked, cstart, b)
    name_end = b
    if paren:
        inner = paren.group(1).strip()
        name_end = paren.start()
        if re.search(r"[A-Za-z]", inner):
            aliases.append(inner)
    end = ce
    common = Cue(cue, cs, ce, end)
    pre = masked[cstart:name_end]
    if not pre.strip():
        return None
    for pron in sorted(lex.pronouns, key=len, reverse=True):
        if pre.endswith(pron):
            s = name_end - len(pron)
            if s == cstart or not re.match(rf"[{_HAN}]", masked[s - 1]):
                kind = "pronoun" if lex.pronouns[pron] in ("m", "f") or pron == "我" else "group"
                return mention(kind, pron, s, name_end, s, gender=lex.pronouns[pron], cue=common)
            break
    start = None
    latin = _LATIN_NAME.search(masked, cstart, name_end)
    if latin and latin.end() == name_end and latin.group(1)[:1].isupper():
        start = latin.start(1)
    if start is None:
        start = _dotted_name(masked, name_end, lex)
        if start is not None and start < cstart:
            start = None
    anon = _anonymous_at(masked, cstart, name_end, lex)
    if start is None:
        start = _native_name(masked, cstart, name_end, lex)
    if start is not None:
        desc = text[cstart:start].strip() or None
        return mention(
            "name",
            text[start:name_end],
            start,
            name_end,
            cstart,
            description=desc,
            aliases=tuple(aliases),
            cue=common,
        )
    if anon is not None:
        definite = anon in ("这位", "该名", "该位", "那位")
        return mention(
            "anonymous",
            text[cstart:name_end],
            cstart,
            name_end,
            cstart,
            description=text[cstart:name_end],
            definite=definite,
            cue=common,
        )
    if any(pre.endswith(w) for w in lex.group_words):
        return mention("group", pre, cstart, name_end, cstart, cue=common)
    return None


def describe(desc: str | None, lex: Chinese | None = None) -> tuple[str | None, str | None]:
    """Split a speaker's description into ``(role, affiliation)``.

    >>> describe("马里兰大学的AI博士研究生")
    ('AI博士研究生', '马里兰大学')
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


def is_short(inner: str) -> bool:
    """Whether quoted words are few enough to be a term rather than speech."""
    core = re.sub(r"\s", "", inner)
    return len(core) <= 8 and not re.search(r"[。！？，；,;!?]", core)


def pronoun_start(masked: str, start: int, lex: Chinese | None = None) -> Mention | None:
    """A sentence-initial 他 or 她 at ``start``, as a mention without a cue."""
    lex = lex or chinese()
    m = _PRONOUN_START.match(masked, start)
    if not m:
        return None
    a, b = m.span(1)
    return Mention("pronoun", m.group(1), a, b, a, b, None, a, a, gender=lex.pronouns[m.group(1)])
