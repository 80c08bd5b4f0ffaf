"""The services' translations: one catalogue, dates in two languages, errors with params."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from facilitator_app.domain.errors import NotFoundError, StorageError, refuse
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.common.dates import long_date
from facilitator_app.services.common.files import atomic_write
from facilitator_app.services.common.texts import Texts


def test_english_comes_from_the_interface_catalogue_and_italian_is_the_source() -> None:
    english, italian = Texts("en"), Texts("it")
    assert english.translate("Vocab", ContributionKind.CRITICITA.label) == "Critical issue"
    assert italian.translate("Vocab", "Criticità") == "Criticità"
    assert english.translate("Vocab", "una frase che nessuno ha tradotto") == (
        "una frase che nessuno ha tradotto"
    )
    with pytest.raises(ValueError, match="lingua"):
        Texts("fr")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("it", "venerdì 10 novembre 2023"), ("en", "Friday 10 November 2023")],
)
def test_dates_in_words(language: str, expected: str) -> None:
    assert long_date("2023-11-10", language, weekday=True) == expected
    assert long_date(dt.date(2023, 11, 10), language) == expected.split(" ", 1)[1]
    assert long_date("2023-12-01", "it") == "1º dicembre 2023"
    assert long_date("2023-12-01", "en") == "1 December 2023"


def test_an_error_is_italian_as_text_and_english_when_translated() -> None:
    error = NotFoundError("sessione {session} inesistente", session="s-9")
    assert str(error) == "sessione s-9 inesistente"
    assert error.translated(Texts("en").translate) == "session s-9 does not exist"
    assert error.translated() == str(error)
    legacy = NotFoundError("un messaggio già composto {senza parametri}")
    assert legacy.translated(Texts("en").translate) == "un messaggio già composto {senza parametri}"


def test_a_refused_file_says_where_in_the_chosen_language() -> None:
    error = refuse("tavoli.xlsx", "file rifiutato", row=4, sheet="Post-it")
    assert str(error) == "tavoli.xlsx, foglio «Post-it», riga 4: file rifiutato"
    assert error.translated(Texts("en").translate) == (
        "tavoli.xlsx, sheet “Post-it”, row 4: file refused"
    )


def test_a_failed_write_is_a_translatable_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StorageError) as caught:
        atomic_write(blocker / "out.txt", b"data")
    assert str(caught.value).startswith(f"Impossibile scrivere {blocker / 'out.txt'}: ")
    assert caught.value.translated(Texts("en").translate).startswith("Cannot write ")
