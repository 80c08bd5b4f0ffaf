"""The headless room server: ``room EVENT --table KEY --session N`` (docs/ROOM.md)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from pathlib import Path
from types import FrameType
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, Handler
from facilitator_app.domain.errors import FacilitatorError, NotFoundError
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.room import RoomServer, RoomSettings
from facilitator_app.services.room.table_card import TableCard, write_table_card
from facilitator_app.storage.database import EventStore

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add the ``room`` command."""
    room = sub.add_parser(
        "room",
        help="apre un tavolo ai telefoni dei partecipanti (server nella rete della sala)",
        description=(
            "Serve la pagina dei partecipanti per un tavolo e una sessione: stampa l'indirizzo "
            "(con il token) sulla prima riga e resta attivo fino a Ctrl+C."
        ),
    )
    room.add_argument("path", type=Path, help="file evento (.sqlite)")
    room.add_argument("--table", required=True, help="chiave (o id) del tavolo")
    room.add_argument("--session", required=True, type=int, help="numero della sessione (1 o 2)")
    room.add_argument(
        "--host",
        default="127.0.0.1",
        help="indirizzo su cui ascoltare (predefinito 127.0.0.1; quello dell'hotspot o della "
        "rete della sala per i telefoni)",
    )
    room.add_argument("--port", type=int, default=0, help="porta (predefinita: una libera)")
    room.add_argument(
        "--moderate",
        action="store_true",
        help="i post-it attendono l'approvazione invece di andare sul tabellone",
    )
    room.add_argument(
        "--card",
        type=Path,
        metavar="OUT.pdf",
        help="scrive anche il cartello del tavolo (PDF con codice QR, indirizzo e codice) "
        "per il server appena avviato, poi resta attivo come sempre",
    )
    return {"room": _room}


def _table_id(path: Path, wanted: str) -> str | None:
    """The id of the table whose key (or id) is ``wanted``, or None."""
    with EventStore.open(path, read_only=True) as store:
        tables = store.tables()
    for table in tables:
        if wanted in (table.key, table.id):
            return table.id
    return None


def _room(args: argparse.Namespace, out: TextIO) -> int:
    table_id = _table_id(args.path, args.table)
    if table_id is None:
        print(f"Errore: il tavolo «{args.table}» non esiste in {args.path}", file=sys.stderr)
        return EXIT_REFUSED
    settings = RoomSettings(
        table_id, args.session, host=args.host, port=args.port, moderate=args.moderate
    )
    server = RoomServer(args.path, settings, clock=SystemClock())
    try:
        server.start()
    except NotFoundError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except OSError as error:
        server.stop()
        print(f"Errore: impossibile ascoltare su {args.host}:{args.port}: {error}", file=sys.stderr)
        return EXIT_REFUSED
    if args.card is not None and not _write_card(args.path, server, args.card):
        server.stop()
        return EXIT_REFUSED
    stop = threading.Event()

    def ask_to_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {
        number: signal.signal(number, ask_to_stop) for number in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        print(server.url, file=out, flush=True)
        print(f"Oppure aprire {server.base_url} e scrivere il codice {server.short_code}", file=out)
        moderation = "in attesa di approvazione" if args.moderate else "direttamente sul tabellone"
        print(f"I post-it vanno {moderation}. Ctrl+C per fermare.", file=out, flush=True)
        stop.wait()
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        server.stop()
    print("Server fermato.", file=out, flush=True)
    return EXIT_OK


def _write_card(path: Path, server: RoomServer, card_path: Path) -> bool:
    """Write the table card of the running server; False (and why on stderr) on failure."""
    settings = server.settings
    with EventStore.open(path, read_only=True) as store:
        table = next(t for t in store.tables() if t.id == settings.table_id)
        session = store.session_of_table(table.id, settings.session)
    question = session.question if session is not None else ""
    card = TableCard(table.name, question, server.url, server.base_url, server.short_code)
    try:
        write_table_card(card_path, card)
    except FacilitatorError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return False
    print(f"Cartello del tavolo: {card_path}", file=sys.stderr)
    return True
