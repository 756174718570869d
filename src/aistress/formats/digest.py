"""Markdown digest: a Chinese summary of an article, with appendices.

The digest is Markdown, read from markdown-it-py's token stream (CommonMark,
raw HTML off; a document of paragraphs, ATX headings, rules and lists gets
the same block tokens from a faster parser that follows markdown-it's rules);
every span is computed from the tokens' line ranges. Its parts:

- **metadata**: labelled lines, ``- **原文标题**：…``, ``- **链接**：[text](url)``,
  ``**作者**: …`` (bold or plain label, full-width or ASCII colon, ``-``,
  ``*`` or ``+`` bullets). Labels are looked up in :data:`FIELD_LABELS`:
  ``title``, ``url`` (the link target; its text goes to ``extra["link_text"]``),
  ``author``, ``outlet`` (the platform), ``editor``, ``published`` (a
  :class:`~aistress.model.PartialDate`), ``tags``; ``category``,
  ``translator`` and unknown labels (``meta:<label>``) go to
  ``Article.extra``. Metadata is read at
  the top of each part and after a section label about information
  (``**文章信息**：``); the label of each line is boilerplate
  ``"field-label"`` (``"field-sublabel"`` on a continuation line).
- **section labels**: a bold-only paragraph ending in a colon,
  ``**内容整理**：``: boilerplate ``"section-label"``.
- **summary points**: the top-level items of the digest's lists, ``1. **heading**：text``:
  blocks of kind :attr:`~aistress.model.BlockKind.POINT` whose ``marker``
  is ``"1."``, ``heading`` the bold label and ``text`` the label, separator
  and body as printed without Markdown syntax. Nested items are
  ``BlockKind.LIST_ITEM`` blocks (``level`` 1, 2 …).
- paragraphs, headings (``#`` headings with their level; a bold-only
  paragraph without colon is a heading of level 0), horizontal rules
  (boilerplate ``"rule"``).
- **block quotes**: a quoted paragraph has the ``marker`` ``">"`` (``"> >"``
  in a quote in a quote), an item whose text is a quote ``"- >"``; the text is
  the quoted text, never a label or a field.
- **appendices**: a heading ``## 附1: 博客文章翻译`` (also ``附录``,
  ``Appendix 2``) starts an article of its own (boilerplate
  ``"appendix-heading"``; ``extra["appendix"]`` and
  ``extra["appendix_title"]``). Its kind follows its title: a translation
  (翻译, 译文), a report (报道, 新闻, 相关) or a summary (摘要, 总结); else
  ``report``, with the warning ``appendix-kind``. In an appendix a leading
  bold-only paragraph is the title, an italic line the byline
  (``extra["byline"]``, the author and the date).

Article ids are ``<source id>#digest`` and ``<source id>#appendix-<n>``.

The digest summarises an article that is not in the file: the digest's
``title``, ``url``, ``author``, ``outlet`` and ``published`` describe that
original, as the digest prints them, and ``extra["original_kind"]`` is its
kind when the category says (``博客文章`` → ``blog``). Relations whose
``target`` is not an article id of the source are that original's URL:
``summary_of`` (digest → original), ``translation_of`` (translation
appendix → original), ``related_to`` (report appendix → original),
``summary_of`` (summary appendix → original) and ``part_of`` (each appendix
→ digest). Without a link the relations to the original are left out and
the warning ``no-original-link`` says so.

Lines no token covers (link reference definitions, or content past
markdown-it's nesting limit) are kept as boilerplate ``"link-definition"``
or ``"unread"`` (the latter with the warning ``unread-text``).

:func:`write` prints a source back; ``write(read(text))`` equals ``text`` up
to whitespace and these normalisations: emphasis and links inside body text
are dropped (their text is kept), bold labels are printed ``**label**：``,
dates ``2024年10月20日``, empty list items and byte-order marks are left out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Any

import attrs

from aistress.formats._common import (
    Evidence,
    Page,
    checked_reader,
    find_date,
    language_of,
    sample_content,
)
from aistress.formats._digest_blocks import El, block_elements
from aistress.formats._digest_syntax import (
    _APPENDIX_KINDS,
    _ATTRIBUTES,
    _BYLINE_CHARS,
    _CATEGORY_KINDS,
    _FIELD,
    _FIELD_LABELS,
    _INFO_WORDS,
    _LINK,
    _RELATION_TO_ORIGINAL,
    _TAG_SPLIT,
    APPENDIX_HEADING,
    FIELD_LABEL,
    FIELD_SUBLABEL,
    LINK_DEFINITION,
    LINK_MARKUP,
    MARKUP,
    RULE,
    SECTION_LABEL,
    UNREAD,
    _appendix,
    _elements,
    _Inline,
    _inline_of,
    _label_field,
    _label_of,
    _md_blocks,
    _render_raw,
    _squash,
)
from aistress.formats._digest_writer import write
from aistress.formats._registry import FormatGuess
from aistress.formats._text import Line, _lf_parts, trim
from aistress.formats.accounting import unaccounted
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    FieldSpan,
    PartialDate,
    Relation,
    RelationKind,
    Source,
    Span,
)
from aistress.model._document import trusted_block, trusted_span
from aistress.text.dates import format_chinese_date
from aistress.text.numbers import chinese_numeral_value

__all__ = ["FIELD_LABELS", "FORMAT", "read", "sniff", "write"]

#: Metadata labels (compared case-insensitively) and the field each fills:
#: an :class:`~aistress.model.Article` attribute, or a key of its ``extra``.
FIELD_LABELS: dict[str, str] = _FIELD_LABELS

#: The format id.
FORMAT = "digest"


# ---------------------------------------------------------------------------
# reading


@attrs.define
class _Part:
    heading: El | None = None
    match: re.Match[str] | None = None
    elements: list[El] = attrs.Factory(list)


@attrs.define
class _Article:
    """What one part yields, before it becomes an :class:`Article`."""

    kind: ArticleKind
    blocks: list[Block] = attrs.Factory(list)
    fields: list[FieldSpan] = attrs.Factory(list)
    values: dict[str, str] = attrs.Factory(dict)
    extra: dict[str, str] = attrs.Factory(dict)
    tags: list[str] = attrs.Factory(list)
    published: PartialDate | None = None
    repeats: dict[str, int] = attrs.Factory(dict)  # last number given to a repeated label

    def has(self, key: str) -> bool:
        if key == "published":
            return self.published is not None or "published_text" in self.extra
        if key == "tags":
            return bool(self.tags)
        return key in self.values or key in self.extra


class _Reader:
    """Reads the parts of one document into articles (state shared by the parts)."""

    def __init__(self, page: Page, env: dict[str, Any]) -> None:
        self.page = page
        self.env = env
        # The texts of the lines and where they start, as page.lines has them,
        # without a Line record per line (one is made for a line asked for).
        text = page.text
        if "\r" in text:
            self.texts = [line.text for line in page.lines]
            self.starts = [line.start for line in page.lines]
        else:
            self.texts, self.starts = _lf_parts(text)
            if text.startswith("\ufeff") and self.texts:  # the mark is not part of line 1
                self.texts[0] = self.texts[0][1:]
                self.starts[0] = 1

    def line(self, index: int) -> Line:
        """The line of 0-based ``index`` (as ``page.lines[index]``)."""
        text, start = self.texts[index], self.starts[index]
        return Line(index + 1, start, start + len(text), text)

    # spans ---------------------------------------------------------------

    def lines_span(self, first: int, last: int) -> Span:
        """The trimmed span of 0-based lines ``first`` to ``last`` (exclusive)."""
        texts = self.texts
        count = len(texts)
        if last == first + 1 and last <= count:  # one line: its content, trimmed
            text = texts[first]
            content = text.lstrip()
            start = self.starts[first] + len(text) - len(content)
            return trusted_span(self.page.id, start, start + len(content.rstrip()))
        if last > count:
            last = count
        while last > first + 1 and (not texts[last - 1] or texts[last - 1].isspace()):
            last -= 1  # a blank line (Line.blank)
        start = self.trimmed(first)[0] if first < count else len(self.page.text)
        end = self.trimmed(last - 1)[1] if last - 1 < count else start
        return trusted_span(self.page.id, start, end if end > start else start)

    def trimmed(self, index: int) -> tuple[int, int]:
        """Where line ``index``'s content starts and ends (``Line.trimmed``)."""
        text = self.texts[index]
        content = text.lstrip()
        start = self.starts[index] + len(text) - len(content)
        return start, start + len(content.rstrip())

    def locate(self, el: El) -> list[tuple[Line, int, str] | None]:
        """Where each line of an element's inline content starts in the source.

        For content line ``i`` (stripped): the source line, the absolute
        offset of the content's first character, and the content. None where
        markdown-it changed the line so that it cannot be found.
        """
        assert el.inline is not None
        out: list[tuple[Line, int, str] | None] = []
        first = el.inline.map[0] if el.inline.map else el.first
        for i, piece in enumerate(el.inline.content.split("\n")):
            index = first + i
            content = piece.strip()
            if index >= len(self.texts) or not content:
                out.append(None)
                continue
            line = self.line(index)
            source = line.text.rstrip()
            at = len(source) - len(content) if source.endswith(content) else line.text.find(content)
            out.append(None if at < 0 else (line, line.start + at, content))
        return out

    # parts ---------------------------------------------------------------

    def part(self, part: _Part, digest: bool) -> _Article:
        """Read one part (the digest, or one appendix)."""
        page = self.page
        kind = ArticleKind.DIGEST if digest else self.appendix_kind(part)
        art = _Article(kind)
        if part.heading is not None and part.match is not None:
            self.appendix_heading(part, art)
        zone = True  # metadata may come here
        body = False  # a body block was read
        list_zone: dict[int, bool] = {}
        for el in part.elements:
            if el.kind == "rule":
                page.add_boilerplate(RULE, self.lines_span(el.first, el.last))
                continue
            if el.kind == "markup":
                page.add_boilerplate(MARKUP, self.lines_span(el.first, el.last))
                continue
            if el.kind == "code":
                text = "\n".join(line.rstrip() for line in el.text.strip("\n").split("\n"))
                if text.strip():
                    art.blocks.append(
                        trusted_block(
                            BlockKind.PARAGRAPH,
                            text,
                            level=el.level,
                            span=self.lines_span(el.first, el.last),
                        )
                    )
                else:
                    page.add_boilerplate(MARKUP, self.lines_span(el.first, el.last))
                zone, body = False, True
                continue
            inline = el.rendered if el.rendered is not None else _inline_of(el, self.env)
            span = self.lines_span(el.first, el.last)
            if el.kind == "heading":
                art.blocks.append(
                    trusted_block(
                        BlockKind.HEADING,
                        " ".join(inline.text.split("\n")),
                        level=el.level,
                        span=span,
                    )
                )
                # A title heading opening the digest may sit above its metadata.
                zone = zone and digest and el.level == 1 and len(art.blocks) == 1
                body = True
                continue
            if el.kind == "item":
                in_zone = list_zone.setdefault(el.list_id, zone and not el.ordered)
                if in_zone and not el.quote and self.metadata(el, art):
                    continue
                zone = list_zone[el.list_id] = False
                block_kind = BlockKind.POINT if digest and el.level == 0 else BlockKind.LIST_ITEM
                marker = f"{el.marker} {' '.join('>' * el.quote)}" if el.quote else el.marker
                art.blocks.append(
                    trusted_block(
                        block_kind, inline.text, el.level, inline.lead, marker, None, span
                    )
                )
                body = True
                continue
            # a paragraph
            if el.quote:  # quoted text: never a label, title, byline or field
                art.blocks.append(
                    trusted_block(
                        BlockKind.PARAGRAPH,
                        inline.text,
                        level=el.level,
                        marker=" ".join(">" * el.quote),
                        span=span,
                    )
                )
                zone, body = False, True
                continue
            if inline.wrapped == "strong" and inline.colon:
                page.add_boilerplate(SECTION_LABEL, span)
                zone = any(word in inline.text.casefold() for word in _INFO_WORDS)
                continue
            if (
                not digest
                and not body
                and inline.wrapped == "strong"
                and not art.has("title")
                and el.level == 0
            ):
                self.standalone(el, art, "title", inline.text)
                continue
            if (
                not digest
                and not body
                and inline.wrapped == "em"
                and "byline" not in art.extra
                and el.level == 0
                and (find_date(inline.text) is not None or len(inline.text) <= _BYLINE_CHARS)
            ):
                self.byline(el, art, inline.text)
                continue
            if zone and el.level == 0 and self.known_label(el) and self.metadata(el, art):
                continue
            if inline.wrapped == "strong":
                art.blocks.append(trusted_block(BlockKind.HEADING, inline.text, level=0, span=span))
            else:
                lead = inline.lead if inline.lead and self.colon_after(inline) else None
                art.blocks.append(
                    trusted_block(
                        BlockKind.PARAGRAPH, inline.text, el.level, lead, None, None, span
                    )
                )
            zone, body = False, True
        return art

    @staticmethod
    def colon_after(inline: _Inline) -> bool:
        assert inline.lead is not None
        rest = inline.text[len(inline.lead) :].lstrip(" \t")
        return rest.startswith((":", "："))

    def appendix_kind(self, part: _Part) -> ArticleKind:
        title = (part.match.group("title") if part.match else "").casefold()
        for words, kind in _APPENDIX_KINDS:
            if any(word in title for word in words):
                return kind
        return ArticleKind.REPORT

    def appendix_heading(self, part: _Part, art: _Article) -> None:
        assert part.heading is not None
        assert part.match is not None
        heading = part.heading
        self.page.add_boilerplate(APPENDIX_HEADING, self.lines_span(heading.first, heading.last))
        located = self.locate(heading)[0] if heading.inline is not None else None
        number = part.match.group("num")
        title = part.match.group("title").strip()
        if number:
            art.extra["appendix"] = number
        if title:
            art.extra["appendix_title"] = title
        if located is None:
            return
        _, at, content = located
        for key, value in (("appendix", number), ("appendix_title", title)):
            if value:
                where = content.find(value) if key == "appendix" else content.rfind(value)
                if where >= 0:
                    art.fields.append(
                        FieldSpan(key, self.page.span(at + where, at + where + len(value)))
                    )

    def known_label(self, el: El) -> bool:
        assert el.inline is not None
        match = _FIELD.fullmatch(el.inline.content.split("\n")[0].strip())
        if match is None:
            return False
        label = match.group("label") or match.group("plain") or ""
        return label.strip().casefold() in FIELD_LABELS and bool(
            (match.group("value") or match.group("pvalue") or "").strip()
        )

    def standalone(self, el: El, art: _Article, key: str, value: str) -> None:
        """A title printed as a bold line: the field spans the text inside the asterisks."""
        self.page.add_boilerplate(MARKUP, self.lines_span(el.first, el.last))
        located = self.locate(el)
        first, last = located[0], next((x for x in reversed(located) if x is not None), None)
        if first is None or last is None:
            span = self.lines_span(el.first, el.last)
        else:
            span = self.page.span(first[1] + 2, last[1] + len(last[2]) - 2)
            if span.end <= span.start:
                span = self.lines_span(el.first, el.last)
        art.values[key] = value
        art.fields.append(FieldSpan(key, span))

    def byline(self, el: El, art: _Article, text: str) -> None:
        """An italic line: the author and the date, and the whole line as ``extra["byline"]``."""
        located = self.locate(el)
        span = self.lines_span(el.first, el.last)
        self.page.add_boilerplate(MARKUP, span)
        first = located[0]
        if first is not None and len(located) == 1:
            span = self.page.span(first[1] + 1, first[1] + len(first[2]) - 1)
        art.extra["byline"] = text
        art.fields.append(FieldSpan("byline", span))
        date = find_date(text)
        raw = span.slice(self.page.text)
        author = text
        if date is not None:
            art.published = date.date
            where = raw.find(text[date.start : date.end])
            if where >= 0:
                art.fields.append(
                    FieldSpan(
                        "published",
                        self.page.span(
                            span.start + where, span.start + where + date.end - date.start
                        ),
                    )
                )
            author = (text[: date.start] + " " + text[date.end :]).strip(" \t,，、;；|-—–·")
        author = author.strip()
        if author and "\n" not in author and not art.has("author"):
            art.values["author"] = author
            where = raw.find(author)
            if where >= 0:
                art.fields.append(
                    FieldSpan(
                        "author",
                        self.page.span(span.start + where, span.start + where + len(author)),
                    )
                )

    def metadata(self, el: El, art: _Article) -> bool:
        """Read the labelled lines of an item or paragraph as fields.

        Returns False (and records nothing) unless the first line has a label.
        """
        page = self.page
        located = self.locate(el)
        labels = [_label_of(where[2]) if where is not None else None for where in located]
        if located[0] is None or labels[0] is None:
            return False
        # A nested item's label keeps its indentation, so that write() can nest it again.
        line_start = (
            self.starts[el.first] if el.level else self.lines_span(el.first, el.first + 1).start
        )
        last_key: str | None = None
        for i, (where, labelled) in enumerate(zip(located, labels, strict=True)):
            if where is None:
                continue
            line, at, content = where
            if labelled is None:
                if last_key is not None:
                    self.extend(art, last_key, content, page.span(at, at + len(content)))
                else:
                    page.add_boilerplate(MARKUP, page.span(at, at + len(content)))
                continue
            label, value_at = labelled
            value = content[value_at:].strip()
            start = line_start if i == 0 else at
            value_start = at + value_at + len(content[value_at:]) - len(content[value_at:].lstrip())
            kind = FIELD_LABEL if i == 0 else FIELD_SUBLABEL
            # The label keeps the space before its value, so that write() can print it.
            label_end = value_start if value else trim(page.text, start, at + len(content))[1]
            page.add_boilerplate(kind, page.span(start, label_end))
            if not value:
                last_key = None
                continue
            last_key = self.field(
                art, label, value, page.span(value_start, value_start + len(value)), line
            )
        return True

    def field(self, art: _Article, label: str, raw: str, span: Span, line: Line) -> str | None:
        """Store one field read from ``raw`` (a value as printed); return its key."""
        key = _label_field(label)
        rendered = _render_raw(raw)
        text = rendered.text
        if art.has(key):
            base = f"meta:{label}"
            key = base
            while key in art.extra:  # each label's counter only grows: linear overall
                art.repeats[base] = art.repeats.get(base, 1) + 1
                key = f"{base}:{art.repeats[base]}"
            self.page.warn(
                "duplicate-field",
                f"line {line.number}: a second {label!r}, kept as extra[{key!r}]",
                line.number,
            )
        fields = art.fields
        if key == "url":
            self.url(art, raw, span, rendered)
            return key
        fields.append(FieldSpan(key, span))
        if key == "published":
            date = find_date(text)
            if date is not None:
                art.published = date.date
                if _squash(text) != _squash(format_chinese_date(date.date, pad=False)):
                    art.extra["published_text"] = text
            else:
                art.extra["published_text"] = text
                fields[-1] = FieldSpan("published_text", span)
                self.page.warn(
                    "unreadable-date", f"line {line.number}: no date in {text!r}", line.number
                )
        elif key == "tags":
            art.tags.extend(t for t in _TAG_SPLIT.split(text) if t)
        elif key in _ATTRIBUTES:
            art.values[key] = text
        else:
            art.extra[key] = text
            if key == "category" and art.kind is ArticleKind.DIGEST:
                original = _CATEGORY_KINDS.get(text.strip().casefold())
                if original is not None:
                    art.extra["original_kind"] = original
        return key

    def url(self, art: _Article, raw: str, span: Span, rendered: _Inline) -> None:
        """A link: the target is the url, its text (if other) ``extra["link_text"]``."""
        page = self.page
        link = _LINK.fullmatch(raw)
        if not rendered.links:
            art.values["url"] = rendered.text
            art.fields.append(FieldSpan("url", span))
            return
        page.add_boilerplate(LINK_MARKUP, span)
        href, text = rendered.links[0]
        url, url_span, text_span = href, span, span
        if raw.startswith("<") and raw.endswith(">"):
            url, url_span = raw[1:-1], page.span(span.start + 1, span.end - 1)
        elif link is not None:
            group = "bracketed" if link.group("bracketed") is not None else "url"
            printed = link.group(group)
            if "\\" not in printed and "&" not in printed:
                url = printed
            url_span = page.span(span.start + link.start(group), span.start + link.end(group))
            text_span = page.span(span.start + link.start("text"), span.start + link.end("text"))
        art.values["url"] = url
        art.fields.append(FieldSpan("url", url_span))
        if text and text != url:
            art.extra["link_text"] = text
            art.fields.append(FieldSpan("link_text", text_span))

    def extend(self, art: _Article, key: str, content: str, span: Span) -> None:
        """A continuation line of a field's value."""
        text = _render_raw(content).text
        if key in _ATTRIBUTES and key in art.values:
            art.values[key] += "\n" + text
        elif key in art.extra and key not in ("link_text", "original_kind"):
            art.extra[key] += "\n" + text
        else:
            self.page.add_boilerplate(MARKUP, span)
            return
        art.fields.append(FieldSpan(key, span))


