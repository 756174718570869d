"""Chinese references back to an organisation the article named in full.

News writes an organisation's full name once (``青禾数据科技有限公司``,
``青年研究者权益协会``) and then refers back to it: ``该公司``, ``该会``,
``该校``, ``院方``, ``校方``, or ``联署`` for the signatories of an open
letter the organisation launched. A statement under such a reference is the
organisation's, given by its fullest written name: the last full name
written up to the reference's paragraph whose last noun fits the reference
(``该校`` a name ending in 大学, 学院 or 学校; ``该会`` one ending in 会);
``联署`` takes the last organisation written, whatever its noun.

Full names come from :func:`organisation_names` (bounded in number); each
reference is compared with them once: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from aistress.quotes._zh_names import organisation_names

__all__ = ["Orgs", "organisations", "referred"]

#: A reference back to an organisation: 该 + its noun, a side (院方, 校方), or the signatories.
_REFERENCE = re.compile(
    r"该(?P<noun>[\u4e00-\u9fff]{1,3})|(?P<side>[院校])方"
    r"|(?P<letter>联署|(?:公开|联名)?信(?:中|里|内))"
)
#: The endings of a full name a reference's noun (or side) fits, when not the noun itself.
_FITS: Mapping[str, tuple[str, ...]] = {
    "校": ("大学", "学院", "学校", "中学", "小学"),
    "院": ("院",),
    "会": ("会",),
    "行": ("银行",),
    "部门": ("部", "局", "处", "办"),
}


@attrs.frozen
class Orgs:
    """The article's full organisation names as a paragraph sees them.

    ``names`` maps each full name (Simplified) to how it is written, in the
    order the article first writes them; ``seen`` is how many of them were
    written by the end of the paragraph.
    """

    names: Mapping[str, str]
    seen: int


def organisations(maskeds: list[str], texts: list[str], langs: list[str]) -> list[Orgs]:
    """For each block, the article's full organisation names as it sees them.

    ``maskeds`` hold every block (Chinese ones in Simplified).
    """
    zh = [k for k, lang in enumerate(langs) if lang == "zh"]
    names = organisation_names([maskeds[k] for k in zh], [texts[k] for k in zh]) if zh else {}
    firsts = list(names)
    out: list[Orgs] = []
    count = 0
    seen = Orgs(names, count)  # one value per count, shared by the blocks that see it
    for masked in maskeds:
        while count < len(firsts) and firsts[count] in masked:
            count += 1
        if count != seen.seen:
            seen = Orgs(names, count)
        out.append(seen)
    return out


def referred(reference: str, orgs: Orgs) -> str | None:
    """The full name ``reference`` (Simplified, e.g. ``该公司``) stands for, or None.

    Only the names written by the reference's paragraph are candidates; the
    last that fits wins.
    """
    m = _REFERENCE.fullmatch(reference)
    if m is None or not orgs.seen:
        return None
    if m.group("letter"):
        ends: tuple[str, ...] = ("",)
    else:
        noun = m.group("noun") or m.group("side")
        ends = (noun, *_FITS.get(noun, ()))
    names = list(orgs.names.items())[: orgs.seen]
    for simple, written in reversed(names):
        if simple.endswith(ends) and simple != reference:
            return written
    return None
