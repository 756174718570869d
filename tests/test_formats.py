"""Tests of the reader infrastructure: registry, sniffing, decoding, totality, corpora."""

from __future__ import annotations

import codecs
import functools
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aistress.errors import ParseError, UnknownFormatError
from aistress.formats import (
    FormatGuess,
    _common,
    _text,
    decode,
    formats,
    get_format,
    iter_read,
    read,
    read_corpus,
    read_file,
    read_text,
    register,
    sniff,
    sniff_all,
    split_lines,
    unregister,
)
from aistress.formats.accounting import unaccounted
from aistress.model import Boilerplate, PartialDate, ReadFailure, Source, Span
from conftest import CORPUS, assert_lossless, missing_shared, seed
from conftest import bare_articles as _bare

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

#: Seed prefix -> the format it is written in.
SEEDS = {
    "000": "aggregator",
    "001": "translation",
    "002": "syndication",
    "003": "interleaved",
    "004": "digest",
}
#: Fixtures of ours -> their format.
OUR_FIXTURES = {
    "aggregator_harbor.txt": "aggregator",
    "translation_quill.txt": "translation",
    "syndication_matching.txt": "syndication",
    "html_northwind.html": "html",
    "aggregator_tidepool.txt": "aggregator",
    "aggregator_hant_lumi.txt": "aggregator",
    "text_alder.txt": "text",
    "text_hant_heron.txt": "text",
    "translation_hant_lumen.txt": "translation",
}


def _registered(name: str) -> None:
    if name not in formats():
        pytest.skip(f"the {name} format is not registered yet")


# --- registry ---------------------------------------------------------------


def test_builtin_formats_are_registered() -> None:
    """The four formats of this module set are registered with descriptions."""
    for name in ("aggregator", "translation", "syndication", "html"):
        spec = get_format(name)
        assert spec.write is not None
        assert spec.description


def test_register_and_read_a_format_of_ones_own() -> None:
    """A user's format is sniffed and read like the built-in ones, then removed."""

    def sniff_shout(text: str) -> FormatGuess:
        return FormatGuess("shout", 1.0 if text.startswith("SHOUT") else 0.0, ("starts loud",))

    def read_shout(text: str, *, path: str | None = None, source_id: str | None = None) -> Source:
        return Source(source_id or "s", "shout", path=path)

    register("shout", sniff=sniff_shout, read=read_shout)
    try:
        assert "shout" in formats()
        assert sniff("SHOUT at the page").format == "shout"
        assert read("SHOUT at the page").format == "shout"
        with pytest.raises(ValueError, match="already registered"):
            register("shout", sniff=sniff_shout, read=read_shout)
        register("shout", sniff=sniff_shout, read=read_shout, replace=True)
    finally:
        unregister("shout")
    assert "shout" not in formats()


def test_unknown_format_name_lists_the_registered_ones() -> None:
    """Asking for a format that does not exist is a ValueError naming the others."""
    with pytest.raises(ValueError, match="aggregator"):
        get_format("no-such-format")
    with pytest.raises(ValueError, match="callable"):
        register("broken", sniff=None, read=None)


def test_faulty_plugins_cannot_break_reading() -> None:
    """A sniffer that raises scores 0; a reader that raises becomes a ParseError."""

    def bad_sniff(text: str) -> FormatGuess:
        raise RuntimeError("boom")

    def bad_read(text: str, **kwargs: object) -> Source:
        raise KeyError("bug")

    register("faulty", sniff=bad_sniff, read=bad_read)
    try:
        guesses = {g.format: g for g in sniff_all("anything")}
        assert guesses["faulty"].confidence == 0.0
        assert "boom" in guesses["faulty"].reasons[0]
        with pytest.raises(ParseError, match="failed unexpectedly"):
            read_text("anything", format="faulty", path="x.txt")
    finally:
        unregister("faulty")


