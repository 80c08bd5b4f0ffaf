"""The plenary workbook: a report to read and a lossless exchange file in one ``.xlsx``.

Sheets, columns and the checksum are the contract of
:mod:`facilitator_app.services.exchange.sheets` (documented in ``docs/FILE_FORMATS.md``).
The record sheets are written here, with the columns derived for readers; the summary and
the cards' tallies come from :mod:`~facilitator_app.services.exchange.human_sheets`, the
safe streamed worksheet from :mod:`~facilitator_app.services.exchange.styled_sheet`.
"""

from __future__ import annotations

import dataclasses
import platform
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import message_of
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.versions import VersionNode
from facilitator_app.domain.vocab import CATEGORY_LABELS, ZONES, StakeholderCategory
from facilitator_app.services.common.dates import local_hhmm
from facilitator_app.services.common.files import atomic_path
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.exchange.checksum import data_checksum
from facilitator_app.services.exchange.human_sheets import ExtraColumn, card_columns, write_summary
from facilitator_app.services.exchange.sheets import (
    AGENDA,
    CARDS,
    CONTRIBUTIONS,
    COUNTS,
    DELETED_CONTRIBUTIONS,
    EVENT_KEYS,
    FILE_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    SESSIONS,
    SHEET_AGENDA,
    SHEET_CARDS,
    SHEET_CONTRIBUTIONS,
    SHEET_COUNTS,
    SHEET_DELETED_CONTRIBUTIONS,
    SHEET_META,
    SHEET_ORDER,
    SHEET_SESSIONS,
    SHEET_SUMMARY,
    SHEET_TABLE_CARDS,
    SHEET_TABLES,
    SHEET_THEMES,
    SHEET_VENUES,
    TABLE_CARDS,
    TABLES,
    THEMES,
    VENUES,
    RecordSheet,
    records_by_sheet,
)
from facilitator_app.services.exchange.styled_sheet import (
    Cell,
    ExportError,
    StyledSheet,
    Styles,
    check_lengths,
    record_encoders,
    sheet_columns,
)
from facilitator_app.services.exchange.versions_sheet import SHEET_VERSIONS, write_versions_sheet
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.storage.database import EventStore
from facilitator_app.storage.versions import load_versions


@dataclass(frozen=True)
class WorkbookResult:
    """What :func:`export_workbook` wrote.

    Attributes:
        path: the workbook.
        sha256: the checksum stored in ``Metadati``.
        contributions: live post-its (the report's count; the ``Contributi`` sheet).
        sheets: worksheet titles, in order.
        deleted_contributions: deleted post-its, in ``Contributi eliminati`` for the merge.
    """

    path: Path
    sha256: str
    contributions: int
    sheets: tuple[str, ...]
    deleted_contributions: int = 0


