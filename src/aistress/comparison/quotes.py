"""The quote checks: quotes dropped, added, given to another speaker, or reworded.

Quotes are counted as utterances: the parts of one quotation split by its
attribution (``"A," she said, "B."``) share ``Quote.utterance`` and count
once. Quotes are paired across the texts with
:func:`aistress.quotes.link_quotes`; an utterance none of whose parts pairs
is dropped (or added) only when the paragraphs aligned with it do not hold
its words either, quoted some other way or not quoted at all.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterator, Sequence

from aistress.comparison._pair import Pair, discrepancy
from aistress.comparison._similar import scope_word, similarity, speaks_of, terms
from aistress.comparison._words import han_variants
from aistress.model import Article, Discrepancy, DiscrepancyKind, Quote, Span
from aistress.people import name_key, name_parts, script, transliteration_score
from aistress.quotes import LinkedQuotes, link_quotes
from aistress.text.language import HAN_CHAR
from aistress.text.measures import in_base_unit, unit_after
from aistress.text.numbers import extract_numbers
from aistress.text.polarity import polarity_cues

__all__ = ["check_quotes", "pair_quotes", "utterances"]

#: Below this similarity to every sentence of the aligned paragraphs (in
#: another language), a quote's words are not there.
HELD_ACROSS = 0.3
#: The share of a quote's content words the aligned paragraphs must hold (same language).
HELD_SAME = 0.6
#: Linked quotes of one language less alike than this are not the same quote.
SAME_QUOTE = 0.3
_WORD = re.compile(r"\w+")


def _is_speech(text: str) -> bool:
    """Enough words to be something said (three words, or four Han characters), not a term."""
    return len(text.split()) >= 3 or len(HAN_CHAR.findall(text)) >= 4


def utterances(quotes: Sequence[Quote]) -> list[list[int]]:
    """Indices of ``quotes`` grouped by utterance (split parts together), in text order."""
    groups: dict[object, list[int]] = {}
    for i, q in enumerate(quotes):
        key: object = ("u", q.utterance) if q.utterance is not None else ("q", i)
        groups.setdefault(key, []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def _linked(pair: Pair) -> LinkedQuotes | None:
    if not pair.source_quotes or not pair.derived_quotes:
        return None
    return pair.linked_quotes(
        lambda: link_quotes(
            pair.source,
            pair.derived,
            pair.alignment,
            original_quotes=pair.source_quotes,
            translated_quotes=pair.derived_quotes,
        )
    )


def _links(pair: Pair) -> list[tuple[int, int, float]]:
    """Quote links whose two quotes say much the same (a link by position alone is no link)."""
    linked = _linked(pair)
    if linked is None:
        return []
    src, drv = pair.source_quotes, pair.derived_quotes
    la, lb = pair.source.language, pair.derived.language
    if pair.translated:
        # The dictionary sees too little of a short quote to overrule the
        # alignment, unless another quote of the same paragraph clearly
        # renders it where the linked one shares nothing with it.
        return _relinked(pair, list(linked.pairs))
    return [
        (i, j, score)
        for i, j, score in linked.pairs
        if similarity(src[i].text, la, drv[j].text, lb) >= SAME_QUOTE
    ]


def _relinked(pair: Pair, links: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
    """Links across languages, each moved to the paragraph's quote that renders its words.

    A link whose two quotes are less alike than ``HELD_ACROSS`` moves to an
    unlinked quote of the same derived paragraph that is at least that alike
    to the source quote (the linker placed them by position only).
    """
    src, drv = pair.source_quotes, pair.derived_quotes
    la, lb = pair.source.language, pair.derived.language
    derived = pair.derived
    linked = {j for _, j, _ in links}

    blocks: dict[int, list[int]] = {}
    where: dict[int, int] = {}
    for k, quote in enumerate(drv):
        if quote.spans and derived.text:
            where[k] = derived.block_at(min(quote.spans[0].start, len(derived.text) - 1))
            blocks.setdefault(where[k], []).append(k)

    out = []
    for i, j, score in links:
        here = similarity(src[i].text, la, drv[j].text, lb)
        if here < HELD_ACROSS and j in where:
            # a paragraph's own quotes only: a bounded look per link
            others = [k for k in blocks[where[j]][:20] if k not in linked]
            scored = [(similarity(src[i].text, la, drv[k].text, lb), k) for k in others]
            best = max(scored, default=(0.0, -1))
            if best[0] >= HELD_ACROSS:
                linked.discard(j)
                linked.add(best[1])
                out.append((i, best[1], score))
                continue
        out.append((i, j, score))
    return out


def _aligned_text(pair: Pair, article: Article, quote: Quote) -> str:
    """The text of the other side's paragraphs aligned with the paragraph holding ``quote``."""
    if not quote.spans or not article.blocks:
        return ""
    block = article.block_at(min(quote.spans[0].start, len(article.text) - 1))
    is_source = article is pair.source
    other = pair.derived if is_source else pair.source
    found: list[int] = []
    for bead in pair.alignment.beads:
        mine, theirs = (bead.source, bead.target) if is_source else (bead.target, bead.source)
        if block in mine:
            found.extend(theirs)
    return "\n".join(other.blocks[i].text for i in sorted(set(found)) if i < len(other.blocks))


