"""One resolver for bundled files, in the source tree and in the PyInstaller bundle.

Paths are always relative to ``resources/`` or ``forms/``; absolute paths and ``..`` are
refused so that a name taken from data can never point outside those folders.
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def base_dir() -> Path:
    """The folder holding ``resources/`` and ``forms/``.

    In a PyInstaller bundle that is the unpack folder (``sys._MEIPASS``); in the source
    tree it is the repository root, one level above the package.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def _safe(root: str, name: str) -> Path:
    relative = PurePosixPath(name.replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise ValueError(f"percorso di risorsa non ammesso: {name!r}")
    return base_dir().joinpath(root, *relative.parts)


def resource_path(name: str) -> Path:
    """Path of a file or folder under ``resources/`` (e.g. ``"cards/psm-2021-2023.yml"``)."""
    return _safe("resources", name)


def form_path(name: str) -> Path:
    """Path of a Qt Designer form under ``forms/`` (e.g. ``"new_event.ui"``)."""
    return _safe("forms", name)
