"""Show what the analysis found in a corpus: as text for the terminal, or as one HTML page.

This module only renders: :func:`aistress.pipeline.analyse_corpus` (or
:func:`aistress.pipeline.analyse_paths`) finds the relations, quotes, tags
and discrepancies, and :func:`render_text` or :func:`render_html` shows the
resulting :class:`~aistress.pipeline.CorpusAnalysis`. The HTML page is
self-contained: no scripts, fonts or images from anywhere else, so the file
can be mailed or archived as it is.

The HTML page leads with what is wrong and has these sections (each a
``<section>`` with an ``id``):

- ``summary``: counts, and every discrepancy with a link to it, quoted by
  phrase on both sides;
- ``corpus``: the files read, their formats, failures, and the relations;
- ``articles``: each article's metadata;
- ``alignments``: every translation or derived pair side by side in a
  collapsible ``<details>`` (open when the pair has discrepancies), aligned
  paragraph by paragraph, with discrepancies highlighted (``<mark>``) and
  explained; paragraphs of the source with no counterpart fold away, so a
  summary stands beside the paragraphs it summarises;
- ``quotes``: quotes grouped by speaker, across languages, each speaker a
  ``<details>`` that opens on their quotes;
- ``matrix``: the stressor and remedy counts per article as a heatmap, in
  a box that scrolls sideways when the page is narrower than the table.

Articles are labelled by outlet and title (their ids are kept in
tooltips and anchors).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from importlib.metadata import PackageNotFoundError, version

from aistress.comparison.summary import by_kind, discrepancy_lines, quote_counts
from aistress.model import Article, Comparison, Discrepancy, Span
from aistress.pipeline import CorpusAnalysis, analyse_corpus

__all__ = ["CorpusAnalysis", "analyse_corpus", "label", "render_html", "render_text"]


def _version() -> str:
    try:
        return version("aistress")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0+unknown"


# ---------------------------------------------------------------------------
# labels and phrases


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def label(article: Article, *, width: int = 60) -> str:
    """A reader's name for an article: outlet (or author) and title, with its language.

    The title falls back on the article's first words; the id is used only
    when the article has no text at all.

    >>> from aistress.model import Article, Block
    >>> label(Article("x#zh", "zh", "summary", blocks=[Block("paragraph", "研究人员压力很大。")]))
    '研究人员压力很大。 (zh summary)'
    """
    title = article.title or next((b.text for b in article.blocks if b.text.strip()), "")
    who = article.outlet or article.author or ""
    name = " · ".join(x for x in (who, _clip(title, width)) if x) or article.id
    kind = "" if article.kind.value in ("news", "blog") else f" {article.kind.value}"
    return f"{name} ({article.language}{kind})"


# ---------------------------------------------------------------------------
# text


def render_text(analysis: CorpusAnalysis) -> str:
    """A plain-text report: discrepancies first, then files, relations, speakers and pairs."""
    corpus = analysis.corpus
    lines = [f"aistress {_version()} report", ""]
    total = sum(len(c.discrepancies) for c in analysis.comparisons)
    lines.append(
        f"{len(corpus.sources)} file(s), {len(corpus)} article(s), "
        f"{len(analysis.failures)} failure(s), {len(analysis.comparisons)} pair(s) compared, "
        f"{total} discrepanc{'y' if total == 1 else 'ies'}"
    )
    for number, (comparison, item) in enumerate(_all_discrepancies(analysis), 1):
        derived = corpus[comparison.derived]
        lines.append(f"  {number}. [{item.kind}] {label(derived)}: {item.explanation}")
        lines.extend(f"     {side}: “{quoted}”" for side, quoted in _quoted(item))
    for source in corpus.sources:
        lines.append(f"\n{source.path or source.id}  [{source.format}, {source.encoding}]")
        for article in source.articles:
            lines.append(
                f"  {article.id}: {article.kind.value}, {article.language}, "
                f"{len(article.blocks)} blocks, {len(analysis.quotes.get(article.id, ()))} quotes"
                f" — {label(article)}"
            )
            labels = sorted({t.category for t in analysis.tags.get(article.id, ())})
            if labels:
                lines.append(f"    tags: {', '.join(labels)}")
        lines.extend(f"  warning: {w.code}: {w.message}" for w in source.warnings)
    lines.extend(f"\nFAILED {f.path}:{f.line}:{f.column}: {f.reason}" for f in analysis.failures)
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
            "{} quote(s) kept, {} dropped".format(*quote_counts(comparison))
        )
        if comparison.categories_dropped:
            lines.append(f"  categories dropped: {', '.join(comparison.categories_dropped)}")
        if comparison.categories_added:
            lines.append(f"  categories added: {', '.join(comparison.categories_added)}")
        lines.extend(discrepancy_lines(comparison))
    return "\n".join(lines) + "\n"


def _all_discrepancies(analysis: CorpusAnalysis) -> list[tuple[Comparison, Discrepancy]]:
    return [(c, d) for c in analysis.comparisons for d in c.discrepancies]


def _quoted(item: Discrepancy) -> list[tuple[str, str]]:
    """``(side, phrase)`` for each side whose phrase the comparison quoted."""
    return [
        (side, text)
        for side, text in (("source", item.source_phrase), ("derived", item.derived_phrase))
        if text
    ]


# ---------------------------------------------------------------------------
# HTML

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1200px;padding:1rem 2rem;
color:#1d1d1f;background:#fff;box-sizing:border-box}
*,*::before,*::after{box-sizing:inherit}
h1{font-size:1.7rem;overflow-wrap:anywhere}
h2{border-bottom:2px solid #ddd;padding-bottom:.2rem;margin-top:2.5rem}
h3{display:inline;font-size:1.1rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left;
overflow-wrap:break-word}
th{background:#f4f4f6;white-space:nowrap}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.meta{white-space:nowrap}
td.wide{min-width:16rem}
.scroll{overflow-x:auto;max-width:100%;padding:0 1px}
.scroll>table{width:auto;min-width:100%}
.scroll>table.pair,table.pair{width:100%;table-layout:fixed}
.pair td{width:50%}
.pair th{white-space:normal}
.pair tr.gap td{background:#fafafa;color:#666}
details.pair-box{border:1px solid #ddd;border-radius:6px;margin:.8rem 0;padding:.4rem .8rem}
details.pair-box[open]{padding-bottom:.8rem}
details.pair-box>summary{cursor:pointer;padding:.2rem 0}
details.warn{border-color:#f59e0b}
mark{background:#ffd54f;padding:0 .1em}
.disc{background:#fff4e5;border-left:4px solid #f59e0b;padding:.4rem .8rem;margin:.3rem 0}
.disc q,.summary q{font-style:italic}
.muted{color:#666}
.id{color:#888;font-size:.8em;overflow-wrap:anywhere}
.tags{line-height:1.9}
.tag{display:inline-block;white-space:nowrap;background:#eef2f7;border-radius:3px;
padding:0 .35em;margin:0 .2em .1em 0;font-size:.85em}
.heat{width:auto}
.heat td.cell{text-align:center;min-width:1.6rem;padding:.2rem}
.heat th.cat{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;
font-weight:400;padding:.3rem .1rem}
.heat th.row{position:sticky;left:0;white-space:normal;min-width:12rem;max-width:18rem;
font-weight:400;font-size:.9em}
tr.fold>td{padding:.2rem .5rem;background:#fafafa}
tr.fold table{margin:.3rem 0}
.speaker{margin:.4rem 0}
.speaker>summary{cursor:pointer}
.speaker li{margin:.2rem 0}
nav{display:flex;flex-wrap:wrap;gap:.3rem 1rem}
#summary ol li{margin:.3rem 0}
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


def _quoted_html(item: Discrepancy) -> str:
    """Each side's phrase of a discrepancy, one line each."""
    return "".join(
        f"<br><span class=muted>{_e(side)}:</span> <q>{_e(text)}</q>"
        for side, text in _quoted(item)
    )


