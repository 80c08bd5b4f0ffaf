"""Event templates (``resources/templates``) and the creation of an event from one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import refuse
from facilitator_app.domain.model import (
    AgendaItem,
    Event,
    Session,
    Table,
    Venue,
    new_id,
)
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import ZONES, EventFormat
from facilitator_app.resources import resource_path
from facilitator_app.services.common.yaml_lines import check_keys, load_yaml
from facilitator_app.services.setup.cards import CardSet, bundled_card_sets
from facilitator_app.storage.database import EventStore

AGENDA_KINDS = {"accoglienza", "plenaria", "sessione", "pausa", "altro"}


@dataclass(frozen=True)
class TemplateTable:
    """A table as a template describes it."""

    key: str
    name: str
    venue: str
    axis: int | None
    zones: tuple[int, ...]


@dataclass(frozen=True)
class TemplateSession:
    """One of the two sessions as a template describes it."""

    number: int
    question: str
    start: str
    end: str


@dataclass(frozen=True)
class EventTemplate:
    """A declarative description of a forum day's format."""

    key: str
    title: str
    format: EventFormat
    plan_edition: str
    card_edition: str
    source: str
    default_title: str
    default_date: str
    venues: tuple[tuple[str, str, str], ...]
    tables: tuple[TemplateTable, ...]
    sessions: tuple[TemplateSession, ...]
    agenda: tuple[dict[str, Any], ...]


def _minutes(start: str, end: str) -> int:
    if not start or not end:
        return 60
    begin = dt.datetime.strptime(start, "%H:%M")
    finish = dt.datetime.strptime(end, "%H:%M")
    return int((finish - begin).total_seconds() // 60)


def load_template(path: Path) -> EventTemplate:
    """Load and validate an event template.

    Raises:
        InputRefusedError: naming file and line of the first problem.
    """
    file = path.name
    root = check_keys(
        load_yaml(path),
        file,
        required={"key", "title", "format", "venues", "tables", "sessions", "agenda"},
        optional={"plan_edition", "card_edition", "source", "defaults"},
        what="modello",
    )
    try:
        event_format = EventFormat(root["format"])
    except ValueError:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "formato «{format}» sconosciuto"),
            row=root.line,
            format=root["format"],
        ) from None
    venues = []
    for item in root["venues"]:
        venue = check_keys(item, file, required={"key", "name"}, optional={"address"}, what="sede")
        venues.append((str(venue["key"]), str(venue["name"]), str(venue.get("address", ""))))
    venue_keys = {key for key, _, _ in venues}
    tables = []
    for item in root["tables"]:
        table = check_keys(
            item,
            file,
            required={"key", "name", "venue"},
            optional={"axis", "zones"},
            what="tavolo",
        )
        if table["venue"] not in venue_keys:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "sede «{venue}» non definita"),
                row=table.line,
                venue=table["venue"],
            )
        zones = tuple(int(z) for z in table.get("zones") or ())
        if any(zone not in ZONES for zone in zones):
            raise refuse(
                file, QT_TRANSLATE_NOOP("Errors", "zona omogenea inesistente"), row=table.line
            )
        axis = table.get("axis")
        if axis is not None and int(axis) not in range(1, 7):
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "asse {axis} inesistente"),
                row=table.line,
                axis=axis,
            )
        tables.append(
            TemplateTable(
                str(table["key"]),
                str(table["name"]),
                str(table["venue"]),
                int(axis) if axis is not None else None,
                zones,
            )
        )
    sessions = []
    for item in root["sessions"]:
        session = check_keys(
            item, file, required={"number", "question"}, optional={"start", "end"}, what="sessione"
        )
        if session["number"] not in (1, 2):
            raise refuse(
                file, QT_TRANSLATE_NOOP("Errors", "le sessioni sono la 1 e la 2"), row=session.line
            )
        sessions.append(
            TemplateSession(
                int(session["number"]),
                str(session["question"]),
                str(session.get("start", "")),
                str(session.get("end", "")),
            )
        )
    agenda = []
    for item in root["agenda"]:
        entry = check_keys(
            item,
            file,
            required={"title", "kind"},
            optional={"start", "end", "session"},
            what="voce del programma",
        )
        if entry["kind"] not in AGENDA_KINDS:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "tipo di voce «{kind}» sconosciuto"),
                row=entry.line,
                kind=entry["kind"],
            )
        agenda.append(dict(entry))
    defaults = root.get("defaults") or {}
    return EventTemplate(
        key=str(root["key"]),
        title=str(root["title"]),
        format=event_format,
        plan_edition=str(root.get("plan_edition", "")),
        card_edition=str(root.get("card_edition", "")),
        source=str(root.get("source", "")),
        default_title=str(defaults.get("title", root["title"])),
        default_date=str(defaults.get("date", "")),
        venues=tuple(venues),
        tables=tuple(tables),
        sessions=tuple(sessions),
        agenda=tuple(agenda),
    )


