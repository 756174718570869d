"""Discover how the articles of a corpus relate: copies, translations, summaries, rewrites.

Readers record the relations a file states (a digest's appendix is part of
the digest). :func:`discover_relations` finds the others across files:

0. **Copies.** Near-duplicates (one language, word shingles overlapping at
   least :data:`~aistress.relations.copies.NEAR_DUPLICATE`) are found first by MinHash, without
   comparing pairs (:mod:`aistress.relations.copies`), and grouped: every
   member from another file is ``copy_of`` the group's representative (its
   first article of an original kind), and only representatives go on.
1. **Blocking.** Each article is reduced to *anchors* that survive
   translation and rewriting: the values of its numbers (``200m`` and
   ``2 亿`` give the same anchor), Latin-script names (``Vexa Labs``,
   ``Moro Arena``), URLs and title words. An inverted index from anchor to
   articles yields the candidate pairs that share rare anchors, so the cost is
   linear in the number of anchors plus the candidate pairs, not quadratic in
   the corpus.
2. **Scoring.** A pair whose presumed original holds less than
   :data:`MIN_KEPT` of the derived article's anchors is dropped, unless the
   derived article's metadata names the original. Each candidate pair gets
   an anchor similarity (the IDF-weighted anchors both share, over the
   geometric mean of each one's),
   averaged with the share of the presumed original that a paragraph
   alignment covers when the aligner is used; a file whose metadata names
   the other's title or URL lifts the score to at least 0.5.
3. **Deciding.** An article of a derived kind (``translation``,
   ``summary``, ``rewrite``, ``digest``), or one whose metadata cites the
   other, is linked as derived: two originals that share a story are not
   derived from each other. The one exception is an *unlabelled
   translation*: two originals in different languages (say two plain-text
   files, one English, one Chinese) whose figures agree and whose lengths
   are comparable, held to a stricter bar than a labelled pair (see
   :data:`UNLABELLED_MIN_FIGURES`); the shorter by
   English-equivalent length is taken as the translation. Two originals
   of one language are never linked, unless one copies the other. The
   relation follows the derived kind where it says enough (a ``rewrite``
   is ``rewrite_of``, a ``digest`` or ``summary`` ``summary_of``), else
   languages and lengths: another language and a comparable length is
   ``translation_of``, a much shorter text ``summary_of``. Each derived
   article keeps its best original; pairs below :data:`MIN_SCORE` are
   left out.

Every relation records ``method="discovered"`` and its score.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import NamedTuple

import attrs

from aistress.alignment import AlignmentCache
from aistress.alignment import align as align_texts
from aistress.model import Alignment, Article, ArticleKind, Corpus, Relation, RelationKind
from aistress.relations.copies import (
    NEAR_DUPLICATE,
    Shingled,
    bucket_edges,
    buckets,
    copy_groups,
    shingles,
)
from aistress.text.language import letter_counts, primary_language
from aistress.text.numbers import extract_numbers

__all__ = [
    "MAX_ALIGNED",
    "MAX_CANDIDATES",
    "MIN_KEPT",
    "MIN_SCORE",
    "NEAR_DUPLICATE",
    "UNLABELLED_MIN_FIGURES",
    "UNLABELLED_MIN_LENGTH_RATIO",
    "UNLABELLED_MIN_SHARED",
    "Candidate",
    "anchors",
    "discover_relations",
    "link_corpus",
    "paragraph_aligner",
]

#: Discovered relations scoring below this are dropped.
MIN_SCORE = 0.3

#: Least share of a derived article's anchors (figures, names, URLs) its
#: original must hold, unless the derived article's metadata names the
#: original: a summary, rewrite or translation keeps most of what it
#: reports. Two texts written from one template about different stories
#: share their paragraph structure and one or two figures, which the aligner
#: alone would reward.
MIN_KEPT = 0.4

_LATIN_NAME = re.compile(
    r"\b(?:[A-Z][A-Za-z0-9]+|[a-z]+[A-Z][A-Za-z0-9]*)(?:[ \t]+[A-Z][A-Za-z0-9]+)*"
)
_URL = re.compile(r"https?://[^\s)\]>\"'，。]+")
_COMMON = frozenset(
    {"The", "A", "An", "And", "But", "Or", "So", "In", "On", "At", "As", "If", "When", "While"}
    | {"After", "Before", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I"}
    | {"You", "There", "Here", "What", "Why", "How", "Who", "Where", "Which", "Not", "No", "Of"}
    | {"To", "For", "From", "With", "By", "AI"}
)
_DERIVED_KINDS = frozenset(
    {ArticleKind.TRANSLATION, ArticleKind.SUMMARY, ArticleKind.REWRITE, ArticleKind.DIGEST}
)
#: Least share of the figures (number, year and URL anchors) two unlabelled
#: originals in different languages must have in common (Jaccard) to be
#: linked as a translation pair. The bar is high on purpose: two independent
#: reports of one story in two languages share a few rare anchors (the date,
#: the headline figure), which links a file that calls itself a translation
#: but not two originals; a faithful translation keeps nearly every figure.
#: Their Latin-script names must agree as well: of the side with fewer, this
#: share must be found in the other (a translation may transliterate a name,
#: it does not invent Latin ones).
UNLABELLED_MIN_FIGURES = 0.7
#: Least figures such a pair must share, since one or two agreeing figures
#: (a year, a headline number) are what two reports of one story have in common.
UNLABELLED_MIN_SHARED = 3
#: Least length ratio (shorter over longer, in English-character
#: equivalents) of an unlabelled translation pair.
UNLABELLED_MIN_LENGTH_RATIO = 0.6
#: Characters of Chinese per character of English in a typical translation
#: (measured on parallel news and blog text; the aligner estimates its own).
_ZH_PER_EN = 0.33


@attrs.frozen
class Candidate:
    """A scored pair: ``derived`` may be ``kind`` of ``original``."""

    derived: str
    original: str
    kind: RelationKind
    score: float
    reasons: tuple[str, ...]


def anchors(article: Article) -> frozenset[str]:
    """The anchors of an article: numbers by value, Latin names, URLs.

    >>> from aistress.model import Block
    >>> a = Article("x", "en", "news", blocks=[Block("paragraph", "OpenAI has 200m users.")])
    >>> sorted(anchors(a))
    ['n:200000000', 'w:openai']
    """
    found: set[str] = set()
    pieces = [article.title or "", article.subtitle or "", article.text]
    text = "\n".join(pieces)
    for q in extract_numbers(text, article.language):
        if q.date is not None and q.date.year is not None:
            found.add(f"y:{q.date.year}")
        elif q.value is not None and q.kind in {"cardinal", "money", "percent"}:
            value = q.value.normalize()
            if q.kind == "cardinal" and value == int(value) and 1900 <= value <= 2100:
                found.add(f"y:{int(value)}")  # a bare year reads as a date in the other language
            elif abs(value) >= 2:
                found.add(f"n:{value:f}")
    for match in _LATIN_NAME.finditer(text):
        words = match.group().split()
        if len(words) == 1 and _opens_sentence(text, match.start()) and words[0][1:].islower():
            continue  # "Engineers at ..." opens a sentence; it names nothing
        words = [w for w in words if w not in _COMMON]
        if words:
            found.add("w:" + " ".join(words).lower())
    found.update(f"u:{u.rstrip('/.').lower()}" for u in _URL.findall(text))
    if article.url:
        found.add(f"u:{article.url.rstrip('/.').lower()}")
    return frozenset(found)


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘(「":
        i -= 1
    return i < 0 or text[i] in ".!?。！？\n:："


def _length(article: Article) -> float:
    """Length in English-character equivalents (Han characters weigh 1 / 0.33)."""
    text = article.text
    han = letter_counts(text)[1]
    return (len(text) - han) + han / _ZH_PER_EN


def _metadata_score(derived: Article, original: Article) -> tuple[float, str | None]:
    """Whether ``derived`` names ``original``'s title or URL in its metadata."""
    cited = " ".join(
        v for k, v in derived.extra if "title" in k or "url" in k or "link" in k or "source" in k
    )
    cited += " " + (derived.url or "")
    if original.url and original.url in cited:
        return 1.0, "names the original's URL"
    if original.title and len(original.title) >= 8 and original.title.lower() in cited.lower():
        return 1.0, "names the original's title"
    return 0.0, None


