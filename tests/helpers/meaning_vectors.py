"""Synthetic meaning vectors for the analysis tests: seeded topics in 512 dimensions.

Each topic is a random unit direction; a post-it of that topic is its direction plus a
little seeded noise, so the tests know which post-its belong together without a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.embeddings import text_hash
from facilitator_app.services.analysis.encoder import USE_MODEL_ID
from facilitator_app.storage import embeddings as stored
from facilitator_app.storage.database import EventStore

DIMENSIONS = 512


def topic_vectors(
    posts: Sequence[Contribution], topics: Sequence[str], *, noise: float = 0.35, seed: int = 7
) -> dict[str, npt.NDArray[np.float32]]:
    """A vector per post-it: its topic's direction plus noise (unit length)."""
    generator = np.random.default_rng(seed)
    names = sorted(set(topics))
    directions = {name: generator.standard_normal(DIMENSIONS) for name in names}
    vectors: dict[str, npt.NDArray[np.float32]] = {}
    for post, topic in zip(posts, topics, strict=True):
        direction = directions[topic] / np.linalg.norm(directions[topic])
        jitter = generator.standard_normal(DIMENSIONS) / np.sqrt(DIMENSIONS)
        vector = direction + noise * jitter
        vectors[post.id] = (vector / np.linalg.norm(vector)).astype(np.float32)
    return vectors


def store_recurring_topic(path: Path, tables: int = 3) -> list[Contribution]:
    """Store a vector for every live post-it of an event file, with one recurring topic.

    The first live post-it of each of the first ``tables`` tables shares one direction
    (a topic said at several tables); every other post-it points its own random way. The
    vectors are stored as the app's encoder would store them (its model id, the text's hash),
    so the file holds vectors without any model being loaded.

    Returns:
        The post-its of the recurring topic.
    """
    generator = np.random.default_rng(11)
    with EventStore.open(path) as store:
        live = store.live_contributions()
        chosen: list[Contribution] = []
        for post in live:
            if len(chosen) < tables and all(post.table_id != c.table_id for c in chosen):
                chosen.append(post)
        shared = generator.standard_normal(DIMENSIONS)
        rows = []
        for post in live:
            vector = generator.standard_normal(DIMENSIONS)
            if post in chosen:
                vector = shared / np.linalg.norm(shared) + 0.1 * vector / np.sqrt(DIMENSIONS)
            unit = (vector / np.linalg.norm(vector)).astype("<f4")
            rows.append(
                stored.StoredVector(
                    post.id, USE_MODEL_ID, text_hash(post.text), DIMENSIONS, unit.tobytes()
                )
            )
        stored.save_vectors(store, rows)
    return chosen
