"""Tagging speed and scaling: is tagging linear in text length?

Builds English and Chinese articles from the bundled sample corpus (text we
wrote), repeated 1, 2, 4 ... 32 times, tags each several times and records the
best time. Linear tagging shows as a flat time per character across sizes.

Run: ``.venv/bin/python benchmarks/bench_tagging.py``; results go to
``benchmarks/results/tagging.json`` and ``tagging.md``.
"""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path

from aistress.formats import read
from aistress.model import Article, Block
from aistress.sample import sample_paths
from aistress.tagging import Tagger

RESULTS = Path(__file__).resolve().parent / "results"
SIZES = (1, 2, 4, 8, 16, 32)
REPEATS = 9


#: Text we wrote that is dense in terms and cues (negations, concessions, names).
_DENSE = {
    "en": (
        "No burnout, not all labs, never overtime; despite high pay, Ada Quill said the "
        "breakneck pace is no escape, but counseling helps and she proposed fewer conferences. "
        "Only 12% chose therapy; I don't buy it. Q: is burnout real? @burnout_fan agreed. "
    ),
    "zh": (
        "并非所有人都加班，尽管薪水高，艾达·奎尔说没有逃脱，但心理咨询有帮助，她建议减少会议。"
        "只有12%的人选择心理咨询，治标不治本。問：壓力大嗎？"
    ),
}


def _dense(language: str, times: int) -> Article:
    """One paragraph of cue-dense text, 20 times the base unit per copy."""
    text = _DENSE[language] * (20 * times)
    return Article(f"dense-{language}x{times}", language, "news", blocks=[Block("paragraph", text)])


def _base_articles() -> dict[str, Article]:
    """One English and one Chinese article from the sample's bilingual post."""
    path = next(p for p in sample_paths() if "interleaved" in str(p))
    articles = read(path).articles
    return {a.language.split("-")[0]: a for a in articles}


def _scaled(article: Article, times: int, *, one_block: bool = False) -> Article:
    blocks = [Block(b.kind, b.text) for _ in range(times) for b in article.blocks]
    if one_block:
        # One long paragraph: the within-block scan, cues and windows must stay linear too.
        blocks = [Block("paragraph", " ".join(b.text for b in blocks))]
    return Article(f"{article.id}x{times}", article.language, article.kind, blocks=blocks)


def _cpu_time(tagger: Tagger, article: Article) -> float:
    """CPU seconds of one tagging run (not wall time: other jobs on the machine do not count)."""
    start = time.process_time()
    tagger.tag(article, quotes=())
    return time.process_time() - start


def main() -> None:
    """Measure, print and write the results."""
    tagger = Tagger()
    start = time.perf_counter()
    Tagger(rules=None)  # compiled rules are cached per process; this measures a fresh one
    compile_seconds = time.perf_counter() - start
    cases = []
    for language, article in sorted(_base_articles().items()):
        tagger.tag(article, quotes=())  # warm caches
        for layout in ("blocks", "one block", "cue-dense"):
            for times in SIZES:
                if layout == "cue-dense":
                    scaled = _dense(language, times)
                else:
                    scaled = _scaled(article, times, one_block=layout == "one block")
                cases.append((language, layout, times, scaled))
    # Rounds over every case, keeping each case's best: a busy moment on the
    # machine then hurts all sizes alike instead of the largest ones.
    best = [float("inf")] * len(cases)
    for _ in range(REPEATS):
        for i, (_, _, _, scaled) in enumerate(cases):
            best[i] = min(best[i], _cpu_time(tagger, scaled))
    rows = []
    for (language, layout, times, scaled), seconds in zip(cases, best, strict=True):
        chars = len(scaled.text)
        rows.append(
            {
                "language": language,
                "layout": layout,
                "copies": times,
                "chars": chars,
                "seconds": round(seconds, 5),
                "microseconds_per_char": round(seconds / chars * 1e6, 3),
                "chars_per_second": round(chars / seconds),
            }
        )
        print(
            f"{language} {layout:9} x{times:<3} {chars:>8} chars {seconds * 1000:8.2f} ms "
            f"{seconds / chars * 1e6:6.2f} us/char"
        )
    ratios = {}
    for key in sorted({(r["language"], r["layout"]) for r in rows}):
        mine = [r for r in rows if (r["language"], r["layout"]) == key]
        ratios[" ".join(key)] = round(
            mine[-1]["microseconds_per_char"] / mine[0]["microseconds_per_char"], 2
        )
    result = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "tagger_construction_seconds": round(compile_seconds, 4),
        "rows": rows,
        "time_per_char_ratio_largest_to_smallest": ratios,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "tagging.json").write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    lines = [
        "# Tagging speed",
        "",
        f"Python {result['python']} on {result['machine']}; CPU time, best of {REPEATS} rounds.",
        "",
        "| language | layout | copies | characters | ms | µs per character |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {r['language']} | {r['layout']} | {r['copies']} | {r['chars']} "
        f"| {r['seconds'] * 1000:.2f} "
        f"| {r['microseconds_per_char']:.2f} |"
        for r in rows
    ]
    lines += [
        "",
        "Time per character, largest input over smallest: "
        + "; ".join(f"{k} {v}" for k, v in sorted(ratios.items()))
        + " (1.0 is perfectly linear).",
        "",
    ]
    (RESULTS / "tagging.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"time per char ratio (largest/smallest): {ratios}")


if __name__ == "__main__":
    main()
