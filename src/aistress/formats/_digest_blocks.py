"""The block structure of a plain Markdown digest without markdown-it's generic machinery.

markdown-it-py's block parser tries every block rule on every line and builds
a token object (with debug logging) for each step: on a 2 MB digest that was
more than half of the read. Most digests use only paragraphs, ATX headings,
thematic breaks and lists; for those, :func:`block_tokens` follows markdown-it's
own rules (``tokenize``, ``list``, ``paragraph``, ``heading``, ``hr`` and the
terminator checks, in its order) over the same line table and yields the
tokens the digest reader looks at, with the same types, maps, markers and
inline contents. A document holding anything else (tabs, carriage returns,
fences, block quotes, indented code, setext underlines, link reference
definitions, deep nesting) gets None, and the reader parses it with
markdown-it as before. A property test compares both on generated documents.
Linear in the length of the text.
"""

from __future__ import annotations

import itertools
import operator
import re

from markdown_it.common.utils import MD_TRIM_CHARS, mdTrim

__all__ = ["BlockToken", "block_tokens"]

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
    """The fields of a markdown-it block token that the digest reader reads."""

    __slots__ = ("content", "info", "map", "markup", "tag", "type")

    def __init__(
        self,
        type: str,
        tag: str = "",
        map: list[int] | None = None,
        markup: str = "",
        info: str = "",
    ) -> None:
        self.type = type
        self.tag = tag
        self.map = map
        self.markup = markup
        self.info = ""
        self.content = ""


# Closing tokens carry nothing of their own: one object each, shared by every block
# (the reader never changes a token).
_PARAGRAPH_CLOSE = BlockToken("paragraph_close", "p")
_HEADING_CLOSE = {
    level: BlockToken("heading_close", f"h{level}", None, "#" * level) for level in range(1, 7)
}
_ITEM_CLOSE = {marker: BlockToken("list_item_close", "li", None, marker) for marker in "*-+.)"}


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
        self.lists = 0
        self.tokens: list[BlockToken] = []

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
        if not indent and begin + 1 == end:  # one line, nothing to take off
            return src[b[begin] : e[begin]]
        out = []
        for line in range(begin, end):
            start = b[line]
            last = e[line] + 1 if line + 1 < end else e[line]
            limit = min(indent, last - start)
            cut = min(shift[line], limit)
            while cut < limit and src[start + cut] == " ":
                cut += 1
            if begin + 1 == end:
                return src[start + cut : last]
            out.append(src[start + cut : last])
        return "".join(out)


def block_tokens(text: str) -> list[BlockToken] | None:
    """The block tokens markdown-it (commonmark, raw HTML off) makes of ``text``, or None.

    Only the fields the digest reader reads are set (type, tag, map, markup,
    info, and the content of inline tokens, whose inline syntax is parsed
    later, when a block is rendered).
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
    return state.tokens


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
        # markdown-it's order: hr, list, heading, else a paragraph. A line opening
        # with ``*`` and then neither a space nor ``*`` (a bold label) is no rule,
        # no list item and no heading.
        pos = b[line] + shift[line]
        if not (
            src[pos] in _BLOCK_START
            and not (src[pos] == "*" and pos + 1 < e[line] and src[pos + 1] not in " *")
            and (
                _hr(state, line, False)
                or _list(state, line, end, False)
                or _heading(state, line, False)
            )
        ):
            _paragraph(state, line)
        line = state.line
        if line < end and b[line] + shift[line] >= e[line]:
            line += 1
            state.line = line


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
        state.tokens.append(BlockToken("hr", "hr", [start, start + 1], marker * (count + 1)))
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
    tag = f"h{level}"
    span = [start, start + 1]
    state.tokens.append(BlockToken("heading_open", tag, span, "#" * level))
    state.tokens.append(_inline(mdTrim(src[pos:maximum]), span))
    state.tokens.append(_HEADING_CLOSE[level])
    return True


def _inline(content: str, span: list[int]) -> BlockToken:
    token = BlockToken("inline", "", list(span))
    token.content = content
    return token


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
            and (
                _hr(state, following, True)
                or _list(state, following, end, True)
                or _heading(state, following, True)
            )
        ):
            break
        following += 1
    content = state.lines(start, following, blk_indent).strip(MD_TRIM_CHARS)
    state.line = following
    span = [start, following]
    tokens = state.tokens
    tokens.append(BlockToken("paragraph_open", "p", span))
    tokens.append(_inline(content, span))
    tokens.append(_PARAGRAPH_CLOSE)
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
    state.lists += 1
    if state.lists > _MAX_LISTS:
        raise _NotPlainError
    tokens = state.tokens
    tag = "ol" if ordered else "ul"
    opening = BlockToken(
        "ordered_list_open" if ordered else "bullet_list_open", tag, [start, 0], marker
    )
    tokens.append(opening)
    following = start
    old_parent = state.parent
    state.parent = "list"
    while following < end:
        maximum = state.e[following]
        initial = offset = state.count[following] + after - (state.b[start] + state.shift[start])
        pos = after
        while pos < maximum and src[pos] == " ":
            offset += 1
            pos += 1
        content_start = pos
        indent_after = 1 if content_start >= maximum else offset - initial
        if indent_after > 4:
            raise _NotPlainError  # an item opening with indented code
        indent = initial + indent_after
        item = BlockToken("list_item_open", "li", [start, 0], marker)
        if ordered:
            item.info = src[state.b[start] + state.shift[start] : after - 1]
        tokens.append(item)
        old_shift, old_count = state.shift[start], state.count[start]
        old_list_indent = state.list_indent
        state.list_indent = state.blk_indent
        state.blk_indent = indent
        state.shift[start] = content_start - state.b[start]
        state.count[start] = offset
        if content_start >= maximum and state.empty(start + 1):
            state.line = min(state.line + 2, end)
        else:
            _tokenize(state, start, end)
        state.blk_indent = state.list_indent
        state.list_indent = old_list_indent
        state.shift[start] = old_shift
        state.count[start] = old_count
        tokens.append(_ITEM_CLOSE[marker])
        following = start = state.line
        assert item.map is not None
        item.map[1] = following
        if following >= end:
            break
        if state.count[following] < state.blk_indent or state.code(start):
            break
        if _hr(state, following, True):  # the list's terminators (fences and quotes bailed)
            break
        if ordered:
            after = _ordered_marker(state, following)
            if after < 0:
                break
        else:
            after = _bullet_marker(state, following)
            if after < 0:
                break
        if marker != src[after - 1]:
            break
    tokens.append(
        BlockToken("ordered_list_close" if ordered else "bullet_list_close", tag, None, marker)
    )
    assert opening.map is not None
    opening.map[1] = following
    state.line = following
    state.parent = old_parent
    state.lists -= 1
    return True
