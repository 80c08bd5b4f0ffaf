from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator_app.domain import rules
from facilitator_app.domain.vocab import (
    ContributionKind,
    StakeholderCategory,
    parse_category,
    parse_kind,
)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Criticità", ContributionKind.CRITICITA),
        ("criticita", ContributionKind.CRITICITA),
        ("LEZIONE APPRESA", ContributionKind.LEZIONE_APPRESA),
        ("buona_pratica", ContributionKind.BUONA_PRATICA),
        ("p", ContributionKind.PROPOSTA),
        (" Esigenza ", ContributionKind.ESIGENZA),
    ],
)
def test_kinds_are_read_leniently(text: str, kind: ContributionKind) -> None:
    assert parse_kind(text) is kind


def test_unknown_kind_lists_the_accepted_ones() -> None:
    with pytest.raises(ValueError, match="Lezione appresa, Criticità"):
        parse_kind("lamentela")


def test_categories() -> None:
    assert parse_category("Terzo settore e associazioni") is StakeholderCategory.TERZO_SETTORE
    with pytest.raises(ValueError):
        parse_category("giornalisti")


def test_sessions_one_and_two_exist() -> None:
    assert [rules.check_session(n) for n in (1, 2)] == [1, 2]


@given(st.integers().filter(lambda n: n not in (1, 2)))
def test_no_other_session_exists(number: int) -> None:
    with pytest.raises(ValueError):
        rules.check_session(number)


@given(st.text())
def test_check_text_never_returns_blank_or_oversized(text: str) -> None:
    try:
        cleaned = rules.check_text(text)
    except ValueError:
        return
    assert cleaned.strip() and len(cleaned) <= rules.MAX_TEXT_CHARS and "\x00" not in cleaned


@pytest.mark.parametrize("code", ["1", "2.1", "6.2.6", "2.3.15"])
def test_good_card_codes(code: str) -> None:
    assert rules.check_card_code(code) == code


@pytest.mark.parametrize("code", ["7", "2.", "2.0", "a.1", "2.1.1.1", ""])
def test_bad_card_codes(code: str) -> None:
    with pytest.raises(ValueError):
        rules.check_card_code(code)


def test_counts_warning_only_when_breakdown_exceeds_presence() -> None:
    assert rules.counts_warning(10, {"a": 4, "b": 6}, "categorie") is None
    assert rules.counts_warning(None, {"a": 40}, "categorie") is None
    warning = rules.counts_warning(10, {"a": 5, "b": 6}, "categorie")
    assert warning is not None and "11" in warning and "10" in warning


def test_split_list_accepts_common_separators() -> None:
    assert rules.split_list("2.1; 2.1.3,6.1|x\n y") == ["2.1", "2.1.3", "6.1", "x", "y"]
