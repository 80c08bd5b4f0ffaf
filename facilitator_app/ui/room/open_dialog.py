"""The question before opening a table to the phones: which address, which port, moderated?"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from facilitator_app.ui.room.addresses import default_address

DEFAULT_PORT = 8080


class OpenRoomDialog(QDialog):
    """Address (the laptop's hotspot, the venue's LAN or loopback), port and moderation.

    Args:
        where: the table and session, as the dialog's first line says it.
        addresses: this laptop's addresses (loopback first).
        parent: the window.
    """

    def __init__(self, where: str, addresses: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("openRoomDialog")
        self.setWindowTitle(self.tr("Apri ai telefoni"))
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "{where}\nI partecipanti scrivono i post-it dal telefono, nella rete della "
                "sala (l'hotspot di questo portatile o il Wi-Fi della sede): nessun "
                "collegamento a internet."
            ).format(where=where),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.address = QComboBox(self)
        self.address.setAccessibleName(self.tr("Indirizzo su cui ascoltare"))
        self.address.addItems(addresses)
        self.address.setCurrentText(default_address(addresses))
        form.addRow(self.tr("&Indirizzo:"), self.address)
        self.port = QSpinBox(self)
        self.port.setAccessibleName(self.tr("Porta"))
        self.port.setRange(0, 65535)
        self.port.setSpecialValueText(self.tr("una libera"))
        self.port.setValue(DEFAULT_PORT)
        form.addRow(self.tr("&Porta:"), self.port)
        self.moderate = QCheckBox(self.tr("&Modera: i post-it attendono la mia approvazione"), self)
        form.addRow(self.moderate)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Apri ai telefoni"))
        ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
