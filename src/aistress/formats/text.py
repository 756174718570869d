"""Plain-text article: a title, a byline, a date line and paragraphs, nothing else.

The format of a journalist's ``.txt`` file, a copied web article or a note,
in English or Chinese (Simplified or Traditional). The reader takes
**every paragraph as body** unless something positive says otherwise:

- an optional header at the top, in any order within its first lines:

  - the title: a first line of at most 200 characters, followed by more text,
    that does not read as a paragraph (it is not several sentences);
  - a byline: ``By Jane Roe``, ``By Jane Roe and Ken Ito``,
    ``作者：王小明``, ``記者 陳大文`` (labels in ``data/formats/byline_labels.txt``,
    both scripts): the author, the label boilerplate ``"byline-label"``;
  - a date line: a line that is mostly a date (``March 4, 2025``,
    ``2025年3月4日``, ``Published: 2025-03-04``): the publication date, the rest
    of the line boilerplate ``"date-label"``;
  - a dek (standfirst): one sentence between the title and a byline or date
    line. A line *after* the byline and date is the lede, a paragraph;

- paragraphs: blank-line separated blocks. A block whose lines all end like
  sentences holds one paragraph a line; a block of hard-wrapped lines is one
  paragraph whose text joins its lines;
- a closing region recognised by its shape only (each item records its rule):
  a copyright line (``© 2025 Example``, ``版權所有``), a contact line
  (a short line with an e-mail address or a URL and no sentence), a tag line
  (``Tags: a, b`` / ``标签：``). These are boilerplate, never prose: a
  line that ends like a sentence is never taken off the body.

Article id ``<source id>#<language>``, kind news. Traditional Chinese is read
like Simplified (labels are compared across scripts); the article records
``extra["script"] = "Hant"``. Warnings: ``missing-title`` when no title line
could be told from the first paragraph.

:func:`sniff` gives every readable text the threshold confidence (0.5, from
``data/formats/sniff_weights.json``) and a little more for a header, so
:func:`aistress.formats.read` never rejects readable text and a structured format wins
only with evidence of its own.

:func:`write` prints a source back in this layout; ``read(write(x))`` reads
the same article.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate, compress, repeat
from operator import add, is_, is_not

from aistress.formats._common import (
    Evidence,
    Header,
    Page,
    article_to_write,
    boilerplate_texts,
    find_date,
    foreign,
    label_key,
    label_set,
    language_of,
    languages,
    load_list,
    page_reader,
    sample_content,
    sniff_weight,
)
from aistress.formats._registry import FormatGuess
from aistress.formats._text import Line
from aistress.model import ArticleKind, BlockKind, FieldSpan, PartialDate, Source
from aistress.model._document import trusted_blocks
from aistress.text.dates import format_chinese_date
from aistress.text.script import is_traditional, to_simplified

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "text"

_MAX_TITLE = 200
_MAX_HEADER_LINES = 6
_TERMINAL = tuple(".!?。！？…")
_CLOSERS = "\"'”’」』）)"
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’」』)）]*(?:\s+|(?=[^\s\"'”’」』)）]))(?=\S)")
_NAME = r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|der|di|la|le|bin|al)){0,4}"
_EN_BYLINE = re.compile(
    rf"(?P<label>[Bb][Yy]\s+)(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}})"
    r"(?P<rest>\s*[,|｜/—–-]\s*.{0,80})?"
)
_ZH_NAME = re.compile(
    r"(?P<sep>\s*[:：｜|/／]?\s*)(?P<name>[^\s:：，,。／/｜|、（(]{2,12}"
    r"(?:[、，,]\s*[^\s:：，,。／/｜|、（(]{2,12}){0,3})"
)
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_COPYRIGHT = re.compile(
    r"^(?:copyright\b|©|\(c\)\s*\d{4}|版权所有|版權所有|all rights reserved)", re.IGNORECASE
)
_LABELLED = re.compile(
    r"[(（]?\s*(?:【(?P<b>[^】]{1,12})】|(?P<c>[^:：【】()（）]{1,20})\s*[:：])\s*(?P<rest>.*?)\s*[)）]?"
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")
_TAG_LINE = re.compile(r"(?P<label>[^:：]{1,12})[:：]\s*(?P<tags>.+)")
_TAG_SPLIT = re.compile(r"[^,，、;；#\s]+(?:\s+[^,，、;；#\s]+)*")


def _sentences(text: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(text.strip()))


def _ends_like_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _byline(text: str) -> tuple[int, int, int] | None:
    """``(label end, name start, name end)`` of a byline line."""
    if len(text) > 120:
        return None
    match = _EN_BYLINE.fullmatch(text)
    if match is not None:
        return match.end("label"), match.start("name"), match.end("name")
    if len(text) > 60:
        return None
    folded = to_simplified(text)
    for label in sorted(label_set("byline_labels"), key=len, reverse=True):
        if not folded.startswith(label):
            continue
        match = _ZH_NAME.match(text, len(label))
        if match is None or (len(label) == 1 and not match.group("sep").strip()):
            continue
        rest = text[match.end() :]
        if rest and (len(rest) > 24 or rest[0] not in "／/｜| ，,（("):
            continue
        return match.start("name"), match.start("name"), match.end("name")
    return None


def _date_line(text: str) -> tuple[PartialDate, int, int] | None:
    """A line that is mostly a date: the date and where it is printed."""
    if len(text) > 80:
        return None
    found = find_date(text)
    if found is None or found.date.month is None:
        return None
    rest = (text[: found.start] + text[found.end :]).strip(" ,.:：|｜-–—()（）")
    if len(rest) > 40 or (_ends_like_sentence(text) and len(rest.split()) > 3):
        return None
    return found.date, found.start, found.end


def _copyright(text: str) -> bool:
    return len(text) <= 200 and _COPYRIGHT.match(text) is not None


def _contact(text: str) -> bool:
    if len(text) > 160 or (_ends_like_sentence(text) and _sentences(text) > 1):
        return False
    return _EMAIL.search(text) is not None or (
        _URL.search(text) is not None and len(_URL.sub("", text).split()) <= 6
    )


def _tag_line(text: str) -> re.Match[str] | None:
    if len(text) > 300:
        return None
    match = _TAG_LINE.fullmatch(text)
    if match is None or label_key(match.group("label")) not in label_set("text_tag_labels"):
        return None
    return match


def _labelled(text: str, labels: str) -> re.Match[str] | None:
    """``label: rest`` or ``【label】rest`` (or in parentheses) with a label from ``labels``."""
    match = _LABELLED.fullmatch(text)
    if match is None:
        return None
    label = match.group("b") or match.group("c") or ""
    return match if label_key(label) in label_set(labels) else None


def _link_list(text: str) -> bool:
    """``Share: Email | Mastodon | Copy link``: short items between bars."""
    parts = re.split(r"\s[|｜·•]\s", text)
    return len(parts) >= 3 and len(text) <= 200 and all(len(p.split()) <= 4 for p in parts)


def _closing_rule(text: str) -> str | None:
    """The rule that makes a closing line boilerplate, or None if it may be prose."""
    if _copyright(text):
        return "copyright-line"
    if _tag_line(text) is not None:
        return "tag-line"
    if _labelled(text, "translation_editor_labels") is not None:
        return "editor-line"
    if _labelled(text, "related_labels") is not None:
        return "related-line"
    if len(text) <= 120 and to_simplified(text).lower().startswith(_credit_prefixes()):
        return "image-credit"
    if _contact(text) or (
        len(text) <= 200 and _EMAIL.search(text) and not _ends_like_sentence(text)
    ):
        return "contact-line"
    if _link_list(text):
        return "link-list"
    return None


@functools.cache
def _credit_prefixes() -> tuple[str, ...]:
    return tuple(to_simplified(prefix).lower() for prefix in load_list("image_credits"))


def _title_like(text: str) -> bool:
    return len(text) <= _MAX_TITLE and (
        not _ends_like_sentence(text) or (_sentences(text) == 1 and text.endswith(("?", "？")))
    )


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a plain article.

    Any readable text gets the threshold; a header adds a little.

    >>> sniff("A Title\nBy Jane Roe\nMarch 4, 2025\n\nFirst paragraph.").confidence > 0.5
    True
    >>> sniff("<html><body>x</body></html>").confidence
    0.0
    """
    ev = Evidence(FORMAT)
    lines = list(sample_content(text))
    if not lines:
        return ev.guess()
    first = lines[0].lstrip("\ufeff")
    if first.startswith("<") or not any(language_of(line) for line in lines[:40]):
        return ev.guess()
    ev.add(sniff_weight(FORMAT, "readable text"), "readable text")
    head = lines[1:_MAX_HEADER_LINES]
    if len(lines) > 1 and _title_like(first):
        ev.add(sniff_weight(FORMAT, "a title line"), "a title line")
    if any(_byline(line) for line in head):
        ev.add(sniff_weight(FORMAT, "a byline"), "a byline under the title")
    if any(_date_line(line) for line in head):
        ev.add(sniff_weight(FORMAT, "a date line"), "a date line under the title")
    if sum(1 for line in lines[:60] if _ends_like_sentence(line)) >= 3:
        ev.add(sniff_weight(FORMAT, "paragraphs"), "paragraphs of sentences")
    return ev.guess()


