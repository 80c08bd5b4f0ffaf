"""Vote cells in a bulk-import file: whole numbers only, never an OverflowError.

Before, ``inf`` and ``1e400`` escaped as an OverflowError traceback and ``2.9`` was stored
silently as 2.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS, import_contributions
from facilitator_app.services.common.tabular import write_table
from facilitator_app.storage.database import EventStore
from tests.helpers.files import digest

HEADER = list(CONTRIBUTION_COLUMNS)


def _row(votes: object) -> list[object]:
    cells: dict[str, object] = {
        "tavolo": "asse-6",
        "sessione": "1",
        "testo": "Servono più case della salute",
        "voti": votes,
    }
    return [cells.get(name, "") for name in HEADER]


PLACEHOLDER = 424242
REFUSED: dict[str, tuple[object, str]] = {
    "fraction": ("2.9", "non è un numero intero"),
    "infinity": ("inf", "non è un numero intero"),
    "overflowing exponent": ("1e400", "non è un numero intero"),
    "not a number": ("nan", "non è un numero intero"),
    "ten to the twentieth": ("100000000000000000000", "fuori dai limiti"),
    "above the votes' range": ("10001", "fuori intervallo (0-10000)"),
    "negative": ("-1", "fuori intervallo (0-10000)"),
}
# Number cells of a workbook, as its XML holds them (openpyxl cannot write all of them).
REFUSED_NUMBERS: dict[str, tuple[str, str]] = {
    "fraction": ("2.9", "non è un numero intero"),
    "infinity": ("INF", "non è un numero intero"),
    "overflowing exponent": ("1E+400", "non è un numero intero"),
    "not a number": ("NaN", "non è un numero intero"),
    "ten to the twentieth": ("1E+20", "fuori dai limiti"),
}


def _number_cell(path: Path, literal: str) -> None:
    """Put ``literal`` in the XML of the cell written as :data:`PLACEHOLDER`."""
    with zipfile.ZipFile(path) as source:
        parts = {item: source.read(item) for item in source.infolist()}
    with zipfile.ZipFile(path, "w") as target:
        for item, data in parts.items():
            if item.filename == "xl/worksheets/sheet1.xml":
                old = f"<v>{PLACEHOLDER}</v>".encode()
                assert old in data
                data = data.replace(old, f"<v>{literal}</v>".encode())
            target.writestr(item, data)


@pytest.mark.parametrize("case", sorted(REFUSED))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_vote_that_is_not_a_whole_number_in_range_is_refused_by_row_and_column(
    demo_path: Path, tmp_path: Path, clock: FixedClock, case: str, suffix: str
) -> None:
    votes, message = REFUSED[case]
    file = tmp_path / f"voti{suffix}"
    write_table(file, "contributi", HEADER, [_row(votes)])
    before = digest(demo_path)
    with EventStore.open(demo_path) as store, pytest.raises(InputRefusedError) as refused:
        import_contributions(store, file, clock)
    problem = refused.value.problems[0]
    assert (problem.file, problem.row, problem.column) == (file.name, 2, "voti"), problem
    assert message in problem.translated(), problem
    assert digest(demo_path) == before


@pytest.mark.parametrize("case", sorted(REFUSED_NUMBERS))
def test_a_number_cell_that_is_not_a_whole_number_is_refused_by_row_and_column(
    demo_path: Path, tmp_path: Path, clock: FixedClock, case: str
) -> None:
    literal, message = REFUSED_NUMBERS[case]
    file = tmp_path / "voti.xlsx"
    write_table(file, "contributi", HEADER, [_row(PLACEHOLDER)])
    _number_cell(file, literal)
    before = digest(demo_path)
    with EventStore.open(demo_path) as store, pytest.raises(InputRefusedError) as refused:
        import_contributions(store, file, clock)
    problem = refused.value.problems[0]
    assert (problem.file, problem.row, problem.column) == (file.name, 2, "voti"), problem
    assert message in problem.translated(), problem
    assert digest(demo_path) == before


@pytest.mark.parametrize("votes", ["2.0", 2.0, "2", 2, " 2 "])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_whole_number_written_with_a_point_zero_is_accepted(
    demo_path: Path, tmp_path: Path, clock: FixedClock, votes: object, suffix: str
) -> None:
    file = tmp_path / f"voti{suffix}"
    write_table(file, "contributi", HEADER, [_row(votes)])
    with EventStore.open(demo_path) as store:
        import_contributions(store, file, clock)
        posts = [p for p in store.contributions() if p.text == "Servono più case della salute"]
    assert [p.votes for p in posts] == [2]
