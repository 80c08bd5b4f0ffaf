"""Exports from the window: the workbook's counts after a deletion, Decidim, open data."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import frictionless
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Table
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import EventReport, build_report
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.exports.dialog import ExportDialog, ExportKind, ExportRequest
from facilitator_app.ui.main_window import MainWindow


def _file_action(win: MainWindow, text: str) -> QAction:
    file_menu = win.menuBar().actions()[0].menu()
    assert file_menu is not None
    for action in file_menu.actions():  # type: ignore[attr-defined]
        if action.text() == text:
            assert isinstance(action, QAction)
            return action
    raise AssertionError(f"no File menu entry {text!r}")


def _message(win: MainWindow) -> QMessageBox:
    box = win.exporter.message
    assert box is not None and box.isVisible()
    return box


def _report(path: Path) -> EventReport:
    with EventStore.open(path, read_only=True) as store:
        return build_report(load_records(store))


def _delete_first_post_it(qtbot: QtBot, win: MainWindow) -> str:
    board = win.board
    assert board is not None
    post = board.model.post(0)
    board.view.setFocus()
    board.view.clearSelection()
    board.view.setCurrentIndex(board.model.index(0))
    qtbot.keyClick(board.view, Qt.Key.Key_Delete)
    return post.id


def test_workbook_after_a_deletion_counts_like_the_report(
    qtbot: QtBot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    gone = _delete_first_post_it(qtbot, window)
    report = _report(demo_path)
    assert len(report.records.contributions) == report.total_contributions + 1
    target = tmp_path / "cartella.xlsx"
    window.exporter.ask = lambda kind, path, table: ExportRequest(target)
    _file_action(window, "Esporta cartella di lavoro &Excel…").trigger()

    text = _message(window).text()
    assert f"{report.total_contributions} post-it in" in text
    assert f"{report.total_contributions + 1} post-it" not in text
    import openpyxl

    book = openpyxl.load_workbook(target, read_only=True)
    shown = [row[0] for row in book["Contributi"].iter_rows(min_row=2, values_only=True)]
    assert len([value for value in shown if value is not None]) == report.total_contributions
    deleted = list(book["Contributi eliminati"].iter_rows(min_row=2, values_only=True))
    book.close()
    assert len(deleted) == 1
    data = read_workbook(target)  # the merge still sees the deletion
    assert {p.id for p in data.records.contributions if p.deleted_at} == {gone}


def test_decidim_export_from_the_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    asked: list[ExportKind] = []
    target = tmp_path / "proposte.csv"

    def ask(kind: ExportKind, path: Path, table: Table | None) -> ExportRequest:
        asked.append(kind)
        return ExportRequest(target)

    window.exporter.ask = ask
    action = _file_action(window, "Esporta proposte per Decidim (&CSV)…")
    assert action.shortcut().toString() == "Ctrl+Shift+D"
    action.trigger()
    assert asked == [ExportKind.DECIDIM]
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["title/it", "body/it"]
    text = _message(window).text()
    assert str(target) in text and f"{len(rows) - 1} proposte" in text
    assert "proposte-chiusura.txt" in text
    assert (tmp_path / "proposte-chiusura.txt").exists()


def test_open_data_export_from_the_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "dati-aperti"
    window.exporter.ask = lambda kind, path, table: ExportRequest(target)
    action = _file_action(window, "Esporta dat&i aperti (cartella)…")
    assert action.shortcut().toString() == "Ctrl+Shift+A"
    action.trigger()
    assert frictionless.validate(target / "datapackage.json").valid
    assert str(target) in _message(window).text()


def test_dialog_for_folder_and_decidim(qtbot: QtBot, demo_path: Path) -> None:
    data = ExportDialog(ExportKind.OPEN_DATA, demo_path, None)
    qtbot.addWidget(data)
    assert data.path_edit.text() == str(demo_path.with_name("demo-dati-aperti"))
    assert data.request().path == demo_path.with_name("demo-dati-aperti")
    assert not data.anonymise_check.isEnabled()
    decidim = ExportDialog(ExportKind.DECIDIM, demo_path, None)
    qtbot.addWidget(decidim)
    decidim.path_edit.setText(str(demo_path.with_name("mie")))
    assert decidim.request().path.name == "mie.csv"
