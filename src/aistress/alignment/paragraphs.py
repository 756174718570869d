"""Paragraph alignment through the sentences the paragraphs hold.

Translators merge and split paragraphs freely (a Chinese news translation
often renders two to four English paragraphs as one), and a paragraph's
length and vocabulary say little about *where* inside a long merged
paragraph its content went. Sentences say more. :func:`align_paragraphs`
therefore aligns the sentences of the whole texts, then groups paragraphs
that sentence beads link: every paragraph beads takes the smallest run of
paragraphs on each side that no sentence bead crosses. Paragraphs whose
sentences are all unaligned become null beads. A group that would join more
than :data:`MAX_GROUP_PARAGRAPHS` paragraphs on both sides is re-aligned
at the paragraph level, so one stray sentence bead cannot glue a chapter
together.

Time and memory are linear in the length of the texts.
"""

from __future__ import annotations

from collections.abc import Sequence

from aistress.alignment.aligner import AlignOptions, align_segments
from aistress.model import Bead
from aistress.text.language import is_chinese
from aistress.text.sentences import sentences

__all__ = ["MAX_GROUP_PARAGRAPHS", "align_paragraphs"]

#: Largest group, in paragraphs on the two sides together, taken from sentence links
#: when both sides hold more than one paragraph.
MAX_GROUP_PARAGRAPHS = 6


def _split(paragraphs: Sequence[str], language: str) -> tuple[list[str], list[int]]:
    key = "zh" if is_chinese(language) else "en"
    texts: list[str] = []
    owner: list[int] = []
    for k, para in enumerate(paragraphs):
        for start, end in sentences(para, key):
            texts.append(para[start:end])
            owner.append(k)
    return texts, owner


def align_paragraphs(
    source: Sequence[str],
    target: Sequence[str],
    *,
    source_language: str,
    target_language: str,
    options: AlignOptions,
) -> list[Bead]:
    """Align paragraphs by aligning their sentences and grouping what the beads link.

    Args:
        source: Source paragraphs.
        target: Target paragraphs.
        source_language: Language tag of the source.
        target_language: Language tag of the target.
        options: The aligner's options.

    Returns:
        Monotone paragraph beads covering every paragraph once; a bead's
        score is the sum of the scores of the sentence beads inside it.

    >>> beads = align_paragraphs(
    ...     ["The pace is fast. People are tired.", "Some rest."],
    ...     ["节奏很快，人们很累。有些人在休息。"],
    ...     source_language="en", target_language="zh",
    ...     options=AlignOptions(dictionary=False))
    >>> [(b.source, b.target) for b in beads]
    [((0, 1), (0,))]
    """
    src_sents, src_owner = _split(source, source_language)
    tgt_sents, tgt_owner = _split(target, target_language)
    if not src_sents or not tgt_sents:
        return align_segments(
            source,
            target,
            source_language=source_language,
            target_language=target_language,
            options=options,
            unit="paragraph",
        )
    sentence_beads = align_segments(
        src_sents,
        tgt_sents,
        source_language=source_language,
        target_language=target_language,
        options=options,
        unit="sentence",
    )
    # Group paragraphs linked by sentence beads: [s0, s1, t0, t1, score], inclusive.
    groups: list[list[float]] = []
    for bead in sentence_beads:
        if not bead.source or not bead.target:
            continue
        s0, s1 = src_owner[bead.source[0]], src_owner[bead.source[-1]]
        t0, t1 = tgt_owner[bead.target[0]], tgt_owner[bead.target[-1]]
        if groups and (s0 <= groups[-1][1] or t0 <= groups[-1][3]):
            g = groups[-1]
            g[1] = max(g[1], s1)
            g[3] = max(g[3], t1)
            g[4] += bead.score
        else:
            groups.append([s0, s1, t0, t1, bead.score])
    out: list[Bead] = []
    next_s = next_t = 0
    for s0f, s1f, t0f, t1f, score in groups:
        s0, s1, t0, t1 = int(s0f), int(s1f), int(t0f), int(t1f)
        out.extend(Bead((k,), ()) for k in range(next_s, s0))
        out.extend(Bead((), (k,)) for k in range(next_t, t0))
        n, m = s1 - s0 + 1, t1 - t0 + 1
        if n > 1 and m > 1 and n + m > MAX_GROUP_PARAGRAPHS:
            inner = align_segments(
                source[s0 : s1 + 1],
                target[t0 : t1 + 1],
                source_language=source_language,
                target_language=target_language,
                options=options,
                unit="paragraph",
            )
            out.extend(
                Bead(tuple(i + s0 for i in b.source), tuple(j + t0 for j in b.target), b.score)
                for b in inner
            )
        else:
            out.append(Bead(range(s0, s1 + 1), range(t0, t1 + 1), round(score, 4)))
        next_s, next_t = s1 + 1, t1 + 1
    out.extend(Bead((k,), ()) for k in range(next_s, len(source)))
    out.extend(Bead((), (k,)) for k in range(next_t, len(target)))
    return out
