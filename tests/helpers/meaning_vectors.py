"""Synthetic meaning vectors for the analysis tests: seeded topics in 512 dimensions.

Each topic is a random unit direction; a post-it of that topic is its direction plus a
little seeded noise, so the tests know which post-its belong together without a model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution

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
