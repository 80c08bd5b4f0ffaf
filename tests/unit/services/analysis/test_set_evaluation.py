"""Scoring suggested cross-cutting themes against labels: agreement and its chance."""

from __future__ import annotations

import pytest

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.crosscutting_model import CrossCuttingTheme
from facilitator_app.services.analysis.set_evaluation import crosscutting_score
from tests.helpers.analysis_posts import post


def theme(*ids: str) -> CrossCuttingTheme:
    return CrossCuttingTheme(
        title="t", keywords=(), tables=(), zones=(), origins=(), contribution_ids=ids, score=0.0
    )


def board_posts(tables: int, each: int) -> list[Contribution]:
    return [
        post(f"testo {t}-{i}", t * each + i, table=f"t{t}", kind=None)
        for t in range(tables)
        for i in range(each)
    ]


@pytest.mark.parametrize(
    ("labels", "right"),
    [
        (["Casa", "Casa", "Bus"], 2),  # a strict majority: its post-its are right
        (["Casa", "Bus"], 0),  # two concerns, equally many: no agreement
        (["Casa", None], 0),  # a concern and an unlabelled post-it: no agreement
        (["Casa", "Bus", "Scuola"], 0),  # three concerns: none is the theme's
        ([None, None, "Casa"], 0),  # mostly unlabelled
    ],
)
def test_a_theme_is_right_only_by_a_strict_majority(labels: list[str | None], right: int) -> None:
    posts = board_posts(len(labels), 1)
    label = {p.id: value for p, value in zip(posts, labels, strict=True)}
    score = crosscutting_score([theme(*label)], label, posts)
    assert score.correct == right and score.placed == len(labels)


def test_chance_is_the_same_themes_with_random_post_its_of_their_own_tables() -> None:
    # Three tables of ten post-its; at each table four speak of "Casa". A theme of one
    # post-it per table agrees by chance when at least two of three draws are "Casa".
    posts = board_posts(3, 10)
    label: dict[str, str | None] = {
        p.id: ("Casa" if int(p.id.removeprefix("p")) % 10 < 4 else None) for p in posts
    }
    casa = [p.id for p in posts if label[p.id] == "Casa"]
    found = [theme(casa[0], casa[4], casa[8])]
    score = crosscutting_score(found, label, posts)
    assert score.precision == 1.0
    # P(2 of 3 Casa) * 2/3 + P(3 of 3) * 1, with p = 0.4 at each table.
    expected = 3 * 0.4**2 * 0.6 * (2 / 3) + 0.4**3
    assert score.chance == pytest.approx(expected, abs=0.02)
    assert crosscutting_score(list(reversed(found)), label, posts).chance == score.chance
