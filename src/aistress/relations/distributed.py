"""Relation discovery as a Dask job: the stages of :mod:`aistress.relations`, spread out.

:func:`discover_relations_dask` finds exactly the relations
:func:`~aistress.relations.discover_relations` finds on the same input, on
any Dask scheduler (local processes, threads, or a ``dask.distributed``
cluster once a ``Client`` exists). :func:`link_bag` is the job itself, for
articles already in a Dask bag (as :func:`aistress.pipeline.run_dask` has them
after its per-file map). Needs the ``dask`` extra.

The job, for a corpus of *n* articles:

1. **Per article** (a map): anchors, word shingles and MinHash buckets.
2. **Near-duplicates** (a groupby on the bucket): each bucket's first
   article is compared with the others, never every pair; the links (at
   most four per article) are joined into groups in one task
   (:func:`~aistress.relations.copies.copy_groups`), which keeps one
   representative per group and makes the other members ``copy_of`` it.
3. **Inverted index** (a groupby on the anchor): each anchor's document
   frequency and its first :data:`~aistress.relations.MAX_CANDIDATES` + 1
   representatives, handed back to every article holding it (a groupby on
   the article).
4. **Candidate pairs** (a map): each representative with its capped
   partners; copies are paired with nothing, so they add no pairs.
5. **Confirmation** (two groupbys bring both articles of a pair together,
   then a map): direction, metadata, anchor overlap. The pairs carry each
   article's metadata, anchors and length, not its text; with the aligner
   the :data:`~aistress.relations.MAX_ALIGNED` most promising pairs of each
   derived article meet its text (a groupby on it), then their originals'
   texts (a groupby on the original), and are aligned paragraph by
   paragraph.
6. **Choice**: each derived article's best candidate (a groupby on it);
   unlabelled translation pairs are matched one to one in the last task.

The whole job is one Dask graph (:func:`relations_graph`), computed once:
the per-article map runs once, and only the relations come back to the
client. Four steps gather small things into one task each: the article
count, the near-duplicate links, the relations stated in files, and the
candidates that pass ``min_score``. Shuffles use Dask's task-based method,
which needs no shared disk.

>>> from aistress.model import Article, Block
>>> text = "Orion Labs staff worked 90 hours a week in 2023; 45 of 120 left."
>>> en = Article("a#en", "en", "news", blocks=[Block("paragraph", text)])
>>> zh_text = "2023 年 Orion Labs 员工每周工作 90 小时；120 人中 45 人离开。"
>>> zh = Article("b#zh", "zh", "translation", blocks=[Block("paragraph", zh_text)])
>>> [r.kind.value for r in discover_relations_dask([en, zh], align=False, scheduler="sync")]
['translation_of']
"""

from __future__ import annotations

import contextlib
import importlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar

import attrs

from aistress.model import Article, ArticleRecord, Corpus, ReadFailure, Relation
from aistress.relations import (
    _DERIVATIONS,
    MAX_ALIGNED,
    MAX_CANDIDATES,
    MIN_SCORE,
    AlignFunction,
    Candidate,
    Member,
    Pending,
    Ranked,
    Unlabelled,
    _aligner,
    _choose,
    _confirm,
    _first_best,
    _inputs,
    _length,
    _mass,
    _partners,
    _pending,
    _promise,
    _rep_pairs,
    _shared_weight,
    _shingled,
    _too_common,
    anchors,
)
from aistress.relations.copies import Edge, Shingled, bucket_edges, copy_groups

__all__ = [
    "Numbered",
    "article_key",
    "attach_relations",
    "dask_modules",
    "discover_relations_dask",
    "drop_clashing_files",
    "files_graph",
    "link_bag",
    "one_pool",
    "relations_graph",
    "with_found",
]

T = TypeVar("T")

#: Bits of an article key that number the article within its file.
_ARTICLE_BITS = 32


def article_key(file: int, article: int) -> int:
    """The key that orders an article as a corpus does: by file, then within the file.

    >>> article_key(0, 3) < article_key(1, 0)
    True
    """
    return (file << _ARTICLE_BITS) | article


