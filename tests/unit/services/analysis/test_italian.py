from __future__ import annotations

import pytest

from facilitator_app.services.analysis.italian import (
    MAX_WORD,
    card_features,
    fold,
    is_stop_word,
    stem,
    tag_tokens,
    tokens,
    word_tokens,
)


def features(
    text: str,
    cards: tuple[str, ...] = (),
    zones: tuple[int, ...] = (),
    links: tuple[int, ...] = (),
) -> list[str]:
    return [t.feature for t in tokens(text, cards, zones, links)]


def test_fold_removes_accents_and_case() -> None:
    assert fold("Città PIÙ Attività perché") == "citta piu attivita perche"


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (("mobilità", "mobile", "mobilita"), "mobil"),
        (("città", "citta"), "citt"),
        (("trasporti", "trasporto"), "trasport"),
        (("scuola", "scuole"), "scuol"),
        (("medico", "medici"), "medic"),
        (("coordinamento", "coordinare"), "coordin"),
        (("demografico", "demografica", "demografia"), "demograf"),
        (("digitale", "digitali"), "digital"),
        (("giovani",), "giovan"),
    ],
)
def test_stemmer_conflates_inflections(words: tuple[str, ...], expected: str) -> None:
    assert {stem(w) for w in words} == {expected}


@pytest.mark.parametrize(
    "spellings",
    [
        ("Città", "CITTÀ", "città", "citta"),  # case and a missing accent
        ("perché", "perchè", "perche"),  # acute, grave or no accent
        ("Università", "universita"),
    ],
)
def test_stems_ignore_case_and_accents(spellings: tuple[str, ...]) -> None:
    stems = {stem(w) for w in spellings}
    assert len(stems) == 1
    [only] = stems
    assert only == fold(only)  # plain ASCII, lower case


def test_stems_are_snowball_italian_folded() -> None:
    import snowballstemmer

    snowball = snowballstemmer.stemmer("italian")
    for word in ("accessibilità", "valorizzazione", "coordinamento", "giovanili"):
        assert stem(word) == fold(snowball.stemWord(word))
    assert stem("accessibilità") == "accessibil"


def test_apostrophes_split_articles_from_words() -> None:
    found = word_tokens("L'accessibilità dell\u2019università e l'ambiente")
    assert [t.feature for t in found] == ["accessibil", "univers", "ambient"]
    assert [t.surface for t in found] == ["accessibilità", "università", "ambiente"]


def test_stemmer_keeps_different_words_apart() -> None:
    assert stem("digitalizzazione") == "digitalizz"
    assert stem("digitalizzazione") != stem("digitale")  # only the ~prefix feature joins them
    assert stem("scuola") != stem("scuro")
    assert stem("PA") == "pa"  # two letters: untouched


def test_stop_words_and_short_words_are_dropped() -> None:
    assert word_tokens("Il e la di per con che non è più") == []
    assert is_stop_word("Più")
    assert not is_stop_word("trasporti")


def test_card_codes_in_tags_and_text_become_features_with_their_strategy() -> None:
    found = features("Azione 6.2.4: qualità delle mense", cards=("6.1.2",))
    assert {"scheda:6.1.2", "scheda:6.1", "scheda:6.2.4", "scheda:6.2"} <= set(found)
    assert "azion" not in found  # "azione 6.2.4" says nothing more than the tag
    assert card_features("3.1") == ["scheda:3.1"]


def test_numbers_that_are_not_cards_are_ignored() -> None:
    found = features("Alle 10.30, 150 rifugi su 223; PSM 2021-2023 e fascia 0-6")
    assert not [f for f in found if f.startswith("scheda:")]


def test_zones_and_axes_from_tags_and_text() -> None:
    found = features(
        "Critico per le Zone 8 e 9, tema trasversale con l'Asse 6", zones=(5,), links=(3,)
    )
    assert {"zona:5", "zona:8", "zona:9", "asse:3", "asse:6"} <= set(found)
    surfaces = {t.feature: t.surface for t in tag_tokens("", zones=(5,))}
    assert surfaces == {"zona:5": "zona 5"}


def test_named_phrases_meet_their_acronyms() -> None:
    written = set(features("Potenziare il trasporto pubblico nelle valli"))
    acronym = set(features("Potenziare il TPL nelle valli"))
    assert "tpl" in written and "tpl" in acronym
    assert {"trasport", "pubblic"} <= written  # the phrase keeps its own words too
    assert "cmt" in features("La Città metropolitana di Torino coordini")


def test_acronyms_are_kept_whole_but_shouting_is_not_an_acronym() -> None:
    assert [t.surface for t in word_tokens("I C.I.S.A. e la PA")] == ["CISA", "PA"]
    shouted = word_tokens("SERVONO PIÙ AUTOBUS E TPL")
    assert [t.feature for t in shouted] == ["autobus", "tpl"]


def test_a_very_long_word_is_cut() -> None:
    [token] = word_tokens("x" * 1000)
    assert len(token.surface) == MAX_WORD
