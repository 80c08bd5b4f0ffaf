"""The plenary workbook: a report to read and a lossless exchange file in one ``.xlsx``.

Sheets, columns and the checksum are the contract of :mod:`facilitator_app.services.exchange.contract`
(documented in ``docs/FILE_FORMATS.md``). Worksheets are streamed (openpyxl write-only
mode) so that 10,000 post-its take about as long as writing the bare cells.

Every text cell is written as a string, never as a formula: openpyxl would store a text
starting with ``=`` as a formula, so such cells get an explicit string type; control
characters are escaped the OOXML way so that any text comes back unchanged.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import operator
import os
import platform
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import FacilitatorError, StorageError
from facilitator_app.domain.model import StrategyCard, Table
from facilitator_app.domain.timer import elapsed_minutes
from facilitator_app.domain.vocab import CATEGORY_LABELS, ZONES, StakeholderCategory
from facilitator_app.services.common.dates import italian_date, local_hhmm, rome_time
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.exchange import contract as ex
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.storage.database import EventStore

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
HEADER_FILL = "DCE6F1"
TECHNICAL_FILL = "EDEDED"
DISCUSSED_FILL = "E2EFDA"

Cell = str | int | None
# Text that needs escaping, or that a spreadsheet could take for a formula. Multi-line, so
# that one search over a row's texts joined by line feeds checks the start of each of them.
_SPECIAL = re.compile(r"^[=+\-@\t\r]|" + ex.NEEDS_ESCAPE.pattern, re.MULTILINE).search


class ExportError(FacilitatorError):
    """The event cannot be written as a workbook (e.g. a text too long for a cell)."""


@dataclass(frozen=True)
class WorkbookResult:
    """What :func:`export_workbook` wrote.

    Attributes:
        path: the workbook.
        sha256: the checksum stored in ``Metadati``.
        contributions: post-its written (deleted ones included).
        sheets: worksheet titles, in order.
    """

    path: Path
    sha256: str
    contributions: int
    sheets: tuple[str, ...]


class _Styles:
    """Styles built once per workbook (openpyxl interns them)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Font, PatternFill

        self.header_font = Font(bold=True)
        self.technical_font = Font(bold=True, color="595959")
        self.title_font = Font(bold=True, size=14)
        self.section_font = Font(bold=True, size=12)
        self.header_fill = PatternFill("solid", fgColor=HEADER_FILL)
        self.technical_fill = PatternFill("solid", fgColor=TECHNICAL_FILL)
        self.discussed_fill = PatternFill("solid", fgColor=DISCUSSED_FILL)
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")


def _text(value: str) -> str:
    escaped = ex.escape_text(value)
    if len(escaped) > ex.MAX_CELL_CHARS:
        raise ExportError(
            f"un testo di {len(escaped)} caratteri non entra in una cella di Excel "
            f"(massimo {ex.MAX_CELL_CHARS}): «{value[:60]}…»"
        )
    return escaped


