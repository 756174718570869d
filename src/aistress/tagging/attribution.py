"""Who raised a stressor or proposed a remedy, from the quotes package's attribution engine.

The tagger does no attribution of its own: :func:`aistress.quotes.attribute`
finds every quotation and reported statement with its speaker, and a tag
takes the speaker of the quotation or reported sentence holding its
evidence, else the nearest attributed speaker in the same block. A block
that opens with a speaker label (a transcript's ``NAME:``, a forum's
``u/handle:``, ``@handle：``, ``推 handle：``, ``作者 handle``) is that
speaker's turn: its tags are raised by the labelled speaker. In a thread or
a transcript (two or more labelled blocks), the paragraphs after a labelled
one continue its turn until a heading or a field label such as ``Q:``.

Speaker labels are read from their shape alone: a handle (``u/``, ``@``,
a forum's reply or author marker), a capitalised name of two to four words
before a colon, or any label that opens two or more blocks of the article
(the turns of a transcript). Field names (``Note:``, ``Q:``, ``问：``) are not
speakers.

>>> from aistress.model import Article, Block
>>> a = Article("a", "en", "blog", blocks=[
...     Block("paragraph", "u/night_owl: I sleep at the lab."),
...     Block("paragraph", "Note: nothing here."),
... ])
>>> [(i, p.name) for i, p in speaker_labels(a).items()]
[(0, 'night_owl')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

import attrs

from aistress.model import Article, BlockKind, Person, Quote, Span
from aistress.quotes import Attribution, Attributions, attribute, interviewee
from aistress.quotes._interview import ANSWER_LABEL, TAG_PREFIX
from aistress.quotes._lexicon import english

__all__ = [
    "attributions",
    "author_of",
    "first_person",
    "person_for",
    "speaker_labels",
    "speaker_turns",
    "writer_of",
]

#: Attribution looks at this many evidence spans of a tag.
_EVIDENCE_LOOKED_AT = 8

#: A label opening a block: an optional forum marker (a reply or author mark, a
#: floor number ``3楼``, ``#3``), a title, the name, an optional bracketed
#: nickname, a colon (compiled by :func:`_patterns`).
_LABEL = (
    r"\s*(?P<marker>(?:(?:作者|回答者|回覆|回复|樓主|楼主|推|噓|嘘|→|#\d{1,4}"
    r"|\d{1,4}\s*(?:楼|樓|F|L|#))\s*)+)?"
    r"(?:{title}\s+)?"
    r"(?P<handle>u/|@)?"
    r"(?P<name>[^\s:：,，。;；!?！？()（）\[\]「」“”\"']{1,32}"
    r"(?: [^\s:：,，。;；!?！？()（）\[\]「」“”\"']{1,32}){0,3})"
    r"\s*(?:\((?P<paren>[^()\n]{0,40})\)|（(?P<wide>[^（）\n]{0,40})）)?\s*[:：]\s*\S"
)
#: A forum answer's lead-in: ``X的回答``, ``X 的回覆``.
_ANSWER_SUFFIX = re.compile(r"\s*的(?:回答|回覆|回复|留言|评论|評論|回帖)$")
#: A Chinese name: two to four Han characters, none of them a numeral or a time word.
_HAN_NAME = re.compile(
    r"(?:(?![〇零一二三四五六七八九十百千点點时時分秒凌晨早晚午])[\u4e00-\u9fff]){2,4}"
)
#: A Latin given name and a Han surname (``Cherry 馮``), or the reverse.
_MIXED_NAME = re.compile(
    r"(?:[A-Z][a-z]+ ){1,3}[\u4e00-\u9fff]{1,2}|[\u4e00-\u9fff]{1,2}(?: [A-Z][a-z]+){1,3}"
)
#: The last characters of a Chinese role noun heading a turn (``受访者``, ``正方一辩``).
_ROLE_END = ("者", "员", "員", "方", "辩", "辯", "官", "嘉宾", "嘉賓", "代表", "主持")
#: A chat handle in brackets opening a block: ``[night_owl] text``.
_BRACKETED = re.compile(r"\s*\[(?P<name>[^\[\]\s]{2,32})\]\s*\S")
#: A sign-off closing a quoted block: ``“…”——研究员 龚子墨``, ``"…" — Dana Li``.
_SIGNED = re.compile(
    r"[”\"」』]\s*(?:——|—|--)\s*(?:[^\s”\"」』—]{1,24}\s)?"
    r"(?P<name>[^\s,，。;；!?！？()（）—]{2,24}(?: [^\s,，。;；!?！？()（）—]{1,24}){0,2})\s*$"
)
#: A handle inside a lead-in (``Reply from u/name``, ``Posted by @name``).
_INNER_HANDLE = re.compile(r"(?:^|\s)(?:u/|@)(?P<name>[\w.-]{2,32})$")
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}|[A-Z][A-Z'’.-]+")
#: A handle: letters with an underscore, a digit or an inner dot (``ravi.k``).
_HANDLE_SHAPE = re.compile(r"[\w.-]*(?:_|\d)[\w.-]*|[a-z][\w-]*\.[a-z][\w.-]*")

#: Words that head a field or a turn without naming anyone (lower-cased).
FIELD_WORDS = frozenset(
    [
        "q",
        "a",
        "q&a",
        "qa",
        "note",
        "notes",
        "edit",
        "update",
        "updated",
        "tl;dr",
        "tldr",
        "summary",
        "abstract",
        "ps",
        "p.s",
        "re",
        "subject",
        "from",
        "to",
        "cc",
        "date",
        "title",
        "source",
        "sources",
        "host",
        "interviewer",
        "moderator",
        "question",
        "answer",
        "reply",
        "comment",
        "comments",
        "author",
        "editor",
        "disclaimer",
        "warning",
        "background",
        "context",
        "method",
        "methods",
        "result",
        "results",
        "conclusion",
        "conclusions",
        "takeaway",
        "takeaways",
        "step",
        "tip",
        "tips",
        "example",
        "问",
        "答",
        "问题",
        "回答",
        "提问",
        "注",
        "按",
        "编者",
        "编者按",
        "编辑",
        "记者",
        "主持人",
        "主持",
        "摘要",
        "标题",
        "背景",
        "方法",
        "结论",
        "总结",
        "更新",
        "附注",
        "备注",
        "來源",
        "来源",
        "题目",
        "題目",
        "問",
        "問題",
        "提問",
        "編者",
        "編者按",
        "編輯",
        "記者",
        "主持",
        "摘要",
        "標題",
        "結論",
        "總結",
        "備註",
        "日期",
        "時間",
        "时间",
        "地点",
        "地點",
        "主题",
        "主題",
    ]
)


def speaker_labels(article: Article) -> dict[int, Person]:
    """The speaker each block's opening label names, by block index.

    Linear in the article: one anchored match per block.
    """
    return {i: person for i, (person, own) in speaker_turns(article).items() if own}


def speaker_turns(article: Article) -> dict[int, tuple[Person, bool]]:
    """Who speaks each block of a turn-taking article, and whether its own label says so.

    A block with a speaker label is that speaker's (``True``). In an article
    where two or more blocks carry speaker labels (a thread, a transcript),
    an unlabelled paragraph that follows a labelled one continues its turn
    (``False``) until a heading or a field label (``Q:``, ``答：``) ends it.
    """
    found: dict[int, tuple[str, bool]] = {}
    fields: set[int] = set()
    answers: list[int] = []
    for index, block in enumerate(article.blocks):
        label = _label(block.text)
        if label is None:
            continue
        if not label[0]:
            fields.add(index)
            if ANSWER_LABEL.match(block.text):
                answers.append(index)
            continue
        found[index] = label
    counts: dict[str, int] = {}
    for name, _ in found.values():
        counts[name] = counts.get(name, 0) + 1
    people = {
        i: _person(name) for i, (name, shaped) in found.items() if shaped or counts[name] >= 2
    }
    out = {i: (person, True) for i, person in people.items()}
    answering = interviewee(article) if answers else None
    if answering is not None:
        out.update((i, (answering, True)) for i in answers)
    if len(people) < 2:
        return out
    current: Person | None = None
    for index, block in enumerate(article.blocks):
        if index in people:
            current = people[index]
        elif index in fields or block.kind is not BlockKind.PARAGRAPH:
            current = None
        elif current is not None and block.text.strip():
            out[index] = (current, False)
    return out


def _label(text: str) -> tuple[str, bool] | None:
    """The speaker label of a block: ``(name, shaped)``, ``("", False)`` for a field label.

    ``shaped``: the label has the shape of a speaker whatever else the article
    holds (a handle, a forum marker, a capitalised name, a sign-off).
    """
    m = _BRACKETED.match(text)
    if m is not None and _HANDLE_SHAPE.fullmatch(m.group("name")):
        return m.group("name"), True
    tag = TAG_PREFIX.match(text)
    m = _patterns()[0].match(text, tag.end() if tag else 0)
    if m is not None:
        name = m.group("name").strip()
        answer = _ANSWER_SUFFIX.search(name)
        if answer is not None:
            name = name[: answer.start()].strip()
        inner = _INNER_HANDLE.search(name)
        if inner is not None:
            return inner.group("name"), True
        bracketed = (m.group("paren") or m.group("wide") or "").strip()
        if bracketed and _role_and_name(name, bracketed):
            return bracketed, True
        if name.lower().rstrip(".") in FIELD_WORDS or len(name) < 2:
            return "", False
        if " " in name and not _CAPITALISED.fullmatch(name) and not _name_shaped(name):
            named = _described(name)
            if named is not None:
                return named, True
        shaped = bool(
            m.group("marker")
            or m.group("handle")
            or answer
            or _CAPITALISED.fullmatch(name)
            or (" " not in name and _HANDLE_SHAPE.fullmatch(name))
        )
        return name, shaped
    m = _SIGNED.search(text[-80:])
    if m is not None:
        return m.group("name"), True
    return None


def _name_shaped(text: str) -> bool:
    """Whether a label part reads as a person's name (not a role, a time or a field)."""
    if text.lower() in FIELD_WORDS:
        return False
    if " " not in text and _HANDLE_SHAPE.fullmatch(text):
        return any(ch.isalpha() for ch in text)
    if _MIXED_NAME.fullmatch(text):
        return True
    if _HAN_NAME.fullmatch(text):
        return not text.endswith(_ROLE_END)
    return bool(_CAPITALISED.fullmatch(text)) and " " in text


