"""Adversarial inputs of a chosen size, for complexity benchmarks and totality tests.

Each generator takes a size ``n`` (characters of text, or articles of a
corpus) and returns the same input for the same ``n``, so that timings at
``n``, ``2n``, ``4n`` ... show how a function's cost grows. The texts are
built from a few words of our own; none is taken from any document.

>>> from aistress.testing.hostile import TEXTS, near_duplicates
>>> len(TEXTS["curly quote pairs"](100))
100
>>> corpus = near_duplicates(6)
>>> len(corpus), corpus[0].language
(6, 'en')
"""

from __future__ import annotations

import random
from collections.abc import Callable

from aistress.model import Article, Block

__all__ = [
    "TEXTS",
    "article",
    "deep_json",
    "near_duplicates",
    "nested_markdown",
    "repeat",
]


def repeat(unit: str, n: int) -> str:
    """``unit`` repeated and cut to exactly ``n`` characters."""
    if not unit:
        raise ValueError("unit must not be empty")
    return (unit * (n // len(unit) + 1))[:n]


def nested_markdown(n: int) -> str:
    """About ``n`` characters of ever deeper Markdown: block quotes, lists, emphasis, links."""
    parts: list[str] = []
    size = 0
    depth = 1
    while size < n:
        piece = (
            "> " * depth
            + "quote\n"
            + "  " * depth
            + "- item\n"
            + "*" * depth
            + "x"
            + "_" * depth
            + " "
            + "[" * depth
            + "link"
            + "](" * depth
            + "\n\n"
        )
        parts.append(piece)
        size += len(piece)
        depth += 1
    return "".join(parts)[:n]


#: Text generators by name; ``TEXTS[name](n)`` is ``n`` characters long.
TEXTS: dict[str, Callable[[int], str]] = {
    "curly quote pairs": lambda n: repeat("\u201ca\u201d ", n),
    "ascii quote marks": lambda n: repeat('"', n),
    "apostrophes": lambda n: repeat("it's '", n),
    "unclosed quotes": lambda n: repeat("\u201copen words ", n),
    "no punctuation": lambda n: repeat("stress grows in every lab and team ", n),
    "han run": lambda n: repeat("研究人员的压力随着模型训练而增加", n),
    "han latin alternation": lambda n: repeat("模型A训练B", n),
    "chinese quotes": lambda n: repeat("他说「压力很大」她说“累”", n),
    "many numbers": lambda n: repeat("访问量近 3.2 亿次，增长 45%，约 200m 美元，1,234 人 ", n),
    "nested markdown": nested_markdown,
    "parenthesised repeats": lambda n: repeat("名字(名字)(（Ab（Ab）: #x\n", n),
}


def article(text: str, language: str = "en", *, id: str = "a", kind: str = "news") -> Article:
    """One article whose body is ``text`` split into paragraphs at blank lines."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()] or [text or " "]
    return Article(
        id,
        language,
        kind,
        title="Stress in the lab",
        blocks=[Block("paragraph", p) for p in paragraphs],
    )


def deep_json(n: int) -> str:
    """JSON text of ``n`` characters: arrays nested ``n // 2`` deep."""
    return "[" * (n // 2) + "]" * (n - n // 2)


_STORY = (
    "Researchers at {lab} reported that {pct}% of their engineers felt "
    "pressure from release deadlines in {year}.",
    "The survey of {staff} staff found that on-call rotations and model "
    "evaluation targets were the main stressors.",
    "Managers proposed shorter rotations and a budget of ${budget}m for "
    "counselling, according to {person}.",
    "Some teams said the changes came too late for the {project} project.",
)
_WORDS = ("reported", "said", "found", "noted", "claimed", "stated", "wrote", "added")
_SYLLABLES = ("nor", "vel", "tam", "kir", "sol", "bra", "den", "qua", "lio", "mer")


def _name(k: int, parts: int = 2) -> str:
    word = "".join(_SYLLABLES[(k // 10**p) % 10] for p in range(parts))
    return word.capitalize()


def near_duplicates(n: int, *, stories: int = 5, seed: int = 0) -> list[Article]:
    """``n`` articles: ``stories`` stories, each copied with one word changed.

    Like syndicated stories picked up by many outlets: every copy of a story
    shares all its anchors (names, numbers, the year) with the other copies,
    and with five stories each anchor is found in exactly a fifth of the
    articles, the worst case for pairing by shared anchors. A third of the
    copies are marked rewrites, a third summaries (first paragraph only).
    """
    rng = random.Random(seed)
    articles = []
    for i in range(n):
        story = i % stories
        facts = {
            "lab": f"{_name(story)} Labs",
            "pct": 20 + story,
            "year": 2000 + story,
            "staff": f"{1_250 + 17 * story:,}",
            "budget": f"{3.5 + story:.1f}",
            "person": f"{_name(story + 3)} {_name(story + 5, 3)}",
            "project": _name(story + 7),
        }
        paragraphs = [p.format(**facts) for p in _STORY]
        k = rng.randrange(len(paragraphs))
        words = paragraphs[k].split()
        words[rng.randrange(len(words))] = rng.choice(_WORDS)
        paragraphs[k] = " ".join(words)
        kind = ("news", "rewrite", "summary")[(i // stories) % 3]
        if kind == "summary":
            paragraphs = paragraphs[:1]
        articles.append(
            Article(
                f"copy-{i:06d}",
                "en",
                kind,
                title=f"Engineers under pressure ({i})",
                blocks=[Block("paragraph", p) for p in paragraphs],
            )
        )
    return articles
