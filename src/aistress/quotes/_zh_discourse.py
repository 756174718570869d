"""Chinese dialogue: who speaks a quotation that has no cue of its own.

Fiction and feature writing give runs of quotations with few cues. Three
readings of the paragraphs around such a quotation, tried in order:

1. *after*: the sentence right after the quotation opens with a person
   (``“还好。”林安低着头。``): that person;
2. *next*: the quotation fills its paragraph and the next paragraph opens
   with a person who hears it (``听林安说完``, ``林安的话``) or with a
   person as its subject (``林安一下子红了脸。``): the one heard, else
   that subject;
3. *turn*: the quotation fills its paragraph, and the paragraph before
   holds a turn of a two-person conversation: the other participant
   answers (the addressee of ``对她说``, ``问他``, or the speaker of the
   turn before, when it differs; after a question with neither, the
   person the last paragraphs name who did not ask it).

A person is a pronoun (他, 她), a name the article uses (``known``), a
native name by its shape, or a role or kinship noun (``母亲``, ``老板``),
an unnamed person described by it. Each paragraph is looked at a bounded
number of times: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

import attrs

from aistress.model import Article, QuoteKind
from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._marks import Marks
from aistress.quotes._types import MASK, Mention
from aistress.quotes._zh_names import heads_re, known_at
from aistress.quotes._zh_people import described, inside_word, person_at, role_name_at

__all__ = [
    "Paragraph",
    "Quoted",
    "Turn",
    "addressed",
    "described",
    "dialogue",
    "dialogue_speakers",
    "paragraph",
]


class Quoted(Protocol):
    """A quotation under analysis, as the extractor holds it."""

    @property
    def marks(self) -> Marks: ...
    @property
    def route(self) -> str | None: ...
    @property
    def mention(self) -> Mention | None: ...
    @property
    def mention_block(self) -> int: ...
    @property
    def kind(self) -> QuoteKind: ...
    @property
    def source(self) -> Quoted | None: ...


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Turn:
    """A quotation of a Chinese paragraph as extraction left it.

    ``mention`` is whoever it is attributed to (None when nobody);
    ``open`` is True when that came from no cue of its own (continued from
    the paragraph before, or nothing), so a reading of the dialogue may
    replace it.
    """

    start: int
    end: int
    inner: str
    mention: Mention | None
    open: bool
    block: int  # the paragraph of ``mention``


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Paragraph:
    """One Chinese paragraph: its masked and plain text and its quotations."""

    masked: str
    text: str
    turns: tuple[Turn, ...]
    cues: tuple[Mention, ...]  # the paragraph's cue mentions, sorted by cue


#: Punctuation that may stand between a quotation and the sentence after it.
_GAP = " \t，,"
#: How quoted words end when the words after them are about their speaker.
_TURN_END = frozenset("。！？!?…，,—～~")
#: What a paragraph of quotations only may hold besides them.
_QUOTE_ONLY = MASK + " \t\u3000，,。.：:；;！!？?…—-"
#: A person heard (听林安说完, 听了她的话) or whose words are named (林安的这番话).
_HEARD = re.compile(
    r"听(?:完|了|到|见)?(?P<a>[^，。,；;：:！？!?\ue000]{1,6}?)(?:说|讲|的(?:话|意见|回答))"
    r"|(?P<b>[^，。,；;：:！？!?\ue000的听]{1,6}?)的(?:这番|这些|这个|一番|这句|那番)?"
    r"(?:话|意见|建议|回答|解释|问话)"
)
#: Silence or speech denied (沉默, 没有回答, 没吭声, 不语).
_SILENT = re.compile(r"沉默|不语|不吭声|没吭声|没(?:有)?(?:说话|回答|作声|言语|开口)|一言不发")
#: Words that take a person as the one spoken to, before a cue (对她说, 向组长解释).
_TO_BEFORE = re.compile(r"(?:对|向|跟|给|和)(?P<p>[^，。,；;：:！？!?\ue000]{1,8}?)$")
#: Cues whose object is the one spoken to (问他, 告诉林安).
_TO_AFTER = ("问", "告诉", "回答", "劝", "求", "叫", "喊")
#: How far into the next paragraph its first sentence is looked for.
_LOOK = 80


def paragraph(
    masked: str,
    text: str,
    found: Sequence[Quoted],
    cues: Sequence[Mention],
    source: Sequence[tuple[Mention, int] | None],
) -> Paragraph:
    """The paragraph's quotations as turns.

    ``source`` is, for each quotation, whom it continues (with the mention's
    paragraph) when it has no mention of its own.
    """
    only = _quote_only(masked)
    turns = tuple(
        Turn(
            f.marks.start,
            f.marks.end,
            text[f.marks.inner_start : f.marks.inner_end],
            f.mention or (s[0] if s else None),
            f.route in (None, "paragraph") and (only or f.kind is QuoteKind.DIRECT),
            f.mention_block if f.mention is not None or s is None else s[1],
        )
        for f, s in zip(found, source, strict=True)
    )
    return Paragraph(masked, text, turns, tuple(cues))


def _quote_only(masked: str) -> bool:
    return MASK in masked and not masked.strip(_QUOTE_ONLY)


def _after(p: Paragraph, t: Turn, known: frozenset[str], lex: Chinese) -> Mention | None:
    """The person opening the sentence right after the quotation ``t``."""
    if t.inner.rstrip()[-1:] not in _TURN_END:
        return None
    j = t.end
    while j < len(p.masked) and p.masked[j] in _GAP:
        j += 1
    if j >= len(p.masked) or p.masked[j] == MASK:
        return None
    return person_at(p.masked, p.text, j, known, lex)


def _next(p: Paragraph, known: frozenset[str], lex: Chinese) -> Mention | None:
    """Who the paragraph after a quotation-only paragraph shows as its speaker."""
    masked = p.masked
    if not masked or masked[0] == MASK:
        return None
    end = min(len(masked), _LOOK)  # the first sentence, bounded
    for stop in "。！？!?\ue000":
        k = masked.find(stop, 0, end)
        if k >= 0:
            end = k
    if _SILENT.search(masked, 0, end):
        return None  # 林安沉默不语: whoever opens it did not speak
    heard = _HEARD.search(masked, 0, end)
    if heard is not None:
        a, b = heard.span("a") if heard.group("a") else heard.span("b")
        for i in range(a, b):
            found = person_at(masked, p.text, i, known, lex, whole=b)
            if found is not None:
                return found
    if masked[end : end + 1] == MASK:
        return None  # 林安笑了：“…”: the next turn, opened by its own speaker
    return person_at(masked, p.text, 0, known, lex)


def _addressee(p: Paragraph, m: Mention, known: frozenset[str], lex: Chinese) -> Mention | None:
    """Whom the cue of ``m`` speaks to: 对她说, 向林安解释, 问他."""
    if m.cue is None:
        return None
    to = _TO_BEFORE.search(p.masked, m.name_end, m.cue_start)
    if to is not None:
        a, b = to.span("p")
        for i in range(a, b):
            found = person_at(p.masked, p.text, i, known, lex, titled=True)
            if found is not None:
                return found
    if m.cue.startswith(_TO_AFTER) or m.cue.endswith(_TO_AFTER):
        return person_at(p.masked, p.text, m.cue_end, known, lex, titled=True)
    return None


def _same(a: Mention, b: Mention) -> bool:
    if a.kind == "pronoun" or b.kind == "pronoun":
        return a.surface == b.surface or (
            a.gender is not None and b.gender is not None and a.gender == b.gender
        )
    # a given name stands for the full name (允文, 诸葛允文), a surname and one for it too
    x, y = a.surface, b.surface
    return x.endswith(y) or y.endswith(x) or x.startswith(y) or y.startswith(x)


def _scene_names(
    p: Paragraph, bi: int, known: frozenset[str], lex: Chinese
) -> list[tuple[Mention, int]]:
    """The people a paragraph names outside its quotations, in order.

    Names the article uses (``known``) and names after a role noun
    (``博士生柏文澜``), any surname allowed there.
    """
    masked = p.masked
    found: dict[int, int] = {}  # start -> end
    for m in lex.role_name_re.finditer(masked):
        # 师|冼志恒: from the role's last character, where the match starts
        at = role_name_at(masked, m.start(), lex, known)
        if at is not None:
            found.setdefault(at[0], at[1])
    taken = set(found)
    if known:
        for m in heads_re(known).finditer(masked):
            i = m.start()
            name = known_at(masked, i, known)
            if name is None or inside_word(masked, i, lex) or lex.role_re.match(masked, i):
                continue  # 教授欧(阳晓彤): a role noun, not a name
            if taken.isdisjoint(range(i, i + len(name))):
                found[i] = i + len(name)
    out: list[tuple[Mention, int]] = []
    end = -1
    for i in sorted(found):
        if i >= end:
            end = found[i]
            out.append((Mention("name", p.text[i:end], i, end, i, end, None, end, end), bi))
    return out


#: How many paragraphs back a conversation's participants are remembered.
_SCENE = 3
#: How many of the people named lately are remembered.
_SCENE_NAMES = 8


def dialogue_speakers(
    paragraphs: Sequence[Paragraph | None],
    known: frozenset[str],
    lex: Chinese | None = None,
) -> list[tuple[int, int, Mention, int]]:
    """Speakers for quotations left open, as ``(paragraph, turn, mention, mention paragraph)``.

    ``paragraphs`` are the article's blocks in order, None for a block not
    read as Chinese. The mentions are new (found here, no cue) or the
    mentions of earlier turns.
    """
    lex = lex or chinese()
    out: list[tuple[int, int, Mention, int]] = []
    # the conversation: the last turn's speaker and whom it spoke to, with their paragraphs
    last: tuple[Mention, int] | None = None
    to: tuple[Mention, int] | None = None
    last_at = -1  # the paragraph of the last turn
    asked = False  # whether the last turn asked a question
    # the people each paragraph names, read only when a turn asks for the scene
    named: dict[int, list[tuple[Mention, int]]] = {}
    since = 0  # where the scene starts (after a block not read as Chinese)

    def other(bi: int) -> tuple[Mention, int] | None:
        if to is not None or last is None or not asked:
            return to
        scene: list[tuple[Mention, int]] = []  # people named lately, the latest last
        for b in range(max(since, bi - _SCENE), bi):
            seen = paragraphs[b]  # never None after the scene's start
            if b not in named and seen is not None:
                named[b] = _scene_names(seen, b, known, lex)
            scene.extend(named.get(b, ()))
        for m, b in reversed(scene[-_SCENE_NAMES:]):
            if not _same(m, last[0]):
                return (m, b)
        return None

    for bi, p in enumerate(paragraphs):
        if p is None:
            last = to = None
            since = bi + 1
            continue
        only = _quote_only(p.masked)
        prev = paragraphs[bi - 1] if bi else None
        carried = prev is not None and prev.masked.rstrip().endswith(("：", ":"))
        heard: list[Mention | None] = []  # the next paragraph's reading, once
        for k, t in enumerate(p.turns):
            who: tuple[Mention, int] | None = None
            if t.open and not carried:
                m = _after(p, t, known, lex)
                turn = other(bi) if only and last is not None and last_at >= bi - 2 else None
                if m is not None:
                    who = (m, bi)
                elif only and bi + 1 < len(paragraphs):
                    nxt = paragraphs[bi + 1]
                    if not heard:
                        heard.append(_next(nxt, known, lex) if nxt is not None else None)
                    if heard[0] is not None:
                        who = (heard[0], bi + 1)
                if who is None:
                    who = turn
                if who is not None:
                    out.append((bi, k, who[0], who[1]))
            speaker = who if who is not None else (t.mention, t.block) if t.mention else None
            if speaker is not None and speaker[0].kind != "group":
                if last is not None and _same(last[0], speaker[0]):
                    continue
                new_to = None
                home = paragraphs[speaker[1]]
                if speaker[0].cue is not None and home is not None:
                    found = _addressee(home, speaker[0], known, lex)
                    new_to = (found, speaker[1]) if found is not None else None
                to = new_to or last
                last, last_at = speaker, bi
            if speaker is not None:
                asked = t.inner.rstrip()[-1:] in ("？", "?")
        if not p.turns:
            # a paragraph closing the turn before it (林安问她。) or opening one (林安说：)
            for m in p.cues:
                if m.kind in ("name", "pronoun", "anonymous") and not m.weak:
                    if last is None or not _same(last[0], m):
                        to = last
                    found = _addressee(p, m, known, lex)
                    if found is not None:
                        to = (found, bi)
                    last, last_at = (m, bi), bi
                    break
    return out


def dialogue(
    article: Article,
    by_block: Sequence[Sequence[Quoted]],
    langs: Sequence[str],
    maskeds: Sequence[str],
    cues: Sequence[Sequence[Mention]],
    known: frozenset[str],
) -> list[tuple[int, int, tuple[Mention, int], bool]]:
    """:func:`dialogue_speakers` over the extractor's quotations of ``article``.

    Each answer is ``(block, quotation, (mention, mention's block), new)``;
    ``new`` is True the first time a mention found here (no cue) is given.
    """
    paras: list[Paragraph | None] = []
    for bi, fs in enumerate(by_block):
        src: list[tuple[Mention, int] | None] = []
        for f in fs:
            s = f
            while s.route == "paragraph" and s.source is not None:
                s = s.source
            src.append((s.mention, s.mention_block) if s.mention is not None else None)
        text = article.blocks[bi].text
        zh = langs[bi] == "zh"
        paras.append(paragraph(maskeds[bi], text, fs, cues[bi], src) if zh else None)
    seen: set[int] = set()
    out = []
    for bi, k, m, mb in dialogue_speakers(paras, known):
        new = m.cue is None and id(m) not in seen
        seen.add(id(m))
        out.append((bi, k, (m, mb), new))
    return out


#: The one spoken to as the subject of what they said or wrote (你上个月在朋友圈说).
_YOU_SAID = re.compile(r"你(?!们)[^。！？!?\ue000]{0,16}?(?:说|写|讲|提到|发)")


def addressed(
    masked: str,
    a: int,
    b: int,
    interviewee: str | None,
    other: Mention | None,
    label: Mention | None,
) -> Mention | None:
    """In an interview or transcript, who ``你`` is when ``masked[a:b]`` says they said it.

    The interviewee (when the turn is not theirs), else the last turn's speaker.
    """
    you = _YOU_SAID.search(masked, a, b)
    if you is None:
        return None
    k = you.start()
    if interviewee and (label is None or label.surface != interviewee):
        return Mention("name", interviewee, k, k + 1, k, k + 1, None, k + 1, k + 1)
    if other is not None and (label is None or label.surface != other.surface):
        return Mention("name", other.surface, k, k + 1, k, k + 1, None, k + 1, k + 1)
    return None
