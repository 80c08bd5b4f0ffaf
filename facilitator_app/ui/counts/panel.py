"""Participant counts: quick +/− counters per table session, and two wider figures.

The venue's online listeners and the event's total of people in presence are each
labelled with whose figure it is.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.model import ParticipantCount, Venue
from facilitator_app.domain.validation import MAX_PEOPLE
from facilitator_app.domain.vocab import CATEGORY_LABELS, ZONES
from facilitator_app.services.capture.counts import count_warnings
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_tool_button
from facilitator_app.ui.common.undo import StepCommand
from facilitator_app.ui.context import Workspace

# Zones and categories: at most two warnings (services/capture/counts.count_warnings).
WARNING_LINES = 2


class Counter(QWidget):
    """A number with − and + buttons; typing a value works too.

    Args:
        label: what is counted (also the accessible name).
        changed: called with the new value when the user changes it.
        parent: owning widget.
    """

    def __init__(
        self, label: str, changed: Callable[[int], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._changed = changed
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.minus = make_tool_button(
            self,
            "−",
            lambda: self.spin.setValue(self.spin.value() - 1),
            accessible=self.tr("Meno uno: {what}").format(what=label),
        )
        self.minus.setAutoRepeat(True)
        self.spin = QSpinBox(self)
        self.spin.setRange(0, MAX_PEOPLE)  # the domain's one limit for people
        self.spin.setAccessibleName(label)
        self.spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.spin.setMinimumWidth(60)
        self.spin.setKeyboardTracking(False)
        self.plus = make_tool_button(
            self,
            "+",
            lambda: self.spin.setValue(self.spin.value() + 1),
            accessible=self.tr("Più uno: {what}").format(what=label),
        )
        self.plus.setAutoRepeat(True)
        # Tab goes from number to number (Up/Down and typing change it); the buttons are
        # for the mouse, so they take no keyboard focus.
        for button in (self.minus, self.plus):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.spin.valueChanged.connect(self._emit)
        layout.addWidget(self.minus)
        layout.addWidget(self.spin)
        layout.addWidget(self.plus)

    def _emit(self, value: int) -> None:
        self._changed(value)

    def set_value(self, value: int) -> None:
        """Show a stored value without reporting a change."""
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)

    def value(self) -> int:
        """The value shown."""
        return self.spin.value()


class WarningBanner(QLabel):
    """The counts' warnings, in a place kept for them whether they show or not.

    The banner keeps the height of :data:`WARNING_LINES` lines even when hidden or empty, so
    the counters under it never move: a person clicking + on a row keeps clicking that row.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countsWarning")
        self.setStyleSheet("QLabel { color: #b71c1c; font-weight: bold; }")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # No word wrap: a narrower window must not turn two lines into three and push the
        # form down; what does not fit is in the tooltip.
        self.setWordWrap(False)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._keep_height()

    def _keep_height(self) -> None:
        lines = self.fontMetrics().lineSpacing() * WARNING_LINES
        self.setFixedHeight(lines + self.contentsMargins().top() + self.contentsMargins().bottom())

    def changeEvent(self, event: QEvent) -> None:
        """Keep the reserved height in step with the zoomed text."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._keep_height()

    def show_warnings(self, warnings: list[str]) -> None:
        """Show these warnings (hide the banner, keeping its place, when there are none)."""
        text = "\n".join(f"⚠ {w}" for w in warnings[:WARNING_LINES])
        self.setText(text)
        self.setToolTip(text)
        self.setVisible(bool(warnings))


class CountsPanel(QWidget):
    """Counts of the current table session: present, by zone, by category; online listeners.

    Inconsistent totals show a warning and are kept.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        outer = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.title)
        self.warning = WarningBanner(self)
        self.warning.setAccessibleName(self.tr("Avvisi sui conteggi"))
        outer.addWidget(self.warning)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        grid = QHBoxLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        left = QVBoxLayout()
        main_box = QGroupBox(self.tr("Presenti al tavolo"), body)
        main_layout = QGridLayout(main_box)
        self.present = Counter(self.tr("Presenti"), self._set_present, main_box)
        main_layout.addWidget(QLabel(self.tr("Presenti"), main_box), 0, 0)
        main_layout.addWidget(self.present, 0, 1)
        left.addWidget(main_box)
        # Whose figure each one is, said in the box's title: the venue's listeners are
        # stored per venue, the people in presence once for the whole event.
        self.venue_box = QGroupBox(self.tr("Sede"), body)
        venue_layout = QGridLayout(self.venue_box)
        self.online = Counter(
            self.tr("Ascoltatori online di questa sede"), self._set_online, self.venue_box
        )
        venue_layout.addWidget(
            QLabel(self.tr("Ascoltatori online di questa sede"), self.venue_box), 0, 0
        )
        venue_layout.addWidget(self.online, 0, 1)
        left.addWidget(self.venue_box)
        event_box = QGroupBox(self.tr("Evento (tutte le sedi)"), body)
        event_layout = QGridLayout(event_box)
        self.in_presence = Counter(
            self.tr("Persone in presenza, totale dell'evento"), self._set_in_presence, event_box
        )
        event_layout.addWidget(
            QLabel(self.tr("Persone in presenza, totale dell'evento"), event_box), 0, 0
        )
        event_layout.addWidget(self.in_presence, 0, 1)
        left.addWidget(event_box)
        category_box = QGroupBox(self.tr("Per categoria"), body)
        category_layout = QGridLayout(category_box)
        self.categories: dict[str, Counter] = {}
        for row, (category, italian) in enumerate(CATEGORY_LABELS.items()):
            label = i18n.vocab(italian)
            counter = Counter(label, self._category_setter(category.value), category_box)
            category_layout.addWidget(QLabel(label, category_box), row, 0)
            category_layout.addWidget(counter, row, 1)
            self.categories[category.value] = counter
        left.addWidget(category_box)
        left.addStretch(1)
        grid.addLayout(left)

        zone_box = QGroupBox(self.tr("Per zona omogenea di provenienza"), body)
        zone_layout = QGridLayout(zone_box)
        self.zones: dict[int, Counter] = {}
        for row, (zone, name) in enumerate(ZONES.items()):
            label = f"{zone}. {name}"
            counter = Counter(label, self._zone_setter(zone), zone_box)
            zone_layout.addWidget(QLabel(label, zone_box), row, 0)
            zone_layout.addWidget(counter, row, 1)
            self.zones[zone] = counter
        grid.addWidget(zone_box)
        self.ws.selection_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        """Show the stored counts of the current table session."""
        table = self.ws.table
        self.in_presence.set_value(self.ws.event_record.in_presence or 0)
        if table is None:
            return
        venue = self._venue()
        self.venue_box.setTitle(
            self.tr("Sede: {venue}").format(venue=venue.name) if venue else self.tr("Sede")
        )
        self.online.setEnabled(venue is not None)
        self.online.set_value(venue.online_listeners or 0 if venue else 0)
        self.title.setText(
            self.tr("{table} · Sessione {n}").format(table=table.name, n=self.ws.session)
        )
        self._show(self.ws.counts.get(table.id, self.ws.session))

    def _show(self, count: ParticipantCount | None) -> None:
        self.present.set_value(count.present or 0 if count else 0)
        for zone, counter in self.zones.items():
            counter.set_value(count.by_zone.get(zone, 0) if count else 0)
        for category, counter in self.categories.items():
            counter.set_value(count.by_category.get(category, 0) if count else 0)
        self.warning.show_warnings(count_warnings(count))

    def _store(self, action: Callable[[str], ParticipantCount]) -> None:
        table = self.ws.table
        if table is None:
            return
        before = self.ws.counts.get(table.id, self.ws.session)
        count = self.ws.run(lambda: action(table.id), self.tr("Conteggio salvato"))
        if count is None:
            return
        self._show(count)
        if before == count:
            return
        # Undo writes the earlier state back (an empty count when there was none).
        earlier = before or dataclasses.replace(count, present=None, by_zone={}, by_category={})
        self.ws.undo_stack.push(
            StepCommand(self.tr("Conteggio"), self._writer(count), self._writer(earlier))
        )

    def _writer(self, record: ParticipantCount) -> Callable[[], None]:
        def write() -> None:
            capture = self.ws.capture
            if self.ws.run(lambda: capture.put_back([record]), self.tr("Conteggio salvato")):
                self.reload()

        return write

    def _set_present(self, value: int) -> None:
        session = self.ws.session
        self._store(lambda t: self.ws.counts.set_present(t, session, value))

    def _zone_setter(self, zone: int) -> Callable[[int], None]:
        return lambda value: self._set_zone(zone, value)

    def _category_setter(self, category: str) -> Callable[[int], None]:
        return lambda value: self._set_category(category, value)

    def _set_zone(self, zone: int, value: int) -> None:
        session = self.ws.session
        self._store(lambda t: self.ws.counts.set_zone(t, session, zone, value))

    def _set_category(self, category: str, value: int) -> None:
        session = self.ws.session
        self._store(lambda t: self.ws.counts.set_category(t, session, category, value))

    def _venue(self) -> Venue | None:
        table = self.ws.table
        return self.ws.store.get(Venue, table.venue_id) if table else None

    def _set_online(self, value: int) -> None:
        venue = self._venue()
        if venue is None:
            return
        if self.ws.run(
            lambda: self.ws.counts.set_venue_online_listeners(venue.id, value),
            self.tr("Conteggio salvato"),
        ):
            self.ws.venues = self.ws.store.venues()

    def _set_in_presence(self, value: int) -> None:
        if self.ws.run(lambda: self.ws.counts.set_in_presence(value), self.tr("Conteggio salvato")):
            self.ws.reload_event()

    @property
    def warning_text(self) -> str:
        """The warnings shown (empty when the numbers add up)."""
        return self.warning.text()

    def focus_first(self) -> None:
        """Where the keyboard goes when the tab is shown: the table's people present."""
        self.present.spin.setFocus()
        self.present.spin.selectAll()
