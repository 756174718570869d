"""Scoring :func:`~aistress.comparison.compare` on source/derived pairs with planted changes.

A pair is a folder holding ``source.txt``, ``derived.txt`` and ``gold.json``.
The texts are plain: paragraphs separated by blank lines, the first one a
headline when it is a single line without a closing full stop. ``gold.json``
says how the two relate and which changes were planted::

    {"relation": "translation" | "rewrite" | "summary",
     "source_lang": "en", "derived_lang": "zh", "derived_script": "Hant",
     "faithful": false,
     "changes": [{"kind": "number", "source_phrase": "60 hours",
                  "derived_phrase": "80 小时", "note": "..."}],
     "legitimate_changes": [...]}

A planted change is found when a discrepancy of a compatible kind points at
its phrase on either side, or cites on both sides words the change's two
phrases hold (the same wrong figure repeated in a headline); every
discrepancy that finds no planted change is a false alarm.

>>> gold = GoldChange("number", "60 hours", "80 小时")
>>> gold.accepts(DiscrepancyKind.NUMBER), gold.accepts(DiscrepancyKind.DATE)
(True, False)
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from aistress.errors import SchemaError
from aistress.model import (
    Article,
    Block,
    Comparison,
    Discrepancy,
    DiscrepancyKind,
    RelationKind,
    Span,
)

__all__ = [
    "GoldChange",
    "GoldPair",
    "PairScore",
    "load_pairs",
    "read_pair",
    "score_pair",
    "summarise",
]

_RELATIONS = {
    "translation": RelationKind.TRANSLATION_OF,
    "summary": RelationKind.SUMMARY_OF,
    "rewrite": RelationKind.REWRITE_OF,
}
_ARTICLE_KIND = {"translation": "translation", "summary": "summary", "rewrite": "rewrite"}

# A planted change of one kind may show as a discrepancy of a neighbouring
# kind: a summary's contradiction is a flipped polarity, number or date.
_ACCEPTS: dict[str, frozenset[DiscrepancyKind]] = {
    "contradiction": frozenset(
        {
            DiscrepancyKind.CONTRADICTION,
            DiscrepancyKind.POLARITY,
            DiscrepancyKind.NUMBER,
            DiscrepancyKind.DATE,
            DiscrepancyKind.ATTRIBUTION,
        }
    ),
    "polarity": frozenset({DiscrepancyKind.POLARITY, DiscrepancyKind.CONTRADICTION}),
}
_BLANK = re.compile(r"\n[ \t\u3000]*\n")
_END = re.compile(r"[.。!?！？]$")


@attrs.frozen
class GoldChange:
    """One planted change: its kind and the words that show it on each side."""

    kind: str
    source_phrase: str = ""
    derived_phrase: str = ""

    def accepts(self, kind: DiscrepancyKind) -> bool:
        """Whether a discrepancy of ``kind`` may report this change."""
        allowed = _ACCEPTS.get(self.kind)
        if allowed is not None:
            return kind in allowed
        return kind.value == self.kind


@attrs.frozen
class GoldPair:
    """A source, a derived text, and what was planted in it."""

    name: str
    source: Article
    derived: Article
    relation: RelationKind
    group: str
    faithful: bool
    changes: tuple[GoldChange, ...]


def _article(doc: str, text: str, language: str, kind: str) -> Article:
    parts = [p.strip() for p in _BLANK.split(text.replace("\r\n", "\n")) if p.strip()]
    title = None
    if (
        len(parts) > 1
        and "\n" not in parts[0]
        and not _END.search(parts[0])
        and len(parts[0]) < 160
    ):
        title = parts.pop(0)
    blocks = [
        Block("paragraph", " ".join(p.split()) if language == "en" else p.replace("\n", ""))
        for p in parts
    ]
    return Article(doc, language, kind, title=title, blocks=blocks)


def read_pair(folder: Path) -> GoldPair:
    """Read one pair folder (``source.txt``, ``derived.txt``, ``gold.json``)."""
    try:
        gold = json.loads((folder / "gold.json").read_text("utf-8"))
        relation = str(gold["relation"])
        source_lang = str(gold.get("source_lang", "en"))
        derived_lang = str(gold["derived_lang"])
        script = gold.get("derived_script")
        language = derived_lang if not script else f"{derived_lang}-{script}"
        source = _article(
            f"{folder.name}#source", (folder / "source.txt").read_text("utf-8"), source_lang, "news"
        )
        derived = _article(
            f"{folder.name}#derived",
            (folder / "derived.txt").read_text("utf-8"),
            language,
            _ARTICLE_KIND.get(relation, "rewrite"),
        )
        changes = tuple(
            GoldChange(
                str(c["kind"]),
                str(c.get("source_phrase") or ""),
                str(c.get("derived_phrase") or ""),
            )
            for c in gold.get("changes", ())
        )
        group = f"{relation} {language}"
        return GoldPair(
            folder.name,
            source,
            derived,
            _RELATIONS.get(relation, RelationKind.REWRITE_OF),
            group,
            bool(gold["faithful"]),
            changes,
        )
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise SchemaError(str(folder), f"not a comparison pair: {error}") from None


def load_pairs(root: Path) -> list[GoldPair]:
    """Every pair folder under ``root``, in name order."""
    return [read_pair(p) for p in sorted(root.iterdir()) if (p / "gold.json").is_file()]


def _norm(text: str) -> str:
    return "".join(text.split()).lower()


def _located(phrase: str, text: str) -> tuple[int, int] | None:
    """Where ``phrase`` is in ``text``, ignoring whitespace differences."""
    if not phrase:
        return None
    at = text.find(phrase)
    if at >= 0:
        return at, at + len(phrase)
    pattern = r"\s*".join(re.escape(ch) for ch in phrase if not ch.isspace())
    m = re.search(pattern, text, flags=re.IGNORECASE) if pattern else None
    return (m.start(), m.end()) if m else None


def _hits(spans: Sequence[Span], phrase: str, said: str, texts: dict[str, str]) -> bool:
    if not phrase:
        return False
    for span in spans:
        text = texts.get(span.doc, "")
        where = _located(phrase, text)
        if where and span.start < where[1] and where[0] < span.end:
            return True
        if where and span.start == span.end == where[0]:
            return True
    a, b = _norm(phrase), _norm(said)
    return bool(a and b) and (a in b or b in a)


def _finds(d: Discrepancy, change: GoldChange, texts: dict[str, str]) -> bool:
    if not change.accepts(d.kind):
        return False
    return (
        _hits(d.source, change.source_phrase, d.source_phrase, texts)
        or _hits(d.derived, change.derived_phrase, d.derived_phrase, texts)
        or _repeats(d, change, texts)
    )


def _repeats(d: Discrepancy, change: GoldChange, texts: dict[str, str]) -> bool:
    """Whether ``d`` cites, on both sides, words that the change's phrases hold."""
    sides = ((d.source, change.source_phrase), (d.derived, change.derived_phrase))
    for spans, phrase in sides:
        if not spans or not phrase:
            return False
        first = spans[0]
        cited = _norm(texts.get(first.doc, "")[first.start : first.end])
        if not cited or cited not in _norm(phrase):
            return False
    return True


