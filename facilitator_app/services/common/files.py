"""Writing files so that a crash, a full disk or a refused write never leaves half a file.

Every file the app writes (exports, slides, paper kit, templates, preferences, recent
files) goes through :func:`atomic_write`: the content is written to a temporary file in
the same folder, flushed and fsynced, then renamed over the target and the folder is
fsynced, so the target is either the old file or the whole new one.

No output may land on an event file: :func:`check_output` compares paths by file identity
(symlinks and hard links included) with the event files in use and their SQLite companions
(``-wal``, ``-shm``, ``-journal``) and lock; :func:`atomic_path` refuses, whatever the caller
checked, to replace an event file or a companion of one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.storage.file_errors import os_reason
from facilitator_app.storage.lock import lock_folder, lock_path
from facilitator_app.storage.schema import APPLICATION_ID

# SQLite's companions of a database file, named after it.
COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
_SQLITE_MAGIC = b"SQLite format 3\x00"


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once at import: os.umask can only be read by setting it.
_NEW_FILE_MODE = 0o666 & ~_current_umask()


def _fsync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its rename is durable on its own
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


def same_file(first: Path, second: Path) -> bool:
    """True when both paths name one existing file (through symlinks and hard links too)."""
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist: they cannot be the same file
        return False


def is_event_file(path: Path) -> bool:
    """True when ``path`` is an existing event file of this app (by its SQLite header)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
    except OSError:
        return False
    app_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    return header.startswith(_SQLITE_MAGIC) and app_id == APPLICATION_ID


def _companions(event: Path) -> list[Path]:
    found = [Path(str(event) + suffix) for suffix in COMPANION_SUFFIXES]
    with contextlib.suppress(OSError, StorageError):  # no file, no lock to protect
        found.append(lock_path(event))
    return found


def check_output(path: Path, protected: Iterable[Path] = (), *, may_be_event: bool = False) -> None:
    """Refuse an output path that is, or belongs to, an event file.

    Compared by file identity, not by name: a symlink, a hard link or another spelling of
    an event file is the event file.

    Args:
        path: the file about to be written.
        protected: the event files in use (the one being exported, the merge's sources).
        may_be_event: ``path`` may be an event file (the merge writes into one); it still
            may not be one of ``protected`` nor a companion of an event file.

    Raises:
        StorageError: ``path`` is a protected file, an event file (open or not), or the
            ``-wal``/``-shm``/``-journal``/lock companion of one; nothing is written.
    """
    target = Path(path)
    for event in protected:
        for own in [Path(event), *_companions(Path(event))]:
            if own == target or same_file(target, own):
                raise StorageError(
                    QT_TRANSLATE_NOOP(
                        "Errors",
                        "Impossibile scrivere {target}: è il file evento {event} (o un suo file "
                        "di servizio). Scegliere un altro nome: nulla è stato scritto.",
                    ),
                    target=target,
                    event=Path(event).name,
                )
    name = target.name
    for suffix in COMPANION_SUFFIXES:
        if name.endswith(suffix) and is_event_file(target.with_name(name[: -len(suffix)])):
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Errors",
                    "Impossibile scrivere {target}: è un file di servizio del file evento "
                    "{event}. Scegliere un altro nome: nulla è stato scritto.",
                ),
                target=target,
                event=name[: -len(suffix)],
            )
    try:
        in_lock_folder = same_file(target.parent, lock_folder())
    except StorageError:  # no lock folder yet: nothing in it to protect
        in_lock_folder = False
    if in_lock_folder:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Impossibile scrivere {target}: è la cartella dei blocchi."
            ),
            target=target,
        )
    # An event file open in a window is an event file: its header says so.
    if not may_be_event and is_event_file(target):
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "Impossibile scrivere {target}: è un file evento. Scegliere un altro nome: "
                "nulla è stato scritto.",
            ),
            target=target,
        )


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Give a temporary path beside ``target``; on success it replaces ``target`` durably.

    For writers that insist on a file name of their own (openpyxl, reportlab). The body
    writes the temporary path; when it returns, the file is fsynced and renamed over
    ``target``. When it raises, the temporary file is removed and ``target`` is untouched.

    Raises:
        StorageError: the folder cannot be written, or ``target`` is an event file
            (:func:`check_output`); the message names the file.
    """
    target = Path(target)
    check_output(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise StorageError(
            QT_TRANSLATE_NOOP("Errors", "Impossibile scrivere {target}: {why}."),
            target=target,
            why=os_reason(error),
        ) from error
    os.close(handle)
    temporary = Path(name)
    try:
        # mkstemp makes a private (0600) file; give the result the mode a plain write would
        # (the old file's mode when replacing one, else the usual one under the umask).
        try:
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError:
            mode = _NEW_FILE_MODE
        os.chmod(temporary, mode)
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Errors", "Impossibile scrivere {target}: {why}. Il file precedente è intatto."
            ),
            target=target,
            why=os_reason(error),
        ) from error
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def atomic_write(target: Path, content: bytes | str | Callable[[Path], None]) -> None:
    """Write ``target`` all at once: the old file or the whole new one, never half.

    Args:
        target: the file to write (its folder is created when missing).
        content: bytes, text (written as UTF-8), or a function that writes the whole
            file at the path it is given (a temporary file in the same folder).

    Raises:
        StorageError: the file could not be written; ``target`` is unchanged.
    """
    with atomic_path(target) as temporary:
        if isinstance(content, bytes):
            temporary.write_bytes(content)
        elif isinstance(content, str):
            temporary.write_bytes(content.encode("utf-8"))
        else:
            content(temporary)
