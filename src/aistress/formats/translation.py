"""Translated article page: a Chinese translation of a news article, as a blog republishes it.

The page is a sequence of lines (blank lines do not matter):

- an optional title: a first line of at most 64 characters that does not end
  like a sentence (no ``。`` ``？`` ``.`` ...); most pages print none, and the
  title is then None (unknown unless linked to the original);
- Chinese paragraphs, one a line: the article body;
- bare image references (``gettyimages-1460688324``, ``IMG_2041.jpg``, credit
  lines listed in ``data/formats/image_credits.txt``): boilerplate ``"image"``;
- a source link (``原文链接: https://...``): the url, its label boilerplate
  ``"source-label"``;
- hashtags, ``文章标签: #人工智能 #科技`` (or ``#tag#`` as Weibo prints them):
  the tags; the label is boilerplate ``"tags-label"``;
- ``负责编辑`` (alone on a line, or followed by the name), the editor's name,
  then the editor's signature lines: the editor, boilerplate
  ``"editor-label"`` and ``"signature"``.

Machine translation leaves *name artefacts*: ``玛拉·奎斯特(玛拉·奎斯特)``,
a Chinese name followed by the same name in parentheses where the original had
the Latin name. The analysable text (``text`` of each
:class:`~aistress.model.Block`) keeps one copy; the parenthesised copy is
recorded as boilerplate ``"name-artefact"`` with its span (the block's span
still covers the printed line).

The article id is ``<source id>#<language>`` (``#zh``); its kind is
translation. Warnings: ``missing-footer`` (no hashtags and no editor),
``missing-body``.

:func:`write` prints a source back in this layout (name artefacts put back
where they were printed); ``write(read(text))`` equals ``text`` up to
whitespace when the footer parts are in the usual order (tags, editor label,
editor, signature).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, chain, compress, repeat
from operator import add, contains, ge, gt, itemgetter, methodcaller, or_, sub

from aistress.formats._common import (
    BOM_KIND,
    Evidence,
    Header,
    Page,
    article_to_write,
    foreign,
    label_key,
    label_set,
    language_of,
    languages,
    load_list,
    name_artefacts,
    page_reader,
    sample_content,
)
from aistress.formats._registry import FormatGuess
from aistress.formats._text import Line, LineColumns
from aistress.model import Article, ArticleKind, Block, BlockKind, Boilerplate, FieldSpan, Source
from aistress.text.script import is_traditional, to_simplified

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "translation"

_COLON = re.compile(r"\s*[:：]\s*")
_HASHTAG = re.compile(r"#(?P<tag>[^\s#]+)#?")
_TOKEN = re.compile(r"\S+")
_IMAGE_FILE = re.compile(
    r"(?:[A-Za-z][\w.\-]*[-_]\d{3,}(?:\.(?:jpe?g|png|gif|webp|avif))?"
    r"|[\w.\-]+\.(?:jpe?g|png|gif|webp|avif))",
    re.IGNORECASE,
)
_SOURCE_LINK = re.compile(
    r"(?P<label>原文链接|原文連結|原文鏈接|原文地址|原文|来源|來源|Source|Original)\s*[:：]\s*(?P<url>https?://\S+)",
    re.IGNORECASE,
)
_SENTENCE_END = '。！？!?.…”’"』」)）:：;；,，、'
_MAX_TITLE = 64


@functools.lru_cache(maxsize=8)  # the footer test asks twice about each line in a row
def _split_label(text: str) -> tuple[str, str] | None:
    """``(label with its colon, rest)`` when ``text`` starts with ``label:``."""
    match = _COLON.search(text, 0, 40)
    if match is None:
        return None
    return text[: match.end()], text[match.end() :]


def _hashtags(text: str) -> tuple[int, list[tuple[int, int, str]]] | None:
    """For a tag line: where its label ends and ``(start, end, tag)`` of each hashtag."""
    offset = 0
    split = _split_label(text)
    if split is not None and label_key(split[0]) in label_set("translation_tag_labels"):
        offset = len(split[0])
    elif not text.startswith("#"):
        return None
    tags = []
    for token in _TOKEN.finditer(text, offset):
        match = _HASHTAG.fullmatch(token.group())
        if match is None:
            return None
        tags.append((token.start(), token.end(), match.group("tag")))
    if not tags:
        return None
    return offset, tags


def _editor_label(text: str) -> tuple[str, str] | None:
    """``(label, name)`` for an editor line (the name may be empty)."""
    labels = label_set("translation_editor_labels")
    if len(text) < 40 and label_key(text) in labels:
        return text, ""
    split = _split_label(text)
    if split is not None and label_key(split[0]) in labels and split[1]:
        return split
    return None


@functools.cache
def _credit_prefixes() -> tuple[str, ...]:
    return tuple(to_simplified(prefix).lower() for prefix in load_list("image_credits"))


@functools.cache
def _credit_reach() -> int:
    return max(map(len, _credit_prefixes()), default=0)


def _image(text: str) -> bool:
    if len(text) > 120:
        return False
    if _IMAGE_FILE.fullmatch(text):
        return True
    # to_simplified keeps every character in place, so converting the line's
    # start is enough to compare it with the prefixes.
    return _credited(text)


def _title_like(text: str) -> bool:
    return len(text) <= _MAX_TITLE and text[-1] not in _SENTENCE_END and not _image(text)


def _footer_line(text: str) -> bool:
    return _hashtags(text) is not None or _editor_label(text) is not None


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a translated-article page.

    >>> sniff("一段译文。\n\n文章标签: #人工智能 #压力\n\n负责编辑\n\n小明").confidence > 0.5
    True
    """
    ev = Evidence(FORMAT)
    lines = list(sample_content(text))
    if not lines or lines[0].lstrip("\ufeff").startswith("<"):
        return ev.guess()
    tail = lines[-12:]
    if any(_hashtags(line) is not None and not line.startswith("#") for line in tail):
        ev.add(0.35, "a labelled hashtag line (文章标签: #...) near the end")
    elif any(_hashtags(line) is not None for line in tail):
        ev.add(0.2, "a hashtag line near the end")
    if any(_editor_label(line) is not None for line in tail):
        ev.add(0.25, "an editor label (负责编辑) near the end")
    artefacts = len(name_artefacts("\n".join(lines[:100])))  # none spans two lines
    if artefacts:
        ev.add(0.2, f"{artefacts} name artefacts such as 名字(名字)")
    languages = [language_of(line) for line in lines[:60]]
    zh, en = languages.count("zh"), languages.count("en")
    if zh >= 3 and en * 5 <= zh:
        ev.add(0.2, "Chinese paragraphs")
    if any(_image(line) for line in lines[:60]):
        ev.add(0.1, "a bare image reference")
    if sum(1 for line in lines[:60] if line.startswith(("- **", "* **", "#", "1. **"))) >= 3:
        ev.add(-0.3, "Markdown structure")
    return ev.guess()


