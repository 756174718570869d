"""Markdown digests: labels, tokens to elements, inline rendering (shared by reader and writer)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, cast

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_core import text_join
from markdown_it.rules_core.state_core import StateCore
from markdown_it.token import Token

from aistress.formats._digest_blocks import BlockToken
from aistress.formats._digest_blocks import El as _El
from aistress.formats._digest_blocks import OpenItem as _OpenItem
from aistress.model import (
    ArticleKind,
    RelationKind,
)

#: Metadata labels (compared case-insensitively) and the field each fills:
#: an :class:`~aistress.model.Article` attribute, or a key of its ``extra``.
_FIELD_LABELS: dict[str, str] = {
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
_BYLINE_CHARS = 60  # an italic line without a date is a byline up to this length

# Raw HTML is off, so the two HTML rules could never match: they are left out.
_md = MarkdownIt("commonmark", {"html": False}).disable(["html_block", "html_inline"])
# The same block parser without inline parsing: the reader parses each block's
# inline content when it renders it (see :func:`_inline_of`), most of it plain text.
_md_blocks = MarkdownIt("commonmark", {"html": False}).disable(
    ["html_block", "html_inline", "inline", "text_join"]
)
# Characters with which an inline rule other than text and newline can start
# (emphasis, links, images, code, escapes, entities, autolinks).
_INLINE_SYNTAX = re.compile(r"[*_\[\]!`\\&<~]")
# ``**label**`` and plain text after it: the most common inline content of a digest
# (``before`` is plain text ending in a space, or nothing).
_STRONG_LEAD = re.compile(
    r"(?:(?P<before>[^*_\[\]!`\\&<~]* ))?"
    r"\*\*(?P<label>[^*_\[\]!`\\&<~\n]+)\*\*(?P<rest>[^*_\[\]!`\\&<~]*)",
    re.DOTALL,
)
_SPACE_BEFORE_BREAK = re.compile(r" +\n[ \t]*|\n[ \t]*")


# ---------------------------------------------------------------------------
# tokens → elements


# Tokens that _elements passes over (each block closes with one).
_IGNORED = frozenset(("paragraph_close", "heading_close"))


def _elements(tokens: Sequence[Token]) -> list[_El]:
    """Flatten the token stream into elements; linear in the number of tokens."""
    out: list[_El] = []
    lists: list[tuple[int, bool]] = []
    items: list[_OpenItem] = []
    next_list = 0
    quotes: list[int] = []  # for each open block quote, the list items open around it
    block_map: list[int] | None = None
    heading: int | None = None

    def claim(first: int) -> None:
        for item in items:
            if item.first == first:
                item.used = True

    for tok in tokens:
        kind = tok.type
        if kind in _IGNORED:
            continue
        if kind == "inline" and block_map is not None:
            first, last = block_map
            quote = quotes.count(len(items)) if quotes else 0
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
                        quote=quote,
                    )
                )
            else:
                out.append(_El("paragraph", first, last, tok, len(items), quote=quote))
            claim(first)
            block_map = None
            heading = None
        elif kind == "paragraph_open":
            block_map = tok.map
            heading = None
        elif kind in ("bullet_list_open", "ordered_list_open"):
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
        elif kind == "heading_open":
            block_map = tok.map
            heading = int(tok.tag[1:]) if tok.tag[1:].isdigit() else 1
        elif kind == "hr" and tok.map:
            out.append(_El("rule", tok.map[0], tok.map[1]))
            claim(tok.map[0])
        elif kind in ("code_block", "fence", "html_block") and tok.map:
            out.append(_El("code", tok.map[0], tok.map[1], level=len(items), text=tok.content))
            claim(tok.map[0])
        elif kind == "blockquote_open":
            quotes.append(len(items))
        elif kind == "blockquote_close" and quotes:
            quotes.pop()
    return out


# ---------------------------------------------------------------------------
# inline rendering


class _Inline(NamedTuple):
    """Plain text of inline tokens, and what their Markdown said about it (one per block)."""

    text: str
    links: tuple[tuple[str, str], ...] = ()  # (href, link text)
    lead: str | None = None  # the bold label the text starts with
    wrapped: str | None = None  # "strong" or "em" if the whole text is wrapped in it
    colon: bool = False  # a colon after (or at the end of) the wrapped text


# ``_Inline(...)`` of all five fields without the named tuple's Python-level ``__new__``.
_new_inline = cast(
    "Callable[[tuple[str, tuple[tuple[str, str], ...], str | None, str | None, bool]], _Inline]",
    functools.partial(tuple.__new__, _Inline),
)


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


def _inline_of(el: _El, env: dict[str, Any]) -> _Inline:
    """The element's inline content rendered (once): plain text directly, the rest by markdown-it.

    ``env`` is the one the block parser filled (link reference definitions).
    """
    if el.rendered is None:
        assert el.inline is not None
        el.rendered = _render_inline(el.inline, env)
    return el.rendered


def _render_inline(token: Token | BlockToken, env: dict[str, Any]) -> _Inline:
    content = token.content
    if _INLINE_SYNTAX.search(content) is None:
        # One line: no break to render (what _plain_text does, without the regex).
        return _new_inline(
            (_plain_text(content) if "\n" in content else content.strip(), (), None, None, False)
        )
    lead = _STRONG_LEAD.fullmatch(content)
    if lead is not None:
        before, label, rest = lead.groups()
        # Whether ``**label**rest`` is a strong label by CommonMark's flanking rules:
        # the opening ``**`` starts the content, so it opens unless a space follows;
        # the closing one must be right-flanking (markdown-it's ``scanDelims``).
        if _flanking(label[0], label[-1], rest[0] if rest else " "):
            if before is None:
                return _strong_lead(label, rest)
            # Plain text first: the bold words are part of the text, not a lead-in.
            text = _SPACE_BEFORE_BREAK.sub("\n", before + label + rest).strip()
            return _new_inline((text, (), None, None, False))
    children: list[Token] = []
    _md.inline.parse(content, _md, env, children)
    inline = Token("inline", "", 0, content=content, children=children)
    text_join(StateCore("", _md, env, [inline]))
    return _render(inline.children or [])


@functools.lru_cache(maxsize=4096)
def _flanking(first: str, last: str, after: str) -> bool:
    """Whether ``**label**rest`` is a strong label, by the three characters it looks at.

    The first and last characters of the label and the one after it (few distinct ones).
    """
    last_space, last_punct = _is_space(last), _is_punct(last)
    right_flanking = not (last_space or (last_punct and not (_is_space(after) or _is_punct(after))))
    return not _is_space(first) and right_flanking


def _is_space(char: str) -> bool:
    return isWhiteSpace(ord(char))


def _is_punct(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _strong_lead(label: str, rest: str) -> _Inline:
    """What :func:`_render` makes of a strong ``label`` followed by plain ``rest``."""
    tail = _SPACE_BEFORE_BREAK.sub("\n", rest) if "\n" in rest else rest
    text = (label + tail).strip()
    inner = label.strip()
    name = inner.rstrip(":： \t").strip()
    lead = name if name and text.startswith(name) else None
    wrapped: str | None = None
    colon = False
    if tail.strip() in ("", ":", "：") and inner:
        wrapped = "strong"
        colon = bool(tail.strip()) or inner.endswith((":", "："))
    return _new_inline((text, (), lead, wrapped, colon))


def _plain_text(content: str) -> str:
    """What :func:`_render` makes of inline content in which only text and line breaks occur.

    markdown-it's newline rule drops the spaces before a line break and the
    spaces and tabs after it; softbreaks and hardbreaks both render as a line break.
    """
    return _SPACE_BEFORE_BREAK.sub("\n", content).strip()


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
    return _FIELD_LABELS.get(label.strip().casefold(), f"meta:{label.strip()}")


def _squash(text: str) -> str:
    return "".join(text.split())
