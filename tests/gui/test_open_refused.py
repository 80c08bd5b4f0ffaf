"""Files the window cannot open for writing: a clear message box, no traceback, nothing changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.ui import i18n
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.files import digest
from tests.helpers.mounts import read_only_view
from tests.helpers.raw_file import raw_file


def _open_and_read_the_box(qtbot: QtBot, clock: FixedClock, path: Path) -> tuple[bool, str]:
    """Open ``path`` in a new window; the text of the message box it shows (then closed)."""
    i18n.set_language("it")
    win = MainWindow(clock)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()
        else:
            QTimer.singleShot(20, read_and_close)

    QTimer.singleShot(0, read_and_close)
    opened = win.open_file(path)
    assert win.store is None or opened
    win.close()
    return opened, seen[0] if seen else ""


def test_a_damaged_file_gives_a_message_not_a_traceback(
    qtbot: QtBot, demo_path: Path, clock: FixedClock
) -> None:
    with raw_file(demo_path) as conn:  # a value no version of the app writes
        conn.execute("update contributions set kind = 'zzz'")
    before = digest(demo_path)
    opened, text = _open_and_read_the_box(qtbot, clock, demo_path)
    assert not opened
    assert "danneggiato" in text and demo_path.name in text
    assert digest(demo_path) == before


def test_an_event_in_a_read_only_folder_is_not_called_damaged(
    qtbot: QtBot, demo_path: Path, clock: FixedClock, tmp_path: Path
) -> None:
    source = tmp_path / "chiavetta"
    source.mkdir()
    shutil.move(demo_path, source / "evento.sqlite")
    before = digest(source / "evento.sqlite")
    with read_only_view(source, tmp_path / "sola-lettura") as view:
        opened, text = _open_and_read_the_box(qtbot, clock, view / "evento.sqlite")
    assert not opened
    assert "sola lettura" in text and "evento.sqlite" in text
    assert "danneggiato" not in text
    assert digest(source / "evento.sqlite") == before
