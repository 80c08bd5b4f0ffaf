"""Prove that a test run leaves the checkout as it found it: no tracked file changed or added.

:func:`snapshot` records every path ``git status`` reports (modified, deleted, untracked and
not ignored) with a fingerprint of its content, so a file that was already dirty before the
run and is written again by a test is caught too. Ignored folders (test-artifacts/, build/)
are where tests may write.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

Snapshot = dict[str, str]


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        ["git", "--no-optional-locks", "-C", str(root), *args],
        capture_output=True,
        check=False,
    )


def checkout_root(start: Path) -> Path | None:
    """The root of the git work tree holding ``start``; None without git or outside one."""
    if shutil.which("git") is None:
        return None
    found = _git(start, "rev-parse", "--show-toplevel")
    if found.returncode != 0:
        return None
    return Path(found.stdout.decode().strip())


def _fingerprint(path: Path) -> str:
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    return "absent" if not path.exists() else "not a file"


def snapshot(root: Path) -> Snapshot:
    """Path -> git status and content fingerprint, for every path git reports as changed."""
    status = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all")
    if status.returncode != 0:
        raise RuntimeError(status.stderr.decode(errors="replace"))
    entries = status.stdout.decode(errors="surrogateescape").split("\0")
    found: Snapshot = {}
    index = 0
    while index < len(entries):
        entry = entries[index]
        index += 1
        if not entry:
            continue
        code, name = entry[:2], entry[3:]
        if "R" in code or "C" in code:
            index += 1  # a rename or copy is followed by its source path
        found[name] = f"{code} {_fingerprint(root / name)}"
    return found


def changed_paths(before: Snapshot, after: Snapshot, allowed: Path | None = None) -> list[str]:
    """Paths whose status or content differs between two snapshots, but those under allowed.

    Args:
        before: the snapshot taken at the start.
        after: the snapshot taken at the end.
        allowed: a folder, relative to the root, where writing was asked for (or None).

    Returns:
        The paths, sorted.
    """
    paths = {p for p in before.keys() | after.keys() if before.get(p) != after.get(p)}
    if allowed is not None:
        prefix = allowed.as_posix().rstrip("/") + "/"
        paths = {p for p in paths if not p.startswith(prefix)}
    return sorted(paths)
