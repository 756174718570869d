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

import bisect
import html as html_lib
import re
from collections.abc import Callable, Iterator, Sequence

import attrs
import lxml.html
from lxml import etree

from aistress.errors import InvalidValueError, ParseError
from aistress.formats._common import (
    Evidence,
    Page,
    find_date,
    load_list,
    main_language,
    sample_lines,
)
from aistress.formats._registry import FormatGuess
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    FieldSpan,
    PartialDate,
    Source,
    Span,
)

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "html"

# --- a position index of the source: linear, regex-based, never fetches -----

_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|</?[A-Za-z][^\s/>]*(?:[^>\"']|\"[^\"]*(?:\"|\Z)|'[^']*(?:'|\Z))*(?:>|\Z)"
    r"|<![^>]*(?:>|\Z)"
    r"|<\?[^>]*(?:>|\Z)",
    re.DOTALL,
)
_RAW_START = re.compile(r"<(script|style)\b", re.IGNORECASE)
_TAG_NAME = re.compile(r"</?([A-Za-z][^\s/>]*)")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_WS = re.compile(r"\s+")
_BR = "\x01"  # marks <br> in extracted text (never in an input: check_text refuses it)
_MAX_SEARCH = 200_000

_BLOCK_TAGS = {
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.PARAGRAPH,
    "pre": BlockKind.PARAGRAPH,
    "dd": BlockKind.PARAGRAPH,
    "dt": BlockKind.PARAGRAPH,
    "div": BlockKind.PARAGRAPH,
    "figcaption": BlockKind.PARAGRAPH,
    **{f"h{n}": BlockKind.HEADING for n in range(1, 7)},
}
_CHROME = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
_SKIP_TAGS = _CHROME | {"header", "button", "select", "figure", "svg"}
_DROP_TAGS = ("script", "style", "noscript", "template")
_BYLINE_CLASSES = frozenset({"byline", "author", "author-name", "byline-name"})
_DEK_CLASSES = frozenset({"dek", "subtitle", "standfirst", "subhead", "deck"})
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")
_KEYWORD_SPLIT = re.compile(r"[,，、;；]")
_BY = re.compile(r"^(?:by|von|par|作者)\s*[:：]?\s+", re.IGNORECASE)


@attrs.define
class _Index:
    """Where the text of a page lies: its character data, whitespace removed.

    ``stream`` holds the decoded, whitespace-free text of every text segment
    in order; segment ``k`` starts at ``stream_at[k]`` in ``stream`` and covers
    ``source[k]`` of the page. Memory is one small record per text segment.
    """

    text: str
    stream: str
    stream_at: list[int]
    source: list[tuple[int, int]]
    segments: list[tuple[str, int, int]]  # (kind, start, end) covering the page in order

    def to_source(self, index: int, *, end: bool) -> int:
        """Offset in the page of stream character ``index`` (its end if ``end``)."""
        k = bisect.bisect_right(self.stream_at, index) - 1
        local = index - self.stream_at[k]
        start, stop = self.source[k]
        seen = 0
        for at, width, decoded in _chars(self.text, start, stop):
            count = sum(1 for ch in decoded if not ch.isspace())
            if seen + count > local:
                return at + width if end else at
            seen += count
        return stop

    def from_source(self, offset: int) -> int:
        """The first stream index at or after page offset ``offset`` (segment granularity)."""
        k = bisect.bisect_left(self.source, (offset, -1))
        return self.stream_at[k] if k < len(self.stream_at) else len(self.stream)


def _chars(text: str, start: int, stop: int) -> Iterator[tuple[int, int, str]]:
    """``(offset, width, decoded)`` for each character or character reference."""
    at = start
    while at < stop:
        if text[at] == "&":
            match = _ENTITY.match(text, at, stop)
            if match is not None:
                decoded = html_lib.unescape(match.group())
                yield at, match.end() - at, decoded
                at = match.end()
                continue
        yield at, 1, text[at]
        at += 1


def _decode(segment: str) -> str:
    return _ENTITY.sub(lambda m: html_lib.unescape(m.group()), segment)


def _index(text: str, start: int = 0) -> _Index:
    """Split the page into markup, raw script/style text and character data. Linear."""
    segments: list[tuple[str, int, int]] = []
    parts: list[str] = []
    stream_at: list[int] = []
    sources: list[tuple[int, int]] = []
    length = 0
    at = start

    def add_text(a: int, b: int) -> None:
        nonlocal length
        if a >= b:
            return
        segments.append(("text", a, b))
        if text[a:b].isspace():
            return
        squeezed = _WS.sub("", _decode(text[a:b]))
        stream_at.append(length)
        sources.append((a, b))
        parts.append(squeezed)
        length += len(squeezed)

    while at < len(text):
        match = _MARKUP.search(text, at)
        if match is None:
            add_text(at, len(text))
            break
        add_text(at, match.start())
        segments.append(("markup", match.start(), match.end()))
        at = match.end()
        raw = _RAW_START.match(match.group())
        if raw is not None and not match.group().startswith("</"):
            closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(text, at)
            stop = closing.start() if closing is not None else len(text)
            if stop > at:
                segments.append(("script", at, stop))
            at = stop
    return _Index(text, "".join(parts), stream_at, sources, segments)


# --- the page through lxml ---------------------------------------------------


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        collect_ids=False,
        huge_tree=False,
    )