# --- sniffing -----------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "name"), sorted(SEEDS.items()))
def test_each_seed_is_sniffed_as_its_format_with_a_margin(prefix: str, name: str) -> None:
    """Every seed's own format wins clearly over every other registered sniffer."""
    _registered(name)
    guesses = sniff_all(seed(prefix).read_text(encoding="utf-8"))
    assert guesses[0].format == name
    assert guesses[0].confidence >= 0.8
    assert guesses[0].reasons
    assert guesses[1].confidence <= guesses[0].confidence - 0.3


# --- every seed, each in its own format -----------------------------------------


@pytest.mark.parametrize(("prefix", "name"), sorted(SEEDS.items()))
def test_each_seed_is_read_and_written_without_loss(prefix: str, name: str) -> None:
    """No character of a seed is left out of the source; written back, only whitespace differs."""
    _registered(name)
    spec = get_format(name)
    assert spec.write is not None
    text = seed(prefix).read_text(encoding="utf-8")
    assert_lossless(text, spec.read(text), spec.write)


@pytest.mark.parametrize(("prefix", "name"), sorted(SEEDS.items()))
def test_each_seed_written_reads_back_the_same(prefix: str, name: str) -> None:
    """Reading a written seed again gives the same articles, relations and boilerplate."""
    _registered(name)
    spec = get_format(name)
    assert spec.write is not None
    source = spec.read(seed(prefix).read_text(encoding="utf-8"), source_id="doc")
    again = spec.read(spec.write(source), source_id="doc")
    assert _bare(again) == _bare(source)
    assert again.relations == source.relations
    assert [b.text for b in again.boilerplate] == [b.text for b in source.boilerplate]


@pytest.mark.parametrize(("fixture", "name"), sorted(OUR_FIXTURES.items()))
def test_our_fixtures_are_sniffed_as_their_format(fixture: str, name: str) -> None:
    """Documents of other outlets in the same shapes are recognised too."""
    guesses = sniff_all((FIXTURES / fixture).read_text(encoding="utf-8"))
    assert guesses[0].format == name
    assert guesses[0].confidence >= 0.6
    others = [g for g in guesses[1:] if g.format != "text"]
    assert others[0].confidence < 0.5
    # The plain-text fallback sits near the threshold, clearly below the format's own evidence.
    if name != "text":
        fallback = next(g for g in guesses if g.format == "text")
        assert fallback.confidence <= guesses[0].confidence - 0.05


@given(st.text(max_size=200))
def test_sniffers_never_fail_and_stay_in_range(text: str) -> None:
    """Every registered sniffer returns a confidence between 0 and 1 for any text."""
    for spec in (get_format(name) for name in formats()):
        guess = spec.sniff(text)
        assert guess.format == spec.name
        assert 0.0 <= guess.confidence <= 1.0


def test_unrecognised_text_is_an_unknown_format_error_with_scores() -> None:
    """Text without a word raises UnknownFormatError carrying every score."""
    with pytest.raises(UnknownFormatError) as info:
        read("1234\n----\n5678")
    assert {name for name, _ in info.value.scores} == set(formats())
    assert "sniff scores" in info.value.reason
    assert info.value.line == 0


# --- decoding and layout variants of the seeds and our fixtures ------------------


#: Formats in which every line stands alone, so blank lines and indentation
#: between lines carry no meaning (unlike Markdown, where they do).
LINE_BASED = {"aggregator", "translation", "syndication", "interleaved"}


def _variants(text: str) -> dict[str, bytes]:
    lines = text.split("\n")
    return {
        "crlf": text.replace("\n", "\r\n").encode(),
        "cr": text.replace("\n", "\r").encode(),
        "bom": codecs.BOM_UTF8 + text.encode(),
        "utf-16": text.encode("utf-16"),
        "utf-16-be-bom": codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        "gb18030": text.encode("gb18030"),
        "trailing-spaces-and-tabs": "\n".join(f"{line}  \t" for line in lines).encode(),
        "blank-runs": re.sub(r"\n\n+", "\n\n \n\t\n\n", text).encode(),
        # Line-based formats only:
        "leading-tabs": "\n".join(f"\t{line}" for line in lines).encode(),
        "blank-between-lines": text.replace("\n", "\n \n\n").encode(),
    }


