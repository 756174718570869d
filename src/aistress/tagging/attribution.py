"""Who raised a stressor or proposed a remedy, from the quotes package's attribution engine.

The tagger does no attribution of its own: :func:`aistress.quotes.attribute`
finds every quotation and reported statement with its speaker, and a tag
takes the speaker of the quotation or reported sentence holding its
evidence, else the nearest attributed speaker in the same block.
"""

from __future__ import annotations

from collections.abc import Sequence

from aistress.model import Article, Person, Quote, Span
from aistress.quotes import Attribution, Attributions, attribute

#: Attribution looks at this many evidence spans of a tag.
_EVIDENCE_LOOKED_AT = 8


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


def person_for(found: Attributions, evidence: Sequence[Span], block: Span) -> Person | None:
    """The person who says the evidence, else the nearest speaker attributed in the block.

    Each look-up is a binary search, so a block with many tags stays linear.
    """
    if not len(found) or not evidence:
        return None
    looked = evidence[:_EVIDENCE_LOOKED_AT]
    for span in looked:
        person = found.person_for(span)
        if person is not None:
            return person
    return found.person_for(looked[0], within=block)
