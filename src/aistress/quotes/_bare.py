"""Speakers named again without a cue, for pronoun resolution.

A cited speaker named again later without a cue (``Lin put it more
simply.``) is the latest candidate for a following *she said*; a name in
an object's place (``asked by Lin``, ``told Lin``) is not. One combined
regular expression per article finds every such mention, in one scan of
the article's text: linear in the text for a bounded number of names.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from aistress.model import Article
from aistress.quotes._types import Mention

__all__ = ["bare_mentions"]

#: Names looked for without a cue: the alternation costs time per name at each position.
_MAX_BARE_NAMES = 48
#: A lower-case word right before a name: the name is not the subject opening a clause.
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'-])[a-z][\w’'-]*\s+(?:[A-Z][\w.’'-]*\s+){0,3}$")
_POSSESSIVE = frozenset(["'s", "’s"])
_NAME_PART = re.compile(r"[^\s·•・.]+$")


def bare_mentions(
    article: Article,
    quotations: Sequence[tuple[int, int, int]],
    mentions: list[tuple[int, int, Mention]],
    group_of: dict[str, int],
) -> list[tuple[int, int, Mention]]:
    """Mentions of cited speakers' names (full or family name) outside quotations.

    ``quotations`` are ``(block, start, end)`` of every quotation, marks
    included, in text order; ``mentions`` are ``(block, block offset,
    mention)``; ``group_of`` maps each name to its person group.
    """
    surfaces: dict[str, str] = {}
    for _, _, m in mentions:
        if m.kind != "name" or m.cue is None:
            continue
        if len(surfaces) >= _MAX_BARE_NAMES:
            break
        surfaces.setdefault(m.surface, m.surface)
        last = _NAME_PART.search(m.surface)
        if last and last.group(0) != m.surface and len(last.group(0)) >= 2:
            surfaces.setdefault(last.group(0), m.surface)
    if not surfaces:
        return []
    # each name's first character, then the look behind it (over both): the
    # engine skips to those characters instead of trying every position
    pattern = re.compile(
        "(?:"
        + "|".join(
            re.escape(n[0]) + r"(?<![\w·].)" + re.escape(n[1:]) if n else r"(?<![\w·])"
            for n in sorted(surfaces, key=len, reverse=True)
        )
        + r")(?![\w·])"
    )
    quoted: dict[int, list[tuple[int, int]]] = {}
    for bi, qa, qb in quotations:  # the quotations of a block are sorted and disjoint
        quoted.setdefault(bi, []).append((qa, qb))
    out: list[tuple[int, int, Mention]] = []
    blocks = article.blocks
    block_starts = article.block_starts
    quote_starts = {bi: [qa for qa, _ in inside] for bi, inside in quoted.items()}
    # one scan of the article's text: the separator between blocks (a blank
    # line) is no word character, as the start or end of a block is not one,
    # and no name holds a line break, so no match crosses a block boundary
    if any("\n" in n for n in surfaces):
        found = [(bi, m) for bi, b in enumerate(blocks) for m in pattern.finditer(b.text)]
    else:
        found = [(-1, m) for m in pattern.finditer(article.text)]
    for bi, match in found:
        a, b = match.span()
        if bi < 0:
            bi = bisect.bisect_right(block_starts, a) - 1
            a, b = a - block_starts[bi], b - block_starts[bi]
        text = blocks[bi].text
        inside = quoted.get(bi)
        if inside is not None:
            k = bisect.bisect_right(quote_starts[bi], a) - 1
            if k >= 0 and a < inside[k][1]:
                continue
        if text[b : b + 2] not in _POSSESSIVE and _LOWER_WORD_BEFORE.search(
            text, max(0, a - 60), a
        ):
            continue  # asked by Lin, met Lin: an object is no candidate for a later pronoun
        surface = surfaces[match.group(0)]
        if surface not in group_of:
            continue
        base = block_starts[bi]
        out.append((bi, base, Mention("name", surface, a, b, a, b, None, a, a)))
    return out