def dask_modules() -> tuple[Any, Any]:
    """``dask`` and ``dask.bag``; an ImportError naming the extra if Dask is missing."""
    try:
        # Dask ships partial type information; it is used through Any here.
        dask: Any = importlib.import_module("dask")
        bag: Any = importlib.import_module("dask.bag")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("running on Dask needs Dask: pip install 'aistress[dask]'") from exc
    return dask, bag


@contextlib.contextmanager
def one_pool(scheduler: str | None) -> Iterator[None]:
    """With Dask's process scheduler, one pool of processes for every step of a job.

    Each ``compute`` would otherwise start (and stop) processes of its own.
    """
    if scheduler not in {"processes", "multiprocessing"}:
        yield
        return
    from concurrent.futures import ProcessPoolExecutor  # loads multiprocessing: Dask jobs only

    dask, _ = dask_modules()
    context = importlib.import_module("dask.multiprocessing").get_context()
    with ProcessPoolExecutor(mp_context=context) as pool, dask.config.set(pool=pool):
        yield


class _Item(NamedTuple):
    """What the per-article map computes."""

    key: int
    source: str
    article: Article
    anchors: frozenset[str]


class _Full(NamedTuple):
    """An article with everything the pair stages need.

    ``article`` is the article without its blocks (its metadata is what
    scoring a pair reads; ``length`` stands for its text), so the pairs
    carry little: the text meets a pair only when the aligner confirms it.
    """

    key: int
    source: str
    article: Article
    anchors: frozenset[str]
    df: dict[str, int]
    mass: float
    length: float


#: A scored pair: ``((i, j), derived key, original key, pending)``, ``i < j``.
_Scored = tuple[tuple[int, int], int, int, Pending]


_Made = tuple[_Item, Shingled, list[tuple[object, ...]]]


def _item(entry: tuple[int, str, Article]) -> _Made:
    """Anchors, shingles and MinHash buckets of one article."""
    key, source, article = entry
    shingled, found = _shingled(key, source, article)
    return _Item(key, source, article, anchors(article)), shingled, found


def _present(value: object) -> bool:
    return value is not None


def _bucket_entries(made: _Made) -> list[tuple[tuple[object, ...], Shingled]]:
    _, shingled, found = made
    return [(bucket, shingled) for bucket in found]


def _edges_of(group: tuple[object, list[tuple[object, Shingled]]]) -> list[Edge]:
    return bucket_edges(member for _, member in group[1])


def _postings(item: _Item, rep: dict[int, int]) -> list[tuple[str, tuple[int, str, bool]]]:
    is_rep = rep.get(item.key, item.key) == item.key
    return [(a, (item.key, item.source, is_rep)) for a in item.anchors]


def _posting_list(
    group: tuple[str, list[tuple[str, tuple[int, str, bool]]]], n: int, max_df: float
) -> list[tuple[int, tuple[str, str, int, tuple[Member, ...]]]]:
    """One anchor's postings handed back to each holder: ``(key, (tag, anchor, df, heads))``."""
    anchor, postings = group
    df = len(postings)
    heads: tuple[Member, ...] = ()
    if not _too_common(df, n, max_df):
        reps = sorted((key, source) for _, (key, source, is_rep) in postings if is_rep)
        heads = tuple(reps[: MAX_CANDIDATES + 1])
    return [
        (key, ("anchor", anchor, df, heads if is_rep else ())) for _, (key, _, is_rep) in postings
    ]


def _tag_item(item: _Item) -> tuple[int, tuple[str, _Item]]:
    return item.key, ("item", item)


def _full(
    group: tuple[int, list[tuple[int, tuple[Any, ...]]]], n: int, rep: dict[int, int]
) -> tuple[_Full, list[tuple[int, tuple[str, int]]]]:
    """An article with its anchors' frequencies, and (for a representative) its pairs.

    Each pair ``(i, j)``, ``i < j``, is ``(i, ("pair", j))``.
    """
    key, parts = group
    item: _Item = next(p[1] for _, p in parts if p[0] == "item")
    found = sorted((p for _, p in parts if p[0] == "anchor"), key=lambda p: (p[2], p[1]))
    df = {p[1]: p[2] for p in found}
    brief = attrs.evolve(item.article, blocks=())
    mass = _mass(df, df.__getitem__, n)
    full = _Full(key, item.source, brief, item.anchors, df, mass, _length(item.article))
    if rep.get(key, key) != key:
        return full, []
    me = (key, item.source)
    pairs = _rep_pairs(me, _partners(me, (p[3] for p in found)))
    return full, [(i, ("pair", j)) for i, j in pairs]