def _holds(pair: Pair, article: Article, text: str, quote: Quote) -> bool:
    """Whether the paragraphs aligned with ``quote`` hold its words."""
    other = pair.derived if article is pair.source else pair.source
    there = _aligned_text(pair, article, quote)
    if not there:
        return False
    if pair.translated:
        pieces = re.split(r"(?<=[.!?。！？；;])", there)
        window = [p for p in pieces if p.strip()]
        best = max(
            (similarity(text, article.language, w, other.language) for w in window), default=0.0
        )
        return best >= HELD_ACROSS
    words = terms(text)
    return bool(words) and len(words & terms(there)) / len(words) >= HELD_SAME


_HAN_DOT = re.compile("[·・•‧]")


def _same_person(a: str, b: str) -> bool | None:
    """True for one person, False for two, None when the names cannot tell."""
    if not a or not b:
        return None
    if script(a) == script(b):
        if name_key(a) == name_key(b):
            return True
        pa = {name_key(p) for p in name_parts(a)}
        pb = {name_key(p) for p in name_parts(b)}
        return bool(pa & pb)
    han, latin = (a, b) if script(a) == "han" else (b, a)
    if not _HAN_DOT.search(han) and len(han) <= 4:
        # A Chinese name against its romanisation (劉嘉欣 / Lau Ka-yan, in
        # Cantonese or pinyin) is no transliteration: the names cannot tell.
        return None if transliteration_score(han, latin) < 0.6 else True
    parts = latin.split()
    # A title or role before the name ("Dean Moana Tipene", "博士生坦迪韋·莫萊費")
    # and a cue after it ("…說") are not part of the transliteration; a name
    # cut short on the Han side (德什穆 for Deshmukh-Olsen) spells one part.
    variants = {latin, " ".join(parts[-2:]), " ".join(parts[-3:])}
    if not _HAN_DOT.search(han):
        variants |= {p for p in re.split(r"[\s-]+", latin) if len(p) >= 4}
    score = max(transliteration_score(h, v) for h in han_variants(han) for v in variants if v)
    if score >= 0.6:
        return True
    return False if score < 0.4 else None


def _text(quotes: Sequence[Quote], group: list[int]) -> str:
    return " ".join(quotes[i].text for i in group)


def _unmatched(
    pair: Pair, article: Article, quotes: Sequence[Quote], linked: Container[int]
) -> Iterator[tuple[str, Quote]]:
    """Each utterance of ``article`` that no link touches, is speech, and is not held across.

    Yields its text and its first quote.
    """
    for group in utterances(quotes):
        if any(i in linked for i in group):
            continue
        text = _text(quotes, group)
        if not _is_speech(text):
            continue
        first = quotes[group[0]]
        if _holds(pair, article, text, first) or _counterpart(pair, article, first):
            continue
        yield text, first


def _stretches(text: str) -> int:
    """How many stretches of ``text`` are in quotation marks (curly, corner or straight)."""
    return sum(text.count(m) for m in "“「『") + text.count('"') // 2


