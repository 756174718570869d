"""The block structure of a plain Markdown digest without markdown-it's generic machinery.

markdown-it-py's block parser tries every block rule on every line and builds
a token object (with debug logging) for each step: on a 2 MB digest that was
more than half of the read. Most digests use only paragraphs, ATX headings,
thematic breaks and lists; for those, :func:`block_elements` follows markdown-it's
own rules (``tokenize``, ``list``, ``paragraph``, ``heading``, ``hr`` and the
terminator checks, in its order) over the same line table and makes the
elements (:class:`El`) that the digest reader builds from markdown-it's
tokens, with the same line ranges, markers, levels and inline contents,
without making the tokens themselves. A document holding anything else (tabs,
carriage returns, fences, block quotes, indented code, setext underlines,
link reference definitions, deep nesting) gets None, and the reader parses it
with markdown-it as before. A property test compares both on generated
documents. Linear in the length of the text.
"""

from __future__ import annotations

import itertools
import operator
import re
from typing import TYPE_CHECKING

import attrs
from markdown_it.common.utils import MD_TRIM_CHARS, mdTrim

if TYPE_CHECKING:
    from markdown_it.token import Token

    from aistress.formats._digest_syntax import _Inline

__all__ = ["BlockToken", "El", "OpenItem", "block_elements"]

# markdown-it's recursion limit (commonmark preset) is 20 levels; a list adds
# two (the list and the item). Deeper documents go to markdown-it.
_MAX_LISTS = 8
# The characters a rule, a list item or a heading can start with: a line that
# starts with anything else is paragraph text.
_BLOCK_START = frozenset("*-_+#0123456789")
# A block quote, also one opening a list item's content (``- > text``); a line of
# only ``-`` or only ``=`` (and spaces), which under a line of text is a setext
# heading's underline.
# (The underline is matched with the line break before it, which the regex
# engine looks for first: a line anchor would be tried at every character.)
_QUOTE = re.compile(r"^ *(?:(?:[-*+]|\d{1,9}[.)]) +)*>", re.MULTILINE)
_UNDERLINE = re.compile(r"\n *(?:-[- ]*|=[= ]*)(?=\n|\Z)")


class BlockToken:
    """The fields of a markdown-it inline token that the digest reader reads."""

    __slots__ = ("content", "map")

    def __init__(self, content: str, map: list[int]) -> None:
        self.content = content
        self.map = map


@attrs.define
class El:
    """A block-level element of the token stream, with its 0-based line range."""

    kind: str  # heading, paragraph, item, rule, code, markup
    first: int
    last: int
    inline: Token | BlockToken | None = None
    level: int = 0  # heading level; list depth of an item; items around a paragraph
    marker: str | None = None
    list_id: int = -1
    ordered: bool = False
    text: str = ""
    rendered: _Inline | None = None  # the inline content rendered, once asked for
    quote: int = 0  # block quotes around it, opened inside its innermost list item


@attrs.define
class OpenItem:
    """A list item while its content is read."""

    marker: str
    first: int
    list_id: int
    ordered: bool
    depth: int
    used: bool = False


class _NotPlainError(Exception):
    """The document holds something this parser leaves to markdown-it (never escapes it)."""


