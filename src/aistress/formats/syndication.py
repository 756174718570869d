"""Syndicated rewrite: an English rewrite of a news story on a syndication site.

The page is a sequence of lines, usually with no blank lines between them:

- the headline and, where printed, a dek (a one-sentence standfirst): the
  title and subtitle *as printed*, even when they belong to another story;
- a byline, a person's name alone on a line (``By`` allowed): the author;
- body paragraphs, one a line;
- teasers of other stories (a line that repeats the headline or the dek, or a
  single sentence that reads like a headline or has little to do with the
  body, see below), optionally under a label such as ``Related``:
  boilerplate ``"related"`` (the label ``"related-label"``);
- ``Copyright © 2024 Example Site. All rights reserved.``: the site name is
  the outlet, the year goes to ``extra["copyright_year"]``, and the line is
  boilerplate ``"copyright"``.

Syndication sites attach headlines to the wrong bodies. The reader measures
how well the headline and dek match the body with :func:`headline_relevance`
and stores, in the article's ``extra``,
``headline_relevance`` (the score, three decimals) and
``headline_matches_body`` (``"true"`` or ``"false"``: the score against
:data:`RELEVANCE_THRESHOLD`).

The article id is ``<source id>#<language>`` (``#en``); its kind is rewrite.
Warnings: ``missing-byline``, ``missing-footer`` (no copyright line),
``missing-body``, ``headline-mismatch`` (the headline does not match).

:func:`write` prints a source back in this layout, one part a line;
``write(read(text))`` equals ``text`` up to whitespace.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from aistress.formats._common import (
    BOM_KIND,
    Evidence,
    Page,
    language_of,
    load_list,
    main_language,
    sample_lines,
)
from aistress.formats._registry import FormatGuess
from aistress.formats._text import Line
from aistress.model import Article, ArticleKind, Block, BlockKind, FieldSpan, Source

__all__ = ["FORMAT", "RELEVANCE_THRESHOLD", "headline_relevance", "read", "sniff", "write"]

#: The format id.
FORMAT = "syndication"

#: A headline whose :func:`headline_relevance` lies below this does not match
#: its body. Headlines written for their body score 0.35 to 1 on our fixtures
#: (most above 0.6); a headline from another story about the same field
#: scores around 0.1, since it shares only the field's most common words.
RELEVANCE_THRESHOLD = 0.25

_WORD = re.compile(r"[a-z][a-z0-9]*(?:['’][a-z]+)?|[\u4e00-\u9fff]")
_POSSESSIVE = re.compile(r"['’]s$")
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
_TERMINAL = ".!?…\"'”’)"
_MAX_TEASER = 300


@functools.lru_cache(maxsize=16384)
def _stem(word: str) -> str:
    """A light English stemmer: possessive, plural, ``-ed`` and ``-ing`` stripped."""
    word = _POSSESSIVE.sub("", word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    return word


@functools.cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_list("stopwords_en"))


def _terms(text: str) -> list[str]:
    """Content words of ``text``: lower-cased, stemmed, no function words."""
    stop = _stopwords()
    out = []
    for word in _WORD.findall(text.lower()):
        if word in stop:
            continue
        stem = _stem(word)
        if stem not in stop:
            out.append(stem)
    return out


def headline_relevance(headline: str, paragraphs: Sequence[str]) -> float | None:
    """How much of a headline's content the body uses: a score from 0 to 1.

    Each content word of ``headline`` (function words from
    ``data/formats/stopwords_en.txt`` dropped, plurals, possessives, ``-ed``
    and ``-ing`` stripped) is weighted by its inverse paragraph frequency in
    the body, ``idf(w) = ln((N + 1) / (df(w) + 1)) + 1`` for N paragraphs, so
    words that every paragraph uses (here ``AI``) count little and words the
    body never uses count most. The score is the weighted share of the
    headline's words that occur in the body. None if the headline has no
    content words or the body has no paragraphs. Time is linear in the total
    length.

    >>> body = ["Researchers describe stress and burnout.", "Labs push staff hard."]
    >>> headline_relevance("Researchers face burnout", body)
    0.573
    >>> headline_relevance("Llama model falls short of standards", body)
    0.0
    """
    head = Counter(_terms(headline))
    if not head or not paragraphs:
        return None
    df: Counter[str] = Counter()
    for paragraph in paragraphs:
        df.update(set(_terms(paragraph)))
    return _coverage(head, df, len(paragraphs))


def _coverage(head: Counter[str], df: Counter[str], n: int) -> float | None:
    """The weighted share of ``head``'s words that occur in ``n`` paragraphs with ``df``."""
    if not head or not n:
        return None

    def weight(word: str) -> float:
        return math.log((n + 1) / (df[word] + 1)) + 1.0

    total = sum(count * weight(word) for word, count in head.items())
    shared = sum(count * weight(word) for word, count in head.items() if df[word] > 0)
    return round(shared / total, 3)


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


