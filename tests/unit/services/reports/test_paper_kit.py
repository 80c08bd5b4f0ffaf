"""The printable paper kit: tally sheets, capture sheets shaped like the import template."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.vocab import CATEGORY_LABELS, KIND_LABELS, ZONES
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS, import_contributions
from facilitator_app.services.reports.paper_kit import write_paper_kit
from facilitator_app.storage.database import EventStore

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils non installato",
)


def kit(
    path: Path,
    target: Path,
    clock: FixedClock,
    *,
    table_keys: list[str] | None = None,
    capture_pages: int = 2,
) -> Path:
    with EventStore.open(path, read_only=True) as store:
        write_paper_kit(store, target, clock, table_keys=table_keys, capture_pages=capture_pages)
    return target


def page_text(pdf: Path, page: int, *, layout: bool = True) -> str:
    command = ["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page)]
    if layout:
        command.append("-layout")
    result = subprocess.run([*command, str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return result.stdout.decode("utf-8")


def test_kit_has_per_table_tally_capture_and_card_pages(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    pdf = kit(demo_path, tmp_path / "kit.pdf", clock, capture_pages=2)
    with EventStore.open(demo_path, read_only=True) as store:
        tables = store.tables()
    per_table = 2 + 2 * 2 + 1
    assert len(PdfReader(pdf).pages) == 1 + len(tables) * per_table
    for index, table in enumerate(tables):
        first = 2 + index * per_table
        for session, page in ((1, first), (2, first + 1)):
            text = " ".join(page_text(pdf, page).split())
            assert f"Presenze, sessione {session}" in text and table.key in text
            assert all(f"{zone} {name}" in text for zone, name in ZONES.items())
            flat_labels = [" ".join(label.split()) for label in CATEGORY_LABELS.values()]
            assert all(label.split()[0] in text for label in flat_labels)
            assert "mai nomi" in text
        for offset in range(4):
            text = page_text(pdf, first + 2 + offset)
            assert "Post-it, sessione" in text and table.key in text
        cards = " ".join(page_text(pdf, first + 6).split())
        assert "Promemoria schede" in cards and table.name in cards


def capture_header(text: str) -> list[str]:
    for line in text.splitlines():
        words = line.split()
        if words and words[0] == "tavolo":
            return words
    raise AssertionError("nessuna intestazione nel foglio post-it")


def test_capture_sheet_columns_are_the_import_template_and_can_be_typed_in(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    pdf = kit(demo_path, tmp_path / "kit.pdf", clock, table_keys=["asse-3"], capture_pages=1)
    capture = page_text(pdf, 4)
    header = capture_header(capture)
    assert header == list(CONTRIBUTION_COLUMNS)
    assert "asse-3" in capture and "Tipo:" in capture
    for label in KIND_LABELS.values():
        assert label in " ".join(capture.split())
    # What a facilitator writes on the sheet, typed row by row under the same header.
    typed = tmp_path / "dal-foglio.csv"
    with typed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerow(
            ["asse-3", "2", "Navette per i rifugi d'estate", "P", "3", "", "6", "", "", ""]
        )
    with EventStore.open(demo_path) as store:
        result = import_contributions(store, typed, clock)
        assert result.contributions == 1
        assert "Navette per i rifugi d'estate" in {p.text for p in store.contributions()}


def test_one_table_kit_and_page_count_option(
    demo_path: Path, tmp_path: Path, clock: FixedClock, artifacts: Path
) -> None:
    pdf = kit(demo_path, tmp_path / "kit.pdf", clock, table_keys=["asse-6"], capture_pages=3)
    reader = PdfReader(pdf)
    assert len(reader.pages) == 1 + (2 + 2 * 3 + 1)
    intro = " ".join(page_text(pdf, 1).split())
    assert "Asse 6 - Salute" in intro and "Asse 1 -" not in intro
    for old in artifacts.glob("kit-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "4", str(pdf), str(artifacts / "kit")],
        check=True,
        timeout=120,
    )
    pngs = sorted(artifacts.glob("kit-*.png"))
    assert len(pngs) == 4
    for png in pngs:
        with Image.open(png) as image:
            assert image.width > image.height  # landscape sheets
            low, high = image.convert("L").getextrema()
            assert high - low > 100


def test_bad_options_are_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="almeno"):
        kit(demo_path, tmp_path / "k.pdf", clock, capture_pages=0)
    with pytest.raises(ValueError, match="asse-0"):
        kit(demo_path, tmp_path / "k.pdf", clock, table_keys=["asse-0"])
    assert not (tmp_path / "k.pdf").exists()


def test_kit_reports_progress_per_table(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    calls: list[tuple[int, int, str]] = []
    with EventStore.open(demo_path, read_only=True) as store:
        write_paper_kit(
            store,
            tmp_path / "k.pdf",
            clock,
            progress=lambda d, t, label="": calls.append((d, t, label)),
        )
        keys = [t.key for t in store.tables()]
    assert [label for _, _, label in calls[1:-1]] == keys
    assert calls[-1][0] == calls[-1][1]
