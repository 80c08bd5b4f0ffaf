"""Legible on an XGA projector: every slide layout, shown 1024 pixels wide (1024 × 576 for a
16:9 deck on a 1024 × 768 screen), has no text under 18 pixels.

The sizes are measured in the written PDF (each text's font size times its text matrix's
scale, read back with pypdf), not taken from the layout's constants.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import TableCard
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.plenary import slides
from facilitator_app.services.plenary.build import build_deck, visible
from facilitator_app.services.plenary.slides_pdf import write_deck_pdf
from facilitator_app.services.records.event_records import EventRecords
from tests.helpers.zones import day_clock, fill_venue_files, venue_files

XGA_WIDTH = 1024
SMALLEST_PX = 18
NOW = "2023-11-10T10:00:00+00:00"

RecordsOf = Callable[..., EventRecords]


def text_heights(pdf: Path) -> list[tuple[int, float, str]]:
    """(page, pixel size at 1024 px wide, text) for every text drawn in the PDF."""
    reader = PdfReader(pdf)
    found: list[tuple[int, float, str]] = []
    for number, page in enumerate(reader.pages, start=1):
        scale = XGA_WIDTH / float(page.mediabox.width)

        def visit(
            text: str,
            cm: list[float],
            tm: list[float],
            _font: object,
            size: float,
            number: int = number,
            scale: float = scale,
        ) -> None:
            if text.strip():
                vertical = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
                found.append((number, size * vertical * scale, text.strip()))

        page.extract_text(visitor_text=visit)
    return found


def _every_layout(demo_path: Path, records_of: RecordsOf) -> list[slides.Slide]:
    """A deck with every kind of slide: empty sessions, a long synthesis, many post-its,
    cards in play, cross-cutting themes, charts."""
    snapshot = records_of(demo_path)
    first = snapshot.tables[0]
    cards = tuple(
        TableCard(f"tc{n}", first.id, code, NOW, NOW, session=1, votes=n)
        for n, code in enumerate(["2.1.1", "2.1.2", "2.1.3", "2.3.5", "3.1.1", "3.1.2", "4"])
    )
    long_post = dataclasses.replace(snapshot.contributions[0], text="Molto lungo. " * 120)
    sessions = tuple(
        dataclasses.replace(s, synthesis="Sintesi lunghissima. " * 80)
        if s.table_id == first.id and s.number == 2
        else s
        for s in snapshot.sessions
    )
    snapshot = dataclasses.replace(
        snapshot,
        table_cards=cards,
        sessions=sessions,
        contributions=(long_post, *snapshot.contributions[1:]),
        themes=tuple(t for t in snapshot.themes if t.table_id != snapshot.tables[1].id),
    )
    return build_deck(snapshot, pinned={long_post.id})


def _check(deck: list[slides.Slide], pdf: Path, clock: FixedClock) -> None:
    write_deck_pdf(deck, pdf, clock)
    heights = text_heights(pdf)
    assert len({page for page, _, _ in heights}) == len(visible(deck))
    small = [(page, round(px, 1), text) for page, px, text in heights if px < SMALLEST_PX]
    assert small == []


def test_every_slide_layout_is_legible_at_1024_by_576(
    demo_path: Path, records_of: RecordsOf, tmp_path: Path, clock: FixedClock
) -> None:
    deck = _every_layout(demo_path, records_of)
    kinds = {s.kind for s in deck}
    assert kinds == set(slides.KINDS)
    assert any(s.parts > 1 for s in deck)  # continued slides too
    pdf = tmp_path / "deck.pdf"
    _check(deck, pdf, clock)
    smallest = min(px for _, px, _ in text_heights(pdf))
    assert smallest >= SMALLEST_PX, smallest


def test_the_merged_zones_charts_are_legible_at_1024_by_576(
    records_of: RecordsOf, tmp_path: Path, clock: FixedClock
) -> None:
    files = venue_files(tmp_path / "venues", ["Torino", "Pinerolo", "Ciriè"])
    fill_venue_files(files, "Zona {zone}: servizi nelle valli, idea {n}", themed=True)
    merged = tmp_path / "unito.sqlite"
    merge.merge_files(merged, files, day_clock(40))
    deck = build_deck(records_of(merged))
    assert sum(1 for s in deck if s.chart is not None) >= 2
    _check(deck, tmp_path / "zones.pdf", clock)
