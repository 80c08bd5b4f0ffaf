"""Choosing the card edition and importing a complete set from the window (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
)
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import StrategyCard
from facilitator_app.services.common.tabular import write_table
from facilitator_app.services.setup import cards
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow


def _axis_codes(window: MainWindow, axis: int) -> list[str]:
    assert window.deck is not None
    deck = window.deck
    deck.axis.setCurrentIndex(deck.axis.findData(axis))
    return deck.shown_codes()


def _menu_action(window: MainWindow, start: str) -> object:
    found = [a for a in window.cards_menu.actions() if a.text().replace("&", "").startswith(start)]
    assert len(found) == 1, [a.text() for a in window.cards_menu.actions()]
    return found[0]


def test_a_new_event_with_the_2024_2026_cards_from_the_form(
    qtbot: QtBot, fresh: MainWindow, tmp_path: Path
) -> None:
    assert _axis_codes(fresh, 1) == ["1"]  # forum-assi: the 2021-2023 cards, axis 1 alone
    target = tmp_path / "nuovo.sqlite"
    seen: list[str] = []

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QDialog)
        try:
            choose(dialog)
        finally:
            if dialog.isVisible():  # a form that cannot be filled in must not hang the run
                dialog.reject()

    def choose(dialog: QDialog) -> None:
        edition = dialog.findChild(QComboBox, "editionCombo")
        assert edition is not None
        seen.append(str(edition.currentData()))  # the template's own edition first
        edition.setFocus()
        qtbot.keyClick(edition, Qt.Key.Key_End)  # the newest edition, last in the list
        path = dialog.findChild(QLineEdit, "fileEdit")
        assert path is not None
        path.setFocus()
        qtbot.keyClick(path, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(path, str(target))
        box = dialog.findChild(QDialogButtonBox, "buttonBox")
        assert box is not None
        qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    qtbot.keyClick(fresh, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["2021-2023"]
    assert fresh.path == target
    codes = _axis_codes(fresh, 1)
    assert codes[0] == "1" and {"1.1", "1.1.1", "1.1.2", "1.1.3"} <= set(codes)
    with EventStore.open(target, read_only=True) as store:
        assert store.event().card_edition == "2024-2026"
        assert {c.code for c in store.cards("2024-2026")} >= {"1.1", "1.1.3"}


def _complete_file(folder: Path, extra: list[list[str]]) -> Path:
    header, rows = cards.template_rows(cards.bundled_card_sets()["2021-2023"])
    path = folder / "schede-complete.xlsx"
    write_table(path, "schede", header, [*rows, *extra])
    return path


@pytest.fixture
def close_message(qtbot: QtBot) -> list[str]:
    """Read and close the next message box, as a person reads and clicks OK."""
    texts: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_and_close)
            return
        texts.append(f"{box.text()}\n{box.informativeText()}")
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, read_and_close)
    return texts


def test_importing_a_complete_set_through_the_menu(
    qtbot: QtBot,
    fresh: MainWindow,
    fresh_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    good = _complete_file(
        tmp_path,
        [
            ["1.1", "strategia", "Digitalizzare il territorio", "", "Piano completo"],
            ["1.1.1", "azione", "Connessione ovunque", "", "Piano completo"],
        ],
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(good), ""))
    _menu_action(fresh, "Importa un insieme di schede").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: fresh.deck is not None and "1.1" in _axis_codes(fresh, 1))
    assert _axis_codes(fresh, 1) == ["1", "1.1", "1.1.1"]
    with EventStore.open(fresh_path, read_only=True) as store:
        assert "1.1.1" in {c.code for c in store.all(StrategyCard)}


def test_a_refused_card_file_shows_its_errors_and_leaves_the_event_as_it_was(
    qtbot: QtBot,
    fresh: MainWindow,
    fresh_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    close_message: list[str],
) -> None:
    bad = _complete_file(tmp_path, [["1.x", "", "Strategia", "", ""]])
    rows = len(cards.bundled_card_sets()["2021-2023"].cards) + 2  # header, then the cards
    assert fresh.store is not None
    fresh.store.close()  # let the file settle, so that its bytes can be compared
    before = fresh_path.read_bytes()
    assert fresh.open_file(fresh_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(bad), ""))
    _menu_action(fresh, "Importa un insieme di schede").trigger()  # type: ignore[attr-defined]
    assert len(close_message) == 1
    message = close_message[0]
    assert "schede-complete.xlsx" in message and f"riga {rows}" in message
    assert "1.x" in message and "codice" in message
    assert _axis_codes(fresh, 1) == ["1"]
    fresh.close_event_file()
    assert fresh_path.read_bytes() == before


def test_switching_edition_from_the_menu_and_refusing_when_cards_are_in_play(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path, close_message: list[str]
) -> None:
    _menu_action(fresh, "Usa l'edizione 2024-2026").trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: fresh.deck is not None and "1.1.1" in _axis_codes(fresh, 1))
    assert close_message == []
    assert fresh.deck is not None and fresh.workspace is not None
    deck = fresh.deck
    deck.axis.setCurrentIndex(0)
    deck.deck.setFocus()
    qtbot.keyClick(deck.deck, Qt.Key.Key_Return)  # the first card goes in play
    assert deck.in_play_codes() == ["1"]
    action = _menu_action(fresh, "Usa l'edizione 2021-2023")
    action.trigger()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: bool(close_message))
    assert "2024-2026" in close_message[0] and "1" in close_message[0]
    assert fresh.workspace.store.event().card_edition == "2024-2026"
    assert fresh.deck.in_play_codes() == ["1"]
    assert not action.isChecked()  # type: ignore[attr-defined]
    assert _menu_action(fresh, "Usa l'edizione 2024-2026").isChecked()  # type: ignore[attr-defined]
