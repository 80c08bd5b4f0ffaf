"""Property-based tests of the merge: random edits and deletions on 2-6 laptops.

Every laptop starts from the same merged event; the files are merged in random orders and
random groupings. The result must be the same every time (commutative, associative,
idempotent), no edit may be lost without a conflict naming it, no deletion undone.

The default run is short; ``MERGE_PROPERTY_EXAMPLES=200`` runs a larger one.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.services.merge import conflicts
from facilitator_app.services.merge import engine as merge
from facilitator_app.storage.database import EventStore
from tests.helpers.laptops import (
    delete_post_it,
    edit_post_it,
    laptop_copies,
    master_with_post_its,
    merge_in_order,
    post_its,
    state,
)

POSTS = 3
EXAMPLES = int(os.environ.get("MERGE_PROPERTY_EXAMPLES", "6"))

# One laptop's action: (post-it, what, value).
action = st.tuples(
    st.integers(0, POSTS - 1),
    st.sampled_from(["text", "votes", "delete"]),
    st.sampled_from(["a", "b", "c"]),
)
laptops_actions = st.lists(st.lists(action, max_size=3), min_size=2, max_size=6)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return master_with_post_its(tmp_path_factory.mktemp("base"), POSTS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("esempi")


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def _apply(laptop: Path, actions: list[tuple[int, str, str]], number: int) -> None:
    for step, (post, what, value) in enumerate(actions):
        minute = 10 + number * 5 + step  # laptops' clocks interleave
        if what == "delete":
            delete_post_it(laptop, post, minute)
        elif what == "text":
            edit_post_it(laptop, post, minute, text=f"{value} dal portatile {number}")
        else:
            edit_post_it(laptop, post, minute, votes=ord(value) - ord("a") + 1 + number * 10)


def _groups(files: list[Path], cut: int) -> tuple[list[Path], list[Path]]:
    cut = 1 + cut % (len(files) - 1)
    return files[:cut], files[cut:]


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written in the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(histories=laptops_actions, order=st.randoms(use_true_random=False), cut=st.integers(0, 10))
def test_any_order_and_grouping_gives_the_same_file(
    base: Path, workdir: Path, histories: list[list[tuple[int, str, str]]], order: object, cut: int
) -> None:
    folder = _fresh(workdir / "giro")
    laptops = laptop_copies(base, folder / "portatili", len(histories))
    for number, (laptop, actions) in enumerate(zip(laptops, histories, strict=True)):
        _apply(laptop, actions, number)
    forward = folder / "avanti.sqlite"
    merge_in_order(forward, laptops)
    shuffled = list(laptops)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    backward = folder / "mescolato.sqlite"
    merge_in_order(backward, shuffled)
    left, right = _groups(shuffled, cut)
    x, y, grouped = folder / "x.sqlite", folder / "y.sqlite", folder / "xy.sqlite"
    merge_in_order(x, left)
    merge_in_order(y, right)
    merge_in_order(grouped, [y, x])
    expected = state(forward)
    assert state(backward) == expected  # commutative
    assert state(grouped) == expected  # associative
    again = merge_in_order(forward, shuffled, minute=59)
    assert {r.status for r in again} == {merge.STATUS_ALREADY}  # idempotent
    assert state(forward) == expected
    _check_nothing_lost(forward, laptops, histories)


def _check_nothing_lost(
    merged: Path, laptops: list[Path], histories: list[list[tuple[int, str, str]]]
) -> None:
    with EventStore.open(merged, read_only=True) as store:
        listed = {c.record_id: c for c in conflicts.open_conflicts(store)}
    shown = post_its(merged)
    for laptop, actions in zip(laptops, histories, strict=True):
        final = post_its(laptop)
        for post, what, _ in actions:
            mine, result = final[post], shown[post]
            conflict = listed.get(result.id)
            if what == "delete":
                assert result.deleted, "a deletion was undone"
                continue
            field = "text" if what == "text" else "votes"
            value = getattr(mine, field)
            if getattr(result, field) == value:
                continue
            assert conflict is not None, f"{field}={value!r} lost without a conflict"
            fields = {f.field: f.values for f in conflict.fields}
            if mine.deleted:
                continue  # this laptop deleted it too: its edit went with the deletion
            assert value in fields.get(field, ()) or "deleted_at" in fields


@settings(
    max_examples=max(2, EXAMPLES // 2),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    first_round=st.lists(st.lists(action, max_size=2), min_size=2, max_size=3),
    second_round=st.lists(st.lists(action, max_size=2), min_size=1, max_size=3),
    order=st.randoms(use_true_random=False),
)
def test_files_prepared_from_a_merged_event_merge_in_any_order_too(
    base: Path,
    workdir: Path,
    first_round: list[list[tuple[int, str, str]]],
    second_round: list[list[tuple[int, str, str]]],
    order: object,
) -> None:
    folder = _fresh(workdir / "due-giri")
    early = laptop_copies(base, folder / "primo", len(first_round))
    for number, (laptop, actions) in enumerate(zip(early, first_round, strict=True)):
        _apply(laptop, actions, number)
    midday = folder / "mezzogiorno.sqlite"
    merge_in_order(midday, early)
    deleted_at_midday = {p.id for p in post_its(midday) if p.deleted}
    late = laptop_copies(midday, folder / "secondo", len(second_round))
    for number, (laptop, actions) in enumerate(zip(late, second_round, strict=True)):
        _apply(laptop, actions, number + 7)  # later in the day
    every = [*early, *late]
    shuffled = list(every)
    order.shuffle(shuffled)  # type: ignore[attr-defined]
    one, two = folder / "uno.sqlite", folder / "due.sqlite"
    merge_in_order(one, every)
    merge_in_order(two, [*shuffled[1:], midday, shuffled[0]])
    assert state(one) == state(two)
    still = {p.id for p in post_its(one) if p.deleted}
    assert deleted_at_midday <= still  # nothing deleted comes back by itself
