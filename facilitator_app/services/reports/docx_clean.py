"""The characters a Word document cannot hold, taken out of an event's texts and reported.

A .docx is XML 1.0, which has no place for most control characters (a post-it pasted from
a terminal, a stray form feed) nor for lone surrogates. :func:`clean_records` drops them
from a copy of the event's records before the Word report is written, and says where each
was found, so the coordinator can fix the event file; the file itself is not changed.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    Session,
    StrategyCard,
    Table,
    Theme,
    Venue,
)
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, Term, term
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.reports.docx_writer import XML_ILLEGAL

_Record = TypeVar("_Record")
# How much of a post-it's text names it in a message.
_QUOTED = 40

# The fields as people call them, for messages (others keep their own name).
_FIELDS: dict[str, Term] = {
    "text": term(QT_TRANSLATE_NOOP("Terms", "testo")),
    "title": term(QT_TRANSLATE_NOOP("Terms", "titolo")),
    "synthesis": term(QT_TRANSLATE_NOOP("Terms", "sintesi")),
    "question": term(QT_TRANSLATE_NOOP("Terms", "domanda")),
    "name": term(QT_TRANSLATE_NOOP("Terms", "nome")),
    "address": term(QT_TRANSLATE_NOOP("Terms", "indirizzo")),
    "facilitator": term(QT_TRANSLATE_NOOP("Terms", "facilitatore")),
    "description": term(QT_TRANSLATE_NOOP("Terms", "descrizione")),
    "premessa": term(QT_TRANSLATE_NOOP("Terms", "premessa")),
    "temi_trasversali": term(QT_TRANSLATE_NOOP("Terms", "temi trasversali")),
    "conclusioni": term(QT_TRANSLATE_NOOP("Terms", "conclusioni")),
    "cards": term(QT_TRANSLATE_NOOP("Terms", "schede")),
}


@dataclass(frozen=True)
class Removal:
    """Characters dropped from one field of one record.

    Attributes:
        count: how many characters were dropped.
        message: "N caratteri non ammessi tolti dal post-it «…» (…)", translatable.
    """

    count: int
    message: Message


def _cleaned_value(value: object) -> tuple[object, int]:
    """A field's value without illegal characters, and how many were dropped."""
    if isinstance(value, str):
        cleaned, dropped = XML_ILLEGAL.subn("", value)
        return cleaned, dropped
    if isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
        parts = [XML_ILLEGAL.subn("", v) for v in value]
        return tuple(p for p, _ in parts), sum(n for _, n in parts)
    return value, 0


def _clean(
    records: Iterable[_Record],
    describe: Callable[[_Record, Any, int], Message | None],
    found: list[Removal],
) -> tuple[_Record, ...]:
    """Each record without illegal characters; ``describe`` says where (None: unreported)."""
    result = []
    for record in records:
        changes: dict[str, object] = {}
        for field in dataclasses.fields(record):  # type: ignore[arg-type]
            if field.name == "id" or field.name.endswith(("_id", "_ids", "_at")):
                continue  # identities and time stamps are the app's own, never shown
            value, dropped = _cleaned_value(getattr(record, field.name))
            if dropped:
                changes[field.name] = value
                message = describe(record, _FIELDS.get(field.name, field.name), dropped)
                if message is not None:
                    found.append(Removal(dropped, message))
        result.append(dataclasses.replace(record, **changes) if changes else record)  # type: ignore[type-var]
    return tuple(result)


def clean_records(snapshot: EventRecords) -> tuple[EventRecords, tuple[Removal, ...]]:
    """The records with every character a .docx cannot hold dropped, and where they were.

    Deleted post-its and themes are cleaned too (they are not in the report, so they are
    not reported).
    """
    found: list[Removal] = []
    clean_tables = _clean(snapshot.tables, _table, found)
    names = {t.id: t.key for t in clean_tables}

    def post(record: Contribution, field: Any, count: int) -> Message | None:
        if record.deleted_at is not None:
            return None
        text = XML_ILLEGAL.sub("", record.text)
        quoted = text if len(text) <= _QUOTED else text[: _QUOTED - 1] + "…"
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} caratteri non ammessi tolti dal post-it «{text}» (tavolo {table}, "
                "sessione {session}, {field})",
            ),
            count=count,
            text=quoted,
            table=names.get(record.table_id, record.table_id),
            session=record.session,
            field=field,
        )

    def theme(record: Theme, field: Any, count: int) -> Message | None:
        if record.deleted_at is not None:
            return None
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} caratteri non ammessi tolti dal tema «{title}» (tavolo {table}, {field})",
            ),
            count=count,
            title=XML_ILLEGAL.sub("", record.title),
            table=names.get(record.table_id, record.table_id),
            field=field,
        )

    def session(record: Session, field: Any, count: int) -> Message:
        return Message(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{count} caratteri non ammessi tolti dalla sessione {session} del tavolo "
                "{table} ({field})",
            ),
            count=count,
            session=record.number,
            table=names.get(record.table_id, record.table_id),
            field=field,
        )

    cleaned = dataclasses.replace(
        snapshot,
        event=_clean([snapshot.event], _event, found)[0],
        venues=_clean(snapshot.venues, _venue, found),
        tables=clean_tables,
        sessions=_clean(snapshot.sessions, session, found),
        agenda=_clean(snapshot.agenda, _agenda, found),
        cards=_clean(snapshot.cards, _card, found),
        themes=_clean(snapshot.themes, theme, found),
        contributions=_clean(snapshot.contributions, post, found),
        counts=_clean(snapshot.counts, _other, found),
        table_cards=_clean(snapshot.table_cards, _other, found),
    )
    return cleaned, tuple(found)


def _table(record: Table, field: Any, count: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors", "{count} caratteri non ammessi tolti dal tavolo {table} ({field})"
        ),
        count=count,
        table=XML_ILLEGAL.sub("", record.key),
        field=field,
    )


def _event(record: Event, field: Any, count: int) -> Message:
    del record
    return Message(
        QT_TRANSLATE_NOOP("Errors", "{count} caratteri non ammessi tolti dall'evento ({field})"),
        count=count,
        field=field,
    )


def _venue(record: Venue, field: Any, count: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors", "{count} caratteri non ammessi tolti dalla sede {venue} ({field})"
        ),
        count=count,
        venue=XML_ILLEGAL.sub("", record.name),
        field=field,
    )


def _agenda(record: AgendaItem, field: Any, count: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{count} caratteri non ammessi tolti dal programma della giornata («{title}», {field})",
        ),
        count=count,
        title=XML_ILLEGAL.sub("", record.title),
        field=field,
    )


def _card(record: StrategyCard, field: Any, count: int) -> Message:
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors", "{count} caratteri non ammessi tolti dalla scheda {code} ({field})"
        ),
        count=count,
        code=XML_ILLEGAL.sub("", record.code),
        field=field,
    )


def _other(record: object, field: Any, count: int) -> Message:
    del record
    return Message(
        QT_TRANSLATE_NOOP(
            "Errors",
            "{count} caratteri non ammessi tolti da un conteggio o una scheda in gioco ({field})",
        ),
        count=count,
        field=field,
    )
