"""Markdown digest: a Chinese summary of an article, with appendices.

The digest is Markdown, read from markdown-it-py's token stream (CommonMark,
raw HTML off); every span is computed from the tokens' line ranges. Its parts:

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
import functools
import re
from collections.abc import Iterable, Sequence

import attrs
from markdown_it import MarkdownIt
from markdown_it.token import Token

from aistress.formats._common import Evidence, Page, find_date, language_of, sample_lines
from aistress.formats._registry import FormatGuess
from aistress.formats._text import Line, trim
from aistress.formats.accounting import unaccounted
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    Boilerplate,
    FieldSpan,
    PartialDate,
    Relation,
    RelationKind,
    Source,
    Span,
)

__all__ = ["FIELD_LABELS", "FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "digest"

#: Metadata labels (compared case-insensitively) and the field each fills:
#: an :class:`~aistress.model.Article` attribute, or a key of its ``extra``.
FIELD_LABELS: dict[str, str] = {
    **dict.fromkeys(["原文标题", "标题", "文章标题", "题目", "title", "original title"], "title"),
    **dict.fromkeys(["链接", "原文链接", "文章链接", "网址", "link", "url"], "url"),
    **dict.fromkeys(["文章类别", "类别", "分类", "文章类型", "category"], "category"),
    **dict.fromkeys(["作者", "原作者", "author", "by"], "author"),
    **dict.fromkeys(
        ["发表平台", "发布平台", "平台", "来源", "出处", "媒体", "platform", "outlet", "source"],
        "outlet",
    ),
    **dict.fromkeys(
        ["发表时间", "发布时间", "发表日期", "发布日期", "日期", "时间", "date", "published"],
        "published",
    ),
    **dict.fromkeys(["译者", "translator"], "translator"),
    **dict.fromkeys(["编辑", "责任编辑", "editor"], "editor"),
    **dict.fromkeys(["标签", "关键词", "tags", "keywords"], "tags"),
}

# How write() prints each field when the source recorded no label for it.
_DEFAULT_LABELS = {
    "title": "原文标题",
    "url": "链接",
    "category": "文章类别",
    "author": "作者",
    "outlet": "发表平台",
    "published": "发表时间",
    "translator": "译者",
    "editor": "编辑",
    "tags": "标签",
}
_INTRO_LABEL, _INFO_LABEL, _POINTS_LABEL = "内容整理", "文章信息", "正文内容整理"
_ATTRIBUTES = ("title", "subtitle", "outlet", "author", "editor", "url")
# Section labels after which metadata follows.
_INFO_WORDS = ("信息", "资料", "info", "metadata", "元数据")
# Category as printed → the kind of the original article.
_CATEGORY_KINDS = {
    **dict.fromkeys(["博客文章", "博客", "博文", "blog", "blog post"], "blog"),
    **dict.fromkeys(["新闻报道", "新闻", "报道", "news", "news report"], "news"),
}
_APPENDIX_KINDS = (
    (("翻译", "译文", "全文", "中译", "translation"), ArticleKind.TRANSLATION),
    (("报道", "新闻", "相关", "评论", "report", "news", "coverage", "related"), ArticleKind.REPORT),
    (("摘要", "总结", "概要", "summary"), ArticleKind.SUMMARY),
)
_RELATION_TO_ORIGINAL = {
    ArticleKind.TRANSLATION: RelationKind.TRANSLATION_OF,
    ArticleKind.REPORT: RelationKind.RELATED_TO,
    ArticleKind.SUMMARY: RelationKind.SUMMARY_OF,
}

# Boilerplate kinds.
RULE, SECTION_LABEL, FIELD_LABEL, FIELD_SUBLABEL = (
    "rule",
    "section-label",
    "field-label",
    "field-sublabel",
)
LINK_MARKUP = "link-markup"
APPENDIX_HEADING, UNREAD, LINK_DEFINITION, MARKUP = (
    "appendix-heading",
    "unread",
    "link-definition",
    "markup",
)

# A labelled line of an inline token's content: ``**label**：value``,
# ``**label：** value`` or ``label：value``. The label is bounded (it is
# stripped afterwards) and no two whitespace runs touch, so matching is linear.
_FIELD = re.compile(
    r"(?P<open>\*\*|__)(?P<label>[^*_\n]{1,40}?)(?P<inner>[:：])?(?P=open)"
    r"[ \t]*(?P<sep>[:：])?[ \t]*(?P<value>.*)"
    r"|(?P<plain>[^\s:：*_\[\]()`]{1,20}?)[ \t]*(?P<psep>[:：])[ \t]*(?P<pvalue>.*)",
)
_LINK = re.compile(
    r"\[(?P<text>(?:\\.|[^\]\\\n])*)\]\([ \t]*(?:<(?P<bracketed>[^>\n]*)>|(?P<url>[^\s)]+))"
    r"(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?[ \t]*\)"
)
_URL = re.compile(r"[a-z][a-z0-9+.\-]{1,20}://\S+", re.IGNORECASE)
_APPENDIX = re.compile(
    r"(?P<word>附录|附件|附|appendix)\s*(?P<num>\d{1,3}|[一二三四五六七八九十]{1,3})?"
    r"\s*(?P<sep>[:：.、\-—]?)\s*(?P<title>.*)",
    re.IGNORECASE | re.DOTALL,
)
_LIST_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)")
_TAG_SPLIT = re.compile(r"[,，、;；#\s]+")
_NUMERALS = "一二三四五六七八九十"
_BYLINE_CHARS = 60  # an italic line without a date is a byline up to this length

_md = MarkdownIt("commonmark", {"html": False})


# ---------------------------------------------------------------------------
# tokens → elements


@attrs.define
class _El:
    """A block-level element of the token stream, with its 0-based line range."""

    kind: str  # heading, paragraph, item, rule, code, markup
    first: int
    last: int
    inline: Token | None = None
    level: int = 0  # heading level; list depth of an item; items around a paragraph
    marker: str | None = None
    list_id: int = -1
    ordered: bool = False
    text: str = ""


@attrs.define
class _OpenItem:
    marker: str
    first: int
    list_id: int
    ordered: bool
    depth: int
    used: bool = False


def _elements(tokens: Sequence[Token]) -> list[_El]:
    """Flatten the token stream into elements; linear in the number of tokens."""
    out: list[_El] = []
    lists: list[tuple[int, bool]] = []
    items: list[_OpenItem] = []
    next_list = 0
    block_map: list[int] | None = None
    heading: int | None = None

    def claim(first: int) -> None:
        for item in items:
            if item.first == first:
                item.used = True

    for tok in tokens:
        kind = tok.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append((next_list, kind == "ordered_list_open"))
            next_list += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif kind == "list_item_open" and tok.map and lists:
            list_id, ordered = lists[-1]
            marker = f"{tok.info}{tok.markup}" if ordered else tok.markup
            items.append(_OpenItem(marker, tok.map[0], list_id, ordered, len(lists) - 1))
        elif kind == "list_item_close" and items:
            item = items.pop()
            if not item.used:
                out.append(_El("markup", item.first, item.first + 1))
                claim(item.first)
        elif kind == "paragraph_open":
            block_map = tok.map
            heading = None
        elif kind == "heading_open":
            block_map = tok.map
            heading = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif kind == "inline" and block_map is not None:
            first, last = block_map
            if heading is not None:
                out.append(_El("heading", first, last, tok, heading))
            elif items and not items[-1].used and items[-1].first == first:
                item = items[-1]
                out.append(
                    _El(
                        "item",
                        first,
                        last,
                        tok,
                        item.depth,
                        item.marker,
                        item.list_id,
                        item.ordered,
                    )
                )
            else:
                out.append(_El("paragraph", first, last, tok, len(items)))
            claim(first)
            block_map = None
            heading = None
        elif kind == "hr" and tok.map:
            out.append(_El("rule", tok.map[0], tok.map[1]))
            claim(tok.map[0])
        elif kind in ("code_block", "fence", "html_block") and tok.map:
            out.append(_El("code", tok.map[0], tok.map[1], level=len(items), text=tok.content))
            claim(tok.map[0])
    return out


# ---------------------------------------------------------------------------
# inline rendering


@attrs.frozen
class _Inline:
    """Plain text of inline tokens, and what their Markdown said about it."""

    text: str
    links: tuple[tuple[str, str], ...] = ()  # (href, link text)
    lead: str | None = None  # the bold label the text starts with
    wrapped: str | None = None  # "strong" or "em" if the whole text is wrapped in it
    colon: bool = False  # a colon after (or at the end of) the wrapped text


def _plain(children: Sequence[Token]) -> str:
    parts = []
    for tok in children:
        if tok.type in ("text", "text_special", "code_inline", "html_inline"):
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif tok.type == "image":
            parts.append(_plain(tok.children or []))
    return "".join(parts)


def _render(children: Sequence[Token]) -> _Inline:
    """Render inline children to text; note links, a bold lead-in and a wrapping emphasis."""
    text = _plain(children).strip()
    links = []
    for i, tok in enumerate(children):
        if tok.type == "link_open":
            depth, j = 1, i + 1
            while j < len(children) and depth:
                depth += {"link_open": 1, "link_close": -1}.get(children[j].type, 0)
                j += 1
            links.append((str(tok.attrs.get("href", "")), _plain(children[i + 1 : j - 1]).strip()))
    start = 0
    while start < len(children) and children[start].type == "text" and not children[start].content:
        start += 1
    lead = wrapped = None
    colon = False
    if start < len(children) and children[start].type in ("strong_open", "em_open"):
        opener = children[start].type
        closer = opener.replace("_open", "_close")
        depth, j = 1, start + 1
        while j < len(children) and depth:
            depth += {opener: 1, closer: -1}.get(children[j].type, 0)
            j += 1
        if not depth:
            inner = _plain(children[start + 1 : j - 1]).strip()
            rest = _plain(children[j:]).strip()
            label = inner.rstrip(":： \t").strip()
            if opener == "strong_open" and label and text.startswith(label):
                lead = label
            if rest in ("", ":", "：") and inner:
                wrapped = "strong" if opener == "strong_open" else "em"
                colon = bool(rest) or inner.endswith((":", "："))
    return _Inline(text, tuple(links), lead, wrapped, colon)


@functools.lru_cache(maxsize=4096)
def _render_raw(raw: str) -> _Inline:
    tokens = _md.parseInline(raw)
    return _render(tokens[0].children or [] if tokens else [])


def _appendix(text: str) -> re.Match[str] | None:
    match = _APPENDIX.fullmatch(text.strip())
    if match is None:
        return None
    word = match.group("word")
    if match.group("num") is None and (word == "附" or not match.group("sep")):
        return None
    return match


def _label_of(content: str) -> tuple[str, int] | None:
    """The label of a metadata line and where its value starts, or None.

    A bold label may be any; a plain one (``作者：``) must be a known label.
    """
    match = _FIELD.fullmatch(content)
    if match is None:
        return None
    if match.group("open"):
        label = match.group("label").strip()
        return (label, match.start("value")) if label else None
    label = match.group("plain").strip()
    if _label_field(label).startswith("meta:"):
        return None
    return label, match.start("pvalue")


def _label_field(label: str) -> str:
    return FIELD_LABELS.get(label.strip().casefold(), f"meta:{label.strip()}")


def _chinese_date(date: PartialDate) -> str:
    out = "" if date.year is None else f"{date.year}年"
    if date.month is not None:
        out += f"{date.month}月"
        if date.day is not None:
            out += f"{date.day}日"
    return out


def _squash(text: str) -> str:
    return "".join(text.split())


# ---------------------------------------------------------------------------
# reading


@attrs.define
class _Part:
    heading: _El | None = None
    match: re.Match[str] | None = None
    elements: list[_El] = attrs.Factory(list)


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

    def __init__(self, page: Page) -> None:
        self.page = page

    # spans ---------------------------------------------------------------

    def lines_span(self, first: int, last: int) -> Span:
        """The trimmed span of 0-based lines ``first`` to ``last`` (exclusive)."""
        lines = self.page.lines
        last = min(last, len(lines))
        while last > first + 1 and lines[last - 1].blank:
            last -= 1
        start = lines[first].trimmed()[0] if first < len(lines) else len(self.page.text)
        end = lines[last - 1].trimmed()[1] if last - 1 < len(lines) else start
        return self.page.span(start, max(start, end))

    def locate(self, el: _El) -> list[tuple[Line, int, str] | None]:
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
            if index >= len(self.page.lines) or not content:
                out.append(None)
                continue
            line = self.page.lines[index]
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
                        Block(
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
            assert el.inline is not None
            inline = _render(el.inline.children or [])
            span = self.lines_span(el.first, el.last)
            if el.kind == "heading":
                art.blocks.append(
                    Block(
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
                if in_zone and self.metadata(el, art):
                    continue
                zone = list_zone[el.list_id] = False
                block_kind = BlockKind.POINT if digest and el.level == 0 else BlockKind.LIST_ITEM
                art.blocks.append(
                    Block(
                        block_kind,
                        inline.text,
                        level=el.level,
                        heading=inline.lead,
                        marker=el.marker,
                        span=span,
                    )
                )
                body = True
                continue
            # a paragraph
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
                art.blocks.append(Block(BlockKind.HEADING, inline.text, level=0, span=span))
            else:
                lead = inline.lead if inline.lead and self.colon_after(inline) else None
                art.blocks.append(
                    Block(BlockKind.PARAGRAPH, inline.text, level=el.level, heading=lead, span=span)
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

    def known_label(self, el: _El) -> bool:
        assert el.inline is not None
        match = _FIELD.fullmatch(el.inline.content.split("\n")[0].strip())
        if match is None:
            return False
        label = match.group("label") or match.group("plain") or ""
        return label.strip().casefold() in FIELD_LABELS and bool(
            (match.group("value") or match.group("pvalue") or "").strip()
        )

    def standalone(self, el: _El, art: _Article, key: str, value: str) -> None:
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

    def byline(self, el: _El, art: _Article, text: str) -> None:
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

    def metadata(self, el: _El, art: _Article) -> bool:
        """Read the labelled lines of an item or paragraph as fields.

        Returns False (and records nothing) unless the first line has a label.
        """
        page = self.page
        located = self.locate(el)
        labels = [_label_of(where[2]) if where is not None else None for where in located]
        if located[0] is None or labels[0] is None:
            return False
        # A nested item's label keeps its indentation, so that write() can nest it again.
        first_line = self.page.lines[el.first]
        line_start = first_line.start if el.level else self.lines_span(el.first, el.first + 1).start
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
                if _squash(text) != _squash(_chinese_date(date.date)):
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


def _split(elements: Sequence[_El]) -> list[_Part]:
    parts = [_Part()]
    for el in elements:
        if el.inline is not None and (
            el.kind == "heading" or (el.kind == "paragraph" and not el.level)
        ):
            inline = _render(el.inline.children or [])
            if el.kind == "heading" or inline.wrapped == "strong":
                match = _appendix(inline.text)
                if match is not None:
                    parts.append(_Part(el, match))
                    continue
        parts[-1].elements.append(el)
    return parts


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
    elements = _elements(_md.parse(body))
    reader = _Reader(page)
    parts = _split(elements)
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
    if all(ch in _NUMERALS for ch in printed):
        if len(printed) == 1:
            return str(_NUMERALS.index(printed) + 1)
        if printed.startswith("十"):
            return str(10 + (_NUMERALS.index(printed[1]) + 1 if len(printed) > 1 else 0))
    return None


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
    lines = [line.strip() for line in sample_lines(text) if line.strip()]
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


# ---------------------------------------------------------------------------
# writing

_ESCAPE = re.compile(r"[\\`*_\[\]<]|&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"(?P<digits>\d{1,9})(?P<delim>[.)])|[#>\-+=~|]")
_BREAK = re.compile(r"\r\n|\r|\n")
_EMITTED = frozenset(
    {
        RULE,
        SECTION_LABEL,
        FIELD_LABEL,
        FIELD_SUBLABEL,
        APPENDIX_HEADING,
        UNREAD,
        LINK_DEFINITION,
    }
)


def _esc(text: str) -> str:
    """Escape Markdown syntax inside a line."""
    return _ESCAPE.sub(lambda m: "\\" + m.group(), text)


def _esc_line(line: str) -> str:
    """Escape a line that starts a Markdown line (no block syntax may start it)."""
    line = _esc(line.strip())
    match = _LINE_START.match(line)
    if match is None:
        return line
    if match.group("digits"):
        return match.group("digits") + "\\" + line[match.end("digits") :]
    return "\\" + line


def _lines(text: str) -> list[str]:
    return [line.strip() for line in _BREAK.split(text) if line.strip()]


def _wrapped(text: str, marks: str, kind: str) -> str | None:
    """``text`` wrapped in ``**`` or ``*``, if it reads back as exactly that."""
    lines = _lines(text)
    if not lines:
        return None
    candidate = marks + "\n".join([_esc(lines[0]), *map(_esc_line, lines[1:])]) + marks
    rendered = _render_raw(candidate)
    if rendered.wrapped == kind and not rendered.colon and rendered.text == "\n".join(lines):
        return candidate
    return None


@attrs.frozen
class _Unit:
    """One thing to print: a boilerplate item, a labelled field line, a field or a block."""

    kind: str  # boiler, group, field, block
    article: Article | None = None
    boiler: Boilerplate | None = None
    fields: tuple[str, ...] = ()
    block: Block | None = None
    raw: str = ""  # label or boilerplate text as printed


def _spanned(source: Source) -> bool:
    """Whether every block and field of the source has a span into it (it was read)."""
    for article in source.articles:
        if any(b.span is None or b.span.doc != source.id for b in article.blocks):
            return False
        if article.provenance is None:
            if article.blocks:
                return False
            continue
        if any(f.span.doc != source.id for f in article.provenance.fields):
            return False
    return bool(source.articles)


def _units_from_spans(source: Source) -> list[_Unit]:
    """Everything the source recorded, in the order of its spans."""
    pieces: list[tuple[int, int, int, int, _Unit]] = []
    for item in source.boilerplate:
        if (
            item.kind in (*_EMITTED, MARKUP)
            and item.span is not None
            and item.span.doc == source.id
        ):
            pieces.append(
                (
                    item.span.start,
                    -item.span.end,
                    0,
                    len(pieces),
                    _Unit("boiler", boiler=item, raw=item.text),
                )
            )
    for article in source.articles:
        if article.provenance is not None:
            for field in article.provenance.fields:
                pieces.append(
                    (
                        field.span.start,
                        -field.span.end,
                        1,
                        len(pieces),
                        _Unit("field", article, fields=(field.name,)),
                    )
                )
        for block in article.blocks:
            assert block.span is not None
            pieces.append(
                (
                    block.span.start,
                    -block.span.end,
                    2,
                    len(pieces),
                    _Unit("block", article, block=block),
                )
            )
    pieces.sort(key=lambda p: p[:4])
    units: list[_Unit] = []
    group: list[str] | None = None
    container = -1  # end of the last boilerplate or standalone field: fields inside it are printed
    for start, negative_end, _, _, unit in pieces:
        if unit.kind == "field":
            if start < container:
                continue
            if group is not None and units and units[-1].article in (None, unit.article):
                if unit.fields[0] not in group:
                    group.append(unit.fields[0])
                units[-1] = attrs.evolve(units[-1], article=unit.article, fields=tuple(group))
                continue
            units.append(unit)
            container = -negative_end
            continue
        group = None
        if unit.kind == "boiler":
            assert unit.boiler is not None
            if unit.boiler.kind == MARKUP:
                continue  # not printed (the field or block it wraps is), but ends a field line
            container = -negative_end
            if unit.boiler.kind in (FIELD_LABEL, FIELD_SUBLABEL):
                group = []
                units.append(_Unit("group", boiler=unit.boiler, raw=unit.raw))
                continue
        units.append(unit)
    return units


class _Lookup:
    """``Article.get`` in constant time: each article's ``extra`` as a dict, built once."""

    def __init__(self) -> None:
        self._dicts: dict[int, tuple[Article, dict[str, str]]] = {}

    def __call__(self, article: Article, key: str) -> str | None:
        entry = self._dicts.get(id(article))
        if entry is None or entry[0] is not article:
            entry = self._dicts[id(article)] = (article, dict(article.extra))
        return entry[1].get(key)