class _Writer:
    """Writes the sheets of one workbook, one method per sheet."""

    def __init__(
        self, snapshot: EventRecords, workbook: Any, clock: Clock, anonymise: bool, device: str
    ) -> None:
        self.s = snapshot
        self.wb = workbook
        self.styles = Styles()
        self.clock = clock
        self.anonymise = anonymise
        self.device = "" if anonymise else device
        self.keys = {t.id: t.key for t in snapshot.tables}
        self.live = snapshot.live_contributions()
        self.theme_titles = {t.id: t.title for t in snapshot.themes}
        self.report = build_report(snapshot)
        self.cards = snapshot.event_cards()

    # -- record sheets -------------------------------------------------------------------

    def record_sheet(
        self,
        spec: RecordSheet,
        records: Sequence[Any],
        derived: dict[str, Callable[[Any], Cell]] | None = None,
        extra: Sequence[ExtraColumn] = (),
    ) -> StyledSheet:
        """Write one record sheet; ``extra`` inserts derived columns at given positions."""
        columns = sheet_columns(spec)
        encoders = record_encoders(spec, derived or {})
        for offset, (position, header, function, width) in enumerate(extra):
            columns.insert(position + offset, (header, width, False, False))
            encoders.insert(position + offset, function)
        sheet = StyledSheet(self.wb, self.styles, spec.name, columns)
        try:
            for record in records:
                sheet.append([encode(record) for encode in encoders])
        except ValueError as error:
            raise ExportError(
                QT_TRANSLATE_NOOP("Errors", "foglio «{sheet}»: {problem}"),
                sheet=spec.name,
                problem=message_of(error),
            ) from None
        sheet.finish_table(len(records))
        return sheet

    def contributions(self, *, deleted: bool = False) -> None:
        """The live post-its people read, or (``deleted``) those kept only for the merge."""
        self.record_sheet(
            DELETED_CONTRIBUTIONS if deleted else CONTRIBUTIONS,
            [c for c in self.s.contributions if (c.deleted_at is not None) == deleted],
            {
                "tavolo": lambda c: self.keys.get(c.table_id, ""),
                "tema": lambda c: self.theme_titles.get(c.theme_id, "") if c.theme_id else None,
            },
        )

    def themes(self) -> None:
        counts: dict[str, tuple[int, int]] = {}
        for post in self.live:
            if post.theme_id:
                n, votes = counts.get(post.theme_id, (0, 0))
                counts[post.theme_id] = (n + 1, votes + post.votes)
        self.record_sheet(
            THEMES,
            self.s.themes,
            {
                "tavolo": lambda t: self.keys.get(t.table_id, ""),
                "contributi": lambda t: counts.get(t.id, (0, 0))[0],
                "voti": lambda t: counts.get(t.id, (0, 0))[1],
            },
        )

    def counts(self) -> None:
        extra: list[ExtraColumn] = [
            (3, f"Z{zone} {name}", self._zone_getter(zone), 9.0) for zone, name in ZONES.items()
        ]
        extra += [
            (3, label, self._category_getter(category), 12.0)
            for category, label in CATEGORY_LABELS.items()
        ]
        sheet = self.record_sheet(
            COUNTS,
            self.s.counts,
            {"tavoli": lambda c: ", ".join(self.keys.get(t, t) for t in c.table_ids)},
            extra=extra,
        )
        sheet.blank()
        event = self.s.event
        for label, value in (
            ("Persone in presenza (evento)", event.in_presence),
            ("Ascolto online delle plenarie", self.report.online),
            ("Persone ai tavoli", self.report.people_at_tables),
            ("Regola di conteggio", self.report.counting_note),
        ):
            sheet.append([label, None, value])

    def _people(self, table_id: str) -> int | None:
        shown = self.report.table(table_id)
        return shown.people if shown else None

    @staticmethod
    def _zone_getter(zone: int) -> Callable[[Any], Cell]:
        return lambda count: count.by_zone.get(zone)

    @staticmethod
    def _category_getter(category: StakeholderCategory) -> Callable[[Any], Cell]:
        return lambda count: count.by_category.get(category.value)

    def cards_sheet(self) -> None:
        derived, extra = card_columns(self.report)
        sheet = self.record_sheet(CARDS, self.s.cards, derived, extra=extra)
        if self.s.cards:
            from openpyxl.formatting.rule import Rule
            from openpyxl.styles.differential import DifferentialStyle
            from openpyxl.utils import get_column_letter

            # Discussed cards stand out (a display rule, not a cell formula).
            letter = get_column_letter(CARDS.headers.index("discussa") + 1)
            last = sheet.last_column
            rows = f"A2:{last}{len(self.s.cards) + 1}"
            sheet.ws.conditional_formatting.add(
                rows,
                Rule(
                    type="expression",
                    dxf=DifferentialStyle(fill=self.styles.discussed_fill),
                    formula=[f'${letter}2="sì"'],
                ),
            )

    def table_cards(self) -> None:
        self.record_sheet(
            TABLE_CARDS,
            self.s.table_cards,
            {
                "tavolo": lambda c: self.keys.get(c.table_id, ""),
                "titolo": lambda c: self.cards[c.code].title if c.code in self.cards else None,
            },
        )

    def agenda(self) -> None:
        starts: dict[int, list[str]] = {}
        ends: dict[int, list[str]] = {}
        for session in self.s.sessions:
            if session.actual_start:
                starts.setdefault(session.number, []).append(session.actual_start)
            if session.actual_end:
                ends.setdefault(session.number, []).append(session.actual_end)

        def actual(item: Any, own: str | None, pool: dict[int, list[str]], pick: Any) -> Cell:
            if own:
                return local_hhmm(own)
            found = pool.get(item.session_number or 0)
            return local_hhmm(pick(found)) if found else None

        self.record_sheet(
            AGENDA,
            self.s.agenda,
            {
                "inizio_effettivo_ora": lambda a: actual(a, a.actual_start, starts, min),
                "fine_effettiva_ora": lambda a: actual(a, a.actual_end, ends, max),
            },
        )

    def sessions(self) -> None:
        self.record_sheet(
            SESSIONS,
            self.s.sessions,
            {
                "tavolo": lambda s: self.keys.get(s.table_id, ""),
                "inizio_effettivo_ora": lambda s: local_hhmm(s.actual_start) or None,
                "fine_effettiva_ora": lambda s: local_hhmm(s.actual_end) or None,
                "minuti_effettivi": elapsed_minutes,
            },
        )

    def tables_sheet(self) -> None:
        venues = {v.id: v.name for v in self.s.venues}
        self.record_sheet(
            TABLES,
            self.s.tables,
            {
                "sede": lambda t: venues.get(t.venue_id, ""),
                "presenti": lambda t: self._people(t.id),
            },
        )

    def venues(self) -> None:
        self.record_sheet(VENUES, self.s.venues)

    def meta(self, checksum: str) -> None:
        sheet = StyledSheet(
            self.wb,
            self.styles,
            SHEET_META,
            [
                ("chiave", 26, False, False),
                ("valore", 70, True, False),
                ("descrizione", 50, True, False),
            ],
        )
        file_values: dict[str, Any] = {
            "formato": FORMAT_NAME,
            "versione_formato": FORMAT_VERSION,
            "versione_app": __version__,
            "esportato_il": to_iso(self.clock.now()),
            "dispositivo": self.device,
            "anonimizzato": self.anonymise,
            "parziale": self.s.partial,
            "tavoli_esportati": tuple(t.key for t in self.s.tables),
            "id_sedi": tuple(v.id for v in self.s.venues),
            "id_tavoli": tuple(t.id for t in self.s.tables),
            "sha256": checksum,
        }
        for key in FILE_KEYS:
            sheet.append([key.key, key.codec.encode(file_values[key.key]), key.description])
        for key in EVENT_KEYS:
            assert key.field is not None
            value = key.codec.encode(getattr(self.s.event, key.field))
            sheet.append([key.key, value, key.description])

    def summary(self) -> None:
        write_summary(self.wb, self.styles, self.report, self.clock, anonymise=self.anonymise)


