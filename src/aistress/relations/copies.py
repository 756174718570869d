"""Near-duplicate groups: copies of one text found by MinHash, linked as ``copy_of``.

Syndicated stories, reader-app pages and reposts carry an original's body
word for word (a word or a sentence changed at most). Comparing every pair
of them would cost time quadratic in the copies, so they are found first:

1. Each article's body is cut into *shingles* (runs of three words; a Han
   character counts as a word) and summarised by a MinHash signature of
   eight values, cut into four *bands* of two. Two texts whose shingles
   overlap a lot share a band's values with high probability.
2. The articles of a language that share a band's values fall in one
   *bucket*; each article is compared (shingle Jaccard at least
   :data:`NEAR_DUPLICATE`) with the bucket's *heads* only, the earlier
   articles that copied no head before them (at most :data:`MAX_HEADS`),
   never with every other member, so the work is linear. In a large corpus
   a bucket also holds texts of other stories whose signatures collide,
   and any of them may come first.
3. The links are joined into groups. The group's *representative* is its
   first article of an original kind (news, blog, report), else its first;
   every other member from another file is ``copy_of`` the representative
   when it was found verbatim (see :data:`VERBATIM`: the same text, a few
   words changed at most), else ``rewrite_of`` it (the text edited: a
   paragraph cut, sentences changed), scored by its best shingle overlap.

Only representatives go on to be paired with other articles (see
:mod:`aistress.relations`), so a story copied a thousand times costs one
article's pairs, plus a thousand copy links.
"""

from __future__ import annotations

import re
import zlib
from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import NamedTuple

from aistress.model import Article, Relation, RelationKind
from aistress.text.language import primary_language

__all__ = [
    "MAX_HEADS",
    "NEAR_DUPLICATE",
    "VERBATIM",
    "VERBATIM_CHANGES",
    "Edge",
    "Shingled",
    "bucket_edges",
    "buckets",
    "copy_groups",
    "shingles",
]

#: Two texts of one language whose word shingles overlap this much (Jaccard)
#: are near-duplicates: copies of one story, grouped before pairing.
NEAR_DUPLICATE = 0.6

#: Near-duplicates whose word shingles overlap at least this much, or that
#: differ in at most :data:`VERBATIM_CHANGES` shingles, are copies
#: (``copy_of``); the others are edited versions (``rewrite_of``). Each
#: word changed alters three shingles on each side: five words changed in
#: a text of 600 leave an overlap of 0.95, one paragraph cut from five
#: about 0.8.
VERBATIM = 0.95
#: Shingles two copies may differ in whatever their length (two words changed).
VERBATIM_CHANGES = 12

_TOKEN = re.compile(r"[\u3400-\u9fff]|[^\W\u3400-\u9fff]+")
_SHINGLE = 3
_PRIME = (1 << 61) - 1
#: (multiplier, offset) of the hash functions of the MinHash signature.
_HASHES = tuple(
    ((0x9E3779B97F4A7C15 * (k + 1)) % _PRIME | 1, (0xC2B2AE3D27D4EB4F * (k + 7)) % _PRIME)
    for k in range(8)
)
_BAND = 2  # signature values per band: 4 bands of 2


class Shingled(NamedTuple):
    """What near-duplicate detection knows of an article.

    ``key`` orders the articles as the corpus does; ``original`` says the
    article is of an original kind (it may represent its group); ``source``
    is the id of its file.
    """

    key: int
    original: bool
    source: str
    id: str
    shingles: frozenset[int]


#: A near-duplicate link between two members (shingles left out), with their
#: overlap and whether one is a verbatim copy of the other.
Edge = tuple[tuple[int, bool, str, str], tuple[int, bool, str, str], float, bool]


def shingles(article: Article) -> frozenset[int]:
    """Hashes of the article body's runs of three words (Han characters count as words).

    >>> from aistress.model import Block
    >>> a = Article("x", "en", "news", blocks=[Block("paragraph", "Staff worked late again.")])
    >>> len(shingles(a))
    2
    """
    tokens = _TOKEN.findall(article.text.casefold())
    if len(tokens) <= _SHINGLE:
        return frozenset({zlib.crc32(" ".join(tokens).encode("utf-8"))})
    return frozenset(
        zlib.crc32(" ".join(tokens[k : k + _SHINGLE]).encode("utf-8"))
        for k in range(len(tokens) - _SHINGLE + 1)
    )


