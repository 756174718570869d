"""An article's blocks as the attribution readers see them: language, marks, masked text.

Each block is read in the language its characters show; its quotations are
paired (:mod:`~aistress.quotes._marks`) and masked, so the readers never
take a quotation's words for attribution. Chinese blocks are read in
Simplified, character for character (offsets stay the text's). The Chinese
names the article introduces after a role are collected once for all blocks.
Linear in the article.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aistress.model import Article
from aistress.quotes._marks import Marks, find_marks
from aistress.quotes._types import MASK
from aistress.quotes._zh_names import name_vocabulary
from aistress.text.language import detect_language, is_chinese
from aistress.text.script import to_simplified

__all__ = ["Blocks", "block_language", "mask_start", "read_blocks"]


@attrs.frozen
class Blocks:
    """An article's blocks, read once: texts, marks, languages, masked texts, known names."""

    texts: list[str]
    marks: list[list[Marks]]
    langs: list[str]
    maskeds: list[str]
    #: The Chinese blocks in Simplified, quotations included.
    simplified: list[str]
    known: frozenset[str]
    #: Where each block starts in the article's text (``Article.block_starts``).
    starts: tuple[int, ...]


def read_blocks(article: Article) -> Blocks:
    """The blocks of ``article`` as the attribution readers see them."""
    marks = _block_marks(article)
    langs: list[str] = []
    maskeds: list[str] = []
    simplified: list[str] = []
    for bi, block in enumerate(article.blocks):
        lang = block_language(block.text, block.language or article.language)
        if lang == "zh":
            simplified.append(to_simplified(block.text))
            masked = _mask(simplified[-1], marks[bi])
        else:
            masked = _mask(block.text, marks[bi])
        langs.append(lang)
        maskeds.append(masked)
    zh_maskeds = [m for m, g in zip(maskeds, langs, strict=True) if g == "zh"]
    known = name_vocabulary(zh_maskeds, texts=simplified)
    texts = [b.text for b in article.blocks]
    return Blocks(texts, marks, langs, maskeds, simplified, known, article.block_starts)


def block_language(text: str, default: str) -> str:
    """``"zh"`` or ``"en"``: which parser reads this block."""
    fallback = "zh" if is_chinese(default) else "en"
    return detect_language(text, fallback, han_per_letter=1 / 2)


def _mask(text: str, marks: Sequence[Marks]) -> str:
    if not marks:
        return text
    parts: list[str] = []
    at = 0
    for m in marks:
        parts.append(text[at : m.start])
        parts.append(MASK * (m.end - m.start))
        at = m.end
    parts.append(text[at:])
    return "".join(parts)


def mask_start(masked: str, i: int) -> int:
    """Where the run of masks ending at ``i`` starts (a few slices, not a step per character)."""
    j = i
    while j > 0:
        lo = max(0, j - 256)
        kept = len(masked[lo:j].rstrip(MASK))
        if kept:
            return lo + kept
        j = lo
    return 0


def _block_marks(article: Article) -> list[list[Marks]]:
    blocks = article.blocks
    out: list[list[Marks]] = []
    for bi, block in enumerate(blocks):
        marks = [
            m for m in find_marks(block.text) if block.text[m.inner_start : m.inner_end].strip()
        ]
        if marks and not marks[-1].closed:
            opener = block.text[marks[-1].start]
            following = blocks[bi + 1].text.lstrip() if bi + 1 < len(blocks) else ""
            if not following.startswith(opener):
                # a stray opening mark: what it would enclose are quotations of their own
                marks = [
                    m
                    for m in find_marks(block.text, open_end=False)
                    if block.text[m.inner_start : m.inner_end].strip()
                ]
        out.append(marks)
    return out
