from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Table
from facilitator_app.services.analysis.titles import phrase_title
from facilitator_app.services.reports import report_texts
from facilitator_app.storage.database import EventStore
from tests.helpers.meaning_vectors import store_recurring_topic


def test_texts_are_stored_and_stamped(demo_path: Path, clock: FixedClock) -> None:
    with EventStore.open(demo_path) as store:
        before = store.event()
        clock.advance(60)
        event = report_texts.set_report_texts(store, clock, conclusioni="  Nuove conclusioni.  ")
    with EventStore.open(demo_path, read_only=True) as store:
        stored = store.event()
    assert stored == event
    assert stored.conclusioni == "Nuove conclusioni."
    assert stored.premessa == before.premessa and stored.updated_at > before.updated_at


def test_unchanged_texts_write_nothing(demo_path: Path, clock: FixedClock) -> None:
    with EventStore.open(demo_path) as store:
        event = store.event()
        clock.advance(60)
        assert report_texts.set_report_texts(store, clock, premessa=event.premessa) == event


@pytest.mark.parametrize(
    ("fields", "message"),
    [({"titolo": "x"}, "sconosciuti"), ({"premessa": "x" * 60_001}, "troppo lungo")],
)
def test_bad_texts_are_refused(
    demo_path: Path, clock: FixedClock, fields: dict[str, str], message: str
) -> None:
    with EventStore.open(demo_path) as store, pytest.raises(ValueError, match=message):
        report_texts.set_report_texts(store, clock, **fields)


def test_draft_names_recurring_topics_and_their_tables(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        draft = report_texts.draft_crosscutting(store)
        names = {table.name for table in store.all(Table)}
    paragraphs = draft.split("\n\n")
    assert 2 <= len(paragraphs) <= 8
    for paragraph in paragraphs:
        title, where = paragraph.split("\n")
        assert title == title.upper()
        assert sum(name in where for name in names) >= 2  # cross-cutting: two tables at least


def test_draft_uses_the_stored_meaning_vectors_when_every_post_it_has_one(
    demo_path: Path,
) -> None:
    # One topic said at three tables, known only from the stored vectors: the draft must
    # find it (the word method cannot: the three texts share no words).
    recurring = store_recurring_topic(demo_path)
    with EventStore.open(demo_path, read_only=True) as store:
        draft = report_texts.draft_crosscutting(store)
        names = {table.id: table.name for table in store.all(Table)}
    first_title, first_where = draft.split("\n\n")[0].split("\n")
    assert first_title in {phrase_title(post.text).upper() for post in recurring}
    assert all(names[post.table_id] in first_where for post in recurring)
