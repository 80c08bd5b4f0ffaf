"""Meaning vectors of post-its: computed once, stored in the event file, recomputed on edit."""

from __future__ import annotations

import io
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from facilitator_app import cli
from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.analysis import embeddings
from facilitator_app.services.analysis.encoder import (
    EncoderUnavailable,
    UniversalSentenceEncoder,
    Vectors,
    load_encoder,
)
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.storage import embeddings as stored
from facilitator_app.storage.database import EventStore
from tests.helpers.files import digest
from tests.helpers.raw_file import raw_file


class CountingEncoder:
    """A fake encoder: a vector from the text's letters, and every text it was asked for."""

    model_id = "contatore/1"
    dimensions = 8

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> Vectors:
        self.calls.append(list(texts))
        rows = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, text in enumerate(texts):
            for char in text:
                rows[row, ord(char) % self.dimensions] += 1.0
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        return rows

    @property
    def encoded(self) -> list[str]:
        return [text for call in self.calls for text in call]


@pytest.fixture(scope="session")
def real_encoder() -> UniversalSentenceEncoder:
    """The embedded model, loaded once for the session."""
    loaded = load_encoder()
    assert isinstance(loaded, UniversalSentenceEncoder), loaded
    return loaded


def _board(store: EventStore, clock: FixedClock, texts: Sequence[str]) -> list[Contribution]:
    table = store.all(Table)[0]
    capture = CaptureService(store, clock)
    return [capture.add(table.id, 2, text) for text in texts]


TEXTS = ("Più corse serali dei bus", "Piste ciclabili sicure", "Bus a chiamata in valle")


def test_vectors_are_computed_once_and_reused_from_the_file(
    demo_path: Path, clock: FixedClock
) -> None:
    encoder = CountingEncoder()
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
        first = embeddings.board_vectors(store, posts, encoder)
    assert first is not None and sorted(first) == sorted(p.id for p in posts)
    assert encoder.encoded == list(TEXTS)
    assert all(first[p.id].shape == (8,) and first[p.id].dtype == np.float32 for p in posts)
    with EventStore.open(demo_path, read_only=True) as store:
        again = embeddings.board_vectors(store, posts, encoder)
    assert encoder.encoded == list(TEXTS)  # nothing encoded a second time
    assert again is not None
    for post in posts:
        assert np.array_equal(again[post.id], first[post.id])


def test_an_edited_post_it_is_recomputed_and_the_others_reused(
    demo_path: Path, clock: FixedClock
) -> None:
    encoder = CountingEncoder()
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
        before = embeddings.board_vectors(store, posts, encoder)
        edited = CaptureService(store, clock).update(
            posts[1].id, text="Piste ciclabili per la scuola"
        )
        board = [posts[0], edited, posts[2]]
        after = embeddings.board_vectors(store, board, encoder)
    assert encoder.calls == [list(TEXTS), ["Piste ciclabili per la scuola"]]
    assert before is not None and after is not None
    assert np.array_equal(after[posts[0].id], before[posts[0].id])
    assert not np.array_equal(after[edited.id], before[edited.id])


def test_deleted_post_its_get_no_vector(demo_path: Path, clock: FixedClock) -> None:
    encoder = CountingEncoder()
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
        gone = CaptureService(store, clock).delete(posts[0].id)
        found = embeddings.board_vectors(store, [gone, *posts[1:]], encoder)
    assert found is not None and sorted(found) == sorted(p.id for p in posts[1:])
    assert encoder.encoded == list(TEXTS[1:])


