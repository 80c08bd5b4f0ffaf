"""Screenshots for people to look at: kept in test-artifacts/, never in tracked files.

A run writes them only into the artifacts folder (git-ignored). ``make screenshots`` sets
:data:`SCREENSHOTS_ENV` to ``docs/screenshots`` to refresh the pictures of the
documentation on purpose; a relative folder is taken from the repository's root.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QWidget

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS_ENV = "FACILITATOR_SCREENSHOTS_DIR"


def screenshots_dir() -> Path | None:
    """The folder named by :data:`SCREENSHOTS_ENV`, or None when it is not set."""
    folder = os.environ.get(SCREENSHOTS_ENV, "").strip()
    return ROOT / folder if folder else None


def save_image(image: QImage | QPixmap, name: str, artifacts: Path) -> Path:
    """Save ``name``.png in the artifacts folder (and the screenshots folder, if asked)."""
    assert not image.isNull()
    target = artifacts / f"{name}.png"
    assert image.save(str(target))
    folder = screenshots_dir()
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        assert image.save(str(folder / f"{name}.png"))
    return target


def screenshot(widget: QWidget, name: str, artifacts: Path) -> Path:
    """Grab a widget as it is shown and save it (see :func:`save_image`)."""
    return save_image(widget.grab(), name, artifacts)
