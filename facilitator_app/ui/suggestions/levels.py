"""How sure a suggestion is, in the words the affinity view shows ("Proposta · alta").

Light on purpose (no analysis import): the board shows proposals without loading the
suggestion method until the person asks for suggestions.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

# Lowest confidence called "alta" and lowest called "media" (below: "bassa").
HIGH_CONFIDENCE = 0.66
MEDIUM_CONFIDENCE = 0.33


def confidence_level(group: object) -> str | None:
    """The word for a group's confidence (alta, media, bassa); None when it has none.

    Works with suggested groups with or without a ``confidence`` attribute (the method
    before the semantic one gave only a cohesion score, which is not a confidence).
    """
    value = getattr(group, "confidence", None)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if value >= HIGH_CONFIDENCE:
        return "alta"
    if value >= MEDIUM_CONFIDENCE:
        return "media"
    return "bassa"


def confidence_text(group: object) -> str:
    """What a proposed column says it is: Proposta, with its confidence if known."""
    level = confidence_level(group)
    if level == "alta":
        return QCoreApplication.translate("Proposals", "Proposta · confidenza alta")
    if level == "media":
        return QCoreApplication.translate("Proposals", "Proposta · confidenza media")
    if level == "bassa":
        return QCoreApplication.translate("Proposals", "Proposta · confidenza bassa")
    return QCoreApplication.translate("Proposals", "Proposta")
