"""The guard of tests/conftest.py: a run that changes or adds a file of the checkout fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import tracked

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git mancante")


def _git(root: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=root,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q")
    (root / ".gitignore").write_text("test-artifacts/\n", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "board.png").write_bytes(b"old picture")
    (root / "notes.txt").write_text("already being edited\n", encoding="utf-8")
    _git(root, "add", ".")
    _git(root, "commit", "-q", "-m", "start")
    (root / "notes.txt").write_text("edited before the run\n", encoding="utf-8")
    return root


@needs_git
def test_a_clean_run_changes_nothing(checkout: Path) -> None:
    before = tracked.snapshot(checkout)
    assert list(before) == ["notes.txt"]  # the edit made before the run is seen
    (checkout / "test-artifacts").mkdir()
    (checkout / "test-artifacts" / "board.png").write_bytes(b"picture")  # ignored folder
    assert tracked.changed_paths(before, tracked.snapshot(checkout)) == []


@needs_git
def test_changed_added_and_deleted_files_are_named(checkout: Path) -> None:
    before = tracked.snapshot(checkout)
    (checkout / "docs" / "board.png").write_bytes(b"new picture")
    (checkout / "docs" / "timer.png").write_bytes(b"a new file")
    (checkout / "notes.txt").write_text("written again by a test\n", encoding="utf-8")
    after = tracked.snapshot(checkout)
    assert tracked.changed_paths(before, after) == [
        "docs/board.png",
        "docs/timer.png",
        "notes.txt",
    ]
    assert tracked.changed_paths(before, after, allowed=Path("docs")) == ["notes.txt"]
    (checkout / "notes.txt").unlink()
    assert "notes.txt" in tracked.changed_paths(before, tracked.snapshot(checkout))


@needs_git
def test_outside_a_checkout_there_is_nothing_to_guard(tmp_path: Path) -> None:
    assert tracked.checkout_root(tmp_path) is None


@needs_git
def test_the_root_is_found_from_a_subfolder(checkout: Path) -> None:
    assert tracked.checkout_root(checkout / "docs") == checkout.resolve()
