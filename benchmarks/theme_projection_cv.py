"""How the learned theme projection does on boards it did not learn from (issue 17).

Usage (from the repository root)::

    .venv/bin/python benchmarks/theme_projection_cv.py

For each of the three development sets, the projection is learned from the other two and the
real method (``set_evaluation.evaluate_set``: centring, blend, silhouette cut) measures the
set ("leave one set out"); then, for each table topic (an axis, or a zone), it is learned
from the boards of every other topic in all three sets and measures that topic's boards
("leave one topic out": the projection never saw a board of that table). Prints mean
per-board ARI without and with the projection and the paired difference. The shipped
projection (all three sets) is not used here; the final set (held-out-3) is not read.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator_app.services.analysis.encoder import EncoderUnavailable, load_encoder  # noqa: E402
from facilitator_app.services.analysis.labelled_sets import (  # noqa: E402
    LabelledBoard,
    LabelledSet,
    load_labelled_set,
)
from facilitator_app.services.analysis.set_evaluation import METHOD, evaluate_set  # noqa: E402
from facilitator_app.services.analysis.theme_projection import (  # noqa: E402
    SWITCH,
    LabelledBoardVectors,
    learn_projection,
)

SETS = {
    "dev": ROOT / "benchmarks/data/themes_dev.json",
    "held-out": ROOT / "tests/data/themes_heldout.json",
    "held-out-2": ROOT / "tests/data/themes_heldout2.json",
}
Vectors = Mapping[str, npt.NDArray[np.float32]]


def topic(board: LabelledBoard) -> str:
    """The table's topic: its axis, else its zone."""
    return f"asse {board.axis}" if board.axis is not None else f"zona {board.zone}"


def training(boards: Sequence[LabelledBoard], vectors: Vectors) -> list[LabelledBoardVectors]:
    """Labelled boards as learning input."""
    return [
        LabelledBoardVectors(
            np.vstack([vectors[p.id] for p in board.posts]), tuple(p.theme for p in board.posts)
        )
        for board in boards
    ]


def projected(
    vectors: Vectors, projection: npt.NDArray[np.float32]
) -> dict[str, npt.NDArray[np.float32]]:
    """Unit vectors through the projection (what the method does with the shipped one)."""
    ids = list(vectors)
    stacked = np.vstack([vectors[i] for i in ids])
    stacked = stacked / np.linalg.norm(stacked, axis=1, keepdims=True)
    return dict(zip(ids, (stacked @ projection).astype(np.float32), strict=True))


def board_aris(labelled: LabelledSet, vectors: Vectors) -> npt.NDArray[np.float64]:
    """Per-board ARI of the method; projected vectors have another size, so the shipped
    projection (512 rows) does not apply to them a second time."""
    result = evaluate_set(labelled, vectors)
    return np.array([board.ari[METHOD] for board in result.boards])


def line(name: str, plain: npt.NDArray[np.float64], learned: npt.NDArray[np.float64]) -> str:
    """One row: means, paired difference ± its standard error, boards improved."""
    diff = learned - plain
    error = diff.std(ddof=1) / np.sqrt(len(diff)) if len(diff) > 1 else 0.0
    return (
        f"| {name} | {len(diff)} | {plain.mean():.3f} | {learned.mean():.3f} | "
        f"{diff.mean():+.3f} ± {error:.3f} | {(diff > 0).sum()}/{len(diff)} |"
    )


def main() -> int:
    """Print the two tables."""
    logging.disable(logging.WARNING)
    encoder = load_encoder()
    if isinstance(encoder, EncoderUnavailable):
        print(f"the encoder cannot load: {encoder.reason}", file=sys.stderr)
        return 2
    sets = {name: load_labelled_set(path) for name, path in SETS.items()}
    vectors: dict[str, npt.NDArray[np.float32]] = {}
    for labelled in sets.values():
        for board in labelled.boards:
            encoded = encoder.encode([p.text for p in board.posts])
            vectors.update(
                zip((p.id for p in board.posts), np.asarray(encoded, dtype=np.float32), strict=True)
            )
    # The plain method: the shipped projection switched off for this measure only.
    os.environ[SWITCH] = "0"
    plain = {name: board_aris(labelled, vectors) for name, labelled in sets.items()}
    del os.environ[SWITCH]
    header = "| measured | boards | mean ARI, plain | mean ARI, projection | difference | boards better |\n|---|---|---|---|---|---|"
    print("Leave one set out\n" + header)
    for name, labelled in sets.items():
        others = [b for other, s in sets.items() if other != name for b in s.boards]
        projection = learn_projection(training(others, vectors))
        print(line(name, plain[name], board_aris(labelled, projected(vectors, projection))))
    print(
        "\nLeave one topic out (per set, every board measured by a projection that never saw its table)\n"
        + header
    )
    every = [(name, board) for name, labelled in sets.items() for board in labelled.boards]
    learned: dict[str, dict[str, float]] = {name: {} for name in sets}
    for subject in sorted({topic(board) for _, board in every}):
        projection = learn_projection(
            training([b for _, b in every if topic(b) != subject], vectors)
        )
        through = projected(vectors, projection)
        for name, labelled in sets.items():
            mine = tuple(b for b in labelled.boards if topic(b) == subject)
            if mine:
                part = dataclasses.replace(labelled, boards=mine)
                learned[name].update(
                    zip((b.id for b in mine), board_aris(part, through), strict=True)
                )
    for name, labelled in sets.items():
        ordered = np.array([learned[name][b.id] for b in labelled.boards])
        print(line(name, plain[name], ordered))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
