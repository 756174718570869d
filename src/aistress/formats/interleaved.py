"""Line-by-line bilingual text: each English line followed by its Chinese translation.

The layout (blank lines do not matter)::

    Title in English
    中文标题
    Subtitle in English
    中文副标题
    First paragraph of the post.
    第一段。
    A section heading 一个小标题
    ...

- The first pair of lines is the title, the second the subtitle, when they
  look like headings (no closing full stop, at most 24 English words or 80
  Chinese characters); otherwise the warning ``missing-title`` /
  ``missing-subtitle`` says so.
- Every following English line and the Chinese line after it become one
  block in each article; a pair that looks like a heading becomes a
  ``BlockKind.HEADING``, every other pair a paragraph.
- A line holding both languages, such as the heading ``No escape 没有逃脱``
  (English part then Chinese part, or the other way round), is split into
  its two parts, each with its exact span (see :func:`split_bilingual`).
  The whitespace between the parts is recorded as boilerplate
  ``"bilingual-line"``, so that :func:`write` can print the line as it was.
- A line of symbols only (``* * *``, ``---``) is boilerplate ``"separator"``.

Language is decided per line, not by position: a line is Chinese when at
least 30 % of its letters are Han characters or full-width punctuation,
English below 10 %, and in between it takes the side the alternation expects.
Where the alternation breaks (an English line without its Chinese line, a
Chinese line without an English one) the pair is a one-sided bead (1-0 or
0-1) and :attr:`Source.warnings <aistress.model.Source.warnings>` holds
``unpaired-english`` or ``unpaired-chinese`` with the line number.

The source holds two articles, ``<source id>#en`` (kind blog) and
``<source id>#zh`` (kind translation), a
:class:`~aistress.model.Translation` from the first to the second whose
:class:`~aistress.model.Alignment` (unit ``"line"``) has one bead per pair of
lines, indexing the two articles' blocks, and
``Relation("translation_of", "<id>#zh", "<id>#en")``.

:func:`write` prints a source back in this layout; ``write(read(text))``
equals ``text`` up to whitespace: blank lines, indentation and trailing
spaces go and every line ends with LF.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import add, not_, sub
from typing import NamedTuple, cast

from aistress.formats._common import BOM_KIND, Evidence, Page, checked_reader, sample_content
from aistress.formats._registry import FormatGuess
from aistress.formats._text import LineColumns, trim
from aistress.model import (
    Alignment,
    Article,
    ArticleKind,
    Bead,
    Block,
    BlockKind,
    FieldSpan,
    Relation,
    RelationKind,
    Source,
    Span,
    Translation,
)
from aistress.model._document import trusted_blocks
from aistress.text.language import HAN, HAN_CHAR, LATIN, letter_counts, letter_counts_many

__all__ = ["FORMAT", "line_language", "read", "sniff", "split_bilingual", "write"]

#: The format id.
FORMAT = "interleaved"

#: Boilerplate kind of a line of symbols only.
SEPARATOR_KIND = "separator"
#: Boilerplate kind of the whitespace between the two parts of a line holding both languages.
BILINGUAL_KIND = "bilingual-line"

# Han ideographs, CJK punctuation and full-width forms: evidence of a Chinese line.
_CHINESE = re.compile(rf"[{HAN}\u2e80-\u2fdf\u3000-\u303f\u31c0-\u31ef\ufe30-\ufe4f\uff00-\uffef]")
# The same without the Han characters (``々`` and ``〇`` are Han).
_CJK_MARKS = re.compile(
    r"[\u2e80-\u2fdf\u3000-\u3004\u3006\u3008-\u303f\u31c0-\u31ef\ufe30-\ufe4f\uff00-\uffef]+"
)
_LATIN = re.compile(f"[{LATIN}]")
_WORD = re.compile(r"[^\W_]")
_DIGIT = re.compile(r"\d")
_ASCII_LETTER = re.compile("[A-Za-z]")
_ASCII_DIGIT = re.compile("[0-9]")

#: Share of Chinese evidence from which a line is Chinese, and below which it is English.
ZH_FROM = 0.3
EN_BELOW = 0.1

_EN_HEADING_WORDS = 12
_EN_HEADING_CHARS = 100
_ZH_HEADING_CHARS = 40
# Endings that make a line a sentence rather than a heading ("?" is allowed).
_EN_SENTENCE_END = frozenset('.,;:!…"”’)]}-—–')
_ZH_SENTENCE_END = frozenset("。，；：！…,.;:!」』”’）)")


def _counts(text: str) -> tuple[int, int]:
    """``(Latin letters, Chinese characters and punctuation)`` in ``text``.

    The text layer counts the letters and Han characters; the CJK punctuation
    and full-width forms are added (only texts beyond ASCII can hold them).
    """
    latin, han = letter_counts(text)
    if text.isascii():
        return latin, 0
    return latin, han + sum(map(len, _CJK_MARKS.findall(text)))


def line_language(text: str) -> str | None:
    """``"en"``, ``"zh"``, ``"?"`` (undecided) or None (no letters at all) for one line.

    The share of Chinese evidence (Han characters, CJK punctuation, full-width
    forms) among it and the Latin letters decides: 30 % or more is Chinese,
    under 10 % English, in between undecided (the reader then follows the
    alternation).

    >>> line_language("ChatGPT 的月活跃用户接近两亿。"), line_language("Hello there.")
    ('zh', 'en')
    >>> line_language("Tea with 李白 today"), line_language("* * *")
    ('?', None)
    """
    if text.isascii():  # no Chinese evidence: English as soon as there is a letter
        return "en" if _ASCII_LETTER.search(text) else None
    return _label_of_counts(*_counts(text))


# Everything but the CJK marks and NUL (the separator of :func:`_line_languages`).
_NOT_CJK_MARK = re.compile(
    r"[^\x00\u2e80-\u2fdf\u3000-\u3004\u3006\u3008-\u303f\u31c0-\u31ef\ufe30-\ufe4f\uff00-\uffef]+"
)


def _line_languages(texts: list[str]) -> list[str | None]:
    """``[line_language(t) for t in texts]``, the counts taken for all lines at once.

    See :func:`_labels_and_splits`.
    """
    return _labels_and_splits(texts)[0]


def _labels_and_splits(texts: list[str]) -> tuple[list[str | None], list[bool]]:
    """:func:`_line_languages` of ``texts``, and which of them :func:`split_bilingual` may split.

    The letters by :func:`~aistress.text.language.letter_counts_many`, the CJK
    marks by one substitution over the lines joined (a property test compares
    both with :func:`line_language` and :func:`split_bilingual`). Marks only
    raise a line's Chinese share, so they are counted only in the lines the
    letters leave short of Chinese: those with Latin letters and under
    :data:`ZH_FROM` Han characters, and those with no letter at all. A line
    may split only if it holds Han characters and at least as many Latin
    letters (what :func:`split_bilingual` asks first); an ASCII line holds no
    Han character.
    """
    ascii_ = list(map(str.isascii, texts))
    wide = list(compress(texts, map(not_, ascii_)))
    latin, han = letter_counts_many(wide)
    # Lines Chinese by their Han share alone need no count of marks (_zh_by written out).
    short = [
        k for k, (n, h) in enumerate(zip(latin, han, strict=True)) if not h or h / (n + h) < ZH_FROM
    ]
    chinese = han
    if short:
        chinese = list(han)
        for k, found in zip(short, _marks([wide[k] for k in short]), strict=True):
            chinese[k] += found
    # _label_of_counts written out.
    wide_labels = [
        ("zh" if c / (n + c) >= ZH_FROM else "en" if c / (n + c) < EN_BELOW else "?")
        if n or c
        else None
        for n, c in zip(latin, chinese, strict=True)
    ]
    wide_splits = [bool(n and h and n >= h) for n, h in zip(latin, han, strict=True)]  # _may_split
    # An ASCII line is English if it holds a letter (no Chinese at all), and never
    # splits. The two kinds of lines merged back in order by calls in C.
    ascii_labels = map(
        _ASCII_LABEL.__getitem__, map(bool, map(_ASCII_LETTER.search, compress(texts, ascii_)))
    )
    labels = list(
        map(next, map({True: ascii_labels, False: iter(wide_labels)}.__getitem__, ascii_))
    )
    splits = list(
        map(next, map({True: repeat(False), False: iter(wide_splits)}.__getitem__, ascii_))
    )
    return labels, splits


_ASCII_LABEL = {True: "en", False: None}


def _may_split(latin: int, han: int) -> bool:
    """Whether a line of these counts passes :func:`split_bilingual`'s first test."""
    return bool(latin and han and latin >= han)


