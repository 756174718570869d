"""Chinese names by their shape: surnames, name length, titles, names a story uses.

Names are found from data (common surnames, every surname CC-CEDICT marks,
role nouns, titles, words for relatives) and from the shape of the text
(a name opens clauses, a function word follows it, it is written the same
way again), never from a list of people. Everything here is linear in the
length of the text it is given.
"""

from __future__ import annotations

import functools
import operator
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._types import MASK
from aistress.text.language import HAN, HAN_CHAR
from aistress.text.script import to_simplified

__all__ = [
    "BARE_NAME",
    "CLAUSE_OPENERS",
    "DOTS",
    "DOTTED_RUN",
    "NOT_ORG_START",
    "OBJECT_BEFORE",
    "appositive_name",
    "bare_name_ok",
    "dotted_name",
    "dotted_runs",
    "given_name_links",
    "heads_re",
    "join_given_names",
    "known_at",
    "name_vocabulary",
    "native_name",
    "next_word",
    "organisation_names",
    "short_organisation",
    "titled_name",
]

_HAN = HAN
DOTS = "·・•‧･"
_DOTTED_TAIL = re.compile(rf"([{_HAN}]+(?:[{DOTS}][{_HAN}]+)+)$")
DOTTED_RUN = re.compile(rf"[{_HAN}]{{1,12}}(?:[{DOTS}][{_HAN}]{{1,12}})+")
_ANY_DOT = re.compile(f"[{DOTS}]")


#: A stretch of Han characters and dots: every dotted run lies inside one.
_HAN_OR_DOT_RUN = re.compile(f"[{_HAN}{DOTS}]+")


def dotted_runs(masked: str) -> Iterator[re.Match[str]]:
    """The :data:`DOTTED_RUN` matches of ``masked``, looked for only where a dot is.

    The run pattern is tried at every Han character it is given. A match
    holds Han characters and dots only, so it lies inside one stretch of
    them: the pattern is given only the stretches that hold a dot, from 12
    characters before the first (most blocks have no dot at all, and one
    search for a dot settles them). The matches are those of the whole
    text, in order; linear in its length.
    """
    if _ANY_DOT.search(masked) is None:
        return iter(())
    return (
        m
        for run in _HAN_OR_DOT_RUN.finditer(masked)
        if (dot := _ANY_DOT.search(masked, run.start(), run.end())) is not None
        # a match has at most 12 characters before its first dot
        for m in DOTTED_RUN.finditer(masked, max(run.start(), dot.start() - 12), run.end())
    )


def dotted_name(text: str, end: int, lex: Chinese) -> int | None:
    """Start of a dotted name ending at ``end``, or None."""
    m = _DOTTED_TAIL.search(text, max(0, end - 30), end)
    if not m:
        return None
    start = m.start()
    first_dot = min(text.find(d, start, end) for d in DOTS if text.find(d, start, end) >= 0)
    # the first part: name characters only, at least one
    a = first_dot
    if a > start and text[a - 1] not in lex.name_chars and text[a - 1] not in lex.role_suffixes:
        a -= 1  # one character the table does not know may end the first part
    while a > start and text[a - 1] in lex.name_chars and text[a - 1] not in lex.role_suffixes:
        a -= 1
    if a == first_dot:
        a = first_dot - 1
    return a


