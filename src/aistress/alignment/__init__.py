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
from collections.abc import Callable, Hashable, Sequence

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
    "AlignmentCache",
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


class AlignmentCache:
    """The alignments of one run, so that a pair of texts is aligned once however often it is asked.

    A run of the pipeline (:func:`aistress.pipeline.analyse_corpus`) makes
    one and hands it to relation discovery and to every comparison: the
    paragraph alignment that confirms a relation is the one the comparison
    of that pair starts from, and the one its sentence alignment groups
    sentences by. Alignments are keyed by the texts, their languages, the
    unit and the options, and kept until the cache is dropped, so its size
    is that of the run's alignments: make one per run, not one per process.

    >>> cache = AlignmentCache()
    >>> first = align(["Fast."], ["很快。"], unit="paragraph", cache=cache)
    >>> align(["Fast."], ["很快。"], unit="paragraph", cache=cache) is first
    True
    >>> len(cache)
    1
    """

    def __init__(self) -> None:
        self._found: dict[Hashable, Alignment] = {}

    def __len__(self) -> int:
        return len(self._found)

    def get(self, key: Hashable) -> Alignment | None:
        """The alignment kept under ``key``, or None."""
        return self._found.get(key)

    def put(self, key: Hashable, alignment: Alignment) -> None:
        """Keep ``alignment`` under ``key``."""
        self._found[key] = alignment


def align(
    source: Text,
    target: Text,
    *,
    unit: str = "sentence",
    source_language: str | None = None,
    target_language: str | None = None,
    options: AlignOptions | None = None,
    cache: AlignmentCache | None = None,
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
        cache: A run's :class:`AlignmentCache`: an alignment it holds is
            returned as it is, one made is kept there (and a sentence
            alignment finds its paragraph alignment there).

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
    job = _Job(src_paras, tgt_paras, src_lang, tgt_lang, options or _DEFAULT_OPTIONS, cache)
    return job.paragraphs() if unit == "paragraph" else job.sentences(presplit)


_DEFAULT_OPTIONS = AlignOptions()


class _Job:
    """One pair of texts to align, and the run's cache of alignments if there is one."""

    def __init__(
        self,
        src_paras: list[str],
        tgt_paras: list[str],
        src_lang: str,
        tgt_lang: str,
        options: AlignOptions,
        cache: AlignmentCache | None,
    ) -> None:
        self.src_paras, self.tgt_paras = src_paras, tgt_paras
        self.src_lang, self.tgt_lang = src_lang, tgt_lang
        self.options = options
        self.cache = cache

    def _key(self, unit: str) -> Hashable | None:
        """The key of this pair aligned by ``unit``; None without a cache or hashable options."""
        if self.cache is None:
            return None
        key = (
            tuple(self.src_paras),
            tuple(self.tgt_paras),
            self.src_lang,
            self.tgt_lang,
            unit,
            self.options,
        )
        try:
            hash(key)
        except TypeError:  # options holding a table of priors
            return None
        return key

    def _cached(self, unit: str, make: Callable[[], Alignment]) -> Alignment:
        key = self._key(unit)
        if key is None or self.cache is None:
            return make()
        found = self.cache.get(key)
        if found is None:
            found = make()
            self.cache.put(key, found)
        return found

    def _whole(self, run: Callable[..., list[Bead]], unit: str) -> Alignment:
        """The segments aligned as they are by ``run``, as an alignment of ``unit``."""
        beads = run(
            self.src_paras,
            self.tgt_paras,
            source_language=self.src_lang,
            target_language=self.tgt_lang,
            options=self.options,
        )
        return Alignment(
            beads, unit=unit, source_segments=self.src_paras, target_segments=self.tgt_paras
        )

    def paragraphs(self) -> Alignment:
        """The paragraph alignment (made once per cache)."""
        return self._cached("paragraph", lambda: self._whole(align_paragraphs, "paragraph"))

    def sentences(self, presplit: bool) -> Alignment:
        """The sentence alignment; ``presplit``: the segments are sentences already."""
        if not presplit:
            return self._cached("sentence", self._sentences)
        return self._cached("presplit", lambda: self._whole(align_segments, "sentence"))

    def _sentences(self) -> Alignment:
        """Paragraphs aligned first, then the sentences inside each aligned group."""
        src_paras, tgt_paras = self.src_paras, self.tgt_paras
        src_lang, tgt_lang = self.src_lang, self.tgt_lang
        para_beads = self.paragraphs().beads
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
                options=self.options,
            )
            beads.extend(
                Bead(tuple(i + s0 for i in b.source), tuple(j + t0 for j in b.target), b.score)
                for b in inner
            )
        return Alignment(
            beads, unit="sentence", source_segments=src_sents, target_segments=tgt_sents
        )


legacy.install(align, sys.modules[__name__])