def _counterpart(pair: Pair, article: Article, quote: Quote) -> bool:
    """Whether a translation's unlinked quote has a quoted stretch to render in the source.

    When the source paragraphs aligned with the quote's paragraph hold at
    least as many quoted stretches as it does, the quote renders one of them
    (the extractor may have read the source's as a term, "too often
    forgotten"): it was not added.
    """
    if article is not pair.derived or not pair.translated or not quote.spans:
        return False
    block = article.block_at(min(quote.spans[0].start, len(article.text) - 1))
    there = _aligned_text(pair, article, quote)
    return bool(there) and _stretches(there) >= _stretches(article.blocks[block].text)


def _numbers(text: str, language: str) -> set[object]:
    """The values a quote states, in base units (a fortnight is two weeks).

    The Chinese indefinite 一 (一个 is "a") is left out.
    """
    out: set[object] = set()
    for q in extract_numbers(text, language):
        if q.value is None or q.text in ("一", "壹"):
            continue
        unit = q.unit if q.unit is not None else unit_after(text, q.end, language)
        out.add(in_base_unit(q.value, unit)[0])
    return out


def _negations(text: str, language: str) -> int:
    return sum(1 for c in polarity_cues(text, language) if c.kind == "negation")


def _reworded(pair: Pair, a: str, b: str) -> str | None:
    """Why two linked quotes differ materially, or None."""
    la, lb = pair.source.language, pair.derived.language
    na, nb = _numbers(a, la), _numbers(b, lb)
    if na - nb and nb - na:
        return "its figures change"
    nega, negb = _negations(a, la), _negations(b, lb)
    if (nega == 0) != (negb == 0) and not (pair.translated and len(a) > 150):
        text, language, cues, other, other_language = (
            (a, la, polarity_cues(a, la), b, lb) if nega else (b, lb, polarity_cues(b, lb), a, la)
        )
        cue = next(c for c in cues if c.kind == "negation")
        if speaks_of(scope_word(text, cue), language, other, other_language):
            return "a negation is added or removed"
    if not pair.translated:
        wa, wb = [w.lower() for w in _WORD.findall(a)], [w.lower() for w in _WORD.findall(b)]
        shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
        joined = " " + " ".join(longer) + " "
        if shorter and " " + " ".join(shorter) + " " not in joined:
            changed = terms(a) ^ terms(b)
            if changed:
                return "its words change"
    return None


# A full name: two capitalised words, or a transliteration joined by a middle dot.
_NAME = re.compile(
    r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+|[\u4e00-\u9fff]{1,6}[·・•‧][\u4e00-\u9fff]{1,8}"
)


def _speaker(pair: Pair, article: Article, quote: Quote) -> str:
    """The quote's speaker, or else the one full name its sentence gives outside the quote."""
    if quote.speaker is not None:
        return quote.speaker.name
    if not quote.spans or not article.text:
        return ""
    start, end = pair.sentence_at(article, min(quote.spans[0].start, len(article.text) - 1))
    inside = [(q.start, q.end) for q in quote.spans]
    names = {
        m.group()
        for m in _NAME.finditer(article.text, start, end)
        if not any(a <= m.start() < b for a, b in inside)
    }
    return names.pop() if len(names) == 1 else ""


def _named(pair: Pair, article: Article, quote: Quote, name: str) -> list[Span]:
    """Where the quote's sentence names its speaker (or its cue stands), to quote as evidence."""
    if not quote.spans or not article.text:
        return []
    start, end = pair.sentence_at(article, min(quote.spans[0].start, len(article.text) - 1))
    inside = [(q.start, q.end) for q in quote.spans]
    words = [w for w in (name, *name.split()) if w] if name else []
    for word in words:
        at = article.text.find(word, start, end)
        while at >= 0 and any(a <= at < b for a, b in inside):
            at = article.text.find(word, at + 1, end)
        if at >= 0:
            return [Span(article.id, at, at + len(word))]
    if quote.cue:
        at = article.text.find(quote.cue, start, end)
        if at >= 0 and not any(a <= at < b for a, b in inside):
            return [Span(article.id, at, at + len(quote.cue))]
    return []


def _full_name(name: str) -> bool:
    """A person's full name (two words, or two Han characters), not a bare word or organisation."""
    if script(name) == "han":
        return len(name) >= 2
    return len(name.split()) >= 2


