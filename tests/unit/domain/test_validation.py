"""The record rules cover every field of every record kind: a new field cannot go unchecked."""

from __future__ import annotations

import dataclasses

import pytest

from facilitator_app.domain.validation import RULES


@pytest.mark.parametrize("kind", list(RULES), ids=lambda kind: kind.__name__)
def test_every_field_of_a_record_has_a_rule(kind: type) -> None:
    fields = {field.name for field in dataclasses.fields(kind)}
    ruled = {name for name, _check in RULES[kind]}
    assert fields - ruled == set(), f"{kind.__name__}: fields without a rule"
    assert ruled - fields == set(), f"{kind.__name__}: rules for no field"