#: An article's length (:func:`_length`, or the same figure found earlier).
LengthOf = Callable[[Article], float]


def _direction(a: Article, b: Article, length: LengthOf = _length) -> tuple[Article, Article]:
    """Return ``(derived, original)`` for a pair.

    An article of a derived kind derives from one of an original kind; a
    file that cites the other's title or URL derives from it; otherwise the
    shorter text is taken as derived.
    """
    if _metadata_score(a, b)[0] and not _metadata_score(b, a)[0]:
        return a, b
    if _metadata_score(b, a)[0] and not _metadata_score(a, b)[0]:
        return b, a
    a_derived, b_derived = a.kind in _DERIVED_KINDS, b.kind in _DERIVED_KINDS
    if a_derived != b_derived:
        return (a, b) if a_derived else (b, a)
    return (a, b) if length(a) <= length(b) else (b, a)


def _unlabelled_translation(
    a: Article,
    b: Article,
    anchors_of: Callable[[Article], frozenset[str]] = anchors,
    length: LengthOf = _length,
) -> float:
    """How surely two originals in different languages are one text translated (0 if not).

    Neither file says it derives from the other, so the anchors alone must
    carry the decision, and they are held to a clearly higher bar than for
    a labelled pair. Two independent reports of one story in two languages
    share rare anchors too (the date, the headline figure, the company's
    name), which is enough when a file calls itself a translation but not
    here. A faithful translation keeps *every* figure, so the pair must:

    * be in different primary languages (same-language originals stay apart);
    * have comparable lengths (ratio at least :data:`UNLABELLED_MIN_LENGTH_RATIO`);
    * share at least :data:`UNLABELLED_MIN_SHARED` figures (numbers by value,
      years, URLs) and at least :data:`UNLABELLED_MIN_FIGURES` of all their
      figures (Jaccard);
    * keep Latin-script names: of the side with fewer such names, at least
      :data:`UNLABELLED_MIN_FIGURES` are found in the other. Names are
      compared one-sidedly because a translation may transliterate a name
      (``Stanford`` as ``斯坦福``) but does not invent new Latin ones.

    ``anchors_of`` gives an article's anchors and ``length`` its length
    (caches, so each article's are found once however many pairs it is in).

    Returns:
        The figures' Jaccard share when all conditions hold, else 0.
    """
    if a.kind in _DERIVED_KINDS or b.kind in _DERIVED_KINDS:
        return 0.0
    if primary_language(a.language) == primary_language(b.language):
        return 0.0
    la, lb = length(a), length(b)
    if min(la, lb) < UNLABELLED_MIN_LENGTH_RATIO * max(la, lb, 1.0):
        return 0.0
    found_a, found_b = anchors_of(a), anchors_of(b)
    figures_a = {x for x in found_a if not x.startswith("w:")}
    figures_b = {x for x in found_b if not x.startswith("w:")}
    common = figures_a & figures_b
    if len(common) < UNLABELLED_MIN_SHARED:
        return 0.0
    jaccard = len(common) / len(figures_a | figures_b)
    if jaccard < UNLABELLED_MIN_FIGURES:
        return 0.0
    names_a, names_b = found_a - figures_a, found_b - figures_b
    fewer, more = (names_a, names_b) if len(names_a) <= len(names_b) else (names_b, names_a)
    if fewer and len(fewer & more) < UNLABELLED_MIN_FIGURES * len(fewer):
        return 0.0
    return jaccard


