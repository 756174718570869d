from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from lxml import etree

from aistress.alignment import read_tmx, to_tmx, to_tsv, write_tmx
from aistress.errors import ParseError
from aistress.model import Alignment, Bead
from aistress.testing import strategies as st_ai

ALIGNMENT = Alignment(
    [Bead((0,), (0,), 1.5), Bead((1, 2), (1,), 0.25), Bead((), (2,), -5.0)],
    unit="sentence",
    source_segments=["The pace is fast.", "People are tired.", "Very tired."],
    target_segments=["节奏很快。", "人们非常疲惫。", "译者补充的一句。"],
)


def test_tmx_header_has_required_attributes() -> None:
    """The TMX header carries every attribute TMX 1.4 requires."""
    root = etree.fromstring(to_tmx(ALIGNMENT))
    assert root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    for name in (
        "creationtool",
        "creationtoolversion",
        "segtype",
        "o-tmf",
        "adminlang",
        "srclang",
        "datatype",
    ):
        assert header.get(name), name
    assert header.get("srclang") == "en"


def test_tmx_has_one_tu_per_bead_with_languages() -> None:
    """Each bead becomes one tu with an en and a zh-CN tuv."""
    root = etree.fromstring(to_tmx(ALIGNMENT))
    tus = root.findall("body/tu")
    assert len(tus) == 3
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [t.get(lang) for t in tus[1].findall("tuv")] == ["en", "zh-CN"]
    assert tus[1].findtext("tuv/seg") == "People are tired. Very tired."


def test_tmx_round_trip(tmp_path: Path) -> None:
    """A written TMX file reads back with the same segment pairs."""
    path = tmp_path / "a.tmx"
    write_tmx(ALIGNMENT, path)
    back = read_tmx(path)
    assert [(s, t) for s, t in back.pairs()] == [
        (("The pace is fast.",), ("节奏很快。",)),
        (("People are tired. Very tired.",), ("人们非常疲惫。",)),
        ((), ("译者补充的一句。",)),
    ]


@given(st_ai.alignments())
def test_tmx_export_never_fails(alignment: Alignment) -> None:
    """Any alignment exports to well-formed TMX with one tu per bead."""
    try:
        data = to_tmx(alignment)
    except ValueError:
        # lxml refuses control characters that XML cannot hold.
        return
    assert len(etree.fromstring(data).findall("body/tu")) == len(alignment.beads)


_TU = (
    b'<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>a&%s;</seg></tuv>'
    b'<tuv xml:lang="zh"><seg>b</seg></tuv></tu></body></tmx>'
)


@pytest.mark.parametrize(
    ("doctype", "entity"),
    [
        (b'<!DOCTYPE tmx [<!ENTITY boom "EXPANDED">]>', b"boom"),  # defined, never expanded
        (b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">', b"xxe"),  # undefined (the DTD is never loaded)
    ],
)
def test_tmx_reader_refuses_entities(doctype: bytes, entity: bytes) -> None:
    """An entity reference raises ParseError: never expanded, never kept as a literal '&xxe;'."""
    doc = b'<?xml version="1.0"?>' + doctype + _TU % entity
    with pytest.raises(ParseError, match=f"entity &{entity.decode()}; is not expanded"):
        read_tmx(doc)


def test_tmx_reader_refuses_external_entities(tmp_path: Path) -> None:
    """An external entity naming a local file is not read."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&x;</seg></tuv>'
        '<tuv xml:lang="zh"><seg>b</seg></tuv></tu></body></tmx>'
    ).encode()
    with pytest.raises(ParseError, match="entity") as info:
        read_tmx(doc)
    assert "SECRET" not in str(info.value)


@pytest.mark.parametrize(
    "doc",
    [
        b"<tmx><body><tu>",
        b"<nottmx/>",
        b'<tmx version="1.4"><header/></tmx>',
        b'<tmx version="1.4"><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>',
        b"\xff\xfe garbage",
    ],
)
def test_bad_tmx_raises_parse_error(doc: bytes) -> None:
    """Malformed TMX raises ParseError, never an lxml exception."""
    with pytest.raises(ParseError):
        read_tmx(doc)


def test_missing_tmx_file_raises_parse_error(tmp_path: Path) -> None:
    """A missing file raises ParseError naming it."""
    with pytest.raises(ParseError) as info:
        read_tmx(tmp_path / "missing.tmx")
    assert "missing.tmx" in info.value.path


def test_tsv_has_one_line_per_bead() -> None:
    """TSV export writes a header and one line per bead with scores and indices."""
    lines = to_tsv(ALIGNMENT).splitlines()
    assert lines[0].split("\t") == ["en", "zh", "score", "source_ids", "target_ids"]
    assert lines[2].split("\t") == [
        "People are tired. Very tired.",
        "人们非常疲惫。",
        "0.2500",
        "1,2",
        "1",
    ]
    assert len(lines) == 4


@pytest.mark.parametrize(
    "text",
    ["plain words", "abc\x00", "x\udc80y", "<tmx>\ud800</tmx>", "\x00<tmx/>", "<tmx>\x00</tmx>"],
)
def test_read_tmx_string_is_total(text: str) -> None:
    """A string that is no TMX (NUL, lone surrogates, no '<') raises ParseError, nothing else."""
    with pytest.raises(ParseError) as info:
        read_tmx(text)
    assert info.value.path == "<string>"


def test_read_tmx_string_naming_a_file_reads_it(tmp_path: Path) -> None:
    """A string naming an existing file is still read as that file."""
    path = tmp_path / "a.tmx"
    write_tmx(ALIGNMENT, path)
    assert read_tmx(str(path)) == read_tmx(path)