class _Sheet:
    """A streamed worksheet with a styled header, widths, wrapping and string-only text."""

    def __init__(
        self,
        workbook: Any,
        styles: _Styles,
        title: str,
        columns: Sequence[tuple[str, float, bool, bool]],
        *,
        table: bool = True,
    ) -> None:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        self._cell_type = WriteOnlyCell
        self.styles = styles
        self.ws = workbook.create_sheet(title)
        self.title = title
        self.rows = 0
        self.width = len(columns)
        self._wrap: dict[int, Any] = {}
        for index, (_, width, wrap, _technical) in enumerate(columns):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width
            if wrap:
                cell = WriteOnlyCell(self.ws)
                cell.alignment = styles.wrap
                self._wrap[index] = cell
        self.last_column = get_column_letter(max(1, len(columns)))
        if table:
            self.ws.freeze_panes = "A2"
            header = []
            for name, _, _, technical in columns:
                cell = WriteOnlyCell(self.ws, value=name)
                cell.font = styles.technical_font if technical else styles.header_font
                cell.fill = styles.technical_fill if technical else styles.header_fill
                header.append(cell)
            self._append(header)

    def _append(self, cells: list[Any]) -> None:
        self.ws.append(cells)
        self.rows += 1

    def cell(self, value: Cell, **style: Any) -> Any:
        """A one-off styled cell (text escaped and typed as a string)."""
        cell = self._cell_type(self.ws, value=_text(value) if isinstance(value, str) else value)
        if isinstance(value, str):
            cell.data_type = "s"
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def append(self, values: Sequence[Any]) -> None:
        """Append a row; text is escaped and always stored as a string, never a formula."""
        texts = [v for v in values if v.__class__ is str]
        if texts and _SPECIAL("\n".join(texts)) is not None:
            self._append(self._careful_row(values))
            return
        # Fast path (nearly every row): no text needs escaping or an explicit string type.
        # Lengths were checked before writing began (see _check_lengths).
        row = [None if v == "" else v for v in values]
        for index, styled in self._wrap.items():
            if index < len(row) and row[index].__class__ is str:
                styled.value = row[index]
                styled.data_type = "s"
                row[index] = styled
        self._append(row)

    def _careful_row(self, values: Sequence[Any]) -> list[Any]:
        row: list[Any] = []
        add = row.append
        wrap = self._wrap
        for index, value in enumerate(values):
            if value.__class__ is not str:
                add(value)
                continue
            if not value:
                add(None)
                continue
            if _SPECIAL(value) is not None:
                value = _text(value)
                if index not in wrap and value.startswith(FORMULA_PREFIXES):
                    cell = self._cell_type(self.ws, value=value)
                    cell.data_type = "s"
                    add(cell)
                    continue
            if index in wrap:
                styled = wrap[index]
                styled.value = value
                styled.data_type = "s"
                add(styled)
            else:
                add(value)
        return row

    def blank(self) -> None:
        """Append an empty row (ends the records of a record sheet)."""
        self._append([])

    def finish_table(self, records: int) -> None:
        """Set the autofilter over the header and the records."""
        self.ws.auto_filter.ref = f"A1:{self.last_column}{records + 1}"


def _columns(spec: ex.RecordSheet) -> list[tuple[str, float, bool, bool]]:
    technical = {"id", "creato_il", "modificato_il", "eliminato_il"}
    return [
        (
            c.header,
            c.width,
            c.wrap,
            c.header in technical or c.header.startswith("id_") or c.codec.name.startswith("JSON"),
        )
        for c in spec.columns
    ]


def _encoders(
    spec: ex.RecordSheet, derived: dict[str, Callable[[Any], Cell]]
) -> list[Callable[[Any], Cell]]:
    # Plain values (text, integers) are read straight off the record: the sheet writer turns
    # "" into an empty cell, as the text codecs do.
    plain = (ex.TEXT, ex.OPTIONAL_TEXT, ex.INT, ex.OPTIONAL_INT)
    encoders: list[Callable[[Any], Cell]] = []
    for column in spec.columns:
        if column.field is None:
            encoders.append(derived[column.header])
        elif column.codec in plain:
            encoders.append(operator.attrgetter(column.field))
        else:
            encode = column.codec.encode
            encoders.append(
                lambda record, f=column.field, e=encode: e(getattr(record, f))  # type: ignore[misc]
            )
    return encoders


