"""Values inside messages: words of the interface translate with the message, user data never."""

from __future__ import annotations

from facilitator_app.domain.errors import FacilitatorError, Problem, refuse
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP, Message, joined, term
from facilitator_app.services.common.texts import Texts

ENGLISH = Texts("en").translate
TOO_LONG = QT_TRANSLATE_NOOP("Errors", "{what} troppo lungo: {length} caratteri (massimo {limit})")


def test_a_term_is_translated_with_its_message_and_the_users_data_is_not() -> None:
    said = FacilitatorError(TOO_LONG, what=term("premessa"), length=9, limit=8)
    assert str(said) == "premessa troppo lungo: 9 caratteri (massimo 8)"
    english = said.translated(ENGLISH)
    assert english.startswith("introduction ") and "premessa" not in english
    # The same word typed by a person (a table called "premessa") stays as it is.
    data = FacilitatorError(TOO_LONG, what="premessa", length=9, limit=8)
    assert data.translated(ENGLISH).startswith("premessa ")


def test_a_message_inside_a_message_is_translated_and_reads_as_italian_text() -> None:
    cause = Message(QT_TRANSLATE_NOOP("Errors", "il disco è pieno"))
    assert cause == "il disco è pieno" and f"{cause}" == "il disco è pieno"
    said = FacilitatorError(
        QT_TRANSLATE_NOOP("Errors", "Impossibile scrivere {target}: {why}."),
        target="/media/chiavetta/tavolo.pdf",
        why=cause,
    )
    assert said.translated(ENGLISH) == "Cannot write /media/chiavetta/tavolo.pdf: the disk is full."


def test_a_problem_whose_message_is_a_rules_message_translates_it() -> None:
    rule = Message(QT_TRANSLATE_NOOP("Errors", "data {value} nel futuro"), value="2999-01-01")
    problem = Problem("tavolo.xlsx", rule, row=3)
    assert str(problem) == "tavolo.xlsx, riga 3: data 2999-01-01 nel futuro"
    assert "nel futuro" not in problem.translated(ENGLISH)
    assert "2999-01-01" in problem.translated(ENGLISH)


def test_joined_messages_are_each_translated() -> None:
    both = joined([Message(QT_TRANSLATE_NOOP("Errors", "valore mancante")), "zzz"])
    assert both == "valore mancante; zzz"
    error = refuse("f.sqlite", "{problems}", problems=both)
    assert error.translated(ENGLISH) == f"f.sqlite: {ENGLISH('Errors', 'valore mancante')}; zzz"
    assert ENGLISH("Errors", "valore mancante") != "valore mancante"
