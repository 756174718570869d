"""The structure of an HTML page: lxml elements, blocks in document order, the main text.

:mod:`aistress.formats.html` reads a page through these helpers: which
elements are blocks, which are page chrome (navigation, asides, related
links), which hold the byline and date, and, when trafilatura is installed,
which blocks hold the page's main text.
"""

from __future__ import annotations

import operator
import re
import typing
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import repeat

from lxml import etree

from aistress.errors import InvalidValueError
from aistress.formats._common import find_date
from aistress.formats._html_positions import _BR
from aistress.model import BlockKind, PartialDate

_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|[^\W\u3400-\u9fff\uf900-\ufaff]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORD_RUN = re.compile(r"\w+")
_BLOCK_TAGS = {
    "p": BlockKind.PARAGRAPH,
    "li": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.PARAGRAPH,
    "pre": BlockKind.PARAGRAPH,
    "dd": BlockKind.PARAGRAPH,
    "dt": BlockKind.PARAGRAPH,
    "div": BlockKind.PARAGRAPH,
    "figcaption": BlockKind.PARAGRAPH,
    **{f"h{n}": BlockKind.HEADING for n in range(1, 7)},
}
_CHROME = frozenset({"nav", "aside", "footer", "form", "menu", "dialog"})
_SKIP_TAGS = _CHROME | {"header", "button", "select", "figure", "svg"}
_DROP_TAGS = ("script", "style", "noscript", "template")
_BYLINE_CLASSES = frozenset({"byline", "author", "author-name", "byline-name"})
_DEK_CLASSES = frozenset({"dek", "subtitle", "standfirst", "subhead", "deck"})
_LANG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")
_KEYWORD_SPLIT = re.compile(r"[,，、;；]")
_BY = re.compile(r"^(?:by|von|par|作者)\s*[:：]?\s+", re.IGNORECASE)


def _parser() -> etree.HTMLParser:
    """The HTML parser: plain lxml elements (no ``lxml.html`` element classes to look up)."""
    return etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        remove_blank_text=False,
        collect_ids=False,
        huge_tree=False,
    )


def _line(el: etree._Element) -> int | None:
    """The source line lxml recorded for an element, if any."""
    value = getattr(el, "sourceline", None)
    return value if isinstance(value, int) else None


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").lower().split())


