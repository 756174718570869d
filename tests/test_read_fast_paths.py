"""The readers' bulk paths give what their definitions, line by line and text by text, give."""

from __future__ import annotations

import re

from hypothesis import example, given
from hypothesis import strategies as st

from aistress.formats import (
    FormatGuess,
    _common,
    _scripts,
    aggregator,
    digest,
    interleaved,
    register,
    sniff_all,
    text,
    translation,
    unregister,
)
from aistress.formats._common import Page
from aistress.formats._text import line_texts, split_lines
from aistress.text.language import _counts, letter_counts_many

# Letters of both scripts, the characters the byte streams cannot decide, the
# separators the bulk count uses, whitespace and every line terminator.
_ALPHABET = st.sampled_from(
    [
        *"aZé\u0101\u0201\u3005\u3007\u4d00\u4e00\u9fff\uf900\U00020000 ,。\u3001\u0a0a\x00",
        *("\U0001f600", "\u0aff", "\u01ff", "\u0250", "\ufeff", "\t", "\u3000", "\x0c", "\u2028"),
    ]
)
_LINES = st.sampled_from(
    ["", " ", "\u3000", "\t ", "\x0c", "a", "A line.", " indented", "中文一句。", "x\u2028y"]
)
_BREAKS = st.sampled_from(["\n", "\r\n", "\r"])


@given(st.lists(st.text(_ALPHABET, max_size=12), max_size=8))
def test_bulk_letter_counts_equal_one_by_one(texts: list[str]) -> None:
    """letter_counts_many gives the counts of letter_counts text by text."""
    expected = ([_counts(t)[0] for t in texts], [_counts(t)[1] for t in texts])
    assert letter_counts_many(texts) == expected


@given(st.lists(st.text(_ALPHABET, max_size=6) | st.text(st.sampled_from("aZ .\x00"), max_size=6)))
def test_bulk_letter_counts_of_ascii_and_wide_texts_equal_one_by_one(texts: list[str]) -> None:
    """ASCII texts counted in their own stream, among others, keep the counts of letter_counts."""
    expected = ([_counts(t)[0] for t in texts], [_counts(t)[1] for t in texts])
    assert letter_counts_many(texts) == expected


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 3)), max_size=12))
def test_languages_of_counts_equal_the_vote_text_by_text(counts: list[tuple[int, int]]) -> None:
    """The bulk languages of counts (weights summed only on a tie) equal the vote one by one."""
    latin, han = [n for n, _ in counts], [h for _, h in counts]
    assert _scripts.languages_of_counts(latin, han) == _scripts._languages_by_definition(counts)


@given(st.lists(st.sampled_from([None, "en", "zh"])), st.sampled_from(["en", "zh"]))
def test_foreign_languages_are_the_others(each: list[str | None], language: str) -> None:
    """The foreign languages are those that are not the article's (found by look-ups in C)."""
    expected = [lang if lang not in (None, language) else None for lang in each]
    assert _scripts.foreign(each, language) == expected


@given(st.lists(st.text(_ALPHABET, max_size=12), max_size=40))
def test_bulk_languages_equal_one_by_one(texts: list[str]) -> None:
    """The bulk languages give the same main language and per-text languages as the loop."""
    assert _scripts._languages_many(texts) == _scripts._languages_one_by_one(texts)


# Characters about the edges of the Latin letters, punctuation and other
# scripts below the Han lead bytes; and characters that send texts to the
# counts (Han, CJK marks, emoji, U+0240-U+027F, a NUL, a lone surrogate).
_NO_HAN = st.sampled_from(
    [*"aZ1 .\u00bf\u00c0\u00d7\u00ff\u0100\u01ff\u0200\u023f\u02ff\u2019\u2fff\ua000\ueeee"]
)
_TROUBLE = st.sampled_from(
    [
        *"\u3005\u3007\u3000\u33ff\u3400\u4dc0\u4e00\uf000\uf900\x00\u0240\u024f\u0250\ud800",
        *("\U0001f600", "\U00020000", "\U00031350"),
    ]
)