def _kind(derived: Article, original: Article, ratio: float) -> RelationKind:
    """The relation a derived article has to its original.

    The derived article's own kind decides where it says enough (a rewrite is
    a rewrite however short); otherwise languages and ``ratio``, the derived
    length over the original's, do.
    """
    other_language = primary_language(derived.language) != primary_language(original.language)
    if derived.kind in {ArticleKind.SUMMARY, ArticleKind.DIGEST}:
        return RelationKind.SUMMARY_OF
    if derived.kind is ArticleKind.REWRITE:
        return RelationKind.TRANSLATION_OF if other_language else RelationKind.REWRITE_OF
    if ratio < 0.5:
        return RelationKind.SUMMARY_OF
    if other_language:
        return RelationKind.TRANSLATION_OF
    if derived.kind is ArticleKind.TRANSLATION:
        return RelationKind.RELATED_TO  # two translations of one original
    return RelationKind.REWRITE_OF


def _rank(candidate: Candidate, original: Article) -> tuple[bool, float]:
    """Sort key for candidate originals: an original kind first, then the score.

    So a second translation links to the post, not to the first translation.
    """
    return (original.kind not in _DERIVED_KINDS, candidate.score)


AlignFunction = Callable[[Article, Article], Alignment]


def _align_paragraphs(source: Article, target: Article) -> Alignment:
    result: Alignment = align_texts(source, target, unit="paragraph")
    return result


