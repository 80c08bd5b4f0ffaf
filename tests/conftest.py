"""Shared fixtures: offscreen Qt, an isolated data folder, a fixed clock, the demo file.

The session also fails when the run changed or added a file git tracks (see
tests/helpers/tracked.py): tests write only into temporary folders and test-artifacts/.
"""

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
from facilitator_app.services.analysis.theme_projection import SWITCH as PROJECTION_SWITCH
from facilitator_app.services.setup.demo import write_demo
from tests.helpers import tracked
from tests.helpers.screens import SCREENSHOTS_ENV

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

_ROOT = pytest.StashKey[Path]()
_BEFORE = pytest.StashKey[tracked.Snapshot]()
_CHANGED = pytest.StashKey[list[str]]()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Note what git reports as changed before any test runs (nothing outside a checkout)."""
    root = tracked.checkout_root(Path(__file__).resolve().parent)
    if root is not None:
        session.config.stash[_ROOT] = root
        session.config.stash[_BEFORE] = tracked.snapshot(root)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run when it changed or added a file git tracks or would track."""
    stash = session.config.stash
    if _ROOT not in stash:
        return
    asked = os.environ.get(SCREENSHOTS_ENV, "").strip()
    changed = tracked.changed_paths(
        stash[_BEFORE], tracked.snapshot(stash[_ROOT]), Path(asked) if asked else None
    )
    if changed:
        stash[_CHANGED] = changed
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Name the files the run changed (see :func:`pytest_sessionfinish`)."""
    changed = terminalreporter.config.stash.get(_CHANGED, [])
    if changed:
        terminalreporter.section("files in the checkout changed by the tests", red=True)
        for path in changed:
            terminalreporter.write_line(f"  {path}")
        terminalreporter.write_line(
            "Tests must write into tmp_path or test-artifacts/ only "
            f"(docs/screenshots/: make screenshots, which sets {SCREENSHOTS_ENV})."
        )


@pytest.fixture(scope="session", autouse=True)
def isolated_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point the app's cache folder at one temporary folder for the whole session.

    Session-wide, so that the sentence encoder's cache is built once (by the first test
    that loads the model) and mapped by every later load, in this process or its children.
    """
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FACILITATOR_APP_CACHE", str(folder))
        yield folder


@pytest.fixture(autouse=True)
def plain_meaning_vectors(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Switch the learned theme projection off, unless the test is marked theme_projection.

    Most analysis and GUI tests use synthetic topic vectors (tests/helpers/meaning_vectors):
    random directions that are not the encoder's, which the projection learned from real
    post-its would blur. The environment variable reaches the app's subprocesses too.
    """
    if request.node.get_closest_marker("theme_projection") is None:
        monkeypatch.setenv(PROJECTION_SWITCH, "0")
    else:
        monkeypatch.delenv(PROJECTION_SWITCH, raising=False)


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
