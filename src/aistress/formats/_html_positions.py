"""Where the text of an HTML page lies: a linear position index, and spans from it.

:mod:`aistress.formats.html` parses a page with lxml for its structure, and
finds each block's text in the source through this index, so that every span
counts in characters of the decoded page (character references decoded,
markup skipped). :func:`_fill_gaps` records what no span covers as markup,
script or page-text boilerplate. Everything here is linear in the page's
length and never fetches anything.
"""

from __future__ import annotations

import bisect
import html as html_lib
import re
from collections.abc import Iterator, Sequence

import attrs

from aistress.formats._common import Page
from aistress.model import Span
from aistress.model._document import trusted_span

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
# A character reference, else a run of other non-space characters (a lone "&"
# alone); \s and \S test what str.isspace tests.
_STREAM_PIECE = re.compile(rf"(?P<ref>{_ENTITY.pattern})|(?P<run>[^\s&]+|&)")
_LONGEST_REFERENCE = 34  # characters of the longest match of _ENTITY
_BR = "\x01"  # marks <br> in extracted text (never in an input: check_text refuses it)
_MAX_SEARCH = 200_000


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
        stream_at = self.stream_at
        k = bisect.bisect_right(stream_at, index) - 1
        local = index - stream_at[k]
        start, stop = self.source[k]
        text = self.text
        if not local and text[start] != "&" and not text[start].isspace():
            # The segment's first character, plain: the first piece below would say so.
            return start + 1 if end else start
        following = stream_at[k + 1] if k + 1 < len(stream_at) else len(self.stream)
        after = following - index - 1  # characters of the segment's stream after this one
        if 0 <= after < local:
            # Nearer the segment's end (a block's last character): count back from
            # there, over non-space characters (a character reference has at least
            # as many as it decodes to, so the walk stays in the segment) ...
            at = stop
            left = after
            while True:
                at -= 1
                if not text[at].isspace():
                    if not left:
                        break
                    left -= 1
            # ... which is right when no reference reaches what was walked over.
            if text.find("&", max(start, at - _LONGEST_REFERENCE), stop) < 0:
                return at + 1 if end else at
        seen = 0
        # Runs of plain characters count one each; a character reference counts
        # the non-space characters it decodes to (whitespace counts nothing).
        for piece in _STREAM_PIECE.finditer(self.text, start, stop):
            if piece.lastgroup == "ref":
                count = sum(1 for ch in html_lib.unescape(piece.group()) if not ch.isspace())
                if seen + count > local:
                    return piece.end() if end else piece.start()
            else:
                count = piece.end() - piece.start()
                if seen + count > local:
                    at = piece.start() + local - seen
                    return at + 1 if end else at
            seen += count
        return stop

    def from_source(self, offset: int) -> int:
        """The first stream index at or after page offset ``offset`` (segment granularity)."""
        k = bisect.bisect_left(self.source, (offset, -1))
        return self.stream_at[k] if k < len(self.stream_at) else len(self.stream)


