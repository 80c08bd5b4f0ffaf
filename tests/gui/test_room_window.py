"""The table open to the phones, from the window: QR code, live posts, moderation, close.

Journeys press the keys a facilitator presses (Ctrl+Shift+P, the dialog's fields, Enter,
Del, F2, F6/F8) against a real room server on loopback; a phone is plain HTTP from the test
(tests/helpers/room_client.py). What the person sees is read from the window's widgets; what
the event file holds is read back through a second, read-only store.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import segno
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.board.model import PHONE_ROLE
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.room.open_dialog import OpenRoomDialog
from facilitator_app.ui.room.panel import RoomPanel
from tests.helpers.room_client import Phone


def _open_to_phones(qtbot: QtBot, win: MainWindow, *, moderate: bool = False) -> RoomPanel:
    """Ctrl+Shift+P, loopback, any free port, moderation as asked, Enter."""
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(
        win, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OpenRoomDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, OpenRoomDialog)
    dialog.address.setFocus()
    qtbot.keyClicks(dialog.address, "127.0.0.1")  # a combo box: typing picks the entry
    dialog.port.setFocus()
    dialog.port.selectAll()
    qtbot.keyClicks(dialog.port, "0")
    if moderate:
        qtbot.keyClick(dialog.moderate, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.port, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.findChild(RoomPanel) is not None)
    panel = win.findChild(RoomPanel)
    assert panel is not None and panel.controller.running
    qtbot.waitUntil(lambda: panel.isVisible() and panel.close_button.isVisible())
    assert panel.controller.server.settings.host == "127.0.0.1"
    return panel


def _phone(panel: RoomPanel) -> tuple[Phone, str]:
    server = panel.controller.server
    return Phone(server.base_url.rstrip("/")), urlsplit(server.url).path


def _board_texts(win: MainWindow, *, from_phone: bool | None = None) -> list[str]:
    assert win.board is not None
    model = win.board.model
    return [
        str(model.index(row).data())
        for row in range(model.rowCount())
        if from_phone is None or bool(model.index(row).data(PHONE_ROLE)) == from_phone
    ]


def _texts_in_file(path: Path, table_id: str, session: int) -> list[str]:
    with EventStore.open(path, read_only=True) as store:
        return [post.text for post in store.contributions(table_id, session)]


def _shown_modules(label: QLabel, size: int) -> list[list[bool]]:
    """The QR code the label shows, read back from its pixels (centre of each module)."""
    image: QImage = label.pixmap().toImage()
    side = image.width()
    module = side / (size + 8)  # four modules of quiet zone on each side
    return [
        [
            image.pixelColor(
                int((4 + column + 0.5) * module), int((4 + row + 0.5) * module)
            ).lightness()
            < 128
            for column in range(size)
        ]
        for row in range(size)
    ]


def test_open_to_phones_shows_the_qr_code_of_the_url_and_a_phone_post_lands_marked(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    panel = _open_to_phones(qtbot, fresh)
    server = panel.controller.server
    assert panel.url.text() == server.url
    assert server.short_code in panel.code.text() and server.base_url in panel.code.text()
    expected = [[bool(cell) for cell in row] for row in segno.make_qr(server.url, error="m").matrix]
    assert _shown_modules(panel.qr, len(expected)) == expected, "the QR code shown is the URL"
    assert panel.phones.text() == "Telefoni collegati: 0"

    phone, path = _phone(panel)
    answer = phone.write(path, "Più autobus la sera <b>subito</b>")
    assert answer.status == 303
    qtbot.waitUntil(
        lambda: "Più autobus la sera <b>subito</b>" in _board_texts(fresh, from_phone=True)
    )
    assert fresh.workspace is not None and fresh.workspace.table_id is not None
    assert "Più autobus la sera <b>subito</b>" in _texts_in_file(
        fresh_path, fresh.workspace.table_id, 1
    )
    qtbot.waitUntil(lambda: panel.phones.text() == "Telefoni collegati: 1")
    assert fresh.board is not None
    tooltip = fresh.board.model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "dal telefono" in str(tooltip)

    # A post-it typed on the laptop is not marked.
    fresh.board.capture.setFocus()
    qtbot.keyClicks(fresh.board.capture, "Scritto a mano")
    qtbot.keyClick(fresh.board.capture, Qt.Key.Key_Return)
    assert _board_texts(fresh, from_phone=False) == ["Scritto a mano"]


def test_moderation_enter_accepts_del_rejects_f2_edits(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _open_to_phones(qtbot, fresh, moderate=True)
    phone, path = _phone(panel)
    for text in ("Prima idea", "Spam da togliere", "Idea da corregere"):
        assert phone.write(path, text).status == 303
        clock.advance(20)
    qtbot.waitUntil(lambda: panel.queue.topLevelItemCount() == 3)
    assert panel.queue_label.text().replace("&", "") == "In attesa di approvazione: 3"
    assert _board_texts(fresh) == [], "moderated posts wait off the board"

    queue = panel.queue
    queue.setFocus()
    queue.setCurrentItem(queue.topLevelItem(0))
    qtbot.keyClick(queue, Qt.Key.Key_Return)
    assert _board_texts(fresh, from_phone=True) == ["Prima idea"]
    assert queue.topLevelItemCount() == 2

    assert queue.currentItem().text(1) == "Spam da togliere"
    qtbot.keyClick(queue, Qt.Key.Key_Delete)
    assert queue.topLevelItemCount() == 1
    assert _board_texts(fresh) == ["Prima idea"]

    qtbot.keyClick(queue, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: queue.findChild(QLineEdit) is not None)
    editor = queue.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Idea da corregere"
    editor.selectAll()
    qtbot.keyClicks(editor, "Idea da correggere")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.topLevelItemCount() == 0)
    assert sorted(_board_texts(fresh)) == ["Idea da correggere", "Prima idea"]
    assert fresh.workspace is not None and fresh.workspace.table_id is not None
    assert sorted(_texts_in_file(fresh_path, fresh.workspace.table_id, 1)) == [
        "Idea da correggere",
        "Prima idea",
    ]

    # Accepting is one undo step, like a typed post-it.
    fresh.activateWindow()
    qtbot.waitUntil(fresh.isActiveWindow)
    qtbot.keyClick(queue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _board_texts(fresh) == ["Prima idea"]
    assert _texts_in_file(fresh_path, fresh.workspace.table_id, 1) == ["Prima idea"]


def test_the_queue_survives_quitting_and_starting_again(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, clock: FixedClock
) -> None:
    panel = _open_to_phones(qtbot, fresh, moderate=True)
    phone, path = _phone(panel)
    assert phone.write(path, "In attesa durevole").status == 303
    qtbot.waitUntil(lambda: panel.queue.topLevelItemCount() == 1)
    fresh.activateWindow()
    qtbot.waitUntil(fresh.isActiveWindow)
    qtbot.keyClick(fresh, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Esci
    qtbot.waitUntil(lambda: not fresh.isVisible())
    with pytest.raises(ConnectionRefusedError):
        phone.get(path)

    again = MainWindow(clock)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.open_file(fresh_path)
    panel = _open_to_phones(qtbot, again, moderate=True)
    qtbot.waitUntil(lambda: panel.queue.topLevelItemCount() == 1)
    assert panel.queue.topLevelItem(0).text(1) == "In attesa durevole"
    again.close()


def test_ending_the_session_closes_the_table_to_the_phones(qtbot: QtBot, fresh: MainWindow) -> None:
    panel = _open_to_phones(qtbot, fresh)
    phone, path = _phone(panel)
    page = phone.get(path)
    assert page.status == 200
    fresh.activateWindow()
    qtbot.waitUntil(fresh.isActiveWindow)
    qtbot.keyClick(fresh, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(fresh, Qt.Key.Key_F6)
    qtbot.keyClick(fresh, Qt.Key.Key_F8)
    assert fresh.timer is not None
    qtbot.waitUntil(lambda: fresh.timer is not None and fresh.timer.question is not None)
    box = fresh.timer.question
    assert isinstance(box, QMessageBox)
    accept = next(b for b in box.buttons() if b is not box.defaultButton())
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: fresh.findChild(RoomPanel) is None)
    with pytest.raises(ConnectionRefusedError):
        phone.post_form(f"{path}/post", {"csrf": page.form_token, "text": "troppo tardi"})


def test_closing_to_the_phones_rotates_and_stops(qtbot: QtBot, fresh: MainWindow) -> None:
    panel = _open_to_phones(qtbot, fresh)
    phone, path = _phone(panel)
    assert phone.get(path).status == 200
    qtbot.mouseClick(panel.close_button, Qt.MouseButton.LeftButton)
    assert not panel.controller.running
    qtbot.waitUntil(lambda: fresh.findChild(RoomPanel) is None)
    with pytest.raises(ConnectionRefusedError):
        phone.get(path)
