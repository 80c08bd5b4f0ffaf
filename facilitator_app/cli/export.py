"""Outputs from the command line: ``export`` (workbook, restituzione), ``paper-kit``, ``aggregate``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli import publish
from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE, Handler, TextProgress
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.files import check_output
from facilitator_app.services.common.texts import LANGUAGES, Texts
from facilitator_app.services.exchange.writer import write_workbook
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.services.records.report import AXIS_TAGS_TITLE, build_report
from facilitator_app.services.reports.paper_kit import write_paper_kit
from facilitator_app.services.reports.restituzione import write_pdf
from facilitator_app.services.reports.word_report import write_docx
from facilitator_app.storage.database import EventStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add ``export``, ``paper-kit`` and ``aggregate``; return their handlers by name."""
    export = sub.add_parser(
        "export",
        help="esporta la cartella Excel (.xlsx) e/o la restituzione (.pdf, .docx) di un evento",
    )
    export.add_argument("event", type=Path, help="file evento (.sqlite)")
    export.add_argument("--xlsx", type=Path, help="cartella Excel da scrivere")
    export.add_argument("--pdf", type=Path, help="restituzione PDF da scrivere")
    export.add_argument(
        "--docx", type=Path, help="restituzione Word (.docx) da scrivere, da rivedere e pubblicare"
    )
    export.add_argument(
        "--table",
        dest="tables",
        action="extend",
        nargs="+",
        metavar="CHIAVE",
        help="solo questi tavoli (ripetibile; predefinito: tutti)",
    )
    export.add_argument(
        "--anonymise",
        "--anonimizza",
        dest="anonymise",
        action="store_true",
        help="toglie i nomi dei facilitatori e del computer",
    )
    export.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="it",
        help="lingua della restituzione (predefinita: it; i testi dell'evento restano come sono)",
    )
    publish.add_arguments(export)

    kit = sub.add_parser(
        "paper-kit", help="stampa il kit cartaceo dei tavoli (presenze e post-it) in PDF"
    )
    kit.add_argument("event", type=Path, help="file evento (.sqlite)")
    kit.add_argument("--pdf", type=Path, required=True, help="PDF da scrivere")
    kit.add_argument(
        "--table",
        dest="tables",
        action="extend",
        nargs="+",
        metavar="CHIAVE",
        help="solo questi tavoli (ripetibile; predefinito: tutti)",
    )
    kit.add_argument(
        "--pages",
        type=int,
        default=2,
        help="fogli per i post-it per tavolo e sessione (predefinito: 2)",
    )
    kit.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="it",
        help="lingua del kit (predefinita: it)",
    )
    totals = sub.add_parser(
        "aggregate", help="totali per sede, zona e asse e copertura delle strategie"
    )
    totals.add_argument("event", type=Path, help="file evento (anche unito)")
    return {"export": _export, "paper-kit": _paper_kit, "aggregate": _aggregate}