def _line(el: etree._Element) -> int | None:
    """The source line lxml recorded for an element, if any."""
    value = getattr(el, "sourceline", None)
    return value if isinstance(value, int) else None


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").lower().split())


def _rendered(el: etree._Element) -> str:
    """The text of an element as a reader sees it: whitespace collapsed, <br> a line break."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                parts.append(_BR)
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    lines = [_WS.sub(" ", part).strip() for part in "".join(parts).split(_BR)]
    return "\n".join(line for line in lines if line)


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip())
    if match is None:
        return None
    primary, script, region = match.groups()
    out = primary.lower()
    if script:
        out += "-" + script.capitalize()
    if region:
        out += "-" + region.upper()
    return out


def _keywords(value: str | None) -> list[str]:
    """The tags of a ``keywords`` meta tag (comma-separated)."""
    if not value:
        return []
    return [t.strip() for t in _KEYWORD_SPLIT.split(value) if t.strip()]


def _date(value: str) -> PartialDate | None:
    value = value.strip()
    try:
        return PartialDate.fromisoformat(value)
    except InvalidValueError:
        pass
    found = find_date(value[:200])
    return found.date if found is not None else None


class _Locator:
    """Finds texts of the page in document order; keeps every span it hands out."""

    def __init__(self, page: Page, index: _Index, line_starts: Sequence[int]) -> None:
        self.page = page
        self.index = index
        self.line_starts = line_starts
        self.cursor = 0
        self.covered: list[tuple[int, int]] = []

    def find(self, text: str, sourceline: int | None) -> Span | None:
        """The span of ``text`` at or after the cursor (and the element's line)."""
        needle = _WS.sub("", text)
        if not needle:
            return None
        floor = self.cursor
        if sourceline is not None and 0 < sourceline <= len(self.line_starts):
            floor = max(floor, self.index.from_source(self.line_starts[sourceline - 1]))
        stop = min(len(self.index.stream), floor + 4 * len(needle) + _MAX_SEARCH)
        found = self.index.stream.find(needle, floor, stop)
        if found < 0 and floor > self.cursor:
            found = self.index.stream.find(needle, self.cursor, stop)
        if found < 0:
            return None
        self.cursor = found + len(needle)
        start = self.index.to_source(found, end=False)
        end = self.index.to_source(found + len(needle) - 1, end=True)
        return self.cover(start, end)

    def cover(self, start: int, end: int) -> Span:
        """Record ``start:end`` as accounted for and return its span."""
        self.covered.append((start, end))
        return self.page.span(start, end)


def _attribute_span(text: str, tag: tuple[int, int], name: str) -> tuple[int, int] | None:
    """Where the value of attribute ``name`` lies inside the start tag at ``tag``."""
    pattern = re.compile(
        rf"\s{re.escape(name)}\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s>\"']+))", re.IGNORECASE
    )
    match = pattern.search(text, tag[0], tag[1])
    if match is None:
        return None
    group = next(g for g in (1, 2, 3) if match.group(g) is not None)
    return match.start(group), match.end(group)


class _Tags:
    """Start tags of the page by name, in order, to find attribute positions."""

    def __init__(self, text: str, index: _Index) -> None:
        self.text = text
        self.by_name: dict[str, list[tuple[int, int]]] = {}
        self.cursor: dict[str, int] = {}
        for kind, start, end in index.segments:
            if kind != "markup" or text.startswith(("</", "<!", "<?"), start):
                continue
            match = _TAG_NAME.match(text, start, end)
            if match is not None:
                self.by_name.setdefault(match.group(1).lower(), []).append((start, end))

    def value_span(self, tag: str, name: str, value: str) -> tuple[int, int] | None:
        """The next ``<tag>`` whose attribute ``name`` decodes to ``value``: where it lies."""
        tags = self.by_name.get(tag, [])
        k = self.cursor.get(tag, 0)
        while k < len(tags):
            found = _attribute_span(self.text, tags[k], name)
            k += 1
            if found is not None and _decode(self.text[found[0] : found[1]]) == value:
                self.cursor[tag] = k
                return found
        return None


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
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (etree.LxmlError, ValueError) as exc:
        raise ParseError(path, 1, 1, f"not an HTML page: lxml says {exc}") from None
    if root is None:
        raise ParseError(path, 1, 1, "not an HTML page: no element found")
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)

    index = _index(text, start)
    locator = _Locator(page, index, [line.start for line in page.lines])
    tags = _Tags(text, index)
    fields: list[FieldSpan] = []
    extra: list[tuple[str, str]] = []

    def attr_field(name: str, tag: str, attribute: str, value: str) -> None:
        found = tags.value_span(tag, attribute, value)
        if found is not None:
            fields.append(FieldSpan(name, locator.cover(*found)))

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
            html_title = _rendered(el)
            span = locator.find(html_title, _line(el)) if html_title else None
            if span is not None:
                fields.append(FieldSpan("html_title", span))
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
                extra.append((key, value))
        elif (
            el.tag == "link"
            and (el.get("rel") or "").lower() == "canonical"
            and el.get("href")
            and "canonical" not in meta
        ):
            meta["canonical"] = el.get("href") or ""
            extra.append(("canonical", meta["canonical"]))
            attr_field("canonical", "link", "href", meta["canonical"])

    content = next(iter(root.iter("article")), None)
    if content is None:
        content = next(iter(root.iter("main")), None)
    if content is None:
        content = root.find("body")
    if content is None:
        content = root

    skip_classes = frozenset(load_list("html_skip_classes"))

    def skipped(el: etree._Element) -> bool:
        node: etree._Element | None = el
        while node is not None and node is not content.getparent():
            if node.tag in _SKIP_TAGS or _classes(node) & skip_classes:
                return True
            node = node.getparent()
        return False

    # Byline, date and standfirst: fields, not blocks.
    taken: set[etree._Element] = set()
    author: str | None = None
    author_el = _byline(content)
    if author_el is None:
        author_el = _byline(root)
    subtitle: str | None = None
    dek_el = next(
        (el for el in content.iter() if isinstance(el.tag, str) and _classes(el) & _DEK_CLASSES),
        None,
    )
    time_el = next(iter(content.iter("time")), None)
    if time_el is None:
        time_el = next(iter(root.iter("time")), None)
    title_el = next(
        (el for el in content.iter("h1") if not any(a.tag in _CHROME for a in el.iterancestors())),
        None,
    )

    title: str | None = None
    candidates: list[tuple[str, etree._Element]] = []
    if title_el is not None and _rendered(title_el):
        candidates.append(("title", title_el))
    if dek_el is not None and _rendered(dek_el):
        candidates.append(("subtitle", dek_el))
    if author_el is not None and _rendered(author_el):
        candidates.append(("author", author_el))
    if time_el is not None and _rendered(time_el):
        candidates.append(("time", time_el))
    for _, el in candidates:
        taken.add(el)

    blocks: list[Block] = []
    order = _document_order(content, taken, skipped)
    published: PartialDate | None = None
    for role, el in _merge(order, candidates):
        rendered = _rendered(el)
        if not rendered:
            continue
        if role == "block":
            span = locator.find(rendered, _line(el))
            if span is None:
                page.warn(
                    "unlocated-text",
                    f"the text of a <{el.tag}> was not found in the source; it is kept "
                    "without a span",
                    _line(el),
                )
            kind = _BLOCK_TAGS[el.tag]
            level = int(el.tag[1]) if kind is BlockKind.HEADING else 0
            blocks.append(Block(kind, rendered, level=level, span=span))
        elif role == "caption":
            span = locator.find(rendered, _line(el))
            if span is not None:
                page.add_boilerplate("caption", span)
        elif role == "title":
            title = rendered
            span = locator.find(rendered, _line(el))
            if span is not None:
                fields.append(FieldSpan("title", span))
        elif role == "subtitle":
            subtitle = rendered
            span = locator.find(rendered, _line(el))
            if span is not None:
                fields.append(FieldSpan("subtitle", span))
        elif role == "author":
            author = _BY.sub("", rendered).strip() or rendered
            span = locator.find(author, _line(el))
            if span is not None:
                fields.append(FieldSpan("author", span))
        elif role == "time":
            span = locator.find(rendered, _line(el))
            stamp = el.get("datetime")
            published = _date(stamp) if stamp else None
            if published is None:
                published = _date(rendered)
            if span is not None:
                fields.append(FieldSpan("published", span))
            if stamp:
                attr_field("published", "time", "datetime", stamp)

    # Metadata from the head where the page body said nothing.
    if title is None:
        title = meta.get("og:title") or html_title or None
    if title is None:
        page.warn("missing-title", "no <h1>, og:title or <title>: the title is unknown")
    if html_title is not None and html_title != title:
        extra.append(("html_title", html_title))
    stamp = meta.get("article:published_time") or meta.get("datePublished") or meta.get("date")
    if stamp:
        published = _date(stamp) or published
    if author is None:
        author = meta.get("article:author") or meta.get("author") or None
    outlet = meta.get("og:site_name") or None
    url = meta.get("og:url") or meta.get("canonical") or None
    if not tag_values:
        tag_values = _keywords(meta.get("keywords"))
    if not any(b.kind is not BlockKind.HEADING for b in blocks):
        page.warn("missing-body", "no paragraphs in the page's article, main or body")
    if language is None:
        language = main_language(b.text for b in blocks) or "en"

    _fill_gaps(page, index, locator.covered)
    article = Article(
        id=page.article_id(language.split("-")[0]),
        language=language,
        kind=ArticleKind.NEWS,
        title=title,
        subtitle=subtitle,
        outlet=outlet,
        author=author,
        published=published,
        url=url,
        tags=[t for t in tag_values if t],
        blocks=blocks,
        extra=extra,
        provenance=page.provenance(sorted(fields, key=lambda f: f.span.start)),
    )
    return page.source([article])


