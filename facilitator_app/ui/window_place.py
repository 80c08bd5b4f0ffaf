"""Reopen where the person was: table, session, tab and window, per event file.

The place is saved as the person moves (a kill -9 skips ``closeEvent``), marked "running"
while the file is open and "not running" at a clean close; a file still marked running
when it is opened again was left by a crash, and the window says that nothing was lost.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QDataStream, QObject, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QToolButton, QWidget

from facilitator_app.services.common.workspace import Place, Places

# Milliseconds a move or resize of the window waits before it is saved (drags send many).
GEOMETRY_SAVE_DELAY_MS = 400

# The first number of what QWidget.saveGeometry writes.
_GEOMETRY_MAGIC = 0x1D9D0CB

# Where the person is now: (table id, session, tab index).
Whereabouts = Callable[[], tuple[str, int, int]]


def _encode(data: QByteArray) -> str:
    return base64.b64encode(data.data()).decode("ascii")


def saved_frame_size(geometry: QByteArray) -> QSize | None:
    """The window's size with its frame as ``saveGeometry`` recorded it (None if unknown).

    The record starts with a magic number, a version and the frame's rectangle (four
    32-bit integers: left, top, right, bottom) in every Qt 5 and Qt 6 version.
    """
    stream = QDataStream(geometry)
    stream.setVersion(QDataStream.Version.Qt_4_0)
    magic = stream.readUInt32()
    stream.readUInt16()  # major version
    stream.readUInt16()  # minor version
    left, top, right, bottom = (stream.readInt32() for _ in range(4))
    if magic != _GEOMETRY_MAGIC or stream.status() != QDataStream.Status.Ok:
        return None
    return QSize(right - left + 1, bottom - top + 1)


def _decode(text: str) -> QByteArray | None:
    try:
        return QByteArray(base64.b64decode(text.encode("ascii"), validate=True))
    except (ValueError, binascii.Error):
        return None


class PlaceKeeper(QObject):
    """Saves and restores the window's place in the open event file.

    Args:
        window: the main window (its geometry and dock state are saved too).
        places: the per-file store of places.
    """

    def __init__(self, window: QMainWindow, places: Places) -> None:
        super().__init__(window)
        self.window = window
        self.places = places
        self.path: Path | None = None
        self._where: Whereabouts | None = None
        self._geometry_timer = QTimer(self)
        self._geometry_timer.setSingleShot(True)
        self._geometry_timer.setInterval(GEOMETRY_SAVE_DELAY_MS)
        self._geometry_timer.timeout.connect(self.save)

    def remembered(self, path: Path) -> Place | None:
        """The place last saved for a file (None when it was never opened here)."""
        return self.places.get(path)

    def restore_window(self, place: Place) -> None:
        """Give the window its remembered size, position and maximised state.

        The dock layout is not restored: a layout saved while the workspace was being rebuilt
        (the dock alone in the window) gave the navigator the whole window on the next open.
        The navigator's width follows the window instead (MainWindow._fit_dock).
        """
        geometry = _decode(place.geometry) if place.geometry else None
        if geometry is not None:
            self.window.restoreGeometry(geometry)
            self._maximise_if_bigger_than_screen(geometry)

    def _maximise_if_bigger_than_screen(self, geometry: QByteArray) -> None:
        """A size saved on a bigger monitor, reopened on a laptop or projector: maximised.

        Qt would shrink it to just under the screen, which leaves it neither maximised nor
        comfortable to move.
        """
        saved = saved_frame_size(geometry)
        room = self.window.screen().availableGeometry().size()
        if saved is not None and (saved.width() > room.width() or saved.height() > room.height()):
            self.window.setWindowState(self.window.windowState() | Qt.WindowState.WindowMaximized)

    def start(self, path: Path, where: Whereabouts) -> None:
        """Follow an opened file: save its place now (marked running) and at every move."""
        self.path = path
        self._where = where
        self.save()

    def save(self) -> None:
        """Save the current place of the open file (marked running: not a clean close yet)."""
        self._put(running=True)

    def window_changed(self) -> None:
        """The window moved, was resized or maximised: save soon (one save per drag)."""
        if self.path is not None:
            self._geometry_timer.start()

    def stop(self) -> None:
        """A clean close of the file: save its place, marked not running."""
        self._geometry_timer.stop()
        self._put(running=False)
        self.path = None
        self._where = None

    def _put(self, *, running: bool) -> None:
        if self.path is None or self._where is None:
            return
        table_id, session, tab = self._where()
        self.places.put(
            self.path,
            Place(
                table_id=table_id,
                session=session,
                tab=tab,
                geometry=_encode(self.window.saveGeometry()),
                state="",  # the dock layout is not remembered (see restore_window)
                running=running,
            ),
        )


class NoticeBar(QFrame):
    """A one-line, non-modal notice above the workspace, with a button that dismisses it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#noticeBar { background: #e8f1fb; border: 1px solid #9cc3e6; border-radius: 4px; }"
            "#noticeBar QLabel { color: #0d3c61; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setAccessibleName(self.tr("Chiudi l'avviso"))
        self.close_button.setToolTip(self.tr("Chiudi l'avviso"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)
        self.hide()

    def show_text(self, text: str) -> None:
        """Show the notice with this text."""
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.show()
