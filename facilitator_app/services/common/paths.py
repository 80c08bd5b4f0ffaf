"""Where event files live by default (the user's data folder, via platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_path, user_data_path

from facilitator_app import APP_NAME

DEMO_FILE_NAME = "demo-forum-2023-11-10.sqlite"


def data_dir() -> Path:
    """The folder for event files; ``FACILITATOR_APP_DATA`` overrides it (tests, kiosks)."""
    override = os.environ.get("FACILITATOR_APP_DATA")
    folder = Path(override) if override else user_data_path(APP_NAME, appauthor=False)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_demo_path() -> Path:
    """Where the demo event file is written when no path is given."""
    return data_dir() / DEMO_FILE_NAME


def cache_dir() -> Path:
    """The folder for data the app can rebuild; ``FACILITATOR_APP_CACHE`` overrides it.

    Not created here: whoever writes into it creates it (and copes when it cannot).
    """
    override = os.environ.get("FACILITATOR_APP_CACHE")
    return Path(override) if override else user_cache_path(APP_NAME, appauthor=False)


def encoder_cache_dir() -> Path:
    """Where the sentence encoder keeps its weights ready to map (services/analysis)."""
    return cache_dir() / "encoder"