def pair_quotes(pair: Pair) -> tuple[list[tuple[Quote, Quote]], list[Quote]]:
    """Quotes found on both sides, and the source quotes the derived text does not hold.

    A source utterance counts as kept when one of its parts is linked to a
    derived quote; one that is not linked is dropped only when the derived
    paragraphs aligned with it do not hold its words.
    """
    linked = _linked(pair)
    links = _links(pair)
    kept = [(linked.original[i], linked.translated[j]) for i, j, _ in links] if linked else []
    linked_source = {i for i, _, _ in links}
    dropped: list[Quote] = []
    for group in utterances(pair.source_quotes):
        if linked_source & set(group):
            continue
        text = _text(pair.source_quotes, group)
        if not _holds(pair, pair.source, text, pair.source_quotes[group[0]]):
            dropped.extend(pair.source_quotes[i] for i in group)
    return kept, dropped


def check_quotes(pair: Pair) -> list[Discrepancy]:
    """Quotes dropped (not in a summary), added, given to another speaker, or reworded."""
    src, drv = pair.source_quotes, pair.derived_quotes
    links = _links(pair)
    out: list[Discrepancy] = []
    by_source: dict[int, list[int]] = {}
    for i, j, _ in links:
        by_source.setdefault(i, []).append(j)
    linked_derived = {j for _, j, _ in links}
    if not pair.is_summary:
        for text, first in _unmatched(pair, pair.source, src, by_source):
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.QUOTE_DROPPED,
                    f"the quote '{_short(text)}' is not in the aligned part of {pair.derived.id}",
                    source=list(first.spans[:1]),
                    derived=_anchor(pair, pair.source, first),
                    score=0.7,
                )
            )
    for text, first in _unmatched(pair, pair.derived, drv, linked_derived):
        out.append(
            discrepancy(
                pair,
                DiscrepancyKind.QUOTE_ADDED,
                f"the quote '{_short(text)}' of {pair.derived.id} is not in the aligned part "
                "of the source",
                source=_anchor(pair, pair.derived, first),
                derived=list(first.spans[:1]),
                score=0.6,
            )
        )
    seen: set[int] = set()
    for group in utterances(src):
        targets = sorted({j for i in group for j in by_source.get(i, [])})
        if not targets or targets[0] in seen:
            continue
        seen.update(targets)
        a, b = src[group[0]], drv[targets[0]]
        said_a, said_b = _speaker(pair, pair.source, a), _speaker(pair, pair.derived, b)
        same = _same_person(said_a, said_b)
        # Across languages both names must be full to tell two people apart;
        # in one language a full name against another name suffices.
        full = (_full_name(said_a), _full_name(said_b))
        if same is False and (all(full) or (any(full) and not pair.translated)):
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.QUOTE_SPEAKER,
                    f"'{_short(_text(src, group))}' is said by {said_a} in the source "
                    f"but by {said_b} in {pair.derived.id}",
                    source=_named(pair, pair.source, a, said_a) + list(a.spans[:1]),
                    derived=_named(pair, pair.derived, b, said_b) + list(b.spans[:1]),
                    score=0.7,
                )
            )
        whole = sorted({k for g in utterances(drv) if set(g) & set(targets) for k in g})
        why = _reworded(pair, _text(src, group), _text(drv, whole))
        if why:
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.QUOTE_WORDING,
                    f"the quote '{_short(_text(src, group))}' is changed in {pair.derived.id}: "
                    f"{why}",
                    source=[sp for i in group for sp in src[i].spans],
                    derived=[sp for k in whole for sp in drv[k].spans],
                    score=0.6,
                )
            )
    return out


def _anchor(pair: Pair, article: Article, quote: Quote) -> list[Span]:
    """The other side's paragraph aligned with the quote's (where the quote is missing)."""
    if not quote.spans or not article.blocks:
        return []
    block = article.block_at(min(quote.spans[0].start, len(article.text) - 1))
    is_source = article is pair.source
    other = pair.derived if is_source else pair.source
    for bead in pair.alignment.beads:
        mine, theirs = (bead.source, bead.target) if is_source else (bead.target, bead.source)
        if block in mine and theirs:
            span = other.block_span(theirs[0])
            return [Span(other.id, span.start, span.end)]
    return []


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
