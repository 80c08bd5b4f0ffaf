"""The new-event wizard: format, card edition, title, date, venue, tables, facilitator.

The form is forms/new_event.ui.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QFile, QIODevice, QObject, Qt
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from facilitator_app.domain.clock import Clock
from facilitator_app.resources import form_path
from facilitator_app.services.common import paths
from facilitator_app.services.setup.cards import bundled_card_sets
from facilitator_app.services.setup.templates import (
    EventTemplate,
    bundled_templates,
    write_event_file,
)
from facilitator_app.ui import i18n

W = TypeVar("W", bound=QObject)


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build a widget from a Qt Designer form found through the resource resolver.

    Raises:
        OSError: the form is missing or unreadable.
    """
    file = QFile(str(form_path(name)))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"modulo {name} non leggibile: {file.errorString()}")
    try:
        widget = QUiLoader().load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise OSError(f"modulo {name} non valido")
    return widget


def child(parent: QObject, kind: type[W], name: str) -> W:
    """A named child of a loaded form, of the expected type."""
    found = parent.findChild(kind, name)
    if found is None:
        raise LookupError(f"il modulo non ha il controllo {name}")
    return found


@dataclass(frozen=True)
class NewEventChoices:
    """What the wizard asks."""

    template: EventTemplate
    card_edition: str
    title: str
    date: str
    table_keys: list[str]
    facilitator: str
    path: Path


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:50] or "evento"


class NewEventWizard:
    """Wraps the form: fills it from the templates, reads the choices, creates the file.

    Args:
        parent: owning window.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        form = load_form("new_event.ui", parent)
        if not isinstance(form, QDialog):
            raise OSError("new_event.ui deve essere un QDialog")
        self.dialog: QDialog = form
        self.templates = bundled_templates()
        self.template_combo = child(form, QComboBox, "templateCombo")
        self.edition_combo = child(form, QComboBox, "editionCombo")
        self.card_sets = bundled_card_sets()
        for edition, card_set in sorted(self.card_sets.items()):
            self.edition_combo.addItem(f"{edition} · {card_set.title}", edition)
        self.title_edit = child(form, QLineEdit, "titleEdit")
        self.date_edit = child(form, QDateEdit, "dateEdit")
        self.venue_combo = child(form, QComboBox, "venueCombo")
        self.tables_list = child(form, QListWidget, "tablesList")
        self.facilitator_edit = child(form, QLineEdit, "facilitatorEdit")
        self.file_edit = child(form, QLineEdit, "fileEdit")
        buttons = child(form, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(form.accept)
        buttons.rejected.connect(form.reject)
        child(form, QPushButton, "browseButton").clicked.connect(self._browse)
        for key, template in self.templates.items():
            self.template_combo.addItem(
                f"{template.title} ({i18n.vocab(template.format.label)})", key
            )
        self.template_combo.currentIndexChanged.connect(lambda _i: self._template_changed())
        self.venue_combo.currentIndexChanged.connect(lambda _i: self._venue_changed())
        self._template_changed()

    @property
    def template(self) -> EventTemplate:
        """The chosen template."""
        return self.templates[str(self.template_combo.currentData())]

    def _template_changed(self) -> None:
        template = self.template
        # Each format has its usual edition (the 2023 forum used the 2021-2023 cards).
        default = self.edition_combo.findData(template.card_edition)
        if default >= 0:
            self.edition_combo.setCurrentIndex(default)
        self.title_edit.setText(template.default_title)
        if template.default_date:
            self.date_edit.setDate(QDate.fromString(template.default_date, "yyyy-MM-dd"))
        else:
            self.date_edit.setDate(QDate.currentDate())
        self.venue_combo.blockSignals(True)
        self.venue_combo.clear()
        self.venue_combo.addItem(
            QCoreApplication.translate("NewEventWizard", "Tutte le sedi"), None
        )
        for key, name, _address in template.venues:
            self.venue_combo.addItem(name, key)
        self.venue_combo.blockSignals(False)
        self._venue_changed()
        self.file_edit.setText(
            str(
                paths.data_dir()
                / f"{template.default_date or 'evento'}-{_slug(template.key)}.sqlite"
            )
        )

    def _venue_changed(self) -> None:
        venue = self.venue_combo.currentData()
        self.tables_list.clear()
        for table in self.template.tables:
            if venue is not None and table.venue != venue:
                continue
            item = QListWidgetItem(table.name)
            item.setData(Qt.ItemDataRole.UserRole, table.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.tables_list.addItem(item)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self.dialog,
            QCoreApplication.translate("NewEventWizard", "Salva l'evento come"),
            self.file_edit.text(),
            QCoreApplication.translate("NewEventWizard", "Eventi (*.sqlite)"),
        )
        if name:
            self.file_edit.setText(name if name.endswith(".sqlite") else name + ".sqlite")

    def choices(self) -> NewEventChoices:
        """What the form says now."""
        keys = []
        for row in range(self.tables_list.count()):
            item = self.tables_list.item(row)
            if item is not None and item.checkState() == Qt.CheckState.Checked:
                keys.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return NewEventChoices(
            template=self.template,
            card_edition=str(self.edition_combo.currentData() or self.template.card_edition),
            title=self.title_edit.text().strip(),
            date=self.date_edit.date().toString("yyyy-MM-dd"),
            table_keys=keys,
            facilitator=self.facilitator_edit.text().strip(),
            path=Path(self.file_edit.text().strip()),
        )

    def create(self, clock: Clock) -> Path:
        """Write the new event file from the choices.

        Raises:
            ValueError: no table chosen or no file name.
            StorageError: the file exists or cannot be written.
        """
        choices = self.choices()
        if not choices.table_keys:
            raise ValueError(
                QCoreApplication.translate("NewEventWizard", "Scegli almeno un tavolo.")
            )
        if not choices.path.name:
            raise ValueError(
                QCoreApplication.translate("NewEventWizard", "Scegli il file dell'evento.")
            )
        # The file appears only complete: a failure leaves nothing that blocks a retry.
        write_event_file(
            choices.path,
            choices.template,
            clock,
            title=choices.title or None,
            date=choices.date,
            facilitator=choices.facilitator,
            table_keys=choices.table_keys,
            card_set=self.card_sets.get(choices.card_edition),
        )
        return choices.path