def _related_label(text: str) -> bool:
    return text.rstrip(":：").lower() in {label.lower() for label in load_list("related_labels")}


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a syndicated rewrite.

    >>> page = "Headline\nA dek\nJane Roe\nBody text. More.\nCopyright © 2024 Site."
    >>> sniff(page).confidence > 0.5
    True
    """
    ev = Evidence(FORMAT)
    lines = [line.strip() for line in sample_lines(text) if line.strip()]
    if not lines or lines[0].lstrip("\ufeff").startswith("<"):
        return ev.guess()
    if any(_copyright(line) for line in lines[-4:]):
        ev.add(0.4, "a copyright line at the end")
    if any(_byline(line) for line in lines[1:3]):
        ev.add(0.25, "a byline under the headline")
    languages = [language_of(line) for line in lines[:60]]
    en, zh = languages.count("en"), languages.count("zh")
    if en >= 3 and zh == 0:
        ev.add(0.2, "English paragraphs only")
    raw = text[:65536]
    blank_runs = raw.count("\n\n") + raw.count("\r\n\r\n")
    if len(lines) >= 4 and blank_runs * 4 < len(lines):
        ev.add(0.1, "one paragraph a line, few blank lines")
    if len(lines) >= 2 and not lines[0].endswith((".", "。")):
        ev.add(0.05, "a headline on line 1")
    return ev.guess()


def read(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
    """Read a syndicated rewrite (see the module docstring for its parts).

    Time and memory are linear in ``len(text)``.

    Raises:
        ParseError: If the text is empty, whitespace only or not text.
    """
    page = Page.open(text, path=path, source_id=source_id, format=FORMAT)
    lines = page.content_lines()
    fields: list[FieldSpan] = []
    extra: list[tuple[str, str]] = []

    # Copyright (and anything after it) at the end.
    end = len(lines)
    outlet: str | None = None
    for k in range(len(lines) - 1, max(-1, len(lines) - 5), -1):
        match = _copyright(lines[k].stripped)
        if match is not None and k > 0:
            line = lines[k]
            off = len(line.text) - len(line.text.lstrip())
            page.add_line_boilerplate("copyright", line)
            outlet = match.group("site")
            fields.append(
                page.field("outlet", line, off + match.start("site"), off + match.end("site"))
            )
            extra.append(("copyright_year", match.group("year")))
            fields.append(
                page.field(
                    "copyright_year", line, off + match.start("year"), off + match.end("year")
                )
            )
            for after in lines[k + 1 :]:
                page.add_line_boilerplate("footer", after)
            end = k
            break
    else:
        page.warn("missing-footer", "no copyright line: the site name and year are unknown")

    title_line = lines[0]
    title = title_line.stripped
    fields.append(page.field("title", title_line))
    i = 1
    subtitle: str | None = None
    author: str | None = None
    byline_at = next((k for k in (1, 2) if k < end and _byline(lines[k].stripped)), None)
    if byline_at == 2 or (byline_at is None and end > 2 and _dek_like(lines[1].stripped)):
        subtitle = lines[1].stripped
        fields.append(page.field("subtitle", lines[1]))
        i = 2
    if byline_at is not None and byline_at >= i:
        line = lines[byline_at]
        match = _byline(line.stripped)
        assert match is not None
        off = len(line.text) - len(line.text.lstrip())
        if match.group("by"):
            page.add_boilerplate("byline-label", page.sub_span(line, off, off + match.end("by")))
        author = match.group("name")
        fields.append(
            page.field("author", line, off + match.start("name"), off + match.end("name"))
        )
        i = byline_at + 1
    else:
        page.warn(
            "missing-byline", "no byline (an author's name alone on a line) under the headline"
        )

    body_lines = lines[i:end]
    related_from, body_df = _related_start(body_lines, title, subtitle)
    for line in body_lines[related_from:]:
        kind = "related-label" if _related_label(line.stripped) else "related"
        page.add_line_boilerplate(kind, line)
    body_lines = body_lines[:related_from]
    language = main_language(line.text for line in body_lines) or "en"
    blocks: list[Block] = []
    for line in body_lines:
        lang = language_of(line.text)
        blocks.append(
            page.block(
                BlockKind.PARAGRAPH, line, language=lang if lang not in (None, language) else None
            )
        )
    if not blocks:
        page.warn("missing-body", "no body paragraphs under the headline")

    printed = title if subtitle is None else f"{title}\n{subtitle}"
    # The same as headline_relevance(printed, paragraphs), with the body's
    # document frequencies already counted.
    score = _coverage(Counter(_terms(printed)), body_df, len(blocks))
    if score is not None:
        matches = score >= RELEVANCE_THRESHOLD
        extra.append(("headline_relevance", f"{score:.3f}"))
        extra.append(("headline_matches_body", "true" if matches else "false"))
        if not matches:
            page.warn(
                "headline-mismatch",
                f"the headline and dek share little with the body (relevance {score:.3f} < "
                f"{RELEVANCE_THRESHOLD}): they may belong to another story",
                title_line.number,
            )
    article = Article(
        id=page.article_id(language),
        language=language,
        kind=ArticleKind.REWRITE,
        title=title,
        subtitle=subtitle,
        outlet=outlet,
        author=author,
        blocks=blocks,
        extra=extra,
        provenance=page.provenance(sorted(fields, key=lambda f: f.span.start)),
    )
    return page.source([article])


def _dek_like(text: str) -> bool:
    """A standfirst: one sentence, short, that is not a byline."""
    return len(text) <= _MAX_TEASER and _sentences(text) == 1


def _related_start(
    lines: Sequence[Line], title: str, subtitle: str | None
) -> tuple[int, Counter[str]]:
    """Index of the first related-story teaser at the end of ``lines`` (``len`` if none).

    Also returns the document frequencies of the content words of the lines
    before it (the body), which :func:`headline_relevance` would compute.

    A labelled list (``Related``) starts at its label. Otherwise teasers are
    taken from the end while a line repeats the headline or the dek, or is a
    single sentence of at most 300 characters that either does not end like
    a sentence or has a :func:`headline_relevance` to the other paragraphs
    under :data:`RELEVANCE_THRESHOLD`. At least one paragraph stays body.
    Time is linear in the length of the lines (document frequencies are
    updated as teasers are taken off the end).
    """
    for k, line in enumerate(lines):
        if _related_label(line.stripped):
            labelled: Counter[str] = Counter()
            for before in lines[:k]:
                labelled.update(set(_terms(before.stripped)))
            return k, labelled
    start = len(lines)
    printed = {title, subtitle}
    term_sets = [set(_terms(line.stripped)) for line in lines]
    df: Counter[str] = Counter()
    for terms in term_sets[:-1]:
        df.update(terms)
    while start > 1:
        text = lines[start - 1].stripped
        if text in printed:
            start -= 1
            df.subtract(term_sets[start - 1])
            continue
        if len(text) > _MAX_TEASER or _sentences(text) > 1:
            break
        if not text.endswith(tuple(_TERMINAL)):
            start -= 1
            df.subtract(term_sets[start - 1])
            continue
        # df now counts the paragraphs before this line.
        score = _coverage(Counter(_terms(text)), df, start - 1)
        if score is not None and score < RELEVANCE_THRESHOLD:
            start -= 1
            df.subtract(term_sets[start - 1])
            continue
        break
    if start >= 1:
        df.update(term_sets[start - 1])
    return start, df


def write(source: Source) -> str:
    """Print a source as a syndicated rewrite; ``read(write(x)) == x`` for read sources.

    The article is ``source.articles[0]``. The related teasers and the
    copyright line come from the boilerplate; without a copyright item, one is
    built from the outlet and ``extra["copyright_year"]``.

    Raises:
        ValueError: If the source has no article or the article no title.
    """
    if not source.articles:
        raise ValueError("a syndication page needs an article")
    article = source.articles[0]
    if article.title is None:
        raise ValueError("a syndication page needs a title (its headline)")
    lines = [article.title]
    if article.subtitle is not None:
        lines.append(article.subtitle)
    by_kind: dict[str, list[str]] = {}
    for item in source.boilerplate:
        by_kind.setdefault(item.kind, []).append(item.text)
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
    known = {"byline-label", "related", "related-label", "copyright", "footer", BOM_KIND}
    lines.extend(item.text for item in source.boilerplate if item.kind not in known)
    return "\n".join(lines) + "\n"


def _teasers(source: Source) -> Iterable[str]:
    for item in source.boilerplate:
        if item.kind in ("related", "related-label"):
            yield item.text