def test_a_read_only_file_is_computed_in_memory_and_left_untouched(
    demo_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
    before = digest(demo_path)
    encoder = CountingEncoder()
    with EventStore.open(demo_path, read_only=True) as store:
        found = embeddings.board_vectors(store, posts, encoder)
        again = embeddings.board_vectors(store, posts, encoder)
    assert found is not None and again is not None and len(found) == 3
    assert len(encoder.calls) == 2  # nothing was stored, so computed both times
    assert digest(demo_path) == before


def test_a_crafted_vector_of_the_wrong_length_is_recomputed(
    demo_path: Path, clock: FixedClock
) -> None:
    encoder = CountingEncoder()
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
        embeddings.board_vectors(store, posts, encoder)
    with raw_file(demo_path) as conn:
        conn.execute(
            "update post_it_embeddings set vector = x'00ff' where contribution_id = ?",
            (posts[0].id,),
        )
    with EventStore.open(demo_path) as store:
        found = embeddings.board_vectors(store, posts, encoder)
    assert encoder.calls[1:] == [[TEXTS[0]]]
    assert found is not None and found[posts[0].id].shape == (8,)


def test_an_unavailable_encoder_gives_none_and_writes_nothing(
    demo_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
    before = digest(demo_path)
    with EventStore.open(demo_path) as store:
        assert embeddings.board_vectors(store, posts, EncoderUnavailable("assente")) is None
    assert digest(demo_path) == before


def test_progress_is_reported_per_batch(demo_path: Path, clock: FixedClock) -> None:
    reports: list[tuple[int, int, str]] = []
    encoder = CountingEncoder()
    texts = [f"Proposta numero {i}" for i in range(70)]
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, texts)
        found = embeddings.board_vectors(
            store, posts, encoder, progress=lambda d, t, label="": reports.append((d, t, label))
        )
    assert found is not None and len(found) == 70
    assert [len(call) for call in encoder.calls] == [embeddings.BATCH, 70 - embeddings.BATCH]
    assert [(done, total) for done, total, _ in reports] == [
        (0, 70),
        (embeddings.BATCH, 70),
        (70, 70),
    ]


def test_the_shared_encoder_loads_once_for_every_caller() -> None:
    loads: list[int] = []
    encoder = CountingEncoder()

    def loader() -> CountingEncoder:
        loads.append(1)
        return encoder

    holder = embeddings.EncoderHolder(loader)
    assert not holder.loaded
    threads = [threading.Thread(target=holder.get) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert holder.get() is encoder and holder.loaded
    assert loads == [1]


def test_vectors_for_event_opens_a_path_read_only_without_writing(
    demo_path: Path, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    encoder = CountingEncoder()
    monkeypatch.setattr(embeddings, "SHARED_ENCODER", embeddings.EncoderHolder(lambda: encoder))
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, TEXTS)
    before = digest(demo_path)
    found = embeddings.vectors_for_event(demo_path, posts, read_only=True)
    assert found is not None and len(found) == 3
    assert digest(demo_path) == before
    found = embeddings.vectors_for_event(demo_path, posts, read_only=False)
    with EventStore.open(demo_path, read_only=True) as store:
        hashes = {p.id: embeddings.text_hash(p.text) for p in posts}
        assert len(stored.stored_vectors(store, hashes, encoder.model_id)) == 3


def test_themes_embed_stores_a_vector_for_every_live_post_it(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    encoder = CountingEncoder()
    monkeypatch.setattr(embeddings, "SHARED_ENCODER", embeddings.EncoderHolder(lambda: encoder))
    out = io.StringIO()
    assert cli.main(["themes", "embed", str(demo_path)], out=out) == 0
    with EventStore.open(demo_path, read_only=True) as store:
        live = [p for p in store.contributions() if not p.deleted]
        hashes = {p.id: embeddings.text_hash(p.text) for p in live}
        assert len(stored.stored_vectors(store, hashes, encoder.model_id)) == len(live) > 0
    assert f"{len(live)} post-it" in out.getvalue()
    # a second run finds every vector already there
    assert cli.main(["themes", "embed", str(demo_path)], out=out) == 0
    assert len(encoder.encoded) == len(live)


def test_themes_embed_without_the_model_is_refused(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(
        embeddings,
        "SHARED_ENCODER",
        embeddings.EncoderHolder(lambda: EncoderUnavailable("pesi illeggibili")),
    )
    before = digest(demo_path)
    assert cli.main(["themes", "embed", str(demo_path)], out=io.StringIO()) == 3
    assert "pesi illeggibili" in capsys.readouterr().err
    assert digest(demo_path) == before


def test_the_real_model_stores_512_float32_and_similar_texts_are_near(
    demo_path: Path, clock: FixedClock, real_encoder: UniversalSentenceEncoder
) -> None:
    texts = ("Più autobus la sera", "Più corse dei pullman serali", "Tutela dei boschi")
    with EventStore.open(demo_path) as store:
        posts = _board(store, clock, texts)
        found = embeddings.board_vectors(store, posts, real_encoder)
    assert found is not None
    bus, coach, woods = (found[p.id] for p in posts)
    assert bus.shape == (512,) and bus.dtype == np.float32
    assert float(bus @ coach) > float(bus @ woods)
    with EventStore.open(demo_path, read_only=True) as store:
        hashes = {p.id: embeddings.text_hash(p.text) for p in posts}
        blobs = stored.stored_vectors(store, hashes, real_encoder.model_id)
    assert np.array_equal(np.frombuffer(blobs[posts[0].id], dtype="<f4"), bus)


def test_vectors_of_a_source_are_not_merged_and_a_crafted_one_does_not_refuse_it(
    tmp_path: Path,
) -> None:
    from facilitator_app.services.merge import engine as merge
    from tests.helpers.zones import day_clock, fill_venue_files, venue_files

    (source,) = venue_files(tmp_path / "sedi", ["Comune di Pinerolo"])
    fill_venue_files([source])
    encoder = CountingEncoder()
    with EventStore.open(source) as store:
        posts = [p for p in store.contributions() if not p.deleted]
        found = embeddings.board_vectors(store, posts, encoder)
    assert found is not None and len(found) == len(posts) > 0
    with raw_file(source) as conn:  # one vector crafted: wrong length
        conn.execute("update post_it_embeddings set vector = x'01' where rowid = 1")
    target = tmp_path / "unito.sqlite"
    (result,) = merge.merge_files(target, [source], day_clock(50))
    assert not result.refused, result.problems
    with EventStore.open(target, read_only=True) as store:
        merged = [p for p in store.contributions() if not p.deleted]
        hashes = {p.id: embeddings.text_hash(p.text) for p in merged}
        assert len(merged) == len(posts)
        assert stored.stored_vectors(store, hashes, encoder.model_id) == {}
