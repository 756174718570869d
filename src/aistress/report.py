"""Analyse a whole corpus and show it: as text for the terminal, or as one HTML page.

:func:`analyse_corpus` runs every stage over a corpus: it discovers the
relations between files, extracts quotes, tags stressors and remedies, and
compares every derived article (translation, summary, rewrite) with its
source. The result, a :class:`CorpusAnalysis`, renders as text
(:func:`render_text`) or as a self-contained HTML page (:func:`render_html`):
no scripts, fonts or images from anywhere else, so the file can be mailed or
archived as it is.

The HTML page has these sections (each a ``<section>`` with an ``id``):

- ``corpus``: the files read, their formats, failures, and the relations;
- ``articles``: each article's metadata;
- ``alignments``: every translation or derived pair side by side, aligned
  paragraph by paragraph, with discrepancies highlighted (``<mark>``) and
  explained;
- ``quotes``: quotes grouped by speaker, across languages;
- ``matrix``: the stressor and remedy counts per article as a heatmap.
"""

from __future__ import annotations

import html
import importlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib.metadata import version
from typing import Any

import attrs

from aistress.model import (
    Alignment,
    Article,
    Comparison,
    Corpus,
    Discrepancy,
    Quote,
    QuoteKind,
    RelationKind,
    Remedy,
    Span,
    Stressor,
)

__all__ = ["CorpusAnalysis", "analyse_corpus", "render_html", "render_text"]

Tag = Stressor | Remedy
_DERIVATIONS = (RelationKind.TRANSLATION_OF, RelationKind.SUMMARY_OF, RelationKind.REWRITE_OF)


@attrs.frozen
class CorpusAnalysis:
    """Everything :func:`analyse_corpus` found in a corpus.

    Attributes:
        corpus: The corpus, with the relations discovery added.
        quotes: Quotes per article id (scare quotes left out).
        tags: Stressor and remedy tags per article id.
        comparisons: One comparison per derived article and its source.
        categories: ``(id, kind, {language: label})`` of the taxonomy used,
            in its order.
    """

    corpus: Corpus
    quotes: Mapping[str, tuple[Quote, ...]] = attrs.field(factory=dict, hash=False)
    tags: Mapping[str, tuple[Tag, ...]] = attrs.field(factory=dict, hash=False)
    comparisons: tuple[Comparison, ...] = ()
    categories: tuple[tuple[str, str, Mapping[str, str]], ...] = attrs.field(default=(), hash=False)

    def speakers(self) -> dict[str, list[tuple[str, Quote]]]:
        """Quotes by speaker across articles and languages, ``{name: [(article id, quote)]}``.

        Speakers are merged with :func:`aistress.people.merge_people` (name
        rules, aliases, transliteration), so one person quoted in English
        and in Chinese forms one group.
        """
        groups: dict[str, list[tuple[str, Quote]]] = defaultdict(list)
        canonical: dict[str, str] = {}
        speakers = [q.speaker for qs in self.quotes.values() for q in qs if q.speaker is not None]
        merge = _optional("aistress.people", "merge_people")
        merged = merge(speakers) if merge is not None else speakers
        for person in merged:
            for name in person.names:
                canonical.setdefault(name, person.name)
        for article_id, quotes in self.quotes.items():
            for quote in quotes:
                if quote.speaker is None:
                    key = "(anonymous)" if quote.anonymous else "(unattributed)"
                else:
                    key = canonical.get(quote.speaker.name, quote.speaker.name)
                groups[key].append((article_id, quote))
        return dict(groups)

    def matrix(self) -> tuple[tuple[str, ...], list[tuple[str, list[int]]]]:
        """``(category ids, [(article id, counts)])``: tags per article and category."""
        ids = tuple(c[0] for c in self.categories) or tuple(
            sorted({t.category for tags in self.tags.values() for t in tags})
        )
        rows = []
        for article in self.corpus.articles:
            counts = dict.fromkeys(ids, 0)
            for tag in self.tags.get(article.id, ()):
                if tag.category in counts:
                    counts[tag.category] += 1
            rows.append((article.id, [counts[i] for i in ids]))
        return ids, rows


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    try:
        return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]
    except (ImportError, AttributeError):
        return None


