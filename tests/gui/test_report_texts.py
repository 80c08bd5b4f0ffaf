"""Editing the restituzione's texts from the window."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.report_texts import ReportTextsDialog


def test_draft_then_save_the_texts(qtbot: QtBot, window: MainWindow) -> None:
    assert window.store is not None
    dialog = ReportTextsDialog(window.store, window.clock, window)
    qtbot.addWidget(dialog)
    dialog.editors["temi_trasversali"].setPlainText("")
    dialog.draft_button.click()
    draft = dialog.editors["temi_trasversali"].toPlainText()
    assert "Emerso ai tavoli" in draft
    assert window.store.event().temi_trasversali != draft  # nothing written by the draft
    dialog.editors["conclusioni"].setPlainText("Conclusioni scritte dal coordinamento.")
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    event = window.store.event()
    assert event.temi_trasversali == draft.strip()
    assert event.conclusioni == "Conclusioni scritte dal coordinamento."


def test_a_refused_text_keeps_the_dialog_open(qtbot: QtBot, window: MainWindow) -> None:
    assert window.store is not None
    dialog = ReportTextsDialog(window.store, window.clock, window)
    qtbot.addWidget(dialog)
    before = window.store.event()
    dialog.editors["premessa"].setPlainText("x" * 60_001)
    dialog.save()
    assert "troppo lungo" in dialog.message.text()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert window.store.event() == before
