"""The coordinator's commands: prepare venue files, merge them back (``aggregate``: export)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, Handler, TextProgress
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.files import check_output
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup import distribute
from facilitator_app.storage.database import EventStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add ``prepare`` and ``merge``."""
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
    return {"prepare": _prepare, "merge": _merge}


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
