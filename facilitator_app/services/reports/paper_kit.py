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
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Table as EventTable
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import CATEGORY_LABELS, KIND_LABELS, KIND_SHORTCUTS, ZONES
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS
from facilitator_app.services.common.dates import long_date
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
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.storage.database import EventStore

CAPTURE_ROWS = 9
# The levels of a card as the card sets write them, and their words on the sheet.
LEVELS = {
    "asse": QT_TRANSLATE_NOOP("PaperKit", "asse"),
    "strategia": QT_TRANSLATE_NOOP("PaperKit", "strategia"),
    "azione": QT_TRANSLATE_NOOP("PaperKit", "azione"),
}
_TOO_FEW_PAGES = QT_TRANSLATE_NOOP("Errors", "servono almeno un foglio per i post-it per sessione")
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


def _kit_story(
    snapshot: EventRecords, capture_pages: int, progress: Progress, tx: Texts
) -> list[Flowable]:
    st = make_styles()
    event = snapshot.event
    story: list[Flowable] = []
    date = long_date(event.date, tx.language, weekday=True)
    story.append(Heading(tx.translate("PaperKit", "Kit cartaceo dei tavoli"), st.h1, 0))
    story.append(Paragraph(f"<b>{markup(event.title)}</b> — {markup(date)}", st.body))
    instructions = [
        tx.translate(
            "PaperKit",
            "Il kit serve a un tavolo il cui computer non funziona: si lavora sulla carta e i "
            "dati si inseriscono dopo, senza perdere nulla.",
        ),
        tx.translate(
            "PaperKit",
            "<b>Presenze.</b> Per ogni sessione, una tacca per persona nella casella della sua "
            "zona omogenea e della sua categoria; a fine sessione scrivere i totali. Solo "
            "numeri, mai nomi.",
        ),
        tx.translate(
            "PaperKit",
            "<b>Post-it.</b> Una riga per post-it. Le colonne sono quelle del modello di "
            "importazione: tavolo, sessione, testo, tipo (lettera), asse, schede (codici, es. "
            "2.1.3), zone (numeri), collegamenti (altri assi), tema, voti.",
        ),
        tx.translate(
            "PaperKit",
            "<b>Dopo.</b> Copiare le righe nel modello di importazione (<i>facilitator-app "
            "import-contributions EVENTO --template modello.xlsx</i>), una riga del foglio per "
            "riga del modello, poi importarlo con <i>facilitator-app import-contributions "
            "EVENTO modello.xlsx</i>.",
        ),
    ]
    for text in instructions:
        story.append(Paragraph(text, st.body))
    story.append(Spacer(1, 4 * mm))
    rows: list[list[Any]] = [
        [
            tx.translate("PaperKit", "Tavolo"),
            tx.translate("PaperKit", "Chiave"),
            tx.translate("PaperKit", "Sede"),
            tx.translate("PaperKit", "Asse / zone"),
        ]
    ]
    venues = {v.id: v.name for v in snapshot.venues}
    for table in snapshot.tables:
        rows.append(
            [
                table.name,
                table.key,
                venues.get(table.venue_id, ""),
                _focus(table, tx),
            ]
        )
    story.append(_grid(rows, [120 * mm, 30 * mm, 70 * mm, 50 * mm], st))
    total = len(snapshot.tables)
    for done, table in enumerate(snapshot.tables, start=1):
        for session in (1, 2):
            story.append(PageBreak())
            story.extend(_tally_sheet(snapshot, table, session, st, tx))
        for session in (1, 2):
            for page in range(1, capture_pages + 1):
                story.append(PageBreak())
                sheet = _capture_sheet(snapshot, table, (session, page, capture_pages), st, tx)
                story.extend(sheet)
        story.append(PageBreak())
        story.extend(_reference_sheet(snapshot, table, st, tx))
        progress(done, total + 1, table.key)
    return story