def _read(page: Page) -> Source:
    """Read a translated-article page (see the module docstring for its parts)."""
    lines = page.content_columns()  # records are made only for the lines looked at alone
    header = Header()
    texts = list(map(str.strip, lines.texts))
    footer = _first_footer_line(texts)

    # Image references and the source link: asked only about the lines they can be.
    images = set(_images(texts[:footer]))
    links = _source_links(texts[:footer])
    body = [True] * footer
    for k in sorted(images.union(links)):
        line = lines[k]
        link = links.get(k)
        if k in images:
            page.add_line_boilerplate("image", line)
            body[k] = False
        elif link is not None and header.url is None:
            header.url = _read_link(page, line, link, header.fields)
            body[k] = False
    body_lines = lines.select(body)
    body_texts = list(compress(texts, body))

    artefacts: list[tuple[str, int, int]] = []  # name artefacts, recorded together
    if len(body_texts) >= 2 and _title_like(body_texts[0]):
        title_line = body_lines[0]
        body_lines = body_lines[1:]
        del body_texts[0]
        header.title = _collapse(title_line, artefacts)
        header.fields.append(page.field("title", title_line))

    body_texts = _collapse_all(body_lines, body_texts, artefacts)
    page.add_boilerplate_runs(artefacts)
    main, each = languages(body_texts)
    language = main or "zh"
    blocks = page.line_blocks(
        BlockKind.PARAGRAPH,
        body_lines,
        foreign(each, language),
        texts=body_texts,
    )
    if not blocks:
        page.warn("missing-body", "no body paragraphs before the footer")

    header.tags, header.editor, footer_url = _read_footer(page, lines[footer:], header.fields)
    header.url = header.url or footer_url
    if footer == len(lines):
        page.warn(
            "missing-footer",
            "no footer (a 文章标签: #... hashtag line or a 负责编辑 editor line): "
            "tags and editor are unknown",
            None,
        )
    if language == "zh" and is_traditional("".join(b.text for b in blocks[:20])):
        header.extra.append(("script", "Hant"))
    return page.source([page.article(language, ArticleKind.TRANSLATION, blocks, header)])