def _article_link(article: Article) -> str:
    return f'<a href="#a-{_e(article.id)}" title="{_e(article.id)}">{_e(label(article))}</a>'


def _tags(labels: Iterable[str]) -> str:
    """Labels as chips that never break inside a word; empty for no labels."""
    labels = list(labels)
    if not labels:
        return ""
    return (
        "<span class=tags>"
        + " ".join(f"<span class=tag>{_e(x)}</span>" for x in labels)
        + "</span>"
    )


def _section_summary(analysis: CorpusAnalysis) -> str:
    corpus = analysis.corpus
    found = _all_discrepancies(analysis)
    out = [
        '<section id="summary"><h2>Summary</h2>',
        f"<p>{len(corpus.sources)} files, {len(corpus)} articles, "
        f"{len(analysis.failures)} failures; {len(analysis.comparisons)} translated or derived "
        f"pairs compared, <b>{len(found)} discrepanc{'y' if len(found) == 1 else 'ies'}</b>.</p>",
    ]
    if found:
        out.append("<ol>")
        for number, (comparison, item) in enumerate(found, 1):
            derived, source = corpus[comparison.derived], corpus[comparison.source]
            out.append(
                f'<li><a href="#d-{number}"><b>{_e(item.kind)}</b> in {_e(label(derived))}</a> '
                f"<span class=muted>against {_e(label(source))}</span>: "
                f"{_e(item.explanation)}{_quoted_html(item)}</li>"
            )
        out.append("</ol>")
    else:
        out.append('<p class="muted">No discrepancies found.</p>')
    if analysis.failures:
        out.append(
            f'<p><a href="#failures">{len(analysis.failures)} file(s) could not be read</a>.</p>'
        )
    out.append("</section>")
    return "".join(out)