_VARIANT_NAMES = sorted(_variants("x"))
_DOCUMENTS = [(f"seed:{p}", n) for p, n in sorted(SEEDS.items())] + [
    (f"fixture:{f}", n) for f, n in sorted(OUR_FIXTURES.items()) if n != "html"
]


def _document(key: str) -> Path:
    kind, name = key.split(":", 1)
    return seed(name) if kind == "seed" else FIXTURES / name


@functools.cache
def _original(key: str) -> Source:
    """The document as written, read once for all its variants (sources are immutable)."""
    return read_file(_document(key))


@pytest.mark.parametrize("variant", _VARIANT_NAMES)
@pytest.mark.parametrize(("key", "name"), _DOCUMENTS)
def test_variants_read_the_same(key: str, name: str, variant: str, tmp_path: Path) -> None:
    """CRLF, CR, BOM, UTF-16, GB18030, tabs, trailing spaces, blank runs: same articles."""
    _registered(name)
    if variant in {"leading-tabs", "blank-between-lines"} and name not in LINE_BASED:
        pytest.skip(f"blank lines and indentation carry meaning in the {name} format")
    path = _document(key)
    original = _original(key)
    data = _variants(path.read_text(encoding="utf-8"))[variant]
    copy = tmp_path / path.name
    copy.write_bytes(data)
    source = read_file(copy)
    assert source.format == name
    assert _bare(source) == _bare(original)
    assert source.relations == original.relations
    decoded, encoding = decode(data)
    assert source.encoding == encoding
    assert all(a.provenance is None or a.provenance.encoding == encoding for a in source.articles)
    assert_lossless(decoded, source)
    codes = {w.code for w in source.warnings} - {w.code for w in original.warnings}
    assert codes <= ({"decoded-gb18030"} if variant == "gb18030" else set())


def test_gb18030_is_detected_and_recorded() -> None:
    """GBK/GB18030 bytes are decoded, the encoding recorded and the guess warned about."""
    data = seed("001").read_text(encoding="utf-8").encode("gb18030")
    source = read(data)
    assert source.encoding == "gb18030"
    assert source.article.provenance is not None
    assert source.article.provenance.encoding == "gb18030"
    assert "decoded-gb18030" in [w.code for w in source.warnings]
    explicit = read(data, encoding="gb18030")
    assert "decoded-gb18030" not in [w.code for w in explicit.warnings]


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "line", "column", "reason"),
    [
        (b"", 0, 0, "empty"),
        (b" \n\t\r\n", 0, 0, "empty"),
        (b"line one\nline\x00two", 2, 5, "binary"),
        (b"ok\r\rab\x00", 3, 3, "binary"),
        (b"one\rtwo\r\xc3\x28\xa0\xa1\x80\x80\x80", 3, 1, "not valid UTF-8"),
    ],
)
def test_bad_bytes_are_parse_errors_with_position(
    data: bytes, line: int, column: int, reason: str
) -> None:
    """Empty, binary and undecodable bytes raise ParseError pointing at the problem."""
    with pytest.raises(ParseError, match=reason) as info:
        read(data)
    assert (info.value.line, info.value.column) == (line, column)


def test_file_errors_name_the_path(tmp_path: Path) -> None:
    """A missing file and an empty file are ParseErrors naming the file."""
    missing = tmp_path / "missing.txt"
    with pytest.raises(ParseError, match="cannot read") as info:
        read_file(missing)
    assert info.value.path == str(missing)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    with pytest.raises(ParseError, match="empty") as info:
        read(empty)
    assert info.value.path == str(empty)


def test_unknown_or_wrong_encoding_is_a_parse_error() -> None:
    """An encoding that does not exist, or does not fit the bytes, is reported."""
    with pytest.raises(ParseError, match="unknown encoding"):
        decode(b"abc", encoding="no-such-codec")
    with pytest.raises(ParseError, match="not valid in ascii") as info:
        decode("ab\ncé".encode(), encoding="ascii")
    assert (info.value.line, info.value.column) == (2, 2)


