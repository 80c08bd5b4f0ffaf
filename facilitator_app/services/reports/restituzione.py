"""The restituzione: a PDF report of the event, structured like the published ones.

Chapters follow the restituzione of the Forum Metropolitano of 10 November 2023: cover,
premessa, objectives and structure, programme, participation, the themes that emerged
(cross-cutting themes first, then each table with its two sessions, their questions, themes,
post-its and linked cards), conclusions and an appendix with every post-it. Fonts are
embedded, headings become PDF bookmarks, pages are numbered "Pagina N di M".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.pdf_style import (
    ReportDoc,
    build,
    numbered_canvas,
    register_fonts,
)
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.services.reports.chapters import PROGRESS_EVERY, RestituzioneChapters
from facilitator_app.services.reports.pdf_writer import PdfWriter
from facilitator_app.storage.database import EventStore


@dataclass(frozen=True)
class PdfResult:
    """What :func:`export_pdf` wrote."""

    path: Path
    pages: int
    contributions: int


def write_pdf(
    snapshot: EventRecords,
    path: Path,
    clock: Clock,
    *,
    anonymise: bool = False,
    progress: Progress = no_progress,
    texts: Texts = ITALIAN,
) -> PdfResult:
    """Write the restituzione of an already-read event (or of some of its tables).

    Args:
        snapshot: what :func:`~facilitator_app.services.records.event_records.load_records` read;
            a partial snapshot gives the restituzione of those tables only.
        path: the PDF to write (replaced atomically).
        clock: gives the creation date.
        anonymise: leave the facilitators' names out.
        progress: ``progress(done, total, label)`` while chapters are built and laid out.
        texts: the language of the report (Italian by default); the event's texts stay as
            written.

    Raises:
        StorageError: the file cannot be written.
    """
    register_fonts()
    translate = texts.translate
    writer = PdfWriter()
    report = RestituzioneChapters(snapshot, clock, anonymise, texts, out=writer)
    done, steps = report.write_all(progress, extra_steps=1)
    story = writer.story
    laid_out = [0]
    total = len(story)
    laying_out = translate("Report", "impaginazione")

    def on_flowable() -> None:
        laid_out[0] += 1
        if laid_out[0] % PROGRESS_EVERY == 0:
            progress(min(laid_out[0], total), total + 1, laying_out)

    progress(done, steps, laying_out)
    event = snapshot.event
    subject = translate("Report", "Restituzione")
    if snapshot.partial:
        keys = ", ".join(t.key for t in snapshot.tables)
        subject = translate("Report", "Restituzione del tavolo {keys}").format(keys=keys)
    doc = ReportDoc(
        path,
        clock,
        title=event.title,
        subject=subject,
        creator=f"facilitator_app {__version__}",
        on_flowable=on_flowable,
        language=texts.language,
    )
    footer = f"{event.title} — {long_date(event.date, texts.language)}"
    page_label = translate("Report", "Pagina {number} di {total}")
    pages = build(doc, story, numbered_canvas(footer, page_label=page_label))
    progress(total + 1, total + 1, translate("Report", "fatto"))
    return PdfResult(path=path, pages=pages, contributions=len(report.live))


def export_pdf(
    store: EventStore,
    path: Path,
    clock: Clock,
    *,
    table_keys: Sequence[str] | None = None,
    anonymise: bool = False,
    progress: Progress = no_progress,
    texts: Texts = ITALIAN,
) -> PdfResult:
    """Export the restituzione PDF of an event file, or of some of its tables.

    Args:
        store: the event file (read-only is enough).
        path: the PDF to write.
        clock: gives the creation date.
        table_keys: only these tables (cross-cutting themes are then left out); every
            table when None or empty.
        anonymise: leave the facilitators' names out.
        progress: ``progress(done, total, label)``.
        texts: the language of the report (Italian by default).

    Raises:
        ValueError: a table key is not in the event.
        StorageError: the file cannot be written.
    """
    snapshot = load_records(store, table_keys)
    return write_pdf(snapshot, path, clock, anonymise=anonymise, progress=progress, texts=texts)


__all__ = ["PdfResult", "export_pdf", "write_pdf"]
