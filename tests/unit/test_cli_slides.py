"""``facilitator-app slides EVENT --pdf OUT [--table KEY]``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator_app import cli
from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from facilitator_app.services.plenary.settings import DeckSettings, save_settings
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest


def test_slides_of_the_demo_leave_the_event_file_untouched(demo_path: Path, tmp_path: Path) -> None:
    before = digest(demo_path)
    pdf = tmp_path / "out" / "plenaria.pdf"
    code, printed = run("slides", str(demo_path), "--pdf", str(pdf))
    assert code == EXIT_OK
    pages = len(PdfReader(pdf).pages)
    assert pages > 30 and f"{pages} pagine" in printed
    assert digest(demo_path) == before


def test_slides_of_one_table_and_saved_choices(demo_path: Path, tmp_path: Path) -> None:
    with EventStore.open(demo_path) as store:
        save_settings(store, DeckSettings(hidden=frozenset({"table:asse-3:1:voices"})))
    pdf = tmp_path / "asse3.pdf"
    code, printed = run("slides", str(demo_path), "--pdf", str(pdf), "--table", "asse-3")
    assert code == EXIT_OK and "(1 nascoste)" in printed
    # title, participation, divider, 2 × themes, 1 × voices (the other hidden), closing
    assert len(PdfReader(pdf).pages) == 7
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Asse 3" in text and "Asse 1" not in text


def test_unknown_table_and_not_an_event(demo_path: Path, tmp_path: Path) -> None:
    code, _ = run("slides", str(demo_path), "--pdf", str(tmp_path / "x.pdf"), "--table", "nope")
    assert code == EXIT_USAGE and not (tmp_path / "x.pdf").exists()
    other = tmp_path / "other.sqlite"
    other.write_bytes(b"not sqlite at all" * 100)
    code, _ = run("slides", str(other), "--pdf", str(tmp_path / "y.pdf"))
    assert code == EXIT_REFUSED
    with pytest.raises(SystemExit):
        cli.build_parser()[0].parse_args(["slides", str(demo_path)])  # --pdf is required


def test_slides_in_english(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "plenary.pdf"
    code, _ = run("slides", str(demo_path), "--pdf", str(pdf), "--table", "asse-3", "--lang", "en")
    assert code == EXIT_OK
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Session 1" in text and "Thank you for taking part" in text
    assert "Friday 10 November 2023" in text
    for italian in ("Sessione", "Grazie per la partecipazione", "novembre", "Partecipazione"):
        assert italian not in text
    italian_pdf = tmp_path / "plenaria.pdf"
    assert run("slides", str(demo_path), "--pdf", str(italian_pdf), "--table", "asse-3")[0] == 0
    italian_text = "\n".join(page.extract_text() for page in PdfReader(italian_pdf).pages)
    assert "Sessione 1" in italian_text and "venerdì 10 novembre 2023" in italian_text
