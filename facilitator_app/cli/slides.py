"""``facilitator-app slides``: the plenary deck as a 16:9 PDF, for a borrowed laptop."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE, Handler
from facilitator_app.services.analysis.embeddings import stored_event_vectors
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.common.files import check_output
from facilitator_app.services.common.texts import LANGUAGES, Texts
from facilitator_app.services.plenary.settings import load_settings
from facilitator_app.services.plenary.slides_pdf import write_slides_pdf
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add ``slides``; return its handler by name."""
    slides = sub.add_parser(
        "slides",
        help="scrive le diapositive della plenaria in PDF (16:9, una pagina per diapositiva)",
    )
    slides.add_argument("event", type=Path, help="file evento (.sqlite)")
    slides.add_argument("--pdf", type=Path, required=True, help="PDF da scrivere")
    slides.add_argument(
        "--table",
        dest="tables",
        action="extend",
        nargs="+",
        metavar="CHIAVE",
        help="solo questi tavoli (ripetibile; predefinito: tutti)",
    )
    slides.add_argument(
        "--lang",
        choices=LANGUAGES,
        default="it",
        help="lingua delle diapositive (predefinita: it)",
    )
    return {"slides": _slides}


def _slides(args: argparse.Namespace, out: TextIO) -> int:
    check_output(args.pdf, protected=[args.event])
    with EventStore.open(args.event, read_only=True) as store:
        try:
            snapshot = load_records(store, args.tables)
        except ValueError as error:
            print(f"Errore: {error}", file=sys.stderr)
            return EXIT_USAGE
        settings = load_settings(store)
        # The meaning method for the cross-cutting slide when every vector is stored.
        vectors = stored_event_vectors(store, snapshot.live_contributions())
    result = write_slides_pdf(
        snapshot, args.pdf, SystemClock(), settings, Texts(args.lang), vectors=vectors
    )
    hidden = f" ({result.hidden} nascoste)" if result.hidden else ""
    print(f"Diapositive scritte in {result.path}: {result.pages} pagine{hidden}", file=out)
    return EXIT_OK
