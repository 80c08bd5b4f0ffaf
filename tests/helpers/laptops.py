"""Laptops for merge tests: files prepared from one event, edited, merged in any order."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from facilitator_app.domain.clock import to_iso
from facilitator_app.domain.model import (
    AgendaItem,
    Contribution,
    Event,
    ParticipantCount,
    Session,
    Table,
    TableCard,
    Theme,
    Venue,
    new_id,
)
from facilitator_app.services.merge import engine as merge
from facilitator_app.services.setup import distribute
from facilitator_app.services.setup.templates import bundled_templates, create_event
from facilitator_app.storage.database import EventStore
from tests.helpers.zones import day_clock

KINDS: tuple[type[Any], ...] = (
    Event,
    Venue,
    Table,
    Session,
    AgendaItem,
    TableCard,
    ParticipantCount,
    Theme,
    Contribution,
)


def master_with_post_its(folder: Path, posts: int = 3) -> Path:
    """A merged zones event holding ``posts`` post-its at its first table.

    The post-its come in through a prepared venue file merged back, as on the day.
    """
    folder.mkdir(parents=True, exist_ok=True)
    master = folder / "master.sqlite"
    with EventStore.create(master) as store:
        create_event(store, bundled_templates()["zone-omogenee"], day_clock(0))
        venue = store.venues()[0].name
    first = folder / "primo-giro.sqlite"
    with EventStore.open(master, read_only=True) as store:
        distribute.extract(store, first, venues=[venue])
    with EventStore.open(first) as store:
        table = store.all(Table)[0]
        now = to_iso(day_clock(5).now())
        store.save(
            *(
                Contribution(new_id(), table.id, 1, f"Post-it {n}", now, now, position=n)
                for n in range(posts)
            )
        )
    merged = folder / "unito-primo-giro.sqlite"
    merge.merge_files(merged, [master, first], day_clock(6))
    return merged


def laptop_copies(source: Path, folder: Path, count: int) -> list[Path]:
    """``count`` laptops holding the whole of ``source`` (its versions included)."""
    folder.mkdir(parents=True, exist_ok=True)
    laptops = []
    for number in range(count):
        path = folder / f"portatile-{number + 1}.sqlite"
        shutil.copyfile(source, path)
        laptops.append(path)
    return laptops


def edit_post_it(path: Path, index: int, minute: int, **changes: Any) -> None:
    """Change post-it number ``index`` (by position) on a laptop, at 09:MM."""
    with EventStore.open(path) as store:
        post = sorted(store.all(Contribution), key=lambda p: p.position)[index]
        store.save(dataclasses.replace(post, updated_at=to_iso(day_clock(minute).now()), **changes))


def delete_post_it(path: Path, index: int, minute: int) -> None:
    """Delete post-it number ``index`` on a laptop, at 09:MM."""
    edit_post_it(path, index, minute, deleted_at=to_iso(day_clock(minute).now()))


def post_its(path: Path) -> list[Contribution]:
    """The post-its of a file, by position."""
    with EventStore.open(path, read_only=True) as store:
        return sorted(store.all(Contribution), key=lambda p: p.position)


def state(path: Path) -> dict[str, list[Any]]:
    """Every record of a file, by kind, sorted by id (to compare merge results)."""
    with EventStore.open(path, read_only=True) as store:
        return {kind.__name__: sorted(store.all(kind), key=lambda r: r.id) for kind in KINDS}


def merge_in_order(target: Path, files: Sequence[Path], minute: int = 50) -> list[Any]:
    """Merge ``files`` into ``target`` in the order given."""
    return merge.merge_files(target, list(files), day_clock(minute))
