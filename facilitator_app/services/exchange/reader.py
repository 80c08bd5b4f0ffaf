"""Reading an exchange workbook back into domain records, refusing anything doubtful.

:func:`read_workbook` validates all of it: size bounds before parsing, format version,
sheets and columns, cell types, references between records, checksum. Every problem is
reported with its file, sheet, row and column, and nothing is returned from a refused file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import InputRefusedError, Problem, problem_from, refuse
from facilitator_app.domain.model import Event, StrategyCard
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Term, term
from facilitator_app.domain.versions import VersionNode
from facilitator_app.services.common.cells import shown_name
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.tabular import MAX_ROWS, MAX_XLSX_BYTES, check_zip_bounds
from facilitator_app.services.common.xlsx_stream import Workbook as XlsxWorkbook
from facilitator_app.services.exchange.codecs import TEXT
from facilitator_app.services.exchange.exchange_data import ExchangeData, ExchangeMeta
from facilitator_app.services.exchange.sheets import (
    AGENDA,
    CARDS,
    CONTRIBUTIONS,
    COUNTS,
    DELETED_CONTRIBUTIONS,
    EVENT_KEYS,
    FORMAT_NAME,
    FORMAT_VERSION,
    META_COLUMNS,
    META_KEYS,
    RECORD_SHEETS,
    SESSIONS,
    SHEET_AGENDA,
    SHEET_CARDS,
    SHEET_CONTRIBUTIONS,
    SHEET_COUNTS,
    SHEET_META,
    SHEET_SESSIONS,
    SHEET_TABLE_CARDS,
    SHEET_TABLES,
    SHEET_THEMES,
    SHEET_VENUES,
    TABLE_CARDS,
    TABLES,
    THEMES,
    VENUES,
    RecordSheet,
)
from facilitator_app.services.exchange.versions_sheet import SHEET_VERSIONS, read_versions_sheet
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.validation import records_faults

MAX_PROBLEMS = 200

_TOO_MANY_ROWS = QT_TRANSLATE_NOOP("Errors", "troppe righe (massimo {limit})")
_NO_HEADER = QT_TRANSLATE_NOOP("Errors", "manca la riga d'intestazione")
# The library's exception name says what broke, for whoever looks into the file.
_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "file Excel illeggibile ({why})")
# What a record's reference points to, translated with the message that names it.
_AN_EVENT = term(QT_TRANSLATE_NOOP("Terms", "un evento"))
_A_VENUE = term(QT_TRANSLATE_NOOP("Terms", "una sede"))
_A_TABLE = term(QT_TRANSLATE_NOOP("Terms", "un tavolo"))
_A_THEME = term(QT_TRANSLATE_NOOP("Terms", "un tema"))


class _Collector:
    """Problems found while reading, capped so a broken file cannot flood the user."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(
        self,
        message: str,
        *,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        **params: object,
    ) -> None:
        """Record ``message`` (an Italian template filled by ``params``) where it was found."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(
                Problem(
                    self.file,
                    message,
                    row=row,
                    column=column,
                    sheet=sheet,
                    params=tuple(params.items()),
                )
            )

    def add_error(
        self, error: ValueError, *, sheet: str, row: int | None = None, column: str | None = None
    ) -> None:
        """Record a refused cell value with its error's template, so that it translates."""
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(
                problem_from(error, self.file, row=row, column=column, sheet=sheet)
            )

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputRefusedError(self.problems)


def _rows(worksheet: Any, sheet: str, problems: _Collector) -> Iterator[tuple[int, list[object]]]:
    """Rows (number, values) of a sheet, header included, until the first empty row."""
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            problems.add(_TOO_MANY_ROWS, sheet=sheet, row=number, limit=MAX_ROWS)
            return
        values: list[object] = []
        for cell in cells:
            if getattr(cell, "data_type", None) == "f":
                problems.add(
                    QT_TRANSLATE_NOOP("Errors", "formula non ammessa in un file di scambio"),
                    sheet=sheet,
                    row=number,
                    column=getattr(cell, "column_letter", None),
                )
                values.append(None)
            else:
                values.append(cell.value)
        if not any(v is not None and v != "" for v in values):
            return
        yield number, values


