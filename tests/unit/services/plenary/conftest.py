"""Fixtures shared by the plenary deck's tests: reading an event, checking slide layouts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from facilitator_app.services.common.pdf_style import text_width
from facilitator_app.services.plenary.build import visible
from facilitator_app.services.plenary.layout import layout_slide
from facilitator_app.services.plenary.slides import MARGIN_X, MIN_FONT, WIDTH, Slide
from facilitator_app.services.records.event_records import EventRecords, load_records
from facilitator_app.storage.database import EventStore


def _read_records(path: Path, tables: list[str] | None = None) -> EventRecords:
    with EventStore.open(path, read_only=True) as store:
        return load_records(store, tables)


def _problems(deck: Sequence[Slide]) -> list[str]:
    shown = visible(deck)
    found: list[str] = []
    for number, slide in enumerate(shown, start=1):
        layout = layout_slide(slide, number, len(shown))
        found += [f"{slide.key}: {p}" for p in layout.problems()]
        # Measured again, independently, with the font metrics of each run.
        for run in layout.runs:
            width = text_width(run.text, run.font, run.size)
            if run.x + width > WIDTH - MARGIN_X + 0.5 or run.size < MIN_FONT:
                found.append(f"{slide.key}: {run.text!r}")
    return found


@pytest.fixture
def records_of() -> Callable[..., EventRecords]:
    """Read an event file read-only: ``records_of(path)`` or ``records_of(path, ["asse-3"])``."""
    return _read_records


@pytest.fixture
def layout_problems() -> Callable[[Sequence[Slide]], list[str]]:
    """Every readability problem of a deck's visible slides, once laid out (none expected)."""
    return _problems
