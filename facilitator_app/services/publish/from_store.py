"""The publishing exports of an open event file (what the window's export menu calls)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator_app.domain.clock import Clock
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.publish.closing import (
    ClosingResult,
    closing_path_beside,
    write_closing_report,
)
from facilitator_app.services.publish.decidim import (
    DecidimOptions,
    DecidimResult,
    write_proposals,
)
from facilitator_app.services.publish.open_data import OpenDataResult, write_open_data
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class DecidimExport:
    """The proposals' file and the closing report written beside it."""

    proposals: DecidimResult
    closing: ClosingResult

    @property
    def path(self) -> Path:
        """The proposals' file."""
        return self.proposals.path


def export_decidim(
    store: EventStore,
    path: Path,
    *,
    table_keys: Sequence[str] | None = None,
    options: DecidimOptions | None = None,
    progress: Progress = no_progress,
) -> DecidimExport:
    """Write the proposals for Decidim and, beside them, the closing report.

    Raises:
        ValueError: a table key is not in the event.
        InvalidValueError: the file is neither ``.csv`` nor ``.json``.
        StorageError: a file cannot be written (the proposals come first: a failure there
            leaves nothing; one on the closing report leaves the proposals, said in the message).
    """
    progress(0, 3, "lettura")
    report = build_report(load_records(store, table_keys))
    progress(1, 3, "proposte")
    proposals = write_proposals(report, path, options or DecidimOptions())
    progress(2, 3, "chiusura")
    closing = write_closing_report(report, closing_path_beside(path), proposals.proposals)
    progress(3, 3, "fatto")
    return DecidimExport(proposals, closing)


def export_open_data(
    store: EventStore,
    folder: Path,
    clock: Clock,
    *,
    table_keys: Sequence[str] | None = None,
    progress: Progress = no_progress,
) -> OpenDataResult:
    """Write the open-data package of an event file (default licence and organiser).

    Raises:
        ValueError: a table key is not in the event.
        StorageError: the folder holds other files or cannot be written; nothing changed.
    """
    report = build_report(load_records(store, table_keys))
    return write_open_data(report, folder, clock, progress=progress)