read = page_reader(FORMAT, _read)


def _first_footer_line(texts: list[str]) -> int:
    """The index of the first text that :func:`_footer_line` takes, or ``len(texts)``.

    Asked only about the texts it can take (found in C over them all): those
    starting with ``#``, shorter than 40 characters or with a colon in their
    first 40 (a label).
    """
    candidates = set(compress(range(len(texts)), map(str.startswith, texts, repeat("#"))))
    # An editor label alone, or a label before a colon (of tags or an editor):
    # the label keys are folded in C, and only texts whose key is a label kept.
    editor = label_set("translation_editor_labels")
    short = list(compress(range(len(texts)), map(gt, repeat(40), map(len, texts))))
    candidates.update(short[j] for j in _keyed([texts[k] for k in short], editor))
    # A label before a colon starts the text: only texts whose first character
    # folds to a label's first are searched for the colon.
    either = editor | label_set("translation_tag_labels")
    firsts = map(_label_starts(either).__contains__, _folded_firsts(texts))
    may = list(compress(range(len(texts)), firsts))
    labelled = [may[j] for j in _colon_within_40([texts[k] for k in may])]
    ends = map(
        methodcaller("end"), map(_COLON.search, [texts[k] for k in labelled], repeat(0), repeat(40))
    )
    labels = [texts[k][:end] for k, end in zip(labelled, ends, strict=True)]
    candidates.update(labelled[j] for j in _keyed(labels, either))
    return next((k for k in sorted(candidates) if _footer_line(texts[k])), len(texts))


def _colon_within_40(texts: list[str]) -> list[int]:
    """The indices of the texts :data:`_COLON` finds a colon in within the first 40 characters.

    Its spaces may be empty, so it finds one exactly where either colon is
    there: found by a pattern that starts with the colon (searched in C),
    not by one whose spaces are tried at each place first.
    """
    return list(compress(range(len(texts)), map(_ANY_COLON.search, texts, repeat(0), repeat(40))))


_ANY_COLON = re.compile("[:：]")


def _keyed(texts: list[str], labels: frozenset[str]) -> Iterator[int]:
    """The indices of ``texts`` whose :func:`label_key` is one of ``labels`` (folded in C)."""
    bare = map(str.strip, map(str.rstrip, map(str.strip, texts), repeat(":：")))
    keys = map(str.lower, map(to_simplified, bare))
    return compress(range(len(texts)), map(labels.__contains__, keys))


def _images(texts: list[str]) -> list[int]:
    """The indices of the ``texts`` that :func:`_image` takes, tested in C."""
    short = list(compress(range(len(texts)), map(ge, repeat(120), map(len, texts))))
    candidates = [texts[k] for k in short]
    # A file name holds a dot (before its extension) or a dash or underscore
    # (before its number): only those texts are matched.
    named = map(or_, map(contains, candidates, repeat(".")), map(contains, candidates, repeat("-")))
    named = map(or_, named, map(contains, candidates, repeat("_")))
    maybe_files = list(compress(range(len(short)), named))
    matches = map(_IMAGE_FILE.fullmatch, [candidates[j] for j in maybe_files])
    files = {short[j] for j in compress(maybe_files, matches)}
    # A credit's first character, folded as the prefixes are.
    folded = _folded_firsts(candidates)
    may = compress(range(len(short)), map(_credit_starts().__contains__, folded))
    files.update(short[j] for j in may if _credited(candidates[j]))
    return sorted(files)


def _credited(text: str) -> bool:
    """Whether ``text`` starts with an image credit (see :func:`_image`)."""
    return to_simplified(text[: _credit_reach()]).lower().startswith(_credit_prefixes())


