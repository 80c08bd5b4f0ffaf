"""Synthetic post-its for the theme analysis tests: clearly separated topics.

Checked by tests/unit/services/analysis/test_data.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator_app.domain.model import Contribution
from facilitator_app.domain.vocab import ContributionKind

NOW = "2023-11-10T09:20:00+00:00"

TOPICS: dict[str, tuple[str, ...]] = {
    "trasporti": (
        "Servono più corse di autobus nelle valli la sera",
        "Gli autobus per le valli passano troppo di rado",
        "Corse serali degli autobus verso le valli da aumentare",
        "Orari degli autobus poco coordinati con i treni",
        "Treni e autobus con orari integrati per i pendolari",
        "Pendolari delle valli senza corse di autobus la domenica",
    ),
    "scuola": (
        "Le scuole di montagna perdono alunni ogni anno",
        "Accorpare le scuole con pochi alunni allunga i viaggi degli studenti",
        "Gli studenti delle scuole superiori abbandonano gli studi",
        "Più docenti di sostegno nelle scuole con studenti fragili",
        "Orientamento degli studenti nelle scuole medie",
        "Alunni e docenti chiedono scuole più sicure",
    ),
    "sanita": (
        "Mancano medici di famiglia nei piccoli paesi",
        "I medici di famiglia hanno troppi pazienti anziani",
        "Telemedicina per i pazienti anziani lontani dagli ospedali",
        "Liste d'attesa lunghe negli ospedali per le visite",
        "Infermieri di comunità accanto ai medici di famiglia",
        "Ospedali lontani per i pazienti anziani",
    ),
    "energia": (
        "Pannelli solari sui tetti degli edifici pubblici",
        "Comunità energetiche con pannelli solari condivisi",
        "Risparmio energetico negli edifici pubblici",
        "Sportello per le comunità energetiche dei cittadini",
        "Incentivi per il risparmio energetico delle case",
        "Teleriscaldamento e pannelli solari per gli edifici",
    ),
}


def post(
    text: str,
    number: int,
    *,
    table: str = "tavolo-1",
    session: int = 1,
    theme: str | None = None,
    cards: Sequence[str] = (),
    zones: Sequence[int] = (),
    axis: int | None = 1,
    kind: ContributionKind | None = ContributionKind.PROPOSTA,
) -> Contribution:
    """A post-it with a readable id ("p007")."""
    return Contribution(
        id=f"p{number:03d}",
        table_id=table,
        session=session,
        text=text,
        created_at=NOW,
        updated_at=NOW,
        kind=kind,
        axis=axis,
        cards=tuple(cards),
        zones=tuple(zones),
        theme_id=theme,
        position=number,
    )


def topic_posts() -> tuple[list[Contribution], list[str]]:
    """The four topics interleaved (as a board fills up), with the true topic of each."""
    posts: list[Contribution] = []
    truth: list[str] = []
    for row in range(6):
        for topic, texts in TOPICS.items():
            posts.append(post(texts[row], len(posts)))
            truth.append(topic)
    return posts, truth
