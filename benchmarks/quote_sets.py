"""Loaders for the third-party quote sets in ``../shared/bench`` and their dev/held-out split.

Each set is split deterministically by a hash of an item's key (file name,
or set and instance index): an item is *held out* when the first eight hex
digits of the SHA-256 of its key are divisible by 3 (about a third). Errors
are looked at on the development part only; both parts are reported.

Nothing from these sets is copied into the repository: they are read from
``AISTRESS_SHARED`` (default ``../shared`` beside the repository) at run time.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from pathlib import Path

import attrs
from shared_data import find_shared

from aistress.model import Article, Block

__all__ = [
    "Gold",
    "Item",
    "Novel",
    "bench_root",
    "held_out",
    "novel_items",
    "polnear_items",
    "zh_news_items",
]


def bench_root() -> Path:
    """The ``bench`` folder of the shared data."""
    return find_shared() / "bench"


def held_out(key: str) -> bool:
    """Whether the item with this key belongs to the held-out part."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0


@attrs.frozen
class Gold:
    """One gold direct quotation: article offsets of its words, and its speaker."""

    start: int
    end: int
    speaker: str | None  # a name, or None (unnamed, pronoun-only or not a name)
    named: bool  # the gold source is a name (speaker accuracy counts only these)
    anonymous: bool = False
    partial: bool = False
    form: str = ""


@attrs.frozen
class Item:
    """One document of a set, with its gold quotes and its non-quotes."""

    key: str
    article: Article
    gold: tuple[Gold, ...]
    not_quotes: tuple[tuple[int, int], ...] = ()
    group: str = ""  # Hans / Hant for the Chinese news set


def _article(key: str, text: str, language: str) -> tuple[Article, list[int]]:
    """An article of the paragraphs of ``text`` and a map from text offsets to article offsets.

    Paragraphs are separated by blank lines; the map is a list over text offsets.
    """
    blocks: list[Block] = []
    mapping = [-1] * (len(text) + 1)
    at = 0
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        chunk = m.group(0)
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if not body:
            continue
        if blocks:
            at += 2
        start = m.start() + lead
        for i in range(len(body) + 1):
            mapping[start + i] = at + i
        blocks.append(Block("paragraph", body))
        at += len(body)
    return Article(key, language, "news", blocks=blocks), mapping


# ---------------------------------------------------------------------------
# PolNeAR (English news, brat standoff)