def _folded_firsts(texts: list[str]) -> list[str]:
    """The first character of each text, folded as labels and credits are.

    Lower-cased Simplified, each distinct character folded once (``""`` for
    an empty text). to_simplified keeps every character in place and the lower case of a text
    starts with that of its first character (Σ, whose lower case depends on
    what follows, folds to no label's or prefix's first character).
    """
    firsts = list(map(str.__getitem__, texts, repeat(slice(None, 1))))
    fold = {first: to_simplified(first).lower()[:1] for first in set(firsts)}
    return list(map(fold.__getitem__, firsts))


@functools.cache
def _label_starts(labels: frozenset[str]) -> frozenset[str]:
    """The first characters of ``labels`` (label keys)."""
    return frozenset(label[:1] for label in labels)


def _source_links(texts: list[str]) -> dict[int, re.Match[str]]:
    """The source link of each text that is one (:data:`_SOURCE_LINK`), by index.

    Only texts that start as a label can (``ſ`` is an ``s`` to the
    case-blind pattern) are matched.
    """
    may = compress(range(len(texts)), map(str.startswith, texts, repeat(_LINK_STARTS)))
    found = {k: _SOURCE_LINK.fullmatch(texts[k]) for k in may}
    return {k: match for k, match in found.items() if match is not None}


_LINK_STARTS = ("原", "来", "來", "S", "s", "\u017f", "O", "o")


@functools.cache
def _credit_starts() -> frozenset[str]:
    """The first characters of the credit prefixes (every text starts with ``""``)."""
    return frozenset(prefix[:1] for prefix in _credit_prefixes())


def _collapse(line: Line, artefacts: list[tuple[str, int, int]]) -> str:
    """The line's trimmed text without name artefacts, whose offsets go to ``artefacts``."""
    start, end = line.trimmed()
    start, end = start - line.start, end - line.start
    pieces = []
    at = start
    for a, b in name_artefacts(line.text):
        if a < start or b > end:
            continue
        pieces.append(line.text[at:a])
        artefacts.append(("name-artefact", line.start + a, line.start + b))
        at = b
    pieces.append(line.text[at:end])
    return "".join(pieces)


def _collapse_all(
    lines: LineColumns, texts: list[str], artefacts: list[tuple[str, int, int]]
) -> list[str]:
    """``[_collapse(line, artefacts) for line in lines]``, in one search of all the texts.

    ``texts`` are the lines' stripped texts. An artefact starts and ends with
    a parenthesis and repeats no whitespace or line break, so the artefacts
    of each line are those found in all the texts joined by line breaks, moved
    by where the line's content starts in the page; the collapsed texts are
    the joined text without them, split again.
    """
    joined = "\n".join(texts)
    found = name_artefacts(joined)
    if not found:
        return texts
    # Where each text after the first starts in ``joined``; the text each
    # artefact is in; how far that text's content lies from there in the page.
    starts = list(accumulate(map((1).__add__, map(len, texts[:-1]))))
    owners = list(map(bisect_right, repeat(starts), map(itemgetter(0), found)))
    raw = list(map(lines.texts.__getitem__, owners))
    indents = map(sub, map(len, raw), map(len, map(str.lstrip, raw)))
    in_page = map(add, map(lines.starts.__getitem__, owners), indents)
    moved = list(map(sub, in_page, map([0, *starts].__getitem__, owners)))
    artefacts += zip(
        repeat("name-artefact"),
        map(add, map(itemgetter(0), found), moved),
        map(add, map(itemgetter(1), found), moved),
    )
    bounds = [0, *chain.from_iterable(found), len(joined)]  # kept: from each even to the next
    kept = map(joined.__getitem__, map(slice, bounds[::2], bounds[1::2]))
    return "".join(kept).split("\n")


def _read_link(page: Page, line: Line, link: re.Match[str], fields: list[FieldSpan]) -> str:
    off = line.indent
    page.add_boilerplate("source-label", page.sub_span(line, off, off + link.start("url")))
    fields.append(page.match_field("url", line, link, "url"))
    return link.group("url")


