"""Linking the quotes of a translation to the quotes of its original.

:func:`link_quotes` takes the two articles and an
:class:`~aistress.model.Alignment` of them (any unit: paragraphs, sentences,
lines), so it works with whatever aligner made the beads. Within each bead
the quotes of both sides are placed on a 0-1 scale of the bead's length and
paired by a monotone dynamic programme that rewards overlapping, nearby
quotes. A paired translated quote gets ``Quote.original``;
the two speakers become one :class:`~aistress.model.Person` (link method
``alignment``, evidence the translated quote), and speakers that no quote
pair joins are matched by transliteration (:func:`aistress.people.merge_people`).

>>> from aistress.model import Alignment, Article, Bead, Block
>>> en = Article("en", "en", "news", blocks=[Block("paragraph",
...     "“Speed is everything,” Ada Byron said.")])
>>> zh = Article("zh", "zh", "translation", blocks=[Block("paragraph",
...     "阿达·拜伦说：“速度就是一切。”")])
>>> linked = link_quotes(en, zh, Alignment([Bead([0], [0], 1.0)], unit="paragraph"))
>>> q = linked.translated[0]
>>> q.speaker.name, q.speaker.aliases, en.slice(q.original)
('Ada Byron', ('阿达·拜伦',), 'Speed is everything,')
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from aistress.model import Alignment, Article, Person, PersonLink, Quote, QuoteKind
from aistress.people import TransliterationTable, merge_people, name_key, with_people
from aistress.quotes._extract import analyse
from aistress.text.sentences import locate_in_order

__all__ = ["LinkedQuotes", "link_quotes"]


@attrs.frozen
class LinkedQuotes:
    """The quotes of an original and of its translation, linked.

    Attributes:
        original: The original's quotes, speakers merged across languages.
        translated: The translation's quotes, each linked one with
            ``Quote.original`` set.
        pairs: ``(original index, translated index, score)`` for every link.
        people: One :class:`~aistress.model.Person` per speaker of either text.
    """

    original: tuple[Quote, ...]
    translated: tuple[Quote, ...]
    pairs: tuple[tuple[int, int, float], ...]
    people: tuple[Person, ...]


def _segment_ranges(
    article: Article, segments: Sequence[str], needed: int
) -> list[tuple[int, int] | None]:
    """Where each aligned segment lies in ``article.text`` (None if not found)."""
    if not segments:
        out: list[tuple[int, int] | None] = []
        for i in range(needed):
            if i < len(article.blocks):
                span = article.block_span(i)
                out.append((span.start, span.end))
            else:
                out.append(None)
        return out
    return locate_in_order(article.text, segments)


@attrs.frozen
class _Bead:
    ranges: tuple[tuple[int, int], ...]

    @property
    def length(self) -> int:
        return sum(b - a for a, b in self.ranges) or 1

    def position(self, offset: int) -> float:
        at = 0
        for a, b in self.ranges:
            if a <= offset <= b:
                return (at + offset - a) / self.length
            at += b - a
        return 1.0 if self.ranges and offset > self.ranges[-1][1] else 0.0


def _beads(
    alignment: Alignment, original: Article, translated: Article
) -> list[tuple[_Bead, _Bead]]:
    max_s = max((i for b in alignment.beads for i in b.source), default=-1) + 1
    max_t = max((i for b in alignment.beads for i in b.target), default=-1) + 1
    src = _segment_ranges(original, alignment.source_segments, max_s)
    tgt = _segment_ranges(translated, alignment.target_segments, max_t)
    out = []
    for bead in alignment.beads:
        s = tuple(r for i in bead.source if i < len(src) and (r := src[i]) is not None)
        t = tuple(r for i in bead.target if i < len(tgt) and (r := tgt[i]) is not None)
        if s and t:
            out.append((_Bead(s), _Bead(t)))
    return out


def _assign(quotes: Sequence[Quote], beads: list[_Bead]) -> dict[int, list[int]]:
    """Quote indices per bead index, by where each quote starts."""
    starts: list[tuple[int, int, int]] = sorted(
        (a, b, k) for k, bead in enumerate(beads) for a, b in bead.ranges
    )
    keys = [s[0] for s in starts]
    out: dict[int, list[int]] = {}
    for qi, q in enumerate(quotes):
        if not q.spans:
            continue
        at = q.spans[0].start
        j = bisect.bisect_right(keys, at) - 1
        if j >= 0 and starts[j][0] <= at <= starts[j][1]:
            out.setdefault(starts[j][2], []).append(qi)
    return out


def _score(o: Quote, t: Quote, ob: _Bead, tb: _Bead, rank: float) -> float:
    o1, o2 = ob.position(o.spans[0].start), ob.position(o.spans[-1].end)
    t1, t2 = tb.position(t.spans[0].start), tb.position(t.spans[-1].end)
    overlap = max(0.0, min(o2, t2) - max(o1, t1))
    union = max(o2, t2) - min(o1, t1) or 1e-9
    near = 1.0 - abs((o1 + o2) / 2 - (t1 + t2) / 2)
    score = 0.35 * overlap / union + 0.35 * near + 0.3 * rank
    if (o.kind is QuoteKind.SCARE) != (t.kind is QuoteKind.SCARE):
        if not (o.partial or t.partial):
            return 0.0
        score *= 0.8
    if o.partial != t.partial:
        score *= 0.9
    return score


def _pair(
    oq: Sequence[Quote],
    tq: Sequence[Quote],
    oi: list[int],
    ti: list[int],
    ob: _Bead,
    tb: _Bead,
    min_score: float,
) -> list[tuple[int, int, float]]:
    """Monotone best pairing of the quotes of one bead: O(|oi| · |ti|)."""
    n, m = len(oi), len(ti)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    scores = [
        [
            _score(oq[a], tq[b], ob, tb, 1.0 - abs((x + 0.5) / n - (y + 0.5) / m))
            for y, b in enumerate(ti)
        ]
        for x, a in enumerate(oi)
    ]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], 1), (best[i][j - 1], 2)]
            s = scores[i - 1][j - 1]
            if s >= min_score:
                options.append((best[i - 1][j - 1] + s, 3))
            best[i][j], move[i][j] = max(options)
    out = []
    i, j = n, m
    while i > 0 and j > 0:
        if move[i][j] == 3:
            out.append((oi[i - 1], ti[j - 1], round(scores[i - 1][j - 1], 4)))
            i, j = i - 1, j - 1
        elif move[i][j] == 1:
            i -= 1
        else:
            j -= 1
    out.reverse()
    return out


def _first_of_utterance(
    oq: Sequence[Quote],
    oi: list[int],
    found: list[tuple[int, int, float]],
) -> list[tuple[int, int, float]]:
    """Point a translated quote at the first part of the split utterance it renders.

    A translation often joins ``“A,” X said, “B.”`` into one quotation; when
    the pairing chose B and A is left unpaired, the link moves to A.
    """
    taken = {a for a, _, _ in found}
    out = []
    for a, b, s in found:
        utterance = oq[a].utterance
        if utterance is not None:
            for c in oi:
                if c >= a:
                    break
                if c not in taken and oq[c].utterance == utterance:
                    taken.discard(a)
                    taken.add(c)
                    a = c
                    break
        out.append((a, b, s))
    return out


def link_quotes(
    original: Article,
    translated: Article,
    alignment: Alignment,
    *,
    original_quotes: Sequence[Quote] | None = None,
    translated_quotes: Sequence[Quote] | None = None,
    include_scare: bool = False,
    min_score: float = 0.3,
    table: TransliterationTable | None = None,
) -> LinkedQuotes:
    """Link the quotes of ``translated`` to those of ``original`` through ``alignment``.

    Args:
        original: The source article.
        translated: Its translation.
        alignment: Beads pairing segments of ``original`` (source side) with
            segments of ``translated`` (target side). When the alignment
            carries its segment texts they are located in each article's
            text, so any unit works; without them, indices are block indices.
        original_quotes: The original's quotes, if already extracted
            (default: :func:`~aistress.quotes.extract_quotes` with scare quotes).
        translated_quotes: The translation's quotes, likewise.
        include_scare: Keep scare quotes in the result.
        min_score: The least pair score (0-1) that links two quotes.
        table: Transliteration table for speakers no quote pair joins.

    A scare quote of the translation paired with a partial quote of the
    original becomes a partial direct quote of the same speaker (the
    translator kept the marks, the context lost the cue).

    Runs in O(n log n + Σ a·b) for n quotes and a, b quotes per bead.
    """
    for name, value in (("original", original), ("translated", translated)):
        if not isinstance(value, Article):
            raise TypeError(f"link_quotes: {name} must be an Article, not {type(value).__name__}")
    if not isinstance(alignment, Alignment):
        raise TypeError(
            f"link_quotes: alignment must be an Alignment, not {type(alignment).__name__}"
        )
    oq = list(original_quotes) if original_quotes is not None else list(analyse(original).quotes)
    tq = (
        list(translated_quotes)
        if translated_quotes is not None
        else list(analyse(translated).quotes)
    )
    pairs_beads = _beads(alignment, original, translated)
    o_by = _assign(oq, [p[0] for p in pairs_beads])
    t_by = _assign(tq, [p[1] for p in pairs_beads])
    pairs: list[tuple[int, int, float]] = []
    for k, (ob, tb) in enumerate(pairs_beads):
        if k in o_by and k in t_by:
            found = _pair(oq, tq, o_by[k], t_by[k], ob, tb, min_score)
            pairs.extend(_first_of_utterance(oq, o_by[k], found))

    votes: dict[str, dict[str, int]] = {}
    evidence: dict[tuple[str, str], Quote] = {}
    for a, b, _ in pairs:
        o, t = oq[a], tq[b]
        t = attrs.evolve(t, original=o.spans[0])
        if t.kind is QuoteKind.SCARE and o.kind is QuoteKind.DIRECT:
            t = attrs.evolve(
                t,
                kind=QuoteKind.DIRECT,
                partial=True,
                speaker=o.speaker,
                anonymous=o.anonymous,
                utterance=None,
            )
        elif t.speaker is None and not t.anonymous and o.speaker is not None:
            t = attrs.evolve(t, speaker=o.speaker)
        tq[b] = t
        if o.speaker is not None and t.speaker is not None and t.speaker != o.speaker:
            tally = votes.setdefault(t.speaker.name, {})
            tally[o.speaker.name] = tally.get(o.speaker.name, 0) + 1
            evidence.setdefault((t.speaker.name, o.speaker.name), t)

    speakers: list[Person] = []
    for q in (*oq, *tq):
        if q.speaker is not None and q.speaker not in speakers:
            speakers.append(q.speaker)
    name_pairs: list[tuple[str, str]] = []
    extra: dict[str, list[PersonLink]] = {}
    for t_name, tally in votes.items():
        o_name = max(tally, key=lambda k: (tally[k], k))
        name_pairs.append((t_name, o_name))
        quote = evidence[(t_name, o_name)]
        extra.setdefault(name_key(o_name), []).append(
            PersonLink(t_name, "alignment", quote.spans[0] if quote.spans else None)
        )
    augmented = []
    for p in speakers:
        links = extra.get(name_key(p.name), [])
        if links:
            p = attrs.evolve(
                p,
                aliases=(*p.aliases, *(lk.alias for lk in links if lk.alias not in p.names)),
                links=(*p.links, *links),
            )
        augmented.append(p)
    people = merge_people(augmented, table=table, pairs=name_pairs)
    o_out = with_people(oq, people)
    t_out = with_people(tq, people)
    if not include_scare:
        keep_o = [i for i, q in enumerate(o_out) if q.kind is QuoteKind.DIRECT]
        keep_t = [i for i, q in enumerate(t_out) if q.kind is QuoteKind.DIRECT]
        o_new = {old: new for new, old in enumerate(keep_o)}
        t_new = {old: new for new, old in enumerate(keep_t)}
        pairs = [(o_new[a], t_new[b], s) for a, b, s in pairs if a in o_new and b in t_new]
        o_out = tuple(o_out[i] for i in keep_o)
        t_out = tuple(t_out[i] for i in keep_t)
    return LinkedQuotes(o_out, t_out, tuple(pairs), people)