def test_read_refuses_other_argument_types() -> None:
    """Passing something that is no path, bytes or text is API misuse."""
    with pytest.raises(TypeError):
        read(42)  # type: ignore[arg-type]


def _readers() -> list[tuple[str, Callable[..., Source]]]:
    return [(name, get_format(name).read) for name in formats()]


_PIECES = [
    *"ab 中文\n\r\t#()（）“”\"'<>&;:：@.©🚀\u200d\ufe0f\ufeff\xa0\u3000\u2028",
    "相关标签",
    "文章标签:",
    "负责编辑",
    "<p>",
    "</p>",
    "<!--",
    "01月25日",
    "Copyright ©",
]
_TROUBLE = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


@given(st.one_of(st.text(max_size=300), _TROUBLE))
def test_every_reader_reads_any_text_or_raises_parse_error(text: str) -> None:
    """Each registered module-level reader, called directly, returns a Source or ParseError."""
    for name, reader in _readers():
        try:
            source = reader(text)
        except ParseError as exc:
            error = exc
        else:
            assert isinstance(source, Source), name
            assert source.format == name
            assert unaccounted(text, source) == [], name
            continue
        assert error.line >= 0
        assert error.column >= 0
        assert error.reason


def _read_both_ways(reader: Callable[..., Source], text: str) -> tuple[object, object]:
    """What ``reader`` makes of ``text`` with validators skipped, and with them run."""
    outcomes: list[object] = []
    for skip in (True, False):
        _common.SKIP_VALIDATORS = skip
        try:
            outcomes.append(reader(text))
        except ParseError as exc:
            outcomes.append(("ParseError", exc.line, exc.column, exc.reason))
        finally:
            _common.SKIP_VALIDATORS = True
    return outcomes[0], outcomes[1]


@given(st.one_of(st.text(max_size=300), _TROUBLE))
def test_readers_skipping_validators_read_what_validated_readers_read(text: str) -> None:
    """Readers that skip the validators of the objects they build return the same sources."""
    for name, reader in _readers():
        fast, checked = _read_both_ways(reader, text)
        assert fast == checked, name


def test_our_documents_read_the_same_with_validators_skipped() -> None:
    """Every fixture and sample document of ours reads the same with validators run or skipped."""
    from aistress.sample import SAMPLE_FORMATS, sample_paths

    documents = [(FIXTURES / f, n) for f, n in OUR_FIXTURES.items()]
    documents += [(p, SAMPLE_FORMATS[p.name]) for p in sample_paths()]
    for path, name in documents:
        fast, checked = _read_both_ways(get_format(name).read, path.read_text(encoding="utf-8"))
        assert isinstance(fast, Source), path.name
        assert fast == checked, path.name


def test_readers_leave_the_validator_switch_as_they_found_it() -> None:
    """Validators are on again after a read, and off still if the user had turned them off."""
    import attrs

    reader = get_format("text").read
    reader("A short plain text.")
    assert not attrs.validators.get_disabled()
    attrs.validators.set_disabled(True)
    try:
        reader("A short plain text.")
        assert attrs.validators.get_disabled()
    finally:
        attrs.validators.set_disabled(False)


@given(st.binary(max_size=300))
def test_read_any_bytes_reads_or_raises_parse_error(data: bytes) -> None:
    """aistress.formats.read on arbitrary bytes never lets another exception escape."""
    try:
        source = read(data)
    except ParseError:
        return
    assert isinstance(source, Source)


@given(
    st.binary(max_size=300), st.sampled_from(["aggregator", "translation", "syndication", "html"])
)
def test_read_any_bytes_with_a_format_reads_or_raises_parse_error(data: bytes, name: str) -> None:
    """Forcing a format on arbitrary bytes also gives a Source or a ParseError."""
    try:
        read(data, format=name)
    except ParseError:
        return


# --- corpora --------------------------------------------------------------------


