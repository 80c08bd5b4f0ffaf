"""The coordinator's commands: prepare venue files, merge them back, settle conflicts.

(``aggregate`` is in export.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Handler, TextProgress
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.files import check_output
from facilitator_app.services.merge import conflicts
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup import distribute
from facilitator_app.storage.database import EventStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add ``prepare``, ``merge`` and ``conflicts``."""
    prepare = sub.add_parser(
        "prepare", help="crea il file di una sede o di un tavolo dal file evento del coordinamento"
    )
    prepare.add_argument("master", type=Path, help="file evento del coordinamento")
    prepare.add_argument("out", type=Path, help="file da creare per la sede o il tavolo")
    prepare.add_argument("--venue", action="append", default=[], help="sede (ripetibile)")
    prepare.add_argument("--table", action="append", default=[], help="tavolo (ripetibile)")
    prepare.add_argument("--facilitator", help="nome del facilitatore sui tavoli copiati")
    unite = sub.add_parser("merge", help="unisce i file di tavoli e sedi in un unico evento")
    unite.add_argument("--into", type=Path, required=True, help="file evento unito")
    unite.add_argument("files", type=Path, nargs="+", help="file .xlsx esportati o file .sqlite")
    conflicts = sub.add_parser(
        "conflicts", help="conflitti di un evento unito: elenco e scelta della versione"
    )
    actions = conflicts.add_subparsers(dest="action", metavar="AZIONE", required=True)
    listing = actions.add_parser("list", help="elenca i conflitti (campo, versioni, mostrata)")
    listing.add_argument("event", type=Path, help="file evento unito")
    settle = actions.add_parser("resolve", help="sceglie la versione da tenere")
    settle.add_argument("event", type=Path, help="file evento unito")
    settle.add_argument("id", help="codice del conflitto (da «conflicts list»)")
    settle.add_argument("--keep", required=True, help="versione da tenere: A, B...")
    return {"prepare": _prepare, "merge": _merge, "conflicts": _conflicts}


def _conflicts(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "list":
        with EventStore.open(args.event, read_only=True) as store:
            found = conflicts.open_conflicts(store)
        for conflict in found:
            print(f"{conflict.id}  {conflict.kind} «{conflict.label}»", file=out)
            for name, when in zip(conflict.side_names(), conflict.sides, strict=True):
                print(f"    versione {name}: del {when}", file=out)
            for field in conflict.fields:
                shown = conflict.side_names()[field.shown]
                print(f"    campo {field.field} (mostrato: {shown})", file=out)
                for name, value in zip(conflict.side_names(), field.values, strict=True):
                    print(f"      {name}: {_shown_value(value)}", file=out)
        print(f"Conflitti aperti: {len(found)}", file=out)
        return EXIT_OK
    try:
        with EventStore.open(args.event) as store:
            conflicts.resolve_conflict(store, args.id, args.keep, SystemClock())
    except NotFoundError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"Conflitto {args.id}: tenuta la versione {args.keep.strip().upper()}", file=out)
    return EXIT_OK


def _shown_value(value: object) -> str:
    if value is None:
        return "(vuoto)"
    text = str(value).replace("\n", " ")
    return text if len(text) <= 100 else text[:99] + "…"


def _prepare(args: argparse.Namespace, out: TextIO) -> int:
    check_output(args.out, protected=[args.master])
    try:
        with EventStore.open(args.master, read_only=True) as master:
            event, tables = distribute.extract(
                master,
                args.out,
                venues=args.venue,
                tables=args.table,
                facilitator=args.facilitator,
                clock=SystemClock(),
            )
    except ValueError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_USAGE
    names = ", ".join(t.name for t in tables)
    print(f"Creato {args.out} per «{event.title}»: {names}", file=out)
    return EXIT_OK


def _merge(args: argparse.Namespace, out: TextIO) -> int:
    # The merged file is an event file, but never one of the sources (a source met again
    # among the files is refused one by one by the merge itself, with its name).
    check_output(args.into, may_be_event=True)
    results = merge.merge_files(args.into, args.files, SystemClock(), TextProgress())
    width = max(len(r.file) for r in results)
    print(
        f"{'file':<{width}}  {'esito':<15} {'nuovi':>6} {'aggiornati':>10} {'conflitti':>9}",
        file=out,
    )
    for result in results:
        print(
            f"{result.file:<{width}}  {result.status:<15} {result.added:>6} "
            f"{result.updated:>10} {len(result.conflicts):>9}",
            file=out,
        )
        for problem in result.problems[:10]:
            print(f"    rifiutato: {problem}", file=out)
        for conflict in result.conflicts[:10]:
            print(f"    conflitto: {conflict}", file=out)
    refused = sum(r.refused for r in results)
    print(
        f"Uniti {len(results) - refused} file su {len(results)} in {args.into}"
        + (f"; {refused} rifiutati" if refused else ""),
        file=out,
    )
    return EXIT_REFUSED if refused else EXIT_OK