class _State:
    """markdown-it's ``StateBlock`` line table, for text without tabs."""

    def __init__(self, src: str) -> None:
        self.src = src
        if ">" in src and _QUOTE.search(src) is not None:
            raise _NotPlainError
        for underline in _UNDERLINE.finditer(src):
            at = underline.start() + 1  # where the underline's line starts (never the first)
            if src[src.rfind("\n", 0, at - 1) + 1 : at - 1].strip(" "):
                raise _NotPlainError  # a setext underline (or a list marker alone under text)
        lines = src.split("\n")
        lengths = list(map(len, lines))
        #: where each line begins, where it ends (before its newline), its leading
        #: spaces (the list rule moves this past a marker) and its indentation
        #: (the tables made by map in C, no Python call per line).
        self.b: list[int] = list(itertools.accumulate(map((1).__add__, lengths), initial=0))
        self.b.pop()
        self.e: list[int] = list(map(operator.add, self.b, lengths))
        unindented = map(len, map(str.lstrip, lines, itertools.repeat(" ")))
        self.shift: list[int] = list(map(operator.sub, lengths, unindented))
        self.count: list[int] = list(self.shift)
        if self.shift[-1] == self.e[-1] - self.b[-1]:
            # The last line, blank up to the end of the text, is no line.
            for table in (self.b, self.e, self.shift, self.count):
                table.pop()
        self.max = len(self.b)
        length = len(src)
        self.b.append(length)
        self.e.append(length)
        self.shift.append(0)
        self.count.append(0)
        self.blk_indent = 0
        self.list_indent = -1
        self.line = 0
        self.parent = "root"
        #: the elements made so far, the lists open (their number and whether
        #: ordered), how many were opened, and the items open
        self.out: list[El] = []
        self.lists: list[tuple[int, bool]] = []
        self.next_list = 0
        self.items: list[OpenItem] = []

    def claim(self, first: int) -> None:
        """The items opened on line ``first`` have their element."""
        for item in self.items:
            if item.first == first:
                item.used = True

    def block(self, first: int, last: int, content: str) -> None:
        """A paragraph: the text of its list item if the item opened on its line, else its own."""
        items = self.items
        inline = BlockToken(content, [first, last])
        if items and not items[-1].used and items[-1].first == first:
            item = items[-1]
            self.out.append(
                El("item", first, last, inline, item.depth, item.marker, item.list_id, item.ordered)
            )
        else:
            self.out.append(El("paragraph", first, last, inline, len(items)))
        if items:
            self.claim(first)

    def empty(self, line: int) -> bool:
        return self.b[line] + self.shift[line] >= self.e[line]

    def skip_empty(self, line: int) -> int:
        while line < self.max and self.empty(line):
            line += 1
        return line

    def code(self, line: int) -> bool:
        return self.count[line] - self.blk_indent >= 4

    def content(self, line: int) -> tuple[int, int] | None:
        """Where the line's content starts and ends; None if it is empty or indented code."""
        pos = self.b[line] + self.shift[line]
        if pos >= self.e[line] or self.count[line] - self.blk_indent >= 4:
            return None
        return pos, self.e[line]

    def lines(self, begin: int, end: int, indent: int) -> str:
        """``getLines(begin, end, indent, keepLastLF=False)`` without tabs.

        Each line loses up to ``indent`` leading characters: those before its
        :attr:`shift` whatever they are, then spaces.
        """
        src, b, e, shift = self.src, self.b, self.e, self.shift
        if begin + 1 == end:  # one line (most paragraphs)
            start, last = b[begin], e[begin]
            if not indent:  # nothing to take off
                return src[start:last]
            limit = min(indent, last - start)
            cut = min(shift[begin], limit)
            while cut < limit and src[start + cut] == " ":
                cut += 1
            return src[start + cut : last]
        out = []
        for line in range(begin, end):
            start = b[line]
            last = e[line] + 1 if line + 1 < end else e[line]
            limit = min(indent, last - start)
            cut = min(shift[line], limit)
            while cut < limit and src[start + cut] == " ":
                cut += 1
            out.append(src[start + cut : last])
        return "".join(out)


def block_elements(text: str) -> list[El] | None:
    """The elements of the block tokens markdown-it (commonmark, raw HTML off) makes of ``text``.

    None if the text holds what this parser leaves to markdown-it. The inline
    content of each block is parsed later, when it is rendered.
    """
    if "\t" in text or "\r" in text or "\x00" in text or "]:" in text:
        return None
    if "```" in text or "~~~" in text:
        return None
    try:
        state = _State(text)
        _tokenize(state, 0, state.max)
    except _NotPlainError:
        return None
    return state.out


def _tokenize(state: _State, start: int, end: int) -> None:
    # The line tests of _State (empty, code) written out: this loop sees every block.
    src, b, e, shift, count = state.src, state.b, state.e, state.shift, state.count
    last = state.max
    blk_indent = state.blk_indent  # a nested list sets it back before returning
    line = start
    while line < end:
        while line < last and b[line] + shift[line] >= e[line]:
            line += 1
        state.line = line
        if line >= end or count[line] < blk_indent:
            break
        if count[line] - blk_indent >= 4:
            raise _NotPlainError  # indented code
        if src[b[line] + shift[line]] in _BLOCK_START and _block(state, line, end, False):
            pass
        elif line + 1 >= last or b[line + 1] + shift[line + 1] >= e[line + 1]:
            # A paragraph of one line (the next is empty): _paragraph's result, directly.
            state.line = line + 1
            state.block(
                line, line + 1, state.lines(line, line + 1, blk_indent).strip(MD_TRIM_CHARS)
            )
        else:
            _paragraph(state, line)
        line = state.line
        if line < end and b[line] + shift[line] >= e[line]:
            line += 1
            state.line = line


