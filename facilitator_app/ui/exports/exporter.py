"""Runs an export: asks where (through an overridable function), shows progress, reports.

The restituzione and the paper kit are written in the interface's language.

The interface only asks and shows: the documents are written by the services
(:func:`~facilitator_app.services.exchange.writer.export_workbook`,
:func:`~facilitator_app.services.reports.restituzione.export_pdf`,
:func:`~facilitator_app.services.reports.word_report.export_docx`,
:func:`~facilitator_app.services.reports.paper_kit.write_paper_kit`), which read the event file
through any open :class:`EventStore` (the window's read-write one, or a read-only one).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Table
from facilitator_app.services.common.files import check_output
from facilitator_app.services.exchange.writer import WorkbookResult, export_workbook
from facilitator_app.services.publish.from_store import (
    DecidimExport,
    export_decidim,
    export_open_data,
)
from facilitator_app.services.publish.open_data import OpenDataResult
from facilitator_app.services.reports.paper_kit import PaperKitResult, write_paper_kit
from facilitator_app.services.reports.restituzione import PdfResult, export_pdf
from facilitator_app.services.reports.word_report import DocxResult, export_docx
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.exports.dialog import ExportDialog, ExportKind, ExportRequest
from facilitator_app.ui.progress import Cancelled, ProgressDialog

ExportResult = (
    WorkbookResult | PdfResult | DocxResult | PaperKitResult | DecidimExport | OpenDataResult
)
# Fields named in the outcome of a Word export that dropped characters (the rest counted).
_LISTED = 10
AskRequest = Callable[[ExportKind, Path, Table | None], ExportRequest | None]


class Exporter(QObject):
    """Exports the event of a window, with a progress dialog and an "Apri cartella" button.

    Args:
        parent: the window the dialogs belong to.
        clock: gives the export time.
        opener: opens a folder URL (``QDesktopServices.openUrl``; tests pass a recorder).

    Attributes:
        ask: asks for the file and the options (an :class:`ExportDialog` by default);
            replace it to drive exports without dialogs.
        message: the last message box shown (outcome or error), or None.
        progress: the progress callback of the last export, or None.
    """

    def __init__(
        self,
        parent: QWidget,
        clock: Clock,
        opener: Callable[[QUrl], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.clock = clock
        self.opener: Callable[[QUrl], object] = opener or QDesktopServices.openUrl
        self.ask: AskRequest = self.ask_with_dialog
        self.message: QMessageBox | None = None
        self.progress: ProgressDialog | None = None

    def ask_with_dialog(
        self, kind: ExportKind, event_path: Path, table: Table | None
    ) -> ExportRequest | None:
        """Show the export dialog; None when it is cancelled."""
        dialog = ExportDialog(kind, event_path, table, self.window)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.request()
        finally:
            dialog.deleteLater()

    def export(
        self, kind: ExportKind, store: EventStore, event_path: Path, table: Table | None = None
    ) -> ExportResult | None:
        """Ask where and how, then export.

        Args:
            kind: what to write.
            store: the open event file.
            event_path: its path (the suggested file goes beside it).
            table: the current table, offered as "only this table".

        Returns:
            What was written, or None (cancelled or refused: the person was told).
        """
        request = self.ask(kind, event_path, table)
        if request is None:
            return None
        return self.export_to(request.kind or kind, store, request)

    def export_to(
        self, kind: ExportKind, store: EventStore, request: ExportRequest
    ) -> ExportResult | None:
        """Write one document with a progress dialog, then say where it is.

        Returns:
            What was written, or None when it failed (the error is shown) or was cancelled.
        """
        try:  # never over the event file, whatever name the person typed
            check_output(request.path, protected=[store.path])
        except FacilitatorError as error:
            self._show(
                QMessageBox.Icon.Warning,
                self.tr("Esportazione non riuscita:\n{why}").format(why=i18n.error_text(error)),
            )
            return None
        keys = list(request.table_keys) or None
        title = self.tr("Esportazione: {what}").format(what=kind.title)
        result: ExportResult
        with ProgressDialog(self.window, title, cancellable=True) as progress:
            self.progress = progress
            try:
                if kind is ExportKind.WORKBOOK:
                    result = export_workbook(
                        store,
                        request.path,
                        self.clock,
                        table_keys=keys,
                        anonymise=request.anonymise,
                        progress=progress,
                    )
                elif kind is ExportKind.REPORT:
                    result = export_pdf(
                        store,
                        request.path,
                        self.clock,
                        table_keys=keys,
                        anonymise=request.anonymise,
                        progress=progress,
                        texts=i18n.texts(),
                    )
                elif kind is ExportKind.REPORT_WORD:
                    result = export_docx(
                        store,
                        request.path,
                        self.clock,
                        table_keys=keys,
                        anonymise=request.anonymise,
                        progress=progress,
                        texts=i18n.texts(),
                    )
                elif kind is ExportKind.DECIDIM:
                    result = export_decidim(store, request.path, table_keys=keys, progress=progress)
                elif kind is ExportKind.OPEN_DATA:
                    result = export_open_data(
                        store, request.path, self.clock, table_keys=keys, progress=progress
                    )
                else:
                    result = write_paper_kit(
                        store,
                        request.path,
                        self.clock,
                        table_keys=keys,
                        progress=progress,
                        texts=i18n.texts(),
                    )
            except Cancelled:
                self._show(
                    QMessageBox.Icon.Information,
                    self.tr("Esportazione annullata: nulla è stato scritto."),
                )
                return None
            except (FacilitatorError, ValueError, OSError) as error:
                self._show(
                    QMessageBox.Icon.Warning,
                    self.tr("Esportazione non riuscita:\n{why}").format(why=i18n.error_text(error)),
                )
                return None
        self._done(kind, result)
        return result

    def _describe(self, result: ExportResult) -> str:
        if isinstance(result, WorkbookResult):
            return self.tr("{n} post-it in {sheets} fogli.").format(
                n=result.contributions, sheets=len(result.sheets)
            )
        if isinstance(result, DocxResult):
            # what Word cannot hold was dropped: say where, so the event file gets fixed
            removed = [f"• {r.message.translated(i18n.translate)}" for r in result.removed]
            if len(removed) > _LISTED:
                more = self.tr("… e altri {n} campi").format(n=len(removed) - _LISTED)
                removed = [*removed[:_LISTED], more]
            shown = self.tr("{n} post-it.").format(n=result.contributions)
            return "\n".join([shown, *removed])
        if isinstance(result, PdfResult):
            return self.tr("{pages} pagine, {n} post-it.").format(
                pages=result.pages, n=result.contributions
            )
        if isinstance(result, DecidimExport):
            return self._describe_decidim(result)
        if isinstance(result, OpenDataResult):
            return self.tr("{n} post-it, {themes} temi, {tables} tavoli.").format(
                n=result.contributions, themes=result.rows["themes"], tables=result.rows["tables"]
            )
        return self.tr("{pages} pagine per {tables} tavoli.").format(
            pages=result.pages, tables=result.tables
        )

    def _describe_decidim(self, result: DecidimExport) -> str:
        proposals = result.proposals
        text = self.tr("{n} proposte da {posts} post-it.").format(
            n=proposals.proposals, posts=proposals.posts
        )
        if proposals.shortened:
            text += "\n" + self.tr(
                "{n} testi accorciati ai limiti di Decidim (la riga di comando li elenca)."
            ).format(n=len(proposals.shortened))
        if proposals.neutralised:
            text += "\n" + self.tr(
                "{n} testi iniziano come una formula: nel CSV hanno un apostrofo davanti."
            ).format(n=proposals.neutralised)
        return (
            text
            + "\n"
            + self.tr("Testo per «Chiudi incontro»: {path}").format(path=result.closing.path)
        )

    def _done(self, kind: ExportKind, result: ExportResult) -> None:
        text = self.tr("{what} scritta in:\n{path}\n\n{details}").format(
            what=kind.title, path=result.path, details=self._describe(result)
        )
        box = self._show(QMessageBox.Icon.Information, text)
        folder = box.addButton(self.tr("Apri &cartella"), QMessageBox.ButtonRole.ActionRole)
        folder.setAccessibleName(self.tr("Apri la cartella del file esportato"))
        folder.clicked.connect(lambda _=False: self.open_folder(result.path))
        box.setDefaultButton(folder)

    def _show(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        """A window-modal message that does not block the caller (tests read it)."""
        if self.message is not None:
            self.message.close()
            self.message.deleteLater()
        box = QMessageBox(
            icon, APP_DISPLAY_NAME, text, QMessageBox.StandardButton.Close, self.window
        )
        box.setAccessibleName(text.splitlines()[0])
        self.message = box
        box.open()
        return box

    def open_folder(self, file: Path) -> None:
        """Show the folder that holds a written file (or a written folder itself)."""
        written = file.resolve()
        self.opener(QUrl.fromLocalFile(str(written if written.is_dir() else written.parent)))
