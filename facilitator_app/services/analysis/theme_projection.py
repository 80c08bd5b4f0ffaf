"""A learned projection of the meaning vectors that keeps what tells themes apart (issue 17).

A sentence encoder's vector of a post-it mixes what it is about with how it is said: a
complaint and a proposal on the same theme lie far apart, two complaints on different themes
close together. From labelled boards (post-its sorted into themes by people) the directions
along which post-its of one theme differ (*within-theme* scatter) and those along which the
themes of a board differ (*between-theme* scatter) are measured; the projection keeps the
directions where themes differ most relative to how much one theme's post-its differ
(Fisher's discriminant, the within-theme scatter shrunk towards the identity), each scaled by
the square root of that ratio. It is a linear map, learned once from the labelled sets of
``benchmarks/data`` and ``tests/data`` (never from a set kept for the final measurement) and
shipped in ``resources/models/theme_projection.npz``; ``scripts/learn_theme_projection.py``
rebuilds it. The per-board suggestions use it (:func:`shipped_projection`); the cross-cutting
themes do not (their method was chosen on the plain vectors).

Learning and loading are plain numpy; the file is read with ``allow_pickle=False`` and checked
(shape, finite values, the encoder it was learned for), so a damaged or crafted file is
ignored and the suggestions use the plain vectors.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from facilitator_app.resources import resource_path

logger = logging.getLogger(__name__)

Matrix = npt.NDArray[np.float64]
Projection = npt.NDArray[np.float32]

PROJECTION_FILE = "models/theme_projection.npz"
# Environment variable: "0" switches the projection off (see shipped_projection).
SWITCH = "FACILITATOR_APP_THEME_PROJECTION"
# Shrinkage of the within-theme scatter towards the identity, and how many directions are
# kept: chosen by leave-one-set-out on the three development sets as the setting whose worst
# set gained most (docs/THEMES.md, "Learned projection").
SHRINKAGE = 0.5
DIRECTIONS = 64


@dataclass(frozen=True, slots=True)
class LabelledBoardVectors:
    """One labelled board for learning: the post-its' vectors and their theme labels."""

    vectors: npt.NDArray[np.float32]
    themes: tuple[str, ...]


def _board_centred_units(vectors: npt.ArrayLike) -> Matrix:
    """Unit vectors with the board's mean removed, as :mod:`.semantic` compares them."""
    stacked = np.asarray(vectors, dtype=np.float64)
    stacked = stacked / np.maximum(np.linalg.norm(stacked, axis=1, keepdims=True), 1e-12)
    stacked = stacked - stacked.mean(axis=0)
    units: Matrix = stacked / np.maximum(np.linalg.norm(stacked, axis=1, keepdims=True), 1e-12)
    return units


def scatter_matrices(boards: Sequence[LabelledBoardVectors]) -> tuple[Matrix, Matrix]:
    """The within-theme and between-theme scatter of labelled boards.

    Within: each post-it's difference from its theme's mean on its board (themes of one
    post-it add nothing; unbiased per theme). Between: each theme's mean on its board,
    weighted by its size (the board's mean is already removed).

    Raises:
        ValueError: no board has a theme of two post-its or more.
    """
    within: list[Matrix] = []
    between: list[Matrix] = []
    for board in boards:
        units = _board_centred_units(board.vectors)
        labels = np.array(board.themes)
        for theme in sorted(set(board.themes)):
            members = units[labels == theme]
            between.append(members.mean(axis=0, keepdims=True) * np.sqrt(len(members)))
            if len(members) > 1:
                spread = members - members.mean(axis=0)
                within.append(spread * np.sqrt(len(members) / (len(members) - 1)))
    if not within:
        raise ValueError("nessun tema con almeno due post-it: niente da imparare")
    inside = np.vstack(within)
    across = np.vstack(between)
    return inside.T @ inside / len(inside), across.T @ across / len(across)


def learn_projection(
    boards: Sequence[LabelledBoardVectors],
    *,
    shrinkage: float = SHRINKAGE,
    directions: int = DIRECTIONS,
) -> Projection:
    """Fisher's discriminant directions of labelled boards, scaled by their strength.

    Args:
        boards: labelled boards (vectors of one encoder).
        shrinkage: share of the identity in the (trace-normalised) within-theme scatter;
            1 gives plain principal directions of the themes.
        directions: how many directions to keep (at most the vectors' dimension).

    Returns:
        A (dimension, directions) float32 matrix: project with ``vectors @ projection``.
    """
    within, between = scatter_matrices(boards)
    size = within.shape[0]
    within = (1 - shrinkage) * within / np.trace(within) * size + shrinkage * np.eye(size)
    between = between / np.trace(between) * size
    values, basis = np.linalg.eigh(within)
    whitening = basis @ np.diag(values**-0.5) @ basis.T
    strengths, rotated = np.linalg.eigh(whitening @ between @ whitening)
    order = np.argsort(strengths)[::-1][: max(1, min(directions, size))]
    projection = (whitening @ rotated[:, order]) * np.sqrt(np.maximum(strengths[order], 0.0))
    result: Projection = projection.astype(np.float32)
    return result


def save_projection(
    path: Path, projection: Projection, *, model_id: str, sets: Sequence[str]
) -> None:
    """Write a projection with the encoder it belongs to and the sets it was learned from."""
    with path.open("wb") as handle:
        np.savez(
            handle,
            projection=projection.astype(np.float32),
            model_id=np.array(model_id),
            sets=np.array(list(sets)),
        )


def read_projection(path: Path, *, model_id: str, dimensions: int) -> Projection | None:
    """The projection stored in ``path``, or None (logged) when it cannot be trusted.

    None when the file is missing or unreadable, was learned for another encoder, has the
    wrong shape, or holds a value that is not finite.
    """
    try:
        with np.load(path, allow_pickle=False) as stored:
            projection = np.asarray(stored["projection"], dtype=np.float32)
            learned_for = str(stored["model_id"])
    except (OSError, ValueError, KeyError, EOFError) as error:
        logger.warning("Proiezione dei temi non letta (%s): %s", path, error)
        return None
    if learned_for != model_id:
        logger.warning("Proiezione dei temi per un altro modello (%s), ignorata", learned_for)
        return None
    shape_ok = projection.ndim == 2 and projection.shape[0] == dimensions
    if not shape_ok or projection.shape[1] < 1 or not bool(np.isfinite(projection).all()):
        logger.warning("Proiezione dei temi non valida (%s, %s), ignorata", path, projection.shape)
        return None
    return projection


def shipped_training_sets() -> frozenset[str]:
    """Names of the labelled sets the shipped projection was learned from (empty if none).

    A set named here measures nothing about unseen boards: ``themes evaluate --set`` says so.
    """
    try:
        with np.load(resource_path(PROJECTION_FILE), allow_pickle=False) as stored:
            return frozenset(str(name) for name in np.atleast_1d(stored["sets"]))
    except (OSError, ValueError, KeyError, EOFError):
        return frozenset()


def shipped_projection(model_id: str, dimensions: int) -> Projection | None:
    """The projection shipped with the app for this encoder (read once per process).

    None when :data:`SWITCH` is set to ``0`` in the environment: the plain vectors, to
    compare with and without it, and for tests whose synthetic vectors are not the
    encoder's.
    """
    if os.environ.get(SWITCH, "").strip() == "0":
        return None
    return _read_shipped(model_id, dimensions)


@lru_cache(maxsize=4)
def _read_shipped(model_id: str, dimensions: int) -> Projection | None:
    return read_projection(resource_path(PROJECTION_FILE), model_id=model_id, dimensions=dimensions)
