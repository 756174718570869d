"""The attribution check: figures the derived text attaches to other people or organisations.

For every number of the derived text whose value the source states too (in
the aligned paragraphs, else anywhere in the source), the names in the
sentence around each are compared. If both sentences name some and none is
shared, the figure has moved.
"""

from __future__ import annotations

import re
from decimal import Decimal

from aistress.comparison._pair import Located, Pair, discrepancy
from aistress.comparison._words import NAME_RUN, generic_names
from aistress.model import Alignment, Article, Discrepancy, DiscrepancyKind
from aistress.people import script, transliteration_score

__all__ = ["attribution_discrepancies", "check_attribution"]

_MID_SENTENCE_CAPITAL = re.compile(r"(?<=[a-z,;:] )[A-Z][A-Za-z0-9&\-]*")


def _names(text: str, capitalised_inside: frozenset[str] | None) -> set[str]:
    """Organisation, product and person names in a sentence.

    A capitalised word that opens the sentence counts only if it has an inner
    capital (``OpenAI``) or the article also capitalises it mid-sentence, so
    "Engineers at Nova" yields only ``Nova``. With ``capitalised_inside``
    None, every opening word counts.
    """
    names = set()
    generic = generic_names()
    opening = len(text) - len(text.lstrip(" \"'“‘(「"))
    for match in NAME_RUN.finditer(text):
        words = match.group().split()
        if match.start() == opening and words:
            first = words[0]
            adverb = first.lower().endswith("ly") or text[match.start() + len(first) :].startswith(
                ","
            )
            if adverb or (
                capitalised_inside is not None
                and not any(c.isupper() for c in first[1:])
                and first not in capitalised_inside
            ):
                words = words[1:]
        words = [w for w in words if w.lower().strip("'’") not in generic]
        words = [w.removesuffix("’s").removesuffix("'s") for w in words]
        if words:
            names.add(" ".join(words))
    return names | _han_names(text)


def _capitalised_inside(article: Article) -> frozenset[str]:
    return frozenset(_MID_SENTENCE_CAPITAL.findall(article.text))


def _overlaps(a: set[str], b: set[str]) -> bool:
    """Whether two name sets share a name (one part of the other, or one spelling the other)."""
    return any(_same_name(x, y) for x in a for y in b)


def _same_name(x: str, y: str) -> bool:
    if x == y or x in y or y in x:
        return True
    if script(x) == script(y) or "han" not in (script(x), script(y)):
        return False
    han, latin = (x, y) if script(x) == "han" else (y, x)
    # Doubtful spellings count as the same: only a clear mismatch is a move.
    return transliteration_score(han, latin) >= 0.4


# A person's name transliterated into Chinese: parts joined by a middle dot.
_HAN_NAME = re.compile(r"[\u4e00-\u9fff]{1,6}[·・•‧][\u4e00-\u9fff]{1,8}")


def _han_names(text: str) -> set[str]:
    """Transliterated names in Chinese text (``丹尼尔·沃斯``), without a leading title."""
    return {m.group() for m in _HAN_NAME.finditer(text)}


def _value(n: Located) -> Decimal | None:
    q = n.quantity
    if q.value is None or q.kind not in ("cardinal", "money", "percent"):
        return None
    if q.value < 10 and q.kind == "cardinal":
        return None  # "second", "3": too common to carry a claim
    return q.value


def check_attribution(pair: Pair) -> list[Discrepancy]:
    """Figures the derived text attaches to other names than the source does."""
    source, derived = pair.source, pair.derived
    if not source.blocks or not derived.blocks:
        return []
    by_value: dict[Decimal, list[Located]] = {}
    for number in pair.numbers_of(source, range(len(source.blocks))):
        value = _value(number)
        if value is not None:
            by_value.setdefault(value, []).append(number)
    out: list[Discrepancy] = []
    reported: set[tuple[int, int]] = set()
    caps = {source.id: _capitalised_inside(source), derived.id: _capitalised_inside(derived)}
    # Names per sentence, found once however many figures the sentence holds.
    cache: dict[tuple[str, int, int, bool], set[str]] = {}

    def names(article: Article, start: int, end: int, opening: bool = False) -> set[str]:
        key = (article.id, start, end, opening)
        if key not in cache:
            cache[key] = _names(article.text[start:end], None if opening else caps[article.id])
        return cache[key]

    for bead in pair.alignment.beads:
        if not bead.target:
            continue
        local: dict[Decimal, list[Located]] = {}
        for n in pair.numbers_of(source, bead.source):
            if (v := _value(n)) is not None:
                local.setdefault(v, []).append(n)
        for number in pair.numbers_of(derived, bead.target):
            value = _value(number)
            if value is None:
                continue
            candidates = local.get(value) or by_value.get(value, [])
            if not candidates:
                continue
            d_start, d_end = pair.sentence_at(derived, number.start)
            if (d_start, d_end) in reported:
                continue
            d_names = names(derived, d_start, d_end)
            best = candidates[0]
            s_start, s_end = pair.sentence_at(source, best.start)
            s_names = names(source, s_start, s_end)
            if not d_names or not s_names or _overlaps(d_names, s_names):
                continue
            # Also compare with sentence-opening words kept ("Gemini was
            # visited ..."): only a figure that shares no name at all moved.
            if _overlaps(names(derived, d_start, d_end, True), names(source, s_start, s_end, True)):
                continue
            reported.add((d_start, d_end))
            out.append(
                discrepancy(
                    pair,
                    DiscrepancyKind.ATTRIBUTION,
                    f"'{number.text}' is attached to {', '.join(sorted(d_names))} in "
                    f"{derived.id}, but the source attaches it to "
                    f"{', '.join(sorted(s_names))}",
                    source=[best.span],
                    derived=[number.span],
                    score=0.7,
                )
            )
    return out


def attribution_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """:func:`check_attribution` on two articles and their alignment."""
    return tuple(check_attribution(Pair(source, derived, alignment)))