@given(
    st.lists(st.text(_NO_HAN, max_size=6), max_size=80),
    st.integers(0, 80),
    st.none() | st.text(_TROUBLE, min_size=1, max_size=2),
)
def test_bulk_languages_without_han_equal_one_by_one(
    texts: list[str], where: int, trouble: str | None
) -> None:
    """Texts without a Han character get the loop's languages from their bytes alone."""
    if trouble is not None:
        texts.insert(where, trouble)
    assert _scripts._languages_many(texts) == _scripts._languages_one_by_one(texts)


@given(
    st.lists(st.text(_NO_HAN, max_size=6), max_size=80),
    st.lists(st.tuples(st.integers(0, 80), st.text(_TROUBLE | _ALPHABET, min_size=1, max_size=3))),
)
def test_script_counts_many_equal_the_letter_counts(
    texts: list[str], others: list[tuple[int, str]]
) -> None:
    """Counts in bytes of texts without Han characters, and the others', are the text layer's."""
    for where, other in others:
        texts.insert(where, other)
    assert _scripts.script_counts_many(texts) == letter_counts_many(texts)


@given(st.lists(st.tuples(_LINES, _BREAKS), min_size=1, max_size=30), st.booleans())
def test_pieces_are_the_blank_line_groups(lines: list[tuple[str, str]], bom: bool) -> None:
    """The text reader's pieces are the runs of non-blank lines of Page.lines."""
    document = ("\ufeff" if bom else "") + "".join(line + end for line, end in lines) + "x"
    page = Page(document, path=None, source_id="s", format="text")
    groups = text._raw_groups(page.lines)
    pieces = text._Pieces(page)
    assert len(pieces.texts) == len(groups)
    assert pieces.content == sum(map(len, groups))
    assert pieces.multi == [k for k, group in enumerate(groups) if len(group) > 1]
    for k, group in enumerate(groups):
        first, last = group[0].trimmed()[0], group[-1].trimmed()[1]
        assert (pieces.first[k], pieces.last[k]) == (first, last)
        assert pieces.texts[k] == document[first:last]
        got = [(line.start, line.end, line.text) for line in pieces.lines(k)]
        assert got == [(line.start, line.end, line.text) for line in group]


@given(st.lists(st.tuples(_LINES, _BREAKS), min_size=1, max_size=30), st.booleans())
def test_content_lines_are_the_non_blank_lines(lines: list[tuple[str, str]], bom: bool) -> None:
    """Page.content_lines, made without the blank lines' records, equals filtering Page.lines."""
    document = ("\ufeff" if bom else "") + "".join(line + end for line, end in lines)
    fresh = Page(document, path=None, source_id="s", format="text")
    split = Page(document, path=None, source_id="s", format="text")
    expected = [line for line in split.lines if not line.blank]
    assert fresh.content_lines() == expected
    assert split.content_lines() == expected


@given(
    st.lists(st.tuples(_LINES, _BREAKS), min_size=1, max_size=30),
    st.booleans(),
    st.lists(st.booleans()),
    st.integers(-3, 3),
)
def test_content_columns_hold_the_non_blank_lines(
    lines: list[tuple[str, str]], bom: bool, keep: list[bool], cut: int
) -> None:
    """Page.content_columns, sliced or selected, makes the records of Page.content_lines."""
    document = ("\ufeff" if bom else "") + "".join(line + end for line, end in lines)
    expected = Page(document, path=None, source_id="s", format="text").content_lines()
    page = Page(document, path=None, source_id="s", format="text")
    for _ in range(2):
        columns = page.content_columns()
        assert list(columns) == expected
        assert list(columns[cut:]) == expected[cut:]
        selected = [line for line, k in zip(expected, keep, strict=False) if k]
        assert list(columns.select(keep)) == selected
        assert page.line_spans(columns) == page.line_spans(expected)
        assert page.line_spans(expected) == [page.line_span(line) for line in expected]
        assert len(page.lines) >= len(expected)  # split: the next round reads the records


