"""Storing a read exchange workbook into a new, empty event file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Event
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.exchange.exchange_data import ExchangeData
from facilitator_app.services.exchange.sheets import CONTRIBUTIONS, RECORD_SHEETS
from facilitator_app.storage.database import EventStore


class TargetNotEmptyError(FacilitatorError):
    """The event file chosen to receive an exchange workbook already holds records."""


@dataclass(frozen=True)
class ImportSummary:
    """How many records of each kind an import stored, by ``RecordSheet.key``."""

    counts: dict[str, int]

    @property
    def contributions(self) -> int:
        """Post-its stored (deleted ones included)."""
        return self.counts.get(CONTRIBUTIONS.key, 0)


def import_into_empty(
    store: EventStore, data: ExchangeData, progress: Progress = no_progress
) -> ImportSummary:
    """Store every record of an exchange workbook into an empty event file, in one commit.

    Args:
        store: a writable event file holding no records at all (just created).
        data: what :func:`~facilitator_app.services.exchange.reader.read_workbook` returned.
        progress: receives the steps.

    Raises:
        TargetNotEmptyError: the event file already holds records (nothing is written).
        StorageError: the file cannot be written (nothing is written).
    """
    progress(0, 2, "verifica")
    kinds: list[type[Any]] = [Event, *(sheet.record for sheet in RECORD_SHEETS)]
    present = [kind.__name__ for kind in kinds if store.count(kind) > 0]
    if present:
        raise TargetNotEmptyError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{file} contiene già dei dati ({kinds}): importare in un file evento nuovo e vuoto",
            ),
            file=store.path,
            kinds=", ".join(present),  # the record types' names, the same in every language
        )
    progress(1, 2, "salvataggio")
    store.save_all(data.all_records())
    progress(2, 2, "fatto")
    return ImportSummary({key: len(items) for key, items in data.by_sheet().items()})