def _chars(text: str, start: int, stop: int) -> Iterator[tuple[int, int, str]]:
    """``(offset, width, decoded)`` for each character or character reference.

    The definition :meth:`_Index.to_source` follows run by run (the tests compare them).
    """
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
        segment = text[a:b]
        if segment.isspace():
            return
        squeezed = "".join((_decode(segment) if "&" in segment else segment).split())
        stream_at.append(length)
        sources.append((a, b))
        parts.append(squeezed)
        length += len(squeezed)

    n = len(text)
    while at < n:
        # One scan of the markup until a script or style, whose raw text is
        # skipped; then the scan starts again after it. (A match is never
        # empty, so the scan finds what a search from each match's end would.)
        for match in _MARKUP.finditer(text, at):
            tag_start, tag_end = match.span()
            add_text(at, tag_start)
            segments.append(("markup", tag_start, tag_end))
            at = tag_end
            if text[tag_start + 1] not in "sS":  # no <script or <style
                continue
            raw = _RAW_START.match(text, tag_start, tag_end)
            if raw is not None:
                closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(text, at)
                stop = closing.start() if closing is not None else n
                if stop > at:
                    segments.append(("script", at, stop))
                at = stop
                break
        else:
            add_text(at, n)
            break
    return _Index(text, "".join(parts), stream_at, sources, segments)


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
        needle = "".join(text.split())
        if not needle:
            return None
        index, stream = self.index, self.index.stream
        floor = self.cursor
        if sourceline is not None and 0 < sourceline <= len(self.line_starts):
            floor = max(floor, index.from_source(self.line_starts[sourceline - 1]))
        stop = min(len(stream), floor + 4 * len(needle) + _MAX_SEARCH)
        found = stream.find(needle, floor, stop)
        if found < 0 and floor > self.cursor:
            found = stream.find(needle, self.cursor, stop)
        if found < 0:
            return None
        self.cursor = found + len(needle)
        start = index.to_source(found, end=False)
        end = index.to_source(found + len(needle) - 1, end=True)
        self.covered.append((start, end))  # what cover() does
        return trusted_span(self.page.id, start, end)

    def cover(self, start: int, end: int) -> Span:
        """Record ``start:end`` as accounted for and return its span."""
        self.covered.append((start, end))
        return trusted_span(self.page.id, start, end)


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


def _fill_gaps(page: Page, index: _Index, covered: list[tuple[int, int]]) -> None:
    """Record every stretch no span covers as markup, script or page-text boilerplate.

    Gap by gap between the covered spans: a gap that no script and no text
    segment with a letter reaches holds only markup and whitespace, and is one
    ``"markup"`` item (found by two binary searches); in any other gap each
    segment piece counts, and consecutive pieces of one kind are one item.
    """
    segments = index.segments
    if not segments:
        return
    merged: list[tuple[int, int]] = []
    for start, end in sorted(covered):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    low, high = segments[0][1], segments[-1][2]
    gaps: list[tuple[int, int]] = []
    at = low
    for start, end in merged:
        if start > at:
            gaps.append((at, min(start, high)))
        at = max(at, end)
    if at < high:
        gaps.append((at, high))
    text = page.text
    starts = [start for _, start, _ in segments]
    texts = index.source  # the text segments that hold more than whitespace
    text_starts = [start for start, _ in texts]
    scripts = [(start, end) for kind, start, end in segments if kind == "script"]
    script_starts = [start for start, _ in scripts]

    def reaches(found_starts: list[int], spans: list[tuple[int, int]], a: int, b: int) -> bool:
        j = bisect.bisect_left(found_starts, b)
        return j > 0 and spans[j - 1][1] > a

    pending: list[tuple[str, int, int]] = []
    found: list[tuple[str, int, int]] = []  # the items, recorded in bulk at the end
    for a, b in gaps:
        if a >= b:
            continue
        if not reaches(text_starts, texts, a, b) and not reaches(script_starts, scripts, a, b):
            pending.append(("markup", a, b))
            _flush(text, pending, found)
            continue
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(segments) and segments[k][1] < b:
            kind, start, end = segments[k]
            piece_start, piece_end = max(start, a), min(end, b)
            if piece_start < piece_end and not text[piece_start:piece_end].isspace():
                if pending and pending[-1][0] != kind:
                    _flush(text, pending, found)
                pending.append((kind, piece_start, piece_end))
            k += 1
        _flush(text, pending, found)
    page.add_boilerplate_runs(found)


def _flush(
    text: str, pending: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
) -> None:
    """Add the pending pieces (one kind) to ``found`` as one trimmed item; empty ``pending``."""
    if not pending:
        return
    kind = {"text": "page-text"}.get(pending[0][0], pending[0][0])
    first, last = pending[0][1], pending[-1][2]
    start, end = first, last
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append((kind, start, end))
    pending.clear()