class _Writer:
    def __init__(
        self, snapshot: EventRecords, workbook: Any, clock: Clock, anonymise: bool, device: str
    ) -> None:
        self.s = snapshot
        self.wb = workbook
        self.styles = _Styles()
        self.clock = clock
        self.anonymise = anonymise
        self.device = "" if anonymise else device
        self.tables: dict[str, Table] = {t.id: t for t in snapshot.tables}
        self.keys = {t.id: t.key for t in snapshot.tables}
        self.live = snapshot.live_contributions()
        self.theme_titles = {t.id: t.title for t in snapshot.themes}
        self.presence, self.shared_notes = snapshot.presence()
        self.cards = snapshot.event_cards()

    # -- record sheets -------------------------------------------------------------------

    def record_sheet(
        self,
        spec: ex.RecordSheet,
        records: Sequence[Any],
        derived: dict[str, Callable[[Any], Cell]] | None = None,
        extra: Sequence[tuple[int, str, Callable[[Any], Cell], float]] = (),
    ) -> _Sheet:
        """Write one record sheet; ``extra`` inserts derived columns at given positions."""
        columns = _columns(spec)
        encoders = _encoders(spec, derived or {})
        for offset, (position, header, function, width) in enumerate(extra):
            columns.insert(position + offset, (header, width, False, False))
            encoders.insert(position + offset, function)
        sheet = _Sheet(self.wb, self.styles, spec.name, columns)
        try:
            for record in records:
                sheet.append([encode(record) for encode in encoders])
        except ValueError as error:
            raise ExportError(f"foglio «{spec.name}»: {error}") from None
        sheet.finish_table(len(records))
        return sheet

    def contributions(self) -> None:
        self.record_sheet(
            ex.CONTRIBUTIONS,
            self.s.contributions,
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
            ex.THEMES,
            self.s.themes,
            {
                "tavolo": lambda t: self.keys.get(t.table_id, ""),
                "contributi": lambda t: counts.get(t.id, (0, 0))[0],
                "voti": lambda t: counts.get(t.id, (0, 0))[1],
            },
        )

    def counts(self) -> None:
        extra: list[tuple[int, str, Callable[[Any], Cell], float]] = [
            (3, f"Z{zone} {name}", self._zone_getter(zone), 9.0) for zone, name in ZONES.items()
        ]
        extra += [
            (3, label, self._category_getter(category), 12.0)
            for category, label in CATEGORY_LABELS.items()
        ]
        sheet = self.record_sheet(
            ex.COUNTS,
            self.s.counts,
            {"tavoli": lambda c: ", ".join(self.keys.get(t, t) for t in c.table_ids)},
            extra=extra,
        )
        sheet.blank()
        event = self.s.event
        for label, value in (
            ("Persone in presenza (evento)", event.in_presence),
            ("Ascolto online delle plenarie", event.online_listeners),
            ("Persone ai tavoli (conteggi comuni presi una volta)", self.s.people_at_tables()),
        ):
            sheet.append([label, None, value])

    @staticmethod
    def _zone_getter(zone: int) -> Callable[[Any], Cell]:
        return lambda count: count.by_zone.get(zone)

    @staticmethod
    def _category_getter(category: StakeholderCategory) -> Callable[[Any], Cell]:
        return lambda count: count.by_category.get(category.value)

    def cards_sheet(self) -> None:
        tables = self.s.tables
        # [post-its citing the card, votes given to the card] by (code, table, session)
        direct: dict[tuple[str, str, int | None], list[int]] = {}
        totals: dict[str, list[int]] = {}
        with_children: dict[str, int] = {}
        for post in self.live:
            if not post.cards:
                continue
            codes = set(post.cards)
            for code in codes:
                direct.setdefault((code, post.table_id, post.session), [0, 0])[0] += 1
                totals.setdefault(code, [0, 0])[0] += 1
            lineage: set[str] = set()
            for code in codes:
                parts = code.split(".")
                lineage.update(".".join(parts[:n]) for n in range(1, len(parts) + 1))
            for code in lineage:
                with_children[code] = with_children.get(code, 0) + 1
        for card in self.s.table_cards:
            direct.setdefault((card.code, card.table_id, card.session), [0, 0])[1] += card.votes
            totals.setdefault(card.code, [0, 0])[1] += card.votes
        edition = self.s.event.card_edition

        def in_edition(card: StrategyCard) -> bool:
            return card.edition == edition

        def matrix(table: Table, session: int, index: int) -> Callable[[Any], Cell]:
            def value(card: StrategyCard) -> Cell:
                if not in_edition(card):
                    return None
                return direct.get((card.code, table.id, session), [0, 0])[index]

            return value

        base = len(ex.CARDS.columns)
        extra: list[tuple[int, str, Callable[[Any], Cell], float]] = []
        for table in tables:
            for session in (1, 2):
                for index, what in ((0, "contributi"), (1, "voti")):
                    header = f"{table.key} S{session} {what}"
                    extra.append((base, header, matrix(table, session, index), 11.0))
        derived: dict[str, Callable[[Any], Cell]] = {
            "livello": lambda c: c.level,
            "discussa": lambda c: (
                ("sì" if with_children.get(c.code) else "no") if in_edition(c) else None
            ),
            "contributi": lambda c: totals.get(c.code, [0, 0])[0] if in_edition(c) else None,
            "voti": lambda c: totals.get(c.code, [0, 0])[1] if in_edition(c) else None,
            "contributi_con_sottoschede": lambda c: (
                with_children.get(c.code, 0) if in_edition(c) else None
            ),
        }
        sheet = self.record_sheet(ex.CARDS, self.s.cards, derived, extra=extra)
        if self.s.cards:
            from openpyxl.formatting.rule import Rule
            from openpyxl.styles.differential import DifferentialStyle
            from openpyxl.utils import get_column_letter

            # Discussed cards stand out (a display rule, not a cell formula).
            letter = get_column_letter(ex.CARDS.headers.index("discussa") + 1)
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
            ex.TABLE_CARDS,
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
            ex.AGENDA,
            self.s.agenda,
            {
                "inizio_effettivo_ora": lambda a: actual(a, a.actual_start, starts, min),
                "fine_effettiva_ora": lambda a: actual(a, a.actual_end, ends, max),
            },
        )

    def sessions(self) -> None:
        self.record_sheet(
            ex.SESSIONS,
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
            ex.TABLES,
            self.s.tables,
            {
                "sede": lambda t: venues.get(t.venue_id, ""),
                "presenti": lambda t: self.presence.get(t.id),
            },
        )

    def venues(self) -> None:
        self.record_sheet(ex.VENUES, self.s.venues)

    def meta(self, checksum: str) -> None:
        sheet = _Sheet(
            self.wb,
            self.styles,
            ex.SHEET_META,
            [
                ("chiave", 26, False, False),
                ("valore", 70, True, False),
                ("descrizione", 50, True, False),
            ],
        )
        file_values: dict[str, Any] = {
            "formato": ex.FORMAT_NAME,
            "versione_formato": ex.FORMAT_VERSION,
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
        for key in ex.FILE_KEYS:
            sheet.append([key.key, key.codec.encode(file_values[key.key]), key.description])
        for key in ex.EVENT_KEYS:
            assert key.field is not None
            value = key.codec.encode(getattr(self.s.event, key.field))
            sheet.append([key.key, value, key.description])

    # -- summary -------------------------------------------------------------------------

    def summary(self) -> None:
        from openpyxl.chart import BarChart, Reference

        s = self.s
        event = s.event
        styles = self.styles
        sheet = _Sheet(
            self.wb,
            styles,
            ex.SHEET_SUMMARY,
            [
                ("", 34, True, False),
                ("", 46, True, False),
                ("", 30, True, False),
                ("", 22, False, False),
                ("", 10, False, False),
                ("", 12, False, False),
                ("", 12, False, False),
                ("", 9, False, False),
                ("", 9, False, False),
                ("", 9, False, False),
                ("", 40, True, False),
            ],
            table=False,
        )
        themes = s.live_themes()
        live = self.live
        discussed = {code for post in live for code in post.cards}
        sheet.append([sheet.cell(event.title, font=styles.title_font)])
        subtitle = "Restituzione dei tavoli" + (" (solo alcuni tavoli)" if s.partial else "")
        sheet.append([subtitle])
        sheet.blank()
        exported = rome_time(self.clock.now())
        facts: list[tuple[str, Cell]] = [
            ("Data", italian_date(event.date, weekday=True)),
            ("Formato", event.format.label),
            ("Piano", f"PSM {event.plan_edition} (schede {event.card_edition})"),
            ("Persone in presenza", event.in_presence),
            ("Ascolto online", event.online_listeners),
            ("Persone ai tavoli", s.people_at_tables()),
            ("Tavoli", len(s.tables)),
            ("Contributi", len(live)),
            ("Temi", len(themes)),
            ("Voti ai contributi", sum(p.votes for p in live)),
            ("Schede citate", f"{len(discussed & set(self.cards))} su {len(self.cards)}"),
            ("Esportato il", f"{italian_date(exported)}, ore {exported:%H:%M}"),
        ]
        for label, value in facts:
            sheet.append([sheet.cell(label, font=styles.header_font), value])
        sheet.blank()
        sheet.append([sheet.cell("Sedi", font=styles.section_font)])
        self._header_row(sheet, ["Sede", "Indirizzo", "Tavoli"])
        for venue in s.venues:
            names = ", ".join(t.key for t in s.tables if t.venue_id == venue.id)
            sheet.append([venue.name, venue.address, names])
        sheet.blank()
        sheet.append([sheet.cell("Tavoli", font=styles.section_font)])
        self._header_row(
            sheet,
            [
                "Tavolo",
                "Nome",
                "Sede",
                "Facilitatore",
                "Presenti",
                "Contributi S1",
                "Contributi S2",
                "Temi S1",
                "Temi S2",
                "Voti",
                "Nota",
            ],
        )
        first = sheet.rows + 1
        venues = {v.id: v.name for v in s.venues}
        per_session: dict[tuple[str, int], int] = {}
        votes: dict[str, int] = {}
        for post in live:
            key = (post.table_id, post.session)
            per_session[key] = per_session.get(key, 0) + 1
            votes[post.table_id] = votes.get(post.table_id, 0) + post.votes
        theme_counts: dict[tuple[str, int], int] = {}
        for theme in themes:
            key = (theme.table_id, theme.session or 0)
            theme_counts[key] = theme_counts.get(key, 0) + 1
        for table in s.tables:
            sheet.append(
                [
                    table.key,
                    table.name,
                    venues.get(table.venue_id, ""),
                    "" if self.anonymise else table.facilitator,
                    self.presence.get(table.id),
                    per_session.get((table.id, 1), 0),
                    per_session.get((table.id, 2), 0),
                    theme_counts.get((table.id, 1), 0),
                    theme_counts.get((table.id, 2), 0),
                    votes.get(table.id, 0),
                    self.shared_notes.get(table.id, ""),
                ]
            )
        last = sheet.rows
        sheet.append(
            [
                sheet.cell("Totale", font=styles.header_font),
                None,
                None,
                None,
                s.people_at_tables(),
                sum(v for (_, n), v in per_session.items() if n == 1),
                sum(v for (_, n), v in per_session.items() if n == 2),
                sum(v for (_, n), v in theme_counts.items() if n == 1),
                sum(v for (_, n), v in theme_counts.items() if n == 2),
                sum(votes.values()),
                "conteggi comuni a più tavoli presi una volta" if self.shared_notes else "",
            ]
        )
        if s.tables:
            ws = sheet.ws
            people = BarChart()
            people.type = "bar"
            people.title = "Persone per tavolo"
            people.legend = None
            people.add_data(Reference(ws, min_col=5, min_row=first, max_row=last))
            people.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
            people.height, people.width = 9, 16
            ws.add_chart(people, "M3")
            posts = BarChart()
            posts.type = "col"
            posts.title = "Contributi per tavolo e sessione"
            posts.add_data(
                Reference(ws, min_col=6, max_col=7, min_row=first - 1, max_row=last),
                titles_from_data=True,
            )
            posts.set_categories(Reference(ws, min_col=1, min_row=first, max_row=last))
            posts.height, posts.width = 9, 16
            ws.add_chart(posts, "M22")

    def _header_row(self, sheet: _Sheet, names: Sequence[str]) -> None:
        sheet.append(
            [
                sheet.cell(n, font=self.styles.header_font, fill=self.styles.header_fill)
                for n in names
            ]
        )


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
) -> WorkbookResult:
    """Write an already-read event as the plenary workbook.

    Args:
        snapshot: what :func:`~facilitator_app.services.records.event_records.load_records` read.
        path: the ``.xlsx`` to write (replaced atomically; never left half-written).
        clock: gives the export time written in ``Metadati``.
        anonymise: blank the facilitators' names and the device name.
        device: the computer's name for ``Metadati`` (``platform.node()`` when None).
        progress: one step per sheet.

    Raises:
        ExportError: a text does not fit in a cell.
        StorageError: the file cannot be written.
    """
    import openpyxl

    if anonymise:
        snapshot = _anonymised(snapshot)
    records: dict[str, Sequence[Any]] = {
        ex.VENUES.key: snapshot.venues,
        ex.TABLES.key: snapshot.tables,
        ex.SESSIONS.key: snapshot.sessions,
        ex.AGENDA.key: snapshot.agenda,
        ex.CARDS.key: snapshot.cards,
        ex.TABLE_CARDS.key: snapshot.table_cards,
        ex.COUNTS.key: snapshot.counts,
        ex.THEMES.key: snapshot.themes,
        ex.CONTRIBUTIONS.key: snapshot.contributions,
    }
    total = len(ex.SHEET_ORDER) + 1
    progress(0, total, "impronta dei dati")
    _check_lengths(snapshot.event, records)
    checksum = ex.data_checksum(snapshot.event, records)
    workbook = openpyxl.Workbook(write_only=True)
    writer = _Writer(
        snapshot, workbook, clock, anonymise, platform.node() if device is None else device
    )
    steps: list[tuple[str, Callable[[], None]]] = [
        (ex.SHEET_SUMMARY, writer.summary),
        (ex.SHEET_COUNTS, writer.counts),
        (ex.SHEET_CONTRIBUTIONS, writer.contributions),
        (ex.SHEET_THEMES, writer.themes),
        (ex.SHEET_CARDS, writer.cards_sheet),
        (ex.SHEET_TABLE_CARDS, writer.table_cards),
        (ex.SHEET_AGENDA, writer.agenda),
        (ex.SHEET_SESSIONS, writer.sessions),
        (ex.SHEET_TABLES, writer.tables_sheet),
        (ex.SHEET_VENUES, writer.venues),
        (ex.SHEET_META, lambda: writer.meta(checksum)),
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
    return WorkbookResult(
        path=path,
        sha256=checksum,
        contributions=len(snapshot.contributions),
        sheets=tuple(name for name, _ in steps),
    )


_TEXT_FIELDS: dict[type[Any], tuple[str, ...]] = {}


def _text_fields(kind: type[Any]) -> tuple[str, ...]:
    names = _TEXT_FIELDS.get(kind)
    if names is None:
        fields = dataclasses.fields(kind)
        names = _TEXT_FIELDS[kind] = tuple(f.name for f in fields if str(f.type).startswith("str"))
    return names


def _check_lengths(event: Any, records: dict[str, Sequence[Any]]) -> None:
    """Refuse, before anything is written, a text that would not fit in a cell."""
    quick = ex.MAX_CELL_CHARS // 7  # escaping makes a text at most 7 times longer
    for record in itertools.chain([event], *records.values()):
        for name in _text_fields(type(record)):
            value = getattr(record, name)
            if type(value) is str and len(value) > quick:
                _text(value)  # raises ExportError when it does not fit


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
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        workbook.save(temporary)
        os.replace(temporary, path)
    except OSError as error:
        _abandon(workbook, temporary)
        raise StorageError(f"Impossibile scrivere {path}: {error.strerror or error}") from error
    except BaseException:
        _abandon(workbook, temporary)
        raise


def _abandon(workbook: Any, temporary: Path) -> None:
    """Throw away a failed save: the workbook's streams and any half-written file."""
    _discard(workbook)
    with contextlib.suppress(OSError):
        temporary.unlink(missing_ok=True)


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
        snapshot, path, clock, anonymise=anonymise, device=device, progress=progress
    )
