"""Tests of the corpus analysis and its text and HTML reports (on texts written for these tests)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from aistress.model import (
    Alignment,
    Article,
    Bead,
    Block,
    Corpus,
    Person,
    Quote,
    Source,
    Span,
    Stressor,
    Translation,
)
from aistress.report import CorpusAnalysis, analyse_corpus, render_html, render_text

EN = Article(
    "post#en",
    "en",
    "blog",
    title="300bn Reasons to Rest <maybe>",
    blocks=[
        Block("heading", "Pace"),
        Block("paragraph", "“We ship every week,” said Ana Ruiz. Valuations rose by $40 billion."),
    ],
)
ZH = Article(
    "post#zh",
    "zh",
    "translation",
    title="300 亿个休息的理由",
    blocks=[
        Block("heading", "节奏"),
        Block("paragraph", "“我们每周都发布，”安娜·鲁伊斯说。估值上涨了40亿美元。"),
    ],
)
ALIGNMENT = Alignment([Bead([0], [0]), Bead([1], [1])], unit="paragraph")
CORPUS = Corpus(
    [
        Source(
            "post",
            "interleaved",
            articles=[EN, ZH],
            translations=[Translation("post#en", "post#zh", "en", "zh", ALIGNMENT)],
        )
    ]
)
SPEAKER = Person("Ana Ruiz", aliases=["安娜·鲁伊斯"])


def _analysis() -> CorpusAnalysis:
    from aistress.comparison import compare

    q_en = Quote("We ship every week,", "en", spans=[Span("post#en", 7, 26)], speaker=SPEAKER)
    q_zh = Quote(
        "我们每周都发布，", "zh", spans=[Span("post#zh", 5, 13)], speaker=Person("安娜·鲁伊斯")
    )
    tags = {"post#en": (Stressor("pace", block=1),), "post#zh": (Stressor("pace", block=1),)}
    comparison = compare(
        EN,
        ZH,
        relation="translation_of",
        alignment=ALIGNMENT,
        source_tags=tags["post#en"],
        derived_tags=tags["post#zh"],
        source_quotes=[q_en],
        derived_quotes=[q_zh],
    )
    return CorpusAnalysis(
        CORPUS,
        quotes={"post#en": (q_en,), "post#zh": (q_zh,)},
        tags=tags,
        comparisons=(comparison,),
        categories=(("pace", "stressor", {"en": "Breakneck pace", "zh": "发展速度"}),),
    )


#: The report's sections, in order.
SECTIONS = ["summary", "corpus", "articles", "alignments", "quotes", "matrix"]


def test_html_has_every_section_and_no_external_resources() -> None:
    """The page holds its six sections and loads nothing from elsewhere."""
    page = render_html(_analysis())
    tree = lxml_html.fromstring(page)
    assert [s.get("id") for s in tree.iter("section")] == SECTIONS
    for element in tree.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or value.startswith("#"), value
    assert not tree.xpath("//script | //link | //img | //iframe")


def test_discrepancies_are_highlighted_in_the_pair_view() -> None:
    """A number discrepancy is explained and marked on both sides of the aligned view."""
    tree = lxml_html.fromstring(render_html(_analysis()))
    marks = [m.text_content() for m in tree.xpath('//section[@id="alignments"]//mark')]
    assert "$40 billion" in marks
    assert any(m.startswith("40亿") for m in marks)
    assert "300bn" in marks
    notes = tree.xpath('//section[@id="alignments"]//div[@class="disc"]')
    assert any("factor of 10" in n.text_content() for n in notes)


def test_text_is_escaped() -> None:
    """Markup in article text or titles is shown as text, never interpreted."""
    page = render_html(_analysis())
    assert "&lt;maybe&gt;" in page
    assert "<maybe>" not in page


def test_quotes_grouped_across_languages() -> None:
    """Quotes of one speaker in two languages form one group, through aliases."""
    speakers = _analysis().speakers()
    assert len(speakers["Ana Ruiz"]) == 2
    assert {q.language for _, q in speakers["Ana Ruiz"]} == {"en", "zh"}


def test_matrix_counts_tags() -> None:
    """The matrix counts tags per article and category, in taxonomy order."""
    ids, rows = _analysis().matrix()
    assert ids == ("pace",)
    assert rows == [("post#en", [1]), ("post#zh", [1])]


def test_text_report_lists_pairs_and_discrepancies() -> None:
    """The text report names the files, the pair and its discrepancies."""
    text = render_text(_analysis())
    assert "post#zh translation_of post#en" in text
    assert "factor of 10" in text
    assert "Ana Ruiz: 2 quote(s) in en, zh" in text


def test_analyse_corpus_uses_stated_alignment() -> None:
    """analyse_corpus compares a stated translation with its own line alignment."""
    analysis = analyse_corpus(CORPUS, discover=False)
    (comparison,) = analysis.comparisons
    assert comparison.alignment == ALIGNMENT
    assert comparison.of_kind("number")


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def test_report_renders_in_headless_chromium(tmp_path: Path) -> None:
    """Headless Chromium renders the page, its sections and a non-empty screenshot."""
    browser = _chromium()
    if browser is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide Chromium (.ci/run installs Debian's chromium package)")
        pytest.skip("Chromium is not installed here")
    page = tmp_path / "report.html"
    page.write_text(render_html(_analysis()), encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    shot = tmp_path / "shot.png"
    subprocess.run(
        [browser, *flags, f"--screenshot={shot}", "--window-size=1200,2000", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 10_000
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        text=True,
    ).stdout
    rendered = lxml_html.fromstring(dom)
    assert [s.get("id") for s in rendered.iter("section")] == SECTIONS
    assert rendered.xpath('//section[@id="alignments"]//mark')
