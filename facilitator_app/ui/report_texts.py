"""Dialog for the restituzione's own texts: premessa, temi trasversali, conclusioni."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Event
from facilitator_app.services.reports import report_texts
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n


class ReportTextsDialog(QDialog):
    """Edit the three event-level texts; "Bozza" drafts the cross-cutting themes.

    Nothing is written until "Salva"; the draft only fills the box, for the coordinator to
    rewrite.
    """

    def __init__(self, store: EventStore, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.setWindowTitle(self.tr("Testi della restituzione"))
        self.resize(760, 720)
        layout = QVBoxLayout(self)
        event = store.event()
        self.editors: dict[str, QPlainTextEdit] = {}
        labels = {
            "premessa": self.tr("Premessa"),
            "temi_trasversali": self.tr("Temi trasversali agli assi (titoli in MAIUSCOLO)"),
            "conclusioni": self.tr("Conclusioni"),
        }
        for name in report_texts.FIELDS:
            label = QLabel(labels[name], self)
            editor = QPlainTextEdit(str(getattr(event, name)), self)
            editor.setAccessibleName(labels[name])
            label.setBuddy(editor)
            layout.addWidget(label)
            layout.addWidget(editor, 1)
            self.editors[name] = editor
        self.draft_button = QPushButton(
            self.tr("Bozza dei temi trasversali dai post-it di tutti i tavoli"), self
        )
        self.draft_button.setAccessibleName(self.tr("Bozza dei temi trasversali"))
        self.draft_button.clicked.connect(self.draft)
        layout.addWidget(self.draft_button)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved: Event | None = None

    def draft(self) -> None:
        """Fill the cross-cutting box with a draft (appended when it already holds text)."""
        text = report_texts.draft_crosscutting(self.store)
        if not text:
            self.message.setText(self.tr("Nessun tema ricorre in più tavoli."))
            return
        editor = self.editors["temi_trasversali"]
        current = editor.toPlainText().strip()
        editor.setPlainText(f"{current}\n\n{text}" if current else text)
        self.message.setText(self.tr("Bozza inserita: rivederla prima di salvare."))

    def save(self) -> None:
        """Store the three texts (one commit) and close, or say why not."""
        texts = {name: editor.toPlainText() for name, editor in self.editors.items()}
        try:
            self.saved = report_texts.set_report_texts(self.store, self.clock, **texts)
        except (ValueError, FacilitatorError) as error:
            self.message.setText(i18n.error_text(error))
            return
        self.accept()
