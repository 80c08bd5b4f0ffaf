"""Progress reporting as a plain callback, drawn by the CLI or the UI."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Receives how far a long task has come."""

    def __call__(self, done: int, total: int, label: str = "") -> None:
        """Report ``done`` out of ``total`` units of work."""
        ...


def no_progress(done: int, total: int, label: str = "") -> None:
    """A progress callback that ignores every report."""