def native_name(text: str, a: int, b: int, lex: Chinese) -> int | None:
    """Start of a native name (surname + one or two characters) ending at ``b``."""
    for size in (4, 3):
        # a two-character surname first: 司马文瀚, not 马文瀚
        s = b - size
        if (
            s >= a
            and text[s : s + 2] in lex.compound_surnames
            and _HAN_RUN.fullmatch(text, s, b)
            and (s == a or name_start_ok(text, s, lex))
            and not next_word(text, b - 1, lex)
        ):
            return s
    for size in (3, 2, 4):
        s = b - size
        if s < a:
            continue
        cand = text[s:b]
        if not _HAN_RUN.fullmatch(cand):
            continue
        before = text[s - 1] if s > a else ""
        after_role = before in lex.role_suffixes or before == "的"
        # a common surname anywhere; any surname for a full three-character
        # name or right after a role (发言人周明岚)
        surname_ok = cand[0] in lex.surnames or cand[:2] in lex.surnames
        if size == 4 and not (
            cand[:2] in lex.all_surnames
            or (
                cand[0] in lex.surnames
                and cand[1] in lex.surnames
                and not next_word(text, b - 1, lex)
            )
        ):
            continue  # four characters: a two-character surname (or two surnames) and a name
        if not surname_ok and (size == 3 or after_role):
            surname_ok = cand[0] in lex.all_surnames or cand[:2] in lex.all_surnames
        if not surname_ok or cand[-1] in lex.role_suffixes or "的" in cand:
            continue
        if size == 3 and next_word(text, b - 1, lex):
            continue  # 马波不(假思索地说), 葛钟才(对…说): an adverb ends it
        if lex.group_word_re.search(cand) or cand in lex.pronouns:
            continue
        if s > a and compound_before(text, s, lex):
            continue  # 司马文瀚: the name starts one character earlier
        if before and HAN_CHAR.match(before) and before not in lex.role_suffixes and before != "的":
            continue
        return s
    return None


def compound_before(text: str, s: int, lex: Chinese) -> bool:
    """Whether a compound surname starting just before ``s`` stands at a name's start.

    ``教授司马文瀚``: yes; ``公司马明`` (the company's Ma Ming): no, 公 binds 司.
    """
    if len(text) <= s or text[s - 1 : s + 1] not in lex.all_surnames:
        return False
    before = text[s - 2] if s >= 2 else ""
    return not HAN_CHAR.match(before) or before in lex.role_suffixes or before == "的"


def _role_name(masked: str, s: int, cand: str, lex: Chinese) -> str:
    """A name candidate after a role, widened to four characters for a compound surname.

    ``主席司徒嘉言``: the role ends in 司, but 司徒 is the surname.
    """
    if s > 0 and compound_before(masked, s, lex):
        s -= 1
    elif cand[:2] not in lex.all_surnames:
        return cand
    wide = masked[s : s + 4]
    return wide if len(wide) == 4 and re.fullmatch(rf"[{_HAN}]+", wide) else cand


CLAUSE_OPENERS = frozenset("，,。！？!?；;：:、\n和与及" + MASK)
#: Characters that never end a native name: they start the next word.
_NOT_NAME_END = frozenset("说表指称问回告补透笑想看在对向和与的是了也都则就又把被将已曾")


def name_vocabulary(
    blocks: list[str], lex: Chinese | None = None, texts: list[str] | None = None
) -> frozenset[str]:
    """Native names an article introduces after a role (``测试工程师钟晴``, ``同事彭磊``).

    A role noun followed by a surname gives two candidates, the surname with
    one or with two more characters; the one that also opens more clauses
    of the article wins (``钟晴`` over ``钟晴合``). Names of characters in
    narrative come from :func:`_story_names`, counting characters in
    ``texts`` (the blocks unmasked, quotations included) when given.
    Linear in the text.
    """
    lex = lex or chinese()
    found: list[str] = []
    heads: list[str] = []  # what opens each clause, two to four characters
    for masked in blocks:
        found.extend(
            _role_name(masked, m.start(1), m.group(1), lex)
            for m in lex.role_name_re.finditer(masked)
            if m.group(1)[1] not in lex.role_suffixes
        )
        for m in dotted_runs(masked):
            last = max(masked.rfind(d, m.start(), m.end()) for d in DOTS) + 1
            k = last
            while k < m.end() and masked[k] in lex.name_chars:
                k += 1
            if 2 <= k - last <= 5:
                found.append(masked[last:k])
        opens = _AFTER_OPENER.find(masked)
        heads += [masked[i : i + size] for size in (2, 3, 4) for i in opens]
    counts = Counter(heads)  # counted at once, in C
    seen: dict[str, int] = {}
    for cand in found:
        for key in {cand[:2], cand[:3], cand[:4]}:
            seen[key] = seen.get(key, 0) + 1
    out = set(_story_names(blocks, counts, lex, texts or blocks))
    out.update(_given_names(blocks, lex))
    out.update(_repeated_names(blocks, lex))
    for cand in found:
        two, three = cand[:2], cand[:3]
        if len(cand) == 4:  # a compound surname: 司马 with one or two given characters
            two, three = cand[:3], cand
        good3 = len(three) == len(two) + 1 and three[-1] not in _NOT_NAME_END
        best = three if good3 and counts.get(three, 0) >= counts.get(two, 0) else two
        # a name is written more than once: a one-off is more likely a phrase
        if counts.get(best, 0) + seen.get(best, 0) >= 2:
            out.add(best)
    return frozenset(
        n
        for n in out
        if "的" not in n
        and n not in lex.pronouns
        and n not in lex.not_names
        and not n.startswith(lex.anonymous_prefixes)  # 一位: someone unnamed
        and not any(p in n for p in ("我", "你", "他", "她"))  # 但我: a pronoun
        and lex.conjunction_re.match(n) is None  # 据隔(壁…说): a preposition opens it
        and n[-1] not in _NOT_GIVEN  # 硕一, 四十: a year of study or a number
        and n not in lex.compound_surnames  # 令狐: a surname alone
    )


