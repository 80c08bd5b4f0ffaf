"""Theme suggestions and the post-its' meaning vectors: loaded aside, stored in the file."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Theme
from facilitator_app.services.analysis import embeddings
from facilitator_app.services.analysis.encoder import USE_MODEL_ID, EncoderUnavailable, Vectors
from facilitator_app.storage import embeddings as stored
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow


def _ask_for_suggestions(window: MainWindow) -> None:
    action = next(a for a in window.board_menu.actions() if a.text() == "Suggerisci temi")
    assert isinstance(action, QAction)
    action.trigger()


def _stored_for_board(path: Path, table_id: str, session: int, model_id: str) -> int:
    with EventStore.open(path, read_only=True) as other:
        posts = [p for p in other.contributions(table_id, session) if not p.deleted]
        hashes = {p.id: embeddings.text_hash(p.text) for p in posts}
        return len(stored.stored_vectors(other, hashes, model_id))


def test_suggesting_stores_the_vectors_of_the_board_in_the_file(
    window: MainWindow, demo_path: Path
) -> None:
    assert window.workspace is not None and window.workspace.table_id is not None
    table_id, session = window.workspace.table_id, window.workspace.session
    assert _stored_for_board(demo_path, table_id, session, USE_MODEL_ID) == 0
    _ask_for_suggestions(window)
    assert window.board is not None and window.board.suggestions is not None
    panel = window.board.suggestions
    assert panel.isVisible() and len(panel.groups) >= 2
    assert "gruppi suggeriti" in panel.status.text()
    live = len(panel.posts)
    assert live > 0
    assert _stored_for_board(demo_path, table_id, session, USE_MODEL_ID) == live


def test_without_the_model_the_word_suggestions_still_appear_and_nothing_is_stored(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        embeddings,
        "SHARED_ENCODER",
        embeddings.EncoderHolder(lambda: EncoderUnavailable("pesi mancanti")),
    )
    _ask_for_suggestions(window)
    assert window.board is not None and window.board.suggestions is not None
    panel = window.board.suggestions
    assert panel.isVisible() and len(panel.groups) >= 2
    assert window.workspace is not None and window.workspace.table_id is not None
    assert (
        _stored_for_board(
            demo_path, window.workspace.table_id, window.workspace.session, USE_MODEL_ID
        )
        == 0
    )


class _Encoder:
    model_id = "finto/1"
    dimensions = 4

    def encode(self, texts: Sequence[str]) -> Vectors:
        rows = np.ones((len(texts), self.dimensions), dtype=np.float32)
        return rows / 2.0


def test_the_model_loads_in_a_worker_thread_not_in_the_window_s(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded_in: list[threading.Thread] = []

    def load() -> _Encoder:
        loaded_in.append(threading.current_thread())
        return _Encoder()

    monkeypatch.setattr(embeddings, "SHARED_ENCODER", embeddings.EncoderHolder(load))
    _ask_for_suggestions(window)
    assert window.board is not None and window.board.suggestions is not None
    assert window.board.suggestions.isVisible()
    assert len(loaded_in) == 1 and loaded_in[0] is not threading.main_thread()
    assert window.workspace is not None and window.workspace.table_id is not None
    count = _stored_for_board(
        demo_path, window.workspace.table_id, window.workspace.session, "finto/1"
    )
    assert count == len(window.board.suggestions.posts) > 0


def test_a_slow_model_load_shows_preparing_after_a_second_while_the_window_answers(
    qtbot: QtBot, window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()

    def slow_load() -> _Encoder:
        release.wait(30)  # until the person has seen the progress dialog
        return _Encoder()

    monkeypatch.setattr(embeddings, "SHARED_ENCODER", embeddings.EncoderHolder(slow_load))
    seen: list[tuple[str, float]] = []
    asked = time.perf_counter()

    def look() -> None:  # runs in the window's event loop while the model loads
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        if shown:
            seen.append((shown[0].labelText(), time.perf_counter() - asked))
            release.set()
        elif not release.is_set():
            QTimer.singleShot(50, look)

    QTimer.singleShot(0, look)
    _ask_for_suggestions(window)
    release.set()
    assert seen, "no progress dialog while the model loaded"
    label, after = seen[0]
    assert label.startswith("Preparo i suggerimenti")
    assert 0.9 <= after < 3.5  # after a second, not at once nor at Qt's default 4 s
    assert window.board is not None and window.board.suggestions is not None
    panel = window.board.suggestions
    assert len(panel.groups) >= 2
    # the keyboard is back in the window: Ctrl+Enter accepts the first group
    qtbot.waitUntil(window.isActiveWindow)
    title = panel.groups[0].title
    panel.select(0)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with EventStore.open(demo_path, read_only=True) as other:
        assert title in [t.title for t in other.all(Theme) if t.deleted_at is None]
