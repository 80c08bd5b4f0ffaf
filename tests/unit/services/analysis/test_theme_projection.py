"""The learned theme projection: learning, the shipped file, damaged files, its use in suggest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis import theme_projection
from facilitator_app.services.analysis.encoder import USE_MODEL_ID, EncoderUnavailable, load_encoder
from facilitator_app.services.analysis.labelled_sets import load_labelled_set
from facilitator_app.services.analysis.quality import adjusted_rand_index
from facilitator_app.services.analysis.suggest import suggest
from facilitator_app.services.analysis.theme_projection import (
    LabelledBoardVectors,
    learn_projection,
    read_projection,
    save_projection,
    shipped_projection,
    shipped_training_sets,
)
from scripts import learn_theme_projection
from tests.helpers.analysis_posts import post
from tests.helpers.cli import run

pytestmark = pytest.mark.theme_projection

ROOT = Path(__file__).resolve().parents[4]
DIMENSIONS = 512
STYLES = 3


def styled_board(
    generator: np.random.Generator, topics: int, per_topic: int
) -> tuple[npt.NDArray[np.float32], tuple[str, ...]]:
    """Post-it vectors where the way of saying (one of three shared styles) outweighs the topic.

    The style directions are the same on every board (like "a complaint" and "a proposal");
    each board has topics of its own.
    """
    styles = np.random.default_rng(99).standard_normal((STYLES, DIMENSIONS))
    directions = generator.standard_normal((topics, DIMENSIONS))
    rows, labels = [], []
    for topic in range(topics):
        for k in range(per_topic):
            vector = (
                0.6 * directions[topic] / np.linalg.norm(directions[topic])
                + 1.0 * styles[k % STYLES] / np.linalg.norm(styles[k % STYLES])
                + 0.15 * generator.standard_normal(DIMENSIONS) / np.sqrt(DIMENSIONS)
            )
            rows.append(vector / np.linalg.norm(vector))
            labels.append(f"t{topic}")
    return np.asarray(rows, dtype=np.float32), tuple(labels)


@pytest.fixture
def projection_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the shipped projection at a file of the test's own."""
    path = tmp_path / "models" / "theme_projection.npz"
    path.parent.mkdir()
    monkeypatch.setattr(theme_projection, "resource_path", lambda name: tmp_path / name)
    theme_projection._read_shipped.cache_clear()
    yield path
    theme_projection._read_shipped.cache_clear()


def suggested_labels(posts: list[Contribution], vectors: npt.NDArray[np.float32]) -> list[str]:
    result = suggest(posts, vectors={p.id: v for p, v in zip(posts, vectors, strict=True)})
    found = {cid: f"g{i}" for i, g in enumerate(result.groups) for cid in g.contribution_ids}
    return [found.get(p.id, p.id) for p in posts]


def test_a_learned_projection_groups_by_topic_where_the_way_of_saying_misleads(
    projection_file: Path,
) -> None:
    generator = np.random.default_rng(5)
    training = [LabelledBoardVectors(*styled_board(generator, 5, 6)) for _ in range(12)]
    vectors, topics = styled_board(generator, 5, 6)  # a board with topics never seen
    posts = [post(f"post-it {k}", k, kind=None) for k in range(len(topics))]

    plain = adjusted_rand_index(list(topics), suggested_labels(posts, vectors))
    save_projection(
        projection_file, learn_projection(training), model_id=USE_MODEL_ID, sets=["synthetic"]
    )
    theme_projection._read_shipped.cache_clear()  # read once per process: a new file here
    projected = adjusted_rand_index(list(topics), suggested_labels(posts, vectors))

    assert plain < 0.3  # the plain vectors group by style
    assert projected > 0.8  # the projection finds the topics


def test_the_shipped_projection_is_sound_and_never_learned_from_the_final_set() -> None:
    projection = shipped_projection(USE_MODEL_ID, DIMENSIONS)
    assert projection is not None
    assert projection.shape == (DIMENSIONS, theme_projection.DIRECTIONS)
    assert bool(np.isfinite(projection).all())
    assert shipped_training_sets() == {"themes_dev", "themes_heldout", "themes_heldout2"}
    assert shipped_projection("another-model", DIMENSIONS) is None
    assert shipped_projection(USE_MODEL_ID, 384) is None


