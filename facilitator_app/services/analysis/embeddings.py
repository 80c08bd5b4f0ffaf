"""Meaning vectors of post-its: computed once per text, kept in the event file, reused.

:func:`board_vectors` gives a vector for every live post-it of a board: the ones stored in
the file for the same model and the same text (SHA-256 of the exact text) are reused, the
others are encoded in batches and stored together in one transaction when the file is
writable (a file opened read-only is only read: the vectors stay in memory). Editing a
post-it's text changes its hash, so its vector is computed again; the other vectors stay.
When the encoder cannot load, the answer is ``None`` and callers fall back to the word
method of :mod:`.suggest`.

The encoder is loaded once per process, on first use (:data:`SHARED_ENCODER`); the
interface asks for it from a worker thread so that its window never freezes.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.encoder import (
    USE_DIMENSIONS,
    USE_MODEL_ID,
    EncoderUnavailable,
    TextEncoder,
    load_encoder,
)
from facilitator_app.services.analysis.suggest import Suggestion, suggest
from facilitator_app.services.common.progress import Progress, no_progress
from facilitator_app.storage import embeddings as stored
from facilitator_app.storage.database import EventStore

Vector = npt.NDArray[np.float32]
LoadedEncoder = TextEncoder | EncoderUnavailable
# Texts per call to the encoder: one progress report each (a 2-core laptop encodes a batch
# in well under a second).
BATCH = 64
# Stored byte order of every component, whatever the machine.
STORED_DTYPE = np.dtype("<f4")


def text_hash(text: str) -> str:
    """Hex SHA-256 of the exact UTF-8 text a vector is made from."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class EmbeddingRun:
    """What :func:`compute_vectors` did.

    Attributes:
        vectors: post-it id -> unit float32 vector, for every live post-it given.
        computed: how many were encoded now.
        reused: how many came from the file.
        saved: whether the computed ones were written to the file.
    """

    vectors: dict[str, Vector]
    computed: int
    reused: int
    saved: bool


def _reusable(
    store: EventStore, posts: Sequence[Contribution], model_id: str, dimensions: int
) -> dict[str, Vector]:
    hashes = {post.id: text_hash(post.text) for post in posts}
    found: dict[str, Vector] = {}
    for post_id, blob in stored.stored_vectors(store, hashes, model_id).items():
        vector = np.frombuffer(blob, dtype=STORED_DTYPE).astype(np.float32)
        # A file may be crafted: a vector of another length or with NaN is recomputed.
        if vector.shape == (dimensions,) and bool(np.isfinite(vector).all()):
            found[post_id] = vector
    return found


def stored_event_vectors(
    store: EventStore, contributions: Sequence[Contribution]
) -> dict[str, Vector] | None:
    """The vectors already stored for every live post-it given, without loading the model.

    For the parts that must answer at once (the plenary deck, the report's draft): they use
    the meaning method when the file holds a valid vector of the app's encoder for every
    live post-it (``themes embed``, or the suggestions, computed them), else None and the
    word method.

    Args:
        store: the event file.
        contributions: its post-its (deleted ones are left out).
    """
    live = [post for post in contributions if not post.deleted]
    found = _reusable(store, live, USE_MODEL_ID, USE_DIMENSIONS)
    if not live or len(found) < len(live):
        return None
    return {post.id: found[post.id] for post in live}


