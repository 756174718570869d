"""Dialogue turn-taking: a bare line of dialogue goes to the speaker whose turn it is.

Scenes in features and fiction give two people's lines in alternate
paragraphs, naming the speaker only now and then::

    “How many seeds finished?” Ada asks.
    “Three out of five,” Byron says.
    “Then we report three.”                 <- Ada's turn again

A paragraph that opens with a quotation carrying no cue of its own,
right after two paragraphs of quotations whose speakers differ (A, then
B), is A's turn, when all three lines are short (dialogue, not a speech
running over paragraphs). Otherwise the extractor's reading stands (the
same speaker going on). English only: Chinese dialogue has rules of its
own (:mod:`~aistress.quotes._chinese`). One walk over the quotations: linear.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aistress.model import Article, Person, Quote, QuoteKind
from aistress.text.language import has_han

__all__ = ["take_turns"]

#: The most words of a line of dialogue.
_MAX_WORDS = 16


def _short(quotes: list[Quote]) -> bool:
    return sum(len(q.text.split()) for q in quotes) <= _MAX_WORDS


def take_turns(article: Article, quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """``quotes`` with the bare lines of a two-person exchange given to the speaker in turn."""
    out = list(quotes)
    by_block: dict[int, list[int]] = {}
    for k, q in enumerate(out):
        if q.spans and q.kind is QuoteKind.DIRECT:
            by_block.setdefault(article.block_at(q.spans[0].start), []).append(k)
    for bi in sorted(by_block):
        if bi - 1 not in by_block or bi - 2 not in by_block:
            continue
        here = by_block[bi]
        first = out[here[0]]
        block = article.block_span(bi)
        opens = not article.text[block.start : first.spans[0].start].strip(" \"'“‘")
        if not opens or first.cue is not None or has_han(first.text):
            continue  # (Chinese dialogue has rules of its own)
        before = [out[k] for k in by_block[bi - 2]]
        last = [out[k] for k in by_block[bi - 1]]
        a, b = before[-1].speaker, last[-1].speaker
        if a is None or b is None or a == b or _same(a, b):
            continue
        bare = [k for k in here if out[k].cue is None and out[k].speaker == first.speaker]
        lines = [out[k] for k in bare]
        if not (_short(lines) and _short(before) and _short(last)):
            continue
        for k in bare:
            out[k] = attrs.evolve(out[k], speaker=a, anonymous=False, description=None)
    return tuple(out)


def _same(a: Person, b: Person) -> bool:
    return bool(set(a.names) & set(b.names))
