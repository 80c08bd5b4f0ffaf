"""The exchange workbook: its contract, and reading it back into domain records.

An exported workbook (see :mod:`facilitator_app.services.exchange.writer` and
``docs/FILE_FORMATS.md``) is both a report people read and a lossless exchange file: every
record of the event sits in a "record sheet" (header in row 1, one record per row, down to
the first empty row), and the ``Metadati`` sheet holds the event itself, the format version
and a SHA-256 of the data. :func:`read_workbook` validates all of it (size bounds before
parsing, format version, sheets and columns, cell types, references between records,
checksum) and :func:`import_into_empty` writes the records into an empty event file.

The column specifications below are shared with the writer, so that what is written is by
construction what is read.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.errors import FacilitatorError, InputRefusedError, Problem, refuse
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    ParticipantCount,
    Pause,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.domain.rules import (
    CARD_CODE,
    check_axis,
    check_session,
    check_zone,
)
from facilitator_app.domain.vocab import ContributionKind, EventFormat, parse_kind
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.tabular import MAX_ROWS, MAX_XLSX_BYTES, check_zip_bounds
from facilitator_app.services.exchange.xlsx_stream import Workbook as XlsxWorkbook
from facilitator_app.storage.database import EventStore

FORMAT_NAME = "facilitator_app-scambio"
FORMAT_VERSION = 1
MAX_CELL_CHARS = 32_767  # what Excel keeps in one cell
MAX_PROBLEMS = 200

SHEET_SUMMARY = "Riepilogo"
SHEET_COUNTS = "Partecipanti"
SHEET_CONTRIBUTIONS = "Contributi"
SHEET_THEMES = "Temi"
SHEET_CARDS = "Schede"
SHEET_TABLE_CARDS = "Schede ai tavoli"
SHEET_AGENDA = "Programma"
SHEET_SESSIONS = "Sessioni"
SHEET_TABLES = "Tavoli"
SHEET_VENUES = "Sedi"
SHEET_META = "Metadati"

SHEET_ORDER = (
    SHEET_SUMMARY,
    SHEET_COUNTS,
    SHEET_CONTRIBUTIONS,
    SHEET_THEMES,
    SHEET_CARDS,
    SHEET_TABLE_CARDS,
    SHEET_AGENDA,
    SHEET_SESSIONS,
    SHEET_TABLES,
    SHEET_VENUES,
    SHEET_META,
)


class TargetNotEmptyError(FacilitatorError):
    """The event file chosen to receive an exchange workbook already holds records."""


# -- text escaping (OOXML ST_Xstring) ---------------------------------------------------------

# Characters XML 1.0 cannot carry (or would normalise away: a carriage return becomes a line
# feed), and literal "_xHHHH_" sequences that a spreadsheet would otherwise decode.
NEEDS_ESCAPE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _escape_char(match: re.Match[str]) -> str:
    return f"_x{ord(match.group(0)):04X}_"


def escape_text(text: str) -> str:
    """Escape a string the OOXML way so that any text survives a workbook unchanged.

    Control characters (including the carriage return) become ``_xHHHH_``; the underscore
    of a literal ``_xHHHH_`` becomes ``_x005F_``, as Excel itself writes it.
    """
    return NEEDS_ESCAPE.sub(_escape_char, text) if NEEDS_ESCAPE.search(text) else text


def unescape_text(text: str) -> str:
    """Undo :func:`escape_text`."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# -- cell codecs --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CellCodec:
    """How one field's value is written to a cell and read back.

    Text is escaped with :func:`escape_text` by the writer for every text cell, and
    unescaped by ``decode``.

    Attributes:
        name: the type's name in ``docs/FILE_FORMATS.md``.
        encode: field value -> cell value (text, int, or None for an empty cell).
        decode: cell value (as openpyxl reads it) -> field value; raises ValueError.
        canon: field value -> the JSON value used by the checksum.
    """

    name: str
    encode: Callable[[Any], str | int | None]
    decode: Callable[[object], Any]
    canon: Callable[[Any], Any]


def _text_cell(value: str) -> str | None:
    # The writer escapes every text cell (escape_text) and checks its length.
    return value or None


def _read_text(raw: object) -> str:
    if raw is None:
        return ""
    if isinstance(raw, str):
        return unescape_text(raw)
    if isinstance(raw, bool):
        raise ValueError("atteso un testo, trovato un valore vero/falso")
    if isinstance(raw, int):
        return str(raw)
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    raise ValueError(f"atteso un testo, trovato «{raw}»")


