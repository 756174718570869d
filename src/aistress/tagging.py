"""Stressor and remedy tagging with evidence, in English and Chinese.

:func:`tag` reads an :class:`~aistress.model.Article` block by block and
returns one :class:`~aistress.model.Stressor` or :class:`~aistress.model.Remedy`
per block and category found there. Every tag carries

- ``evidence``: the spans of :attr:`~aistress.model.Article.text` whose words
  triggered it (a negation cue is included when the rule needs one);
- ``rule``: the id of the strongest rule that fired (``"en.pace.terms"``);
- ``confidence``: the noisy-or of every firing in the block;
- ``block``: the block index;
- ``raised_by`` / ``proposed_by``: the person a quote or an attribution
  (``X said``, ``X proposed``, ``X说``, ``X建议``) in the same sentence, or
  else in the same paragraph, names.

>>> from aistress.model import Article, Block
>>> a = Article("a1", "en", "news", blocks=[
...     Block("paragraph", "Ada Lovelace said the lab works 80-hour weeks."),
...     Block("paragraph", "There is no burnout here."),
... ])
>>> [(t.category, t.rule, t.block, t.raised_by.name) for t in tag(a)]
[('overwork', 'en.overwork.hours', 0, 'Ada Lovelace')]
>>> [a.slice(s) for s in tag(a)[0].evidence]
['80-hour weeks']
>>> labels(tag(a))
frozenset({'overwork'})

How rules work
--------------

Rules are data (``aistress/data/rules/en.json`` and ``zh.json``, described in
the tagging guide). A rule names a category and either a list of ``terms`` or
``all``: a list of term groups that must all occur in one window (a clause,
sentence or paragraph). A term is a phrase, a ``@group`` reference or a
``re:`` regular expression. Around the terms, cue lists mark

- negation (``no``, ``never``, ``unable``, ``不``, ``没有``, ``并非`` ...): a
  term up to a few words after a cue, in the same clause, is negated.
  Negated terms do not fire ordinary rules; rules marked ``"negated": true``
  fire only on a negated first group (``no escape``, ``stopped taking
  vacations``). Pseudo-negations (``not only``, ``not all``, ``no stranger
  to``, ``不断``, ``并非所有``) are not negations; post-negations (``was not
  available``, ``不存在``) negate the term just before them.
- concession (``despite``, ``although``, ``尽管``, ``虽然``): terms in a
  conceded clause only combine with each other and count at half confidence.
- contrast (``but``, ``however``, ``但``, ``然而``): a clause boundary, so a
  negation does not reach past it.

Complexity
----------

English text is split into word tokens once; every term is stored in a trie
keyed by normalised tokens (Chinese terms in a trie keyed by characters), and
one left-to-right walk from each token or character finds every term, in time
linear in the text for a fixed rule set (each walk is at most as deep as the
longest term). ``re:`` terms are run once each with :meth:`re.Pattern.finditer`.
Cue scopes, windows and rule checks touch each hit a bounded number of times,
so tagging an article is linear in its length.
"""

from __future__ import annotations

import bisect
import csv
import functools
import io
import json
import math
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from aistress.model import (
    Article,
    Block,
    Corpus,
    Person,
    Quote,
    QuoteKind,
    Remedy,
    Source,
    Span,
    Stressor,
)
from aistress.quotes import extract_quotes
from aistress.taxonomy import Category, CategoryKind, Taxonomy, TaxonomyError
from aistress.taxonomy import default as default_taxonomy
from aistress.text.sentences import detect_language, is_chinese
from aistress.text.sentences import sentences as split_sentences

__all__ = [
    "CONCESSION_FACTOR",
    "DEFAULT_MIN_CONFIDENCE",
    "LabelScores",
    "Rule",
    "RuleError",
    "RuleSet",
    "Tag",
    "TagMatrix",
    "Tagger",
    "default_rules",
    "labels",
    "load_rules",
    "matrix",
    "score_labels",
    "stem",
    "tag",
    "tag_text",
]

#: A stressor or remedy tag.
Tag: TypeAlias = Stressor | Remedy

#: Tags below this confidence are dropped unless a caller asks otherwise.
DEFAULT_MIN_CONFIDENCE = 0.5

#: Confidence factor for terms in a conceded clause (``despite ...``).
CONCESSION_FACTOR = 0.5

_WINDOWS = ("clause", "sentence", "paragraph")
_CUE_KINDS = (
    "negation",
    "pseudo_negation",
    "post_negation",
    "concession",
    "contrast",
    "attribution",
    "not_names",
    "name_roles",
    "name_boundaries",
)
# Cue kinds whose entries are matched in text like terms.
_MATCHED_CUES = ("negation", "pseudo_negation", "post_negation", "concession", "contrast")
_FILE_KEYS = frozenset(
    {"language", "description", "negation_scope", "unstemmed", "cues", "groups", "rules"}
)
_RULE_KEYS = frozenset(
    {"id", "category", "terms", "all", "window", "negated", "confidence", "note"}
)
_RULES_DIR = Path(__file__).resolve().parent / "data" / "rules"
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
_NAME_PARTS = re.compile(r"[·\s]+")


class RuleError(TaxonomyError):
    """A rule file or rule mapping is malformed.

    Same fields as :class:`~aistress.taxonomy.TaxonomyError`: ``path``,
    ``field`` (such as ``"rules[4].terms[2]"``) and ``reason``.
    """


# ---------------------------------------------------------------------------
# normalisation

_EN_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*|\$")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
_SPACE = frozenset(" \t\r\n\u00a0\u3000")
# Full-width ASCII to ASCII and upper to lower case, one character for one.
_FOLD = {c: c + 0x20 for c in range(ord("A"), ord("Z") + 1)}
_FOLD.update({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)})
_FOLD.update({c: c - 0xFEE0 + 0x20 for c in range(0xFF21, 0xFF3B)})
_FOLD[0x2019] = 0x27  # right single quotation mark as apostrophe


def _fold(text: str) -> str:
    return text.translate(_FOLD)


@functools.lru_cache(maxsize=65536)
def stem(token: str, keep: frozenset[str] = frozenset()) -> str:
    """Normalise one English word for matching (a deliberately light stemmer).

    Lower-cases, drops a possessive ``'s``, then one of the endings ``-ies``
    (to ``-y``), ``-s``, ``-ing``, ``-ed``, ``-ly``, then a final ``-e`` and a
    doubled final consonant. Terms and text go through the same function, so
    the entry ``burn out`` matches ``burned out`` and ``burning out``.
    Lower-cased words in ``keep`` (a rule file's ``unstemmed`` list, such as
    ``news``) are returned as they are.

    >>> [stem(w) for w in ["Stressed", "stress", "pauses", "studies", "one's", "stopped"]]
    ['stres', 'stres', 'paus', 'study', 'one', 'stop']
    """
    w = token.lower().replace("’", "'")
    if w in keep:
        return w
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("sses"):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def _en_key(term: str, keep: frozenset[str] = frozenset()) -> tuple[str, ...]:
    return tuple(stem(m.group(), keep) for m in _EN_TOKEN.finditer(term))


