"""Pairing quotation marks into quoted stretches of one block of text.

Only top-level pairs are returned: a quotation inside a quotation (the
``‘publish or perish’`` inside a researcher's words) belongs to the outer one.
Curly, straight, corner (``「」 『』``) and guillemet marks are recognised; a
straight or right single quote between two letters is an apostrophe.

The scan is one pass with a stack: linear in the length of the text.
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Marks", "find_marks"]

#: Opening mark -> (closing mark, style).
_PAIRS = {
    "“": ("”", "double"),
    "„": ("“", "double"),
    "‘": ("’", "single"),
    "「": ("」", "corner"),
    "『": ("』", "corner"),
    "«": ("»", "guillemet"),
    "‹": ("›", "guillemet"),
    "＂": ("＂", "straight"),
}
_CLOSERS = {"”", "’", "」", "』", "»", "›"}
#: Every character the scan acts on, found by one compiled pattern.
_MARK_CHAR = re.compile("[" + re.escape("'\"" + "".join(_PAIRS) + "".join(sorted(_CLOSERS))) + "]")
_OPEN_CONTEXT = set(" \t\n\u3000([{—–-/:;,，。：；、（【《“‘「『") | {""}


@attrs.define(unsafe_hash=True)  # never changed; not frozen, a third of the cost to make
class Marks:
    """One top-level quotation in a block; offsets count in the block's text.

    ``inner_start``/``inner_end`` delimit the quoted words without the marks;
    ``start``/``end`` include them. ``closed`` is False for a quotation that
    runs to the end of the block (a quotation continued in the next paragraph).
    """

    start: int
    inner_start: int
    inner_end: int
    end: int
    style: str
    closed: bool = True


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_marks(text: str, *, open_end: bool = True) -> list[Marks]:
    """Return the top-level quotations of ``text`` in order.

    With ``open_end`` False, a quotation left open at the end of the text is
    not returned and the quotations inside it become top-level ones (a stray
    opening mark does not hide what it would have enclosed).

    >>> t = "He said “it is ‘fine’ now,” twice; it’s 'done'. ''Yes,'' she said."
    >>> [t[m.inner_start:m.inner_end] for m in find_marks(t)]
    ['it is ‘fine’ now,', 'done', 'Yes,']
    >>> t = '"A stray mark, then “the real one” here.'
    >>> [t[m.inner_start:m.inner_end] for m in find_marks(t, open_end=False)]
    ['the real one']
    """
    scan = _Scan(text)
    scan.run()
    out = scan.out
    if scan.stack:
        opener, _, pos = scan.stack[0]
        if open_end and opener not in ("'", "‘", "''"):
            out.append(Marks(pos, pos + 1, len(text), len(text), _style(opener), closed=False))
        else:
            out.extend(scan.children)
    return out


_MAX_DEPTH = 8
#: An apostrophe standing for a century: '80s, '16.
_DECADE = re.compile(r"'\d\d(?!\d)")


class _Scan:
    """One left-to-right pass pairing marks with a bounded stack."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.out: list[Marks] = []
        # stack of (opening mark, expected closer, position); nesting deeper than
        # _MAX_DEPTH is not quotation but noise, and would make closing quadratic
        self.stack: list[tuple[str, str, int]] = []
        # quotations closed directly inside the bottom opener (top-level if it never closes)
        self.children: list[Marks] = []

    def run(self) -> None:
        """Pair every mark of the text (results in ``out``, ``stack`` and ``children``)."""
        text = self.text
        n = len(text)
        stack = self.stack
        skip = 0
        # only quotation marks and apostrophes act: the scan visits them alone
        for found in _MARK_CHAR.finditer(text):
            i = found.start()
            ch = text[i]
            if skip:
                skip -= 1
                continue
            prev = text[i - 1] if i else ""
            nxt = text[i + 1] if i + 1 < n else ""
            if ch == "'" and nxt == "'" and prev != "'":
                skip = self._apostrophes(i, prev)
                if skip < 0:
                    skip = 0
                    self._straight(i, ch, prev, nxt)
            elif ch in ('"', "'"):
                self._straight(i, ch, prev, nxt)
            elif ch == "＂":
                if stack and stack[-1][1] == ch:
                    self._close(len(stack) - 1, i)
                else:
                    self._push((ch, ch, i))
            elif ch == "‘" and (_is_word(prev) or not nxt or nxt.isspace()):
                continue  # not an opener: a misplaced apostrophe
            elif ch in _PAIRS and not (ch == "“" and stack and stack[-1][1] == "“"):
                self._push((ch, _PAIRS[ch][0], i))
            elif ch in _CLOSERS or ch == "“":
                self._closer(i, ch, nxt)

    def _apostrophes(self, i: int, prev: str) -> int:
        """Two or three apostrophes at ``i`` standing for a double mark: how many to skip.

        ``-1`` when they stand for no double mark (the first is read alone).
        """
        text, stack = self.text, self.stack
        if text[i + 2 : i + 3] == "'":
            # three: the double quotation closes with the first two, and with
            # it the single one inside it ('Kosovo is a special case,''')
            if len(stack) >= 2 and stack[-1][1] == "'" and stack[-2][1] == "''":
                self._close(len(stack) - 2, i, 2)
                return 2
            if stack and stack[-1][1] == "''" and prev and not prev.isspace():
                self._close(len(stack) - 1, i, 2)
                return 1
            return -1
        after = text[i + 2 : i + 3]
        if stack and stack[-1][1] == "''" and prev and not prev.isspace():
            self._close(len(stack) - 1, i, 2)
        elif prev in _OPEN_CONTEXT and after and not after.isspace():
            self._push(("''", "''", i))
        return 1

    def _straight(self, i: int, ch: str, prev: str, nxt: str) -> None:
        stack = self.stack
        if ch == "'" and _is_word(prev) and _is_word(nxt):
            return  # apostrophe: it's, O'Brien
        if ch == "'" and _DECADE.match(self.text, i):
            return  # an elided century: the '80s
        top_open = bool(stack) and stack[-1][1] == ch
        can_close = bool(prev) and not prev.isspace()
        can_open = (prev in _OPEN_CONTEXT or prev in "\"'") and bool(nxt) and not nxt.isspace()
        if top_open and can_close and not (ch == "'" and _is_word(nxt)):
            self._close(len(stack) - 1, i)
        elif can_open and not (ch == "'" and _is_word(prev)):
            self._push((ch, ch, i))
        elif ch == '"' and top_open and not _is_word(nxt):
            self._close(len(stack) - 1, i)  # a space before the closing mark: "Lyin' " Ted

    def _closer(self, i: int, ch: str, nxt: str) -> None:
        stack = self.stack
        if ch == "’" and (_is_word(nxt) or all(s[1] != "’" for s in stack)):
            return  # an apostrophe or a possessive: researchers’ work
        if ch == "’" and stack[-1][1] != "’":
            # ‘…“…’ would end the single quotation with a double one still open
            # inside it: a possessive (the researchers’ “quiet hours”)
            return
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][1] == ch:
                self._close(k, i)
                return

    def _push(self, item: tuple[str, str, int]) -> None:
        if len(self.stack) < _MAX_DEPTH:
            if not self.stack:
                self.children = []
            self.stack.append(item)

    def _close(self, k: int, i: int, width: int = 1) -> None:
        opener, _, pos = self.stack[k]
        del self.stack[k:]
        mark = Marks(pos, pos + len(opener), i, i + width, _style(opener))
        if not self.stack:
            self.out.append(mark)
        elif len(self.stack) == 1:
            self.children.append(mark)


def _style(opener: str) -> str:
    return _PAIRS[opener][1] if opener in _PAIRS else "straight"