def _texts(pair: GoldPair) -> dict[str, str]:
    out = {}
    for a in (pair.source, pair.derived):
        out[a.id] = a.text
        out[f"{a.id}#title"] = a.title or ""
        out[f"{a.id}#subtitle"] = a.subtitle or ""
    return out


@attrs.frozen
class PairScore:
    """What :func:`~aistress.comparison.compare` found on one pair."""

    name: str
    group: str
    faithful: bool
    found: tuple[str, ...]
    missed: tuple[str, ...]
    false_alarms: tuple[Discrepancy, ...]


def score_pair(pair: GoldPair, comparison: Comparison) -> PairScore:
    """Match a comparison's discrepancies against the changes planted in ``pair``."""
    texts = _texts(pair)
    found: list[str] = []
    missed: list[str] = []
    used: set[int] = set()
    for change in pair.changes:
        hits = [i for i, d in enumerate(comparison.discrepancies) if _finds(d, change, texts)]
        (found if hits else missed).append(change.kind)
        used.update(hits)
    alarms = tuple(d for i, d in enumerate(comparison.discrepancies) if i not in used)
    return PairScore(pair.name, pair.group, pair.faithful, tuple(found), tuple(missed), alarms)


def summarise(scores: Iterable[PairScore]) -> dict[str, object]:
    """Recall per change kind, false alarms per pair (faithful and all), per group."""
    scores = list(scores)
    found: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for s in scores:
        found.update(s.found)
        total.update(s.found)
        total.update(s.missed)
    faithful = [s for s in scores if s.faithful]
    groups: Counter[str] = Counter(s.group for s in scores)
    return {
        "pairs": len(scores),
        "faithful_pairs": len(faithful),
        "planted": sum(total.values()),
        "recall": {k: round(found[k] / total[k], 3) for k in sorted(total)},
        "found": dict(sorted(found.items())),
        "planted_by_kind": dict(sorted(total.items())),
        "recall_overall": round(sum(found.values()) / max(1, sum(total.values())), 3),
        "false_alarms_per_faithful_pair": round(
            sum(len(s.false_alarms) for s in faithful) / max(1, len(faithful)), 3
        ),
        "false_alarms_per_pair": round(
            sum(len(s.false_alarms) for s in scores) / max(1, len(scores)), 3
        ),
        "groups": dict(sorted(groups.items())),
    }