def _focus(table: EventTable, tx: Texts) -> str:
    if table.axis is not None:
        return tx.translate("PaperKit", "Asse {axis}").format(axis=table.axis)
    if table.zones:
        zones = ", ".join(str(z) for z in table.zones)
        return tx.translate("PaperKit", "Zone {zones}").format(zones=zones)
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
    snapshot: EventRecords,
    table: EventTable,
    titles: tuple[str, str],
    st: Any,
    tx: Texts,
) -> list[Flowable]:
    """The heading of a sheet; ``titles`` are the heading's and the PDF outline's."""
    title, level_title = titles
    event = snapshot.event
    date = long_date(event.date, tx.language)
    of_table = tx.translate("PaperKit", "tavolo {key}").format(key="\0")
    before, _, after = markup(of_table).partition("\0")
    return [
        Heading(f"{title} — {table.name}", st.h2, 1, level_title),
        Paragraph(
            f"{markup(event.title)} — {markup(date)} — {before}<b>{markup(table.key)}</b>{after}",
            st.note,
        ),
    ]


def _tally_sheet(
    snapshot: EventRecords, table: EventTable, session: int, st: Any, tx: Texts
) -> list[Flowable]:
    title = tx.translate("PaperKit", "Presenze, sessione {session}").format(session=session)
    outline = tx.translate("PaperKit", "{key}: presenze S{session}")
    flowables = _sheet_header(
        snapshot, table, (title, outline.format(key=table.key, session=session)), st, tx
    )
    flowables.append(
        Paragraph(
            tx.translate(
                "PaperKit",
                "Una tacca per persona (zona omogenea di provenienza × categoria). Solo numeri, "
                "mai nomi.",
            ),
            st.note,
        )
    )
    categories = [tx.translate("Vocab", label) for label in CATEGORY_LABELS.values()]
    header: list[Any] = [
        tx.translate("PaperKit", "Zona omogenea"),
        *categories,
        tx.translate("PaperKit", "Totale zona"),
    ]
    rows: list[list[Any]] = [header]
    for zone, name in ZONES.items():
        rows.append([f"{zone} {name}", *([""] * len(CATEGORY_LABELS)), ""])
    rows.append([tx.translate("PaperKit", "Totale categoria"), *([""] * len(CATEGORY_LABELS)), ""])
    category_width = (273 - 55 - 24) / len(CATEGORY_LABELS)
    widths = [55 * mm] + [category_width * mm] * len(CATEGORY_LABELS) + [24 * mm]
    heights: list[float | None] = [None] + [10 * mm] * (len(ZONES) + 1)
    flowables.append(_grid(rows, widths, st, heights=heights))
    flowables.append(Spacer(1, 3 * mm))
    flowables.append(
        Paragraph(
            tx.translate(
                "PaperKit",
                "Presenti in totale: ________    Ora del conteggio: ________    "
                "Facilitatore: ______________________",
            ),
            st.body,
        )
    )
    return flowables


def _capture_sheet(
    snapshot: EventRecords,
    table: EventTable,
    sheet: tuple[int, int, int],
    st: Any,
    tx: Texts,
) -> list[Flowable]:
    """One post-it sheet; ``sheet`` is (session, page, pages)."""
    session, page, pages = sheet
    title = tx.translate("PaperKit", "Post-it, sessione {session} (foglio {page} di {pages})")
    outline = tx.translate("PaperKit", "{key}: post-it S{session}/{page}")
    titles = (
        title.format(session=session, page=page, pages=pages),
        outline.format(key=table.key, session=session, page=page),
    )
    flowables = _sheet_header(snapshot, table, titles, st, tx)
    question = snapshot.session(table.id, session)
    if question is not None and question.question:
        asked = markup(tx.translate("PaperKit", "Domanda:"))
        flowables.append(Paragraph(f"<b>{asked}</b> {markup(question.question)}", st.note))
    kinds = " · ".join(
        f"{KIND_SHORTCUTS[k]} = {tx.translate('Vocab', label)}" for k, label in KIND_LABELS.items()
    )
    kind = markup(tx.translate("PaperKit", "Tipo:"))
    flowables.append(Paragraph(f"<b>{kind}</b> {markup(kinds)}", st.note))
    header = list(CONTRIBUTION_COLUMNS)
    # The import template reads both names of a column: English sheets get the English one.
    shown = [CONTRIBUTION_COLUMNS[name][0] if tx.language == "en" else name for name in header]
    rows: list[list[Any]] = [shown]
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
    zone = markup(tx.translate("PaperKit", "Zone:"))
    flowables.append(Paragraph(f"<b>{zone}</b> {markup(zones)}", st.note))
    return flowables