def _anonymised(snapshot: EventRecords) -> EventRecords:
    tables = tuple(dataclasses.replace(t, facilitator="") for t in snapshot.tables)
    return dataclasses.replace(snapshot, tables=tables)


def write_workbook(
    snapshot: EventRecords,
    path: Path,
    clock: Clock,
    *,
    anonymise: bool = False,
    device: str | None = None,
    progress: Progress = no_progress,
    versions: Sequence[VersionNode] = (),
) -> WorkbookResult:
    """Write an already-read event as the plenary workbook.

    Args:
        snapshot: what :func:`~facilitator_app.services.records.event_records.load_records` read.
        path: the ``.xlsx`` to write (replaced atomically; never left half-written).
        clock: gives the export time written in ``Metadati``.
        anonymise: blank the facilitators' names and the device name.
        device: the computer's name for ``Metadati`` (``platform.node()`` when None).
        progress: one step per sheet.
        versions: the event file's version nodes; those of the exported records go in the
            hidden ``_Versioni`` sheet (not the tables' when anonymised: they hold names).

    Raises:
        ExportError: a text does not fit in a cell.
        StorageError: the file cannot be written.
    """
    import openpyxl

    if anonymise:
        snapshot = _anonymised(snapshot)
    records = records_by_sheet(snapshot)
    total = len(SHEET_ORDER) + 1
    progress(0, total, "impronta dei dati")
    check_lengths(snapshot.event, records)
    checksum = data_checksum(snapshot.event, records)
    exported = {(type(r).__name__, getattr(r, "id", "")) for rs in records.values() for r in rs}
    exported.add(("Event", snapshot.event.id))
    carried = [
        node
        for node in versions
        if (node.kind, node.record_id) in exported and not (anonymise and node.kind == "Table")
    ]
    workbook = openpyxl.Workbook(write_only=True)
    writer = _Writer(
        snapshot, workbook, clock, anonymise, platform.node() if device is None else device
    )
    steps: list[tuple[str, Callable[[], None]]] = [
        (SHEET_SUMMARY, writer.summary),
        (SHEET_COUNTS, writer.counts),
        (SHEET_CONTRIBUTIONS, writer.contributions),
        (SHEET_DELETED_CONTRIBUTIONS, lambda: writer.contributions(deleted=True)),
        (SHEET_THEMES, writer.themes),
        (SHEET_CARDS, writer.cards_sheet),
        (SHEET_TABLE_CARDS, writer.table_cards),
        (SHEET_AGENDA, writer.agenda),
        (SHEET_SESSIONS, writer.sessions),
        (SHEET_TABLES, writer.tables_sheet),
        (SHEET_VENUES, writer.venues),
        (SHEET_META, lambda: writer.meta(checksum)),
        (SHEET_VERSIONS, lambda: write_versions_sheet(workbook, carried)),
    ]
    try:
        for done, (name, step) in enumerate(steps, start=1):
            step()
            progress(done, total, name)
    except BaseException:
        _discard(workbook)
        raise
    _save(workbook, path)
    progress(total, total, "fatto")
    live = writer.report.total_contributions
    return WorkbookResult(
        path=path,
        sha256=checksum,
        contributions=live,
        sheets=tuple(name for name, _ in steps),
        deleted_contributions=len(snapshot.contributions) - live,
    )


