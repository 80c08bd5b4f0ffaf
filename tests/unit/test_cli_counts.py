"""The ``counts`` command, name matching, import templates and summaries (issue 15)."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE
from facilitator_app.domain.model import Event, ParticipantCount, Table, Venue
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run


@pytest.fixture
def zones_event(tmp_path: Path) -> Path:
    path = tmp_path / "zone.sqlite"
    assert run("new", str(path), "--template", "zone-omogenee")[0] == EXIT_OK
    return path


def _read(path: Path) -> tuple[Event, list[Venue], list[ParticipantCount], list[Table]]:
    with EventStore.open(path, read_only=True) as store:
        return store.event(), store.venues(), store.all(ParticipantCount), store.tables()


def test_counts_set_writes_one_table_session(zones_event: Path) -> None:
    code, printed = run(
        "counts", "set", str(zones_event), "--table", "zona-7", "--session", "1",
        "--present", "12", "--zone", "7=10", "--zone", "8=4", "--category", "cittadini=5",
    )  # fmt: skip
    assert code == EXIT_OK, printed
    # The same warning as the window: zones add up to 14, more than the 12 present.
    assert "Zone: la somma (14) supera i presenti (12)" in printed
    _, _, (count,), tables = _read(zones_event)
    zona7 = next(t for t in tables if t.key == "zona-7")
    assert count.table_ids == (zona7.id,) and count.session == 1
    assert (count.present, count.by_zone, count.by_category) == (
        12,
        {7: 10, 8: 4},
        {"cittadini": 5},
    )
    shown = run("counts", "show", str(zones_event))[1]
    assert "sessione 1: presenti 12; zone 7: 10, 8: 4; categorie cittadini: 5" in shown
    assert "⚠ Zone: la somma (14) supera i presenti (12)" in shown


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--table", "zona-99", "--present", "3"], "zona-1 (Zona 1 - Torino), zona-2"),
        (["--table", "zona-7", "--zone", "12=3"], "zona 12 inesistente"),
        (["--table", "zona-7", "--present", "-4"], "-4 non è ammesso"),
        (["--table", "zona-7", "--present", "dodici"], "«dodici» non è un numero intero"),
        (["--table", "zona-7", "--category", "turisti=2"], "categoria «turisti» sconosciuta"),
        (["--table", "zona-7"], "indicare almeno --present"),
    ],
)
def test_counts_set_refuses_bad_input_and_changes_nothing(
    zones_event: Path, arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = zones_event.read_bytes()
    code, _ = run("counts", "set", str(zones_event), "--session", "1", *arguments)
    assert code == EXIT_REFUSED
    assert message in capsys.readouterr().err
    assert zones_event.read_bytes() == before


def test_online_per_venue_and_presence_for_the_event(zones_event: Path) -> None:
    code, printed = run("counts", "online", str(zones_event), "--venue", "cirie", "25")
    assert code == EXIT_OK and "Comune di Ciriè" in printed
    assert run("counts", "online", str(zones_event), "--venue", "strambino", "10")[0] == EXIT_OK
    assert run("counts", "presence", str(zones_event), "140")[0] == EXIT_OK
    event, venues, _, _ = _read(zones_event)
    assert event.in_presence == 140 and event.online_listeners is None
    assert {v.name: v.online_listeners for v in venues if v.online_listeners} == {
        "Comune di Ciriè": 25,
        "Comune di Strambino": 10,
    }
    # The event's figures are the venues' summed, in info and aggregate alike.
    assert "Presenti: 140 in presenza, 35 online" in run("info", str(zones_event))[1]
    assert "In presenza: 140   Online: 35" in run("aggregate", str(zones_event))[1]


def test_online_without_venue_on_a_many_venue_event_lists_them(
    zones_event: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("counts", "online", str(zones_event), "5")[0] == EXIT_REFUSED
    assert "Comune di Pinerolo" in capsys.readouterr().err


def test_prepare_takes_part_of_a_venue_name(zones_event: Path, tmp_path: Path) -> None:
    out = tmp_path / "pinerolo.sqlite"
    code, printed = run("prepare", str(zones_event), str(out), "--venue", "pinerolo")
    assert code == EXIT_OK, printed
    _, venues, _, _ = _read(out)
    assert [v.name for v in venues] == ["Comune di Pinerolo"]


def test_prepare_lists_the_venues_when_not_found_or_ambiguous(
    zones_event: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.sqlite"
    assert run("prepare", str(zones_event), str(out), "--venue", "Pineroloo")[0] == EXIT_USAGE
    err = capsys.readouterr().err
    assert "Comune di Pinerolo" in err and "Comune di Ciriè" in err
    assert run("prepare", str(zones_event), str(out), "--venue", "comune")[0] == EXIT_USAGE
    assert "ambiguo" in capsys.readouterr().err
    assert not out.exists()


def test_new_takes_part_of_a_table_name(tmp_path: Path) -> None:
    path = tmp_path / "t.sqlite"
    assert run("new", str(path), "--table", "Mobilità")[0] == EXIT_OK
    assert [t.key for t in _read(path)[3]] == ["asse-3"]


def test_template_of_a_zones_event_is_accepted_by_it(zones_event: Path, tmp_path: Path) -> None:
    template = tmp_path / "modello.csv"
    assert run("import-contributions", str(zones_event), "--template", str(template))[0] == 0
    assert "asse-6" not in template.read_text(encoding="utf-8")
    code, printed = run("import-contributions", str(zones_event), str(template))
    assert code == EXIT_OK and "Importati 2 contributi" in printed


def test_a_file_imported_twice_is_summarised_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    event = tmp_path / "e.sqlite"
    run("demo", str(event))
    source = tmp_path / "tanti.csv"
    lines = ["tavolo;sessione;testo"] + [f"asse-3;1;Proposta numero {n}" for n in range(45)]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("import-contributions", str(event), str(source))[0] == EXIT_OK
    capsys.readouterr()
    assert run("import-contributions", str(event), str(source))[0] == EXIT_REFUSED
    problems = [x for x in capsys.readouterr().err.splitlines() if x.startswith("  - ")]
    assert len(problems) == 1, problems
    assert "contributo già presente nell'evento" in problems[0]
    assert "45 righe (2–46)" in problems[0]
