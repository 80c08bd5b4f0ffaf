"""The records of a cross-cutting theme: where it came from, what it gathers."""

from __future__ import annotations

from dataclasses import dataclass

# Where a unit comes from.
HUMAN = "tema"
SUGGESTED = "suggerito"
SINGLE = "post-it"


@dataclass(frozen=True, slots=True)
class Origin:
    """One contribution of a table to a cross-cutting theme.

    Attributes:
        table_key: the table's key ("asse-3", "zona-5").
        table_name: the table's name.
        session: the session, or None for a theme of the whole day.
        source: "tema" (a theme of the table), "suggerito" (a suggested group of
            ungrouped post-its) or "post-it" (one post-it alone).
        title: the theme's title, the suggested title, or the post-it's text.
        contribution_ids: the post-its it brings.
        zones: zone omogenee of the table and of these post-its.
    """

    table_key: str
    table_name: str
    session: int | None
    source: str
    title: str
    contribution_ids: tuple[str, ...]
    zones: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CrossCuttingTheme:
    """A topic that recurs at several tables or zones.

    Attributes:
        title: suggested title, from the words its tables share.
        keywords: characteristic words, best first.
        tables: keys of the tables it came from, in table order.
        zones: zone omogenee it came from (of the tables and of the post-its).
        origins: the themes and post-its it gathers, table by table.
        contribution_ids: all its post-its.
        score: cohesion of its units (average cosine similarity of their pairs).
        confidence: how clearly it stands apart from the rest of the event, 0–1 (0
            without meaning vectors).
    """

    title: str
    keywords: tuple[str, ...]
    tables: tuple[str, ...]
    zones: tuple[int, ...]
    origins: tuple[Origin, ...]
    contribution_ids: tuple[str, ...]
    score: float
    confidence: float = 0.0
