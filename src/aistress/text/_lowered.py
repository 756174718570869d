r"""Case-blind patterns run as case-sensitive ones over lower-cased text.

Python's ``re`` is about three times slower with ``IGNORECASE`` than
without it on English text (each letter is folded as it is compared, and a
pattern loses the fast checks of its literal characters). A pattern whose
letters can all be written in lower case matches the lower-cased text,
without the flag, exactly where it matches the original text ignoring
case, provided lower-casing moves no offset and turns no character into an
ASCII letter it was not already equal to ignoring case. :func:`lowered`
writes such a pattern, :func:`lower_text` such a text; where either says
``None``, search the original text ignoring case.

>>> import re
>>> source = r"\bAI (?:Lab|team)s?\b"
>>> fast = re.compile(lowered(source))
>>> text = "Our ai LABS are busy."
>>> fast.search(lower_text(text)).span() == re.search(source, text, re.IGNORECASE).span()
True
>>> lowered(r"[@-`]") is None, lower_text("Kelvin: 3 \u212a") is None
(True, True)
"""

from __future__ import annotations

import re

__all__ = ["lower_text", "lowered"]

#: Characters that equal an ASCII letter ignoring case without being one
#: (İ, ı, ſ and the Kelvin sign): text holding one is not lower-cased.
_CASE_SPECIAL = re.compile("[\u0130\u0131\u017f\u212a]")
#: A pattern's escapes: a backslash and the character after it.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
#: Letter escapes that name classes or positions, not characters.
_CLASS_ESCAPES = frozenset("bBdDsSwWAZ")
#: A character class's body (after ``[`` and an optional ``^``).
_CLASS_BODY = re.compile(r"\[\^?(\]?[^\]]*)\]")


def lowered(pattern: str) -> str | None:
    r"""``pattern`` in lower case, to match lower-cased text without ``IGNORECASE``.

    ``None`` where that would not match exactly as the pattern matches any
    text ignoring case: a character with a case other than an ASCII letter
    (``É``), an escape naming a character by its code (``\x41``) or a group
    (``\1``), an inline flag or group name, or a range in a character class
    whose ends are not both lower-case letters, both upper-case letters or
    both digits (``[@-`]`` holds the upper-case letters without naming
    one). Escapes of classes and positions (``\b``, ``\W``) are kept as
    they are.

    >>> lowered(r"\bOnly\s+\d+%"), lowered(r"[A-Z]\B"), lowered(r"(?i:x)")
    ('\\bonly\\s+\\d+%', '[a-z]\\B', None)
    """
    if not all(c.isascii() or c.lower() == c == c.upper() for c in pattern):
        return None
    if "(?" in pattern and re.search(r"\(\?[aiLmsuxP(-]", pattern):
        return None  # inline flags, conditionals and named groups
    out = []
    plain = []  # the pattern with each escape replaced by "%", to read its classes
    at = 0
    for m in _ESCAPE.finditer(pattern):
        letter = m.group(1)
        if letter.isalnum() and letter not in _CLASS_ESCAPES:
            return None
        out.append(pattern[at : m.start()].lower() + m.group())
        plain.append(pattern[at : m.start()] + "%")
        at = m.end()
    out.append(pattern[at:].lower())
    plain.append(pattern[at:])
    for m in _CLASS_BODY.finditer("".join(plain)):
        body = m.group(1)
        for i in range(1, len(body) - 1):
            if body[i] == "-":
                low, high = body[i - 1], body[i + 1]
                same = (
                    (low.islower() and high.islower())
                    or (low.isupper() and high.isupper())
                    or (low.isdigit() and high.isdigit())
                )
                if not same:
                    return None
    return "".join(out)


def lower_text(text: str) -> str | None:
    """``text`` lower-cased, or ``None`` where that moves an offset or makes an ASCII letter.

    >>> lower_text("Weekly RELEASES"), lower_text("\u0130stanbul")
    ('weekly releases', None)
    """
    low = text.lower()
    if len(low) != len(text) or _CASE_SPECIAL.search(text) is not None:
        return None
    return low
