"""The room server as the window holds it: started, watched, stopped; changes as Qt signals.

The server calls its ``on_change`` hook from its database thread after each commit. Here
that hook only emits a signal, which Qt queues to the window's thread; there a short timer
gathers a burst of posts into one refresh of the board (at most one every
:data:`BURST_MS`), so forty phones posting at once never make forty reloads.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from facilitator_app.domain.clock import Clock
from facilitator_app.services.room import RoomServer, RoomSettings

# One refresh of the board per burst of posts.
BURST_MS = 200


class RoomController(QObject):
    """One table and session open to the phones.

    Args:
        event_path: the open event file.
        settings: table, session, address, port, moderation.
        clock: the window's clock.
        parent: the owning object.

    Signals:
        changed: posts (or pending posts, or dots) were committed by the server; emitted in
            the window's thread, once per burst.
        stopped: the server stopped (closed to the phones, session ended, file closed).
    """

    changed = Signal()
    stopped = Signal()
    # Emitted from the server's database thread: the connection below queues it.
    _committed = Signal()

    def __init__(
        self, event_path: Path, settings: RoomSettings, clock: Clock, parent: QObject | None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.server = RoomServer(event_path, settings, clock=clock)
        self._burst = QTimer(self)
        self._burst.setSingleShot(True)
        self._burst.setInterval(BURST_MS)
        self._burst.timeout.connect(self.changed)
        self._committed.connect(self._gather, Qt.ConnectionType.QueuedConnection)
        self.server.on_change = self._committed.emit

    def start(self) -> None:
        """Serve (returns once listening).

        Raises:
            FacilitatorError: the table or session is unknown, the file cannot be written.
            OSError: the address cannot be bound (port in use, not this laptop's).
        """
        try:
            self.server.start()
        except BaseException:
            self.server.on_change = None
            self.server.stop()
            raise

    @property
    def running(self) -> bool:
        """True while the phones can reach the table."""
        return self.server.running

    def _gather(self) -> None:
        # Not restarted by later commits: a steady stream still refreshes every BURST_MS.
        if not self._burst.isActive():
            self._burst.start()

    def stop(self) -> None:
        """Close the table to the phones: the old URL and code get 403, then the server stops."""
        if not self.server.running:
            return
        self.server.on_change = None
        self.server.rotate_token()
        self.server.stop()
        self._burst.stop()
        self.changed.emit()  # what the last burst committed, shown now
        self.stopped.emit()
