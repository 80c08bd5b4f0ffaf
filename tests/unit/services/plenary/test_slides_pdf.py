"""The deck as a PDF: 16:9 pages, one per visible slide, fonts embedded, every table's title."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import StorageError
from facilitator_app.services.plenary import deck as P
from facilitator_app.services.plenary.slides_pdf import write_deck_pdf, write_slides_pdf
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore

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
    settings = P.DeckSettings(hidden=frozenset({"participation", "table:asse-2:1:voices"}))
    deck = P.build_deck(snapshot, settings=settings)
    pdf = tmp_path / "slides.pdf"
    result = write_slides_pdf(snapshot, pdf, clock, settings)
    reader = PdfReader(pdf)
    assert result.pages == len(reader.pages) == len(P.visible(deck)) == len(deck) - 2
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
    shown = P.visible(deck)
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
    slide = P.Slide("closing", P.CLOSING, items=(P.Item("Grazie", "cover_title"),))
    with pytest.raises(StorageError):
        write_deck_pdf([slide], blocker / "out.pdf", clock)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