def test_read_corpus_records_failures_and_keeps_going(tmp_path: Path) -> None:
    """Good files are read; empty, binary and wordless files become failures."""
    for prefix in ("000", "001", "002"):
        path = seed(prefix)
        (tmp_path / path.name).write_bytes(path.read_bytes())
    for name in OUR_FIXTURES:
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "list.txt").write_text("1234\n----\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("skipped", encoding="utf-8")
    again = tmp_path / "again"
    again.mkdir()
    (again / seed("000").name).write_bytes(seed("000").read_bytes())

    corpus = read_corpus(tmp_path)
    assert len(corpus.sources) == 3 + len(OUR_FIXTURES) + 1
    failed = {Path(f.path).name: f for f in corpus.failures}
    assert set(failed) == {"empty.txt", "binary.bin", "list.txt"}
    assert failed["list.txt"].error == "UnknownFormatError"
    assert failed["binary.bin"].line == 1
    assert f"{seed('000').stem}#en" in corpus
    assert f"{seed('001').stem}#zh" in corpus
    # A second file of the same name elsewhere keeps its own, distinct ids.
    copy = next(s for s in corpus.sources if s.path == str(again / seed("000").name))
    assert copy.id.startswith(f"{seed('000').stem}-")
    assert copy.article.id == f"{copy.id}#en"
    with pytest.raises(ParseError):
        read_corpus(tmp_path, strict=True)


def test_read_corpus_of_the_shared_seeds() -> None:
    """Reading the shared corpus folder gives one source per seed whose format is registered."""
    if not CORPUS.is_dir():
        missing_shared("no shared corpus")
    corpus = read_corpus(CORPUS)
    read_formats = {s.format for s in corpus.sources}
    for name in SEEDS.values():
        if name in formats():
            assert name in read_formats
    assert corpus[f"{seed('000').stem}#zh-summary"].kind.value == "summary"


def test_iter_read_yields_failures_instead_of_raising(tmp_path: Path) -> None:
    """iter_read turns each unreadable file into a ReadFailure with its position."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"ok\nno\x00pe")
    (result,) = list(iter_read([bad]))
    assert isinstance(result, ReadFailure)
    assert (result.line, result.column) == (2, 3)


# --- _text ------------------------------------------------------------------------


def test_split_lines_keeps_offsets_for_every_terminator() -> None:
    """LF, CRLF and CR end lines; offsets index the original text; U+2028 stays inside."""
    text = "a\r\nb\rc\nd\u2028e"
    lines = split_lines(text)
    assert [line.text for line in lines] == ["a", "b", "c", "d\u2028e"]
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert [line.number for line in lines] == [1, 2, 3, 4]


@given(st.text(alphabet="\n\r \t\u3000\xa0\u2028\x85\x0cab中", max_size=40))
def test_split_lines_fast_path_matches_the_terminator_scan(text: str) -> None:
    """Splitting at LF in C gives the lines the terminator-by-terminator scan gives."""
    lines = split_lines(text)
    assert lines == list(_text.iter_lines(text))
    for line in lines:
        assert line.blank == _text.is_blank(line.text)
        assert line.trimmed() == _text.trim(line.text, 0, len(line.text), line.start)


@given(st.text(alphabet="\x00\x08\t\n\x0b\x0c\r\x0e\x1f\x7f\x80\xff\ud800\udfffa中😀", max_size=12))
def test_binary_prefilter_never_misses_what_the_pattern_finds(text: str) -> None:
    """The byte-level test says "maybe binary" exactly when the pattern finds something."""
    assert _text.may_hold_binary(text) == (_common._NOT_TEXT.search(text) is not None)


@given(st.text(alphabet="\x08\t\n\x0b\x0c\r\x0e\x1f\x7f\x80\xffa中😀", max_size=12))
def test_decoded_text_is_tested_for_control_characters_on_its_bytes(text: str) -> None:
    """A text just decoded from UTF-8 is "maybe binary" exactly when the pattern finds something."""
    decoded, used = _text.decode(text.encode("utf-8"))
    assert (decoded, used) == (text, "utf-8")
    assert _text.may_hold_binary(decoded) == (_common._NOT_TEXT.search(decoded) is not None)


@given(st.text(alphabet=" \t\u3000\xa0\u2028\u200bab中", max_size=20), st.data())
def test_trim_drops_exactly_the_whitespace_characters(text: str, data: st.DataObject) -> None:
    """Trimming narrows a range to where its first and last non-whitespace characters are."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    kept = [i for i in range(start, end) if not text[i].isspace()]
    expected = (kept[0], kept[-1] + 1) if kept else (end, end)
    assert _text.trim(text, start, end, 7) == (expected[0] + 7, expected[1] + 7)


@given(
    st.text(alphabet=" \n\u3000\xa0ab中", max_size=30),
    st.lists(st.tuples(st.integers(-2, 32), st.integers(0, 34), st.booleans()), max_size=6),
)
def test_unaccounted_equals_the_per_character_definition(
    text: str, spans: list[tuple[int, int, bool]]
) -> None:
    """The gap search finds the same uncovered runs as a walk over every character."""
    from aistress.formats.accounting import _reference_unaccounted

    items = [
        Boilerplate("x", "", Span("s" if own else "other", max(0, a), max(0, a) + b))
        for a, b, own in spans
    ]
    source = Source("s", "x", boilerplate=items)
    assert unaccounted(text, source) == _reference_unaccounted(text, source)


def test_position_counts_every_line_terminator() -> None:
    """Line and column of an offset count LF, CRLF and CR alike."""
    assert _text.position("a\r\nb\rcd", 6) == (3, 2)
    assert _text.position("abc", 99) == (1, 4)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + "中".encode(), "utf-8-sig"),
        ("中".encode("utf-16"), "utf-16"),
        ("中".encode("utf-32"), "utf-32"),
        ("中文".encode("gb18030"), "gb18030"),
        ("中文".encode(), "utf-8"),
    ],
)
def test_decode_detects_boms_and_gb18030(data: bytes, expected: str) -> None:
    """A BOM picks the codec; otherwise UTF-8, then GB18030; the BOM is not in the text."""
    text, used = decode(data)
    assert used == expected
    assert text.lstrip("\ufeff") == text
    assert "中" in text


