"""A refused tag of a capture line says which tag and what the event accepts, as data."""

from __future__ import annotations

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import StrategyCard, Table
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.services.capture.board import CaptureService
from facilitator_app.services.capture.tags import (
    TagField,
    TagProblem,
    TagRefusedError,
    parse_tags,
    tag_problem,
)
from facilitator_app.storage.database import EventStore


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("Treni @9.9", TagProblem("@9.9", TagField.CARD, "1.1", "6.2")),
        # 2.9 lies inside the range: the event's cards of axis 2 say what it has instead.
        ("Treni @2.9", TagProblem("@2.9", TagField.CARD, "1.1", "6.2", ("2.1", "2.10"))),
        ("Treni @due", TagProblem("@due", TagField.CARD, "1.1", "6.2")),
        ("Treni #z42", TagProblem("#z42", TagField.ZONE, "1", "11")),
        ("Treni #zona0", TagProblem("#zona0", TagField.ZONE, "1", "11")),
        ("Treni #a9 #z42", TagProblem("#a9", TagField.AXIS, "1", "6")),
    ],
)
def test_the_first_refused_tag_and_the_accepted_range(line: str, problem: TagProblem) -> None:
    cards = ["6.2", "2.1", "1.1", "2.10"]  # the range follows the cards given, in code order
    assert tag_problem(line, cards) == problem
    with pytest.raises(TagRefusedError) as refused:
        parse_tags(line, cards)
    assert refused.value.problem == problem
    assert problem.token in str(refused.value)


def test_good_tags_have_no_problem_and_an_event_without_cards_accepts_none() -> None:
    assert tag_problem("Treni @2.10 #z4 #a3 #P", ["2.10"]) is None
    assert tag_problem("Treni #hashtag") is None
    assert tag_problem("Treni @2.1", []) == TagProblem("@2.1", TagField.CARD, "", "")
    assert tag_problem("Treni @2.1") is None  # no card set given: any well-formed code


def test_capture_refuses_the_line_with_the_event_cards_range(
    store: EventStore, clock: FixedClock, table: Table
) -> None:
    codes = sorted((card.code for card in store.all(StrategyCard)), key=card_sort_key)
    service = CaptureService(store, clock, codes)
    problem = service.tag_problem("Treni @9.9")
    assert problem == TagProblem("@9.9", TagField.CARD, codes[0], codes[-1])
    before = len(store.contributions(table.id, 1))
    with pytest.raises(TagRefusedError):
        service.capture(table.id, 1, "Treni @9.9")
    assert len(store.contributions(table.id, 1)) == before
    assert service.tag_problem("Treni @" + codes[0]) is None