@given(st.lists(st.tuples(_LINES, _BREAKS), max_size=30), st.booleans())
def test_sample_lines_are_the_split_lines(lines: list[tuple[str, str]], cut: bool) -> None:
    """The sniffers' sample holds the texts of split_lines, without making the records."""
    document = "".join(line + end for line, end in lines) + ("" if cut else "x")
    assert line_texts(document) == tuple(line.text for line in split_lines(document))


@given(st.lists(st.tuples(_LINES, _BREAKS), max_size=30), st.integers(1, 40))
def test_sniffers_share_the_sample_of_the_text_they_are_asked_about(
    lines: list[tuple[str, str]], head: int
) -> None:
    """While sniff_all runs, the kept samples are those sample_lines makes of the sniffed text."""
    document = "".join(line + end for line, end in lines) + "x"
    other = document + "\ny"
    seen = []

    def probe(text: str) -> FormatGuess:
        for sampled in (text, other):  # the sniffed text, then one no sniffer is asked about
            seen.append((_common.sample_lines(sampled), _common.sample_content(sampled)))
            seen.append((_common.sample_lines(sampled, head=head, tail=3), None))
        return FormatGuess("probe", 0.0)

    register("probe", sniff=probe, read=lambda text, **kw: None)
    try:
        sniff_all(document)
        sniff_all(document)
    finally:
        unregister("probe")
    for sampled in (document, other) * 2:
        sample = line_texts(sampled)
        assert seen.pop(0) == (list(sample), tuple(t.strip() for t in sample if t.strip()))
        cut = line_texts(sampled[:head]) + line_texts(sampled[-3:])
        assert seen.pop(0) == (list(sample if len(sampled) <= head + 3 else cut), None)


@given(
    st.lists(
        st.text(_ALPHABET | st.sampled_from(["A", "b", "、", "（", "\u2e80", "\uff0c"])),
        max_size=20,
    )
)
def test_bulk_line_languages_equal_line_by_line(texts: list[str]) -> None:
    """The interleaved sniffer's bulk labels are line_language of each line."""
    assert interleaved._line_languages(texts) == [interleaved.line_language(t) for t in texts]


@given(
    st.lists(
        st.lists(
            st.sampled_from(["Tea", "x", " ", "李白", "中", "。", "，", "（", "A b", "\u2e80"]),
            max_size=8,
        ).map("".join),
        max_size=20,
    )
)
def test_sniffer_asks_split_bilingual_about_every_line_it_may_split(texts: list[str]) -> None:
    """Lines the sniffer's bulk counts rule out are lines split_bilingual does not split."""
    labels, splits = interleaved._labels_and_splits(texts)
    assert labels == [interleaved.line_language(t) for t in texts]
    for line, may in zip(texts, splits, strict=True):
        assert may or interleaved.split_bilingual(line) is None


# Pieces of footer lines and of prose: labels in both scripts, contact words in
# any case (with the letters whose lower case is ASCII), promotions, addresses.
_FOOTER_PIECES = st.sampled_from(
    [
        *("相關標籤：", "相关标签", "Tags:", "TAGS", " related ", "Related:"),
        *("Contact", "E-MAIL", "e-mail ", "FeedBac\u212a", "EMA\u0130L", "emaıl", "聯絡", "反馈"),
        *("联系邮箱 ", "a@b.example.org", "www.example.net", " ", "。", ". The", "x" * 90),
        *("Our team wrote this.", "压力很大", "🚀", "\u3000"),
        *(aggregator._promotion_prefixes()[:2]),
    ]
)


@given(st.lists(st.lists(_FOOTER_PIECES, max_size=4).map("".join), max_size=25))
def test_first_footer_line_is_the_first_line_footer_line_takes(texts: list[str]) -> None:
    """The footer search tested in bulk finds the first line _footer_line takes, or the end."""
    lines = split_lines("\n".join(texts))
    for begin in range(min(2, len(lines) + 1)):
        expected = next(
            (k for k in range(begin, len(lines)) if aggregator._footer_line(lines[k].stripped)),
            len(lines),
        )
        texts = [line.stripped for line in lines[begin:]]
        assert begin + aggregator._first_footer_line(texts) == expected
        han = letter_counts_many(texts)[1]  # the Chinese words looked for where Han is
        assert begin + aggregator._first_footer_line(texts, han) == expected


