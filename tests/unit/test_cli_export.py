"""``facilitator-app export`` and ``facilitator-app paper-kit``."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from facilitator_app.domain.model import Table
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler mancante")


def test_export_writes_workbook_and_restituzione(demo_path: Path, tmp_path: Path) -> None:
    book, pdf = tmp_path / "out" / "forum.xlsx", tmp_path / "out" / "forum.pdf"
    code, printed = run("export", str(demo_path), "--xlsx", str(book), "--pdf", str(pdf))
    assert code == EXIT_OK
    with EventStore.open(demo_path, read_only=True) as store:
        posts = len(store.contributions())
        tables = {t.key for t in store.all(Table)}
    data = read_workbook(book)
    assert len(data.records.contributions) == posts
    assert {t.key for t in data.records.tables} == tables
    pages = len(PdfReader(pdf).pages)
    assert f"{posts} contributi" in printed and f"{pages} pagine" in printed


def test_export_of_some_tables_anonymised(demo_path: Path, tmp_path: Path) -> None:
    with EventStore.open(demo_path) as store:
        first = store.tables()[0]
        store.save(dataclasses.replace(first, facilitator="Zoë Ångström"))
    book = tmp_path / "t.xlsx"
    code, _ = run(
        "export",
        str(demo_path),
        "--xlsx",
        str(book),
        "--table",
        "asse-1",
        "--table",
        "asse-2",
        "--anonymise",
    )
    assert code == EXIT_OK
    data = read_workbook(book)
    assert {t.key for t in data.records.tables} == {"asse-1", "asse-2"}
    assert data.meta.anonymised and data.meta.partial
    assert all(t.facilitator == "" for t in data.records.tables)
    code, _ = run("export", str(demo_path), "--xlsx", str(book), "--table", "asse-3", "asse-4")
    assert code == EXIT_OK
    assert {t.key for t in read_workbook(book).records.tables} == {"asse-3", "asse-4"}


def test_export_usage_errors(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("export", str(demo_path))[0] == EXIT_USAGE
    assert "--xlsx" in capsys.readouterr().err
    code, _ = run("export", str(demo_path), "--pdf", str(tmp_path / "x.pdf"), "--table", "nope")
    assert code == EXIT_USAGE
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()
    code, _ = run("export", str(tmp_path / "manca.sqlite"), "--xlsx", str(tmp_path / "x.xlsx"))
    assert code == EXIT_REFUSED


@needs_poppler
def test_paper_kit_command(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "kit.pdf"
    code, printed = run(
        "paper-kit", str(demo_path), "--pdf", str(pdf), "--table", "asse-1", "--pages", "1"
    )
    assert code == EXIT_OK
    assert len(PdfReader(pdf).pages) == 1 + 2 + 2 + 1
    assert "1 tavolo" in printed
    assert run("paper-kit", str(demo_path), "--pdf", str(pdf), "--pages", "0")[0] == EXIT_USAGE
    assert run("paper-kit", str(demo_path), "--pdf", str(pdf), "--table", "x")[0] == EXIT_USAGE


def test_export_leaves_the_event_file_untouched(demo_path: Path, tmp_path: Path) -> None:
    before = demo_path.read_bytes()
    assert run("export", str(demo_path), "--xlsx", str(tmp_path / "a.xlsx"))[0] == EXIT_OK
    assert demo_path.read_bytes() == before
