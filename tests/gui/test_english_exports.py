"""Exports from the window in English: English file names and English documents."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from facilitator_app.ui import i18n
from facilitator_app.ui.exports.dialog import ExportDialog
from facilitator_app.ui.main_window import MainWindow

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="no poppler")


@pytest.fixture
def english(window: MainWindow) -> Iterator[MainWindow]:
    """The demo workspace switched to English from the menu; Italian again after."""
    for top in window.menuBar().actions():
        menu = top.menu()
        assert isinstance(menu, QMenu)
        for action in menu.actions():
            if isinstance(action, QAction) and action.text() == "English":
                action.trigger()
    yield window
    i18n.set_language("it")


def export_with_keys(qtbot: QtBot, window: MainWindow, keys: str) -> tuple[str, Path]:
    """Press the export shortcut, read the suggested file, accept it: (suggested, written)."""
    seen: list[str] = []

    def accept() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, accept)
            return
        seen.append(dialog.path_edit.text())
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, accept)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, keys, modifiers)
    qtbot.waitUntil(lambda: window.exporter.message is not None)
    assert seen, "no export dialog"
    return seen[0], Path(seen[0])


def text_of(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return result.stdout.decode("utf-8")


def test_the_report_exported_in_english_is_english(
    qtbot: QtBot, english: MainWindow, demo_path: Path
) -> None:
    suggested, pdf = export_with_keys(qtbot, english, "E")
    assert suggested == str(demo_path.with_name("demo-report.pdf"))
    box = english.exporter.message
    assert box is not None and "written" in box.text().lower(), box.text()
    text = text_of(pdf)
    assert "APPENDIX – LIST OF CONTRIBUTIONS" in text and "APPENDICE" not in text


def test_the_paper_kit_exported_in_english_is_english(
    qtbot: QtBot, english: MainWindow, demo_path: Path
) -> None:
    suggested, pdf = export_with_keys(qtbot, english, "K")
    assert suggested == str(demo_path.with_name("demo-paper-kit.pdf"))
    text = text_of(pdf)
    assert "Paper kit for the tables" in text and "Kit cartaceo" not in text


def test_in_italian_the_names_and_the_report_stay_italian(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    suggested, pdf = export_with_keys(qtbot, window, "E")
    assert suggested == str(demo_path.with_name("demo-restituzione.pdf"))
    assert "APPENDICE – ELENCO DEI CONTRIBUTI" in text_of(pdf)
