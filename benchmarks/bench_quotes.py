"""Quote extraction and attribution on third-party data, development and held-out parts.

Sets (read from ``../shared/bench``, see :mod:`quote_sets` for the split):

- ``polnear``: PolNeAR train, English news. Span P/R/F1 of direct quotes
  (exact offsets), speaker accuracy on matched quotes whose gold source is a
  name, and the quoted stretches outside any attribution that come out as
  direct quotes. The gold is derived from double-marked stretches only, so
  speech quoted inside a quote (``‘…’`` within ``“…”``), which extraction
  returns as a quote of its own, is set aside (``nested_set_aside`` counts it).
- ``zh-news``: quotes-zh-dev, Simplified (Hans) and Traditional (Hant)
  separately: span P/R/F1, speaker accuracy (names, organisations, and
  unnamed sources, which must come out without a name and flagged
  anonymous), and non-quotes returned as direct quotes.
- ``novel``: speaker-zh (*World of Plainness*): speaker accuracy of the
  quote on line 11 per category (explicit, implicit, latent); the speaker is
  right when one of its names is one of the set's aliases of the gold speaker.

Run: ``python benchmarks/bench_quotes.py [--errors SET]``; results go to
``benchmarks/results/quotes.json`` and ``quotes.md``. ``--errors`` prints the
development-part errors of one set (never the held-out part).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quote_sets import Gold, Item, Novel, held_out, novel_items, polnear_items, zh_news_items

from aistress.model import Quote
from aistress.people import name_key
from aistress.quotes import extract_quotes

RESULTS = Path(__file__).resolve().parent / "results"


def _names(q: Quote) -> set[str]:
    return {name_key(n) for n in q.speaker.names} if q.speaker is not None else set()


#: What a PolNeAR source span may carry after the name: a party and state
#: (``Sen. Rand Paul, R-Ky.,``) or a possessive (``Clinton's``).
_SOURCE_TAIL = re.compile(r"(?:,\s*[RDI]-[A-Z][A-Za-z.]*)?[,\s]*$|['’]s$")


def _speaker_right(q: Quote, g: Gold, lang: str) -> bool:
    if g.speaker is None:
        return q.speaker is None and q.anonymous == g.anonymous
    names = _names(q)
    if name_key(g.speaker) in names:
        return True
    if lang == "en":
        # the gold source is the name as written there ("Trump"): its last word
        # is a name of the predicted person, or the predicted name contains it
        gold = _SOURCE_TAIL.sub("", g.speaker.strip()) or g.speaker
        last = gold.split()[-1]
        return any(name_key(last) == n.split()[-1] for n in names if n) or any(
            name_key(gold) in n for n in names
        )
    return False


class Tally:
    """Counts for one set part."""

    def __init__(self) -> None:
        self.c: Counter[str] = Counter()

    def news(self, item: Item, quotes: Iterable[Quote], lang: str, errors: list[str]) -> None:
        """Count one document's predictions against its gold (errors go to ``errors``)."""
        spans = {}
        for q in quotes:
            for s in q.spans:
                spans[(s.start, s.end)] = q
        self.c["docs"] += 1
        self.c["predicted"] += len(spans)
        self.c["gold"] += len(item.gold)
        text = item.article.text
        for g in item.gold:
            q = spans.get((g.start, g.end))
            if q is None:
                errors.append(f"MISS {item.key} [{g.form}] {text[g.start : g.end][:80]!r}")
                continue
            self.c["matched"] += 1
            if g.named or lang == "zh":
                self.c["speaker_n"] += 1
                if _speaker_right(q, g, lang):
                    self.c["speaker_ok"] += 1
                else:
                    got = q.speaker.name if q.speaker else ("anon" if q.anonymous else None)
                    errors.append(
                        f"SPEAKER {item.key} [{g.form}] gold={g.speaker} got={got} "
                        f"cue={q.cue} {text[g.start : g.end][:60]!r}"
                    )
        gold_spans = {(g.start, g.end) for g in item.gold}
        nots = set(item.not_quotes)
        for key in spans:
            if key in gold_spans:
                continue
            if key in nots or lang == "en":
                self.c["scare_returned"] += 1
            errors.append(f"EXTRA {item.key} {text[key[0] : key[1]][:80]!r}")

    def row(self) -> dict[str, float | int]:
        """The figures of this part."""
        c = self.c
        p = c["matched"] / c["predicted"] if c["predicted"] else 1.0
        r = c["matched"] / c["gold"] if c["gold"] else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        sp = c["speaker_ok"] / c["speaker_n"] if c["speaker_n"] else 1.0
        return {
            "docs": c["docs"],
            "gold": c["gold"],
            "predicted": c["predicted"],
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "speaker_n": c["speaker_n"],
            "speaker_accuracy": round(sp, 3),
            "extra_returned": c["scare_returned"],
        }


