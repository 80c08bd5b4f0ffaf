from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import TableCard
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot


def test_browse_search_put_in_play_vote_and_rank(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, artifacts: Path
) -> None:
    assert fresh.deck is not None
    fresh.show_tab(2)
    deck = fresh.deck
    everything = deck.shown_codes()
    assert "2.1" in everything and "6.2.4" in everything
    deck.axis.setCurrentIndex(deck.axis.findData(6))
    assert deck.shown_codes() and all(code.startswith("6") for code in deck.shown_codes())
    deck.axis.setCurrentIndex(0)
    deck.search.setText("bosco")
    assert deck.shown_codes() == ["2.1.3"]
    deck.search.clear()
    for code in ("2.1", "3.1", "6.1"):
        deck.deck.setCurrentRow(deck.shown_codes().index(code))
        deck.put_in_play()
    assert deck.in_play_codes() == ["2.1", "3.1", "6.1"]
    deck._select("6.1")
    deck.vote(1)
    deck.vote(1)
    deck._select("3.1")
    deck.vote(1)
    deck.rank()
    assert deck.in_play_codes() == ["6.1", "3.1", "2.1"]
    deck._select("2.1")
    deck.move_card(-1)
    assert deck.in_play_codes() == ["6.1", "2.1", "3.1"]
    with EventStore.open(fresh_path, read_only=True) as other:
        ranked = sorted(other.all(TableCard), key=lambda c: c.rank or 0)
    assert [(c.code, c.rank, c.votes) for c in ranked] == [
        ("6.1", 1, 2),
        ("2.1", 2, 0),
        ("3.1", 3, 1),
    ]
    deck.deck.setFocus()
    deck.deck.setCurrentRow(0)
    qtbot.keyClick(deck.deck, Qt.Key.Key_Return)  # Enter on a card puts it in play
    assert len(deck.in_play_codes()) == 4
    screenshot(fresh, "cards", artifacts)


def test_cards_in_play_votes_and_ranking_are_undoable(fresh: MainWindow) -> None:
    assert fresh.deck is not None and fresh.store is not None
    deck = fresh.deck
    for code in ("2.1", "3.1"):
        deck.deck.setCurrentRow(deck.shown_codes().index(code))
        deck.put_in_play()
    deck._select("3.1")
    deck.vote(1)
    deck.rank()
    assert deck.in_play_codes() == ["3.1", "2.1"]
    deck._select("2.1")
    deck.remove()
    assert deck.in_play_codes() == ["3.1"]
    fresh.undo()  # the removal
    assert deck.in_play_codes() == ["3.1", "2.1"]
    fresh.undo()  # the ranking
    fresh.undo()  # the vote
    votes = {c.code: c.votes for c in fresh.store.all(TableCard)}
    assert votes == {"2.1": 0, "3.1": 0}
    fresh.undo()  # 3.1 in play
    assert deck.in_play_codes() == ["2.1"]
    fresh.redo()
    fresh.redo()
    assert {c.code: c.votes for c in fresh.store.all(TableCard)} == {"2.1": 0, "3.1": 1}
