"""The polarity check: statements negated, rejected, made hypothetical or reported as fact.

Sentences are paired with the sentence alignment of the two texts
(:func:`aistress.alignment.align`), each derived sentence with the most similar
source sentence of its bead. Their cues (:func:`aistress.text.polarity.polarity_cues`)
are compared:

- the sign of the statement (negations and rejections, counted together)
  differs, where at most one side holds more than one such cue;
- the source is hypothetical (``could``, ``will``, ``whether``, ``可能``)
  and the derived sentence has no hypothetical cue, or the derived sentence
  is plainly hypothetical (``might``, ``if``, ``可能``) and the source is not;
- the direction of change is opposite (``rose`` / ``下降``) with the same sign.

In a summary the same findings are reported as contradictions: a summary may
leave things out, but not say the opposite.
"""

from __future__ import annotations

import re

from aistress.comparison._pair import Pair, discrepancy
from aistress.comparison._similar import scope_word, similarity, speaks_of
from aistress.model import Discrepancy, DiscrepancyKind, Quote, Span
from aistress.text.language import is_chinese
from aistress.text.polarity import PolarityCue, polarity_cues, sign

__all__ = ["SAME_CLAUSES", "SAME_STATEMENT", "check_polarity", "flipped"]

#: Sentences less alike than this (:func:`~aistress.comparison._similar.similarity`)
#: are not compared: they do not make the same statement.
SAME_STATEMENT = 0.2


def _count(cues: list[PolarityCue], *kinds: str) -> int:
    return sum(1 for c in cues if c.kind in kinds)


def _direction(cues: list[PolarityCue]) -> int:
    up, down = _count(cues, "increase"), _count(cues, "decrease")
    if up and not down:
        return 1
    if down and not up:
        return -1
    return 0


def drop_for_reject(a: list[PolarityCue], b: list[PolarityCue]) -> bool:
    """One side rejects (``取消``) where the other drops or cuts: the same act in other words."""
    ra, rb = _count(a, "rejection"), _count(b, "rejection")
    return (ra > rb and bool(_count(b, "decrease"))) or (rb > ra and bool(_count(a, "decrease")))


def flipped(a: list[PolarityCue], b: list[PolarityCue]) -> bool:
    """The signs differ, and simply: one cue against none, or a negated rejection against one."""
    if sign(a) == sign(b) or drop_for_reject(a, b):
        return False
    na, nb = _count(a, "negation", "rejection"), _count(b, "negation", "rejection")
    pa, pb = _count(a, "privative"), _count(b, "privative")
    if (na > nb and pb > pa) or (nb > na and pa > pb):
        return False  # "skipped meals" / "不吃饭": the verb holds the other side's negation
    if {na, nb} == {0, 1}:
        return True
    return {na, nb} == {1, 2} and bool(_count(a, "rejection")) and bool(_count(b, "rejection"))


_CLAUSE = re.compile(r"[,;:，；：]\s*")
#: Sentences at least this alike, cut into as many clauses, render every clause.
SAME_CLAUSES = 0.5


def _clauses_kept(s_text: str, d_text: str, ls: str, ld: str) -> bool:
    """Whether a translated sentence keeps every clause of its source.

    The same statement cut into as many clauses (two or more): a negated
    clause was rendered, not left out, even where the dictionary does not
    know the negated word (``committed`` / ``承諾``). Within one language the
    words themselves show it, so this holds only across languages.
    """
    if is_chinese(ls) == is_chinese(ld):
        return False
    count_s = len([c for c in _CLAUSE.split(s_text) if c.strip(" .。")])
    count_d = len([c for c in _CLAUSE.split(d_text) if c.strip(" .。")])
    return count_s == count_d >= 2 and similarity(s_text, ls, d_text, ld) >= SAME_CLAUSES


