"""The timer panel: both sessions of the table, controls, full-screen window and agenda.

One key per command, the same in the workspace and in the full-screen window: F6 starts,
pauses and resumes (one action whose text says what it will do), F7 gives five more
minutes, F8 ends the session after asking. Starting a session while another session of the
same table is open asks whether to end that one first. The questions are window-modal
message boxes opened without a nested event loop; their answer continues the command.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain import timer as timer_rules
from facilitator_app.domain.clock import from_iso
from facilitator_app.domain.errors import FacilitatorError
from facilitator_app.domain.model import Session
from facilitator_app.domain.timer import Level, TimerState
from facilitator_app.services.capture.timer import agenda_rows
from facilitator_app.ui import i18n
from facilitator_app.ui.common.actions import make_action, make_button, shortcut_text
from facilitator_app.ui.context import Workspace
from facilitator_app.ui.timer.countdown import CountdownDisplay
from facilitator_app.ui.timer.full_screen import TimerWindow


def local_time(stamp: str | None) -> str:
    """An ISO time stamp as local ``HH:MM`` (Italian style), or an empty string."""
    if not stamp:
        return ""
    return from_iso(stamp).astimezone().strftime("%H:%M")


class TimerPanel(QWidget):
    """Countdown of the current session with start/pause/resume, +5 and stop.

    Attributes:
        actions_timer: the commands the main window lists in its Cronometro menu.
        question: the confirmation on screen, if any (answered with its buttons or keys).

    Args:
        workspace: the open event (its timer service carries the injected clock).
        parent: owning widget.
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        self._sessions: dict[int, Session] = {}
        self.window_full: TimerWindow | None = None
        self.question: QMessageBox | None = None
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
        self.start_pause_action, self.start_pause_button = self._command(
            buttons, self.tr("Avvia"), "F6", self.start_or_pause
        )
        self.extend_action, self.extend_button = self._command(
            buttons, self.tr("+5 minuti"), "F7", self.extend
        )
        self.stop_action, self.stop_button = self._command(
            buttons, self.tr("Termina…"), "F8", self.ask_stop
        )
        self.full_action, self.full_button = self._command(
            buttons, self.tr("Schermo intero"), "F11", self.show_full_screen
        )
        self.sound = QCheckBox(self.tr("Suono alle soglie"), self)
        self.sound.setAccessibleName(self.tr("Suono alle soglie di 10, 5 e 0 minuti"))
        buttons.addWidget(self.sound)
        layout.addLayout(buttons)

        self.other = QLabel(self)
        self.other.setTextFormat(Qt.TextFormat.PlainText)
        self.other.setWordWrap(True)
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
        # Ctrl+F6 / Ctrl+F8 mark the agenda: the timer's keys with Ctrl, and no other
        # command of the app uses them (tests/gui/test_shortcuts.py).
        self._command(marks, self.tr("Segna inizio voce"), "Ctrl+F6", self.mark_start)
        self._command(marks, self.tr("Segna fine voce"), "Ctrl+F8", self.mark_end)
        marks.addStretch(1)
        layout.addLayout(marks)
        self.ws.selection_changed.connect(self.reload)
        self.reload()

    def _command(
        self, row: QHBoxLayout, text: str, shortcut: str, slot: Callable[[], object]
    ) -> tuple[QAction, QPushButton]:
        """An action (menu entry and key) and its button, which follows its text and state."""
        scope = Qt.ShortcutContext.WindowShortcut
        action = make_action(self, text, slot, shortcut=shortcut, scope=scope, add_to=self)
        self.actions_timer.append(action)
        key = shortcut_text(shortcut)
        button = make_button(self, f"{text} ({key})", action.trigger, accessible=text)
        button.setToolTip(key)

        def follow() -> None:
            button.setText(f"{action.text()} ({key})")
            button.setAccessibleName(action.text())
            button.setEnabled(action.isEnabled())

        action.changed.connect(follow)
        row.addWidget(button)
        return action, button

    @property
    def full_screen_actions(self) -> list[QAction]:
        """The commands that work in the full-screen window too (F6, F7, F8)."""
        return [self.start_pause_action, self.extend_action, self.stop_action]

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
            self._update_status()
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
        # The same words as the countdown's, in lower case inside a sentence.
        return self.countdown.state_text(state).lower()

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
        state = view.state if view is not None else None
        self._update_actions(state)
        if view is None:
            self.status.setText("")
            return
        # The state is the countdown's own word; the line adds what the digits do not say.
        parts = []
        if view.session.actual_start:
            parts.append(
                self.tr("iniziata alle {t}").format(t=local_time(view.session.actual_start))
            )
        if view.overtime > 0:
            parts.append(self.tr("fuori tempo di {t}").format(t=view.text.lstrip("+")))
        self.status.setText(" · ".join(parts))

    def _update_actions(self, state: TimerState | None) -> None:
        """One F6 action: its text says what it does now; nothing is live after the end."""
        toggle = {
            TimerState.NOT_STARTED: self.tr("Avvia"),
            TimerState.RUNNING: self.tr("Pausa"),
            TimerState.PAUSED: self.tr("Riprendi"),
        }.get(state) if state is not None else None  # fmt: skip
        if toggle is not None and self.start_pause_action.text() != toggle:
            self.start_pause_action.setText(toggle)
        live = state is not None and state is not TimerState.STOPPED
        self.start_pause_action.setEnabled(live)
        self.extend_action.setEnabled(live)
        self.stop_action.setEnabled(state in (TimerState.RUNNING, TimerState.PAUSED))

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

    def start_or_pause(self) -> None:
        """F6: start a session not yet started, pause a running one, resume a paused one."""
        view = self.countdown.current
        if view is None or self.question is not None:
            return
        if view.state is TimerState.NOT_STARTED:
            self.start()
        elif view.state is TimerState.RUNNING:
            self._apply(self.ws.timers.pause, self.tr("Sessione in pausa"))
        elif view.state is TimerState.PAUSED:
            self._apply(self.ws.timers.resume, self.tr("Sessione ripresa"))

    def start(self) -> None:
        """Start the current session; first ask to end another open session of the table."""
        session = self.current_session()
        if session is None:
            return
        try:
            other = self.ws.timers.other_open_session(session.id)
        except FacilitatorError as error:
            self.ws.failed.emit(i18n.error_text(error))
            return
        if other is None:
            self._apply(self.ws.timers.start, self.tr("Sessione avviata"))
            return
        text = self.tr(
            "La sessione {other} di questo tavolo è ancora {state}. Per avviare la sessione "
            "{n} bisogna terminare la sessione {other}: la sua durata si ferma ora."
        ).format(
            other=other.number, state=self._state_label(timer_rules.state(other)), n=session.number
        )
        self._ask(
            text,
            self.tr("&Termina la {other} e avvia la {n}").format(
                other=other.number, n=session.number
            ),
            lambda: self._start_stopping_other(other.number, session.number),
        )

    def _start_stopping_other(self, other: int, number: int) -> None:
        done = self.tr("Sessione {other} terminata, sessione {n} avviata")
        self._apply(
            lambda sid: self.ws.timers.start(sid, stop_other=True),
            done.format(other=other, n=number),
        )
        self.reload()  # the other session's record changed too

    def extend(self) -> None:
        """Give five more minutes."""
        self._apply(self.ws.timers.extend, self.tr("Cinque minuti in più"))

    def ask_stop(self) -> None:
        """F8: ask, then end the current session (a stray key must not end it)."""
        session = self.current_session()
        view = self.countdown.current
        if session is None or view is None or self.question is not None:
            return
        if view.state not in (TimerState.RUNNING, TimerState.PAUSED):
            return
        self._ask(
            self.tr("Terminare la sessione {n}? Il cronometro si ferma e non riparte.").format(
                n=session.number
            ),
            self.tr("&Termina la sessione"),
            self.stop,
        )

    def stop(self) -> None:
        """End the current session now (what the confirmation leads to)."""
        self._apply(self.ws.timers.stop, self.tr("Sessione terminata"))

    def _ask(self, text: str, yes: str, then: Callable[[], object]) -> QMessageBox:
        """A window-modal question over the window in use; Annulla is the default answer."""
        full = self.window_full
        parent = full if full is not None and full.isActiveWindow() else self.window()
        box = QMessageBox(QMessageBox.Icon.Question, APP_DISPLAY_NAME, text, parent=parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("&Annulla"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # Enter pressed by mistake keeps the session going
        box.setEscapeButton(cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered() -> None:
            self.question = None
            box.deleteLater()
            if box.clickedButton() is accept:
                then()

        box.finished.connect(answered)
        self.question = box
        box.open()
        return box

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
            self.window_full = TimerWindow(
                self.ws.timers, self.current_session, self.full_screen_actions
            )
        self.window_full.title.setText(self.title.text())
        if QApplication.platformName() == "offscreen":
            self.window_full.show()
        else:
            self.window_full.showFullScreen()
        self.window_full.raise_()
        self.window_full.activateWindow()
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

    def focus_first(self) -> None:
        """Where the keyboard goes when the tab is shown: start / pause (also F6)."""
        self.start_pause_button.setFocus()
