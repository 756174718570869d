"""TMX 1.4 and TSV export of alignments, and a safe TMX reader.

:func:`to_tmx` writes one ``<tu>`` per bead with one ``<tuv>`` per language
(the segments of a side joined with a space for English and directly for
Chinese); empty sides are written as an empty ``<seg/>`` so that omissions
stay visible. :func:`read_tmx` reads such files back into an
:class:`~aistress.model.Alignment` of 1-1 beads over the translation units.
It never expands entities, never loads a DTD and never touches the network,
and any malformed input raises :class:`~aistress.errors.ParseError`.

>>> from aistress.model import Alignment, Bead
>>> a = Alignment([Bead((0,), (0,))], source_segments=["Hi."], target_segments=["你好。"])
>>> back = read_tmx(to_tmx(a))
>>> list(back.pairs())
[(('Hi.',), ('你好。',))]
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from lxml import etree

from aistress.errors import ParseError
from aistress.io.atomic import write_bytes, write_text
from aistress.model import Alignment, Bead
from aistress.text.language import is_chinese

__all__ = ["read_tmx", "to_tmx", "to_tsv", "write_tmx", "write_tsv"]

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _joined(segments: tuple[str, ...], language: str) -> str:
    return ("" if is_chinese(language) else " ").join(s.strip() for s in segments)


def to_tmx(
    alignment: Alignment,
    *,
    source_language: str = "en",
    target_language: str = "zh-CN",
    creation_tool: str = "aistress",
    creation_tool_version: str = "1",
) -> bytes:
    """Return the alignment as a TMX 1.4 document (UTF-8 bytes).

    The header carries every attribute TMX 1.4 requires (``creationtool``,
    ``creationtoolversion``, ``segtype``, ``o-tmf``, ``adminlang``,
    ``srclang``, ``datatype``); ``segtype`` is ``sentence`` or ``paragraph``
    after the alignment's unit. Each ``<tu>`` records its bead's indices and
    score as ``<prop>`` elements. Linear in the size of the alignment.
    """
    root = etree.Element("tmx", version="1.4")
    segtype = "paragraph" if alignment.unit == "paragraph" else "sentence"
    etree.SubElement(
        root,
        "header",
        creationtool=creation_tool,
        creationtoolversion=creation_tool_version,
        segtype=segtype,
        attrib={
            "o-tmf": "aistress",
            "adminlang": "en",
            "srclang": source_language,
            "datatype": "plaintext",
        },
    )
    body = etree.SubElement(root, "body")
    for bead, (src, tgt) in zip(alignment.beads, alignment.pairs(), strict=True):
        tu = etree.SubElement(body, "tu")
        for name, value in (
            ("x-source", ",".join(map(str, bead.source))),
            ("x-target", ",".join(map(str, bead.target))),
            ("x-score", repr(bead.score)),
        ):
            prop = etree.SubElement(tu, "prop", type=name)
            prop.text = value
        for language, segments in ((source_language, src), (target_language, tgt)):
            tuv = etree.SubElement(tu, "tuv", attrib={_XML_LANG: language})
            seg = etree.SubElement(tuv, "seg")
            seg.text = _joined(segments, language)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def write_tmx(alignment: Alignment, path: str | os.PathLike[str], **kwargs: str) -> None:
    """Write :func:`to_tmx` output to ``path`` (atomically: all or nothing)."""
    write_bytes(path, to_tmx(alignment, **kwargs))


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def read_tmx(
    data: bytes | str | os.PathLike[str],
    *,
    source_language: str = "en",
    target_language: str | None = None,
) -> Alignment:
    """Read a TMX document into an alignment of its translation units.

    Args:
        data: TMX bytes or text, or a path to a TMX file (a string is
            taken as a path only when it names an existing file and holds
            no ``<`` or line break).
        source_language: The ``xml:lang`` of the source side (case-insensitive,
            ``en`` also matches ``en-US``).
        target_language: The target side's ``xml:lang``; None takes the
            first other language of each unit.

    Every ``<tu>`` becomes one 1-1 bead (or a null bead when a side is
    empty). Entities are never expanded (a document that uses one beyond
    XML's five is refused), no DTD is loaded and nothing is fetched from
    the network.

    Raises:
        ParseError: If the input is not well-formed TMX.
    """
    path = "<string>"
    if isinstance(data, os.PathLike) or (isinstance(data, str) and _names_a_file(data)):
        path = os.fsdecode(data)
        try:
            raw = Path(data).read_bytes()
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            reason = getattr(exc, "strerror", None) or str(exc)
            raise ParseError(path, 0, 0, f"cannot read the file: {reason}") from None
    elif isinstance(data, str):
        try:
            raw = data.encode("utf-8")
        except UnicodeEncodeError as exc:
            line = data.count("\n", 0, exc.start) + 1
            column = exc.start - (data.rfind("\n", 0, exc.start) + 1) + 1
            raise ParseError(path, line, column, "the text holds a lone surrogate") from None
    else:
        raw = bytes(data)
    try:
        root = etree.fromstring(raw, _parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        line, column = getattr(exc, "position", None) or (0, 0)
        reason = getattr(exc, "msg", None) or str(exc)
        raise ParseError(path, line, column, f"not well-formed XML: {reason}") from None
    for node in root.iter(etree.Entity):
        name = str(node.text)
        raise ParseError(
            path, _line(node), 0, f"entity {name} is not expanded: TMX text needs none"
        )
    if root.tag != "tmx":
        raise ParseError(path, _line(root), 0, f"root element is <{root.tag}>, not <tmx>")
    body = root.find("body")
    if body is None:
        raise ParseError(path, _line(root), 0, "a TMX document needs a <body>")
    src_segs: list[str] = []
    tgt_segs: list[str] = []
    beads: list[Bead] = []
    for tu in body.iter("tu"):
        texts: dict[str, str] = {}
        order: list[str] = []
        for tuv in tu.iter("tuv"):
            lang = (tuv.get(_XML_LANG) or tuv.get("lang") or "").lower()
            if not lang:
                raise ParseError(path, _line(tuv), 0, "a <tuv> needs an xml:lang")
            seg = tuv.find("seg")
            if seg is None:
                raise ParseError(path, _line(tuv), 0, "a <tuv> needs a <seg>")
            texts[lang] = "".join(str(piece) for piece in seg.itertext())
            order.append(lang)
        src = _pick(texts, order, source_language.lower(), None)
        tgt = _pick(texts, order, target_language.lower() if target_language else None, src[0])
        s_idx: tuple[int, ...] = ()
        t_idx: tuple[int, ...] = ()
        if src[1]:
            s_idx = (len(src_segs),)
            src_segs.append(src[1])
        if tgt[1]:
            t_idx = (len(tgt_segs),)
            tgt_segs.append(tgt[1])
        if s_idx or t_idx:
            beads.append(Bead(s_idx, t_idx))
    header = root.find("header")
    unit = (
        "paragraph" if header is not None and header.get("segtype") == "paragraph" else "sentence"
    )
    return Alignment(beads, unit=unit, source_segments=src_segs, target_segments=tgt_segs)


def _names_a_file(text: str) -> bool:
    """Whether a string handed to :func:`read_tmx` is the name of an existing file.

    A string holding ``<``, a line break or a NUL is a document, as is one
    that names no file (it is then reported as not well-formed XML).
    """
    if "<" in text or "\n" in text or "\0" in text:
        return False
    try:
        return os.path.isfile(text)
    except (ValueError, UnicodeEncodeError):
        return False


def _line(element: etree._Element) -> int:
    line: object = element.sourceline
    return line if isinstance(line, int) else 0


def _pick(
    texts: dict[str, str], order: list[str], wanted: str | None, not_this: str | None
) -> tuple[str | None, str]:
    for lang in order:
        if lang == not_this:
            continue
        if wanted is None or lang == wanted or lang.split("-")[0] == wanted.split("-")[0]:
            return lang, texts[lang]
    return None, ""


def to_tsv(
    alignment: Alignment, *, source_language: str = "en", target_language: str = "zh"
) -> str:
    """Return the alignment as tab-separated values: source, target, score, indices.

    One line per bead after a header line; tabs and line breaks inside the
    text are written as spaces so every bead stays on one line.
    """
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([source_language, target_language, "score", "source_ids", "target_ids"])
    for bead, (src, tgt) in zip(alignment.beads, alignment.pairs(), strict=True):
        writer.writerow(
            [
                _flat(_joined(src, source_language)),
                _flat(_joined(tgt, target_language)),
                f"{bead.score:.4f}",
                ",".join(map(str, bead.source)),
                ",".join(map(str, bead.target)),
            ]
        )
    return out.getvalue()


def write_tsv(alignment: Alignment, path: str | os.PathLike[str], **kwargs: str) -> None:
    """Write :func:`to_tsv` output to ``path`` (UTF-8, atomically: all or nothing)."""
    write_text(path, to_tsv(alignment, **kwargs))


def _flat(text: str) -> str:
    return " ".join(text.split())