def _split_group(group: list[Line]) -> list[list[Line]]:
    """A blank-line separated group: one paragraph, or one a line if all end like sentences."""
    if len(group) > 1 and not all(
        _ends_like_sentence(line.stripped) or len(line.stripped) > 100 for line in group[:-1]
    ):
        return [group]  # hard-wrapped: one paragraph
    return [[line] for line in group]


# A run of blank lines with the line breaks around it: where paragraphs part.
# Every try starts at a line break, so the run of spaces after one is scanned
# once per break: linear whatever the input.
_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_RUN = re.compile(rf"({_BREAK}[^\S\r\n]*{_BREAK}(?:[^\S\r\n]*{_BREAK})*)")
_NEWLINES = re.compile(r"[\r\n]")


class _Pieces:
    """The text cut at runs of blank lines: each piece one group of non-blank lines.

    Made in C (one split, then ``map``), so a document of many paragraphs
    costs no Python call per paragraph; :meth:`lines` makes the
    :class:`Line` records of one piece, only where a reader needs them
    (the header, the closing region, groups of several lines).
    """

    def __init__(self, page: Page) -> None:
        text = page.text
        self.page = page
        base = 1 if text.startswith("\ufeff") else 0  # the mark is not part of line 1
        body = text[base:] if base else text
        if "\r" in body:
            parts = _BLANK_RUN.split(body)
            offsets = list(accumulate(map(len, parts), initial=base))[::2]
            pieces = parts[::2]
        else:  # LF only: cut at empty lines by str.split, blank lines of spaces below
            pieces = body.split("\n\n")
            offsets = list(accumulate(map((2).__add__, map(len, pieces)), initial=base))
        stripped = list(map(str.strip, pieces))
        # The non-blank pieces: where each starts, its content's bounds and text.
        # str.strip returns a text with no surrounding whitespace itself, so
        # when it changed none and none is empty, the lists are kept as they are.
        if all(stripped) and all(map(is_, stripped, pieces)):
            self.pieces, self.starts, self.texts = pieces, offsets[: len(pieces)], stripped
        else:
            keep = list(map(bool, stripped))
            self.pieces = list(compress(pieces, keep))
            self.starts = list(compress(offsets, keep))
            self.texts = list(compress(stripped, keep))
        self.multi = _holding_breaks(self.texts)  # the pieces of several lines
        if self.multi:
            self._cut_at_blank_lines()
        # Where each content starts: its piece's start, moved by the indent of
        # the pieces that strip changed (measured without a copy of the others).
        self.first = list(self.starts)
        for k in compress(range(len(self.texts)), map(is_not, self.texts, self.pieces)):
            piece = self.pieces[k]
            self.first[k] += len(piece) - len(piece.lstrip())
        self.last = list(map(add, self.first, map(len, self.texts)))
        self.content = len(self.texts) + sum(
            len(_NEWLINE.findall(self.texts[k])) for k in self.multi
        )

    def _cut_at_blank_lines(self) -> None:
        """Cut the pieces of several lines again at every run of blank lines (of spaces)."""
        pieces: list[str] = []
        starts: list[int] = []
        texts: list[str] = []
        multi: list[int] = []
        at = 0
        for k in self.multi:
            pieces += self.pieces[at:k]
            starts += self.starts[at:k]
            texts += self.texts[at:k]
            parts = _BLANK_RUN.split(self.pieces[k])  # parts and the separators between them
            offsets = list(accumulate(map(len, parts), initial=self.starts[k]))[:-1:2]
            for part, start in zip(parts[::2], offsets, strict=True):
                content = part.strip()
                if content:
                    if "\n" in content or "\r" in content:
                        multi.append(len(texts))
                    pieces.append(part)
                    starts.append(start)
                    texts.append(content)
            at = k + 1
        self.pieces = pieces + self.pieces[at:]
        self.starts = starts + self.starts[at:]
        self.texts = texts + self.texts[at:]
        self.multi = multi

    def lines(self, k: int) -> list[Line]:
        """The non-blank lines of piece ``k`` (numbered 0: nothing below the header asks)."""
        piece = self.pieces[k]
        start = self.starts[k]
        out = []
        at = 0
        for match in _NEWLINE.finditer(piece):
            if piece[at : match.start()].strip():
                out.append(Line(0, start + at, start + match.start(), piece[at : match.start()]))
            at = match.end()
        if piece[at:].strip():
            out.append(Line(0, start + at, start + len(piece), piece[at:]))
        return out


