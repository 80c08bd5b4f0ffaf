"""The card deck: strategy cards by axis, searchable; the cards a table puts in play."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAction, QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from facilitator_app.domain.counting import card_places, card_votes
from facilitator_app.domain.model import StrategyCard, TableCard
from facilitator_app.services.capture.cards_in_play import search_cards
from facilitator_app.services.setup.cards import readable_source
from facilitator_app.ui.cards.card_set import CardSetActions
from facilitator_app.ui.common.actions import make_action, make_button, shortcut_text
from facilitator_app.ui.common.flow_layout import FlowLayout
from facilitator_app.ui.common.undo import StepCommand
from facilitator_app.ui.context import Workspace
from facilitator_app.ui.style import axis_colour

CARD_ROLE = Qt.ItemDataRole.UserRole + 10


def card_lines(card: StrategyCard) -> list[str]:
    """What a card shows: "code · title", its description and "Fonte: …", when there are.

    The source is said for people (services/setup/card_sources): a page or an
    organisation, never an address or a data file.
    """
    lines = [f"{card.code} · {card.title}"]
    if card.description:
        lines.append(card.description)
    source = readable_source(card.source)
    if source:
        lines.append(
            QCoreApplication.translate("CardDeckPanel", "Fonte: {source}").format(source=source)
        )
    return lines


class CardDelegate(QStyledItemDelegate):
    """Paints a strategy card: axis colour band, code and title, description, source."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Cards are one size, a few lines high."""
        height = option.fontMetrics.height()
        return QSize(300, height * 5 + 16)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Draw one card."""
        card = index.data(CARD_ROLE)
        if not isinstance(card, StrategyCard):
            return
        rect = option.rect.adjusted(3, 3, -3, -3)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = axis_colour(card.axis)
        painter.setPen(colour.darker(130) if selected else QColor("#bdbdbd"))
        painter.setBrush(QColor("#e3f2fd") if selected else QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        band = QRect(rect.left(), rect.top(), 10, rect.height())
        painter.fillRect(band, colour)
        line = option.fontMetrics.height()
        inner = rect.adjusted(18, 4, -8, -4)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(colour.darker(150))
        lines = card_lines(card)
        title = lines[0]
        description = card.description
        source = lines[-1] if readable_source(card.source) else ""
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), line * 2),
            int(Qt.TextFlag.TextWordWrap),
            title,
        )
        painter.setFont(option.font)
        painter.setPen(QColor("#212121"))
        painter.drawText(
            QRect(inner.left(), inner.top() + line * 2, inner.width(), line * 2),
            int(Qt.TextFlag.TextWordWrap),
            option.fontMetrics.elidedText(
                description, Qt.TextElideMode.ElideRight, inner.width() * 2
            ),
        )
        if source:
            painter.setPen(QColor("#616161"))
            painter.drawText(
                QRect(inner.left(), inner.top() + line * 4, inner.width(), line),
                int(Qt.AlignmentFlag.AlignLeft),
                option.fontMetrics.elidedText(source, Qt.TextElideMode.ElideRight, inner.width()),
            )
        painter.restore()


class CardDeckPanel(QWidget):
    """Browse and search the deck; put cards in play at the table, vote and rank them."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = workspace
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        layout.addWidget(self.title)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.axis = QComboBox(left)
        self.axis.setAccessibleName(self.tr("Asse"))
        self.axis.addItem(self.tr("Tutti gli assi"), None)
        for card in self.ws.cards:
            if card.level == "asse":
                self.axis.addItem(f"{card.code}. {card.title}", card.axis)
        self.axis.setMaximumWidth(260)
        self.axis.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.search = QLineEdit(left)
        self.search.setAccessibleName(self.tr("Cerca schede"))
        self.search.setPlaceholderText(self.tr("Cerca per codice, titolo o descrizione"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.apply_search())
        filters.addWidget(self.axis)
        filters.addWidget(self.search, 1)
        left_layout.addLayout(filters)
        self.deck = QListWidget(left)
        self.deck.setAccessibleName(self.tr("Mazzo delle schede"))
        self.deck.setItemDelegate(CardDelegate(self.deck))
        self.deck.setUniformItemSizes(True)
        self.deck.itemActivated.connect(lambda _item: self.put_in_play())
        left_layout.addWidget(self.deck, 1)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(QLabel(self.tr("Schede in gioco al tavolo"), right))
        self.play = QTableWidget(0, 4, right)
        self.play.setAccessibleName(self.tr("Schede in gioco"))
        self.play.setHorizontalHeaderLabels(
            [self.tr("Posto"), self.tr("Codice"), self.tr("Titolo"), self.tr("Voti")]
        )
        self.play.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.play.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.play.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.play.setColumnWidth(2, 260)
        right_layout.addWidget(self.play, 1)
        # The row wraps on a narrow window (a 1024-pixel projector): no button off screen.
        buttons = FlowLayout()
        self.actions_cards: list[QAction] = []
        self._button(buttons, self.tr("Metti in gioco"), "Ctrl+G", self.put_in_play)
        # + and - on the cards in play, as on the post-its: one key whatever the keyboard
        # layout ("Ctrl+Shift+=" never arrived: Shift turns "=" into "+" on most layouts).
        self._button(buttons, self.tr("Vota"), "+", lambda: self.vote(1), on=self.play)
        self._button(buttons, self.tr("Togli voto"), "-", lambda: self.vote(-1), on=self.play)
        self._button(buttons, self.tr("Su"), "Ctrl+Shift+Up", lambda: self.move_card(-1))
        self._button(buttons, self.tr("Giù"), "Ctrl+Shift+Down", lambda: self.move_card(1))
        self._button(buttons, self.tr("Ordina per voti"), "Ctrl+Shift+O", self.rank)
        self._button(buttons, self.tr("Togli dal gioco"), "Ctrl+Shift+Del", self.remove)
        right_layout.addLayout(buttons)
        self.card_set = CardSetActions(self.ws, self)
        self.card_set_changed = self.card_set.changed
        self.actions_cards.extend(self.card_set.actions)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([500, 500])
        layout.addWidget(splitter, 1)
        self.ws.selection_changed.connect(lambda: self.reload(resort=True))
        self.apply_search()
        self.reload()

    def _button(
        self,
        row: FlowLayout,
        text: str,
        shortcut: str,
        slot: Callable[[], object],
        *,
        on: QWidget | None = None,
    ) -> None:
        """A command as a button and a key: on the whole deck, or only on the widget ``on``."""
        scope = (
            Qt.ShortcutContext.WidgetShortcut
            if on is not None
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.actions_cards.append(
            make_action(self, text, slot, shortcut=shortcut, scope=scope, add_to=on or self)
        )
        row.addWidget(make_button(self, text, slot, tooltip=shortcut_text(shortcut)))

    def apply_search(self) -> None:
        """Show the cards of the chosen axis matching the search words."""
        axis = self.axis.currentData()
        found = search_cards(self.ws.cards, self.search.text(), axis)
        self.deck.clear()
        for card in found:
            item = QListWidgetItem(f"{card.code} {card.title}")
            item.setData(CARD_ROLE, card)
            item.setToolTip("\n".join(card_lines(card)[1:]) or card.title)
            self.deck.addItem(item)
        if self.deck.count():
            self.deck.setCurrentRow(0)

    @staticmethod
    def card_lines(card: StrategyCard) -> list[str]:
        """The lines a card of the deck shows (see :func:`card_lines`)."""
        return card_lines(card)

    def shown_codes(self) -> list[str]:
        """Codes of the cards the deck shows."""
        return [str(self.deck.item(i).data(CARD_ROLE).code) for i in range(self.deck.count())]

    def reload(self, *, resort: bool = False) -> None:
        """Show the cards in play for the current table session.

        Args:
            resort: take the stored order (by ranking, then votes). Otherwise rows keep
                the places they had on screen, so that the next click lands on the card the
                person is looking at; new cards go at the bottom.
        """
        table = self.ws.table
        if table is None:
            return
        self.title.setText(
            self.tr("{table} · Sessione {n}: quali strategie contano di più?").format(
                table=table.name, n=self.ws.session
            )
        )
        titles = {card.code: card.title for card in self.ws.cards}
        cards = self.ws.table_cards.in_play(table.id, self.ws.session)
        if not resort:
            shown = {code: row for row, code in enumerate(self.in_play_codes())}
            cards.sort(key=lambda card: shown.get(card.code, len(shown)))
        places = card_places(card_votes(cards))
        self.play.setRowCount(len(cards))
        for row, card in enumerate(cards):
            place = places.get(card.code)
            values = [
                "" if place is None else str(place),
                card.code,
                titles.get(card.code, ""),
                str(card.votes),
            ]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, card.code)
                if column in (0, 3):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.play.setItem(row, column, cell)

    def in_play_codes(self) -> list[str]:
        """Codes in play, in the order shown."""
        cells = (self.play.item(row, 1) for row in range(self.play.rowCount()))
        return [cell.text() for cell in cells if cell is not None]

    def _selected_code(self) -> str | None:
        cell = self.play.currentItem()
        return str(cell.data(Qt.ItemDataRole.UserRole)) if cell else None

    def _select(self, code: str) -> None:
        codes = self.in_play_codes()
        if code in codes:
            self.play.selectRow(codes.index(code))

    def put_in_play(self) -> None:
        """Put the deck's current card in play."""
        table = self.ws.table
        item = self.deck.currentItem()
        if table is None or item is None:
            return
        code = item.data(CARD_ROLE).code
        self._undoable(
            self.tr("Scheda in gioco"), lambda t, s: self.ws.table_cards.put_in_play(t, code, s)
        )
        self._select(code)

    def vote(self, delta: int) -> None:
        """Add or remove a vote on the selected card in play."""
        table, code = self.ws.table, self._selected_code()
        if table is None or code is None:
            return
        self._undoable(self.tr("Voto"), lambda t, s: self.ws.table_cards.vote(t, code, s, delta))
        self._select(code)

    def rank(self) -> None:
        """Rank the cards in play by votes."""
        table = self.ws.table
        if table is None:
            return
        self._undoable(self.tr("Ordinate"), self.ws.table_cards.rank_by_votes, resort=True)

    def move_card(self, step: int) -> None:
        """Move the selected card up or down the ranking."""
        table, code = self.ws.table, self._selected_code()
        if table is None or code is None:
            return
        row = self.in_play_codes().index(code)
        self._undoable(
            self.tr("Ordinate"),
            lambda t, s: self.ws.table_cards.move(t, code, row + 1 + step, s),
            resort=True,
        )
        self._select(code)

    def remove(self) -> None:
        """Take the selected card out of play."""
        table, code = self.ws.table, self._selected_code()
        if table is None or code is None:
            return
        self._undoable(self.tr("Tolta"), lambda t, s: self.ws.table_cards.remove(t, code, s))

    def _undoable(
        self, text: str, action: Callable[[str, int], object], *, resort: bool = False
    ) -> None:
        """Run a change to the cards in play and put it on the undo stack.

        Args:
            text: what the change is called (undo menu, status bar).
            action: the service call, given the table and the session.
            resort: show the stored order afterwards (ranking, moves); votes keep rows still.
        """
        table = self.ws.table
        if table is None:
            return
        session = self.ws.session
        service = self.ws.table_cards
        before = service.in_play(table.id, session)
        done = self.ws.run(lambda: action(table.id, session) or True, text)
        self.reload(resort=resort)
        after = service.in_play(table.id, session)
        if done is None or after == before:
            return

        def restore(cards: list[TableCard]) -> Callable[[], None]:
            def run() -> None:
                shown = service.in_play(table.id, session)
                self.ws.run(lambda: service.restore(table.id, session, cards), text)
                # Undoing a ranking shows the order it undid; undoing a vote moves nothing.
                self.reload(resort=_ranks(shown) != _ranks(cards))

            return run

        self.ws.undo_stack.push(StepCommand(text, restore(after), restore(before)))

    def focus_first(self) -> None:
        """Where the keyboard goes when the tab is shown: the deck, on its current card."""
        self.deck.setFocus()
        if self.deck.currentRow() < 0 and self.deck.count():
            self.deck.setCurrentRow(0)


def _ranks(cards: list[TableCard]) -> dict[str, int | None]:
    return {card.code: card.rank for card in cards}
