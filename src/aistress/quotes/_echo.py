"""Headline quotations: the words come back in the body, with who said them.

A headline quotes a few words (``Lab outage leaves students “camping by
the racks”``) that the body gives in full with their speaker (``“Half of
us are camping by the racks until Friday,” said Ada Byron``). The
headline's own attribution is often missing or a headline shorthand
(``Panel told night shifts “never end”``: the panel heard the words, it
did not say them). So a
quotation of the headline takes the speaker of the first quotation of the
body that holds the same words, ignoring case and punctuation; one with
no such echo keeps what it had. Works for any language: words are compared
as runs of letters and digits.

The headline is the first block of an article of several blocks, when it
is short and one sentence. Each headline quotation is compared with the
body's quotations once: linear in the text for a headline of bounded length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from aistress.model import Article, Quote, QuoteKind

__all__ = ["echo_headline"]

#: The longest headline looked at, in characters.
_MAX_HEADLINE = 240
#: The fewest letters and digits of quoted words worth looking for in the body.
_MIN_CHARS = 6
_NOT_WORD = re.compile(r"[\W_]+")
_INNER_STOP = re.compile(r"[.!?。！？]\s+\S")


def _plain(text: str) -> str:
    """``text`` in lower case, with every run of non-word characters one space."""
    return " " + _NOT_WORD.sub(" ", text.casefold()).strip() + " "


def echo_headline(article: Article, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """``quotes`` with each quotation of the headline given the speaker of its echo in the body."""
    if len(article.blocks) < 2 or not quotes:
        return tuple(quotes)
    head = article.block_span(0)
    headline = article.blocks[0].text
    if len(headline) > _MAX_HEADLINE or _INNER_STOP.search(headline.rstrip()):
        return tuple(quotes)
    heads = [
        k
        for k, q in enumerate(quotes)
        if q.spans and q.spans[0].start < head.end and q.kind is QuoteKind.DIRECT
    ]
    if not heads:
        return tuple(quotes)
    out = list(quotes)
    body = [
        (q, _plain(q.text))
        for q in quotes
        if q.spans and q.spans[0].start >= head.end and (q.speaker is not None or q.anonymous)
    ]
    for k in heads:
        words = _plain(quotes[k].text)
        if len(words.replace(" ", "")) < _MIN_CHARS:
            continue
        echo = next((q for q, plain in body if words in plain), None)
        if echo is not None:
            out[k] = attrs.evolve(
                quotes[k],
                speaker=echo.speaker,
                anonymous=echo.anonymous,
                description=echo.description,
            )
    return tuple(out)