def _header_index(
    header: Sequence[object], required: Iterable[str], sheet: str, problems: _Collector
) -> dict[str, int] | None:
    index: dict[str, int] = {}
    for position, raw in enumerate(header):
        if raw is None:
            continue
        name = str(raw).strip()
        if name in index:
            problems.add(
                QT_TRANSLATE_NOOP("Errors", "colonna «{name}» ripetuta"),
                sheet=sheet,
                row=1,
                column=name,
                name=name,
            )
            return None
        index[name] = position
    missing = [name for name in required if name not in index]
    if missing:
        problems.add(
            QT_TRANSLATE_NOOP("Errors", "mancano le colonne: {columns}"),
            sheet=sheet,
            row=1,
            column=missing[0],
            columns=", ".join(missing),  # the workbook's own headers, as written
        )
        return None
    return index


def _read_record_sheet(worksheet: Any, spec: RecordSheet, problems: _Collector) -> list[Any]:
    rows = _rows(worksheet, spec.name, problems)
    first = next(rows, None)
    if first is None:
        problems.add(_NO_HEADER, sheet=spec.name, row=1)
        return []
    index = _header_index(first[1], spec.required_headers, spec.name, problems)
    if index is None:
        return []
    # An optional column missing from an older workbook leaves its field at the default.
    columns = [(c, index[c.header]) for c in spec.fields if c.header in index]
    records: list[Any] = []
    for number, values in rows:
        fields: dict[str, Any] = {}
        ok = True
        for column, position in columns:
            raw = values[position] if position < len(values) else None
            try:
                value = column.codec.decode(raw)
                if column.check is not None:
                    value = column.check(value)
            except ValueError as error:
                problems.add_error(error, sheet=spec.name, row=number, column=column.header)
                ok = False
                continue
            assert column.field is not None
            fields[column.field] = value
        if ok:
            records.append(spec.record(**fields))
    return records


def _check_deleted(posts: list[Any], problems: _Collector) -> None:
    """Every row of ``Contributi eliminati`` must say when it was deleted."""
    for index, post in enumerate(posts):
        if post.deleted_at is None:
            problems.add(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "un post-it in questo foglio deve avere la data di eliminazione "
                    "(i post-it non eliminati vanno nel foglio «Contributi»)",
                ),
                sheet=DELETED_CONTRIBUTIONS.name,
                row=index + 2,
                column="eliminato_il",
            )


def _read_meta(worksheet: Any, problems: _Collector) -> tuple[dict[str, Any], Event | None]:
    rows = _rows(worksheet, SHEET_META, problems)
    first = next(rows, None)
    if first is None:
        problems.add(_NO_HEADER, sheet=SHEET_META, row=1)
        return {}, None
    index = _header_index(first[1], META_COLUMNS[:2], SHEET_META, problems)
    if index is None:
        return {}, None
    specs = {key.key: key for key in META_KEYS}
    values: dict[str, Any] = {}
    for number, row in rows:
        key = TEXT.decode(row[index["chiave"]] if index["chiave"] < len(row) else None).strip()
        if key not in specs:
            continue  # keys of later minor versions are ignored
        raw = row[index["valore"]] if index["valore"] < len(row) else None
        try:
            values[key] = specs[key].codec.decode(raw)
        except ValueError as error:
            problems.add_error(error, sheet=SHEET_META, row=number, column="valore")
    missing = [key.key for key in META_KEYS if key.key not in values]
    if missing:
        problems.add(
            QT_TRANSLATE_NOOP("Errors", "mancano le chiavi: {keys}"),
            sheet=SHEET_META,
            keys=", ".join(missing),  # the workbook's own keys, as written
        )
        return values, None
    event = Event(**{key.field: values[key.key] for key in EVENT_KEYS if key.field})
    return values, event


