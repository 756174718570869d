"""Pairing quotation marks into quoted stretches of one block of text.

Only top-level pairs are returned: a quotation inside a quotation (the
``‘publish or perish’`` inside a researcher's words) belongs to the outer one.
Curly, straight, corner (``「」 『』``) and guillemet marks are recognised; a
straight or right single quote between two letters is an apostrophe.

The scan is one pass with a stack: linear in the length of the text.
"""

from __future__ import annotations

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
_OPEN_CONTEXT = set(" \t\n\u3000([{—–-/:;,，。：；、（【《“‘「『") | {""}


@attrs.frozen
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


def find_marks(text: str) -> list[Marks]:
    """Return the top-level quotations of ``text`` in order.

    >>> t = "He said “it is ‘fine’ now,” twice; it’s 'done'. ''Yes,'' she said."
    >>> [t[m.inner_start:m.inner_end] for m in find_marks(t)]
    ['it is ‘fine’ now,', 'done', 'Yes,']
    """
    out: list[Marks] = []
    # stack of (opening char, expected closer, position); nesting deeper than
    # _MAX_DEPTH is not quotation but noise, and would make closing quadratic
    stack: list[tuple[str, str, int]] = []
    n = len(text)
    skip = False
    for i, ch in enumerate(text):
        if skip:
            skip = False
            continue
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < n else ""
        if ch == "'" and nxt == "'" and prev != "'" and text[i + 2 : i + 3] != "'":
            # two apostrophes stand for a double quotation mark (''Yes,'' he said)
            skip = True
            after = text[i + 2] if i + 2 < n else ""
            top_open = stack and stack[-1][1] == "''"
            if top_open and prev and not prev.isspace():
                _close(stack, out, len(stack) - 1, i, 2)
            elif prev in _OPEN_CONTEXT and after and not after.isspace():
                _push(stack, ("''", "''", i))
            continue
        if ch in ('"', "'"):
            if ch == "'" and _is_word(prev) and _is_word(nxt):
                continue  # apostrophe: it's, O'Brien
            top_open = stack and stack[-1][1] == ch
            can_close = bool(prev) and not prev.isspace()
            can_open = (prev in _OPEN_CONTEXT or prev in "\"'") and bool(nxt) and not nxt.isspace()
            if top_open and can_close and not (ch == "'" and _is_word(nxt)):
                _close(stack, out, len(stack) - 1, i)
            elif can_open and not (ch == "'" and _is_word(prev)):
                _push(stack, (ch, ch, i))
            continue
        if ch == "＂":
            if stack and stack[-1][1] == ch:
                _close(stack, out, len(stack) - 1, i)
            else:
                _push(stack, (ch, ch, i))
            continue
        if ch == "‘" and (_is_word(prev) or not nxt or nxt.isspace()):
            continue  # not an opener: a misplaced apostrophe
        if ch in _PAIRS and not (ch == "“" and stack and stack[-1][1] == "“"):
            _push(stack, (ch, _PAIRS[ch][0], i))
            continue
        if ch in _CLOSERS or ch == "“":
            if ch == "’" and (_is_word(nxt) or all(s[1] != "’" for s in stack)):
                continue  # apostrophe or a possessive: researchers’ work
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][1] == ch:
                    _close(stack, out, k, i)
                    break
    if stack:
        opener, _, pos = stack[0]
        if opener not in ("'", "‘", "''"):
            out.append(Marks(pos, pos + 1, n, n, _style(opener), closed=False))
    return out


_MAX_DEPTH = 8


def _push(stack: list[tuple[str, str, int]], item: tuple[str, str, int]) -> None:
    if len(stack) < _MAX_DEPTH:
        stack.append(item)


def _style(opener: str) -> str:
    return _PAIRS[opener][1] if opener in _PAIRS else "straight"


def _close(
    stack: list[tuple[str, str, int]], out: list[Marks], k: int, i: int, width: int = 1
) -> None:
    opener, _, pos = stack[k]
    del stack[k:]
    if not stack:
        out.append(Marks(pos, pos + len(opener), i, i + width, _style(opener)))