def _export(args: argparse.Namespace, out: TextIO) -> int:
    publishing = publish.outputs(args)
    problem = publish.usage_problem(args)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if args.xlsx is None and args.pdf is None and args.docx is None and not publishing:
        print(
            "Indicare almeno --xlsx FILE, --pdf FILE o --docx FILE (o --decidim, --open-data)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    for output in (args.xlsx, args.pdf, args.docx, *publishing):
        if output is not None:
            check_output(output, protected=[args.event])
    clock = SystemClock()
    with EventStore.open(args.event, read_only=True) as store:
        try:
            snapshot = load_records(store, args.tables)
        except ValueError as error:
            print(f"Errore: {error}", file=sys.stderr)
            return EXIT_USAGE
    if args.xlsx is not None:
        book = write_workbook(
            snapshot, args.xlsx, clock, anonymise=args.anonymise, progress=TextProgress()
        )
        print(
            f"Cartella Excel scritta in {book.path}: {book.contributions} contributi, "
            f"{len(book.sheets)} fogli (SHA-256 {book.sha256[:12]}…)",
            file=out,
        )
    if args.pdf is not None:
        report = write_pdf(
            snapshot,
            args.pdf,
            clock,
            anonymise=args.anonymise,
            progress=TextProgress(),
            texts=Texts(args.lang),
        )
        print(
            f"Restituzione scritta in {report.path}: {report.pages} pagine, "
            f"{report.contributions} contributi",
            file=out,
        )
    if args.docx is not None:
        _export_docx(args, snapshot, clock, out)
    if publishing:
        publish.run(args, build_report(snapshot), out)
    return EXIT_OK


def _export_docx(
    args: argparse.Namespace, snapshot: EventRecords, clock: SystemClock, out: TextIO
) -> None:
    document = write_docx(
        snapshot,
        args.docx,
        clock,
        anonymise=args.anonymise,
        progress=TextProgress(),
        texts=Texts(args.lang),
    )
    print(
        f"Restituzione Word scritta in {document.path}: {document.contributions} contributi",
        file=out,
    )
    for removal in document.removed:  # the event file keeps them: the coordinator fixes it
        print(f"  Attenzione: {removal.message}", file=out)


def _paper_kit(args: argparse.Namespace, out: TextIO) -> int:
    if args.pages < 1:
        print("--pages deve essere almeno 1", file=sys.stderr)
        return EXIT_USAGE
    check_output(args.pdf, protected=[args.event])
    with EventStore.open(args.event, read_only=True) as store:
        try:
            kit = write_paper_kit(
                store,
                args.pdf,
                SystemClock(),
                table_keys=args.tables,
                capture_pages=args.pages,
                progress=TextProgress(),
                texts=Texts(args.lang),
            )
        except ValueError as error:
            print(f"Errore: {error}", file=sys.stderr)
            return EXIT_USAGE
    tables = f"{kit.tables} tavol{'o' if kit.tables == 1 else 'i'}"
    print(f"Kit cartaceo scritto in {kit.path}: {kit.pages} pagine, {tables}", file=out)
    return EXIT_OK


def _who(people: int | None) -> str:
    return "—" if people is None else str(people)


def _aggregate(args: argparse.Namespace, out: TextIO) -> int:
    with EventStore.open(args.event, read_only=True) as store:
        report = build_report(load_records(store))
    print(
        f"In presenza: {_who(report.in_presence)}   Online: {_who(report.online)}   "
        f"Ai tavoli: {_who(report.people_at_tables)}",
        file=out,
    )
    print(f"  ({report.counting_note})", file=out)
    for title, groups in (("Sedi", report.venues), ("Zone", report.zones), ("Assi", report.axes)):
        if not groups:
            continue
        print(f"{title}:", file=out)
        for group in groups:
            print(
                f"  {group.label}: {_who(group.people)} persone, {len(group.tables)} tavoli, "
                f"{group.contributions} contributi, {group.themes} temi",
                file=out,
            )
    if report.axis_tags:
        print(f"{AXIS_TAGS_TITLE}:", file=out)
        for tally in report.axis_tags:
            print(
                f"  {tally.label}: {tally.contributions} contributi, {tally.votes} voti", file=out
            )
    if report.origin_by_zone:
        origin = ", ".join(f"Zona {z}: {n}" for z, n in report.origin_by_zone.items())
        origin_of = report.origin
        tallied = f"{origin_of.tallied_of_present} su {_who(origin_of.present)} presenti"
        if origin_of.unmatched:
            tallied += f", più {origin_of.unmatched} in conteggi senza presenti"
        print(f"Provenienza dei partecipanti ({tallied}): {origin}", file=out)
    print(f"Strategie discusse ovunque ({len(report.coverage_groups)} gruppi):", file=out)
    for card in report.discussed_everywhere:
        print(f"  {card.code} {card.title}", file=out)
    print("Strategie mai discusse:", file=out)
    for card in report.discussed_nowhere:
        print(f"  {card.code} {card.title}", file=out)
    return EXIT_OK
