"""Compare a derived text (translation, summary, rewrite) with its source.

:func:`compare` aligns the two articles paragraph by paragraph and reports
what the derived text keeps, drops, adds and gets wrong:

- **coverage**: the share of the source that the derived text aligns with;
- **categories** kept, dropped and added (stressor and remedy ids from the
  tagger);
- **quotes** kept and dropped (quotes found on both sides of an aligned pair);
- **discrepancies**, each with the words on both sides and a sentence that
  explains it:

  - ``"number"``: a value that changes across the pair once notation and
    units are accounted for (``200bn`` rendered as ``200 亿`` is wrong by a
    factor of ten, while ``200m`` as ``2 亿`` is right);
  - ``"attribution"``: a figure the source attaches to some organisations
    that the derived text attaches to others;
  - ``"headline"``: a headline that does not match its own body.

Spans of a discrepancy point into ``Article.text`` of each side; a number
in a title or subtitle points into that string instead, with the document
id ``"<article id>#title"`` or ``"<article id>#subtitle"``.

Every check is a pure function of the two articles, so comparisons can run in
parallel over a corpus. For n characters and a fixed band of the aligner,
time is near-linear: numbers and names are found by regular-expression scans
and matched inside aligned pairs, with a lookup table for the whole source.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from decimal import Decimal
from importlib import resources

from aistress.model import (
    Alignment,
    Article,
    Bead,
    Comparison,
    Discrepancy,
    Quote,
    QuoteKind,
    RelationKind,
    Remedy,
    Span,
    Stressor,
)

__all__ = [
    "HEADLINE_THRESHOLD",
    "compare",
    "headline_relevance",
    "number_discrepancies",
]

#: A headline whose relevance to its body (see :func:`headline_relevance`)
#: falls below this is reported as not matching it.
HEADLINE_THRESHOLD = 0.12

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'’\-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?。！？；;])[\"'”’」)]*\s*")
# Names of organisations and products: capitalised words (or words with an
# inner capital, such as "xAI"), joined into runs ("Google DeepMind").
_NAME_RUN = re.compile(
    r"(?:\b[A-Z][A-Za-z0-9&\-]*|\b[a-z]+[A-Z][A-Za-z0-9]*)"
    r"(?:\s+(?:[A-Z][A-Za-z0-9&\-]*|[a-z]+[A-Z][A-Za-z0-9]*))*"
)


def _load_words() -> tuple[frozenset[str], frozenset[str]]:
    raw = json.loads(resources.files("aistress.data").joinpath("compare.json").read_text("utf-8"))
    return frozenset(raw["stopwords_en"]), frozenset(raw["not_names"])


#: English stop words and words that never name an organisation (data/compare.json).
_STOP_EN, _GENERIC_NAMES = _load_words()


# ---------------------------------------------------------------------------
# headline relevance


def _content_terms(text: str) -> list[str]:
    """Content words of English text and character bigrams of Chinese text."""
    terms = [
        w.lower().replace("’", "'").strip("'-")
        for w in _LATIN_WORD.findall(text)
        if w.lower() not in _STOP_EN and len(w) > 2
    ]
    terms = [_stem(t) for t in terms if t]
    han = "".join(ch if _HAN.match(ch) else " " for ch in text).split()
    for run in han:
        terms.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return terms


def _stem(word: str) -> str:
    """A light English stem (plural and common suffixes), enough for overlap scores."""
    for suffix in ("'s", "ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def headline_relevance(headline: str, body: Iterable[str]) -> float:
    """How well a headline matches its body, from 0 (nothing shared) to 1.

    The score is the cosine similarity between the headline's content terms
    and the body's, each term weighted by how many body paragraphs it is
    absent from (an inverse-document-frequency over the paragraphs), so
    words every paragraph repeats count less than the distinctive ones.
    English terms are lower-cased, lightly stemmed content words; Chinese
    terms are character bigrams. Linear in the length of the text.

    >>> body = ["Labs race to ship models.", "Researchers burn out as labs race."]
    >>> headline_relevance("Labs race, researchers burn out", body) > HEADLINE_THRESHOLD
    True
    >>> headline_relevance("Football club wins cup final", body)
    0.0
    """
    paragraphs = [_content_terms(p) for p in body]
    head = Counter(_content_terms(headline))
    if not head or not any(paragraphs):
        return 0.0
    n = len(paragraphs)
    df: Counter[str] = Counter()
    for terms in paragraphs:
        df.update(set(terms))
    body_tf: Counter[str] = Counter(t for terms in paragraphs for t in terms)

    def weight(term: str) -> float:
        return math.log((n + 1) / (df[term] + 0.5)) + 1.0

    dot = sum(head[t] * body_tf[t] * weight(t) ** 2 for t in head if t in body_tf)
    norm_h = math.sqrt(sum((c * weight(t)) ** 2 for t, c in head.items()))
    norm_b = math.sqrt(sum((c * weight(t)) ** 2 for t, c in body_tf.items()))
    if not dot or not norm_h or not norm_b:
        return 0.0
    # Cosine against a whole body is small even for a good headline; the
    # square root spreads the useful range over 0..1.
    return min(1.0, math.sqrt(dot / (norm_h * norm_b)))


def _headline_check(source: Article, article: Article) -> list[Discrepancy]:
    """Flag the derived headline if it matches neither its body nor the source's headline.

    A headline may be figurative and share few words with its body, so a
    derived text that keeps its source's headline (same language, relevance
    to the source headline at or above the threshold) is not flagged. A
    headline in another language than the source's is a translated headline
    when the source has one, and is judged against its own body only when
    the source has none.
    """
    headline = " ".join(t for t in (article.title, article.subtitle) if t)
    if not headline or not article.paragraphs:
        return []
    score = headline_relevance(headline, article.paragraphs)
    if score >= HEADLINE_THRESHOLD:
        return []
    source_headline = " ".join(t for t in (source.title, source.subtitle) if t)
    if source_headline:
        if _language(source.language) != _language(article.language):
            return []
        if headline_relevance(headline, [source_headline]) >= HEADLINE_THRESHOLD:
            return []
    spans = [Span(f"{article.id}#title", 0, len(article.title or ""))]
    if article.subtitle:
        spans.append(Span(f"{article.id}#subtitle", 0, len(article.subtitle)))
    return [
        Discrepancy(
            "headline",
            f"the headline of {article.id} does not match its body (relevance {score:.2f}, "
            f"below {HEADLINE_THRESHOLD}): it shares almost no distinctive words with it",
            derived=spans,
            score=round(1.0 - score / HEADLINE_THRESHOLD, 3),
        )
    ]


def _language(tag: str) -> str:
    return tag.split("-")[0]


# ---------------------------------------------------------------------------
# numbers


class _Number:
    """A number located in an article (text offsets) or a title."""

    __slots__ = ("approximate", "doc", "end", "kind", "start", "text", "unit", "value")

    def __init__(
        self,
        doc: str,
        start: int,
        end: int,
        text: str,
        value: Decimal,
        unit: str | None,
        kind: str,
        approximate: bool = False,
    ) -> None:
        self.doc, self.start, self.end, self.text = doc, start, end, text
        self.value, self.unit, self.kind = value, unit, kind
        self.approximate = approximate

    @property
    def span(self) -> Span:
        return Span(self.doc, self.start, self.end)


_COMPARABLE = frozenset({"cardinal", "money", "percent", "ordinal"})
_SCALE = re.compile(
    r"(?i)\d\s*(?:k|m|bn|b|tn|thousand|million|billion|trillion)\b|[万亿兆]|千万|百万"
)


def _numbers(text: str, language: str, doc: str, offset: int) -> list[_Number]:
    from aistress.text.numbers import extract_numbers

    out = []
    for q in extract_numbers(text, language):
        if q.value is None or q.kind not in _COMPARABLE:
            continue
        out.append(
            _Number(
                doc,
                q.start + offset,
                q.end + offset,
                q.text,
                q.value,
                q.unit,
                q.kind,
                q.approximate,
            )
        )
    return out


def _block_numbers(article: Article, indices: Sequence[int]) -> list[_Number]:
    found: list[_Number] = []
    for i in indices:
        span = article.block_span(i)
        found.extend(_numbers(article.blocks[i].text, article.language, article.id, span.start))
    return found


def _mantissa(value: Decimal) -> str:
    digits = format(abs(value).normalize(), "f").replace(".", "").lstrip("0").rstrip("0")
    return digits or "0"


def _factor(a: Decimal, b: Decimal) -> str:
    if not a or not b:
        return ""
    ratio = a / b if abs(a) >= abs(b) else b / a
    exponent = ratio.adjusted()
    if ratio == Decimal(10) ** exponent:
        return f"a factor of {10**exponent:,}"
    return f"a factor of {float(ratio):.3g}"


def _fmt(value: Decimal) -> str:
    if value == value.to_integral_value():
        return f"{int(value):,}"
    return f"{value.normalize():f}"


def _match_numbers(
    source: list[_Number], derived: list[_Number]
) -> tuple[list[tuple[_Number, _Number]], list[_Number], list[_Number]]:
    """Pair equal values (in order); return pairs and the leftovers of each side."""
    pairs: list[tuple[_Number, _Number]] = []
    left = list(source)
    unmatched: list[_Number] = []
    for number in derived:
        for i, candidate in enumerate(left):
            if candidate.value == number.value:
                pairs.append((candidate, number))
                del left[i]
                break
        else:
            unmatched.append(number)
    return pairs, left, unmatched


def _changed(source_left: list[_Number], derived_left: list[_Number]) -> list[Discrepancy]:
    out: list[Discrepancy] = []
    used: set[int] = set()
    for number in derived_left:
        best = None
        for i, candidate in enumerate(source_left):
            if i in used:
                continue
            # Same digits, other value: a scale word or suffix was mistranslated
            # (200bn as 200 亿). Without a scale on either side, "90" and
            # "nine" share digits by chance.
            same_digits = _mantissa(candidate.value) == _mantissa(number.value) and bool(
                _SCALE.search(candidate.text) or _SCALE.search(number.text)
            )
            same_unit = (candidate.unit or "") == (
                number.unit or ""
            ) and candidate.kind == number.kind
            if same_digits and (same_unit or candidate.kind == number.kind):
                best = (i, 0.9)
                break
            # A lone leftover pair is a changed value only when both carry the
            # same explicit unit (a currency, a percentage, hours) and neither
            # is hedged: "a dozen" and "十几" are both about twelve.
            if (
                same_unit
                and candidate.unit is not None
                and not candidate.approximate
                and not number.approximate
                and len(source_left) == 1
                and len(derived_left) == 1
            ):
                best = (i, 0.6)
        if best is None:
            continue
        i, score = best
        used.add(i)
        candidate = source_left[i]
        factor = _factor(candidate.value, number.value)
        out.append(
            Discrepancy(
                "number",
                f"'{candidate.text}' ({_fmt(candidate.value)}) is rendered as '{number.text}' "
                f"({_fmt(number.value)}): wrong by {factor}"
                if score > 0.8
                else f"'{candidate.text}' ({_fmt(candidate.value)}) becomes '{number.text}' "
                f"({_fmt(number.value)})",
                source=[candidate.span],
                derived=[number.span],
                score=score,
            )
        )
    return out


def number_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """Numbers whose value changes across aligned paragraphs (and across the titles).

    Numbers are read with :func:`aistress.text.numbers.extract_numbers`, so
    notation does not matter (``320m`` equals ``3.2 亿``). Inside each bead,
    equal values pair off; of what is left, a derived number with the same
    digits as a source number but another value (``200bn`` / ``200 亿``) is
    reported with the factor it is off by, and a lone leftover pair with the
    same unit is reported as a changed value with a lower score.
    """
    out: list[Discrepancy] = []
    pieces: list[tuple[list[_Number], list[_Number]]] = []
    for field in ("title", "subtitle"):
        a, b = getattr(source, field), getattr(derived, field)
        if a and b:
            pieces.append(
                (
                    _numbers(a, source.language, f"{source.id}#{field}", 0),
                    _numbers(b, derived.language, f"{derived.id}#{field}", 0),
                )
            )
    pieces.extend(
        (_block_numbers(source, bead.source), _block_numbers(derived, bead.target))
        for bead in alignment.beads
        if bead.source and bead.target
    )
    for src, drv in pieces:
        _, src_left, drv_left = _match_numbers(src, drv)
        out.extend(_changed(src_left, drv_left))
    return tuple(out)


# ---------------------------------------------------------------------------
# attribution


def _sentence_bounds(text: str, offset: int) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > start:
            bounds.append((start + offset, match.end() + offset))
            start = match.end()
    if start < len(text):
        bounds.append((start + offset, len(text) + offset))
    return bounds


def _names(text: str, capitalised_inside: frozenset[str]) -> set[str]:
    """Organisation and product names in a sentence.

    A capitalised word that opens the sentence counts only if it has an inner
    capital (``OpenAI``) or the article also capitalises it mid-sentence, so
    "Engineers at Nova" yields only ``Nova``.
    """
    names = set()
    opening = len(text) - len(text.lstrip(" \"'“‘(「"))
    for match in _NAME_RUN.finditer(text):
        words = match.group().split()
        if match.start() == opening and words:
            first = words[0]
            if not any(c.isupper() for c in first[1:]) and first not in capitalised_inside:
                words = words[1:]
        words = [w for w in words if w.lower().strip("'’") not in _GENERIC_NAMES]
        words = [w.removesuffix("’s").removesuffix("'s") for w in words]
        if words:
            names.add(" ".join(words))
    return names


class _Everything(frozenset[str]):
    """A set that contains every word (keeps sentence-opening words as names)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERYTHING = _Everything()