def _zh_by(latin: int, han: int) -> bool:
    """Whether a line of these counts is Chinese whatever CJK marks it holds besides.

    The share ``(han + marks) / (latin + han + marks)`` only grows with the
    marks, rounded division included, so a line Chinese by its Han share alone
    stays Chinese.
    """
    return bool(han) and han / (latin + han) >= ZH_FROM


def _marks(texts: list[str]) -> list[int]:
    """The number of CJK marks in each of ``texts`` (one substitution over them all)."""
    marks = list(map(len, _NOT_CJK_MARK.sub("", "\x00".join(texts)).split("\x00")))
    if len(marks) != len(texts):  # a line holds a NUL
        marks = [sum(map(len, _CJK_MARKS.findall(text))) for text in texts]
    return marks


def _label_of_counts(latin: int, chinese: int) -> str | None:
    """:func:`line_language` of a line beyond ASCII from its counts."""
    if not latin and not chinese:
        return None
    share = chinese / (latin + chinese)
    if share >= ZH_FROM:
        return "zh"
    if share < EN_BELOW:
        return "en"
    return "?"


def split_bilingual(text: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where a line holding both languages splits: ``((en_start, en_end), (zh_start, zh_end))``.

    The line must hold an English part with no Chinese characters or
    punctuation and a Chinese part with no Latin letters, one after the
    other (either order), separated by whitespace; each part must hold a
    letter of its script, and the English part at least as many letters as
    the Chinese part has Han characters (an English line is longer than its
    translation). Offsets are into ``text``, trimmed. Linear time.

    >>> text = "No escape 没有逃脱"
    >>> (a, b), (c, d) = split_bilingual(text)
    >>> text[a:b], text[c:d]
    ('No escape', '没有逃脱')
    >>> split_bilingual("ChatGPT 的月活跃用户接近两亿。") is None
    True
    """
    # The English part holds every Latin letter of the line and the Chinese part
    # every Han character (neither part may hold the other script), so the
    # letter test at the end can be taken on the whole line's counts first.
    latin, han = letter_counts(text)
    if not latin or not han or latin < han:
        return None
    # Only the first and last character of each script matter: four searches
    # (the last ones over the reversed line), no list of every position.
    first_han, first_latin = HAN_CHAR.search(text), _LATIN.search(text)
    if first_han is None or first_latin is None:
        return None
    backwards = text[::-1]
    han_back, latin_back = HAN_CHAR.search(backwards), _LATIN.search(backwards)
    # Found forwards, so found backwards too.
    assert han_back is not None
    assert latin_back is not None
    last_han = len(text) - 1 - han_back.start()
    last_latin = len(text) - 1 - latin_back.start()
    if last_latin < first_han.start():  # English first
        cut = _space_before(text, last_latin + 1, first_han.start())
        if cut is None:
            return None
        en, zh = trim(text, 0, cut[0]), trim(text, cut[1], len(text))
    elif last_han < first_latin.start():  # Chinese first
        cut = _space_before(text, last_han + 1, first_latin.start())
        if cut is None:
            return None
        zh, en = trim(text, 0, cut[0]), trim(text, cut[1], len(text))
    else:
        return None
    en_text, zh_text = text[en[0] : en[1]], text[zh[0] : zh[1]]
    if _CHINESE.search(en_text) or _LATIN.search(zh_text):
        return None
    return en, zh


def _space_before(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The last run of whitespace in ``text[lo:hi]``, as ``(start, end)``."""
    end = hi
    while end > lo and not text[end - 1].isspace():
        end -= 1
    if end == lo:
        return None
    start = end
    while start > lo and text[start - 1].isspace():
        start -= 1
    return start, end


def _english_heading(text: str, scale: int = 1) -> bool:
    # The length first: a paragraph is not split into words.
    return (
        0 < len(text) <= _EN_HEADING_CHARS * scale
        and text[-1] not in _EN_SENTENCE_END
        and 0 < len(text.split()) <= _EN_HEADING_WORDS * scale
    )


def _chinese_heading(text: str, scale: int = 1) -> bool:
    return 0 < len(text) <= _ZH_HEADING_CHARS * scale and text[-1] not in _ZH_SENTENCE_END


class _Part(NamedTuple):
    """Trimmed text and where it is: a whole content line, or one side of a line holding both.

    A tuple, made without a Python call per line. A content line also carries
    its :func:`_label` and, labelled ``"both"``, where :func:`split_bilingual`
    cuts its text.
    """

    text: str
    start: int
    end: int
    line: int
    label: str | None = None
    cut: tuple[tuple[int, int], tuple[int, int]] | None = None


class _Pair(NamedTuple):
    """An English part and the Chinese part printed after (or beside) it."""

    en: _Part | None
    zh: _Part | None

    @property
    def line(self) -> int:
        part = self.en or self.zh
        assert part is not None
        return part.line

    @property
    def heading(self) -> bool:
        return self.headline(1)

    def headline(self, scale: int) -> bool:
        """Whether both sides look like headings up to ``scale`` times the usual length."""
        return (self.en is None or _english_heading(self.en.text, scale)) and (
            self.zh is None or _chinese_heading(self.zh.text, scale)
        )


_LABEL = operator.itemgetter(4)  # a part's label
_FIRST = operator.itemgetter(0)  # a part's text, a pair's English part
_SECOND = operator.itemgetter(1)  # a part's start, a pair's Chinese part
_START, _END = _SECOND, operator.itemgetter(2)
# Lines labelled English and Chinese in turn (by the first letters of their labels).
_ALTERNATING = re.compile("(?:ez)+")

# ``_Part(...)`` and ``_Pair(...)`` without the Python-level ``__new__`` of a
# named tuple (the same tuples): readers make one per line.
_new_part = cast(
    "Callable[[tuple[str, int, int, int, str | None, object]], _Part]",
    functools.partial(tuple.__new__, _Part),
)
_new_pair = cast(
    "Callable[[tuple[_Part | None, _Part | None]], _Pair]",
    functools.partial(tuple.__new__, _Pair),
)


def _label(text: str) -> str | None:
    """``en``, ``zh``, ``both``, ``?`` (undecided) or None (symbols only) for a trimmed line.

    What :func:`line_language` says, ``"?"`` for a line of digits or letters
    of no script counted (None for symbols only), and ``"both"`` when
    :func:`split_bilingual` splits the line.
    """
    return _label_and_cut(text)[0]


def _label_and_cut(
    text: str,
) -> tuple[str | None, tuple[tuple[int, int], tuple[int, int]] | None]:
    """:func:`_label` of a trimmed line, and the split of a line labelled ``"both"``.

    The counts are taken once; an ASCII line (no Chinese at all) is decided
    by two searches.
    """
    if text.isascii():  # no Han or CJK mark: English as soon as it has a letter
        if _ASCII_LETTER.search(text):
            return "en", None
        return ("?" if _ASCII_DIGIT.search(text) else None), None
    latin, han = letter_counts(text)
    chinese = han + len(text) - len(_CJK_MARKS.sub("", text))
    if not latin and not chinese:
        return ("?" if _DIGIT.search(text) or _WORD.search(text) else None), None
    share = chinese / (latin + chinese)
    language = "zh" if share >= ZH_FROM else "en" if share < EN_BELOW else "?"
    if not latin or not han or latin < han:  # split_bilingual would say None
        return language, None
    cut = split_bilingual(text)
    return ("both" if cut is not None else language), cut


def _labels_and_cuts(
    texts: list[str],
) -> tuple[list[str | None], list[tuple[tuple[int, int], tuple[int, int]] | None]]:
    """``[_label_and_cut(t) for t in texts]`` as two lists, the counts taken for all at once.

    :func:`_labels_and_splits` gives each line's language (its counts in bulk);
    a line with no letter of either script is ``"?"`` if it holds a digit or
    another letter, and a line it lets split is asked :func:`split_bilingual`
    (a property test compares both with :func:`_label_and_cut`).
    """
    labels, splits = _labels_and_splits(texts)
    cuts: list[tuple[tuple[int, int], tuple[int, int]] | None] = [None] * len(texts)
    for k in compress(range(len(texts)), map(not_, labels)):
        text = texts[k]
        labels[k] = "?" if _DIGIT.search(text) or _WORD.search(text) else None
    for k in compress(range(len(texts)), splits):
        cut = split_bilingual(texts[k])
        if cut is not None:
            labels[k], cuts[k] = "both", cut
    return labels, cuts


def _classify(page: Page, lines: LineColumns) -> list[_Part]:
    """Every content line as a labelled part (see :func:`_label`); symbol lines are separators.

    The parts are made in bulk, by ``map`` in C (no Python call per line).
    """
    raw, numbers = lines.texts, lines.numbers
    texts = list(map(str.strip, raw))
    starts = list(map(add, lines.starts, map(sub, map(len, raw), map(len, map(str.lstrip, raw)))))
    labels, cuts = _labels_and_cuts(texts)
    if None in labels:  # lines of symbols only
        for k in compress(range(len(texts)), map(not_, labels)):
            page.add_line_boilerplate(SEPARATOR_KIND, lines[k])
        keep = list(map(bool, labels))
        texts, starts, numbers, labels, cuts = (
            list(compress(column, keep)) for column in (texts, starts, numbers, labels, cuts)
        )
    ends = map(add, starts, map(len, texts))
    return list(map(_new_part, zip(texts, starts, ends, numbers, labels, cuts, strict=True)))


def _pairs(page: Page, labelled: Sequence[_Part]) -> list[_Pair]:
    """Pair English lines with the Chinese lines after them; one pass, one line of look-ahead."""
    pairs: list[_Pair] = []
    append = pairs.append
    pending: _Part | None = None
    between: list[tuple[str, int, int]] = []  # the space between the parts of a bilingual line

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            page.warn(
                "unpaired-english",
                f"line {pending.line}: English line without a Chinese line after it",
                pending.line,
            )
            append(_new_pair((pending, None)))
            pending = None

    def one(i: int) -> None:
        nonlocal pending
        part = labelled[i]
        label = part.label
        if label == "both":
            following = labelled[i + 1] if i < last else None
            label = _resolve_both(
                part,
                pending.text if pending is not None else None,
                following.label if following is not None else None,
                following.text if following is not None else None,
            )
        elif label == "?":
            label = "zh" if pending is not None else "en"
        if label == "en":
            flush()
            pending = part
        elif label == "zh":
            if pending is not None:
                append(_new_pair((pending, part)))
                pending = None
            else:
                page.warn(
                    "unpaired-chinese",
                    f"line {part.line}: Chinese line without an English line before it",
                    part.line,
                )
                append(_new_pair((None, part)))
        else:  # both languages on one line
            flush()
            assert part.cut is not None
            (a, b), (c, d) = part.cut
            text, start = part.text, part.start
            en = _new_part((text[a:b], start + a, start + b, part.line, None, None))
            zh = _new_part((text[c:d], start + c, start + d, part.line, None, None))
            first, second = (en, zh) if en.start < zh.start else (zh, en)
            between.append((BILINGUAL_KIND, first.end, second.start))
            append(_new_pair((en, zh)))

    last = len(labelled) - 1
    # Runs of English, Chinese, English, Chinese ... lines (most of a page) are
    # paired by slicing, in C; the loop sees the lines between the runs.
    codes = "".join(map(_FIRST, map(_LABEL, labelled)))
    runs = [*(match.span() for match in _ALTERNATING.finditer(codes)), (len(codes), len(codes))]
    done = 0  # the lines before are paired
    for run_start, run_end in runs:
        for i in range(done, run_start):
            one(i)
        if run_start < run_end:
            flush()
            pairs.extend(
                map(
                    _new_pair,
                    zip(
                        labelled[run_start:run_end:2],
                        labelled[run_start + 1 : run_end : 2],
                        strict=True,
                    ),
                )
            )
        done = run_end
    flush()
    page.add_boilerplate_runs(between)  # made in bulk, in the order found
    return pairs


def _resolve_both(
    part: _Part, pending: str | None, next_label: str | None, next_text: str | None
) -> str:
    """Decide whether a line holding both scripts is a bilingual pair or one side of one.

    With an English line (``pending``) waiting, the line is its translation
    unless it is much too short for that and the next line is not Chinese.
    With none waiting, it is an English line (holding a Chinese name, say)
    when the next line is Chinese and repeats its Chinese part, and a pair
    otherwise. Returns ``"both"``, ``"en"`` or ``"zh"``.
    """
    text = part.text
    assert part.cut is not None
    (a, b), (c, d) = part.cut
    english, chinese = text[a:b], text[c:d]
    if pending is not None:
        if next_label == "zh":
            return "zh"
        short = len(text) * 4 < len(pending)
        looks = _english_heading(english) and _chinese_heading(chinese)
        return "both" if short and looks and not _english_heading(pending) else "zh"
    if next_label == "zh" and next_text is not None and chinese in next_text:
        return "en"
    return "both"


def _blocks(pairs: Sequence[_Pair], page: Page) -> tuple[list[Block], list[Block], list[Bead]]:
    """Each side's blocks and one bead a pair, the records made in bulk (by ``map`` in C)."""
    heading, paragraph = BlockKind.HEADING, BlockKind.PARAGRAPH
    # :func:`_is_heading` written out (no call for a pair that is too long for one).
    kinds = [
        heading
        if (en is None or (len(en[0]) <= _EN_HEADING_CHARS and _english_heading(en[0])))
        and (zh is None or (len(zh[0]) <= _ZH_HEADING_CHARS and _chinese_heading(zh[0])))
        else paragraph
        for en, zh in pairs
    ]
    blocks = []
    indices: list[list[tuple[int, ...]]] = []
    for side in (list(map(_FIRST, pairs)), list(map(_SECOND, pairs))):
        if None in side:  # one-sided pairs: no block on this side, no index in their beads
            present = list(map(operator.is_not, side, repeat(None)))
            numbers = iter(range(len(side)))
            indices.append([(next(numbers),) if here else () for here in present])
            parts, side_kinds = list(compress(side, present)), list(compress(kinds, present))
        else:
            indices.append(list(zip(range(len(side)))))
            parts, side_kinds = side, kinds
        spans = page.spans(list(map(_START, parts)), list(map(_END, parts)))
        blocks.append(trusted_blocks(side_kinds, map(_FIRST, parts), spans))
    sources, targets = indices
    scores = [1.0 if en and zh else 0.0 for en, zh in zip(sources, targets, strict=True)]
    # One index a side, at least one side (a pair has a part): valid by construction.
    return blocks[0], blocks[1], Bead.unchecked_many(sources, targets, scores)


def _is_heading(en: _Part | None, zh: _Part | None) -> bool:
    """:attr:`_Pair.heading` of the pair ``(en, zh)``."""
    return (en is None or _english_heading(en.text)) and (zh is None or _chinese_heading(zh.text))


@checked_reader
def read(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
    """Read a line-by-line bilingual text (see the module docstring for the layout).

    Time and memory are linear in ``len(text)``: every line is classified
    once, with one line of look-ahead.

    Raises:
        ParseError: If the text is empty, whitespace or symbols only, or not
            text (a control character).
    """
    page = Page.open(text, path=path, source_id=source_id, format=FORMAT)
    labelled = _classify(page, page.content_columns())
    if not labelled:
        raise page.error(0, "no English or Chinese line: nothing but whitespace and symbols")
    pairs = _pairs(page, labelled)

    heads: list[_Pair] = []
    for role in ("title", "subtitle"):
        # A title or subtitle may be longer than a section heading (twice the length).
        if len(pairs) > len(heads) and pairs[len(heads)].headline(2):
            heads.append(pairs[len(heads)])
        else:
            page.warn(
                f"missing-{role}",
                f"no {role}: the {'first' if role == 'title' else 'second'} pair of lines "
                "is not a short line without a closing full stop",
                pairs[len(heads)].line if len(pairs) > len(heads) else None,
            )
            break
    en_blocks, zh_blocks, beads = _blocks(pairs[len(heads) :], page)
    if not any(p.zh for p in pairs):
        page.warn("no-chinese", "no Chinese line: the Chinese article is empty")
    if not any(p.en for p in pairs):
        page.warn("no-english", "no English line: the English article is empty")

    en_id, zh_id = page.article_id("en"), page.article_id("zh")
    articles = []
    for language, article_id, kind, blocks in (
        ("en", en_id, ArticleKind.BLOG, en_blocks),
        ("zh", zh_id, ArticleKind.TRANSLATION, zh_blocks),
    ):
        values: dict[str, str | None] = {"title": None, "subtitle": None}
        fields = []
        for role, pair in zip(("title", "subtitle"), heads, strict=False):
            part = pair.en if language == "en" else pair.zh
            if part is not None:
                values[role] = part.text
                fields.append(FieldSpan(role, page.span(part.start, part.end)))
        articles.append(
            Article(
                id=article_id,
                language=language,
                kind=kind,
                title=values["title"],
                subtitle=values["subtitle"],
                blocks=blocks,
                provenance=page.provenance(fields),
            )
        )
    alignment = Alignment(
        beads,
        unit="line",
        source_segments=[b.text for b in en_blocks],
        target_segments=[b.text for b in zh_blocks],
    )
    return page.source(
        articles,
        translations=[Translation(en_id, zh_id, "en", "zh", alignment)],
        relations=[Relation(RelationKind.TRANSLATION_OF, zh_id, en_id)],
    )


_MARKDOWN_STARTS = ("#", "*", ">", "|", "- ", "+ ")
_SNIFF_CODES = {"en": "e", "?": "?", "zh": "z", None: "-"}
_SNIFF_PAIR = re.compile("[e?]z")


def sniff(text: str) -> FormatGuess:
    r"""How likely ``text`` is line-by-line bilingual; looks at its first and last lines.

    The share of lines that belong to a pair (an English line followed by a
    Chinese line, or one line holding both) decides, lowered for Markdown or
    markup.

    >>> sniff("Stress at work\n工作压力\nIt is hard.\n这很难。\n").confidence > 0.9
    True
    >>> sniff("Only English here.\nAnd more of it.\n").confidence
    0.0
    """
    ev = Evidence(FORMAT)
    lines = list(sample_content(text)[:2000])
    if len(lines) < 2:
        return ev.guess()
    labels, splits = _labels_and_splits(lines)
    # From the first line on, an English or undecided line and a Chinese line after
    # it are a pair (both taken), else a line that splits is one: the pairs are the
    # matches of one scan over the labels' codes, left to right.
    codes = "".join(map(_SNIFF_CODES.__getitem__, labels))
    pairs = [match.start() for match in _SNIFF_PAIR.finditer(codes)]
    taken = set(pairs).union([at + 1 for at in pairs])
    paired = 2 * len(pairs) + sum(
        1
        for i in compress(range(len(lines)), splits)
        if i not in taken and split_bilingual(lines[i]) is not None
    )
    share = paired / len(lines)
    if paired >= 4:
        ev.add(share**1.5, f"{paired} of {len(lines)} lines pair English with Chinese line by line")
    markdown = sum(map(str.startswith, lines, repeat(_MARKDOWN_STARTS)))  # lines are not empty
    if markdown * 5 > len(lines):
        ev.add(-0.5, f"{markdown} lines start with Markdown syntax")
    if lines[0].lstrip("\ufeff").startswith("<"):
        ev.add(-0.5, "starts with markup")
    return ev.guess()


def _pick(source: Source) -> tuple[Article | None, Article | None, Sequence[Bead]]:
    """The English and Chinese article and the beads that pair their blocks."""
    for translation in source.translations:
        try:
            en = next(a for a in source.articles if a.id == translation.source)
            zh = next(a for a in source.articles if a.id == translation.target)
        except StopIteration:
            continue
        if translation.alignment is not None and _covers(
            translation.alignment.beads, len(en.blocks), len(zh.blocks)
        ):
            return en, zh, translation.alignment.beads
        return en, zh, _zip(len(en.blocks), len(zh.blocks))
    en_article = next((a for a in source.articles if a.language.startswith("en")), None)
    zh_article = next((a for a in source.articles if a.language.startswith("zh")), None)
    return (
        en_article,
        zh_article,
        _zip(
            len(en_article.blocks) if en_article else 0,
            len(zh_article.blocks) if zh_article else 0,
        ),
    )


def _covers(beads: Sequence[Bead], n: int, m: int) -> bool:
    """Whether ``beads`` pair at most one block with one, in order, covering every block once."""
    i = j = 0
    for bead in beads:
        if len(bead.source) > 1 or len(bead.target) > 1:
            return False
        if bead.source:
            if bead.source[0] != i:
                return False
            i += 1
        if bead.target:
            if bead.target[0] != j:
                return False
            j += 1
    return i == n and j == m


def _zip(n: int, m: int) -> list[Bead]:
    return [Bead((k,) if k < n else (), (k,) if k < m else ()) for k in range(max(n, m))]


_BREAKS = re.compile(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")


def _one_line(text: str) -> str:
    return _BREAKS.sub(" ", text).strip()


def write(source: Source) -> str:
    """Print a source as line-by-line bilingual text; ``read(write(x)) == x`` for read sources.

    The English and Chinese articles are the two ends of the source's first
    translation (or the first English and the first Chinese article); their
    title and subtitle come first, then the blocks, pair by pair in the
    order of the alignment (block by block when it does not pair one block
    with at most one). Separator boilerplate is put back where its span
    was, and a pair read from one line (recorded as ``"bilingual-line"``
    boilerplate, the whitespace between its parts) is written as one line
    again; every other pair as two lines. Line breaks inside a text become
    spaces, and empty texts are left out.

    Raises:
        ValueError: If the source has neither an English nor a Chinese article.
    """
    en, zh, beads = _pick(source)
    if en is None and zh is None:
        raise ValueError("an interleaved text needs an English or a Chinese article")
    gaps = {
        (item.span.start, item.span.end): item.text
        for item in source.boilerplate
        if item.kind == BILINGUAL_KIND and item.span is not None and item.span.doc == source.id
    }
    items: list[tuple[int, int, str]] = []  # (position in the text read, order, line)

    def add(sides: Sequence[tuple[str | None, Span | None]]) -> None:
        """Add a pair's lines, or its one line where it was read from one."""
        texts = [_one_line(t) if t is not None else "" for t, _ in sides]
        spans = [span for _, span in sides]
        (en_span, zh_span) = spans
        if texts[0] and texts[1] and en_span is not None and zh_span is not None:
            (a, a_text), (b, b_text) = sorted(
                [(en_span, texts[0]), (zh_span, texts[1])], key=lambda side: side[0].start
            )
            gap = gaps.get((a.end, b.start))
            if gap is not None:
                items.append((a.start, len(items), a_text + gap + b_text))
                return
        floor = -1
        for text, span in zip(texts, spans, strict=True):
            if text:
                floor = max(floor, -1 if span is None else span.start)
                items.append((floor, len(items), text))

    for role in ("title", "subtitle"):
        add([(getattr(a, role), _field_span(a, role)) if a else (None, None) for a in (en, zh)])
    for bead in beads:
        en_block = en.blocks[bead.source[0]] if en is not None and bead.source else None
        zh_block = zh.blocks[bead.target[0]] if zh is not None and bead.target else None
        add([(b.text, b.span) if b else (None, None) for b in (en_block, zh_block)])
    for item in source.boilerplate:
        if item.kind == SEPARATOR_KIND and item.span is not None and item.span.doc == source.id:
            items.append((item.span.start, len(items), item.text))
    if any(position >= 0 for position, _, _ in items):
        items.sort()
    bom = any(b.kind == BOM_KIND for b in source.boilerplate)
    body = "".join(line + "\n" for _, _, line in items)
    if body.startswith("\ufeff"):
        body = "\n" + body  # a U+FEFF that starts a line is content, not a byte-order mark
    return ("\ufeff" if bom else "") + body


def _field_span(article: Article, name: str) -> Span | None:
    if article.provenance is None:
        return None
    return next((f.span for f in article.provenance.fields if f.name == name), None)