@given(st.lists(st.lists(_FOOTER_PIECES, max_size=3).map("".join), max_size=12))
def test_bulk_footer_tests_find_every_label_and_contact_word(texts: list[str]) -> None:
    """The bulk label test equals _label_line; the contact search finds every _contact_word."""
    stripped = [t.strip() for t in texts]
    labels = aggregator._label_lines(stripped, list(map(len, stripped)))
    assert list(labels) == [k for k, t in enumerate(stripped) if aggregator._label_line(t)]
    contact = {k for k, t in enumerate(texts) if aggregator._contact_word(t)}
    assert contact <= aggregator._contact_lines(texts)


# Pieces of translation footers and body lines: labels in both scripts with
# either colon, hashtags, image files and credits, name artefacts.
_TRANSLATION_PIECES = st.sampled_from(
    [
        *("文章标签", "標籤", "责任编辑", "負責編輯", "译者", "编辑:", "：", ": ", " ", "#压力"),
        *("#AI#", "他说：", "Getty Images", "photo_123.JPG", "a-1234", "（", "(", ")", "）"),
        *("安娜·克劳", "(安娜·克劳)", "x" * 45, "。"),
        *("原文链接: ", "ſource：", "SOURCE:", "Original : ", "来源：", "https://x.example/a"),
        *("Tags: ", "tags", "Editor", "Σ", "İ", "照片", "IMG.png", "图.jpg", "_", "-", "."),
    ]
)


@given(st.lists(st.lists(_TRANSLATION_PIECES, max_size=5).map("".join), max_size=20))
@example(["他说：好", "標籤： #压力 #AI#", "编辑"])
@example(["photo_123.JPG", "负责编辑：安娜·克劳", "Getty Images"])
def test_translation_bulk_tests_equal_the_line_tests(texts: list[str]) -> None:
    """The translation reader's footer search and image test in C equal the line-by-line tests."""
    stripped = [t.strip() for t in texts]
    expected = next((k for k, t in enumerate(stripped) if translation._footer_line(t)), len(texts))
    assert translation._first_footer_line(stripped) == expected
    assert translation._images(texts) == [k for k, t in enumerate(texts) if translation._image(t)]
    links = {k: m.span("url") for k, m in translation._source_links(stripped).items()}
    found = {k: translation._SOURCE_LINK.fullmatch(t) for k, t in enumerate(stripped)}
    assert links == {k: m.span("url") for k, m in found.items() if m is not None}


def test_source_link_starts_are_every_first_character_the_pattern_takes() -> None:
    """No character outside the link starts begins a text the source-link pattern takes."""
    starts = set(translation._LINK_STARTS)
    for code in range(0x10000):
        char = chr(code)
        if char in starts or 0xD800 <= code < 0xE000:
            continue
        for rest in ("ource: https://x", "riginal: https://x", "文: https://x", "源: https://x"):
            assert translation._SOURCE_LINK.fullmatch(char + rest) is None, char


_INDENTS = st.sampled_from(["", " ", "\u3000", "\t "])


@given(st.lists(st.tuples(_INDENTS, st.lists(_TRANSLATION_PIECES).map("".join), _INDENTS)))
def test_translation_collapses_stripped_texts_as_lines(lines: list[tuple[str, str, str]]) -> None:
    """Name artefacts removed from the stripped texts are those _collapse removes from the lines."""
    records = split_lines("\n".join(a + b + c for a, b, c in lines) + "\nx")[:-1]
    expected: list[tuple[str, int, int]] = []
    collapsed = [translation._collapse(line, expected) for line in records]
    texts = [line.stripped for line in records]
    found: list[tuple[str, int, int]] = []
    texts = translation._collapse_all(records, texts, found)
    assert (texts, found) == (collapsed, expected)


_PAREN = re.compile(r"[(（](?P<inner>[^()（）\n\r]{2,40})[)）]")