_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z0-9&\-]*")


def _capitalised_inside(article: Article) -> frozenset[str]:
    return frozenset(_MID_SENTENCE_CAPITAL.findall(article.text))


def _sentence_of(article: Article, offset: int) -> tuple[int, int]:
    block = article.block_at(offset)
    span = article.block_span(block)
    for start, end in _sentence_bounds(article.blocks[block].text, span.start):
        if start <= offset < end:
            return start, end
    return span.start, span.end


def _overlaps(a: set[str], b: set[str]) -> bool:
    """Whether two name sets share a name, allowing one to be part of the other."""
    for x in a:
        for y in b:
            if x == y or x in y.split() or y in x.split() or x in y or y in x:
                return True
    return False


def attribution_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """Figures the derived text attaches to other organisations than the source does.

    For every number of the derived text whose value the source states too
    (in the aligned paragraphs, else anywhere in the source), the names of
    organisations and products in the sentence around each are compared. If
    both sentences name some and none is shared, the figure has moved.
    """
    if not source.blocks or not derived.blocks:
        return ()
    everywhere = _block_numbers(source, range(len(source.blocks)))
    by_value: dict[Decimal, list[_Number]] = {}
    for number in everywhere:
        by_value.setdefault(number.value, []).append(number)
    out: list[Discrepancy] = []
    reported: set[tuple[int, int]] = set()
    caps_source, caps_derived = _capitalised_inside(source), _capitalised_inside(derived)
    for bead in alignment.beads:
        if not bead.target:
            continue
        local = _block_numbers(source, bead.source)
        for number in _block_numbers(derived, bead.target):
            if number.kind == "ordinal" or (number.value < 10 and number.kind == "cardinal"):
                continue  # "second", "3": too common to carry a claim
            candidates = [n for n in local if n.value == number.value] or by_value.get(
                number.value, []
            )
            if not candidates:
                continue
            d_start, d_end = _sentence_of(derived, number.start)
            if (d_start, d_end) in reported:
                continue
            d_names = _names(derived.text[d_start:d_end], caps_derived)
            best = candidates[0]
            s_start, s_end = _sentence_of(source, best.start)
            s_names = _names(source.text[s_start:s_end], caps_source)
            if not d_names or not s_names or _overlaps(d_names, s_names):
                continue
            # Also compare with sentence-opening words kept ("Gemini was
            # visited ..."): only a figure that shares no name at all moved.
            loose_d = _names(derived.text[d_start:d_end], _EVERYTHING)
            loose_s = _names(source.text[s_start:s_end], _EVERYTHING)
            if _overlaps(loose_d, loose_s):
                continue
            reported.add((d_start, d_end))
            out.append(
                Discrepancy(
                    "attribution",
                    f"'{number.text}' is attached to {', '.join(sorted(d_names))} in "
                    f"{derived.id}, but the source attaches it to "
                    f"{', '.join(sorted(s_names))}",
                    source=[best.span],
                    derived=[number.span],
                    score=0.7,
                )
            )
    return tuple(out)