def _read_optional_text(raw: object) -> str | None:
    return _read_text(raw) or None


def _read_int(raw: object) -> int:
    if isinstance(raw, bool):
        raise ValueError("atteso un numero intero, trovato un valore vero/falso")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if isinstance(raw, str) and re.fullmatch(r"\s*-?\d+\s*", raw):
        return int(raw)
    if raw is None or raw == "":
        raise ValueError("manca un numero intero obbligatorio")
    raise ValueError(f"«{raw}» non è un numero intero")


def _read_optional_int(raw: object) -> int | None:
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    return _read_int(raw)


def _split(raw: object) -> list[str]:
    text = _read_text(raw)
    return [item.strip() for item in text.split(";") if item.strip()]


def _read_int_list(raw: object) -> tuple[int, ...]:
    return tuple(_read_int(item) for item in _split(raw))


def _read_kind(raw: object) -> ContributionKind | None:
    text = _read_text(raw).strip()
    return parse_kind(text) if text else None


def _read_format(raw: object) -> EventFormat:
    text = _read_text(raw).strip()
    try:
        return EventFormat(text)
    except ValueError:
        allowed = ", ".join(f.value for f in EventFormat)
        raise ValueError(f"formato «{text}» sconosciuto (ammessi: {allowed})") from None


def _read_bool(raw: object) -> bool:
    text = _read_text(raw).strip().lower()
    if text in ("sì", "si"):
        return True
    if text == "no":
        return False
    raise ValueError(f"atteso «sì» o «no», trovato «{text}»")


def _json_cell(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _read_json(raw: object) -> Any:
    text = _read_text(raw).strip()
    if not text:
        return None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"testo JSON non valido ({error.msg})") from None


def _read_zone_counts(raw: object) -> dict[int, int]:
    value = _read_json(raw)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("atteso un oggetto JSON {zona: persone}")
    return {_read_int(key): _read_int(count) for key, count in value.items()}


def _read_category_counts(raw: object) -> dict[str, int]:
    value = _read_json(raw)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValueError("atteso un oggetto JSON {categoria: persone}")
    return {str(key): _read_int(count) for key, count in value.items()}


def _read_pauses(raw: object) -> tuple[Pause, ...]:
    value = _read_json(raw)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(
        isinstance(item, list)
        and len(item) == 2
        and isinstance(item[0], str)
        and (item[1] is None or isinstance(item[1], str))
        for item in value
    ):
        raise ValueError('atteso un elenco JSON di pause [["inizio", "fine"], ...]')
    return tuple(Pause(item[0], item[1]) for item in value)


TEXT = CellCodec("testo", _text_cell, _read_text, lambda v: v or "")
OPTIONAL_TEXT = CellCodec(
    "testo o vuoto",
    lambda v: _text_cell(v) if v else None,
    _read_optional_text,
    lambda v: v or None,
)
INT = CellCodec("intero", lambda v: int(v), _read_int, int)
OPTIONAL_INT = CellCodec(
    "intero o vuoto",
    lambda v: None if v is None else int(v),
    _read_optional_int,
    lambda v: None if v is None else int(v),
)
TEXT_LIST = CellCodec(
    "elenco di testi separati da «; »",
    lambda v: _text_cell("; ".join(v)),
    lambda raw: tuple(_split(raw)),
    list,
)
INT_LIST = CellCodec(
    "elenco di interi separati da «; »",
    lambda v: "; ".join(str(item) for item in v) or None,
    _read_int_list,
    list,
)
KIND = CellCodec(
    "tipo di contributo (etichetta italiana) o vuoto",
    lambda v: v.label if v is not None else None,
    _read_kind,
    lambda v: v.value if v is not None else None,
)
FORMAT = CellCodec("formato (assi, zone)", lambda v: v.value, _read_format, lambda v: v.value)
BOOL = CellCodec("sì/no", lambda v: "sì" if v else "no", _read_bool, bool)
ZONE_COUNTS = CellCodec(
    'JSON {"zona": persone}',
    lambda v: _json_cell({str(k): n for k, n in v.items()}) if v else None,
    _read_zone_counts,
    lambda v: {str(k): n for k, n in v.items()},
)
CATEGORY_COUNTS = CellCodec(
    'JSON {"categoria": persone}',
    lambda v: _json_cell(dict(v)) if v else None,
    _read_category_counts,
    lambda v: {str(k): n for k, n in v.items()},
)
PAUSES = CellCodec(
    'JSON [["inizio", "fine"], ...]',
    lambda v: _json_cell([[p.start, p.end] for p in v]) if v else None,
    _read_pauses,
    lambda v: [[p.start, p.end] for p in v],
)