def _news(
    items: Iterable[Item],
    lang: str,
    by_group: bool,
    top_level: bool = False,
    nested: dict[str, int] | None = None,
) -> tuple[dict[str, Tally], list[str]]:
    nested = {} if nested is None else nested
    tallies: dict[str, Tally] = {}
    errors: list[str] = []
    for item in items:
        part = "held-out" if held_out(item.key) else "dev"
        group = f"{item.group} " if by_group else ""
        tally = tallies.setdefault(f"{group}{part}", Tally())
        found = extract_quotes(item.article)
        if top_level:
            # the derived gold holds double-marked stretches only: speech quoted
            # inside a quote ('…' within “…”) can never be in it, so it is set aside
            inside = _nested(found)
            nested[part] = nested.get(part, 0) + len(inside)
            found = tuple(q for k, q in enumerate(found) if k not in inside)
        tally.news(item, found, lang, errors if part == "dev" else [])
    return tallies, errors


def _nested(found: tuple[Quote, ...]) -> set[int]:
    """Indexes of the quotes lying inside the quote before them (nested speech)."""
    out: set[int] = set()
    outer = None
    for k, q in enumerate(found):
        span = q.spans[0]
        if outer is not None and outer.start <= span.start and span.end <= outer.end:
            out.add(k)
        else:
            outer = span
    return out


def _novel(items: Iterable[Novel]) -> tuple[dict[str, Counter[str]], list[str]]:
    out: dict[str, Counter[str]] = {}
    errors: list[str] = []
    for item in items:
        part = "held-out" if held_out(item.key) else "dev"
        c = out.setdefault(f"{item.category} {part}", Counter())
        c["n"] += 1
        start = item.article.block_span(item.quote_block).start
        end = item.article.block_span(item.quote_block).end
        found = [q for q in extract_quotes(item.article) if start <= q.spans[0].start < end]
        names = set(found[0].speaker.names) if found and found[0].speaker else set()
        if not found:
            c["no_quote"] += 1
        if names & set(item.names):
            c["ok"] += 1
        elif part == "dev":
            got = found[0].speaker.name if found and found[0].speaker else None
            ctx = "|".join(b.text for b in item.article.blocks[8:12])
            errors.append(f"{item.category} {item.key} gold={item.speaker} got={got} :: {ctx}")
    return out, errors


def main(argv: list[str]) -> int:
    """Measure every set, print the table and write the results."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--errors", choices=["polnear", "zh-news", "novel"])
    parser.add_argument("--only", choices=["polnear", "zh-news", "novel"])
    args = parser.parse_args(argv)
    results: dict[str, dict[str, dict[str, float | int]]] = {}
    errors: dict[str, list[str]] = {}
    if args.only in (None, "polnear"):
        nested: dict[str, int] = {}
        tallies, errors["polnear"] = _news(polnear_items(), "en", False, True, nested)
        results["polnear (en)"] = {
            k: {**t.row(), "nested_set_aside": nested.get(k, 0)} for k, t in sorted(tallies.items())
        }
    if args.only in (None, "zh-news"):
        tallies, errors["zh-news"] = _news(zh_news_items(), "zh", True)
        results["quotes-zh-dev"] = {k: t.row() for k, t in sorted(tallies.items())}
    if args.only in (None, "novel"):
        counts, errors["novel"] = _novel(novel_items())
        results["speaker-zh"] = {
            k: {
                "n": c["n"],
                "speaker_accuracy": round(c["ok"] / c["n"], 3) if c["n"] else 1.0,
                "no_quote": c["no_quote"],
            }
            for k, c in sorted(counts.items())
        }
    if args.errors:
        for line in errors.get(args.errors, []):
            print(line)
        return 0
    lines = ["# Quotes on third-party data", ""]
    for name, rows in results.items():
        lines.append(f"## {name}")
        lines.append("")
        keys = list(next(iter(rows.values())).keys())
        lines.append("| part | " + " | ".join(keys) + " |")
        lines.append("| --- | " + " | ".join("---" for _ in keys) + " |")
        for part, row in rows.items():
            lines.append(f"| {part} | " + " | ".join(str(row[k]) for k in keys) + " |")
        lines.append("")
    text = "\n".join(lines)
    print(text)
    if args.only is None:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "quotes.json").write_text(json.dumps(results, indent=2) + "\n")
        (RESULTS / "quotes.md").write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
