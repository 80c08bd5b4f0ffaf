"""Edits of several post-its at once: one transaction each, undone and redone as one."""

from __future__ import annotations

import sqlite3

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import NotFoundError
from facilitator_app.domain.model import Contribution, StrategyCard, Table, Theme
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.capture.board import CaptureService, Edit
from facilitator_app.storage.database import EventStore
from tests.helpers.raw_file import raw_file


@pytest.fixture
def service(store: EventStore, clock: FixedClock) -> CaptureService:
    return CaptureService(store, clock, [card.code for card in store.all(StrategyCard)])


@pytest.fixture
def posts(service: CaptureService, table: Table) -> list[Contribution]:
    return [service.add(table.id, 1, f"idea {i}") for i in range(4)]


def stored(store: EventStore, posts: list[Contribution]) -> list[Contribution | None]:
    return [store.get(Contribution, p.id) for p in posts]


def test_toggles_set_on_all_then_clear_on_all(
    service: CaptureService, posts: list[Contribution]
) -> None:
    ids = [p.id for p in posts[:3]]
    service.set_kind(ids[:1], ContributionKind.PROPOSTA)
    edit = service.toggle_kind(ids, ContributionKind.PROPOSTA)
    assert {p.kind for p in edit.posts} == {ContributionKind.PROPOSTA}
    assert {p.kind for p in service.toggle_kind(ids, ContributionKind.PROPOSTA).posts} == {None}
    assert {p.links for p in service.toggle_link(ids, 3).posts} == {(3,)}
    assert {p.links for p in service.toggle_link(ids, 3).posts} == {()}
    assert {p.zones for p in service.toggle_zone(ids, 5).posts} == {(5,)}
    assert {p.cards for p in service.toggle_card(ids, "2.1").posts} == {("2.1",)}
    assert {p.votes for p in service.add_votes(ids, 2).posts} == {2}
    assert {p.votes for p in service.add_votes(ids, -5).posts} == {0}
    assert all(p.deleted for p in service.delete_posts(ids).posts)


def test_revert_and_reapply_are_the_undo_and_redo_of_an_edit(
    service: CaptureService, posts: list[Contribution], store: EventStore
) -> None:
    ids = [p.id for p in posts]
    edit = service.set_kind(ids, ContributionKind.CRITICITA)
    undone = service.revert(edit)
    assert {r.kind for r in undone if isinstance(r, Contribution)} == {None}
    assert {p.kind for p in stored(store, posts) if p} == {None}
    service.reapply(edit)
    assert {p.kind for p in stored(store, posts) if p} == {ContributionKind.CRITICITA}


def test_a_batch_naming_a_missing_post_it_changes_nothing(
    service: CaptureService, posts: list[Contribution], store: EventStore
) -> None:
    ids = [posts[0].id, posts[1].id, "nessuno", posts[3].id]
    before = stored(store, posts)
    with pytest.raises(NotFoundError):
        service.set_kind(ids, ContributionKind.PROPOSTA)
    with pytest.raises(NotFoundError):
        service.move_to_theme([posts[0].id], "nessun-tema")
    assert stored(store, posts) == before


def test_a_batch_the_file_refuses_on_the_third_post_it_keeps_none_of_it(
    service: CaptureService, posts: list[Contribution], store: EventStore, table: Table
) -> None:
    """The disk refusing the third row rolls back the first two as well."""
    with raw_file(store.path) as conn:  # planted beside the store, which sees it at once
        conn.execute(
            "create trigger refuse_third before insert on contributions "
            f"when new.id = '{posts[2].id}' begin select raise(abort, 'disco pieno'); end"
        )
    before = stored(store, posts)
    themes = service.themes(table.id, 1)
    ids = [p.id for p in posts]
    with pytest.raises(sqlite3.IntegrityError):
        service.add_votes(ids, 1)
    with pytest.raises(sqlite3.IntegrityError):
        service.accept_group(table.id, 1, "Mobilità", ids)
    assert stored(store, posts) == before
    assert service.themes(table.id, 1) == themes
    assert not store.in_transaction


def test_accept_group_creates_the_theme_and_moves_the_post_its_as_one_edit(
    service: CaptureService, posts: list[Contribution], store: EventStore, table: Table
) -> None:
    edit = service.accept_group(table.id, 1, "Mobilità", [p.id for p in posts[:2]])
    (theme,) = edit.themes
    assert theme.title == "Mobilità"
    assert {p.theme_id for p in edit.posts} == {theme.id}
    service.revert(edit)
    assert theme.id not in {t.id for t in service.themes(table.id, 1)}
    assert {p.theme_id for p in stored(store, posts[:2]) if p} == {None}
    service.reapply(edit)
    assert theme.id in {t.id for t in service.themes(table.id, 1)}
    assert store.get(Theme, theme.id) is not None
    assert {p.theme_id for p in stored(store, posts[:2]) if p} == {theme.id}


def test_an_empty_selection_is_an_empty_edit(service: CaptureService) -> None:
    assert service.toggle_kind([], ContributionKind.PROPOSTA) == Edit()
