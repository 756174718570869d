"""The aistress command line, run in-process through aistress.cli.main."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aistress.alignment import align, read_tmx
from aistress.cli import EXIT_ALL_FAILED, EXIT_FAILED, EXIT_OK, EXIT_USAGE, Progress, main
from aistress.comparison import compare
from aistress.formats import read
from aistress.io.json import load_jsonl
from aistress.model import (
    Alignment,
    ArticleRecord,
    Comparison,
    Quote,
    ReadFailure,
    Source,
    Stressor,
    short_id,
)
from aistress.quotes import extract_quotes
from aistress.sample import SAMPLE_FORMATS, sample_paths
from aistress.tagging import tag

SAMPLE = {p.name: p for p in sample_paths()}
AGGREGATOR = str(SAMPLE["01_aggregator.txt"])
TRANSLATION = str(SAMPLE["02_translation.txt"])
SYNDICATION = str(SAMPLE["03_syndication.txt"])
INTERLEAVED = str(SAMPLE["04_interleaved.txt"])


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return (exit status, stdout, stderr)."""
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Three sample files, one in a subfolder, plus hidden files that must be skipped."""
    root = tmp_path / "docs"
    (root / "more").mkdir(parents=True)
    shutil.copy(AGGREGATOR, root)
    shutil.copy(TRANSLATION, root)
    shutil.copy(SYNDICATION, root / "more")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (root / ".notes.txt").write_text("not a document\n", encoding="utf-8")
    return root


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A file no reader recognises: readable text is always read, so it holds no word."""
    path = tmp_path / "broken.txt"
    path.write_text("1234\n----\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------
# usage


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["read"],
        ["read", "--no-such-option", AGGREGATOR],
        ["read", "--jobs", "-1", AGGREGATOR],
        ["read", "--jobs", "many", AGGREGATOR],
        ["read", "--format", "no-such-format", AGGREGATOR],
        ["align", AGGREGATOR, TRANSLATION, "--unit", "word"],
        ["corpus", AGGREGATOR],
    ],
)
def test_bad_usage_exits_2_with_a_message(
    capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """Wrong command lines exit 2 and say what is wrong on stderr, without a traceback."""
    code, out, err = run(capsys, *argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert "error" in err
    assert "Traceback" not in err


def test_help_and_version_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists every command and --version prints the installed version, both with status 0."""
    code, out, _ = run(capsys, "--help")
    assert code == EXIT_OK
    for command in ("read", "align", "quotes", "tag", "compare", "corpus", "report"):
        assert command in out
    code, out, _ = run(capsys, "--version")
    assert code == EXIT_OK
    assert out.startswith("aistress ")


def test_python_dash_m_runs_the_same_program() -> None:
    """`python -m aistress` is the command line."""
    done = subprocess.run(
        [sys.executable, "-m", "aistress", "read", AGGREGATOR],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert "aggregator" in done.stdout


# ---------------------------------------------------------------------------
# read


def test_read_summarises_each_file(capsys: pytest.CaptureFixture[str]) -> None:
    """`read` prints each file's format, articles, kinds, languages, titles and counts."""
    code, out, err = run(capsys, "read", AGGREGATOR, SYNDICATION)
    assert code == EXIT_OK, err
    assert err == ""
    source = read(Path(AGGREGATOR))
    assert f"{AGGREGATOR}: aggregator, {len(source.articles)} articles" in out
    assert f"news (en): {source.article.title}" in out
    assert f"{SYNDICATION}: syndication, 1 article" in out
    assert "boilerplate:" in out
    assert "warnings:" in out
    assert out.index(AGGREGATOR) < out.index(SYNDICATION)


def test_read_json_writes_one_source_record_per_file(capsys: pytest.CaptureFixture[str]) -> None:
    """`read --json` writes JSON Lines that load back to the very sources the library reads."""
    code, out, _ = run(capsys, "read", "--json", AGGREGATOR, TRANSLATION)
    assert code == EXIT_OK
    records = list(load_jsonl(io.StringIO(out)))
    assert records == [read(Path(AGGREGATOR)), read(Path(TRANSLATION))]


def test_read_lists_failures_and_exits_1(
    capsys: pytest.CaptureFixture[str], broken: Path, tmp_path: Path
) -> None:
    """Files that cannot be read are listed on stderr with their reason; the others still read."""
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, "read", str(broken), AGGREGATOR, str(missing))
    assert code == EXIT_FAILED
    assert f"{AGGREGATOR}: aggregator" in out
    failed = [line for line in err.splitlines() if line.startswith("aistress: failed:")]
    assert len(failed) == 2
    assert str(broken) in failed[0]
    assert "no reader recognises" in failed[0]
    assert str(missing) in failed[1]
    assert "cannot read the file" in failed[1]
    assert "2 files could not be read" in err


def test_read_json_records_failures_too(capsys: pytest.CaptureFixture[str], broken: Path) -> None:
    """With --json a failed file becomes a ReadFailure record in its place."""
    code, out, _ = run(capsys, "read", "--json", str(broken), AGGREGATOR)
    assert code == EXIT_FAILED
    first, second = load_jsonl(io.StringIO(out))
    assert isinstance(first, ReadFailure)
    assert first.path == str(broken)
    assert isinstance(second, Source)


def test_read_with_a_chosen_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format skips sniffing: the named reader reads the file (or fails on it, with exit 1)."""
    code, out, _ = run(capsys, "read", "--format", "aggregator", AGGREGATOR)
    assert code == EXIT_OK
    assert out.startswith(f"{AGGREGATOR}: aggregator,")
    code, out, _ = run(capsys, "read", "--format", "syndication", AGGREGATOR)
    first = out.splitlines()[0]
    assert first.startswith(f"{AGGREGATOR}: syndication,") or (
        code == EXIT_FAILED and "FAILED" in first
    )


def test_read_jobs_2_gives_the_same_output_as_jobs_1(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """Reading in two processes prints exactly what reading in one does, in input order."""
    files = [AGGREGATOR, TRANSLATION, str(broken), SYNDICATION, AGGREGATOR]
    one = run(capsys, "read", "--jobs", "1", *files)
    two = run(capsys, "read", "--jobs", "2", *files)
    assert one == two
    assert one[0] == EXIT_FAILED
    json_one = run(capsys, "read", "--json", "-j", "1", *files)
    json_two = run(capsys, "read", "--json", "-j", "2", *files)
    assert json_one == json_two


# ---------------------------------------------------------------------------
# quotes


def test_quotes_lists_speakers_named_and_anonymous(capsys: pytest.CaptureFixture[str]) -> None:
    """`quotes FILE` lists each article's quotes with speaker, role, affiliation and cue."""
    code, out, err = run(capsys, "quotes", AGGREGATOR)
    assert code == EXIT_OK, err
    article = read(Path(AGGREGATOR)).article
    assert out.startswith(f"{AGGREGATOR}:\n")
    assert f"\n{short_id(article.id)} (en): {len(extract_quotes(article))} quotes" in out
    assert "Nadia Ferreira (research scientist, Halcyon Labs) [cue 'said']" in out
    assert "anonymous (one researcher at a large lab)" in out


def test_quotes_json_gives_the_library_quotes(capsys: pytest.CaptureFixture[str]) -> None:
    """`quotes --json` writes exactly the Quote records that extract_quotes returns."""
    code, out, _ = run(capsys, "quotes", "--json", TRANSLATION)
    assert code == EXIT_OK
    expected = [q for a in read(Path(TRANSLATION)).articles for q in extract_quotes(a)]
    assert list(load_jsonl(io.StringIO(out), Quote)) == expected
    assert expected


def test_quotes_of_one_article(capsys: pytest.CaptureFixture[str]) -> None:
    """--article limits the listing to one article; an unknown id is a usage error."""
    source = read(Path(AGGREGATOR))
    chosen = source.articles[-1].id
    code, out, _ = run(capsys, "quotes", AGGREGATOR, "--article", chosen)
    assert code == EXIT_OK
    assert out.startswith(f"{short_id(chosen)} (")
    assert f"{short_id(source.articles[0].id)} (" not in out
    code, out, err = run(capsys, "quotes", AGGREGATOR, "--article", "nope")
    assert code == EXIT_USAGE
    assert out == ""
    assert "nope" in err
    assert f"{short_id(source.articles[0].id)} (en" in err


# ---------------------------------------------------------------------------
# align, tag, compare


def test_align_two_files_prints_the_beads(capsys: pytest.CaptureFixture[str]) -> None:
    """`align A B` aligns the main articles and prints each bead with both sides."""
    code, out, err = run(capsys, "align", AGGREGATOR, TRANSLATION, "--unit", "paragraph")
    assert code == EXIT_OK, err
    en, zh = read(Path(AGGREGATOR)).article, read(Path(TRANSLATION)).article
    alignment = align(en, zh, unit="paragraph")
    first = out.splitlines()[0]
    assert first.startswith(f"{en.id} (en) -> {zh.id} (zh): {len(alignment)} beads of paragraphs")
    assert out.count("\n  [") == len(alignment)


def test_align_json_and_tmx(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--json writes the Alignment record; --tmx also writes a TMX file with one unit per bead."""
    tmx = tmp_path / "pair.tmx"
    code, out, err = run(capsys, "align", AGGREGATOR, TRANSLATION, "--json", "--tmx", str(tmx))
    assert code == EXIT_OK, err
    (alignment,) = load_jsonl(io.StringIO(out), Alignment)
    en, zh = read(Path(AGGREGATOR)).article, read(Path(TRANSLATION)).article
    assert alignment == align(en, zh)
    assert alignment.unit == "sentence"
    back = read_tmx(tmx, source_language="en")
    assert len(back) == len(alignment)
    assert back.source_segments[0] == " ".join(
        alignment.source_segments[i] for i in alignment.beads[0].source
    )
    assert f"{len(alignment)} translation units to {tmx}" in err


def test_align_one_file_uses_the_translation_it_holds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`align FILE` aligns the translation the file states; a file with none is a usage error."""
    code, out, err = run(capsys, "align", INTERLEAVED)
    assert code == EXIT_OK, err
    source = read(Path(INTERLEAVED))
    stated = source.translations[0]
    assert out.startswith(f"{stated.source} (en) -> {stated.target} (zh)")
    code, out, err = run(capsys, "align", SYNDICATION)
    assert code == EXIT_USAGE
    assert "states no translation" in err


def test_tag_lists_stressors_and_remedies_with_evidence(capsys: pytest.CaptureFixture[str]) -> None:
    """`tag FILE` lists every tag of every article with its block and evidence words."""
    code, out, err = run(capsys, "tag", AGGREGATOR)
    assert code == EXIT_OK, err
    source = read(Path(AGGREGATOR))
    for article in source.articles:
        tags = tag(article)
        assert f"{short_id(article.id)} ({article.language}): " in out
        for item in tags:
            kind = "stressor" if isinstance(item, Stressor) else "remedy"
            assert f"{kind:8} {item.category:20} block {item.block}" in out


def test_tag_json_gives_the_library_tags(capsys: pytest.CaptureFixture[str]) -> None:
    """`tag --json` writes exactly the Stressor and Remedy records that tag() returns."""
    code, out, _ = run(capsys, "tag", "--json", TRANSLATION)
    assert code == EXIT_OK
    expected = [t for a in read(Path(TRANSLATION)).articles for t in tag(a)]
    assert expected
    assert list(load_jsonl(io.StringIO(out))) == expected


def test_compare_shows_what_the_rewrite_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare SOURCE DERIVED` prints coverage, categories, quotes and each discrepancy."""
    code, out, err = run(capsys, "compare", AGGREGATOR, SYNDICATION)
    assert code == EXIT_OK, err
    comparison = compare(read(Path(AGGREGATOR)).article, read(Path(SYNDICATION)).article)
    assert f"coverage: {comparison.coverage:.0%}" in out
    assert f"discrepancies: {len(comparison.discrepancies)}" in out
    for item in comparison.discrepancies:
        assert f"  {item.explanation}" in out
        assert f"    {item.kind.value} (" in out


def test_compare_json_round_trips(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare --json` writes the Comparison record that compare() returns."""
    code, out, _ = run(capsys, "compare", "--json", AGGREGATOR, TRANSLATION)
    assert code == EXIT_OK
    (comparison,) = load_jsonl(io.StringIO(out), Comparison)
    assert comparison == compare(read(Path(AGGREGATOR)).article, read(Path(TRANSLATION)).article)


# ---------------------------------------------------------------------------
# corpus


def test_corpus_writes_one_record_per_article(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    """`corpus DIR --out FILE` reads the folder recursively (hidden files skipped) into JSONL."""
    out_file = tmp_path / "corpus.jsonl"
    code, out, err = run(capsys, "corpus", str(folder), "--out", str(out_file))
    assert code == EXIT_OK, err
    records = list(load_jsonl(out_file))
    assert all(isinstance(r, ArticleRecord) for r in records)
    expected = [read(Path(p)) for p in (AGGREGATOR, TRANSLATION, SYNDICATION)]
    assert [(r.article.id, r.article.text) for r in records] == [
        (a.id, a.text) for s in expected for a in s.articles
    ]
    assert [Path(r.path or "").name for r in records] == [
        Path(s.path or "").name for s in expected for _ in s.articles
    ]
    assert "from 3 files" in out
    assert str(out_file) in out


def test_corpus_records_carry_discovered_relations(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """Relations found across files are attached to the record of their subject."""
    code, out, _ = run(capsys, "corpus", str(folder), "--out", "-", "--no-quotes", "--no-tags")
    assert code == EXIT_OK
    records = {r.article.id: r for r in load_jsonl(io.StringIO(out))}
    translation = records[read(Path(TRANSLATION)).article.id]
    news = read(Path(AGGREGATOR)).article.id
    assert ("translation_of", news) in {(r.kind.value, r.target) for r in translation.relations}


def test_corpus_without_analysis_has_no_quotes_or_tags(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """--no-quotes and --no-tags leave the analysis out and print no notes."""
    code, out, err = run(capsys, "corpus", str(folder), "-o", "-", "--no-quotes", "--no-tags")
    assert code == EXIT_OK
    assert "note:" not in err
    for record in load_jsonl(io.StringIO(out)):
        assert (record.quotes, record.stressors, record.remedies) == ((), (), ())


def test_corpus_to_stdout_and_failures(
    capsys: pytest.CaptureFixture[str], folder: Path, broken: Path
) -> None:
    """`--out -` writes records to stdout; a bad file is recorded in place, listed, exit 1."""
    shutil.copy(broken, folder / "broken.txt")
    code, out, err = run(capsys, "corpus", str(folder), "--out", "-")
    assert code == EXIT_FAILED
    records = list(load_jsonl(io.StringIO(out)))
    failures = [r for r in records if isinstance(r, ReadFailure)]
    assert [Path(f.path).name for f in failures] == ["broken.txt"]
    assert "broken.txt" in err
    assert "1 file could not be read" in err


def test_corpus_jobs_2_gives_the_same_records_as_jobs_1(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """The corpus written with two processes is identical to the one written with one."""
    one = run(capsys, "corpus", str(folder), "-o", "-", "--jobs", "1")
    two = run(capsys, "corpus", str(folder), "-o", "-", "--jobs", "2")
    assert one == two
    assert one[0] == EXIT_OK


def test_corpus_tei_writes_the_analysed_corpus(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    """`--tei FILE` writes one teiCorpus with a TEI per article and the quotes and tags found."""
    from lxml import etree

    from aistress.io.tei import TEI_NS

    tei = tmp_path / "corpus.tei.xml"
    code, out, err = run(capsys, "corpus", str(folder), "-o", "-", "--tei", str(tei))
    assert code == EXIT_OK, err
    assert f"as TEI to {tei}" in err
    records = [r for r in load_jsonl(io.StringIO(out)) if isinstance(r, ArticleRecord)]
    root = etree.fromstring(tei.read_bytes())
    ns = {"t": TEI_NS}
    assert root.tag == f"{{{TEI_NS}}}teiCorpus"
    assert len(root.findall("t:TEI", ns)) == len(records)
    quoted = sum(len(r.quotes) for r in records)
    assert quoted > 0
    assert len(root.findall(".//t:q", ns)) >= quoted
    assert root.findall(".//t:taxonomy", ns)


def test_corpus_tei_with_dask_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    """--tei needs the whole corpus in one process, so --dask with it exits 2 and writes nothing."""
    tei = tmp_path / "corpus.tei.xml"
    code, _, err = run(
        capsys, "corpus", str(folder), "-o", str(tmp_path / "out"), "--dask", "--tei", str(tei)
    )
    assert code == EXIT_USAGE
    assert "--tei" in err
    assert not tei.exists()


def test_corpus_of_an_empty_folder_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A folder with no files exits 2 with one line saying so."""
    code, _, err = run(capsys, "corpus", str(tmp_path), "--out", "-")
    assert code == EXIT_USAGE
    assert err.count("\n") == 1
    assert "no files found" in err


# ---------------------------------------------------------------------------
# report


def test_report_without_a_folder_reports_on_the_sample(capsys: pytest.CaptureFixture[str]) -> None:
    """`aistress report` (the README's main command) reports on every sample file, exit 0."""
    code, out, err = run(capsys, "report")
    assert code == EXIT_OK, err
    for path in sample_paths():
        assert f"{path}  [{SAMPLE_FORMATS[path.name]}," in out
    assert "5 file(s)" in out
    assert "0 failure(s)" in out
    assert "translation_of" in out


def test_report_on_a_folder(capsys: pytest.CaptureFixture[str], folder: Path) -> None:
    """`report DIR` reports on the folder's files and the relations between them."""
    code, out, err = run(capsys, "report", str(folder))
    assert code == EXIT_OK, err
    assert "3 file(s)" in out
    assert "02_translation#zh translation_of 01_aggregator#en" in out


def test_report_jobs_2_gives_the_same_report(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    """The report is the same whether files are read in one process or two."""
    assert run(capsys, "report", str(folder), "-j", "1") == run(
        capsys, "report", str(folder), "-j", "2"
    )


def test_report_lists_failures_and_exits_1(
    capsys: pytest.CaptureFixture[str], folder: Path, broken: Path
) -> None:
    """A file that cannot be read shows in the report and on stderr, with exit 1."""
    shutil.copy(broken, folder / "broken.txt")
    code, out, err = run(capsys, "report", str(folder))
    assert code == EXIT_FAILED
    assert "1 failure(s)" in out
    assert f"FAILED {folder / 'broken.txt'}" in out
    assert f"aistress: failed: {folder / 'broken.txt'}" in err


def test_report_html_writes_one_self_contained_page(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    """--html writes a single HTML page with the report's sections and no external resources."""
    page = tmp_path / "report.html"
    code, out, err = run(capsys, "report", str(folder), "--html", str(page))
    assert code == EXIT_OK, err
    assert str(page) in out
    html = page.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html")
    for section in ("corpus", "articles", "quotes", "matrix"):
        assert f'id="{section}"' in html
    assert "http://" not in html.replace("http://www.w3.org", "")
    assert "<script src" not in html


# ---------------------------------------------------------------------------
# errors


def test_input_errors_are_one_line_with_exit_3(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A command on a file that cannot be read reports one readable line, no traceback."""
    for command in ("quotes", "tag"):
        code, out, err = run(capsys, command, str(tmp_path / "missing.txt"))
        assert code == EXIT_ALL_FAILED
        assert out == ""
        assert err.count("\n") == 1
        assert "Traceback" not in err


def test_a_missing_module_is_named_in_one_line_with_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A part of aistress (or an extra) that is not installed is named in one line, exit 2."""

    def missing(*args: object, **kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'aistress.extra'", name="aistress.extra")

    monkeypatch.setattr("aistress.cli.commands.compare", missing)
    code, out, err = run(capsys, "compare", AGGREGATOR, SYNDICATION)
    assert code == EXIT_USAGE
    assert out == ""
    assert (
        err
        == "aistress compare: aistress.extra is not available in this installation of aistress\n"
    )


def test_other_missing_modules_are_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing third-party module is a bug to see, not a usage error to hide."""

    def missing(*args: object, **kwargs: object) -> None:
        raise ModuleNotFoundError("No module named 'numpy'", name="numpy")

    monkeypatch.setattr("aistress.cli.commands.compare", missing)
    with pytest.raises(ModuleNotFoundError):
        main(["compare", AGGREGATOR, SYNDICATION])


# ---------------------------------------------------------------------------
# progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_only_on_a_terminal() -> None:
    """The progress line is drawn on a terminal, then erased; elsewhere nothing is written."""
    quiet = io.StringIO()
    with Progress(3, "reading", stream=quiet) as bar:
        for name in "abc":
            bar.advance(name)
    assert quiet.getvalue() == ""
    terminal = _Terminal()
    with Progress(3, "reading", stream=terminal, delay=0) as bar:
        for name in "abc":
            bar.advance(name)
        assert "reading 3/3" in terminal.getvalue()
        assert "100%" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")


def test_progress_stays_quiet_for_a_single_file() -> None:
    """One file is not a long run: no progress line even on a terminal."""
    terminal = _Terminal()
    with Progress(1, "reading", stream=terminal, delay=0) as bar:
        bar.advance("a")
    assert terminal.getvalue() == ""


def test_progress_of_a_step_that_cannot_count() -> None:
    """A step without a count shows its label and time on a terminal, and is erased after."""
    terminal = _Terminal()
    with Progress(None, "aligning", stream=terminal, delay=0) as bar:
        bar.advance()
    assert "aligning…" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")


def test_progress_waits_a_second_before_drawing() -> None:
    """A step that ends within its delay draws nothing, even on a terminal."""
    terminal = _Terminal()
    with Progress(3, "reading", stream=terminal, delay=60) as bar:
        for name in "abc":
            bar.advance(name)
    assert terminal.getvalue() == ""


# ---------------------------------------------------------------------------
# inputs, encodings, exit statuses, pipes


@pytest.mark.parametrize("command", ["read", "quotes", "tag"])
def test_every_command_takes_folders_and_globs(
    capsys: pytest.CaptureFixture[str], folder: Path, command: str
) -> None:
    """A folder and a glob name the same files as listing them; output is the same."""
    listed = sorted(str(p) for p in folder.rglob("*.txt") if ".git" not in p.parts)
    listed = [p for p in listed if not Path(p).name.startswith(".")]
    by_name = run(capsys, command, *listed)
    by_folder = run(capsys, command, str(folder))
    by_glob = run(capsys, command, str(folder / "**" / "*.txt"))
    assert by_name[0] == EXIT_OK, by_name[2]
    assert by_name == by_glob
    assert sorted(by_name[1].splitlines()) == sorted(by_folder[1].splitlines())


def test_a_glob_that_matches_nothing_is_a_missing_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A glob without matches is reported like a missing file: every input failed, exit 3."""
    code, _, err = run(capsys, "read", str(tmp_path / "*.nothing"))
    assert code == EXIT_ALL_FAILED
    assert "*.nothing" in err


def test_some_inputs_failing_is_1_and_all_is_3(
    capsys: pytest.CaptureFixture[str], broken: Path
) -> None:
    """Exit 1 when some inputs fail (with a count), 3 when every input fails."""
    code, _, err = run(capsys, "read", str(broken), AGGREGATOR)
    assert code == EXIT_FAILED
    assert "1 file could not be read (of 2)" in err
    code, _, err = run(capsys, "tag", str(broken), str(broken))
    assert code == EXIT_ALL_FAILED
    assert "2 files could not be read (of 2)" in err


def test_encoding_option_decodes_as_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--encoding reads a GB18030 file as asked; an unknown codec is a usage error."""
    text = Path(TRANSLATION).read_text(encoding="utf-8")
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(text.encode("gb18030"))
    code, out, err = run(capsys, "read", "--encoding", "gb18030", str(legacy))
    assert code == EXIT_OK, err
    assert ", gb18030" in out.splitlines()[0]
    code, _, err = run(capsys, "read", "--encoding", "no-such-codec", str(legacy))
    assert code == EXIT_USAGE
    assert "no-such-codec" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["read", AGGREGATOR],
        ["quotes", AGGREGATOR],
        ["tag", AGGREGATOR],
        ["align", INTERLEAVED],
        ["compare", INTERLEAVED],
        ["corpus", AGGREGATOR, "-o", "-"],
        ["report", AGGREGATOR],
    ],
)
def test_json_everywhere(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """Every command writes JSON Lines records with --json."""
    code, out, err = run(capsys, *argv, "--json")
    assert code == EXIT_OK, err
    assert list(load_jsonl(io.StringIO(out)))


def test_compare_picks_the_derived_article_by_language_or_kind(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`compare A B` takes B's article in another language; --derived-article takes a short id."""
    code, out, err = run(capsys, "compare", AGGREGATOR, INTERLEAVED)
    assert code == EXIT_OK, err
    zh = read(Path(INTERLEAVED))["zh"]
    assert out.startswith(f"{zh.id} (zh) against ")
    code, out, err = run(capsys, "compare", INTERLEAVED, "--derived-article", "zh")
    assert code == EXIT_OK, err
    assert out.startswith(f"{zh.id} (zh) against {read(Path(INTERLEAVED))['en'].id}")
    code, _, err = run(capsys, "compare", INTERLEAVED, "--derived-article", "fr")
    assert code == EXIT_USAGE
    assert "zh (zh" in err


def test_compare_of_one_file_uses_the_pair_it_states(capsys: pytest.CaptureFixture[str]) -> None:
    """`compare FILE` compares the translation a bilingual file states with its original."""
    code, out, err = run(capsys, "compare", INTERLEAVED)
    assert code == EXIT_OK, err
    assert "coverage:" in out


def test_read_and_compare_print_one_headline_score(capsys: pytest.CaptureFixture[str]) -> None:
    """`read` and `compare` print the same headline relevance for one page."""
    _, read_out, _ = run(capsys, "read", SYNDICATION)
    _, compare_out, _ = run(capsys, "compare", AGGREGATOR, SYNDICATION)
    scores = [
        line.split("headline relevance ")[1].split(" ")[0]
        for line in (read_out + compare_out).splitlines()
        if "headline relevance " in line
    ]
    assert len(scores) == 2
    assert scores[0] == scores[1]


def test_a_closed_pipe_ends_quietly_with_0() -> None:
    """`aistress quotes F | head -1`: the reader goes away, aistress exits 0 with no message."""
    process = subprocess.Popen(
        [sys.executable, "-m", "aistress", "quotes", AGGREGATOR, TRANSLATION, INTERLEAVED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # before aistress writes its first line
    error = process.stderr.read()
    assert process.wait(timeout=120) == EXIT_OK
    assert error == b""


def test_derived_article_is_the_one_translation_when_kinds_and_languages_tie() -> None:
    """Among several derived articles in the other language, the one translation is taken."""
    from aistress.cli.inputs import UsageError, derived_of
    from aistress.model import Article

    original = Article("a#en", "en", "blog")
    digest = Source(
        "b",
        "digest",
        articles=[
            Article("b#digest", "zh", "digest"),
            Article("b#appendix-1", "zh", "translation"),
            Article("b#appendix-2", "zh", "report"),
        ],
    )
    assert derived_of(original, digest, None, "b.md").id == "b#appendix-1"
    assert derived_of(original, digest, "digest", "b.md").id == "b#digest"
    two = Source(
        "c", "x", articles=[Article("c#1", "zh", "summary"), Article("c#2", "zh", "rewrite")]
    )
    with pytest.raises(UsageError, match="--derived-article"):
        derived_of(original, two, None, "c.txt")
