"""The strategy cards a table puts in play, with votes and a ranking.

The first session of the zones format is exactly this: which strategies matter most for
this zone. Records are :class:`TableCard` (table "table_cards").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from facilitator_app.domain.clock import Clock, to_iso
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import StrategyCard, TableCard, new_id
from facilitator_app.domain.rules import check_card_code
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import fold
from facilitator_app.services.common.workspace import bump
from facilitator_app.storage.database import EventStore


def search_cards(
    cards: Iterable[StrategyCard], text: str = "", axis: int | None = None
) -> list[StrategyCard]:
    """Cards of one axis (or all) whose code, title or description holds every word."""
    words = fold(text).split()
    found = []
    for card in cards:
        if axis is not None and card.axis != axis:
            continue
        haystack = fold(f"{card.code} {card.title} {card.description}")
        if all(word in haystack for word in words):
            found.append(card)
    return found


def _sort_key(card: TableCard) -> tuple[int, int, str]:
    return (card.rank if card.rank is not None else 10**6, -card.votes, card.created_at)


class TableCardsService:
    """Put cards in play at a table, vote them and rank them.

    Args:
        store: the open, writable event file.
        clock: where time stamps come from.
    """

    def __init__(self, store: EventStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock

    def deck(self) -> list[StrategyCard]:
        """The cards of the event's edition, in code order."""
        edition = self.store.event().card_edition
        cards = self.store.cards(edition)

        def key(card: StrategyCard) -> tuple[int, ...]:
            return tuple(int(part) for part in card.code.split("."))

        return sorted(cards, key=key)

    def in_play(self, table_id: str, session: int | None = None) -> list[TableCard]:
        """The cards in play at a table (of one session, or all), best first."""
        return sorted(self.store.cards_in_play(table_id, session), key=_sort_key)

    def _find(self, table_id: str, code: str, session: int | None) -> TableCard | None:
        for card in self.in_play(table_id, session):
            if card.code == code:
                return card
        return None

    def put_in_play(self, table_id: str, code: str, session: int | None = 1) -> TableCard:
        """Put a card in play (no-op when it already is)."""
        cleaned = check_card_code(code)
        existing = self._find(table_id, cleaned, session)
        if existing is not None:
            return existing
        now = to_iso(self.clock.now())
        card = TableCard(new_id(), table_id, cleaned, now, now, session=session)
        self.store.save(card)
        return card

    def restore(
        self, table_id: str, session: int | None, cards: Sequence[TableCard]
    ) -> list[TableCard]:
        """Make a table's cards in play exactly these (undo and redo), in one commit."""
        now = self.clock.now()
        keep = {card.id for card in cards}
        current = {card.id: card for card in self.in_play(table_id, session)}
        stored = [
            dataclasses.replace(
                card,
                updated_at=bump(
                    current[card.id].updated_at if card.id in current else card.updated_at, now
                ),
            )
            for card in cards
        ]
        with self.store.transaction():
            for card_id in current:
                if card_id not in keep:
                    self.store.delete_row(TableCard, card_id)
            self.store.save_all(stored)
        return stored

    def remove(self, table_id: str, code: str, session: int | None = 1) -> None:
        """Take a card out of play."""
        existing = self._find(table_id, code, session)
        if existing is not None:
            self.store.delete_row(TableCard, existing.id)

    def vote(self, table_id: str, code: str, session: int | None = 1, delta: int = 1) -> TableCard:
        """Add (or remove) votes on a card in play, putting it in play if needed."""
        card = self.put_in_play(table_id, code, session)
        updated = dataclasses.replace(
            card,
            votes=max(0, card.votes + delta),
            updated_at=bump(card.updated_at, self.clock.now()),
        )
        self.store.save(updated)
        return updated

    def _write_ranks(self, ordered: list[TableCard]) -> list[TableCard]:
        now = self.clock.now()
        ranked = [
            dataclasses.replace(card, rank=rank, updated_at=bump(card.updated_at, now))
            for rank, card in enumerate(ordered, start=1)
        ]
        self.store.save_all(ranked)
        return ranked

    def rank_by_votes(self, table_id: str, session: int | None = 1) -> list[TableCard]:
        """Rank the cards in play by votes (ties keep the order they were put in play)."""
        cards = sorted(self.in_play(table_id, session), key=lambda c: (-c.votes, c.created_at))
        return self._write_ranks(cards)

    def move(self, table_id: str, code: str, rank: int, session: int | None = 1) -> list[TableCard]:
        """Move one card to a 1-based rank, renumbering the others."""
        cards = self.in_play(table_id, session)
        moving = next((c for c in cards if c.code == code), None)
        if moving is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Errors", "scheda {code} non in gioco"), code=code
            )
        others = [c for c in cards if c.id != moving.id]
        index = min(max(rank, 1), len(cards)) - 1
        return self._write_ranks([*others[:index], moving, *others[index:]])
