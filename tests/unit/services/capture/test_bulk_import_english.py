"""A refused import said in English: the templates of the checks, filled with the file's values."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError, summarise_problems
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS, import_contributions
from facilitator_app.services.common.tabular import write_table
from facilitator_app.services.common.texts import Texts
from facilitator_app.storage.database import EventStore

HEADER = list(CONTRIBUTION_COLUMNS)


def _row(**cells: str) -> list[str]:
    base = {"tavolo": "asse-3", "sessione": "1", "testo": "Un contributo", "tipo": "P"}
    base.update(cells)
    return [base.get(name, "") for name in HEADER]


def test_every_bad_value_is_said_in_english_with_its_own_value(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    file = tmp_path / "bad.csv"
    rows = [
        _row(zone="12"),
        _row(zone="13", testo="Altro"),
        _row(voti="tanti", testo="Terzo"),
        _row(sessione="3", testo="Quarto"),
        _row(tipo="boh", testo="Quinto"),
        _row(tavolo="nessuno", testo="Sesto"),
    ]
    write_table(file, "contributi", HEADER, rows)
    before = demo_path.read_bytes()
    with EventStore.open(demo_path) as store, pytest.raises(InputRefusedError) as caught:
        import_contributions(store, file, clock)
    assert demo_path.read_bytes() == before
    lines = summarise_problems(caught.value.problems, Texts("en").translate)
    assert lines[:6] == [
        "bad.csv, row 2, column “zone”: zone 12 does not exist (allowed: 1-11)",
        "bad.csv, row 3, column “zone”: zone 13 does not exist (allowed: 1-11)",
        "bad.csv, row 4, column “voti”: “tanti” is not a whole number",
        "bad.csv, row 5, column “sessione”: session 3 is not valid (allowed: 1 or 2)",
        "bad.csv, row 6, column “tipo”: unknown kind “boh” (allowed: "
        "Lezione appresa, Criticità, Esigenza, Proposta, Buona pratica)",
        "bad.csv, row 7, column “tavolo”: table “nessuno” is not in the event",
    ]
    # In Italian, as before: the same values in the Italian templates.
    italian = summarise_problems(caught.value.problems)
    assert italian[0] == "bad.csv, riga 2, colonna «zone»: zona 12 inesistente (ammesse: 1-11)"
    assert italian[2] == "bad.csv, riga 4, colonna «voti»: «tanti» non è un numero intero"