def _text_of(el: etree._Element) -> str:
    """All the text inside ``el`` (its tail left out), as one string serialised by lxml."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


def _holding_br(root: etree._Element) -> set[etree._Element]:
    """Every ``<br>`` under ``root`` and every element that holds one. Linear.

    Each ``<br>`` marks its ancestors up to the first one already marked.
    """
    found: set[etree._Element] = set()
    for br in root.iter("br"):
        found.add(br)
        for ancestor in br.iterancestors():
            if ancestor in found:
                break
            found.add(ancestor)
    return found


def _rendered(el: etree._Element, holding_br: set[etree._Element] | None = None) -> str:
    """The text of an element as a reader sees it: whitespace collapsed, <br> a line break.

    ``holding_br`` (see :func:`_holding_br`), when given, says which elements
    of the tree hold a ``<br>``; an element outside the tree holds none.
    """
    if el not in (holding_br if holding_br is not None else _holding_br(el)):
        # One line: its text, whitespace collapsed (str.split splits where \s+ matches).
        if not len(el):  # no child: its own text is all its text
            return " ".join((el.text or "").split())
        return " ".join(
            etree.tostring(el, method="text", encoding="unicode", with_tail=False).split()
        )
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                parts.append(_BR)
            elif node.text:
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    lines = [" ".join(part.split()) for part in "".join(parts).split(_BR)]
    return "\n".join(line for line in lines if line)


def _language(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip())
    if match is None:
        return None
    primary, script, region = match.groups()
    out = primary.lower()
    if script:
        out += "-" + script.capitalize()
    if region:
        out += "-" + region.upper()
    return out


def _keywords(value: str | None) -> list[str]:
    """The tags of a ``keywords`` meta tag (comma-separated)."""
    if not value:
        return []
    return [t.strip() for t in _KEYWORD_SPLIT.split(value) if t.strip()]


def _date(value: str) -> PartialDate | None:
    value = value.strip()
    try:
        return PartialDate.fromisoformat(value)
    except InvalidValueError:
        pass
    found = find_date(value[:200])
    return found.date if found is not None else None


def _has_chrome(
    root: etree._Element, content: etree._Element, skip_classes: frozenset[str]
) -> bool:
    """Whether the page holds text besides its article.

    That is text outside the content element, or navigation, asides, related
    links inside it. A page that is only its article (as :func:`write` prints
    one) needs no main-text extractor. Linear.
    """
    body = root.find("body")
    scope = body if body is not None else root

    if scope is not content and _text_outside(scope, content):
        return True
    return next(content.iter(*_SKIP_TAGS), None) is not None or any(
        _classes(el) & skip_classes for el in _with_class(content)
    )


# Elements (the one asked about included) that have a class attribute, in
# document order.
_CLASSED = etree.XPath("descendant-or-self::*[@class]")


def _with_class(el: etree._Element) -> list[etree._Element]:
    """``el`` and its descendants that have a class attribute, in document order."""
    return typing.cast("list[etree._Element]", _CLASSED(el))


def _text_outside(scope: etree._Element, content: etree._Element) -> bool:
    """Whether ``scope`` holds a non-whitespace character outside ``content``.

    Looks only at what lies beside the path from ``content`` up to ``scope``,
    and stops at the first such character.
    """
    path = [content, *content.iterancestors()]
    if scope not in path:  # not inside: compare the sizes of both
        return sum(map(len, _text_of(scope).split())) > sum(map(len, _text_of(content).split()))
    node = content
    while node is not scope:
        parent = node.getparent()
        assert parent is not None  # scope is an ancestor
        if (node.tail or "").strip() or (parent.text or "").strip():
            return True
        for child in parent:
            if child is not node and (
                (child.tail or "").strip() or any(t.strip() for t in _text_of_each(child))
            ):
                return True
        node = parent
    return False


def _text_of_each(el: etree._Element) -> Iterator[str]:
    """The text pieces inside ``el``, in order."""
    return typing.cast("Iterator[str]", el.itertext())


class _MainText:
    """The main text another extractor found, and which blocks of ours it holds.

    A block is kept when its text is one of the extractor's lines, or, for a
    block of five words or more, when most of its words are still unused in
    the extractor's text (each kept block uses its words up). Linear in the
    total length.
    """

    def __init__(self, text: str) -> None:
        self.lines = set(map(" ".join, map(str.split, text.splitlines())))
        # Without a Han character, _WORD's words are the runs of \w (a faster scan).
        words = _WORD if _HAN.search(text) else _WORD_RUN
        self.bag: Counter[str] = Counter(words.findall(text))

    def keeps(self, rendered: str) -> bool:
        flat = " ".join(rendered.split())
        lines = self.lines
        if flat in lines or all(line.strip() in lines for line in rendered.split("\n")):
            found = _WORD.findall(flat)
            if not found:
                return False
            self.use(found)
            return True
        found = _WORD.findall(flat)
        if len(found) < 5:
            return False
        words = Counter(found)
        bag = self.bag
        # The words the block shares with what is left of the bag (counts below one are none).
        left = map(max, repeat(0), map(bag.get, words, repeat(0)))
        if sum(map(min, words.values(), left)) >= 0.8 * len(found):
            self.use(found)
            return True
        return False

    def use(self, words: Sequence[str]) -> None:
        """Take one of each word (repeats included) out of ``self.bag``.

        In C: the counts are set one word after the other, and a word used up
        keeps a count of zero or less, which every reading takes as none, so
        ``+self.bag`` is what ``Counter`` subtraction leaves.
        """
        bag = self.bag
        counts = map(operator.sub, map(bag.get, words, repeat(0)), repeat(1))
        dict.update(bag, zip(words, counts, strict=True))


def _main_text(text: str) -> _MainText | None:
    """The main text as trafilatura finds it, when trafilatura is installed (else None).

    trafilatura (the ``html`` extra) locates an article's main text better than
    our own rules on real news pages (word F1 0.97 against 0.88 on the
    article-extraction benchmark, see ``docs/dependencies.md``); aistress
    still takes every block and span from its own parse, so offsets stay exact.
    """
    try:
        import trafilatura  # type: ignore[import-untyped, unused-ignore]
    except ImportError:
        return None
    try:
        extracted = trafilatura.extract(text, include_comments=False, include_tables=True)
    except Exception:  # the extractor's failure must not fail the read; our rules apply
        return None
    if not extracted or not extracted.strip():
        return None
    return _MainText(str(extracted))


def _marked(scope: etree._Element) -> list[etree._Element]:
    """``scope`` and its elements with a ``rel``, ``itemprop`` or ``class`` attribute, in order.

    What XPath's ``descendant-or-self::*[@rel or @itemprop or @class]`` finds, by one
    walk (libxml2's XPath took twice as long).
    """
    return [
        el
        for el in scope.iter(etree.Element)
        if el.get("class") is not None
        or el.get("rel") is not None
        or el.get("itemprop") is not None
    ]


def _byline(
    scope: etree._Element, marked: list[etree._Element] | None = None
) -> etree._Element | None:
    """The innermost element marked as the author's name, if any. O(elements x depth).

    ``marked``: :func:`_marked` of ``scope``, when known.
    """
    found = [
        el
        for el in (_marked(scope) if marked is None else marked)
        if (
            (el.get("rel") or "").lower() == "author"
            or (el.get("itemprop") or "").lower() == "author"
            or _classes(el) & _BYLINE_CLASSES
        )
    ]
    # In document order, an element's marked descendants come right after it.
    for i, el in enumerate(found):
        if i + 1 == len(found) or el not in set(found[i + 1].iterancestors()):
            return el
    return None


def _holds_text(el: etree._Element) -> bool:
    """Whether ``el`` holds a non-whitespace character (its own text asked first)."""
    text = el.text
    if text and not text.isspace():
        return True
    return any(t.strip() for t in el.itertext())


def _has_direct_text(el: etree._Element) -> bool:
    return bool((el.text or "").strip()) or any((child.tail or "").strip() for child in el)


def _loose_runs(
    container: etree._Element,
    blocks: set[etree._Element],
    taken: set[etree._Element],
    ranks: dict[etree._Element, float],
    out: list[tuple[str, etree._Element]],
    skipped: Callable[[etree._Element], bool],
) -> None:
    """Blocks for the text a container holds between its block children.

    ``<div>Intro <a>link</a> text<p>...</p>tail</div>`` holds two loose runs,
    ``Intro link text`` and ``tail``; each becomes a detached ``<p>`` ranked
    just after the node it starts at (found in the source from the cursor on).
    Field elements (a byline, a date) bound runs like blocks and add no text.
    """
    pieces: list[str] = [container.text or ""]
    anchor: etree._Element = container

    def flush() -> None:
        run = "".join(pieces)
        if _WORD.search(run):
            el = etree.Element("p")
            el.text = run
            ranks[el] = ranks.get(anchor, 0.0) + 0.5
            if not skipped(el):
                out.append(("block", el))
        pieces.clear()

    for child in container:
        if any(d in blocks or d in taken for d in child.iter()):
            flush()
            anchor = child
            pieces.append(child.tail or "")
        else:
            pieces.append("".join(str(t) for t in child.itertext()))
            pieces.append(child.tail or "")
    flush()


def _document_order(
    content: etree._Element,
    taken: set[etree._Element],
    skipped: Callable[[etree._Element], bool],
    loose: dict[etree._Element, float] | None = None,
) -> list[tuple[str, etree._Element]]:
    """The leaf blocks of ``content`` in document order. O(elements x depth).

    A leaf block is an element of a block tag with no block inside it; one
    that holds a field element (a byline, a date) is a metadata line, not a
    block, and so are leaves inside skipped parts of the page.
    """
    # A block element without text (an image's wrapper, a spacer) contains no
    # block: the text around it belongs to its parent.
    candidates = [
        el
        for el in content.iter(*_BLOCK_TAGS)
        if el not in taken and (((own := el.text) and not own.isspace()) or _holds_text(el))
    ]
    candidate_set = set(candidates)
    containers: set[etree._Element] = set()
    # Each candidate's nearest candidate ancestor is a container. Found by
    # walking up from each candidate; each other element met on the way
    # keeps its own nearest candidate ancestor-or-self, so every walk stops
    # at the first element an earlier one has met.
    nearest: dict[etree._Element, etree._Element | None] = {}
    for el in candidates:
        chain: list[etree._Element] = []
        node = el.getparent()
        found: etree._Element | None = None
        while node is not None:
            if node in candidate_set:
                found = node
                break
            if node in nearest:
                found = nearest[node]
                break
            chain.append(node)
            node = node.getparent()
        for passed in chain:
            nearest[passed] = found
        if found is not None:
            containers.add(found)
    under_taken = {d for el in taken for d in el.iterdescendants()}
    for el in taken:
        for ancestor in el.iterancestors():
            if ancestor in candidate_set:
                containers.add(ancestor)
    out: list[tuple[str, etree._Element]] = []
    for el in candidates:
        if loose is not None and el in containers:
            _loose_runs(el, candidate_set, taken, loose, out, skipped)  # containers are candidates
        if el in containers or el in under_taken:
            continue
        if el.tag == "figcaption":
            out.append(("caption", el))
        elif skipped(el) or (el.tag == "div" and not _has_direct_text(el)):
            continue
        else:
            out.append(("block", el))
    return out


def _merge(
    blocks: list[tuple[str, etree._Element]],
    fields: list[tuple[str, etree._Element]],
    ranks: dict[etree._Element, float] | None = None,
) -> list[tuple[str, etree._Element]]:
    """Blocks and field elements in document order (tree order; loose runs by ``ranks``)."""
    if ranks is None:
        # Only the tags of the elements to order: their ranks keep document order.
        tags = {el.tag for _, el in blocks} | {el.tag for _, el in fields}
        ranks = {el: float(i) for i, el in enumerate(_root_of(blocks, fields).iter(*tags))}
    rank = ranks
    return sorted([*blocks, *fields], key=lambda item: rank.get(item[1], 0.0))


def _root_of(
    blocks: list[tuple[str, etree._Element]], fields: list[tuple[str, etree._Element]]
) -> etree._Element:
    for _, el in (*blocks, *fields):
        return el.getroottree().getroot()
    return etree.Element("html")