def _first_halves(
    group: tuple[int, list[tuple[int, tuple[Any, ...]]]],
) -> list[tuple[int, tuple[Any, ...]]]:
    """Each pair ``(i, j)``, keyed by ``j`` and carrying article ``i``; pairs are unique here."""
    i, parts = group
    full = next((p[1] for _, p in parts if p[0] == "full"), None)
    if full is None:  # pragma: no cover - every paired key is an article
        return []
    partners = sorted({p[1] for _, p in parts if p[0] == "pair"})
    return [(j, ("half", i, full)) for j in partners]


def _pairs_with_articles(
    group: tuple[int, list[tuple[int, tuple[Any, ...]]]],
) -> list[tuple[_Full, _Full]]:
    _, parts = group
    second = next((p[1] for _, p in parts if p[0] == "full"), None)
    if second is None:  # pragma: no cover - every paired key is an article
        return []
    return [(p[2], second) for _, p in parts if p[0] == "half"]


def _tag_full(full: _Full) -> tuple[int, tuple[str, _Full]]:
    return full.key, ("full", full)


def _pending_pair(
    pair: tuple[_Full, _Full], n: int, max_df: float, linked: frozenset[str]
) -> tuple[int, _Scored] | None:
    """The pair directed and scored (see :func:`aistress.relations._pending`), keyed by derived."""
    a, b = pair
    weight = _shared_weight(a.anchors, b.anchors, a.df.__getitem__, n, max_df)
    if weight <= 0:
        return None
    known = {a.article.id: a, b.article.id: b}
    found = _pending(
        a.article,
        b.article,
        weight,
        (a.mass, b.mass),
        linked,
        lambda x: known[x.id].anchors,
        lambda x: known[x.id].length,
    )
    if found is None:
        return None
    derived, original = (a, b) if found[0] is a.article else (b, a)
    return derived.key, ((a.key, b.key), derived.key, original.key, found)


def _tag_article(item: _Item) -> tuple[int, tuple[str, Article]]:
    return item.key, ("article", item.article)


def _with_derived(group: tuple[int, list[tuple[int, tuple[Any, ...]]]]) -> list[tuple[int, Any]]:
    """A derived article's most promising pairs, with its text, keyed by their originals."""
    _, parts = group
    scored: list[_Scored] = [p[1] for _, p in parts if p[0] == "pending"]
    article = next((p[1] for _, p in parts if p[0] == "article"), None)
    if article is None or not scored:
        return []
    scored.sort(key=lambda p: (_promise(p[3]), p[0]))
    return [
        (original, ("kept", (pair, derived, original, (article, *pending[1:]))))
        for pair, derived, original, pending in scored[:MAX_ALIGNED]
    ]


def _with_original(group: tuple[int, list[tuple[int, tuple[Any, ...]]]]) -> list[_Scored]:
    """The pairs kept for an original article, with its text."""
    _, parts = group
    article = next((p[1] for _, p in parts if p[0] == "article"), None)
    if article is None:  # pragma: no cover - every kept pair's original is an article
        return []
    kept: list[_Scored] = [p[1] for _, p in parts if p[0] == "kept"]
    return [
        (pair, derived, original, (pending[0], article, *pending[2:]))
        for pair, derived, original, pending in kept
    ]


def _confirmed(
    scored: _Scored, aligner: AlignFunction | None, min_score: float
) -> tuple[tuple[int, int], Ranked | Unlabelled] | None:
    found = _confirm(scored[3], aligner, min_score)
    return None if found is None else (scored[0], found)


def _best_of(group: tuple[str, list[tuple[tuple[int, int], Ranked]]]) -> Ranked:
    ordered = [ranked for _, ranked in sorted(group[1], key=lambda x: x[0])]
    (best,) = _first_best(ordered).values()
    return best


