"""The export dialog: where to write, and whether to take one table or to anonymise."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.model import Table
from facilitator_app.ui import i18n

# The word a document's default file name ends with, by language ("demo-restituzione.pdf").
_FILE_TAGS = {
    "it": {
        "restituzione": "restituzione",
        "restituzione-docx": "restituzione",
        "kit-cartaceo": "kit-cartaceo",
    },
    "en": {
        "restituzione": "report",
        "restituzione-docx": "report",
        "kit-cartaceo": "paper-kit",
        "dati-aperti": "open-data",
    },
}
# Suffixes of the kinds that are not PDF (the open data are a folder: no suffix).
_SUFFIXES = {"xlsx": ".xlsx", "restituzione-docx": ".docx", "decidim": ".csv", "dati-aperti": ""}


class ExportKind(enum.Enum):
    """The documents the window exports (the restituzione as PDF or as Word)."""

    WORKBOOK = "xlsx"
    REPORT = "restituzione"
    REPORT_WORD = "restituzione-docx"
    PAPER_KIT = "kit-cartaceo"
    DECIDIM = "decidim"
    OPEN_DATA = "dati-aperti"

    @property
    def suffix(self) -> str:
        """File name extension, with the dot ("" for the open data's folder)."""
        return _SUFFIXES.get(self.value, ".pdf")

    def file_tag(self, language: str) -> str:
        """What a default file name says of the document in ``language`` ("report")."""
        return _FILE_TAGS.get(language, _FILE_TAGS["it"]).get(self.value, self.value)

    @property
    def title(self) -> str:
        """What the document is called in the interface."""
        if self is ExportKind.WORKBOOK:
            return QCoreApplication.translate("ExportKind", "Cartella di lavoro Excel")
        if self is ExportKind.REPORT:
            return QCoreApplication.translate("ExportKind", "Restituzione PDF")
        if self is ExportKind.REPORT_WORD:
            return QCoreApplication.translate("ExportKind", "Restituzione Word")
        if self is ExportKind.DECIDIM:
            return QCoreApplication.translate("ExportKind", "Proposte per Decidim (CSV)")
        if self is ExportKind.OPEN_DATA:
            return QCoreApplication.translate("ExportKind", "Dati aperti (cartella)")
        return QCoreApplication.translate("ExportKind", "Kit cartaceo PDF")

    @property
    def file_filter(self) -> str:
        """Filter of the save dialog."""
        if self is ExportKind.WORKBOOK:
            return QCoreApplication.translate("ExportKind", "Cartelle di lavoro Excel (*.xlsx)")
        if self is ExportKind.REPORT_WORD:
            return QCoreApplication.translate("ExportKind", "Documenti Word (*.docx)")
        if self is ExportKind.DECIDIM:
            return QCoreApplication.translate("ExportKind", "File CSV per Decidim (*.csv)")
        return QCoreApplication.translate("ExportKind", "Documenti PDF (*.pdf)")

    @property
    def can_anonymise(self) -> bool:
        """False for the paper kit (no names) and for what is published (always anonymous)."""
        return self in (ExportKind.WORKBOOK, ExportKind.REPORT, ExportKind.REPORT_WORD)

    @property
    def is_folder(self) -> bool:
        """True when the export is a folder (the open data), not a file."""
        return self is ExportKind.OPEN_DATA


#: The restituzione's two formats, chosen in its dialog.
_REPORT_KINDS = (ExportKind.REPORT, ExportKind.REPORT_WORD)


def default_path(
    kind: ExportKind, event_path: Path, table: Table | None = None, language: str | None = None
) -> Path:
    """Where an export goes unless the person chooses otherwise: beside the event file.

    Args:
        kind: what is exported.
        event_path: the event file.
        table: the one table exported, when only one is.
        language: the language of the document (the interface's when None).

    Returns:
        ``<event>.xlsx``, ``<event>-restituzione.pdf`` or ``<event>-kit-cartaceo.pdf``
        (in English ``-report.pdf``, ``-paper-kit.pdf``), with ``-<table key>`` before the
        extension for a single table.
    """
    name = event_path.stem
    if kind is not ExportKind.WORKBOOK:
        name += f"-{kind.file_tag(language or i18n.current_language())}"
    if kind is ExportKind.DECIDIM:
        name += "-proposte"
    if table is not None:
        name += f"-{table.key}"
    return event_path.with_name(name + kind.suffix)


@dataclass(frozen=True)
class ExportRequest:
    """What the person asked for.

    Attributes:
        path: the file to write.
        table_keys: only these tables (all when empty).
        anonymise: leave facilitators' names and the computer's name out.
        kind: the document chosen in the dialog (the restituzione as PDF or Word), when
            it is not the one asked for.
    """

    path: Path
    table_keys: tuple[str, ...] = ()
    anonymise: bool = False
    kind: ExportKind | None = None


class ExportDialog(QDialog):
    """Asks for the file to write and the export options.

    Args:
        kind: what is exported.
        event_path: the event file (the default file goes beside it).
        table: the current table, offered as "only this table"; None hides the option.
        parent: the owning window.
    """

    def __init__(
        self,
        kind: ExportKind,
        event_path: Path,
        table: Table | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.asked = kind  # the format chosen may differ (the restituzione as Word)
        self.event_path = event_path
        self.table = table
        self.setWindowTitle(self.tr("Esporta: {what}").format(what=kind.title))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        form = QFormLayout()
        file_row = QWidget(self)  # a widget, not a layout: the label needs a buddy for "&F"
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.path_edit = QLineEdit(str(default_path(kind, event_path)), self)
        self.path_edit.setAccessibleName(self.tr("File da scrivere"))
        self.path_edit.setMinimumWidth(420)
        row.addWidget(self.path_edit, 1)
        self.browse_button = QPushButton(self.tr("&Sfoglia…"), self)
        self.browse_button.setAccessibleName(self.tr("Scegli il file da scrivere"))
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.browse_button)
        file_label = QLabel(self.tr("&File:"), self)
        file_label.setBuddy(self.path_edit)
        form.addRow(file_label, file_row)
        self.pdf_choice = QRadioButton(self.tr("&PDF"), self)
        self.word_choice = QRadioButton(self.tr("&Word (.docx), da rivedere e pubblicare"), self)
        if kind in _REPORT_KINDS:  # the restituzione: as a PDF, or as Word to edit
            formats = QWidget(self)
            choices = QHBoxLayout(formats)
            choices.setContentsMargins(0, 0, 0, 0)
            choices.addWidget(self.pdf_choice)
            choices.addWidget(self.word_choice)
            choices.addStretch(1)
            (self.word_choice if kind is ExportKind.REPORT_WORD else self.pdf_choice).setChecked(
                True
            )
            self.word_choice.toggled.connect(self._format_toggled)
            form.addRow(QLabel(self.tr("Formato:"), self), formats)
        else:
            self.pdf_choice.setVisible(False)
            self.word_choice.setVisible(False)
        layout.addLayout(form)
        self.table_check = QCheckBox(self)
        self.table_check.setAccessibleName(self.tr("Solo il tavolo corrente"))
        if table is not None:
            self.table_check.setText(
                self.tr("Solo il &tavolo corrente ({name})").format(name=table.name)
            )
            self.table_check.toggled.connect(self._table_toggled)
        else:
            self.table_check.setVisible(False)
        layout.addWidget(self.table_check)
        self.anonymise_check = QCheckBox(
            self.tr("&Anonimizza (senza i nomi dei facilitatori e del computer)"), self
        )
        self.anonymise_check.setAccessibleName(self.tr("Anonimizza"))
        if kind is ExportKind.PAPER_KIT:
            self.anonymise_check.setEnabled(False)
            self.anonymise_check.setToolTip(self.tr("Il kit cartaceo non contiene nomi"))
        elif not kind.can_anonymise:
            self.anonymise_check.setChecked(True)
            self.anonymise_check.setEnabled(False)
            self.anonymise_check.setToolTip(self.tr("Ciò che si pubblica è sempre anonimo"))
        layout.addWidget(self.anonymise_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Esporta"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path_edit.setFocus()

    def _format_toggled(self, word: bool) -> None:
        """Follow the chosen format in the file name, unless the person typed one."""
        chosen = ExportKind.REPORT_WORD if word else ExportKind.REPORT
        wanted = self.table if self.table is not None and self.table_check.isChecked() else None
        if self.path_edit.text() == str(default_path(self.kind, self.event_path, wanted)):
            self.path_edit.setText(str(default_path(chosen, self.event_path, wanted)))
        else:  # a typed name keeps its stem and takes the format's extension
            typed = Path(self.path_edit.text())
            if typed.suffix.lower() == self.kind.suffix:
                self.path_edit.setText(str(typed.with_suffix(chosen.suffix)))
        self.kind = chosen
        self.setWindowTitle(self.tr("Esporta: {what}").format(what=chosen.title))

    def _table_toggled(self, only_table: bool) -> None:
        """Follow the option in the suggested file name, unless the person typed one."""
        for table in (None, self.table):
            if self.path_edit.text() == str(default_path(self.kind, self.event_path, table)):
                wanted = self.table if only_table else None
                self.path_edit.setText(str(default_path(self.kind, self.event_path, wanted)))
                return

    def browse(self) -> None:
        """Choose the file in the system's save dialog (a folder for the open data)."""
        if self.kind.is_folder:
            name = QFileDialog.getExistingDirectory(self, self.windowTitle(), self.path_edit.text())
        else:
            name, _ = QFileDialog.getSaveFileName(
                self, self.windowTitle(), self.path_edit.text(), self.kind.file_filter
            )
        if name:
            self.path_edit.setText(name)

    def _accept(self) -> None:
        if self.path_edit.text().strip():
            self.accept()
        else:
            self.path_edit.setFocus()

    def request(self) -> ExportRequest:
        """The options as chosen (the extension is added when missing)."""
        path = Path(self.path_edit.text().strip()).expanduser()
        if self.kind.suffix and path.suffix.lower() != self.kind.suffix:
            path = path.with_name(path.name + self.kind.suffix)
        only_table = self.table is not None and self.table_check.isChecked()
        return ExportRequest(
            path=path,
            table_keys=(self.table.key,) if only_table and self.table is not None else (),
            anonymise=self.kind.can_anonymise and self.anonymise_check.isChecked(),
            kind=self.kind if self.kind is not self.asked else None,
        )
