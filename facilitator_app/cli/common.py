"""Shared pieces of the command line: exit codes, the progress bar and the status line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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


@contextmanager
def status_line(text: str, stream: TextIO | None = None) -> Iterator[None]:
    """Say on stderr what a step without a count is doing while it runs, then erase it.

    For steps that can pass a second with nothing to count (loading the meaning model the
    first time). Only drawn on a terminal, like :class:`TextProgress`.
    """
    target = stream if stream is not None else sys.stderr
    shown = target.isatty()
    if shown:
        target.write(text)
        target.flush()
    try:
        yield
    finally:
        if shown:
            target.write("\r" + " " * len(text) + "\r")
            target.flush()
