"""Bilingual bead alignment of English and Chinese texts.

:func:`align` aligns two texts; the functions beside it score, read, write
and export alignments::

    from aistress.alignment import align, evaluate, write_tmx

    alignment = align(english_article, chinese_article)        # sentences
    paragraphs = align(english_article, chinese_article, unit="paragraph")
    scores = evaluate(alignment, gold_beads)
    write_tmx(alignment, "pair.tmx")

>>> a = align(["The pace is fast.", "Researchers are stressed."],
...           ["节奏很快。", "研究人员压力很大。"], options=AlignOptions(dictionary=False))
>>> [(b.source, b.target) for b in a.beads]
[((0,), (0,)), ((1,), (1,))]
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import lru_cache

from aistress.alignment import legacy
from aistress.alignment.aligner import AlignOptions, align_segments, bead_types, guess_language
from aistress.alignment.evidence import LengthModel
from aistress.alignment.paragraphs import align_paragraphs
from aistress.alignment.scoring import (
    Scores,
    evaluate,
    format_bead,
    merge_within_units,
    parse_beads,
    read_beads,
    write_beads,
)
from aistress.alignment.tmx import read_tmx, to_tmx, to_tsv, write_tmx, write_tsv
from aistress.model import Alignment, Article, Bead
from aistress.text.language import is_chinese
from aistress.text.sentences import split_sentences

__all__ = [
    "AlignOptions",
    "LengthModel",
    "Scores",
    "align",
    "align_paragraphs",
    "align_segments",
    "bead_types",
    "evaluate",
    "format_bead",
    "merge_within_units",
    "parse_beads",
    "read_beads",
    "read_tmx",
    "to_tmx",
    "to_tsv",
    "write_beads",
    "write_tmx",
    "write_tsv",
]

Text = Article | Sequence[str] | str


def _language(value: Text, given: str | None) -> str:
    if given is not None:
        return given
    if isinstance(value, Article):
        return value.language
    if isinstance(value, str):
        return guess_language([value])
    return guess_language(list(value))


def _paragraphs(value: Text) -> list[str]:
    if isinstance(value, Article):
        return [b.text for b in value.blocks]
    if isinstance(value, str):
        return [p for p in (q.strip() for q in value.split("\n\n")) if p]
    if not all(isinstance(s, str) for s in value):
        raise TypeError("segments must be strings")
    return list(value)


def align(
    source: Text,
    target: Text,
    *,
    unit: str = "sentence",
    source_language: str | None = None,
    target_language: str | None = None,
    options: AlignOptions | None = None,
) -> Alignment:
    """Align ``source`` with ``target``.

    Args:
        source: An :class:`~aistress.model.Article` (its blocks, headings
            included, are its paragraphs), a sequence of segments, or a
            string (paragraphs separated by blank lines).
        target: The same for the other text.
        unit: ``"paragraph"`` aligns the paragraphs (or the segments as
            given) through their sentences (see
            :func:`~aistress.alignment.paragraphs.align_paragraphs`);
            ``"sentence"`` aligns paragraphs first and then the sentences
            inside each aligned group of paragraphs. A sequence of strings
            with ``unit="sentence"`` is taken as sentences already split
            and aligned as given.
        source_language: Language tag; defaults to the article's language
            or a guess from the text.
        target_language: Language tag of the target, likewise.
        options: Switches and weights; defaults to :class:`AlignOptions`.

    Returns:
        An :class:`~aistress.model.Alignment` whose segments are the
        paragraphs or sentences aligned and whose beads cover every
        index of both sides exactly once, in order.

    Time and memory are linear in the length of the texts.
    """
    if unit not in ("sentence", "paragraph"):
        raise ValueError(f"unit must be 'sentence' or 'paragraph' (got {unit!r})")
    src_lang = _language(source, source_language)
    tgt_lang = _language(target, target_language)
    src_paras = _paragraphs(source)
    tgt_paras = _paragraphs(target)
    presplit = not isinstance(source, (Article, str)) and not isinstance(target, (Article, str))
    if options is None:
        # A pipeline often aligns one pair twice (relations, then comparison):
        # the result is immutable, so the last few are kept.
        return _align_default(
            tuple(src_paras), tuple(tgt_paras), src_lang, tgt_lang, unit, presplit
        )
    return _align(src_paras, tgt_paras, src_lang, tgt_lang, unit, presplit, options)


_DEFAULT_OPTIONS = AlignOptions()


@lru_cache(maxsize=32)
def _align_default(
    src_paras: tuple[str, ...],
    tgt_paras: tuple[str, ...],
    src_lang: str,
    tgt_lang: str,
    unit: str,
    presplit: bool,
) -> Alignment:
    return _align(
        list(src_paras), list(tgt_paras), src_lang, tgt_lang, unit, presplit, AlignOptions()
    )


def _align(
    src_paras: list[str],
    tgt_paras: list[str],
    src_lang: str,
    tgt_lang: str,
    unit: str,
    presplit: bool,
    options: AlignOptions,
) -> Alignment:
    if unit == "paragraph" or (presplit and unit == "sentence"):
        beads = (align_paragraphs if unit == "paragraph" else align_segments)(
            src_paras,
            tgt_paras,
            source_language=src_lang,
            target_language=tgt_lang,
            options=options,
        )
        return Alignment(beads, unit=unit, source_segments=src_paras, target_segments=tgt_paras)
    return _sentences(src_paras, tgt_paras, src_lang, tgt_lang, options)


def _sentences(
    src_paras: list[str],
    tgt_paras: list[str],
    src_lang: str,
    tgt_lang: str,
    options: AlignOptions,
) -> Alignment:
    para_beads: Sequence[Bead]
    if options == _DEFAULT_OPTIONS:
        # The paragraph alignment of this pair is often made already (relation
        # discovery, comparison): the cached one is the same.
        para_beads = _align_default(
            tuple(src_paras), tuple(tgt_paras), src_lang, tgt_lang, "paragraph", False
        ).beads
    else:
        para_beads = align_paragraphs(
            src_paras,
            tgt_paras,
            source_language=src_lang,
            target_language=tgt_lang,
            options=options,
        )
    src_lang_key = "zh" if is_chinese(src_lang) else "en"
    tgt_lang_key = "zh" if is_chinese(tgt_lang) else "en"
    src_sents: list[str] = []
    tgt_sents: list[str] = []
    beads: list[Bead] = []
    for pb in para_beads:
        s_group = [s for i in pb.source for s in split_sentences(src_paras[i], src_lang_key)]
        t_group = [t for j in pb.target for t in split_sentences(tgt_paras[j], tgt_lang_key)]
        s0, t0 = len(src_sents), len(tgt_sents)
        src_sents += s_group
        tgt_sents += t_group
        inner = align_segments(
            s_group,
            t_group,
            source_language=src_lang,
            target_language=tgt_lang,
            options=options,
        )
        beads.extend(
            Bead(tuple(i + s0 for i in b.source), tuple(j + t0 for j in b.target), b.score)
            for b in inner
        )
    return Alignment(beads, unit="sentence", source_segments=src_sents, target_segments=tgt_sents)


legacy.install(align, sys.modules[__name__])