def _zh_key(term: str) -> str:
    return "".join(ch for ch in _fold(term) if ch not in _SPACE)


def _character_mode(language: str) -> bool:
    primary = language.split("-")[0].lower()
    return is_chinese(language) or primary in {"ja", "ko"}


# ---------------------------------------------------------------------------
# rules


@attrs.frozen
class Rule:
    """One detection rule, as read from a rule file.

    Attributes:
        id: Unique id, conventionally ``language.category.name``.
        category: The taxonomy category the rule detects.
        language: The language of its terms (``"en"``, ``"zh"``).
        groups: Term groups (``@group`` references expanded); every group
            must have a hit in one window for the rule to fire.
        window: ``"clause"``, ``"sentence"`` or ``"paragraph"``.
        negated: If true, the first group must be negated (``no escape``).
        confidence: How sure a firing is, in ``(0, 1]``.
        note: What the rule is for, in words.
    """

    id: str
    category: str
    language: str
    groups: tuple[tuple[str, ...], ...]
    window: str = "sentence"
    negated: bool = False
    confidence: float = 0.8
    note: str = ""


@attrs.define
class _Hit:
    start: int
    end: int
    term: int
    first: int  # first unit (token or character) index
    last: int  # one past the last unit
    negated_by: _Hit | None = None
    conceded: bool = False


@attrs.frozen
class _Term:
    kind: str  # "en", "zh" or "re"
    key: Any  # tuple of stems, folded string or compiled pattern