def paragraph_aligner(cache: AlignmentCache) -> AlignFunction:
    """The aligner ``align=True`` uses, keeping what it aligns in a run's ``cache``.

    So a comparison of a pair discovery confirmed starts from the same
    alignment instead of making it again (see :func:`aistress.pipeline.analyse_corpus`).
    """

    def aligned(source: Article, target: Article) -> Alignment:
        result: Alignment = align_texts(source, target, unit="paragraph", cache=cache)
        return result

    return aligned


def _alignment_score(original: Article, derived: Article, align: AlignFunction) -> float:
    """Share of the original's characters aligned to something in the derived text."""
    if not original.blocks or not derived.blocks:
        return 0.0
    alignment = align(original, derived)
    total = sum(len(b.text) for b in original.blocks) or 1
    covered = sum(
        len(original.blocks[i].text) for bead in alignment.beads if bead.target for i in bead.source
    )
    return covered / total


#: Most partners an article is paired with when candidates are gathered
#: (rarest shared anchors first), so a corpus of many related copies costs
#: linear time rather than quadratic.
MAX_CANDIDATES = 20

#: Most candidate originals per derived article that are confirmed with the
#: aligner (the best by metadata, original kind and anchor overlap).
MAX_ALIGNED = 5

_DERIVATIONS = frozenset(
    {
        RelationKind.TRANSLATION_OF,
        RelationKind.SUMMARY_OF,
        RelationKind.REWRITE_OF,
        RelationKind.COPY_OF,
    }
)

# The stages below are shared by :func:`discover_relations` and the Dask job
# (:mod:`aistress.relations.distributed`). Articles are named by an integer
# *key* that orders them as the corpus does; every stage sees plain values and
# gives the same answer whatever order its inputs arrive in, so one process and
# a cluster find the same relations.

#: ``(key, source id)`` of an article: who it is and which file it came from.
Member = tuple[int, str]
#: A pair worth confirming: ``(derived, original, anchor overlap, metadata score,
#: reason, derived length over the original's)``.
Pending = tuple[Article, Article, float, float, "str | None", float]
#: A confirmed candidate and its rank among its derived article's candidates.
Ranked = tuple[Candidate, tuple[bool, float]]
#: An unlabelled translation pair and the key it is paired by.
Unlabelled = tuple[tuple[float, float, str, str], Candidate]


def _original(article: Article) -> bool:
    return article.kind not in _DERIVED_KINDS


def _shingled(key: int, source: str, article: Article) -> tuple[Shingled, list[tuple[object, ...]]]:
    """What near-duplicate detection needs of an article, and its MinHash buckets."""
    found = shingles(article)
    return Shingled(key, _original(article), source, article.id, found), buckets(article, found)


