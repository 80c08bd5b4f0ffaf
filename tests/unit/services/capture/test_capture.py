from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import Contribution, Session, StrategyCard, Table, Theme
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.capture.tags import (
    UNTHEMED,
    Tags,
    matches,
    parse_filter,
    parse_tags,
)
from facilitator_app.storage.database import EventStore


@pytest.fixture
def service(store: EventStore, clock: FixedClock) -> CaptureService:
    return CaptureService(store, clock, [card.code for card in store.all(StrategyCard)])


def test_parse_tags_reads_kind_cards_zones_and_links() -> None:
    text, tags = parse_tags("Più treni in valle #P @3.1 #z6 #a2 #hashtag")
    assert text == "Più treni in valle #hashtag"
    assert tags == Tags(ContributionKind.PROPOSTA, ("3.1",), (6,), (2,))
    assert parse_tags("#criticità traffico")[1].kind is ContributionKind.CRITICITA
    with pytest.raises(ValueError):
        parse_tags("testo #z99")


def test_add_commits_before_returning(
    service: CaptureService, table: Table, demo_path: Path, clock: FixedClock
) -> None:
    post = service.capture(table.id, 1, "Servono più dati aperti #E @2.1")
    with EventStore.open(demo_path, read_only=True) as other:
        stored = other.get(Contribution, post.id)
    assert stored == post
    assert stored.kind is ContributionKind.ESIGENZA
    assert stored.axis == table.axis
    assert stored.cards == ("2.1",)


def test_add_refuses_bad_input(service: CaptureService, table: Table) -> None:
    with pytest.raises(ValueError):
        service.add(table.id, 1, "   ")
    with pytest.raises(ValueError):
        service.add(table.id, 3, "testo")
    with pytest.raises(ValueError):
        service.add(table.id, 1, "testo", cards=["9.9"])
    with pytest.raises(NotFoundError):
        service.add("nessuno", 1, "testo")


def test_update_delete_restore_vote_bump_updated_at(
    service: CaptureService, table: Table, store: EventStore
) -> None:
    post = service.add(table.id, 1, "Prima")
    edited = service.update(post.id, text="Seconda", zones=[3, 3, 1], kind="proposta")
    assert edited.text == "Seconda"
    assert edited.zones == (3, 1)
    assert edited.kind is ContributionKind.PROPOSTA
    assert edited.updated_at > post.updated_at
    deleted = service.delete(post.id)
    assert deleted.deleted_at is not None
    assert post.id not in {c.id for c in store.contributions(table.id, 1)}
    restored = service.restore(post.id)
    assert restored.deleted_at is None
    voted = service.vote(post.id, 2)
    assert voted.votes == 2
    assert service.vote(post.id, -5).votes == 0
    assert store.get(Contribution, post.id).votes == 0  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        service.update(post.id, votes=3)


def test_themes_create_assign_rename_delete(
    service: CaptureService, table: Table, store: EventStore
) -> None:
    posts = [service.add(table.id, 2, f"idea {i}") for i in range(3)]
    theme = service.create_theme(table.id, 2, "Mobilità")
    assigned = service.assign_theme([p.id for p in posts[:2]], theme.id)
    assert {p.theme_id for p in assigned} == {theme.id}
    assert service.rename_theme(theme.id, "Trasporti").title == "Trasporti"
    assert theme.id in {t.id for t in service.themes(table.id, 2)}
    service.delete_theme(theme.id)
    assert theme.id not in {t.id for t in service.themes(table.id, 2)}
    assert store.get(Theme, theme.id).deleted_at is not None  # type: ignore[union-attr]
    service.restore_theme(theme.id)
    assert theme.id in {t.id for t in service.themes(table.id, 2)}
    with pytest.raises(NotFoundError):
        service.assign_theme([posts[2].id], "nessun-tema")


def test_put_back_restores_an_earlier_state_with_a_newer_stamp(
    service: CaptureService, table: Table, store: EventStore
) -> None:
    before = service.add(table.id, 1, "Originale")
    after = service.update(before.id, text="Cambiato")
    (undone,) = service.put_back([before])
    assert undone.text == "Originale"
    assert undone.updated_at > after.updated_at
    assert store.get(Contribution, before.id) == undone


def test_synthesis_keeps_timer_fields(
    service: CaptureService, table: Table, store: EventStore, clock: FixedClock
) -> None:
    session = service.session(table.id, 1)
    store.save(
        Session(**{**{f: getattr(session, f) for f in session.__slots__}, "extension_seconds": 300})  # type: ignore[arg-type]
    )
    updated = service.set_synthesis(table.id, 1, "In plenaria diremo…")
    assert updated.synthesis == "In plenaria diremo…"
    assert updated.extension_seconds == 300


def test_filter_by_words_and_tags(service: CaptureService, table: Table) -> None:
    theme = service.create_theme(table.id, 1, "Dati")
    a = service.capture(table.id, 1, "Open data per i Comuni #P @2.1.2 #z5", theme_id=theme.id)
    b = service.capture(table.id, 1, "Connettività nelle valli #C #z6 #a3")
    assert matches(a, parse_filter("comuni"))
    assert not matches(b, parse_filter("comuni"))
    assert matches(a, parse_filter("@2.1"))
    assert not matches(a, parse_filter("@2.3"))
    assert matches(b, parse_filter("#C #a3 valli"))
    assert not matches(a, parse_filter("#C"))
    assert matches(a, parse_filter("", theme.id))
    assert matches(b, parse_filter("", UNTHEMED))
    assert not matches(a, parse_filter("", UNTHEMED))
    assert parse_filter("").empty