class _Matcher:
    """Every term and cue of one language, compiled for a linear scan."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.chars = _character_mode(language)
        self.keep: frozenset[str] = frozenset()
        self.terms: list[_Term] = []
        self._ids: dict[tuple[str, Any], int] = {}
        self.trie: dict[Any, Any] = {}
        self.depth = 0
        self.patterns: list[tuple[int, re.Pattern[str]]] = []
        self.cue_of: dict[int, set[str]] = {}
        self.members: dict[int, list[tuple[int, int]]] = {}

    def add(self, text: str) -> int:
        """Register a term (phrase or ``re:`` pattern); return its id."""
        if text.startswith("re:"):
            key: Any = text[3:]
            kind = "re"
        elif self.chars:
            key, kind = _zh_key(text), "zh"
        else:
            key, kind = _en_key(text, self.keep), "en"
        found = self._ids.get((kind, key))
        if found is not None:
            return found
        term_id = len(self.terms)
        self._ids[(kind, key)] = term_id
        if kind == "re":
            pattern = re.compile(key, re.IGNORECASE)
            self.terms.append(_Term(kind, pattern))
            self.patterns.append((term_id, pattern))
            return term_id
        self.terms.append(_Term(kind, key))
        node = self.trie
        for unit in key:
            node = node.setdefault(unit, {})
        node.setdefault("", []).append(term_id)
        self.depth = max(self.depth, len(key))
        return term_id

    def scan(self, text: str) -> list[_Hit]:
        """Every term occurrence in ``text``, by start, longest first (linear time)."""
        if self.chars:
            hits = self._scan_chars(text)
            starts: list[int] = []
        else:
            hits, starts = self._scan_tokens(text)
        hits.extend(self._scan_patterns(text, starts))
        # Longest first at each start: a pseudo-negation ("not all") must be
        # seen before the negation cue it contains ("not").
        hits.sort(key=lambda h: (h.start, -h.end, h.term))
        return hits

    def _scan_tokens(self, text: str) -> tuple[list[_Hit], list[int]]:
        keep = self.keep
        tokens = [(m.start(), m.end(), stem(m.group(), keep)) for m in _EN_TOKEN.finditer(text)]
        hits: list[_Hit] = []
        root = self.trie
        n = len(tokens)
        for i in range(n):
            node = root.get(tokens[i][2])
            j = i
            while node is not None:
                hits.extend(_Hit(tokens[i][0], tokens[j][1], t, i, j + 1) for t in node.get("", ()))
                j += 1
                if j >= n:
                    break
                node = node.get(tokens[j][2])
        return hits, [t[0] for t in tokens]

    def _scan_chars(self, text: str) -> list[_Hit]:
        folded = _fold(text)
        hits: list[_Hit] = []
        root = self.trie
        n = len(folded)
        for i in range(n):
            node = root.get(folded[i])
            j = i
            gaps = 0
            while node is not None:
                hits.extend(_Hit(i, j + 1, t, i, j + 1) for t in node.get("", ()))
                j += 1
                # Whitespace inside a term is ignored (at most two in a row).
                while j < n and folded[j] in _SPACE and gaps < 2:
                    j += 1
                    gaps += 1
                if j >= n:
                    break
                if folded[j] in _SPACE:
                    break
                gaps = 0
                node = node.get(folded[j])
        return hits

    def _scan_patterns(self, text: str, starts: list[int]) -> Iterator[_Hit]:
        for term_id, pattern in self.patterns:
            for m in pattern.finditer(text):
                if m.end() == m.start():
                    continue
                if self.chars:
                    first, last = m.start(), m.end()
                else:
                    first = bisect.bisect_left(starts, m.start())
                    last = max(first + 1, bisect.bisect_left(starts, m.end()))
                yield _Hit(m.start(), m.end(), term_id, first, last)


class RuleSet:
    """Compiled detection rules for one or more languages.

    Build one with :func:`load_rules` (from files), :meth:`from_dicts`
    (from parsed JSON) or :func:`default_rules`; it is immutable once built
    and safe to share between threads and processes (it pickles by
    re-reading its documents).

    >>> rules = default_rules()
    >>> sorted(rules.languages)
    ['en', 'zh']
    >>> rules.rule("en.pace.terms").category
    'pace'
    >>> "overwork" in rules.categories
    True
    """

    def __init__(self, documents: Sequence[tuple[str | None, Mapping[str, Any]]]) -> None:
        """Compile parsed rule documents; use :meth:`from_dicts` or :func:`load_rules`."""
        self._documents = tuple((path, document) for path, document in documents)
        self._matchers: dict[str, _Matcher] = {}
        self._scopes: dict[str, int] = {}
        self._cues: dict[str, dict[str, tuple[str, ...]]] = {}
        seen: dict[str, str] = {}
        self.rules: tuple[Rule, ...] = tuple(
            rule
            for path, document in self._documents
            for rule in _parse_document(path, document, seen, self)
        )
        self._by_id = {r.id: r for r in self.rules}
        self._attribution = {lang: _Attribution(lang, cues) for lang, cues in self._cues.items()}

    # -- construction -----------------------------------------------------

    @classmethod
    def from_dicts(
        cls, *documents: Mapping[str, Any], paths: Sequence[str | None] | None = None
    ) -> RuleSet:
        """Compile rule documents (parsed JSON of the rule file shape).

        Raises:
            RuleError: naming the document and field at fault.
        """
        names = list(paths) if paths is not None else [None] * len(documents)
        if len(names) != len(documents):
            raise ValueError("paths must name every document")
        return cls(list(zip(names, documents, strict=True)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._documents,))

    def __repr__(self) -> str:
        return f"RuleSet(languages={sorted(self.languages)}, rules={len(self.rules)})"

    # -- lookup -----------------------------------------------------------

    @property
    def languages(self) -> frozenset[str]:
        """The languages the rules cover."""
        return frozenset(self._matchers)

    @property
    def categories(self) -> frozenset[str]:
        """Every category some rule detects."""
        return frozenset(r.category for r in self.rules)

    def rule(self, rule_id: str) -> Rule:
        """The rule with this id; raises :class:`KeyError` if there is none."""
        return self._by_id[rule_id]

    def for_category(self, category: str) -> tuple[Rule, ...]:
        """The rules that detect ``category``, in file order."""
        return tuple(r for r in self.rules if r.category == category)

    def cues(self, language: str, kind: str) -> tuple[str, ...]:
        """The cue entries of one kind (``"negation"`` ...) for a language."""
        return self._cues.get(language, {}).get(kind, ())

    def check(self, taxonomy: Taxonomy) -> None:
        """Raise :class:`RuleError` if a rule names a category ``taxonomy`` lacks."""
        for path, document in self._documents:
            for i, raw in enumerate(document.get("rules", ())):
                if raw.get("category") not in taxonomy:
                    raise RuleError(
                        path,
                        f"rules[{i}].category",
                        f"{raw.get('category')!r} is not a category of taxonomy {taxonomy.name!r}",
                    )

    # -- matching ---------------------------------------------------------

    def _matcher(self, language: str) -> _Matcher:
        matcher = self._matchers.get(language)
        if matcher is None:
            matcher = _Matcher(language)
            self._matchers[language] = matcher
            self._scopes.setdefault(language, 4 if matcher.chars else 3)
        return matcher


def _rebuild(documents: tuple[tuple[str | None, Mapping[str, Any]], ...]) -> RuleSet:
    return RuleSet(list(documents))


def _fail(path: str | None, field: str, reason: str) -> RuleError:
    return RuleError(path, field, reason)


def _strings(
    path: str | None, field: str, value: object, *, allow_empty: bool = False
) -> list[str]:
    if not isinstance(value, list) or (not value and not allow_empty):
        raise _fail(path, field, "must be a non-empty list of strings")
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise _fail(path, f"{field}[{i}]", f"must be a non-empty string (got {item!r})")
    return list(value)


def _parse_document(
    path: str | None, document: object, seen: dict[str, str], rules: RuleSet
) -> Iterator[Rule]:
    if not isinstance(document, Mapping):
        raise _fail(path, "", f"must be a JSON object (got {type(document).__name__})")
    unknown = sorted(set(document) - _FILE_KEYS)
    if unknown:
        raise _fail(
            path, unknown[0], f"unknown key; expected one of {', '.join(sorted(_FILE_KEYS))}"
        )
    language = document.get("language")
    if not isinstance(language, str) or not _LANGUAGE_TAG.fullmatch(language):
        raise _fail(path, "language", f"must be a language tag such as 'en' (got {language!r})")
    matcher = rules._matcher(language)
    scope = document.get("negation_scope")
    if scope is not None:
        if not isinstance(scope, int) or isinstance(scope, bool) or not 0 <= scope <= 20:
            raise _fail(path, "negation_scope", f"must be an integer from 0 to 20 (got {scope!r})")
        rules._scopes[language] = scope
    unstemmed = document.get("unstemmed")
    if unstemmed is not None:
        words = frozenset(w.lower() for w in _strings(path, "unstemmed", unstemmed))
        if not words <= matcher.keep and matcher.terms:
            raise _fail(path, "unstemmed", f"must come with the first rule file for {language!r}")
        matcher.keep = matcher.keep | words
    cues = document.get("cues", {})
    if not isinstance(cues, Mapping):
        raise _fail(path, "cues", "must be an object of cue lists")
    merged = rules._cues.setdefault(language, {})
    for kind, entries in cues.items():
        if kind not in _CUE_KINDS:
            raise _fail(
                path, f"cues.{kind}", f"unknown cue kind; expected one of {', '.join(_CUE_KINDS)}"
            )
        values = _strings(path, f"cues.{kind}", entries, allow_empty=True)
        merged[kind] = tuple(dict.fromkeys((*merged.get(kind, ()), *values)))
        if kind in _MATCHED_CUES:
            for j, entry in enumerate(values):
                term_id = _add_term(matcher, entry, path, f"cues.{kind}[{j}]")
                matcher.cue_of.setdefault(term_id, set()).add(kind)
    groups_raw = document.get("groups", {})
    if not isinstance(groups_raw, Mapping):
        raise _fail(path, "groups", "must be an object of term lists")
    groups: dict[str, list[str]] = {}
    for name, entries in groups_raw.items():
        values = _strings(path, f"groups.{name}", entries)
        for j, entry in enumerate(values):
            if entry.startswith("@"):
                raise _fail(path, f"groups.{name}[{j}]", "groups cannot refer to other groups")
        groups[name] = values
    raw_rules = document.get("rules", [])
    if not isinstance(raw_rules, list):
        raise _fail(path, "rules", "must be a list of rule objects")
    for i, raw in enumerate(raw_rules):
        # Rules are numbered across documents: ``seen`` holds one entry per rule so far.
        yield _parse_rule(path, i, raw, language, groups, matcher, seen, len(seen))


def _add_term(matcher: _Matcher, entry: str, path: str | None, field: str) -> int:
    if entry.startswith("re:"):
        try:
            re.compile(entry[3:])
        except re.error as exc:
            raise _fail(path, field, f"bad regular expression: {exc}") from None
        if re.compile(entry[3:]).match(""):
            raise _fail(path, field, "regular expression must not match the empty string")
    elif not (_zh_key(entry) if matcher.chars else _en_key(entry, matcher.keep)):
        raise _fail(path, field, f"has no letters or digits to match (got {entry!r})")
    return matcher.add(entry)


def _parse_rule(
    path: str | None,
    i: int,
    raw: object,
    language: str,
    groups: Mapping[str, list[str]],
    matcher: _Matcher,
    seen: dict[str, str],
    index: int,
) -> Rule:
    where = f"rules[{i}]"
    if not isinstance(raw, Mapping):
        raise _fail(path, where, f"must be an object (got {type(raw).__name__})")
    unknown = sorted(set(raw) - _RULE_KEYS)
    if unknown:
        raise _fail(
            path,
            f"{where}.{unknown[0]}",
            f"unknown key; expected one of {', '.join(sorted(_RULE_KEYS))}",
        )
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not rule_id.strip():
        raise _fail(path, f"{where}.id", f"must be a non-empty string (got {rule_id!r})")
    if rule_id in seen:
        raise _fail(path, f"{where}.id", f"{rule_id!r} is already used in {seen[rule_id]}")
    category = raw.get("category")
    if not isinstance(category, str) or not category.strip():
        raise _fail(path, f"{where}.category", f"must be a category id (got {category!r})")
    if ("terms" in raw) == ("all" in raw):
        raise _fail(path, where, "needs exactly one of 'terms' and 'all'")
    if "terms" in raw:
        raw_groups = [(_strings(path, f"{where}.terms", raw["terms"]), f"{where}.terms")]
    else:
        all_ = raw["all"]
        if not isinstance(all_, list) or not all_:
            raise _fail(path, f"{where}.all", "must be a non-empty list of term lists")
        raw_groups = [
            (_strings(path, f"{where}.all[{g}]", group), f"{where}.all[{g}]")
            for g, group in enumerate(all_)
        ]
    window = raw.get("window", "sentence")
    if window not in _WINDOWS:
        raise _fail(
            path, f"{where}.window", f"must be one of {', '.join(_WINDOWS)} (got {window!r})"
        )
    negated = raw.get("negated", False)
    if not isinstance(negated, bool):
        raise _fail(path, f"{where}.negated", f"must be true or false (got {negated!r})")
    confidence = raw.get("confidence", 0.8)
    if (
        not isinstance(confidence, (int, float))
        or isinstance(confidence, bool)
        or not 0.0 < float(confidence) <= 1.0
        or math.isnan(float(confidence))
    ):
        raise _fail(path, f"{where}.confidence", f"must be a number in (0, 1] (got {confidence!r})")
    note = raw.get("note", "")
    if not isinstance(note, str):
        raise _fail(path, f"{where}.note", f"must be a string (got {note!r})")
    expanded: list[tuple[str, ...]] = []
    for g, (entries, field) in enumerate(raw_groups):
        terms: list[str] = []
        for j, entry in enumerate(entries):
            if entry.startswith("@"):
                if entry[1:] not in groups:
                    raise _fail(path, f"{field}[{j}]", f"unknown group {entry!r}")
                for k, member in enumerate(groups[entry[1:]]):
                    _add_term(matcher, member, path, f"groups.{entry[1:]}[{k}]")
                    terms.append(member)
            else:
                _add_term(matcher, entry, path, f"{field}[{j}]")
                terms.append(entry)
        unique = tuple(dict.fromkeys(terms))
        for term in unique:
            term_id = matcher.add(term)
            members = matcher.members.setdefault(term_id, [])
            if (index, g) not in members:
                members.append((index, g))
        expanded.append(unique)
    seen[rule_id] = f"{path or '<dict>'} {where}"
    return Rule(
        id=rule_id,
        category=category,
        language=language,
        groups=tuple(expanded),
        window=window,
        negated=negated,
        confidence=float(confidence),
        note=note,
    )


def load_rules(*paths: str | os.PathLike[str]) -> RuleSet:
    """Read and compile rule files (UTF-8 JSON, one language each).

    Raises:
        RuleError: if a file cannot be read or is malformed.
    """
    documents: list[tuple[str | None, Mapping[str, Any]]] = []
    for p in paths:
        name = os.fspath(p)
        try:
            text = Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RuleError(name, "", f"cannot read the file: {exc}") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RuleError(
                name, "", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
            ) from None
        documents.append((name, data))
    return RuleSet(documents)


@functools.cache
def default_rules() -> RuleSet:
    """The rules aistress ships for its taxonomy (English and Chinese), read once."""
    return load_rules(_RULES_DIR / "en.json", _RULES_DIR / "zh.json")


# ---------------------------------------------------------------------------
# analysis of one block

#: Attribution looks at this many evidence spans of a tag.
_EVIDENCE_LOOKED_AT = 8

_CLAUSE_MARK = re.compile(r"[,;:，；：、—–()（）\[\]“”\"「」『』]|\s-\s")


@attrs.frozen
class _Firing:
    rule: int
    spans: tuple[tuple[int, int], ...]
    confidence: float


def _bounds(text: str, language: str) -> tuple[list[int], list[int]]:
    """Sentence starts and clause starts of a block (sorted offsets)."""
    sentence_starts = [start for start, _ in split_sentences(text, language)] or [0]
    clause_starts = sorted({*sentence_starts, *(m.start() for m in _CLAUSE_MARK.finditer(text))})
    return sentence_starts, clause_starts


def _unit(starts: Sequence[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset)


def _mark_cues(hits: list[_Hit], matcher: _Matcher, clause_starts: list[int], scope: int) -> None:
    """Set ``negated_by`` and ``conceded`` on hits.

    One pass over the hits; a negation cue looks at most ``scope`` units
    ahead (a post-negation cue as far back), so the work is linear.
    """
    pseudo_reach = -1
    conceded_clause = -1
    reach_back = scope + matcher.depth + 1
    for index, hit in enumerate(hits):
        clause = _unit(clause_starts, hit.start)
        if clause == conceded_clause:
            hit.conceded = True
        kinds = matcher.cue_of.get(hit.term)
        if not kinds:
            continue
        if "pseudo_negation" in kinds:
            pseudo_reach = max(pseudo_reach, hit.end)
            continue
        if "negation" in kinds and hit.start >= pseudo_reach:
            for ahead in range(index + 1, len(hits)):
                other = hits[ahead]
                gap = other.first - hit.last
                if gap > scope:
                    break
                if (
                    gap >= 0
                    and other.negated_by is None
                    and _unit(clause_starts, other.start) == clause
                ):
                    other.negated_by = hit
        if "post_negation" in kinds:
            for back in range(index - 1, -1, -1):
                other = hits[back]
                if hit.first - other.first > reach_back:
                    break
                gap = hit.first - other.last
                if (
                    0 <= gap <= scope
                    and other.negated_by is None
                    and _unit(clause_starts, other.start) == clause
                ):
                    other.negated_by = hit
        if "concession" in kinds:
            conceded_clause = clause


def _contrast_starts(hits: Iterable[_Hit], matcher: _Matcher) -> list[int]:
    return [h.start for h in hits if "contrast" in matcher.cue_of.get(h.term, ())]


def _firings(rules: RuleSet, allowed: frozenset[int], text: str, language: str) -> list[_Firing]:
    """Every rule firing in one block of text."""
    if not text.strip():
        return []
    sentence_starts, clause_starts = _bounds(text, language)
    has_han = _HAN.search(text) is not None
    has_latin = _LATIN.search(text) is not None
    out: list[_Firing] = []
    for lang, matcher in rules._matchers.items():
        if not (has_han if matcher.chars else has_latin):
            continue
        hits = matcher.scan(text)
        if not hits:
            continue
        contrast = _contrast_starts(hits, matcher)
        clauses = sorted({*clause_starts, *contrast}) if contrast else clause_starts
        _mark_cues(hits, matcher, clauses, rules._scopes[lang])
        buckets: dict[tuple[int, int, bool], list[list[_Hit]]] = {}
        for hit in hits:
            for rule_index, group in matcher.members.get(hit.term, ()):
                if rule_index not in allowed:
                    continue
                rule = rules.rules[rule_index]
                if rule.window == "paragraph":
                    unit = 0
                elif rule.window == "sentence":
                    unit = _unit(sentence_starts, hit.start)
                else:
                    unit = _unit(clauses, hit.start)
                slots = buckets.setdefault(
                    (rule_index, unit, hit.conceded), [[] for _ in rule.groups]
                )
                slots[group].append(hit)
        for (rule_index, _, conceded), slots in buckets.items():
            rule = rules.rules[rule_index]
            chosen: list[_Hit] = []
            for group, candidates in enumerate(slots):
                want_negated = rule.negated and group == 0
                eligible = [
                    h
                    for h in candidates
                    if _polarity_ok(h, want_negated, chosen[0] if chosen else None)
                    and all(h.end <= c.start or c.end <= h.start for c in chosen)
                ]
                if not eligible:
                    break
                # The first head hit; for the other groups the hit nearest to it.
                anchor = chosen[0].start if chosen else eligible[0].start
                chosen.append(min(eligible, key=lambda h: (abs(h.start - anchor), h.start)))
            else:
                spans = [(h.start, h.end) for h in chosen]
                head = chosen[0].negated_by
                if rule.negated and head is not None:
                    spans.append((head.start, head.end))
                confidence = rule.confidence * (CONCESSION_FACTOR if conceded else 1.0)
                out.append(_Firing(rule_index, tuple(sorted(spans)), confidence))
    return out


def _polarity_ok(hit: _Hit, want_negated: bool, head: _Hit | None) -> bool:
    """Whether a hit may fill a rule group, given negation.

    A context hit negated by the same cue as the head, or by a cue inside the
    head (``cannot afford to train``), counts as not negated.
    """
    cue = hit.negated_by
    if want_negated:
        return cue is not None
    if cue is None:
        return True
    return head is not None and (
        cue is head.negated_by or (head.start <= cue.start and cue.end <= head.end)
    )


def _merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted unique spans, dropping any that lies inside another."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    reach = -1
    for start, end in ordered:
        if end <= reach:
            continue
        out.append((start, end))
        reach = max(reach, end)
    return out


# ---------------------------------------------------------------------------
# attribution: who raised a stressor or proposed a remedy

_EN_NAME = r"(?<![\w’'])(?P<name>[A-Z][\w’'\-]*(?:[ \t]+(?:[A-Z]\.[ \t]*)?[A-Z][\w’'\-]*){0,3})"
_ZH_CHARS = "\u4e00-\u9fff"
_ZH_DOTTED = re.compile(rf"[{_ZH_CHARS}]{{1,10}}(?:·[{_ZH_CHARS}]{{1,8}})+")
_ZH_PAREN = r"(?:[（(][^（）()\n]{0,40}[）)])?"
_ZH_PLACE = r"(?:在[^，。；：,;:“”\"\n]{1,15}?)?"


@attrs.frozen
class _Attr:
    start: int
    end: int
    name: str
    alias: bool  # a short name to resolve against full names
    pronoun: bool = False


def _alternation(entries: Iterable[str]) -> str:
    ordered = sorted(set(entries), key=lambda e: (-len(e), e))
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


class _Attribution:
    """Finds ``X said`` and ``X说`` attributions in one language's text."""

    def __init__(self, language: str, cues: Mapping[str, tuple[str, ...]]) -> None:
        self.chars = _character_mode(language)
        verbs = cues.get("attribution", ())
        self.not_names = frozenset(cues.get("not_names", ()))
        self.boundaries = frozenset(cues.get("name_boundaries", ()))
        self.active = bool(verbs)
        if not verbs:
            return
        cue = _alternation(verbs)
        if self.chars:
            cue = rf"(?:{cue})(?![为之作])"
            roles = _alternation(cues.get("name_roles", ())) or r"(?!)"
            self.patterns = [
                re.compile(
                    rf"(?P<name>[{_ZH_CHARS}]{{1,10}}(?:·[{_ZH_CHARS}]{{1,8}})+)"
                    rf"{_ZH_PAREN}{_ZH_PLACE}(?P<cue>{cue})"
                ),
                re.compile(
                    rf"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\s*{_ZH_PAREN}\s*"
                    rf"{_ZH_PLACE}(?P<cue>{cue})"
                ),
                re.compile(rf"(?:{roles})(?P<name>[{_ZH_CHARS}]{{2,3}}?)(?P<cue>{cue})"),
            ]
            self.pronoun = re.compile(rf"(?<![其吉])(?P<pron>[他她])(?!们)(?P<cue>{cue})")
            self.cue = re.compile(cue)
        else:
            tail = rf"(?:,[^,“”\"\n]{{1,120}}?,)?,?\s+(?:[a-z]+ly\s+)?(?P<cue>{cue})\b"
            self.patterns = [
                re.compile(rf"{_EN_NAME}(?={tail})"),
                re.compile(rf"\b(?P<cue>said|says|according\s+to)\s+{_EN_NAME}"),
            ]
            self.pronoun = re.compile(
                rf"\b(?P<pron>[Ss]he|[Hh]e)\s+(?:[a-z]+ly\s+)?(?P<cue>{cue})\b"
            )
            self.cue = re.compile(rf"\b(?:{cue})\b")

    def find(self, text: str) -> list[_Attr]:
        """Attributions in ``text``, by position (names not yet resolved)."""
        if not self.active:
            return []
        found: list[_Attr] = []
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                name = self._clean(m.group("name"))
                if name:
                    end = m.end("cue") if m.group("cue") and m.end("cue") > 0 else m.end()
                    found.append(_Attr(m.start(), max(end, m.end()), name, self._is_alias(name)))
        found.extend(
            _Attr(m.start(), m.end(), m.group("pron"), False, pronoun=True)
            for m in self.pronoun.finditer(text)
        )
        # Names inside an appositive ("Ada Quill, a researcher at Example Labs,
        # said") end at the same cue as the name before it: keep the first.
        first: dict[int, _Attr] = {}
        for attr in sorted(found, key=lambda a: (a.start, a.end)):
            first.setdefault(attr.end, attr)
        return sorted(first.values(), key=lambda a: (a.start, a.end))

    def names(self, text: str) -> list[str]:
        """Full names written in ``text`` without an attribution cue (Chinese dotted names)."""
        if not self.chars:
            return []
        return [n for n in (self._clean(m.group()) for m in _ZH_DOTTED.finditer(text)) if n]

    def aliases(self, text: str, aliases: Iterable[str]) -> list[_Attr]:
        """``alias + cue`` attributions of short names already known.

        Each cue checks the few characters before it against a set of names,
        so the work is linear in the text whatever the number of names.
        """
        known = frozenset(aliases)
        if not self.active or not known:
            return []
        longest = max(len(a) for a in known)
        out = []
        for m in self.cue.finditer(text):
            end = m.start()
            while end > 0 and text[end - 1] in _SPACE:
                end -= 1
            for size in range(min(longest, end), 1, -1):
                if text[end - size : end] in known:
                    out.append(_Attr(end - size, m.end(), text[end - size : end], True))
                    break
        return out

    def _clean(self, raw: str) -> str:
        if self.chars:
            if "·" in raw:
                first, rest = raw.split("·", 1)
                cut = max((i for i, ch in enumerate(first) if ch in self.boundaries), default=-1)
                first = first[cut + 1 :][-6:]
                return f"{first}·{rest}" if first else ""
            return raw.strip()
        words = raw.split()
        while words and words[0].rstrip(".") in self.not_names:
            words.pop(0)
        if not words or any(w.endswith(("’s", "'s")) for w in words):
            return ""
        return " ".join(words)

    def _is_alias(self, name: str) -> bool:
        if self.chars:
            return "·" not in name and not _LATIN.search(name) and len(name) < 2
        return " " not in name