def _given_names(blocks: list[str], lex: Chinese) -> list[str]:
    """Full names whose given name also stands alone, and those given names.

    ``合伙人欧阳晓彤…`` and, elsewhere, ``晓彤说过…``: a surname and two
    characters where a name may start (a clause opening, after 的 or a role
    noun), and the same two characters opening a clause on their own. Both
    forms are names of one person (:func:`given_name_links` joins them).
    A given name is only written where a name stands: each time it opens
    a clause, follows its surname, 的 or a word taking a person as object
    (``对晓彤说``); a word such as 研究 is also inside phrases
    (``任何研究``, ``进行研究``). Linear in the text: one look at each surname
    where a name may start, and one pass looking for the candidates (at
    most :data:`_MAX_GIVEN` of them).
    """
    pairs: dict[str, str] = {}  # given name -> full name
    starts = _name_starts()
    for masked in blocks:
        for i in starts.find(masked):
            after_role = i > 0 and (masked[i - 1] == "的" or masked[i - 1] in lex.role_suffixes)
            if not after_role and masked[i] not in lex.surnames:
                continue  # a rare surname only where a role noun introduces it (创办人邝咏琪)
            for size in (2, 1) if masked[i : i + 2] in lex.compound_surnames else (1,):
                if size == 1 and masked[i] not in lex.all_surnames:
                    continue
                given = masked[i + size : i + size + 2]
                if (
                    len(given) == 2
                    and _HAN_RUN.fullmatch(given)
                    and bare_name_ok(given, lex, role_end=True)
                    and not lex.title_re.search(given)
                    and not next_word(masked, i + size + 1, lex)
                    and not lex.cue_re.match(given)
                ):
                    pairs.setdefault(given, masked[i : i + size + 2])
                    break
    if not pairs or len(pairs) > _MAX_GIVEN:
        return []
    # one pass over the text: where each candidate is written, and what stands before it
    # (each candidate is two characters: a match takes the first and looks at
    # the second, so the engine scans for first characters in C)
    written = re.compile("|".join(re.escape(g[0]) + "(?=" + re.escape(g[1:]) + ")" for g in pairs))
    alone: Counter[str] = Counter()  # opening a clause after punctuation
    elsewhere: Counter[str] = Counter()  # inside a phrase
    for masked in blocks:
        for m in written.finditer(masked):
            i = m.start()
            given = masked[i : i + 2]
            full = pairs[given]
            before = masked[i - 1] if i else "\n"
            after_surname = i >= len(full) - 2 and masked.startswith(full, i - len(full) + 2)
            if before in _PUNCT_OPENERS:
                alone[given] += 1
            elif not (before in _NAME_BEFORE or after_surname):
                elsewhere[given] += 1
    return [n for given in alone if not elsewhere[given] for n in (pairs[given], given)]


#: Characters that never stand in a given name: numerals and counters (硕一, 三个月).
_NOT_GIVEN = frozenset("一二三四五六七八九十百千万两几第个")


