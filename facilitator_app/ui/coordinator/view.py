"""The coordinator view: drop the tables' files in, merge them, see what happened, export.

The merge itself is :func:`facilitator_app.services.merge.engine.merge_files`; this window only
collects the files (dropped, or chosen with "Aggiungi file…"), shows one row per file as
soon as its result is known (imported, already imported, updated, conflicts, refused and
why), lists the merged file's conflicts to settle (:mod:`.conflicts`), and then exports the
merged event with the main window's exporter.

The view knows the main window only as a :class:`MergeHost` (its exporter, its open file,
"open this file"), so this module does not import the window that opens it.

The merged event file must not be open for writing elsewhere: the event file's OS lock
refuses a second writer, and the view says so in plain words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import EventFileLockedError, FacilitatorError
from facilitator_app.services.common.files import same_file
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.merge.engine import FileResult
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_action, make_button
from facilitator_app.ui.coordinator.conflicts import ConflictsPanel
from facilitator_app.ui.coordinator.drop_list import FileDropList
from facilitator_app.ui.coordinator.hub import HubControl, receipt_of
from facilitator_app.ui.coordinator.prepare import PrepareDialog
from facilitator_app.ui.exports.dialog import ExportKind
from facilitator_app.ui.progress import Cancelled, ProgressDialog

if TYPE_CHECKING:
    from facilitator_app.ui.exports.exporter import Exporter, ExportResult

# Problems and conflicts listed in a row's tooltip before "… e altri N".
TOOLTIP_LINES = 40
COLUMNS = 6
STATUS_COLOURS = {
    merge.STATUS_IMPORTED: "#e2efda",
    merge.STATUS_UPDATED: "#e2efda",
    merge.STATUS_ALREADY: "#ededed",
    merge.STATUS_UNCHANGED: "#ededed",
    merge.STATUS_CONFLICTS: "#fff2cc",
    merge.STATUS_REFUSED: "#f8d7da",
}


class MergeHost(Protocol):
    """What the coordinator view needs of the main window."""

    @property
    def path(self) -> Path | None:
        """The event file the window has open, if any."""

    @property
    def exporter(self) -> Exporter:
        """The window's exporter (dialogs, progress, "open the file")."""

    @property
    def clock(self) -> Clock:
        """Where the window takes the time (the merge stamps with it)."""

    def open_file(self, path: Path) -> bool:
        """Open an event file in the window; False when it was refused."""

    def close_event_file(self) -> None:
        """Save what is pending and close the window's event file."""

    def raise_(self) -> None:
        """Bring the window forward."""

    def activateWindow(self) -> None:
        """Give the window the keyboard."""