def _reference_sheet(
    snapshot: EventRecords, table: EventTable, st: Any, tx: Texts
) -> list[Flowable]:
    titles = (
        tx.translate("PaperKit", "Promemoria schede"),
        tx.translate("PaperKit", "{key}: schede").format(key=table.key),
    )
    flowables = _sheet_header(snapshot, table, titles, st, tx)
    cards = sorted(
        snapshot.event_cards().values(),
        key=lambda c: tuple(int(p) for p in c.code.split(".") if p.isdigit()),
    )
    if table.axis is not None:
        cards = [card for card in cards if card.axis == table.axis]
    if not cards:
        flowables.append(
            Paragraph(markup(tx.translate("PaperKit", "Nessuna scheda nell'evento.")), st.note)
        )
        return flowables
    cards_of = tx.translate(
        "PaperKit",
        "Schede del PSM {edition}: nella colonna «schede» scrivere i codici (es. 2.1 o 2.1.3), "
        "separati da punto e virgola.",
    )
    flowables.append(
        Paragraph(markup(cards_of.format(edition=snapshot.event.card_edition)), st.note)
    )
    rows: list[list[Any]] = [
        [
            tx.translate("PaperKit", "Codice"),
            tx.translate("PaperKit", "Livello"),
            tx.translate("PaperKit", "Titolo"),
        ]
    ]
    rows += [
        [card.code, tx.translate("PaperKit", LEVELS.get(card.level, card.level)), card.title]
        for card in cards
    ]
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
    texts: Texts = ITALIAN,
) -> PaperKitResult:
    """Write the printable paper kit of an event (or of some of its tables).

    Args:
        store: the event file (read-only is enough).
        path: the PDF to write (replaced atomically).
        clock: gives the PDF's creation date.
        table_keys: only these tables; every table when None or empty.
        capture_pages: post-it sheets per table and session (9 rows each).
        progress: ``progress(done, total, label)``, one step per table.
        texts: the language of the kit (Italian by default).

    Raises:
        ValueError: an unknown table key, or fewer than one capture page.
        StorageError: the file cannot be written.
    """
    if capture_pages < 1:
        raise InvalidValueError(_TOO_FEW_PAGES)
    tx = texts
    register_fonts()
    snapshot = load_records(store, table_keys)
    total = len(snapshot.tables) + 1
    progress(0, total, tx.translate("PaperKit", "preparazione"))
    story = _kit_story(snapshot, capture_pages, progress, tx)
    event = snapshot.event
    doc = ReportDoc(
        path,
        clock,
        pagesize=PAGE,
        title=tx.translate("PaperKit", "Kit cartaceo — {title}").format(title=event.title),
        subject=tx.translate("PaperKit", "Fogli presenze e post-it per i tavoli"),
        creator=f"facilitator_app {__version__}",
        margins=MARGINS,
        language=tx.language,
    )
    footer = tx.translate("PaperKit", "{title} — {date} — kit cartaceo").format(
        title=event.title, date=long_date(event.date, tx.language)
    )
    page_label = tx.translate("PaperKit", "Pagina {number} di {total}")
    pages = build(doc, story, numbered_canvas(footer, skip_first=False, page_label=page_label))
    progress(total, total, tx.translate("PaperKit", "fatto"))
    return PaperKitResult(path=path, pages=pages, tables=len(snapshot.tables))