def _repeated_names(blocks: list[str], lex: Chinese) -> list[str]:
    """Full names written again and again where a name may start, with no cue near them.

    A surname (a common one, or any surname written three times) and two
    characters, or a compound surname and one or two, each starting a
    clause, following a role noun or 的 (``…只剩下冯晓岚和…``, ``冯晓岚抬起头``);
    the first characters never written without the last one (``三个月`` is
    no name where ``三个人`` is also written). Linear in the text.
    """
    grams = _Grams("\n".join(blocks))
    at_start: Counter[str] = Counter()
    for masked in blocks:
        for i in _repeat_starts().find(masked):
            size = 2 if masked[i : i + 2] in lex.compound_surnames else 1
            for glen in (2, 1) if size == 2 else (2,):
                cand = masked[i : i + size + glen]
                given = cand[size:]
                if (
                    len(given) == glen
                    and _HAN_RUN.fullmatch(cand)
                    and _NOT_GIVEN.isdisjoint(given)
                    and given[-1] not in lex.role_suffixes
                    and cand[:2] not in lex.not_names
                    and given not in lex.not_names
                    and not lex.group_word_re.search(cand)
                    and not any(next_word(masked, k, lex) for k in range(i + size, i + len(cand)))
                ):
                    at_start[cand] += 1
                    break
    often = [c for c, n in at_start.items() if n >= (2 if c[0] in lex.surnames else 3)]
    grams.prefetch(g for cand in often for g in (cand, cand[:-1]))
    return [cand for cand in often if grams.count(cand) == grams.count(cand[:-1])]


#: Words after which a name stands as an object or addressee (对, 给, 问…) or owner (的).
OBJECT_BEFORE = frozenset("对向给跟和与把被问叫让替")
_NAME_BEFORE = OBJECT_BEFORE | {"的", "见"}
#: Punctuation after which a clause opens.
_PUNCT_OPENERS = frozenset("，,。！？!?；;：:、\n" + MASK + "”’」』")
#: The most candidate given names an article is checked for.
_MAX_GIVEN = 32


class _Openings:
    """Where a word may start after a clause opening: offsets found by two character classes.

    An offset ``i`` is found when ``i == 0`` or ``text[i - 1]`` is in the
    class ``before``, and ``text[i]`` is in the class ``first``.
    One scan for the character before (the engine looks for a class in C)
    and one look at offset 0, rather than a look-behind tried at every offset.
    """

    def __init__(self, before: str, first: str) -> None:
        """``before`` and ``first``: the insides of the two character classes."""
        self._pair = re.compile(f"[{before}](?=[{first}])")
        self._first = re.compile(f"[{first}]")

    def find(self, text: str) -> list[int]:
        """The offsets, in order."""
        out = [m.end() for m in self._pair.finditer(text)]
        if self._first.match(text):
            out.insert(0, 0)
        return out


@functools.cache
def _name_starts() -> _Openings:
    """Where a native name may start: a surname at a clause opening, after 的 or a role noun."""
    lex = chinese()
    before = re.escape("".join(sorted(CLAUSE_OPENERS | lex.role_suffixes | {"的"})))
    first = re.escape("".join(sorted(s[0] for s in lex.all_surnames)))
    return _Openings(before, first)


@functools.cache
def _repeat_starts() -> _Openings:
    """Where a name written again may start: as :func:`_name_starts`, or after 是, 对, 跟…."""
    lex = chinese()
    before = re.escape("".join(sorted(CLAUSE_OPENERS | lex.role_suffixes | _NAME_BEFORE | {"是"})))
    first = re.escape("".join(sorted(s[0] for s in lex.all_surnames)))
    return _Openings(before, first)


def join_given_names(group_of: dict[str, int]) -> None:
    """Put each given name in the group of the full name it stands for (:func:`given_name_links`).

    ``group_of`` maps written names to group numbers and is changed in place.
    """
    for given, full in given_name_links(list(group_of)).items():
        old, new = group_of[given], group_of[full]
        for name, g in group_of.items():
            if g == old:
                group_of[name] = new