class _People:
    """The people an article's attributions (and quotes) name, resolved once."""

    def __init__(self, article: Article, rules: RuleSet, quotes: Sequence[Quote]) -> None:
        finders = [a for a in rules._attribution.values() if a.active]
        found: list[tuple[int, _Attr]] = []
        full: dict[str, set[str]] = {}
        for index, block in enumerate(article.blocks):
            for finder in finders:
                for attr in finder.find(block.text):
                    found.append((index, attr))
                    if not attr.alias and not attr.pronoun:
                        full.setdefault(attr.name, set())
                for name in finder.names(block.text):
                    full.setdefault(name, set())
        alias_of: dict[str, str] = {}
        for name in full:
            parts = _NAME_PARTS.split(name)
            for part in parts[1:] + parts[:1]:
                if len(part) >= 2 and part != name:
                    alias_of.setdefault(part, name)
        if any(f.chars for f in finders) and alias_of:
            for index, block in enumerate(article.blocks):
                for finder in finders:
                    if finder.chars:
                        found.extend((index, a) for a in finder.aliases(block.text, alias_of))
        speakers: dict[str, Person] = {}
        for quote in quotes:
            if quote.speaker is not None:
                for name in quote.speaker.names:
                    speakers.setdefault(name, quote.speaker)
        resolved: list[tuple[int, int, int, str]] = []
        last: str | None = None
        for index, attr in sorted(found, key=lambda f: (f[0], f[1].start, f[1].end)):
            who: str | None = attr.name
            if attr.pronoun:
                who = last
            elif attr.alias or attr.name in alias_of:
                who = attr.name if attr.name in full else alias_of.get(attr.name)
                if who is not None and attr.name != who:
                    full[who].add(attr.name)
            if who is None:
                continue
            last = who
            offset = article.block_span(index).start
            resolved.append((index, offset + attr.start, offset + attr.end, who))
        self.people: dict[str, Person] = {}
        for name, aliases in full.items():
            quoted = speakers.get(name) or next(
                (speakers[a] for a in aliases if a in speakers), None
            )
            self.people[name] = quoted or Person(name, aliases=sorted(aliases))
        self.by_block: dict[int, list[tuple[int, int, Person]]] = {}
        for index, start, end, name in resolved:
            self.by_block.setdefault(index, []).append((start, end, self.people[name]))
        for quote in quotes:
            if quote.speaker is None:
                continue
            for span in quote.spans:
                if span.doc != article.id or not 0 <= span.start <= len(article.text):
                    continue
                index = article.block_at(span.start)
                self.by_block.setdefault(index, []).append((span.start, span.end, quote.speaker))
        self.quotes = sorted(
            (
                (span.start, span.end, q.speaker)
                for q in quotes
                if q.speaker is not None
                for span in q.spans
                if span.doc == article.id
            ),
            key=lambda item: (item[0], item[1]),
        )
        self._quote_starts = [start for start, _, _ in self.quotes]

    def person_for(
        self, block: int, evidence: Sequence[Span], sentences: Sequence[tuple[int, int]]
    ) -> Person | None:
        """The person a quote holding the evidence, or an attribution near it, names.

        Looks at the first few evidence spans only and finds sentences and
        quotes by bisection, so a block with many tags stays linear.
        """
        looked = evidence[:_EVIDENCE_LOOKED_AT]
        for span in looked:
            at = bisect.bisect_right(self._quote_starts, span.start)
            for start, end, speaker in self.quotes[max(0, at - 2) : at]:
                if start <= span.start and span.end <= end:
                    return speaker
        candidates = self.by_block.get(block, ())
        if not candidates:
            return None
        sentence_starts = [s for s, _ in sentences]
        for span in looked:
            i = bisect.bisect_right(sentence_starts, span.start) - 1
            if i < 0 or span.start >= sentences[i][1]:
                continue
            s_start, s_end = sentences[i]
            inside = [c for c in candidates if c[0] < s_end and s_start < c[1]]
            if inside:
                return min(inside, key=lambda c: abs(c[0] - span.start))[2]
        first = evidence[0].start if evidence else 0
        return min(candidates, key=lambda c: abs(c[0] - first))[2]


