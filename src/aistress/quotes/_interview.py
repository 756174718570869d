"""Interviews: who answers a question-and-answer article, and the turns that person speaks.

An interview is an article with question (``Q:``, ``问：``) and answer
(``A:``, ``答：``) labels; its introduction is what comes before the first of
them. The person interviewed is the first one the introduction names:

- in English, a sentence's subject (``Odile Brisbane spent ...``) or a name
  introduced by apposition;
- in Chinese, a headline's ``专访X：``, a paragraph that opens with a person
  and says the writer talked with them (``X是……。上周我们与她进行了对话``),
  the subject of ``接受…专访``, or a native name opening the introduction
  (after a bracketed tag: ``【访谈】龙知远曾…``).

Each answer paragraph is then that person's turn (:func:`answer_label`).
Linear in the introduction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from aistress.quotes import _chinese
from aistress.quotes._en_subjects import find_subjects, introduced
from aistress.quotes._lexicon import chinese
from aistress.quotes._types import Mention
from aistress.quotes._zh_names import known_at, native_name

__all__ = ["ANSWER_LABEL", "QUESTION_LABEL", "TAG_PREFIX", "answer_label", "find_interviewee"]

#: An interview's question and answer labels opening a paragraph.
QUESTION_LABEL = re.compile(r"\s*(?:Q|Question|问|問|提问|提問)\s*[:：]")
ANSWER_LABEL = re.compile(r"\s*(A|Answer|答|回答)\s*[:：]")
#: A bracketed tag opening a block before its label (``【语音转文字】``, ``[Transcript]``).
TAG_PREFIX = re.compile(r"\s*(?:【[^】\n]{1,20}】|〔[^〕\n]{1,20}〕|\[[^\]\n]{1,20}\])\s*")
#: What may follow a Chinese name opening an interview's introduction.
_AFTER_NAME = frozenset("曾是在现現任从從于於，,（(、为為和与與说說")
#: Someone being interviewed: the subject of 接受…专访 (or 采访, 访问).
_INTERVIEWED = re.compile(r"接受[^，。,；;：:\ue000]{0,12}?(?:专访|采访|访问)")
#: A headline naming whom it interviews: 专访(心理师)X：.
_HEAD_INTERVIEW = re.compile(r"\s*(?:独家)?专访(?P<who>[^：:，,。\ue000]{2,16})[：:]")
#: The writer talking with someone named before: 与她进行了对话, 与他对谈.
_TALKED_WITH = re.compile(r"与(?:他|她)(?:进行了?|做了)?(?:一次|一场)?(?:对话|对谈|访谈|专访)")
#: How many characters of a paragraph its opening name is looked for in.
_OPENING = 24


def find_interviewee(
    texts: Sequence[str], maskeds: Sequence[str], langs: Sequence[str], known: frozenset[str]
) -> str | None:
    """The name of the person an interview's answers are from, or None.

    ``texts`` are the article's blocks; ``maskeds`` the same with their
    quotations masked (Chinese ones in Simplified), ``langs`` their
    languages (``"en"``, ``"zh"``) and ``known`` the Chinese names the
    article uses. None when no answer label follows the first question or
    answer label, or the introduction names no one.
    """
    first = next(
        (i for i, t in enumerate(texts) if QUESTION_LABEL.match(t) or ANSWER_LABEL.match(t)),
        None,
    )
    if first is None or not any(ANSWER_LABEL.match(t) for t in texts[first:]):
        return None
    for i in range(first):
        masked, text = maskeds[i], texts[i]
        name = (
            _chinese_name(masked, text, known) if langs[i] == "zh" else _english_name(masked, text)
        )
        if name is not None:
            return name
    return None


def _english_name(masked: str, text: str) -> str | None:
    """A sentence's subject naming someone, else a name introduced by apposition."""
    for found in (find_subjects(masked, text), introduced(masked, text)):
        name = next((m.surface for m in found if m.kind == "name"), None)
        if name is not None:
            return name
    return None


def _chinese_name(masked: str, text: str, known: frozenset[str]) -> str | None:
    """Whom a Chinese paragraph of an interview's introduction names as interviewed."""
    lex = chinese()
    head = _HEAD_INTERVIEW.match(masked)
    if head is not None:
        a, b = head.span("who")
        for s in range(a, b - 1):
            if masked[s:b] in known:
                return text[s:b]
        start = native_name(masked, a, b, lex)
        return text[start:b] if start is not None else None
    if _TALKED_WITH.search(masked) is not None:
        for i in range(min(len(masked), _OPENING)):
            name = known_at(masked, i, known)
            if name is not None:
                return text[i : i + len(name)]
    for m in _INTERVIEWED.finditer(masked):
        found = _chinese.clause_subject(masked, text, m.start(), m.end(), known)
        if found is not None and found.kind == "name":
            return found.surface
    tag = TAG_PREFIX.match(masked)
    start = tag.end() if tag else len(masked) - len(masked.lstrip())
    for end in range(start + 2, min(start + 5, len(masked))):
        if masked[end] in _AFTER_NAME and native_name(masked, start, end, lex) == start:
            return text[start:end]
    return None


def answer_label(masked: str, name: str | None) -> Mention | None:
    """An interview's answer paragraph (``A:``, ``答：``) as a label of the person interviewed.

    The answer speaks of that person as *I* (我), so its *he* and *she* are
    others: the label's gender is ``"n"``, neither.
    """
    m = ANSWER_LABEL.match(masked) if name else None
    if m is None or name is None:
        return None
    a, b = m.span(1)
    colon = m.end() - 1
    return Mention("name", name, a, b, a, m.end(), masked[colon], colon, m.end(), gender="n")