_NEWLINE = re.compile(r"\r\n|\r|\n")


def _holding_breaks(texts: list[str]) -> list[int]:
    """The indices of the texts that hold a line break, found by ``str.find`` over them all."""
    joined = "".join(texts)
    if "\n" not in joined and "\r" not in joined:
        return []
    ends = list(accumulate(map(len, texts)))
    found: set[int] = set()
    for char in "\n\r":
        at = joined.find(char)
        while at >= 0:
            k = bisect_right(ends, at)
            found.add(k)
            at = joined.find(char, ends[k])
    return sorted(found)


def _read(page: Page) -> Source:
    """Read a plain-text article (see the module docstring for its parts)."""
    pieces = _Pieces(page)
    # The lines of the first pieces, up to the header's last possible line.
    head_count = seen = 0
    while head_count < len(pieces.texts) and seen < _MAX_HEADER_LINES:
        seen += 1 + len(_NEWLINE.findall(pieces.texts[head_count]))
        head_count += 1
    head_end = (
        pieces.starts[head_count - 1] + len(pieces.pieces[head_count - 1]) if head_count else 0
    )
    head_lines = page.lines_before(head_end)
    content = [line for line in head_lines if not line.blank]
    total = pieces.content  # content lines in the whole text
    header = Header()
    header_lines: set[int] = set()

    # The header: title, then byline / date line / a dek before them.
    if total > 1 and _title_like(content[0].stripped):
        header.title = content[0].stripped
        header.fields.append(page.field("title", content[0]))
        header_lines.add(content[0].number)
        window = content[1:_MAX_HEADER_LINES]
        marks = [
            k
            for k, line in enumerate(window)
            if _byline(line.stripped) or _date_line(line.stripped)
        ]
        # The header block: the lines under the title up to the first blank
        # line, when a blank line follows it. A dek may sit anywhere in it.
        block: set[int] = set()
        for line in head_lines[content[0].number :]:
            if line.blank:
                break
            block.add(line.number)
        if len(block) >= total - 1:
            block = set()  # no blank line after the header: no header block
        if marks:
            last = max(k for k in marks if k <= marks[0] + 2)
            last = max(
                [last] + [k for k, line in enumerate(window) if line.number in block and k > last]
            )
            for k, line in enumerate(window[: last + 1]):
                body_after = k + 1 < len(window) or total > _MAX_HEADER_LINES
                stripped = line.stripped
                by = _byline(stripped)
                date = _date_line(stripped)
                off = line.indent
                if by is not None and header.author is None:
                    label_end, name_start, name_end = by
                    page.add_boilerplate(
                        "byline-label", page.sub_span(line, off, off + label_end), "byline"
                    )
                    header.author = stripped[name_start:name_end]
                    header.fields.append(
                        page.field("author", line, off + name_start, off + name_end)
                    )
                    if name_end < len(stripped):
                        page.add_boilerplate(
                            "byline-rest",
                            page.sub_span(line, off + name_end, len(line.text)),
                            "byline",
                        )
                elif date is not None and header.published is None:
                    header.published, start, end = date
                    header.fields.append(page.field("published", line, off + start, off + end))
                    for a, b in ((0, start), (end, len(stripped))):
                        if stripped[a:b].strip():
                            page.add_boilerplate(
                                "date-label", page.sub_span(line, off + a, off + b), "date-line"
                            )
                elif (
                    (k < marks[0] or line.number in block)
                    and header.subtitle is None
                    and _sentences(stripped) == 1
                    and body_after
                ):
                    header.subtitle = stripped
                    header.fields.append(page.field("subtitle", line))
                else:
                    break
                header_lines.add(line.number)
    elif content:
        page.warn(
            "missing-title",
            "the first line reads as a paragraph, not a title: the title is unknown",
            content[0].number,
        )

    # Blank-line separated groups: those of the head as lines, then the other
    # pieces (``middle``, by index), then groups the closing region cut short.
    head_groups = _raw_groups(line for line in head_lines if line.number not in header_lines)
    middle = range(head_count, len(pieces.texts))
    tail_groups: list[list[Line]] = []

    # The closing region: trailing lines that are boilerplate by their shape.
    closing: list[tuple[Line, str]] = []
    kept = total - len(header_lines)
    while kept > 1:
        if len(middle):
            group = pieces.lines(middle[-1])
        elif head_groups:
            group = head_groups[-1]
        else:
            break
        end = len(group)
        while end > 0 and kept > 1:
            rule = _closing_rule(group[end - 1].stripped)
            if rule is None:
                break
            closing.append((group[end - 1], rule))
            kept -= 1
            end -= 1
        if end == len(group):
            break
        if len(middle):
            middle = middle[:-1]
            if end:
                tail_groups.insert(0, group[:end])
        else:
            head_groups.pop()
            if end:
                head_groups.append(group[:end])
        if end:
            break
    for line, rule in reversed(closing):
        stripped = line.stripped
        off = line.indent
        if rule == "tag-line":
            match = _tag_line(stripped)
            assert match is not None
            header.tags.extend(_read_tags(page, line, off, match, header.fields))
        elif rule == "editor-line" and header.editor is None:
            match = _labelled(stripped, "translation_editor_labels")
            assert match is not None
            if match.group("rest"):
                header.editor = match.group("rest")
                name = (off + match.start("rest"), off + match.end("rest"))
                header.fields.append(page.field("editor", line, *name))
                for a, b in ((off, name[0]), (name[1], off + len(stripped))):
                    if line.text[a:b].strip():
                        page.add_boilerplate("editor-label", page.sub_span(line, a, b), rule)
            else:
                page.add_line_boilerplate("editor-label", line, rule)
        else:
            kind = {
                "copyright-line": "copyright",
                "related-line": "related",
                "image-credit": "image",
                "link-list": "share",
            }.get(rule, "contact")
            page.add_line_boilerplate(kind, line, rule)

    texts, firsts, lasts = _grouped(head_groups)
    texts_mid, firsts_mid, lasts_mid = _middle(pieces, middle)
    texts_tail, firsts_tail, lasts_tail = _grouped(tail_groups)
    texts += texts_mid + texts_tail
    firsts += firsts_mid + firsts_tail
    lasts += lasts_mid + lasts_tail

    title = header.title
    main, each = languages(texts)
    language = main or (language_of(title) if title else None) or "en"
    others = foreign(each, language)
    blocks = trusted_blocks(repeat(BlockKind.PARAGRAPH), texts, page.spans(firsts, lasts), others)
    if not blocks:
        page.warn("missing-body", "no paragraphs under the header")
    if language == "zh" and is_traditional("".join(texts[:20])):
        header.extra.append(("script", "Hant"))
    return page.source([page.article(language, ArticleKind.NEWS, blocks, header)])