def _section_corpus(analysis: CorpusAnalysis) -> str:
    corpus = analysis.corpus
    rows = "".join(
        f"<tr><td>{_e(s.path or s.id)}</td><td class=meta>{_e(s.format)}</td>"
        f"<td class=meta>{_e(s.encoding)}</td>"
        f"<td>{'<br>'.join(_article_link(a) for a in s.articles)}</td>"
        f"<td>{_e('; '.join(w.message for w in s.warnings))}</td></tr>"
        for s in corpus.sources
    )
    failures = "".join(
        f"<tr><td>{_e(f.path)}</td><td>{_e(f.error)}</td><td>{_e(f.line)}:{_e(f.column)}</td>"
        f"<td>{_e(f.reason)}</td></tr>"
        for f in analysis.failures
    )
    names = {a.id: label(a, width=40) for a in corpus.articles}
    relations = "".join(
        f"<tr><td title='{_e(r.subject)}'>{_e(names.get(r.subject, r.subject))}</td>"
        f"<td class=meta>{_e(r.kind.value.replace('_', ' '))}</td>"
        f"<td title='{_e(r.target)}'>{_e(names.get(r.target, r.target))}</td>"
        f"<td class=meta>{_e(r.method)}</td>"
        f"<td class=num>{'' if r.score is None else f'{r.score:.2f}'}</td></tr>"
        for r in corpus.all_relations
    )
    out = [
        '<section id="corpus"><h2>Corpus</h2>',
        '<div class="scroll"><table><tr><th>file</th><th>format</th><th>encoding</th>'
        "<th>articles</th><th>warnings</th></tr>",
        rows,
        "</table></div>",
    ]
    if failures:
        out += [
            '<h3 id="failures">Failures</h3><div class="scroll"><table><tr><th>file</th>'
            "<th>error</th><th>at</th><th>reason</th></tr>",
            failures,
            "</table></div>",
        ]
    out += [
        "<h3>Relations</h3>",
        '<div class="scroll"><table><tr><th>article</th><th>is</th><th>of</th><th>found by</th>'
        "<th>score</th></tr>",
        relations or "<tr><td colspan=5 class=muted>none</td></tr>",
        "</table></div></section>",
    ]
    return "".join(out)


def _section_articles(analysis: CorpusAnalysis) -> str:
    rows = []
    for a in analysis.corpus.articles:
        labels = sorted({t.category for t in analysis.tags.get(a.id, ())})
        subtitle = f"<br><span class=muted>{_e(a.subtitle)}</span>" if a.subtitle else ""
        rows.append(
            f'<tr id="a-{_e(a.id)}"><td class=wide>{_e(a.title or label(a))}{subtitle}'
            f"<br><span class=id>{_e(a.id)}</span></td><td class=meta>{_e(a.kind.value)}</td>"
            f"<td class=meta>{_e(a.language)}</td>"
            f"<td>{_e(a.author or '')}</td><td>{_e(a.outlet or '')}</td>"
            f"<td class=meta>{_e(a.published.isoformat() if a.published else '')}</td>"
            f"<td class=num>{len(a.blocks)}</td><td>{_tags(a.tags)}</td>"
            f"<td>{_tags(labels)}</td></tr>"
        )
    return (
        '<section id="articles"><h2>Articles</h2><div class="scroll"><table><tr><th>title</th>'
        "<th>kind</th><th>lang</th><th>author</th><th>outlet</th><th>published</th>"
        "<th>blocks</th><th>tags</th><th>stressors and remedies</th></tr>"
        + "".join(rows)
        + "</table></div></section>"
    )


