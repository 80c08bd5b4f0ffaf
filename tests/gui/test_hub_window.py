"""The venue hub from the windows: the coordinator receives, a table sends (File menu).

The coordinator's view starts a real hub on loopback; the table's window sends its open
event file with Ctrl+Shift+S, typing the address and code it was shown. The merged file is
read back through a read-only store.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Contribution
from facilitator_app.services.merge import engine
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.coordinator.send import SendDialog
from facilitator_app.ui.coordinator.view import CoordinatorView
from facilitator_app.ui.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _send(qtbot: QtBot, win: MainWindow, address: str, code: str) -> str:
    """Ctrl+Shift+S, the address and code typed, Enter; the answer's text."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_S, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SendDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SendDialog)
    assert dialog.file.text() == str(win.path), "the open event file is proposed"
    qtbot.keyClicks(dialog.address, address)
    qtbot.keyClicks(dialog.code, code)
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _answer(win) is not None, timeout=20_000)
    box = _answer(win)
    assert box is not None
    text = box.text()
    box.close()
    qtbot.waitUntil(lambda: _answer(win) is None)
    return text


def _answer(win: MainWindow) -> QMessageBox | None:
    boxes = [b for b in win.findChildren(QMessageBox, "sendResult") if b.isVisible()]
    return boxes[0] if boxes else None


def _receiving(qtbot: QtBot, win: MainWindow, target: Path) -> CoordinatorView:
    view = win.open_coordinator()
    view.ask_target = lambda: target
    view.choose_target()
    view.hub.port = 0
    view.hub.ask_address = lambda: "127.0.0.1"
    qtbot.mouseClick(view.hub.button, Qt.MouseButton.LeftButton)
    assert view.hub.hub is not None
    hub = view.hub.hub
    assert hub.code in view.hub.status.text() and hub.address in view.hub.status.text()
    return view


def test_a_table_sends_its_file_and_the_coordinator_merges_it_once(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "coordinamento" / "unito.sqlite"
    target.parent.mkdir()
    view = _receiving(qtbot, window, target)
    hub = view.hub.hub
    assert hub is not None

    said = _send(qtbot, window, hub.address, hub.code)
    assert "importato" in said, said
    qtbot.waitUntil(lambda: len(view.results) == 1)
    assert view.results[0].status == engine.STATUS_IMPORTED
    with EventStore.open(target, read_only=True) as merged:
        posts = merged.count(Contribution)
    with EventStore.open(demo_path, read_only=True) as sent:
        assert posts == sent.count(Contribution) > 0

    said = _send(qtbot, window, hub.address, hub.code)
    assert "0 nuovi, 0 aggiornati" in said, said
    qtbot.waitUntil(lambda: len(view.results) == 2)
    assert view.results[1].status in (engine.STATUS_ALREADY, engine.STATUS_UNCHANGED)
    with EventStore.open(target, read_only=True) as merged:
        assert merged.count(Contribution) == posts, "nothing merged twice"

    wrong = "000000" if hub.code != "000000" else "111111"
    said = _send(qtbot, window, hub.address, wrong)
    assert "Codice sbagliato" in said
    assert len(view.results) == 2
    assert len(list((target.parent / "ricevuti").iterdir())) == 2, "the refused one not kept"

    qtbot.mouseClick(view.hub.button, Qt.MouseButton.LeftButton)
    assert view.hub.hub is None and not hub.running
    said = _send(qtbot, window, hub.address, hub.code)
    assert "non risponde" in said