# ---------------------------------------------------------------------------
# quotes and categories


def _pair_quotes(
    source: Article,
    derived: Article,
    alignment: Alignment,
    source_quotes: Sequence[Quote],
    derived_quotes: Sequence[Quote],
) -> tuple[list[tuple[Quote, Quote]], list[Quote]]:
    """Quotes found on both sides (via :func:`aistress.quotes.link_quotes`) and those dropped."""
    if not source_quotes:
        return [], []
    if not derived_quotes:
        return [], list(source_quotes)
    from aistress.quotes import link_quotes

    linked = link_quotes(
        source,
        derived,
        alignment,
        original_quotes=source_quotes,
        translated_quotes=derived_quotes,
    )
    kept = [(linked.original[i], linked.translated[j]) for i, j, _ in linked.pairs]
    paired = {i for i, _, _ in linked.pairs}
    dropped = [q for n, q in enumerate(linked.original) if n not in paired]
    return kept, dropped


def _coverage(source: Article, alignment: Alignment) -> float:
    total = sum(len(b.text) for b in source.blocks)
    if not total:
        return 0.0
    covered = sum(
        len(source.blocks[i].text) for bead in alignment.beads if bead.target for i in bead.source
    )
    return round(min(1.0, covered / total), 4)


def _default_alignment(source: Article, derived: Article) -> Alignment:
    if not source.blocks or not derived.blocks:
        beads = [Bead((i,), ()) for i in range(len(source.blocks))]
        beads += [Bead((), (j,)) for j in range(len(derived.blocks))]
        return Alignment(beads, unit="paragraph")
    from aistress.align import align

    result: Alignment = align(source, derived, unit="paragraph")
    return result