def _label_raw(label: str, item: bool) -> str:
    return ("- " if item else "") + f"**{label}**："


def _meta_units(article: Article, get: _Lookup, names: Iterable[str]) -> list[_Unit]:
    """Labelled lines for the fields ``names`` that the article has."""
    out = []
    for name in names:
        label = _DEFAULT_LABELS.get(name, name.removeprefix("meta:"))
        fields: tuple[str, ...] = (name,)
        if name == "url" and get(article, "link_text"):
            fields = ("link_text", "url")
        if _field_value(article, fields, get).strip():
            raw = _label_raw(label, True)
            out.append(_Unit("group", article, Boilerplate(FIELD_LABEL, raw), fields, raw=raw))
    return out


def _extra_names(article: Article, skip: Iterable[str]) -> list[str]:
    skipped = set(skip) | {
        "link_text",
        "original_kind",
        "byline",
        "appendix",
        "appendix_title",
        "published_text",
    }
    return [key for key, _ in article.extra if key not in skipped]


def _units_canonical(source: Source, get: _Lookup) -> list[_Unit]:
    """The layout :func:`write` gives a source that was not read from Markdown."""
    articles = list(source.articles)
    digest = next((a for a in articles if a.kind is ArticleKind.DIGEST), articles[0])
    rest = [a for a in articles if a is not digest]
    units: list[_Unit] = []

    def label(text: str) -> None:
        raw = f"**{text}**："
        units.append(_Unit("boiler", boiler=Boilerplate(SECTION_LABEL, raw), raw=raw))

    def rule() -> None:
        units.append(_Unit("boiler", boiler=Boilerplate(RULE, "---"), raw="---"))

    def blocks(article: Article, items: Iterable[Block]) -> None:
        units.extend(_Unit("block", article, block=b) for b in items)

    head = _meta_units(
        digest, get, ["title", "url", "category", *_extra_names(digest, ["category"]), "tags"]
    )
    units.extend(head)
    if head:
        rule()
    first_point = next(
        (i for i, b in enumerate(digest.blocks) if b.kind is BlockKind.POINT), len(digest.blocks)
    )
    if first_point:
        label(_INTRO_LABEL)
        blocks(digest, digest.blocks[:first_point])
    info = _meta_units(digest, get, ["author", "outlet", "published", "editor"])
    if info:
        label(_INFO_LABEL)
        units.extend(info)
    if first_point < len(digest.blocks):
        label(_POINTS_LABEL)
        blocks(digest, digest.blocks[first_point:])
    for index, article in enumerate(rest, start=1):
        rule()
        number = get(article, "appendix") or str(index)
        title = get(article, "appendix_title") or {
            ArticleKind.TRANSLATION: "翻译",
            ArticleKind.SUMMARY: "摘要",
        }.get(article.kind, "相关报道")
        raw = f"## 附{' '.join(number.split())}: {_esc(' '.join(title.split()))}"
        units.append(_Unit("boiler", boiler=Boilerplate(APPENDIX_HEADING, raw), raw=raw))
        if article.kind is ArticleKind.TRANSLATION:
            # Metadata first: it is only read as such before the title, byline and body.
            meta = _meta_units(
                article,
                get,
                [
                    "url",
                    "category",
                    "outlet",
                    "editor",
                    *_extra_names(article, ["category"]),
                    "tags",
                ],
            )
            units.extend(meta)
            if article.title:
                units.append(_Unit("field", article, fields=("title",)))
            if get(article, "byline") or article.author or article.published:
                units.append(_Unit("field", article, fields=("byline",)))
            blocks(article, article.blocks)
            continue
        meta = _meta_units(
            article,
            get,
            [
                "title",
                "url",
                "category",
                "author",
                "outlet",
                "published",
                "editor",
                *_extra_names(article, ["category"]),
                "tags",
            ],
        )
        units.extend(meta)
        if meta:
            rule()
        if article.blocks:
            label(_INTRO_LABEL)
            blocks(article, article.blocks)
    return units