def _role_and_name(outer: str, inner: str) -> bool:
    """Whether a label is a role with the name in brackets (``受访者（X）``, ``HOST (X Y)``)."""
    if not _name_shaped(inner):
        return False
    role = outer.lower() in FIELD_WORDS or outer.endswith(_ROLE_END)
    shouted = outer.isupper() and " " not in outer
    return role or shouted


def _described(label: str) -> str | None:
    """The name closing a label that first describes its speaker (``2016级 X``, ``Reply by x``)."""
    words = label.split()
    for start in range(1, len(words)):
        rest = " ".join(words[start:])
        if _name_shaped(rest):
            return rest
    return None


def _person(name: str) -> Person:
    """A label as a person: a transcript's capitals in title case, the label kept as an alias."""
    shown = _display(name)
    return Person(shown, aliases=(name,) if shown != name else ())


def _display(name: str) -> str:
    """A label as a name: capitals of a transcript label turned to title case."""
    if not (name.isupper() and len(name) > 3):
        return name
    return re.sub(r"[A-Z]+", lambda m: m.group().capitalize(), name)


def attributions(article: Article, quotes: Sequence[Quote] | None) -> Attributions:
    """The attributions of ``article``; from ``quotes`` alone when they are given.

    ``None`` runs the attribution engine on the article; a sequence of quotes
    (possibly empty, to skip attribution) is used as it is.
    """
    if quotes is None:
        return attribute(article)
    items = [
        Attribution(span, q.speaker, q.cue)
        for q in quotes
        if q.speaker is not None
        for span in q.spans
        if span.doc == article.id and 0 <= span.start <= span.end <= len(article.text)
    ]
    items.sort(key=lambda a: (a.span.start, a.span.end))
    return Attributions(tuple(items))


