"""Participant counts from the command line: ``counts set|online|presence|show``.

The same service and the same rules as the window's counts panel: figures from 0 to
10,000, zones 1-11, the stakeholder categories' codes; breakdowns larger than the people
present are kept and flagged. Each command is one transaction; bad input changes nothing
and exits with code 3, saying what is wrong.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, Handler
from facilitator_app.domain.model import ParticipantCount, Table, Venue
from facilitator_app.domain.rules import check_zone
from facilitator_app.domain.validation import MAX_PEOPLE
from facilitator_app.services.capture.counts import CountsService, count_warnings
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.services.setup.distribute import TABLES, VENUES, match_names, table_choices
from facilitator_app.storage.database import EventStore


class BadInput(ValueError):
    """A figure or name on the command line that cannot be used (exit code 3)."""


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add ``counts`` and its actions; return the handler."""
    counts = sub.add_parser("counts", help="conteggi dei partecipanti (come nel pannello Conteggi)")
    actions = counts.add_subparsers(dest="counts_command", metavar="AZIONE", required=True)
    put = actions.add_parser("set", help="presenti, zone e categorie di un tavolo in una sessione")
    put.add_argument("event", type=Path, help="file evento")
    put.add_argument("--table", required=True, help="tavolo: chiave o parte del nome")
    put.add_argument("--session", required=True, help="sessione (1 o 2)")
    put.add_argument("--present", help="persone presenti al tavolo")
    put.add_argument(
        "--zone", action="append", default=[], metavar="Z=N", help="N persone dalla zona Z"
    )
    put.add_argument(
        "--category",
        action="append",
        default=[],
        metavar="C=N",
        help="N persone della categoria C (amministratori_locali, cittadini, ...)",
    )
    online = actions.add_parser("online", help="ascoltatori online di una sede")
    online.add_argument("event", type=Path, help="file evento")
    online.add_argument("number", help="persone collegate online")
    online.add_argument("--venue", help="sede (nome o parte del nome; serve con più sedi)")
    presence = actions.add_parser(
        "presence", help="persone in presenza: il totale dell'evento, tutte le sedi"
    )
    presence.add_argument("event", type=Path, help="file evento")
    presence.add_argument("number", help="persone in presenza")
    show = actions.add_parser("show", help="conteggi per tavolo e sessione, totali e avvisi")
    show.add_argument("event", type=Path, help="file evento")
    return {"counts": _counts}


def _counts(args: argparse.Namespace, out: TextIO) -> int:
    try:
        if args.counts_command == "show":
            return _show(args, out)
        return _write(args, out)
    except (BadInput, ValueError) as error:
        print(f"Errore: {str(error).rstrip('.')}. Nulla è stato modificato.", file=sys.stderr)
        return EXIT_REFUSED


def _figure(text: str, what: str) -> int:
    """A number of people typed on the command line."""
    try:
        value = int(text.strip())
    except ValueError:
        raise BadInput(f"{what}: «{text}» non è un numero intero") from None
    if value < 0 or value > MAX_PEOPLE:
        raise BadInput(f"{what}: {value} non è ammesso (da 0 a {MAX_PEOPLE})")
    return value


def _pairs(items: list[str], what: str) -> list[tuple[str, int]]:
    """``KEY=N`` arguments as (key, figure)."""
    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise BadInput(f"--{what} «{item}»: scrivere CHIAVE=NUMERO (es. --{what} 3=12)")
        pairs.append((key.strip(), _figure(value, f"--{what} {key.strip()}")))
    return pairs


def _zone_pairs(items: list[str]) -> dict[int, int]:
    zones: dict[int, int] = {}
    for key, value in _pairs(items, "zone"):
        try:
            zones[check_zone(key)] = value
        except ValueError as error:
            raise BadInput(f"--zone {key}: {error}") from None
    return zones


def _table(store: EventStore, query: str) -> Table:
    tables = store.tables()
    (table_id,) = match_names([query], table_choices(tables), TABLES)
    return next(t for t in tables if t.id == table_id)


