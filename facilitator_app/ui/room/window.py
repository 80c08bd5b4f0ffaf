"""What the main window's "Apri ai telefoni" does: ask, start the server, show its panel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.timer import TimerState, state
from facilitator_app.services.room import RoomSettings
from facilitator_app.ui import i18n
from facilitator_app.ui.room.addresses import laptop_addresses
from facilitator_app.ui.room.controller import RoomController
from facilitator_app.ui.room.open_dialog import OpenRoomDialog
from facilitator_app.ui.room.panel import RoomPanel

if TYPE_CHECKING:
    from facilitator_app.ui.main_window import MainWindow


class RoomOpener:
    """The window's room: at most one table and session open to the phones at a time.

    Args:
        window: the main window.

    Attributes:
        panel: the room panel while a table is open to the phones, else None.
        dialog: the question shown before opening, while it is shown.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.panel: RoomPanel | None = None
        self.dialog: OpenRoomDialog | None = None

    def ask(self) -> OpenRoomDialog | None:
        """Ask address and moderation for the current table and session (not blocking)."""
        window, ws = self.window, self.window.workspace
        if ws is None or ws.table is None or window.path is None:
            window.statusBar().showMessage(window.tr("Nessun evento aperto"), 5000)
            return None
        if self.panel is not None:
            self.panel.show()
            self.panel.raise_()
            return None
        table, number = ws.table, ws.session
        session = ws.capture.session(table.id, number)
        where = window.tr("{table} · sessione {n}").format(table=table.name, n=number)
        if state(session) is TimerState.STOPPED:
            QMessageBox.information(
                window,
                APP_DISPLAY_NAME,
                window.tr("{where} è terminata: non si apre più ai telefoni.").format(where=where),
            )
            return None
        dialog = OpenRoomDialog(where, laptop_addresses(), window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog

        def answered(result: int) -> None:
            self.dialog = None
            if result == QDialog.DialogCode.Accepted:
                settings = RoomSettings(
                    table.id,
                    number,
                    host=dialog.address.currentText(),
                    port=dialog.port.value(),
                    moderate=dialog.moderate.isChecked(),
                )
                self.open(settings, where)

        dialog.finished.connect(answered)
        dialog.open()
        return dialog

    def open(self, settings: RoomSettings, where: str) -> RoomPanel | None:
        """Start the server for a table and session and show its panel; None if refused."""
        window, ws = self.window, self.window.workspace
        if ws is None or window.path is None:
            return None
        controller = RoomController(window.path, settings, window.clock, window)
        try:
            controller.start()
        except FacilitatorError as error:
            self._refused(i18n.error_text(error))
            return None
        except OSError as error:
            self._refused(
                window.tr(
                    "Impossibile ascoltare su {address}:{port} ({why}). Scegliere un altro "
                    "indirizzo o un'altra porta (forse è già in uso)."
                ).format(address=settings.host, port=settings.port, why=error.strerror or error)
            )
            return None
        panel = RoomPanel(controller, ws, lambda: window.board, where, window)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, panel)
        panel.closed.connect(self._closed)
        self.panel = panel
        window.statusBar().showMessage(window.tr("{where} aperto ai telefoni").format(where=where))
        if settings.moderate:
            panel.queue.setFocus()
        return panel

    def _refused(self, why: str) -> None:
        QMessageBox.warning(
            self.window,
            APP_DISPLAY_NAME,
            self.window.tr("Non è stato possibile aprire ai telefoni:\n{why}").format(why=why),
        )

    def _closed(self) -> None:
        panel, self.panel = self.panel, None
        if panel is not None:
            self.window.removeDockWidget(panel)
            panel.deleteLater()
            self.window.statusBar().showMessage(self.window.tr("Chiuso ai telefoni"), 5000)

    def close(self) -> None:
        """Close the table to the phones (the file or the app closes)."""
        if self.panel is not None:
            self.panel.controller.stop()