def _cell(article: Article, indices: Sequence[int], marks: Sequence[tuple[int, int, str]]) -> str:
    return "<br><br>".join(
        _highlight(article.blocks[i].text, article.block_span(i).start, marks)
        for i in indices
        if i < len(article.blocks)
    )


def _pair_rows(comparison: Comparison, source: Article, derived: Article) -> list[tuple[str, bool]]:
    """``(row, has a mark)`` per aligned row; runs with no counterpart fold into one row."""
    disc = comparison.discrepancies
    source_marks = _marks_for(disc, source.id, "source")
    derived_marks = _marks_for(disc, derived.id, "derived")
    rows: list[tuple[str, bool]] = []
    if source.title or derived.title:
        left = _highlight(source.title or "", 0, _marks_for(disc, f"{source.id}#title", "source"))
        right = _highlight(
            derived.title or "", 0, _marks_for(disc, f"{derived.id}#title", "derived")
        )
        rows.append(
            (f"<tr><td><b>{left}</b></td><td><b>{right}</b></td></tr>", "<mark" in left + right)
        )
    beads = comparison.alignment.beads if comparison.alignment is not None else ()
    gap: list[str] = []
    gap_marked = False

    def flush() -> None:
        nonlocal gap_marked
        if not gap:
            return
        shown = "".join(gap)
        if len(gap) > 1:
            shown = (
                f"<details{' open' if gap_marked else ''}><summary>{len(gap)} paragraphs with "
                f"no counterpart</summary>{shown}</details>"
            )
        rows.append((f'<tr class="gap"><td colspan=2>{shown}</td></tr>', gap_marked))
        gap.clear()
        gap_marked = False

    for bead in beads:
        left = _cell(source, bead.source, source_marks)
        right = _cell(derived, bead.target, derived_marks)
        if bead.source and bead.target:
            flush()
            rows.append((f"<tr><td>{left}</td><td>{right}</td></tr>", "<mark" in left + right))
            continue
        side = "source" if bead.source else "derived"
        gap.append(f"<p><span class=muted>only in the {side}:</span> {left or right}</p>")
        gap_marked = gap_marked or "<mark" in left + right
    flush()
    return rows


#: In a pair with discrepancies, runs of at least this many unflagged rows fold away.
FOLD_RUN = 3


def _pair_table(comparison: Comparison, source: Article, derived: Article) -> str:
    """The pair side by side; with discrepancies, long runs of unflagged rows fold away."""
    head = (
        f"<tr><th>{_e(label(source))} <span class=id>{_e(source.id)}</span></th>"
        f"<th>{_e(label(derived))} <span class=id>{_e(derived.id)}</span></th></tr>"
    )
    rows = _pair_rows(comparison, source, derived)
    out = [head]
    run: list[str] = []

    def fold() -> None:
        if len(run) >= FOLD_RUN and comparison.discrepancies:
            out.append(
                f'<tr class="fold"><td colspan=2><details><summary>{len(run)} aligned rows with '
                f'nothing flagged</summary><table class="pair">{"".join(run)}</table>'
                "</details></td></tr>"
            )
        else:
            out.extend(run)
        run.clear()

    for row, marked in rows:
        if marked:
            fold()
            out.append(row)
        else:
            run.append(row)
    fold()
    return '<div class="scroll"><table class="pair">' + "".join(out) + "</table></div>"


