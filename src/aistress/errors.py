"""The exceptions aistress raises.

Every exception the library raises on purpose derives from :class:`AistressError`,
so ``except aistress.AistressError`` catches all of them. Subclasses carry
structured fields (a path, a line, a field name) as well as a readable message.

Misuse of the API (a wrong argument type, an unknown option) raises the usual
:class:`TypeError` or :class:`ValueError`; :class:`InvalidValueError` is both a
:class:`ValueError` and an :class:`AistressError`, so code that catches either works.
"""

from __future__ import annotations

import copy

__all__ = [
    "AistressError",
    "InvalidValueError",
    "ParseError",
    "RuleError",
    "SchemaError",
    "TaxonomyError",
    "UnknownFormatError",
    "UsageError",
]


class AistressError(Exception):
    """Root of every exception raised by aistress."""


class InvalidValueError(AistressError, ValueError):
    """A model field was given a value it cannot hold.

    Attributes:
        field: The qualified field name, such as ``"Article.language"``.
        value: The rejected value.
        reason: Why it was rejected, in words a person can act on.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(field, value, reason)

    def __str__(self) -> str:
        shown = repr(self.value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        return f"{self.field}: {reason_with_value(self.reason, shown)}"


def reason_with_value(reason: str, shown: str) -> str:
    """Join a reason and the rejected value into one message."""
    return f"{reason} (got {shown})"


class SchemaError(AistressError):
    """A JSON record does not match the model it is read into.

    Attributes:
        path: Where in the record the problem is, as a dotted path such as
            ``"blocks[3].kind"`` (empty for the record itself).
        reason: What is wrong there.
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(path, reason)

    def __str__(self) -> str:
        where = self.path or "<record>"
        return f"{where}: {self.reason}"


class ParseError(AistressError):
    """A document could not be read.

    ``line`` and ``column`` are 1-based and point at the first character the
    reader could not make sense of (``line`` 0 means the problem is with the
    whole input, such as an empty file or bytes in no known encoding).

    Attributes:
        path: The file, or ``"<string>"`` for text handed in directly.
        line: 1-based line number, or 0 for the input as a whole.
        column: 1-based column number, or 0 for the line as a whole.
        reason: What is wrong and, where possible, what to do about it.
    """

    def __init__(self, path: str | None, line: int, column: int, reason: str) -> None:
        self.path = path if path is not None else "<string>"
        self.line = line
        self.column = column
        self.reason = reason
        super().__init__(self.path, line, column, reason)

    def __str__(self) -> str:
        """``path:line:column: reason``, leaving out a line or column of 0 (the whole input)."""
        where = self.path
        if self.line:
            where += f":{self.line}" + (f":{self.column}" if self.column else "")
        return f"{where}: {self.reason}"

    def with_path(self, path: str) -> ParseError:
        """Return a copy of this error that names ``path``.

        Readers that parse text raise errors naming ``"<string>"``; the code
        that opened the file adds its path with this method.
        """
        clone = copy.copy(self)
        clone.path = path
        clone.args = (path, *self.args[1:])
        return clone


class UnknownFormatError(ParseError):
    """No reader recognises the document.

    Attributes:
        scores: ``(format id, confidence)`` for every registered format, best
            first, so the caller can see how close each came.
    """

    def __init__(
        self,
        path: str | None,
        scores: tuple[tuple[str, float], ...],
        reason: str | None = None,
    ) -> None:
        self.scores = scores
        shown = (
            ", ".join(f"{name} {score:.2f}" for name, score in scores) or "no formats registered"
        )
        if reason is None:
            reason = (
                "no reader recognises this document (sniff scores: "
                f"{shown}); pass format= to choose one"
            )
        super().__init__(path, 0, 0, reason)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.path, self.scores, self.reason), self.__dict__)


class TaxonomyError(AistressError):
    """A taxonomy (or rule) file or mapping is malformed.

    Attributes:
        path: The file read, or ``"<dict>"`` for data handed in directly.
        field: Where in the data the problem is, as a dotted path such as
            ``"categories[3].kind"`` (empty for the document as a whole).
        reason: What is wrong there, in words a person can act on.
    """

    def __init__(self, path: str | None, field: str, reason: str) -> None:
        self.path = path if path is not None else "<dict>"
        self.field = field
        self.reason = reason
        super().__init__(self.path, field, reason)

    def __str__(self) -> str:
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}: {where}{self.reason}"


class RuleError(TaxonomyError):
    """A rule file or rule mapping is malformed.

    Same fields as :class:`TaxonomyError`: ``path``,
    ``field`` (such as ``"rules[4].terms[2]"``) and ``reason``.
    """


class UsageError(AistressError):
    """The command line asks for something that cannot be done (a file with no article ...)."""
