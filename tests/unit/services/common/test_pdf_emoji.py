"""Emoji in every PDF we write: drawn with a font that has them, no box, no stray joiner.

An empty box in a PDF is a character drawn with a font that has no glyph for it; so each
PDF is read back with pypdf and every character drawn is looked up in the font it was
drawn with.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Session, Table
from facilitator_app.services.common import pdf_style
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides_pdf import write_slides_pdf
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.reports.paper_kit import write_paper_kit
from facilitator_app.services.reports.restituzione import export_pdf
from facilitator_app.storage.database import EventStore

POST_IT = "Più verde 🌳👍 e 👩‍⚕️ in ogni comune"
INVISIBLE = ("\u200d", "\ufe0f")

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils non installato"
)


def _charsets() -> dict[str, frozenset[int]]:
    """Each bundled font's glyphs, by the PostScript name a PDF gives it."""
    pdf_style.register_fonts()
    pdf_style.font_runs("🌳", pdf_style.FONT)  # registers the fallback font
    found = {}
    for name in (pdf_style.FONT, pdf_style.FONT_BOLD, pdf_style.FONT_ITALIC, pdf_style.EMOJI_FONT):
        face = pdfmetrics.getFont(name).face
        found[face.name.decode() if isinstance(face.name, bytes) else face.name] = frozenset(
            face.charToGlyph
        )
    return found


def glyphless(pdf: Path) -> list[str]:
    """Every character of the PDF drawn with a font that has no glyph for it."""
    charsets = _charsets()
    missing: list[str] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if not text.strip() or not isinstance(font, dict):
            return
        base = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
        glyphs = charsets.get(base)
        assert glyphs is not None, f"font sconosciuto: {base}"
        missing.extend(f"{c!r} in {base}" for c in text if c.strip() and ord(c) not in glyphs)

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return missing


def pdftotext(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return done.stdout.decode("utf-8")


def _with_emoji_post_it(path: Path) -> Contribution:
    with EventStore.open(path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-1")
        post = store.contributions(table.id, 1)[0]
        changed = dataclasses.replace(post, text=POST_IT)
        store.save(changed)
    return changed


def test_every_character_goes_to_a_font_that_has_it() -> None:
    runs = pdf_style.font_runs(POST_IT, pdf_style.FONT)
    drawn = "".join(part for part, _ in runs)
    assert not any(mark in drawn for mark in INVISIBLE)
    assert drawn == "Più verde 🌳👍 e 👩⚕ in ogni comune"
    charsets = {
        pdf_style.FONT: _charset(pdf_style.FONT),
        pdf_style.EMOJI_FONT: _charset(pdf_style.EMOJI_FONT),
    }
    assert all(ord(c) in charsets[font] for part, font in runs for c in part)
    assert pdf_style.EMOJI_FONT in {font for _, font in runs}
    # Neither font has it: written in words, never a box.
    assert pdf_style.drawable("\U00010000") == ":linear b syllable b008 a:"


def _charset(font: str) -> frozenset[int]:
    pdf_style.font_runs("🌳", font)
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


@needs_poppler
def test_the_restituzione_draws_emoji(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    _with_emoji_post_it(demo_path)
    pdf = tmp_path / "restituzione.pdf"
    with EventStore.open(demo_path, read_only=True) as store:
        export_pdf(store, pdf, clock, table_keys=["asse-1"])
    text = pdftotext(pdf)
    assert "🌳👍" in text and "👩⚕" in text.replace(" ", "")
    assert not any(mark in text for mark in INVISIBLE)
    assert glyphless(pdf) == []


@needs_poppler
def test_the_slides_draw_emoji(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    post = _with_emoji_post_it(demo_path)
    pdf = tmp_path / "slides.pdf"
    with EventStore.open(demo_path, read_only=True) as store:
        snapshot = load_records(store, ["asse-1"])
    write_slides_pdf(snapshot, pdf, clock, DeckSettings(pinned=frozenset({post.id})))
    text = pdftotext(pdf)
    assert "🌳👍" in text
    assert not any(mark in text for mark in INVISIBLE)
    assert glyphless(pdf) == []


@needs_poppler
def test_the_paper_kit_draws_emoji(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with EventStore.open(demo_path) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-1")
        session = next(s for s in store.all(Session) if s.table_id == table.id)
        store.save(dataclasses.replace(session, question="Cosa serve? 🌳👍 e 👩‍⚕️"))
    pdf = tmp_path / "kit.pdf"
    with EventStore.open(demo_path, read_only=True) as store:
        write_paper_kit(store, pdf, clock, table_keys=["asse-1"], capture_pages=1)
    text = pdftotext(pdf)
    assert "🌳👍" in text
    assert not any(mark in text for mark in INVISIBLE)
    assert glyphless(pdf) == []