def _labels(tags: Iterable[Stressor | Remedy]) -> set[str]:
    return {t.category for t in tags}


def compare(
    source: Article,
    derived: Article,
    *,
    relation: RelationKind | str | None = None,
    alignment: Alignment | None = None,
    source_tags: Sequence[Stressor | Remedy] | None = None,
    derived_tags: Sequence[Stressor | Remedy] | None = None,
    source_quotes: Sequence[Quote] | None = None,
    derived_quotes: Sequence[Quote] | None = None,
    checks: Iterable[str] = ("number", "attribution", "headline"),
) -> Comparison:
    """Compare ``derived`` (a translation, summary or rewrite) with ``source``.

    Results the caller already has (an alignment, tags, quotes) can be passed
    in; whatever is missing is computed with :func:`aistress.align.align`
    (paragraph level), the tagger and the quote extractor.

    Args:
        source: The original article.
        derived: The article made from it.
        relation: How ``derived`` relates to ``source``, recorded as given.
        alignment: A paragraph alignment of ``source`` blocks to ``derived``
            blocks.
        source_tags: Tags of ``source``.
        derived_tags: Tags of ``derived``.
        source_quotes: Quotes of ``source``.
        derived_quotes: Quotes of ``derived``.
        checks: Which discrepancy checks to run.

    Returns:
        A :class:`~aistress.model.Comparison`.
    """
    checks = set(checks)
    unknown = checks - {"number", "attribution", "headline"}
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(sorted(unknown))}")
    if alignment is None:
        alignment = _default_alignment(source, derived)
    if source_tags is None or derived_tags is None:
        from aistress.tagging import tag

        source_tags = tag(source) if source_tags is None else source_tags
        derived_tags = tag(derived) if derived_tags is None else derived_tags
    if source_quotes is None or derived_quotes is None:
        from aistress.quotes import extract_quotes

        source_quotes = extract_quotes(source) if source_quotes is None else source_quotes
        derived_quotes = extract_quotes(derived) if derived_quotes is None else derived_quotes
    source_quotes = [q for q in source_quotes if q.kind is QuoteKind.DIRECT]
    derived_quotes = [q for q in derived_quotes if q.kind is QuoteKind.DIRECT]

    a, b = _labels(source_tags), _labels(derived_tags)
    kept, dropped = _pair_quotes(source, derived, alignment, source_quotes, derived_quotes)
    found: list[Discrepancy] = []
    if "headline" in checks:
        found.extend(_headline_check(source, derived))
    if "number" in checks:
        found.extend(number_discrepancies(source, derived, alignment))
    if "attribution" in checks:
        found.extend(attribution_discrepancies(source, derived, alignment))
    return Comparison(
        source=source.id,
        derived=derived.id,
        relation=relation,
        alignment=alignment,
        coverage=_coverage(source, alignment),
        categories_kept=sorted(a & b),
        categories_dropped=sorted(a - b),
        categories_added=sorted(b - a),
        quotes_kept=kept,
        quotes_dropped=dropped,
        discrepancies=found,
    )
