"""The card set of an open event: import a complete set, switch to a bundled edition."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.services.capture.cards_in_play import TableCardsService
from facilitator_app.services.common.tabular import write_table
from facilitator_app.services.setup import cards
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore

AXIS_1 = [
    ["1.1", "strategia", "Digitalizzare il territorio", "", "Piano completo"],
    ["1.1.1", "azione", "Connessione in tutto il territorio", "", "Piano completo"],
    ["1.2", "strategia", "Attrarre imprese innovative", "", "Piano completo"],
]


@pytest.fixture
def event(tmp_path: Path, clock: FixedClock) -> Path:
    path = tmp_path / "evento.sqlite"
    with EventStore.create(path) as store:
        create_event(store, bundled_templates()["forum-assi"], clock, table_keys=["asse-3"])
    return path


def _complete_file(folder: Path, extra: list[list[str]], suffix: str = ".xlsx") -> Path:
    header, rows = cards.template_rows(cards.bundled_card_sets()["2021-2023"])
    path = folder / f"completo{suffix}"
    write_table(path, "schede", header, [*rows, *extra])
    return path


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_complete_set_replaces_the_cards_of_the_events_edition(
    event: Path, tmp_path: Path, clock: FixedClock, suffix: str
) -> None:
    with EventStore.open(event) as store:
        imported = cards.import_cards_into_event(
            store, _complete_file(tmp_path, AXIS_1, suffix), clock
        )
        assert store.event().card_edition == "2021-2023"
        codes = [card.code for card in store.cards("2021-2023")]
    assert imported.counts()["strategia"] >= 2
    assert {"1", "1.1", "1.1.1", "1.2", "2.1.3"} <= set(codes)


def test_a_bad_file_changes_nothing_and_names_file_row_and_column(
    event: Path, tmp_path: Path, clock: FixedClock
) -> None:
    bad = _complete_file(tmp_path, [["1.x", "", "Strategia", "", ""]])
    before = event.read_bytes()
    with EventStore.open(event) as store:
        with pytest.raises(InputRefusedError) as caught:
            cards.import_cards_into_event(store, bad, clock)
        codes = [card.code for card in store.cards("2021-2023")]
    assert event.read_bytes() == before
    problem = caught.value.problems[0]
    assert (problem.file, problem.column) == ("completo.xlsx", "codice")
    assert problem.row is not None and problem.row > 10 and "1.x" in problem.translated()
    assert "1.1" not in codes


def test_a_set_without_a_card_in_play_is_refused(
    event: Path, tmp_path: Path, clock: FixedClock
) -> None:
    path = tmp_path / "ridotto.csv"
    write_table(path, "schede", list(cards.CARD_COLUMNS), [["1", "asse", "Asse 1", "", ""]])
    with EventStore.open(event) as store:
        (table,) = store.tables()
        TableCardsService(store, clock).vote(table.id, "3.1", 1)
        with pytest.raises(InputRefusedError, match=r"3\.1"):
            cards.import_cards_into_event(store, path, clock)
        assert "3.1" in [card.code for card in store.cards("2021-2023")]


def test_switching_edition_copies_the_bundled_cards_and_keeps_the_other(
    event: Path, clock: FixedClock
) -> None:
    with EventStore.open(event) as store:
        switched = cards.use_bundled_edition(store, "2024-2026", clock)
        assert store.event().card_edition == "2024-2026"
        assert "1.1.1" in [card.code for card in store.cards("2024-2026")]
        assert store.cards("2021-2023")  # nothing of the other edition is lost
        assert switched.edition == "2024-2026"
        back = cards.use_bundled_edition(store, "2021-2023", clock)
        assert store.event().card_edition == "2021-2023" and back.cards


def test_switching_edition_is_refused_while_cards_are_in_use(
    event: Path, clock: FixedClock
) -> None:
    with EventStore.open(event) as store:
        (table,) = store.tables()
        TableCardsService(store, clock).put_in_play(table.id, "6.1", 1)
        with pytest.raises(InputRefusedError, match=r"6\.1"):
            cards.use_bundled_edition(store, "2024-2026", clock)
        assert store.event().card_edition == "2021-2023"
        with pytest.raises(InputRefusedError, match="sconosciuta"):
            cards.use_bundled_edition(store, "1999", clock)
