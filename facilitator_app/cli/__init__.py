"""Command line: a thin client of the services.

Exit codes: 0 done, 1 could not write, 2 usage error, 3 input refused.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from facilitator_app import __version__
from facilitator_app.cli import core, counts, export, merge, room, slides, themes
from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, EXIT_WRITE, Handler
from facilitator_app.domain.errors import (
    FacilitatorError,
    InputRefusedError,
    NotAnEventFileError,
    SchemaTooNewError,
)

# Each feature module contributes its sub-commands through a register() function.
COMMAND_MODULES = [core, counts, merge, themes, export, slides, room]


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Handler]]:
    """The argument parser and the handler of every sub-command."""
    parser = argparse.ArgumentParser(
        prog="facilitator-app",
        description="Tavoli partecipati del PSM: senza argomenti apre l'applicazione grafica.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMANDO")
    handlers: dict[str, Handler] = {}
    for module in COMMAND_MODULES:
        handlers.update(module.register(sub))
    return parser, handlers


def _printable(stream: TextIO) -> None:
    """Let a console stream print any file name.

    A name that is not valid UTF-8 reaches Python with lone surrogates; printed strictly it
    would end the command with UnicodeEncodeError, so such characters print as "?".
    Names in messages are already shown with U+FFFD (services.common.cells.shown_name).
    """
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run one command; return its exit code."""
    for console in (sys.stdout, sys.stderr):
        _printable(console)
    stream = out or sys.stdout
    parser, handlers = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(stream)
        return EXIT_USAGE
    try:
        return int(handlers[args.command](args, stream))
    except InputRefusedError as error:
        print("File rifiutato, nulla è stato importato:", file=sys.stderr)
        lines = error.summary  # the same problem on many rows is one line
        for line in lines[:50]:
            print(f"  - {line}", file=sys.stderr)
        if len(lines) > 50:
            print(f"  ... e altri {len(lines) - 50} problemi", file=sys.stderr)
        return EXIT_REFUSED
    except (NotAnEventFileError, SchemaTooNewError) as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_REFUSED
    except FacilitatorError as error:
        print(f"Errore: {error}", file=sys.stderr)
        return EXIT_WRITE
    except BrokenPipeError:
        # The reader stopped reading (`cards list | head`): not a failure. Python's own advice:
        # point stdout at /dev/null so the flush at exit does not raise again.
        with contextlib.suppress(OSError, ValueError):  # no real stdout (tests, embedding)
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