def _duplicate_groups(
    articles: Sequence[Article],
    source_of: dict[str, str] | None = None,
    linked: Collection[str] = (),
) -> tuple[list[int], tuple[Relation, ...]]:
    """For each article, the index of its group's representative; and the copies found.

    See :mod:`aistress.relations.copies`: articles are grouped by MinHash
    buckets, each checked against its buckets' first member, never pairwise.
    """
    by_bucket: dict[tuple[object, ...], list[Shingled]] = defaultdict(list)
    for i, article in enumerate(articles):
        source = article.id if source_of is None else source_of[article.id]
        shingled, found = _shingled(i, source, article)
        for bucket in found:
            by_bucket[bucket].append(shingled)
    edges = (edge for group in by_bucket.values() for edge in bucket_edges(group))
    rep, copies = copy_groups(edges, linked)
    return [rep.get(i, i) for i in range(len(articles))], copies


def _too_common(df: int, n: int, max_df: float) -> bool:
    """An anchor in more than 20 articles and in at least ``max_df`` of them says nothing."""
    return df > 20 and df >= max_df * n - 1e-9


def _idf(df: int, n: int) -> float:
    return math.log((n + 1) / (df + 0.5))


def _mass(found: Iterable[str], df: Callable[[str], int], n: int) -> float:
    """The IDF weight of all an article's anchors (summed exactly, so in any order alike)."""
    return math.fsum(_idf(df(a), n) for a in found)


def _shared_weight(
    a: frozenset[str], b: frozenset[str], df: Callable[[str], int], n: int, max_df: float
) -> float:
    """The IDF weight of the anchors two articles share, too common ones left out."""
    common = (a & b) if len(a) <= len(b) else (b & a)
    return math.fsum(_idf(df(x), n) for x in common if not _too_common(df(x), n, max_df))


def _partners(me: Member, heads: Iterable[Sequence[Member]]) -> list[Member]:
    """Up to :data:`MAX_CANDIDATES` partners of a representative from other files.

    ``heads`` gives, for each of its anchors from the rarest (then by
    anchor), the first :data:`MAX_CANDIDATES` + 1 representatives holding it
    (none for an anchor too common to count).
    """
    chosen: dict[Member, None] = {}
    for found in heads:
        for other in found:
            if other[0] != me[0] and other[1] != me[1]:
                chosen[other] = None
        if len(chosen) >= MAX_CANDIDATES:
            break
    return list(chosen)[:MAX_CANDIDATES]


def _rep_pairs(me: Member, partners: Iterable[Member]) -> list[tuple[int, int]]:
    """Pairs ``(i, j)``, ``i < j``, of a representative with each of its partners."""
    return [(min(me[0], p), max(me[0], p)) for p, _ in partners]


class _Candidates(NamedTuple):
    """What blocking finds: the pairs worth scoring and what scoring them needs."""

    #: Pairs ``(i, j)``, ``i < j``, with the weight of the anchors they share.
    shared: dict[tuple[int, int], float]
    #: Each article's anchor weight.
    mass: dict[int, float]
    #: The near-duplicates' ``copy_of`` and ``rewrite_of`` relations.
    copies: tuple[Relation, ...]
    #: Each article's anchors.
    anchors: list[frozenset[str]]


