"""Article web page: an HTML page holding one article, with its meta tags.

The page is parsed with lxml's HTML parser with network access off, comments
and processing instructions removed, and no DTD or external entity loaded
(libxml2's HTML parser resolves only the predefined HTML character entities;
nothing is ever fetched). What the page yields:

- the title: the first ``<h1>`` of the article, else ``og:title``, else
  ``<title>`` (kept in ``extra["html_title"]`` when it differs from the title);
- ``og:*`` and ``article:*`` meta tags (and ``description``, ``keywords``,
  ``author``), each kept in the article's ``extra``
  under its property name; ``og:site_name`` gives the outlet, ``og:url`` (or
  ``<link rel="canonical">``) the url, ``article:tag`` (or ``keywords``) the
  tags, ``article:published_time`` the date, ``article:author`` the author;
- the byline (``rel="author"``, ``itemprop="author"``, ``class="byline"`` or
  ``"author"``; a leading ``By`` is dropped), a ``<time datetime>`` and a
  standfirst (``class="dek"``, ``"subtitle"``, ``"standfirst"``);
- the article's blocks, from ``<article>``, else ``<main>``, else ``<body>``:
  ``<h1>``-``<h6>`` headings (level = the number), ``<p>``, ``<li>``,
  ``<blockquote>``, ``<pre>`` and text-holding ``<div>`` that contain no
  other block; ``<br>`` becomes a line break, other whitespace collapses to
  one space. Navigation, asides, footers, forms, figures and elements whose
  class names related links, sharing or advertising are left out (see
  ``data/formats/html_skip_classes.txt``); a ``<figcaption>`` is boilerplate
  ``"caption"``.

When trafilatura is installed (the ``html`` extra) and the page holds more
than its article (navigation, asides, text outside the ``<article>``),
trafilatura finds the main text, and a block of the page's body stays in the
article when its text is in trafilatura's; the rest is ``"page-text"``
boilerplate, and the article records ``extra["main_text"] = "trafilatura"``.
Text a container holds between its block children (a wire story printed as
``<div>`` text with ``<br>``) becomes blocks too. Blocks and spans still come
from aistress's own parse, so offsets are exact. On the article-extraction
benchmark this lifts word F1 from 0.88 to 0.96 (see
``benchmarks/results/reader_accuracy.md``).

*Every character accounted for* means, for HTML: each non-whitespace
character of the decoded page lies in a block's span (which runs from the
first to the last character of the block's text in the source, so inline
markup such as ``<em>`` inside a paragraph is covered by it), in a metadata
field's span (the attribute value of a meta tag, the text of the title or
byline), or in a boilerplate item: ``"markup"`` (tags, comments, the doctype),
``"script"`` (the contents of ``<script>`` and ``<style>``) or
``"page-text"`` (visible text that is not part of the article: navigation,
related links, a ``By`` before the author). Block text is located in the
source by a linear scan that decodes character references, so spans are
exact; text the scan cannot find is reported as an ``unlocated-text``
warning, and its characters are then covered as ``"page-text"``.

The article id is ``<source id>#<primary language subtag>`` (``#en``); the
language comes from ``<html lang>``, or from the text. Warnings:
``missing-title``, ``missing-body``, ``unlocated-text``.

:func:`write` prints a canonical page (doctype, ``<head>`` with the meta
tags, one ``<article>``); it leaves out page chrome (navigation, scripts,
comments), so ``write(read(page))`` keeps the article and its metadata, not
the page's other markup.
"""

from __future__ import annotations

import html as html_lib
import re
import typing
from itertools import count

from lxml import etree