def test_the_shipped_projection_is_what_the_script_learns_from_the_development_sets() -> None:
    encoder = load_encoder()
    if isinstance(encoder, EncoderUnavailable):
        pytest.fail(f"the encoder must load in the tests: {encoder.reason}")
    boards = []
    for path in learn_theme_projection.DEVELOPMENT_SETS:
        for board in load_labelled_set(path).boards:
            vectors = np.asarray(encoder.encode([p.text for p in board.posts]), dtype=np.float32)
            boards.append(LabelledBoardVectors(vectors, tuple(p.theme for p in board.posts)))
    learned = learn_projection(boards)
    shipped = shipped_projection(USE_MODEL_ID, DIMENSIONS)
    assert shipped is not None
    # Eigenvectors may flip sign from one BLAS to another; the metric they make may not.
    expected = learned.astype(np.float64) @ learned.T
    found = shipped.astype(np.float64) @ shipped.T
    assert np.abs(found - expected).max() <= 1e-3 * np.abs(expected).max()


@pytest.mark.parametrize("name", ["themes_heldout3.json", "themes_heldout4.json"])
def test_the_script_refuses_to_learn_from_the_final_sets(tmp_path: Path, name: str) -> None:
    out = tmp_path / "p.npz"
    final = ROOT / "tests" / "data" / name
    assert learn_theme_projection.main([str(final), "--out", str(out)]) == 2
    assert not out.exists()


def _write_garbage(path: Path) -> None:
    path.write_bytes(b"not an npz at all")


def _write_nan(path: Path) -> None:
    bad = np.full((DIMENSIONS, 8), np.nan, dtype=np.float32)
    save_projection(path, bad, model_id=USE_MODEL_ID, sets=["x"])


def _write_wrong_shape(path: Path) -> None:
    save_projection(path, np.ones((100, 8), np.float32), model_id=USE_MODEL_ID, sets=["x"])


def _write_other_model(path: Path) -> None:
    save_projection(path, np.ones((DIMENSIONS, 8), np.float32), model_id="other", sets=["x"])


def _write_pickle(path: Path) -> None:
    with path.open("wb") as handle:
        np.savez(handle, projection=np.array([{"evil": 1}], dtype=object), model_id=USE_MODEL_ID)


@pytest.mark.parametrize(
    "damage", [_write_garbage, _write_nan, _write_wrong_shape, _write_other_model, _write_pickle]
)
def test_a_damaged_or_foreign_projection_is_ignored_and_suggestions_still_work(
    projection_file: Path, damage: object, caplog: pytest.LogCaptureFixture
) -> None:
    assert callable(damage)
    damage(projection_file)
    assert read_projection(projection_file, model_id=USE_MODEL_ID, dimensions=DIMENSIONS) is None
    generator = np.random.default_rng(3)
    vectors, topics = styled_board(generator, 3, 4)
    posts = [post(f"post-it {k}", k, kind=None) for k in range(len(topics))]
    result = suggest(posts, vectors={p.id: v for p, v in zip(posts, vectors, strict=True)})
    placed = [cid for g in result.groups for cid in g.contribution_ids] + list(result.ungrouped)
    assert sorted(placed) == sorted(p.id for p in posts)
    assert "Proiezione dei temi" in caplog.text


def test_evaluate_warns_on_a_set_the_projection_learned_from(tmp_path: Path) -> None:
    dev = ROOT / "benchmarks" / "data" / "themes_dev.json"
    code, text = run("themes", "evaluate", "--set", str(dev))
    assert code == 0
    assert "la proiezione dei temi è stata appresa da questo insieme" in text

    labelled = json.loads(dev.read_text(encoding="utf-8"))
    labelled["name"] = "una_serie_nuova"
    labelled["boards"] = labelled["boards"][:2]
    fresh = tmp_path / "nuova.json"
    fresh.write_text(json.dumps(labelled, ensure_ascii=False), encoding="utf-8")
    code, text = run("themes", "evaluate", "--set", str(fresh), "--json")
    assert code == 0
    assert json.loads(text)["projection_learned_from_this_set"] is False
