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
import functools
import html as html_lib
import operator
import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, repeat

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
_MARKUP_SPLIT = re.compile(f"({_MARKUP.pattern})", re.DOTALL)
_WS = re.compile(r"\s+")
# A character reference, else a run of other non-space characters (a lone "&"
# alone); \s and \S test what str.isspace tests.
_STREAM_PIECE = re.compile(rf"(?P<ref>{_ENTITY.pattern})|(?P<run>[^\s&]+|&)")
_LONGEST_REFERENCE = 34  # characters of the longest match of _ENTITY
_KELVIN = "\u212a"  # KELVIN SIGN, whose lower case is "k"
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
    source_starts: list[int]  # where each of ``source`` starts
    # The page from its first character on as pieces: piece ``k`` is
    # ``text[bounds[k]:bounds[k + 1]]``, character data when ``k`` is even,
    # else markup, or raw script text when ``k`` is in ``scripts``. Pieces may
    # be empty.
    bounds: list[int]
    scripts: frozenset[int]

    @property
    def segments(self) -> list[tuple[str, int, int]]:
        """``(kind, start, end)`` of the non-empty pieces, in order (kind: text, markup, script)."""
        bounds, scripts = self.bounds, self.scripts
        return [
            (_piece_kind(k, scripts), bounds[k], bounds[k + 1])
            for k in range(len(bounds) - 1)
            if bounds[k] < bounds[k + 1]
        ]

    def to_source(self, index: int, *, end: bool) -> int:
        """Offset in the page of stream character ``index`` (its end if ``end``)."""
        return self.offset(bisect.bisect_right(self.stream_at, index) - 1, index, end=end)

    def offset(self, k: int, index: int, *, end: bool) -> int:
        """:meth:`to_source` of stream character ``index``, which text segment ``k`` holds."""
        stream_at = self.stream_at
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
            if not _reference_reaches(text, max(start, at - _LONGEST_REFERENCE), at, stop):
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
        k = bisect.bisect_left(self.source_starts, offset)
        return self.stream_at[k] if k < len(self.stream_at) else len(self.stream)


def _reference_reaches(text: str, first: int, at: int, stop: int) -> bool:
    """Whether a character reference starting in ``first:stop`` ends after ``at``.

    Every ``&`` may start one (a reference holds no other ``&``), which the
    segment ends at ``stop``.
    """
    amp = text.find("&", first, stop)
    while amp >= 0:
        match = _ENTITY.match(text, amp, stop)
        if match is not None and match.end() > at:
            return True
        amp = text.find("&", amp + 1, stop)
    return False


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
    return _ENTITY.sub(lambda m: _unescape(m.group()), segment)


@functools.lru_cache(maxsize=4096)
def _unescape(reference: str) -> str:
    """A character reference decoded (pages repeat a few, such as ``&amp;``, many times)."""
    return html_lib.unescape(reference)


def _index(text: str, start: int = 0) -> _Index:
    """Split the page into markup, raw script/style text and character data. Linear.

    The markup is found by splitting stretches of the page with one regex
    (no Python work per tag): a stretch runs up to the next ``<script`` or
    ``<style``, whose raw text is skipped when it starts a tag. A tag the
    stretch's end cut short (a comment or a quoted attribute holding
    ``<script``) is matched again whole, and the next stretch starts after it.
    """
    pieces: list[str] = []  # the page from ``start`` on: text and markup in turn
    scripts: list[int] = []
    at = start
    n = len(text)
    while at < n:
        raw = _RAW_START.search(text, at)
        cut = n if raw is None else raw.start()
        split = _MARKUP_SPLIT.split(text[at:cut])
        if len(split) > 1 and not split[-1]:
            # The stretch ends with markup: matched whole, does it reach past the cut?
            tag_start = cut - len(split[-2])
            whole = _MARKUP.match(text, tag_start)
            assert whole is not None  # a match of the stretch starts a match of the page
            if whole.end() > cut:
                split[-2] = text[tag_start : whole.end()]
                pieces += split[:-1]  # the next stretch starts with text
                at = whole.end()
                continue
        pieces += split
        at = cut
        if raw is None:
            break
        # At the cut a <script or <style tag starts: its raw text is one piece
        # (after an empty text piece, so text stays at even places).
        tag = _MARKUP.match(text, cut)
        assert tag is not None
        at = tag.end()
        closing = re.compile(rf"</{raw.group(1)}\s*>", re.IGNORECASE).search(text, at)
        stop = closing.start() if closing is not None else n
        scripts.append(len(pieces) + 2)
        pieces += (tag.group(), "", text[at:stop])
        at = stop
    if len(pieces) % 2 == 0:
        pieces.append("")
    bounds = list(accumulate(map(len, pieces), initial=start))
    # Character data holding more than whitespace: decoded and squeezed all at
    # once, the pieces kept apart by _BR (no page holds it, no reference decodes to it).
    texts = pieces[::2]
    held = list(map(str.strip, texts))
    kept = list(compress(zip(bounds[::2], bounds[1::2], strict=False), held))
    joined = _BR.join(compress(texts, held))
    if "&" in joined:
        joined = _decode(joined)
    squeezed = "".join(joined.split())
    lengths = map(len, squeezed.split(_BR)) if kept else iter(())
    stream_at = list(accumulate(lengths, initial=0))[:-1]
    return _Index(
        text,
        squeezed.replace(_BR, ""),
        stream_at,
        kept,
        list(compress(bounds[::2], held)),
        bounds,
        frozenset(scripts),
    )


