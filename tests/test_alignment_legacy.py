from __future__ import annotations

import inspect
import sys
from collections.abc import Iterator

import pytest

import aistress
from aistress import alignment
from aistress.alignment import AlignOptions, scoring
from aistress.alignment.legacy import OLD_PACKAGE
from aistress.model import Bead

NO_DICT = AlignOptions(dictionary=False)


@pytest.fixture
def fresh_old_package() -> Iterator[None]:
    """Forget any import of the old package and restore ``aistress.align`` afterwards."""

    def forget() -> None:
        for name in [n for n in sys.modules if n == OLD_PACKAGE or n.startswith(OLD_PACKAGE + ".")]:
            del sys.modules[name]

    forget()
    yield
    forget()
    aistress.align = alignment.align  # type: ignore[attr-defined]


def test_align_is_a_plain_function() -> None:
    """``aistress.align`` is the plain function of the alignment package."""
    assert inspect.isfunction(aistress.align)
    assert aistress.align is alignment.align


def test_old_helper_attributes_warn_and_work() -> None:
    """``align.evaluate(...)`` of the old callable object still scores, with a warning."""
    beads = [Bead((0,), (0,))]
    with pytest.warns(DeprecationWarning, match=r"alignment\.evaluate"):
        scores = aistress.align.evaluate(beads, beads)  # type: ignore[attr-defined]
    assert scores == alignment.evaluate(beads, beads)


@pytest.mark.usefixtures("fresh_old_package")
def test_old_module_paths_warn_and_resolve() -> None:
    """``aistress.align.X`` imports warn and give the modules of ``aistress.alignment``."""
    with pytest.warns(DeprecationWarning, match=r"aistress\.align is deprecated"):
        from aistress.align.aligner import align_segments  # type: ignore[import-not-found]
    assert align_segments is alignment.align_segments
    from aistress.align.evaluate import evaluate  # type: ignore[import-not-found]

    assert evaluate is scoring.evaluate
    assert sys.modules["aistress.align.evaluate"] is scoring


@pytest.mark.usefixtures("fresh_old_package")
def test_importing_old_package_leaves_align_callable() -> None:
    """After ``import aistress.align`` the name ``aistress.align`` still aligns."""
    with pytest.warns(DeprecationWarning, match=r"aistress\.align is deprecated"):
        import aistress.align  # type: ignore[import-not-found]
    with pytest.warns(DeprecationWarning, match="the function"):
        result = aistress.align(["One.", "Two."], ["一。", "二。"], options=NO_DICT)
    assert [(b.source, b.target) for b in result.beads] == [((0,), (0,)), ((1,), (1,))]
    with pytest.warns(DeprecationWarning, match=r"alignment\.AlignOptions"):
        assert aistress.align.AlignOptions is AlignOptions