def given_name_links(names: list[str], lex: Chinese | None = None) -> dict[str, str]:
    """Given names (``晓彤``) and the one full name among ``names`` they stand for (``欧阳晓彤``).

    A two-character name joins the full name that is a surname and it, when
    exactly one such full name is among ``names``.

    >>> given_name_links(["欧阳晓彤", "晓彤", "王雨桐", "雨桐", "李雨桐"])
    {'晓彤': '欧阳晓彤'}
    """
    lex = lex or chinese()
    full: dict[str, set[str]] = {}
    for name in names:
        simple = to_simplified(name)  # 歐陽曉彤: the surname table is Simplified
        for size in (1, 2):
            if len(name) == size + 2 and simple[:size] in lex.all_surnames:
                full.setdefault(name[size:], set()).add(name)
    return {
        name: next(iter(full[name]))
        for name in dict.fromkeys(names)
        if len(name) == 2 and len(full.get(name, ())) == 1
    }


#: A clause opening: the two or three characters after it may be a subject.
_OPENING = re.compile(rf"(?:^|(?<=[，,。！？!?；;：:、\n\ue000”’」』]))([{_HAN}]{{2,3}})")
#: Speech right after a subject: a short adverbial, then a speech verb (笑着说, 惊奇地问).
_SPEECH_AFTER = re.compile(rf"[{_HAN}]{{0,8}}?(?:说|问|喊|嚷|答|道|骂|叫道)")
#: A sentence it opens ends in speech, with a colon or not (建平低着头搓了搓手，说：
#: or 建平放下杯子，平静地说。).
_SPEECH_COLON = re.compile(
    r"[^。！？!?；;\ue000：:]{0,40}?(?:说|问|喊|嚷|答|道|骂)(?:[：:。！!]|$)"
)
#: Characters that open an adverb or a verb: they never end a name found by position.
_ADVERB_START = frozenset("不没马立很便仍却只正猛赶急忙连突顿一才他她")


def _sentence_opening(masked: str, i: int) -> bool:
    k = i - 1
    while k >= 0 and masked[k] in " \t\u3000":
        k -= 1
    return k < 0 or masked[k] in "。！？!?\n”’」』"


#: Function words and verbs that follow a subject: never the last character of a name.
_FUNCTION_AFTER = frozenset("笑想看在对向和与的是了也都则就又把被将已曾")


def next_word(masked: str, k: int, lex: Chinese) -> bool:
    """Whether the character at ``k`` starts a word after a name rather than ending it."""
    ch = masked[k : k + 1]
    return ch in _FUNCTION_AFTER or ch in _ADVERB_START or lex.cue_re.match(masked, k) is not None


#: A clause opening followed by a character outside a quotation.
_AFTER_OPENER = _Openings(re.escape("".join(sorted(CLAUSE_OPENERS))), "^" + MASK)


