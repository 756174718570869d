"""The bundled sample corpus: package data, readable by the registered readers, consistent."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pytest

from aistress import sample
from aistress.comparison import compare
from aistress.formats import read, sniff
from aistress.model import Corpus, RelationKind
from aistress.quotes import extract_quotes
from aistress.sample import SAMPLE_FORMATS, sample_corpus, sample_paths
from aistress.tagging import labels, tag
from conftest import assert_lossless

NAMES = list(SAMPLE_FORMATS)

#: The people the story quotes, with their names in the Chinese texts.
PEOPLE = {
    "Nadia Ferreira": "纳迪娅·费雷拉",
    "Tomas Lindqvist": "托马斯·林德奎斯特",
    "Priya Raman": "普丽娅·拉曼",
    "Yuqing Lin": "林雨晴",
    "Daniel Osei": "丹尼尔·奥塞",
}


def _path(name: str) -> Path:
    return next(p for p in sample_paths() if p.name == name)


def _text(name: str) -> str:
    return _path(name).read_text(encoding="utf-8")


def test_sample_paths_are_the_package_files_in_order() -> None:
    """sample_paths() returns one existing file per entry of SAMPLE_FORMATS, in order."""
    paths = sample_paths()
    assert [p.name for p in paths] == NAMES
    assert all(p.is_file() for p in paths)
    assert paths[0].parent.parts[-3:] == ("aistress", "data", "sample")


def test_sample_folder_holds_nothing_else() -> None:
    """The sample folder holds only the listed files, so read_corpus(folder) reads the same."""
    folder = sample_paths()[0].parent
    assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".")) == NAMES


def test_sample_paths_from_a_zipped_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When aistress is imported from a zip, sample_paths() returns real copies of the files."""
    archive = tmp_path / "aistress.zip"
    originals = {path.name: path.read_bytes() for path in sample_paths()}
    with zipfile.ZipFile(archive, "w") as zipped:
        for name, data in originals.items():
            zipped.writestr(f"aistress/data/sample/{name}", data)
    monkeypatch.setattr(
        sample.resources, "files", lambda package: zipfile.Path(archive, f"{package}/")
    )
    sample._extracted.cache_clear()
    try:
        copies = sample_paths()
        assert [p.name for p in copies] == NAMES
        assert not any(tmp_path in p.parents for p in copies)
        assert {p.name: p.read_bytes() for p in copies} == originals
        assert sample_paths() == copies  # extracted once per process
    finally:
        sample._extracted.cache_clear()


@pytest.mark.parametrize("name", NAMES)
def test_sample_file_is_plain_utf8_with_lf(name: str) -> None:
    """Each sample file is UTF-8 without a BOM and uses LF line ends, like the seed documents."""
    data = _path(name).read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in data
    data.decode("utf-8")


@pytest.mark.parametrize("name", NAMES)
def test_sample_file_sniffs_as_its_format(name: str) -> None:
    """Sniffing each sample file names the format it was written in, with confidence."""
    guess = sniff(_text(name))
    assert (guess.format, guess.confidence >= 0.5) == (SAMPLE_FORMATS[name], True), guess


@pytest.mark.parametrize("name", NAMES)
def test_sample_file_reads_and_loses_nothing(name: str) -> None:
    """Each sample file reads with its reader and every character is accounted for."""
    source = read(_path(name))
    assert source.format == SAMPLE_FORMATS[name]
    assert source.articles
    assert_lossless(_text(name), source)


def test_sample_corpus_reads_every_file_without_failures() -> None:
    """sample_corpus() reads all five files into one corpus, each in its own format."""
    corpus = sample_corpus()
    assert isinstance(corpus, Corpus)
    assert corpus.failures == ()
    assert [s.format for s in corpus.sources] == list(SAMPLE_FORMATS.values())
    assert {a.language.split("-")[0] for a in corpus} == {"en", "zh"}


def test_sample_corpus_is_computed_once() -> None:
    """sample_corpus() returns the same immutable corpus on every call."""
    assert sample_corpus() is sample_corpus()