def test_source_id_is_the_stem_or_a_hash() -> None:
    """A path gives its stem; text alone gives a stable hash."""
    assert _text.source_id("a/b/000_x.txt", "") == "000_x"
    assert _text.source_id(None, "abc") == _text.source_id(None, "abc")
    assert _text.source_id(None, "abc") != _text.source_id(None, "abd")


# --- accounting ---------------------------------------------------------------------


def test_unaccounted_ignores_whitespace_and_other_documents() -> None:
    """Only non-whitespace characters outside this source's spans are reported."""
    items = [
        Boilerplate("x", "ab", Span("s", 0, 2)),
        Boilerplate("y", "cd", Span("other", 3, 5)),
        Boilerplate("z", "", Span("s", 50, 60)),
    ]
    source = Source("s", "x", boilerplate=items)
    assert unaccounted("ab cd\u3000ef", source) == [(3, 5), (6, 8)]


# --- _common --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TechWire 01月25日", PartialDate(None, 1, 25)),
        ("发表于2024年10月20日", PartialDate(2024, 10, 20)),
        ("2024年 3月", PartialDate(2024, 3)),
        ("on 2025-01-05T10:00", PartialDate(2025, 1, 5)),
        ("Jan. 5", PartialDate(None, 1, 5)),
        ("5th March 2023", PartialDate(2023, 3, 5)),
        ("02月30日 then 03月01日", PartialDate(None, 3, 1)),
        ("版权 2021年", PartialDate(2021)),
    ],
)
def test_find_date_understands_printed_dates(text: str, expected: PartialDate) -> None:
    """Chinese, ISO and English dates are found and kept as partial as printed."""
    found = _common.find_date(text)
    assert found is not None
    assert found.date == expected
    assert found.start < found.end


