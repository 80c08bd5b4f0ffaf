"""The room panel: a dock beside the board while a table is open to the phones.

It shows what the participants need (the QR code, the URL, the short code and where to
type it), how many phones are connected, the voting and moderation switches, and the
moderation queue. Closing the session (F8), the file or the app closes it to the phones.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.timer import TimerState, state
from facilitator_app.services.room import PendingPosts
from facilitator_app.ui.common.scrolling import scrolling
from facilitator_app.ui.common.undo import StepCommand
from facilitator_app.ui.room.controller import RoomController
from facilitator_app.ui.room.qr import qr_pixmap
from facilitator_app.ui.room.queue import ModerationQueue

if TYPE_CHECKING:
    from facilitator_app.ui.board.board import BoardPanel
    from facilitator_app.ui.context import Workspace

QR_SIDE = 300
PHONES_REFRESH_MS = 2000
DEFAULT_DOTS = 3


class RoomPanel(QDockWidget):
    """One table and session open to the phones, as the facilitator sees and steers it.

    Args:
        controller: the started room server.
        workspace: the open event.
        board: the window's board, looked up at each refresh (a language change rebuilds it).
        where: the table and session in words.
        parent: the main window.

    Signals:
        closed: the table is closed to the phones (the panel can go).
    """

    closed = Signal()

    def __init__(
        self,
        controller: RoomController,
        workspace: Workspace,
        board: Callable[[], BoardPanel | None],
        where: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Aperto ai telefoni: {where}").format(where=where))
        self.setObjectName("roomDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetFloatable
        )
        self.controller = controller
        self.ws = workspace
        self.board = board
        self.where = where
        self.pending = PendingPosts(
            workspace.store, clock=workspace.clock, capture=workspace.capture
        )
        self._build()
        self._phones_timer = QTimer(self)
        self._phones_timer.setInterval(PHONES_REFRESH_MS)
        self._phones_timer.timeout.connect(self._show_phones)
        self._phones_timer.start()
        controller.changed.connect(self.refresh)
        controller.stopped.connect(self._stopped)
        workspace.saved.connect(self._check_session)
        self.refresh()

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        server = self.controller.server
        self.qr = QLabel(body)
        self.qr.setObjectName("roomQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setPixmap(qr_pixmap(server.url, QR_SIDE))
        self.qr.setAccessibleName(self.tr("Codice QR per i telefoni"))
        layout.addWidget(self.qr)
        self.url = self._text(body, server.url, "roomUrl")
        self.url.setAccessibleName(self.tr("Indirizzo per i telefoni"))
        layout.addWidget(self.url)
        self.code = self._text(
            body,
            self.tr("Oppure aprire {address} e scrivere il codice {code}").format(
                address=server.base_url, code=server.short_code
            ),
            "roomCode",
        )
        font = self.code.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.code.setFont(font)
        layout.addWidget(self.code)
        self.phones = self._text(body, "", "roomPhones")
        layout.addWidget(self.phones)
        self.moderate = QCheckBox(self.tr("Modera i post-it in arrivo"), body)
        self.moderate.setChecked(server.moderate)
        self.moderate.toggled.connect(self._set_moderation)
        layout.addWidget(self.moderate)
        voting = QHBoxLayout()
        self.dots = QSpinBox(body)
        self.dots.setRange(1, 20)
        self.dots.setValue(DEFAULT_DOTS)
        self.dots.setAccessibleName(self.tr("Punti per telefono"))
        self.dots.valueChanged.connect(lambda _n: self._show_voting())
        self.voting = QPushButton(body)
        self.voting.setObjectName("roomVoting")
        self.voting.clicked.connect(self.toggle_voting)
        voting.addWidget(self.dots)
        voting.addWidget(self.voting, 1)
        layout.addLayout(voting)
        self.queue_label = QLabel(body)
        self.queue_label.setObjectName("roomQueueLabel")
        layout.addWidget(self.queue_label)
        self.queue = ModerationQueue(body)
        self.queue.accept_requested.connect(self.accept)
        self.queue.reject_requested.connect(self.reject)
        self.queue_label.setBuddy(self.queue)
        layout.addWidget(self.queue, 4)
        self.card_button = QPushButton(self.tr("Stampa il cartello del tavolo…"), body)
        self.card_button.clicked.connect(self.print_card)
        layout.addWidget(self.card_button)
        self.close_button = QPushButton(self.tr("Chiudi ai telefoni"), body)
        self.close_button.setObjectName("roomClose")
        self.close_button.clicked.connect(self.controller.stop)
        layout.addWidget(self.close_button)
        # Without the queue (no moderation) the labels stay together at the top.
        layout.addStretch(1)
        self.setWidget(scrolling(body))
        self.setMinimumWidth(QR_SIDE + 70)  # the QR code whole, no sideways scrolling
        self._show_voting()
        self._show_phones()

    @staticmethod
    def _text(parent: QWidget, text: str, name: str) -> QLabel:
        label = QLabel(text, parent)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    # -- what it shows ---------------------------------------------------------------------

    def refresh(self) -> None:
        """Show what the phones committed: the board's new notes, the queue."""
        board = self.board()
        if board is not None and (self.ws.table_id, self.ws.session) == self._table_session:
            board.refresh_posts()
        waiting = self.pending.pending(*self._table_session)
        self.queue.fill(waiting)
        self.queue_label.setText(self.tr("&In attesa di approvazione: {n}").format(n=len(waiting)))
        shown = bool(waiting) or self.controller.server.moderate
        self.queue.setVisible(shown)
        self.queue_label.setVisible(shown)
        self._show_phones()

    @property
    def _table_session(self) -> tuple[str, int]:
        settings = self.controller.settings
        return settings.table_id, settings.session

    def _show_phones(self) -> None:
        count = self.controller.server.phones_connected if self.controller.running else 0
        text = self.tr("Telefoni collegati: {n}").format(n=count)
        if self.phones.text() != text:
            self.phones.setText(text)

    def _show_voting(self) -> None:
        if self.controller.running and self.controller.server.voting_open:
            self.voting.setText(self.tr("Chiudi il voto"))
        else:
            self.voting.setText(self.tr("Apri il voto ({n} punti)").format(n=self.dots.value()))
        self.dots.setEnabled(not self.controller.server.voting_open)

    # -- commands --------------------------------------------------------------------------

    def toggle_voting(self) -> None:
        """Open voting with the chosen dots per phone, or close it."""
        server = self.controller.server
        if not self.controller.running:
            return
        if server.voting_open:
            server.close_voting()
        else:
            server.open_voting(self.dots.value())
        self._show_voting()

    def _set_moderation(self, on: bool) -> None:
        if self.controller.running:
            self.controller.server.moderate = on
        self.refresh()

    def accept(self, pending_id: str, edited: str) -> None:
        """Put a pending post on the board (one undo step, like a typed post-it)."""
        capture = self.ws.capture
        post = self.ws.run(
            lambda: self.pending.accept(pending_id, edited or None), self.tr("Post-it accettato")
        )
        if post is None:
            self.refresh()
            return

        def again() -> None:
            self.ws.run(lambda: capture.put_back([post]), self.tr("Salvato"))
            self.refresh()

        def back() -> None:
            self.ws.run(lambda: capture.delete(post.id), self.tr("Salvato"))
            self.refresh()

        self.ws.undo_stack.push(StepCommand(self.tr("Accetta post-it dal telefono"), again, back))
        self.refresh()
        self.queue.setFocus()

    def reject(self, pending_id: str) -> None:
        """Keep a pending post off the board."""
        self.ws.run(lambda: self.pending.reject(pending_id), self.tr("Post-it rifiutato"))
        self.refresh()
        self.queue.setFocus()

    def print_card(self) -> Path | None:
        """Ask where, then write the printable table card (PDF) with the QR code and code."""
        from facilitator_app.ui.room.card import print_table_card  # on demand: reportlab

        return print_table_card(self, self.controller.server, self.ws, ask=_ask_card_path)

    def _check_session(self, _what: str) -> None:
        """The session ended (F8): close the table to the phones."""
        if not self.controller.running:
            return
        table_id, number = self._table_session
        session = self.ws.capture.session(table_id, number)
        if state(session) is TimerState.STOPPED:
            self.controller.stop()

    def _stopped(self) -> None:
        self._phones_timer.stop()
        self.closed.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the panel closes the table to the phones."""
        self.controller.stop()
        super().closeEvent(event)


def _ask_card_path(parent: QWidget, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, parent.tr("Cartello del tavolo"), str(suggested), parent.tr("PDF (*.pdf)")
    )
    return Path(name) if name else None
