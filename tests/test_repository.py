"""Tests of the repository itself: no third-party corpus text is committed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, SHARED, missing_shared, squash

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.heavy
def test_no_corpus_text_in_the_repository() -> None:
    """No tracked file repeats text of the shared corpus or benchmark data."""
    checker = SHARED / "tools" / "seed_copy_check.py"
    if not checker.is_file():
        missing_shared(f"no copy checker at {checker}")
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    result = subprocess.run(
        [sys.executable, str(checker), str(REPO)], capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout


#: Our own held-out passages: written blind, scored by the benchmarks only.
BLIND_SETS = REPO / "benchmarks" / "blind"
#: Where a copy would turn a held-out passage into a fixture.
SCANNED = ("src/", "tests/", "docs/", "examples/", "tools/", "benchmarks/", "README.md")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.heavy
def test_no_blind_passage_text_outside_its_set() -> None:
    """No code, test or doc repeats 16 Chinese or 40 other characters of a blind quote passage."""
    shingles: set[str] = set()
    for path in sorted(BLIND_SETS.glob("quotes*/passage*.txt")):
        text = squash(path.read_text(encoding="utf-8"))
        for i in range(len(text)):
            n = 16 if _CJK.search(text[i : i + 16]) else 40
            if i + n <= len(text):
                shingles.add(text[i : i + n])
    assert shingles, "no blind passages found"
    names = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", *SCANNED], capture_output=True, text=True
    ).stdout.split()
    if not names:
        pytest.skip("not a git checkout")
    copied = []
    for name in names:
        if name.startswith(("benchmarks/blind/", "benchmarks/results/", "tools/tagdata/")):
            continue
        try:
            text = squash((REPO / name).read_text(encoding="utf-8"))
        except (UnicodeDecodeError, OSError):
            continue
        for i in range(len(text)):
            if text[i : i + 16] in shingles or text[i : i + 40] in shingles:
                copied.append(f"{name}: {text[i : i + 40]}")
                break
    assert not copied, "\n".join(copied)


#: Words that open a sentence before a name ("In April", "The Google ...").
_OPENERS = {"A", "An", "And", "As", "At", "But", "By", "For", "From", "If", "In", "Of", "On"}
_OPENERS |= {"So", "The", "Then", "This", "To", "When", "While", "With"}
#: Two or more capitalised words; a Chinese transliterated name, one character
#: either side of its middle dot and the two after it (the rest runs into its context).
_LATIN_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff][·・][\u4e00-\u9fff]{2}")


def _seed_names() -> set[str]:
    """The names the seed documents mention, found by their shape (no list of names)."""
    names: set[str] = set()
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for found in _LATIN_NAME.findall(text):
            words = found.split()
            while words and words[0] in _OPENERS:
                words.pop(0)
            if len(words) > 1:
                names.add(" ".join(words))
        names.update(m.replace("・", "·") for m in _HAN_NAME.findall(text))
    return names


def test_no_seed_names_in_the_repository() -> None:
    """No tracked file names a person or organisation that the seed documents name."""
    names = _seed_names()
    if not names:
        missing_shared(f"no seed documents in {CORPUS}")
    tracked = subprocess.run(
        ["git", "-C", str(REPO), "ls-files"], capture_output=True, text=True
    ).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    found = []
    for name in tracked:
        try:
            text = (REPO / name).read_text(encoding="utf-8").replace("・", "·")
        except (UnicodeDecodeError, OSError):
            continue
        found += [f"{name}: {n}" for n in sorted(names) if n in text]
    assert not found, "\n".join(found)
