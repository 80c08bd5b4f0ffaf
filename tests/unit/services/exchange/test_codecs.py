"""Cell codecs and text escaping: any text and value survives a cell."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator_app.domain.model import Pause
from facilitator_app.services.exchange.codecs import (
    BOOL,
    INT,
    INT_LIST,
    OPTIONAL_INT,
    OPTIONAL_TEXT,
    PAUSES,
    TEXT,
    TEXT_LIST,
    ZONE_COUNTS,
    CellCodec,
    escape_text,
    unescape_text,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=60))
def test_escaping_is_reversible_for_any_text(text: str) -> None:
    escaped = escape_text(text)
    assert unescape_text(escaped) == text
    assert re.search(r"[\x00-\x08\x0b-\x1f\ufffe\uffff]", escaped) is None


@pytest.mark.parametrize(
    ("codec", "raw", "expected"),
    [
        (INT, 3.0, 3),
        (INT, " 12 ", 12),
        (OPTIONAL_INT, "", None),
        (TEXT, 7, "7"),
        (TEXT, "a_x000D_b", "a\rb"),
        (OPTIONAL_TEXT, None, None),
        (INT_LIST, "1; 9;", (1, 9)),
        (TEXT_LIST, "2.1; 3", ("2.1", "3")),
        (BOOL, "Sì", True),
        (ZONE_COUNTS, '{"1": 3}', {1: 3}),
        (PAUSES, '[["09:00", null]]', (Pause("09:00", None),)),
    ],
)
def test_cells_are_read_back_into_field_values(
    codec: CellCodec, raw: object, expected: Any
) -> None:
    assert codec.decode(raw) == expected


@pytest.mark.parametrize(
    ("codec", "raw"),
    [
        (INT, True),
        (INT, 2.5),
        (INT, None),
        (TEXT, 1.5),
        (BOOL, "forse"),
        (ZONE_COUNTS, "[1]"),
        (PAUSES, '[["09:00"]]'),
        (ZONE_COUNTS, "{non json"),
    ],
)
def test_a_cell_of_the_wrong_type_is_refused(codec: CellCodec, raw: object) -> None:
    with pytest.raises(ValueError):
        codec.decode(raw)
