"""Reader-app page: a Chinese reader app's copy of an English news article.

The page is a sequence of lines (blank lines do not matter):

- a header, ``<outlet> <date>`` with the date in Chinese notation and often
  no year (``Example Wire News 03月14日``): the outlet (without a channel word
  such as ``News``, see ``data/formats/outlet_channels.txt``) and a
  :class:`~aistress.model.PartialDate` that keeps exactly what was printed;
- the headline: the main article's title;
- template residue (``index_new5.html``, relative ``.html`` paths):
  boilerplate ``"template"``; a bare ``http(s)://`` line there is the url;
- a Chinese abstract and key points, lines that start with an emoji: a second
  article, kind summary, whose blocks are the abstract's paragraphs and the
  points (:attr:`~aistress.model.BlockKind.POINT`, the emoji as marker);
- the English body, one paragraph a line;
- the app's footer, from the first line that is a footer label (``相关标签``,
  ``相關標籤``), listed app promotion or a contact line on, together with the
  footer-shaped lines just before it (the app's name, slogan and download
  line: lines in another language than the body, short lines that do not end
  like a sentence, lines with an e-mail address, a URL or a domain):
  promotion (``"promotion"``), contact lines (``"contact"``), labels
  (``"footer-label"``), the line of space-separated tags after the tag label
  (the main article's tags) and lines listed after ``相关文章``
  (``"related"``). Each item records its rule; a footer line that ends like a
  sentence in the body's language is reported in a ``demoted-prose`` warning.

Article ids are ``<source id>#<language>`` for the main article (``#en``) and
``<source id>#<language>-summary`` for the summary (``#zh-summary``); the
source records ``Relation("summary_of", summary id, main id)``.

Missing parts are warned about in :attr:`Source.warnings
<aistress.model.Source.warnings>`: ``missing-header`` (no outlet, no date),
``missing-footer`` (no promotion, labels or tags), ``missing-body``.

:func:`write` prints a source back in this layout; ``write(read(text))``
equals ``text`` up to whitespace (blank lines, indentation, trailing spaces,
line terminators, a byte-order mark).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate, compress, repeat
from operator import and_, eq, ge, gt, is_, le, not_

from aistress import model
from aistress.formats import _common as common
from aistress.formats._common import (
    _LEADING_EMOJI,
    Page,
    language_of,
    leading_emoji,
    load_list,
    main_language,
)
from aistress.formats._registry import FormatGuess
from aistress.formats._scripts import script_counts_many
from aistress.formats._text import Line, LineColumns
from aistress.model import Source
from aistress.model._document import trusted_blocks
from aistress.text.dates import format_chinese_date
from aistress.text.script import to_simplified

__all__ = ["FORMAT", "read", "sniff", "write"]

#: The format id.
FORMAT = "aggregator"

_HEADER = re.compile(
    r"(?:(?P<label>\S(?:.{0,200}\S)?)\s+)?"
    r"(?P<date>(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)"
    r"(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?"
)
_TEMPLATE = re.compile(r"[\w.\-~%/]+\.(?:s?html?|php|aspx?|jsp|tpl)(?:\?[^\s]*)?")
_URL = re.compile(r"https?://[^\s]+")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_CONTACT_WORD = re.compile(
    r"(?:联系|聯繫|聯絡|邮箱|郵箱|信箱|反馈|反饋|e-?mail|contact|feedback)", re.IGNORECASE
)
_DOMAIN = re.compile(r"(?<![\w.@])(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,6}(?:/\S*)?(?![\w.])")
_URL_IN_TEXT = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
#: The Chinese words of :func:`_contact_word`.
_CONTACT_WORD_ZH = re.compile("联系|聯繫|聯絡|邮箱|郵箱|信箱|反馈|反饋")
_SENTENCE_BREAK = re.compile(r"[.!?。！？][\"'”’」)]*\s+[\"'“‘(]*[A-Z]")
_TERMINAL = tuple(".!?。！？…")
#: Host-name words that name no app (www.example.com, support.mail.example.net).
_GENERIC_HOST_WORDS = frozenset(
    {"www", "mail", "email", "support", "help", "news", "info", "example", "download", "hello"}
)
_CLOSERS = "\"'”’」』）)"
_MAX_HEADER = 240
_LAST = 2**62  # sorts after every real offset


@functools.cache
def _promotion_prefixes() -> tuple[str, ...]:
    return tuple(load_list("aggregator_promotions"))


def _promotion(text: str) -> bool:
    if not text.startswith(_promotion_prefixes()):  # one test in C for most lines
        return False
    for entry in load_list("aggregator_promotions"):
        if text == entry or (
            text.startswith(entry) and not text[len(entry)].isalnum() and len(text) < 400
        ):
            return True
    return False


def _tag_label(text: str) -> bool:
    return len(text) < 40 and common.label_key(text) in common.label_set("aggregator_tag_labels")


def _footer_label(text: str) -> bool:
    return len(text) < 40 and common.label_key(text) in common.label_set("aggregator_footer_labels")


def _label_line(text: str) -> bool:
    """``_tag_label(text) or _footer_label(text)``, folding the label once."""
    if len(text) >= 40:
        return False
    key = common.label_key(text)
    return key in common.label_set("aggregator_tag_labels") or key in common.label_set(
        "aggregator_footer_labels"
    )


def _contact_word(text: str) -> bool:
    """Whether :data:`_CONTACT_WORD` finds a word in ``text``, by substring tests in C.

    The pattern's case-blind search tries every alternative at every position,
    a fifth of a large read. ``str.lower`` folds the case it ignores, except
    that the pattern also takes dotless ı and dotted İ for i: a text holding
    either is left to the pattern.
    """
    if "ı" in text or "İ" in text:
        return _CONTACT_WORD.search(text) is not None
    low = text.lower()
    return (  # the pattern's words, written out: a loop over them costs twice as much
        ("mail" in low and ("email" in low or "e-mail" in low))
        or "contact" in low
        or "feedback" in low
        or "联系" in low
        or "聯繫" in low
        or "聯絡" in low
        or "邮箱" in low
        or "郵箱" in low
        or "信箱" in low
        or "反馈" in low
        or "反饋" in low
    )


def _contact(text: str) -> bool:
    """A short line with an e-mail address, a URL or a bare domain, and no run of sentences."""
    if len(text) >= 200 or _SENTENCE_BREAK.search(text):
        return False
    return bool(_EMAIL.search(text) or _URL_IN_TEXT.search(text) or _DOMAIN.search(text))


def _footer_line(text: str) -> bool:
    """A line that certainly belongs to the footer: a label, a listed promotion, a contact line."""
    return _promotion(text) or _label_line(text) or (_contact_word(text) and _contact(text))


def _first_footer_line(texts: list[str], han: list[int] | None = None) -> int:
    """The index of the first of the stripped ``texts`` that :func:`_footer_line` takes, or the end.

    :func:`_footer_line` is asked only about the lines that may be one, found
    by tests in C over all the lines at once: those that start with a
    promotion's first words, the short ones whose label key is a label, and
    those shorter than 200 characters holding a contact word. ``han``, the
    texts' Han characters if counted, spares the Chinese words' search the
    texts with fewer than two.
    """
    indices = range(len(texts))
    lengths = list(map(len, texts))
    candidates = set(compress(indices, map(str.startswith, texts, repeat(_promotion_prefixes()))))
    candidates.update(_label_lines(texts, lengths))
    below = list(compress(indices, map(gt, repeat(200), lengths)))
    below_han = None if han is None else [han[k] for k in below]
    candidates.update(below[k] for k in _contact_lines([texts[k] for k in below], below_han))
    for k in sorted(candidates):
        if _footer_line(texts[k]):
            return k
    return len(texts)


def _label_lines(texts: list[str], lengths: list[int]) -> Iterator[int]:
    """The indices of the stripped ``texts`` that :func:`_label_line` takes, by ``map`` in C.

    A label key is never shorter than the text it folds (only ``İ`` grows
    when lower-cased), so only texts no longer than the longest label are folded.
    """
    labels = common.label_set("aggregator_tag_labels") | common.label_set(
        "aggregator_footer_labels"
    )
    short = list(compress(range(len(texts)), map(gt, repeat(40), lengths)))
    bare = list(map(str.strip, map(str.rstrip, [texts[k] for k in short], repeat(":："))))
    longest = max(map(len, labels), default=0)
    fits = list(compress(range(len(bare)), map(ge, repeat(longest), map(len, bare))))
    keys = map(str.lower, map(to_simplified, [bare[k] for k in fits]))
    return (short[fits[k]] for k in compress(range(len(fits)), map(labels.__contains__, keys)))


def _contact_lines(texts: list[str], han: list[int] | None = None) -> set[int]:
    """The indices of ``texts`` that may hold a contact word (all those that do, by tests in C).

    The words are looked for in all the texts joined by newlines: the English
    ones in the UTF-8 bytes folded by ``bytes.lower``, as ``str.lower`` folds
    them (only ``İ`` and the Kelvin sign lower-case to ASCII letters), a hit's
    line being the count of newlines before it; the Chinese ones by one
    search (faster than a search for each in the bytes) over the texts that
    hold two Han characters or more (every Chinese word is two), if ``han``
    counts them. Texts holding ``ı``, ``İ`` or the Kelvin sign are asked
    :func:`_contact_word` one by one.
    """
    joined = "\n".join(texts)
    if "ı" in joined or "İ" in joined or "\u212a" in joined:
        return set(compress(range(len(texts)), map(_contact_word, texts)))
    found: set[int] = set()
    folded = joined.encode("utf-8", "surrogatepass").lower()
    for word in (b"mail", b"contact", b"feedback"):  # "mail": email and e-mail
        if word in folded:
            pieces = folded.split(word)  # a hit's line: the newlines before it
            found.update(accumulate(map(bytes.count, pieces[:-1], repeat(b"\n"))))
    chinese = list(range(len(texts)))
    if han is not None:
        chinese = list(compress(chinese, map(le, repeat(2), han)))
    zh_texts = [texts[k] for k in chinese]
    hits = [match.start() for match in _CONTACT_WORD_ZH.finditer("\n".join(zh_texts))]
    if hits:
        starts = list(accumulate(map((1).__add__, map(len, zh_texts)), initial=0))
        found.update(chinese[bisect_right(starts, hit) - 1] for hit in hits)
    return found


def _brands(text: str) -> set[str]:
    """Distinctive words of the host names a contact line prints.

    ``marginalia`` in ``marginalia.example.com``: an app's footer names the app
    with them, so a slogan that says the name belongs to the footer.
    """
    if not _contact(text):
        return set()
    hosts = [m.group().split("@")[-1] for m in _EMAIL.finditer(text)]
    hosts += [m.group() for m in _DOMAIN.finditer(text)]
    hosts += [m.group() for m in _URL_IN_TEXT.finditer(text)]
    out: set[str] = set()
    for host in hosts:
        host = re.sub(r"^(?:https?://)?", "", host.lower()).split("/")[0]
        for label in host.split(".")[:-1]:
            if len(label) > 3 and label not in _GENERIC_HOST_WORDS:
                out.add(label)
    return out


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def _footer_shaped(text: str, body_language: str) -> str | None:
    """The rule by which a line just before the footer belongs to it, or None.

    Reader apps print their name, slogan and download line before the tag
    label: lines in another language than the English body, short lines that
    do not end like a sentence (an app name), contact lines.
    """
    if leading_emoji(text) is not None:
        return None
    if _contact(text):
        return "contact-line"
    language = language_of(text)
    if language is not None and language != body_language:
        return "other-language-before-footer"
    if len(text) <= 40 and not text.rstrip(_CLOSERS).endswith(_TERMINAL):
        return "short-line-before-footer"
    return None


def _template(text: str) -> bool:
    return len(text) < 2000 and _TEMPLATE.fullmatch(text) is not None


def _url(text: str) -> bool:
    return len(text) < 4000 and _URL.fullmatch(text) is not None


def _header(text: str) -> re.Match[str] | None:
    if len(text) > _MAX_HEADER:
        return None
    match = _HEADER.fullmatch(text)
    if match is None:
        return None
    try:
        _date_of(match)
    except ValueError:
        return None
    return match


def _date_of(match: re.Match[str]) -> model.PartialDate:
    year, day = match.group("y"), match.group("d")
    return model.PartialDate(
        int(year) if year else None, int(match.group("m")), int(day) if day else None
    )


def _outlet(label: str) -> str:
    folded = to_simplified(label)
    for channel in load_list("outlet_channels"):
        if folded.endswith(to_simplified(channel)) and len(label) > len(channel):
            rest = label[: -len(channel)]
            if rest[-1].isspace():
                return rest.rstrip()
    return label


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is a reader-app page; looks at its first and last lines.

    >>> sniff("Example Wire News 03月14日\nA headline\nindex_new5.html").confidence > 0.5
    True
    """
    ev = common.Evidence(FORMAT)
    lines = list(common.sample_content(text))
    if not lines:
        return ev.guess()
    head, tail = lines[:12], lines[-30:]
    first = lines[0].lstrip("\ufeff")
    if not first.startswith("<") and _header(first) is not None:
        match = _header(first)
        if match is not None and match.group("label"):
            ev.add(0.35, "line 1 names an outlet and a Chinese-style date such as 01月25日")
    if any(_template(line) for line in head):
        ev.add(0.25, "template residue (.html file names) near the top")
    points = sum(1 for line in lines[:80] if leading_emoji(line))
    if points >= 2:
        ev.add(0.15, f"{points} lines start with an emoji (key points)")
    if any(_tag_label(line) for line in tail):
        ev.add(0.2, "a tag label such as 相关标签 in the footer")
    if any(_promotion(line) for line in tail):
        ev.add(0.15, "reader-app promotion in the footer")
    languages = [language_of(line) for line in lines[:60]]
    en, zh = languages.count("en"), languages.count("zh")
    if en >= 3 and zh >= 1 and en > zh:
        ev.add(0.1, "English paragraphs after Chinese lines")
    if first.startswith("<"):
        ev.add(-0.5, "starts with markup")
    return ev.guess()