from aistress.errors import ParseError
from aistress.formats._common import (
    Evidence,
    Header,
    Page,
    article_to_write,
    checked_reader,
    load_list,
    main_language,
    sample_lines,
)
from aistress.formats._html_positions import _fill_gaps, _index, _Locator, _Tags
from aistress.formats._html_tree import (
    _BLOCK_TAGS,
    _BY,
    _CHROME,
    _DEK_CLASSES,
    _DROP_TAGS,
    _SKIP_TAGS,
    _byline,
    _classes,
    _date,
    _document_order,
    _has_chrome,
    _holding_br,
    _keywords,
    _language,
    _line,
    _main_text,
    _marked,
    _merge,
    _parser,
    _rendered,
)
from aistress.formats._registry import FormatGuess
from aistress.formats._text import _lf_parts
from aistress.model import (
    ArticleKind,
    BlockKind,
    FieldSpan,
    Source,
    Span,
)
from aistress.model._document import trusted_block, trusted_blocks

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "html"


def sniff(text: str) -> FormatGuess:
    """How likely ``text`` is an HTML page.

    >>> sniff("<!DOCTYPE html><html><body><p>Hi</p></body></html>").confidence
    0.9
    """
    ev = Evidence(FORMAT)
    head = text[:4096].lstrip("\ufeff \t\r\n").lower()
    if head.startswith("<!doctype html"):
        ev.add(0.7, "starts with an HTML doctype")
    elif head.startswith("<html"):
        ev.add(0.7, "starts with <html>")
    elif head.startswith("<"):
        ev.add(0.2, "starts with markup")
    sample = "\n".join(sample_lines(text)).lower()
    for marker, weight in (("<head", 0.1), ("<body", 0.1), ("<p", 0.1), ("og:", 0.05)):
        if marker in sample:
            ev.add(weight, f"has {marker}")
    if sample.count("<p") >= 3 and not head.startswith("<"):
        ev.add(0.3, "many <p> tags")
    return ev.guess()


