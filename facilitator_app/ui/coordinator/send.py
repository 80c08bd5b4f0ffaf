"""File › "Invia al coordinamento…": a table laptop sends its event file to the coordinator.

The person types the coordinator's address and code (shown by the coordinator's "Ricevi dai
tavoli"); the file is sent in a thread of its own (the window stays live), with progress,
and the answer (merged, already merged, refused and why) is shown in a message.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.hub import HubReply, send_to_hub
from facilitator_app.ui import i18n

if TYPE_CHECKING:
    from facilitator_app.ui.main_window import MainWindow


class SendDialog(QDialog):
    """The coordinator's address and code, and the file to send (the open event file).

    Args:
        path: the file proposed (the open event file).
        parent: the window.
    """

    def __init__(self, path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sendDialog")
        self.setWindowTitle(self.tr("Invia al coordinamento"))
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "Il coordinamento mostra indirizzo e codice in «Ricevi dai tavoli». Il file "
                "viene unito al suo file unito appena arriva."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.address = QLineEdit(self)
        self.address.setAccessibleName(self.tr("Indirizzo del coordinamento"))
        self.address.setPlaceholderText("192.168.1.10:8765")
        form.addRow(self.tr("&Indirizzo:"), self.address)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Codice del coordinamento"))
        self.code.setMaxLength(6)
        form.addRow(self.tr("&Codice:"), self.code)
        self.file = QLineEdit(str(path) if path is not None else "", self)
        self.file.setAccessibleName(self.tr("File da inviare"))
        browse = QPushButton(self.tr("&Sfoglia…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(browse)
        form.addRow(self.tr("&File:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Invia"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("File da inviare"),
            self.file.text(),
            self.tr("File evento o cartelle di lavoro (*.sqlite *.xlsx)"),
        )
        if name:
            self.file.setText(name)


class Sending(QObject):
    """One file on its way to the coordinator, in a thread of its own.

    Signals:
        progressed: (bytes sent, bytes in all).
        done: a :class:`HubReply`, or the :class:`FacilitatorError` that stopped it.
    """

    progressed = Signal(int, int)
    done = Signal(object)

    def __init__(self, address: str, code: str, path: Path, parent: QObject | None) -> None:
        super().__init__(parent)
        self.worker = threading.Thread(
            target=self._run, args=(address, code, path), name="hub-send", daemon=True
        )

    def _run(self, address: str, code: str, path: Path) -> None:
        try:
            reply: object = send_to_hub(
                address, code, path, progress=lambda d, t, _l="": self.progressed.emit(d, t)
            )
        except FacilitatorError as error:
            reply = error
        self.done.emit(reply)


def send_to_coordinator(window: MainWindow) -> SendDialog:
    """Ask address, code and file, then send it (not blocking); returns the dialog."""
    dialog = SendDialog(window.path, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(result: int) -> None:
        if result == QDialog.DialogCode.Accepted:
            start_sending(
                window, dialog.address.text(), dialog.code.text(), Path(dialog.file.text())
            )

    dialog.finished.connect(answered)
    dialog.open()
    return dialog


def start_sending(window: QWidget, address: str, code: str, path: Path) -> Sending:
    """Send ``path`` to the hub at ``address`` with a progress dialog; the answer as a message."""
    sending = Sending(address, code, path, window)
    progress = QProgressDialog(
        window.tr("Invio di {file} al coordinamento…").format(file=path.name), "", 0, 0, window
    )
    progress.setCancelButton(None)  # the merge at the other end cannot be stopped half-way
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def moved(done: int, total: int) -> None:
        progress.setMaximum(max(total, 1))
        progress.setValue(min(done, total))

    def finished(reply: object) -> None:
        progress.reset()
        progress.close()
        progress.deleteLater()
        if isinstance(reply, HubReply):
            text = window.tr(
                "{file} inviato al coordinamento: {status} ({added} nuovi, {updated} "
                "aggiornati, {conflicts} conflitti)."
            ).format(
                file=path.name,
                status=reply.status,
                added=reply.added,
                updated=reply.updated,
                conflicts=reply.conflicts,
            )
            box = QMessageBox(QMessageBox.Icon.Information, APP_DISPLAY_NAME, text, parent=window)
        else:
            why = i18n.error_text(reply) if isinstance(reply, BaseException) else str(reply)
            text = window.tr("Invio non riuscito:\n{why}").format(why=why)
            box = QMessageBox(QMessageBox.Icon.Warning, APP_DISPLAY_NAME, text, parent=window)
        box.setObjectName("sendResult")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        sending.deleteLater()

    sending.progressed.connect(moved, Qt.ConnectionType.QueuedConnection)
    sending.done.connect(finished, Qt.ConnectionType.QueuedConnection)
    sending.worker.start()
    return sending
