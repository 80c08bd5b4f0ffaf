"""The foundation's commands: new, demo, info, cards, import-contributions."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE, Handler, TextProgress
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.services.capture import bulk_import
from facilitator_app.services.common import paths
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.files import check_output
from facilitator_app.services.common.tabular import write_table
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.services.setup import cards, demo, distribute, templates
from facilitator_app.storage.database import EventStore

__all__ = ["Handler", "register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add the foundation's sub-commands; return their handlers by name."""
    new = sub.add_parser("new", help="crea un file evento da un modello")
    new.add_argument("path", type=Path, help="file evento da creare (.sqlite)")
    new.add_argument("--template", default="forum-assi", help="modello (forum-assi, zone-omogenee)")
    new.add_argument("--title", help="titolo dell'evento")
    new.add_argument("--date", help="data (AAAA-MM-GG)")
    new.add_argument("--facilitator", default="", help="nome del facilitatore")
    new.add_argument(
        "--table",
        action="append",
        dest="tables",
        help="solo questo tavolo: chiave o parte del nome (ripetibile)",
    )
    new.add_argument(
        "--cards",
        metavar="EDIZIONE",
        help="edizione delle schede (es. 2024-2026; predefinita: quella del modello)",
    )

    dem = sub.add_parser("demo", help="scrive il file dell'evento dimostrativo (Forum 10/11/2023)")
    dem.add_argument(
        "path", type=Path, nargs="?", help="file da creare (predefinito: cartella dati)"
    )
    dem.add_argument("--force", action="store_true", help="sovrascrive un file esistente")

    info = sub.add_parser("info", help="riepilogo di un file evento")
    info.add_argument("path", type=Path)

    card = sub.add_parser("cards", help="schede strategiche")
    card_sub = card.add_subparsers(dest="cards_command", metavar="AZIONE", required=True)
    listing = card_sub.add_parser("list", help="elenca le schede")
    listing.add_argument("--edition", help="solo questa edizione (es. 2021-2023)")
    listing.add_argument("--event", type=Path, help="le schede di un file evento")
    imp = card_sub.add_parser("import", help="importa un set di schede da .xlsx o .csv")
    imp.add_argument("file", type=Path)
    imp.add_argument("--edition", required=True, help="edizione (es. 2021-2023)")
    imp.add_argument("--into", type=Path, required=True, help="file evento che riceve le schede")
    tpl = card_sub.add_parser("export-template", help="scrive il modello per importare schede")
    tpl.add_argument("out", type=Path, help="file .xlsx o .csv")
    tpl.add_argument("--edition", default="2021-2023", help="precompila con le schede note")

    bulk = sub.add_parser(
        "import-contributions", help="importa post-it da un file .xlsx o .csv (modello documentato)"
    )
    bulk.add_argument("event", type=Path, help="file evento")
    bulk.add_argument("file", type=Path, nargs="?", help="file da importare")
    bulk.add_argument("--template", type=Path, help="scrive invece il modello vuoto in questo file")

    return {
        "new": _new,
        "demo": _demo,
        "info": _info,
        "cards": _cards,
        "import-contributions": _import_contributions,
    }


