"""Who raised a stressor or proposed a remedy, from the quotes package's attribution engine.

The tagger does no attribution of its own: :func:`aistress.quotes.attribute`
finds every quotation and reported statement with its speaker, and a tag
takes the speaker of the quotation or reported sentence holding its
evidence, else the nearest attributed speaker in the same block. A block
that opens with a speaker label (a transcript's ``NAME:``, a forum's
``u/handle:``, ``@handle：``, ``推 handle：``, ``作者 handle``) is that
speaker's turn: its tags are raised by the labelled speaker.

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

import re
from collections.abc import Mapping, Sequence

from aistress.model import Article, Person, Quote, Span
from aistress.quotes import Attribution, Attributions, attribute

__all__ = ["attributions", "person_for", "speaker_labels"]

#: Attribution looks at this many evidence spans of a tag.
_EVIDENCE_LOOKED_AT = 8

#: A label opening a block: an optional forum marker, the name, an optional
#: bracketed nickname, a colon.
_LABEL = re.compile(
    r"\s*(?P<marker>(?:作者|回答者|回覆|回复|樓主|楼主|推|噓|嘘|→)\s*)?"
    r"(?P<handle>u/|@)?"
    r"(?P<name>[^\s:：,，。;；!?！？()（）\[\]「」“”\"']{1,32}"
    r"(?: [^\s:：,，。;；!?！？()（）\[\]「」“”\"']{1,32}){0,3})"
    r"\s*(?:\([^()\n]{0,40}\)|（[^（）\n]{0,40}）)?\s*[:：]\s*\S"
)
_CAPITALISED = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){1,3}|[A-Z][A-Z'’.-]+")
_HANDLE_SHAPE = re.compile(r"[\w.-]*(?:_|\d)[\w.-]*")

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
    found: dict[int, tuple[str, bool]] = {}
    for index, block in enumerate(article.blocks):
        m = _LABEL.match(block.text)
        if m is None:
            continue
        name = m.group("name").strip()
        if name.lower().rstrip(".") in FIELD_WORDS or len(name) < 2:
            continue
        shaped = bool(
            m.group("marker")
            or m.group("handle")
            or _CAPITALISED.fullmatch(name)
            or (" " not in name and _HANDLE_SHAPE.fullmatch(name))
        )
        found[index] = (name, shaped)
    counts: dict[str, int] = {}
    for name, _ in found.values():
        counts[name] = counts.get(name, 0) + 1
    return {
        i: Person(_display(name))
        for i, (name, shaped) in found.items()
        if shaped or counts[name] >= 2
    }


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
    label: Person | None = None,
) -> Person | None:
    """Who says the evidence: the block's label, else its quotation or reported sentence.

    ``label`` is the speaker the block's opening label names
    (:func:`speaker_labels`): a labelled block is that speaker's turn, and
    what it reports others saying is still raised by the speaker. Without a
    label, the speaker of the quotation or reported sentence holding the
    evidence, else the nearest attributed speaker in the block. Each look-up
    is a binary search, so a block with many tags stays linear.
    """
    if not evidence:
        return None
    if label is not None:
        return label
    if not len(found):
        return None
    looked = evidence[:_EVIDENCE_LOOKED_AT]
    for span in looked:
        person = found.person_for(span)
        if person is not None:
            return person
    return found.person_for(looked[0], within=block)


def labels_of(article: Article, quotes: Sequence[Quote] | None) -> Mapping[int, Person]:
    """The block labels, unless the caller skipped attribution (``quotes=()``)."""
    if quotes is not None and not quotes:
        return {}
    return speaker_labels(article)