def compute_vectors(
    store: EventStore,
    contributions: Sequence[Contribution],
    encoder: TextEncoder,
    *,
    save: bool = True,
    progress: Progress = no_progress,
) -> EmbeddingRun:
    """Vectors for the live post-its given: stored ones reused, the rest encoded and saved.

    Args:
        store: the event file the post-its belong to.
        contributions: the post-its (deleted ones are left out).
        encoder: the loaded encoder.
        save: store the new vectors (only done when the file is writable).
        progress: told ``(done, total)`` of the post-its to encode, once per batch.

    Returns:
        The vectors and how they were obtained.

    Raises:
        StorageError: the disk refused the write (nothing of it is kept).
    """
    live = [post for post in contributions if not post.deleted]
    found = _reusable(store, live, encoder.model_id, encoder.dimensions)
    missing = [post for post in live if post.id not in found]
    new_rows: list[stored.StoredVector] = []
    if missing:
        progress(0, len(missing), "")
    for start in range(0, len(missing), BATCH):
        batch = missing[start : start + BATCH]
        vectors = encoder.encode([post.text for post in batch])
        for post, vector in zip(batch, vectors, strict=True):
            found[post.id] = np.asarray(vector, dtype=np.float32)
            new_rows.append(
                stored.StoredVector(
                    post.id,
                    encoder.model_id,
                    text_hash(post.text),
                    encoder.dimensions,
                    np.asarray(vector, dtype=STORED_DTYPE).tobytes(),
                )
            )
        progress(start + len(batch), len(missing), "")
    saved = bool(save and new_rows and stored.can_store_vectors(store))
    if saved:
        stored.save_vectors(store, new_rows)
    return EmbeddingRun(
        vectors={post.id: found[post.id] for post in live},
        computed=len(missing),
        reused=len(live) - len(missing),
        saved=saved,
    )


def board_vectors(
    store: EventStore,
    contributions: Sequence[Contribution],
    encoder: LoadedEncoder,
    *,
    save: bool = True,
    progress: Progress | None = None,
) -> dict[str, Vector] | None:
    """Vectors of a board's live post-its, or None when the encoder is unavailable.

    See :func:`compute_vectors`; ``None`` tells the caller to use the word method.
    """
    if isinstance(encoder, EncoderUnavailable):
        return None
    run = compute_vectors(
        store, contributions, encoder, save=save, progress=progress or no_progress
    )
    return run.vectors


class EncoderHolder:
    """A lazily loaded encoder shared by every caller of a process; loads exactly once.

    Args:
        loader: makes the encoder (or says why it cannot).
    """

    def __init__(self, loader: Callable[[], LoadedEncoder]) -> None:
        self._loader = loader
        self._lock = threading.Lock()
        self._encoder: LoadedEncoder | None = None

    @property
    def loaded(self) -> bool:
        """True once the encoder was loaded (or found unavailable): :meth:`get` is instant."""
        return self._encoder is not None

    def get(self) -> LoadedEncoder:
        """The encoder, loading it on the first call (other threads wait for that load)."""
        with self._lock:
            if self._encoder is None:
                self._encoder = self._loader()
            return self._encoder


SHARED_ENCODER = EncoderHolder(load_encoder)


def shared_encoder() -> LoadedEncoder:
    """The process's encoder (loaded on the first call; about a second)."""
    return SHARED_ENCODER.get()


def shared_encoder_loaded() -> bool:
    """True when :func:`shared_encoder` will answer at once."""
    return SHARED_ENCODER.loaded


def vectors_for_event(
    path_or_store: Path | str | EventStore,
    contributions: Sequence[Contribution],
    *,
    read_only: bool,
    progress: Progress | None = None,
) -> dict[str, Vector] | None:
    """Vectors for post-its of an event file, with the shared encoder (None: unavailable).

    Args:
        path_or_store: the event file, or a store already open on it.
        contributions: its post-its.
        read_only: compute in memory only; a path is then opened read-only.
        progress: told how many post-its were encoded.
    """
    encoder = shared_encoder()
    if isinstance(encoder, EncoderUnavailable):
        return None
    if isinstance(path_or_store, EventStore):
        return board_vectors(
            path_or_store, contributions, encoder, save=not read_only, progress=progress
        )
    with EventStore.open(path_or_store, read_only=read_only) as store:
        return board_vectors(store, contributions, encoder, save=not read_only, progress=progress)


def suggest_on(
    contributions: Sequence[Contribution],
    vectors: Mapping[str, Vector] | None,
    *,
    max_groups: int | None = None,
) -> Suggestion:
    """:func:`~.suggest.suggest` on meaning vectors (the word method when ``vectors`` is None)."""
    return suggest(contributions, max_groups=max_groups, vectors=vectors)
