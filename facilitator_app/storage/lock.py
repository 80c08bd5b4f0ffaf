"""One writer per event file: an OS lock keyed to the file's identity, not to its name.

The lock lives in a per-computer folder (the system's temporary folder), in a file named
after the event file's identity: its device and inode (file index on Windows). Every name of
the same file (a symlink, a hard link, another spelling of the path) therefore meets the same
lock, and a file created out of sight and then linked into place keeps its lock.

The operating system releases the lock when the process ends, however it ends, so a lock left
by a crashed instance is recovered automatically. The lock file is never removed: removing it
while another process waits on it would let that process lock the removed file while a third
one locks a new file of the same name (two writers). Its first bytes hold the holder's name
(pid and computer) for the message; the lock itself is on a byte far beyond them (Windows
locks byte ranges), so reading the name never touches the locked region.
"""

from __future__ import annotations

import hashlib
import os
import re
import socket
import sys
import tempfile
import threading
from pathlib import Path

from facilitator_app.domain.errors import EventFileLockedError, StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, fill
from facilitator_app.storage.file_errors import os_reason

LOCK_FOLDER_NAME = "facilitator-app-locks"
# The holder's name fills the first HOLDER_BYTES bytes; the locked byte sits at 1 GiB.
HOLDER_BYTES = 256
LOCKED_BYTE = 1 << 30


def lock_folder() -> Path:
    """The per-computer folder of the lock files (created when missing, open to all users)."""
    folder = Path(tempfile.gettempdir()) / LOCK_FOLDER_NAME
    if not folder.is_dir():
        try:
            folder.mkdir(exist_ok=True)
            # Like /tmp: every user may lock, nobody may remove another's lock file.
            os.chmod(folder, 0o1777)
        except OSError as error:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Impossibile preparare la cartella dei blocchi {folder}: {reason}."
                ),
                folder=folder,
                reason=os_reason(error),
            ) from error
    return folder


def file_identity(path: Path) -> str:
    """The identity of a file, the same for every name of it (symlinks and hard links).

    Raises:
        OSError: the file does not exist or cannot be looked at.
    """
    info = os.stat(path)  # follows symlinks
    if info.st_ino:
        return f"{info.st_dev:x}-{info.st_ino:x}"
    # A file system without inode numbers: the resolved real path stands for the file.
    real = os.path.normcase(os.path.realpath(path))
    return "p-" + hashlib.sha256(real.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def lock_path(event_path: Path) -> Path:
    """The lock file of an (existing) event file.

    Raises:
        OSError: the event file does not exist.
        StorageError: the lock folder cannot be made.
    """
    return lock_folder() / f"{file_identity(event_path)}.lock"


# The locks this process holds, by file identity, so that a second connection of the same
# process (the room server's thread beside the window) can share one instead of being refused.
_HELD: dict[str, WriterLock] = {}
_HELD_GUARD = threading.Lock()


class WriterLock:
    """Exclusive, non-blocking lock held while an event file is open for writing.

    A lock may be shared inside its own process (:meth:`share`): the OS lock is then given
    back only when the owner and every share have been released.
    """

    def __init__(self, event_path: Path) -> None:
        self.event_path = Path(event_path)
        self._handle: int | None = None
        self._identity: str | None = None
        self._shares = 0
        self._owner: WriterLock | None = None  # set on a share: the lock it stands on

    @property
    def held(self) -> bool:
        """True between a successful :meth:`acquire` (or :meth:`share`) and :meth:`release`."""
        if self._owner is not None:
            return self._owner._handle is not None
        return self._handle is not None

    @classmethod
    def share(cls, event_path: Path) -> WriterLock | None:
        """A share of the lock this process already holds on ``event_path``, or None.

        The room server opens its own connection to the file the window has open: the
        window's process is already the one writer, so the server's connection stands on the
        window's lock rather than being refused by it.

        Raises:
            OSError: the event file does not exist.
        """
        identity = file_identity(Path(event_path))
        with _HELD_GUARD:
            owner = _HELD.get(identity)
            if owner is None or owner._handle is None:
                return None
            owner._shares += 1
            shared = cls(event_path)
            shared._owner = owner
            return shared

    def acquire(self) -> None:
        """Take the lock.

        Raises:
            EventFileLockedError: another process (or another window) has the file open.
            StorageError: the event file or the lock file cannot be reached.
        """
        try:
            path = lock_path(self.event_path)
            handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Impossibile bloccare {file} per la scrittura: {reason}."
                ),
                file=self.event_path,
                reason=os_reason(error),
            ) from error
        try:
            _lock(handle)
        except OSError:
            holder = _read_holder(handle)
            os.close(handle)
            template = (
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} è già aperto da un'altra finestra o un altro programma ({holder}). "
                    "Si può aprire in sola lettura.",
                )
                if holder
                else QT_TRANSLATE_NOOP(
                    "Errors",
                    "{name} è già aperto da un'altra finestra o un altro programma. "
                    "Si può aprire in sola lettura.",
                )
            )
            raise EventFileLockedError(template, name=self.event_path.name, holder=holder) from None
        _write_holder(handle, fill(_HOLDER, {"pid": os.getpid(), "host": socket.gethostname()}))
        self._handle = handle
        self._identity = path.stem
        with _HELD_GUARD:
            _HELD[self._identity] = self

    def release(self) -> None:
        """Give the lock back (safe to call twice); the lock file stays (see the module).

        A share gives back its part; the owner's OS lock is released once the owner and all
        its shares are released, whichever comes last.
        """
        with _HELD_GUARD:
            owner, self._owner = self._owner, None
            if owner is not None:
                owner._shares -= 1
                if owner._shares or owner._identity in _HELD:
                    return
                target = owner  # the owner was released first: the last share unlocks
            else:
                if self._handle is None or self._identity not in _HELD:
                    return
                del _HELD[self._identity]
                if self._shares:
                    return  # the last share unlocks
                target = self
        target._unlock_now()

    def _unlock_now(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            _unlock(handle)
        finally:
            os.close(handle)


# Written in Italian (other versions read it too), shown translated: "pid 12 on laptop-3".
_HOLDER = QT_TRANSLATE_NOOP("Errors", "pid {pid} su {host}")
_HOLDER_TEXT = re.compile(r"pid (\d+) su (.+)")


def _read_holder(handle: int) -> str:
    """Who holds the lock, as its lock file says (a translatable Message when ours)."""
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        text = os.read(handle, HOLDER_BYTES).decode("utf-8", "replace").strip(" \0\n")
    except OSError:
        text = ""
    said = _HOLDER_TEXT.fullmatch(text)
    if said:
        return Message(_HOLDER, pid=said.group(1), host=said.group(2))
    return text


def _write_holder(handle: int, text: str) -> None:
    # Padded to a fixed width and written in place: no truncation, so a reader never
    # meets a shorter file, and the region written never reaches the locked byte.
    data = text.encode("utf-8")[:HOLDER_BYTES].ljust(HOLDER_BYTES)
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, data)
    except OSError:
        pass  # the name only helps the message; the lock holds without it


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds only
    import msvcrt

    def _lock(handle: int) -> None:
        os.lseek(handle, LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)

    def _unlock(handle: int) -> None:
        os.lseek(handle, LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)
