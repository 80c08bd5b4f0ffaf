"""The deck as a PDF: 16:9 pages, one per visible slide, fonts embedded, every table's title."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import StorageError
from facilitator_app.services.plenary import slides_pdf
from facilitator_app.services.plenary.build import build_deck, visible
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides import CLOSING, Item, Slide
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore

CLOSING_SLIDE = Slide("closing", CLOSING, items=(Item("Grazie", "cover_title"),))

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils non installato",
)


def text_of(pdf: Path, page: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    done = subprocess.run([*command, str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return " ".join(done.stdout.decode("utf-8").split())


@needs_poppler
def test_one_page_per_visible_slide_with_every_table_title(
    demo_path: Path, tmp_path: Path, clock: FixedClock, artifacts: Path
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        snapshot = load_records(store)
    settings = DeckSettings(hidden=frozenset({"participation", "table:asse-2:1:voices"}))
    deck = build_deck(snapshot, settings=settings)
    pdf = tmp_path / "slides.pdf"
    result = slides_pdf.write_slides_pdf(snapshot, pdf, clock, settings)
    reader = PdfReader(pdf)
    assert result.pages == len(reader.pages) == len(visible(deck)) == len(deck) - 2
    assert result.hidden == 2
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (960.0, 540.0)
    text = text_of(pdf)
    for table in snapshot.tables:
        assert table.name in text
    assert "Partecipazione" not in text  # hidden
    assert "venerdì 10 novembre 2023" in text_of(pdf, 1)
    assert reader.metadata is not None and reader.metadata.title == snapshot.event.title
    outline = [item.title for item in reader.outline if not isinstance(item, list)]
    assert outline == [t.name for t in snapshot.tables]
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, timeout=60)
    listed = fonts.stdout.decode()
    assert "DejaVuSans" in listed and "Helvetica" not in listed
    assert all(" yes " in line for line in listed.splitlines()[2:])  # every font embedded
    # A page to look at: the themes of Asse 3, session 2.
    shown = visible(deck)
    number = 1 + [s.key for s in shown].index("table:asse-3:2:themes")
    prefix = artifacts / "slides_pdf_page"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "72",
            "-f",
            str(number),
            "-l",
            str(number),
            "-singlefile",
            str(pdf),
            str(prefix),
        ],
        check=True,
        timeout=60,
    )
    assert prefix.with_suffix(".png").stat().st_size > 10_000
    assert "Asse 3 · Sessione 2" in text_of(pdf, number)


def test_unwritable_target_leaves_nothing(tmp_path: Path, clock: FixedClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StorageError):
        slides_pdf.write_deck_pdf([CLOSING_SLIDE], blocker / "out.pdf", clock)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), RuntimeError("bug")])
def test_a_write_failing_midway_keeps_the_old_pdf_and_leaves_no_temporary_file(
    tmp_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch, failure: Exception
) -> None:
    target = tmp_path / "slides.pdf"
    target.write_bytes(b"old slides")

    def fail(*_: object) -> None:
        raise failure

    monkeypatch.setattr(slides_pdf, "draw_layout", fail)
    expected = StorageError if isinstance(failure, OSError) else type(failure)
    with pytest.raises(expected) as raised:
        slides_pdf.write_deck_pdf([CLOSING_SLIDE], target, clock)
    if expected is StorageError:
        assert "slides.pdf" in str(raised.value)
    assert target.read_bytes() == b"old slides"
    assert [p.name for p in tmp_path.iterdir()] == ["slides.pdf"]


def test_a_new_pdf_replaces_the_old_one(tmp_path: Path, clock: FixedClock) -> None:
    target = tmp_path / "slides.pdf"
    target.write_bytes(b"old slides")
    result = slides_pdf.write_deck_pdf([CLOSING_SLIDE], target, clock)
    assert result.pages == 1 and len(PdfReader(target).pages) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["slides.pdf"]
