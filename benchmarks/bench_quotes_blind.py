"""Quotes and speakers on the blind passages of ``benchmarks/blind/quotes``.

Twelve passages (four English, four Simplified, four Traditional Chinese)
written by a colleague who had not read the code, with gold quotes, speakers,
partial, anonymous and transcript flags, and non-quotes. No code has been
adapted to them: these figures are held out, and stay so only while nobody
reads their misses. The script therefore prints no errors, only the figures.

Scoring is the one of ``bench_quotes.py``: a gold quote is found when a
predicted quote has a span with exactly its offsets; its speaker is right
when one of the predicted person's names is the gold name (in English its
last word may stand for it), and for an anonymous gold source when the quote
comes out with no name and flagged anonymous.

Run: ``python benchmarks/bench_quotes_blind.py``; results go to
``benchmarks/results/quotes_blind.json`` and ``quotes_blind.md``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_quotes import Tally
from quote_sets import Gold, Item, _article

from aistress.quotes import extract_quotes

HERE = Path(__file__).resolve().parent
BLIND = HERE / "blind" / "quotes"
RESULTS = HERE / "results"


def blind_items() -> Iterator[tuple[str, Item]]:
    """Each passage as an item of the quote benchmark, with its language group."""
    for gold_path in sorted(BLIND.glob("passage*.json")):
        entry = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        lang = entry["language"]
        article, _ = _article(gold_path.stem, text, lang)
        full = article.text
        gold: list[Gold] = []
        at = 0
        for q in entry["quotes"]:
            k = full.find(q["text"], at)
            if k < 0:
                k = full.find(q["text"])
            if k < 0:
                raise SystemExit(f"{gold_path.name}: gold quote not in the text: {q['text']!r}")
            at = k + len(q["text"])
            anonymous = bool(q.get("anonymous"))
            speaker = None if anonymous else q.get("speaker")
            gold.append(
                Gold(k, at, speaker, speaker is not None, anonymous, bool(q.get("partial")))
            )
        group = "en" if lang == "en" else f"zh-{entry.get('script') or 'Hans'}"
        yield group, Item(gold_path.stem, article, tuple(gold), (), group)


def main() -> int:
    """Score every passage and write the results."""
    tallies: dict[str, Tally] = {}
    for group, item in blind_items():
        tally = tallies.setdefault(group, Tally())
        tally.news(item, extract_quotes(item.article), "en" if group == "en" else "zh", [])
    rows = {group: tallies[group].row() for group in sorted(tallies)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quotes_blind.json").write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    keys = list(next(iter(rows.values())))
    lines = [
        "# Quotes on the blind passages",
        "",
        "`python benchmarks/bench_quotes_blind.py` over `benchmarks/blind/quotes` "
        "(held out: no code adapted to them).",
        "",
        "| group | " + " | ".join(keys) + " |",
        "| --- |" + " --- |" * len(keys),
    ]
    lines += [f"| {g} | " + " | ".join(str(r[k]) for k in keys) + " |" for g, r in rows.items()]
    (RESULTS / "quotes_blind.md").write_text("\n".join(lines) + "\n", "utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