def _candidate_pairs(
    articles: Sequence[Article],
    source_of: dict[str, str],
    max_df: float,
    linked: Collection[str] = (),
) -> _Candidates:
    """Candidate pairs with their shared anchor weight, and what scoring them needs.

    Near-duplicates are grouped first (:func:`_duplicate_groups`): each
    member of a group is a copy of its representative and is paired with
    nothing else. Only representatives are indexed by their anchors and
    paired, with up to :data:`MAX_CANDIDATES` partners each (those with the
    rarest shared anchors). The work is linear in the anchors times the cap.
    """
    n = len(articles)
    sets = [anchors(a) for a in articles]
    members = [(i, source_of[a.id]) for i, a in enumerate(articles)]
    counts: dict[str, int] = defaultdict(int)
    for found in sets:
        for anchor in found:
            counts[anchor] += 1
    df = counts.__getitem__
    rep, copies = _duplicate_groups(articles, source_of, linked)
    index: dict[str, list[Member]] = defaultdict(list)
    for i, found in enumerate(sets):
        if rep[i] == i:
            for anchor in found:
                if not _too_common(df(anchor), n, max_df):
                    index[anchor].append(members[i])
    pairs: set[tuple[int, int]] = set()
    for r in sorted(set(rep)):
        heads = (
            index.get(a, [])[: MAX_CANDIDATES + 1]
            for a in sorted(sets[r], key=lambda a: (df(a), a))
        )
        pairs.update(_rep_pairs(members[r], _partners(members[r], heads)))
    shared: dict[tuple[int, int], float] = {}
    for i, j in sorted(pairs):
        weight = _shared_weight(sets[i], sets[j], df, n, max_df)
        if weight > 0:
            shared[(i, j)] = weight
    mass = {i: _mass(found, df, n) for i, found in enumerate(sets)}
    return _Candidates(shared, mass, copies, sets)


def _pending(
    first: Article,
    second: Article,
    weight: float,
    masses: tuple[float, float],
    linked: frozenset[str] | set[str],
    anchors_of: Callable[[Article], frozenset[str]],
    length: LengthOf = _length,
) -> Pending | None:
    """A candidate pair, directed and scored by anchors and metadata; None if it cannot link."""
    derived, original = _direction(first, second, length)
    if derived.id in linked:
        return None
    meta, meta_reason = _metadata_score(derived, original)
    if not meta:
        found = anchors_of(derived)
        if len(found & anchors_of(original)) < MIN_KEPT * len(found):
            return None
    mass_d, mass_o = masses if derived is first else masses[::-1]
    # Cosine-like: shared anchor weight over the geometric mean of both
    # articles' anchor weight, so short articles do not match everything.
    overlap = weight / max(1e-9, math.sqrt(mass_d * mass_o))
    if derived.kind not in _DERIVED_KINDS and not meta:
        # Two originals (a news report and a blog post) are not derived,
        # unless they are an unlabelled translation pair.
        figures = _unlabelled_translation(derived, original, anchors_of, length)
        if not figures:
            return None
        overlap = max(overlap, figures)
        meta_reason = f"unlabelled translation: figures agree {figures:.2f}"
    ratio = length(derived) / max(1.0, length(original))
    return derived, original, overlap, meta, meta_reason, ratio


def _promise(pending: Pending) -> tuple[float, bool, float]:
    """Sort key of a derived article's pairs: metadata, then an original kind, then overlap."""
    return (-pending[3], pending[1].kind in _DERIVED_KINDS, -pending[2])


def _most_promising(pairs: list[Pending]) -> list[Pending]:
    """Keep the :data:`MAX_ALIGNED` most promising pairs of each derived article, in order."""
    by_derived: dict[str, list[int]] = defaultdict(list)
    for k, pair in enumerate(pairs):
        by_derived[pair[0].id].append(k)
    kept: set[int] = set()
    for ks in by_derived.values():
        ks.sort(key=lambda k: _promise(pairs[k]))
        kept.update(ks[:MAX_ALIGNED])
    return [pair for k, pair in enumerate(pairs) if k in kept]


def _score(overlap: float, meta: float, aligned: float | None) -> float:
    """A pair's score from its anchor overlap, metadata and share aligned (None: not aligned)."""
    score = min(1.0, overlap)
    if aligned is not None:
        score = 0.5 * score + 0.5 * aligned
    if meta:
        score = 0.5 + 0.5 * score  # a file that names its original settles the question
    return score


def _unlabelled(pending: Pending) -> bool:
    """Whether a pair is scored as an unlabelled translation (two originals, no metadata)."""
    return pending[0].kind not in _DERIVED_KINDS and not pending[3]


