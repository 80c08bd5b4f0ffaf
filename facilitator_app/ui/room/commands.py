"""The main window's room commands (a mixin): "Apri ai telefoni" and its board button.

Kept out of ``main_window.py`` (its size): the window mixes this in and calls
:meth:`RoomCommands.close_room` before closing its file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

if TYPE_CHECKING:
    from facilitator_app.ui.main_window import MainWindow
    from facilitator_app.ui.room.open_dialog import OpenRoomDialog
    from facilitator_app.ui.room.window import RoomOpener


class RoomCommands:
    """What the window does for the room server (mixed into :class:`MainWindow`)."""

    _room_opener: RoomOpener | None = None

    @property
    def room(self) -> RoomOpener:
        """The window's room (built on first use: the server library loads on demand)."""
        if self._room_opener is None:
            from facilitator_app.ui.room.window import RoomOpener

            self._room_opener = RoomOpener(cast("MainWindow", self))
        return self._room_opener

    def open_to_phones(self) -> OpenRoomDialog | None:
        """Open the current table and session to the participants' phones (asks first)."""
        return self.room.ask()

    def close_room(self) -> None:
        """Close the table to the phones, if it is open (the file or the app closes)."""
        if self._room_opener is not None:
            self._room_opener.close()

    def send_to_coordinator(self) -> object:
        """Send the open event file to the coordinator's laptop (the venue hub)."""
        from facilitator_app.ui.coordinator.send import send_to_coordinator

        return send_to_coordinator(cast("MainWindow", self))

    def add_room_button(self, action: QAction) -> None:
        """Offer "Apri ai telefoni" in the board tab too, beside the tagging buttons."""
        board = cast("MainWindow", self).board
        if board is None or board.findChild(QToolButton, "openToPhones") is not None:
            return
        button = QToolButton(board)
        button.setObjectName("openToPhones")
        button.setDefaultAction(action)
        board.tags_row.addWidget(button)
