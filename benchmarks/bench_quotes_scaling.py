r"""Quote extraction on hostile inputs: is it linear whatever the text?

Each adversarial text (text we generate here) is built at doubling sizes and
extracted several times; the best CPU time is kept. The growth ratio per
doubling (time at 2n over time at n) must stay at or below 2.6: linear work
gives about 2. Also measures the speed against a bare tokenising baseline
(``re.findall(r"\\w+")`` over the same text) on two kinds of text: quote-dense
news-like text (a quotation every 70 characters) and our own documents at
their ordinary quote density (the sample corpus and ``benchmarks/documents``,
repeated to about 100,000 characters per language).

Run: ``python benchmarks/bench_quotes_scaling.py``; results go to
``benchmarks/results/quotes_scaling.json`` and ``quotes_scaling.md``; the
exit status is 1 when a ratio exceeds the limit. With ``--speed`` only the
speed ratios are measured and printed (nothing is written).
"""

from __future__ import annotations

import itertools
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from aistress import read_file, sample_corpus
from aistress.model import Article, Block
from aistress.quotes import attribute, extract_quotes

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
DOCUMENTS = HERE / "documents"
#: About how many characters the documents are repeated to, per language.
DOCUMENT_SIZE = 100_000
LIMIT = 2.6
SIZES = (10_000, 20_000, 40_000, 80_000)
REPEATS = 5


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _distinct_subjects(size: int) -> str:
    """Clauses opening with a different surname-and-name each, then a cue (every string counted)."""
    names = (chr(0x5000 + k % 700) + chr(0x5300 + k // 700 % 700) for k in range(size // 6 + 1))
    return "".join(f"，王{name}笑说" for name in names)[:size]


#: name -> (language, a function giving one paragraph of about ``size`` characters)
CASES: dict[str, tuple[str, Callable[[int], str]]] = {
    "closed quotes “a” (one paragraph)": ("en", lambda n: _fill("“a” ", n)),
    "quote-mark run “”‘’\"'": ("en", lambda n: _fill("“”‘’\"'「」『』", n)),
    "apostrophes it's ' '' '''": ("en", lambda n: _fill("it's ' '' ''' o'c ", n)),
    "unclosed quotes “abc": ("en", lambda n: _fill("“abc said ", n)),
    "no punctuation, cues": ("en", lambda n: _fill("the researcher said that Ann Lee told ", n)),
    "abbreviations Dr. U.S.": ("en", lambda n: _fill("Dr. Lee of the U.S. Mr. Xu said. ", n)),
    "quote then said": ("en", lambda n: _fill("“We work,” Ann Lee said, “hard.” ", n)),
    "appositions, who, his": (
        "en",
        lambda n: _fill("Her aide, Ann Lee, a lecturer at Mo Bay, who writes, His reply: ", n),
    ),
    "organisations, the company, it said": (
        "en",
        lambda n: _fill(
            "Ann Lee of Mo Bay Labs said so. The company said “x.” It said “y.” Lee, in a "
            "note, denied it. The letter, published by the Bay Union, reads: “z.” ",
            n,
        ),
    ),
    "nested speech in one quote ‘…’ she said": (
        "en",
        lambda n: (
            "“" + _fill("She said, ‘a b.’ Her boss told me, ‘c d,’ the ’90s ", n) + "” he said."
        ),
    ),
    "long Han run": ("zh", lambda n: _fill("研究人员表示压力很大王明说", n)),
    "Han quotes 「」 and 说": ("zh", lambda n: _fill("王明说：「好」她说，“累”", n)),
    "unclosed Han quote “": ("zh", lambda n: _fill("“王明说压力", n)),
    "given names and organisations": (
        "zh",
        lambda n: _fill(
            "研究员邱嘉生说，嘉生笑着说：“好。”星图数据科技有限公司。星图数据表示，", n
        ),
    ),
    "distinct clause subjects, each speaking": ("zh", lambda n: _distinct_subjects(n)),
    "long Han runs, each ending in a dotted name": (
        "zh",
        lambda n: _fill("研究人员表示压力很大王明说" * 8 + "马克·李说，", n),
    ),
    "dialogue turns without cues": (
        "zh",
        lambda n: _fill("“还卡着？”导师冼志恒问她。“嗯。”博士生柏文澜沉默不语，“好”", n),
    ),
}

#: Ordinary text (written here) for the speed ratio against the tokenising baseline.
NEWS = {
    "en": (
        "“We ship every week,” said Ines Duarte, a data engineer at Nimbix. "
        "She added that the pace was “relentless” and that nobody slept. "
        "One researcher told me: “It is a race.” The lab declined to comment. "
    ),
    "zh": (
        "数据工程师王雨晴表示：“我们每周都要发布。”她补充说，节奏“没有尽头”。"
        "一位研究人员告诉记者：“这是一场竞赛。”实验室拒绝置评。"
    ),
}


def _documents(language: str) -> Article:
    """Our own documents in ``language``, their blocks repeated to about DOCUMENT_SIZE characters.

    The articles of the sample corpus and of ``benchmarks/documents`` (text
    we wrote), as the readers give them: ordinary quote density.
    """
    articles = list(sample_corpus().articles)
    for path in sorted(DOCUMENTS.iterdir()):
        if not path.name.endswith(".expected.json"):
            articles.extend(read_file(path).articles)
    texts = [b.text for a in articles if a.language.split("-")[0] == language for b in a.blocks]
    times = max(1, DOCUMENT_SIZE // sum(map(len, texts)))
    blocks = [Block("paragraph", t) for _ in range(times) for t in texts]
    return Article("documents", language, "news", blocks=blocks)


def _speed(article: Article) -> dict[str, float | int]:
    """CPU time of extraction and of the bare tokeniser over the article's text, and their ratio."""
    text = article.text
    base = _cpu(lambda: re.findall(r"\w+", text))
    quotes = _cpu(lambda: extract_quotes(article))
    return {
        "characters": len(text),
        "quotes": len(extract_quotes(article)),
        "baseline_seconds": round(base, 5),
        "quotes_seconds": round(quotes, 5),
        "ratio": round(quotes / base, 1),
    }


def _cpu(fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return max(best, 1e-6)


def _article(text: str, language: str) -> Article:
    return Article("bench", language, "news", blocks=[Block("paragraph", text)])


def main(argv: list[str]) -> int:
    """Measure every case, print and write the table; 1 if a ratio is over the limit."""
    speed_only = "--speed" in argv
    rows = []
    worst = 0.0
    for name, (language, make) in () if speed_only else CASES.items():
        times = []
        for size in SIZES:
            article = _article(make(size), language)
            times.append(_cpu(lambda a=article: attribute(a)))  # type: ignore[misc]
        ratios = [round(b / a, 2) for a, b in itertools.pairwise(times)]
        # growth per doubling over the judged range (all but the smallest size):
        # the geometric mean of its ratios, so one noisy timing does not decide
        ratio = round((times[-1] / times[1]) ** (1 / (len(times) - 2)), 2)
        worst = max(worst, ratio)
        rows.append(
            {
                "case": name,
                "seconds": [round(t, 4) for t in times],
                "ratios": ratios,
                "growth": ratio,
            }
        )
        print(f"{name:40} {[f'{t:.3f}' for t in times]} ratios {ratios} growth {ratio}", flush=True)
    speed = {}
    documents = {}
    for language, unit in NEWS.items():
        paragraphs = [unit * 4 for _ in range(100)]
        article = Article(
            "news", language, "news", blocks=[Block("paragraph", p) for p in paragraphs]
        )
        speed[language] = _speed(article)
        print(f"speed {language}: {speed[language]}", flush=True)
        documents[language] = _speed(_documents(language))
        print(f"documents {language}: {documents[language]}", flush=True)
    if speed_only:
        return 0
    lines = [
        "# Quote extraction on hostile inputs",
        "",
        f"Best of {REPEATS} CPU times of `attribute()` on one paragraph of each size;"
        " ratios = time(2n)/time(n); growth = the growth per doubling from the second"
        f" size to the largest (geometric mean of those ratios), limit {LIMIT}.",
        "",
        "| input | " + " | ".join(f"{s // 1000}k s" for s in SIZES) + " | ratios | growth |",
        "| --- | " + " | ".join("---" for _ in SIZES) + " | --- | --- |",
    ]
    for row in rows:
        secs = " | ".join(f"{t:.3f}" for t in row["seconds"])  # type: ignore[attr-defined]
        lines.append(f"| {row['case']} | {secs} | {row['ratios']} | {row['growth']} |")
    lines += [
        "",
        "Speed against the bare tokenising baseline `re.findall(r'\\w+')` on the same text:"
        " quote-dense news-like text (`news`) and our own documents at their ordinary quote"
        " density (`documents`: the sample corpus and `benchmarks/documents` repeated).",
        "",
        "| text | language | characters | quotes | baseline s | quotes s | ratio |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for kind, table in (("news", speed), ("documents", documents)):
        for language, s in table.items():
            lines.append(
                f"| {kind} | {language} | {s['characters']} | {s['quotes']} | "
                f"{s['baseline_seconds']} | {s['quotes_seconds']} | {s['ratio']} |"
            )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quotes_scaling.json").write_text(
        json.dumps(
            {"limit": LIMIT, "cases": rows, "speed": speed, "documents": documents}, indent=2
        )
        + "\n"
    )
    (RESULTS / "quotes_scaling.md").write_text("\n".join(lines) + "\n")
    print(f"worst growth per doubling: {worst}")
    return 0 if worst <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