def _check_format(values: Mapping[str, Any], problems: _Collector) -> bool:
    name = values.get("formato")
    if name is not None and name != FORMAT_NAME:
        problems.add(
            QT_TRANSLATE_NOOP(
                "Errors", "non è un file di scambio di facilitator_app (formato «{name}»)"
            ),
            sheet=SHEET_META,
            column="valore",
            name=name,
        )
        return False
    version = values.get("versione_formato")
    if isinstance(version, int) and version > FORMAT_VERSION:
        problems.add(
            QT_TRANSLATE_NOOP(
                "Errors",
                "il file usa la versione {version} del formato, questa applicazione legge "
                "fino alla {supported}: aggiornare l'applicazione",
            ),
            sheet=SHEET_META,
            column="valore",
            version=version,
            supported=FORMAT_VERSION,
        )
        return False
    if isinstance(version, int) and version < 1:
        problems.add(
            QT_TRANSLATE_NOOP("Errors", "versione del formato {version} non valida"),
            sheet=SHEET_META,
            version=version,
        )
        return False
    return True


def _record_key(record: Any) -> tuple[str, ...]:
    if isinstance(record, StrategyCard):
        return (record.edition, record.code)
    return (str(record.id),)


def _check_references(data: ExchangeData, problems: _Collector) -> None:
    records = data.records
    event_id = records.event.id

    def unique(sheet: str, items: Iterable[Any]) -> set[Any]:
        seen: set[Any] = set()
        for item in items:
            key = _record_key(item)
            if key in seen:
                problems.add(
                    QT_TRANSLATE_NOOP("Errors", "identificativo ripetuto: {key}"),
                    sheet=sheet,
                    key=" ".join(key),
                )
            seen.add(key)
        return {key[0] for key in seen}

    def belongs(sheet: str, record: Any, attribute: str, known: set[str], what: Term) -> None:
        value = getattr(record, attribute)
        if value not in known:
            problems.add(
                QT_TRANSLATE_NOOP(
                    "Errors", "il record {record} rimanda a {what} inesistente «{value}»"
                ),
                sheet=sheet,
                record=_record_key(record)[0],
                what=what,
                value=value,
            )

    venue_ids = unique(SHEET_VENUES, records.venues)
    table_ids = unique(SHEET_TABLES, records.tables)
    theme_ids = unique(SHEET_THEMES, records.themes)
    for sheet, items in (
        (SHEET_SESSIONS, records.sessions),
        (SHEET_AGENDA, records.agenda),
        (SHEET_CARDS, records.cards),
        (SHEET_TABLE_CARDS, records.table_cards),
        (SHEET_COUNTS, records.counts),
        (SHEET_CONTRIBUTIONS, records.contributions),
    ):
        unique(sheet, items)
    for venue in records.venues:
        belongs(SHEET_VENUES, venue, "event_id", {event_id}, _AN_EVENT)
    keys: set[str] = set()
    for table in records.tables:
        belongs(SHEET_TABLES, table, "event_id", {event_id}, _AN_EVENT)
        belongs(SHEET_TABLES, table, "venue_id", venue_ids, _A_VENUE)
        if table.key in keys:
            problems.add(
                QT_TRANSLATE_NOOP("Errors", "chiave di tavolo ripetuta «{key}»"),
                sheet=SHEET_TABLES,
                key=table.key,
            )
        keys.add(table.key)
    slots: set[tuple[str, int]] = set()
    for session in records.sessions:
        belongs(SHEET_SESSIONS, session, "table_id", table_ids, _A_TABLE)
        if (session.table_id, session.number) in slots:
            problems.add(
                QT_TRANSLATE_NOOP("Errors", "sessione {number} ripetuta per il tavolo {table}"),
                sheet=SHEET_SESSIONS,
                number=session.number,
                table=session.table_id,
            )
        slots.add((session.table_id, session.number))
    for item in records.agenda:
        belongs(SHEET_AGENDA, item, "event_id", {event_id}, _AN_EVENT)
    for card in records.table_cards:
        belongs(SHEET_TABLE_CARDS, card, "table_id", table_ids, _A_TABLE)
    for count in records.counts:
        belongs(SHEET_COUNTS, count, "event_id", {event_id}, _AN_EVENT)
        if not count.table_ids:
            problems.add(
                QT_TRANSLATE_NOOP("Errors", "il conteggio {count} non indica alcun tavolo"),
                sheet=SHEET_COUNTS,
                count=count.id,
            )
        for table_id in count.table_ids:
            if table_id not in table_ids:
                problems.add(
                    QT_TRANSLATE_NOOP(
                        "Errors", "il conteggio {count} rimanda a un tavolo inesistente «{table}»"
                    ),
                    sheet=SHEET_COUNTS,
                    count=count.id,
                    table=table_id,
                )
    for theme in records.themes:
        belongs(SHEET_THEMES, theme, "table_id", table_ids, _A_TABLE)
    for post in records.contributions:
        belongs(SHEET_CONTRIBUTIONS, post, "table_id", table_ids, _A_TABLE)
        if post.theme_id is not None:
            belongs(SHEET_CONTRIBUTIONS, post, "theme_id", theme_ids, _A_THEME)
    if set(data.meta.venue_ids) != venue_ids:
        problems.add(
            QT_TRANSLATE_NOOP(
                "Errors", "gli UUID delle sedi nei metadati non corrispondono al foglio «{records}»"
            ),
            sheet=SHEET_META,
            column="valore",
            records=SHEET_VENUES,
        )
    if set(data.meta.table_ids) != table_ids:
        problems.add(
            QT_TRANSLATE_NOOP(
                "Errors", "gli UUID dei tavoli nei metadati non corrispondono al foglio «{records}»"
            ),
            sheet=SHEET_META,
            column="valore",
            records=SHEET_TABLES,
        )


