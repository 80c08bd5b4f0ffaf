"""Writing files so that a crash, a full disk or a refused write never leaves half a file.

Every file the app writes (exports, slides, paper kit, templates, preferences, recent
files) goes through :func:`atomic_write`: the content is written to a temporary file in
the same folder, flushed and fsynced, then renamed over the target and the folder is
fsynced, so the target is either the old file or the whole new one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP


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


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Give a temporary path beside ``target``; on success it replaces ``target`` durably.

    For writers that insist on a file name of their own (openpyxl, reportlab). The body
    writes the temporary path; when it returns, the file is fsynced and renamed over
    ``target``. When it raises, the temporary file is removed and ``target`` is untouched.

    Raises:
        StorageError: the folder cannot be written (message names the file).
    """
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise StorageError(
            QT_TRANSLATE_NOOP("Errors", "Impossibile scrivere {target}: {why}"),
            target=target,
            why=error.strerror or error,
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
            QT_TRANSLATE_NOOP("Errors", "Impossibile scrivere {target}: {why}"),
            target=target,
            why=error.strerror or error,
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
