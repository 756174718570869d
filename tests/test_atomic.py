"""Atomic output: an interrupted or failed write leaves the previous file intact."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import aistress.io.atomic as atomic_module
from aistress.alignment.scoring import write_beads
from aistress.alignment.tmx import write_tmx, write_tsv
from aistress.cli import main
from aistress.io import atomic_write, dump_jsonl, load_jsonl, write_bytes, write_text
from aistress.model import Alignment, Bead, Span
from aistress.sample import sample_paths
from aistress.tagging import TagMatrix

OLD = "previous contents\n"


@pytest.fixture
def target(tmp_path: Path) -> Path:
    """A file holding OLD, alone in its folder."""
    path = tmp_path / "out.txt"
    path.write_text(OLD, encoding="utf-8")
    return path


def left_alone(path: Path) -> None:
    """``path`` still holds OLD and no temporary file is left beside it."""
    assert path.read_text(encoding="utf-8") == OLD
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def half_write(path: Path, mode: str, error: type) -> None:
    """Write half a file through atomic_write, then raise ``error``."""
    with atomic_write(path, mode) as stream:  # type: ignore[call-overload]
        stream.write("half" if mode == "w" else b"half")
        raise error


@pytest.fixture
def interrupt_at_sync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the last step before the rename raise KeyboardInterrupt (all data written)."""

    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic_module.os, "fsync", interrupted)


def test_complete_write_replaces_the_file(target: Path) -> None:
    """A write that completes replaces the contents and leaves no temporary file."""
    write_text(target, "new\n")
    assert target.read_text(encoding="utf-8") == "new\n"
    write_bytes(target, b"\x00bytes")
    assert target.read_bytes() == b"\x00bytes"
    assert [p.name for p in target.parent.iterdir()] == [target.name]


@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_error_inside_the_block_keeps_the_old_file(target: Path, error: type) -> None:
    """An exception (KeyboardInterrupt included) mid-write keeps the old file, no debris."""
    with pytest.raises(error):
        half_write(target, "w", error)
    left_alone(target)


def test_new_file_not_created_on_error(tmp_path: Path) -> None:
    """A failed write to a new path creates nothing."""
    with pytest.raises(KeyboardInterrupt):
        half_write(tmp_path / "new.txt", "wb", KeyboardInterrupt)
    assert list(tmp_path.iterdir()) == []


def test_permissions_and_symlinks_are_kept(target: Path) -> None:
    """Rewriting keeps the file's permission bits and writes through a symbolic link."""
    os.chmod(target, 0o640)
    link = target.with_name("link.txt")
    link.symlink_to(target.name)
    write_text(link, "new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_bad_mode_refused(target: Path) -> None:
    """Only "w" and "wb" are write modes."""
    with pytest.raises(ValueError, match="mode"):
        atomic_write(target, "a")  # type: ignore[call-overload]


def test_dump_jsonl_unencodable_record_leaves_no_partial_file(target: Path) -> None:
    """A record that cannot be encoded aborts dump_jsonl(path) with the old file intact."""
    with pytest.raises(TypeError):
        dump_jsonl([Span("d", 0, 1), object()], target)
    left_alone(target)


def test_dump_jsonl_interrupted_keeps_previous_file(target: Path) -> None:
    """KeyboardInterrupt while records are still coming keeps the previous file."""

    def records() -> Iterator[Span]:
        yield Span("d", 0, 1)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        dump_jsonl(records(), target)
    left_alone(target)
    dump_jsonl([Span("d", 0, 1)], target)
    assert list(load_jsonl(target)) == [Span("d", 0, 1)]


ALIGNMENT = Alignment([Bead((0,), (0,))], source_segments=["Hi."], target_segments=["你好。"])

WRITERS: dict[str, Callable[[Path], object]] = {
    "write_tmx": lambda p: write_tmx(ALIGNMENT, p),
    "write_tsv": lambda p: write_tsv(ALIGNMENT, p),
    "write_beads": lambda p: write_beads(ALIGNMENT, p),
    "TagMatrix.to_csv": lambda p: TagMatrix(["d1"], ["pace"], [[1]]).to_csv(p),
    "dump_jsonl": lambda p: dump_jsonl([Span("d", 0, 1)], p),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
@pytest.mark.usefixtures("interrupt_at_sync")
def test_library_writers_are_atomic(target: Path, name: str) -> None:
    """Every library writer interrupted just before the rename keeps the previous file."""
    with pytest.raises(KeyboardInterrupt):
        WRITERS[name](target)
    left_alone(target)


@pytest.mark.parametrize("command", ["corpus", "report"])
@pytest.mark.usefixtures("interrupt_at_sync")
def test_cli_outputs_are_atomic(target: Path, command: str) -> None:
    """`corpus --out F` and `report --html F` interrupted keep F's previous contents."""
    first = str(sample_paths()[0])
    option = "--out" if command == "corpus" else "--html"
    assert main([command, first, option, str(target)]) != 0  # reported as interrupted
    left_alone(target)
