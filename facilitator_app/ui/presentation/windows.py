"""The two windows of a plenary presentation and how they are opened.

The audience window shows the slide full screen on the projector (the second screen when
one is connected); the presenter window stays on the laptop with the current and next
slides, the notes, the report-back timer, the slides to hide and the post-its to pin.
With one screen both open on it, the audience window on top.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QCloseEvent,
    QFont,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.clock import Clock
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.services.analysis.embeddings import stored_event_vectors
from facilitator_app.services.plenary.settings import DeckSettings, load_settings, save_settings
from facilitator_app.services.records.event_records import load_records
from facilitator_app.storage.database import EventStore
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_button
from facilitator_app.ui.presentation.canvas import SlideView
from facilitator_app.ui.presentation.controller import PresentationController

TICK_MS = 500
S = TypeVar("S")


def choose_screens(screens: Sequence[S], primary: S | None) -> tuple[S | None, S | None]:
    """(audience, presenter) screens: the slides on a screen other than the primary one.

    With one screen (or none) both are the same.
    """
    if not screens:
        return None, None
    presenter = primary if primary in screens else screens[0]
    others = [screen for screen in screens if screen is not presenter]
    return (others[0] if others else presenter), presenter


def _place(window: QWidget, screen: QScreen | None, full_screen: bool) -> None:
    if screen is not None:
        window.setScreen(screen)
        window.setGeometry(screen.availableGeometry())
    if QApplication.platformName() == "offscreen":
        window.show()  # no real screen to fill (tests)
    elif full_screen:
        window.showFullScreen()
    else:
        window.showMaximized()


class AudienceWindow(QWidget):
    """The slide alone, for the projector."""

    def __init__(self, controller: PresentationController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.retranslate()
        self.setStyleSheet("background: black;")
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.view = SlideView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.resize(960, 540)
        controller.changed.connect(self.refresh)
        self.refresh()

    def retranslate(self) -> None:
        """Set the window's texts in the interface language."""
        self.setWindowTitle(self.tr("Presentazione"))
        self.setAccessibleName(self.tr("Diapositiva per il pubblico"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Show the controller's current slide."""
        self.view.show_layout(self.controller.layout())
        self.view.set_black(self.controller.black)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Clicker and keyboard navigation."""
        if not self.controller.handle_key(event.key()):
            super().keyPressEvent(event)


class PresenterWindow(QWidget):
    """The laptop's view: slide, next slide, notes, timer, hidden slides and pinned post-its.

    Every control leaves the keyboard to the presentation (no focus), so arrows, space and
    a clicker's keys always move the slides.
    """

    def __init__(self, controller: PresentationController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.controller = controller
        self.current_view = SlideView(self)
        self.next_view = SlideView(self)
        self.next_view.setMaximumHeight(270)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.2)
        big.setBold(True)
        self.timer_label = QLabel(self)
        self.timer_label.setFont(big)
        self.position_label = QLabel(self)
        self.position_label.setFont(big)
        self.table_label = QLabel(self)
        self.table_label.setWordWrap(True)
        self.save_label = QLabel(self)
        self.save_label.setWordWrap(True)
        self.notes = QPlainTextEdit(self)
        self.notes.setReadOnly(True)
        self.slides = QListWidget(self)
        self.pins = QListWidget(self)
        self.pins.setWordWrap(True)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 30)
        self.minutes.setValue(controller.settings.minutes)
        buttons = QHBoxLayout()
        self.buttons = [
            make_button(self, "", slot)
            for slot in (
                controller.previous,
                controller.next,
                controller.toggle_black,
                self._reset_timer,
                controller.finished.emit,
            )
        ]
        for button in self.buttons:
            buttons.addWidget(button)
        self.captions = [QLabel(self) for _ in range(4)]
        left = QVBoxLayout()
        left.addWidget(self.current_view, 1)
        status = QHBoxLayout()
        status.addWidget(self.position_label)
        status.addStretch(1)
        status.addWidget(self.timer_label)
        status.addWidget(self.minutes)
        left.addLayout(status)
        left.addWidget(self.table_label)
        left.addLayout(buttons)
        right = QGridLayout()
        for row, widget in enumerate((self.next_view, self.notes, self.slides, self.pins), start=0):
            right.addWidget(self.captions[row], 2 * row, 0)
            right.addWidget(widget, 2 * row + 1, 0)
        right.addWidget(self.save_label, 8, 0)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 3)
        outer.addLayout(right, 2)
        for widget in self.findChildren(QWidget):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)
        self._filling = False
        self.slides.itemChanged.connect(self._slide_checked)
        self.slides.itemClicked.connect(self._slide_clicked)
        self.pins.itemChanged.connect(self._pin_checked)
        self.minutes.valueChanged.connect(controller.set_minutes)
        controller.changed.connect(self.refresh)
        self.resize(1280, 800)
        self.retranslate()

    def retranslate(self) -> None:
        """Set the window's own texts in the interface language, then refresh the rest."""
        self.setWindowTitle(self.tr("Presentazione — vista del relatore"))
        self.timer_label.setAccessibleName(self.tr("Tempo della restituzione"))
        self.notes.setAccessibleName(self.tr("Note per il relatore"))
        self.slides.setAccessibleName(self.tr("Diapositive (spuntate: mostrate)"))
        self.pins.setAccessibleName(self.tr("Post-it da fissare"))
        self.minutes.setSuffix(self.tr(" min per tavolo"))
        for button, text in zip(
            self.buttons,
            (
                self.tr("◀ Precedente"),
                self.tr("Successiva ▶"),
                self.tr("Schermo nero (B)"),
                self.tr("Azzera il tempo"),
                self.tr("Termina (Esc)"),
            ),
            strict=True,
        ):
            button.setText(text)
            button.setAccessibleName(text)
        for caption, text in zip(
            self.captions,
            (
                self.tr("Successiva"),
                self.tr("Note"),
                self.tr("Diapositive (togliere la spunta per nascondere)"),
                self.tr("Post-it della sessione (spuntare per fissarli)"),
            ),
            strict=True,
        ):
            caption.setText(text)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- refresh ---------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the current state of the presentation."""
        c = self.controller
        self.current_view.show_layout(c.layout())
        self.current_view.set_black(c.black)
        following = c.next_slide
        self.next_view.show_layout(c.layout(following) if following is not None else None)
        self.position_label.setText(f"{c.index + 1} / {len(c.shown)}")
        self.notes.setPlainText(c.current.notes)
        table = c.current.footer or self.tr("Evento")
        self.table_label.setText(self.tr("In corso: {table}").format(table=table))
        if c.saved is False:
            self.save_label.setText(
                self.tr("File in sola lettura: le scelte valgono solo per questa presentazione.")
            )
        else:
            self.save_label.setText("")
        self._fill_lists()
        self.tick()

    def _fill_lists(self) -> None:
        c = self.controller
        self._filling = True
        self.slides.clear()
        for slide in c.deck:
            text = slide.heading + (f" ({slide.part}/{slide.parts})" if slide.parts > 1 else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, slide.key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if slide.hidden else Qt.CheckState.Checked)
            if slide.part > 1:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            self.slides.addItem(item)
            if slide.key == c.current.key:
                self.slides.setCurrentItem(item)
        self.pins.clear()
        for post_id, text, pinned in c.pin_candidates():
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, post_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pinned else Qt.CheckState.Unchecked)
            self.pins.addItem(item)
        self._filling = False

    def tick(self) -> None:
        """Refresh the report-back timer from the clock."""
        timer = self.controller.timer
        self.timer_label.setText(timer.text())
        over = timer.remaining() < 0
        colour = "#b71c1c" if over else "#1b5e20"
        self.timer_label.setStyleSheet(f"QLabel {{ color: {colour}; }}")

    def _reset_timer(self) -> None:
        self.controller.timer.reset()
        self.tick()

    # -- choices ---------------------------------------------------------------------------

    def _slide_checked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        key = str(item.data(Qt.ItemDataRole.UserRole))
        hidden = item.checkState() != Qt.CheckState.Checked
        QTimer.singleShot(0, lambda: self.controller.set_hidden(key, hidden))

    def _slide_clicked(self, item: QListWidgetItem) -> None:
        self.controller.go_to_key(str(item.data(Qt.ItemDataRole.UserRole)))

    def _pin_checked(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        post_id = str(item.data(Qt.ItemDataRole.UserRole))
        pinned = item.checkState() == Qt.CheckState.Checked
        QTimer.singleShot(0, lambda: self.controller.set_pinned(post_id, pinned))

    # -- events ----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Clicker and keyboard navigation."""
        if not self.controller.handle_key(event.key()):
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Run the timer's refresh while visible."""
        super().showEvent(event)
        self.tick()
        self._ticker.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop refreshing while hidden."""
        self._ticker.stop()
        super().hideEvent(event)


class PresentationSession(QWidget):
    """A running presentation: the controller and its two windows.

    It is an invisible child of the main window, so it lives as long as the main window;
    Esc (or closing either window) ends it.
    """

    def __init__(
        self,
        controller: PresentationController,
        parent: QWidget | None = None,
        screens: Sequence[QScreen] | None = None,
        primary: QScreen | None = None,
    ) -> None:
        super().__init__(parent)
        self.hide()
        self.controller = controller
        controller.setParent(self)
        self.presenter = PresenterWindow(controller, parent)
        self.audience = AudienceWindow(controller, parent)
        self._closing = False
        controller.finished.connect(self.finish)
        self._language = i18n.current_language()
        for window in (self.presenter, self.audience):
            window.installEventFilter(self)
        all_screens = list(QGuiApplication.screens() if screens is None else screens)
        audience_screen, presenter_screen = choose_screens(
            all_screens, primary if screens is not None else QGuiApplication.primaryScreen()
        )
        self.single_screen = audience_screen is presenter_screen
        _place(self.presenter, presenter_screen, full_screen=False)
        _place(self.audience, audience_screen, full_screen=True)
        self.audience.raise_()
        self.audience.activateWindow()

    def changeEvent(self, event: QEvent) -> None:
        """Rebuild the slides in the new language (once, whichever window hears it first)."""
        if event.type() == QEvent.Type.LanguageChange and i18n.current_language() != self._language:
            self._language = i18n.current_language()
            self.controller.retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: object, event: object) -> bool:
        """End the presentation when one of its windows is closed."""
        if isinstance(event, QCloseEvent) and not self._closing:
            QTimer.singleShot(0, self.finish)
        return False

    def finish(self) -> None:
        """Close both windows and forget the presentation."""
        if self._closing:
            return
        self._closing = True
        for window in (self.audience, self.presenter):
            window.close()
            window.deleteLater()
        self.deleteLater()


class PresentationSaver:
    """Keeps the presentation choices in the event file while it is open for writing."""

    def __init__(self, store: EventStore) -> None:
        self.store = store

    def __call__(self, settings: DeckSettings) -> bool:
        """Save; False when the file is read-only, closed or refuses the write."""
        try:
            return save_settings(self.store, settings)
        except (FacilitatorError, sqlite3.Error):
            return False


def present_event(
    parent: QWidget, store: EventStore | None, clock: Clock
) -> PresentationSession | None:
    """Present the open event (F5), or raise the presentation already running.

    Args:
        parent: the main window (owner of the presentation windows, for messages).
        store: the open event file; None shows a message.
        clock: for the report-back timer.
    """
    running = parent.findChild(PresentationSession)
    if isinstance(running, PresentationSession) and not running._closing:
        running.audience.raise_()
        running.presenter.raise_()
        return running
    if store is None:
        QMessageBox.information(
            parent,
            APP_DISPLAY_NAME,
            QCoreApplication.translate(
                "PresentationSession", "Aprire prima un evento da presentare."
            ),
        )
        return None
    try:
        snapshot = load_records(store)
        settings = load_settings(store)
        # Stored vectors only (no model load here): the meaning method when all are there.
        vectors = stored_event_vectors(store, snapshot.live_contributions())
    except FacilitatorError as error:
        QMessageBox.warning(parent, APP_DISPLAY_NAME, i18n.error_text(error))
        return None
    controller = PresentationController(
        snapshot, clock, settings, PresentationSaver(store), vectors=vectors
    )
    return PresentationSession(controller, parent)
