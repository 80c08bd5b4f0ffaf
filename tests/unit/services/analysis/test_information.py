"""Adjusted mutual information: hand-computed cases, the exact expectation, its properties."""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter

import pytest

from facilitator_app.services.analysis.quality import (
    adjusted_mutual_information,
    expected_mutual_information,
    mutual_information,
)


def test_identical_partitions_score_one_whatever_their_names() -> None:
    assert adjusted_mutual_information([0, 0, 1, 1, 2], ["a", "a", "b", "b", "c"]) == 1.0
    assert adjusted_mutual_information([1, 1, 1], [7, 7, 7]) == 1.0
    assert adjusted_mutual_information([1, 2, 3], [4, 5, 6]) == 1.0


def test_crossed_halves_by_hand() -> None:
    # N=4, sizes (2, 2) x (2, 2), every cell 1: MI = 0. E[MI]: each of the 4 cells holds
    # 2 with probability 1/6, contributing 2/4 * log(4*2/(2*2)) = log(2)/2: E = log(2)/3.
    # H = log 2 on both sides, so AMI = (0 - log2/3) / (log2 - log2/3) = -1/2.
    assert mutual_information([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.0)
    assert expected_mutual_information([2, 2], [2, 2]) == pytest.approx(math.log(2) / 3)
    assert adjusted_mutual_information([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)


def test_mutual_information_by_hand() -> None:
    # [0,0,1,1] vs [0,0,0,1]: cells (0,0)=2, (1,0)=1, (1,1)=1.
    expected = (
        2 / 4 * math.log(4 * 2 / (2 * 3))
        + 1 / 4 * math.log(4 / (2 * 3))
        + 1 / 4 * math.log(4 / (2 * 1))
    )
    assert mutual_information([0, 0, 1, 1], [0, 0, 0, 1]) == pytest.approx(expected)


def test_expected_mutual_information_is_the_mean_over_every_assignment() -> None:
    truth = [0, 0, 0, 1, 1, 2]
    predicted = [0, 0, 1, 1, 2, 2]
    values = [
        mutual_information(truth, [predicted[i] for i in order])
        for order in itertools.permutations(range(len(predicted)))
    ]
    exact = expected_mutual_information(
        list(Counter(truth).values()), list(Counter(predicted).values())
    )
    assert exact == pytest.approx(sum(values) / len(values), abs=1e-12)


def test_symmetric_and_near_zero_for_random_labels() -> None:
    chooser = random.Random(17)
    scores = []
    for _ in range(60):
        a = [chooser.randrange(5) for _ in range(40)]
        b = [chooser.randrange(4) for _ in range(40)]
        assert adjusted_mutual_information(a, b) == pytest.approx(adjusted_mutual_information(b, a))
        scores.append(adjusted_mutual_information(a, b))
    assert abs(sum(scores) / len(scores)) < 0.02
    assert max(scores) < 0.3


def test_better_agreement_scores_higher() -> None:
    truth = [0] * 5 + [1] * 5 + [2] * 5
    one_moved = [0] * 4 + [1] * 6 + [2] * 5
    scrambled = [0, 1, 2] * 5
    assert 1.0 > adjusted_mutual_information(truth, one_moved) > 0.5
    assert adjusted_mutual_information(truth, scrambled) < 0.1


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError):
        adjusted_mutual_information([1, 2], [1])
