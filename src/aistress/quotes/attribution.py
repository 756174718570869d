"""Who says or proposes what: one attribution per quotation or reported statement.

This is the attribution engine every part of aistress uses: quote
extraction, and the tagger's ``raised_by`` / ``proposed_by``.

>>> from aistress.model import Article, Block, Span
>>> text = "“We need breaks,” Ada Byron said. Ravi Menon proposed fewer meetings."
>>> article = Article("a1", "en", "news", blocks=[Block("paragraph", text)])
>>> found = attribute(article)
>>> [(a.person.name, a.cue, a.quote) for a in found]
[('Ada Byron', 'said', True), ('Ravi Menon', 'proposed', False)]
>>> found.person_for(Span("a1", 55, 68)).name
'Ravi Menon'
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import attrs

from aistress.model import Article, Person, QuoteKind, Span
from aistress.quotes._extract import analyse

__all__ = ["Attribution", "Attributions", "attribute"]


@attrs.frozen
class Attribution:
    """Someone (or an unnamed source) saying or proposing something.

    Attributes:
        span: What is said: the quoted words of a quotation (without marks),
            or the whole sentence of reported speech (``X proposed …``).
        person: The speaker, or None (unnamed or not found).
        cue: The cue word (``said``, ``proposed``, ``表示``), or None for a
            quotation that continues an earlier speaker's turn.
        cue_span: Where the cue stands, when there is one.
        quote: True for a quotation in marks, False for reported speech.
        anonymous: The speaker is an unnamed source (``a senior engineer``).
        description: The speaker's role or the unnamed source's description.
        partial: The quotation is a fragment inside reported speech.
    """

    span: Span
    person: Person | None
    cue: str | None = None
    cue_span: Span | None = None
    quote: bool = True
    anonymous: bool = False
    description: str | None = None
    partial: bool = False


@attrs.frozen
class Attributions:
    """The attributions of one article, in text order, with look-ups by position."""

    items: tuple[Attribution, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _quotes: tuple[Attribution, ...] = attrs.field(init=False, repr=False, eq=False)
    _reports: tuple[Attribution, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(a.span.start for a in self.items))
        object.__setattr__(self, "_quotes", tuple(a for a in self.items if a.quote))
        object.__setattr__(self, "_reports", tuple(a for a in self.items if not a.quote))

    def __iter__(self) -> Iterator[Attribution]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def at(self, span: Span) -> Attribution | None:
        """The attribution whose span holds ``span``: a quotation first, else reported speech.

        Binary search over the attributions, so each look-up is O(log n).
        """
        for group in (self._quotes, self._reports):
            # quotations are disjoint, and so are sentences (a sentence with
            # several cues repeats): a few steps back suffice
            i = bisect.bisect_right(group, span.start, key=lambda a: a.span.start)
            for a in reversed(group[max(0, i - 4) : i]):
                if a.span.contains(span):
                    return a
        return None

    def person_for(self, span: Span, *, within: Span | None = None) -> Person | None:
        """The person who says the words at ``span``.

        The speaker of a quotation holding ``span``, else of reported speech
        whose sentence holds it. If neither and ``within`` is given (say the
        paragraph), the person of the attribution nearest to ``span`` inside
        ``within``.
        """
        found = self.at(span)
        if found is not None and found.person is not None:
            return found.person
        if within is None:
            return None
        lo = bisect.bisect_left(self._starts, within.start)
        hi = bisect.bisect_left(self._starts, within.end)
        near = [a for a in self.items[lo:hi] if a.person is not None and within.contains(a.span)]
        if not near:
            return None
        return min(near, key=lambda a: abs(a.span.start - span.start)).person


def attribute(article: Article) -> Attributions:
    """Every attribution in ``article``: its quotations and its reported speech.

    Quotations come with their speakers as :func:`~aistress.quotes.extract_quotes`
    gives them (scare quotes left out); reported speech is every cue with a
    person or unnamed source that attributes no quotation (``Ravi Menon
    proposed fewer meetings``, ``她建议减少会议``).

    Raises:
        TypeError: ``article`` is not an :class:`~aistress.model.Article`.

    Runs in O(n log n) time for an article of n characters.
    """
    if not isinstance(article, Article):
        raise TypeError(f"attribute needs an Article, not {type(article).__name__}")
    result = analyse(article)
    items = [
        Attribution(span, q.speaker, q.cue, None, True, q.anonymous, q.description, q.partial)
        for q in result.quotes
        if q.kind is QuoteKind.DIRECT
        for span in q.spans
    ]
    items.extend(
        Attribution(r.sentence, r.speaker, r.cue, r.cue_span, False, r.anonymous, r.description)
        for r in result.reports
    )
    items.sort(key=lambda a: (a.span.start, not a.quote))
    return Attributions(tuple(items))
