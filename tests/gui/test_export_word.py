"""The restituzione as Word from the window: the export dialog's Word format, by keys."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from docx import Document
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.ui.exports.dialog import ExportDialog
from facilitator_app.ui.main_window import MainWindow


def test_the_export_dialog_writes_the_word_report_and_names_what_it_dropped(
    qtbot: QtBot, window: MainWindow, demo_path: Path
) -> None:
    assert window.store is not None
    post = window.store.live_contributions()[0]
    window.store.save_all([dataclasses.replace(post, text="Più\x07 piste\x00 ciclabili")])
    seen: list[tuple[str, str, str]] = []

    def choose_word() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ExportDialog):
            QTimer.singleShot(10, choose_word)
            return
        before = dialog.path_edit.text()
        qtbot.mouseClick(dialog.word_choice, Qt.MouseButton.LeftButton)
        seen.append((before, dialog.path_edit.text(), dialog.windowTitle()))
        qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose_word)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, "E", modifiers)  # Esporta restituzione PDF…, then the Word format
    qtbot.waitUntil(lambda: window.exporter.message is not None)

    target = demo_path.with_name("demo-restituzione.docx")
    assert seen == [
        (
            str(demo_path.with_name("demo-restituzione.pdf")),
            str(target),
            "Esporta: Restituzione Word",
        )
    ]
    box = window.exporter.message
    assert box is not None and box.icon() == QMessageBox.Icon.Information
    assert box.text().startswith(f"Restituzione Word scritta in:\n{target}"), box.text()
    assert "2 caratteri non ammessi tolti dal post-it «Più piste ciclabili»" in box.text()
    document = Document(str(target))
    chapters = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert chapters[0] == "1. PREMESSA" and chapters[-1].startswith("APPENDICE")
    assert any(p.text.startswith("Più piste ciclabili") for p in document.paragraphs)