def _field_value(article: Article, names: Sequence[str], get: _Lookup) -> str:
    """A field's value as printed after its label (Markdown)."""
    if "url" in names:
        url = article.url or ""
        text = get(article, "link_text")
        if not url:
            return _esc(text or "")
        plain = not any(ch.isspace() or ch in "<>" for ch in url)
        if text:
            if not plain or any(ch in "()" for ch in url):
                url = f"<{url}>"
            return f"[{_esc(' '.join(text.split()))}]({url})"
        return f"<{url}>" if plain and _URL.fullmatch(url) else _esc(url)
    name = names[0]
    if name == "published":
        printed = get(article, "published_text")
        value = printed or (_chinese_date(article.published) if article.published else "")
    elif name == "tags":
        value = "，".join(article.tags)
    elif name in _ATTRIBUTES:
        value = getattr(article, name) or ""
    else:
        value = get(article, name) or ""
    lines = _lines(value)
    return "\n".join([_esc(lines[0]), *map(_esc_line, lines[1:])]) if lines else ""


def _byline(article: Article, get: _Lookup) -> str:
    byline = get(article, "byline")
    if byline:
        return byline
    parts = [article.author or "", _chinese_date(article.published) if article.published else ""]
    return "，".join(p for p in parts if p)


def write(source: Source) -> str:
    """Print a source as a Markdown digest; ``read(write(x)) == x`` for read sources.

    A source that was read (every block and field has a span) is printed in
    the order of its spans: boilerplate that the layout needs (rules,
    labels, appendix headings) as it was printed, fields after their labels,
    blocks as Markdown. Any other source gets the layout of the module
    docstring: the digest's metadata, ``**内容整理**：`` and the paragraphs
    before its first point, ``**文章信息**：`` with author, platform and
    date, ``**正文内容整理**：`` and the points; then every further article
    as an appendix ``## 附<n>: <title>``.

    Raises:
        ValueError: If the source has no article.
    """
    if not source.articles:
        raise ValueError("a digest needs at least one article")
    get = _Lookup()
    units = _units_from_spans(source) if _spanned(source) else _units_canonical(source, get)
    chunks: list[str] = []
    stack: list[int] = []  # content indent of the open list item at each level
    previous = ""  # what the last chunk was: "item-meta" lets the next metadata item follow
    meta_indent = 0
    body = False  # the current part has body text: no title or byline can follow
    for unit in units:
        if unit.kind == "group":
            assert unit.boiler is not None
            raw = unit.raw
            value = (
                _field_value(unit.article, unit.fields, get) if unit.article and unit.fields else ""
            )
            lines = value.split("\n")  # escaped, one line of Markdown each
            pad = len(raw) - len(raw.lstrip())
            if pad:  # a nested item: indent it as far as the item it was nested in, if any
                pad = max((c for c in stack if c <= pad), default=0)
                raw = " " * pad + raw.lstrip()
            marker = _LIST_MARKER.match(raw, pad)
            if unit.boiler.kind == FIELD_SUBLABEL and previous:
                separator = "\n" + " " * meta_indent
            elif marker is not None:
                # A blank line between items, as between blocks: a list of metadata
                # then content reads the same whichever way its items are classed.
                separator = "\n\n"
                meta_indent = marker.end() + 1
                previous = "item-meta"
            else:
                separator = "\n\n"
                meta_indent = 0
                previous = "meta"
            indent = "\n" + " " * meta_indent
            text = raw + lines[0] + "".join(indent + line for line in lines[1:])
            chunks.append(separator + text)
            # A metadata item: items may nest under it, and it under those it is indented in.
            stack = [] if marker is None else [*(c for c in stack if c <= pad), meta_indent]
            continue
        previous = ""
        if unit.kind == "boiler":
            assert unit.boiler is not None
            chunks.append("\n\n" + unit.raw.strip())
            stack = []
            body = body and unit.boiler.kind != APPENDIX_HEADING
            continue
        if unit.kind == "field":
            # A bold title and an italic byline are only read as such before the body.
            assert unit.article is not None
            name = unit.fields[0]
            text, marks, kind = "", "", ""
            if name == "title" and unit.article.title:
                text, marks, kind = unit.article.title, "**", "strong"
            elif name == "byline":
                text, marks, kind = _byline(unit.article, get), "*", "em"
                if find_date(text) is None and len(text) > _BYLINE_CHARS:
                    body = True
            wrapped = None if body else _wrapped(text, marks, kind)
            printed = wrapped or _paragraph(text)
            if printed:
                chunks.append("\n\n" + printed)
                body = body or wrapped is None
            stack = []
            continue
        assert unit.block is not None
        printed, stack = _block(unit.block, stack)
        if printed:
            chunks.append("\n\n" + printed)
            body = True
    text = "".join(chunks).lstrip("\n") + "\n"
    # A U+FEFF that starts the text would be read as a byte-order mark.
    return "\n" + text if text.startswith("\ufeff") else text