def _split(elements: Sequence[El], env: dict[str, Any]) -> list[_Part]:
    parts = [_Part()]
    for el in elements:
        if el.inline is not None and (
            el.kind == "heading" or (el.kind == "paragraph" and not el.level)
        ):
            inline = _inline_of(el, env)
            if el.kind == "heading" or inline.wrapped == "strong":
                match = _appendix(inline.text)
                if match is not None:
                    parts.append(_Part(el, match))
                    continue
        parts[-1].elements.append(el)
    return parts


@checked_reader
def read(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
    """Read a Markdown digest (see the module docstring for its parts).

    Time and memory are linear in ``len(text)``: markdown-it-py's parser is
    linear (about 1 MB/s on adversarial input such as 1 MB of ``[``), and
    every token and line is visited a bounded number of times.

    Raises:
        ParseError: If the text is empty, whitespace only or not text.
    """
    page = Page.open(text, path=path, source_id=source_id, format=FORMAT)
    body = text[1:] if text.startswith("\ufeff") else text
    env: dict[str, Any] = {}
    elements = block_elements(body)
    if elements is None:
        elements = _elements(_md_blocks.parse(body, env))
    reader = _Reader(page, env)
    parts = _split(elements, env)
    digest = reader.part(parts[0], digest=True)
    appendices = []
    used: set[str] = set()
    for index, part in enumerate(parts[1:], start=1):
        art = reader.part(part, digest=False)
        if (
            part.match is not None
            and part.match.group("title")
            and not any(
                word in part.match.group("title").casefold()
                for words, _ in _APPENDIX_KINDS
                for word in words
            )
        ):
            page.warn(
                "appendix-kind",
                f"appendix {index}: its title names no known kind; read as a report",
                part.heading.first + 1 if part.heading else None,
            )
        number = _number(art.extra.get("appendix"))
        suffix = f"appendix-{number}" if number and number not in used else f"appendix-{index}"
        if suffix.removeprefix("appendix-") in used:
            suffix = f"appendix-{index}-{len(used)}"
        used.add(suffix.removeprefix("appendix-"))
        appendices.append((suffix, art))

    digest_id = page.article_id("digest")
    articles = [_article(page, digest_id, digest)]
    if not any(b.kind is BlockKind.POINT for b in digest.blocks):
        page.warn("no-summary-points", "the digest has no numbered summary points")
    original = digest.values.get("url")
    relations = []
    if original:
        relations.append(Relation(RelationKind.SUMMARY_OF, digest_id, original))
    else:
        page.warn(
            "no-original-link",
            "the digest names no link to its original: relations to it are left out",
        )
    for suffix, art in appendices:
        article = _article(page, page.article_id(suffix), art)
        articles.append(article)
        relations.append(Relation(RelationKind.PART_OF, article.id, digest_id))
        if original and art.kind in _RELATION_TO_ORIGINAL:
            relations.append(Relation(_RELATION_TO_ORIGINAL[art.kind], article.id, original))
    _keep_the_rest(page, articles)
    return page.source(articles, relations=relations)


def _number(printed: str | None) -> str | None:
    if not printed:
        return None
    if printed.isdigit():
        return str(int(printed))
    value = chinese_numeral_value(printed)
    return None if value is None else str(value)


def _article(page: Page, article_id: str, art: _Article) -> Article:
    text = "\n".join(b.text for b in art.blocks)
    language = "en" if language_of(text) == "en" else "zh"
    return Article(
        id=article_id,
        language=language,
        kind=art.kind,
        title=art.values.get("title"),
        outlet=art.values.get("outlet"),
        author=art.values.get("author"),
        editor=art.values.get("editor"),
        published=art.published,
        url=art.values.get("url"),
        tags=art.tags,
        blocks=art.blocks,
        extra=art.extra,
        provenance=page.provenance(sorted(art.fields, key=lambda f: (f.span.start, f.span.end))),
    )


def _keep_the_rest(page: Page, articles: Sequence[Article]) -> None:
    """Record every line part that no token covered (link definitions, deep nesting)."""
    so_far = Source(page.id, FORMAT, articles=articles, boilerplate=page.boilerplate)
    missing = unaccounted(page.text, so_far)
    if not missing:
        return
    starts = [line.start for line in page.lines]
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end in missing:
        by_line.setdefault(max(0, bisect.bisect_right(starts, start) - 1), []).append((start, end))
    first_unread: int | None = None
    for index, runs in by_line.items():
        line = page.lines[index]
        a, b = line.trimmed()
        if (runs[0][0], runs[-1][1]) == (a, b):
            runs = [(a, b)]
        for start, end in runs:
            raw = page.text[start:end]
            if raw.startswith("[") and "]:" in raw:
                page.add_boilerplate(LINK_DEFINITION, page.span(start, end))
            else:
                page.add_boilerplate(UNREAD, page.span(start, end))
                if first_unread is None:
                    first_unread = line.number
    if first_unread is not None:
        page.warn(
            "unread-text",
            f"line {first_unread}: text the Markdown parser gave no block for (nested too "
            "deep?) is kept as boilerplate 'unread'",
            first_unread,
        )


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a Markdown digest; looks at its first and last lines.

    >>> page = ("- **原文标题**：A post\n- **链接**：[A post](https://example.org/a)\n\n"
    ...         "**正文内容整理**：\n\n1. **第一点**：内容\n2. **第二点**：内容\n")
    >>> sniff(page).confidence > 0.6
    True
    """
    ev = Evidence(FORMAT)
    lines = list(sample_content(text))
    if not lines:
        return ev.guess()
    lines[0] = lines[0].lstrip("\ufeff")
    labelled = 0
    known = 0
    points = 0
    rules = 0
    headings = 0
    appendices = 0
    for line in lines[:3000]:
        if not (line.startswith(_SNIFF_MARKS) or line[:1].isdecimal()):
            continue  # no rule, list item, heading or bold label starts otherwise
        if _SNIFF_RULE.fullmatch(line):
            rules += 1
            continue
        item = _SNIFF_ITEM.match(line)
        content = line[item.end() :] if item else line
        if item and item.group(0)[0].isdigit() and content.startswith("**"):
            points += 1
        heading = _SNIFF_HEADING.match(content)
        if heading:
            headings += 1
            if _appendix(content[heading.end() :]) is not None:
                appendices += 1
            continue
        match = _FIELD.fullmatch(content) if len(content) < 2000 else None
        if match is not None and match.group("open"):
            labelled += 1
            label = match.group("label").strip().casefold()
            if label in FIELD_LABELS:
                known += 1
    if known >= 2:
        ev.add(0.35, f"{known} metadata lines with known labels such as 原文标题 or 链接")
    elif known == 1:
        ev.add(0.15, "a metadata line with a known label")
    if labelled >= 3:
        ev.add(0.15, f"{labelled} lines start with a bold label")
    if points >= 2:
        ev.add(0.2, f"{points} numbered points with bold headings")
    if appendices:
        ev.add(0.2, f"{appendices} appendix heading(s) such as ## 附1")
    if rules:
        ev.add(0.05, "horizontal rules")
    if headings and not appendices:
        ev.add(0.05, "Markdown headings")
    if language_of(" ".join(lines[:200])) == "zh":
        ev.add(0.1, "Chinese text")
    if lines[0].startswith("<"):
        ev.add(-0.6, "starts with markup")
    return ev.guess()


_SNIFF_RULE = re.compile(r"(?:[-*_][ \t]*){3,}")
_SNIFF_ITEM = re.compile(r"(?:[-*+]|\d{1,9}[.)])[ \t]+")
_SNIFF_HEADING = re.compile(r"#{1,6}[ \t]+")
_SNIFF_MARKS = tuple("-*_+#")  # what a line that counts starts with, if not a digit