def _pairs(corpus: Corpus) -> list[tuple[Article, Article, RelationKind, Alignment | None]]:
    """Every (source, derived) pair to compare, with a stated alignment where there is one."""
    seen: set[tuple[str, str]] = set()
    out = []
    for translation in corpus.translations:
        if translation.source in corpus and translation.target in corpus:
            key = (translation.source, translation.target)
            if key not in seen:
                seen.add(key)
                alignment = translation.alignment
                source, derived = corpus[translation.source], corpus[translation.target]
                if alignment is not None and not _indexes_blocks(alignment, source, derived):
                    alignment = None
                out.append((source, derived, RelationKind.TRANSLATION_OF, alignment))
    for relation in corpus.all_relations:
        if relation.kind not in _DERIVATIONS:
            continue
        if relation.subject in corpus and relation.target in corpus:
            key = (relation.target, relation.subject)
            if key not in seen:
                seen.add(key)
                out.append((corpus[relation.target], corpus[relation.subject], relation.kind, None))
    return out


def _indexes_blocks(alignment: Alignment, source: Article, derived: Article) -> bool:
    return all(
        all(i < len(source.blocks) for i in bead.source)
        and all(j < len(derived.blocks) for j in bead.target)
        for bead in alignment.beads
    )


def analyse_corpus(corpus: Corpus, *, discover: bool = True) -> CorpusAnalysis:
    """Run relation discovery, quotes, tagging and comparison over a corpus.

    Stages whose modules are not installed are skipped. Time is linear in
    the corpus size for quotes and tags; comparison runs once per related
    pair, and discovery is near-linear (see :mod:`aistress.relations`).
    """
    if discover:
        from aistress.relations import link_corpus

        corpus = link_corpus(corpus)
    extract = _optional("aistress.quotes", "extract_quotes")
    tag = _optional("aistress.tagging", "tag")
    quotes: dict[str, tuple[Quote, ...]] = {}
    tags: dict[str, tuple[Tag, ...]] = {}
    for article in corpus.articles:
        if extract is not None:
            quotes[article.id] = tuple(q for q in extract(article) if q.kind is QuoteKind.DIRECT)
        if tag is not None:
            tags[article.id] = tuple(tag(article))
    categories: tuple[tuple[str, str, Mapping[str, str]], ...] = ()
    default_taxonomy = _optional("aistress.taxonomy", "default")
    if default_taxonomy is not None:
        categories = tuple((c.id, c.kind.value, c.labels) for c in default_taxonomy())
    comparisons = []
    compare = _optional("aistress.comparison", "compare")
    if compare is not None and _optional("aistress.alignment", "align") is not None:
        for source, derived, kind, alignment in _pairs(corpus):
            comparisons.append(
                compare(
                    source,
                    derived,
                    relation=kind,
                    alignment=alignment,
                    source_tags=tags.get(source.id, ()),
                    derived_tags=tags.get(derived.id, ()),
                    source_quotes=quotes.get(source.id, ()),
                    derived_quotes=quotes.get(derived.id, ()),
                )
            )
    return CorpusAnalysis(corpus, quotes, tags, tuple(comparisons), categories)


# ---------------------------------------------------------------------------
# text


