"""Polarity cues of a sentence: negation, rejection, hypothesis and direction.

:func:`polarity_cues` finds, in English or Chinese (Simplified and
Traditional), the words that decide what a sentence asserts:

- ``negation``: negators (``not``, ``never``, ``no``, ``不``, ``没有``,
  ``未``), skipping the pseudo-negations of the tagging cues (``not only``,
  ``不断``, ``不少``);
- ``rejection``: a decision against something (``rejected``, ``voted
  against``, ``否决``, ``拒绝``);
- ``hypothetical``: modals, conditions and plans (``could``, ``if``,
  ``plans to``, ``可能``, ``如果``, ``将``);
- ``increase`` and ``decrease``: a direction of change (``rose``, ``fell``,
  ``增加``, ``下降``);
- ``fact``: a completed action (``already``, ``已经``, ``已將``), which
  also keeps ``將`` there from reading as a future.
- ``privative``: a word that holds a negation (``skipped``, ``missed``,
  ``错过``, ``unpaid``, ``insecure``, ``sleepless``): "skipped meals" says
  what "不吃饭" says, "unpaid hours" what "无偿工作". Not counted by
  :func:`sign`.

:func:`sign` folds negations and rejections into one sign: a sentence that
rejects something, or negates it once, is negative; negating a rejection
(``had not opposed``) is positive again.

>>> [c.kind for c in polarity_cues("The board rejected the plan.", "en")]
['rejection']
>>> sign(polarity_cues("Management had not opposed the ballot.", "en"))
1
>>> sign(polarity_cues("管理层批准了这项提议。", "zh")), sign(polarity_cues("生產力並未下降", "zh"))
(1, -1)

The vocabulary is in ``data/text/polarity.json``; pseudo-negations are
shared with the tagging cues in ``data/rules``. One scan per sentence:
linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import attrs

from aistress.data import load_json
from aistress.text._lowered import lower_text, lowered
from aistress.text.language import is_chinese
from aistress.text.words import alternation

__all__ = ["KINDS", "PolarityCue", "polarity_cues", "sign"]

#: The kinds of cue, in the order they are looked for.
KINDS = ("negation", "rejection", "hypothetical", "increase", "decrease", "fact", "privative")
# Phrasal verbs of rejection with their object inside ("turned the idea down").
_SEPARABLE = r"(?:turn|turned|turns|vote|voted|votes|shot|shoot|shoots)\s+(?:[\w'-]+\s+){0,3}down"
_MONTH_MAY = re.compile(r"May\s+\d")


@attrs.frozen
class PolarityCue:
    """One cue word in a text: what it marks and where it is.

    ``strong`` marks a hypothetical cue that leaves the statement open
    (``could``, ``whether``, ``可能``) rather than only placing it in the
    future (``will``); ``epistemic`` one that doubts it (``might``, ``或许``).
    """

    kind: str
    text: str
    start: int
    end: int
    strong: bool = False
    epistemic: bool = False


def _json(*parts: str) -> dict[str, Any]:
    data: dict[str, Any] = load_json("/".join(parts))
    return data


@cache
def _patterns(
    chinese: bool,
) -> tuple[re.Pattern[str], dict[str, str], frozenset[str], frozenset[str]]:
    vocab = _json("text", "polarity.json")
    lang = "zh" if chinese else "en"
    rules = _json("rules", f"{lang}.json")
    pseudo = list(rules.get("cues", {}).get("pseudo_negation", ()))
    pseudo += vocab["pseudo_zh_extra" if chinese else "pseudo_en_extra"]
    # The tagging cues treat "not knowing" as no negation; for polarity it is one.
    pseudo = [w for w in pseudo if w not in vocab["not_pseudo_zh" if chinese else "not_pseudo_en"]]
    kind_of: dict[str, str] = {}
    for word in pseudo:
        kind_of[word] = "pseudo"
    for kind, key in (
        ("negation", "negators"),
        ("rejection", "rejections"),
        ("hypothetical", "hypothetical"),
        ("increase", "increase"),
        ("decrease", "decrease"),
        ("fact", "facts"),
        ("privative", "privatives"),
    ):
        for word in vocab[f"{key}_{lang}"]:
            kind_of.setdefault(word, kind)
    strong = frozenset(vocab[f"strong_hypothetical_{lang}"])
    epistemic = frozenset(vocab[f"epistemic_{lang}"])
    any_word = _longest_first(kind_of, fold=not chinese)
    if chinese:
        pattern = re.compile(f"(?:{any_word})")
    else:
        pattern = re.compile(rf"(?i)(?<![A-Za-z])(?:{_SEPARABLE}|{any_word})(?![A-Za-z])|n't\b")
    return pattern, kind_of, strong, epistemic


def _longest_first(words: Iterable[str], *, fold: bool) -> str:
    """An alternation that matches, where several words match, the longest of them.

    The words share their prefixes (a trie, :func:`aistress.text.words.alternation`),
    so the engine tries a few letters at each position instead of every word,
    and the match is the one ``"|".join`` of the words sorted longest first
    gives. ``fold``: the pattern ignores case, so words are lower-cased
    (all must be ASCII for that; otherwise the plain sorted alternation).
    """
    words = list(words)
    if fold and not all(w.isascii() for w in words):
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return alternation(w.lower() for w in words) if fold else alternation(words)


def polarity_cues(text: str, language: str) -> list[PolarityCue]:
    """The polarity cues of ``text`` in order (longest word first where words overlap)."""
    chinese = is_chinese(language)
    out = _word_cues(text, chinese)
    if not chinese:
        taken = [(c.start, c.end) for c in out]
        out.extend(
            PolarityCue("privative", m.group(), m.start(), m.end())
            for m in _AFFIXED_EN.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in taken)
        )
        out.sort(key=lambda c: c.start)
    return out


@cache
def _lowered_pattern() -> re.Pattern[str] | None:
    """The English cue pattern for lower-cased text (:mod:`aistress.text._lowered`)."""
    found = lowered(_patterns(False)[0].pattern.removeprefix("(?i)"))
    return None if found is None else re.compile(found)


def _word_cues(text: str, chinese: bool, low: str | None = None) -> list[PolarityCue]:
    """:func:`polarity_cues` but the English privatives (``unpaid``), whose search is a third of it.

    Callers that read no privative call this one. English is searched
    lower-cased, where lower-casing keeps every offset: the same matches,
    three times faster than ignoring case. ``low`` is the text lower-cased,
    if the caller has it (:func:`~aistress.text._lowered.lower_text`).
    """
    pattern, kind_of, strong, epistemic = _patterns(chinese)
    searched = text
    if not chinese:
        fast = _lowered_pattern()
        if fast is not None and low is None:
            low = lower_text(text)
        if fast is not None and low is not None:
            pattern, searched = fast, low
    out = []
    for m in pattern.finditer(searched):
        word = text[m.start() : m.end()]
        kind = kind_of.get(word) or kind_of.get(word.lower()) or _fallback(word)
        if kind in ("", "pseudo"):
            continue
        if word == "May" and _MONTH_MAY.match(text, m.start()):
            continue  # the month
        key = word if chinese else word.lower()
        out.append(PolarityCue(kind, word, m.start(), m.end(), key in strong, key in epistemic))
        if kind == "negation" and word[-1] in "会會":
            # 不会: a negated future, hypothetical as "would not" is
            out.append(PolarityCue("hypothetical", word, m.start(), m.end()))
    return out


# English words whose affix negates them (unpaid, insecure, sleepless): a
# translation renders them with a negator (无偿, 不安全, 无眠). Reversal verbs
# (unveil, unlock) and words that only begin like one (union, until) are not.
_AFFIXED_EN = re.compile(
    r"(?i)\b(?:un(?!der|til|less|ion|it|iv|iq|if|animous|veil|lock|pack|leash|fold|ravel|cover"
    r"|wind|do\b)[a-z]{4,}|non-?[a-z]{4,}|in(?:secure|sufficient|adequate|tractable|ability"
    r"|visible|humane|accurate|effective|flexible|formal)|im(?:possible|practical|balanced?)"
    r"|(?!never|none|regard)[a-z]{3,}less)\b"
)


def _fallback(word: str) -> str:
    if word.lower() == "n't":
        return "negation"
    return "rejection" if word.lower().endswith("down") else ""


def sign(cues: list[PolarityCue]) -> int:
    """``-1`` when the negations and rejections among ``cues`` are odd in number, else ``1``."""
    count = sum(1 for c in cues if c.kind in ("negation", "rejection"))
    return -1 if count % 2 else 1
