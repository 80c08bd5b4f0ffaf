"""The data checksum: independent of order, sensitive to any change."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

from facilitator_app.domain.model import Event
from facilitator_app.services.exchange.checksum import data_checksum
from facilitator_app.services.exchange.sheets import CONTRIBUTIONS, RECORD_SHEETS
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import records_of


def test_checksum_ignores_order_and_notices_any_change(rich_path: Path) -> None:
    with EventStore.open(rich_path, read_only=True) as store:
        records = records_of(store)
    event = records[Event][0]
    by_key = {sheet.key: list(records[sheet.record]) for sheet in RECORD_SHEETS}
    reference = data_checksum(event, by_key)
    shuffled = {key: random.Random(1).sample(items, len(items)) for key, items in by_key.items()}
    assert data_checksum(event, shuffled) == reference
    post = by_key[CONTRIBUTIONS.key][0]
    for change in ({"votes": post.votes + 1}, {"text": post.text + " "}, {"zones": (1,)}):
        edited = dict(by_key)
        rest = by_key[CONTRIBUTIONS.key][1:]
        edited[CONTRIBUTIONS.key] = [dataclasses.replace(post, **change), *rest]
        assert data_checksum(event, edited) != reference, change
    assert data_checksum(dataclasses.replace(event, premessa="x"), by_key) != reference
