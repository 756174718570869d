"""Quotes built from values the extractor has checked: no validator runs.

:class:`~aistress.model.Quote` checks each of its eleven fields and converts
two; with its :class:`~aistress.model.Span` that is about 13 us a quotation,
a tenth of the extraction of a quote-dense article. The extractor makes
every quotation from offsets into the article, its language and values of
the right types (mypy holds them to that), so here the slots are filled
directly, as :func:`aistress.model._document.trusted_span` does for spans.
A test holds the result equal to the validated constructor's.
"""

from __future__ import annotations

from aistress.model import Person, Quote, QuoteKind, Span

__all__ = ["QUOTE_FIELDS", "trusted_quote"]

#: The fields :func:`trusted_quote` fills, in the order of ``attrs.fields(Quote)``.
QUOTE_FIELDS = (
    "text",
    "language",
    "spans",
    "speaker",
    "cue",
    "anonymous",
    "partial",
    "kind",
    "description",
    "utterance",
    "original",
)
_SETTERS = tuple(Quote.__dict__[name].__set__ for name in QUOTE_FIELDS)
_new = object.__new__


def trusted_quote(
    text: str,
    language: str,
    span: Span,
    *,
    speaker: Person | None = None,
    cue: str | None = None,
    anonymous: bool = False,
    partial: bool = False,
    kind: QuoteKind = QuoteKind.DIRECT,
    description: str | None = None,
    utterance: int | None = None,
) -> Quote:
    """``Quote(text, language, [span], ...)`` with no validator or converter run."""
    quote = _new(Quote)
    (
        set_text,
        set_language,
        set_spans,
        set_speaker,
        set_cue,
        set_anonymous,
        set_partial,
        set_kind,
        set_description,
        set_utterance,
        set_original,
    ) = _SETTERS
    set_text(quote, text)
    set_language(quote, language)
    set_spans(quote, (span,))
    set_speaker(quote, speaker)
    set_cue(quote, cue)
    set_anonymous(quote, anonymous)
    set_partial(quote, partial)
    set_kind(quote, kind)
    set_description(quote, description)
    set_utterance(quote, utterance)
    set_original(quote, None)
    return quote
