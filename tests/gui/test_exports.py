from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Table
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.services.exchange.writer import WorkbookResult
from facilitator_app.services.reports.paper_kit import PaperKitResult
from facilitator_app.services.reports.restituzione import PdfResult
from facilitator_app.ui.exports import exporter as exporter_module
from facilitator_app.ui.exports.dialog import ExportDialog, ExportKind, ExportRequest, default_path
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.progress import Cancelled, ProgressDialog


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


def _button(box: QMessageBox, text: str) -> object:
    for button in box.buttons():
        if button.text() == text:
            return button
    raise AssertionError(f"no button {text!r} in {[b.text() for b in box.buttons()]}")


def test_menu_entries_have_shortcuts(window: MainWindow) -> None:
    shortcuts = {
        "Esporta cartella di lavoro &Excel…": "Ctrl+E",
        "Esporta restituzione &PDF…": "Ctrl+Shift+E",
        "&Kit cartaceo PDF…": "Ctrl+Shift+K",
        "&Unisci file dei tavoli…": "Ctrl+Shift+M",
    }
    for text, keys in shortcuts.items():
        assert _file_action(window, text).shortcut().toString() == keys


def test_workbook_action_exports_current_table_anonymised_and_opens_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    opened: list[QUrl] = []
    asked: list[tuple[ExportKind, Path, Table | None]] = []
    target = tmp_path / "uscita" / "tavolo.xlsx"

    def ask(kind: ExportKind, event_path: Path, table: Table | None) -> ExportRequest:
        asked.append((kind, event_path, table))
        assert table is not None
        return ExportRequest(target, (table.key,), anonymise=True)

    window.exporter.ask = ask
    window.exporter.opener = opened.append
    assert window.workspace is not None and window.workspace.table is not None
    current = window.workspace.table
    _file_action(window, "Esporta cartella di lavoro &Excel…").trigger()

    assert asked == [(ExportKind.WORKBOOK, window.path, current)]
    data = read_workbook(target)
    assert data.meta.partial and data.meta.table_keys == (current.key,)
    assert data.meta.anonymised and data.meta.device == ""
    assert [t.facilitator for t in data.records.tables] == [""]
    progress = window.exporter.progress
    assert progress is not None and len(progress.reports) >= 10
    done, total, _ = progress.reports[-1]
    assert done == total > 0
    box = _message(window)
    assert str(target) in box.text() and "fogli" in box.text()
    assert opened == []
    _button(box, "Apri &cartella").click()  # type: ignore[attr-defined]
    assert opened == [QUrl.fromLocalFile(str(target.parent))]


def test_window_method_writes_pdf_and_paper_kit_without_dialogs(
    window: MainWindow, tmp_path: Path
) -> None:
    report = window.export_file("restituzione", tmp_path / "restituzione.pdf")
    assert isinstance(report, PdfResult) and report.pages > 3
    assert (tmp_path / "restituzione.pdf").read_bytes().startswith(b"%PDF")
    assert "pagine" in _message(window).text()
    kit = window.export_file("kit-cartaceo", tmp_path / "kit.pdf", current_table_only=True)
    assert isinstance(kit, PaperKitResult) and kit.tables == 1
    assert (tmp_path / "kit.pdf").read_bytes().startswith(b"%PDF")
    book = window.export_file("xlsx", tmp_path / "tutto.xlsx")
    assert isinstance(book, WorkbookResult) and book.contributions > 100
    assert not read_workbook(tmp_path / "tutto.xlsx").meta.partial


def test_export_errors_show_the_service_message(window: MainWindow, tmp_path: Path) -> None:
    blocker = tmp_path / "non-una-cartella"
    blocker.write_text("un file, non una cartella")
    assert window.export_file("restituzione", blocker / "out.pdf") is None
    box = _message(window)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.text().startswith("Esportazione non riuscita:") and "non-una-cartella" in box.text()
    assert not any(b.text() == "Apri &cartella" for b in box.buttons())
    assert window.store is not None
    request = ExportRequest(tmp_path / "x.xlsx", ("tavolo-che-non-esiste",))
    assert window.exporter.export_to(ExportKind.WORKBOOK, window.store, request) is None
    assert "tavoli non presenti nell'evento: tavolo-che-non-esiste" in _message(window).text()
    assert not (tmp_path / "x.xlsx").exists()


def test_cancel_leaves_no_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class CancelAtOnce(ProgressDialog):
        def __call__(self, done: int, total: int, label: str = "") -> None:
            if done >= 2:
                self.dialog.cancel()
            super().__call__(done, total, label)

    monkeypatch.setattr(exporter_module, "ProgressDialog", CancelAtOnce)
    target = tmp_path / "uscita" / "annullato.xlsx"
    assert window.export_file("xlsx", target) is None
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
    assert "annullata" in _message(window).text()


def test_progress_dialog_reports_and_cancels(qtbot: QtBot) -> None:
    progress = ProgressDialog(None, "Prova", cancellable=True)
    progress(1, 4, "primo")
    assert progress.dialog.maximum() == 4 and progress.dialog.value() == 1
    assert "primo" in progress.dialog.labelText()
    progress.dialog.cancel()
    with pytest.raises(Cancelled):
        progress(2, 4, "secondo")
    progress.close()
    steady = ProgressDialog(None, "Senza annulla")
    steady.dialog.cancel()
    steady(1, 2)  # not cancellable: the task goes on
    steady.close()


def test_export_dialog_options(qtbot: QtBot, demo_path: Path) -> None:
    table = Table("t", "e", "v", "asse-3", "Asse 3 - Mobilità", "", "", axis=3)
    dialog = ExportDialog(ExportKind.REPORT, demo_path, table)
    qtbot.addWidget(dialog)
    assert dialog.path_edit.text() == str(demo_path.with_name("demo-restituzione.pdf"))
    dialog.table_check.setChecked(True)
    dialog.anonymise_check.setChecked(True)
    assert dialog.path_edit.text() == str(default_path(ExportKind.REPORT, demo_path, table))
    request = dialog.request()
    assert request.path.name == "demo-restituzione-asse-3.pdf"
    assert request.table_keys == ("asse-3",) and request.anonymise
    dialog.path_edit.setText(str(demo_path.with_name("mia")))
    assert dialog.request().path.name == "mia.pdf"

    kit = ExportDialog(ExportKind.PAPER_KIT, demo_path, None)
    qtbot.addWidget(kit)
    assert not kit.anonymise_check.isEnabled() and kit.table_check.isHidden()
    kit.anonymise_check.setChecked(True)
    assert kit.request() == ExportRequest(demo_path.with_name("demo-kit-cartaceo.pdf"))
