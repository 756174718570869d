"""Scoring alignments against gold beads, and the bead file format.

Strict and lax precision, recall and F1 as used in the sentence-alignment
literature (Vecalign, Bertalign):

- **strict**: a test bead counts only if exactly the same bead is in the gold;
- **lax**: a test bead that is not exact still counts if some source index
  of it is aligned in the gold to a target index the test bead also holds;
- **precision** is over the test beads (beads empty on both sides are
  ignored, duplicates count once); **recall** is the same computation with
  gold and test swapped, after dropping beads with an empty side from both;
  counts are pooled over documents before the ratios are taken.

When the gold is coarser than the segments (verses of the Bible set),
:func:`merge_within_units` first merges consecutive test beads that fall
inside one unit, exactly as the published Bible scoring does.

The bead file holds one bead a line, source indices then target indices,
0-based: ``[0,1]:[0]``, ``[]:[5]``.

>>> gold = [Bead((0,), (0,)), Bead((1,), (1, 2))]
>>> test = [Bead((0,), (0,)), Bead((1,), (1,)), Bead((), (2,))]
>>> s = evaluate(test, gold)
>>> round(s.precision_strict, 3), round(s.recall_strict, 3), round(s.f1_lax, 3)
(0.333, 0.5, 0.8)
>>> format_bead(Bead((0, 1), (0,))), format_bead(Bead((), (5,)))
('[0,1]:[0]', '[]:[5]')
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from aistress.errors import ParseError
from aistress.io.atomic import write_text
from aistress.model import Alignment, Bead

__all__ = [
    "Scores",
    "evaluate",
    "format_bead",
    "merge_within_units",
    "parse_beads",
    "read_beads",
    "write_beads",
]

BeadsLike = Alignment | Sequence[Bead]


@attrs.frozen
class Scores:
    """Strict and lax precision, recall and F1, with the pooled counts behind them.

    Attributes:
        precision_strict: Share of test beads found exactly in the gold.
        recall_strict: Share of gold beads (no insertions or deletions)
            found exactly in the test.
        f1_strict: Harmonic mean of the two.
        precision_lax: Share of test beads that overlap a gold bead on both sides.
        recall_lax: The same, gold against test.
        f1_lax: Harmonic mean of the two.
        test_beads: Test beads counted for precision.
        gold_beads: Gold beads counted for recall.
    """

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float
    test_beads: int
    gold_beads: int

    def as_dict(self) -> dict[str, float]:
        """The six scores by name, for reports."""
        return {
            "precision_strict": self.precision_strict,
            "recall_strict": self.recall_strict,
            "f1_strict": self.f1_strict,
            "precision_lax": self.precision_lax,
            "recall_lax": self.recall_lax,
            "f1_lax": self.f1_lax,
        }


_Key = tuple[tuple[int, ...], tuple[int, ...]]


def _keys(beads: Iterable[Bead]) -> set[_Key]:
    return {(b.source, b.target) for b in beads if b.source or b.target}


def _counts(gold: set[_Key], test: set[_Key]) -> tuple[int, int, int, int]:
    """``(strict hits, strict misses, lax hits, lax misses)`` of ``test`` against ``gold``."""
    partners: dict[int, set[int]] = {}
    for src, tgt in gold:
        for s in src:
            partners.setdefault(s, set()).update(tgt)
    strict_hit = strict_miss = lax_hit = lax_miss = 0
    for src, tgt in test:
        if (src, tgt) in gold:
            strict_hit += 1
            lax_hit += 1
            continue
        strict_miss += 1
        reachable: set[int] = set()
        for s in src:
            reachable |= partners.get(s, set())
        if reachable.intersection(tgt):
            lax_hit += 1
        else:
            lax_miss += 1
    return strict_hit, strict_miss, lax_hit, lax_miss


def _beads(value: BeadsLike) -> Sequence[Bead]:
    return value.beads if isinstance(value, Alignment) else value


def _ratio(hit: int, miss: int) -> float:
    return hit / (hit + miss) if hit + miss else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(
    test: BeadsLike | Sequence[BeadsLike], gold: BeadsLike | Sequence[BeadsLike]
) -> Scores:
    """Score test beads against gold beads, pooling counts over documents.

    Args:
        test: The alignment to score: an :class:`~aistress.model.Alignment`,
            a sequence of :class:`~aistress.model.Bead`, or a sequence of
            those (one per document).
        gold: The gold alignment(s), in the same shape as ``test``.

    Time linear in the number of beads.
    """
    tests = _documents(test)
    golds = _documents(gold)
    if len(tests) != len(golds):
        raise ValueError(f"{len(tests)} test documents but {len(golds)} gold documents")
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for t_doc, g_doc in zip(tests, golds, strict=False):
        t_keys, g_keys = _keys(t_doc), _keys(g_doc)
        for k, v in enumerate(_counts(g_keys, t_keys)):
            p[k] += v
        t_full = {(s, t) for s, t in t_keys if s and t}
        g_full = {(s, t) for s, t in g_keys if s and t}
        for k, v in enumerate(_counts(t_full, g_full)):
            r[k] += v
    ps, pl = _ratio(p[0], p[1]), _ratio(p[2], p[3])
    rs, rl = _ratio(r[0], r[1]), _ratio(r[2], r[3])
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl), p[0] + p[1], r[0] + r[1])


def _documents(value: BeadsLike | Sequence[BeadsLike]) -> list[Sequence[Bead]]:
    if isinstance(value, Alignment):
        return [value.beads]
    items = list(value)
    if items and all(isinstance(x, Bead) for x in items):
        return [items]  # type: ignore[list-item]
    if not items:
        return [[]]
    return [_beads(x) for x in items]  # type: ignore[arg-type]


def merge_within_units(
    beads: Sequence[Bead], source_units: Sequence[str], target_units: Sequence[str]
) -> list[Bead]:
    """Merge consecutive beads that lie inside one unit (a verse), as the Bible scoring does.

    A bead belongs to a unit when all its source indices and all its target
    indices carry that unit's label (an empty side matches any label). Walking
    the beads in order, a bead is merged into the previous one when both
    belong to the same unit; beads spanning several units stay as they are.

    >>> units_en, units_zh = ["v1", "v2"], ["v1", "v1", "v2"]
    >>> merged = merge_within_units(
    ...     [Bead((0,), (0,)), Bead((), (1,)), Bead((1,), (2,))], units_en, units_zh)
    >>> [format_bead(b) for b in merged]
    ['[0]:[0,1]', '[1]:[2]']
    """
    out: list[Bead] = []
    last: str | None = None
    for bead in beads:
        unit = _unit_of(bead, source_units, target_units)
        if last is not None and unit == last:
            prev = out[-1]
            out[-1] = Bead(
                tuple(sorted({*prev.source, *bead.source})),
                tuple(sorted({*prev.target, *bead.target})),
                prev.score + bead.score,
            )
        else:
            out.append(bead)
        last = unit
    return out


def _unit_of(bead: Bead, source_units: Sequence[str], target_units: Sequence[str]) -> str | None:
    src = {source_units[i] for i in bead.source}
    tgt = {target_units[j] for j in bead.target}
    if len(src) > 1 or len(tgt) > 1:
        return None
    if src and tgt:
        return src.pop() if src == tgt else None
    both = src or tgt
    return both.pop() if both else None


# ---------------------------------------------------------------------------
# bead files

_BEAD_LINE = re.compile(r"^\s*\[(?P<s>[0-9,\s]*)\]\s*:\s*\[(?P<t>[0-9,\s]*)\]\s*$")


def format_bead(bead: Bead) -> str:
    """One bead in the bead file format: ``[0,1]:[0]``."""
    return "[{}]:[{}]".format(
        ",".join(str(i) for i in bead.source), ",".join(str(j) for j in bead.target)
    )


def write_beads(beads: BeadsLike, path: str | os.PathLike[str] | None = None) -> str:
    """Return the bead file text for ``beads``; also write it to ``path`` if given."""
    text = "".join(format_bead(b) + "\n" for b in _beads(beads))
    if path is not None:
        write_text(path, text)
    return text


def parse_beads(text: str, path: str | None = None) -> list[Bead]:
    r"""Parse bead file text; blank lines are skipped.

    Raises:
        ParseError: On a line that is not a bead, naming the line and column.

    >>> parse_beads(chr(10).join(["[0,1]:[0]", "[]:[1]"]))
    [Bead(source=(0, 1), target=(0,), score=0.0), Bead(source=(), target=(1,), score=0.0)]
    """
    out: list[Bead] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _BEAD_LINE.match(line)
        if match is None:
            column = _first_bad_column(line)
            raise ParseError(
                path, number, column, "expected a bead such as [0,1]:[2] (indices in brackets)"
            )
        try:
            src = _indices(match.group("s"))
            tgt = _indices(match.group("t"))
            out.append(Bead(src, tgt))
        except ValueError as exc:
            raise ParseError(path, number, 1, f"not a valid bead: {exc}") from None
    return out


def read_beads(path: str | os.PathLike[str]) -> list[Bead]:
    """Read a bead file (UTF-8); see :func:`parse_beads`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(str(path), 0, 0, f"not UTF-8 text: {exc.reason}") from None
    return parse_beads(text, str(path))


def _indices(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    if parts == [""]:
        return ()
    if any(not p.isdigit() for p in parts):
        raise ValueError(f"bad index list [{text}]")
    return tuple(int(p) for p in parts)


def _first_bad_column(line: str) -> int:
    for k, ch in enumerate(line, start=1):
        if ch not in "[]:, 0123456789\t":
            return k
    return 1
