"""The restituzione as a Word document (.docx), for the coordinator to edit and publish.

The same chapters as the PDF (:class:`~facilitator_app.services.reports.chapters.
RestituzioneChapters`), written through a
:class:`~facilitator_app.services.reports.docx_writer.DocxWriter`: the same sections in the
same order, the same words in the chosen language. Characters a Word document cannot hold
are dropped first and reported (:mod:`~facilitator_app.services.reports.docx_clean`); the
file is written atomically (the old file or the whole new one).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import StorageError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.files import atomic_path
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.services.reports.chapters import RestituzioneChapters
from facilitator_app.services.reports.docx_clean import Removal, clean_records
from facilitator_app.services.reports.docx_writer import DocxWriter
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class DocxResult:
    """What :func:`write_docx` wrote.

    Attributes:
        removed: the characters a Word document cannot hold, dropped, and where they were.
    """

    path: Path
    contributions: int
    removed: tuple[Removal, ...] = ()


def write_docx(
    snapshot: EventRecords,
    path: Path,
    clock: Clock,
    *,
    anonymise: bool = False,
    progress: Progress = no_progress,
    texts: Texts = ITALIAN,
) -> DocxResult:
    """Write the restituzione of an already-read event (or of some tables) as a .docx.

    Args:
        snapshot: what :func:`~facilitator_app.services.records.event_records.load_records`
            read; a partial snapshot gives the restituzione of those tables only.
        path: the .docx to write (replaced atomically).
        clock: gives the creation date.
        anonymise: leave the facilitators' names out.
        progress: ``progress(done, total, label)`` while chapters are written and saved.
        texts: the language of the report; the event's texts stay as written.

    Raises:
        StorageError: the file cannot be written (a folder, a read-only place, a full
            disk); nothing is left behind and an older file is untouched.
    """
    if Path(path).is_dir():  # before the work: the message names the folder
        raise StorageError(
            QT_TRANSLATE_NOOP("Errors", "Impossibile scrivere {target}: è una cartella."),
            target=path,
        )
    translate = texts.translate
    snapshot, removed = clean_records(snapshot)
    writer = DocxWriter(texts.language, note_style=translate("Report", "Nota"))
    report = RestituzioneChapters(snapshot, clock, anonymise, texts, out=writer)
    done, steps = report.write_all(progress, extra_steps=1)
    event = snapshot.event
    subject = translate("Report", "Restituzione")
    if snapshot.partial:
        keys = ", ".join(t.key for t in snapshot.tables)
        subject = translate("Report", "Restituzione del tavolo {keys}").format(keys=keys)
    writer.footer(
        f"{event.title} — {long_date(event.date, texts.language)}",
        translate("Report", "Pagina {number} di {total}"),
    )
    writer.properties(
        title=event.title,
        subject=subject,
        author=f"facilitator_app {__version__}",
        created=clock.now(),
    )
    progress(done, steps, translate("Report", "salvataggio"))
    with atomic_path(Path(path)) as temporary:
        writer.save(temporary)
    progress(steps, steps, translate("Report", "fatto"))
    return DocxResult(path=Path(path), contributions=len(report.live), removed=removed)


def export_docx(
    store: EventStore,
    path: Path,
    clock: Clock,
    *,
    table_keys: Sequence[str] | None = None,
    anonymise: bool = False,
    progress: Progress = no_progress,
    texts: Texts = ITALIAN,
) -> DocxResult:
    """Export the Word restituzione of an event file, or of some of its tables.

    Args:
        store: the open event file (an :class:`EventStore`; read-only is enough).
        path: the .docx to write.
        clock: gives the creation date.
        table_keys: only these tables; every table when None or empty.
        anonymise: leave the facilitators' names out.
        progress: ``progress(done, total, label)``.
        texts: the language of the report.

    Raises:
        ValueError: a table key is not in the event.
        StorageError: the file cannot be written.
    """
    snapshot = load_records(store, table_keys)
    return write_docx(snapshot, path, clock, anonymise=anonymise, progress=progress, texts=texts)


__all__ = ["DocxResult", "export_docx", "write_docx"]