def _block(state: _State, line: int, end: int, silent: bool) -> bool:
    """markdown-it's hr, list and heading rules in its order, each tried where it can match.

    Only a line opening with ``#`` can be a heading, and only one opening with
    ``*``, ``-`` or ``_`` a rule; ``_`` and ``#`` open no list item. A line
    opening with ``*`` and then neither a space nor ``*``, or with ``**`` and
    then neither (a bold label), is none of them.
    """
    src = state.src
    pos = state.b[line] + state.shift[line]
    char = src[pos]
    if char == "#":
        return _heading(state, line, silent)
    if char == "*" and _bold_text(src, pos, state.e[line]):
        return False
    if char in "*-_" and _hr(state, line, silent):
        return True
    return char != "_" and _list(state, line, end, silent)


def _bold_text(src: str, pos: int, end: int) -> bool:
    """Whether the line part ``src[pos:end]``, opening with ``*``, goes on as text.

    ``*`` and then neither a space nor ``*``, or ``**`` and then neither (a
    bold label): no rule, list item or heading starts so.
    """
    if pos + 1 >= end:
        return False
    after = src[pos + 1]
    return after not in " *" or (after == "*" and pos + 2 < end and src[pos + 2] not in " *")


def _one_line_item(state: _State, start: int, pos: int, indent: int, end: int) -> int:
    """Where the list goes on after an item holding one line of text, or -1 for another item.

    The item's marker is on line ``start``, its text from ``pos`` on, its
    content indented by ``indent``. If that text can open no other block and
    the next line is empty or opens a block less indented than the item's
    content, :func:`_tokenize` would make one paragraph of it and stop at the
    next line that is not empty, unless that line is indented as the item's
    content: then (or for any other item) -1.
    """
    src, b, e, shift, count = state.src, state.b, state.e, state.shift, state.count
    maximum = e[start]
    if pos >= maximum:
        return -1
    char = src[pos]
    if char in _BLOCK_START and not (char == "*" and _bold_text(src, pos, maximum)):
        return -1
    last = state.max
    line = start + 1
    if line < last and b[line] + shift[line] < e[line]:
        # Text on the next line: the paragraph ends there if that line opens a block
        # (a sibling item, say), as _paragraph asks with the item's settings.
        if count[line] >= indent or src[b[line] + shift[line]] not in _BLOCK_START:
            return -1  # more content in the item, or the paragraph's next line
        saved = state.blk_indent, state.list_indent, state.parent
        state.list_indent, state.blk_indent, state.parent = state.blk_indent, indent, "paragraph"
        opens = _block(state, line, end, True)
        state.blk_indent, state.list_indent, state.parent = saved
        return line if opens else -1
    if line < end and b[line] + shift[line] >= e[line]:
        line += 1
    if line < end:
        while line < last and b[line] + shift[line] >= e[line]:
            line += 1
        if line < end and count[line] >= indent:
            return -1  # more content in the item
    return line


def _hr(state: _State, start: int, silent: bool) -> bool:
    where = state.content(start)
    if where is None:
        return False
    src = state.src
    pos, maximum = where
    marker = src[pos]
    if marker not in "*-_":
        return False
    count = 1
    for ch in src[pos + 1 : maximum]:
        if ch == marker:
            count += 1
        elif ch != " ":
            return False
    if count < 3:
        return False
    if not silent:
        state.line = start + 1
        state.out.append(El("rule", start, start + 1))
        state.claim(start)
    return True


def _heading(state: _State, start: int, silent: bool) -> bool:
    where = state.content(start)
    src = state.src
    if where is None or src[where[0]] != "#":
        return False
    pos, maximum = where
    level = 1
    pos += 1
    while pos < maximum and src[pos] == "#" and level <= 6:
        level += 1
        pos += 1
    if level > 6 or (pos < maximum and src[pos] != " "):
        return False
    if silent:
        return True
    while maximum > pos and src[maximum - 1] == " ":
        maximum -= 1
    back = maximum
    while back > pos and src[back - 1] == "#":
        back -= 1
    if back > pos and src[back - 1] == " ":
        maximum = back
    state.line = start + 1
    inline = BlockToken(mdTrim(src[pos:maximum]), [start, start + 1])
    state.out.append(El("heading", start, start + 1, inline, level))
    state.claim(start)
    return True


def _paragraph(state: _State, start: int) -> None:
    src, b, e, shift, count = state.src, state.b, state.e, state.shift, state.count
    blk_indent = state.blk_indent
    following = start + 1
    end = state.max
    old_parent = state.parent
    state.parent = "paragraph"
    while following < end:
        pos = b[following] + shift[following]
        if pos >= e[following]:  # an empty line
            break
        if (
            count[following] - blk_indent <= 3
            and src[pos] in _BLOCK_START
            and _block(state, following, end, True)
        ):
            break
        following += 1
    content = state.lines(start, following, blk_indent).strip(MD_TRIM_CHARS)
    state.line = following
    state.block(start, following, content)
    state.parent = old_parent