@checked_reader
def read(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
    """Read an article web page (see the module docstring for what it yields).

    Time is linear in ``len(text)`` (lxml's parse, one scan for positions, and
    forward-only searches bounded per block); memory is the parsed tree plus a
    whitespace-free copy of the page's text.

    Raises:
        ParseError: If the text is empty or not text, or holds no HTML element.
    """
    page = Page.open(text, path=path, source_id=source_id, format=FORMAT)
    start = 1 if text.startswith("\ufeff") else 0
    try:
        root = etree.fromstring(text.encode("utf-8"), _parser())
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(path, 1, 1, f"not an HTML page: lxml says {exc}") from None
    if root is None:
        raise ParseError(path, 1, 1, "not an HTML page: no element found")
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)

    # The text of each element, rendered once: the extractor's test and the
    # block loop both ask for it.
    texts: dict[etree._Element, str] = {}
    holding_br = _holding_br(root)

    def shown(el: etree._Element) -> str:
        known = texts.get(el)
        if known is None:
            known = texts[el] = _rendered(el, holding_br)
        return known

    index = _index(text, start)
    locator = _Locator(page, index, _line_starts(page))
    tags = _Tags(text, index)
    header = Header()

    def attr_field(name: str, tag: str, attribute: str, value: str) -> None:
        found = tags.value_span(tag, attribute, value)
        if found is not None:
            header.fields.append(FieldSpan(name, locator.cover(*found)))

    language = _language(root.get("lang"))
    if language is not None:
        attr_field("language", "html", "lang", root.get("lang") or "")

    # <head>: title and meta tags, in document order.
    html_title: str | None = None
    meta: dict[str, str] = {}
    tag_values: list[str] = []
    for el in root.iter("title", "meta", "link"):
        if el.tag == "title" and html_title is None:
            if any(a.tag == "svg" for a in el.iterancestors()):
                continue  # an image's accessible name, not the page's title
            html_title = shown(el)
            span = locator.find(html_title, _line(el)) if html_title else None
            if span is not None:
                header.fields.append(FieldSpan("html_title", span))
        elif el.tag == "meta":
            key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
            value = el.get("content")
            lowered = key.lower()
            if value is None or not key:
                continue
            wanted = lowered.startswith(("og:", "article:")) or lowered in {
                "description",
                "keywords",
                "author",
                "date",
                "datepublished",
            }
            if not wanted:
                continue
            attr_field(key, "meta", "content", value)
            if lowered == "article:tag":
                tag_values.append(value.strip())
            elif key not in meta:
                meta[key] = value
                header.extra.append((key, value))
        elif (
            el.tag == "link"
            and (el.get("rel") or "").lower() == "canonical"
            and el.get("href")
            and "canonical" not in meta
        ):
            meta["canonical"] = el.get("href") or ""
            header.extra.append(("canonical", meta["canonical"]))
            attr_field("canonical", "link", "href", meta["canonical"])

    content = next(iter(root.iter("article")), None)
    if content is None:
        content = next(iter(root.iter("main")), None)
    if content is None:
        content = root.find("body")
    if content is None:
        content = root

    skip_classes = frozenset(load_list("html_skip_classes"))
    ours = content
    main = _main_text(text) if _has_chrome(root, ours, skip_classes) else None

    # Per element: (it or an ancestor is skipped, it or an ancestor is the content).
    ancestry: dict[etree._Element, tuple[bool, bool]] = {}

    def by_rules(el: etree._Element) -> bool:
        """Our own rule: outside the chosen content, or in navigation, asides, related links.

        Each element's answer is kept, so asking about every block is linear.
        """
        chain: list[etree._Element] = []
        node: etree._Element | None = el
        known: tuple[bool, bool] | None = None
        while node is not None:
            known = ancestry.get(node)
            if known is not None:
                break
            chain.append(node)
            node = node.getparent()
        hit, inside = known if known is not None else (False, False)
        for node in reversed(chain):
            if not hit:
                names = node.get("class")
                hit = node.tag in _SKIP_TAGS or (
                    names is not None and not skip_classes.isdisjoint(names.lower().split())
                )
            inside = inside or node is ours
            ancestry[node] = (hit, inside)
        return hit or not inside

    skipped = by_rules
    if main is not None:
        # The extractor found the main text: every block of the body is a
        # candidate, and those it did not keep become page text (headings our
        # rules keep excepted).
        body = root.find("body")
        content = body if body is not None else root
        header.extra.append(("main_text", "trafilatura"))
        chosen = main

        def skipped(el: etree._Element) -> bool:
            # Headings the extractor leaves out stay when our own rules keep them.
            if _BLOCK_TAGS.get(el.tag) is BlockKind.HEADING and not by_rules(el):
                return False
            return not chosen.keeps(shown(el))

    # Byline, date and standfirst: fields, not blocks.
    taken: set[etree._Element] = set()
    marked = _marked(content)  # in order; those with a class are _with_class(content)
    author_el = _byline(content, marked)
    if author_el is None:
        author_el = _byline(root)
    dek_el = next((el for el in marked if _classes(el) & _DEK_CLASSES), None)
    time_el = next(iter(content.iter("time")), None)
    if time_el is None:
        time_el = next(iter(root.iter("time")), None)
    title_el = next(
        (el for el in content.iter("h1") if not any(a.tag in _CHROME for a in el.iterancestors())),
        None,
    )

    candidates: list[tuple[str, etree._Element]] = []
    if title_el is not None and shown(title_el):
        candidates.append(("title", title_el))
    if dek_el is not None and shown(dek_el):
        candidates.append(("subtitle", dek_el))
    if author_el is not None and shown(author_el):
        candidates.append(("author", author_el))
    if time_el is not None and shown(time_el):
        candidates.append(("time", time_el))
    for _, el in candidates:
        taken.add(el)

    # The blocks as columns, made in bulk at the end (headings, with their level, one by one).
    kinds: list[BlockKind] = []
    block_texts: list[str] = []
    block_starts: list[int] = []
    block_ends: list[int] = []
    located: list[bool] = []
    headings: list[tuple[int, int]] = []  # (place, level)
    ranks: dict[etree._Element, float] | None = None
    if main is not None:
        ranks = dict(zip(root.iter(), map(float, count()), strict=False))
    order = _document_order(content, taken, skipped, ranks)
    # The texts in document order, then all located in one call, then used in turn.
    items: list[tuple[str, etree._Element, str, str]] = []  # role, element, text, looked for
    for role, el in _merge(order, candidates, ranks):
        rendered = shown(el)
        if rendered:
            looked = (_BY.sub("", rendered).strip() or rendered) if role == "author" else rendered
            items.append((role, el, rendered, looked))
    lines = typing.cast("list[int | None]", [item[1].sourceline for item in items])
    places = locator.offsets_each([item[3] for item in items], lines)
    for (role, el, rendered, looked), found in zip(items, places, strict=True):
        if role == "block":
            if found is None:
                page.warn(
                    "unlocated-text",
                    f"the text of a <{el.tag}> was not found in the source; it is kept "
                    "without a span",
                    _line(el),
                )
            kind = _BLOCK_TAGS[el.tag]
            if kind is BlockKind.HEADING:
                headings.append((len(kinds), int(el.tag[1])))
            kinds.append(kind)
            block_texts.append(rendered)
            located.append(found is not None)
            start, end = (0, 0) if found is None else found
            block_starts.append(start)
            block_ends.append(end)
            continue
        span = None if found is None else page.span(*found)
        if role == "caption":
            if span is not None:
                page.add_boilerplate("caption", span)
        elif role == "title":
            header.title = rendered
            if span is not None:
                header.fields.append(FieldSpan("title", span))
        elif role == "subtitle":
            header.subtitle = rendered
            if span is not None:
                header.fields.append(FieldSpan("subtitle", span))
        elif role == "author":
            header.author = looked
            if span is not None:
                header.fields.append(FieldSpan("author", span))
        elif role == "time":
            stamp = el.get("datetime")
            header.published = _date(stamp) if stamp else None
            if header.published is None:
                header.published = _date(rendered)
            if span is not None:
                header.fields.append(FieldSpan("published", span))
            if stamp:
                attr_field("published", "time", "datetime", stamp)

    spans: list[Span | None] = list(page.spans(block_starts, block_ends))
    if not all(located):
        spans = [span if ok else None for span, ok in zip(spans, located, strict=True)]
    blocks = trusted_blocks(kinds, block_texts, spans)
    for i, level in headings:
        blocks[i] = trusted_block(BlockKind.HEADING, block_texts[i], level=level, span=spans[i])

    # Metadata from the head where the page body said nothing.
    if header.title is None:
        header.title = meta.get("og:title") or html_title or None
    if header.title is None:
        page.warn("missing-title", "no <h1>, og:title or <title>: the title is unknown")
    if html_title is not None and html_title != header.title:
        header.extra.append(("html_title", html_title))
    stamp = meta.get("article:published_time") or meta.get("datePublished") or meta.get("date")
    if stamp:
        header.published = _date(stamp) or header.published
    if header.author is None:
        header.author = meta.get("article:author") or meta.get("author") or None
    header.outlet = meta.get("og:site_name") or _title_suffix(html_title, header.title)
    header.url = meta.get("og:url") or meta.get("canonical") or None
    if not tag_values:
        tag_values = _keywords(meta.get("keywords"))
    if not any(b.kind is not BlockKind.HEADING for b in blocks):
        page.warn("missing-body", "no paragraphs in the page's article, main or body")
    if language is None:
        language = main_language(b.text for b in blocks) or "en"

    _fill_gaps(page, index, locator.covered)
    header.tags = [t for t in tag_values if t]
    article = page.article(
        language, ArticleKind.NEWS, blocks, header, suffix=language.split("-")[0]
    )
    return page.source([article])