def person_for(
    found: Attributions,
    evidence: Sequence[Span],
    block: Span,
    turn: tuple[Person, bool] | None = None,
) -> Person | None:
    """Who says the evidence: the block's speaker label, its quotation or reported sentence.

    ``turn`` is the block's speaker from :func:`speaker_turns`. A block with
    its own label is that speaker's turn: what it reports others saying is
    still raised by the speaker. Otherwise the speaker of the quotation or
    reported sentence holding the evidence, else the speaker whose turn the
    block continues, else the nearest attributed speaker in the block. Each
    look-up is a binary search, so a block with many tags stays linear.
    """
    if not evidence:
        return None
    if turn is not None and turn[1]:
        return turn[0]
    looked = evidence[:_EVIDENCE_LOOKED_AT]
    if len(found):
        for span in looked:
            person = found.person_for(span)
            if person is not None:
                return _trimmed(person)
    if turn is not None:
        return turn[0]
    if not len(found):
        return None
    return _trimmed(found.person_for(looked[0], within=block))


def _trimmed(person: Person | None) -> Person | None:
    """The person with the white space around their name removed."""
    if person is None or person.name == person.name.strip() or not person.name.strip():
        return person
    return attrs.evolve(person, name=person.name.strip())


#: The writer in the first person.
_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me|we|our|us)\b|我")
_EN_NAME = r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}"
_ZH_NAME = r"[\u4e00-\u9fff·]{2,6}"
#: A byline opening an article: ``By X``, ``作者：X``, ``文／X``.
_BYLINE = re.compile(
    rf"\s*(?:[Bb]y\s+(?P<en>{_EN_NAME})|(?:作者|文|撰文|文字)\s*[：:／/|｜]\s*(?P<zh>{_ZH_NAME}))\s*$"
)
#: A closing line that names the writer: ``X is a professor of ...``,
#: ``（作者系…）``, ``—— X``.
_SIGN_OFF = re.compile(
    rf"\s*(?:(?P<en>{_EN_NAME}) (?:is|was) (?:a|an|the)\s"
    rf"|[（(]?作者(?:系|为|為|是)?\s*[：:]?\s*(?P<zh>{_ZH_NAME})(?=[，,。）)\s]|$)"
    rf"|(?:——|—|--)\s*(?P<signed>{_EN_NAME}|{_ZH_NAME})\s*$)"
)


