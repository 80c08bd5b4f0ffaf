"""Titles a person would write: a phrase of the group's own post-its, not a list of stems."""

from __future__ import annotations

import re

import pytest

from facilitator_app.services.analysis.suggest import suggest
from facilitator_app.services.analysis.titles import MAX_TITLE, phrase_title
from tests.helpers.analysis_posts import post
from tests.helpers.meaning_vectors import topic_vectors

BOARD = {
    "serale": (
        "Secondo me bisognerebbe avere almeno un pullman la sera per tornare in valle, "
        "adesso dopo le 19 non passa niente",
        "CORSE SERALI INESISTENTI!!! i ragazzi restano a piedi",
        "la sera da Pinerolo verso le valli non c'è più nessun mezzo pubblico",
    ),
    "ciclabili": (
        "Piste ciclabili sicure fino alla stazione; oggi si rischia la vita in bici",
        "bisogna collegare i tratti di ciclovia che si interrompono nel nulla",
        "Rastrelliere coperte per le bici alle fermate del bus",
    ),
    "chiamata": (
        "Bus a chiamata per le frazioni isolate, prenotabile anche al telefono",
        "servizio su prenotazione per gli anziani che non guidano più",
        "Navette a chiamata nelle zone di montagna dove le linee non arrivano",
    ),
}


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s']", " ", text.casefold()).split())


def test_titles_are_short_phrases_taken_from_the_groups_post_its() -> None:
    posts, topics = [], []
    for topic, texts in BOARD.items():
        for text in texts:
            posts.append(post(text, len(posts), kind=None))
            topics.append(topic)
    result = suggest(posts, vectors=topic_vectors(posts, topics))
    assert len(result.groups) == 3
    texts = {p.id: p.text for p in posts}
    for group in result.groups:
        title = group.title
        assert 3 <= len(title) <= MAX_TITLE
        assert title[0].isupper() and title[-1] not in ".,;:!?"
        # A phrase of one of its own post-its, word for word...
        assert any(normalised(title) in normalised(texts[cid]) for cid in group.contribution_ids), (
            title
        )
        # ...not a comma list of words ("Corse, serali, valle").
        assert not re.fullmatch(r"\w+(, \w+)+", title), title
        assert len(title.split()) >= 3


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Secondo me bisognerebbe avere almeno un pullman la sera per tornare in valle, "
            "adesso dopo le 19 non passa niente",
            "Avere almeno un pullman la sera per tornare in valle",
        ),
        ("CORSE SERALI INESISTENTI!!! i ragazzi restano a piedi", "Corse serali inesistenti"),
        (
            "Ci vorrebbe una casa di comunità aperta anche il sabato e la domenica, "
            "con medici e infermieri",
            "Una casa di comunità aperta anche il sabato e la domenica",
        ),
        ("Serve più TPL nelle valli.", "Più TPL nelle valli"),
        (
            "Incentivi per i giovani medici che scelgono di lavorare nei piccoli comuni "
            "di montagna e nelle borgate",
            "Incentivi per i giovani medici che scelgono di lavorare",
        ),
    ],
)
def test_fillers_go_and_the_phrase_is_cut_at_a_clause_or_word(text: str, title: str) -> None:
    assert phrase_title(text) == title
