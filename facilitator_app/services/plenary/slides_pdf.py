"""The plenary deck as a PDF: 16:9 landscape, one page per visible slide, fonts embedded.

For the borrowed laptop with no app installed: the pages are drawn from the same
:func:`~facilitator_app.services.plenary.layout.layout_slide` as the presentation window, on
a 960 × 540 pt page (PowerPoint's 16:9 size; one slide unit is half a point), so the PDF
shows exactly what the projector showed. Each table's divider slide is a PDF bookmark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy.typing as npt
from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from facilitator_app import __version__
from facilitator_app.domain.clock import Clock
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.files import atomic_path
from facilitator_app.services.common.pdf_style import FONT, register_fonts
from facilitator_app.services.common.texts import ITALIAN, Texts
from facilitator_app.services.plenary.build import build_deck, visible
from facilitator_app.services.plenary.layout import SlideLayout, layout_slide
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides import TABLE, WIDTH, Slide
from facilitator_app.services.records.event_records import EventRecords

PAGE_WIDTH = 960.0
PAGE_HEIGHT = 540.0
SCALE = PAGE_WIDTH / WIDTH


@dataclass(frozen=True)
class SlidesPdf:
    """What :func:`write_slides_pdf` wrote."""

    path: Path
    pages: int
    hidden: int


def draw_layout(canvas: Canvas, layout: SlideLayout) -> None:
    """Draw one slide layout on the current page (slide units scaled to points)."""

    def y_of(value: float) -> float:
        return PAGE_HEIGHT - value * SCALE

    canvas.setFillColor(colors.HexColor(layout.background))
    canvas.rect(0, 0, PAGE_WIDTH, PAGE_HEIGHT, stroke=0, fill=1)
    for box in layout.boxes:
        canvas.setFillColor(colors.HexColor(box.color))
        canvas.rect(
            box.x * SCALE,
            y_of(box.y + box.height),
            box.width * SCALE,
            box.height * SCALE,
            stroke=0,
            fill=1,
        )
    for run in layout.runs:
        canvas.setFillColor(colors.HexColor(run.color))
        canvas.setFont(run.font, run.size * SCALE)
        canvas.drawString(run.x * SCALE, y_of(run.y), run.text)


def _bookmark(slide: Slide) -> str:
    return slide.heading if slide.kind == TABLE else ""


def write_deck_pdf(
    deck: Sequence[Slide],
    path: Path,
    clock: Clock,
    *,
    title: str = "",
    subject: str = "",
    language: str = "it",
) -> SlidesPdf:
    """Write the visible slides of a deck, one per page, atomically.

    The pages are written to a temporary file beside ``path`` that replaces it only once
    whole, so a failed write leaves the old file as it was and no temporary file behind.

    Raises:
        StorageError: the file cannot be written (nothing is left behind).
    """
    register_fonts()
    shown = visible(deck)
    final = Path(path)
    when = clock.now().strftime("D:%Y%m%d%H%M%S+00'00'")
    with atomic_path(final) as temporary:
        canvas = Canvas(
            str(temporary),
            pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
            pageCompression=1,
            invariant=1,
            lang="en-GB" if language == "en" else "it-IT",
            initialFontName=FONT,
        )
        canvas.setDateFormatter(lambda *_: when)
        canvas.setTitle(title)
        canvas.setSubject(subject)
        canvas.setAuthor("Città metropolitana di Torino")
        canvas.setCreator(f"facilitator_app {__version__}")
        for number, slide in enumerate(shown, start=1):
            draw_layout(canvas, layout_slide(slide, number, len(shown)))
            mark = _bookmark(slide)
            if mark:
                key = f"s{number}"
                canvas.bookmarkPage(key)
                canvas.addOutlineEntry(mark, key, level=0)
            canvas.showPage()
        canvas.save()
    return SlidesPdf(final, len(shown), len(deck) - len(shown))


def write_slides_pdf(
    snapshot: EventRecords,
    path: Path,
    clock: Clock,
    settings: DeckSettings | None = None,
    texts: Texts = ITALIAN,
    vectors: Mapping[str, npt.ArrayLike] | None = None,
) -> SlidesPdf:
    """Build the deck of an event and write it as a PDF (hidden slides left out).

    Args:
        snapshot: the event (one table, a venue or a merged event).
        path: the PDF to write.
        clock: gives the creation date written in the PDF.
        settings: hidden slides and pinned post-its (from the event file, usually).
        texts: the language of the slides (Italian by default).
        vectors: the post-its' stored meaning vectors, for the cross-cutting themes
            (None: the word method).

    Raises:
        StorageError: the file cannot be written.
    """
    deck = build_deck(snapshot, settings=settings, texts=texts, vectors=vectors)
    event = snapshot.event
    subject = texts.translate("Plenary", "Restituzione in plenaria · {date}")
    return write_deck_pdf(
        deck,
        path,
        clock,
        title=event.title,
        subject=subject.format(date=long_date(event.date, texts.language)),
        language=texts.language,
    )
