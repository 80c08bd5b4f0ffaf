"""Schede › Importa un insieme di schede… and Schede › Usa l'edizione …: the event's card set.

The UI asks (file dialog, message box); services/setup/cards does the work in one
transaction and refuses, changing nothing, what would lose a vote or a tag.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.errors import FacilitatorError, InputRefusedError
from facilitator_app.services.setup.cards import (
    CardSet,
    bundled_editions,
    import_cards_into_event,
    use_bundled_edition,
)
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_action
from facilitator_app.ui.context import Workspace

# A refused file can list hundreds of problems: the dialog shows the first ones.
SHOWN_PROBLEMS = 15


class CardSetActions(QObject):
    """The Schede menu's commands on the event's card set.

    Signals:
        changed: the event's cards changed (the window reopens the workspace on them).

    Args:
        workspace: the open event.
        parent: the panel that owns the actions and parents the dialogs.
    """

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.ws = workspace
        self.panel = parent
        separator = QAction(parent)
        separator.setSeparator(True)
        self.actions: list[QAction] = [
            separator,
            make_action(
                parent,
                self.tr("&Importa un insieme di schede…"),
                self.import_set,
                shortcut="Ctrl+Shift+I",
            ),
        ]
        for number, (edition, title) in enumerate(bundled_editions().items(), start=1):
            action = make_action(
                parent,
                self.tr("Usa l'edizione {edition} ({title})").format(edition=edition, title=title),
                lambda e=edition: self.use_edition(e),  # type: ignore[misc]
                # Ctrl+Alt+1, +2...: the editions in order, oldest first.
                shortcut=f"Ctrl+Alt+{number}" if number < 10 else None,
            )
            action.setCheckable(True)
            action.setData(edition)
            self.actions.append(action)
        self._show_edition()

    def _show_edition(self) -> None:
        """Tick the edition the event uses (a refused switch leaves the tick where it was)."""
        edition = self.ws.store.event().card_edition
        for action in self.actions:
            if action.isCheckable():
                action.setChecked(action.data() == edition)

    def import_set(self) -> None:
        """Ask for a complete card set (.xlsx/.csv) and put it in the event."""
        edition = self.ws.event_record.card_edition
        name, _ = QFileDialog.getOpenFileName(
            self.panel,
            self.tr("Importa un insieme di schede (edizione {edition})").format(edition=edition),
            str(self.ws.store.path.parent),
            self.tr("Schede (*.xlsx *.csv)"),
        )
        if not name:
            return
        try:
            card_set = import_cards_into_event(self.ws.store, Path(name), self.ws.clock)
        except InputRefusedError as error:
            self._refused(self.tr("Schede non importate"), error)
            return
        except FacilitatorError as error:
            QMessageBox.warning(self.panel, APP_DISPLAY_NAME, i18n.error_text(error))
            return
        self._done(card_set, self.tr("Importate {n} schede {edition}: {detail}"))

    def use_edition(self, edition: str) -> None:
        """Make the event use a bundled edition of the cards."""
        try:
            card_set = use_bundled_edition(self.ws.store, edition, self.ws.clock)
        except InputRefusedError as error:
            self._show_edition()
            self._refused(self.tr("Edizione non cambiata"), error)
            return
        except FacilitatorError as error:
            self._show_edition()
            QMessageBox.warning(self.panel, APP_DISPLAY_NAME, i18n.error_text(error))
            return
        self._done(card_set, self.tr("Schede dell'edizione {edition} ({n}): {detail}"))

    def _done(self, card_set: CardSet, text: str) -> None:
        counts = card_set.counts()
        detail = self.tr("{a} assi, {s} strategie, {z} azioni").format(
            a=counts["asse"], s=counts["strategia"], z=counts["azione"]
        )
        self.ws.saved.emit(
            text.format(n=len(card_set.cards), edition=card_set.edition, detail=detail)
        )
        self.changed.emit()

    def _refused(self, title: str, error: InputRefusedError) -> None:
        lines = [problem.translated(i18n.translate) for problem in error.problems[:SHOWN_PROBLEMS]]
        more = len(error.problems) - SHOWN_PROBLEMS
        if more > 0:
            lines.append(self.tr("… e altri {n} problemi").format(n=more))
        box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, title, parent=self.panel)
        box.setInformativeText(
            "\n".join(lines) + "\n\n" + self.tr("Il file dell'evento non è stato cambiato.")
        )
        box.exec()
