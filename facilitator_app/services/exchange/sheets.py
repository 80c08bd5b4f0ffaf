"""The sheets of the exchange workbook: names, order, columns and the ``Metadati`` keys.

An exported workbook (see :mod:`facilitator_app.services.exchange.writer` and
``docs/FILE_FORMATS.md``) is both a report people read and a lossless exchange file: every
record of the event sits in a "record sheet" (header in row 1, one record per row, down to
the first empty row), and the ``Metadati`` sheet holds the event itself, the format version
and a SHA-256 of the data. The specifications below are shared by the writer and the
reader, so that what is written is by construction what is read.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    TableCard,
    Theme,
    Venue,
)
from facilitator_app.domain.rules import CARD_CODE, check_axis, check_session, check_zone
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.validation import check_people, check_votes
from facilitator_app.services.exchange.codecs import (
    BOOL,
    CATEGORY_COUNTS,
    FORMAT,
    INT,
    INT_LIST,
    KIND,
    OPTIONAL_INT,
    OPTIONAL_TEXT,
    PAUSES,
    TEXT,
    TEXT_LIST,
    ZONE_COUNTS,
    CellCodec,
)
from facilitator_app.services.records.event_records import EventRecords

FORMAT_NAME = "facilitator_app-scambio"
FORMAT_VERSION = 1

SHEET_SUMMARY = "Riepilogo"
SHEET_COUNTS = "Partecipanti"
SHEET_CONTRIBUTIONS = "Contributi"
# The deleted post-its, kept for the merge (it must see deletions) apart from the live ones
# people read; workbooks of earlier versions have them in "Contributi", flagged.
SHEET_DELETED_CONTRIBUTIONS = "Contributi eliminati"
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
    SHEET_DELETED_CONTRIBUTIONS,
    SHEET_THEMES,
    SHEET_CARDS,
    SHEET_TABLE_CARDS,
    SHEET_AGENDA,
    SHEET_SESSIONS,
    SHEET_TABLES,
    SHEET_VENUES,
    SHEET_META,
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
        optional: a column added after version 1 of the format: a workbook without it
            still reads (the field takes its default), and an empty value stays out of the
            checksum, so older workbooks keep their checksum.
    """

    header: str
    field: str | None
    codec: CellCodec = TEXT
    width: float = 12
    wrap: bool = False
    check: Callable[[Any], Any] | None = None
    optional: bool = False


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
    def required_headers(self) -> tuple[str, ...]:
        """The headers a workbook must have (every field's, optional columns aside)."""
        return tuple(c.header for c in self.fields if not c.optional)

    @functools.cached_property
    def _canon_plan(
        self,
    ) -> tuple[Callable[[Any], tuple[Any, ...]], tuple[Any, ...], tuple[bool, ...]]:
        columns = sorted(self.fields, key=lambda c: c.field or "")
        getter = operator.attrgetter(*(c.field or "" for c in columns))
        # JSON already writes these canonically (tuples as arrays, str enums as their code).
        plain = (INT, OPTIONAL_INT, TEXT_LIST, INT_LIST, KIND)
        canons = tuple(None if c.codec in plain else c.codec.canon for c in columns)
        return getter, canons, tuple(c.optional for c in columns)

    def canonical(self, record: Any) -> list[Any]:
        """The record as hashed by :func:`data_checksum`: its field values in field-name order.

        An optional column's empty value is left out, so that a record written before the
        column existed hashes as it did then.
        """
        getter, canons, optional = self._canon_plan
        values = [
            value if canon is None else canon(value)
            for canon, value in zip(canons, getter(record), strict=True)
        ]
        if not any(optional):
            return values
        return [
            value
            for value, skippable in zip(values, optional, strict=True)
            if not (skippable and value is None)
        ]

    @property
    def headers(self) -> list[str]:
        """Every header, in order."""
        return [c.header for c in self.columns]


# Figures read back go through the domain's range rules (domain/validation: one rule for all).
def _people(value: int | None) -> int | None:
    return None if value is None else check_people(value)


def _people_by(values: dict[Any, int]) -> dict[Any, int]:
    for value in values.values():
        check_people(value)
    return values


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
        raise InvalidValueError(
            QT_TRANSLATE_NOOP(
                "Errors", "codice scheda «{code}» non valido (forma attesa: 2, 2.1 o 2.1.3)"
            ),
            code=code,
        )
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
        Column("voti", "votes", INT, 6, check=check_votes),
        Column("posizione", "position", INT, 9),
        _ID,
        _TABLE_ID,
        Column("id_tema", "theme_id", OPTIONAL_TEXT, 38),
        *_stamps(deleted=True),
    ),
)

# The same records and columns as CONTRIBUTIONS, only deleted ones: read into the same list
# (so the checksum, over every post-it, is unchanged); not in RECORD_SHEETS, as it may be
# missing from older workbooks.
DELETED_CONTRIBUTIONS = dataclasses.replace(CONTRIBUTIONS, name=SHEET_DELETED_CONTRIBUTIONS)

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
        Column("presenti", "present", OPTIONAL_INT, 9, check=_people),
        Column("nota", "note", TEXT, 40, wrap=True),
        Column("per_zona", "by_zone", ZONE_COUNTS, 22, check=_people_by),
        Column("per_categoria", "by_category", CATEGORY_COUNTS, 22, check=_people_by),
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
        Column("voti", "votes", INT, 6, check=check_votes),
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
        Column(
            "ascolto_online",
            "online_listeners",
            OPTIONAL_INT,
            10,
            check=_people,
            optional=True,
        ),
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


def records_by_sheet(records: EventRecords) -> dict[str, tuple[Any, ...]]:
    """The record lists of an event, by ``RecordSheet.key`` (the event itself excluded)."""
    return {
        VENUES.key: records.venues,
        TABLES.key: records.tables,
        SESSIONS.key: records.sessions,
        AGENDA.key: records.agenda,
        CARDS.key: records.cards,
        TABLE_CARDS.key: records.table_cards,
        COUNTS.key: records.counts,
        THEMES.key: records.themes,
        CONTRIBUTIONS.key: records.contributions,
    }


def record_fields(record_type: type[Any]) -> set[str]:
    """The dataclass fields of a record type (used to check the contract covers them all)."""
    return {f.name for f in dataclasses.fields(record_type)}