def render_text(analysis: CorpusAnalysis) -> str:
    """A plain-text report: files, articles, relations, quotes, tags, discrepancies."""
    corpus = analysis.corpus
    lines = [f"aistress {version('aistress')} report", ""]
    lines.append(
        f"{len(corpus.sources)} file(s), {len(corpus)} article(s), "
        f"{len(corpus.failures)} failure(s)"
    )
    for source in corpus.sources:
        lines.append(f"\n{source.path or source.id}  [{source.format}, {source.encoding}]")
        for article in source.articles:
            title = article.title or "(no title)"
            lines.append(
                f"  {article.id}: {article.kind.value}, {article.language}, "
                f"{len(article.blocks)} blocks, {len(analysis.quotes.get(article.id, ()))} quotes"
                f" — {title}"
            )
            labels = sorted({t.category for t in analysis.tags.get(article.id, ())})
            if labels:
                lines.append(f"    tags: {', '.join(labels)}")
        lines.extend(f"  warning: {w.code}: {w.message}" for w in source.warnings)
    lines.extend(f"\nFAILED {f.path}:{f.line}:{f.column}: {f.reason}" for f in corpus.failures)
    relations = corpus.all_relations
    if relations or corpus.translations:
        lines.append("\nrelations")
        lines.extend(
            f"  {t.target} translation_of {t.source} [reader, {len(t.alignment or ())} beads]"
            for t in corpus.translations
        )
        for r in relations:
            score = f" ({r.score:.2f})" if r.score is not None else ""
            lines.append(f"  {r.subject} {r.kind.value} {r.target} [{r.method}]{score}")
    speakers = analysis.speakers()
    if speakers:
        lines.append("\nspeakers")
        for name, quotes in sorted(speakers.items(), key=lambda kv: -len(kv[1])):
            languages = sorted({q.language for _, q in quotes})
            lines.append(f"  {name}: {len(quotes)} quote(s) in {', '.join(languages)}")
    for comparison in analysis.comparisons:
        kind = comparison.relation.value if comparison.relation else "derived from"
        lines.append(
            f"\n{comparison.derived} {kind} {comparison.source}: "
            f"coverage {comparison.coverage:.0%}, "
            f"{len(comparison.quotes_kept)} quote(s) kept, {len(comparison.quotes_dropped)} dropped"
        )
        if comparison.categories_dropped:
            lines.append(f"  categories dropped: {', '.join(comparison.categories_dropped)}")
        if comparison.categories_added:
            lines.append(f"  categories added: {', '.join(comparison.categories_added)}")
        lines.extend(f"  {d.kind}: {d.explanation}" for d in comparison.discrepancies)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# HTML

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;
color:#1d1d1f;background:#fff}
h1{font-size:1.7rem}h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.pair td{width:50%}
.pair tr.gap td{background:#fafafa;color:#888}
mark{background:#ffd54f;padding:0 .1em}
.disc{background:#fff4e5;border-left:4px solid #f59e0b;padding:.4rem .8rem;margin:.3rem 0}
.muted{color:#777}
.heat td.cell{text-align:center;min-width:1.8rem}
.heat th.cat{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:400}
.speaker{margin:1rem 0}
.speaker li{margin:.2rem 0}
nav a{margin-right:1rem}
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _highlight(text: str, start: int, marks: Sequence[tuple[int, int, str]]) -> str:
    """Escape ``text`` (which starts at ``start`` in its article) with ``<mark>`` over spans."""
    out = []
    at = 0
    for a, b, title in sorted(marks):
        a, b = max(a - start, at), min(b - start, len(text))
        if b <= a:
            continue
        out.append(_e(text[at:a]))
        out.append(f'<mark title="{_e(title)}">{_e(text[a:b])}</mark>')
        at = b
    out.append(_e(text[at:]))
    return "".join(out)


def _marks_for(
    discrepancies: Iterable[Discrepancy], doc: str, side: str
) -> list[tuple[int, int, str]]:
    marks: list[tuple[int, int, str]] = []
    for d in discrepancies:
        spans: Sequence[Span] = d.source if side == "source" else d.derived
        marks.extend((s.start, s.end, d.explanation) for s in spans if s.doc == doc)
    return marks


def _section_corpus(analysis: CorpusAnalysis) -> str:
    corpus = analysis.corpus
    rows = "".join(
        f"<tr><td>{_e(s.path or s.id)}</td><td>{_e(s.format)}</td><td>{_e(s.encoding)}</td>"
        f"<td>{_e(', '.join(a.id for a in s.articles))}</td>"
        f"<td>{_e('; '.join(w.message for w in s.warnings))}</td></tr>"
        for s in corpus.sources
    )
    failures = "".join(
        f"<tr><td>{_e(f.path)}</td><td>{_e(f.error)}</td><td>{_e(f.line)}:{_e(f.column)}</td>"
        f"<td>{_e(f.reason)}</td></tr>"
        for f in corpus.failures
    )
    relations = "".join(
        f"<tr><td>{_e(r.subject)}</td><td>{_e(r.kind.value)}</td><td>{_e(r.target)}</td>"
        f"<td>{_e(r.method)}</td>"
        f"<td class=num>{'' if r.score is None else f'{r.score:.2f}'}</td></tr>"
        for r in corpus.all_relations
    )
    out = [
        '<section id="corpus"><h2>Corpus</h2>',
        f"<p>{len(corpus.sources)} files, {len(corpus)} articles, "
        f"{len(corpus.failures)} failures.</p>",
        "<table><tr><th>file</th><th>format</th><th>encoding</th><th>articles</th><th>warnings</th></tr>",
        rows,
        "</table>",
    ]
    if failures:
        out += [
            "<h3>Failures</h3><table><tr><th>file</th><th>error</th><th>at</th><th>reason</th></tr>",
            failures,
            "</table>",
        ]
    out += [
        "<h3>Relations</h3>",
        "<table><tr><th>article</th><th>is</th><th>of</th><th>found by</th><th>score</th></tr>",
        relations or "<tr><td colspan=5 class=muted>none</td></tr>",
        "</table></section>",
    ]
    return "".join(out)


def _section_articles(analysis: CorpusAnalysis) -> str:
    rows = []
    for a in analysis.corpus.articles:
        labels = sorted({t.category for t in analysis.tags.get(a.id, ())})
        subtitle = f"<br><span class=muted>{_e(a.subtitle)}</span>" if a.subtitle else ""
        rows.append(
            f'<tr id="a-{_e(a.id)}"><td>{_e(a.id)}</td><td>{_e(a.kind.value)}</td>'
            f"<td>{_e(a.language)}</td><td>{_e(a.title or '')}{subtitle}</td>"
            f"<td>{_e(a.author or '')}</td><td>{_e(a.outlet or '')}</td>"
            f"<td>{_e(a.published.isoformat() if a.published else '')}</td>"
            f"<td class=num>{len(a.blocks)}</td><td>{_e(', '.join(a.tags))}</td>"
            f"<td>{_e(', '.join(labels))}</td></tr>"
        )
    return (
        '<section id="articles"><h2>Articles</h2><table><tr><th>id</th><th>kind</th><th>lang</th>'
        "<th>title</th><th>author</th><th>outlet</th><th>published</th><th>blocks</th><th>tags</th>"
        "<th>stressors and remedies</th></tr>" + "".join(rows) + "</table></section>"
    )


def _pair_table(comparison: Comparison, source: Article, derived: Article) -> str:
    disc = comparison.discrepancies
    source_marks = _marks_for(disc, source.id, "source")
    derived_marks = _marks_for(disc, derived.id, "derived")
    rows = [
        f"<tr><th>{_e(source.id)} ({_e(source.language)})</th>"
        f"<th>{_e(derived.id)} ({_e(derived.language)})</th></tr>"
    ]
    if source.title or derived.title:
        rows.append(
            "<tr><td><b>"
            + _highlight(source.title or "", 0, _marks_for(disc, f"{source.id}#title", "source"))
            + "</b></td><td><b>"
            + _highlight(derived.title or "", 0, _marks_for(disc, f"{derived.id}#title", "derived"))
            + "</b></td></tr>"
        )
    alignment = comparison.alignment
    beads = alignment.beads if alignment is not None else ()
    for bead in beads:
        left = "<br><br>".join(
            _highlight(source.blocks[i].text, source.block_span(i).start, source_marks)
            for i in bead.source
            if i < len(source.blocks)
        )
        right = "<br><br>".join(
            _highlight(derived.blocks[j].text, derived.block_span(j).start, derived_marks)
            for j in bead.target
            if j < len(derived.blocks)
        )
        gap = ' class="gap"' if not bead.source or not bead.target else ""
        rows.append(f"<tr{gap}><td>{left}</td><td>{right}</td></tr>")
    return '<table class="pair">' + "".join(rows) + "</table>"


def _section_alignments(analysis: CorpusAnalysis) -> str:
    corpus = analysis.corpus
    out = ['<section id="alignments"><h2>Aligned pairs</h2>']
    if not analysis.comparisons:
        out.append('<p class="muted">No translated or derived pairs found.</p>')
    for c in analysis.comparisons:
        source, derived = corpus[c.source], corpus[c.derived]
        kind = c.relation.value.replace("_", " ") if c.relation else "derived from"
        out.append(
            f"<h3>{_e(derived.id)} <span class=muted>{_e(kind)}</span> {_e(source.id)}</h3>"
            f"<p>Coverage {c.coverage:.0%}; quotes kept {len(c.quotes_kept)}, dropped "
            f"{len(c.quotes_dropped)}; categories dropped: "
            f"{_e(', '.join(c.categories_dropped) or 'none')}; "
            f"added: {_e(', '.join(c.categories_added) or 'none')}.</p>"
        )
        out.extend(
            f'<div class="disc"><b>{_e(d.kind)}</b>: {_e(d.explanation)}</div>'
            for d in c.discrepancies
        )
        out.append(_pair_table(c, source, derived))
    out.append("</section>")
    return "".join(out)


def _section_quotes(analysis: CorpusAnalysis) -> str:
    out = ['<section id="quotes"><h2>Quotes by speaker</h2>']
    speakers = analysis.speakers()
    if not speakers:
        out.append('<p class="muted">No quotes found.</p>')
    for name, quotes in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        person = next((q.speaker for _, q in quotes if q.speaker is not None), None)
        about = ", ".join(x for x in (person.role, person.affiliation) if x) if person else ""
        aliases = ", ".join(a for a in person.aliases) if person else ""
        out.append(
            f'<div class="speaker"><h3>{_e(name)}</h3>'
            + (f"<p class=muted>{_e(about)}</p>" if about else "")
            + (f"<p class=muted>also: {_e(aliases)}</p>" if aliases else "")
            + "<ul>"
            + "".join(
                f'<li lang="{_e(q.language)}"><span class=muted>{_e(aid)}:</span> “{_e(q.text)}”'
                f"{' <span class=muted>(' + _e(q.cue) + ')</span>' if q.cue else ''}</li>"
                for aid, q in quotes
            )
            + "</ul></div>"
        )
    out.append("</section>")
    return "".join(out)


def _section_matrix(analysis: CorpusAnalysis) -> str:
    ids, rows = analysis.matrix()
    labels = {c[0]: c[2].get("en", c[0]) for c in analysis.categories}
    kinds = {c[0]: c[1] for c in analysis.categories}
    top = max((n for _, counts in rows for n in counts), default=0) or 1
    head = "".join(
        f'<th class="cat" title="{_e(kinds.get(i, ""))}">{_e(labels.get(i, i))}</th>' for i in ids
    )
    body = []
    for article_id, counts in rows:
        cells = []
        for category, n in zip(ids, counts, strict=True):
            hue = 25 if kinds.get(category) == "stressor" else 200
            light = 100 - int(55 * n / top) if n else 100
            cells.append(
                f'<td class="cell" style="background:hsl({hue},80%,{light}%)" '
                f'title="{_e(article_id)} × {_e(category)}: {n}">{n or ""}</td>'
            )
        body.append(f"<tr><th>{_e(article_id)}</th>{''.join(cells)}</tr>")
    return (
        '<section id="matrix"><h2>Stressors and remedies</h2>'
        "<p class=muted>Paragraph-level tags per article; orange columns are stressors, "
        "blue remedies.</p>"
        f'<table class="heat"><tr><th>article</th>{head}</tr>{"".join(body)}</table></section>'
    )


def render_html(analysis: CorpusAnalysis, *, title: str = "aistress report") -> str:
    """The report as one self-contained HTML page (no external resources)."""
    sections = [
        _section_corpus(analysis),
        _section_articles(analysis),
        _section_alignments(analysis),
        _section_quotes(analysis),
        _section_matrix(analysis),
    ]
    nav = "".join(
        f'<a href="#{k}">{v}</a>'
        for k, v in (
            ("corpus", "Corpus"),
            ("articles", "Articles"),
            ("alignments", "Aligned pairs"),
            ("quotes", "Quotes"),
            ("matrix", "Stressors and remedies"),
        )
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="aistress {_e(version("aistress"))}">'
        f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1><nav>{nav}</nav>"
        + "".join(sections)
        + "</body></html>\n"
    )
