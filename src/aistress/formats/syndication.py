"""Syndicated rewrite: an English rewrite of a news story on a syndication site.

The page is a sequence of lines, usually with no blank lines between them:

- the headline and, where printed, a dek (a one-sentence standfirst): the
  title and subtitle *as printed*, even when they belong to another story;
- a byline, a person's name alone on a line (``By`` allowed): the author;
- body paragraphs, one a line;
- teasers of other stories, taken off the body only on positive evidence
  (each item records its rule): a labelled list (``Related``, see
  ``data/formats/related_labels.txt``; rule ``"label"``), a line that repeats
  the headline or the dek among the last eight lines (``"repeats-headline"``;
  the lines after it follow it, ``"after-repeated-headline"``), or a *teaser
  list*: a run of at least two closing lines shaped like headlines (one
  sentence, no final full stop; ``"teaser-list"``).
  A closing line that ends like a sentence stays body unless it repeats the
  headline or sits under a label; a line of prose that does leave the body is
  reported in a ``demoted-prose`` warning;
- ``Copyright © 2024 Example Site. All rights reserved.``: the site name is
  the outlet, the year goes to ``extra["copyright_year"]``, and the line is
  boilerplate ``"copyright"``.

Syndication sites attach headlines to the wrong bodies. The reader reports the
headline and dek as printed; whether they match the body is the business of
:func:`aistress.comparison.headline_relevance`, not of the reader.

The article id is ``<source id>#<language>`` (``#en``); its kind is rewrite.
Warnings: ``missing-byline``, ``missing-footer`` (no copyright line),
``missing-body``, ``demoted-prose`` (a line ending like a sentence was taken
off the body as a teaser, with the evidence).

:func:`write` prints a source back in this layout, one part a line;
``write(read(text))`` equals ``text`` up to whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import compress, repeat
from operator import gt

from aistress.formats import _common as common
from aistress.formats._common import Page, language_of, sample_content, sample_lines
from aistress.formats._registry import FormatGuess
from aistress.formats._text import LineColumns
from aistress.model import ArticleKind, BlockKind, Source

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "syndication"

_COPYRIGHT = re.compile(
    r"(?:copyright\s*)?(?:©|\(c\))\s*(?P<year>\d{4})(?:\s*[-–]\s*\d{4})?\s*,?\s*"
    r"(?P<site>\S(?:.{0,120}?[^\s.])?)\s*\.?"
    r"(?:\s*all rights reserved\.?)?",
    re.IGNORECASE,
)
_COPYRIGHT_HINT = re.compile(r"^(?:copyright\b|©)", re.IGNORECASE)
_NAME = (
    r"[A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|de|van|von|da|del|der|di|la|le|bin|al|dos))"
    r"{0,4}"
)
_BYLINE = re.compile(rf"(?P<by>[Bb][Yy]\s+)?(?P<name>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,3}})")
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")
_TERMINAL = ".!?…"
_CLOSERS = "\"'”’)"
_MAX_TEASER = 300
_MAX_TEASERS = 8  # a repeated headline this close to the end opens a teaser list


def _sentences(text: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(text))


def _byline(text: str) -> re.Match[str] | None:
    if len(text) > 120 or text.endswith((".", "!", "?", ":", ",")):
        return None
    match = _BYLINE.fullmatch(text)
    if match is None:
        return None
    if not match.group("by") and len(match.group("name").split()) < 2:
        return None  # one capitalised word alone is more likely a heading than a name
    return match


def _copyright(text: str) -> re.Match[str] | None:
    if len(text) > 240 or not _COPYRIGHT_HINT.match(text):
        return None
    return _COPYRIGHT.fullmatch(text)


_MORE_FROM = re.compile(r"(?:more|latest|also)\s+(?:from|on|in|at)\s+\S.{0,60}", re.IGNORECASE)


def _related_label(text: str) -> bool:
    """``Related``, ``Read more`` (``data/formats/related_labels.txt``) or ``More from <site>``."""
    if len(text) >= 60 or _ends_like_sentence(text):
        return False
    return common.label_key(text) in common.label_set("related_labels") or (
        _MORE_FROM.fullmatch(text) is not None and len(text.split()) <= 7
    )


def _ends_like_sentence(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith(tuple(_TERMINAL))


def _headline_shaped(text: str) -> bool:
    """A teaser's shape: one sentence of at most 300 characters with no final full stop."""
    return len(text) <= _MAX_TEASER and _sentences(text) == 1 and not _ends_like_sentence(text)


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a syndicated rewrite.

    >>> page = "Headline\nA dek\nJane Roe\nBody text. More.\nCopyright © 2024 Site."
    >>> sniff(page).confidence > 0.5
    True
    """
    ev = common.Evidence(FORMAT)
    lines = list(sample_content(text))
    if not lines or lines[0].lstrip("\ufeff").startswith("<"):
        return ev.guess()

    def add(clue: str) -> None:
        ev.add(common.sniff_weight(FORMAT, clue), clue)

    copyright_at = next(
        (k for k in range(len(lines) - 1, max(-1, len(lines) - 5), -1) if _copyright(lines[k])),
        None,
    )
    if copyright_at is not None:
        add("a copyright line at the end")
        before = lines[max(2, copyright_at - 4) : copyright_at]
        if any(line in lines[:2] for line in before) or (
            len(before) >= 2 and all(_headline_shaped(line) for line in before[-2:])
        ):
            add("a teaser list before the copyright line")
    if any(_byline(line) for line in lines[1:3]):
        add("a byline under the headline")
    languages = [language_of(line) for line in lines[:60]]
    en, zh = languages.count("en"), languages.count("zh")
    if en >= 3 and zh == 0:
        add("English paragraphs only")
    blank = len(sample_lines(text)) - len(lines)  # the sample's lines that strip to nothing
    if len(lines) >= 4 and blank * 4 < len(lines):
        add("one paragraph a line, few blank lines")
    if len(lines) >= 2 and not lines[0].endswith((".", "。")):
        add("a headline on line 1")
    if any(_date_only(line) for line in lines[1:5]):
        add("a date line under the headline")
    return ev.guess()


def _date_only(text: str) -> bool:
    """A line that is a date and little else (plain articles print one; syndicated pages do not)."""
    found = common.find_date(text) if len(text) <= 40 else None
    return found is not None and found.date.month is not None and found.end - found.start >= 8


def _read(page: Page) -> Source:
    """Read a syndicated rewrite (see the module docstring for its parts)."""
    lines = page.content_columns()  # records are made only for the lines looked at alone
    header = common.Header()

    # Copyright (and anything after it) at the end.
    end = len(lines)
    for k in range(len(lines) - 1, max(-1, len(lines) - 5), -1):
        match = _copyright(lines[k].stripped)
        if match is not None and k > 0:
            line = lines[k]
            page.add_line_boilerplate("copyright", line)
            header.outlet = match.group("site")
            header.fields.append(page.match_field("outlet", line, match, "site"))
            header.extra.append(("copyright_year", match.group("year")))
            header.fields.append(page.match_field("copyright_year", line, match, "year"))
            for after in lines[k + 1 :]:
                page.add_line_boilerplate("footer", after)
            end = k
            break
    else:
        page.warn("missing-footer", "no copyright line: the site name and year are unknown")

    title_line = lines[0]
    title = header.title = title_line.stripped
    header.fields.append(page.field("title", title_line))
    i = 1
    byline_at = next((k for k in (1, 2) if k < end and _byline(lines[k].stripped)), None)
    if byline_at == 2 or (byline_at is None and end > 2 and _dek_like(lines[1].stripped)):
        header.subtitle = lines[1].stripped
        header.fields.append(page.field("subtitle", lines[1]))
        i = 2
    if byline_at is not None and byline_at >= i:
        line = lines[byline_at]
        match = _byline(line.stripped)
        assert match is not None
        if match.group("by"):
            off = line.indent
            page.add_boilerplate("byline-label", page.sub_span(line, off, off + match.end("by")))
        header.author = match.group("name")
        header.fields.append(page.match_field("author", line, match, "name"))
        i = byline_at + 1
    else:
        page.warn(
            "missing-byline", "no byline (an author's name alone on a line) under the headline"
        )

    body_lines = lines[i:end]
    related_from, rules = _related_start(body_lines, title, header.subtitle)
    for line, rule in zip(body_lines[related_from:], rules, strict=True):
        kind = "related-label" if rule == "label" and _related_label(line.stripped) else "related"
        page.add_line_boilerplate(kind, line, rule)
        if kind == "related" and _ends_like_sentence(line.stripped):
            page.warn(
                "demoted-prose",
                f"a line ending like a sentence was read as a teaser of another story "
                f"({rule}): {line.stripped[:80]!r}",
                line.number,
            )
    body_lines = body_lines[:related_from]
    main, each = common.languages(body_lines.texts)
    language = main or "en"
    blocks = page.line_blocks(
        BlockKind.PARAGRAPH,
        body_lines,
        common.foreign(each, language),
    )
    if not blocks:
        page.warn("missing-body", "no body paragraphs under the headline")

    return page.source([page.article(language, ArticleKind.REWRITE, blocks, header)])


read = common.page_reader(FORMAT, _read)


def _dek_like(text: str) -> bool:
    """A standfirst: one sentence, short, that is not a byline."""
    return len(text) <= _MAX_TEASER and _sentences(text) == 1


def _related_start(lines: LineColumns, title: str, subtitle: str | None) -> tuple[int, list[str]]:
    """Where the related-story teasers at the end of ``lines`` start, and each one's rule.

    Only positive evidence counts: a label (``Related``), or a line among the
    last eight that repeats the headline or the dek, starts a list that runs to
    the end; otherwise teasers are taken from the end while a line belongs to
    a run of at least two headline-shaped lines (see :func:`_headline_shaped`).
    A line that ends like a sentence is never a teaser by its shape alone. At
    least one line stays body. Linear in the length of the lines.
    """
    # Only a line under 60 characters can be a label: those are found in C first.
    short = map(gt, repeat(60), map(len, map(str.strip, lines.texts)))
    for k in compress(range(len(lines)), short):
        if k > 0 and _related_label(lines[k].stripped):
            return k, ["label"] * (len(lines) - k)
    printed = {title, subtitle}
    for k in range(len(lines) - 1, max(0, len(lines) - _MAX_TEASERS) - 1, -1):
        if k > 0 and lines[k].stripped in printed:
            # A repeated headline or dek opens the list of teasers, as a label would.
            return k, ["repeats-headline"] + ["after-repeated-headline"] * (len(lines) - k - 1)
    start = len(lines)
    rules: list[str] = []
    shaped_run = 0
    while start > 1:
        text = lines[start - 1].stripped
        if text in printed:
            rules.append("repeats-headline")
        elif _headline_shaped(text):
            rules.append("teaser-list")
            shaped_run += 1
        else:
            break
        start -= 1
    # A lone headline-shaped closing line is no list: it stays body.
    while rules and shaped_run < 2 and rules[-1] == "teaser-list":
        rules.pop()
        start += 1
        shaped_run -= 1
    if shaped_run < 2 and "repeats-headline" not in rules:
        return len(lines), []
    rules.reverse()
    return start, rules


def write(source: Source) -> str:
    """Print a source as a syndicated rewrite; ``read(write(x)) == x`` for read sources.

    The article is ``source.articles[0]``. The related teasers and the
    copyright line come from the boilerplate; without a copyright item, one is
    built from the outlet and ``extra["copyright_year"]``.

    Raises:
        ValueError: If the source has no article or the article no title.
    """
    article = common.article_to_write(source, "a syndication page")
    if article.title is None:
        raise ValueError("a syndication page needs a title (its headline)")
    lines = [article.title]
    if article.subtitle is not None:
        lines.append(article.subtitle)
    by_kind = common.boilerplate_texts(source)
    if article.author is not None:
        label = by_kind.get("byline-label", [])
        lines.append(f"{label[0]} {article.author}" if label else article.author)
    lines.extend(block.text for block in article.blocks)
    lines.extend(_teasers(source))
    if "copyright" in by_kind:
        lines.extend(by_kind["copyright"])
    elif article.outlet is not None and article.get("copyright_year"):
        year = article.get("copyright_year")
        lines.append(f"Copyright © {year} {article.outlet}. All rights reserved.")
    lines.extend(by_kind.get("footer", []))
    known = {"byline-label", "related", "related-label", "copyright", "footer", common.BOM_KIND}
    lines.extend(item.text for item in source.boilerplate if item.kind not in known)
    return "\n".join(lines) + "\n"


def _teasers(source: Source) -> Iterable[str]:
    for item in source.boilerplate:
        if item.kind in ("related", "related-label"):
            yield item.text