def _read_footer(
    page: Page, lines: Sequence[Line], fields: list[FieldSpan]
) -> tuple[list[str], str | None, str | None]:
    """Record the footer; return the tags, the editor and a source link."""
    tags: list[str] = []
    editor: str | None = None
    url: str | None = None
    expect_name = False
    for line in lines:
        content = line.stripped
        off = line.indent
        found = _hashtags(content)
        labelled = _editor_label(content)
        link = _SOURCE_LINK.fullmatch(content)
        if found is not None and not expect_name:
            label_end, matches = found
            if label_end:
                page.add_boilerplate("tags-label", page.sub_span(line, off, off + label_end))
            for start, end, tag in matches:
                tags.append(tag)
                fields.append(page.field("tags", line, off + start, off + end))
        elif labelled is not None and editor is None and not expect_name:
            label, name = labelled
            page.add_boilerplate("editor-label", page.sub_span(line, off, off + len(label)))
            if name:
                editor = name.strip()
                fields.append(page.field("editor", line, off + len(label)))
            else:
                expect_name = True
        elif expect_name:
            editor = content
            fields.append(page.field("editor", line))
            expect_name = False
        elif link is not None and url is None:
            url = _read_link(page, line, link, fields)
        elif editor is not None:
            page.add_line_boilerplate("signature", line)
        elif _image(content):
            page.add_line_boilerplate("image", line)
        else:
            page.add_line_boilerplate("footer", line)
    return tags, editor, url


def _field_start(article: Article, name: str) -> int | None:
    if article.provenance is not None:
        for field in article.provenance.fields:
            if field.name == name:
                return field.span.start
    return None


def _printed(block: Block, artefacts: list[Boilerplate]) -> str:
    """The block's text with the name artefacts printed inside its span put back."""
    if block.span is None:
        return block.text
    inside = sorted(
        (a for a in artefacts if a.span is not None and block.span.contains(a.span)),
        key=lambda a: a.span.start if a.span else 0,
    )
    text = block.text
    removed = 0
    pieces = []
    at = 0
    for item in inside:
        assert item.span is not None
        where = item.span.start - block.span.start - removed
        if not at <= where <= len(text):
            return block.text  # spans from elsewhere: print the analysable text only
        pieces.append(text[at:where])
        pieces.append(item.text)
        at = where
        removed += len(item.text)
    pieces.append(text[at:])
    return "".join(pieces)


def write(source: Source) -> str:
    """Print a source as a translated-article page; ``read(write(x)) == x`` for read sources.

    The article is ``source.articles[0]``. Image references go back between
    the paragraphs where their spans put them (after the first paragraph
    when they have no span); name artefacts go back into the text.

    Raises:
        ValueError: If the source has no article.
    """
    article = article_to_write(source, "a translation page")
    by_kind: dict[str, list[Boilerplate]] = {}
    for item in source.boilerplate:
        by_kind.setdefault(item.kind, []).append(item)
    artefacts = by_kind.get("name-artefact", [])
    parts: list[str] = []
    if article.title is not None:
        title_span = next(
            (
                f.span
                for f in (article.provenance.fields if article.provenance else ())
                if f.name == "title"
            ),
            None,
        )
        parts.append(_printed(Block(BlockKind.HEADING, article.title, span=title_span), artefacts))
    printed = [_printed(block, artefacts) for block in article.blocks]
    images = by_kind.get("image", [])
    if all(b.span is not None for b in article.blocks) and all(i.span for i in images):
        entries = [
            (b.span.start if b.span else 0, text)
            for b, text in zip(article.blocks, printed, strict=True)
        ]
        entries += [(i.span.start if i.span else 0, i.text) for i in images]
        parts.extend(text for _, text in sorted(entries, key=lambda entry: entry[0]))
    else:
        parts.extend(printed[:1] + [i.text for i in images] + printed[1:])
    if article.url is not None:
        label = by_kind.get("source-label", [])
        parts.append(f"{label[0].text if label else '原文链接:'} {article.url}")
    if article.tags:
        label = by_kind.get("tags-label", [])
        hashtags = " ".join(f"#{tag}" for tag in article.tags)
        parts.append(f"{label[0].text} {hashtags}" if label else f"文章标签: {hashtags}")
    if article.editor is not None:
        label = by_kind.get("editor-label", [])
        text = label[0].text if label else "负责编辑"
        if text.endswith((":", "：")):
            parts.append(text + article.editor)
        else:
            parts.extend((text, article.editor))
    known = {"image", "name-artefact", "source-label", "tags-label", "editor-label", BOM_KIND}
    parts.extend(item.text for item in source.boilerplate if item.kind not in known)
    return "\n\n".join(parts) + "\n"