#: A memo's or notice's sender: ``From: X``, ``发件人：X``, ``發文者：X`` (compiled by
#: :func:`_patterns`).
_SENDER = (
    rf"^[ \t]*(?:From|Sent by|发件人|發件人|发文人|發文人|發文者|发布人|發布人|签发人|簽發人)"
    rf"[ \t]*[:：][ \t]*(?:{{title}}[ \t]+)?"
    rf"(?:(?P<en>{_EN_NAME})|(?:[^\n:：]{{0,12}}?[ \t])?(?P<zh>{_ZH_NAME}))[ \t]*(?:[,，(（]|$)"
)


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The block label, the sender line and a title, built with the lexicon's titles."""
    title = english().title_words
    return (
        re.compile(_LABEL.replace("{title}", title)),
        re.compile(_SENDER.replace("{title}", title), re.MULTILINE),
        re.compile(rf"(?<![\w.]){title}\s+"),
    )


def writer_of(article: Article) -> tuple[Person, bool] | None:
    """The writer an article names, and whether they speak every block or the first-person ones.

    A memo's or notice's sender (``From: X``, ``发件人：X``) speaks every
    block no one else is given; the writer a byline or a closing bio line
    names (:func:`author_of`) speaks the blocks in the first person.
    """
    for block in article.blocks[:3]:
        m = _patterns()[1].search(block.text)
        if m is not None:
            name = (m.group("en") or m.group("zh")).strip()
            if not name.startswith(("The ", "the ")):
                return Person(_patterns()[2].sub("", name, count=1)), True
    found = author_of(article)
    return (found, False) if found is not None else None


def author_of(article: Article) -> Person | None:
    """The writer an article names: its ``author`` field, a byline or a closing bio line.

    A byline is one of the first three blocks (``By X``, ``作者：X``); a
    closing line one of the last two (``X is an associate professor ...``,
    ``（作者系某大学教师）``, ``—— X``). Linear: one anchored match per block
    looked at.

    >>> from aistress.model import Article, Block
    >>> a = Article("o", "en", "blog", blocks=[
    ...     Block("paragraph", "I work every weekend."),
    ...     Block("paragraph", "Ada Quill is a lecturer in statistics."),
    ... ])
    >>> author_of(a).name
    'Ada Quill'
    """
    if article.author and article.author.strip():
        return Person(article.author.strip())
    blocks = article.blocks
    for block in blocks[:3]:
        m = _BYLINE.match(block.text)
        if m is not None:
            return Person(_patterns()[2].sub("", m.group("en") or m.group("zh"), count=1))
    for block in blocks[-2:] if len(blocks) > 1 else ():
        m = _SIGN_OFF.match(block.text)
        if m is not None:
            name = m.group("en") or m.group("zh") or m.group("signed")
            return Person(_patterns()[2].sub("", name, count=1))
    return None


def first_person(text: str) -> bool:
    """Whether a block speaks in the first person (``I``, ``we``, ``我``)."""
    return _FIRST_PERSON.search(text) is not None


def turns_of(article: Article, quotes: Sequence[Quote] | None) -> Mapping[int, tuple[Person, bool]]:
    """The blocks' speakers (:func:`speaker_turns`); none when attribution is skipped."""
    if quotes is not None and not quotes:
        return {}
    return speaker_turns(article)