def _read(page: Page) -> Source:
    """Read a reader-app page (see the module docstring for its parts)."""
    lines = page.content_columns()  # records are made only for the lines looked at alone
    header = common.Header()
    i = 0

    head = _header(lines[0].stripped) if lines else None
    if head is not None:
        line = lines[0]
        off = line.indent
        label = head.group("label")
        if label:
            header.outlet = outlet = _outlet(label)
            header.fields.append(page.field("outlet", line, off, off + len(outlet)))
            if outlet != label:
                header.extra.append(("outlet_label", label))
                header.fields.append(page.field("outlet_label", line, off, off + head.end("label")))
        header.published = _date_of(head)
        header.fields.append(page.match_field("published", line, head, "date"))
        if head.group("time"):
            header.extra.append(("published_time", head.group("time")))
            header.fields.append(page.match_field("published_time", line, head, "time"))
        i = 1
    else:
        page.warn(
            "missing-header",
            "no header line (outlet name, then a date such as 01月25日): "
            "the outlet and the publication date are unknown",
            lines[0].number if lines else None,
        )

    # Headline, template residue and a source link, up to the first other line.
    while i < len(lines):
        line = lines[i]
        content = line.stripped
        if _template(content):
            page.add_line_boilerplate("template", line)
        elif _url(content) and header.url is None:
            header.url = content
            header.fields.append(page.field("url", line))
        elif (
            header.title is None
            and not _footer_line(content)
            and leading_emoji(content) is None
            and not _url(content)
        ):
            header.title = content
            header.fields.append(page.field("title", line))
        else:
            break
        i += 1

    # Every line from the headline on: stripped once, its leading emoji matched
    # and its script counted once (in C), for the footer search and the body.
    texts_after = list(map(str.strip, lines.texts[i:]))
    latin, han = script_counts_many(texts_after)
    footer = i + _first_footer_line(texts_after, han)
    texts_before = texts_after[: footer - i]
    latin, han = latin[: footer - i], han[: footer - i]
    marks_before = list(map(_LEADING_EMOJI.match, texts_before))  # leading_emoji of each, in C
    each_before = common.languages_of_counts(latin, han)[1]
    footer_rules = _footer_start(lines, i, footer, texts_before, marks_before, each_before)
    footer -= len(footer_rules)
    region = lines[i:footer]
    n = footer - i
    region_texts, marks = texts_before[:n], marks_before[:n]
    first_en = next(_plain_english(each_before[:n], marks), None)
    if first_en is not None:
        count = first_en
    else:
        # No English body: the summary is Chinese abstract lines then a run of points.
        k = 0
        while k < len(region) and marks[k] is None:
            k += 1
        while k < len(region) and marks[k] is not None:
            k += 1
        count = k if any(marks[:k]) else 0
    summary_lines, body_lines = region[:count], region[count:]

    texts = region_texts[count:]
    found, each = common.languages_of_counts(latin[count:n], han[count:n])
    body_language = found or (language_of(header.title) if header.title else None)
    language = body_language or "en"
    main_id = page.article_id(language)
    template = list(  # _template of each, in C
        map(
            and_, map(gt, repeat(2000), map(len, texts)), map(bool, map(_TEMPLATE.fullmatch, texts))
        )
    )
    for k in compress(range(len(body_lines)), template):
        page.add_line_boilerplate("template", body_lines[k])
    prose = list(map(not_, template))
    body = page.line_blocks(
        model.BlockKind.PARAGRAPH,
        body_lines.select(prose),
        common.foreign(compress(each, prose), language),
    )
    if not body:
        page.warn("missing-body", "no body paragraphs between the headline and the footer")

    found, each = common.languages_of_counts(latin[:count], han[:count])
    summary_language = found or "zh"
    summary_blocks = _summary_blocks(
        page, summary_lines, region_texts[:count], marks[:count], each, summary_language
    )

    for line, rule in zip(lines[footer:], footer_rules, strict=False):
        page.add_line_boilerplate("contact" if rule == "contact-line" else "promotion", line, rule)
        if language_of(line.text) == language and line.stripped.endswith(_TERMINAL):
            page.warn(
                "demoted-prose",
                f"a line ending like a sentence was read as the app's footer ({rule}): "
                f"{line.stripped[:80]!r}",
                line.number,
            )
    header.tags, tag_fields = _read_footer(page, lines[footer + len(footer_rules) :])
    header.fields.extend(tag_fields)
    if footer == len(lines):
        page.warn(
            "missing-footer",
            "no app footer (promotion, 相关标签 and its tags): the page may be cut short",
            None,
        )

    main = page.article(language, model.ArticleKind.NEWS, body, header)
    articles = [main]
    relations = []
    if summary_blocks:
        summary_id = page.article_id(f"{summary_language}-summary")
        if summary_id == main_id:  # pragma: no cover - languages differ by construction
            summary_id += "-2"
        articles.append(
            model.Article(
                id=summary_id,
                language=summary_language,
                kind=model.ArticleKind.SUMMARY,
                blocks=summary_blocks,
                provenance=page.provenance(),
            )
        )
        relations.append(model.Relation(model.RelationKind.SUMMARY_OF, summary_id, main_id))
    return page.source(articles, relations=relations)