def test_sample_corpus_links_the_story() -> None:
    """Relation discovery finds the translation and the rewrite of the news report."""
    corpus = sample_corpus()
    news = corpus.sources[0].articles[0].id
    found = {(r.subject, r.kind, r.target) for r in corpus.all_relations}
    translation = corpus.sources[1].articles[0].id
    rewrite = corpus.sources[2].articles[0].id
    assert (translation, RelationKind.TRANSLATION_OF, news) in found
    linked = sorted(
        (r.kind.value, r.target) for r in corpus.related(rewrite) if r.subject == rewrite
    )
    assert ("rewrite_of", news) in linked, f"{rewrite} is linked as {linked}"


def test_sample_shows_its_discrepancies_to_compare() -> None:
    """compare() finds what the sample plants: a foreign headline, a moved figure, a 10x slip."""
    corpus = sample_corpus()
    news, rewrite = corpus.sources[0].articles[0], corpus.sources[2].articles[0]
    found = compare(news, rewrite)
    assert found.of_kind("headline")
    assert any("$42 billion" in d.explanation for d in found.of_kind("attribution"))
    english, chinese = corpus.sources[3].articles[:2]
    numbers = compare(english, chinese).of_kind("number")
    assert [(english.slice(d.source[0]), chinese.slice(d.derived[0])) for d in numbers] == [
        ("$42bn", "42 亿美元")
    ]


def test_sample_quotes_the_same_people_in_both_languages() -> None:
    """The report and its translation quote the same five people, by their names in each script."""
    corpus = sample_corpus()
    english, chinese = corpus.sources[0].articles[0], corpus.sources[1].articles[0]
    speakers_en = {q.speaker.name for q in extract_quotes(english) if q.speaker}
    speakers_zh = {q.speaker.name for q in extract_quotes(chinese) if q.speaker}
    assert set(PEOPLE) <= speakers_en
    assert set(PEOPLE.values()) <= speakers_zh
    assert any(q.anonymous for q in extract_quotes(english))


def test_sample_tags_stressors_and_remedies_in_both_languages() -> None:
    """Stressors and remedies of the taxonomy are found in the English and the Chinese texts."""
    corpus = sample_corpus()
    common = {"overwork", "competition", "publish_or_perish", "counseling", "reasonable_hours"}
    for article in (corpus.sources[0].articles[0], corpus.sources[1].articles[0]):
        assert common <= labels(tag(article)), article.id
    blog = corpus.sources[3].articles[0]
    assert {"inescapability", "sudden_wealth", "mental_health_days"} <= labels(tag(blog))


# The story's planted features, checked on the text itself so that they stay
# in place when the files are edited.


def test_the_same_people_appear_in_both_languages() -> None:
    """Every quoted person is named in English and, transliterated, in Chinese."""
    english = _text("01_aggregator.txt")
    chinese = _text("02_translation.txt")
    for name, transliteration in PEOPLE.items():
        assert name in english
        # The translation page carries the name artefact on the first mention.
        assert f"{transliteration}({transliteration})" in chinese


def test_the_rewrite_changes_facts_of_the_report() -> None:
    """The syndicated rewrite moves the market-value loss to another company and changes hours."""
    report = _text("01_aggregator.txt")
    rewrite = _text("03_syndication.txt")
    assert re.search(r"Corvid Systems, lost about \$42 billion", report)
    assert re.search(r"Halcyon Labs lost about \$42 billion", rewrite)
    assert "90-hour weeks" in report
    assert "90-hour" not in rewrite
    assert "110-hour weeks" in rewrite


def test_the_blog_converts_one_number_wrongly() -> None:
    """In the interleaved post $42bn becomes 42 亿 (it is 420 亿) while other numbers are right."""
    lines = _text("04_interleaved.txt").splitlines()
    pairs = dict(itertools.pairwise(lines))
    wrong = next(en for en in pairs if "$42bn" in en)
    assert "42 亿" in pairs[wrong]
    assert "420 亿" not in pairs[wrong]
    right = next(en for en in pairs if "150m" in en)
    assert "1.5 亿" in pairs[right]
    # The digest's own translation gets the number right.
    assert "420 亿" in _text("05_digest.md")