def _derived_id(found: tuple[tuple[int, int], Ranked]) -> str:
    return found[1][0].derived


def _labelled(found: tuple[tuple[int, int], Ranked | Unlabelled]) -> bool:
    return isinstance(found[1][0], Candidate)


def _joined(parts: Iterable[Iterable[T]]) -> list[T]:
    return [x for part in parts for x in part]


def _linked(stated: list[list[tuple[str, str]]], known: list[list[str | None]]) -> frozenset[str]:
    """The subjects of stated derivations whose target is an article of the job."""
    found = set(_joined(known))
    return frozenset(subject for subject, target in _joined(stated) if target in found)


def _targets(stated: list[list[tuple[str, str]]]) -> frozenset[str]:
    return frozenset(target for _, target in _joined(stated))


def _id_if_target(made: _Made, targets: frozenset[str]) -> str | None:
    return made[0].article.id if made[0].article.id in targets else None


def _groups(
    edges: list[list[Edge]], linked: frozenset[str]
) -> tuple[dict[int, int], tuple[Relation, ...]]:
    return copy_groups(_joined(edges), linked)


def _first(pair: tuple[T, Any]) -> T:
    return pair[0]


def _chosen(
    labelled: list[list[Ranked]],
    unlabelled: list[list[Unlabelled]],
    groups: tuple[dict[int, int], tuple[Relation, ...]],
) -> tuple[Relation, ...]:
    return _choose(_joined(labelled), _joined(unlabelled), groups[1])


def _parts(collection: Any) -> Any:
    """A bag's partitions (or an item) as delayed values, its graph shared, not copied.

    Optimising each on its own would rename its tasks, and the stages that
    several later stages use (the per-article map above all) would run once
    for each of them.
    """
    return collection.to_delayed(optimize_graph=False)


def relations_graph(
    entries: Any,
    *,
    stated: Any = (),
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
) -> Any:
    """The discovery job as one lazy Dask graph: a ``Delayed`` of the relations.

    Nothing is computed and nothing comes back to the client until the
    result is: the article count, the near-duplicate groups and the subjects
    stated relations settle are computed inside the graph and handed to the
    later stages, so a job that also writes records (as
    :func:`aistress.pipeline.run_dask_summary` does) reads every file once.
    Arguments are those of :func:`link_bag`; ``stated`` may also be a bag.
    """
    dask, db = dask_modules()
    aligner = _aligner(align)
    shuffle = {"shuffle": "tasks"}
    stated_parts = _parts(stated) if hasattr(stated, "to_delayed") else [list(stated)]
    made = entries.map(_item)
    n = _parts(made.count())
    edges = made.map(_bucket_entries).flatten().groupby(lambda e: e[0], **shuffle)
    known = made.map(_id_if_target, dask.delayed(_targets)(stated_parts)).filter(_present)
    linked = dask.delayed(_linked)(stated_parts, _parts(known))
    groups = dask.delayed(_groups)(_parts(edges.map(_edges_of).flatten()), linked)
    rep = dask.delayed(_first)(groups)
    items = made.pluck(0)

    postings = items.map(_postings, rep).flatten()
    index = postings.groupby(lambda p: p[0], **shuffle).map(_posting_list, n, max_df).flatten()
    joined = db.concat([items.map(_tag_item), index]).groupby(lambda p: p[0], **shuffle)
    fulls_and_pairs = joined.map(_full, n, rep)
    fulls = fulls_and_pairs.pluck(0)
    pairs = fulls_and_pairs.pluck(1).flatten()

    tagged = fulls.map(_tag_full)
    halves = db.concat([tagged, pairs]).groupby(lambda p: p[0], **shuffle)
    halves = halves.map(_first_halves).flatten()
    both = db.concat([tagged, halves]).groupby(lambda p: p[0], **shuffle)
    both = both.map(_pairs_with_articles).flatten()

    pending = both.map(_pending_pair, n, max_df, linked).filter(_present)
    chosen = pending.map(lambda p: p[1])
    if aligner is not None:
        # The most promising pairs of each derived article meet its text, then
        # their originals' (only these pairs carry texts).
        texts = items.map(_tag_article)
        tagged_pending = pending.map(lambda p: (p[0], ("pending", p[1])))
        kept = db.concat([texts, tagged_pending]).groupby(lambda p: p[0], **shuffle)
        kept = kept.map(_with_derived).flatten()
        chosen = db.concat([texts, kept]).groupby(lambda p: p[0], **shuffle)
        chosen = chosen.map(_with_original).flatten()
    confirmed = chosen.map(_confirmed, aligner, min_score).filter(_present)
    labelled = confirmed.filter(_labelled).groupby(_derived_id, **shuffle).map(_best_of)
    unlabelled = confirmed.filter(lambda c: not _labelled(c)).map(lambda c: c[1])
    return dask.delayed(_chosen)(_parts(labelled), _parts(unlabelled), groups)