def _plain_english(each: list[str | None], marks: list[re.Match[str] | None]) -> Iterator[int]:
    """The indices of the lines whose language is English and that start with no emoji (in C)."""
    english = map(eq, each, repeat("en"))
    return compress(range(len(each)), map(and_, english, map(is_, marks, repeat(None))))


def _summary_blocks(
    page: Page,
    lines: Sequence[Line],
    texts: list[str],
    marks: list[re.Match[str] | None],
    languages: list[str | None],
    summary_language: str,
) -> list[model.Block]:
    """The summary's blocks: a point for a line after its emoji, else a paragraph (made in bulk).

    ``texts`` are the lines' stripped texts, ``marks`` their leading emoji,
    ``languages`` the :func:`language_of` of each (kept when it is not the
    summary's).
    """
    rests = [
        text[mark.end() :].strip() if mark else "" for text, mark in zip(texts, marks, strict=True)
    ]
    langs = common.foreign(languages, summary_language)
    spans = page.line_spans(lines)
    point, paragraph = model.BlockKind.POINT, model.BlockKind.PARAGRAPH
    return trusted_blocks(
        [point if rest else paragraph for rest in rests],
        [rest or text for rest, text in zip(rests, texts, strict=True)],
        spans,
        langs,
        [mark.group() if rest and mark else None for rest, mark in zip(rests, marks, strict=True)],
    )