def _byline(scope: etree._Element) -> etree._Element | None:
    """The innermost element marked as the author's name, if any. O(elements x depth)."""
    found = [
        el
        for el in scope.iter()
        if isinstance(el.tag, str)
        and (
            (el.get("rel") or "").lower() == "author"
            or (el.get("itemprop") or "").lower() == "author"
            or _classes(el) & _BYLINE_CLASSES
        )
    ]
    # In document order, an element's marked descendants come right after it.
    for i, el in enumerate(found):
        if i + 1 == len(found) or el not in set(found[i + 1].iterancestors()):
            return el
    return None


def _has_direct_text(el: etree._Element) -> bool:
    return bool((el.text or "").strip()) or any((child.tail or "").strip() for child in el)


def _document_order(
    content: etree._Element,
    taken: set[etree._Element],
    skipped: Callable[[etree._Element], bool],
) -> list[tuple[str, etree._Element]]:
    """The leaf blocks of ``content`` in document order. O(elements x depth).

    A leaf block is an element of a block tag with no block inside it; one
    that holds a field element (a byline, a date) is a metadata line, not a
    block, and so are leaves inside skipped parts of the page.
    """
    candidates = [
        el
        for el in content.iter()
        if isinstance(el.tag, str) and el.tag in _BLOCK_TAGS and el not in taken
    ]
    candidate_set = set(candidates)
    containers: set[etree._Element] = set()
    for el in candidates:
        for ancestor in el.iterancestors():
            if ancestor in candidate_set:
                containers.add(ancestor)
                break
    for el in taken:
        for ancestor in el.iterancestors():
            if ancestor in candidate_set:
                containers.add(ancestor)
    out: list[tuple[str, etree._Element]] = []
    for el in candidates:
        if el in containers or any(a in taken for a in el.iterancestors()):
            continue
        if el.tag == "figcaption":
            out.append(("caption", el))
        elif skipped(el) or (el.tag == "div" and not _has_direct_text(el)):
            continue
        else:
            out.append(("block", el))
    return out


