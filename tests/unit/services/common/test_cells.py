"""The cell rules shared by every writer and reader: integers, sheet names, file names."""

from __future__ import annotations

import pytest

from facilitator_app.services.common.cells import (
    FORMULA_PREFIXES,
    from_csv_text,
    parse_integer,
    sheet_title,
    shown_name,
    to_csv_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"), [(2, 2), (2.0, 2), ("2", 2), (" 2.0 ", 2), ("-3", -3), ("+4", 4)]
)
def test_whole_numbers_are_read(raw: object, expected: int) -> None:
    assert parse_integer(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        2.9,
        "2.9",
        float("inf"),
        float("-inf"),
        float("nan"),
        "inf",
        "nan",
        "1e400",
        "1E+20",
        10**20,
        1e20,
        "100000000000000000000",
        "9" * 5000,
        True,
        None,
        "",
        "due",
        [1],
    ],
)
def test_anything_else_is_a_value_error_never_an_overflow(raw: object) -> None:
    with pytest.raises(ValueError):
        parse_integer(raw)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Contributi", "Contributi"),
        ("=cmd|' /C calc'!A0", "cmd|' C calc'!A0"),
        ("[a]:b*c?d/e\\f", "abcdef"),
        ("x" * 40, "x" * 31),
        ("'citato'", "citato"),
        ("\uff1d+-@", "Foglio"),
        ("", "Foglio"),
    ],
)
def test_sheet_names_are_ones_excel_accepts(name: str, expected: str) -> None:
    title = sheet_title(name)
    assert title == expected
    assert not title.startswith(FORMULA_PREFIXES) and len(title) <= 31


@pytest.mark.parametrize("text", ["=1+1", "'=1+1", "''+2", "ciao", "'ciao", "\uff1dA1", ""])
def test_csv_text_round_trips_and_never_starts_like_a_formula(text: str) -> None:
    written = to_csv_text(text)
    assert isinstance(written, str) and not written.startswith(FORMULA_PREFIXES)
    assert from_csv_text(written) == text


def test_a_name_that_is_not_utf8_is_shown_with_replacement_characters() -> None:
    assert shown_name("/tmp/sede-\udcff.xlsx") == "sede-\ufffd.xlsx"
    assert shown_name("sede.xlsx") == "sede.xlsx"
