"""Rebuild resources/models/theme_projection.npz from the labelled development sets.

Usage (from the repository root)::

    .venv/bin/python scripts/learn_theme_projection.py [--out FILE] [SET.json ...]

Without sets it learns from the three development sets (benchmarks/data/themes_dev.json,
tests/data/themes_heldout.json, tests/data/themes_heldout2.json). The sets kept for the final
measurements (tests/data/themes_heldout3.json and themes_heldout4.json) are refused: a
projection learned from one would make its figures meaningless. See facilitator_app/services/analysis/theme_projection.py and
docs/THEMES.md "Learned projection".
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from facilitator_app.services.analysis.encoder import USE_MODEL_ID, EncoderUnavailable, load_encoder
from facilitator_app.services.analysis.labelled_sets import load_labelled_set
from facilitator_app.services.analysis.theme_projection import (
    PROJECTION_FILE,
    LabelledBoardVectors,
    learn_projection,
    save_projection,
)

ROOT = Path(__file__).resolve().parent.parent
DEVELOPMENT_SETS = (
    ROOT / "benchmarks/data/themes_dev.json",
    ROOT / "tests/data/themes_heldout.json",
    ROOT / "tests/data/themes_heldout2.json",
)
# The final measurements: a projection learned from one would make its figure meaningless.
FINAL_MEASURES = ("themes_heldout3.json", "themes_heldout4.json")


def main(argv: list[str] | None = None) -> int:
    """Learn the projection and write it; 0 on success, 2 on a refused set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, default=list(DEVELOPMENT_SETS))
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / PROJECTION_FILE)
    args = parser.parse_args(argv)
    for path in args.sets:
        if path.name in FINAL_MEASURES:
            print(f"{path.name} is a final measurement: never learn from it", file=sys.stderr)
            return 2
    encoder = load_encoder()
    if isinstance(encoder, EncoderUnavailable):
        print(f"the encoder cannot load: {encoder.reason}", file=sys.stderr)
        return 2
    boards: list[LabelledBoardVectors] = []
    names: list[str] = []
    for path in args.sets:
        labelled = load_labelled_set(path)
        names.append(labelled.name)
        for board in labelled.boards:
            vectors = encoder.encode([post.text for post in board.posts])
            themes = tuple(post.theme for post in board.posts)
            boards.append(LabelledBoardVectors(np.asarray(vectors, dtype=np.float32), themes))
    projection = learn_projection(boards)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_projection(args.out, projection, model_id=USE_MODEL_ID, sets=names)
    print(f"{args.out}: {projection.shape[0]} x {projection.shape[1]} from {len(boards)} boards")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
