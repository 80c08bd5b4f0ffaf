"""One writer per event file: an OS lock on a companion ``.lock`` file.

The operating system releases the lock when the process ends, however it ends, so a lock
left by a crashed instance is recovered automatically; the file's text (pid and computer)
only helps a person see who holds it.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO

from facilitator_app.domain.errors import EventFileLockedError


def lock_path(event_path: Path) -> Path:
    """The companion lock file of an event file."""
    return event_path.with_name(event_path.name + ".lock")


class WriterLock:
    """Exclusive, non-blocking lock held while an event file is open for writing."""

    def __init__(self, event_path: Path) -> None:
        self.path = lock_path(event_path)
        self._handle: IO[str] | None = None

    def acquire(self) -> None:
        """Take the lock.

        Raises:
            EventFileLockedError: another process (or another window) has the file open.
        """
        handle = self.path.open("a+", encoding="utf-8")
        try:
            _lock(handle)
        except OSError:
            handle.seek(0)
            holder = handle.read().strip() or "un'altra finestra"
            handle.close()
            raise EventFileLockedError(
                f"{self.path.with_suffix('').name} è già aperto su questo computer ({holder}). "
                "Si può aprire in sola lettura."
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} su {socket.gethostname()}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        """Give the lock back (safe to call twice)."""
        if self._handle is None:
            return
        try:
            _unlock(self._handle)
        finally:
            self._handle.close()
            self._handle = None
            self.path.unlink(missing_ok=True)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