read = common.page_reader(FORMAT, _read)


def _footer_start(
    lines: LineColumns,
    begin: int,
    footer: int,
    texts: list[str],
    marks: list[re.Match[str] | None],
    each: list[str | None],
) -> list[str]:
    """Rules of the footer-shaped lines just before ``lines[footer]`` (earliest first).

    Only when the first recognised footer line is there at all; at least one
    English body line stays before the footer. ``texts``, ``marks`` and
    ``each`` are the stripped texts, leading emoji and :func:`language_of` of
    ``lines[begin:footer]``.
    """
    if footer >= len(lines):
        return []
    body_language = _body_language(texts, marks, each)
    rules: list[str] = []
    brands: set[str] = set()
    for line in lines[footer : footer + 12]:
        brands |= _brands(line.stripped)
    k = footer
    while k - 1 > begin:
        text = lines[k - 1].stripped
        rule = _footer_shaped(text, body_language)
        if rule is None and brands & _words(text):
            rule = "names-the-app"
        if rule is None:
            break
        brands |= _brands(text)
        rules.append(rule)
        k -= 1
    rules.reverse()
    return rules


def _body_language(
    texts: list[str], marks: list[re.Match[str] | None], each: list[str | None]
) -> str:
    """The body's language, as :func:`_footer_start` judges lines: English when any is there.

    English when a line without a leading emoji is English and ends like a
    sentence (the format's usual case); otherwise the language of most lines
    without a leading emoji. ``texts`` are stripped; ``marks`` and ``each``
    are their leading emoji and :func:`language_of`.
    """
    if any(texts[k].rstrip(_CLOSERS).endswith(_TERMINAL) for k in _plain_english(each, marks)):
        return "en"
    return main_language(compress(texts, map(is_, marks, repeat(None)))) or "en"


