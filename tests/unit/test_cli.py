from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app import cli
from facilitator_app.services.common.paths import default_demo_path
from tests.helpers.cli import run


def test_demo_then_info_prints_axes_tables_and_head_counts(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite"
    assert run("demo", str(path))[0] == 0
    code, text = run("info", str(path))
    assert code == 0
    assert "Assi: 6" in text and "Tavoli: 7" in text
    assert "125 in presenza, 68 online" in text
    for axis, people in ((1, 21), (2, 22), (3, 20), (4, 17), (5, 26), (6, 13)):
        assert f"Asse {axis} - " in text and f": {people} persone" in text


def test_demo_defaults_to_the_data_folder_and_will_not_overwrite(isolated_data_dir: Path) -> None:
    assert run("demo")[0] == 0
    assert default_demo_path().parent == isolated_data_dir
    assert default_demo_path().exists()
    assert run("demo")[0] == cli.EXIT_USAGE
    assert run("demo", "--force")[0] == 0


def test_new_with_the_other_card_edition(tmp_path: Path) -> None:
    path = tmp_path / "asse1.sqlite"
    code, _ = run("new", str(path), "--table", "asse-1", "--cards", "2024-2026")
    assert code == 0
    code, text = run("cards", "list", "--event", str(path))
    codes = {line.split()[1] for line in text.splitlines() if line.startswith("2024-2026")}
    assert {"1", "1.1", "1.1.1"} <= codes  # the 2024-2026 set has axis 1's strategies
    code, _ = run("new", str(tmp_path / "x.sqlite"), "--cards", "2099")
    assert code == 2 and not (tmp_path / "x.sqlite").exists()


class _ClosedPipe(io.StringIO):
    """Standard output whose reader went away (``| head`` after its first line)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_reader_that_stops_reading_is_not_an_error() -> None:
    assert cli.main(["cards", "list"], out=_ClosedPipe()) == 0


def test_new_from_zone_template_for_one_table(tmp_path: Path) -> None:
    path = tmp_path / "pinerolo.sqlite"
    code, _ = run(
        "new",
        str(path),
        "--template",
        "zone-omogenee",
        "--table",
        "zona-5",
        "--facilitator",
        "Lucia",
    )
    assert code == 0
    code, text = run("info", str(path))
    assert "Tavoli: 1" in text and "Zona 5 - Pinerolese" in text


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run()[0] == cli.EXIT_USAGE
    assert run("frobnicate")[0] == cli.EXIT_USAGE
    assert run("new", str(tmp_path / "x.sqlite"), "--template", "nope")[0] == cli.EXIT_USAGE
    assert not (tmp_path / "x.sqlite").exists()


def test_refused_inputs_exit_3_and_name_the_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_event = tmp_path / "x.sqlite"
    not_event.write_text("hello")
    assert run("info", str(not_event))[0] == cli.EXIT_REFUSED
    event = tmp_path / "e.sqlite"
    run("demo", str(event))
    bad = tmp_path / "bad.csv"
    bad.write_text("tavolo;sessione;testo\nasse-1;7;ciao\n", encoding="utf-8")
    before = event.read_bytes()
    assert run("import-contributions", str(event), str(bad))[0] == cli.EXIT_REFUSED
    err = capsys.readouterr().err
    assert "bad.csv, riga 2, colonna «sessione»: sessione 7 non valida" in err
    assert event.read_bytes() == before


def test_import_contributions_template_then_import(tmp_path: Path) -> None:
    event = tmp_path / "e.sqlite"
    run("demo", str(event))
    template = tmp_path / "modello.xlsx"
    assert run("import-contributions", str(event), "--template", str(template))[0] == 0
    code, text = run("import-contributions", str(event), str(template))
    assert code == 0 and "Importati 2 contributi" in text


def test_cards_list_export_template_and_import(tmp_path: Path) -> None:
    code, text = run("cards", "list", "--edition", "2021-2023")
    assert code == 0 and "6.1.3  Infermieri di comunità" in text and "2024-2026" not in text
    template = tmp_path / "schede.csv"
    assert run("cards", "export-template", str(template))[0] == 0
    with template.open("a", encoding="utf-8") as handle:
        handle.write("1.1;strategia;Una strategia completa;;Documento del piano\n")
    event = tmp_path / "e.sqlite"
    run("new", str(event))
    code, text = run(
        "cards", "import", str(template), "--edition", "2021-2023", "--into", str(event)
    )
    assert code == 0 and "Importate 26 schede" in text
    code, text = run("cards", "list", "--event", str(event))
    assert "1.1  Una strategia completa" in text


def test_console_entry_point_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "facilitator_app", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0 and "facilitator-app 0.1.0" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_on_a_terminal_only() -> None:
    from facilitator_app.cli.common import TextProgress

    terminal = _Terminal()
    bar = TextProgress(terminal, width=10)
    bar(1, 4, "lettura")
    bar(4, 4, "fatto")
    assert "[##--------] 1/4 lettura" in terminal.getvalue()
    assert terminal.getvalue().endswith("\n") and "[##########] 4/4" in terminal.getvalue()
    pipe = io.StringIO()
    TextProgress(pipe)(1, 2)
    assert pipe.getvalue() == ""  # no bar in logs and pipes


def test_refused_card_import_leaves_the_event_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = tmp_path / "e.sqlite"
    run("new", str(event))
    bad = tmp_path / "schede.csv"
    bad.write_text("codice;titolo\n1;Asse uno\n1.1;\n9.9;Asse nove\n", encoding="utf-8")
    before = event.read_bytes()
    assert (
        run("cards", "import", str(bad), "--edition", "2021-2023", "--into", str(event))[0]
        == cli.EXIT_REFUSED
    )
    err = capsys.readouterr().err
    assert "schede.csv, riga 3, colonna «titolo»: manca il titolo della scheda 1.1" in err
    assert "riga 4, colonna «codice»" in err
    assert event.read_bytes() == before
