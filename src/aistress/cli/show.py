"""How the command line prints results: one block of lines per file, article or pair."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from aistress.comparison import (
    HEADLINE_THRESHOLD,
    discrepancy_lines,
    headline_relevance,
    quote_counts,
)
from aistress.model import (
    Alignment,
    Article,
    BlockKind,
    Comparison,
    Quote,
    ReadFailure,
    Relation,
    Remedy,
    Source,
    Stressor,
    short_id,
)
from aistress.text.language import detect_language

__all__ = [
    "alignment_lines",
    "comparison_lines",
    "failure_line",
    "headline_line",
    "plural",
    "quote_lines",
    "source_lines",
    "tag_lines",
]


def plural(count: int, word: str) -> str:
    """``1 file``, ``2 files``, ``3 categories``."""
    if count == 1:
        return f"1 {word}"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return f"{count} {word[:-1]}ies"
    return f"{count} {word}s"


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counter.items()))


def _short(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def failure_line(failure: ReadFailure, *, path: bool = True) -> str:
    """``path:line:column: reason``, leaving out what is unknown (and the path if asked)."""
    where = failure.path if path else ""
    if failure.line:
        where += f":{failure.line}" + (f":{failure.column}" if failure.column else "")
    where = where.lstrip(":")
    return f"{where}: {failure.reason}" if where else failure.reason


def headline_line(article: Article) -> str | None:
    """The headline's relevance to its body, the one score ``read`` and ``compare`` print.

    It is :func:`aistress.comparison.headline_relevance` of title and subtitle
    against the paragraphs: from 0 (nothing shared) to 1; below
    ``HEADLINE_THRESHOLD`` (:mod:`aistress.comparison`) the headline may belong to
    another story. A headline in another language than its body (an English
    title over a Chinese digest) has no score.
    """
    headline = " ".join(t for t in (article.title, article.subtitle) if t)
    if not headline or not article.paragraphs:
        return None
    if detect_language(headline) != article.language.split("-")[0]:
        return None  # a headline in another language than its body shares no words with it
    score = headline_relevance(headline, article.paragraphs)
    verdict = (
        "matches the body"
        if score >= HEADLINE_THRESHOLD
        else f"below {HEADLINE_THRESHOLD}: may not match the body"
    )
    return f"headline relevance {score:.2f} ({verdict})"


def _block_counts(article: Article) -> str:
    counts = Counter(block.kind for block in article.blocks)
    parts = [
        plural(counts[kind], kind.value.replace("_", " ")) for kind in BlockKind if counts[kind]
    ]
    return ", ".join(parts) or "no blocks"


def _article_lines(article: Article) -> list[str]:
    title = article.title or "(no title)"
    lines = [f"  - {article.kind.value} ({article.language}): {_short(title, 80)}"]
    facts = [f"id {short_id(article.id)}"]
    for name in ("outlet", "author", "editor"):
        value = getattr(article, name)
        if value:
            facts.append(f"{name} {value}")
    if article.published is not None:
        facts.append(f"published {article.published}")
    lines.append("      " + " | ".join(facts))
    lines.append(f"      blocks: {_block_counts(article)}")
    if article.subtitle:
        lines.append(f"      subtitle: {_short(article.subtitle, 80)}")
    if article.tags:
        lines.append(f"      tags: {', '.join(article.tags)}")
    headline = headline_line(article)
    if headline:
        lines.append(f"      {headline}")
    return lines


def _relation(relation: Relation) -> str:
    score = f", score {relation.score:.2f}" if relation.score is not None else ""
    return (
        f"{short_id(relation.subject)} {relation.kind.value} {short_id(relation.target)} "
        f"({relation.method}{score})"
    )


def source_lines(source: Source, name: str) -> list[str]:
    """What ``aistress read`` prints for one file."""
    lines = [
        f"{name}: {source.format}, {plural(len(source.articles), 'article')}, {source.encoding}"
    ]
    for article in source.articles:
        lines.extend(_article_lines(article))
    lines.extend(
        f"  translation: {short_id(t.target)} translates {short_id(t.source)} "
        f"({t.source_language} -> {t.target_language})"
        for t in source.translations
    )
    lines.extend(f"  relation: {_relation(relation)}" for relation in source.relations)
    kinds = Counter(item.kind for item in source.boilerplate)
    lines.append(
        f"  boilerplate: {plural(len(source.boilerplate), 'item')}"
        + (f" ({_counts(kinds)})" if kinds else "")
    )
    if source.warnings:
        lines.append(f"  warnings: {len(source.warnings)}")
        for issue in source.warnings:
            at = f"line {issue.line}: " if issue.line else ""
            lines.append(f"    [{issue.code}] {at}{issue.message}")
    else:
        lines.append("  warnings: none")
    return lines


def _speaker(quote: Quote) -> str:
    person = quote.speaker
    if person is not None:
        who = person.name
        about = ", ".join(x for x in (person.role, person.affiliation) if x)
        if about:
            who += f" ({about})"
    elif quote.anonymous:
        who = f"anonymous ({quote.description})" if quote.description else "anonymous"
    else:
        who = "unattributed"
    flags = [quote.kind.value] if quote.kind.value != "direct" else []
    if quote.partial:
        flags.append("partial")
    if quote.cue:
        flags.insert(0, f"cue {quote.cue!r}")
    return who + (f" [{', '.join(flags)}]" if flags else "")


def quote_lines(article: Article, quotes: Sequence[Quote], name: str) -> list[str]:
    """What ``aistress quotes`` prints for one article."""
    lines = [f"{name} ({article.language}): {plural(len(quotes), 'quote')}"]
    for number, quote in enumerate(quotes, 1):
        lines.append(f"  {number}. {_speaker(quote)}")
        lines.append(f"     {_short(quote.text, 100)}")
    return lines


def tag_lines(article: Article, tags: Sequence[Stressor | Remedy], name: str) -> list[str]:
    """What ``aistress tag`` prints for one article."""
    stressors = Counter(t.category for t in tags if isinstance(t, Stressor))
    remedies = Counter(t.category for t in tags if isinstance(t, Remedy))
    lines = [
        f"{name} ({article.language}): "
        f"{plural(stressors.total(), 'stressor tag')} in {plural(len(stressors), 'category')}, "
        f"{plural(remedies.total(), 'remedy tag')} in {plural(len(remedies), 'category')}"
    ]
    for item in tags:
        kind = "stressor" if isinstance(item, Stressor) else "remedy"
        person = item.raised_by if isinstance(item, Stressor) else item.proposed_by
        where = f"block {item.block}" if item.block is not None else "article"
        evidence = " / ".join(_short(article.slice(span), 40) for span in item.evidence[:2])
        by = f" by {person.name}" if person is not None else ""
        lines.append(f"  {kind:8} {item.category:20} {where:9} {evidence}{by}")
    return lines


def _joined(segments: Sequence[str], language: str) -> str:
    """Aligned segments as one line: Chinese joins without spaces, other languages with."""
    glue = "" if language.split("-")[0] in ("zh", "ja") else " "
    return _short(glue.join(segments), 100) or "-"


def alignment_lines(alignment: Alignment, source: Article, target: Article) -> list[str]:
    """What ``aistress align`` prints: a header, then each bead with both sides."""
    types = Counter(f"{len(b.source)}:{len(b.target)}" for b in alignment.beads)
    lines = [
        f"{source.id} ({source.language}) -> {target.id} ({target.language}): "
        f"{plural(len(alignment.beads), 'bead')} of {alignment.unit}s ({_counts(types)})"
    ]
    for bead, (left, right) in zip(alignment.beads, alignment.pairs(), strict=True):
        lines.append(f"  [{len(bead.source)}:{len(bead.target)} {bead.score:.2f}]")
        lines.append(f"    {source.language}: {_joined(left, source.language)}")
        lines.append(f"    {target.language}: {_joined(right, target.language)}")
    lines.append(
        "score: the bead's log-likelihood ratio in nats; higher is surer, compared with its "
        "neighbours (short correct pairs can score below 0)"
    )
    return lines


def comparison_lines(comparison: Comparison, source: Article, derived: Article) -> list[str]:
    """What ``aistress compare`` prints for one pair."""
    lines = [
        f"{derived.id} ({derived.language}) against {source.id} ({source.language})",
        f"  coverage: {comparison.coverage:.0%} of the source is aligned",
    ]
    headline = headline_line(derived)
    if headline:
        lines.append(f"  {headline}")
    lines += [
        f"  categories kept: {', '.join(comparison.categories_kept) or '-'}",
        f"  categories dropped: {', '.join(comparison.categories_dropped) or '-'}",
        f"  categories added: {', '.join(comparison.categories_added) or '-'}",
        "  quotes kept: {}, dropped: {}".format(*quote_counts(comparison)),
        f"  discrepancies: {len(comparison.discrepancies)}",
    ]
    lines.extend(discrepancy_lines(comparison, indent="    "))
    return lines
