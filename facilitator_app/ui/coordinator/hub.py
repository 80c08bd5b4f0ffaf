"""The coordinator view's "Ricevi dai tavoli": the venue hub, its code and what arrives.

The hub (:class:`~facilitator_app.services.hub.VenueHub`) merges each file into the
coordinator's merged file as it arrives, in a thread of its own; its receipts are queued to
the window's thread as a signal and listed in the coordinator view like the files merged
by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QPushButton, QWidget

from facilitator_app.domain.clock import Clock
from facilitator_app.services.hub import HubReceipt, VenueHub
from facilitator_app.services.hub.receiver import DEFAULT_PORT
from facilitator_app.ui.room.addresses import default_address, laptop_addresses


class HubControl(QObject):
    """Start and stop the venue hub from the coordinator view.

    Args:
        parent: the coordinator view.
        clock: the merge's clock.
        target: the merged file now chosen (None: none yet).
        show_error: shows a message in the view.

    Signals:
        received: a :class:`HubReceipt`, in the window's thread.

    Attributes:
        ask_address: asks which address to listen on; replace it in tests.
        port: the port the hub listens on (0 in tests: any free one).
        hub: the running hub, or None.
    """

    received = Signal(object)
    _arrived = Signal(object)  # emitted from the hub's merge thread

    def __init__(
        self,
        parent: QWidget,
        clock: Clock,
        target: Callable[[], Path | None],
        show_error: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.view = parent
        self.clock = clock
        self.target = target
        self.show_error = show_error
        self.port = DEFAULT_PORT
        self.hub: VenueHub | None = None
        self.ask_address: Callable[[], str | None] = self._ask_address_with_dialog
        self.button = QPushButton(self.tr("&Ricevi dai tavoli…"), parent)
        self.button.setAccessibleName(self.tr("Ricevi i file dai portatili dei tavoli"))
        self.button.clicked.connect(self.toggle)
        self.status = QLabel(parent)
        self.status.setObjectName("hubStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()
        self._arrived.connect(self.received, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)

    def toggle(self) -> None:
        """Start receiving, or stop."""
        if self.hub is not None:
            self.stop()
        else:
            self.start()

    def start(self) -> VenueHub | None:
        """Ask the address, then receive into the merged file; None if it cannot start."""
        target = self.target()
        if target is None:
            self.show_error(self.tr("Scegliere prima il file unito: i file ricevuti vanno lì."))
            return None
        host = self.ask_address()
        if host is None:
            return None
        hub = VenueHub(target, target.parent / "ricevuti", self.clock, host=host, port=self.port)
        hub.on_received = self._arrived.emit
        try:
            hub.start()
        except OSError as error:
            hub.stop()
            self.show_error(
                self.tr("Impossibile ricevere su {address}:{port} ({why}).").format(
                    address=host, port=self.port, why=error.strerror or error
                )
            )
            return None
        self.hub = hub
        self.button.setText(self.tr("&Smetti di ricevere"))
        self.status.setText(
            self.tr(
                "Ricezione attiva. Sui portatili dei tavoli: File › Invia al coordinamento, "
                "indirizzo {address}, codice {code}"
            ).format(address=hub.address, code=hub.code)
        )
        self.status.show()
        return hub

    def stop(self) -> None:
        """Stop receiving (a merge under way finishes first)."""
        hub, self.hub = self.hub, None
        if hub is None:
            return
        hub.on_received = None
        hub.stop()
        self.button.setText(self.tr("&Ricevi dai tavoli…"))
        self.status.hide()

    def _ask_address_with_dialog(self) -> str | None:
        addresses = laptop_addresses()
        chosen, ok = QInputDialog.getItem(
            self.view,
            self.tr("Ricevi dai tavoli"),
            self.tr("Indirizzo di questo portatile nella rete della sede:"),
            addresses,
            addresses.index(default_address(addresses)),
            False,
        )
        return chosen if ok and chosen else None


def receipt_of(value: object) -> HubReceipt:
    """The receipt a :attr:`HubControl.received` signal carries."""
    assert isinstance(value, HubReceipt)
    return value
