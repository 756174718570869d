"""Rule files: their shape, validation, and the compiled :class:`RuleSet`.

Rules are data (``aistress/data/rules/en.json`` and ``zh.json``, described in
the tagging guide). A rule names a category and either a list of ``terms`` or
``all``: a list of term groups that must all occur in one window (a clause,
sentence or paragraph). A term is a phrase, a ``@group`` reference or a
``re:`` regular expression.
"""

from __future__ import annotations

import functools
import itertools
import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from aistress.data import load_json
from aistress.errors import RuleError as RuleError
from aistress.tagging.matcher import _Matcher
from aistress.taxonomy import Taxonomy, checked_object, load_json_file

__all__ = ["Rule", "RuleSet", "calibrate", "default_rules", "load_rules"]

_WINDOWS = ("clause", "sentence", "paragraph")
# Cue kinds whose entries are matched in text like terms.
_MATCHED_CUES = (
    "negation",
    "pseudo_negation",
    "post_negation",
    "concession",
    "contrast",
    "rejection",
    "minority",
)
_CUE_KINDS = (*_MATCHED_CUES, "question_labels")
_FILE_KEYS = frozenset(
    {"language", "description", "negation_scope", "unstemmed", "cues", "groups", "rules"}
)
_RULE_KEYS = frozenset(
    {"id", "category", "terms", "all", "window", "negated", "confidence", "note"}
)
_RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "rules"
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*")
_NAME_PARTS = re.compile(r"[·\s]+")


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

    def __init__(
        self,
        documents: Sequence[tuple[str | None, Mapping[str, Any]]],
        curve: Sequence[tuple[float, float]] = (),
        threshold: float | None = None,
    ) -> None:
        """Compile parsed rule documents; use :meth:`from_dicts` or :func:`load_rules`."""
        self._documents = tuple((path, document) for path, document in documents)
        #: Points ``(raw, calibrated)`` of a monotone map applied to a tag's
        #: combined confidence (empty: none); see :func:`calibrate`.
        self.curve: tuple[tuple[float, float], ...] = tuple((float(a), float(b)) for a, b in curve)
        #: The calibrated confidence the rules alone tag from by default (None:
        #: the tagger's ``DEFAULT_MIN_CONFIDENCE``); see :func:`calibrate`.
        self.threshold: float | None = None if threshold is None else float(threshold)
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
        #: Per rule, its window (0 paragraph, 1 sentence, 2 clause) and number of groups.
        self._layout = tuple((2 - _WINDOWS.index(r.window), len(r.groups)) for r in self.rules)

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
        return (_rebuild, (self._documents, self.curve, self.threshold))

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
        """Raise :class:`~aistress.errors.RuleError` if a rule names an unknown category."""
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


def _rebuild(
    documents: tuple[tuple[str | None, Mapping[str, Any]], ...],
    curve: tuple[tuple[float, float], ...] = (),
    threshold: float | None = None,
) -> RuleSet:
    return RuleSet(list(documents), curve, threshold)


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
    document = checked_object(document, _FILE_KEYS, path, error=RuleError)
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
    key = matcher.key(entry)
    if key[0] == "re":
        try:
            # Compiled as the matcher compiles it, so that ``re`` compiles it once.
            pattern = re.compile(entry[3:], re.IGNORECASE)
        except re.error as exc:
            raise _fail(path, field, f"bad regular expression: {exc}") from None
        if pattern.match(""):
            raise _fail(path, field, "regular expression must not match the empty string")
    elif not key[1]:
        raise _fail(path, field, f"has no letters or digits to match (got {entry!r})")
    return matcher.add(entry, key)


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
    raw = checked_object(raw, _RULE_KEYS, path, where, RuleError)
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
        terms: dict[str, int] = {}  # term to its id, in order
        for j, entry in enumerate(entries):
            if entry.startswith("@"):
                if entry[1:] not in groups:
                    raise _fail(path, f"{field}[{j}]", f"unknown group {entry!r}")
                for k, member in enumerate(groups[entry[1:]]):
                    terms[member] = _add_term(matcher, member, path, f"groups.{entry[1:]}[{k}]")
            else:
                terms[entry] = _add_term(matcher, entry, path, f"{field}[{j}]")
        unique = tuple(terms)
        for term_id in terms.values():
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
    documents: list[tuple[str | None, Mapping[str, Any]]] = [
        load_json_file(p, RuleError) for p in paths
    ]
    return RuleSet(documents)


@functools.cache
def default_rules() -> RuleSet:
    """The rules aistress ships for its taxonomy (English and Chinese), read once.

    Their confidences are the calibrated ones of ``calibration.json`` where it
    lists the rule (see :func:`calibrate`).
    """
    documents = [
        (str(_RULES_DIR / f"{lang}.json"), load_json(f"rules/{lang}.json")) for lang in ("en", "zh")
    ]
    table = load_json("rules/calibration.json")
    # The calibrated documents are compiled once (compiling is most of the cost).
    return RuleSet(
        _calibrated(documents, table["confidence"]),
        [tuple(p) for p in table.get("curve", ())],
        table.get("threshold"),
    )


def calibrate(
    rules: RuleSet,
    confidence: Mapping[str, float],
    curve: Sequence[tuple[float, float]] = (),
    threshold: float | None = None,
) -> RuleSet:
    """The same rules with the confidences of ``confidence`` (rule id to confidence).

    Rules it does not list keep the confidence their file gives them.
    ``curve`` (points ``(raw, calibrated)``, raw increasing) maps the
    combined confidence of a tag, by linear interpolation, onto the share of
    such tags found right (see ``apply_curve``); ``threshold`` is the
    calibrated confidence the rules alone tag from by default (None: the
    tagger's ``DEFAULT_MIN_CONFIDENCE``).

    Raises:
        RuleError: if a confidence lies outside ``(0, 1]``.
    """
    if threshold is not None and not 0.0 <= threshold <= 1.0:
        raise RuleError(None, "threshold", f"must lie between 0 and 1 (got {threshold})")
    return RuleSet(_calibrated(rules._documents, confidence), curve, threshold)


def _calibrated(
    documents: Sequence[tuple[str | None, Mapping[str, Any]]], confidence: Mapping[str, float]
) -> list[tuple[str | None, Mapping[str, Any]]]:
    """The rule documents with the confidences of ``confidence`` where it lists the rule."""
    out: list[tuple[str | None, Mapping[str, Any]]] = []
    for path, document in documents:
        patched = dict(document)
        patched["rules"] = [
            {**raw, "confidence": confidence[raw["id"]]}
            if isinstance(raw, Mapping) and raw.get("id") in confidence
            else raw
            for raw in document.get("rules", ())
        ]
        out.append((path, patched))
    return out


def apply_curve(curve: Sequence[tuple[float, float]], raw: float) -> float:
    """``raw`` mapped through the points of ``curve`` (identity when it is empty).

    >>> apply_curve([(0.0, 0.0), (0.5, 0.2), (1.0, 0.9)], 0.75)
    0.55
    """
    if not curve:
        return raw
    if raw <= curve[0][0]:
        return curve[0][1]
    for (a, fa), (b, fb) in itertools.pairwise(curve):
        if raw <= b:
            return fa if b == a else round(fa + (fb - fa) * (raw - a) / (b - a), 4)
    return curve[-1][1]
