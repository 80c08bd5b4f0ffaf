from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import TableCard
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.cards.deck import CARD_ROLE
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


def _settle() -> None:
    QCoreApplication.sendPostedEvents()
    QCoreApplication.processEvents()


def _click_at(window: QWidget, point: QPoint) -> None:
    """Click whatever the window shows at ``point`` now (the mouse does not move)."""
    _settle()
    target = window.childAt(point)
    assert target is not None
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(window, point))
    _settle()


def _button(panel: QWidget, text: str) -> QPushButton:
    return next(b for b in panel.findChildren(QPushButton) if b.text() == text)


def _column(deck: object, column: int) -> list[str]:
    table = deck.play  # type: ignore[attr-defined]
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_rows_stay_still_while_voting_and_places_are_live(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    assert fresh.deck is not None
    qtbot.keyClick(fresh, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Schede
    deck = fresh.deck
    for code in ("2.1", "3.1", "4.1", "6.1"):
        deck.search.setFocus()
        qtbot.keyClick(deck.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(deck.search, code + " ")
        deck.deck.setFocus()
        qtbot.keyClick(deck.deck, Qt.Key.Key_Return)
    assert deck.in_play_codes() == ["2.1", "3.1", "4.1", "6.1"]
    _settle()
    table = deck.play
    rows = {
        code: table.viewport().mapTo(fresh, table.visualItemRect(table.item(row, 2)).center())
        for row, code in enumerate(deck.in_play_codes())
    }
    vote = _button(deck, "Vota")
    vote_at = vote.mapTo(fresh, vote.rect().center())
    # The last rows first: a table that re-sorted by votes would move them under the mouse.
    for code, places in (
        ("6.1", ["", "", "", "1"]),
        ("4.1", ["", "", "1", "1"]),
        ("4.1", ["", "", "1", "2"]),
        ("3.1", ["", "2", "1", "2"]),
    ):
        _click_at(fresh, rows[code])
        _click_at(fresh, vote_at)
        assert deck.in_play_codes() == ["2.1", "3.1", "4.1", "6.1"]  # nothing moved
        assert _column(deck, 0) == places  # the places follow every vote, ties share one
    assert _column(deck, 3) == ["0", "1", "2", "1"]
    with EventStore.open(fresh_path, read_only=True) as other:
        votes = {c.code: c.votes for c in other.all(TableCard)}
    assert votes == {"2.1": 0, "3.1": 1, "4.1": 2, "6.1": 1}
    _click_at(fresh, _button(deck, "Ordina per voti").mapTo(fresh, QPoint(5, 5)))
    ranked = deck.in_play_codes()  # 3.1 and 6.1 tie: their order is the order put in play
    assert (ranked[0], sorted(ranked[1:3]), ranked[3]) == ("4.1", ["3.1", "6.1"], "2.1")
    assert _column(deck, 0) == ["1", "2", "2", ""]


def test_card_bodies_show_a_readable_source_never_a_file_or_a_raw_address(
    fresh: MainWindow, window: MainWindow
) -> None:
    for win in (fresh, window):  # the forum-assi template and the demo
        assert win.deck is not None
        deck = win.deck
        assert deck.deck.count() > 10
        for row in range(deck.deck.count()):
            item = deck.deck.item(row)
            card = item.data(CARD_ROLE)
            shown = [*deck.card_lines(card), item.toolTip(), item.text()]
            body = "\n".join(shown)
            assert "psm_public_facts" not in body and "http" not in body, body
            assert "snapshot" not in body
            if card.source:
                assert shown[-3].startswith("Fonte: ") and len(shown[-3]) > len("Fonte: ")