def _new(args: argparse.Namespace, out: TextIO) -> int:
    known = templates.bundled_templates()
    if args.template not in known:
        print(
            f"Modello «{args.template}» sconosciuto (disponibili: {', '.join(known)})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    template = known[args.template]
    card_sets = cards.bundled_card_sets()
    if args.cards is not None and args.cards not in card_sets:
        print(
            f"Edizione delle schede «{args.cards}» sconosciuta "
            f"(disponibili: {', '.join(sorted(card_sets))})",
            file=sys.stderr,
        )
        return EXIT_USAGE
    table_keys = None
    try:
        if args.tables:
            choices = {t.key: (t.key, t.name) for t in template.tables}
            table_keys = distribute.match_names(
                args.tables,
                choices,
                distribute.TABLES,
                term(QT_TRANSLATE_NOOP("Terms", "del modello")),
            )
    except ValueError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_USAGE
    check_output(args.path)
    try:
        event = templates.write_event_file(
            args.path,
            template,
            SystemClock(),
            title=args.title,
            date=args.date,
            facilitator=args.facilitator,
            table_keys=table_keys,
            card_set=card_sets[args.cards] if args.cards else None,
        )
    except ValueError as error:  # nothing was created
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_USAGE
    print(f"Creato {args.path}: {event.title} ({event.date})", file=out)
    return EXIT_OK


def _demo(args: argparse.Namespace, out: TextIO) -> int:
    path: Path = args.path or paths.default_demo_path()
    check_output(path, may_be_event=True)
    if path.exists() and not args.force:
        print(f"{path} esiste già (usare --force per riscriverlo)", file=sys.stderr)
        return EXIT_USAGE
    # With --force the old file is replaced only once the new one is complete, and never
    # while a window has it open (its lock is taken first).
    event = demo.write_demo(path, SystemClock(), replace=args.force)
    print(f"Evento dimostrativo scritto in {path}: {event.title} ({event.date})", file=out)
    return EXIT_OK


def _info(args: argparse.Namespace, out: TextIO) -> int:
    with EventStore.open(args.path, read_only=True) as store:
        report = build_report(load_records(store))
    records = report.records
    event = records.event
    cards = records.event_cards()
    print(f"{event.title}", file=out)
    print(f"Data: {event.date}   Formato: {event.format.label}", file=out)
    print(
        f"Piano: PSM {event.plan_edition}   Schede: edizione {event.card_edition} ({len(cards)})",
        file=out,
    )
    presence = "—" if event.in_presence is None else str(event.in_presence)
    online = "—" if report.online is None else str(report.online)
    print(f"Presenti: {presence} in presenza, {online} online", file=out)
    at_tables = "—" if report.people_at_tables is None else str(report.people_at_tables)
    print(f"Ai tavoli: {at_tables} ({report.counting_note})", file=out)
    print(
        f"Sedi: {len(records.venues)}   Tavoli: {len(report.tables)}   "
        f"Contributi: {report.total_contributions}",
        file=out,
    )
    if report.axes:
        print(f"Assi: {len(report.axes)}", file=out)
        for group in report.axes:
            title = cards[group.key].title if group.key in cards else ""
            who = "—" if group.people is None else str(group.people)
            tables = len(group.tables)
            print(
                f"  {group.label} - {title}: {who} persone, "
                f"{tables} tavol{'i' if tables > 1 else 'o'}",
                file=out,
            )
    print("Tavoli:", file=out)
    for table in report.tables:
        present = "—" if table.people is None else str(table.people)
        note = table.presence.note if table.presence else ""
        shared = f" ({note})" if note else ""
        posts = {s.number: len(s.posts) for s in table.sessions}
        themes = {s.number: len(s.themes) for s in table.sessions}
        print(
            f"  {table.table.name} ({table.venue}): presenti {present}{shared}; "
            f"contributi S1 {posts[1]}, S2 {posts[2]}; "
            f"temi S1 {themes[1]}, S2 {themes[2]}",
            file=out,
        )
    return EXIT_OK


def _cards(args: argparse.Namespace, out: TextIO) -> int:
    if args.cards_command == "list":
        if args.event:
            with EventStore.open(args.event, read_only=True) as store:
                found = store.cards()
        else:
            found = [c for s in cards.bundled_card_sets().values() for c in s.cards]
        for card in found:
            if args.edition and card.edition != args.edition:
                continue
            indent = "  " * card.code.count(".")
            print(f"{card.edition}  {indent}{card.code}  {card.title}", file=out)
        return EXIT_OK
    if args.cards_command == "export-template":
        known = cards.bundled_card_sets().get(args.edition)
        header, rows = cards.template_rows(known)
        check_output(args.out)
        write_table(args.out, "schede", header, rows)
        print(f"Modello scritto in {args.out} ({len(rows)} schede note precompilate)", file=out)
        return EXIT_OK
    card_set = cards.import_card_file(args.file, args.edition)
    with EventStore.open(args.into) as store:
        store.replace_cards(args.edition, card_set.cards)
    counts = card_set.counts()
    print(
        f"Importate {len(card_set.cards)} schede {args.edition} in {args.into}: "
        f"{counts['asse']} assi, {counts['strategia']} strategie, {counts['azione']} azioni",
        file=out,
    )
    return EXIT_OK


def _import_contributions(args: argparse.Namespace, out: TextIO) -> int:
    if args.template:
        check_output(args.template, protected=[args.event])
        with EventStore.open(args.event, read_only=True) as store:
            examples = bulk_import.template_examples(store)
        write_table(args.template, "contributi", list(bulk_import.CONTRIBUTION_COLUMNS), examples)
        print(f"Modello scritto in {args.template}", file=out)
        return EXIT_OK
    if args.file is None:
        print("Indicare il file da importare (o --template FILE)", file=sys.stderr)
        return EXIT_USAGE
    with EventStore.open(args.event) as store:
        result = bulk_import.import_contributions(store, args.file, SystemClock(), TextProgress())
    print(f"Importati {result.contributions} contributi ({result.themes} temi nuovi)", file=out)
    return EXIT_OK