def link_bag(
    entries: Any,
    *,
    stated: Iterable[tuple[str, str]] = (),
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
    scheduler: str | None = None,
) -> tuple[Relation, ...]:
    """Run the discovery job over a Dask bag of ``(key, source id, article)`` entries.

    The job is one Dask graph (:func:`relations_graph`), computed once.

    Args:
        entries: A ``dask.bag.Bag`` of ``(key, source id, Article)``; keys
            are distinct integers ordering the articles as the corpus does
            (:func:`article_key` makes them from file and article numbers).
            Article ids must be distinct.
        stated: ``(subject, target)`` of the derivations the files state
            (translation, summary, rewrite): a subject whose target is an
            article of the bag is not linked again. A bag of them will do.
        align: As for :func:`~aistress.relations.discover_relations`.
        min_score: As for :func:`~aistress.relations.discover_relations`.
        max_df: As for :func:`~aistress.relations.discover_relations`.
        scheduler: A Dask scheduler name, or None for the default (the
            ``dask.distributed`` client when one exists).

    Returns:
        The relations found, sorted by subject: the same
        :func:`~aistress.relations.discover_relations` gives.
    """
    graph = relations_graph(entries, stated=stated, align=align, min_score=min_score, max_df=max_df)
    with one_pool(scheduler):
        found: tuple[Relation, ...] = graph.compute(
            **({} if scheduler is None else {"scheduler": scheduler})
        )
    return found


