"""A merge's source files: a private copy, its digest, then its validated records.

Every source (an exported workbook, or an event file with its ``-wal``) is first copied into
a private folder while its bytes are hashed, and only the copy is read: nothing (no ``-shm``,
no checkpoint) is ever written beside the input, and the digest is exactly that of the bytes
that are read. So a digest already merged into the merged file names the same content, and
the file is "già importato" without being decoded (docs/FILE_FORMATS.md); a changed
``-wal`` (post-its written while the laptop's app stayed open) changes the digest.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import (
    DamagedRecordError,
    FacilitatorError,
    InputRefusedError,
    Problem,
    message_of,
    refuse,
)
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.cells import shown_name
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.tabular import MAX_XLSX_BYTES
from facilitator_app.services.exchange.exchange_data import ExchangeData, event_file_data
from facilitator_app.services.exchange.reader import read_workbook, reference_problems
from facilitator_app.services.records.validation import RecordFault, RecordsRefusedError
from facilitator_app.storage.codec import CODECS
from facilitator_app.storage.database import EventStore

SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
_BLOCK = 1 << 20


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(_BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy_hashing(source: Path, copy: Path, digest: Any) -> None:
    """Copy a file block by block, feeding the same blocks to ``digest``."""
    with source.open("rb") as reader, copy.open("wb") as writer:
        for block in iter(lambda: reader.read(_BLOCK), b""):
            digest.update(block)
            writer.write(block)


def source_digest(path: Path) -> str:
    """The digest :func:`private_copy` gives, of the file as it is now, without copying it.

    A merge asks it first: a digest merged before means those very bytes were merged, and
    the file is skipped unread; otherwise the copy is made (and hashed again: the bytes
    read are those hashed, even if the file changed in between).

    Raises:
        InputRefusedError: the file does not exist or cannot be read.
    """
    file = shown_name(path)
    if not path.is_file():
        raise refuse(file, _MISSING)
    digest = hashlib.sha256()
    try:
        for part in (path, path.with_name(path.name + "-wal")):
            if part is path or part.is_file():
                with part.open("rb") as handle:
                    for block in iter(lambda: handle.read(_BLOCK), b""):
                        digest.update(block)
    except OSError as error:
        raise refuse(file, _UNREADABLE, why=error.strerror or str(error)) from None
    return digest.hexdigest()


@contextmanager
def private_copy(path: Path) -> Iterator[tuple[Path, str]]:
    """A private copy of a source (and of its ``-wal``), with the digest of what was copied.

    The digest is the SHA-256 of the file's bytes followed by its ``-wal``'s (an event file
    left open on a laptop); without a ``-wal``, or with an empty one, it is the file's own
    SHA-256. The copy, in a temporary folder, keeps the file's name (messages name it alike)
    and is removed on leaving.

    Yields:
        The copy and the digest.

    Raises:
        InputRefusedError: the file does not exist or cannot be read.
    """
    file = shown_name(path)
    if not path.is_file():
        raise refuse(file, _MISSING)
    try:
        with path.open("rb") as handle:
            oversized_workbook = (
                handle.read(4) == ZIP_MAGIC and path.stat().st_size > MAX_XLSX_BYTES
            )
    except OSError as error:
        raise refuse(file, _UNREADABLE, why=error.strerror or str(error)) from None
    if oversized_workbook:
        # The reader refuses it by its size before reading anything: not copied either.
        read_workbook(path)
    with tempfile.TemporaryDirectory(prefix="facilitator-merge-") as folder:
        copy = Path(folder) / path.name
        digest = hashlib.sha256()
        try:
            _copy_hashing(path, copy, digest)
            wal = path.with_name(path.name + "-wal")
            if wal.is_file():
                _copy_hashing(wal, copy.with_name(copy.name + "-wal"), digest)
        except OSError as error:
            raise refuse(file, _UNREADABLE, why=error.strerror or str(error)) from None
        yield copy, digest.hexdigest()


_MISSING = QT_TRANSLATE_NOOP("Errors", "il file non esiste")
_UNREADABLE = QT_TRANSLATE_NOOP("Errors", "impossibile leggerlo ({why})")
_IN_RECORD = QT_TRANSLATE_NOOP("Errors", "tabella «{table}», record {record}: {why}")
_EMPTY = QT_TRANSLATE_NOOP("Errors", "il file è vuoto")
_NEITHER = QT_TRANSLATE_NOOP(
    "Errors", "non è né un file evento (.sqlite) né una cartella di lavoro esportata (.xlsx)"
)


def _said_of_source(error: FacilitatorError, copy: Path, file: str) -> Problem:
    """An error about the private copy, said of the source file the person chose."""
    if not error.template:
        return Problem(file, str(error).replace(str(copy), file))
    params = tuple(
        (name, file if str(value) in (str(copy), copy.name) else value)
        for name, value in error.params.items()
    )
    return Problem(file, error.template, params=params)


def _fault_problem(file: str, fault: RecordFault) -> Problem:
    """A record of an event file that breaks a rule: its table, id and column."""
    table = CODECS[fault.kind].table
    return Problem(
        file,
        _IN_RECORD,
        column=fault.field,
        params=(("table", table), ("record", fault.record_id), ("why", fault.message)),
    )


def decode_source(
    copy: Path, clock: Clock | None = None, progress: Progress = no_progress
) -> ExchangeData:
    """Read and validate a private copy of a source (exported workbook or event file).

    Both kinds go through the same record rules (:mod:`facilitator_app.domain.validation`)
    and reference checks; an event file is opened read-only, after its schema is verified.

    Args:
        copy: the copy made by :func:`private_copy` (named as the source).
        clock: the time of the merge, for the latest plausible timestamp (None: no bound).
        progress: steps of reading a workbook.

    Raises:
        InputRefusedError: naming file, sheet or table, row or id, and column.
    """
    file = shown_name(copy)
    with copy.open("rb") as handle:
        head = handle.read(16)
    if head.startswith(ZIP_MAGIC):
        return read_workbook(copy, progress=progress, clock=clock)
    if head == SQLITE_MAGIC:
        now = clock.now() if clock is not None else None
        try:
            with EventStore.open(copy, read_only=True) as store:
                data = event_file_data(store, check=True, now=now)
        except RecordsRefusedError as error:
            raise InputRefusedError([_fault_problem(file, f) for f in error.faults]) from None
        except DamagedRecordError as error:
            raise refuse(
                file,
                _IN_RECORD,
                column=error.column,
                table=error.table,
                record=error.record_id,
                why=message_of(error),
            ) from None
        except FacilitatorError as error:
            raise InputRefusedError([_said_of_source(error, copy, file)]) from None
        problems = reference_problems(data, file)
        if problems:
            raise InputRefusedError(problems)
        return data
    if not head:
        raise refuse(file, _EMPTY)
    raise refuse(file, _NEITHER)


def read_source(
    path: Path, clock: Clock | None = None, progress: Progress = no_progress
) -> ExchangeData:
    """Read and validate one input file (exported workbook or event file), from a private copy.

    Args:
        path: the source.
        clock: the time of the merge, for the latest plausible timestamp (None: no bound).
        progress: steps of reading a workbook.

    Raises:
        InputRefusedError: naming file, sheet or table, row or id, and column.
    """
    with private_copy(path) as (copy, _digest):
        return decode_source(copy, clock, progress)