_PRONOUNS = frozenset(
    ["he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "its", "him", "them", "us"]
)
_QUOTE = re.compile(r"“([^”\n]+)”|''([^\n]+?)''|\"([^\"\n]+)\"|``([^\n]+?)''")


#: A paragraph opened by a quotation mark that it does not close, followed by
#: one opened by the same mark: a quotation running over paragraphs.
_RUNNING = re.compile(
    r"^[ \t]*(“|\"|``|'')(?P<words>[^\n]*?)[ \t]*$(?=\n(?:[ \t]*\n)*[ \t]*\1)", re.M
)


def _marked(text: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """The quotation-marked stretches of ``text``: (match, start, end of the words).

    A pair of marks on one line, except inside a markup tag (the empty
    attribute value of ``<tweet pic="" author="…">`` makes ``" author="``
    look like a quotation); and each paragraph of a quotation running over
    paragraphs, which opens every paragraph with the mark and closes only
    the last one (the last one is a pair on one line).
    """
    out: list[tuple[re.Match[str], int, int]] = []
    for m in _QUOTE.finditer(text):
        line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if line.rfind("<") > line.rfind(">"):
            continue  # an attribute value of a markup tag
        g = next(i for i in range(1, 5) if m.group(i) is not None)
        out.append((m, m.start(g), m.end(g)))
    for m in _RUNNING.finditer(text):
        words = m.group("words")
        if not words.strip() or _QUOTE.search(m.group(0)):
            continue  # a line holding a closed quotation is no running one
        out.append((m, m.start("words"), m.end("words")))
    out.sort(key=lambda t: t[1])
    yield from out


def _is_name(source: str) -> bool:
    """A source span that is a proper name: capitalised words, no determiner or pronoun."""
    words = source.replace("’s", "").replace("'s", "").split()
    if not words or len(words) > 5 or words[0].lower() in _PRONOUNS:
        return False
    if words[0].lower() in ("the", "a", "an", "one", "some", "this", "that", "these"):
        return False
    return all(w[:1].isupper() or w.lower() in ("de", "van", "von", "al", "bin") for w in words)


#: A brat span: kind, start, end, text, and its pieces in text order (brat may list
#: them in any order; one piece for a continuous span).
Span = tuple[str, int, int, str, tuple[tuple[int, int], ...]]


def _brat(path: Path) -> tuple[dict[str, Span], list[dict[str, str]]]:
    spans: dict[str, Span] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, where = parts[1].partition(" ")
            pieces = tuple(
                sorted((int(a), int(b)) for a, b in (p.split() for p in where.split(";")))
            )
            spans[parts[0]] = (kind, pieces[0][0], pieces[-1][1], parts[2], pieces)
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(p.split(":", 1) for p in parts[1].split() if ":" in p))
    return spans, relations


def _covers(pieces: tuple[tuple[int, int], ...], a: int, b: int) -> bool:
    """Whether a Content span in ``pieces`` holds the marked words ``a:b``.

    At least half of the words lie in its pieces. A span in pieces leaves
    out the words between them (``X told the “Morning Desk” show`` interrupting
    the content), so a quotation standing in such a gap is no part of it,
    while one the pieces mostly hold is, whatever else the gap inside it
    holds (an editor's bracketed note) and wherever the annotator's piece
    starts a word or two late.
    """
    if b <= a:
        return any(s <= a <= e for s, e in pieces)
    inside = sum(max(0, min(b, e) - max(a, s)) for s, e in pieces)
    return 2 * inside >= b - a


def polnear_items() -> Iterator[Item]:
    """PolNeAR train articles: gold quotes are the marked stretches inside Content spans.

    One annotator per article (the first annotation file by name). A quoted
    stretch (see :func:`_marked`) whose marks lie inside (or on the edge of) a
    Content span is a direct quote of that relation's Source; the Source
    counts as a name when it is capitalised words without a determiner or
    pronoun.
    """
    root = bench_root() / "polnear-train"
    anns: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        anns.setdefault(stem, ann)
    for txt in sorted((root / "text").glob("*.txt")):
        ann_path = anns.get(txt.stem)
        if ann_path is None:
            continue
        text = txt.read_text(encoding="utf-8")
        article, mapping = _article(txt.stem, text, "en")
        spans, relations = _brat(ann_path)
        source_of: dict[str, str] = {}
        for rel in relations:
            for key, tid in rel.items():
                if key.startswith("Content") and "Source" in rel:
                    source_of[tid] = rel["Source"]
        contents: list[tuple[tuple[tuple[int, int], ...], str | None, bool]] = []
        for tid, (kind, _, _, _, pieces) in spans.items():
            if kind != "Content":
                continue
            source = spans.get(source_of.get(tid, ""))
            name = source[3] if source else None
            named = bool(name and _is_name(name))
            contents.append((pieces, name if named else None, named))
        gold: list[Gold] = []
        seen: set[tuple[int, int]] = set()
        for m, a, b in _marked(text):
            owner = next((c for c in contents if _covers(c[0], m.start() + 1, m.end() - 1)), None)
            if owner is None or (a, b) in seen:
                continue
            seen.add((a, b))
            ma, mb = mapping[a], mapping[b]
            if ma < 0 or mb < 0:
                continue
            gold.append(Gold(ma, mb, owner[1], owner[2]))
        yield Item(txt.stem, article, tuple(gold))


# ---------------------------------------------------------------------------
# quotes-zh-dev (Chinese news, Simplified and Traditional)


def zh_news_items() -> Iterator[Item]:
    """The Chinese news passages with their gold quotes, speakers and non-quotes."""
    root = bench_root() / "quotes-zh-dev"
    gold_all = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    for name in sorted(gold_all):
        entry = gold_all[name]
        text = (root / "docs" / name).read_text(encoding="utf-8")
        article, _ = _article(name, text, "zh")
        full = article.text
        opener, closer = ("「", "」") if entry["script"] == "Hant" else ("“", "”")
        gold: list[Gold] = []
        at = 0
        for q in entry["quotes"]:
            marked = opener + q["q"] + closer
            k = full.find(marked, at)
            if k < 0:
                k = full.find(marked)
            at = k + 1
            start = k + 1
            gold.append(
                Gold(
                    start,
                    start + len(q["q"]),
                    q["speaker"],
                    q["speaker"] is not None,
                    q["anonymous"],
                    q["partial"],
                    q["form"],
                )
            )
        nots = [
            (m.start(), m.end())
            for term in entry["not_quotes"]
            for m in re.finditer(re.escape(term), full)
        ]
        yield Item(name, article, tuple(gold), tuple(nots), entry["script"])


# ---------------------------------------------------------------------------
# speaker-zh (novel dialogue)


@attrs.frozen
class Novel:
    """One speaker-identification instance: 21 lines, the 11th is the quote."""

    key: str
    article: Article
    quote_block: int
    speaker: str
    names: tuple[str, ...]  # the speaker's aliases from the set's name list
    category: str


def novel_items() -> Iterator[Novel]:
    """Every train and dev instance of *World of Plainness* (unsplit files)."""
    root = bench_root() / "speaker-zh"
    aliases: dict[str, tuple[str, ...]] = {}
    for line in (root / "name_list.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            aliases[parts[1]] = tuple(parts[1:])
    for split in ("train", "dev"):
        text = (root / f"{split}_unsplit.txt").read_text(encoding="utf-8")
        for chunk in text.split("Instance index:")[1:]:
            lines = chunk.strip("\n").split("\n")
            index = lines[0].strip()
            body = [ln for ln in lines[1:] if ln.strip()]
            meta = {
                ln.split(":", 1)[0]: ln.split(":", 1)[1].strip()
                for ln in body
                if ln.startswith(("Speaker:", "Speaker index:", "Category:"))
            }
            context = [ln for ln in body if not ln.startswith(("Speaker", "Category:"))]
            if len(context) < 11 or "Speaker" not in meta:
                continue
            blocks = [Block("paragraph", ln.strip()) for ln in context]
            key = f"{split}:{index}"
            article = Article(key.replace(":", "-"), "zh", "news", blocks=blocks)
            speaker = meta["Speaker"]
            yield Novel(
                key,
                article,
                10,
                speaker,
                aliases.get(speaker, (speaker,)),
                meta.get("Category", ""),
            )
