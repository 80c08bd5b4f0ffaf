"""What an exchange file carries: the file-level facts and every record of the event.

The records are the application's one read model, :class:`EventRecords`, whether they
come from an exported workbook (:func:`~facilitator_app.services.exchange.reader.read_workbook`)
or straight from an event file (:func:`event_file_data`, for the merge).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from facilitator_app import __version__
from facilitator_app.domain.versions import VersionNode
from facilitator_app.services.exchange.checksum import records_checksum
from facilitator_app.services.exchange.sheets import (
    FORMAT_VERSION,
    RECORD_SHEETS,
    records_by_sheet,
)
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.services.records.versions import file_versions
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.versions import load_versions


@dataclass(frozen=True)
class ExchangeMeta:
    """The file-level facts of an exchange workbook."""

    format_version: int
    app_version: str
    exported_at: str
    device: str
    anonymised: bool
    partial: bool
    table_keys: tuple[str, ...]
    venue_ids: tuple[str, ...]
    table_ids: tuple[str, ...]
    sha256: str


@dataclass(frozen=True)
class ExchangeData:
    """An exchange file's facts and every record it carries.

    Attributes:
        meta: the ``Metadati`` facts (the checksum written in the file included).
        records: the event and its records, deleted post-its and themes included.
        stored_versions: the version nodes the file was given (docs/FILE_FORMATS.md).
    """

    meta: ExchangeMeta
    records: EventRecords
    stored_versions: tuple[VersionNode, ...] = ()

    def versions(self) -> list[VersionNode]:
        """Every version the file carries: its stored nodes and its rows' own versions."""
        return file_versions(self.all_records(), self.stored_versions)

    def by_sheet(self) -> dict[str, tuple[Any, ...]]:
        """Record lists by ``RecordSheet.key``."""
        return records_by_sheet(self.records)

    def all_records(self) -> list[Any]:
        """Every record, the event first, in an order where references point backwards."""
        by_sheet = self.by_sheet()
        found: list[Any] = [self.records.event]
        for sheet in RECORD_SHEETS:
            found.extend(by_sheet[sheet.key])
        return found

    def checksum(self) -> str:
        """The SHA-256 of these records (compare with ``meta.sha256``)."""
        return records_checksum(self.records)


def event_file_data(
    store: EventStore, *, check: bool = False, now: dt.datetime | None = None
) -> ExchangeData:
    """Every record of an open event file, shaped like a read exchange workbook.

    Nothing is filtered out (unlike an export): a record pointing nowhere must be seen by
    the reference checks, and refused.

    Args:
        store: the event file (read-only is enough).
        check: refuse records that break the domain's rules (a merge source).
        now: the injected clock's time, for the latest plausible timestamp.

    Raises:
        NotAnEventFileError: the file holds no event.
        RecordsRefusedError: with ``check``, a record breaks a rule.
    """
    records = load_records(store, complete=True, check=check, now=now)
    meta = ExchangeMeta(
        format_version=FORMAT_VERSION,
        app_version=__version__,
        exported_at="",
        device=store.meta("device"),
        anonymised=False,
        partial=False,
        table_keys=tuple(t.key for t in records.tables),
        venue_ids=tuple(v.id for v in records.venues),
        table_ids=tuple(t.id for t in records.tables),
        sha256="",
    )
    return ExchangeData(meta=meta, records=records, stored_versions=tuple(load_versions(store)))