# ---------------------------------------------------------------------------
# the tagger


class Tagger:
    """Tags articles with one taxonomy and one compiled rule set.

    Args:
        taxonomy: The categories to tag (default: :func:`aistress.taxonomy.default`).
        rules: The rules to use. By default, the rule files the taxonomy names
            (``"rules"`` in its file) or, if it names none, the rules aistress
            ships; rules for categories the taxonomy lacks are then ignored.
            Rules passed explicitly must all name categories of the taxonomy
            (else :class:`RuleError`).
        min_confidence: Tags with a lower confidence are dropped.

    >>> from aistress.model import Article, Block
    >>> tagger = Tagger()
    >>> a = Article("z1", "zh", "news", blocks=[Block("paragraph", "她建议减少会议。")])
    >>> [(t.category, t.proposed_by) for t in tagger.tag(a, quotes=())]
    [('fewer_conferences', None)]
    """

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        rules: RuleSet | None = None,
        *,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    ) -> None:
        if taxonomy is not None and not isinstance(taxonomy, Taxonomy):
            raise TypeError(f"taxonomy must be a Taxonomy, not {type(taxonomy).__name__}")
        if rules is not None and not isinstance(rules, RuleSet):
            raise TypeError(f"rules must be a RuleSet, not {type(rules).__name__}")
        if not 0.0 <= min_confidence <= 1.0:
            raise ValueError(f"min_confidence must lie between 0 and 1 (got {min_confidence})")
        self.taxonomy = taxonomy if taxonomy is not None else default_taxonomy()
        if rules is None:
            if self.taxonomy.rules and self.taxonomy != default_taxonomy():
                rules = load_rules(*self.taxonomy.rule_paths())
            else:
                rules = default_rules()
        else:
            rules.check(self.taxonomy)
        self.rules = rules
        self.min_confidence = min_confidence
        self._allowed = frozenset(
            i for i, r in enumerate(rules.rules) if r.category in self.taxonomy
        )

    def tag(self, article: Article, *, quotes: Sequence[Quote] | None = None) -> tuple[Tag, ...]:
        """Tag every block of ``article``; see :func:`tag`."""
        if not isinstance(article, Article):
            raise TypeError(f"article must be an Article, not {type(article).__name__}")
        if quotes is None:
            quotes = _default_quotes(article)
        people: _People | None = None
        out: list[Tag] = []
        for index, block in enumerate(article.blocks):
            language = _block_language(block, article.language)
            found = self._block(block, language)
            if not found:
                continue
            offset = article.block_span(index).start
            if people is None:
                people = _People(article, self.rules, quotes)
            sentences = [(offset + a, offset + b) for a, b in split_sentences(block.text, language)]
            for category, rule_id, confidence, spans in found:
                evidence = [Span(article.id, offset + a, offset + b) for a, b in spans]
                person = people.person_for(index, evidence, sentences)
                out.append(_make(category, evidence, rule_id, confidence, index, person))
        return tuple(out)

    def tag_text(
        self, text: str, *, language: str | None = None, doc: str = "text"
    ) -> tuple[Tag, ...]:
        """Tag a plain string as one paragraph (spans name ``doc``).

        Useful for aligned segments: ``labels(tagger.tag_text(sentence))``.
        Attribution is not resolved for plain text. ``language`` defaults to
        a guess from the script.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        if language is None:
            language = detect_language(text)
        block = Block("paragraph", text, language=None)
        return tuple(
            _make(category, [Span(doc, a, b) for a, b in spans], rule_id, confidence, None, None)
            for category, rule_id, confidence, spans in self._block(block, language)
        )

    def labels(self, article: Article, *, kind: CategoryKind | str | None = None) -> frozenset[str]:
        """The document-level labels of ``article`` (union of its block tags)."""
        return labels(self.tag(article, quotes=()), kind=kind)

    def _block(
        self, block: Block, language: str
    ) -> list[tuple[Category, str, float, list[tuple[int, int]]]]:
        firings = _firings(self.rules, self._allowed, block.text, language)
        by_category: dict[str, list[_Firing]] = {}
        for firing in firings:
            by_category.setdefault(self.rules.rules[firing.rule].category, []).append(firing)
        out = []
        for category in self.taxonomy:
            group = by_category.get(category.id)
            if not group:
                continue
            miss = 1.0
            for firing in group:
                miss *= 1.0 - firing.confidence
            confidence = round(1.0 - miss, 4)
            if confidence < self.min_confidence:
                continue
            best = min(group, key=lambda f: (-f.confidence, f.rule))
            spans = _merge_spans(s for f in group for s in f.spans)
            out.append((category, self.rules.rules[best.rule].id, confidence, spans))
        return out


def _block_language(block: Block, language: str) -> str:
    """The block's own language, else the article's unless the script says otherwise."""
    if block.language:
        return block.language
    if is_chinese(language) != (detect_language(block.text) == "zh"):
        return detect_language(block.text)
    return language


def _make(
    category: Category,
    evidence: Sequence[Span],
    rule: str,
    confidence: float,
    block: int | None,
    person: Person | None,
) -> Tag:
    if category.is_stressor:
        return Stressor(category.id, evidence, rule, confidence, block, raised_by=person)
    return Remedy(category.id, evidence, rule, confidence, block, proposed_by=person)


def _default_quotes(article: Article) -> Sequence[Quote]:
    """The article's direct quotes, from ``aistress.quotes.extract_quotes``."""
    return [q for q in extract_quotes(article) if q.kind is QuoteKind.DIRECT]