def _read_footer(page: Page, lines: Sequence[Line]) -> tuple[list[str], list[model.FieldSpan]]:
    """Record the footer lines; return the tags and their field spans."""
    tags: list[str] = []
    fields: list[model.FieldSpan] = []
    mode = "promotion"
    for line in lines:
        content = line.stripped
        if _tag_label(content):
            page.add_line_boilerplate("footer-label", line, "tag-label")
            mode = "tags"
        elif _footer_label(content):
            page.add_line_boilerplate("footer-label", line, "related-label")
            mode = "related"
        elif _promotion(content):
            page.add_line_boilerplate("promotion", line, "promotion-list")
            mode = "promotion"
        elif _contact(content):
            page.add_line_boilerplate("contact", line, "contact-line")
        elif mode == "tags":
            for match in re.finditer(r"\S+", line.text):
                tags.append(match.group())
                fields.append(page.field("tags", line, match.start(), match.end()))
        else:
            page.add_line_boilerplate(mode, line, f"after-{mode}")
    return tags, fields


def write(source: Source) -> str:
    """Print a source as a reader-app page; ``read(write(x)) == x`` for read sources.

    The main article is ``source.articles[0]``; the first article of kind
    summary, if any, supplies the abstract and key points. Boilerplate is put
    back where its kind belongs (template residue under the headline, footer
    items after the body, in the order of their spans); a byte-order mark is
    not written.

    Raises:
        ValueError: If the source has no article, or has body text but no
            title, or an outlet but no date (the layout cannot show those).
    """
    main = common.article_to_write(source, "an aggregator page")
    summary = next((a for a in source.articles[1:] if a.kind is model.ArticleKind.SUMMARY), None)
    label = main.get("outlet_label") or main.outlet
    if label is not None and main.published is None:
        raise ValueError("an aggregator header prints the outlet with a date; published is None")
    if main.title is None and (main.blocks or (summary and summary.blocks)):
        raise ValueError("an aggregator page with a body needs a title")
    head: list[str] = []
    if main.published is not None:
        date = format_chinese_date(main.published)
        time = main.get("published_time")
        head.append(" ".join(p for p in (label, date, time) if p))
    if main.title is not None:
        head.append(main.title)
    # Template residue and the link, in the order they were printed.
    lead: list[tuple[int, str]] = [
        (b.span.start if b.span is not None else -1, b.text)
        for b in source.boilerplate
        if b.kind == "template"
    ]
    if main.url is not None:
        where = _field_start(main, "url")
        lead.append((where if where is not None else _LAST, main.url))
    head.extend(text for _, text in sorted(lead, key=lambda item: item[0]))
    parts = ["\n".join(head)] if head else []
    if summary is not None:
        parts.extend(
            (b.marker or "") + b.text if b.kind is model.BlockKind.POINT else b.text
            for b in summary.blocks
        )
    parts.extend(b.text for b in main.blocks)
    footer = [b for b in source.boilerplate if b.kind not in {"template", common.BOM_KIND}]
    wrote_tags = False
    for item in footer:
        parts.append(item.text)
        if item.kind == "footer-label" and _tag_label(item.text) and not wrote_tags:
            if main.tags:
                parts.append(" ".join(main.tags))
            wrote_tags = True
    if main.tags and not wrote_tags:
        parts.append(load_list("aggregator_tag_labels")[0])
        parts.append(" ".join(main.tags))
    return "\n\n".join(parts) + "\n"


def _field_start(article: model.Article, name: str) -> int | None:
    """Where the field ``name`` of ``article`` was read, if recorded."""
    if article.provenance is None:
        return None
    for field in article.provenance.fields:
        if field.name == name:
            return field.span.start
    return None
