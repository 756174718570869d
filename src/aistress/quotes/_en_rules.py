"""English attribution for quotations that no cue clause attributes directly.

Rules the extractor (:mod:`~aistress.quotes._extract`) applies last, to a
quotation of an English block that neither a trailing nor a leading
attribution, nor the speaker's turn, gives a speaker. Each returns the
*route* (how the quotation is attributed), the mention of its speaker (or
None) and whether the quotation is partial. Offsets count in the block's
masked text; every look is bounded, so each call costs O(log n) plus a
constant.
"""

from __future__ import annotations

import bisect
import re

import attrs

from aistress.quotes import _en_terms, _english
from aistress.quotes._types import MASK, Mention

__all__ = [
    "Block",
    "Route",
    "fragment",
    "paragraph_speaker",
    "reported",
    "sentence_end",
    "words_said",
]

#: How a quotation is attributed: (route, speaker mention or None, partial).
Route = tuple[str, Mention | None, bool]


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Block:
    """What the rules read of one English block: its text, sentences and cues.

    ``starts`` are the sentence starts, ``cues`` the starts of the cue words,
    ``by_cue`` the mentions sorted by cue start and ``keys`` those starts.
    """

    masked: str
    text: str
    starts: list[int]
    cues: list[int]
    by_cue: list[Mention]
    keys: list[int]

    def last_cue_before(self, pos: int, lo: int) -> Mention | None:
        """The last mention whose cue ends by ``pos`` and starts at ``lo`` or later (no group)."""
        i = bisect.bisect_left(self.keys, pos) - 1
        while i >= 0 and self.by_cue[i].cue_start >= lo:
            if self.by_cue[i].kind != "group" and self.by_cue[i].cue_end <= pos:
                return self.by_cue[i]
            i -= 1
        return None


def sentence_end(starts: list[int], start: int, length: int) -> int:
    """Where the sentence starting at ``start`` ends (``starts`` sorted)."""
    k = bisect.bisect_right(starts, start)
    return starts[k] if k < len(starts) else length


def fragment(blk: Block, span: tuple[int, int], inner: str, sent_start: int) -> Route | None:
    """A short quotation in a sentence of reported speech: a partial quote, not a scare quote.

    ``Varga said at a rally that Ridel was not “qualified”``: a cue word
    earlier in the sentence (or later, for words not in title case) makes the
    quoted words the reported speaker's. The speaker is the sentence's
    nearest cue subject when there is one.
    """
    start, stop = span
    cues, by_cue = blk.cues, blk.by_cue
    end = sentence_end(blk.starts, sent_start, len(blk.masked))
    lo = bisect.bisect_left(cues, sent_start)
    before = lo < len(cues) and cues[lo] < start
    after = not before and _english.after_cue(cues, stop, end) and not inner.istitle()
    i = bisect.bisect_left(blk.keys, start) - 1
    if not (before or after):
        return _content(blk, start, inner, sent_start, i)
    if before and i >= 0 and by_cue[i].cue_start >= sent_start and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    if i + 1 < len(by_cue) and by_cue[i + 1].cue_start < end and by_cue[i + 1].kind != "group":
        return "fragment", by_cue[i + 1], True
    return "fragment", None, True


def reported(
    blk: Block, start: int, sent_start: int, initial: bool, *, colon: bool = False
) -> Route | None:
    """A quotation inside a sentence of reported speech with no attribution of its own.

    The speaker is the subject of the sentence's last cue before it, however
    weak or far (``Ridel faulted the board, calling the audit “…” and adding
    later that it was “…”``), else the name or *he*/*she* opening the
    sentence or one of its comma pieces (``Varga also held that … “…”``).
    The quotation is partial, unless a colon introduces it (``Varga's reply
    was short: “…”``); when the sentence before the colon names no one
    (``It ended: “…”``), the previous sentence does, as for a quotation
    opening its sentence. A quotation opening its sentence goes the same
    way to the previous sentence of the paragraph, when that one holds no
    quotation (``Varga defended the plan. “…”``), and is not partial.
    """
    a, b = sent_start, start
    if initial:
        k = bisect.bisect_left(blk.starts, sent_start)
        if k == 0:
            return None
        a, b = max(blk.starts[k - 1], sent_start - 2 * _english.MAX_LOOK), sent_start
        if MASK in blk.masked[a:b]:
            return None
    partial = not (initial or colon)
    cued = blk.last_cue_before(b, a)
    if cued is not None:
        return "leading", cued, partial
    subject = _english.sentence_subject(blk.masked, blk.text, a, b)
    if subject is not None:
        return "subject", subject, partial
    if colon and not initial:
        # It ended: “…”: a sentence naming no one introduces the words of the one before
        return reported(blk, start, sent_start, True)
    return None


_THAT = re.compile(r"\bthat\b")


def _content(blk: Block, start: int, inner: str, sent_start: int, i: int) -> Route | None:
    """A short quotation in reported content whose sentence has no cue word.

    Words quoted inside a *that* clause (``a plan that would be “a gift to
    donors”``) are someone's words, not a term: partial. (Lower-case words
    right after a sentence of reported speech are not: ``X said the queue
    had doubled. The month is known as “the crunch”.``) The speaker is the
    previous sentence's cue subject, else the sentence's subject, else the
    block's last cue subject before the quotation.
    """
    k = bisect.bisect_left(blk.starts, sent_start)
    prev = blk.starts[k - 1] if k > 0 else sent_start
    j = bisect.bisect_left(blk.cues, prev)
    cue_before = j < len(blk.cues) and blk.cues[j] < sent_start
    that = _THAT.search(blk.masked, max(sent_start, start - _english.MAX_LOOK), start)
    if not that:
        return None
    by_cue = blk.by_cue
    if cue_before and i >= 0 and by_cue[i].cue_start >= prev and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    subject = _english.sentence_subject(blk.masked, blk.text, sent_start, start)
    if subject is not None:
        return "subject", subject, True
    if i >= 0 and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    return "fragment", None, True


def paragraph_speaker(blk: Block) -> Mention | None:
    """Who a paragraph without quotations is about, for a quotation opening the next one.

    The subject of its last cue, however weak (``Ridel praised the plan.``),
    else the name or *he*/*she* opening its last sentence (``Ridel released
    the following statement:``).
    """
    cued = blk.last_cue_before(len(blk.masked), 0)
    if cued is not None:
        return cued
    end = len(blk.masked.rstrip())
    return _english.sentence_subject(blk.masked, blk.text, blk.starts[-1], end)


def words_said(blk: Block, start: int, sent_start: int) -> Route | None:
    """Someone's words right before which no cue word stands.

    Words cried out (``the crowd broke into chants of “…”``, ``a man kept
    hollering “…”``) are direct speech of no one named; the subject's words
    for something (``Varga praised the plan as a “…”``) a partial quote of
    the sentence's subject. See :mod:`~aistress.quotes._en_terms`.
    """
    if _en_terms.cried_out(blk.masked, start):
        return "cry", None, False
    if _en_terms.characterised(blk.masked, start):
        subject = _english.sentence_subject(blk.masked, blk.text, sent_start, start)
        return "characterised", subject, True
    return None
