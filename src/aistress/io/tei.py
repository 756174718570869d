"""Export articles, quotes and tags as TEI P5 XML.

:func:`to_tei` writes one ``teiCorpus``: a corpus ``teiHeader`` (the taxonomy
of stressors and remedies as a ``classDecl``, every speaker as a ``person``),
then one ``TEI`` element per article with its own header (title, author,
outlet, date, URL, tags) and body (``head``, ``p`` and ``item`` per block).

- Quotes become inline ``<q>`` elements inside their paragraph, with
  ``who`` pointing at the speaker's ``person`` and ``type="scare"`` for
  scare quotes; a quote that crosses a block boundary stays a standOff
  ``span``.
- Tags become analysis pointers: each block carries ``ana`` with the
  categories tagged there, and a ``standOff`` ``spanGrp`` lists every tag
  with its evidence, rule, confidence (``cert``) and person (``resp``).
- Translations and other relations become ``link`` elements in the
  corpus header.

The XML is built with lxml, so text is escaped correctly whatever it holds.
Characters XML 1.0 forbids (most C0 controls) are dropped from text and
attributes; nothing else is changed.

>>> from aistress.model import Article, Block, Person, Quote, Span
>>> a = Article("n1", "en", "news", blocks=[Block("paragraph", "'Fast,' she said.")])
>>> q = Quote("Fast,", "en", spans=[Span("n1", 1, 6)], speaker=Person("Ada Li"), cue="said")
>>> print(to_tei([a], quotes={"n1": [q]}).split("<body>")[1].split("</body>")[0].strip())
<p xml:id="n1.b0">'<q who="#ada-li">Fast,</q>' she said.</p>
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib.metadata import version

from lxml import etree

from aistress.io.atomic import write_bytes
from aistress.model import (
    Article,
    BlockKind,
    Corpus,
    Person,
    Quote,
    QuoteKind,
    Relation,
    Remedy,
    Stressor,
    Translation,
)

__all__ = ["TEI_NS", "to_tei", "write_tei", "xml_id"]

#: The TEI namespace.
TEI_NS = "http://www.tei-c.org/ns/1.0"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = f"{{{TEI_NS}}}"
_LANG = f"{{{_XML_NS}}}lang"
_ID = f"{{{_XML_NS}}}id"

_NOT_NAME = re.compile(r"[^\w.\-]")

Tag = Stressor | Remedy


@functools.cache
def _not_xml() -> re.Pattern[str]:
    """The characters XML 1.0 cannot hold, compiled on first use.

    Compiling the class takes milliseconds, which every command importing
    this module (``aistress report`` too) would otherwise pay.
    """
    return re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _not_xml().sub("", text)


def xml_id(text: str) -> str:
    """Turn any id into a valid ``xml:id`` (an NCName), deterministically.

    >>> xml_id("000_827c#en"), xml_id("Mira Solberg"), xml_id("林雨晴")
    ('id-000_827c-en', 'mira-solberg', '林雨晴')
    """
    name = _NOT_NAME.sub("-", text.strip()).strip("-").lower() or "x"
    if not (name[0].isalpha() or name[0] == "_"):
        name = f"id-{name}"
    return name


def _sub(
    parent: etree._Element, tag: str, text: str | None = None, **attrib: str
) -> etree._Element:
    element = etree.SubElement(parent, _T + tag)
    for key, value in attrib.items():
        element.set(_LANG if key == "lang" else _ID if key == "id" else key, _clean(value))
    if text is not None:
        element.text = _clean(text)
    return element


def _person_ids(
    quotes: Mapping[str, Sequence[Quote]], tags: Mapping[str, Sequence[Tag]]
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    found: list[Person | None] = [q.speaker for qs in quotes.values() for q in qs]
    found.extend(
        t.raised_by if isinstance(t, Stressor) else t.proposed_by
        for ts in tags.values()
        for t in ts
    )
    for person in found:
        if person is not None:
            people.setdefault(xml_id(person.name), person)
    return people


def _corpus_header(
    root: etree._Element,
    title: str,
    people: Mapping[str, Person],
    categories: Sequence[tuple[str, str, Mapping[str, str]]],
    links: Sequence[Relation | Translation],
) -> None:
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "p", f"Exported by aistress {version('aistress')}.")
    _sub(
        _sub(file_desc, "sourceDesc"), "p", "Articles read from the files named in each TEI header."
    )
    if categories:
        taxonomy = _sub(
            _sub(_sub(header, "encodingDesc"), "classDecl"), "taxonomy", id="aistress-taxonomy"
        )
        for category_id, kind, labels in categories:
            category = _sub(taxonomy, "category", id=f"cat-{xml_id(category_id)}", n=kind)
            for lang, label in labels.items():
                _sub(category, "catDesc", label, lang=lang)
    if people:
        persons = _sub(_sub(_sub(header, "profileDesc"), "particDesc"), "listPerson")
        for pid, person in people.items():
            element = _sub(persons, "person", id=pid)
            _sub(element, "persName", person.name)
            for alias in person.aliases:
                _sub(element, "persName", alias, type="alias")
            if person.role:
                _sub(element, "occupation", person.role)
            if person.affiliation:
                _sub(element, "affiliation", person.affiliation)
    if links:
        group = _sub(_sub(header, "xenoData"), "linkGrp", type="relations")
        for link in links:
            if isinstance(link, Translation):
                _sub(
                    group,
                    "link",
                    type="translation_of",
                    target=f"#{xml_id(link.target)} #{xml_id(link.source)}",
                )
            else:
                _sub(
                    group,
                    "link",
                    type=link.kind.value,
                    target=f"#{xml_id(link.subject)} #{xml_id(link.target)}",
                )


def _article_header(tei: etree._Element, article: Article) -> None:
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", article.title or article.id)
    if article.subtitle:
        _sub(title_stmt, "title", article.subtitle, type="sub")
    if article.author:
        _sub(title_stmt, "author", article.author)
    if article.editor:
        _sub(title_stmt, "editor", article.editor)
    publication = _sub(file_desc, "publicationStmt")
    if article.outlet:
        _sub(publication, "publisher", article.outlet)
    if article.published is not None:
        _sub(publication, "date", article.published.isoformat(), when=article.published.isoformat())
    if article.url:
        _sub(publication, "idno", article.url, type="URI")
    if not len(publication):
        _sub(publication, "p", "Unknown.")
    source_desc = _sub(file_desc, "sourceDesc")
    bibl = _sub(source_desc, "bibl", type=article.kind.value)
    if article.provenance is not None:
        if article.provenance.path:
            _sub(bibl, "ref", article.provenance.path, type="path")
        _sub(bibl, "note", article.provenance.format, type="format")
    for key, value in article.extra:
        _sub(bibl, "note", value, type=key)
    if article.tags:
        keywords = _sub(_sub(_sub(header, "profileDesc"), "textClass"), "keywords")
        for tag in article.tags:
            _sub(keywords, "term", tag)


def _block_element(kind: BlockKind) -> str:
    return {BlockKind.HEADING: "head", BlockKind.LIST_ITEM: "item", BlockKind.POINT: "item"}.get(
        kind, "p"
    )


def _fill(
    element: etree._Element,
    text: str,
    start: int,
    quotes: Sequence[tuple[int, int, Quote]],
) -> None:
    """Write ``text`` (starting at ``start`` in the article) into ``element`` with inline ``q``."""
    at = 0
    last: etree._Element | None = None
    element.text = ""
    for q_start, q_end, quote in quotes:
        a, b = q_start - start, q_end - start
        if a < at:  # overlapping quotes: keep the first
            continue
        chunk = _clean(text[at:a])
        if last is None:
            element.text = (element.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        attrib: dict[str, str] = {}
        if quote.speaker is not None:
            attrib["who"] = f"#{xml_id(quote.speaker.name)}"
        if quote.kind is QuoteKind.SCARE:
            attrib["type"] = "scare"
        if quote.anonymous:
            attrib["rend"] = "anonymous"
        last = _sub(element, "q", text[a:b], **attrib)
        at = b
    tail = _clean(text[at:])
    if last is None:
        element.text = (element.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail


def _article(
    root: etree._Element,
    article: Article,
    quotes: Sequence[Quote],
    tags: Sequence[Tag],
) -> None:
    aid = xml_id(article.id)
    tei = _sub(root, "TEI", id=aid, lang=article.language)
    _article_header(tei, article)
    body = _sub(_sub(tei, "text"), "body")

    by_block: dict[int, list[tuple[int, int, Quote]]] = {}
    loose: list[Quote] = []
    for quote in quotes:
        for span in quote.spans:
            if span.doc != article.id or span.end > len(article.text) or not article.blocks:
                continue
            index = article.block_at(span.start)
            block_span = article.block_span(index)
            if block_span.start <= span.start and span.end <= block_span.end:
                by_block.setdefault(index, []).append((span.start, span.end, quote))
            else:
                loose.append(quote)
    categories_at: dict[int, list[str]] = {}
    for tag in tags:
        if tag.block is not None:
            categories_at.setdefault(tag.block, []).append(f"#cat-{xml_id(tag.category)}")

    for index, block in enumerate(article.blocks):
        attrib = {"id": f"{aid}.b{index}"}
        if block.kind is BlockKind.HEADING and block.level:
            attrib["rend"] = f"h{block.level}"
        if block.marker:
            attrib["n"] = block.marker
        if index in categories_at:
            attrib["ana"] = " ".join(dict.fromkeys(categories_at[index]))
        element = _sub(body, _block_element(block.kind), **attrib)
        spans = sorted(by_block.get(index, ()), key=lambda item: (item[0], -item[1]))
        _fill(element, block.text, article.block_span(index).start, spans)
    if not article.blocks:
        _sub(body, "p")

    if tags or loose:
        stand_off = _sub(tei, "standOff")
        if tags:
            group = _sub(stand_off, "spanGrp", type="tags")
            for tag in tags:
                person = tag.raised_by if isinstance(tag, Stressor) else tag.proposed_by
                attrib = {
                    "ana": f"#cat-{xml_id(tag.category)}",
                    "type": "stressor" if isinstance(tag, Stressor) else "remedy",
                    "cert": f"{tag.confidence:.2f}",
                }
                if tag.block is not None:
                    attrib["target"] = f"#{aid}.b{tag.block}"
                if tag.rule:
                    attrib["source"] = tag.rule
                if person is not None:
                    attrib["resp"] = f"#{xml_id(person.name)}"
                evidence = " … ".join(
                    e.slice(article.text) for e in tag.evidence if e.doc == article.id
                )
                _sub(group, "span", evidence, **attrib)
        if loose:
            group = _sub(stand_off, "spanGrp", type="quotes")
            for quote in loose:
                attrib = {"type": "q"}
                if quote.speaker is not None:
                    attrib["resp"] = f"#{xml_id(quote.speaker.name)}"
                _sub(group, "span", quote.text, **attrib)


def _tei_corpus(
    articles: Corpus | Iterable[Article],
    quotes: Mapping[str, Sequence[Quote]],
    tags: Mapping[str, Sequence[Tag]],
    categories: Sequence[tuple[str, str, Mapping[str, str]]],
    relations: Sequence[Relation | Translation],
    title: str,
) -> etree._Element:
    links: list[Relation | Translation] = list(relations)
    if isinstance(articles, Corpus):
        links = [*articles.translations, *articles.all_relations, *links]
        articles = articles.articles
    root = etree.Element(_T + "teiCorpus", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    _corpus_header(root, title, _person_ids(quotes, tags), categories, links)
    for article in articles:
        _article(root, article, quotes.get(article.id, ()), tags.get(article.id, ()))
    return root


def to_tei(
    articles: Corpus | Iterable[Article],
    *,
    quotes: Mapping[str, Sequence[Quote]] | None = None,
    tags: Mapping[str, Sequence[Tag]] | None = None,
    categories: Sequence[tuple[str, str, Mapping[str, str]]] = (),
    relations: Sequence[Relation | Translation] = (),
    title: str = "aistress corpus",
) -> str:
    """Write articles as one TEI P5 ``teiCorpus`` document.

    Args:
        articles: A :class:`~aistress.model.Corpus` (its translations and
            relations are exported too) or any articles.
        quotes: Quotes per article id, as returned by quote extraction.
        tags: Stressor and remedy tags per article id.
        categories: ``(id, kind, {language: label})`` for every category the
            tags may name, written as the corpus taxonomy.
        relations: Further relations or translations to export as links.
        title: The corpus title.

    Returns:
        The XML document as a string, without an XML declaration (use
        :func:`write_tei` for a file). Time and memory are linear in the size
        of the articles, quotes and tags.
    """
    root = _tei_corpus(articles, quotes or {}, tags or {}, categories, relations, title)
    return etree.tostring(root, encoding="unicode", pretty_print=True)


def write_tei(
    articles: Corpus | Iterable[Article],
    path: str | os.PathLike[str],
    *,
    quotes: Mapping[str, Sequence[Quote]] | None = None,
    tags: Mapping[str, Sequence[Tag]] | None = None,
    categories: Sequence[tuple[str, str, Mapping[str, str]]] = (),
    relations: Sequence[Relation | Translation] = (),
    title: str = "aistress corpus",
) -> None:
    """Write :func:`to_tei` output to ``path`` as UTF-8 with an XML declaration.

    The file is written atomically: all or nothing. Arguments as for
    :func:`to_tei`.
    """
    root = _tei_corpus(articles, quotes or {}, tags or {}, categories, relations, title)
    write_bytes(
        path, etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    )