def _discard(workbook: Any) -> None:
    """Close the streams of an abandoned write-only workbook and remove its temporary files."""
    for sheet in workbook.worksheets:
        writer = getattr(sheet, "_writer", None)
        try:
            if not sheet.closed:
                sheet.close()
        except Exception:  # the workbook is being thrown away; the original error matters
            pass
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            Path(out).unlink(missing_ok=True)


def _save(workbook: Any, path: Path) -> None:
    """Save beside ``path`` and replace it; on failure nothing is left, not even a stream."""
    try:
        with atomic_path(path) as temporary:
            workbook.save(temporary)
    except BaseException:
        _discard(workbook)
        raise


def export_workbook(
    store: EventStore,
    path: Path,
    clock: Clock,
    *,
    table_keys: Sequence[str] | None = None,
    anonymise: bool = False,
    device: str | None = None,
    progress: Progress = no_progress,
) -> WorkbookResult:
    """Export an event file (or some of its tables) as the plenary workbook.

    Args:
        store: the event file (read-only is enough).
        path: the ``.xlsx`` to write.
        clock: gives the export time.
        table_keys: only these tables; every table when None or empty.
        anonymise: blank the facilitators' names and the device name.
        device: the computer's name (``platform.node()`` when None).
        progress: ``progress(done, total, label)`` after each sheet.

    Raises:
        ValueError: a table key is not in the event.
        ExportError: a text does not fit in a cell.
        StorageError: the file cannot be written.
    """
    snapshot = load_records(store, table_keys)
    return write_workbook(
        snapshot,
        path,
        clock,
        anonymise=anonymise,
        device=device,
        progress=progress,
        versions=load_versions(store),
    )
