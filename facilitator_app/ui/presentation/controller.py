"""The state of a presentation: the deck, the current slide, the keys and the timer.

Both windows (audience and presenter) show the same :class:`PresentationController`; its
keys are those a clicker sends (Page Up/Down, arrows, space, Home/End, Esc, "." or B for
a black screen, F5 from the start).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy.typing as npt
from PySide6.QtCore import QObject, Qt, Signal

from facilitator_app.domain.clock import Clock
from facilitator_app.services.plenary.build import build_deck, visible
from facilitator_app.services.plenary.layout import SlideLayout, layout_slide
from facilitator_app.services.plenary.report_back import ReportBackTimer
from facilitator_app.services.plenary.settings import DeckSettings
from facilitator_app.services.plenary.slides import VOICES, Slide
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.ui import i18n

NEXT_KEYS = frozenset(
    {
        Qt.Key.Key_Right,
        Qt.Key.Key_Down,
        Qt.Key.Key_Space,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_N,
    }
)
PREVIOUS_KEYS = frozenset(
    {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P}
)
BLACK_KEYS = frozenset({Qt.Key.Key_B, Qt.Key.Key_Period})

Saver = Callable[[DeckSettings], bool]


class PresentationController(QObject):
    """Which slide is shown, and what the facilitator chose to hide or pin.

    Args:
        snapshot: the event to present.
        clock: for the report-back timer (tests pass a FixedClock).
        settings: hidden slides and pinned post-its to start from.
        save: keeps changed settings (in the event file); returns False when it could not
            (a read-only file): the choices then last for this session only.
        vectors: the post-its' stored meaning vectors, for the cross-cutting slide (None:
            the word method).

    Signals:
        changed: the slide, the deck or the black screen changed.
        finished: Esc was pressed; the windows close.
    """

    changed = Signal()
    finished = Signal()

    def __init__(
        self,
        snapshot: EventRecords,
        clock: Clock,
        settings: DeckSettings | None = None,
        save: Saver | None = None,
        parent: QObject | None = None,
        vectors: Mapping[str, npt.ArrayLike] | None = None,
    ) -> None:
        super().__init__(parent)
        self.snapshot = snapshot
        self.vectors = vectors
        self.settings = settings or DeckSettings()
        self._save = save
        self.saved: bool | None = None
        self.timer = ReportBackTimer(clock, self.settings.minutes)
        self.black = False
        self.deck: list[Slide] = []
        self.shown: list[Slide] = []
        self.index = 0
        self._rebuild()
        self.timer.switch(self.current.table_key if self.shown else "")

    # -- the deck --------------------------------------------------------------------------

    def retranslate(self) -> None:
        """Rebuild the slides in the interface's current language, on the same slide."""
        self._rebuild(self.current.key if self.shown else None)
        self.changed.emit()

    def _rebuild(self, keep: str | None = None) -> None:
        self.deck = build_deck(
            self.snapshot, settings=self.settings, texts=i18n.texts(), vectors=self.vectors
        )
        self.shown = visible(self.deck)
        if keep is not None:
            keys = [slide.key for slide in self.shown]
            if keep in keys:
                self.index = keys.index(keep)
            else:  # the slide was hidden: stay at the next visible one
                order = [slide.key for slide in self.deck]
                position = order.index(keep) if keep in order else 0
                later = [i for i, s in enumerate(self.shown) if order.index(s.key) >= position]
                self.index = later[0] if later else len(self.shown) - 1
        self.index = max(0, min(self.index, len(self.shown) - 1))

    @property
    def current(self) -> Slide:
        """The slide on the projector (the last one when every slide is hidden)."""
        return self.shown[self.index] if self.shown else self.deck[-1]

    @property
    def next_slide(self) -> Slide | None:
        """The slide that comes next, if any."""
        return self.shown[self.index + 1] if self.index + 1 < len(self.shown) else None

    def layout(self, slide: Slide | None = None) -> SlideLayout | None:
        """The layout of a slide (the current one by default), numbered among the shown."""
        target = self.current if slide is None else slide
        if target is None:
            return None
        number = self.shown.index(target) + 1 if target in self.shown else 0
        return layout_slide(target, number, len(self.shown))

    # -- moving ----------------------------------------------------------------------------

    def go(self, index: int) -> None:
        """Show the visible slide at this position (clamped)."""
        if not self.shown:
            return
        index = max(0, min(index, len(self.shown) - 1))
        if index == self.index:
            return
        self.index = index
        if self.current.table_key != self.timer.current:
            self.timer.switch(self.current.table_key)
        self.changed.emit()

    def go_to_key(self, key: str) -> bool:
        """Show a slide by key; False when it is hidden or unknown."""
        for index, slide in enumerate(self.shown):
            if slide.key == key:
                self.go(index)
                return True
        return False

    def next(self) -> None:
        """Next slide."""
        self.go(self.index + 1)

    def previous(self) -> None:
        """Previous slide."""
        self.go(self.index - 1)

    def first(self) -> None:
        """First slide."""
        self.go(0)

    def last(self) -> None:
        """Last slide."""
        self.go(len(self.shown) - 1)

    def toggle_black(self) -> None:
        """Blank the projector, or show the slide again."""
        self.black = not self.black
        self.changed.emit()

    def handle_key(self, key: int) -> bool:
        """Act on a key from either window; True when it was a presentation key."""
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home or key == Qt.Key.Key_F5:
            self.first()
        elif key == Qt.Key.Key_End:
            self.last()
        elif key in BLACK_KEYS:
            self.toggle_black()
        elif key == Qt.Key.Key_Escape:
            self.finished.emit()
        else:
            return False
        return True

    # -- choices ---------------------------------------------------------------------------

    def set_hidden(self, key: str, hidden: bool) -> None:
        """Hide a slide (by its key; its continuations go with it) or show it again."""
        base = key.split("#", 1)[0]
        if (base in self.settings.hidden) == hidden:
            return
        changed = self.settings.hidden | {base} if hidden else self.settings.hidden - {base}
        self._apply(DeckSettings(changed, self.settings.pinned, self.settings.minutes))

    def set_pinned(self, post_id: str, pinned: bool) -> None:
        """Pin a post-it (shown first on its session's slide) or unpin it."""
        if (post_id in self.settings.pinned) == pinned:
            return
        changed = self.settings.pinned | {post_id} if pinned else self.settings.pinned - {post_id}
        self._apply(DeckSettings(self.settings.hidden, changed, self.settings.minutes))

    def set_minutes(self, minutes: int) -> None:
        """Report-back time per table."""
        if minutes == self.settings.minutes:
            return
        self.timer.minutes = minutes
        self._apply(DeckSettings(self.settings.hidden, self.settings.pinned, minutes))

    def _apply(self, settings: DeckSettings) -> None:
        keep = self.current.key
        self.settings = settings
        self._rebuild(keep)
        if self._save is not None:
            self.saved = self._save(settings)
        if self.current.table_key != self.timer.current:
            self.timer.switch(self.current.table_key)
        self.changed.emit()

    def pin_candidates(self, slide: Slide | None = None) -> list[tuple[str, str, bool]]:
        """Post-its that can be pinned for a slide's table and session: (id, text, pinned)."""
        target = slide or self.current
        if target.session is None:
            return []
        for candidate in self.deck:
            if (
                candidate.kind == VOICES
                and candidate.part == 1
                and candidate.table_key == target.table_key
                and candidate.session == target.session
            ):
                return [
                    (post_id, text, post_id in self.settings.pinned)
                    for post_id, text in candidate.candidates
                ]
        return []