def _why(
    pair: Pair, s_text: str, d_text: str, a: list[PolarityCue], b: list[PolarityCue]
) -> tuple[str, PolarityCue | None, PolarityCue | None] | None:
    """Why the derived sentence (cues ``b``) asserts something else than the source (cues ``a``)."""
    first_a = next((c for c in a if c.kind in ("negation", "rejection")), None)
    first_b = next((c for c in b if c.kind in ("negation", "rejection")), None)
    if flipped(a, b):
        ls, ld = pair.source.language, pair.derived.language
        kept = _clauses_kept(s_text, d_text, ls, ld)
        if _count(a, "negation", "rejection") > _count(b, "negation", "rejection") and first_a:
            if (
                first_a.kind == "rejection"
                or kept
                or speaks_of(scope_word(s_text, first_a), ls, d_text, ld)
            ):
                return (
                    f"the source says '{first_a.text}', the derived text does not",
                    first_a,
                    first_b,
                )
        elif first_b and (
            # a translation often renders a negative word (intractable, unaware)
            # with a negator: only the words show a negation was added
            first_b.kind == "rejection" or speaks_of(scope_word(d_text, first_b), ld, s_text, ls)
        ):
            return f"the derived text adds '{first_b.text}'", first_a, first_b
    hyp_a = [c for c in a if c.kind == "hypothetical"]
    hyp_b = [c for c in b if c.kind == "hypothetical"]
    open_a = [c for c in hyp_a if c.strong]
    fact_b = [c for c in b if c.kind == "fact"]
    if open_a and not hyp_b and fact_b:
        why = (
            f"the source says '{open_a[0].text}' (only possibly, or not yet); "
            f"the derived text reports it as done ('{fact_b[0].text}')"
        )
        return why, open_a[0], fact_b[0]
    doubt_b = [c for c in hyp_b if c.epistemic]
    if doubt_b and not hyp_a and not _count(a, "fact") and not pair.is_summary:
        return (
            f"the derived text makes a stated fact uncertain ('{doubt_b[0].text}')",
            None,
            doubt_b[0],
        )
    da, db = _direction(a), _direction(b)
    if da and db and da != db and sign(a) == sign(b):
        ca = next(c for c in a if c.kind in ("increase", "decrease"))
        cb = next(c for c in b if c.kind in ("increase", "decrease"))
        return f"the source says '{ca.text}', the derived text '{cb.text}'", ca, cb
    return None


def check_polarity(pair: Pair) -> list[Discrepancy]:
    """Sentence pairs whose negation, rejection, hypothesis or direction differs."""
    source, derived = pair.source, pair.derived
    kind = DiscrepancyKind.CONTRADICTION if pair.is_summary else DiscrepancyKind.POLARITY
    out: list[Discrepancy] = []
    for s_ranges, d_ranges in pair.sentence_pairs():
        if len(s_ranges) == 1:
            # one sentence split in two (or kept whole): compare the wholes
            units = [(s_ranges[0], (d_ranges[0][0], d_ranges[-1][1]))]
        else:
            units = []
            for d_start, d_end in d_ranges:
                d_text = derived.text[d_start:d_end]
                best = max(
                    s_ranges,
                    key=lambda r: similarity(
                        source.text[r[0] : r[1]], source.language, d_text, derived.language
                    ),
                )
                units.append((best, (d_start, d_end)))
        for (s_start, s_end), (d_start, d_end) in units:
            s_text, d_text = source.text[s_start:s_end], derived.text[d_start:d_end]
            if similarity(s_text, source.language, d_text, derived.language) < SAME_STATEMENT:
                continue  # aligned by position only: not the same statement
            a = polarity_cues(s_text, source.language)
            b = polarity_cues(d_text, derived.language)
            found = _why(pair, s_text, d_text, a, b)
            if found is None:
                continue
            why, ca, cb = found
            s_span = (
                Span(source.id, s_start + ca.start, s_start + ca.end)
                if ca
                else Span(source.id, s_start, s_end)
            )
            d_span = (
                Span(derived.id, d_start + cb.start, d_start + cb.end)
                if cb
                else Span(derived.id, d_start, d_end)
            )
            # A negation flipped inside a quotation changes the quote's wording.
            inside = _quote_over(pair.derived_quotes, d_span)
            quoted = inside is not None and _in_quote(pair.source_quotes, s_span)
            if quoted and inside is not None and not _in_quote(pair.derived_quotes, d_span):
                d_span = inside
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.QUOTE_WORDING if quoted else kind,
                    f"'{_short(d_text)}' does not assert what '{_short(s_text)}' does: {why}",
                    [s_span],
                    [d_span],
                    0.6,
                )
            )
    return out


def _quote_over(quotes: tuple[Quote, ...], span: Span) -> Span | None:
    """The first quoted stretch inside or around ``span`` (a sentence holding a quotation)."""
    for quote in quotes:
        for q in quote.spans:
            if q.doc == span.doc and q.start < span.end and span.start < q.end:
                return q
    return None


def _in_quote(quotes: tuple[Quote, ...], span: Span) -> bool:
    """Whether ``span`` lies inside one of the quotes (a quoted statement whose sense flips)."""
    return any(
        q.start <= span.start and span.end <= q.end
        for quote in quotes
        for q in quote.spans
        if q.doc == span.doc
    )


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
