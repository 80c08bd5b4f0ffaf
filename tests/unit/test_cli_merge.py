from __future__ import annotations

from pathlib import Path

from facilitator_app import cli
from tests.helpers.cli import run


def test_prepare_merge_and_aggregate_from_the_command_line(tmp_path: Path) -> None:
    master = tmp_path / "master.sqlite"
    assert run("new", str(master), "--template", "zone-omogenee")[0] == 0
    files = []
    for venue in ("Comune di Strambino", "comune di pinerolo"):
        target = tmp_path / f"{venue.split()[-1].lower()}.sqlite"
        code, text = run(
            "prepare", str(master), str(target), "--venue", venue, "--facilitator", "Lucia"
        )
        assert code == 0, text
        files.append(str(target))
    junk = tmp_path / "foto.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a workbook")
    merged = tmp_path / "unito.sqlite"
    code, text = run("merge", "--into", str(merged), *files, str(junk))
    assert code == cli.EXIT_REFUSED
    assert "strambino.sqlite  importato" in text and "foto.jpg" in text and "rifiutato" in text
    assert "Uniti 2 file su 3" in text
    code, text = run("merge", "--into", str(merged), *files)
    assert code == 0 and text.count("già importato") == 2
    code, text = run("aggregate", str(merged))
    assert code == 0
    assert "Zona 9:" in text and "Zona 10:" in text and "Zona 5:" in text and "Zona 1:" not in text


def test_prepare_refuses_an_unknown_venue(tmp_path: Path) -> None:
    master = tmp_path / "master.sqlite"
    run("new", str(master), "--template", "zone-omogenee")
    code, _ = run(
        "prepare", str(master), str(tmp_path / "x.sqlite"), "--venue", "Comune di Atlantide"
    )
    assert code == cli.EXIT_USAGE and not (tmp_path / "x.sqlite").exists()
