"""The participants' URL as a QR code on screen (segno draws it; Qt only shows the image)."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QImage, QPixmap

# A quiet zone of four modules is what scanners expect around the code.
QUIET_ZONE = 4


def qr_code(url: str) -> segno.QRCode:
    """The QR code of a URL (error correction M: a projector's glare still scans)."""
    return segno.make_qr(url, error="m", boost_error=False)


def qr_image(url: str, module_pixels: int) -> QImage:
    """The QR code as an image, ``module_pixels`` pixels a module, quiet zone included."""
    buffer = io.BytesIO()
    qr_code(url).save(buffer, kind="png", scale=module_pixels, border=QUIET_ZONE)
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


def qr_pixmap(url: str, side: int) -> QPixmap:
    """A pixmap of the QR code about ``side`` pixels wide (whole pixels a module: sharp)."""
    modules = int(qr_code(url).symbol_size(scale=1, border=QUIET_ZONE)[0])
    return QPixmap.fromImage(qr_image(url, max(2, side // modules)))
