"""Importing a read workbook into an empty event file."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Theme
from facilitator_app.services.exchange.importer import TargetNotEmptyError, import_into_empty
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.storage.database import EventStore
from tests.helpers.rich_event import (
    NASTY_TEXTS,
    RECORD_TYPES,
    export,
    records_of,
)


def test_every_kind_of_value_survives_export_and_import_into_an_empty_file(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    book = export(rich_path, tmp_path / "rich.xlsx", clock)
    data = read_workbook(book)
    target = tmp_path / "copy.sqlite"
    with EventStore.create(target) as store:
        summary = import_into_empty(store, data)
    with EventStore.open(rich_path, read_only=True) as store:
        original = records_of(store)
    with EventStore.open(target, read_only=True) as store:
        copied = records_of(store)
    for kind in RECORD_TYPES:
        assert copied[kind] == original[kind], kind.__name__
    assert summary.contributions == len(original[Contribution])
    texts = {post.text for post in copied[Contribution]}
    assert set(NASTY_TEXTS) <= texts
    assert any(post.deleted_at for post in copied[Contribution])
    assert any(theme.deleted_at for theme in copied[Theme])


def test_import_refuses_a_file_that_is_not_empty(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    data = read_workbook(export(demo_path, tmp_path / "d.xlsx", clock))
    with EventStore.open(demo_path, read_only=True) as store:
        before = {kind: store.count(kind) for kind in RECORD_TYPES}
    with EventStore.open(demo_path) as store, pytest.raises(TargetNotEmptyError):
        import_into_empty(store, data)
    with EventStore.open(demo_path, read_only=True) as store:
        assert {kind: store.count(kind) for kind in RECORD_TYPES} == before
