"""The timer panel: both sessions of the table, controls, full-screen window and agenda."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.clock import from_iso
from facilitator_app.domain.model import Session
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.services.capture.timer import agenda_rows
from facilitator_app.ui.common.actions import make_action, make_button, shortcut_text
from facilitator_app.ui.context import Workspace
from facilitator_app.ui.timer.countdown import CountdownDisplay


def local_time(stamp: str | None) -> str:
    """An ISO time stamp as local ``HH:MM`` (Italian style), or an empty string."""
    if not stamp:
        return ""
    return from_iso(stamp).astimezone().strftime("%H:%M")


class TimerWindow(QWidget):
    """A detached countdown, to show full screen on a second monitor or across the table.

    Escape closes it; F11 toggles full screen.
    """

    def __init__(self, panel: TimerPanel) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Cronometro"))
        self.setAccessibleName(self.tr("Cronometro a schermo intero"))
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        self.title.setFont(font)
        self.countdown = CountdownDisplay(panel.ws.timers, panel.current_session, self)
        self.countdown.scale = 0.7
        layout.addWidget(self.title)
        layout.addWidget(self.countdown, 1)
        self.resize(900, 500)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Escape closes, F11 toggles full screen."""
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        else:
            super().keyPressEvent(event)


class TimerPanel(QWidget):
    """Countdown of the current session with start/pause/resume/+5/stop.

    Args:
        workspace: the open event (its timer service carries the injected clock).
        parent: owning widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._sessions: dict[int, Session] = {}
        self.window_full: TimerWindow | None = None
        self.beeps = 0
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        self.countdown = CountdownDisplay(self.ws.timers, self.current_session, self)
        self.countdown.level_changed.connect(self._level_changed)
        self.countdown.ticked.connect(self._update_status)
        layout.addWidget(self.countdown, 3)
        self.status = QLabel(self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.actions_timer: list[QAction] = []
        self.start_button = self._button(buttons, self.tr("Avvia"), "F6", self.start)
        self.pause_button = self._button(
            buttons, self.tr("Pausa / riprendi"), "F6", self.toggle_pause
        )
        self.extend_button = self._button(buttons, self.tr("+5 minuti"), "F7", self.extend)
        self.stop_button = self._button(buttons, self.tr("Termina"), "F8", self.stop)
        self.full_button = self._button(
            buttons, self.tr("Schermo intero"), "F11", self.show_full_screen
        )
        self.sound = QCheckBox(self.tr("Suono alle soglie"), self)
        self.sound.setAccessibleName(self.tr("Suono alle soglie di 10, 5 e 0 minuti"))
        buttons.addWidget(self.sound)
        layout.addLayout(buttons)

        self.other = QLabel(self)
        self.other.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.other)
        layout.addWidget(QLabel(self.tr("Programma della giornata"), self))
        self.agenda = QTableWidget(0, 5, self)
        self.agenda.setAccessibleName(self.tr("Programma della giornata"))
        self.agenda.setHorizontalHeaderLabels(
            [
                self.tr("Inizio previsto"),
                self.tr("Fine prevista"),
                self.tr("Voce"),
                self.tr("Inizio effettivo"),
                self.tr("Fine effettiva"),
            ]
        )
        self.agenda.horizontalHeader().setStretchLastSection(False)
        self.agenda.setColumnWidth(2, 460)
        self.agenda.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.agenda, 2)
        marks = QHBoxLayout()
        self._button(marks, self.tr("Segna inizio voce"), "Ctrl+F6", self.mark_start)
        self._button(marks, self.tr("Segna fine voce"), "Ctrl+F8", self.mark_end)
        marks.addStretch(1)
        layout.addLayout(marks)
        self.ws.selection_changed.connect(self.reload)
        self.reload()

    def _button(
        self, row: QHBoxLayout, text: str, shortcut: str, slot: Callable[[], object]
    ) -> QPushButton:
        scope = Qt.ShortcutContext.WindowShortcut
        self.actions_timer.append(
            make_action(self, text, slot, shortcut=shortcut, scope=scope, add_to=self)
        )
        button = make_button(self, f"{text} ({shortcut_text(shortcut)})", slot, accessible=text)
        row.addWidget(button)
        return button

    # -- data ------------------------------------------------------------------------------

    def current_session(self) -> Session | None:
        """The session the workspace is on (cached record)."""
        return self._sessions.get(self.ws.session)

    def reload(self) -> None:
        """Re-read the table's sessions and the agenda from the file."""
        table = self.ws.table
        self._sessions = {s.number: s for s in self.ws.timers.sessions(table.id)} if table else {}
        self.refresh()

    def refresh(self) -> None:
        """Recompute every label from the clock (the countdowns tick on their own)."""
        session = self.current_session()
        table = self.ws.table
        if session is None or table is None:
            self.title.setText(self.tr("Nessuna sessione"))
            self.countdown.tick()
            return
        planned = ""
        if session.planned_start and session.planned_end:
            planned = f" · {session.planned_start}–{session.planned_end}"
        extension = (
            self.tr(" (+{m} min)").format(m=session.extension_seconds // 60)
            if session.extension_seconds
            else ""
        )
        self.title.setText(
            self.tr("{table} · Sessione {n}{planned} · {m} minuti{ext}").format(
                table=table.name,
                n=session.number,
                planned=planned,
                m=session.planned_minutes,
                ext=extension,
            )
        )
        self.countdown.tick()
        self._update_status()
        if self.window_full is not None:
            self.window_full.title.setText(self.title.text())
            self.window_full.countdown.tick()
        self._fill_agenda()

    def _state_label(self, state: TimerState) -> str:
        return {
            TimerState.NOT_STARTED: self.tr("da iniziare"),
            TimerState.RUNNING: self.tr("in corso"),
            TimerState.PAUSED: self.tr("in pausa"),
            TimerState.STOPPED: self.tr("conclusa"),
        }[state]

    def _update_others(self) -> None:
        others = []
        for number, other in sorted(self._sessions.items()):
            view = self.ws.timers.view(other)
            others.append(
                self.tr("Sessione {n}: {state} {time}").format(
                    n=number, state=self._state_label(view.state), time=view.text
                )
            )
        self.other.setText("   ·   ".join(others))

    def _update_status(self) -> None:
        self._update_others()
        view = self.countdown.current
        if view is None:
            self.status.setText("")
            return
        text = self._state_label(view.state).capitalize()
        if view.overtime > 0:
            text += " · " + self.tr("fuori tempo di {t}").format(t=view.text.lstrip("+"))
        if view.session.actual_start:
            text += " · " + self.tr("iniziata alle {t}").format(
                t=local_time(view.session.actual_start)
            )
        self.status.setText(text)
        running = view.state is TimerState.RUNNING
        self.start_button.setEnabled(view.state is TimerState.NOT_STARTED)
        self.pause_button.setEnabled(running or view.state is TimerState.PAUSED)
        self.stop_button.setEnabled(running or view.state is TimerState.PAUSED)

    def _fill_agenda(self) -> None:
        rows = agenda_rows(self.ws.timers.agenda(), list(self._sessions.values()))
        self.agenda.setRowCount(len(rows))
        for row, line in enumerate(rows):
            values = [
                line.item.start,
                line.item.end,
                line.item.title,
                local_time(line.actual_start),
                local_time(line.actual_end),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, line.item.id)
                self.agenda.setItem(row, column, cell)

    # -- commands --------------------------------------------------------------------------

    def _apply(self, change: Callable[[str], Session], done: str) -> None:
        session = self.current_session()
        if session is None:
            return
        updated = self.ws.run(lambda: change(session.id), done)
        if updated is not None:
            self._sessions[updated.number] = updated
        self.refresh()

    def start(self) -> None:
        """Start the current session now."""
        self._apply(self.ws.timers.start, self.tr("Sessione avviata"))

    def toggle_pause(self) -> None:
        """Pause a running session, or resume a paused one."""
        view = self.countdown.current
        if view is not None and view.state is TimerState.PAUSED:
            self._apply(self.ws.timers.resume, self.tr("Sessione ripresa"))
        else:
            self._apply(self.ws.timers.pause, self.tr("Sessione in pausa"))

    def extend(self) -> None:
        """Give five more minutes."""
        self._apply(self.ws.timers.extend, self.tr("Cinque minuti in più"))

    def stop(self) -> None:
        """End the current session."""
        self._apply(self.ws.timers.stop, self.tr("Sessione terminata"))

    def _agenda_item(self) -> str | None:
        cell = self.agenda.currentItem()
        value = cell.data(Qt.ItemDataRole.UserRole) if cell else None
        return str(value) if value else None

    def mark_start(self) -> None:
        """Record now as the actual start of the selected agenda line."""
        item = self._agenda_item()
        if item:
            self.ws.run(lambda: self.ws.timers.mark_agenda(item), self.tr("Salvato"))
            self._fill_agenda()

    def mark_end(self) -> None:
        """Record now as the actual end of the selected agenda line."""
        item = self._agenda_item()
        if item:
            self.ws.run(lambda: self.ws.timers.mark_agenda(item, end=True), self.tr("Salvato"))
            self._fill_agenda()

    def show_full_screen(self) -> TimerWindow:
        """Open (or raise) the detached countdown window, full screen."""
        if self.window_full is None:
            self.window_full = TimerWindow(self)
        self.window_full.title.setText(self.title.text())
        if QApplication.platformName() == "offscreen":
            self.window_full.show()
        else:
            self.window_full.showFullScreen()
        self.window_full.raise_()
        return self.window_full

    def close_full_screen(self) -> None:
        """Close the detached window, if open."""
        if self.window_full is not None:
            self.window_full.close()
            self.window_full.deleteLater()
            self.window_full = None

    def _level_changed(self, level: Level) -> None:
        self._update_status()
        if self.sound.isChecked():
            self.beeps += 1
            QApplication.beep()