def _ordered_marker(state: _State, line: int) -> int:
    src = state.src
    start = pos = state.b[line] + state.shift[line]
    maximum = state.e[line]
    if pos + 1 >= maximum or not "0" <= src[pos] <= "9":
        return -1
    pos += 1
    while True:
        if pos >= maximum:
            return -1
        ch = src[pos]
        pos += 1
        if "0" <= ch <= "9":
            if pos - start >= 10:
                return -1
            continue
        if ch in ").":
            break
        return -1
    if pos < maximum and src[pos] != " ":
        return -1
    return pos


def _bullet_marker(state: _State, line: int) -> int:
    src = state.src
    pos = state.b[line] + state.shift[line]
    maximum = state.e[line]
    if pos >= len(src) or src[pos] not in "*-+":
        return -1
    pos += 1
    if pos < maximum and src[pos] != " ":
        return -1
    return pos


def _list(state: _State, start: int, end: int, silent: bool) -> bool:
    if state.code(start):
        return False
    if (
        state.list_indent >= 0
        and state.count[start] - state.list_indent >= 4
        and state.count[start] < state.blk_indent
    ):
        return False
    terminating = silent and state.parent == "paragraph" and state.count[start] >= state.blk_indent
    src = state.src
    after = _ordered_marker(state, start)
    if after >= 0:
        ordered = True
        first = state.b[start] + state.shift[start]
        if terminating and int(src[first : after - 1]) != 1:
            return False
    else:
        after = _bullet_marker(state, start)
        if after < 0:
            return False
        ordered = False
    if terminating:
        pos = after
        while pos < state.e[start] and src[pos] == " ":
            pos += 1
        if pos >= state.e[start]:
            return False
    marker = src[after - 1]
    if silent:
        return True
    lists, items = state.lists, state.items
    if len(lists) >= _MAX_LISTS:
        raise _NotPlainError
    list_id = state.next_list
    state.next_list += 1
    lists.append((list_id, ordered))
    depth = len(lists) - 1
    following = start
    old_parent = state.parent
    state.parent = "list"
    b, e, shift, count = state.b, state.e, state.shift, state.count
    while following < end:  # following == start: the line of the item's marker
        maximum = e[start]
        begin = b[start] + shift[start]
        initial = count[start] + after - begin
        pos = after
        while pos < maximum and src[pos] == " ":
            pos += 1
        offset = initial + pos - after
        indent_after = 1 if pos >= maximum else offset - initial
        if indent_after > 4:
            raise _NotPlainError  # an item opening with indented code
        printed = src[begin:after] if ordered else marker
        indent = initial + indent_after
        line = _one_line_item(state, start, pos, indent, end)
        if line >= 0:  # what _tokenize makes of the item, without its steps
            limit = min(indent, maximum - b[start])
            cut = min(pos - b[start], limit)
            while cut < limit and src[b[start] + cut] == " ":
                cut += 1
            content = src[b[start] + cut : maximum].strip(MD_TRIM_CHARS)
            inline = BlockToken(content, [start, start + 1])
            state.out.append(El("item", start, start + 1, inline, depth, printed, list_id, ordered))
            if items:
                state.claim(start)
            state.line = line
        else:
            items.append(OpenItem(printed, start, list_id, ordered, depth))
            old_shift, old_count = shift[start], count[start]
            old_list_indent = state.list_indent
            state.list_indent = state.blk_indent
            state.blk_indent = indent
            shift[start] = pos - b[start]
            count[start] = offset
            if pos >= maximum and b[start + 1] + shift[start + 1] >= e[start + 1]:
                state.line = min(state.line + 2, end)  # an empty item followed by an empty line
            else:
                _tokenize(state, start, end)
            state.blk_indent = state.list_indent
            state.list_indent = old_list_indent
            shift[start] = old_shift
            count[start] = old_count
            item = items.pop()
            if not item.used:  # an item without content: its marker alone
                state.out.append(El("markup", item.first, item.first + 1))
                state.claim(item.first)
        following = start = state.line
        if following >= end:
            break
        if count[start] < state.blk_indent or count[start] - state.blk_indent >= 4:
            break
        pos = b[start] + shift[start]
        if pos < e[start] and src[pos] in "*-_" and _hr(state, start, True):
            break  # the list's terminators (fences and quotes went to markdown-it)
        after = _ordered_marker(state, start) if ordered else _bullet_marker(state, start)
        if after < 0 or marker != src[after - 1]:
            break
    lists.pop()
    state.line = following
    state.parent = old_parent
    return True
