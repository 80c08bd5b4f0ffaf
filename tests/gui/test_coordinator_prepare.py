"""The coordinator prepares one file per venue (or table) from the window, as `prepare` does."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Event, Table
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.coordinator.prepare import PrepareDialog
from facilitator_app.ui.main_window import MainWindow


@pytest.fixture
def master(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> MainWindow:
    """The window on a zones master event (six venues, eleven tables)."""
    path = tmp_path / "coordinamento.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["zone-omogenee"], clock)
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitActive(win):
        win.activateWindow()
    assert win.open_file(path)
    return win


def _open_prepare(qtbot: QtBot, win: MainWindow, folder: Path) -> PrepareDialog:
    qtbot.keyClick(
        win, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    view = win.coordinator
    assert view is not None and view.isVisible()
    qtbot.mouseClick(view.prepare_button, Qt.MouseButton.LeftButton)
    dialog = view.prepare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.ask_folder = lambda: folder  # the system's folder chooser, answered
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert dialog.folder_edit.text() == str(folder)
    return dialog


def _tick(qtbot: QtBot, choices: QListWidget, starts: tuple[str, ...]) -> None:
    """Tick the rows whose text starts so, with the keyboard (Space on the row)."""
    choices.setFocus()
    for row in range(choices.count()):
        item = choices.item(row)
        if item is not None and item.text().startswith(starts):
            choices.setCurrentRow(row)
            qtbot.keyClick(choices, Qt.Key.Key_Space)
            assert item.checkState() == Qt.CheckState.Checked


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_prepare_two_venue_files_then_refuse_to_overwrite(
    qtbot: QtBot, master: MainWindow, tmp_path: Path
) -> None:
    folder = tmp_path / "chiavette"
    folder.mkdir()
    dialog = _open_prepare(qtbot, master, folder)
    _tick(qtbot, dialog.choices, ("Comune di Pinerolo", "Comune di Condove"))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    pinerolo = folder / "sede-comune-di-pinerolo.sqlite"
    condove = folder / "sede-comune-di-condove.sqlite"
    assert sorted(folder.iterdir()) == sorted([pinerolo, condove])
    assert dialog.message is not None
    told = dialog.message.text()
    assert "sede-comune-di-pinerolo.sqlite" in told and "sede-comune-di-condove.sqlite" in told
    for path, names in (
        (pinerolo, ["Zona 5 - Pinerolese"]),
        (condove, ["Zona 6 - Valli di Susa e Sangone"]),
    ):
        with EventStore.open(path, read_only=True) as store:
            assert store.all(Event)[0].title == master.workspace.event_record.title  # type: ignore[union-attr]
            assert [t.name for t in store.all(Table)] == names
    before = {path: _digest(path) for path in (pinerolo, condove)}

    # Again into the same folder: a clear refusal, nothing overwritten, nothing added.
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    refused = dialog.message.text()
    assert "esistono già" in refused and "sede-comune-di-pinerolo.sqlite" in refused
    assert "Nessun file è stato scritto" in refused
    assert {path: _digest(path) for path in (pinerolo, condove)} == before
    assert sorted(folder.glob("*.sqlite")) == sorted([pinerolo, condove])
    assert not list(folder.glob(".*"))  # no temporary file left behind


def test_prepare_one_file_per_table(qtbot: QtBot, master: MainWindow, tmp_path: Path) -> None:
    folder = tmp_path / "tavoli"
    dialog = _open_prepare(qtbot, master, folder)
    qtbot.mouseClick(dialog.per_table, Qt.MouseButton.LeftButton)
    _tick(qtbot, dialog.choices, ("Zona 7", "Zona 8"))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["tavolo-zona-7.sqlite", "tavolo-zona-8.sqlite"]
    with EventStore.open(files[0], read_only=True) as store:
        assert [t.key for t in store.all(Table)] == ["zona-7"]


def test_an_unwritable_folder_is_named_and_nothing_is_left(
    qtbot: QtBot, master: MainWindow, tmp_path: Path
) -> None:
    blocker = tmp_path / "non-una-cartella"
    blocker.write_text("un file, non una cartella", encoding="utf-8")
    dialog = _open_prepare(qtbot, master, blocker / "sotto")
    _tick(qtbot, dialog.choices, ("Comune di Ciriè",))
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    assert dialog.message is not None
    assert f"Impossibile scrivere nella cartella {blocker / 'sotto'}" in dialog.message.text()
    assert not [p for p in tmp_path.rglob("*") if "sede-" in p.name or ".partial" in p.name]