# -- sheet specifications -----------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a record sheet.

    Attributes:
        header: the header text in row 1 (the contract: exact, case-sensitive).
        field: the record attribute it carries, or None for a column derived for readers
            (written by the exporter, ignored on import).
        codec: how the value is written and read.
        width: column width in characters.
        wrap: whether the text wraps in its cell.
        check: an extra validation of the decoded value (raises ValueError).
    """

    header: str
    field: str | None
    codec: CellCodec = TEXT
    width: float = 12
    wrap: bool = False
    check: Callable[[Any], Any] | None = None


@dataclass(frozen=True)
class RecordSheet:
    """A sheet that holds one record type, one record per row.

    Attributes:
        name: worksheet title.
        key: the checksum payload key.
        record: the dataclass.
        columns: every column, in order (derived ones included).
    """

    name: str
    key: str
    record: type[Any]
    columns: tuple[Column, ...]

    @functools.cached_property
    def fields(self) -> tuple[Column, ...]:
        """The columns read back into the record."""
        return tuple(c for c in self.columns if c.field is not None)

    @functools.cached_property
    def _canon_plan(self) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[Any, ...]]:
        columns = sorted(self.fields, key=lambda c: c.field or "")
        getter = operator.attrgetter(*(c.field or "" for c in columns))
        # JSON already writes these canonically (tuples as arrays, str enums as their code).
        plain = (INT, OPTIONAL_INT, TEXT_LIST, INT_LIST, KIND)
        canons = tuple(None if c.codec in plain else c.codec.canon for c in columns)
        return getter, canons

    def canonical(self, record: Any) -> list[Any]:
        """The record as hashed by :func:`data_checksum`: its field values in field-name order."""
        getter, canons = self._canon_plan
        return [
            value if canon is None else canon(value)
            for canon, value in zip(canons, getter(record), strict=True)
        ]

    @property
    def headers(self) -> list[str]:
        """Every header, in order."""
        return [c.header for c in self.columns]


def _non_negative(value: int) -> int:
    if value < 0:
        raise ValueError(f"{value} è negativo")
    return value


def _optional_session(value: int | None) -> int | None:
    return None if value is None else check_session(value)


def _optional_axis(value: int | None) -> int | None:
    return None if value is None else check_axis(value)


def _zones(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(check_zone(v) for v in values)


def _axes(values: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(check_axis(v) for v in values)


def _card_code(code: str) -> str:
    if not CARD_CODE.match(code):
        raise ValueError(f"codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)")
    return code


def _card_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_card_code(code) for code in codes)


def _stamps(*, deleted: bool = False) -> tuple[Column, ...]:
    columns: tuple[Column, ...] = (
        Column("creato_il", "created_at", TEXT, 33),
        Column("modificato_il", "updated_at", TEXT, 33),
    )
    if deleted:
        columns += (Column("eliminato_il", "deleted_at", OPTIONAL_TEXT, 33),)
    return columns


_ID = Column("id", "id", TEXT, 38)
_EVENT_ID = Column("id_evento", "event_id", TEXT, 38)
_TABLE_ID = Column("id_tavolo", "table_id", TEXT, 38)

CONTRIBUTIONS = RecordSheet(
    SHEET_CONTRIBUTIONS,
    "contributi",
    Contribution,
    (
        Column("tavolo", None, width=12),
        Column("sessione", "session", INT, 9, check=check_session),
        Column("testo", "text", TEXT, 70, wrap=True),
        Column("tipo", "kind", KIND, 15),
        Column("asse", "axis", OPTIONAL_INT, 6, check=_optional_axis),
        Column("schede", "cards", TEXT_LIST, 16, check=_card_codes),
        Column("zone", "zones", INT_LIST, 10, check=_zones),
        Column("collegamenti", "links", INT_LIST, 12, check=_axes),
        Column("tema", None, width=40),
        Column("voti", "votes", INT, 6, check=_non_negative),
        Column("posizione", "position", INT, 9),
        _ID,
        _TABLE_ID,
        Column("id_tema", "theme_id", OPTIONAL_TEXT, 38),
        *_stamps(deleted=True),
    ),
)

THEMES = RecordSheet(
    SHEET_THEMES,
    "temi",
    Theme,
    (
        Column("tavolo", None, width=12),
        Column("sessione", "session", OPTIONAL_INT, 9, check=_optional_session),
        Column("posizione", "position", INT, 9),
        Column("titolo", "title", TEXT, 40, wrap=True),
        Column("sintesi", "synthesis", TEXT, 70, wrap=True),
        Column("contributi", None, width=11),
        Column("voti", None, width=8),
        _ID,
        _TABLE_ID,
        *_stamps(deleted=True),
    ),
)

COUNTS = RecordSheet(
    SHEET_COUNTS,
    "partecipanti",
    ParticipantCount,
    (
        Column("tavoli", None, width=18, wrap=True),
        Column("sessione", "session", OPTIONAL_INT, 9, check=_optional_session),
        Column("presenti", "present", OPTIONAL_INT, 9),
        Column("nota", "note", TEXT, 40, wrap=True),
        Column("per_zona", "by_zone", ZONE_COUNTS, 22),
        Column("per_categoria", "by_category", CATEGORY_COUNTS, 22),
        _ID,
        _EVENT_ID,
        Column("id_tavoli", "table_ids", TEXT_LIST, 38),
        *_stamps(),
    ),
)

CARDS = RecordSheet(
    SHEET_CARDS,
    "schede",
    StrategyCard,
    (
        Column("edizione", "edition", TEXT, 10),
        Column("codice", "code", TEXT, 8, check=_card_code),
        Column("livello", None, width=10),
        Column("titolo", "title", TEXT, 50, wrap=True),
        Column("descrizione", "description", TEXT, 40, wrap=True),
        Column("fonte", "source", TEXT, 18),
        Column("discussa", None, width=9),
        Column("contributi", None, width=11),
        Column("voti", None, width=8),
        Column("contributi_con_sottoschede", None, width=14),
    ),
)

TABLE_CARDS = RecordSheet(
    SHEET_TABLE_CARDS,
    "schede_ai_tavoli",
    TableCard,
    (
        Column("tavolo", None, width=12),
        Column("sessione", "session", OPTIONAL_INT, 9, check=_optional_session),
        Column("codice", "code", TEXT, 8, check=_card_code),
        Column("titolo", None, width=50, wrap=True),
        Column("voti", "votes", INT, 6, check=_non_negative),
        Column("rango", "rank", OPTIONAL_INT, 7),
        _ID,
        _TABLE_ID,
        *_stamps(),
    ),
)

AGENDA = RecordSheet(
    SHEET_AGENDA,
    "programma",
    AgendaItem,
    (
        Column("posizione", "position", INT, 9),
        Column("inizio", "start", TEXT, 8),
        Column("fine", "end", TEXT, 8),
        Column("titolo", "title", TEXT, 60, wrap=True),
        Column("tipo", "kind", TEXT, 12),
        Column("sessione", "session_number", OPTIONAL_INT, 9),
        Column("inizio_effettivo_ora", None, width=10),
        Column("fine_effettiva_ora", None, width=10),
        Column("inizio_effettivo", "actual_start", OPTIONAL_TEXT, 33),
        Column("fine_effettiva", "actual_end", OPTIONAL_TEXT, 33),
        _ID,
        _EVENT_ID,
        *_stamps(),
    ),
)

SESSIONS = RecordSheet(
    SHEET_SESSIONS,
    "sessioni",
    Session,
    (
        Column("tavolo", None, width=12),
        Column("sessione", "number", INT, 9, check=check_session),
        Column("domanda", "question", TEXT, 50, wrap=True),
        Column("inizio_previsto", "planned_start", TEXT, 10),
        Column("fine_prevista", "planned_end", TEXT, 10),
        Column("minuti_previsti", "planned_minutes", INT, 10),
        Column("estensione_secondi", "extension_seconds", INT, 10),
        Column("inizio_effettivo_ora", None, width=10),
        Column("fine_effettiva_ora", None, width=10),
        Column("minuti_effettivi", None, width=10),
        Column("inizio_effettivo", "actual_start", OPTIONAL_TEXT, 33),
        Column("fine_effettiva", "actual_end", OPTIONAL_TEXT, 33),
        Column("pause", "pauses", PAUSES, 30),
        Column("sintesi", "synthesis", TEXT, 70, wrap=True),
        _ID,
        _TABLE_ID,
        *_stamps(),
    ),
)

TABLES = RecordSheet(
    SHEET_TABLES,
    "tavoli",
    Table,
    (
        Column("posizione", "position", INT, 9),
        Column("chiave", "key", TEXT, 12),
        Column("nome", "name", TEXT, 45, wrap=True),
        Column("sede", None, width=30, wrap=True),
        Column("asse", "axis", OPTIONAL_INT, 6, check=_optional_axis),
        Column("zone", "zones", INT_LIST, 10, check=_zones),
        Column("facilitatore", "facilitator", TEXT, 24),
        Column("presenti", None, width=9),
        _ID,
        _EVENT_ID,
        Column("id_sede", "venue_id", TEXT, 38),
        *_stamps(),
    ),
)

VENUES = RecordSheet(
    SHEET_VENUES,
    "sedi",
    Venue,
    (
        Column("posizione", "position", INT, 9),
        Column("nome", "name", TEXT, 40, wrap=True),
        Column("indirizzo", "address", TEXT, 40, wrap=True),
        _ID,
        _EVENT_ID,
        *_stamps(),
    ),
)

# In the order records must be stored (references point backwards).
RECORD_SHEETS: tuple[RecordSheet, ...] = (
    VENUES,
    TABLES,
    SESSIONS,
    AGENDA,
    CARDS,
    TABLE_CARDS,
    COUNTS,
    THEMES,
    CONTRIBUTIONS,
)


@dataclass(frozen=True)
class MetaKey:
    """One row of the ``Metadati`` sheet.

    Attributes:
        key: text of the ``chiave`` column.
        codec: how the ``valore`` column is written and read.
        description: the ``descrizione`` column, for people.
        field: the Event attribute for ``evento.*`` keys.
    """

    key: str
    codec: CellCodec
    description: str
    field: str | None = None


META_COLUMNS = ("chiave", "valore", "descrizione")
FILE_KEYS: tuple[MetaKey, ...] = (
    MetaKey("formato", TEXT, "identifica un file di scambio di facilitator_app"),
    MetaKey("versione_formato", INT, "versione del contratto del file (docs/FILE_FORMATS.md)"),
    MetaKey("versione_app", TEXT, "versione dell'applicazione che ha esportato il file"),
    MetaKey("esportato_il", TEXT, "istante dell'esportazione (ISO 8601, UTC)"),
    MetaKey("dispositivo", TEXT, "nome del computer che ha esportato (vuoto se anonimizzato)"),
    MetaKey("anonimizzato", BOOL, "sì: nomi dei facilitatori e dispositivo tolti"),
    MetaKey("parziale", BOOL, "sì: il file contiene solo alcuni tavoli dell'evento"),
    MetaKey("tavoli_esportati", TEXT_LIST, "chiavi dei tavoli contenuti nel file"),
    MetaKey("id_sedi", TEXT_LIST, "UUID delle sedi contenute nel file"),
    MetaKey("id_tavoli", TEXT_LIST, "UUID dei tavoli contenuti nel file"),
    MetaKey("sha256", TEXT, "SHA-256 dei dati (definizione in docs/FILE_FORMATS.md)"),
)
EVENT_KEYS: tuple[MetaKey, ...] = (
    MetaKey("evento.id", TEXT, "UUID dell'evento", "id"),
    MetaKey("evento.titolo", TEXT, "titolo", "title"),
    MetaKey("evento.data", TEXT, "data (AAAA-MM-GG)", "date"),
    MetaKey("evento.formato", FORMAT, "assi o zone", "format"),
    MetaKey("evento.edizione_piano", TEXT, "edizione del PSM in preparazione", "plan_edition"),
    MetaKey("evento.edizione_schede", TEXT, "edizione delle schede usate", "card_edition"),
    MetaKey("evento.modello", TEXT, "modello da cui è stato creato", "template"),
    MetaKey("evento.presenti", OPTIONAL_INT, "persone in presenza", "in_presence"),
    MetaKey("evento.ascolto_online", OPTIONAL_INT, "persone collegate online", "online_listeners"),
    MetaKey("evento.premessa", TEXT, "premessa della restituzione", "premessa"),
    MetaKey("evento.temi_trasversali", TEXT, "temi trasversali agli assi", "temi_trasversali"),
    MetaKey("evento.conclusioni", TEXT, "conclusioni della restituzione", "conclusioni"),
    MetaKey("evento.creato_il", TEXT, "creazione del record (ISO 8601, UTC)", "created_at"),
    MetaKey("evento.modificato_il", TEXT, "ultima modifica (ISO 8601, UTC)", "updated_at"),
)
META_KEYS = FILE_KEYS + EVENT_KEYS


# -- checksum -----------------------------------------------------------------------------------


def _canonical_event(event: Event) -> list[Any]:
    keys = sorted((key for key in EVENT_KEYS if key.field), key=lambda k: k.field or "")
    return [key.codec.canon(getattr(event, key.field or "")) for key in keys]


def _record_key(record: Any) -> tuple[str, ...]:
    if isinstance(record, StrategyCard):
        return (record.edition, record.code)
    return (str(record.id),)


def data_checksum(event: Event, records: Mapping[str, Sequence[Any]]) -> str:
    """SHA-256 (hex) of the data of an exchange workbook.

    The payload is a JSON object: ``"evento"`` holds the event, and one key per record
    sheet (``RecordSheet.key``) holds the list of its records sorted by id (cards by edition
    and code). Each record is a JSON array of its field values, fields in alphabetical order
    of their names (the record's attribute names, see ``docs/FILE_FORMATS.md``). Values are
    canonical: tuples as arrays, enumerations by code, dictionaries as objects with text
    keys, empty optional text as null. The JSON is written with sorted keys, no spaces and
    every non-ASCII character escaped (so the text is pure ASCII), then hashed.

    Args:
        event: the event record.
        records: record lists by ``RecordSheet.key``; every record sheet must be present.
    """
    payload: dict[str, Any] = {"evento": _canonical_event(event)}
    for sheet in RECORD_SHEETS:
        key = _card_key if sheet.record is StrategyCard else _ID_KEY
        payload[sheet.key] = [sheet.canonical(item) for item in sorted(records[sheet.key], key=key)]
    text = json.dumps(payload, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("ascii")).hexdigest()


_ID_KEY = operator.attrgetter("id")


def _card_key(card: StrategyCard) -> tuple[str, str]:
    return (card.edition, card.code)


# -- reading ------------------------------------------------------------------------------------


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
    """Every record read from an exchange workbook, validated."""

    meta: ExchangeMeta
    event: Event
    venues: tuple[Venue, ...]
    tables: tuple[Table, ...]
    sessions: tuple[Session, ...]
    agenda: tuple[AgendaItem, ...]
    cards: tuple[StrategyCard, ...]
    table_cards: tuple[TableCard, ...]
    counts: tuple[ParticipantCount, ...]
    themes: tuple[Theme, ...]
    contributions: tuple[Contribution, ...]

    def by_sheet(self) -> dict[str, tuple[Any, ...]]:
        """Record lists by ``RecordSheet.key``."""
        return {
            VENUES.key: self.venues,
            TABLES.key: self.tables,
            SESSIONS.key: self.sessions,
            AGENDA.key: self.agenda,
            CARDS.key: self.cards,
            TABLE_CARDS.key: self.table_cards,
            COUNTS.key: self.counts,
            THEMES.key: self.themes,
            CONTRIBUTIONS.key: self.contributions,
        }

    def records(self) -> list[Any]:
        """Every record, the event first, in an order where references point backwards."""
        found: list[Any] = [self.event]
        for sheet in RECORD_SHEETS:
            found.extend(self.by_sheet()[sheet.key])
        return found

    def checksum(self) -> str:
        """The SHA-256 of these records (compare with ``meta.sha256``)."""
        return data_checksum(self.event, self.by_sheet())


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
    ) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.file, message, row=row, column=column, sheet=sheet))

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputRefusedError(self.problems)


def _rows(worksheet: Any, sheet: str, problems: _Collector) -> Iterator[tuple[int, list[object]]]:
    """Rows (number, values) of a sheet, header included, until the first empty row."""
    for number, cells in enumerate(worksheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            problems.add(f"troppe righe (massimo {MAX_ROWS})", sheet=sheet, row=number)
            return
        values: list[object] = []
        for cell in cells:
            if getattr(cell, "data_type", None) == "f":
                problems.add(
                    "formula non ammessa in un file di scambio",
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
            problems.add(f"colonna «{name}» ripetuta", sheet=sheet, row=1, column=name)
            return None
        index[name] = position
    missing = [name for name in required if name not in index]
    if missing:
        problems.add(
            f"mancano le colonne: {', '.join(missing)}", sheet=sheet, row=1, column=missing[0]
        )
        return None
    return index


def _read_record_sheet(worksheet: Any, spec: RecordSheet, problems: _Collector) -> list[Any]:
    rows = _rows(worksheet, spec.name, problems)
    first = next(rows, None)
    if first is None:
        problems.add("manca la riga d'intestazione", sheet=spec.name, row=1)
        return []
    index = _header_index(first[1], (c.header for c in spec.fields), spec.name, problems)
    if index is None:
        return []
    columns = [(c, index[c.header]) for c in spec.fields]
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
                problems.add(str(error), sheet=spec.name, row=number, column=column.header)
                ok = False
                continue
            assert column.field is not None
            fields[column.field] = value
        if ok:
            records.append(spec.record(**fields))
    return records


def _read_meta(worksheet: Any, problems: _Collector) -> tuple[dict[str, Any], Event | None]:
    rows = _rows(worksheet, SHEET_META, problems)
    first = next(rows, None)
    if first is None:
        problems.add("manca la riga d'intestazione", sheet=SHEET_META, row=1)
        return {}, None
    index = _header_index(first[1], META_COLUMNS[:2], SHEET_META, problems)
    if index is None:
        return {}, None
    specs = {key.key: key for key in META_KEYS}
    values: dict[str, Any] = {}
    for number, row in rows:
        key = _read_text(row[index["chiave"]] if index["chiave"] < len(row) else None).strip()
        if key not in specs:
            continue  # keys of later minor versions are ignored
        raw = row[index["valore"]] if index["valore"] < len(row) else None
        try:
            values[key] = specs[key].codec.decode(raw)
        except ValueError as error:
            problems.add(str(error), sheet=SHEET_META, row=number, column="valore")
    missing = [key.key for key in META_KEYS if key.key not in values]
    if missing:
        problems.add(f"mancano le chiavi: {', '.join(missing)}", sheet=SHEET_META)
        return values, None
    event = Event(**{key.field: values[key.key] for key in EVENT_KEYS if key.field})
    return values, event


def _check_format(values: Mapping[str, Any], problems: _Collector) -> bool:
    name = values.get("formato")
    if name is not None and name != FORMAT_NAME:
        problems.add(
            f"non è un file di scambio di facilitator_app (formato «{name}»)",
            sheet=SHEET_META,
            column="valore",
        )
        return False
    version = values.get("versione_formato")
    if isinstance(version, int) and version > FORMAT_VERSION:
        problems.add(
            f"il file usa la versione {version} del formato, questa applicazione legge fino "
            f"alla {FORMAT_VERSION}: aggiornare l'applicazione",
            sheet=SHEET_META,
            column="valore",
        )
        return False
    if isinstance(version, int) and version < 1:
        problems.add(f"versione del formato {version} non valida", sheet=SHEET_META)
        return False
    return True


def _check_references(data: ExchangeData, problems: _Collector) -> None:
    event_id = data.event.id

    def unique(sheet: str, items: Iterable[Any]) -> set[Any]:
        seen: set[Any] = set()
        for item in items:
            key = _record_key(item)
            if key in seen:
                problems.add(f"identificativo ripetuto: {' '.join(key)}", sheet=sheet)
            seen.add(key)
        return {key[0] for key in seen}

    def belongs(sheet: str, record: Any, attribute: str, known: set[str], what: str) -> None:
        value = getattr(record, attribute)
        if value not in known:
            problems.add(
                f"il record {_record_key(record)[0]} rimanda a {what} inesistente «{value}»",
                sheet=sheet,
            )

    venue_ids = unique(SHEET_VENUES, data.venues)
    table_ids = unique(SHEET_TABLES, data.tables)
    theme_ids = unique(SHEET_THEMES, data.themes)
    for sheet, items in (
        (SHEET_SESSIONS, data.sessions),
        (SHEET_AGENDA, data.agenda),
        (SHEET_CARDS, data.cards),
        (SHEET_TABLE_CARDS, data.table_cards),
        (SHEET_COUNTS, data.counts),
        (SHEET_CONTRIBUTIONS, data.contributions),
    ):
        unique(sheet, items)
    for venue in data.venues:
        belongs(SHEET_VENUES, venue, "event_id", {event_id}, "un evento")
    keys: set[str] = set()
    for table in data.tables:
        belongs(SHEET_TABLES, table, "event_id", {event_id}, "un evento")
        belongs(SHEET_TABLES, table, "venue_id", venue_ids, "una sede")
        if table.key in keys:
            problems.add(f"chiave di tavolo ripetuta «{table.key}»", sheet=SHEET_TABLES)
        keys.add(table.key)
    slots: set[tuple[str, int]] = set()
    for session in data.sessions:
        belongs(SHEET_SESSIONS, session, "table_id", table_ids, "un tavolo")
        if (session.table_id, session.number) in slots:
            problems.add(
                f"sessione {session.number} ripetuta per il tavolo {session.table_id}",
                sheet=SHEET_SESSIONS,
            )
        slots.add((session.table_id, session.number))
    for item in data.agenda:
        belongs(SHEET_AGENDA, item, "event_id", {event_id}, "un evento")
    for card in data.table_cards:
        belongs(SHEET_TABLE_CARDS, card, "table_id", table_ids, "un tavolo")
    for count in data.counts:
        belongs(SHEET_COUNTS, count, "event_id", {event_id}, "un evento")
        if not count.table_ids:
            problems.add(f"il conteggio {count.id} non indica alcun tavolo", sheet=SHEET_COUNTS)
        for table_id in count.table_ids:
            if table_id not in table_ids:
                problems.add(
                    f"il conteggio {count.id} rimanda a un tavolo inesistente «{table_id}»",
                    sheet=SHEET_COUNTS,
                )
    for theme in data.themes:
        belongs(SHEET_THEMES, theme, "table_id", table_ids, "un tavolo")
    for post in data.contributions:
        belongs(SHEET_CONTRIBUTIONS, post, "table_id", table_ids, "un tavolo")
        if post.theme_id is not None:
            belongs(SHEET_CONTRIBUTIONS, post, "theme_id", theme_ids, "un tema")
    if set(data.meta.venue_ids) != venue_ids:
        problems.add(
            "gli UUID delle sedi nei metadati non corrispondono al foglio «Sedi»",
            sheet=SHEET_META,
            column="valore",
        )
    if set(data.meta.table_ids) != table_ids:
        problems.add(
            "gli UUID dei tavoli nei metadati non corrispondono al foglio «Tavoli»",
            sheet=SHEET_META,
            column="valore",
        )


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
    path: Path, *, verify_checksum: bool = True, progress: Progress = no_progress
) -> ExchangeData:
    """Read and validate an exchange workbook exported by this application.

    Args:
        path: the ``.xlsx`` file.
        verify_checksum: refuse the file when its data no longer matches the SHA-256 in
            ``Metadati`` (edited after export). Leave on unless a person has knowingly
            corrected the file.
        progress: receives one step per sheet.

    Returns:
        Every record, checked for types, ranges and references.

    Raises:
        InputRefusedError: every problem found (file, sheet, row, column); nothing is
            returned from a refused file.
    """
    file = path.name
    if not path.is_file():
        raise refuse(file, "il file non esiste")
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        raise refuse(file, f"file troppo grande ({size / 1024 / 1024:.1f} MB)")
    with path.open("rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            raise refuse(file, "non è un file Excel (.xlsx): il contenuto è di un altro tipo")
    check_zip_bounds(path, file)
    total = len(RECORD_SHEETS) + 3
    progress(0, total, "apertura")
    try:
        workbook = XlsxWorkbook(path)
    except Exception as error:  # a damaged zip or XML part raises many types
        raise refuse(file, f"file Excel illeggibile ({type(error).__name__})") from None
    problems = _Collector(file)
    records: dict[str, list[Any]] = {}
    try:
        missing = [
            name
            for name in (SHEET_META, *(s.name for s in RECORD_SHEETS))
            if name not in workbook.sheetnames
        ]
        if missing:
            raise refuse(file, f"mancano i fogli: {', '.join(missing)}")
        values, event = _read_meta(workbook[SHEET_META], problems)
        if not _check_format(values, problems):
            problems.raise_if_any()
        progress(1, total, SHEET_META)
        for done, spec in enumerate(RECORD_SHEETS, start=2):
            records[spec.key] = _read_record_sheet(workbook[spec.name], spec, problems)
            progress(done, total, spec.name)
    except InputRefusedError:
        raise
    except Exception as error:  # a damaged part inside an otherwise valid zip
        raise refuse(file, f"file Excel illeggibile ({type(error).__name__})") from None
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
    )
    _check_references(data, problems)
    problems.raise_if_any()
    progress(total - 1, total, "verifica")
    if verify_checksum and data.checksum() != meta.sha256:
        raise refuse(
            file,
            "i dati non corrispondono all'impronta SHA-256 dei metadati: il file è stato "
            "modificato dopo l'esportazione",
            sheet=SHEET_META,
            column="valore",
        )
    progress(total, total, "fatto")
    return data


# -- importing ----------------------------------------------------------------------------------


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
        data: what :func:`read_workbook` returned.
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
            f"{store.path} contiene già dei dati ({', '.join(present)}): importare in un "
            "file evento nuovo e vuoto"
        )
    progress(1, 2, "salvataggio")
    store.save_all(data.records())
    progress(2, 2, "fatto")
    return ImportSummary({key: len(items) for key, items in data.by_sheet().items()})


def record_fields(record_type: type[Any]) -> set[str]:
    """The dataclass fields of a record type (used to check the contract covers them all)."""
    return {f.name for f in dataclasses.fields(record_type)}