def _best_possible(pending: Pending) -> tuple[float, tuple[bool, float]]:
    """The highest score a pair can reach (its alignment covering all the original), and rank.

    Every step of :func:`_score` and the rounding of a candidate's score
    only grow with the share aligned, so no alignment can do better.
    """
    score = _score(pending[2], pending[3], 1.0)
    return score, (pending[1].kind not in _DERIVED_KINDS, round(score, 4))


def _confirm_all(
    pairs: Sequence[Pending], aligner: AlignFunction | None, min_score: float
) -> list[Ranked | Unlabelled | None]:
    """:func:`_confirm` of each pair, aligning only the pairs that can still be chosen.

    Aligning is most of discovery's time. A labelled pair becomes its
    derived article's relation only if its rank beats (or, listed first,
    ties) every other candidate of that article (:func:`_first_best`), so
    each article's pairs are confirmed from the best they could possibly
    score down, and a pair whose best possible rank cannot beat the best
    one confirmed already is not aligned: it could never be chosen. A pair
    that cannot reach ``min_score`` is not aligned either. The relations are
    those confirming every pair gives.
    """
    if aligner is None:
        return [_confirm(pair, aligner, min_score) for pair in pairs]
    found: list[Ranked | Unlabelled | None] = [None] * len(pairs)
    by_derived: dict[str, list[int]] = defaultdict(list)
    bounds = [_best_possible(pair) for pair in pairs]
    for k, pair in enumerate(pairs):
        if bounds[k][0] < min_score:
            continue
        if _unlabelled(pair):
            found[k] = _confirm(pair, aligner, min_score)
        else:
            by_derived[pair[0].id].append(k)
    for ks in by_derived.values():
        best: tuple[tuple[bool, float], int] | None = None
        for k in sorted(ks, key=lambda k: (tuple(-x for x in bounds[k][1]), k)):
            if best is not None and (bounds[k][1], -k) < (best[0], -best[1]):
                continue  # cannot beat the best found, nor tie it from an earlier place
            confirmed = found[k] = _confirm(pairs[k], aligner, min_score)
            rank = None if confirmed is None else confirmed[1]
            if isinstance(rank, tuple) and (best is None or (rank, -k) > (best[0], -best[1])):
                best = (rank, k)
    return found


def _confirm(
    pending: Pending, aligner: AlignFunction | None, min_score: float
) -> Ranked | Unlabelled | None:
    """Score a pair (with the aligner when given); a ranked or an unlabelled candidate, or None."""
    derived, original, overlap, meta, meta_reason, ratio = pending
    reasons = [f"anchor overlap {overlap:.2f}"]
    if meta_reason:
        reasons.append(meta_reason)
    aligned = None
    if aligner is not None:
        aligned = _alignment_score(original, derived, aligner)
        reasons.append(f"alignment covers {aligned:.2f} of the original")
    score = _score(overlap, meta, aligned)
    if score < min_score:
        return None
    candidate = Candidate(
        derived.id, original.id, _kind(derived, original, ratio), round(score, 4), tuple(reasons)
    )
    if derived.kind not in _DERIVED_KINDS and not meta:
        return (-candidate.score, -ratio, derived.id, original.id), candidate
    return candidate, _rank(candidate, original)


def _first_best(candidates: Iterable[Ranked]) -> dict[str, Ranked]:
    """Each derived article's best candidate (the first of the best, in the order given)."""
    best: dict[str, Ranked] = {}
    for candidate, rank in candidates:
        if candidate.derived not in best or rank > best[candidate.derived][1]:
            best[candidate.derived] = (candidate, rank)
    return best