def _name_artefacts_by_definition(text: str) -> list[tuple[int, int]]:
    """Each parenthesised copy (2-40 characters, a letter, no outer space) of what precedes it."""
    found = []
    for match in _PAREN.finditer(text):
        inner, start = match.group("inner"), match.start()
        if (
            inner.strip() == inner
            and re.search(r"[^\W\d_]", inner)
            and text[max(0, start - len(inner)) : start] == inner
        ):
            found.append((start, match.end()))
    return found


_ARTEFACT_PIECES = st.sampled_from(
    [*("(", ")", "（", "）", "ab", "b", "中文", "文", " ", "\u3000", "\x1c", "\n", "\r", "1", "·")]
)


@given(st.lists(_TRANSLATION_PIECES | _ARTEFACT_PIECES | st.sampled_from(["(ab)", "（中文）"])))
@example(["y" * 40, "(", "y" * 40, ")", "z" * 41, "(", "z" * 41, ")"])
@example(["ab", "(ab)", "\n", "中文", "（中文）", "b(b)", "x" * 45, "(", "x" * 45, ")"])
def test_name_artefacts_are_those_of_the_definition(pieces: list[str]) -> None:
    """The search over the reversed text finds the artefacts the forward definition finds."""
    text = "".join(pieces)
    assert _common.name_artefacts(text) == _name_artefacts_by_definition(text)


_SUMMARY_LINES = st.sampled_from(
    ["🚀 速度至上", "🚀", "💡 Keep calm.", "中文摘要一句。", "An English line.", "  ", "42", "🥵x"]
)


@given(st.lists(_SUMMARY_LINES, max_size=150))
def test_summary_blocks_and_first_english_equal_the_line_by_line_reading(lines: list[str]) -> None:
    """The bulk summary blocks, first English line and body language equal the line-by-line ones."""
    page = Page("\n".join(lines) + "\nx", path=None, source_id="s", format="aggregator")
    content = page.content_lines()[:-1]
    texts = [line.stripped for line in content]
    marks = [_common._LEADING_EMOJI.match(t) for t in texts]
    expected = next(
        (
            k
            for k, t in enumerate(texts)
            if _common.leading_emoji(t) is None and _common.language_of(t) == "en"
        ),
        None,
    )
    each = _common.languages(texts)[1]
    assert next(aggregator._plain_english(each, marks), None) == expected
    english = any(
        _common.leading_emoji(line.stripped) is None
        and _common.language_of(line.text) == "en"
        and line.stripped.rstrip(aggregator._CLOSERS).endswith(aggregator._TERMINAL)
        for line in content
    )
    plain = [line.text for line in content if _common.leading_emoji(line.stripped) is None]
    body = "en" if english else _common.main_language(plain) or "en"
    assert aggregator._body_language(texts, marks, each) == body
    main = _common.main_language(texts) or "zh"
    blocks = []
    for line in content:
        marker = _common.leading_emoji(line.stripped)
        rest = line.stripped[len(marker) :].strip() if marker else ""
        lang = _common.language_of(line.stripped)
        lang = lang if lang not in (None, main) else None
        if marker and rest:
            blocks.append(page.block("point", line, text=rest, marker=marker, language=lang))
        else:
            blocks.append(page.block("paragraph", line, language=lang))
    languages = _common.languages(texts)[1]
    assert aggregator._summary_blocks(page, content, texts, marks, languages, main) == blocks


@given(
    st.text(st.sampled_from(["-", "*", "_", "+", "#", "1", "\u0661", "a", "中", " ", ":", "\t"]))
)
def test_digest_sniffer_skips_only_lines_no_pattern_counts(line: str) -> None:
    """A line the digest sniffer skips (no mark or digit first) is no rule, item, heading, label."""
    if line.startswith(digest._SNIFF_MARKS) or line[:1].isdecimal():
        return
    assert digest._SNIFF_RULE.fullmatch(line) is None
    assert digest._SNIFF_ITEM.match(line) is None
    assert digest._SNIFF_HEADING.match(line) is None
    field = digest._FIELD.fullmatch(line)
    assert field is None or not field.group("open")