def _piece_kind(k: int, scripts: frozenset[int]) -> str:
    return "script" if k in scripts else "markup" if k % 2 else "text"


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
        found = self.offsets(text, sourceline)
        return None if found is None else trusted_span(self.page.id, *found)

    def offsets(self, text: str, sourceline: int | None) -> tuple[int, int] | None:
        """Where :meth:`find` finds ``text``: its start and end (recorded as covered)."""
        return self.offsets_each([text], [sourceline])[0]

    def offsets_each(
        self, texts: Sequence[str], sourcelines: Sequence[int | None]
    ) -> list[tuple[int, int] | None]:
        """:meth:`offsets` of each text in turn (one call for a page's blocks)."""
        index = self.index
        stream, stream_at, starts = index.stream, index.stream_at, index.source_starts
        page, source, line_starts = index.text, index.source, self.line_starts
        lines, length, segments = len(line_starts), len(stream), len(stream_at)
        search, covered, cursor = stream.find, self.covered, self.cursor
        before, after = bisect.bisect_left, bisect.bisect_right
        out: list[tuple[int, int] | None] = []
        for text, sourceline in zip(texts, sourcelines, strict=True):
            needle = text.replace(" ", "").replace("\n", "")
            if not needle.isprintable():  # whitespace besides spaces and line breaks, perhaps
                needle = "".join(needle.split())
            if not needle:
                out.append(None)
                continue
            floor = cursor
            if sourceline is not None and 0 < sourceline <= lines:
                # index.from_source(the line's start), when later than the cursor
                j = before(starts, line_starts[sourceline - 1])
                at = stream_at[j] if j < segments else length
                if at > floor:
                    floor = at
            size = len(needle)
            stop = min(length, floor + 4 * size + _MAX_SEARCH)
            found = search(needle, floor, stop)
            if found < 0 and floor > cursor:
                found = search(needle, cursor, stop)
            if found < 0:
                out.append(None)
                continue
            last = found + size - 1
            cursor = last + 1
            k = after(stream_at, found) - 1
            start = starts[k]
            if stream_at[k] != found or page[start] == "&" or page[start].isspace():
                start = index.offset(k, found, end=False)
            k = after(stream_at, last, k) - 1
            following = stream_at[k + 1] if k + 1 < segments else length
            if following == cursor and stream_at[k] < last:
                # The segment's last character (not its only one): the last
                # non-space character before the segment's end, as offset() finds.
                segment_end = source[k][1]
                end = segment_end - 1
                while page[end].isspace():
                    end -= 1
                first = max(starts[k], end - _LONGEST_REFERENCE)
                if page.find("&", first, segment_end) >= 0 and _reference_reaches(
                    page, first, end, segment_end
                ):
                    end = index.offset(k, last, end=True)
                else:
                    end += 1
            else:
                end = index.offset(k, last, end=True)
            covered.append((start, end))  # what cover() does
            out.append((start, end))
        self.cursor = cursor
        return out

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
    """Start tags of the page by name, in order, to find attribute positions.

    The tags of a name are found when first asked for: the places where the
    name follows a ``<`` in the page, kept when a markup piece starts there.
    """

    def __init__(self, text: str, index: _Index) -> None:
        self.text = text
        self.index = index
        self.by_name: dict[str, list[tuple[int, int]]] = {}
        self.cursor: dict[str, int] = {}

    def _named(self, tag: str) -> list[tuple[int, int]]:
        found = self.by_name.get(tag)
        if found is not None:
            return found
        found = self.by_name[tag] = []
        # Characters whose lower case is the name's (str.lower of the tag's name).
        letters = "".join(
            f"[{c}{c.upper()}{_KELVIN if c == 'k' and i else ''}]" for i, c in enumerate(tag)
        )
        bounds, scripts = self.index.bounds, self.index.scripts
        last = len(bounds) - 1
        for match in re.finditer(rf"<{letters}(?=[\s/>]|\Z)", self.text):
            at = match.start()
            k = bisect.bisect_right(bounds, at) - 1  # the piece starting there, if any
            if bounds[k] == at and k % 2 and k < last and k not in scripts:
                found.append((at, bounds[k + 1]))
        return found

    def value_span(self, tag: str, name: str, value: str) -> tuple[int, int] | None:
        """The next ``<tag>`` whose attribute ``name`` decodes to ``value``: where it lies."""
        tags = self._named(tag)
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
    piece counts, and consecutive pieces of one kind are one item.
    """
    bounds = index.bounds
    low, high = bounds[0], bounds[-1]
    if low >= high:
        return
    gaps: list[tuple[int, int]] = []
    at = low
    for start, end in sorted(covered):
        if start >= end:
            continue
        if start > at:
            gaps.append((at, min(start, high)))
        if end > at:
            at = end
    if at < high:
        gaps.append((at, high))
    if not gaps:
        page.add_boilerplate_runs([])
        return
    text = page.text
    firsts, ends = zip(*gaps, strict=True)
    # Which gaps a text piece holding more than whitespace, or a script,
    # reaches: the last one starting before the gap's end ends after its start
    # (the lists start with a piece that reaches nothing). In C, gap by gap.
    reached = _reached([-1, *index.source_starts], [-1, *(b for _, b in index.source)], gaps)
    scripts = sorted((bounds[k], bounds[k + 1]) for k in index.scripts if bounds[k] < bounds[k + 1])
    if scripts:
        script_reach = _reached(
            [-1, *(a for a, _ in scripts)], [-1, *(b for _, b in scripts)], gaps
        )
        reached = list(map(operator.or_, reached, script_reach))
    # Every other gap holds only markup and whitespace: one "markup" item, trimmed.
    stretches = list(map(text.__getitem__, map(slice, firsts, ends)))
    lefts = list(map(str.lstrip, stretches))
    starts = list(
        map(operator.sub, map(operator.add, firsts, map(len, stretches)), map(len, lefts))
    )
    stops = map(operator.add, starts, map(len, map(str.rstrip, lefts)))
    items = list(zip(repeat("markup"), starts, stops, strict=False))
    plain = list(map(operator.and_, map(operator.not_, reached), map(bool, lefts)))
    found: list[tuple[str, int, int]] = []  # the items, recorded in bulk at the end
    done = 0
    last = len(bounds) - 1
    for i in compress(range(len(gaps)), reached):
        found += compress(items[done:i], plain[done:i])
        done = i + 1
        a, b = gaps[i]
        if a >= b:
            continue
        pending: list[tuple[str, int, int]] = []
        k = max(0, bisect.bisect_right(bounds, a) - 1)
        while k < last and bounds[k] < b:
            piece_start, piece_end = max(bounds[k], a), min(bounds[k + 1], b)
            if piece_start < piece_end and not text[piece_start:piece_end].isspace():
                kind = _piece_kind(k, index.scripts)
                if pending and pending[-1][0] != kind:
                    _flush(text, pending, found)
                pending.append((kind, piece_start, piece_end))
            k += 1
        _flush(text, pending, found)
    found += compress(items[done:], plain[done:])
    page.add_boilerplate_runs(found)


def _reached(starts: list[int], stops: list[int], gaps: list[tuple[int, int]]) -> list[bool]:
    """Per gap ``(a, b)``: whether the last span starting before ``b`` ends after ``a``."""
    before = map(bisect.bisect_left, repeat(starts), (b for _, b in gaps))
    last_stops = map(stops.__getitem__, map(operator.sub, before, repeat(1)))
    return list(map(operator.gt, last_stops, (a for a, _ in gaps)))


_BOILERPLATE_KIND = {"text": "page-text", "markup": "markup", "script": "script"}


def _flush(
    text: str, pending: list[tuple[str, int, int]], found: list[tuple[str, int, int]]
) -> None:
    """Add the pending pieces (one kind) to ``found`` as one trimmed item; empty ``pending``."""
    if not pending:
        return
    first, last = pending[0][1], pending[-1][2]
    stretch = text[first:last]
    kept = stretch.lstrip()
    if kept:
        start = first + len(stretch) - len(kept)
        found.append((_BOILERPLATE_KIND[pending[0][0]], start, start + len(kept.rstrip())))
    pending.clear()
