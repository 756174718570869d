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

from aistress.quotes import _english
from aistress.quotes._types import MASK, Mention

__all__ = ["Route", "fragment", "paragraph_speaker", "reported", "sentence_end"]

#: How a quotation is attributed: (route, speaker mention or None, partial).
Route = tuple[str, Mention | None, bool]


def sentence_end(starts: list[int], start: int, length: int) -> int:
    """Where the sentence starting at ``start`` ends (``starts`` sorted)."""
    k = bisect.bisect_right(starts, start)
    return starts[k] if k < len(starts) else length


def fragment(
    span: tuple[int, int],
    inner: str,
    masked: str,
    text: str,
    cues: list[int],
    sent_start: int,
    starts: list[int],
    by_cue: list[Mention],
    keys: list[int],
) -> Route | None:
    """A short quotation in a sentence of reported speech: a partial quote, not a scare quote.

    ``Sanders said at a rally that Clinton was not “qualified”``: a cue word
    earlier in the sentence (or later, for words not in title case) makes the
    quoted words the reported speaker's. The speaker is the sentence's
    nearest cue subject when there is one.
    """
    start, stop = span
    end = sentence_end(starts, sent_start, len(masked))
    lo = bisect.bisect_left(cues, sent_start)
    before = lo < len(cues) and cues[lo] < start
    after = not before and _english.after_cue(cues, stop, end) and not inner.istitle()
    i = bisect.bisect_left(keys, start) - 1
    if not (before or after):
        return _content(start, inner, masked, text, cues, sent_start, starts, by_cue, i)
    if before and i >= 0 and by_cue[i].cue_start >= sent_start and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    if i + 1 < len(by_cue) and by_cue[i + 1].cue_start < end and by_cue[i + 1].kind != "group":
        return "fragment", by_cue[i + 1], True
    return "fragment", None, True


def reported(
    start: int,
    masked: str,
    text: str,
    sent_start: int,
    starts: list[int],
    by_cue: list[Mention],
    keys: list[int],
    initial: bool,
) -> Route | None:
    """A quotation inside a sentence of reported speech with no attribution of its own.

    The speaker is the subject of the sentence's last cue before it, however
    weak or far (``Ridel faulted the board, calling the audit “…” and adding
    later that it was “…”``), else the name or *he*/*she* opening the
    sentence or one of its comma pieces (``Varga also held that … “…”``).
    The quotation is partial. A quotation opening its sentence goes the same
    way to the previous sentence of the paragraph, when that one holds no
    quotation (``Varga defended the plan. “…”``), and is not partial.
    """
    a, b = sent_start, start
    if initial:
        k = bisect.bisect_left(starts, sent_start)
        if k == 0:
            return None
        a, b = max(starts[k - 1], sent_start - 2 * _english.MAX_LOOK), sent_start
        if MASK in masked[a:b]:
            return None
    i = bisect.bisect_left(keys, b) - 1
    while i >= 0 and by_cue[i].cue_start >= a:
        if by_cue[i].kind != "group" and by_cue[i].cue_end <= b:
            return "leading", by_cue[i], not initial
        i -= 1
    subject = _english.sentence_subject(masked, text, a, b)
    if subject is not None:
        return "subject", subject, not initial
    return None


_THAT = re.compile(r"\bthat\b")


def _content(
    start: int,
    inner: str,
    masked: str,
    text: str,
    cues: list[int],
    sent_start: int,
    starts: list[int],
    by_cue: list[Mention],
    i: int,
) -> Route | None:
    """A short quotation in reported content whose sentence has no cue word.

    Words quoted inside a *that* clause (``a plan that would be “a gift to
    donors”``), or quoted words starting in lower case right after a
    sentence of reported speech, are someone's words, not a term: partial.
    The speaker is the previous sentence's cue subject, if any.
    """
    k = bisect.bisect_left(starts, sent_start)
    prev = starts[k - 1] if k > 0 else sent_start
    j = bisect.bisect_left(cues, prev)
    cue_before = j < len(cues) and cues[j] < sent_start
    that = _THAT.search(masked, max(sent_start, start - _english.MAX_LOOK), start)
    if not (that or (cue_before and _english.starts_lower(inner))):
        return None
    if cue_before and i >= 0 and by_cue[i].cue_start >= prev and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    subject = _english.sentence_subject(masked, text, sent_start, start)
    if subject is not None:
        return "subject", subject, True
    if i >= 0 and by_cue[i].kind != "group":
        return "fragment", by_cue[i], True
    return "fragment", None, True


def paragraph_speaker(
    masked: str, text: str, starts: list[int], by_cue: list[Mention]
) -> Mention | None:
    """Who a paragraph without quotations is about, for a quotation opening the next one.

    The subject of its last cue, however weak (``Ridel praised the plan.``),
    else the name or *he*/*she* opening its last sentence (``Ridel released
    the following statement:``).
    """
    speaking = [m for m in by_cue if m.kind != "group"]
    if speaking:
        return speaking[-1]
    return _english.sentence_subject(masked, text, starts[-1], len(masked.rstrip()))
