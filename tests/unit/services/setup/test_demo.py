from __future__ import annotations

from pathlib import Path

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.storage.database import EventStore
from tests.helpers.files import public_facts


def test_demo_has_the_published_head_counts(demo_path: Path) -> None:
    facts = public_facts()["events"]["forum_2023_11_10"]
    with EventStore.open(demo_path, read_only=True) as store:
        report = build_report(load_records(store))
    event = report.records.event
    assert event.in_presence == facts["participants"]["in_presence"]
    assert event.online_listeners == facts["participants"]["online_plenary_listeners"]
    assert event.date == facts["date"]
    published = {int(k): v for k, v in facts["participants"]["per_axis_table"].items()}
    assert {int(group.key): group.people for group in report.axes} == published
    assert sum(published.values()) == facts["participants"]["at_tables"]
    assert len(report.tables) == 7
    assert report.people_at_tables == facts["participants"]["at_tables"]


def test_axis_five_count_is_shared_not_split(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        report = build_report(load_records(store))
    axis5 = [t for t in report.tables if t.table.axis == 5]
    assert len(axis5) == 2
    assert all(t.people == 26 and t.presence and t.presence.note for t in axis5)
    assert {t.presence.shared_with for t in axis5 if t.presence} == {
        tuple(sorted(t.table.id for t in axis5))
    }


def test_every_table_and_session_has_ten_tagged_contributions(demo_path: Path) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        event = store.event()
        cards = {c.code for c in store.cards(event.card_edition)}
        themes = {t.id: t for t in store.all(Theme)}
        for table in store.all(Table):
            for number in (1, 2):
                posts = store.contributions(table.id, number)
                assert len(posts) >= 10, (table.key, number)
                for post in posts:
                    assert post.axis == table.axis
                    assert set(post.cards) <= cards
                    assert table.axis not in post.links
                    assert post.theme_id is None or themes[post.theme_id].session == number
                    assert post.votes == 0  # the report publishes no votes
        tagged = sum(1 for post in store.all(Contribution) if post.cards)
        assert tagged > 0