def _merge(
    blocks: list[tuple[str, etree._Element]], fields: list[tuple[str, etree._Element]]
) -> list[tuple[str, etree._Element]]:
    """Blocks and field elements in document order (by source line, then tree order)."""
    rank = {el: i for i, el in enumerate(el for el in _root_of(blocks, fields).iter())}
    return sorted([*blocks, *fields], key=lambda item: rank.get(item[1], 0))


def _root_of(
    blocks: list[tuple[str, etree._Element]], fields: list[tuple[str, etree._Element]]
) -> etree._Element:
    for _, el in (*blocks, *fields):
        return el.getroottree().getroot()
    return etree.Element("html")


def _fill_gaps(page: Page, index: _Index, covered: list[tuple[int, int]]) -> None:
    """Record every stretch no span covers as markup, script or page-text boilerplate."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(covered):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    pending: list[tuple[str, int, int]] = []
    k = 0
    for kind, start, end in index.segments:
        at = start
        while at < end:
            while k < len(merged) and merged[k][1] <= at:
                k += 1
            if k < len(merged) and merged[k][0] <= at:
                at = min(end, merged[k][1])
                if pending:
                    _flush(page, pending)
                continue
            stop = min(end, merged[k][0]) if k < len(merged) else end
            if not page.text[at:stop].isspace():
                if pending and pending[-1][0] != kind:
                    _flush(page, pending)
                pending.append((kind, at, stop))
            at = stop
    _flush(page, pending)


def _flush(page: Page, pending: list[tuple[str, int, int]]) -> None:
    if not pending:
        return
    kind = {"text": "page-text"}.get(pending[0][0], pending[0][0])
    first, last = pending[0][1], pending[-1][2]
    start, end = first, last
    while start < end and page.text[start].isspace():
        start += 1
    while end > start and page.text[end - 1].isspace():
        end -= 1
    if start < end:
        page.add_boilerplate(kind, page.span(start, end))
    pending.clear()


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
    if not source.articles:
        raise ValueError("an HTML page needs an article")
    article = source.articles[0]
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