def _section_alignments(analysis: CorpusAnalysis) -> str:
    corpus = analysis.corpus
    out = ['<section id="alignments"><h2>Aligned pairs</h2>']
    if not analysis.comparisons:
        out.append('<p class="muted">No translated or derived pairs found.</p>')
    number = 0
    for index, c in enumerate(analysis.comparisons, 1):
        source, derived = corpus[c.source], corpus[c.derived]
        kind = c.relation.value.replace("_", " ") if c.relation else "derived from"
        count = len(c.discrepancies)
        kept, dropped = quote_counts(c)
        warn = " warn" if count else ""
        out.append(
            f'<details id="pair-{index}" class="pair-box{warn}"{" open" if count else ""}>'
            f"<summary><h3>{_e(label(derived))}</h3> <span class=muted>{_e(kind)}</span> "
            f"{_e(label(source))} — {count} discrepanc{'y' if count == 1 else 'ies'}, "
            f"coverage {c.coverage:.0%}</summary>"
            f"<p>Quotes kept {kept}, dropped {dropped}; "
            f"categories dropped: {_tags(c.categories_dropped) or 'none'}; "
            f"added: {_tags(c.categories_added) or 'none'}.</p>"
        )
        for d in (d for _, items in by_kind(c) for d in items):
            number += 1
            out.append(
                f'<div class="disc" id="d-{number}"><b>{_e(d.kind)}</b>: {_e(d.explanation)}'
                f"{_quoted_html(d)}</div>"
            )
        out.append(_pair_table(c, source, derived))
        out.append("</details>")
    out.append("</section>")
    return "".join(out)


def _section_quotes(analysis: CorpusAnalysis) -> str:
    out = ['<section id="quotes"><h2>Quotes by speaker</h2>']
    speakers = analysis.speakers()
    if not speakers:
        out.append('<p class="muted">No quotes found.</p>')
    names = {a.id: label(a, width=40) for a in analysis.corpus.articles}
    for name, quotes in sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        person = next((q.speaker for _, q in quotes if q.speaker is not None), None)
        about = ", ".join(x for x in (person.role, person.affiliation) if x) if person else ""
        aliases = ", ".join(a for a in person.aliases) if person else ""
        languages = ", ".join(sorted({q.language for _, q in quotes}))
        count = f"{len(quotes)} quote{'s' if len(quotes) != 1 else ''} in {languages}"
        out.append(
            f'<details class="speaker"><summary><h3>{_e(name)}</h3> '
            f"<span class=muted>— {_e(count)}</span></summary>"
            + (f"<p class=muted>{_e(about)}</p>" if about else "")
            + (f"<p class=muted>also: {_e(aliases)}</p>" if aliases else "")
            + "<ul>"
            + "".join(
                f'<li lang="{_e(q.language)}"><span class=muted title="{_e(aid)}">'
                f"{_e(names.get(aid, aid))}:</span> “{_e(q.text)}”"
                f"{' <span class=muted>(' + _e(q.cue) + ')</span>' if q.cue else ''}</li>"
                for aid, q in quotes
            )
            + "</ul></details>"
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
    corpus = analysis.corpus
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
        name = label(corpus[article_id], width=40) if article_id in corpus else article_id
        body.append(
            f'<tr><th class="row" title="{_e(article_id)}">{_e(name)}</th>{"".join(cells)}</tr>'
        )
    return (
        '<section id="matrix"><h2>Stressors and remedies</h2>'
        "<p class=muted>Paragraph-level tags per article; orange columns are stressors, "
        "blue remedies. The table scrolls sideways when it is wider than the page.</p>"
        f'<div class="scroll"><table class="heat"><tr><th>article</th>{head}</tr>'
        f"{''.join(body)}</table></div></section>"
    )


#: The page's sections, in order: ``(id, heading in the navigation)``.
SECTIONS = (
    ("summary", "Summary"),
    ("corpus", "Corpus"),
    ("articles", "Articles"),
    ("alignments", "Aligned pairs"),
    ("quotes", "Quotes"),
    ("matrix", "Stressors and remedies"),
)


def render_html(analysis: CorpusAnalysis, *, title: str = "aistress report") -> str:
    """The report as one self-contained HTML page (no external resources)."""
    sections = [
        _section_summary(analysis),
        _section_corpus(analysis),
        _section_articles(analysis),
        _section_alignments(analysis),
        _section_quotes(analysis),
        _section_matrix(analysis),
    ]
    nav = "".join(f'<a href="#{k}">{v}</a>' for k, v in SECTIONS)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="generator" content="aistress {_e(_version())}">'
        f"<style>{_CSS}</style></head><body><h1>{_e(title)}</h1><nav>{nav}</nav>"
        + "".join(sections)
        + "</body></html>\n"
    )