def _paragraph(text: str, indent: int = 0) -> str:
    pad = " " * indent
    return "\n".join(pad + _esc_line(line) for line in _lines(text))


def _inline(block: Block, first_indent: int, indent: int) -> str:
    """A block's text as inline Markdown: bold heading, escaped lines."""
    lines = _lines(block.text)
    if not lines:
        return ""
    pad = " " * indent
    rest = "".join("\n" + pad + _esc_line(line) for line in lines[1:])
    heading = block.heading
    if heading and lines[0].startswith(heading):
        candidate = f"**{_esc(heading)}**" + _esc(lines[0][len(heading) :]) + rest
        rendered = _render_raw(candidate)
        if rendered.lead == heading and rendered.text == "\n".join(lines):
            return candidate
    return _esc_line(lines[0]) + rest


def _block(block: Block, stack: list[int]) -> tuple[str, list[int]]:
    """Print one block; ``stack`` holds the content indent of the open list items."""
    if block.kind in (BlockKind.POINT, BlockKind.LIST_ITEM):
        level = min(block.level, len(stack))
        stack = stack[:level]
        indent = stack[-1] if stack else 0
        marker = block.marker or ("1." if block.kind is BlockKind.POINT else "-")
        if not _LIST_MARKER.fullmatch(marker):
            marker = "-"
        content = indent + len(marker) + 1
        text = _inline(block, content, content)
        if not text:
            return "", stack
        stack = [*stack, content]
        return " " * indent + marker + " " + text, stack
    if block.kind is BlockKind.HEADING:
        lines = _lines(block.text)
        if not lines:
            return "", []
        if block.level == 0:
            text = "\n".join(lines)
            return _wrapped(text, "**", "strong") or _paragraph(text), []
        level = min(block.level, 6)
        return "#" * level + " " + _esc(" ".join(lines)).replace("#", "\\#"), []
    level = min(block.level, len(stack))
    indent = stack[level - 1] if level else 0
    stack = stack[:level]
    return _paragraph_block(block, indent), stack


def _paragraph_block(block: Block, indent: int) -> str:
    text = _inline(block, indent, indent)
    return (" " * indent + text) if text else ""