def _raw_groups(lines: Iterable[Line]) -> list[list[Line]]:
    """Runs of non-blank lines between blank ones."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def _grouped(groups: list[list[Line]]) -> tuple[list[str], list[int], list[int]]:
    """Paragraph texts and content bounds of raw groups, split as :func:`_split_group` says."""
    texts: list[str] = []
    firsts: list[int] = []
    lasts: list[int] = []
    for raw in groups:
        for group in _split_group(raw):
            texts.append(_joined(group))
            firsts.append(group[0].trimmed()[0])
            lasts.append(group[-1].trimmed()[1])
    return texts, firsts, lasts


def _middle(pieces: _Pieces, middle: range) -> tuple[list[str], list[int], list[int]]:
    """Paragraph texts and bounds of the pieces ``middle``, one-line pieces in bulk."""
    lo, hi = middle.start, middle.stop
    texts = pieces.texts[lo:hi]
    firsts = pieces.first[lo:hi]
    lasts = pieces.last[lo:hi]
    multi = [k for k in pieces.multi if lo <= k < hi]
    if not multi:
        return texts, firsts, lasts
    out_texts: list[str] = []
    out_firsts: list[int] = []
    out_lasts: list[int] = []
    at = lo
    for k in multi:  # the pieces before it as they are, then its paragraphs
        out_texts += texts[at - lo : k - lo]
        out_firsts += firsts[at - lo : k - lo]
        out_lasts += lasts[at - lo : k - lo]
        t, f, e = _grouped([pieces.lines(k)])
        out_texts += t
        out_firsts += f
        out_lasts += e
        at = k + 1
    out_texts += texts[at - lo :]
    out_firsts += firsts[at - lo :]
    out_lasts += lasts[at - lo :]
    return out_texts, out_firsts, out_lasts


read = page_reader(FORMAT, _read)


def _read_tags(
    page: Page, line: Line, off: int, match: re.Match[str], fields: list[FieldSpan]
) -> list[str]:
    """The tags of a tag line; its label and separators become boilerplate."""
    stripped = line.stripped
    tags: list[str] = []
    page.add_boilerplate(
        "tags-label", page.sub_span(line, off, off + match.start("tags")), "tag-line"
    )
    at = match.start("tags")
    for tag in _TAG_SPLIT.finditer(stripped, at):
        if stripped[at : tag.start()].strip():
            page.add_boilerplate(
                "tags-separator", page.sub_span(line, off + at, off + tag.start()), "tag-line"
            )
        tags.append(tag.group())
        fields.append(page.field("tags", line, off + tag.start(), off + tag.end()))
        at = tag.end()
    if stripped[at:].strip():
        page.add_boilerplate(
            "tags-separator", page.sub_span(line, off + at, off + len(stripped)), "tag-line"
        )
    return tags


def _joined(group: Sequence[Line]) -> str:
    """A paragraph's text: its lines joined (a space between Latin words, none in Chinese)."""
    parts = [group[0].stripped]
    for line in group[1:]:
        piece = line.stripped
        before = parts[-1]
        if before and piece and (_HAN.match(before[-1]) or _HAN.match(piece[0])):
            parts.append(piece)
        else:
            parts.extend((" ", piece))
    return "".join(parts)