def discover_relations_dask(
    corpus: Corpus | Iterable[Article],
    *,
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
    partitions: int | None = None,
    scheduler: str | None = None,
) -> tuple[Relation, ...]:
    """:func:`~aistress.relations.discover_relations` as a Dask job: the same relations.

    Args:
        corpus: A corpus or articles, as for
            :func:`~aistress.relations.discover_relations`.
        align: As for :func:`~aistress.relations.discover_relations`.
        min_score: As for :func:`~aistress.relations.discover_relations`.
        max_df: As for :func:`~aistress.relations.discover_relations`.
        partitions: How many partitions to spread the articles over
            (default: about 1,000 articles each).
        scheduler: A Dask scheduler name, or None for the default (the
            ``dask.distributed`` client when one exists).

    Returns:
        The relations found, each with ``method="discovered"`` and a score,
        sorted by subject.
    """
    _, db = dask_modules()
    articles, source_of, _ = _inputs(corpus)
    if not articles:
        return ()
    entries = [(i, source_of[a.id], a) for i, a in enumerate(articles)]
    count = partitions or max(1, len(entries) // 1000)
    bag = db.from_sequence(entries, npartitions=max(1, min(count, len(entries))))
    stated: Sequence[tuple[str, str]] = []
    if isinstance(corpus, Corpus):
        stated = [(r.subject, r.target) for r in corpus.all_relations if r.kind in _DERIVATIONS]
    return link_bag(
        bag, stated=stated, align=align, min_score=min_score, max_df=max_df, scheduler=scheduler
    )


# ---------------------------------------------------------------------------
# files read on Dask

#: A file of a Dask run, as its number in the input order and its records.
Numbered = tuple[int, tuple["ArticleRecord | ReadFailure", ...]]


def with_found(
    record: ArticleRecord | ReadFailure, found: Mapping[str, Sequence[Relation]]
) -> ArticleRecord | ReadFailure:
    """The record with the relations found for its article added."""
    if isinstance(record, ArticleRecord) and record.article.id in found:
        return attrs.evolve(record, relations=(*record.relations, *found[record.article.id]))
    return record


def _ids(item: Numbered) -> list[tuple[str, int]]:
    return [(r.article.id, item[0]) for r in item[1] if isinstance(r, ArticleRecord)]


def _shared_ids(group: tuple[str, list[tuple[str, int]]]) -> list[tuple[int, str]]:
    numbers = sorted({n for _, n in group[1]})
    return [(n, group[0]) for n in numbers] if len(numbers) > 1 else []


def _clashes(shared: Iterable[tuple[int, str]]) -> dict[int, str]:
    """Files whose article ids clash with an earlier file's, and why.

    ``shared`` holds ``(file number, id)`` for the ids found in more than
    one file. Only those can clash, so replaying the corpus's rule over them
    alone (a file clashes when one of its ids was read from an earlier file
    that did not clash) gives :func:`aistress.pipeline.assemble`'s answer.
    """
    by_file: dict[int, set[str]] = defaultdict(set)
    for number, article_id in shared:
        by_file[number].add(article_id)
    seen: set[str] = set()
    out: dict[int, str] = {}
    for number in sorted(by_file):
        clash = sorted(seen & by_file[number])
        if clash:
            out[number] = f"article id(s) {', '.join(clash)} already read from another file"
        else:
            seen |= by_file[number]
    return out


def _drop_clash(item: Numbered, clashes: Mapping[int, str]) -> Numbered:
    number, records = item
    if number not in clashes:
        return item
    first = next(r for r in records if isinstance(r, ArticleRecord))
    return number, (ReadFailure(path=first.path or first.source, reason=clashes[number]),)


def _clashes_of(parts: list[list[tuple[int, str]]]) -> dict[int, str]:
    return _clashes(_joined(parts))


def drop_clashing_files(files: Any) -> Any:
    """The bag of numbered files with each file whose ids clash turned into one ReadFailure.

    Lazy: article ids are grouped on the cluster and only the ids found in
    more than one file meet, in one task, to settle which files clash.
    """
    dask, _ = dask_modules()
    shared = files.map(_ids).flatten().groupby(lambda x: x[0], shuffle="tasks").map(_shared_ids)
    clashes = dask.delayed(_clashes_of)(_parts(shared.flatten()))
    return files.map(_drop_clash, clashes)


def _entries(item: Numbered) -> list[tuple[int, str, Article]]:
    number, records = item
    return [
        (article_key(number, k), r.source, r.article)
        for k, r in enumerate(records)
        if isinstance(r, ArticleRecord)
    ]


def _stated(item: Numbered) -> list[tuple[str, str]]:
    return [
        (relation.subject, relation.target)
        for r in item[1]
        if isinstance(r, ArticleRecord)
        for relation in r.relations
        if relation.kind in _DERIVATIONS
    ]


def files_graph(
    files: Any,
    *,
    align: AlignFunction | bool | None = True,
    min_score: float = MIN_SCORE,
    max_df: float = 0.2,
) -> Any:
    """:func:`relations_graph` over a bag of numbered files (``(number, records)``).

    Each file's articles are keyed by :func:`article_key` from the file's
    number and their place in it; the derivations the files state keep
    their subjects from being linked again.
    """
    return relations_graph(
        files.map(_entries).flatten(),
        stated=files.map(_stated).flatten(),
        align=align,
        min_score=min_score,
        max_df=max_df,
    )


def _attach(item: Numbered, found: Mapping[str, Sequence[Relation]]) -> Numbered:
    return item[0], tuple(with_found(r, found) for r in item[1])


def _by_subject(relations: Iterable[Relation]) -> dict[str, list[Relation]]:
    found: dict[str, list[Relation]] = defaultdict(list)
    for relation in relations:
        found[relation.subject].append(relation)
    return dict(found)


def attach_relations(files: Any, relations: Any) -> Any:
    """The bag of numbered files with each relation added to its subject's record.

    ``relations`` may be a delayed tuple of them (see :func:`files_graph`).
    """
    dask, _ = dask_modules()
    return files.map(_attach, dask.delayed(_by_subject)(relations))
