from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from facilitator_app.domain.errors import StorageError
from facilitator_app.services.common.files import atomic_path, atomic_write


def test_writes_bytes_text_and_callables(tmp_path: Path) -> None:
    atomic_write(tmp_path / "a.bin", b"\x00\x01")
    atomic_write(tmp_path / "sub" / "b.txt", "città")
    atomic_write(tmp_path / "c.txt", lambda p: p.write_text("x"))
    assert (tmp_path / "a.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "sub" / "b.txt").read_text(encoding="utf-8") == "città"
    assert (tmp_path / "c.txt").read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.bin", "c.txt", "sub"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def half(path: Path) -> None:
        path.write_bytes(b"half")
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        atomic_write(target, half)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]


def test_an_os_error_becomes_a_storage_error_naming_the_file(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"

    def full_disk(path: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(StorageError, match=r"out\.xlsx"):
        atomic_write(target, full_disk)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_folder_path_is_refused_without_damage(tmp_path: Path) -> None:
    (tmp_path / "dir").mkdir()
    with pytest.raises(StorageError), atomic_path(tmp_path / "dir") as temporary:
        temporary.write_text("x")
    assert (tmp_path / "dir").is_dir()
    assert [p.name for p in tmp_path.iterdir()] == ["dir"]


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    mask = os.umask(0)  # read the umask (only possible by setting it), then put it back
    os.umask(mask)
    fresh = tmp_path / "nuovo.pdf"
    atomic_write(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # not mkstemp's private 0600
    kept = tmp_path / "vecchio.xlsx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic_write(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_bytes() == b"new"