def bundled_templates() -> dict[str, EventTemplate]:
    """The templates shipped in ``resources/templates``, by key."""
    found = [load_template(p) for p in sorted(resource_path("templates").glob("*.yml"))]
    return {template.key: template for template in found}


def write_event_file(path: Path, template: EventTemplate, clock: Clock, **options: Any) -> Event:
    """Create a new event file from a template: it appears only complete, or not at all.

    Args:
        path: the file to create (must not exist).
        template: the format to follow.
        clock: source of the time stamps.
        **options: as for :func:`create_event` (title, date, facilitator, table_keys...).

    Raises:
        ValueError: an unknown table key (no file is created).
        StorageError: the file exists or cannot be written (the message names why).
    """
    with EventStore.building(path) as store:
        return create_event(store, template, clock, **options)


def create_event(
    store: EventStore,
    template: EventTemplate,
    clock: Clock,
    *,
    title: str | None = None,
    date: str | None = None,
    facilitator: str = "",
    table_keys: list[str] | None = None,
    card_set: CardSet | None = None,
) -> Event:
    """Write a new event built from a template into an empty event file.

    Args:
        store: an empty, writable event file.
        template: the format to follow.
        clock: source of the time stamps.
        title: event title (the template's default when None).
        date: ISO date (the template's default when None).
        facilitator: name written on every table (a laptop usually runs one table).
        table_keys: only these tables (e.g. the one table this laptop runs); all when None.
        card_set: cards copied into the file; the template's edition when None.

    Raises:
        ValueError: an unknown table key.
    """
    now = to_iso(clock.now())
    chosen = list(template.tables)
    if table_keys:
        known = {table.key for table in template.tables}
        unknown = [key for key in table_keys if key not in known]
        if unknown:
            raise ValueError(f"tavoli sconosciuti nel modello: {', '.join(unknown)}")
        chosen = [table for table in template.tables if table.key in table_keys]
    if card_set is None:
        card_set = bundled_card_sets().get(template.card_edition)
    event = Event(
        id=new_id(),
        title=title or template.default_title,
        date=date or template.default_date,
        format=template.format,
        plan_edition=template.plan_edition,
        card_edition=card_set.edition if card_set else template.card_edition,
        created_at=now,
        updated_at=now,
        template=template.key,
    )
    records: list[Any] = [event]
    venue_ids: dict[str, str] = {}
    used_venues = {table.venue for table in chosen}
    for position, (key, name, address) in enumerate(template.venues):
        if key not in used_venues:
            continue
        venue = Venue(new_id(), event.id, name, now, now, address=address, position=position)
        venue_ids[key] = venue.id
        records.append(venue)
    for position, spec in enumerate(chosen):
        table = Table(
            id=new_id(),
            event_id=event.id,
            venue_id=venue_ids[spec.venue],
            key=spec.key,
            name=spec.name,
            created_at=now,
            updated_at=now,
            axis=spec.axis,
            zones=spec.zones,
            facilitator=facilitator,
            position=position,
        )
        records.append(table)
        for session in template.sessions:
            records.append(
                Session(
                    id=new_id(),
                    table_id=table.id,
                    number=session.number,
                    question=session.question,
                    created_at=now,
                    updated_at=now,
                    planned_start=session.start,
                    planned_end=session.end,
                    planned_minutes=_minutes(session.start, session.end),
                )
            )
    for position, item in enumerate(template.agenda):
        session_number = item.get("session")
        records.append(
            AgendaItem(
                id=new_id(),
                event_id=event.id,
                position=position,
                start=str(item.get("start", "")),
                end=str(item.get("end", "")),
                title=str(item["title"]),
                created_at=now,
                updated_at=now,
                kind=str(item["kind"]),
                session_number=int(session_number) if session_number else None,
            )
        )
    if card_set is not None:
        records.extend(card_set.cards)
    with store.transaction():
        store.save_all(records)
    return event
