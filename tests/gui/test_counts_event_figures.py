"""A person types the venue's online listeners and the event's people in presence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QSpinBox
from pytestqt.qtbot import QtBot

from facilitator_app.domain.model import Event, Venue
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow


def _type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton)
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def _spin(window: MainWindow, accessible: str) -> QSpinBox:
    found = [s for s in window.findChildren(QSpinBox) if s.accessibleName() == accessible]
    assert len(found) == 1, accessible
    return found[0]


def test_the_events_presence_and_the_venues_listeners_are_typed_in_the_counts_panel(
    qtbot: QtBot, fresh: MainWindow, fresh_path: Path
) -> None:
    qtbot.keyClick(fresh, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Conteggi
    presence = _spin(fresh, "Persone in presenza, totale dell'evento")
    online = _spin(fresh, "Ascoltatori online di questa sede")
    qtbot.waitUntil(presence.isVisible)
    titles = [box.title() for box in fresh.findChildren(QGroupBox) if box.isVisible()]
    with EventStore.open(fresh_path, read_only=True) as other:
        (venue,) = other.venues()
    # Each figure says whose it is: the venue by name, the event as a whole.
    assert f"Sede: {venue.name}" in titles and "Evento (tutte le sedi)" in titles
    _type_into(qtbot, presence, "130")
    _type_into(qtbot, online, "25")
    with EventStore.open(fresh_path, read_only=True) as other:
        (event,) = other.all(Event)
        (stored,) = other.all(Venue)
    assert event.in_presence == 130 and event.online_listeners is None
    assert stored.online_listeners == 25
    assert presence.value() == 130 and online.value() == 25
