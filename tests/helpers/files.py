"""File helpers for tests: fingerprints of files, the published facts the data is checked against."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


def digest(path: Path) -> str:
    """SHA-256 of a file's bytes, in hexadecimal."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def public_facts() -> dict[str, Any]:
    """The published PSM facts (shared/data/psm_public_facts.json beside the checkout).

    The file lives outside the repository, in a ``shared`` folder next to it or further up
    (a worktree sits one level deeper than the main checkout), so it is looked for in every
    folder above this one.
    """
    relative = Path("shared") / "data" / "psm_public_facts.json"
    for folder in Path(__file__).resolve().parents:
        if (folder / relative).is_file():
            found: dict[str, Any] = json.loads((folder / relative).read_text(encoding="utf-8"))
            return found
    raise FileNotFoundError(f"{relative} in no folder above {Path(__file__).parent}")
