"""The deck's model: slides as data on a 1920 × 1080 canvas, before any drawing.

A :class:`Slide` holds a title and a body of :class:`Item` paragraphs (or a :class:`Chart`
of bars); its ``kind`` is one of :data:`KINDS`. Sizes are in *slide units*: one unit is
one pixel on a 1080p projector, half a point on the 960 × 540 pt PDF page.

Readability rules the fitting and the layout keep:

* every text is at least :data:`MIN_FONT` = 48 units: 36 pt at 96 dpi on a 1080p screen
  (4.4 % of the slide's height), 24 pt on the 960 × 540 pt PDF page;
* lines are broken :data:`SAFETY` (4 %) narrower than their box, so a renderer whose
  shaping is slightly wider (Qt's) still stays inside it.

Each item's ``role`` picks its look from :data:`ROLE_STYLES`.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator_app.services.common.pdf_style import FONT, FONT_BOLD, FONT_ITALIC
from facilitator_app.services.plenary.colours import ACCENT, INK, NAVY, PALE, SOFT_INK, WHITE

# -- geometry and type ---------------------------------------------------------------------

WIDTH = 1920
HEIGHT = 1080
MARGIN_X = 96
MARGIN_TOP = 60
FOOTER_BASELINE = HEIGHT - 34
CONTENT_WIDTH = WIDTH - 2 * MARGIN_X

MIN_FONT = 48
"""Smallest text on any slide, in slide units (36 pt at 96 dpi on 1080p; 24 pt in the PDF)."""
BODY_SIZES = (64, 60, 56, 52, 48)
COVER_SIZES = (64, 60, 56, 52, 48)
TITLE_SIZES = (76, 72, 68, 64, 60, 56)
TITLE_MAX_LINES = 2
LEADING = 1.22
SAFETY = 0.04
"""Lines are broken this much narrower than their box (room for another renderer's shaping)."""


@dataclass(frozen=True)
class RoleStyle:
    """How the items of one role look.

    Attributes:
        font: the font name (registered with reportlab and Qt).
        scale: the text size against the slide's body size.
        on_white: the colour on white slides.
        on_navy: the colour on navy (cover) slides.
        gap: the space before the item, as a fraction of its own size.
    """

    font: str
    scale: float
    on_white: str
    on_navy: str
    gap: float = 0.45


ROLE_STYLES: dict[str, RoleStyle] = {
    "kicker": RoleStyle(FONT_BOLD, 0.8, ACCENT, PALE, gap=0.0),
    "cover_title": RoleStyle(FONT_BOLD, 1.55, NAVY, WHITE, gap=0.5),
    "cover_sub": RoleStyle(FONT, 1.0, INK, WHITE, gap=0.6),
    "question": RoleStyle(FONT_ITALIC, 1.0, ACCENT, WHITE, gap=0.0),
    "synthesis": RoleStyle(FONT, 1.0, INK, WHITE),
    "heading": RoleStyle(FONT_BOLD, 1.0, ACCENT, WHITE),
    "theme": RoleStyle(FONT_BOLD, 1.0, INK, WHITE),
    "bullet": RoleStyle(FONT, 1.0, INK, WHITE),
    "quote": RoleStyle(FONT, 1.0, INK, WHITE),
    "card": RoleStyle(FONT, 0.9, INK, WHITE),
    "figure": RoleStyle(FONT_BOLD, 1.0, INK, WHITE),
    "detail": RoleStyle(FONT, 0.85, SOFT_INK, PALE, gap=0.0),
}
"""The look of each item role; "detail" is also the second line under an item."""

# -- kinds of slide ------------------------------------------------------------------------

TITLE = "title"
PARTICIPATION = "participation"
TABLE = "table"
THEMES = "themes"
VOICES = "voices"
CARDS = "cards"
CROSSCUTTING = "crosscutting"
CLOSING = "closing"
KINDS = (TITLE, PARTICIPATION, TABLE, THEMES, VOICES, CARDS, CROSSCUTTING, CLOSING)
COVER_KINDS = frozenset({TITLE, TABLE, CLOSING})
"""Slides drawn white on navy, their big line in the body instead of a title."""

# -- the deck's model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One paragraph of a slide's body.

    Attributes:
        text: what is shown.
        role: how it looks (see :data:`ROLE_STYLES`): "question", "theme", "quote"...
        detail: a second, smaller line (post-its and votes of a theme, kind of a post-it).
        glyph: drawn before the first line ("1.", "•"); empty for none.
        ref: the record it comes from (a theme or post-it id), "" for none.
        continued: True on the part of an item split over two slides that is not first.
    """

    text: str
    role: str = "bullet"
    detail: str = ""
    glyph: str = ""
    ref: str = ""
    continued: bool = False


@dataclass(frozen=True)
class Bar:
    """One bar of a chart."""

    label: str
    value: int


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart (participation)."""

    bars: tuple[Bar, ...]
    unit: str = ""
    thousands: str = "."


@dataclass(frozen=True)
class Slide:
    """One slide of the deck, as data.

    Attributes:
        key: stable identity ("table:asse-1:1:themes"); continuations add "#2", "#3".
        kind: one of :data:`KINDS`.
        title: the heading (empty on cover slides, whose title is in the body).
        items: the body, top to bottom.
        notes: for the presenter only.
        chart: the bars, on participation slides.
        table_key: the table the slide belongs to ("" for event-wide slides).
        session: the session it belongs to, if any.
        hidden: left out of the presentation and the PDF (still listed for the presenter).
        pinned: post-its pinned by the facilitator that this slide shows.
        candidates: post-its that could be pinned on this slide (id, text), in board order.
        part: 1 for the first slide of a logical slide, 2... for its continuations.
        parts: how many slides the logical slide took.
        body_size: the body text size the fitting chose (slide units).
        footer: short text for the bottom left (the table's short name).
    """

    key: str
    kind: str
    title: str = ""
    items: tuple[Item, ...] = ()
    notes: str = ""
    chart: Chart | None = None
    table_key: str = ""
    session: int | None = None
    hidden: bool = False
    pinned: tuple[str, ...] = ()
    candidates: tuple[tuple[str, str], ...] = ()
    part: int = 1
    parts: int = 1
    body_size: int = 0
    footer: str = ""

    @property
    def base_key(self) -> str:
        """The key of the logical slide (without the continuation suffix)."""
        return self.key.split("#", 1)[0]

    @property
    def subtitle(self) -> str:
        """The question of a session slide, or the subtitle of a cover ("" for none)."""
        for item in self.items:
            if item.role in ("question", "cover_sub"):
                return item.text
        return ""

    @property
    def heading(self) -> str:
        """The title as people read it (the cover's big line on cover slides)."""
        if self.title:
            return self.title
        for item in self.items:
            if item.role == "cover_title":
                return item.text
        return ""
