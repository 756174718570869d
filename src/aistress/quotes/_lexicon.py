"""The word lists quote attribution uses, loaded once from ``aistress/data/quotes``.

Each list is a JSON file whose ``about`` field documents its keys:

- ``en.json``: English cue verbs, pronouns, words that make or end an
  unnamed source, kinship nouns, names and descriptions;
- ``zh.json``: Chinese cues and the words that look like cues but are not
  (``来说``, ``据说``), pronouns, unnamed-source prefixes, role suffixes,
  adverbials and common surnames;
- ``translit.json``: Latin renderings of the characters used to write
  foreign names in Chinese (used by :mod:`aistress.people`).
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from aistress.data import load_json, load_list
from aistress.text.words import alternation

__all__ = ["Chinese", "English", "chinese", "english", "load"]


def load(name: str) -> dict[str, Any]:
    """Return the parsed JSON data file ``aistress/data/quotes/<name>.json`` (cached)."""
    data: dict[str, Any] = load_json(f"quotes/{name}.json")
    return data


@attrs.frozen
class English:
    """The English lexicon, with its regexes compiled."""

    cues: frozenset[str]
    weak_cues: frozenset[str]
    cue_re: re.Pattern[str]
    #: Every cue as one regex alternation, lower case, without boundaries: for
    #: the readers that build their own patterns around a cue.
    cue_words: str
    #: The same for the weak cues alone, and for every other cue.
    weak_cue_words: str
    strong_cue_words: str
    passive_before: frozenset[str]
    pronouns: dict[str, str]
    anonymous_re: re.Pattern[str]
    group_words: frozenset[str]
    not_names: frozenset[str]
    titles: frozenset[str]
    #: A title before a name, maybe with its full stop (``Dr``, ``Prof.``),
    #: as a regex alternation for the readers that build patterns around it.
    title_words: str
    title_re: re.Pattern[str]
    name_particles: frozenset[str]
    name_connectors: frozenset[str]
    abbreviations: frozenset[str]
    role_stops: frozenset[str]
    affiliation_markers: frozenset[str]
    adverbials: frozenset[str]
    #: Nouns that name a person by a role after a determiner or a possessive
    #: (``the researcher``, ``her mother``): the unnamed-source heads and kinship.
    person_heads: frozenset[str]


@attrs.frozen
class Chinese:
    """The Chinese lexicon, with its regexes compiled."""

    cue_re: re.Pattern[str]
    exclusion_re: re.Pattern[str]
    pronouns: dict[str, str]
    anonymous_prefixes: tuple[str, ...]
    group_words: frozenset[str]
    role_suffixes: frozenset[str]
    adverbial_re: re.Pattern[str]
    conjunction_re: re.Pattern[str]
    surnames: frozenset[str]
    name_chars: frozenset[str]
    all_surnames: frozenset[str] = frozenset()
    anonymous_groups: tuple[str, ...] = ()
    org_suffixes: tuple[str, ...] = ()
    statement_re: re.Pattern[str] = re.compile(r"(?!)")
    role_name_re: re.Pattern[str] = re.compile(r"(?!)")
    name_gender: dict[str, str] = attrs.field(factory=dict)
    not_names: frozenset[str] = frozenset()
    kinship: tuple[str, ...] = ()
    title_re: re.Pattern[str] = re.compile(r"(?!)")
    compound_surnames: frozenset[str] = frozenset()
    pronoun_order: tuple[str, ...] = ()
    group_word_re: re.Pattern[str] = re.compile(r"(?!)")
    anonymous_group_re: re.Pattern[str] = re.compile(r"(?!)")
    anonymous_group_end_re: re.Pattern[str] = re.compile(r"(?!)")
    writer_roles: frozenset[str] = frozenset()
    #: A kinship or title noun at a position, longest first (母亲, 老板, 发言人).
    role_re: re.Pattern[str] = re.compile(r"(?!)")


@functools.cache
def english() -> English:
    """The English lexicon (loaded and compiled on first use)."""
    data = load("en")
    cues = list(data["cues"])
    anon = (
        r"^(?P<det>"
        + alternation(data["anonymous_determiners"])
        + r")\s+(?:[\w’'.-]+\s+){0,3}?(?P<head>"
        + alternation(data["anonymous_heads"])
        + r")\b(?P<rest>(?:\s+(?:at|from|with|in|of|for|on)\s+.*|\s+who\s+\S.*)?)$"
    )
    return English(
        cues=frozenset(cues),
        weak_cues=frozenset(data["weak_cues"]),
        cue_re=re.compile(r"(?<![\w’'-])(?:" + alternation(cues) + r")(?![\w’'-])", re.IGNORECASE),
        cue_words=alternation(cues),
        weak_cue_words=alternation(data["weak_cues"]),
        strong_cue_words=alternation([c for c in cues if c not in set(data["weak_cues"])]),
        passive_before=frozenset(data["passive_before"]),
        pronouns=dict(data["pronouns"]),
        anonymous_re=re.compile(anon, re.IGNORECASE | re.DOTALL),
        group_words=frozenset(data["group_words"]),
        not_names=frozenset(data["not_names"]),
        titles=frozenset(data["titles"]),
        title_words=r"(?:" + alternation(data["titles"]) + r")\.?",
        title_re=re.compile(r"(?:" + alternation(data["titles"]) + r")\.?"),
        name_particles=frozenset(data["name_particles"]),
        name_connectors=frozenset(data["name_connectors"]),
        abbreviations=frozenset(data["abbreviations"]),
        role_stops=frozenset(data["role_stops"]),
        affiliation_markers=frozenset(data["affiliation_markers"]),
        adverbials=frozenset(data["adverbials"]),
        person_heads=frozenset(data["anonymous_heads"]) | frozenset(data["kinship"]),
    )


@functools.cache
def chinese() -> Chinese:
    """The Chinese lexicon (loaded and compiled on first use)."""
    data = load("zh")
    all_surnames = frozenset(data["surnames"]) | _surnames()
    adverbial = (
        r"(?:[在于](?:(?!一名|一位)[^，。,；;：:\ue000]){1,32}?(?:上|中|时|里|内|后|前|期间|之际)"
        r"|(?:接受[^，。,；;：:\ue000]{0,14}?)?(?:采访|访问|专访|受访|访谈)时"
        r"|[对向跟][^，。,；;：:\ue000]{1,16}"
        r"|发布[^，。,；;：:\ue000]{0,6}?(?:声明|新闻稿|公告|通报)"
        r"|[\u4e00-\u9fff]{1,3}地"
        r"|[\u4e00-\u9fff]{1,2}[着著]"
        r"|[\u4e00-\u9fff]了[\u4e00-\u9fff]"
        r"|" + alternation(data["adverbial_prefixes"]) + r")$"
    )
    return Chinese(
        cue_re=re.compile(alternation(data["cues"])),
        exclusion_re=re.compile(alternation(data["cue_exclusions"])),
        pronouns=dict(data["pronouns"]),
        anonymous_prefixes=tuple(sorted(data["anonymous_prefixes"], key=lambda w: (-len(w), w))),
        group_words=frozenset(data["group_words"]),
        role_suffixes=frozenset(data["role_suffixes"]),
        adverbial_re=re.compile(adverbial),
        conjunction_re=re.compile(r"(?:" + alternation(data["leading_conjunctions"]) + r")[，,]?"),
        surnames=frozenset(data["surnames"]),
        name_chars=frozenset(load("translit")["chars"]),
        all_surnames=all_surnames,
        anonymous_groups=tuple(sorted(data["anonymous_groups"], key=lambda w: (-len(w), w))),
        org_suffixes=tuple(sorted(data["org_suffixes"], key=lambda w: (-len(w), w))),
        statement_re=re.compile(alternation(data["statement_words"])),
        name_gender={ch: g for g, chars in data["name_gender"].items() for ch in chars},
        not_names=frozenset(
            data["not_names"] + data["adverbial_prefixes"] + data["leading_conjunctions"]
        ),
        kinship=tuple(sorted(data["kinship"], key=lambda w: (-len(w), w))),
        title_re=re.compile("(?:" + alternation(data["titles"]) + ")$"),
        compound_surnames=frozenset(s for s in all_surnames if len(s) == 2),
        pronoun_order=tuple(sorted(data["pronouns"], key=len, reverse=True)),
        group_word_re=re.compile(alternation(data["group_words"])),
        anonymous_group_re=re.compile(alternation(data["anonymous_groups"])),
        anonymous_group_end_re=re.compile("(?:" + alternation(data["anonymous_groups"]) + ")$"),
        writer_roles=frozenset(data["writer_roles"]),
        role_re=re.compile(alternation(data["kinship"] + data["titles"] + data["speaker_roles"])),
        role_name_re=re.compile(
            # the role's last character is matched (the engine scans for it in C);
            # the name is group 1, after it
            "[" + "".join(sorted(data["role_suffixes"])) + "]"
            # 公司 is an organisation, not a role ending in 司 (上司, 司长): 公司宣布 is no name
            "(?<!公司)"
            "(?=([" + "".join(sorted(s for s in all_surnames if len(s) == 1)) + "]"
            "[\u4e00-\u9fff]{1,2}))"
        ),
    )


def _surnames() -> frozenset[str]:
    """Every Chinese surname CC-CEDICT marks, and the compound ones of 百家姓.

    Read from ``data/quotes/surnames.txt``.
    """
    return frozenset(load_list("quotes/surnames.txt"))
