from __future__ import annotations

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table, TableCard
from facilitator_app.services.capture.cards_in_play import TableCardsService, search_cards
from facilitator_app.storage.database import EventStore


def test_deck_is_searchable_by_axis_and_words(store: EventStore, clock: FixedClock) -> None:
    deck = TableCardsService(store, clock).deck()
    assert deck, "the demo holds the 2021-2023 cards"
    axis3 = search_cards(deck, axis=3)
    assert axis3 and all(card.axis == 3 for card in axis3)
    first = axis3[-1]
    word = first.title.split()[0]
    assert first in search_cards(deck, word.upper(), axis=3)
    assert search_cards(deck, "zzzz-nothing") == []


def test_put_in_play_vote_and_rank(store: EventStore, table: Table, clock: FixedClock) -> None:
    service = TableCardsService(store, clock)
    for code in ("1.1", "1.2", "1.3"):
        service.put_in_play(table.id, code)
    assert service.put_in_play(table.id, "1.1").code == "1.1"  # idempotent
    assert len(service.in_play(table.id, 1)) == 3
    service.vote(table.id, "1.3", delta=3)
    service.vote(table.id, "1.2")
    ranked = service.rank_by_votes(table.id)
    assert [(c.code, c.rank) for c in ranked] == [("1.3", 1), ("1.2", 2), ("1.1", 3)]
    moved = service.move(table.id, "1.1", 1)
    assert [c.code for c in moved] == ["1.1", "1.3", "1.2"]
    assert [c.code for c in service.in_play(table.id, 1)] == ["1.1", "1.3", "1.2"]
    assert len(store.all(TableCard)) == 3
    service.remove(table.id, "1.2")
    assert [c.code for c in service.in_play(table.id, 1)] == ["1.1", "1.3"]
    with pytest.raises(ValueError):
        service.put_in_play(table.id, "x")
