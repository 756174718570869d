"""Writing a source back as a Markdown digest (see :func:`aistress.formats.digest.write`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import attrs

from aistress.formats._common import find_date
from aistress.formats._digest_syntax import (
    _ATTRIBUTES,
    _BYLINE_CHARS,
    _DEFAULT_LABELS,
    _INFO_LABEL,
    _INTRO_LABEL,
    _LIST_MARKER,
    _POINTS_LABEL,
    _URL,
    APPENDIX_HEADING,
    FIELD_LABEL,
    FIELD_SUBLABEL,
    LINK_DEFINITION,
    MARKUP,
    RULE,
    SECTION_LABEL,
    UNREAD,
    _render_raw,
)
from aistress.model import (
    Article,
    ArticleKind,
    Block,
    BlockKind,
    Boilerplate,
    Source,
)
from aistress.text.dates import format_chinese_date

# ---------------------------------------------------------------------------
# writing

_ESCAPE = re.compile(r"[\\`*_\[\]<]|&(?=#?[0-9A-Za-z]+;)")
_LINE_START = re.compile(r"(?P<digits>\d{1,9})(?P<delim>[.)])|[#>\-+=~|]")
_BREAK = re.compile(r"\r\n|\r|\n")
# A list marker, then the block quotes its item's text opens with (``- >``).
_ITEM_MARKER = re.compile(r"(?P<list>[-*+]|\d{1,9}[.)])(?P<quote>(?: >)*)")
# The block quotes around a paragraph (``>``, ``> >`` for a quote in a quote).
_QUOTE_MARKER = re.compile(r">(?: >)*")
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
        value = printed or (
            format_chinese_date(article.published, pad=False) if article.published else ""
        )
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
    parts = [
        article.author or "",
        format_chinese_date(article.published, pad=False) if article.published else "",
    ]
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
        parts = _ITEM_MARKER.fullmatch(marker)
        if parts is None:
            marker, quote = "-", ""
        else:
            marker, quote = parts.group("list"), parts.group("quote")
        content = indent + len(marker) + 1
        text = _quoted(block, quote.strip(), content)
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
    quote = block.marker if block.marker and _QUOTE_MARKER.fullmatch(block.marker) else ""
    text = _quoted(block, quote, indent)
    return (" " * indent + text) if text else ""


def _quoted(block: Block, quote: str, indent: int) -> str:
    """A block's inline Markdown, every line inside the block quotes ``quote`` (``> >``)."""
    if not quote:
        return _inline(block, indent, indent)
    prefix = quote + " "
    text = _inline(block, 0, 0)
    return prefix + text.replace("\n", "\n" + " " * indent + prefix) if text else ""
