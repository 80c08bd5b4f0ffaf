"""Prepare the venues' or tables' own files from the coordinator's event file.

What ``facilitator-app prepare`` does, in a dialog: choose venues (one file each) or tables
(one file each) with checkboxes, choose a folder, and write them all or none
(:func:`facilitator_app.services.setup.distribute.write_files`). An existing file is never
overwritten: the whole batch is refused and the files are named.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.setup import distribute
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_button
from facilitator_app.ui.progress import ProgressDialog

CHOICE_ROLE = Qt.ItemDataRole.UserRole


class PrepareDialog(QDialog):
    """Writes one event file per chosen venue or table, cut from the master event.

    Args:
        master: the coordinator's event file.
        parent: the owning widget.

    Attributes:
        ask_folder: asks for the output folder; replace it in tests.
        message: the last message box shown (result or refusal), or None.
        written: the files written by the last run.
    """

    def __init__(self, master: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.master = master
        self.setWindowTitle(
            self.tr("Prepara i file per sedi / tavoli — {app}").format(app=APP_DISPLAY_NAME)
        )
        self.setAccessibleName(self.tr("Preparazione dei file per sedi e tavoli"))
        self.resize(620, 520)
        self.folder: Path | None = None
        self.message: QMessageBox | None = None
        self.written: list[Path] = []
        self.ask_folder: Callable[[], Path | None] = self.ask_folder_with_dialog
        with EventStore.open(master, read_only=True) as store:
            self.venues = store.venues()
            self.tables = store.tables()
        self._build()
        self._fill()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Ogni file contiene l'evento, le schede e i tavoli scelti, senza contributi: "
                "da aprire sul computer della sede o del tavolo e poi da riunire."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        modes = QHBoxLayout()
        self.per_venue = QRadioButton(self.tr("Un file per &sede"), self)
        self.per_table = QRadioButton(self.tr("Un file per &tavolo"), self)
        self.per_venue.setChecked(True)
        group = QButtonGroup(self)
        for button in (self.per_venue, self.per_table):
            group.addButton(button)
            modes.addWidget(button)
            button.toggled.connect(self._fill)
        modes.addStretch(1)
        layout.addLayout(modes)
        self.choices = QListWidget(self)
        self.choices.setAccessibleName(self.tr("Sedi o tavoli per cui preparare un file"))
        self.choices.itemChanged.connect(self._update_buttons)
        layout.addWidget(self.choices, 1)

        row = QHBoxLayout()
        folder_label = QLabel(self.tr("Cartella:"), self)
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("scegli dove scrivere i file"))
        self.folder_edit.setAccessibleName(self.tr("Cartella dei file da preparare"))
        folder_label.setBuddy(self.folder_edit)
        self.folder_button = make_button(
            self,
            self.tr("Scegli la &cartella…"),
            self.choose_folder,
            accessible=self.tr("Scegli la cartella dei file da preparare"),
        )
        row.addWidget(folder_label)
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.folder_button)
        layout.addLayout(row)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.prepare_button: QPushButton = make_button(
            self,
            self.tr("&Prepara i file"),
            self.prepare,
            accessible=self.tr("Prepara i file scelti nella cartella"),
        )
        self.prepare_button.setDefault(True)
        close = make_button(self, self.tr("C&hiudi"), self.close, accessible=self.tr("Chiudi"))
        buttons.addWidget(self.prepare_button)
        buttons.addWidget(close)
        layout.addLayout(buttons)

    def _fill(self) -> None:
        """List the venues or the tables, each with a checkbox and its file name."""
        self.choices.blockSignals(True)
        self.choices.clear()
        venue_names = {venue.id: venue.name for venue in self.venues}
        if self.per_venue.isChecked():
            for venue in self.venues:
                count = sum(1 for table in self.tables if table.venue_id == venue.id)
                text = self.tr("{venue} ({n} tavoli)").format(venue=venue.name, n=count)
                self._add_choice(text, venue.name, distribute.plan_per_venue(Path(), [venue.name]))
        else:
            for table in self.tables:
                text = f"{table.name} — {venue_names.get(table.venue_id, '')}"
                self._add_choice(text, table.key, distribute.plan_per_table(Path(), [table.key]))
        self.choices.blockSignals(False)
        self._update_buttons()

    def _add_choice(self, text: str, value: str, plan: list[distribute.PlannedFile]) -> None:
        item = QListWidgetItem(text, self.choices)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(CHOICE_ROLE, value)
        item.setToolTip(self.tr("File: {name}").format(name=plan[0].target.name))

    def chosen(self) -> list[str]:
        """The venue names or table keys ticked, in list order."""
        return [
            str(item.data(CHOICE_ROLE))
            for row in range(self.choices.count())
            if (item := self.choices.item(row)) is not None
            and item.checkState() == Qt.CheckState.Checked
        ]

    def _update_buttons(self) -> None:
        self.prepare_button.setEnabled(self.folder is not None and bool(self.chosen()))

    def ask_folder_with_dialog(self) -> Path | None:
        """The system's folder chooser."""
        start = str(self.folder or self.master.parent)
        name = QFileDialog.getExistingDirectory(self, self.tr("Cartella dei file"), start)
        return Path(name) if name else None

    def choose_folder(self) -> None:
        """Ask where to write the files."""
        folder = self.ask_folder()
        if folder is not None:
            self.folder = folder
            self.folder_edit.setText(str(folder))
            self._update_buttons()

    def plan(self) -> list[distribute.PlannedFile]:
        """The files the ticked choices make, in the chosen folder."""
        if self.folder is None:
            return []
        if self.per_venue.isChecked():
            return distribute.plan_per_venue(self.folder, self.chosen())
        return distribute.plan_per_table(self.folder, self.chosen())

    def prepare(self) -> list[Path]:
        """Write the planned files (all or none) and say which, or why not."""
        plan = self.plan()
        if not plan:
            return []
        self.written = []
        try:
            with (
                EventStore.open(self.master, read_only=True) as store,
                ProgressDialog(self, self.tr("Preparazione dei file")) as progress,
            ):
                written = distribute.write_files(store, plan, progress=progress)
        except (ValueError, FacilitatorError) as error:
            self._show(
                QMessageBox.Icon.Warning,
                self.tr("File non preparati:\n{why}").format(why=i18n.error_text(error)),
            )
            return []
        self.written = [path for path, _ in written]
        lines = [
            self.tr("{file}: {tables}").format(
                file=path.name, tables=", ".join(table.name for table in tables)
            )
            for path, tables in written
        ]
        folder = plan[0].target.parent
        text = self.tr("Preparati {n} file in {folder}:").format(n=len(written), folder=folder)
        self._show(QMessageBox.Icon.Information, "\n".join([text, *lines]))
        return self.written

    def _show(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        if self.message is not None:
            self.message.close()
            self.message.deleteLater()
        box = QMessageBox(icon, APP_DISPLAY_NAME, text, QMessageBox.StandardButton.Close, self)
        box.setAccessibleName(text.splitlines()[0])
        self.message = box
        box.open()
        return box