_SHEET_OF = {sheet.record: sheet for sheet in RECORD_SHEETS}
_META_KEY_OF = {key.field: key.key for key in EVENT_KEYS if key.field}


def _check_values(data: ExchangeData, clock: Clock | None, problems: _Collector) -> None:
    """The domain's rules on every record, named by sheet, row and column."""
    now = clock.now() if clock is not None else None
    for fault in records_faults(data.records, now):
        spec = _SHEET_OF.get(fault.kind)
        if spec is None:  # the event itself, in the Metadati sheet
            problems.add(fault.message, sheet=SHEET_META, column=_META_KEY_OF[fault.field])
            continue
        header = next(c.header for c in spec.fields if c.field == fault.field)
        # Rows are read down to the first empty one and kept in order: record i is row i+2.
        problems.add(fault.message, sheet=spec.name, row=fault.index + 2, column=header)


def reference_problems(data: ExchangeData, file: str) -> list[Problem]:
    """Check the references between the records of ``data`` (ids, tables, themes, venues).

    Use it for records that did not come through :func:`read_workbook` (which already
    applies it), e.g. an event file opened for a merge.

    Args:
        data: the records to check.
        file: the file name to put in each problem.

    Returns:
        The problems found (at most ``MAX_PROBLEMS``); empty when consistent.
    """
    collector = _Collector(file)
    _check_references(data, collector)
    return collector.problems