def _choose(
    labelled: Iterable[Ranked], unlabelled: Iterable[Unlabelled], copies: Iterable[Relation] = ()
) -> tuple[Relation, ...]:
    """The relations: the copies, each derived article's best candidate, then unlabelled pairs."""
    found = {r.subject: r for r in copies}
    best = {d: c for d, (c, _) in _first_best(labelled).items() if d not in found}
    # An unlabelled translation pair is one text in two languages, so each
    # article takes part in at most one: the best-scoring pairs (then the
    # closest in length) are taken first, and none overrides a labelled one.
    paired: set[str] = set()
    for _, candidate in sorted(unlabelled, key=lambda u: u[0]):
        ends = {candidate.derived, candidate.original}
        if ends & paired or candidate.derived in best or candidate.derived in found:
            continue
        paired |= ends
        best[candidate.derived] = candidate
    for c in best.values():
        score = min(1.0, c.score)
        found[c.derived] = Relation(c.kind, c.derived, c.original, "discovered", score)
    return tuple(found[subject] for subject in sorted(found))


def _inputs(corpus: Corpus | Iterable[Article]) -> tuple[list[Article], dict[str, str], set[str]]:
    """Articles, the source of each article id, and the subjects a stated relation settles."""
    if isinstance(corpus, Corpus):
        articles = list(corpus.articles)
        source_of = {a.id: s.id for s in corpus.sources for a in s.articles}
        stated = corpus.all_relations
    else:
        articles = list(corpus)
        source_of = {a.id: a.id for a in articles}
        stated = ()
    known = {a.id for a in articles}
    # A stated derivation whose target is another article settles the subject;
    # one that points outside the corpus (a URL) leaves it to be discovered.
    linked = {r.subject for r in stated if r.kind in _DERIVATIONS and r.target in known}
    return articles, source_of, linked


def _aligner(align: AlignFunction | bool | None) -> AlignFunction | None:
    if align is True:
        return _align_paragraphs
    if align is False or align is None:
        return None
    return align


def discover_relations(
    corpus: Corpus | Iterable[Article],
    *,
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
) -> tuple[Relation, ...]:
    """Find copy, translation, summary and rewrite relations between articles of different files.

    :func:`aistress.relations.distributed.discover_relations_dask` runs the
    same stages as a Dask job and finds the same relations.

    Args:
        corpus: A corpus (relations its sources state are kept out of the
            result and their subjects are not re-linked) or articles.
        align: ``True`` to confirm candidates with :func:`aistress.alignment.align`,
            ``False`` to rely on anchors and metadata only, or a function
            ``(original, derived) -> Alignment`` of your own.
        min_score: Relations scoring below this are dropped.
        max_df: Anchors found in at least this share of the articles (and
            in more than 20) are ignored: they are too common to link
            anything. Near-duplicates are grouped and candidates capped
            (:data:`MAX_CANDIDATES` per article) whatever ``max_df`` is, so
            the cost stays linear in the corpus.

    Returns:
        The relations found, each with ``method="discovered"`` and a score,
        sorted by subject.
    """
    articles, source_of, linked = _inputs(corpus)
    aligner = _aligner(align)
    shared, mass, copies, sets = _candidate_pairs(articles, source_of, max_df, linked)
    by_id = {a.id: found for a, found in zip(articles, sets, strict=True)}

    def anchors_of(article: Article) -> frozenset[str]:
        return by_id[article.id]

    pairs = [
        found
        for (i, j), weight in shared.items()
        if (
            found := _pending(
                articles[i], articles[j], weight, (mass[i], mass[j]), linked, anchors_of
            )
        )
        is not None
    ]
    if aligner is not None:
        pairs = _most_promising(pairs)
    labelled: list[Ranked] = []
    unlabelled: list[Unlabelled] = []
    for confirmed in _confirm_all(pairs, aligner, min_score):
        if confirmed is None:
            continue
        if isinstance(confirmed[0], Candidate):
            labelled.append(confirmed)
        else:
            unlabelled.append(confirmed)
    return _choose(labelled, unlabelled, copies)


def link_corpus(corpus: Corpus, **options: object) -> Corpus:
    """Return the corpus with the relations :func:`discover_relations` finds added."""
    found = discover_relations(corpus, **options)  # type: ignore[arg-type]
    return corpus.with_relations(found)
