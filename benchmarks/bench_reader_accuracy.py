"""Reader accuracy: do the readers find the body, the boilerplate and the metadata?

Run: ``python benchmarks/bench_reader_accuracy.py [--blind DIR] [--docs DIR] [--html-only]``.
Writes ``benchmarks/results/reader_accuracy.json`` and ``reader_accuracy.md``.

Three sets of documents, each file beside a ``<name>.expected.json``:

- ``benchmarks/documents/`` (ours, written for this benchmark: other apps,
  sites and layouts than the seeds', Simplified and Traditional Chinese);
- ``benchmarks/blind/readers`` (``$AISTRESS_BLIND/readers``) or ``--blind DIR``
  (written by a colleague who had not read the code; measured as held-out
  data until the first run, see ``benchmarks/blind/README.md``);
- the shared seeds are not scored here (their shapes are what the readers
  were written from).

Each document is read as a user would, ``aistress.read(path)`` with the format
sniffed. Per document and then per expected format it counts:

- *format right*: the sniffed format is the expected one (``text`` accepted
  where no structured format is expected);
- *paragraph count right*: paragraphs of the main article == ``body_paragraphs``;
- *first/last paragraph right*: the first and last body paragraph start with
  the expected prefix (a demoted closing paragraph shows here);
- *boilerplate lines found*: expected boilerplate lines that are not inside a
  body paragraph;
- *body paragraphs demoted*: expected body paragraphs (listed in ``body``
  where the expected file gives them, else the shortfall of the count) that are
  not body;
- *metadata fields right*: of the fields the expected file gives (title,
  author, published, outlet, subtitle, editor, tags, url, language, ...).

It also measures HTML main-text extraction on ``../shared/bench/html-articles``
(word-bag and 4-gram-shingle F1 of the extracted body against the gold
``articleBody``, computed as the article-extraction benchmark computes them),
for aistress's HTML reader and, in the same run, for trafilatura when it is
installed (``pip install trafilatura``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from shared_data import find_shared

import aistress
from aistress.errors import AistressError
from aistress.formats import decode
from aistress.model import Article, BlockKind, Source

ROOT = Path(__file__).resolve().parents[1]
SHARED = find_shared()
RESULTS = ROOT / "benchmarks" / "results"
OURS = ROOT / "benchmarks" / "documents"
BLIND = (
    Path(os.environ.get("AISTRESS_BLIND", Path(__file__).resolve().parent / "blind")) / "readers"
)

_SPACE = re.compile(r"\s+")
_METADATA = (
    "title",
    "author",
    "published",
    "outlet",
    "subtitle",
    "editor",
    "tags",
    "url",
    "language",
    "copyright_year",
)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def _main_article(source: Source, expected: dict[str, Any]) -> Article | None:
    """The article whose body the expected file describes."""
    articles = list(source.articles)
    if not articles:
        return None
    if expected.get("format") == "digest":
        for article in articles:
            if article.kind.value == "translation":
                return article
    if expected.get("format") == "interleaved":
        for article in articles:
            if article.language == "en":
                return article
    for article in articles:
        if article.kind.value not in ("summary", "report"):
            return article
    return articles[0]


def _paragraphs(article: Article | None) -> list[str]:
    if article is None:
        return []
    kinds = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    return [_norm(b.text) for b in article.blocks if b.kind in kinds]


def _field(article: Article | None, source: Source, name: str) -> Any:
    if article is None:
        return None
    if name == "published":
        date = article.published
        if date is None:
            return None
        return date.isoformat() if date.year is not None else None
    if name == "published_month_day":
        date = article.published
        if date is None or date.month is None or date.day is None:
            return None
        return f"{date.month:02d}-{date.day:02d}"
    if name == "tags":
        return list(article.tags)
    if name == "copyright_year":
        return article.get("copyright_year")
    if name == "language":
        return article.language.split("-")[0]
    return getattr(article, name, None)


def _metadata_right(
    expected: dict[str, Any], article: Article | None, source: Source
) -> dict[str, bool]:
    out: dict[str, bool] = {}
    names = [n for n in _METADATA if n in expected]
    if "published_month_day" in expected:
        names.append("published_month_day")
        names = [n for n in names if n != "published"]
    for name in names:
        want = expected[name]
        got = _field(article, source, name)
        if isinstance(want, str) and isinstance(got, str):
            out[name] = _norm(want) == _norm(got)
        elif isinstance(want, list) and isinstance(got, list):
            out[name] = [_norm(str(w)) for w in want] == [_norm(str(g)) for g in got]
        elif want in (None, [], "") or got in (None, [], ""):
            out[name] = want in (None, [], "") and got in (None, [], "")
        else:
            out[name] = _norm(str(want)) == _norm(str(got))
    return out


def score_document(path: Path, expected: dict[str, Any]) -> dict[str, Any]:
    """Read one document as a user would and compare it with its expected file."""
    row: dict[str, Any] = {"document": path.name, "format": expected.get("format")}
    try:
        guess = aistress.sniff(decode(path.read_bytes())[0])
        row["sniffed"] = guess.format
        source = aistress.read(path)
    except AistressError as exc:
        row.update(error=f"{type(exc).__name__}: {exc}", read=False)
        row.update(
            paragraphs_right=False,
            first_right=False,
            last_right=False,
            boilerplate_found=0,
            boilerplate_total=len(expected.get("boilerplate_lines", [])),
            demoted=expected.get("body_paragraphs", 0),
            body_total=expected.get("body_paragraphs", 0),
            metadata_right=0,
            metadata_total=0,
            format_right=False,
        )
        return row
    row["read"] = True
    row["read_format"] = source.format
    row["format_right"] = source.format == expected.get("format")
    article = _main_article(source, expected)
    paragraphs = _paragraphs(article)
    # The paragraphs as printed (a name artefact removed from the analysable
    # text is still in the printed paragraph the expected file quotes).
    decoded = decode(path.read_bytes())[0]
    printed = [
        _norm(b.span.slice(decoded)) if b.span is not None else _norm(b.text)
        for b in (article.blocks if article is not None else ())
        if b.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    ]
    want = expected.get("body_paragraphs")
    row["paragraphs"] = len(paragraphs)
    row["paragraphs_expected"] = want
    row["paragraphs_right"] = want == len(paragraphs)
    first = expected.get("first_body_paragraph_startswith")
    last = expected.get("last_body_paragraph_startswith")
    row["first_right"] = bool(paragraphs) and first is not None and paragraphs[0].startswith(first)
    row["last_right"] = bool(paragraphs) and last is not None and paragraphs[-1].startswith(last)
    body_text = "\n".join(paragraphs)
    lines = [_norm(line) for line in expected.get("boilerplate_lines", [])]
    found = [line for line in lines if line and line not in body_text]
    row["boilerplate_found"] = len(found)
    row["boilerplate_total"] = len(lines)
    row["boilerplate_missed"] = [line for line in lines if line and line in body_text]
    if "body" in expected:
        body = [_norm(p) for p in expected["body"]]
        kept = set(paragraphs) | set(printed)
        demoted = [p for p in body if p not in kept]
        row["demoted"] = len(demoted)
        row["demoted_paragraphs"] = demoted
        row["body_total"] = len(body)
    else:
        row["demoted"] = max(0, (want or 0) - len(paragraphs))
        row["body_total"] = want or 0
    # A digest's metadata bullets describe the digest's first article; its body
    # paragraphs are those of the translation appendix.
    meta_article = source.articles[0] if expected.get("format") == "digest" else article
    meta = _metadata_right(expected, meta_article, source)
    row["metadata_right"] = sum(meta.values())
    row["metadata_total"] = len(meta)
    row["metadata_wrong"] = sorted(k for k, v in meta.items() if not v)
    row["warnings"] = [w.code for w in source.warnings]
    return row


def _documents(folder: Path) -> Iterable[tuple[Path, dict[str, Any]]]:
    for expected_path in sorted(folder.glob("*.expected.json")):
        stem = expected_path.name[: -len(".expected.json")]
        candidates = [folder / (stem + ext) for ext in (".txt", ".md", ".html", ".htm")]
        candidates = [p for p in candidates if p.is_file()]
        if not candidates:
            continue
        yield candidates[0], json.loads(expected_path.read_text("utf-8"))


def summarise(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per expected format: the counts that the markdown table shows."""
    by_format: dict[str, dict[str, Any]] = {}
    for row in rows:
        fmt = str(row["format"])
        agg = by_format.setdefault(
            fmt,
            Counter(
                documents=0,
                read=0,
                format_right=0,
                paragraphs_right=0,
                first_right=0,
                last_right=0,
                boilerplate_found=0,
                boilerplate_total=0,
                demoted=0,
                body_total=0,
                metadata_right=0,
                metadata_total=0,
            ),
        )
        agg["documents"] += 1
        for key in ("read", "format_right", "paragraphs_right", "first_right", "last_right"):
            agg[key] += int(bool(row.get(key)))
        for key in (
            "boilerplate_found",
            "boilerplate_total",
            "demoted",
            "body_total",
            "metadata_right",
            "metadata_total",
        ):
            agg[key] += int(row.get(key) or 0)
    return {k: dict(v) for k, v in sorted(by_format.items())}


