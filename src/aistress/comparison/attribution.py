"""The attribution check: figures the derived text attaches to other people or organisations.

For every number of the derived text whose value the source states too (in
the aligned paragraphs, else anywhere in the source), or that the number
check pairs with a source figure it changed, the names in the sentence
around each are compared. If both sentences name some and none is shared,
the figure has moved.

The holder of a figure is compared too: who a sentence says the figure
comes from (``according to figures from the company``, ``据一家咨询机构统计``,
``科马克·德拉亨特估计``). A figure whose holder is a person on one side and
not on the other, or whose holders share neither a name, a transliteration
nor a translated word, has moved.
"""

from __future__ import annotations

import re
from decimal import Decimal

from aistress.comparison._pair import Located, Pair, discrepancy
from aistress.comparison._similar import similarity
from aistress.comparison._words import NAME_RUN, generic_names, han_variants
from aistress.comparison.numbers import figure_pairs
from aistress.model import Alignment, Article, Discrepancy, DiscrepancyKind, Span
from aistress.people import script, transliteration_score
from aistress.text.language import is_chinese

__all__ = ["SAME_HOLDER", "SPELLED", "attribution_discrepancies", "check_attribution"]

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
        if len(words) == 1 and _MODIFIER.match(text, match.end()) and _ACRONYM.fullmatch(words[0]):
            continue  # "AI researchers", "AI研究人员": an acronym describing a noun, not a name
        if words:
            names.add(" ".join(words))
    return names | _han_names(text)


_ACRONYM = re.compile(r"[A-Z]{2,4}")
_MODIFIER = re.compile(r"\s+[a-z]|[\u4e00-\u9fff]")


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
    # A name run may carry a role or cue at either end (会代表丹尼尔·莫罗说).
    return max(transliteration_score(h, latin) for h in han_variants(han)) >= 0.4


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

    # The source figure the number check pairs with each derived figure (changed or not).
    paired = {
        b.located.start: a.located
        for a, b in figure_pairs(pair)
        if a.located.doc == source.id and b.located.doc == derived.id
    }
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
            if number.start in paired and _value(paired[number.start]) is not None:
                candidates = [paired[number.start]]
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
    moved = {(d.derived[0].doc, pair.sentence_at(derived, d.derived[0].start)) for d in out}
    out.extend(
        d
        for d in _holder_moves(pair)
        if (derived.id, pair.sentence_at(derived, d.derived[1].start)) not in moved
    )
    return out


# Who a figure comes from: "according to X", "figures from X", "a poll by X" ...
_HOLDER_EN = re.compile(
    r"(?i)\b(?:according\s+to|(?:figures|data|estimates?|numbers|statistics)\s+(?:from|by|of)|"
    r"(?:survey|poll|study|report|analysis|census|count)\s+(?:of\s+[^,.;:]{1,40}?\s+)?by)"
    r"\s+((?:[^,.;:\"“”]|(?<=\d)[,.](?=\d)){1,80})"
)
# ... "据X统计", "根据X的数据", and a transliterated name whose estimate it is ("X估计").
_HOLDER_ZH = re.compile(
    r"(?:根据|根據|据|據)([^，。；：,;:“”「」]{1,24}?)(?:的)?"
    r"(?:统计|統計|调查|調查|数据|數據|估计|估計|报告|報告|显示|顯示|称|稱|报道|報道|测算|測算|[，,])"
    r"|([\u4e00-\u9fff]{1,6}[·・][\u4e00-\u9fff]{1,8})"
    r"(?:估计|估計|估算|认为|認為|表示|称|稱|指出|说|說|发现|發現|统计|統計|测算|測算)"
)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{2,}")
# A Latin name is spelled in a stretch of Han characters scoring this well: real
# transliterations score 1.0, chance stretches of ordinary words 0.5 to 0.65.
SPELLED = 0.8
_LATIN_WORD = re.compile(r"\b[A-Z][a-z]{2,}")
#: Holders of one figure less alike than this (and sharing no name) are different sources.
SAME_HOLDER = 0.3