def buckets(article: Article, found: frozenset[int]) -> list[tuple[object, ...]]:
    """The MinHash buckets of an article: language, band and the band's signature values."""
    signature = [min((a * h + b) % _PRIME for h in found) for a, b in _HASHES]
    language = primary_language(article.language)
    return [
        (language, band, *signature[band : band + _BAND])
        for band in range(0, len(signature), _BAND)
    ]


#: How many unrelated texts one bucket may hold heads for (see :func:`bucket_edges`).
MAX_HEADS = 16


def bucket_edges(members: Iterable[Shingled]) -> list[Edge]:
    """Near-duplicate links of one bucket: each member with the first *head* it copies.

    Members are taken in key order. The first is a head; each later member
    is compared with the heads so far, in order, and linked to the first
    one it is a near-duplicate of; a member that copies none becomes a head
    itself (at most :data:`MAX_HEADS` of them). A bucket holds the copies
    of one story, but in a large corpus also texts of other stories whose
    signatures collide on the band: comparing with the first member only
    would lose a story's copies whenever another story's text came first.
    Each member is compared at most :data:`MAX_HEADS` times, never with
    every other member, so the work stays linear in the bucket's size.
    """
    ordered = sorted(members, key=lambda m: m.key)
    heads: list[Shingled] = []
    edges: list[Edge] = []
    for member in ordered:
        for head in heads:
            common = len(head.shingles & member.shingles)
            union = len(head.shingles) + len(member.shingles) - common
            if common >= NEAR_DUPLICATE * union:
                verbatim = common >= VERBATIM * union or union - common <= VERBATIM_CHANGES
                edges.append((_node(head), _node(member), common / union, verbatim))
                break
        else:
            if len(heads) < MAX_HEADS:
                heads.append(member)
    return edges


def _node(member: Shingled) -> tuple[int, bool, str, str]:
    return member.key, member.original, member.source, member.id


def copy_groups(
    edges: Iterable[Edge], linked: Collection[str] = ()
) -> tuple[dict[int, int], tuple[Relation, ...]]:
    """Join near-duplicate links into groups: each linked key's representative, and the copies.

    Keys in no link are their own representatives and are left out. Each
    member other than the representative, from another file and not the
    subject of a derivation its file states (``linked``), is ``copy_of`` the
    representative when one of its links is verbatim, else ``rewrite_of``
    it, scored by the best overlap of its links. The answer does not depend on the order of
    the links.

    >>> a, b = (1, True, "f1", "a"), (2, True, "f2", "b")
    >>> rep, copies = copy_groups([(a, b, 0.9, True)])
    >>> rep, [(r.kind.value, r.subject, r.target, r.score) for r in copies]
    ({1: 1, 2: 1}, [('copy_of', 'b', 'a', 0.9)])
    """
    parent: dict[int, int] = {}
    node: dict[int, tuple[int, bool, str, str]] = {}
    best: dict[int, float] = defaultdict(float)
    verbatim: set[int] = set()

    def find(i: int) -> int:
        root = i
        while parent[root] != root:
            root = parent[root]
        while parent[i] != root:
            parent[i], i = root, parent[i]
        return root

    for first, second, overlap, copied in edges:
        for member in (first, second):
            parent.setdefault(member[0], member[0])
            node[member[0]] = member
            best[member[0]] = max(best[member[0]], overlap)
            if copied:
                verbatim.add(member[0])
        ra, rb = find(first[0]), find(second[0])
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = defaultdict(list)
    for key in sorted(parent):
        groups[find(key)].append(key)
    rep: dict[int, int] = {}
    copies: list[Relation] = []
    for group in groups.values():
        chosen = next((key for key in group if node[key][1]), group[0])
        rep.update(dict.fromkeys(group, chosen))
        _, _, source, target = node[chosen]
        for key in group:
            _, _, other, subject = node[key]
            if key != chosen and other != source and subject not in linked:
                score = min(1.0, round(best[key], 4))
                kind = RelationKind.COPY_OF if key in verbatim else RelationKind.REWRITE_OF
                copies.append(Relation(kind, subject, target, "discovered", score))
    return rep, tuple(sorted(copies, key=lambda r: r.subject))
