"""The fixed vocabularies of a PSM forum: formats, kinds of post-it, zones, categories."""

from __future__ import annotations

import enum
import unicodedata

from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP

AXES: tuple[int, ...] = (1, 2, 3, 4, 5, 6)
SESSIONS: tuple[int, ...] = (1, 2)


class EventFormat(enum.StrEnum):
    """How the tables of a forum day are organised."""

    ASSI = "assi"
    ZONE = "zone"

    @property
    def label(self) -> str:
        """Italian label."""
        return FORMAT_LABELS[self.value]


# Labels are Italian data; the interface and the exports translate them in context "Vocab".
FORMAT_LABELS: dict[str, str] = {
    "assi": QT_TRANSLATE_NOOP("Vocab", "Tavoli per asse strategico"),
    "zone": QT_TRANSLATE_NOOP("Vocab", "Tavoli per zona omogenea"),
}


class ContributionKind(enum.StrEnum):
    """What a post-it says, as the published reports group it."""

    LEZIONE_APPRESA = "lezione_appresa"
    CRITICITA = "criticita"
    ESIGENZA = "esigenza"
    PROPOSTA = "proposta"
    BUONA_PRATICA = "buona_pratica"

    @property
    def label(self) -> str:
        """Italian label."""
        return KIND_LABELS[self]

    @property
    def shortcut(self) -> str:
        """The one-letter key that sets this kind on the board."""
        return KIND_SHORTCUTS[self]


KIND_LABELS: dict[ContributionKind, str] = {
    ContributionKind.LEZIONE_APPRESA: QT_TRANSLATE_NOOP("Vocab", "Lezione appresa"),
    ContributionKind.CRITICITA: QT_TRANSLATE_NOOP("Vocab", "Criticità"),
    ContributionKind.ESIGENZA: QT_TRANSLATE_NOOP("Vocab", "Esigenza"),
    ContributionKind.PROPOSTA: QT_TRANSLATE_NOOP("Vocab", "Proposta"),
    ContributionKind.BUONA_PRATICA: QT_TRANSLATE_NOOP("Vocab", "Buona pratica"),
}

KIND_SHORTCUTS: dict[ContributionKind, str] = {
    ContributionKind.LEZIONE_APPRESA: "L",
    ContributionKind.CRITICITA: "C",
    ContributionKind.ESIGENZA: "E",
    ContributionKind.PROPOSTA: "P",
    ContributionKind.BUONA_PRATICA: "B",
}


class StakeholderCategory(enum.StrEnum):
    """Who the people at a table represent (counts only, never names)."""

    AMMINISTRATORI_LOCALI = "amministratori_locali"
    ASSOCIAZIONI_CATEGORIA = "associazioni_categoria"
    TERZO_SETTORE = "terzo_settore"
    CITTADINI = "cittadini"
    PERSONALE_CMT = "personale_cmt"
    ALTRO = "altro"

    @property
    def label(self) -> str:
        """Italian label."""
        return CATEGORY_LABELS[self]


CATEGORY_LABELS: dict[StakeholderCategory, str] = {
    StakeholderCategory.AMMINISTRATORI_LOCALI: QT_TRANSLATE_NOOP("Vocab", "Amministratori locali"),
    StakeholderCategory.ASSOCIAZIONI_CATEGORIA: QT_TRANSLATE_NOOP(
        "Vocab", "Associazioni di categoria e corpi intermedi"
    ),
    StakeholderCategory.TERZO_SETTORE: QT_TRANSLATE_NOOP("Vocab", "Terzo settore e associazioni"),
    StakeholderCategory.CITTADINI: QT_TRANSLATE_NOOP("Vocab", "Cittadini"),
    StakeholderCategory.PERSONALE_CMT: QT_TRANSLATE_NOOP("Vocab", "Personale CMT"),
    StakeholderCategory.ALTRO: QT_TRANSLATE_NOOP("Vocab", "Altro"),
}

# The eleven zone omogenee of the Città metropolitana di Torino.
ZONES: dict[int, str] = {
    1: "Torino",
    2: "AMT Ovest",
    3: "AMT Sud",
    4: "AMT Nord",
    5: "Pinerolese",
    6: "Valli di Susa e Sangone",
    7: "Ciriacese - Valli di Lanzo",
    8: "Canavese occidentale",
    9: "Eporediese",
    10: "Chivassese",
    11: "Chierese - Carmagnolese",
}


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced form of a label, for lenient matching."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("_", " ").replace("-", " ").split())


def parse_kind(text: str) -> ContributionKind:
    """Read a kind from its code, its Italian label or its shortcut letter.

    Raises:
        ValueError: with the accepted values, when nothing matches.
    """
    found = _KIND_LOOKUP.get(text) or _KIND_LOOKUP.get(fold(text))
    if found is not None:
        return found
    accepted = ", ".join(kind.label for kind in ContributionKind)
    raise InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "tipo «{text}» sconosciuto (ammessi: {accepted})"),
        text=text,
        accepted=accepted,
    )


_KIND_LOOKUP: dict[str, ContributionKind] = {
    spelling: kind
    for kind in ContributionKind
    for name in (kind.value, kind.label, kind.shortcut)
    for spelling in (name, fold(name))
}


def parse_category(text: str) -> StakeholderCategory:
    """Read a stakeholder category from its code or Italian label."""
    wanted = fold(text)
    for category in StakeholderCategory:
        if wanted in (fold(category.value), fold(category.label)):
            return category
    raise InvalidValueError(
        QT_TRANSLATE_NOOP("Errors", "categoria «{text}» sconosciuta"), text=text
    )