def _line_starts(page: Page) -> list[int]:
    """Where each of ``page.lines`` starts, without making the line records."""
    text = page.text
    if "\r" in text:
        return [line.start for line in page.lines]
    starts = _lf_parts(text)[1]
    if starts and text.startswith("\ufeff"):
        starts[0] = 1  # the mark is not part of line 1
    return starts


_TITLE_SEPARATOR = re.compile(r"\s+[|｜–—·-]\s+|\s*_\s*")


def _title_suffix(html_title: str | None, title: str | None) -> str | None:
    """The site name a ``<title>`` adds after the headline (``Headline | Site``)."""
    if not html_title or not title or not html_title.startswith(title):
        return None
    rest = html_title[len(title) :]
    match = _TITLE_SEPARATOR.match(rest)
    if match is None:
        return None
    site = rest[match.end() :].strip()
    return site if 0 < len(site) <= 60 else None


# --- writing -------------------------------------------------------------------


def _esc(text: str) -> str:
    return html_lib.escape(text, quote=False)


def _attr(text: str) -> str:
    return html_lib.escape(text, quote=True)


def write(source: Source) -> str:
    """Print a source's main article as a canonical HTML page.

    ``read(write(x)) == x`` for every ``x`` read from a page :func:`write`
    printed. Meta tags come from ``extra`` (keys starting ``og:`` or
    ``article:`` and ``description``, ``keywords``, ``author``, ``date``,
    ``canonical``), in order, followed by ``og:site_name``, ``og:url`` and
    ``article:tag`` for the outlet, url and tags when ``extra`` does not
    already print them.

    Raises:
        ValueError: If the source has no article.
    """
    article = article_to_write(source, "an HTML page")
    extra = dict(article.extra)
    head = ['<meta charset="utf-8">']
    shown_title = extra.get("html_title", article.title)
    if shown_title is not None:
        head.append(f"<title>{_esc(shown_title)}</title>")
    names = {"description", "keywords", "author", "date", "datepublished"}
    for key, value in article.extra:
        if key == "canonical":
            head.append(f'<link rel="canonical" href="{_attr(value)}">')
        elif key.lower().startswith(("og:", "article:")):
            head.append(f'<meta property="{_attr(key)}" content="{_attr(value)}">')
        elif key.lower() in names:
            head.append(f'<meta name="{_attr(key)}" content="{_attr(value)}">')
    if article.outlet is not None and "og:site_name" not in extra:
        head.append(f'<meta property="og:site_name" content="{_attr(article.outlet)}">')
    if article.url is not None and "og:url" not in extra and "canonical" not in extra:
        head.append(f'<meta property="og:url" content="{_attr(article.url)}">')
    if list(article.tags) != _keywords(extra.get("keywords")):
        head.extend(f'<meta property="article:tag" content="{_attr(tag)}">' for tag in article.tags)
    body: list[str] = []
    if article.title is not None:
        body.append(f"<h1>{_esc(article.title)}</h1>")
    if article.subtitle is not None:
        body.append(f'<p class="dek">{_esc(article.subtitle)}</p>')
    if article.author is not None and article.author != (
        extra.get("article:author") or extra.get("author")
    ):
        body.append(f'<p class="byline">By <span class="author">{_esc(article.author)}</span></p>')
    published_meta = {"article:published_time", "date", "datePublished"} & set(extra)
    if article.published is not None and not published_meta:
        stamp = article.published.isoformat()
        body.append(f'<time datetime="{stamp}">{stamp}</time>')
    in_list = False
    for block in article.blocks:
        text = "<br>".join(_esc(line) for line in block.text.split("\n"))
        if block.kind is BlockKind.LIST_ITEM:
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{text}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        if block.kind is BlockKind.HEADING:
            level = min(6, max(2, block.level or 2))
            body.append(f"<h{level}>{text}</h{level}>")
        else:
            body.append(f"<p>{text}</p>")
    if in_list:
        body.append("</ul>")
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(article.language)}">',
        "<head>",
        *head,
        "</head>",
        "<body>",
        "<article>",
        *body,
        "</article>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
