"""The deck's words in the chosen language: counted nouns and the counting rule.

Every text of the slides and of the presenter's notes is an Italian source marked for
``lupdate`` (context ``"Plenary"``) and translated through a
:class:`~facilitator_app.services.common.texts.Texts`.
"""

from __future__ import annotations

from facilitator_app.domain.counting import COUNTING_NOTE, COUNTING_NOTE_EN
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.services.common.texts import Texts

PLENARY = "Plenary"

#: (one, many) templates of the nouns the deck counts, by Italian noun.
NOUNS: dict[str, tuple[str, str]] = {
    "tavolo": (
        QT_TRANSLATE_NOOP("Plenary", "{n} tavolo"),
        QT_TRANSLATE_NOOP("Plenary", "{n} tavoli"),
    ),
    "post-it": (
        QT_TRANSLATE_NOOP("Plenary", "{n} post-it"),
        QT_TRANSLATE_NOOP("Plenary", "{n} post-it (plurale)"),
    ),
    "tema": (QT_TRANSLATE_NOOP("Plenary", "{n} tema"), QT_TRANSLATE_NOOP("Plenary", "{n} temi")),
    "sede": (QT_TRANSLATE_NOOP("Plenary", "{n} sede"), QT_TRANSLATE_NOOP("Plenary", "{n} sedi")),
    "persona": (
        QT_TRANSLATE_NOOP("Plenary", "{n} persona"),
        QT_TRANSLATE_NOOP("Plenary", "{n} persone"),
    ),
    "voto": (QT_TRANSLATE_NOOP("Plenary", "{n} voto"), QT_TRANSLATE_NOOP("Plenary", "{n} voti")),
}
# Italian writes "3 post-it": the plural source carries a note for the translators only.
_ITALIAN_PLURALS = {"{n} post-it (plurale)": "{n} post-it"}


def counted(texts: Texts, count: int, noun: str) -> str:
    """A count with its noun: "1 tema", "3 temi" / "1 theme", "3 themes"."""
    one, many = NOUNS[noun]
    source = one if count == 1 else many
    translated = texts.translate(PLENARY, source)
    if translated == source:
        translated = _ITALIAN_PLURALS.get(source, source)
    return translated.format(n=count)


def counting_note(texts: Texts) -> str:
    """The counting rule printed next to the totals, in the deck's language."""
    return COUNTING_NOTE_EN if texts.language == "en" else COUNTING_NOTE
