"""The printable paper kit: what a table needs to keep working when its laptop fails.

For every table: one attendance tally sheet per session (zone omogenee × categories of
actors, counts only, never names), post-it capture sheets whose columns are exactly those of
the bulk-import template (:data:`facilitator_app.services.capture.bulk_import.CONTRIBUTION_COLUMNS`),
so that what was written on paper is typed into a spreadsheet row by row and imported with
``facilitator-app import-contributions``, and a reminder of the card codes and zones.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import Table as EventTable
from facilitator_app.domain.vocab import CATEGORY_LABELS, KIND_LABELS, KIND_SHORTCUTS, ZONES
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS
from facilitator_app.services.common.dates import italian_date
from facilitator_app.services.common.pdf_style import (
    FONT,
    MUTED,
    RULE,
    SHADE,
    Heading,
    ReportDoc,
    build,
    make_styles,
    markup,
    numbered_canvas,
    register_fonts,
)
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.storage.database import EventStore

CAPTURE_ROWS = 9
PAGE = landscape(A4)
MARGINS = (12 * mm, 12 * mm, 12 * mm, 18 * mm)
# Widths (mm) of the capture columns, in CONTRIBUTION_COLUMNS order.
CAPTURE_WIDTHS = {
    "tavolo": 18,
    "sessione": 18,
    "testo": 95,
    "tipo": 11,
    "asse": 12,
    "schede": 24,
    "zone": 17,
    "collegamenti": 25,
    "tema": 38,
    "voti": 11,
}


@dataclass(frozen=True)
class PaperKitResult:
    """What :func:`write_paper_kit` wrote."""

    path: Path
    pages: int
    tables: int


def _kit_story(snapshot: EventRecords, capture_pages: int, progress: Progress) -> list[Flowable]:
    st = make_styles()
    event = snapshot.event
    story: list[Flowable] = []
    date = italian_date(event.date, weekday=True)
    story.append(Heading("Kit cartaceo dei tavoli", st.h1, 0))
    story.append(Paragraph(f"<b>{markup(event.title)}</b> — {markup(date)}", st.body))
    instructions = [
        "Il kit serve a un tavolo il cui computer non funziona: si lavora sulla carta e i "
        "dati si inseriscono dopo, senza perdere nulla.",
        "<b>Presenze.</b> Per ogni sessione, una tacca per persona nella casella della sua "
        "zona omogenea e della sua categoria; a fine sessione scrivere i totali. Solo numeri, "
        "mai nomi.",
        "<b>Post-it.</b> Una riga per post-it. Le colonne sono quelle del modello di "
        "importazione: tavolo, sessione, testo, tipo (lettera), asse, schede (codici, es. "
        "2.1.3), zone (numeri), collegamenti (altri assi), tema, voti.",
        "<b>Dopo.</b> Copiare le righe nel modello di importazione (<i>facilitator-app "
        "import-contributions EVENTO --template modello.xlsx</i>), una riga del foglio per "
        "riga del modello, poi importarlo con <i>facilitator-app import-contributions "
        "EVENTO modello.xlsx</i>.",
    ]
    for text in instructions:
        story.append(Paragraph(text, st.body))
    story.append(Spacer(1, 4 * mm))
    rows: list[list[Any]] = [["Tavolo", "Chiave", "Sede", "Asse / zone"]]
    venues = {v.id: v.name for v in snapshot.venues}
    for table in snapshot.tables:
        rows.append(
            [
                table.name,
                table.key,
                venues.get(table.venue_id, ""),
                _focus(table),
            ]
        )
    story.append(_grid(rows, [120 * mm, 30 * mm, 70 * mm, 50 * mm], st))
    total = len(snapshot.tables)
    for done, table in enumerate(snapshot.tables, start=1):
        for session in (1, 2):
            story.append(PageBreak())
            story.extend(_tally_sheet(snapshot, table, session, st))
        for session in (1, 2):
            for page in range(1, capture_pages + 1):
                story.append(PageBreak())
                story.extend(_capture_sheet(snapshot, table, session, page, capture_pages, st))
        story.append(PageBreak())
        story.extend(_reference_sheet(snapshot, table, st))
        progress(done, total + 1, table.key)
    return story


def _focus(table: EventTable) -> str:
    if table.axis is not None:
        return f"Asse {table.axis}"
    if table.zones:
        return "Zone " + ", ".join(str(z) for z in table.zones)
    return ""


def _grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    st: Any,
    *,
    heights: Sequence[float | None] | None = None,
    font_size: float = 8.5,
) -> Table:
    header = ParagraphStyle("kit_header", parent=st.cell_bold, fontSize=7.5, leading=9.5)
    cells = [
        [
            cell
            if isinstance(cell, Flowable)
            else Paragraph(markup(str(cell)), header if index == 0 else st.cell)
            for cell in row
        ]
        for index, row in enumerate(rows)
    ]
    table = Table(cells, colWidths=list(widths), rowHeights=heights, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("FONTSIZE", (0, 0), (-1, -1), font_size),
            ]
        )
    )
    return table


def _sheet_header(
    snapshot: EventRecords, table: EventTable, title: str, st: Any, level_title: str
) -> list[Flowable]:
    event = snapshot.event
    return [
        Heading(f"{title} — {table.name}", st.h2, 1, level_title),
        Paragraph(
            f"{markup(event.title)} — {markup(italian_date(event.date))} — tavolo "
            f"<b>{markup(table.key)}</b>",
            st.note,
        ),
    ]


def _tally_sheet(
    snapshot: EventRecords, table: EventTable, session: int, st: Any
) -> list[Flowable]:
    flowables = _sheet_header(
        snapshot, table, f"Presenze, sessione {session}", st, f"{table.key}: presenze S{session}"
    )
    flowables.append(
        Paragraph(
            "Una tacca per persona (zona omogenea di provenienza × categoria). Solo numeri, "
            "mai nomi.",
            st.note,
        )
    )
    header: list[Any] = ["Zona omogenea", *CATEGORY_LABELS.values(), "Totale zona"]
    rows: list[list[Any]] = [header]
    for zone, name in ZONES.items():
        rows.append([f"{zone} {name}", *([""] * len(CATEGORY_LABELS)), ""])
    rows.append(["Totale categoria", *([""] * len(CATEGORY_LABELS)), ""])
    category_width = (273 - 55 - 24) / len(CATEGORY_LABELS)
    widths = [55 * mm] + [category_width * mm] * len(CATEGORY_LABELS) + [24 * mm]
    heights: list[float | None] = [None] + [10 * mm] * (len(ZONES) + 1)
    flowables.append(_grid(rows, widths, st, heights=heights))
    flowables.append(Spacer(1, 3 * mm))
    flowables.append(
        Paragraph(
            "Presenti in totale: ________    Ora del conteggio: ________    "
            "Facilitatore: ______________________",
            st.body,
        )
    )
    return flowables


def _capture_sheet(
    snapshot: EventRecords,
    table: EventTable,
    session: int,
    page: int,
    pages: int,
    st: Any,
) -> list[Flowable]:
    title = f"Post-it, sessione {session} (foglio {page} di {pages})"
    flowables = _sheet_header(snapshot, table, title, st, f"{table.key}: post-it S{session}/{page}")
    question = snapshot.session(table.id, session)
    if question is not None and question.question:
        flowables.append(Paragraph(f"<b>Domanda:</b> {markup(question.question)}", st.note))
    kinds = " · ".join(f"{KIND_SHORTCUTS[k]} = {label}" for k, label in KIND_LABELS.items())
    flowables.append(Paragraph(f"<b>Tipo:</b> {markup(kinds)}", st.note))
    header = list(CONTRIBUTION_COLUMNS)
    rows: list[list[Any]] = [header]
    axis = "" if table.axis is None else str(table.axis)
    for _ in range(CAPTURE_ROWS):
        row = {name: "" for name in header}
        row["tavolo"] = table.key
        row["sessione"] = str(session)
        row["asse"] = axis
        rows.append([row[name] for name in header])
    widths = [CAPTURE_WIDTHS[name] * mm for name in header]
    heights: list[float | None] = [None] + [14 * mm] * CAPTURE_ROWS
    grid = _grid(rows, widths, st, heights=heights)
    grid.setStyle(TableStyle([("TEXTCOLOR", (0, 1), (-1, -1), MUTED)]))
    flowables.append(grid)
    zones = " · ".join(f"{zone} {name}" for zone, name in ZONES.items())
    flowables.append(Spacer(1, 2 * mm))
    flowables.append(Paragraph(f"<b>Zone:</b> {markup(zones)}", st.note))
    return flowables


def _reference_sheet(snapshot: EventRecords, table: EventTable, st: Any) -> list[Flowable]:
    flowables = _sheet_header(snapshot, table, "Promemoria schede", st, f"{table.key}: schede")
    cards = sorted(
        snapshot.event_cards().values(),
        key=lambda c: tuple(int(p) for p in c.code.split(".") if p.isdigit()),
    )
    if table.axis is not None:
        cards = [card for card in cards if card.axis == table.axis]
    if not cards:
        flowables.append(Paragraph("Nessuna scheda nell'evento.", st.note))
        return flowables
    flowables.append(
        Paragraph(
            f"Schede del PSM {markup(snapshot.event.card_edition)}: nella colonna «schede» "
            "scrivere i codici (es. 2.1 o 2.1.3), separati da punto e virgola.",
            st.note,
        )
    )
    rows: list[list[Any]] = [["Codice", "Livello", "Titolo"]]
    rows += [[card.code, card.level, card.title] for card in cards]
    flowables.append(_grid(rows, [22 * mm, 25 * mm, 226 * mm], st))
    return flowables


def write_paper_kit(
    store: EventStore,
    path: Path,
    clock: Clock,
    *,
    table_keys: Sequence[str] | None = None,
    capture_pages: int = 2,
    progress: Progress = no_progress,
) -> PaperKitResult:
    """Write the printable paper kit of an event (or of some of its tables).

    Args:
        store: the event file (read-only is enough).
        path: the PDF to write (replaced atomically).
        clock: gives the PDF's creation date.
        table_keys: only these tables; every table when None or empty.
        capture_pages: post-it sheets per table and session (9 rows each).
        progress: ``progress(done, total, label)``, one step per table.

    Raises:
        ValueError: an unknown table key, or fewer than one capture page.
        StorageError: the file cannot be written.
    """
    if capture_pages < 1:
        raise ValueError("servono almeno un foglio per i post-it per sessione")
    register_fonts()
    snapshot = load_records(store, table_keys)
    total = len(snapshot.tables) + 1
    progress(0, total, "preparazione")
    story = _kit_story(snapshot, capture_pages, progress)
    event = snapshot.event
    doc = ReportDoc(
        path,
        clock,
        pagesize=PAGE,
        title=f"Kit cartaceo — {event.title}",
        subject="Fogli presenze e post-it per i tavoli",
        creator=f"facilitator_app {__version__}",
        margins=MARGINS,
    )
    footer = f"{event.title} — {italian_date(event.date)} — kit cartaceo"
    pages = build(doc, story, numbered_canvas(footer, skip_first=False))
    progress(total, total, "fatto")
    return PaperKitResult(path=path, pages=pages, tables=len(snapshot.tables))
