"""The presenter's choices: kept in a writable event file, never in a read-only one."""

from __future__ import annotations

import hashlib
from pathlib import Path

from facilitator_app.services.plenary.settings import DeckSettings, load_settings, save_settings
from facilitator_app.storage.database import EventStore


def test_settings_kept_in_a_writable_file_never_in_a_read_only_one(demo_path: Path) -> None:
    settings = DeckSettings(frozenset({"participation"}), frozenset({"x"}), 4)
    with EventStore.open(demo_path) as store:
        assert load_settings(store) == DeckSettings()
        assert save_settings(store, settings)
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    with EventStore.open(demo_path, read_only=True) as store:
        assert load_settings(store) == settings
        assert not save_settings(store, DeckSettings())
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert DeckSettings.from_json("{not json") == DeckSettings()
    assert DeckSettings.from_json('{"minutes": 999}').minutes == 30
