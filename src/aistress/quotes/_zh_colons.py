"""Chinese attribution by a colon: a clause ending in ``：`` before a quotation, with no cue.

``她却红了眼圈：“…”``, ``他…感受尤其直接：`` and a quotation in the next
paragraph: the colon is the cue, and its clause's subject the speaker.
Each colon is looked at once, with the bounded look back of
:mod:`~aistress.quotes._chinese`: linear in the length of the block.
"""

from __future__ import annotations

import bisect
import re

import attrs

from aistress.quotes._chinese import _clause_start, _opening_subject, _sentence_subject
from aistress.quotes._lexicon import Chinese, chinese
from aistress.quotes._types import MASK, Cue, Mention, mention
from aistress.quotes._zh_people import recalled_words
from aistress.text.language import HAN

__all__ = ["colon_mentions"]

_HAN = HAN

_COLON = re.compile("[：:]")


def colon_mentions(
    masked: str,
    text: str,
    taken: list[Mention],
    lex: Chinese | None = None,
    known: frozenset[str] = frozenset(),
    label: Mention | None = None,
) -> list[Mention]:
    """A colon before a quotation (or ending the paragraph) with no cue: its clause's subject.

    In a speaker's turn (``label``) a clause opening with 我 is that speaker's.

    ``她却红了眼圈：“…”``, ``他…感受尤其直接：`` + a quotation in the next
    paragraph. The colon is the cue. ``taken`` are the cue mentions already
    found (sorted by cue); a clause that has one is left alone.
    """
    lex = lex or chinese()
    out: list[Mention] = []
    cue_ends = [m.cue_end for m in taken]
    tail = len(masked.rstrip())
    for colon in _COLON.finditer(masked):
        k = colon.start()
        rest = masked[k + 1 : k + 3].strip()
        if not (rest[:1] == MASK or k + 1 >= tail):
            continue
        cstart = _clause_start(masked, k)
        i = bisect.bisect_left(cue_ends, cstart)
        if i < len(cue_ends) and cue_ends[i] <= k:
            continue
        common = Cue("：", k, k + 1, k + 1)
        found = recalled_words(masked, text, cstart, k, known, common)
        if label is not None and _SELF_SPEAKS.match(masked, cstart, k):
            found = attrs.evolve(
                label, cue="：", cue_start=k, cue_end=k + 1, start=cstart, end=k + 1
            )
        found = found or _opening_subject(masked, text, cstart, common, known, lex)
        if found is None:
            found = _sentence_subject(masked, text, cstart, common, known, lex)
        if found is None:
            found = _role_subject(masked, text, cstart, k, common, lex)
        if found is not None:
            out.append(found)
    return out


#: A turn's speaker as the subject of a clause before a colon (我当时就回他), not
#: an owner (我的导师) nor a thought (我觉得).
_SELF_SPEAKS = re.compile(r"我(?![们的])(?!.*(?:觉得|认为|想)).*$")


#: A role noun opening a clause, then its verb (指导教授|传讯息给我).
_ROLE_OPENING = re.compile(rf"[{_HAN}]{{1,5}}")


def _role_subject(
    masked: str, text: str, cstart: int, end: int, cue: Cue, lex: Chinese
) -> Mention | None:
    """An unnamed person given by a role noun opening the clause (``医生跟我说：``)."""
    m = _ROLE_OPENING.match(masked, cstart, end)
    if m is None:
        return None
    for b in range(m.end(), cstart, -1):
        if masked[b - 1] in lex.role_suffixes and b - cstart >= 2 and b < end:
            if masked[cstart] in "这那其他她我你它有没不也都就还又曾再已正":
                return None
            if "在" in masked[cstart:b] or "于" in masked[cstart:b]:
                return None  # a place (曾在组会…): no role noun
            desc = text[cstart:b]
            return mention("anonymous", desc, cstart, b, cstart, description=desc, cue=cue)
    return None
