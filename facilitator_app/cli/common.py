"""Shared pieces of the command line: exit codes and the progress bar."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TextIO

Handler = Callable[[argparse.Namespace, TextIO], int]

EXIT_OK = 0
EXIT_WRITE = 1
EXIT_USAGE = 2
EXIT_REFUSED = 3


class TextProgress:
    """A one-line progress bar on stderr (only drawn on a terminal)."""

    def __init__(self, stream: TextIO = sys.stderr, width: int = 30) -> None:
        self.stream = stream
        self.width = width

    def __call__(self, done: int, total: int, label: str = "") -> None:
        """Redraw the bar."""
        if not self.stream.isatty():
            return
        filled = self.width * done // max(total, 1)
        bar = "#" * filled + "-" * (self.width - filled)
        self.stream.write(f"\r[{bar}] {done}/{total} {label:<20}")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
