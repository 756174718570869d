"""Discover how the articles of a corpus relate: translations, summaries, rewrites.

Readers record the relations a file states (a digest's appendix is part of
the digest). :func:`discover_relations` finds the others across files:

1. **Blocking.** Each article is reduced to *anchors* that survive
   translation and rewriting: the values of its numbers (``200m`` and
   ``2 亿`` give the same anchor), Latin-script names (``OpenAI``,
   ``Chatbot Arena``), URLs and title words. An inverted index from anchor to
   articles yields the candidate pairs that share rare anchors, so the cost is
   linear in the number of anchors plus the candidate pairs, not quadratic in
   the corpus.
2. **Scoring.** Each candidate pair gets an anchor similarity (the
   IDF-weighted anchors both share, over the geometric mean of each one's),
   averaged with the share of the presumed original that a paragraph
   alignment covers when the aligner is used; a file whose metadata names
   the other's title or URL lifts the score to at least 0.5.
3. **Deciding.** Only an article of a derived kind (``translation``,
   ``summary``, ``rewrite``, ``digest``), or one whose metadata cites the
   other, is linked as derived: two originals that share a story are not
   derived from each other. The relation follows the derived kind where it
   says enough (a ``rewrite`` is ``rewrite_of``, a ``digest`` or ``summary``
   ``summary_of``), else languages and lengths: another language and a
   comparable length is ``translation_of``, a much shorter text
   ``summary_of``. Each derived article keeps its best original; pairs below
   :data:`MIN_SCORE` are left out.

Every relation records ``method="discovered"`` and its score.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

import attrs

from aistress.model import Alignment, Article, ArticleKind, Corpus, Relation, RelationKind

__all__ = ["MIN_SCORE", "Candidate", "anchors", "discover_relations", "link_corpus"]

#: Discovered relations scoring below this are dropped.
MIN_SCORE = 0.3

_LATIN_NAME = re.compile(
    r"\b(?:[A-Z][A-Za-z0-9]+|[a-z]+[A-Z][A-Za-z0-9]*)(?:[ \t]+[A-Z][A-Za-z0-9]+)*"
)
_URL = re.compile(r"https?://[^\s)\]>\"'，。]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_COMMON = frozenset(
    {"The", "A", "An", "And", "But", "Or", "So", "In", "On", "At", "As", "If", "When", "While"}
    | {"After", "Before", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I"}
    | {"You", "There", "Here", "What", "Why", "How", "Who", "Where", "Which", "Not", "No", "Of"}
    | {"To", "For", "From", "With", "By", "AI"}
)
_DERIVED_KINDS = frozenset(
    {ArticleKind.TRANSLATION, ArticleKind.SUMMARY, ArticleKind.REWRITE, ArticleKind.DIGEST}
)
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


def _language(tag: str) -> str:
    return tag.split("-")[0]


def anchors(article: Article) -> frozenset[str]:
    """The anchors of an article: numbers by value, Latin names, URLs.

    >>> from aistress.model import Block
    >>> a = Article("x", "en", "news", blocks=[Block("paragraph", "OpenAI has 200m users.")])
    >>> sorted(anchors(a))
    ['n:200000000', 'w:openai']
    """
    from aistress.text.numbers import extract_numbers

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
    han = len(_HAN.findall(text))
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


def _direction(a: Article, b: Article) -> tuple[Article, Article]:
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
    return (a, b) if _length(a) <= _length(b) else (b, a)


def _kind(derived: Article, original: Article) -> RelationKind:
    """The relation a derived article has to its original.

    The derived article's own kind decides where it says enough (a rewrite is
    a rewrite however short); otherwise languages and lengths do.
    """
    other_language = _language(derived.language) != _language(original.language)
    if derived.kind in {ArticleKind.SUMMARY, ArticleKind.DIGEST}:
        return RelationKind.SUMMARY_OF
    if derived.kind is ArticleKind.REWRITE:
        return RelationKind.TRANSLATION_OF if other_language else RelationKind.REWRITE_OF
    ratio = _length(derived) / max(1.0, _length(original))
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


def _default_align() -> AlignFunction | None:
    try:
        from aistress.alignment import align
    except ImportError:  # pragma: no cover - the aligner ships with aistress
        return None

    def run(source: Article, target: Article) -> Alignment:
        result: Alignment = align(source, target, unit="paragraph")
        return result

    return run


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


def _candidate_pairs(
    articles: Sequence[Article], source_of: dict[str, str], max_df: float
) -> tuple[dict[tuple[int, int], float], dict[int, float]]:
    index: dict[str, list[int]] = defaultdict(list)
    sets = [anchors(a) for a in articles]
    for i, found in enumerate(sets):
        for anchor in found:
            index[anchor].append(i)
    n = len(articles)
    idf = {a: math.log((n + 1) / (len(ids) + 0.5)) for a, ids in index.items()}
    limit = max(20, int(max_df * n))
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for anchor, ids in index.items():
        if len(ids) > limit:
            continue  # too common to say anything (and too costly to pair)
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                i, j = ids[x], ids[y]
                if source_of[articles[i].id] != source_of[articles[j].id]:
                    shared[(i, j)] += idf[anchor]
    mass = {i: sum(idf[a] for a in found) for i, found in enumerate(sets)}
    return dict(shared), mass


def discover_relations(
    corpus: Corpus | Iterable[Article],
    *,
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
) -> tuple[Relation, ...]:
    """Find translation, summary and rewrite relations between articles of different files.

    Args:
        corpus: A corpus (relations its sources state are kept out of the
            result and their subjects are not re-linked) or articles.
        align: ``True`` to confirm candidates with :func:`aistress.alignment.align`,
            ``False`` to rely on anchors and metadata only, or a function
            ``(original, derived) -> Alignment`` of your own.
        min_score: Relations scoring below this are dropped.
        max_df: Anchors found in more than this share of the articles (and
            in more than 20) are ignored: they are too common to link
            anything, and pairing them would cost quadratic time.

    Returns:
        The relations found, each with ``method="discovered"`` and a score,
        sorted by subject.
    """
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
    linked = {
        r.subject
        for r in stated
        if r.kind in {RelationKind.TRANSLATION_OF, RelationKind.SUMMARY_OF, RelationKind.REWRITE_OF}
        and r.target in known
    }
    aligner: AlignFunction | None
    if align is True:
        aligner = _default_align()
    elif align is False or align is None:
        aligner = None
    else:
        aligner = align

    shared, mass = _candidate_pairs(articles, source_of, max_df)
    by_id = {a.id: a for a in articles}
    best: dict[str, Candidate] = {}
    for (i, j), weight in shared.items():
        derived, original = _direction(articles[i], articles[j])
        if derived.id in linked:
            continue
        meta, meta_reason = _metadata_score(derived, original)
        if derived.kind not in _DERIVED_KINDS and not meta:
            continue  # two originals (a news report and a blog post) are not derived
        d, o = (i, j) if derived is articles[i] else (j, i)
        # Cosine-like: shared anchor weight over the geometric mean of both
        # articles' anchor weight, so short articles do not match everything.
        overlap = weight / max(1e-9, math.sqrt(mass[d] * mass[o]))
        reasons = [f"anchor overlap {overlap:.2f}"]
        if meta_reason:
            reasons.append(meta_reason)
        score = min(1.0, overlap)
        if aligner is not None:
            aligned = _alignment_score(original, derived, aligner)
            reasons.append(f"alignment covers {aligned:.2f} of the original")
            score = 0.5 * score + 0.5 * aligned
        if meta:
            score = 0.5 + 0.5 * score  # a file that names its original settles the question
        if score < min_score:
            continue
        candidate = Candidate(
            derived.id, original.id, _kind(derived, original), round(score, 4), tuple(reasons)
        )
        if derived.id not in best or _rank(candidate, original) > _rank(
            best[derived.id], by_id[best[derived.id].original]
        ):
            best[derived.id] = candidate
    return tuple(
        Relation(c.kind, c.derived, c.original, method="discovered", score=min(1.0, c.score))
        for c in sorted(best.values(), key=lambda c: c.derived)
    )


def link_corpus(corpus: Corpus, **options: object) -> Corpus:
    """Return the corpus with the relations :func:`discover_relations` finds added."""
    found = discover_relations(corpus, **options)  # type: ignore[arg-type]
    return corpus.with_relations(found)