class _Grams:
    """Counts of two- to four-character strings in a text, each found when first asked for.

    Most articles never ask (no clause subject speaks), and most ask about
    few strings: each of the first :data:`_MAX_SEARCHED` distinct strings is
    counted by one search of the text (in C); past them, one pass counts
    every string of the text at once. Linear in the text either way.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.counts: Counter[str] | None = None
        self.searched: dict[str, int] = {}
        self.fetched: dict[str, int] = {}  # counted ahead by :meth:`prefetch`

    def prefetch(self, grams: Iterable[str]) -> None:
        """Count at once the strings a reader is about to ask about.

        One search (in C) finds every offset holding the first character of
        one of them; the strings starting there are tallied, one slice per
        offset and length. Linear in the text whatever their number: strings
        never asked about cost nothing more, and any other string is still
        counted when asked (:meth:`count` gives the same numbers either way).
        """
        wanted = {g for g in grams if 2 <= len(g) <= 4}
        if self.counts is not None or not wanted:
            return
        t = self.text
        firsts = re.compile("[" + re.escape("".join(sorted({g[0] for g in wanted}))) + "]")
        at = [m.start() for m in firsts.finditer(t)]
        for size in sorted({len(g) for g in wanted}):
            found = Counter([t[i : i + size] for i in at])
            self.fetched.update((g, found[g]) for g in wanted if len(g) == size)

    def count(self, gram: str) -> int:
        """How many times ``gram`` (two to four characters) occurs in the text."""
        if self.counts is not None:
            return self.counts[gram]
        n = self.fetched.get(gram)
        if n is not None:
            return n
        n = self.searched.get(gram)
        if n is None:
            if len(self.searched) >= _MAX_SEARCHED:
                t = self.text
                self.counts = Counter(map(operator.add, t, t[1:]))
                self.counts.update(map("".join, zip(t, t[1:], t[2:], strict=False)))
                self.counts.update(map("".join, zip(t, t[1:], t[2:], t[3:], strict=False)))
                return self.counts[gram]
            n = _occurrences(self.text, gram) if 2 <= len(gram) <= 4 else 0
            self.searched[gram] = n
        return n


#: Distinct strings :class:`_Grams` counts one search each before it counts them all.
_MAX_SEARCHED = 256


def _occurrences(text: str, gram: str) -> int:
    """How many times ``gram`` occurs in ``text``, overlapping occurrences included."""
    if all(gram[:k] != gram[-k:] for k in range(1, len(gram))):
        return text.count(gram)  # no border: no two occurrences overlap
    n = 0
    i = text.find(gram)
    while i >= 0:
        n += 1
        i = text.find(gram, i + 1)
    return n


def _story_names(
    blocks: list[str], opens: dict[str, int], lex: Chinese, texts: list[str]
) -> list[str]:
    """Names of characters in narrative: a clause subject that speaks (``志刚惊奇地问``).

    A two- or three-character word opening a clause and followed, within
    its clause, by a speech verb is a name when it opens clauses twice or
    starts with a surname. Its length comes from the article: three
    characters when the first two never occur without the third
    (``葛治民``, not ``葛治``), else two (``建平`` in ``建平马上说``).
    Linear in the text: the counts are one pass over it.
    """
    # the clause openings that may be names, then their strings counted at once
    openings: list[tuple[str, int, str, str]] = []  # (block, offset, first two, first three)
    shapes: dict[str, bool] = {}
    for masked in blocks:
        dotted = _ANY_DOT.search(masked) is not None
        for m in _OPENING.finditer(masked):
            c3 = m.group(1)
            c2 = c3[:2]
            if dotted and DOTTED_RUN.match(masked, m.start()):
                continue  # the start of a transliterated name (马蒂亚斯·科恩布鲁姆)
            ok = shapes.get(c2)  # the same words open many clauses: each is read once
            if ok is None:
                ok = shapes[c2] = bare_name_ok(c2, lex) and lex.role_suffixes.isdisjoint(c2)
            if not ok:
                continue
            openings.append((masked, m.start(), c2, c3))
    grams = _Grams("\n".join(texts))
    grams.prefetch(
        g
        for masked, i, c2, c3 in openings
        if len(c3) == 3 and not next_word(masked, i + 2, lex)
        for g in (c2, c3)
    )
    out: list[str] = []
    for masked, i, c2, c3 in openings:
        surname = c2[0] in lex.surnames or c2 in lex.surnames
        name = c2
        if (
            len(c3) == 3
            and not next_word(masked, i + 2, lex)
            and (
                (surname and (grams.count(c3) == grams.count(c2) or grams.count(c3) > 1))
                # a rarer surname: the first two are never written without the third
                or grams.count(c3) == grams.count(c2) >= 2
            )
        ):
            name = c3
        if c2 in lex.all_surnames and len(c3) == 3:  # a compound surname is no whole name
            if not next_word(masked, i + 2, lex):
                name = c3
            name = _compound_name(masked, i, grams, lex) or name
        after = i + len(name)
        if _not_story_subject(masked, i, after, lex):
            continue
        if not (
            _SPEECH_AFTER.match(masked, after)
            or (_sentence_opening(masked, i) and _SPEECH_COLON.match(masked, after))
        ):
            continue
        # a name by position: a function word right after it (建平把…, 秋云对…)
        bounded = (
            len(c3) == 3
            and name == c2
            and next_word(masked, i + 2, lex)
            and grams.count(c2) >= 2
            and not lex.cue_re.match(c2)
        )
        # or the subject of a sentence that is speech (国生说。 秋云插嘴说：)
        speaks = _sentence_opening(masked, i) and _SPEECH_AFTER.match(masked, after)
        if surname or bounded or speaks or opens.get(name, 0) >= 2:
            out.append(name)
    return out


#: Pronouns: one written right after a clause's first word is the clause's subject.
_PRONOUN_CHARS = frozenset("他她我你您它")


def _not_story_subject(masked: str, i: int, after: int, lex: Chinese) -> bool:
    """Whether the word ``masked[i:after]`` opening a clause is no speaker by its shape.

    It is a phrase of place or time (``在信中他说``), or a pronoun or
    plural subject follows it (``正如他所说``: the pronoun speaks).
    """
    if _PLACE_PHRASE.fullmatch(masked, i, after):
        return True
    return (
        masked[after : after + 1] in _PRONOUN_CHARS
        or lex.group_word_re.match(masked, after) is not None
    )


#: A phrase of place or time opening a clause (在信中, 在会上): 在, a word, a locative.
_PLACE_PHRASE = re.compile(rf"在[{_HAN}]{{0,2}}[上中里内时后前]")


def _compound_name(masked: str, i: int, grams: _Grams, lex: Chinese) -> str | None:
    """A four-character name after a compound surname (赫连若瑜), when the article says so.

    The fourth character belongs to the name when the first three never
    occur without it and it starts no next word (a speech verb, an adverb).
    """
    c4 = masked[i : i + 4]
    if len(c4) < 4 or not HAN_CHAR.match(c4[3]) or next_word(masked, i + 3, lex):
        return None
    return c4 if grams.count(c4) == grams.count(c4[:3]) else None


def known_at(masked: str, i: int, known: frozenset[str]) -> str | None:
    if masked[i : i + 2] not in _heads(known):
        return None  # one look-up at most positions: no known name starts here
    for size in (4, 3, 2):
        if masked[i : i + size] in known:
            return masked[i : i + size]
    return None


@functools.lru_cache(maxsize=64)
def _heads(known: frozenset[str]) -> frozenset[str]:
    """The first two characters of every known name."""
    return frozenset(name[:2] for name in known)


@functools.lru_cache(maxsize=64)
@functools.lru_cache(maxsize=64)
def heads_re(known: frozenset[str]) -> re.Pattern[str]:
    """Every position where a known name may start (one pattern per article's names).

    Each match is the first character of a known name's first two, at
    ``m.start()``; it takes that one character only, so no start is
    skipped, and the alternatives all open with a character, which the
    regular expression engine scans for in C. Built once per set of names.
    """
    heads = sorted(_heads(known))
    alternatives = (re.escape(h[0]) + "(?=" + re.escape(h[1:]) + ")" for h in heads)
    return re.compile("|".join(alternatives) if heads else "(?!)")


_HAN_RUN = re.compile(rf"[{_HAN}]+")


def name_start_ok(text: str, s: int, lex: Chinese) -> bool:
    """Whether the character before ``s`` lets a name start there (not inside a word)."""
    before = text[s - 1 : s]
    return not HAN_CHAR.match(before) or before == "的" or before in lex.role_suffixes


def titled_name(masked: str, a: int, b: int, lex: Chinese) -> tuple[int, int] | None:
    """``(start, end)`` of a name with a title ending the subject ``masked[a:b]``.

    ``王明教授``: the name before the title; ``陈先生``: a surname and its
    title, together; ``老陈``: a surname after 老, 小 or 阿.
    """
    t = lex.title_re.search(masked, a, b)
    if t is not None and t.start() > a:
        k = t.start()
        s = native_name(masked, a, k, lex)
        if s is not None:
            return s, k
        if masked[k - 1] in lex.surnames and (k - 1 == a or name_start_ok(masked, k - 1, lex)):
            return k - 1, b
    if (
        b - a >= 2
        and masked[b - 2] in "老小阿"
        and masked[b - 1] in lex.surnames
        and (b - 2 == a or name_start_ok(masked, b - 2, lex))
    ):
        return b - 2, b
    return None


def appositive_name(masked: str, a: int, b: int, lex: Chinese, known: frozenset[str]) -> int | None:
    """Start of a name ending the subject after a kinship noun or a description.

    ``他媳妇秀云``: two or three characters after a word for a relative;
    ``情绪正好的春莲``: a name the article uses elsewhere (``known``) after
    的, a role noun or a relative.
    """
    for size in (3, 2):
        s = b - size
        if s <= a:
            continue
        cand = masked[s:b]
        if not BARE_NAME.fullmatch(cand) or not bare_name_ok(cand, lex):
            continue
        before = masked[s - 1]
        if masked.endswith(lex.kinship, a, s) and (size == 2 or cand in known):
            return s
        if cand in known and (before == "的" or before in lex.role_suffixes):
            return s
    return None


BARE_NAME = re.compile(rf"[{_HAN}]{{2,3}}")
#: First characters of a two- or three-character subject that is no name.
_NOT_NAME_START = frozenset("这那此该其每各某有没不也都就还又我你您大小老对他她它谁哪些些")


def bare_name_ok(word: str, lex: Chinese, *, role_end: bool = False) -> bool:
    """Whether ``word`` may be a name by its shape (no pronoun, adverb or group word).

    A last character that ends role nouns (生, 子, 明) is allowed only with
    ``role_end``, when the text shows the word is a name.
    """
    return (
        (role_end or word[-1] not in lex.role_suffixes)
        and word[0] not in _NOT_NAME_START
        and word not in lex.pronouns
        and word[:2] not in lex.not_names
        and not lex.group_word_re.search(word)
        and _NOT_NAME_END.isdisjoint(word[1:])
    )


#: First characters of a subject that open no organisation's name (an adverb, 有, 是).
NOT_ORG_START = frozenset("也还都就又才便却有没不是将会要")
#: A run of Han characters, and what ends an organisation's full name in one.
_ORG_RUN = re.compile(rf"[{_HAN}]{{4,}}")
#: Words that end the text before an organisation's name inside a run (…获悉杭州…公司).
_BEFORE_ORG = re.compile(r".*[的在由与和是对将从向给被把及为过]")


def organisation_names(blocks: list[str], texts: list[str]) -> dict[str, str]:
    """Full names of organisations an article writes (``杭州星图数据科技有限公司``).

    A run of Han characters ending in a suffix of two or more characters
    (公司, 研究院, 协会): from ``blocks`` (Simplified, masked) to the name as
    ``texts`` (the blocks as written) have it. Linear in the text.
    """
    suffixes = _long_org_suffix_re()
    out: dict[str, str] = {}
    for masked, text in zip(blocks, texts, strict=True):
        for run in _ORG_RUN.finditer(masked):
            ends: dict[int, int] = {}  # start -> the longest name (科技 inside 科技有限公司)
            for m in suffixes.finditer(masked, run.start(), run.end()):
                a = run.start()
                cut = _BEFORE_ORG.match(masked, a, m.start())
                if cut is not None:
                    a = cut.end()
                if (
                    m.end() - a >= 4
                    and m.start() > a
                    and not _NOT_IN_ORG.search(masked, a, m.end())
                ):
                    ends[a] = m.end()
            for a, b in ends.items():
                out.setdefault(masked[a:b], text[a:b])
                if len(out) >= _MAX_ORGS:
                    return out
    return out


#: The most organisation names an article is read for (each subject is compared with all).
_MAX_ORGS = 64


@functools.cache
def _long_org_suffix_re() -> re.Pattern[str]:
    """The organisation suffixes of two or more characters (公司, not 部)."""
    words = sorted((w for w in chinese().org_suffixes if len(w) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


#: Words no organisation's name holds: pronouns, demonstratives, counters of people.
_NOT_IN_ORG = re.compile(r"[我你您他她它这那跟某]|一位|一名")


def short_organisation(name: str, orgs: Mapping[str, str]) -> str | None:
    """The one full organisation name holding ``name`` (星图数据 in 南岭星图数据科技有限公司)."""
    if len(name) < 2 or "的" in name or name[0] in NOT_ORG_START:
        return None
    full = [written for simple, written in orgs.items() if name in simple and name != simple]
    return full[0] if len(full) == 1 else None