def read_workbook(
    path: Path,
    *,
    verify_checksum: bool = True,
    progress: Progress = no_progress,
    clock: Clock | None = None,
) -> ExchangeData:
    """Read and validate an exchange workbook exported by this application.

    Args:
        path: the ``.xlsx`` file.
        verify_checksum: refuse the file when its data no longer matches the SHA-256 in
            ``Metadati`` (edited after export). Leave on unless a person has knowingly
            corrected the file.
        progress: receives one step per sheet.
        clock: the time of reading: no timestamp may be later than two days after it
            (None: no upper bound).

    Returns:
        Every record, checked for types, ranges (:mod:`facilitator_app.domain.validation`)
        and references.

    Raises:
        InputRefusedError: every problem found (file, sheet, row, column); nothing is
            returned from a refused file.
    """
    file = shown_name(path)
    if not path.is_file():
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il file non esiste"))
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "file troppo grande ({megabytes} MB)"),
            megabytes=f"{size / 1024 / 1024:.1f}",
        )
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise refuse(
                file,
                QT_TRANSLATE_NOOP(
                    "Errors", "non è un file Excel (.xlsx): il contenuto è di un altro tipo"
                ),
            )
    check_zip_bounds(path, file)
    total = len(RECORD_SHEETS) + 3
    progress(0, total, "apertura")
    try:
        workbook = XlsxWorkbook(path, file)
    except InputRefusedError:
        raise
    except Exception as error:  # a damaged zip or XML part raises many types
        raise refuse(file, _UNREADABLE, why=type(error).__name__) from None
    problems = _Collector(file)
    records: dict[str, list[Any]] = {}
    try:
        missing = [
            name
            for name in (SHEET_META, *(s.name for s in RECORD_SHEETS))
            if name not in workbook.sheetnames
        ]
        if missing:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "mancano i fogli: {sheets}"),
                sheets=", ".join(missing),  # the workbook's own sheet names, as written
            )
        values, event = _read_meta(workbook[SHEET_META], problems)
        if not _check_format(values, problems):
            problems.raise_if_any()
        progress(1, total, SHEET_META)
        for done, spec in enumerate(RECORD_SHEETS, start=2):
            records[spec.key] = _read_record_sheet(workbook[spec.name], spec, problems)
            progress(done, total, spec.name)
        if DELETED_CONTRIBUTIONS.name in workbook.sheetnames:  # absent from older files
            deleted = _read_record_sheet(
                workbook[DELETED_CONTRIBUTIONS.name], DELETED_CONTRIBUTIONS, problems
            )
            _check_deleted(deleted, problems)
            records[CONTRIBUTIONS.key] += deleted
        versions: list[VersionNode] = []
        if SHEET_VERSIONS in workbook.sheetnames:  # absent from files of older versions
            rows = _rows(workbook[SHEET_VERSIONS], SHEET_VERSIONS, problems)
            versions, found = read_versions_sheet(rows, file)
            for problem in found:
                problems.add(
                    problem.message, sheet=problem.sheet, row=problem.row, **dict(problem.params)
                )
    except InputRefusedError:
        raise
    except Exception as error:  # a damaged part inside an otherwise valid zip
        raise refuse(file, _UNREADABLE, why=type(error).__name__) from None
    finally:
        workbook.close()
    problems.raise_if_any()
    assert event is not None
    meta = ExchangeMeta(
        format_version=values["versione_formato"],
        app_version=values["versione_app"],
        exported_at=values["esportato_il"],
        device=values["dispositivo"],
        anonymised=values["anonimizzato"],
        partial=values["parziale"],
        table_keys=values["tavoli_esportati"],
        venue_ids=values["id_sedi"],
        table_ids=values["id_tavoli"],
        sha256=values["sha256"].strip().lower(),
    )
    data = ExchangeData(
        meta=meta,
        records=EventRecords(
            event=event,
            venues=tuple(records[VENUES.key]),
            tables=tuple(records[TABLES.key]),
            sessions=tuple(records[SESSIONS.key]),
            agenda=tuple(records[AGENDA.key]),
            cards=tuple(records[CARDS.key]),
            table_cards=tuple(records[TABLE_CARDS.key]),
            counts=tuple(records[COUNTS.key]),
            themes=tuple(records[THEMES.key]),
            contributions=tuple(records[CONTRIBUTIONS.key]),
            partial=meta.partial,
        ),
        stored_versions=tuple(versions),
    )
    _check_values(data, clock, problems)
    problems.raise_if_any()
    _check_references(data, problems)
    problems.raise_if_any()
    progress(total - 1, total, "verifica")
    if verify_checksum and data.checksum() != meta.sha256:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP(
                "Errors",
                "i dati non corrispondono all'impronta SHA-256 dei metadati: il file è stato "
                "modificato dopo l'esportazione",
            ),
            sheet=SHEET_META,
            column="valore",
        )
    progress(total, total, "fatto")
    return data
