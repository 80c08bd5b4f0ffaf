"""Where event files come from: built out of sight, linked into place, opened safely.

A new event file is built in a hidden temporary file beside its final name and appears
under that name only when complete (:func:`publish`); a failure removes it
(:func:`discard`), so a full disk never leaves a half file that blocks the retry.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from contextlib import suppress
from pathlib import Path

from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, term
from facilitator_app.storage.file_errors import READ_ONLY, os_reason, sqlite_reason
from facilitator_app.storage.lock import WriterLock


def creation_error(target: Path, error: sqlite3.Error | OSError) -> StorageError:
    """The message of a failed creation: the file and the cause, in Italian."""
    folder = target.parent
    reason = os_reason(error) if isinstance(error, OSError) else sqlite_reason(error, folder)
    return StorageError(
        QT_TRANSLATE_NOOP(
            "Errors", "Impossibile creare {target}: {reason}. Nessun file è stato creato."
        ),
        target=target,
        reason=reason,
    )


#: The message of a new file whose name was taken meanwhile (also EventStore.create's).
FILE_EXISTS = QT_TRANSLATE_NOOP("Errors", "Il file {target} esiste già: scegliere un altro nome.")


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it.
_NEW_FILE_MODE = 0o666 & ~_current_umask()


def temporary_beside(target: Path) -> tuple[Path, WriterLock]:
    """An empty hidden file in ``target``'s folder, with its writer lock already held.

    The lock is keyed to the file's identity, which linking or renaming it into place keeps.
    """
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".creating", dir=target.parent
        )
        os.close(handle)
    except OSError as error:
        raise creation_error(target, error) from error
    temporary = Path(name)
    lock = WriterLock(temporary)
    try:
        os.chmod(temporary, _NEW_FILE_MODE)  # mkstemp's file is private (0600)
        lock.acquire()
    except BaseException as error:
        discard(temporary)
        if isinstance(error, OSError):
            raise creation_error(target, error) from error
        raise
    return temporary, lock


def publish(temporary: Path, target: Path, *, replace: bool) -> None:
    """Put the finished ``temporary`` at ``target`` durably (never over a file, unless asked)."""
    if os.path.exists(str(temporary) + "-wal"):  # pragma: no cover - SQLite removes it on close
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Impossibile creare {target}: il file non è stato completato."
            ),
            target=target,
        )
    try:
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        if replace:
            # An old write-ahead log beside the new file would be replayed into it.
            for suffix in ("-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            os.replace(temporary, target)
        else:
            _link_without_replacing(temporary, target)
    except FileExistsError as error:
        raise StorageError(FILE_EXISTS, target=target) from error
    except OSError as error:
        raise creation_error(target, error) from error
    _fsync_folder(target.parent)


def _link_without_replacing(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the name ``target``; FileExistsError when ``target`` appeared."""
    try:
        os.link(temporary, target)  # fails if target exists: no check-then-act race
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT on USB sticks): a rename, which Windows
        # refuses over an existing file; elsewhere the check just before it must do.
        if sys.platform != "win32" and os.path.lexists(target):
            raise FileExistsError(target) from None
        os.rename(temporary, target)
        return
    temporary.unlink()


def discard(temporary: Path) -> None:
    """Remove an unfinished temporary event file and SQLite's files beside it."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(OSError):
            Path(str(temporary) + suffix).unlink(missing_ok=True)


def _fsync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable on its own
        return
    with suppress(OSError):
        os.fsync(handle)
    os.close(handle)


def check_writable(target: Path) -> None:
    """Refuse, before taking any lock or touching the file, what could only be read.

    SQLite writes its journal (``-wal``, ``-shm``) beside the file: a read-only folder makes
    every write fail with an error that reads like damage.

    Raises:
        StorageError: the folder or the file cannot be written (open it read-only instead).
    """
    folder = target.resolve().parent
    if not os.access(folder, os.W_OK) or not os.access(target, os.W_OK):
        if not os.access(folder, os.W_OK):
            what = term(QT_TRANSLATE_NOOP("Terms", "cartella"))
        else:
            what = term(QT_TRANSLATE_NOOP("Terms", "file"))
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{target}: {what} in sola lettura ({reason}). Il file si può aprire solo "
                "in lettura; per modificarlo copiarlo in una cartella scrivibile.",
            ),
            target=target,
            what=what,
            reason=READ_ONLY,
        )


def read_only_uri(target: Path) -> str:
    """The URI that opens ``target`` for reading, also from a read-only folder.

    Reading a WAL-mode file needs its ``-shm`` beside it; in a read-only folder nobody can
    create it, nor write the file, so the file is opened as immutable when no ``-wal`` is
    left to replay.
    """
    real = target.resolve()
    uri = real.as_uri() + "?mode=ro"
    folder_read_only = not os.access(real.parent, os.W_OK)
    if folder_read_only and not os.path.exists(str(real) + "-wal"):
        uri += "&immutable=1"
    return uri