def write(source: Source) -> str:
    """Print a source as a plain-text article; ``read(write(x))`` gives the same article.

    Title, dek, byline (with its label) and date line, a blank line, then the
    paragraphs separated by blank lines, then the closing boilerplate.

    Raises:
        ValueError: If the source has no article.
    """
    article = article_to_write(source, "a text article")
    by_kind = boilerplate_texts(source)
    head: list[str] = []
    if article.title is not None:
        head.append(article.title)
    if article.subtitle is not None:
        head.append(article.subtitle)
    if article.author is not None:
        label = by_kind.get("byline-label", ["By"])[0]
        rest = by_kind.get("byline-rest", [""])[0]
        sep = "" if label.endswith((":", "：", " ")) else " "
        head.append(f"{label}{sep}{article.author}{(' ' + rest) if rest else ''}")
    if article.published is not None:
        date = (
            article.published.isoformat()
            if article.published.year is not None
            else format_chinese_date(article.published)
        )
        labels = by_kind.get("date-label", [])
        head.append(f"{labels[0]} {date}" if labels else date)
    parts = ["\n".join(head)] if head else []
    parts.extend(block.text for block in article.blocks)
    closing = [item.text for item in source.boilerplate if item.kind in ("copyright", "contact")]
    parts.extend(closing)
    if article.tags:
        label = by_kind.get("tags-label", ["Tags:"])[0]
        separator = by_kind.get("tags-separator", [","])[0]
        parts.append(f"{label} {(separator + ' ').join(article.tags)}")
    return "\n\n".join(parts) + "\n"
