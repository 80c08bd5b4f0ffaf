"""Colours shared by the panels: one per kind of post-it, one per axis."""

from __future__ import annotations

from PySide6.QtGui import QColor

from facilitator_app.domain.vocab import ContributionKind

NOTE_DEFAULT = QColor("#fff59d")  # the classic yellow post-it, until a kind is set
KIND_COLOURS: dict[ContributionKind, QColor] = {
    ContributionKind.LEZIONE_APPRESA: QColor("#b3e5fc"),
    ContributionKind.CRITICITA: QColor("#ffcdd2"),
    ContributionKind.ESIGENZA: QColor("#ffe0b2"),
    ContributionKind.PROPOSTA: QColor("#c8e6c9"),
    ContributionKind.BUONA_PRATICA: QColor("#e1bee7"),
}
AXIS_COLOURS: dict[int, QColor] = {
    1: QColor("#1565c0"),
    2: QColor("#2e7d32"),
    3: QColor("#ef6c00"),
    4: QColor("#6a1b9a"),
    5: QColor("#c62828"),
    6: QColor("#00838f"),
}


def kind_colour(kind: ContributionKind | None) -> QColor:
    """The note colour for a kind of post-it."""
    return KIND_COLOURS.get(kind, NOTE_DEFAULT) if kind is not None else NOTE_DEFAULT


def axis_colour(axis: int) -> QColor:
    """The card colour of an axis."""
    return AXIS_COLOURS.get(axis, QColor("#455a64"))
