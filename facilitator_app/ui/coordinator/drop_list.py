"""The coordinator's list of files to merge, which takes files dropped from the file manager."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QWidget

# Files the merge reads; a dropped folder contributes the ones it holds.
MERGEABLE = (".xlsx", ".sqlite")


def local_files(urls: Sequence[QUrl]) -> list[Path]:
    """The local files among dropped URLs; a folder gives its .xlsx and .sqlite files."""
    files: list[Path] = []
    for url in urls:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in MERGEABLE)
        else:
            files.append(path)
    return files


class FileDropList(QListWidget):
    """The files to merge; accepts files (and folders) dropped from the file manager.

    Signals:
        files_dropped: the local paths dropped, as a list of :class:`Path`.
    """

    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept drags that carry local files."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Keep accepting local files while the pointer moves."""
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        """Hand the dropped files over."""
        files = local_files(event.mimeData().urls())
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.files_dropped.emit(files)