class CoordinatorView(QDialog):
    """Merges the tables' and venues' files into one event file, then exports it.

    Args:
        host: the main window (its exporter is reused; it can open the merged event).
        parent: the owning widget (the main window).

    Attributes:
        ask_target: asks for the merged event file (existing or new); replace it in tests.
        ask_sources: asks for files to add; replace it in tests.
        results: the results of the last merge, one per file, in order.
        message: the last message box shown, or None.
    """

    def __init__(self, host: MergeHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setWindowTitle(
            self.tr("Unisci i file dei tavoli — {app}").format(app=APP_DISPLAY_NAME)
        )
        self.setAccessibleName(self.tr("Unione dei file dei tavoli"))
        self.resize(980, 620)
        self.target: Path | None = None
        self.results: list[FileResult] = []
        self.message: QMessageBox | None = None
        self.ask_target: Callable[[], Path | None] = self.ask_target_with_dialog
        self.ask_sources: Callable[[], list[Path]] = self.ask_sources_with_dialog
        self.ask_master: Callable[[], Path | None] = self.ask_master_with_dialog
        self.prepare_dialog: PrepareDialog | None = None
        self._build()
        self._update_buttons()

    # -- building --------------------------------------------------------------------------

    def _button(self, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        return make_button(self, text, slot, accessible=accessible)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        before = QHBoxLayout()
        before_hint = QLabel(self.tr("Prima della giornata:"), self)
        self.prepare_button = self._button(
            self.tr("Prepara i &file per sedi / tavoli…"),
            self.tr("Prepara i file per sedi o tavoli dal file evento del coordinamento"),
            self.open_prepare,
        )
        before.addWidget(before_hint)
        before.addWidget(self.prepare_button)
        before.addStretch(1)
        layout.addLayout(before)
        row = QHBoxLayout()
        target_label = QLabel(self.tr("File &unito:"), self)
        self.target_edit = QLineEdit(self)
        self.target_edit.setReadOnly(True)
        self.target_edit.setPlaceholderText(
            self.tr("scegli il file evento unito (esistente o nuovo)")
        )
        self.target_edit.setAccessibleName(self.tr("File evento unito"))
        target_label.setBuddy(self.target_edit)
        self.target_button = self._button(
            self.tr("&Scegli o crea…"), self.tr("Scegli o crea il file unito"), self.choose_target
        )
        row.addWidget(target_label)
        row.addWidget(self.target_edit, 1)
        row.addWidget(self.target_button)
        layout.addLayout(row)

        hint = QLabel(
            self.tr(
                "Trascina qui i file dei tavoli e delle sedi: cartelle di lavoro esportate "
                "(.xlsx) o file evento (.sqlite)."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.drop_list = FileDropList(self)
        self.drop_list.setAccessibleName(self.tr("File da unire"))
        self.drop_list.setMaximumHeight(150)
        self.drop_list.files_dropped.connect(self.add_files)
        hint.setBuddy(self.drop_list)
        layout.addWidget(self.drop_list)
        make_action(
            self.drop_list,
            self.tr("Togli dall'elenco"),
            self.remove_selected,
            shortcut="Del",
            scope=Qt.ShortcutContext.WidgetShortcut,
            add_to=self.drop_list,
        )

        buttons = QHBoxLayout()
        self.add_button = self._button(
            self.tr("&Aggiungi file…"), self.tr("Aggiungi file da unire"), self.choose_sources
        )
        self.remove_button = self._button(
            self.tr("&Togli"), self.tr("Togli i file scelti dall'elenco"), self.remove_selected
        )
        self.merge_button = self._button(
            self.tr("U&nisci"), self.tr("Unisci i file nel file unito"), self.merge
        )
        self.merge_button.setDefault(True)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.hub = HubControl(self, self.host.clock, lambda: self.target, self._warn)
        self.hub.received.connect(self._received)
        buttons.addWidget(self.hub.button)
        buttons.addWidget(self.merge_button)
        layout.addLayout(buttons)
        layout.addWidget(self.hub.status)

        self.table = QTableWidget(0, COLUMNS, self)
        self.table.setAccessibleName(self.tr("Esito dell'unione, un file per riga"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File"),
                self.tr("Esito"),
                self.tr("Nuovi"),
                self.tr("Aggiornati"),
                self.tr("Conflitti"),
                self.tr("Motivo"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.conflicts = ConflictsPanel(self.host.clock, self, free_file=self.target_freed)
        self.conflicts.failed.connect(lambda text: self._show(QMessageBox.Icon.Warning, text))
        layout.addWidget(self.conflicts, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Riepilogo dell'unione"))
        layout.addWidget(self.summary)

        after = QHBoxLayout()
        self.workbook_button = self._button(
            self.tr("Esporta cartella &Excel…"),
            self.tr("Esporta la cartella di lavoro Excel del file unito"),
            lambda: self.export_merged("xlsx"),
        )
        self.report_button = self._button(
            self.tr("Esporta &restituzione PDF…"),
            self.tr("Esporta la restituzione PDF del file unito"),
            lambda: self.export_merged("restituzione"),
        )
        self.open_button = self._button(
            self.tr("Apri nella finestra &principale"),
            self.tr("Apri il file unito nella finestra principale"),
            self.open_in_window,
        )
        close = self._button(self.tr("&Chiudi"), self.tr("Chiudi l'unione"), self.close)
        after.addWidget(self.workbook_button)
        after.addWidget(self.report_button)
        after.addWidget(self.open_button)
        after.addStretch(1)
        after.addWidget(close)
        layout.addLayout(after)

    def _update_buttons(self) -> None:
        ready = self.target is not None
        self.merge_button.setEnabled(ready and self.drop_list.count() > 0)
        self.remove_button.setEnabled(self.drop_list.count() > 0)
        merged = ready and self.target is not None and self.target.exists()
        for button in (self.workbook_button, self.report_button, self.open_button):
            button.setEnabled(merged)

    # -- choosing --------------------------------------------------------------------------

    def ask_target_with_dialog(self) -> Path | None:
        """The system's save dialog, without the overwrite question (the file is added to)."""
        start = str(self.target or self.host.path or Path.home())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("File evento unito"),
            start,
            self.tr("Eventi (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".sqlite" else path.with_name(path.name + ".sqlite")

    def ask_sources_with_dialog(self) -> list[Path]:
        """The system's open dialog, several files at once."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("File da unire"),
            str(self.target.parent if self.target else Path.home()),
            self.tr("File dei tavoli (*.xlsx *.sqlite);;Tutti i file (*)"),
        )
        return [Path(name) for name in names]

    def choose_target(self) -> None:
        """Ask for the merged event file."""
        path = self.ask_target()
        if path is not None:
            self.set_target(path)

    def set_target(self, path: Path) -> None:
        """Merge into this event file (created by the first merge when missing)."""
        self.target = path
        self.target_edit.setText(str(path))
        self.target_edit.setToolTip(
            self.tr("Esiste: i file vi saranno aggiunti")
            if path.exists()
            else self.tr("Nuovo: sarà creato dalla prima unione")
        )
        self.conflicts.load(path)
        self._update_buttons()

    def choose_sources(self) -> None:
        """Ask for files and add them to the list."""
        self.add_files(self.ask_sources())

    def add_files(self, files: Sequence[Path]) -> None:
        """Add files to the list (each once)."""
        known = set(self.sources())
        for file in files:
            path = Path(file)
            if path in known:
                continue
            known.add(path)
            item = QListWidgetItem(path.name)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.drop_list.addItem(item)
        self._update_buttons()

    def remove_selected(self) -> None:
        """Take the selected files off the list."""
        for item in self.drop_list.selectedItems():
            self.drop_list.takeItem(self.drop_list.row(item))
        self._update_buttons()

    def sources(self) -> list[Path]:
        """The files to merge, in list order."""
        return [
            Path(str(self.drop_list.item(row).data(Qt.ItemDataRole.UserRole)))
            for row in range(self.drop_list.count())
        ]

    # -- before the day: the venues' and tables' files -------------------------------------

    def ask_master_with_dialog(self) -> Path | None:
        """The system's open dialog, for the coordinator's event file."""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("File evento del coordinamento"),
            str(Path.home()),
            self.tr("Eventi (*.sqlite)"),
        )
        return Path(name) if name else None

    def open_prepare(self) -> PrepareDialog | None:
        """Prepare files for venues or tables from the open event (or one chosen now)."""
        master = self.host.path or self.ask_master()
        if master is None:
            return None
        try:
            dialog = PrepareDialog(master, self)
        except FacilitatorError as error:
            self._show(QMessageBox.Icon.Warning, i18n.error_text(error))
            return None
        if self.prepare_dialog is not None:
            self.prepare_dialog.close()
            self.prepare_dialog.deleteLater()
        self.prepare_dialog = dialog
        dialog.open()
        return dialog

    # -- merging ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def target_freed(self, target: Path) -> Iterator[None]:
        """The main window lets go of ``target`` while it is written here, then opens it again.

        A coordinator who opened the merged file in the main window (to look at it) could
        neither merge into it nor settle its conflicts: one writer per file. Everything the
        window shows is already saved, so it closes the file and reopens it afterwards.
        """
        held = self.host.path is not None and same_file(self.host.path, target)
        if held:
            self.host.close_event_file()
        try:
            yield
        finally:
            if held:
                self.host.open_file(target)

    def merge(self) -> list[FileResult]:
        """Merge the listed files into the merged event file, with a progress dialog.

        Returns:
            One result per file merged (fewer if cancelled or stopped by an error).
        """
        target, sources = self.target, self.sources()
        if target is None or not sources:
            return []
        self.results = []
        self.table.setRowCount(0)
        self.summary.clear()
        stopped = ""
        with ProgressDialog(self, self.tr("Unione dei file"), cancellable=True) as progress:
            try:
                with self.target_freed(target):
                    merge.merge_files(
                        target, sources, self.host.clock, progress, on_result=self._add_result
                    )
            except Cancelled:
                stopped = self.tr(
                    "Unione interrotta: i file già uniti restano nel file unito, gli altri no."
                )
            except EventFileLockedError as error:
                stopped = self.tr(
                    "Il file unito {name} è aperto per la scrittura in un'altra finestra "
                    "(forse quella principale). Chiudilo lì, oppure scegli un altro file "
                    "unito, e riprova.\n\n{why}"
                ).format(name=target.name, why=i18n.error_text(error))
            except (FacilitatorError, OSError) as error:
                stopped = self.tr("Unione non riuscita:\n{why}").format(why=i18n.error_text(error))
        self._summarise()
        if stopped:
            self._show(QMessageBox.Icon.Warning, stopped)
        self.set_target(target)
        return list(self.results)

    def status_text(self, status: str) -> str:
        """A merge status as the interface shows it."""
        texts = {
            merge.STATUS_IMPORTED: self.tr("importato"),
            merge.STATUS_ALREADY: self.tr("già importato"),
            merge.STATUS_UPDATED: self.tr("aggiornato"),
            merge.STATUS_CONFLICTS: self.tr("conflitti"),
            merge.STATUS_REFUSED: self.tr("rifiutato"),
            merge.STATUS_UNCHANGED: self.tr("nessuna novità"),
        }
        return texts.get(status, status)

    def _details(self, result: FileResult) -> str:
        lines = [self.tr("Rifiutato: {problem}").format(problem=p) for p in result.problems]
        lines += [self.tr("Conflitto: {what}").format(what=c) for c in result.conflicts]
        if result.status == merge.STATUS_ALREADY:
            lines.append(self.tr("Tutto ciò che questo file contiene era già nel file unito."))
        if len(lines) > TOOLTIP_LINES:
            rest = len(lines) - TOOLTIP_LINES
            lines = [*lines[:TOOLTIP_LINES], self.tr("… e altri {n}").format(n=rest)]
        return "\n".join(lines)

    def _add_result(self, result: FileResult) -> None:
        self.results.append(result)
        row = self.table.rowCount()
        self.table.insertRow(row)
        reason = result.reason or (result.conflicts[0] if result.conflicts else "")
        values: list[str] = [
            result.file,
            self.status_text(result.status),
            str(result.added),
            str(result.updated),
            str(len(result.conflicts)),
            reason,
        ]
        tooltip = self._details(result)
        colour = STATUS_COLOURS.get(result.status)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if 2 <= column <= 4:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if tooltip:
                item.setToolTip(tooltip)
            if colour is not None:
                item.setBackground(QBrush(QColor(colour)))
                item.setForeground(QBrush(QColor("#1a1a1a")))
            self.table.setItem(row, column, item)
        self.table.scrollToBottom()

    def _summarise(self) -> None:
        total = len(self.results)
        refused = sum(result.refused for result in self.results)
        text = self.tr("Uniti {n} file su {total} in {target}.").format(
            n=total - refused, total=total, target=self.target.name if self.target else ""
        )
        if refused:
            text += " " + self.tr(
                "{n} rifiutati: il motivo è nella riga (tutti i dettagli nel suggerimento)."
            ).format(n=refused)
        self.summary.setText(text)

    def _warn(self, text: str) -> None:
        self._show(QMessageBox.Icon.Warning, text)

    def _received(self, value: object) -> None:
        """A table's file arrived through the hub and was merged: list it with the others."""
        self._add_result(receipt_of(value).result)
        self._summarise()
        self._update_buttons()

    def _show(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        if self.message is not None:
            self.message.close()
            self.message.deleteLater()
        box = QMessageBox(icon, APP_DISPLAY_NAME, text, QMessageBox.StandardButton.Close, self)
        box.setAccessibleName(text.splitlines()[0])
        self.message = box
        box.open()
        return box

    # -- after the merge -------------------------------------------------------------------

    def export_merged(self, kind: str) -> ExportResult | None:
        """Export the merged event ("xlsx" or "restituzione") through the window's exporter."""
        if self.target is None or not self.target.exists():
            return None
        try:
            with EventStore.open(self.target, read_only=True) as store:
                return self.host.exporter.export(ExportKind(kind), store, self.target)
        except FacilitatorError as error:
            self._show(QMessageBox.Icon.Warning, i18n.error_text(error))
            return None

    def open_in_window(self) -> bool:
        """Open the merged event in the main window (and bring it forward)."""
        if self.target is None or not self.target.exists():
            return False
        host = self.host
        same = host.path is not None and host.path.resolve() == self.target.resolve()
        opened = same or host.open_file(self.target)
        if opened:
            host.raise_()
            host.activateWindow()
        return opened
