"""Chinese attribution: who is introduced as speaking, where, with which cue.

Like :mod:`aistress.quotes._english`, it works on masked block text. Names
are found at the end of the clause before a cue: a transliterated foreign
name joined by a middle dot (``米拉·索尔贝格``), a name in Latin letters,
or a native name of a common surname and one or two characters. A name
followed by itself (or its Latin form) in brackets, the artefact some
translation pages leave, counts as one name. Each cue is looked at once,
with a bounded look back: linear in the length of the block.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

import attrs

from aistress.quotes._blocks import mask_start
from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._types import MASK, Cue, Mention, mention
from aistress.quotes._zh_names import (
    BARE_NAME,
    CLAUSE_OPENERS,
    DOTS,
    NOT_ORG_START,
    OBJECT_BEFORE,
    appositive_name,
    bare_name_ok,
    dotted_name,
    dotted_runs,
    given_name_links,
    heads_re,
    join_given_names,
    known_at,
    name_vocabulary,
    native_name,
    next_word,
    organisation_names,
    short_organisation,
    titled_name,
)
from aistress.quotes._zh_orgs import Orgs, referred
from aistress.quotes._zh_people import (
    describe,
    described,
    described_by_quote,
    is_sentence,
    is_short,
    name_gender,
    role_name_at,
)
from aistress.text.language import HAN, HAN_CHAR

__all__ = [
    "clause_subject",
    "closing_speaker",
    "describe",
    "find_mentions",
    "given_name_links",
    "is_sentence",
    "is_short",
    "join_given_names",
    "name_gender",
    "name_vocabulary",
    "organisation_names",
    "pronoun_start",
    "sentence_starts",
]

_SENT_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*")
_CLAUSE_DELIMS = frozenset("，,。！？!?；;：:、\n—…" + MASK)
_HAN = HAN
_PAREN_TAIL = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]\s*$")
_LATIN_NAME = re.compile(r"([A-Z][A-Za-z’'.-]*(?:\s+[A-Z][A-Za-z’'.-]*){0,3})\s*$")
_MAX_LOOK = 80
_PRONOUN_START = re.compile(r"\s*(他|她)(?!们)")
_WORDISH = re.compile(rf"[{_HAN}A-Za-z0-9]")


def sentence_starts(masked: str) -> list[int]:
    """Offsets where sentences start (always including 0).

    >>> sentence_starts("他走了。她说：好！再见")
    [0, 4, 9]

    The readers of a block ask in turn: the latest block's starts are kept.
    """
    global _LATEST_STARTS
    known = _LATEST_STARTS
    if known[0] is masked:
        return list(known[1])
    out = [0, *map(_END, _SENT_END.finditer(masked))]
    if out[-1] == len(masked) and len(out) > 1:
        out.pop()  # the ends increase: only the last may close the text
    _LATEST_STARTS = (masked, tuple(out))
    return out


_END = re.Match.end
#: The block text :func:`sentence_starts` read last, and its starts.
_LATEST_STARTS: tuple[str | None, tuple[int, ...]] = (None, ())


def _clause_start(masked: str, cue_start: int) -> int:
    low = max(0, cue_start - _MAX_LOOK)
    end = cue_start
    while True:
        stop = _LAST_STOP.search(masked, low, end)  # the last delimiter or mask before end
        if stop is None:
            return low
        i = stop.start()
        if masked[i] != MASK:
            return i + 1
        # a quoted term inside a noun phrase (某公司“星河”团队成员) does not end the clause
        j = mask_start(masked, i)
        inside = j > 0 and _WORDISH.match(masked[j - 1]) and _WORDISH.match(masked[i + 1 : i + 2])
        if not inside or i + 1 >= cue_start:
            return i + 1
        end = j


#: The last clause delimiter (or mask) of a stretch: one search, not a step per character.
_STOPS = re.escape("".join(sorted(_CLAUSE_DELIMS)))
_LAST_STOP = re.compile(f"[{_STOPS}][^{_STOPS}]*\\Z")


def _anonymous_at(masked: str, a: int, b: int, lex: Chinese) -> str | None:
    """An unnamed-source prefix in the subject ``masked[a:b]``, followed by its head noun.

    ``一位工程师``, ``一位不愿透露姓名的工程师``, ``研究院一位专家``, ``业内人士``.
    """
    if _PREFIX_CHARS.search(masked, a, b):  # every prefix has one: most subjects skip the loop
        for p in lex.anonymous_prefixes:
            k = masked.find(p, a, b)
            if k == a or (k > a and (masked[k - 1] == "的" or b - k - len(p) <= 6)):
                return p
    m = lex.anonymous_group_re.match(masked, a, b) or lex.anonymous_group_end_re.search(
        masked, a, b
    )
    return m.group(0) if m else None


#: The characters every unnamed-source prefix holds (一位, 一名, 一个); those counting people.
_PREFIX_CHARS, _PERSON_COUNTER = re.compile("[位名个]"), re.compile("[位名]")


_ORG_NAME = re.compile(rf"[{_HAN}A-Za-z0-9]+")


def _organisation(masked: str, a: int, b: int, lex: Chinese, statement: bool) -> int | None:
    """Start of an organisation's name ending the subject ``masked[a:b]``, or None.

    An organisation speaks through a statement (``在声明中表示``) or has a name
    ending in an organisation noun (``港务局``, ``远航汽车``); what is left of the
    subject must be a short noun phrase without 的.
    """
    pre = masked[a:b]
    if not 2 <= len(pre) <= 16 or "的" in pre or not _ORG_NAME.fullmatch(pre):
        return None
    if pre[0] in NOT_ORG_START:
        return None  # 也有人会(说): an adverb or a verb of being opens no organisation's name
    if statement or pre.endswith(lex.org_suffixes):
        return a
    return None


_SUBJECT_BEFORE = re.compile(r"[了是被把将在对向说]")
#: The noun after 一位/另一位 runs to the first word that starts a predicate.
_NP_HEAD = re.compile(
    r"[^，。,；;：:！？!?\ue000]{1,12}?"
    r"(?=要求|说|表示|是|在|将|把|被|对|向|已|也|还|则|都|就|又|曾|称|认为|指出|强调|告诉|透露"
    r"|不|没|未|[，。,；;：:！？!?])"
)
_NEGATION = "不没未别勿"
_NEGATED = ("没有", "并未", "从未", "从没")


_CALLED = re.compile(rf"[他她](?:名字)?(?:叫做|名叫|叫)([{_HAN}]{{2,4}})(?=[，,。；;！!？?])")


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
    for m in dotted_runs(masked):
        end = m.end()
        last = max(masked.rfind(d, m.start(), end) for d in DOTS) + 1
        k = last
        while k < end and masked[k] in lex.name_chars:
            k += 1
        if k == last:
            continue
        end = k
        start = dotted_name(masked, end, lex)
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
        out.append(_uncued("name", text, start, cstart, end, text[cstart:start].strip() or None))
    # 一个 counts things as well as people: only prefixes with 位 or 名 (most blocks have neither)
    counted = _PERSON_COUNTER.search(masked) is not None
    for p in lex.anonymous_prefixes if counted else ():
        if "位" not in p and "名" not in p:
            continue
        k = masked.find(p)
        while k >= 0:
            here, k = k, masked.find(p, k + len(p))
            cstart = _clause_start(masked, here)
            before = masked[cstart:here]
            if before and (before[-1] != "的" or _SUBJECT_BEFORE.search(before)):
                continue
            hm = _NP_HEAD.match(masked, here + len(p))
            if not hm:
                continue
            end = hm.end()
            out.append(_uncued("anonymous", text, cstart, cstart, end, text[cstart:end]))
    out.extend(_role_openings(masked, text, lex))
    for m in _CALLED.finditer(masked):
        # 她叫梁颖彤: the name of the person just mentioned, for a later 她
        a, b = m.span(1)
        if native_name(masked, a, b, lex) == a:
            out.append(_uncued("name", text, a, a, b, None))
    out.sort(key=lambda x: x.start)
    return out


#: A sentence opening: up to four Han characters.
_SENTENCE_HEAD = re.compile(rf"\s*([{_HAN}]{{2,4}})")
#: What follows a subject at once: an adverb, a preposition or 是 (医生很直接, 主管也在).
_SUBJECT_AFTER = frozenset("很也都就又还才便却只正在是对向跟给把立马不没从并已曾")
#: First characters of a role noun opening a sentence that make it no subject.
_NOT_ROLE_START = frozenset("这那其他她我你它有没不也都就还又曾再已正在于每各某该此")


def _role_openings(masked: str, text: str, lex: Chinese) -> list[Mention]:
    """Unnamed people a role noun names at a sentence's start (``医生很直接，他…``).

    They are there for a later 他/她 of the same sentence or the next ones.
    The writer (记者, 笔者) is left out. Linear: one look per sentence.
    """
    out: list[Mention] = []
    for s in sentence_starts(masked):
        m = _SENTENCE_HEAD.match(masked, s)
        if m is None or m.group(1)[0] in _NOT_ROLE_START:
            continue
        a = m.start(1)
        for b in range(a + 2, m.end(1) + 1):
            word = masked[a:b]
            if masked[b - 1] not in lex.role_suffixes:
                continue
            if word in lex.writer_roles or lex.group_word_re.search(word):
                break
            if masked[b : b + 1] not in _SUBJECT_AFTER:
                break  # 教授李明 (a name follows), 处理完 (a verb, not a role)
            out.append(_uncued("anonymous", text, a, a, b, text[a:b]))
            break
    return out


def _uncued(
    kind: str, text: str, name_start: int, start: int, end: int, description: str | None
) -> Mention:
    """A mention of ``text[name_start:end]`` in ``text[start:end]`` before any cue is found."""
    return Mention(
        kind,
        text[name_start:end],
        name_start,
        end,
        start,
        end,
        None,
        end,
        end,
        description=description,
    )


def known_subjects(masked: str, text: str, known: frozenset[str]) -> list[Mention]:
    """Mentions of known names opening a clause or following a role: for pronoun recency."""
    out: list[Mention] = []
    if not known:
        return out
    roles = chinese().role_suffixes
    for m in heads_re(known).finditer(masked):
        i = m.start()
        prev = masked[i - 1] if i else "\n"
        if prev in CLAUSE_OPENERS or prev == "的" or prev in roles:
            name = known_at(masked, i, known)
            if name is not None:
                j = i + len(name)
                out.append(Mention("name", text[i:j], i, j, i, j, None, j, j))
    return out


_LABEL = re.compile(r"\s*([^\s：:，,。；;\ue000]{2,16}?)[：:]")


def speaker_label(masked: str, text: str, lex: Chinese | None = None) -> Mention | None:
    """A transcript label opening the paragraph: a name and a colon (``上官云舒：``).

    Only a name counts (a native name filling the label, a dotted or a Latin
    name); roles (``主持人：``, ``记者：``, ``问：``) give None.
    """
    lex = lex or chinese()
    m = _LABEL.match(masked)
    if m is None:
        return None
    a, b = m.span(1)
    if lex.cue_re.search(masked, a, b):
        return None  # 拉维·梅农写道：, a cue and its colon
    latin = _LATIN_NAME.fullmatch(masked, a, b)
    if not (latin or dotted_name(masked, b, lex) == a or native_name(masked, a, b, lex) == a):
        return None
    return mention("name", text[a:b], a, b, a, cue=Cue("：", b, b + 1, b + 1))


def clause_subject(
    masked: str, text: str, cs: int, ce: int, known: frozenset[str]
) -> Mention | None:
    """The subject of the clause that ``masked[cs:ce]`` (a cue, or 接受…专访) ends."""
    return _subject(masked, text, cs, ce, text[cs:ce], chinese(), known)


def reported_speaker(
    by_cue: list[Mention], keys: list[int], sent_start: int, after: int
) -> Mention | None:
    """The speaker of the last cue before ``sent_start`` (and after ``after``), if a person.

    ``X指出，……。“……”``: a quotation standing as its own sentence after a
    sentence of X's reported speech is X's.
    """
    i = bisect.bisect_left(keys, sent_start) - 1
    if i < 0:
        return None
    m = by_cue[i]
    if m.kind in ("name", "anonymous", "pronoun") and not m.weak and m.cue_start >= after:
        return m
    return None


#: What may follow a cue that ends its sentence: a particle of direction or aspect.
_CUE_CLOSE = re.compile(r"\s*(?:道|起来|了)?\s*(?:[。！!…]|$)")


def closing_speaker(masked: str, by_cue: list[Mention]) -> Mention | None:
    """The speaker of a paragraph's first sentence when its cue ends it (``…，温岚平静地说。``).

    Such a sentence attributes the quotation just before it, in the
    paragraph before. ``by_cue`` are the paragraph's mentions, sorted by cue.
    """
    m = _SENT_END.search(masked)
    end = m.start() if m else len(masked)
    found = None
    for candidate in by_cue:
        if candidate.cue_end > end:
            break
        found = candidate
    if (
        found is None
        or found.cue is None
        or found.weak
        or found.kind == "group"
        or not _CUE_CLOSE.match(masked, found.cue_end)
    ):
        return None
    return found


def find_mentions(
    masked: str,
    text: str,
    lex: Chinese | None = None,
    known: frozenset[str] = frozenset(),
    label: Mention | None = None,
    orgs: Orgs | None = None,
) -> list[Mention]:
    """Every cue in ``masked`` with the subject it introduces, in text order.

    ``known`` names (from :func:`name_vocabulary`) may be the subject at the
    start of the clause (``彭磊抬起头问``) or of the sentence when the clause
    has none (``钟晴合上电脑，对同事说``).
    """
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
        if cs and (masked[cs - 1] in DOTS + _NEGATION or masked[cs - 2 : cs] in _NEGATED):
            continue
        last = out[-1] if out else None
        if last is not None and last.cue is not None and last.cue_end == cs:
            # two cues in a row (喊叫说, 恳求说): one, with the first one's subject
            out[-1] = attrs.evolve(last, cue=last.cue + text[cs:ce], cue_end=ce, end=ce)
            continue
        found = _subject(masked, text, cs, ce, text[cs:ce], lex, known, orgs.names if orgs else {})
        if found and found.kind == "name" and orgs:
            # 该会, 院方, 联署: the organisation written in full before
            whole = referred(masked[found.name_start : found.name_end], orgs)
            found = attrs.evolve(found, aliases=(*found.aliases, whole)) if whole else found
        if (
            found
            and last
            and last.cue
            and found.name_start >= last.cue_end > cs - 24
            and _clause_start(masked, cs) <= last.start
        ):  # 回复本报查询时表示: the clause's one subject
            found = attrs.evolve(last, cue=text[cs:ce], cue_start=cs, cue_end=ce)
        if found and label is not None and found.surface == "我":
            # 我 in a speaker's turn of a transcript is that speaker
            found = attrs.evolve(
                label, cue=found.cue, cue_start=cs, cue_end=ce, start=found.start, end=found.end
            )
        if found:
            out.append(found)
    return out


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_AS_SAID = re.compile(r"正如|如同|就像|诚如|如")


def _subject(
    masked: str,
    text: str,
    cs: int,
    ce: int,
    cue: str,
    lex: Chinese,
    known: frozenset[str] = frozenset(),
    orgs: Mapping[str, str] | None = None,
) -> Mention | None:
    cstart = _clause_start(masked, cs)
    conj = lex.conjunction_re.match(masked, cstart, cs)
    if conj and conj.end() < cs:
        cstart = conj.end()
    b = cs
    # strip adverbials between subject and cue (在社交媒体上, 也, 则遗憾地)
    lo = cstart
    if masked[cstart : cstart + 1] in ("他", "她") and masked[cstart + 1 : cstart + 2] != "们":
        lo += 1  # the pronoun is the subject, never part of an adverbial (她|接着说)
    for _ in range(5):
        adv = lex.adverbial_re.search(masked, lo, b)
        if adv and adv.start() == cstart + 1 and masked[cstart] in lex.surnames:
            # a surname alone is left: the adverbial starts one later (王明|笑着说)
            adv = lex.adverbial_re.search(masked, cstart + 2, b)
        if not adv:
            break
        b = adv.start()
        if b == lo:
            break
    for i in range(max(cstart, b - 3), b):
        # an adverbial never starts inside a known name (卫思琪|大方地问)
        whole = known_at(masked, i, known)
        if whole is not None and b < i + len(whole) <= cs:
            b = i + len(whole)
            break
    if masked[b - 1 : b] == "所" and b - 1 > cstart:
        # 正如X(临走前)所说: X opens what is left once 正如 is set aside
        k = cstart + len(m.group(0)) if (m := _AS_SAID.match(masked, cstart, b)) else cstart
        lead = _leading_name(masked, text, k, Cue(cue, cs, ce, ce), lex)
        if lead is not None:
            return lead
    aliases: list[str] = []
    paren = _PAREN_TAIL.search(masked, cstart, b)
    name_end = b
    if paren:
        inner = paren.group(1).strip()
        name_end = paren.start()
        if _LATIN_LETTER.search(inner):
            aliases.append(inner)
    end = ce + 1 if masked[ce : ce + 1] == "道" else ce  # 反驳道: the clause ends after 道
    common = Cue(cue, cs, ce, end)
    pre = masked[cstart:name_end]
    if not pre.strip():
        return _sentence_subject(masked, text, cstart, common, known, lex)
    handle = described_by_quote(masked, cstart, name_end)  # 自称“…”的网友: unnamed
    if handle is not None:
        words = text[handle:name_end]
        return mention("anonymous", words, handle, name_end, handle, description=words, cue=common)
    # (one test in C for all of them first: most subjects end in none)
    for pron in lex.pronoun_order if pre.endswith(lex.pronoun_order) else ():
        if pre.endswith(pron):
            s = name_end - len(pron)
            if s == cstart or not HAN_CHAR.match(masked, s - 1):
                kind = "pronoun" if lex.pronouns[pron] in ("m", "f") or pron == "我" else "group"
                return mention(kind, pron, s, name_end, s, gender=lex.pronouns[pron], cue=common)
            break
    late = _LATE_PRONOUN.search(pre)
    if late is not None and pre[: late.start()].endswith(_TIME_ENDS + _WHILE):
        # 过了一会他才(对…说): a time clause, then the pronoun subject
        s = cstart + late.start()
        pron = masked[s]
        return mention("pronoun", pron, s, s + 1, s, gender=lex.pronouns[pron], cue=common)
    start = None
    latin = _LATIN_NAME.search(masked, cstart, name_end)
    if latin and latin.end() == name_end and latin.group(1)[:1].isupper():
        start = latin.start(1)
    if start is None:
        start = dotted_name(masked, name_end, lex)
        if start is not None and start < cstart:
            start = None
    anon = _anonymous_at(masked, cstart, name_end, lex)
    if start is None:
        start = _known_end(masked, cstart, name_end, known)
    if start is None:
        start = native_name(masked, cstart, name_end, lex)
    if start is None and anon is None:
        titled = titled_name(masked, cstart, name_end, lex)
        if titled is not None:
            start, name_end = titled
    if start is None and anon is None:
        start = appositive_name(masked, cstart, name_end, lex, known)
    if start is None and anon is None:
        statement = lex.statement_re.search(masked, b, cs) is not None
        start = _organisation(masked, cstart, name_end, lex, statement)
        # every candidate ends in the subject's last two: no full name holds those, no short name
        tail = masked[max(0, name_end - 2) : name_end]
        if orgs and len(tail) == 2 and any(tail in simple for simple in orgs):
            # a short name of an organisation the article names in full (星图数据)
            for k in range(cstart, name_end - 1) if start is None else (start,):
                whole = short_organisation(masked[k:name_end], orgs)
                if whole is not None:
                    start = k
                    aliases.append(whole)
                    break
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
    if described(masked, cstart, name_end, lex):  # 老板(对他说), 他妈, 她的导师: someone unnamed
        desc = text[cstart:name_end].strip()
        return mention("anonymous", desc, cstart, name_end, cstart, description=desc, cue=common)
    if anon is None and _role_headed(pre, lex) and pre[0] not in "也都就还又有没不他她我你它":
        # 该公司人力资源负责人, 校方发言人: someone unnamed, described by a role
        desc = text[cstart:name_end].strip()
        return mention("anonymous", desc, cstart, name_end, cstart, description=desc, cue=common)
    if anon is None:
        opening = _opening_subject(masked, text, cstart, common, known, lex)
        if opening is not None:
            return opening
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
    if pre.endswith(tuple(lex.group_words)):  # one test in C
        return mention("group", pre, cstart, name_end, cstart, cue=common)

    bare = pre.strip()
    if (
        BARE_NAME.fullmatch(bare)
        and bare_name_ok(bare, lex)
        and (bare in known or bare[0] in lex.surnames)
    ):
        # a name by position: two or three characters alone before the cue (秋云说)
        a = cstart + pre.index(bare)
        return mention("name", text[a : a + len(bare)], a, a + len(bare), a, cue=common)
    owned = _POSSESSED_ROLE.fullmatch(masked, cstart, name_end)
    if owned is not None and masked[name_end - 1] in lex.role_suffixes:
        # someone described, not named: 我的第一任导师(对我说)
        desc = text[cstart:name_end]
        return mention("anonymous", desc, cstart, name_end, cstart, description=desc, cue=common)
    # a clause without a subject of its own (又改变口气说): the sentence's
    return _sentence_subject(masked, text, cstart, common, known, lex)


#: Role nouns of someone acting for others (负责人, 代理人, 律师).
_ROLE_HEAD = re.compile(r"(?:(?:负责|代理|发言|当事|经纪|监护|联系)人|律师)$")


def _role_headed(pre: str, lex: Chinese) -> bool:
    """Whether the subject ``pre`` is a description ending in 负责人, 代理人, 发言人…."""
    return len(pre) > 3 and _ROLE_HEAD.search(pre) is not None


#: A description owned by a person (我的导师, 他们的组长): someone unnamed.
_POSSESSED_ROLE = re.compile(rf"\s*(?:我|我们|你|你们|他|她|他们|她们)的[{_HAN}]{{2,10}}")


def _known_end(masked: str, a: int, b: int, known: frozenset[str]) -> int | None:
    """Start of a name the article uses (``known``) ending the subject ``masked[a:b]``.

    It may end in a character that also ends role nouns (嘉生, 闵柱子).
    """
    for size in (4, 3, 2):
        s = b - size
        if s >= a and masked[s:b] in known and (s == a or not HAN_CHAR.match(masked, s - 1)):
            return s
    return None


def _opening_subject(
    masked: str, text: str, at: int, cue: Cue, known: frozenset[str], lex: Chinese
) -> Mention | None:
    """A pronoun (他, 她) or a known name opening a clause at ``at``: its subject."""
    while at < len(masked) and masked[at].isspace():
        at += 1
    pron = masked[at : at + 1]
    if pron in ("他", "她") and masked[at + 1 : at + 2] != "们":
        return mention("pronoun", pron, at, at + 1, at, gender=lex.pronouns[pron], cue=cue)
    found = _known_mention(masked, text, at, cue, known)
    titled = role_name_at(masked, at, lex, known) if found is None else None
    if titled is not None:  # 导师诸葛允文(在群里发出…：): a name after its role
        a, b = titled
        return mention("name", text[a:b], a, b, at, description=text[at:a], cue=cue)
    return found


def _known_mention(
    masked: str, text: str, at: int, cue: Cue, known: frozenset[str]
) -> Mention | None:
    """A known name starting at ``at``, as the subject of ``cue``."""
    name = known_at(masked, at, known)
    if name is None:
        return None
    j = at + len(name)
    return mention("name", text[at:j], at, j, at, cue=cue)


def _sentence_subject(
    masked: str, text: str, cstart: int, cue: Cue, known: frozenset[str], lex: Chinese
) -> Mention | None:
    """The subject of the sentence's first clause, for a clause without one.

    A pronoun or known name opening the sentence, else a known name inside
    its first clause (``测试工程师钟晴合上电脑，对同事说``).
    """
    low = max(0, cstart - _MAX_LOOK)
    k = max(masked.rfind(p, low, cstart) for p in "。！？!?\n" + MASK)
    while k > low and masked[k] == MASK:
        j = k
        while j > low and masked[j - 1] == MASK:
            j -= 1
        if not (j and _WORDISH.match(masked, j - 1) and _WORDISH.match(masked, k + 1)):
            break
        # a term quoted inside the sentence (他把“成果”交上去…) does not end it
        k = max(masked.rfind(p, low, j) for p in "。！？!?\n" + MASK)
    start = low if k < 0 else k + 1
    if start >= cstart:
        return None
    opening = _opening_subject(masked, text, start, cue, known, lex)
    if opening is not None:
        return opening
    # a clause of time or place first (这时候，马德山…，同时问)
    for k in range(start, cstart - 1):
        if masked[k] in "，,":
            opening = _opening_subject(masked, text, k + 1, cue, known, lex)
            if opening is None and masked[start:k].endswith(_TIME_ENDS):
                opening = _leading_name(masked, text, k + 1, cue, lex)
            if opening is not None:
                return opening
    # an unnamed source opening the sentence (有位同行私信我，只留了一句：),
    # maybe someone's (我的一位老同事，曾…说)
    owner = _OWNER.match(masked, start)
    at = owner.end() if owner is not None else start
    for p in lex.anonymous_prefixes:
        if ("位" in p or "名" in p) and masked.startswith(p, at):
            hm = _NP_HEAD.match(masked, at + len(p))
            if hm is not None:
                desc = text[start : hm.end()]
                return mention("anonymous", desc, start, hm.end(), start, description=desc, cue=cue)
    if not known:
        return None
    stop = masked.find("，", start, cstart)
    for i in range(start, stop if stop >= 0 else cstart):
        if i > start and masked[i - 1] in OBJECT_BEFORE:
            continue  # the object of 对, 给, 把…, not the subject
        found = _known_mention(masked, text, i, cue, known)
        if found is not None:
            return found
    return None


#: A pronoun subject after a time phrase, with an adverb or two before the cue (他才).
_LATE_PRONOUN = re.compile(r"[他她](?![们的])[才就又便也却还只先再已都]{0,2}$")
_WHILE = ("一会", "一会儿", "片刻", "半天", "半晌")
#: Whose someone is (我的一位同事).
_OWNER = re.compile(r"\s*(?:我|我们|你|你们|他|她|他们|她们)的")
#: How a clause of time ends (这时候, 起床以后, 第二天).
_TIME_ENDS = ("时候", "时", "以后", "之后", "后", "以前", "之前", "天", "晚上", "早上", "中午")


def _leading_name(masked: str, text: str, at: int, cue: Cue, lex: Chinese) -> Mention | None:
    """A native name by its shape opening a clause at ``at``: a common surname and one or two."""
    if masked[at : at + 1] not in lex.surnames:
        return None
    # three characters unless a function word or a verb comes after two (葛钟|才对)
    size = 2 if next_word(masked, at + 2, lex) else 3
    cand = masked[at : at + size]
    if not BARE_NAME.fullmatch(cand) or not bare_name_ok(cand, lex):
        return None
    return mention("name", text[at : at + size], at, at + size, at, cue=cue)


def pronoun_start(masked: str, start: int, lex: Chinese | None = None) -> Mention | None:
    """A sentence-initial 他 or 她 at ``start``, as a mention without a cue."""
    lex = lex or chinese()
    m = _PRONOUN_START.match(masked, start)
    if not m:
        return None
    a, b = m.span(1)
    return Mention("pronoun", m.group(1), a, b, a, b, None, a, a, gender=lex.pronouns[m.group(1)])
