"""Why the file system refused: the cause in words a person can act on.

``OSError`` and SQLite's errors carry the cause as an errno or an English sentence ("disk
I/O error", "No space left on device"); the messages of the app name it in Italian, as a
:class:`~facilitator_app.domain.translatable.Message` that the interface shows in English.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message

DISK_FULL = Message(QT_TRANSLATE_NOOP("Errors", "il disco è pieno"))
READ_ONLY = Message(QT_TRANSLATE_NOOP("Errors", "cartella o disco in sola lettura"))
NO_PERMISSION = Message(QT_TRANSLATE_NOOP("Errors", "permesso negato"))

_REASONS = {
    errno.ENOSPC: DISK_FULL,
    errno.EDQUOT: Message(QT_TRANSLATE_NOOP("Errors", "il disco è pieno (quota esaurita)")),
    errno.EFBIG: Message(QT_TRANSLATE_NOOP("Errors", "file troppo grande per il disco")),
    errno.EROFS: READ_ONLY,
    errno.EACCES: NO_PERMISSION,
    errno.EPERM: NO_PERMISSION,
    errno.ENOENT: Message(QT_TRANSLATE_NOOP("Errors", "cartella inesistente")),
    errno.ENOTDIR: Message(
        QT_TRANSLATE_NOOP("Errors", "il percorso passa per un file, non per una cartella")
    ),
    errno.EISDIR: Message(QT_TRANSLATE_NOOP("Errors", "è una cartella")),
    errno.EIO: Message(
        QT_TRANSLATE_NOOP(
            "Errors", "errore di lettura o scrittura del disco (disco staccato o guasto?)"
        )
    ),
}


def os_reason(error: OSError) -> str:
    """The cause of a refused file operation, in Italian (a translatable Message when known).

    An errno the app does not name gives the system's own words.
    """
    if error.errno in _REASONS:
        return _REASONS[error.errno]
    return error.strerror or str(error)


# Below this much free space a vague "disk I/O error" is, in practice, a full disk.
_NEARLY_FULL = 1024 * 1024


def disk_nearly_full(folder: Path) -> bool:
    """True when the disk holding ``folder`` has (almost) no free space left."""
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def sqlite_reason(error: sqlite3.Error, folder: Path | None = None) -> str:
    """The cause of a refused SQLite write, in Italian (SQLite names it only in English).

    A cause the app knows is a translatable Message; any other is SQLite's own text.

    Args:
        error: what SQLite raised.
        folder: the file's folder: SQLite reports a full disk as a mere "disk I/O error"
            when creating files, so the free space there tells the two apart.
    """
    text = str(error).lower()
    if "full" in text or (folder is not None and disk_nearly_full(folder)):
        return DISK_FULL
    if "readonly" in text or "read-only" in text:
        return READ_ONLY
    if "unable to open" in text:
        return Message(QT_TRANSLATE_NOOP("Errors", "cartella o file non scrivibili"))
    if "locked" in text or "busy" in text:
        return Message(QT_TRANSLATE_NOOP("Errors", "il file è in uso da un altro programma"))
    if "disk i/o" in text:
        return Message(
            QT_TRANSLATE_NOOP("Errors", "errore di scrittura del disco (disco pieno o staccato?)")
        )
    return str(error)


_REFUSALS = ("full", "readonly", "read-only", "unable to open", "disk i/o", "locked", "busy")


def is_disk_refusal(error: sqlite3.Error) -> bool:
    """True when SQLite failed because of the disk or the folder, not the file's content."""
    text = str(error).lower()
    return any(word in text for word in _REFUSALS)