def confusion(rows: list[dict[str, Any]]) -> dict[str, dict[str, int]]:
    """Expected format -> sniffed format -> count."""
    matrix: dict[str, Counter[str]] = {}
    for row in rows:
        matrix.setdefault(str(row["format"]), Counter())[str(row.get("sniffed"))] += 1
    return {k: dict(sorted(v.items())) for k, v in sorted(matrix.items())}


# ---------------------------------------------------------------------------
# HTML main text against the article-extraction benchmark's gold


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _grams(text: str, n: int) -> Counter[tuple[str, ...]]:
    """Token n-grams as the article-extraction benchmark forms them (case kept)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def _tp_fp_fn(predicted: str, gold: str, n: int) -> tuple[float, float, float]:
    """Shingle matches of one page, normalised so that long pages weigh no more."""
    pred, true = _grams(predicted, n), _grams(gold, n)
    tp = float(sum((pred & true).values()))
    fp = float(sum((pred - true).values()))
    fn = float(sum((true - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _f1(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    """Mean precision and recall over pages, and their F1 (the benchmark's evaluate.py)."""

    def precision(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)

    def recall(tp: float, fp: float, fn: float) -> float:
        return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)

    ps = [precision(*c) for c in counts if c[0] + c[1] > 0]
    rs = [recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _aistress_body(html: str) -> str:
    try:
        source = aistress.read(html.encode("utf-8"), format="html")
    except AistressError:
        return ""
    if not source.articles:
        return ""
    return "\n".join(b.text for b in source.articles[0].blocks if b.kind is not BlockKind.HEADING)


def html_benchmark(folder: Path) -> dict[str, Any]:
    """Word and 4-gram F1 of aistress's and trafilatura's body text on the benchmark pages."""
    gold = json.loads((folder / "ground-truth.json").read_text("utf-8"))
    extractors: dict[str, Any] = {"aistress": _aistress_body}
    try:
        import trafilatura  # type: ignore[import-untyped]

        def _trafilatura(html: str) -> str:
            return trafilatura.extract(html) or ""

        extractors["trafilatura"] = _trafilatura
    except ImportError:
        pass
    counts: dict[str, dict[int, list[tuple[float, float, float]]]] = {
        name: {1: [], 4: []} for name in extractors
    }
    seconds = dict.fromkeys(extractors, 0.0)
    per_page: dict[str, dict[str, float]] = {}
    for page_id, item in sorted(gold.items()):
        html = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        for name, extract in extractors.items():
            start = time.perf_counter()
            text = extract(html)
            seconds[name] += time.perf_counter() - start
            for n in (1, 4):
                counts[name][n].append(_tp_fp_fn(text, item["articleBody"], n))
            per_page.setdefault(page_id, {})[name] = round(_f1([counts[name][1][-1]])[2], 3)
    out: dict[str, Any] = {}
    for name in extractors:
        wp, wr, wf = _f1(counts[name][1])
        sp, sr, sf = _f1(counts[name][4])
        out[name] = {
            "word_f1": round(wf, 3),
            "word_precision": round(wp, 3),
            "word_recall": round(wr, 3),
            "shingle_f1": round(sf, 3),
            "shingle_precision": round(sp, 3),
            "shingle_recall": round(sr, 3),
            "seconds": round(seconds[name], 2),
        }
    return {"pages": len(gold), "extractors": out, "per_page_word_f1": per_page}


#: The shared seeds' formats (see the project's format specification).
SEEDS = {"000": "aggregator", "001": "translation", "002": "syndication", "003": "interleaved"}
SEEDS["004"] = "digest"


def sniff_fixtures_and_seeds() -> dict[str, dict[str, int]]:
    """Confusion matrix of sniffing over our test fixtures (format = file-name prefix) and seeds."""
    rows: list[dict[str, Any]] = []
    fixtures = ROOT / "tests" / "fixtures"
    known = {*SEEDS.values(), "html", "text"}
    for path in sorted([*fixtures.glob("*.*"), *(fixtures / "formats").glob("*.*")]):
        expected = path.name.split("_")[0]
        if expected not in known:
            continue
        guess = aistress.sniff(decode(path.read_bytes())[0])
        rows.append({"format": expected, "sniffed": guess.format})
    for prefix, expected in SEEDS.items():
        for path in sorted((SHARED / "corpus").glob(f"{prefix}_*.txt")):
            guess = aistress.sniff(decode(path.read_bytes())[0])
            rows.append({"format": expected, "sniffed": guess.format})
    return confusion(rows)


def _table(summary: dict[str, dict[str, Any]]) -> list[str]:
    lines = [
        "| format | docs | read | sniffed right | paragraph count right | first/last right "
        "| boilerplate lines found | body paragraphs demoted | metadata fields right |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for fmt, a in summary.items():
        lines.append(
            f"| {fmt} | {a['documents']} | {a['read']} | {a['format_right']} "
            f"| {a['paragraphs_right']}/{a['documents']} "
            f"| {a['first_right']}+{a['last_right']}/{2 * a['documents']} "
            f"| {a['boilerplate_found']}/{a['boilerplate_total']} "
            f"| {a['demoted']}/{a['body_total']} "
            f"| {a['metadata_right']}/{a['metadata_total']} |"
        )
    return lines


def _matrix(matrix: dict[str, dict[str, int]]) -> list[str]:
    columns = sorted({c for row in matrix.values() for c in row})
    lines = [
        "| expected \\ sniffed | " + " | ".join(columns) + " |",
        "| --- |" + " ---: |" * len(columns),
    ]
    for fmt, row in matrix.items():
        lines.append(f"| {fmt} | " + " | ".join(str(row.get(c, 0)) for c in columns) + " |")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and write its results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--blind", type=Path, default=BLIND)
    parser.add_argument("--docs", type=Path, default=OURS)
    parser.add_argument("--name", default="reader_accuracy", help="results file name")
    parser.add_argument("--no-html", action="store_true", help="skip the html-articles set")
    args = parser.parse_args(argv)
    result: dict[str, Any] = {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "sets": {},
    }
    md = [
        "# Reader accuracy",
        "",
        f"Run {result['date']} with `python benchmarks/bench_reader_accuracy.py`.",
        "",
    ]
    for label, folder in (("ours", args.docs), ("blind", args.blind)):
        if not folder.is_dir():
            continue
        rows = [score_document(p, e) for p, e in _documents(folder)]
        summary = summarise(rows)
        matrix = confusion(rows)
        result["sets"][label] = {"summary": summary, "confusion": matrix, "documents": rows}
        md += [f"## {label}: {folder.name} ({len(rows)} documents)", "", *_table(summary), ""]
        md += ["Sniffing (rows: expected format; columns: sniffed):", "", *_matrix(matrix), ""]
        misses = [r for r in rows if not (r.get("paragraphs_right") and r.get("format_right"))]
        if misses:
            md.append("Documents with a wrong format or paragraph count:")
            md.append("")
            for r in misses:
                md.append(
                    f"- {r['document']}: read as {r.get('read_format')} (expected {r['format']}), "
                    f"{r.get('paragraphs')} paragraphs (expected {r.get('paragraphs_expected')})"
                    + (f"; {r['error']}" if r.get("error") else "")
                )
            md.append("")
    matrix = sniff_fixtures_and_seeds()
    result["sniff_fixtures_and_seeds"] = matrix
    md += [
        "## Sniffing the test fixtures and the shared seeds",
        "",
        "Rows: the format a file is written in; columns: the sniffed format.",
        "",
        *_matrix(matrix),
        "",
    ]
    bench = SHARED / "bench" / "html-articles"
    if not args.no_html and bench.is_dir():
        html = html_benchmark(bench)
        result["html_articles"] = html
        md += [
            f"## HTML main text: {html['pages']} pages of ../shared/bench/html-articles",
            "",
            "| extractor | word F1 (P / R) | 4-gram F1 (P / R) | seconds |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, s in html["extractors"].items():
            md.append(
                f"| {name} | {s['word_f1']:.3f} ({s['word_precision']:.3f} / "
                f"{s['word_recall']:.3f}) | {s['shingle_f1']:.3f} ({s['shingle_precision']:.3f} / "
                f"{s['shingle_recall']:.3f}) | {s['seconds']} |"
            )
        md.append("")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.json").write_text(
        json.dumps(result, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    (RESULTS / f"{args.name}.md").write_text("\n".join(md) + "\n", "utf-8")
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    sys.exit(main())
