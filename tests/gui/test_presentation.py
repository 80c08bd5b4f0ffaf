"""Plenary presentation: F5 from the main window, clicker keys, timer, hide and pin, screenshots."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table, TableCard
from facilitator_app.services.plenary import slides
from facilitator_app.services.plenary.settings import load_settings
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from facilitator_app.ui.presentation import (
    PresentationController,
    PresentationSession,
    choose_screens,
    present_event,
)
from facilitator_app.ui.presentation.canvas import SlideView, qt_font
from facilitator_app.ui.presentation.windows import PresentationSaver
from tests.helpers.files import digest
from tests.helpers.screens import save_image, screenshot


def session_of(window: MainWindow) -> PresentationSession:
    found = window.findChild(PresentationSession)
    assert isinstance(found, PresentationSession)
    return found


def test_f5_presents_the_open_event_and_a_clicker_walks_every_table(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    session = session_of(window)
    audience, presenter = session.audience, session.presenter
    assert audience.isVisible() and presenter.isVisible()
    assert session.single_screen  # offscreen: one screen, both windows on it
    controller = session.controller
    assert controller.current.kind == slides.TITLE
    visited: list[str] = []
    for _ in range(len(controller.shown) + 3):  # a clicker's "next" key, past the end
        qtbot.keyClick(audience, Qt.Key.Key_PageDown)
        if controller.current.kind == slides.TABLE:
            visited.append(controller.current.table_key)
    assert controller.current.kind == slides.CLOSING
    assert visited == [t.key for t in controller.snapshot.tables]
    assert presenter.position_label.text() == f"{len(controller.shown)} / {len(controller.shown)}"
    qtbot.keyClick(audience, Qt.Key.Key_PageUp)
    assert controller.index == len(controller.shown) - 2
    qtbot.keyClick(presenter, Qt.Key.Key_Home)
    assert controller.index == 0
    for key, expected in (
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Space, 2),
        (Qt.Key.Key_Down, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_End, len(controller.shown) - 1),
    ):
        qtbot.keyClick(presenter, key)
        assert controller.index == expected, key
    qtbot.keyClick(audience, Qt.Key.Key_B)
    assert audience.view.black
    qtbot.keyClick(audience, Qt.Key.Key_Period)
    assert not audience.view.black
    qtbot.keyClick(window, Qt.Key.Key_F5)  # still the same
    assert session_of(window) is session
    with qtbot.waitSignal(session.destroyed, timeout=2000):
        qtbot.keyClick(audience, Qt.Key.Key_Escape)
    assert window.findChild(PresentationSession) is None


def test_report_back_timer_per_table_with_a_fake_clock(
    window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    session = present_event(window, window.store, clock)
    assert session is not None
    controller, presenter = session.controller, session.presenter
    assert controller.go_to_key("table:asse-1")
    clock.advance(100)
    presenter.tick()
    assert presenter.timer_label.text() == "01:40 / 03:00"
    assert "#1b5e20" in presenter.timer_label.styleSheet()
    qtbot.keyClick(presenter, Qt.Key.Key_Right)  # still Asse 1: the time goes on
    clock.advance(90)
    presenter.tick()
    assert presenter.timer_label.text() == "+00:10 oltre 03:00"
    assert "#b71c1c" in presenter.timer_label.styleSheet()
    assert controller.go_to_key("table:asse-2")
    assert presenter.timer_label.text() == "00:00 / 03:00"
    presenter.minutes.setValue(5)
    assert presenter.timer_label.text() == "00:00 / 05:00"
    session.finish()


def test_hide_a_slide_and_pin_a_post_it_from_the_presenter_view(
    window: MainWindow, qtbot: QtBot, clock: FixedClock
) -> None:
    session = present_event(window, window.store, clock)
    assert session is not None
    controller, presenter = session.controller, session.presenter
    total = len(controller.shown)
    item = next(
        presenter.slides.item(i)
        for i in range(presenter.slides.count())
        if presenter.slides.item(i).data(Qt.ItemDataRole.UserRole) == "participation"
    )
    with qtbot.waitSignal(controller.changed, timeout=2000):
        item.setCheckState(Qt.CheckState.Unchecked)
    assert len(controller.shown) == total - 1
    qtbot.keyClick(presenter, Qt.Key.Key_Right)
    assert controller.current.kind == slides.TABLE  # the hidden slide is skipped
    assert controller.go_to_key("table:asse-1:1:themes")
    assert presenter.pins.count() > 3
    last = presenter.pins.item(presenter.pins.count() - 1)
    post_id = last.data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(controller.changed, timeout=2000):
        last.setCheckState(Qt.CheckState.Checked)
    voices = next(s for s in controller.deck if s.key == "table:asse-1:1:voices")
    assert voices.items[0].ref == post_id
    assert controller.current.key == "table:asse-1:1:themes"  # still on the same slide
    assert controller.saved is True
    session.finish()
    assert window.store is not None
    kept = load_settings(window.store)
    assert kept.hidden == {"participation"} and kept.pinned == {post_id}


def test_a_read_only_file_presents_without_writing(
    demo_path: Path, qtbot: QtBot, clock: FixedClock
) -> None:
    before = digest(demo_path)
    with EventStore.open(demo_path, read_only=True) as store:
        controller = PresentationController(
            load_records(store), clock, load_settings(store), PresentationSaver(store)
        )
        session = PresentationSession(controller)
        qtbot.addWidget(session.presenter)
        qtbot.addWidget(session.audience)
        controller.set_hidden("participation", True)
        assert controller.saved is False
        assert "sola lettura" in session.presenter.save_label.text()
        assert all(s.kind != slides.PARTICIPATION for s in controller.shown)
        session.finish()
    assert digest(demo_path) == before


def test_screens_the_second_one_for_the_audience() -> None:
    assert choose_screens(["laptop", "projector"], "laptop") == ("projector", "laptop")
    assert choose_screens(["projector", "laptop"], "laptop") == ("projector", "laptop")
    assert choose_screens(["laptop"], "laptop") == ("laptop", "laptop")
    assert choose_screens([], None) == (None, None)


@pytest.mark.parametrize("kind", slides.KINDS)
def test_screenshot_of_each_kind_of_slide_and_nothing_overflows(
    kind: str, demo_path: Path, qtbot: QtBot, clock: FixedClock, artifacts: Path
) -> None:
    if kind == slides.CARDS:  # the demo's tables put no card in play: asse-3 plays three
        with EventStore.open(demo_path) as store:
            table = next(t for t in store.all(Table) if t.key == "asse-3")
            now = "2023-11-10T10:00:00+00:00"
            store.save(
                *(
                    TableCard(f"tc-{code}", table.id, code, now, now, session=1, votes=votes)
                    for code, votes in (("3.1", 4), ("3.1.1", 2), ("3.1.2", 2))
                )
            )
    with EventStore.open(demo_path, read_only=True) as store:
        controller = PresentationController(load_records(store), clock)
    slide = next(s for s in controller.shown if s.kind == kind and s.table_key in ("", "asse-3"))
    view = SlideView()
    qtbot.addWidget(view)
    view.resize(slides.WIDTH, slides.HEIGHT)
    layout = controller.layout(slide)
    assert layout is not None and layout.problems() == []
    view.show_layout(layout)
    view.show()
    qtbot.waitExposed(view)
    # Qt's own metrics: every line stays inside the slide's margins.
    for run in layout.runs:
        width = QFontMetricsF(qt_font(run)).horizontalAdvance(run.text)
        assert run.x + width <= slides.WIDTH - slides.MARGIN_X + 1, run.text
    image = view.grab().toImage()
    assert image.width() == slides.WIDTH
    background = image.pixelColor(5, 5).name().upper()
    assert background == layout.background
    save_image(image, f"slide_{kind}", artifacts)


def test_presenter_view_screenshot(
    window: MainWindow, qtbot: QtBot, clock: FixedClock, artifacts: Path
) -> None:
    session = present_event(window, window.store, clock)
    assert session is not None
    session.controller.go_to_key("table:asse-3:2:themes")
    session.presenter.resize(1280, 800)
    QApplication.processEvents()
    screenshot(session.presenter, "slide_presenter_view", artifacts)
    session.finish()