def test_find_date_gives_none_without_a_date() -> None:
    """Text without a date, or with impossible ones only, gives None."""
    assert _common.find_date("no date here, 13月40日") is None


def test_leading_emoji_takes_joined_sequences_but_not_symbols() -> None:
    """ZWJ sequences, variation selectors and skin tones stay together; © is no emoji."""
    assert _common.leading_emoji("🧑\u200d💻要点") == "🧑\u200d💻"
    assert _common.leading_emoji("⚠️注意") == "⚠️"
    assert _common.leading_emoji("👍🏽好") == "👍🏽"
    assert _common.leading_emoji("© 2024") is None
    assert _common.leading_emoji("1️⃣ one") is None


def test_name_artefacts_need_an_exact_repeat() -> None:
    """Only a parenthesised copy of the words right before it is an artefact."""
    assert _common.name_artefacts("王五(王五)说") == [(2, 6)]
    assert _common.name_artefacts("王五（王五）说") == [(2, 6)]
    assert _common.name_artefacts("王五(赵六)说") == []
    assert _common.name_artefacts("年份(12)") == []
    assert _common.name_artefacts("(王五)") == []


def test_main_language_counts_paragraph_votes() -> None:
    """Most paragraphs decide; a tie goes to the language with more words."""
    assert _common.main_language(["中文一句。", "中文两句。", "One English."]) == "zh"
    assert _common.main_language(["短。", "A much longer English sentence here."]) == "en"
    assert _common.main_language(["123", ""]) is None


@given(st.lists(st.text(alphabet="ab Z中文é1。", max_size=8), max_size=6))
def test_languages_gives_main_language_and_each_language_of(texts: list[str]) -> None:
    """One count per text gives what main_language and language_of give apiece."""
    assert _common.languages(texts) == (
        _common.main_language(texts),
        [_common.language_of(text) for text in texts],
    )


def test_check_text_points_at_control_characters() -> None:
    """Control characters are refused with their line and column; tabs and CR are fine."""
    _common.check_text("a\tb\r\nc\x0cd")
    with pytest.raises(ParseError) as info:
        _common.check_text("ok\r\nab\x1b[0m")
    assert (info.value.line, info.value.column) == (2, 3)
    assert "U+001B" in info.value.reason


def test_evidence_clamps_and_keeps_reasons() -> None:
    """Confidence stays within 0 and 1 whatever the weights."""
    ev = _common.Evidence("f")
    ev.add(0.8, "a")
    ev.add(0.7, "b")
    assert ev.guess().confidence == 1.0
    ev.add(-5, "c")
    assert ev.guess() == FormatGuess("f", 0.0, ("a", "b", "c"))


def test_sample_lines_reads_head_and_tail_of_long_text() -> None:
    """Sniffers see the start and the end of a long text, not all of it."""
    text = "first\n" + "x\n" * 100_000 + "last"
    sample = _common.sample_lines(text, head=100, tail=50)
    assert sample[0] == "first"
    assert sample[-1] == "last"
    assert len(sample) < 100


def test_bundled_word_lists_load() -> None:
    """The data files the readers use are shipped and parsed, comments skipped."""
    for name in (
        "aggregator_promotions",
        "aggregator_tag_labels",
        "aggregator_footer_labels",
        "outlet_channels",
        "translation_tag_labels",
        "translation_editor_labels",
        "image_credits",
        "related_labels",
        "byline_labels",
        "text_tag_labels",
        "html_skip_classes",
    ):
        entries = _common.load_list(name)
        assert entries
        assert not any(e.startswith("#") or e != e.strip() for e in entries)


def test_page_records_a_leading_bom() -> None:
    """A BOM at the start of decoded text is boilerplate and not part of line 1."""
    page = _common.Page.open("\ufeffab\ncd", path=None, source_id="s", format="f")
    assert page.lines[0].text == "ab"
    assert page.boilerplate[0] == Boilerplate(_common.BOM_KIND, "\ufeff", Span("s", 0, 1))
    with pytest.raises(ValueError, match="source_id"):
        _common.Page.open("x", path=None, source_id=" ", format="f")