class _Holder:
    """Who a sentence says a figure comes from: the words, where they are, a person or not."""

    __slots__ = ("end", "person", "start", "text")

    def __init__(self, text: str, start: int, end: int, person: bool) -> None:
        self.text, self.start, self.end, self.person = text, start, end, person


def _holder(text: str, offset: int, language: str) -> _Holder | None:
    """The first holder a sentence names (offsets into the article's text)."""
    if is_chinese(language):
        m = _HOLDER_ZH.search(text)
        if m:
            group = 2 if m.group(2) else 1
            return _Holder(
                m.group(group), offset + m.start(group), offset + m.end(group), group == 2
            )
    m = _HOLDER_EN.search(text)
    if m:
        return _Holder(m.group(1), offset + m.start(1), offset + m.end(1), False)
    return None


# An unnamed source introduced as new ("a consultancy", "一家咨询机构", "某机构"),
# as against one already known ("the company", "该公司").
_INDEFINITE = re.compile(
    r"(?i)^(?:an?\s+(?!survey|poll|study|report|analysis|census|count)|one\s+|"
    r"一家|一間|一间|一个|一個|一位|一名|某|匿名|一些)"
)


def _same_holder(a: _Holder, la: str, b: _Holder, lb: str) -> bool:
    """Whether two holders name the same source: a shared name, spelling or translated word.

    An unnamed new source on one side only (``一家猎头公司`` for ``the firm``) is another.
    """
    if _overlaps(_names(a.text, None), _names(b.text, None)):
        return True
    if bool(_INDEFINITE.match(a.text.strip())) != bool(_INDEFINITE.match(b.text.strip())):
        return False
    if a.person != b.person:
        return _spelled_in(a.text, b.text)
    return similarity(a.text, la, b.text, lb) >= SAME_HOLDER or _spelled_in(a.text, b.text)


def _spelled_in(a: str, b: str) -> bool:
    """Whether a Latin name of one side is transliterated in a Han run of the other."""
    latin, han = (a, b) if script(b) == "han" or _HAN_RUN.search(b) else (b, a)
    words = _LATIN_WORD.findall(latin)
    runs = _HAN_RUN.findall(han)
    for word in words:
        for run in runs:
            for size in range(2, min(6, len(run)) + 1):
                for i in range(len(run) - size + 1):
                    if transliteration_score(run[i : i + size], word) >= SPELLED:
                        return True
    return False


def _holder_moves(pair: Pair) -> list[Discrepancy]:
    """Figures whose holder (``according to X`` / ``据Y``) is another source in the derived text."""
    source, derived = pair.source, pair.derived
    out: list[Discrepancy] = []
    seen: set[tuple[int, int]] = set()
    for a, b in figure_pairs(pair):
        if a.located.doc != source.id or b.located.doc != derived.id:
            continue
        d_range = pair.sentence_at(derived, b.start)
        if d_range in seen:
            continue
        s_start, s_end = pair.sentence_at(source, a.start)
        d_start, d_end = d_range
        held_d = _holder(derived.text[d_start:d_end], d_start, derived.language)
        held_s = _holder(source.text[s_start:s_end], s_start, source.language)
        if held_d is None or held_s is None:
            continue
        if _same_holder(held_s, source.language, held_d, derived.language):
            continue
        seen.add(d_range)
        out.append(
            discrepancy(
                pair,
                DiscrepancyKind.ATTRIBUTION,
                f"'{b.text}' comes from '{held_d.text}' in {derived.id}, but the source "
                f"has '{a.text}' from '{held_s.text}'",
                source=[Span(source.id, held_s.start, held_s.end), a.located.span],
                derived=[Span(derived.id, held_d.start, held_d.end), b.located.span],
                score=0.6,
            )
        )
    return out


def attribution_discrepancies(
    source: Article, derived: Article, alignment: Alignment
) -> tuple[Discrepancy, ...]:
    """:func:`check_attribution` on two articles and their alignment."""
    return tuple(check_attribution(Pair(source, derived, alignment)))
