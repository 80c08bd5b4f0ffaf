"""A progress dialog fed by a service's progress callback.

The services report progress through :class:`facilitator_app.services.common.progress.Progress`
(``progress(done, total, label)``) and know nothing of Qt. :class:`ProgressDialog` is such
a callback: it moves a :class:`QProgressDialog`, lets Qt paint and handle clicks while the
service works in the same thread, and, when the task may be stopped, raises
:class:`Cancelled` from inside the service at its next report once "Annulla" was pressed.
Only pass ``cancellable=True`` to services that clean up after an exception raised by
their progress callback (the exports write to a temporary file; the merge keeps the files
already merged).
"""

from __future__ import annotations

from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

# Milliseconds before the dialog appears: short tasks finish without a flash.
SHOW_AFTER_MS = 400


class Cancelled(Exception):
    """The person pressed "Annulla" in a progress dialog."""


class ProgressDialog:
    """A :class:`~facilitator_app.services.common.progress.Progress` callback drawing a dialog.

    Use it as a context manager so that the dialog closes however the task ends::

        with ProgressDialog(window, "Esportazione…") as progress:
            export_workbook(store, path, clock, progress=progress)

    Args:
        parent: the window the dialog belongs to (window-modal: the rest stays visible).
        title: what the task is.
        cancellable: show "Annulla" and raise :class:`Cancelled` at the next report after
            it is pressed.

    Attributes:
        dialog: the Qt progress dialog.
        reports: every ``(done, total, label)`` received, for tests and diagnostics.
    """

    def __init__(self, parent: QWidget | None, title: str, *, cancellable: bool = False) -> None:
        cancel = QCoreApplication.translate("ProgressDialog", "Annulla")
        self.dialog = QProgressDialog(title, cancel, 0, 0, parent)
        if not cancellable:
            self.dialog.setCancelButton(None)  # Qt: no button
        self.dialog.setWindowTitle(title)
        self.dialog.setAccessibleName(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.title = title
        self.cancellable = cancellable
        self.reports: list[tuple[int, int, str]] = []

    def __call__(self, done: int, total: int, label: str = "") -> None:
        """Show ``done`` out of ``total``; raise :class:`Cancelled` if asked to stop.

        Raises:
            Cancelled: "Annulla" was pressed (only when ``cancellable``).
        """
        self.reports.append((done, total, label))
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(max(done, 0), total))
        self.dialog.setLabelText(f"{self.title}\n{label}" if label else self.title)
        QApplication.processEvents()
        if self.cancellable and self.dialog.wasCanceled():
            raise Cancelled

    def close(self) -> None:
        """Hide the dialog."""
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()

    def __enter__(self) -> ProgressDialog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
