"""Tests of the TEI P5 export."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from aistress.io.tei import TEI_NS, to_tei, write_tei, xml_id
from aistress.model import (
    Article,
    Block,
    Corpus,
    PartialDate,
    Person,
    Quote,
    QuoteKind,
    Relation,
    Source,
    Span,
    Stressor,
)
from aistress.testing import strategies as ais

NS = {"t": TEI_NS}


def _parse(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode("utf-8"))


def _sample() -> tuple[Article, Quote, Stressor]:
    article = Article(
        "doc#en",
        "en",
        "news",
        title="Always on",
        author="Mo Reyes",
        outlet="Example Wire",
        published=PartialDate(month=2, day=3),
        tags=["AI", "work"],
        blocks=[
            Block("heading", "Pace", level=2),
            Block("paragraph", "“We never stop,” Dana Ode said, “not even at night.”"),
        ],
    )
    start = article.block_span(1).start
    speaker = Person("Dana Ode", role="engineer")
    quote = Quote(
        "We never stop,", "en", spans=[Span("doc#en", start + 1, start + 15)], speaker=speaker
    )
    tag = Stressor(
        "overwork",
        evidence=[Span("doc#en", start + 1, start + 14)],
        rule="lexicon:en:overwork",
        confidence=0.8,
        block=1,
        raised_by=speaker,
    )
    return article, quote, tag


def test_structure_and_header() -> None:
    """The export is a teiCorpus with a header and one TEI per article holding its metadata."""
    article, quote, tag = _sample()
    root = _parse(to_tei([article], quotes={article.id: [quote]}, tags={article.id: [tag]}))
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert root.find("t:teiHeader", NS) is not None
    (tei,) = root.findall("t:TEI", NS)
    assert tei.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert tei.findtext(".//t:titleStmt/t:title", namespaces=NS) == "Always on"
    assert tei.findtext(".//t:author", namespaces=NS) == "Mo Reyes"
    assert tei.find(".//t:publicationStmt/t:date", NS).get("when") == "--02-03"
    assert [t.text for t in tei.findall(".//t:keywords/t:term", NS)] == ["AI", "work"]
    assert tei.find(".//t:body/t:head", NS).text == "Pace"


def test_quotes_inline_with_who() -> None:
    """A quote becomes an inline q whose who names a person listed in the corpus header."""
    article, quote, _ = _sample()
    root = _parse(to_tei([article], quotes={article.id: [quote]}))
    (q,) = root.findall(".//t:body//t:q", NS)
    assert q.text == "We never stop,"
    assert q.get("who") == "#dana-ode"
    person = root.find(".//t:listPerson/t:person", NS)
    assert person.get("{http://www.w3.org/XML/1998/namespace}id") == "dana-ode"
    paragraph = q.getparent()
    assert "".join(paragraph.itertext()) == article.blocks[1].text


def test_tags_as_analysis_pointers() -> None:
    """Tags put ana pointers on their block and a standOff span with evidence, cert and resp."""
    article, _, tag = _sample()
    root = _parse(
        to_tei(
            [article],
            tags={article.id: [tag]},
            categories=[
                ("overwork", "stressor", {"en": "Overwork and burnout", "zh": "过劳与倦怠"})
            ],
        )
    )
    paragraph = root.find(".//t:body/t:p", NS)
    assert paragraph.get("ana") == "#cat-overwork"
    span = root.find(".//t:standOff/t:spanGrp/t:span", NS)
    assert span.get("cert") == "0.80"
    assert span.get("resp") == "#dana-ode"
    assert span.text == "We never stop"
    assert root.find(".//t:category", NS).get("{http://www.w3.org/XML/1998/namespace}id") == (
        "cat-overwork"
    )


def test_scare_quotes_typed() -> None:
    """Scare quotes are exported with type scare."""
    article = Article("a", "en", "blog", blocks=[Block("paragraph", "a ‘war’ of sorts")])
    quote = Quote("war", "en", spans=[Span("a", 3, 6)], kind=QuoteKind.SCARE)
    root = _parse(to_tei([article], quotes={"a": [quote]}))
    assert root.find(".//t:q", NS).get("type") == "scare"


def test_corpus_relations_become_links() -> None:
    """A corpus's relations are exported as links in the corpus header."""
    a, b = Article("a", "en", "news"), Article("b", "zh", "translation")
    corpus = Corpus(
        [Source("s", "x", articles=[a, b], relations=[Relation("translation_of", "b", "a")])]
    )
    root = _parse(to_tei(corpus))
    link = root.find(".//t:linkGrp/t:link", NS)
    assert link.get("type") == "translation_of"
    assert link.get("target") == "#b #a"


def test_xml_id_is_ncname() -> None:
    """xml_id turns ids with '#', spaces or leading digits into NCNames."""
    for raw in ["000#en", "a b", "#", "-x", "名字"]:
        ident = xml_id(raw)
        assert ident[0].isalpha() or ident[0] == "_"
        etree.fromstring(f'<a xml:id="{ident}"/>'.encode())


@given(st.lists(ais.articles(), max_size=3, unique_by=lambda a: a.id))
def test_any_articles_export_to_well_formed_xml(articles: list[Article]) -> None:
    """Any articles, whatever their text, export to well-formed XML with one TEI each."""
    root = _parse(to_tei(articles))
    assert len(root.findall("t:TEI", NS)) == len(articles)


def test_write_tei_writes_the_same_document_with_a_utf8_declaration(tmp_path: Path) -> None:
    """write_tei writes to_tei's document as UTF-8 bytes with an XML declaration."""
    article, quote, tag = _sample()
    path = tmp_path / "corpus.tei.xml"
    write_tei([article], path, quotes={article.id: [quote]}, tags={article.id: [tag]})
    data = path.read_bytes()
    assert data.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    written = etree.fromstring(data)
    expected = _parse(to_tei([article], quotes={article.id: [quote]}, tags={article.id: [tag]}))
    assert etree.tostring(written) == etree.tostring(expected)