class _Identity:
    """Hashes and compares by identity, so caches never mix up equal objects."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Identity) and other.value is self.value


@functools.lru_cache(maxsize=32)
def _cached_tagger(taxonomy: _Identity, rules: _Identity, min_confidence: float) -> Tagger:
    return Tagger(taxonomy.value, rules.value, min_confidence=min_confidence)  # type: ignore[arg-type]


def _tagger(taxonomy: Taxonomy | None, rules: RuleSet | None, min_confidence: float) -> Tagger:
    return _cached_tagger(_Identity(taxonomy), _Identity(rules), float(min_confidence))


def tag(
    article: Article,
    *,
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    quotes: Sequence[Quote] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> tuple[Tag, ...]:
    """Tag an article with stressors and remedies, block by block, with evidence.

    Args:
        article: The article to tag.
        taxonomy: The categories (default: the shipped taxonomy).
        rules: The rules (default: those of the taxonomy; see :class:`Tagger`).
        quotes: Quotes of the article, used to name who raised a stressor or
            proposed a remedy. ``None`` extracts them with
            ``aistress.quotes.extract_quotes``; pass ``()`` to skip.
        min_confidence: Drop tags below this confidence.

    Returns:
        One tag per block and category, in block order and, within a block,
        in taxonomy order. The same article always yields the same tags.

    Tagging is linear in the article's length (see the module docs). A
    compiled tagger is cached per taxonomy and rule set object.
    """
    return _tagger(taxonomy, rules, min_confidence).tag(article, quotes=quotes)


def tag_text(
    text: str,
    *,
    language: str | None = None,
    doc: str = "text",
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> tuple[Tag, ...]:
    """Tag a plain string as one paragraph; see :meth:`Tagger.tag_text`.

    Linear in the length of ``text``, like :func:`tag`.

    >>> [(t.category, t.rule) for t in tag_text("Nobody here takes a day off.")]
    [('overwork', 'en.overwork.no_rest')]
    >>> [t.category for t in tag_text("我们从不加班。")]
    []
    """
    return _tagger(taxonomy, rules, min_confidence).tag_text(text, language=language, doc=doc)


def labels(
    tags: Iterable[Tag],
    *,
    kind: CategoryKind | str | None = None,
    min_confidence: float = 0.0,
) -> frozenset[str]:
    """The document-level labels: the set of categories of ``tags``.

    Args:
        tags: Paragraph-level tags (of one document).
        kind: ``"stressor"`` or ``"remedy"`` to keep one kind only.
        min_confidence: Ignore tags below this confidence.

    >>> tags = [Stressor("pace"), Remedy("counseling"), Stressor("pace")]
    >>> sorted(labels(tags)), sorted(labels(tags, kind="remedy"))
    (['counseling', 'pace'], ['counseling'])
    """
    wanted: type[Stressor] | type[Remedy] | None = None
    if kind is not None:
        wanted = Stressor if CategoryKind(kind) is CategoryKind.STRESSOR else Remedy
    return frozenset(
        t.category
        for t in tags
        if t.confidence >= min_confidence and (wanted is None or isinstance(t, wanted))
    )


# ---------------------------------------------------------------------------
# corpus matrix and evaluation


def _str_tuple(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _int_rows(rows: Iterable[Iterable[int]]) -> tuple[tuple[int, ...], ...]:
    return tuple(tuple(int(c) for c in row) for row in rows)


@attrs.frozen
class TagMatrix:
    """Documents by categories: how many blocks of each document carry each category.

    >>> m = TagMatrix(("d1", "d2"), ("pace", "counseling"), ((2, 0), (0, 1)))
    >>> m["d1", "pace"], m.row("d2")
    (2, {'pace': 0, 'counseling': 1})
    >>> print(m.to_csv(), end="")
    document,pace,counseling
    d1,2,0
    d2,0,1
    """

    documents: tuple[str, ...] = attrs.field(converter=_str_tuple)
    categories: tuple[str, ...] = attrs.field(converter=_str_tuple)
    counts: tuple[tuple[int, ...], ...] = attrs.field(converter=_int_rows)

    def __attrs_post_init__(self) -> None:
        if len(self.counts) != len(self.documents) or any(
            len(row) != len(self.categories) for row in self.counts
        ):
            raise ValueError("counts must have one row per document and one column per category")

    def __getitem__(self, key: tuple[str, str]) -> int:
        document, category = key
        return self.counts[self.documents.index(document)][self.categories.index(category)]

    def row(self, document: str) -> dict[str, int]:
        """The counts of one document, by category."""
        return dict(zip(self.categories, self.counts[self.documents.index(document)], strict=True))

    def column(self, category: str) -> dict[str, int]:
        """The counts of one category, by document."""
        j = self.categories.index(category)
        return {d: row[j] for d, row in zip(self.documents, self.counts, strict=True)}

    def totals(self) -> dict[str, int]:
        """The number of tagged blocks per category over all documents."""
        return {c: sum(row[j] for row in self.counts) for j, c in enumerate(self.categories)}

    def to_csv(self, file: str | os.PathLike[str] | io.TextIOBase | None = None) -> str:
        """Write the matrix as CSV (header ``document,<category ids>``); return the text.

        ``file`` may be a path or an open text file; ``None`` only returns it.
        """
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(("document", *self.categories))
        for document, row in zip(self.documents, self.counts, strict=True):
            writer.writerow((document, *row))
        text = buffer.getvalue()
        if isinstance(file, (str, os.PathLike)):
            Path(file).write_text(text, encoding="utf-8")
        elif file is not None:
            file.write(text)
        return text


def matrix(
    items: Corpus | Source | Iterable[Article],
    *,
    taxonomy: Taxonomy | None = None,
    rules: RuleSet | None = None,
    tags: Mapping[str, Sequence[Tag]] | None = None,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
) -> TagMatrix:
    """Count tagged blocks per document and category.

    Args:
        items: A :class:`~aistress.model.Corpus`, a
            :class:`~aistress.model.Source` or any articles.
        taxonomy: Categories (the matrix columns, in taxonomy order).
        rules: Rules to tag with (see :class:`Tagger`).
        tags: Tags already computed, by article id; articles missing from it
            are tagged.
        min_confidence: Count only tags at least this confident.

    Returns:
        A :class:`TagMatrix`; :meth:`TagMatrix.to_csv` exports it.

    Time is linear in the total length of the articles.
    """
    tagger = _tagger(taxonomy, rules, min_confidence)
    if isinstance(items, (Corpus, Source)):
        articles: Iterable[Article] = items.articles
    else:
        articles = items
    columns = tagger.taxonomy.ids
    position = {c: j for j, c in enumerate(columns)}
    documents: list[str] = []
    rows: list[list[int]] = []
    for article in articles:
        found = tags.get(article.id) if tags is not None else None
        if found is None:
            found = tagger.tag(article, quotes=())
        row = [0] * len(columns)
        for t in found:
            j = position.get(t.category)
            if j is not None and t.confidence >= min_confidence:
                row[j] += 1
        documents.append(article.id)
        rows.append(row)
    return TagMatrix(documents, columns, rows)


@attrs.frozen
class LabelScores:
    """Precision and recall of predicted labels against gold labels.

    An empty prediction has precision 1; an empty gold set has recall 1.

    >>> s = score_labels({"pace", "overwork"}, {"pace", "churn"})
    >>> s.precision, s.recall, s.false_positives
    (0.5, 0.5, ('overwork',))
    """

    precision: float
    recall: float
    f1: float
    true_positives: tuple[str, ...]
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]


def score_labels(predicted: Iterable[str], gold: Iterable[str]) -> LabelScores:
    """Compare a set of predicted labels with a set of gold labels."""
    p, g = set(predicted), set(gold)
    tp, fp, fn = sorted(p & g), sorted(p - g), sorted(g - p)
    precision = len(tp) / len(p) if p else 1.0
    recall = len(tp) / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return LabelScores(
        round(precision, 4), round(recall, 4), round(f1, 4), tuple(tp), tuple(fp), tuple(fn)
    )
