"""``facilitator-app export --decidim / --decidim-closing / --open-data``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import frictionless
import pytest

from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE, EXIT_WRITE
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run


def test_decidim_csv_and_closing_report_beside_it(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "parte" / "proposte.csv"
    code, printed = run(
        "export", str(demo_path), "--decidim", str(out), "--decidim-category", "1=7"
    )
    assert code == EXIT_OK
    with EventStore.open(demo_path, read_only=True) as store:
        report = build_report(load_records(store))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8")), delimiter=";"))
    assert rows[0] == ["title/it", "body/it", "category/id"]
    themes = sum(len(s.themes) for t in report.tables for s in t.sessions)
    assert len(rows) - 1 == themes
    assert f"{themes} proposte da {report.total_contributions} contributi" in printed
    assert "testi accorciati ai limiti di Decidim" in printed  # the demo's bodies exceed 500
    assert "- proposta 1 (" in printed
    closing = tmp_path / "parte" / "proposte-chiusura.txt"
    assert closing.exists() and str(closing) in printed
    assert str(report.total_contributions) in closing.read_text(encoding="utf-8")


def test_decidim_json_per_post_it(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposte.json"
    code, printed = run("export", str(demo_path), "--decidim", str(out), "--decidim-per", "post-it")
    assert code == EXIT_OK
    with EventStore.open(demo_path, read_only=True) as store:
        posts = build_report(load_records(store)).total_contributions
    assert f"{posts} proposte da {posts} contributi" in printed


def test_open_data_folder_valid(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "dati"
    code, printed = run("export", str(demo_path), "--open-data", str(out), "--licence", "CC0-1.0")
    assert code == EXIT_OK
    assert frictionless.validate(out / "datapackage.json").valid
    assert f"Dati aperti scritti in {out} (CC0-1.0)" in printed


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        (["--decidim", "p.txt"], "deve finire in .csv o .json"),
        (["--decidim", "p.csv", "--decidim-category", "tre=4"], "ASSE=ID"),
        (["--decidim", "p.csv", "--decidim-category", "3"], "ASSE=ID"),
        (["--decidim", "p.csv", "--decidim-category", "3=0"], "almeno 1"),
        (["--decidim-category", "3=4"], "solo con --decidim"),
        (["--open-data", "d", "--licence", "MIA"], "invalid choice"),
    ],
)
def test_bad_options_explained_nothing_written(
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    arguments: list[str],
    said: str,
) -> None:
    paths = [str(tmp_path / a) if a in ("p.txt", "p.csv", "d") else a for a in arguments]
    code, _ = run("export", str(demo_path), *paths)
    assert code == EXIT_USAGE
    assert said in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.sqlite")] == []


def test_unwritable_destination_explained(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "un-file"
    blocker.write_text("x", encoding="utf-8")
    code, _ = run("export", str(demo_path), "--decidim", str(blocker / "p.csv"))
    assert code == EXIT_WRITE
    assert "p.csv" in capsys.readouterr().err
    code, _ = run("export", str(demo_path), "--open-data", str(blocker))
    assert code == EXIT_WRITE
    assert "è un file, non una cartella" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "x"
