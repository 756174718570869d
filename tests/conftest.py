"""Shared test configuration: Hypothesis profiles and paths to the shared corpus."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from aistress.alignment.evidence import SegmentFeatures
from aistress.errors import ParseError
from aistress.formats.accounting import unaccounted
from aistress.model import Article, Block, Source

# "ci" is fast and deterministic; "dev" is the default; "thorough" digs deeper.
settings.register_profile(
    "ci",
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
# The README's test command (CI's too) runs the bounded, repeatable "ci" profile
# in a fresh clone as well; HYPOTHESIS_PROFILE=dev or thorough searches wider.
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _find_shared() -> Path:
    """The shared folder: ``$AISTRESS_SHARED``, else ``shared`` beside the checkout.

    A worktree checked out inside a folder of worktrees also finds the
    ``shared`` folder beside that folder (``../../shared``), and so on upwards.
    """
    named = os.environ.get("AISTRESS_SHARED")
    if named:
        return Path(named)
    root = Path(__file__).resolve().parents[1]
    for parent in root.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return root.parent / "shared"


#: The third-party corpus and benchmark data live beside the repository, never in it.
SHARED = _find_shared()
CORPUS = SHARED / "corpus"

#: Under CI a missing shared folder is an error, not a reason to skip.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def missing_shared(reason: str) -> None:
    """Skip the test for want of shared data, or fail under CI (``CI=1``) where it must be there."""
    hint = " (set AISTRESS_SHARED to the shared folder)"
    if IN_CI:
        pytest.fail(reason + hint, pytrace=False)
    pytest.skip(reason + hint)


def seed(prefix: str) -> Path:
    """Return the path of the shared seed document whose name starts with ``prefix``."""
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        missing_shared(f"the shared corpus ({CORPUS}) holds no {prefix}_*.txt")
    return matches[0]


def excerpt(text: str, start: int, end: int, digest: str) -> str:
    """``text[start:end]``, checked against the first hex digits of its SHA-256.

    Tests keep what they expect of a third-party document as offsets into it
    and a short hash, never as its words: the document stays the only copy of
    its text, and a changed document fails here rather than moving the
    expectation silently.
    """
    piece = text[start:end]
    got = hashlib.sha256(piece.encode("utf-8")).hexdigest()
    assert got.startswith(digest), f"the text at {start}:{end} changed (sha256 {got[:8]})"
    return piece


@pytest.fixture
def shared() -> Path:
    """The shared folder (corpus, bench data) beside the repository."""
    if not SHARED.is_dir():
        missing_shared(f"no shared folder at {SHARED}")
    return SHARED


#: Fixtures written for these tests (never text of the shared corpus).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture(name: str) -> str:
    """Return the text of ``tests/fixtures/<name>``."""
    return (FIXTURES / name).read_text(encoding="utf-8")


def squash(text: str) -> str:
    """``text`` without any whitespace, to compare texts that differ in layout only."""
    return re.sub(r"\s+", "", text)


def assert_lossless(
    text: str, source: Source, write: Callable[[Source], str] | None = None
) -> None:
    """Assert that ``source`` loses nothing of ``text``, nor does writing it with ``write``.

    Every non-whitespace character of ``text`` lies in a block, a field or
    boilerplate of ``source``; with ``write``, the written text is ``text``
    up to whitespace.
    """
    assert unaccounted(text, source) == []
    if write is not None:
        assert squash(write(source)) == squash(text)


def read_or_refuse(
    read: Callable[[str], Source], text: str, *, refuse_only_blank: bool = False
) -> Source | None:
    """Read ``text`` losslessly (see :func:`assert_lossless`), or None where ``read`` refuses it.

    A reader may refuse any text with :class:`~aistress.errors.ParseError`, or,
    with ``refuse_only_blank``, only text that is blank; any other exception fails.
    """
    try:
        source = read(text)
    except ParseError:
        assert not (refuse_only_blank and text.strip()), "refused text that is not blank"
        return None
    assert_lossless(text, source)
    return source


def line_end_variants(text: str) -> dict[str, str]:
    """``text`` with CRLF line ends, with CR line ends, and with a byte-order mark."""
    return {
        "crlf": text.replace("\n", "\r\n"),
        "cr": text.replace("\n", "\r"),
        "bom": "\ufeff" + text,
    }


def segment_features(
    alphabet: str, max_words: int, *, whole: bool
) -> st.SearchStrategy[SegmentFeatures]:
    """The aligner's features of one segment, over a small word alphabet.

    ``whole``: lengths and sizes are often whole numbers, so equal scores,
    and so ties between beads, are common.
    """
    words = st.frozensets(st.sampled_from(list(alphabet)), max_size=max_words)
    length = st.floats(0, 300)
    size = st.floats(0, 40)
    if whole:
        length = st.one_of(st.integers(0, 60).map(float), length)
        size = st.one_of(st.integers(0, 8).map(float), size)
    return st.builds(
        SegmentFeatures,
        length=length,
        numbers=words,
        latin=words,
        translations=words,
        chinese=words,
        size=size,
        known=st.integers(0, 12),
    )


def article_of(
    *paragraphs: str,
    language: str = "en",
    genre: str = "news",
    doc: str = "t",
    author: str | None = None,
) -> Article:
    """An article ``doc`` of ``paragraphs`` we wrote, one paragraph block each."""
    blocks = [Block("paragraph", p) for p in paragraphs]
    return Article(doc, language, genre, blocks=blocks, author=author)


def bare_articles(source: Source) -> tuple[Article, ...]:
    """The articles without spans or provenance: what must survive layout changes."""
    return tuple(
        attrs.evolve(a, provenance=None, blocks=[attrs.evolve(b, span=None) for b in a.blocks])
        for a in source.articles
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests marked ``heavy`` first, in their order, then the rest in theirs.

    With ``-n 2`` the workers share the queue: a test of tens of seconds
    started last leaves one worker idle while the other finishes it.
    """
    items.sort(key=lambda item: item.get_closest_marker("heavy") is None)


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the files aistress caches (parsed dictionaries) out of the user's cache folder."""
    os.environ.setdefault("AISTRESS_CACHE_DIR", str(tmp_path_factory.mktemp("aistress-cache")))
