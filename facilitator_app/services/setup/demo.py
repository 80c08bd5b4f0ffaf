"""The bundled demo event: the public Forum Metropolitano of 10 November 2023.

Head counts are the published ones; post-its are short paraphrases of what the published
restituzione says was raised at each table and session (``resources/demo``).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import InputRefusedError, InvalidValueError, problem_from, refuse
from facilitator_app.domain.model import (
    Contribution,
    Event,
    ParticipantCount,
    Session,
    StrategyCard,
    Table,
    Theme,
    new_id,
)
from facilitator_app.domain.rules import check_axis, check_text, check_zone
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.domain.vocab import parse_kind
from facilitator_app.resources import resource_path
from facilitator_app.services.common.yaml_lines import LinedDict, check_keys, load_yaml
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore

DEMO_FILE = "demo/forum-2023-11-10.yml"

_UNKNOWN_TABLE = QT_TRANSLATE_NOOP("Errors", "tavolo «{key}» sconosciuto")


def demo_source() -> Path:
    """Where the demo's declarative data lives."""
    return resource_path(DEMO_FILE)


def write_demo(path: Path, clock: Clock, *, replace: bool = False) -> Event:
    """Create a new event file holding the demo event; it appears only complete.

    Args:
        path: the file to create.
        clock: source of the time stamps.
        replace: replace an existing file, unless it is open (its lock is taken first).

    Raises:
        StorageError: the file exists (without ``replace``) or cannot be written.
        EventFileLockedError: ``replace`` and the file is open in a window.
        InputRefusedError: the bundled demo data is inconsistent (a packaging bug).
    """
    source = demo_source()
    data = check_keys(
        load_yaml(source),
        source.name,
        required={"template", "event", "tables", "head_counts"},
        optional={"source", "report"},
        what="demo",
    )
    template = bundled_templates()[str(data["template"])]
    with EventStore.building(path, replace=replace) as store:
        event = create_event(store, template, clock)
        records = _demo_records(store, event, data, source.name, clock)
        with store.transaction():
            store.save_all(records)
        return store.event()


def _demo_records(
    store: EventStore, event: Event, data: LinedDict, file: str, clock: Clock
) -> list[Any]:
    now = to_iso(clock.now())
    info = data["event"]
    report = data.get("report") or {}
    records: list[Any] = [
        dataclasses.replace(
            event,
            title=str(info.get("title", event.title)),
            date=str(info.get("date", event.date)),
            in_presence=info.get("in_presence"),
            online_listeners=info.get("online_listeners"),
            premessa=str(report.get("premessa", "")).strip(),
            temi_trasversali=str(report.get("temi_trasversali", "")).strip(),
            conclusioni=str(report.get("conclusioni", "")).strip(),
            updated_at=now,
        )
    ]
    tables = {table.key: table for table in store.all(Table)}
    sessions = {(s.table_id, s.number): s for s in store.all(Session)}
    known_cards = {card.code for card in store.all(StrategyCard)}
    for item in data["head_counts"]:
        count = check_keys(
            item, file, required={"tables", "present"}, optional={"note"}, what="presenze"
        )
        ids = []
        for key in count["tables"]:
            if key not in tables:
                raise refuse(file, _UNKNOWN_TABLE, row=count.line, key=key)
            ids.append(tables[key].id)
        records.append(
            ParticipantCount(
                id=new_id(),
                event_id=event.id,
                table_ids=tuple(ids),
                created_at=now,
                updated_at=now,
                present=int(count["present"]),
                note=str(count.get("note", "")),
            )
        )
    position = 0
    for key, table_data in data["tables"].items():
        if key not in tables:
            raise refuse(file, _UNKNOWN_TABLE, row=data["tables"].key_lines[key], key=key)
        table = tables[key]
        for number, session_data in table_data["sessions"].items():
            session = sessions[(table.id, int(number))]
            records.append(
                dataclasses.replace(
                    session, synthesis=str(session_data.get("synthesis", "")).strip()
                )
            )
            themes: dict[str, str] = {}
            for theme_position, theme_data in enumerate(session_data.get("themes") or []):
                theme = Theme(
                    id=new_id(),
                    table_id=table.id,
                    title=check_text(
                        str(theme_data["title"]),
                        what=term(QT_TRANSLATE_NOOP("Terms", "titolo del tema")),
                    ),
                    created_at=now,
                    updated_at=now,
                    session=int(number),
                    synthesis=str(theme_data.get("synthesis", "")).strip(),
                    position=theme_position,
                )
                themes[theme.title] = theme.id
                records.append(theme)
            for post in session_data["contributions"]:
                position += 1
                records.append(
                    _contribution(
                        post, table, int(number), themes, known_cards, file, now, position
                    )
                )
    return records


def _contribution(
    post: LinedDict,
    table: Table,
    session: int,
    themes: dict[str, str],
    known_cards: set[str],
    file: str,
    now: str,
    position: int,
) -> Contribution:
    check_keys(
        post,
        file,
        required={"text", "kind"},
        optional={"theme", "cards", "zones", "links"},
        what="contributo",
    )
    try:
        cards = tuple(str(code) for code in post.get("cards") or ())
        unknown = [code for code in cards if code not in known_cards]
        if unknown:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "schede sconosciute: {codes}"), codes=", ".join(unknown)
            )
        theme_title = post.get("theme")
        if theme_title and theme_title not in themes:
            raise InvalidValueError(
                QT_TRANSLATE_NOOP("Errors", "tema «{theme}» non definito nella sessione"),
                theme=theme_title,
            )
        return Contribution(
            id=new_id(),
            table_id=table.id,
            session=session,
            text=check_text(str(post["text"])),
            created_at=now,
            updated_at=now,
            kind=parse_kind(str(post["kind"])),
            axis=table.axis,
            cards=cards,
            zones=tuple(check_zone(z) for z in post.get("zones") or ()),
            links=tuple(check_axis(a) for a in post.get("links") or ()),
            theme_id=themes.get(theme_title) if theme_title else None,
            position=position,
        )
    except ValueError as error:
        raise InputRefusedError([problem_from(error, file, row=post.line)]) from None
