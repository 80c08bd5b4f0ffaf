"""Shared fixtures: offscreen Qt, an isolated data folder, a fixed clock, the demo file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to open a real screen in tests (CI has none).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.setup.demo import write_demo

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"


@pytest.fixture(autouse=True)
def isolated_data_dir(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point the app's data folder at a fresh temporary folder for every test."""
    folder = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("FACILITATOR_APP_DATA", str(folder))
    return folder


@pytest.fixture
def clock() -> FixedClock:
    """A clock set to the morning of the 2023 forum (10:20 local = 09:20 UTC)."""
    return FixedClock(dt.datetime(2023, 11, 10, 9, 20, tzinfo=dt.UTC))


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    write_demo(path, FixedClock(dt.datetime(2023, 11, 10, 8, 0, tzinfo=dt.UTC)))
    return path


@pytest.fixture
def demo_path(_demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo event file."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, target)
    return target


@pytest.fixture
def artifacts() -> Iterator[Path]:
    """Folder where tests keep screenshots and rendered pages for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    yield ARTIFACTS
