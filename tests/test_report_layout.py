"""The HTML report as a reader sees it: headless Chromium at 1,400 and 800 px, with screenshots.

The report on the shared seeds (or, outside CI without them, on the bundled
sample) is opened in Chromium; a small measuring script (added to a copy of
the page only) reports the layout. Screenshots are written outside the
repository, to ``$AISTRESS_SCREENSHOTS`` or ``<tmp>/aistress-report-screenshots``,
and the folder is printed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from aistress.pipeline import CorpusAnalysis, analyse_paths
from aistress.report import render_html
from aistress.sample import sample_paths
from conftest import CORPUS, IN_CI

_MEASURE = """<script>
addEventListener("load", () => {
  const width = innerWidth;
  const tags = [...document.querySelectorAll(".tag")];
  const size = (e) => parseFloat(getComputedStyle(e).fontSize);
  const broken = (e) => e.getBoundingClientRect().height > 2.2 * size(e);
  const boxes = [...document.querySelectorAll(".scroll")];
  document.body.setAttribute("data-layout", JSON.stringify({
    width: width,
    pageWidth: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    tagsOnSeveralLines: tags.filter(broken).map((t) => t.textContent),
    tags: tags.length,
    cellsOverflowing: [...document.querySelectorAll("th,td")]
      .filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent.slice(0, 40)),
    pairsScrolling: boxes.filter((b) => b.querySelector("table.pair")
      && b.scrollWidth > b.clientWidth + 1).length,
    boxesPastTheEdge: boxes.filter((b) => b.getBoundingClientRect().right > width + 1).length,
    heatmapScrolls: (() => { const b = document.querySelector("#matrix .scroll");
      return b.scrollWidth > b.clientWidth; })(),
  }));
});
</script>"""


def _chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if IN_CI:
        pytest.fail("CI must provide Chromium (.ci/run installs Debian's chromium package)")
    pytest.skip("Chromium is not installed here")


def _flags(profile: Path, width: int, height: int) -> list[str]:
    return [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ]


@pytest.fixture(scope="module")
def analysis() -> CorpusAnalysis:
    """The analysis of the seeds (or of the sample outside CI when the seeds are missing)."""
    seeds = sorted(CORPUS.glob("*.txt"))
    if not seeds and IN_CI:
        pytest.fail(f"no seeds in {CORPUS} (set AISTRESS_SHARED)", pytrace=False)
    return analyse_paths(seeds or sample_paths())


@pytest.fixture(scope="module")
def shots() -> Path:
    """Where screenshots go: outside the repository, printed for the person running the tests."""
    folder = Path(
        os.environ.get("AISTRESS_SCREENSHOTS")
        or Path(tempfile.gettempdir()) / "aistress-report-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nreport screenshots: {folder}")
    return folder


def _layout(browser: str, page: Path, profile: Path, width: int) -> dict[str, Any]:
    measured = page.with_name(f"measured-{width}.html")
    measured.write_text(
        page.read_text(encoding="utf-8").replace("</body>", _MEASURE + "</body>"), encoding="utf-8"
    )
    dom = subprocess.run(
        [browser, *_flags(profile, width, 1000), "--dump-dom", measured.as_uri()],
        check=True,
        capture_output=True,
        timeout=120,
        text=True,
    ).stdout
    body = lxml_html.fromstring(dom).find("body")
    assert body is not None
    result: dict[str, Any] = json.loads(body.get("data-layout") or "{}")
    return result


@pytest.mark.heavy
@pytest.mark.parametrize("width", [1400, 800])
def test_report_fits_the_window(
    analysis: CorpusAnalysis, shots: Path, tmp_path: Path, width: int
) -> None:
    """At 1,400 and 800 px nothing runs past the window and tags stay whole; a screenshot each."""
    browser = _chromium()
    page = tmp_path / "report.html"
    page.write_text(render_html(analysis, title="aistress report: the seeds"), encoding="utf-8")
    layout = _layout(browser, page, tmp_path / "profile", width)
    assert layout["width"] == width
    assert layout["pageWidth"] <= width, layout
    assert layout["boxesPastTheEdge"] == 0, layout
    assert layout["cellsOverflowing"] == [], layout
    assert layout["pairsScrolling"] == 0, layout
    assert layout["tags"] > 0
    assert layout["tagsOnSeveralLines"] == [], layout
    height = min(int(layout["height"]), 20_000)
    shot = shots / f"report-{width}px.png"
    subprocess.run(
        [
            browser,
            *_flags(tmp_path / "profile", width, height),
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 10_000


def test_report_leads_with_every_discrepancy(analysis: CorpusAnalysis) -> None:
    """The summary comes first and links every discrepancy; pairs with discrepancies are open."""
    tree = lxml_html.fromstring(render_html(analysis))
    sections = [s.get("id") for s in tree.iter("section")]
    assert sections[0] == "summary"
    found = [d for c in analysis.comparisons for d in c.discrepancies]
    links = tree.xpath('//section[@id="summary"]//li/a/@href')
    targets = tree.xpath('//div[@class="disc"]/@id')
    assert len(links) == len(found) == len(targets)
    assert [f"#{t}" for t in targets] == links
    for box in tree.xpath('//details[contains(@class, "pair-box")]'):
        assert (box.get("open") is not None) == bool(box.xpath('.//div[@class="disc"]'))


def test_report_labels_articles_by_outlet_and_title(analysis: CorpusAnalysis) -> None:
    """Pair headings name articles by outlet and title, not by their ids."""
    tree = lxml_html.fromstring(render_html(analysis))
    headings = [h.text_content() for h in tree.xpath('//details[contains(@class, "pair-box")]//h3')]
    assert headings
    ids = {a.id for a in analysis.corpus.articles}
    assert not any(h in ids for h in headings)


def test_report_folds_quotes_by_speaker(analysis: CorpusAnalysis) -> None:
    """Each speaker is a closed <details> whose summary says how many quotes, in which languages."""
    tree = lxml_html.fromstring(render_html(analysis))
    boxes = tree.xpath('//section[@id="quotes"]/details[@class="speaker"]')
    assert len(boxes) == len(analysis.speakers())
    for box in boxes:
        assert box.get("open") is None
        assert " quote" in box.find("summary").text_content()
