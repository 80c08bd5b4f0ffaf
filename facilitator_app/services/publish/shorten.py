"""Cutting a text to a platform's limit at a word boundary, saying that it was cut."""

from __future__ import annotations

from dataclasses import dataclass

ELLIPSIS = "…"


@dataclass(frozen=True)
class Shortened:
    """A text that was cut to fit, for the export's report.

    Attributes:
        item: which exported item (1-based, in file order).
        field: the field cut ("title" or "body").
        source: what the item comes from, in words ("tavolo T1, sessione 1, tema «…»").
        length: the text's length before the cut, in characters.
        limit: the most the field takes.
    """

    item: int
    field: str
    source: str
    length: int
    limit: int


def shorten(text: str, limit: int) -> str:
    """``text`` if it fits in ``limit`` characters, else cut at a word boundary with "…".

    The cut keeps the longest run of whole words that fits with the ellipsis; a single
    word longer than the limit is cut inside (nothing else fits).

    Args:
        text: the text.
        limit: the most characters allowed (at least 2).
    """
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]  # one more: a space there ends a whole word
    boundary = max(room.rfind(" "), room.rfind("\n"))
    kept = room[:boundary] if boundary > 0 else room[: limit - len(ELLIPSIS)]
    kept = kept.rstrip(" \n\t,;:.")
    if not kept:  # only blanks or signs before the cut: cut the text itself
        kept = text[: limit - len(ELLIPSIS)]
    return kept + ELLIPSIS
