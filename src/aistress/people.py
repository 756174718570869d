"""People: one :class:`~aistress.model.Person` per individual, across mentions and languages.

A speaker is mentioned in many forms: ``Mira Solberg``, ``Solberg``,
``米拉·索尔贝格``. This module decides which forms name the same person
and records, for every form it joins, how the join was made
(:class:`~aistress.model.PersonLink`):

``name-rule``
    within one script: the same name up to case, accents, titles and dots,
    or a surname (the last part of a name) standing for the one full name in
    scope that ends with it.
``alignment``
    a quote in a translation aligned to a quote in the original links their
    speakers (made by :func:`aistress.quotes.link_quotes`, kept here).
``transliteration``
    a name in Chinese script and one in Latin script that spell the same
    sounds, scored with a table of the Latin renderings of the characters
    used for foreign names (``data/quotes/translit.json``), extended with the
    pairs the corpus itself reveals through aligned quotes
    (:meth:`TransliterationTable.learn`).

>>> a = Person("Mira Solberg", role="research lead")
>>> b = Person("Solberg")
>>> c = Person("米拉·索尔贝格")
>>> [p.name for p in merge_people([a, b, c])]
['Mira Solberg']
>>> sorted(link.method for link in merge_people([a, b, c])[0].links)
['name-rule', 'transliteration']
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from aistress.data import load_json
from aistress.model import Person, PersonLink, Quote
from aistress.text.language import has_han

__all__ = [
    "TransliterationTable",
    "group_names",
    "merge_people",
    "name_key",
    "name_parts",
    "script",
    "transliteration_score",
    "with_people",
]

_DOTS = re.compile(r"[·・•‧･]")
_TITLES = re.compile(r"^(?:mr|mrs|ms|dr|prof|professor|sir|dame)\.?\s+", re.IGNORECASE)
_FOLD = str.maketrans({"’": "'", "‘": "'"})

#: A transliteration at or above this similarity joins two people.
THRESHOLD = 0.75


def script(name: str) -> str:
    """``"han"`` for a name written in Chinese characters, ``"latin"`` otherwise.

    >>> script("米拉·索尔贝格"), script("Mira Solberg")
    ('han', 'latin')
    """
    return "han" if has_han(name) else "latin"


def name_key(name: str) -> str:
    """A form of ``name`` that compares equal for the same written name.

    Case, accents, titles, spacing and the kind of middle dot are ignored.

    >>> name_key("Dr. José  Núñez") == name_key("jose nunez")
    True
    >>> name_key("米拉・索尔贝格") == name_key("米拉·索尔贝格")
    True
    """
    text = unicodedata.normalize("NFKD", name.translate(_FOLD))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _DOTS.sub("·", text)
    text = _TITLES.sub("", text.strip())
    return " ".join(text.casefold().split())


def name_parts(name: str) -> tuple[str, ...]:
    """The parts of a name: words in Latin script, dot-separated parts in Chinese.

    A Chinese name without a dot is one part (a native name such as 林雨晴 is
    split into surname and given name by :func:`transliteration_score`).

    >>> name_parts("Mira Solberg"), name_parts("米拉·索尔贝格")
    (('mira', 'solberg'), ('米拉', '索尔贝格'))
    """
    key = name_key(name)
    if script(name) == "han":
        return tuple(p for p in key.replace(" ", "").split("·") if p)
    return tuple(p for p in re.split(r"[\s.]+", key) if p)


def group_names(names: Sequence[str]) -> list[int]:
    """Group name forms by the name rules; return a group number per name.

    Equal names (by :func:`name_key`) share a group. A one-part name joins
    the only multi-part name of its script whose last part it equals
    (``Solberg`` joins ``Mira Solberg``); when two full names end the
    same way, it stays apart. Runs in linear time (dictionary look-ups).

    >>> group_names(["Mira Solberg", "Solberg", "Menon", "Mira Solberg"])
    [0, 0, 1, 0]
    """
    keys = [name_key(n) for n in names]
    group_of_key: dict[str, int] = {}
    out: list[int] = []
    last_parts: dict[str, set[str]] = {}
    for name, key in zip(names, keys, strict=True):
        parts = name_parts(name)
        if len(parts) > 1:
            last_parts.setdefault(parts[-1], set()).add(key)
    counter = 0
    for name, key in zip(names, keys, strict=True):
        parts = name_parts(name)
        target = key
        if len(parts) == 1 and len(last_parts.get(parts[0], ())) == 1:
            target = next(iter(last_parts[parts[0]]))
        if target not in group_of_key:
            group_of_key[target] = counter
            counter += 1
        group_of_key.setdefault(key, group_of_key[target])
        out.append(group_of_key[target])
    return out


# ---------------------------------------------------------------------------
# transliteration


def _fold_latin(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text.lower() if "a" <= ch <= "z")


def _fold_sound(text: str) -> str:
    """Merge letters Chinese transliteration does not tell apart."""
    out = text.replace("ph", "f").replace("ck", "k").replace("th", "t").replace("sh", "s")
    out = out.replace("zh", "z").replace("ch", "c")
    return out.translate(str.maketrans("rvqxc", "lwkss"))


@functools.lru_cache(maxsize=65536)
def _lev(a: str, b: str) -> int:
    """Edit distance of two short spellings (cached: names repeat their pieces)."""
    if a == b:
        return 0
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


#: Name pairs whose cost a table keeps (emptied when full).
_MAX_COSTS = 1 << 16


def _as_dict(value: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    return dict(value)


@attrs.frozen
class TransliterationTable:
    """Latin renderings of Chinese characters, for matching names across scripts.

    The default table (:meth:`default`) is read from
    ``aistress/data/quotes/translit.json``. :meth:`learn` returns a table
    extended with the renderings a list of known ``(Chinese, Latin)`` name
    pairs reveals, so pairs found through aligned quotes help to match the
    names that no quote aligns.
    """

    chars: Mapping[str, tuple[str, ...]] = attrs.field(converter=_as_dict)
    # What cost() found per (han, latin, unknown): merging a corpus's speakers
    # compares the same name pairs again and again (each quote pair, each run
    # of merge_people), and the table never changes.
    _costs: dict[tuple[str, str, float], tuple[float, tuple[tuple[str, str], ...]]] = attrs.field(
        factory=dict, init=False, repr=False, eq=False
    )

    @classmethod
    @functools.cache
    def default(cls) -> TransliterationTable:
        """The table bundled with aistress."""
        data: dict[str, list[str]] = load_json("quotes/translit.json")["chars"]
        return cls({k: tuple(_fold_sound(_fold_latin(v)) for v in vs) for k, vs in data.items()})

    def renderings(self, char: str) -> tuple[str, ...]:
        """The folded Latin spellings ``char`` may stand for (empty if unknown).

        A character the table lacks is read in pinyin when the optional
        ``pypinyin`` package is installed (the ``pinyin`` extra).
        """
        return self.chars.get(char) or _pinyin(char)

    def cost(
        self, han: str, latin: str, *, unknown: float = 0.5
    ) -> tuple[float, list[tuple[str, str]]]:
        """Edit cost of spelling ``latin`` with the characters of ``han``.

        Returns the cost per Latin letter (0 is a perfect match) and the
        character-to-letters segmentation that achieves it. A character the
        table does not know spells one to three letters at ``unknown`` cost
        per letter. Dynamic programming over characters and letter
        positions: O(len(han) · len(latin) · r · w) for r renderings of
        width w.
        """
        key = (han, latin, unknown)
        found = self._costs.get(key)
        if found is None:
            if len(self._costs) >= _MAX_COSTS:
                self._costs.clear()
            found = self._costs[key] = self._cost(han, latin, unknown)
        return found[0], list(found[1])

    def _cost(
        self, han: str, latin: str, unknown: float
    ) -> tuple[float, tuple[tuple[str, str], ...]]:
        target = _fold_sound(_fold_latin(latin))
        chars = [c for c in han if not c.isspace()]
        n, m = len(chars), len(target)
        if not n or not m:
            return 1.0, ()
        inf = float("inf")
        best = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, str]]] = [[(0, "")] * (m + 1) for _ in range(n + 1)]
        best[0][0] = 0.0
        for i, ch in enumerate(chars):
            options = self.renderings(ch) or ("???",)
            for j in range(m + 1):
                if best[i][j] == inf:
                    continue
                for r in options:
                    low = j + 1 if r == "???" else j
                    for k in range(low, min(m, j + len(r) + 2) + 1):
                        piece = target[j:k]
                        c = best[i][j] + (unknown * len(piece) if r == "???" else _lev(r, piece))
                        if c < best[i + 1][k]:
                            best[i + 1][k] = c
                            back[i + 1][k] = (j, piece)
        total = best[n][m]
        segs: list[tuple[str, str]] = []
        j = m
        for i in range(n, 0, -1):
            pj, piece = back[i][j]
            segs.append((chars[i - 1], piece))
            j = pj
        segs.reverse()
        return total / max(m, 1), tuple(segs)

    def learn(self, pairs: Iterable[tuple[str, str]]) -> TransliterationTable:
        """Return a table that also knows the renderings ``(Chinese, Latin)`` pairs show.

        Each pair is split into parts (:func:`name_parts`); parts that match
        in number are segmented with :meth:`cost`, and every character's
        piece of the Latin spelling is added to its renderings.
        """
        chars = {k: list(v) for k, v in self.chars.items()}
        for han, latin in pairs:
            for h, latin_part in _part_pairs(han, latin):
                cost, segs = self.cost(h, latin_part, unknown=0.0)
                if cost > 1 - THRESHOLD:
                    continue
                for ch, piece in segs:
                    if piece and piece not in chars.setdefault(ch, []):
                        chars[ch].append(piece)
        return TransliterationTable({k: tuple(v) for k, v in chars.items()})


@functools.cache
def _pinyin_readings() -> Mapping[str, str] | None:
    """The readings of every character pypinyin ships, or ``None`` without the package.

    The table is the package's own data file, read without importing the
    package (whose import loads a phrase dictionary names never need); where
    the file is not where this version of pypinyin keeps it, ``None`` sends
    lookups through pypinyin's API instead.
    """
    spec = importlib.util.find_spec("pypinyin")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "pinyin_dict.json"
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(raw, dict):
            return raw  # code point (decimal) -> readings, comma-separated
    return None


@functools.cache
def _pinyin(char: str) -> tuple[str, ...]:
    """Every pinyin reading of a Han character, folded; empty without ``pypinyin``."""
    if not ("\u3400" <= char <= "\u9fff"):
        return ()
    table = _pinyin_readings()
    if table is not None:
        found = str(table.get(str(ord(char)), "")).split(",")
    else:
        try:
            from pypinyin import Style, pinyin
        except ImportError:
            return ()
        # with tone marks, as in its table: folding reads ǚ as u, where NORMAL gives v
        readings = pinyin(char, style=Style.TONE, heteronym=True, errors="ignore")
        found = [r for group in readings for r in group]
    folded = (_fold_sound(_fold_latin(r)) for r in found)
    return tuple(dict.fromkeys(r for r in folded if r))


def _part_pairs(han: str, latin: str) -> list[tuple[str, str]]:
    hp = name_parts(han)
    lp = name_parts(latin)
    if len(hp) == 1 and len(lp) == 2 and len(hp[0]) in (2, 3, 4):
        # a native Chinese name: surname first in Chinese, either order in Latin
        han_split = (hp[0][:1], hp[0][1:])
        return [(han_split[0], lp[1]), (han_split[1], lp[0])]
    if len(hp) == len(lp):
        return list(zip(hp, lp, strict=True))
    if len(hp) == 1 or len(lp) == 1:
        return [(hp[-1], lp[-1])]
    return []


def transliteration_score(han: str, latin: str, table: TransliterationTable | None = None) -> float:
    """How well a name in Chinese script spells a name in Latin script, from 0 to 1.

    Parts are compared in order (a native Chinese name, surname first, is
    also tried against a Latin name written given name first).

    >>> transliteration_score("米拉·索尔贝格", "Mira Solberg") > 0.8
    True
    >>> transliteration_score("米拉·索尔贝格", "Ravi Menon") < 0.5
    True
    """
    table = table or TransliterationTable.default()
    if script(han) != "han" or script(latin) != "latin":
        return 0.0
    hp = name_parts(han)
    lp = name_parts(latin)
    candidates: list[list[tuple[str, str]]] = []
    if len(hp) == len(lp):
        candidates.append(list(zip(hp, lp, strict=True)))
    if len(hp) == 1 and len(lp) == 2 and len(hp[0]) in (2, 3, 4):
        for surname in (1, 2):
            if len(hp[0]) > surname:
                s, g = hp[0][:surname], hp[0][surname:]
                candidates.append([(s, lp[1]), (g, lp[0])])
                candidates.append([(s, lp[0]), (g, lp[1])])
    if len(hp) != len(lp) and min(len(hp), len(lp)) == 1 and max(len(hp), len(lp)) > 1:
        candidates.append([(hp[-1], lp[-1])])
    best = 0.0
    for pairs in candidates:
        letters = sum(len(_fold_latin(lt)) for _, lt in pairs)
        total = sum(table.cost(h, lt)[0] * len(_fold_latin(lt)) for h, lt in pairs)
        best = max(best, 1.0 - total / max(letters, 1))
    return max(0.0, best)


# ---------------------------------------------------------------------------
# merging


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        self.parent[max(ra, rb)] = min(ra, rb)
        return True


def merge_people(
    people: Iterable[Person],
    *,
    table: TransliterationTable | None = None,
    pairs: Iterable[tuple[str, str]] = (),
    transliterate: bool = True,
    threshold: float = THRESHOLD,
) -> tuple[Person, ...]:
    """Merge people who are the same individual into one :class:`~aistress.model.Person` each.

    Two people merge when they share a name (any of their names, by
    :func:`name_key`), when one's one-part name is the last part of exactly
    one other's full name (``name-rule``), or, across scripts, when a name in
    Chinese script and one in Latin script score at least ``threshold`` by
    :func:`transliteration_score` (``transliteration``). ``pairs`` are known
    ``(Chinese, Latin)`` name pairs (from aligned quotes) that teach the
    table first. Aliases from other scripts that a person already carries
    (put there by :func:`aistress.quotes.link_quotes`) join by name.

    The merged person keeps the most complete Latin-script name (else the
    most complete name), every other name as an alias, the first role and
    affiliation given, and every link, plus one per join made here.

    Name joins are dictionary look-ups (linear). Transliteration compares
    the Chinese-script names with the Latin-script names that share a first
    sound with them, so it is O(h · l / k) for h and l names spread over k
    initial sounds; only people not already joined are compared.
    """
    items = list(people)
    n = len(items)
    if not n:
        return ()
    union = _Union(n)
    new_links: dict[int, list[PersonLink]] = {i: [] for i in range(n)}
    owner: dict[str, int] = {}
    for i, p in enumerate(items):
        for name in p.names:
            key = name_key(name)
            if not key:
                continue
            if key in owner:
                union.join(owner[key], i)
            else:
                owner[key] = i
    # surname rule within each script
    full: dict[tuple[str, str], set[int]] = {}
    for i, p in enumerate(items):
        for name in p.names:
            parts = name_parts(name)
            if len(parts) > 1:
                full.setdefault((script(name), parts[-1]), set()).add(union.find(i))
    for i, p in enumerate(items):
        for name in p.names:
            parts = name_parts(name)
            if len(parts) != 1:
                continue
            roots = {union.find(r) for r in full.get((script(name), parts[0]), set())}
            if len(roots) == 1:
                root = next(iter(roots))
                if union.join(root, i):
                    new_links[i].append(PersonLink(name, "name-rule"))
    if transliterate:
        table = (table or TransliterationTable.default()).learn(pairs)
        _join_transliterations(items, union, new_links, table, threshold)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(union.find(i), []).append(i)
    return tuple(
        _merged([items[i] for i in members], [new_links[i] for i in members])
        for members in groups.values()
    )


def _initials(name: str, table: TransliterationTable) -> set[str]:
    if script(name) == "latin":
        parts = name_parts(name)
        return {_fold_sound(_fold_latin(parts[-1]))[:1]} if parts else set()
    parts = name_parts(name)
    if not parts:
        return set()
    out = {r[:1] for r in table.renderings(parts[-1][0])}
    if len(parts) == 1 and len(parts[0]) > 1:  # native name: surname first
        out |= {r[:1] for r in table.renderings(parts[0][0])}
        out |= {r[:1] for r in table.renderings(parts[0][1])}
    return out or {"?"}


def _join_transliterations(
    items: list[Person],
    union: _Union,
    new_links: dict[int, list[PersonLink]],
    table: TransliterationTable,
    threshold: float,
) -> None:
    latin_by_initial: dict[str, list[tuple[int, str]]] = {}
    han: list[tuple[int, str]] = []
    for i, p in enumerate(items):
        for name in p.names:
            if script(name) == "latin" and len(name_parts(name)) >= 1:
                for ini in _initials(name, table):
                    latin_by_initial.setdefault(ini, []).append((i, name))
            elif script(name) == "han":
                han.append((i, name))
    for i, hname in han:
        best: tuple[float, int] | None = None
        for ini in _initials(hname, table):
            for j, lname in latin_by_initial.get(ini, ()):
                if union.find(i) == union.find(j):
                    continue
                score = transliteration_score(hname, lname, table)
                if score >= threshold and (best is None or score > best[0]):
                    best = (score, j)
        if best is not None and union.join(best[1], i):
            new_links[i].append(PersonLink(hname, "transliteration"))


def _merged(members: list[Person], links: list[list[PersonLink]]) -> Person:
    if len(members) == 1 and not links[0]:
        return members[0]
    names: list[str] = []
    for p in members:
        for name in p.names:
            if name_key(name) not in {name_key(x) for x in names}:
                names.append(name)

    def rank(name: str) -> tuple[int, int, int]:
        return (script(name) == "latin", len(name_parts(name)), len(name))

    canonical = max(names, key=rank)
    all_links: list[PersonLink] = []
    for p, extra in zip(members, links, strict=True):
        for link in (*p.links, *extra):
            if link not in all_links:
                all_links.append(link)
    return Person(
        canonical,
        aliases=[n for n in names if n != canonical],
        role=next((p.role for p in members if p.role), None),
        affiliation=next((p.affiliation for p in members if p.affiliation), None),
        links=all_links,
    )


def with_people(quotes: Iterable[Quote], people: Sequence[Person]) -> tuple[Quote, ...]:
    """Return ``quotes`` with each speaker replaced by the merged person who bears its name.

    Pass the result of :func:`merge_people` over the speakers of these
    quotes (and others) to give every quote of one individual the same
    :class:`~aistress.model.Person`. Linear in the number of quotes and names.
    """
    index: dict[str, Person] = {}
    for person in people:
        for name in person.names:
            index.setdefault(name_key(name), person)
    out: list[Quote] = []
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None:
            merged = index.get(name_key(speaker.name))
            if merged is not None and merged != speaker:
                quote = attrs.evolve(quote, speaker=merged)
        out.append(quote)
    return tuple(out)
