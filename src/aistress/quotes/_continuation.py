"""Paragraph speaker continuation: a quotation with no cue of its own, later in a paragraph.

News writing often names its speaker in a clause of reported speech and
gives the quotation afterwards as a sentence of its own, with no cue::

    Lab head Ada Byron said the queue doubles at night. "Nobody sleeps."
    机房主管唐若川说，周末的排队任务比平时多一倍。“谁都没回家。”

The quotation belongs to the most recent attributed speaker of the same
paragraph: the subject of the latest reported-speech clause, or the speaker
of the latest attributed quotation, whichever comes last before it. This
pass runs over the extraction's result and only fills quotations that came
out with no speaker at all; a quotation inside a sentence (a term, a title)
is left alone. One merge walk over the quotations and the reports: linear.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aistress.model import Article, Person, Quote, QuoteKind

__all__ = ["carry_speakers"]

#: Characters that end a sentence before a quotation opening the next one.
_TERMINAL = frozenset(".!?。！？…")
#: Closing marks and brackets that may stand between a sentence end and the next quotation.
_CLOSERS = frozenset("\"'”’」』)）]")
#: Opening quotation marks (skipped when looking back from a quotation's first word).
_OPENERS = frozenset("\"'“‘「『")


class _Speaker:
    """Who speaks, as a report or an attributed quotation gives it."""

    __slots__ = ("anonymous", "description", "person")

    def __init__(self, person: Person | None, anonymous: bool, description: str | None) -> None:
        self.person = person
        self.anonymous = anonymous
        self.description = description


def _opens_sentence(text: str, start: int, block_start: int) -> bool:
    """Whether the quotation whose words start at ``start`` opens a sentence after another one."""
    i = start - 1
    while i >= block_start and text[i] in _OPENERS:
        i -= 1
    while i >= block_start and text[i].isspace():
        i -= 1
    while i >= block_start and text[i] in _CLOSERS:
        i -= 1
    return i >= block_start and text[i] in _TERMINAL


def _sentence(words: str) -> bool:
    """Whether quoted words are a whole sentence of speech (they end it), not a term."""
    inner = words.rstrip()
    return inner[-1:] in _TERMINAL and len(inner) > 2


def _starts_lower(words: str) -> bool:
    first = words.lstrip("\"'“‘「『 ([")[:1]
    return first.islower()


def carry_speakers(
    article: Article,
    quotes: Sequence[Quote],
    reports: Sequence[tuple[int, Person | None, bool, str | None]],
) -> tuple[Quote, ...]:
    """Give each unattributed quotation later in a paragraph that paragraph's latest speaker.

    Args:
        article: The article the quotations come from.
        quotes: The extracted quotations, in text order.
        reports: Reported speech without a quotation, in text order, each as
            (offset of its cue in the article text, person, anonymous,
            description).

    Returns:
        ``quotes`` with the continued speakers filled in.
    """
    if not quotes or not article.blocks:
        return tuple(quotes)
    text = article.text
    starts = article.block_starts
    out: list[Quote] = []
    r = 0
    block = -1
    block_start = 0
    latest: tuple[int, _Speaker] | None = None  # (offset, speaker) in the current block
    for q in quotes:
        if not q.spans:
            out.append(q)
            continue
        start = q.spans[0].start
        bi = article.block_at(start)
        if bi != block:
            block, block_start, latest = bi, starts[bi], None
        while r < len(reports) and reports[r][0] < start:
            at, person, anonymous, description = reports[r]
            if at >= block_start and (person is not None or anonymous):
                latest = (at, _Speaker(person, anonymous, description))
            r += 1
        if q.kind is not QuoteKind.DIRECT and not _sentence(q.text):
            out.append(q)
            continue
        if q.speaker is not None or q.anonymous:
            latest = (start, _Speaker(q.speaker, q.anonymous, q.description))
            out.append(q)
            continue
        if (
            latest is not None
            and _opens_sentence(text, start, block_start)
            and not _starts_lower(q.text)
        ):
            who = latest[1]
            q = attrs.evolve(
                q,
                speaker=who.person,
                anonymous=who.anonymous,
                description=who.description,
                kind=QuoteKind.DIRECT,
                utterance=q.utterance if q.utterance is not None else -1,
            )
            latest = (start, who)
        out.append(q)
    return _renumbered(out)


def _renumbered(quotes: list[Quote]) -> tuple[Quote, ...]:
    """Utterance numbers in order of first appearance, a promoted quotation getting its own."""
    if all(q.utterance != -1 for q in quotes):
        return tuple(quotes)
    numbers: dict[object, int] = {}
    out: list[Quote] = []
    for k, q in enumerate(quotes):
        if q.utterance is None:
            out.append(q)
            continue
        key: object = ("new", k) if q.utterance == -1 else q.utterance
        number = numbers.setdefault(key, len(numbers))
        out.append(q if number == q.utterance else attrs.evolve(q, utterance=number))
    return tuple(out)