def _venue(store: EventStore, query: str | None) -> Venue:
    venues = store.venues()
    if query is None:
        if len(venues) == 1:
            return venues[0]
        names = ", ".join(v.name for v in venues) or "nessuna"
        raise BadInput(f"l'evento ha più sedi: indicare --venue (sedi: {names})")
    (venue_id,) = match_names([query], {v.id: (v.name,) for v in venues}, VENUES)
    return next(v for v in venues if v.id == venue_id)


def _write(args: argparse.Namespace, out: TextIO) -> int:
    # Everything typed is checked before the file is opened for writing.
    if args.counts_command == "set":
        present = None if args.present is None else _figure(args.present, "--present")
        zones = _zone_pairs(args.zone)
        categories = dict(_pairs(args.category, "category"))
        if present is None and not zones and not categories:
            raise BadInput("indicare almeno --present, --zone o --category")
    else:
        number = _figure(args.number, "numero di persone")
    with EventStore.open(args.event) as store:
        service = CountsService(store, SystemClock())
        if args.counts_command == "set":
            table = _table(store, args.table)
            count = service.set_figures(
                table.id, args.session, present=present, zones=zones, categories=categories
            )
            print(f"{table.key} · sessione {count.session}: {_describe(count)}", file=out)
            for warning in count_warnings(count):
                print(f"  ⚠ {warning}", file=out)
        elif args.counts_command == "online":
            venue = _venue(store, args.venue)
            service.set_venue_online_listeners(venue.id, number)
            print(f"Ascoltatori online della sede «{venue.name}»: {number}", file=out)
        else:
            service.set_in_presence(number)
            print(f"Persone in presenza (totale dell'evento): {number}", file=out)
    return EXIT_OK


def _describe(count: ParticipantCount) -> str:
    present = "—" if count.present is None else str(count.present)
    parts = [f"presenti {present}"]
    if count.by_zone:
        parts.append("zone " + ", ".join(f"{z}: {n}" for z, n in sorted(count.by_zone.items())))
    if count.by_category:
        parts.append("categorie " + ", ".join(f"{c}: {n}" for c, n in count.by_category.items()))
    return "; ".join(parts)


def _show(args: argparse.Namespace, out: TextIO) -> int:
    with EventStore.open(args.event, read_only=True) as store:
        records = load_records(store)
    report = build_report(records)
    print(records.event.title, file=out)
    for table in report.tables:
        note = f" ({table.presence.note})" if table.presence and table.presence.note else ""
        figure = "—" if table.people is None else str(table.people)
        print(f"{table.table.key}  {table.table.name}  [{table.venue}]", file=out)
        print(f"  conta per il tavolo: {figure}{note}", file=out)
        mine = [c for c in records.counts if table.table.id in c.table_ids]
        if not mine:
            print("  nessun conteggio", file=out)
        for count in sorted(mine, key=lambda c: (c.session is not None, c.session or 0)):
            when = "giornata" if count.session is None else f"sessione {count.session}"
            shared = (
                f" (comune a {len(count.table_ids)} tavoli)" if len(count.table_ids) > 1 else ""
            )
            print(f"  {when}{shared}: {_describe(count)}", file=out)
            for warning in count_warnings(count):
                print(f"    ⚠ {warning}", file=out)
    print("Totali:", file=out)
    people = "—" if report.people_at_tables is None else str(report.people_at_tables)
    print(f"  ai tavoli: {people} ({report.counting_note})", file=out)
    presence = "—" if report.in_presence is None else str(report.in_presence)
    print(f"  in presenza (totale dell'evento): {presence}", file=out)
    online = "—" if report.online is None else str(report.online)
    print(f"  online: {online}", file=out)
    for venue in records.venues:
        figure = "—" if venue.online_listeners is None else str(venue.online_listeners)
        print(f"    {venue.name}: {figure} online", file=out)
    return EXIT_OK
