"""Storage and record refusals said in English: no Italian word beyond the file's own data."""

from __future__ import annotations

import dataclasses
import os
import socket
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import (
    EventFileLockedError,
    FacilitatorError,
    NotAnEventFileError,
    StorageError,
)
from facilitator_app.domain.model import Contribution
from facilitator_app.services.common.files import check_output
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.validation import RecordsRefusedError
from facilitator_app.storage.database import EventStore
from tests.helpers.italian import italian_in
from tests.helpers.raw_file import raw_file

ENGLISH = Texts("en").translate


def _english(error: FacilitatorError, *data: str) -> str:
    """The English text of ``error``, checked free of the interface's Italian words."""
    text = error.translated(ENGLISH)
    assert text != str(error)
    assert italian_in(text, sorted(data, key=len, reverse=True)) == set(), text
    return text


def test_a_file_open_elsewhere_is_refused_in_english(demo_path: Path) -> None:
    with EventStore.open(demo_path), pytest.raises(EventFileLockedError) as caught:
        EventStore.open(demo_path)
    text = _english(caught.value, demo_path.name, socket.gethostname())
    assert "already open" in text and f"pid {os.getpid()}" in text
    assert "già aperto" in str(caught.value)  # Italian unchanged


def test_a_trigger_in_the_file_is_refused_in_english(demo_path: Path) -> None:
    with raw_file(demo_path) as conn:
        conn.execute(
            "create trigger swallow before insert on contributions begin select raise(ignore); end"
        )
    with pytest.raises(NotAnEventFileError) as caught:
        EventStore.open(demo_path, read_only=True)
    text = _english(caught.value, str(demo_path), "swallow", "contributions")
    assert "«swallow»" in text or "“swallow”" in text
    assert "trigger «swallow» su contributions" in str(caught.value)


def test_a_column_of_another_type_is_refused_in_english(demo_path: Path) -> None:
    with raw_file(demo_path) as conn:
        conn.execute("alter table contributions add column extra blob")
    with pytest.raises(NotAnEventFileError) as caught:
        EventStore.open(demo_path, read_only=True)
    _english(caught.value, str(demo_path), "extra", "contributions")


def test_a_write_to_a_read_only_store_is_refused_in_english(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store, pytest.raises(StorageError) as caught:
        store.save(store.event())
    assert "read-only" in _english(caught.value, str(demo_path))


def test_an_output_over_the_event_file_is_refused_in_english(demo_path: Path) -> None:
    with pytest.raises(StorageError) as caught:
        check_output(demo_path)
    _english(caught.value, str(demo_path))


def test_an_out_of_range_value_in_a_merge_source_is_refused_in_english(
    demo_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        post_it = store.all(Contribution)[0]
        store.save(dataclasses.replace(post_it, votes=20_000))
    with (
        EventStore.open(demo_path, read_only=True) as store,
        pytest.raises(RecordsRefusedError) as caught,
    ):
        load_records(store, check=True, complete=True, now=clock.now())
    assert "20000 fuori intervallo (0-10000)" in str(caught.value)
    text = _english(caught.value, post_it.id)
    assert "20000" in text and "10000" in text


def test_a_timestamp_in_the_future_is_refused_in_english(
    demo_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        post_it = store.all(Contribution)[0]
        store.save(dataclasses.replace(post_it, updated_at="2999-01-01T00:00:00+00:00"))
    with (
        EventStore.open(demo_path, read_only=True) as store,
        pytest.raises(RecordsRefusedError) as caught,
    ):
        load_records(store, check=True, complete=True, now=clock.now())
    assert "nel futuro" in str(caught.value)
    _english(caught.value, post_it.id, "2999-01-01T00:00:00+00:00")
