"""The plenary deck: slides made from an event's data, laid out to be read from the back.

At 12:30 each facilitator tells the room what their table said. :func:`build_deck` turns an
:class:`~facilitator_app.services.records.event_records.EventRecords` (one table's file, a venue's
file or a merged event) into slides with no manual layout: a title slide, participation
charts, for each table a divider and, per session, its question with its top themes (by
votes, then by size) and the cards it linked, then two or three representative post-its;
cross-cutting themes and a closing slide.

Layout is computed here, without Qt, on a 1920 × 1080 canvas of *slide units* (one unit is
one pixel on a 1080p projector). :func:`layout_slide` returns positioned text runs and
boxes that both the PDF (:mod:`facilitator_app.services.plenary.slides_pdf`, 960 × 540 pt, one
unit = 0.5 pt) and the Qt windows draw as they are, so the screen and the PDF match.

Readability rules, enforced by the fitting code:

* every text is at least :data:`MIN_FONT` = 48 units: 36 pt at 96 dpi on a 1080p screen
  (4.4 % of the slide's height), 24 pt on the 960 × 540 pt PDF page;
* lines are broken with the metrics of the embedded DejaVu fonts (reportlab's
  ``stringWidth``) to :data:`SAFETY` (4 %) less than the box, so a renderer whose shaping
  is slightly wider (Qt's) still stays inside it;
* text that does not fit shrinks down to the minimum, then continues on another slide
  ("(segue)"): a 1,000-character post-it takes two slides, never a cut;
* dark text on white or white on dark navy: :func:`contrast_ratio` of every run is ≥ 7
  (WCAG AAA).

Hidden slides and pinned post-its live in :class:`DeckSettings`; they can be kept in the
event file (:func:`save_settings`), which is skipped when the file is read-only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace

from facilitator_app.domain.clock import Clock
from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.domain.vocab import ZONES
from facilitator_app.services.analysis.crosscutting import crosscutting_themes
from facilitator_app.services.common.dates import italian_date
from facilitator_app.services.common.pdf_style import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    register_fonts,
    text_width,
    wrap_text,
)
from facilitator_app.services.records.event_records import EventRecords
from facilitator_app.services.records.report import build_report
from facilitator_app.storage.database import EventStore

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
MIN_CONTRAST = 7.0

# Colours: white on dark navy, or near-black and navy on white. Never light grey on white.
NAVY = "#0B2545"
ACCENT = "#1F4E79"
INK = "#111111"
SOFT_INK = "#333333"
WHITE = "#FFFFFF"
PALE = "#E8EEF5"  # on navy only (contrast 13:1)
BAR = "#1F4E79"

# Kinds of slide.
TITLE = "title"
PARTICIPATION = "participation"
TABLE = "table"
THEMES = "themes"
VOICES = "voices"
CROSSCUTTING = "crosscutting"
CLOSING = "closing"
KINDS = (TITLE, PARTICIPATION, TABLE, THEMES, VOICES, CROSSCUTTING, CLOSING)
COVER_KINDS = frozenset({TITLE, TABLE, CLOSING})

TOP_THEMES = 3
REPRESENTATIVE = 3
CARDS_SHOWN = 6
CROSSCUTTING_SHOWN = 6
REPORT_BACK_MINUTES = 3
META_KEY = "presentation"

# Flow roles: font, size factor against the body size, colour on white, colour on navy.
_ROLES: dict[str, tuple[str, float, str, str]] = {
    "kicker": (FONT_BOLD, 0.8, ACCENT, PALE),
    "cover_title": (FONT_BOLD, 1.55, NAVY, WHITE),
    "cover_sub": (FONT, 1.0, INK, WHITE),
    "question": (FONT_ITALIC, 1.0, ACCENT, WHITE),
    "heading": (FONT_BOLD, 1.0, ACCENT, WHITE),
    "theme": (FONT_BOLD, 1.0, INK, WHITE),
    "bullet": (FONT, 1.0, INK, WHITE),
    "quote": (FONT, 1.0, INK, WHITE),
    "card": (FONT, 0.9, INK, WHITE),
    "figure": (FONT_BOLD, 1.0, INK, WHITE),
    "detail": (FONT, 0.85, SOFT_INK, PALE),
}
# Space before a flow item, as a fraction of the body size.
_GAP = {"kicker": 0.0, "cover_title": 0.5, "cover_sub": 0.6, "detail": 0.0, "question": 0.0}


# -- the deck's model ----------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """One paragraph of a slide's body.

    Attributes:
        text: what is shown.
        role: how it looks (see ``_ROLES``): "question", "theme", "quote", "card"...
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


@dataclass(frozen=True)
class DeckSettings:
    """What the facilitator chose before presenting.

    Attributes:
        hidden: base keys of the hidden slides.
        pinned: ids of pinned post-its (shown first among the representative ones).
        minutes: report-back time per table.
    """

    hidden: frozenset[str] = frozenset()
    pinned: frozenset[str] = frozenset()
    minutes: int = REPORT_BACK_MINUTES

    def to_json(self) -> str:
        """The settings as compact, sorted JSON."""
        return json.dumps(
            {"hidden": sorted(self.hidden), "pinned": sorted(self.pinned), "minutes": self.minutes},
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str) -> DeckSettings:
        """Read settings written by :meth:`to_json`; anything unreadable gives the defaults."""
        try:
            data = json.loads(text) if text else {}
            hidden = frozenset(str(k) for k in data.get("hidden", []))
            pinned = frozenset(str(k) for k in data.get("pinned", []))
            minutes = int(data.get("minutes", REPORT_BACK_MINUTES))
        except (ValueError, TypeError, AttributeError):
            return cls()
        return cls(hidden, pinned, max(1, min(minutes, 30)))


def load_settings(store: EventStore) -> DeckSettings:
    """The presentation settings kept in an event file (defaults when there are none)."""
    return DeckSettings.from_json(store.meta(META_KEY))


def save_settings(store: EventStore, settings: DeckSettings) -> bool:
    """Keep the settings in the event file; False (nothing written) when it is read-only.

    Raises:
        StorageError: the disk refused the write.
    """
    if store.read_only:
        return False
    if store.meta(META_KEY) == settings.to_json():
        return True
    store.set_meta(META_KEY, settings.to_json())
    return True


# -- text fitting --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Block:
    """An item wrapped at one size: its lines and their style."""

    item: Item
    size: int
    lines: tuple[str, ...]
    detail: tuple[str, ...]
    detail_size: int
    indent: float

    @property
    def gap(self) -> float:
        return 0.0 if self.item.continued else _GAP.get(self.item.role, 0.45) * self.size

    @property
    def height(self) -> float:
        return (
            self.gap
            + len(self.lines) * self.size * LEADING
            + len(self.detail) * self.detail_size * LEADING
        )


def role_size(role: str, body: int) -> int:
    """The text size of a role for a body size; never below :data:`MIN_FONT`."""
    return max(MIN_FONT, round(body * _ROLES[role][1]))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Break text into lines that fit ``width`` (less the safety margin) at ``size``."""
    register_fonts()
    return wrap_text(text, font, size, width * (1 - SAFETY))


def _block(item: Item, body: int, width: float = CONTENT_WIDTH) -> _Block:
    font, _, _, _ = _ROLES[item.role]
    size = role_size(item.role, body)
    indent = size * 1.25 if item.glyph or item.role == "quote" else 0.0
    lines = wrap(item.text, font, size, width - indent) if item.text else []
    detail_size = role_size("detail", body)
    detail = (
        wrap(item.detail, _ROLES["detail"][0], detail_size, width - indent) if item.detail else []
    )
    return _Block(item, size, tuple(lines), tuple(detail), detail_size, indent)


def flow_height(items: Sequence[Item], body: int) -> float:
    """Height of a body at a size, in slide units."""
    blocks = [_block(item, body) for item in items]
    if not blocks:
        return 0.0
    return sum(b.height for b in blocks) - blocks[0].gap


def _title_lines(title: str) -> tuple[int, list[str]]:
    """The title's size and lines: the largest size at which it takes at most two lines."""
    if not title:
        return TITLE_SIZES[-1], []
    for size in TITLE_SIZES:
        lines = wrap(title, FONT_BOLD, size, CONTENT_WIDTH)
        if len(lines) <= TITLE_MAX_LINES:
            return size, lines
    return TITLE_SIZES[-1], lines


def _header_bottom(title: str) -> float:
    size, lines = _title_lines(title)
    if not lines:
        return MARGIN_TOP
    return MARGIN_TOP + len(lines) * size * LEADING + 18 + 36  # rule, then a gap


def _footer_top() -> float:
    return FOOTER_BASELINE - MIN_FONT * 1.05 - 24


def body_room(title: str) -> float:
    """Height available to the body of a slide with this title."""
    return _footer_top() - _header_bottom(title)


def _split_item(item: Item, body: int, room: float) -> tuple[Item, Item] | None:
    """Cut an item between lines so its first part fits ``room``; None if not one line fits."""
    block = _block(item, body)
    line_height = block.size * LEADING
    fits = int((room - block.gap) // line_height)
    if fits < 1 or fits >= len(block.lines):
        return None
    first = replace(item, text=" ".join(block.lines[:fits]), detail="")
    rest = replace(item, text=" ".join(block.lines[fits:]), continued=True)
    return first, rest


def _paginate_items(items: Sequence[Item], body: int, room: float) -> list[list[Item]]:
    """Share items among slides at one size, cutting items longer than a slide by lines."""
    pages: list[list[Item]] = [[]]
    used = 0.0
    queue = list(items)
    while queue:
        item = queue.pop(0)
        block = _block(item, body)
        height = block.height - (block.gap if not pages[-1] else 0.0)
        if used + height <= room:
            pages[-1].append(item)
            used += height
            continue
        keep_with = pages[-1] and pages[-1][-1].role in ("heading", "kicker")
        whole_next = block.height - block.gap <= room
        if pages[-1] and whole_next and not keep_with:
            pages.append([])
            used = 0.0
            queue.insert(0, item)
            continue
        effective = room - used + (block.gap if not pages[-1] else 0.0)
        parts = _split_item(item, body, effective)
        if parts is None:
            if not pages[-1]:
                # Not even one line fits on an empty slide: cannot happen with the sizes
                # above, but never loop for ever.
                pages[-1].append(item)
                used = room
                continue
            pages.append([])
            used = 0.0
            queue.insert(0, item)
            continue
        pages[-1].append(parts[0])
        pages.append([])
        used = 0.0
        queue.insert(0, parts[1])
    return [page for page in pages if page]


def fit_slide(slide: Slide) -> list[Slide]:
    """The slide at the largest size that fits, or continued over several slides.

    The body shrinks from its largest size to :data:`MIN_FONT`; when it still does not fit,
    items go on continuation slides ("(segue)"), a long item split between lines.
    """
    if slide.chart is not None:
        return _fit_chart(slide)
    room = body_room(slide.title)
    sizes = COVER_SIZES if slide.kind in COVER_KINDS else BODY_SIZES
    for size in sizes:
        if flow_height(slide.items, size) <= room:
            return [replace(slide, body_size=size)]
    pages = _paginate_items(slide.items, MIN_FONT, room)
    return _number_parts(slide, [{"items": tuple(page)} for page in pages], MIN_FONT)


def _number_parts(slide: Slide, changes: list[dict[str, object]], size: int) -> list[Slide]:
    total = len(changes)
    result: list[Slide] = []
    for index, change in enumerate(changes, start=1):
        key = slide.key if index == 1 else f"{slide.key}#{index}"
        title = slide.title if index == 1 or not slide.title else f"{slide.title} (segue)"
        part = replace(slide, key=key, title=title, part=index, parts=total, body_size=size)
        result.append(replace(part, **change))  # type: ignore[arg-type]
    return result


# -- charts --------------------------------------------------------------------------------

CHART_GAP = 18


@dataclass(frozen=True)
class _ChartGeometry:
    label_width: float
    value_width: float
    labels: tuple[tuple[str, ...], ...]
    pitch: tuple[float, ...]


def _chart_geometry(chart: Chart) -> _ChartGeometry:
    register_fonts()
    size = MIN_FONT
    widest = max((text_width(b.label, FONT, size) for b in chart.bars), default=0.0)
    label_width = min(widest / (1 - SAFETY) + 4, CONTENT_WIDTH * 0.42)
    labels = tuple(tuple(wrap(b.label, FONT, size, label_width)) for b in chart.bars)
    value_width = max(
        (text_width(_value_text(b.value, chart.unit), FONT_BOLD, size) for b in chart.bars),
        default=0.0,
    )
    pitch = tuple(max(1, len(lines)) * size * LEADING + CHART_GAP for lines in labels)
    return _ChartGeometry(label_width, value_width, labels, pitch)


def _value_text(value: int, unit: str) -> str:
    text = f"{value:,}".replace(",", ".")
    return f"{text} {unit}" if unit else text


def _fit_chart(slide: Slide) -> list[Slide]:
    assert slide.chart is not None
    room = body_room(slide.title)
    intro = flow_height(slide.items, MIN_FONT)
    geometry = _chart_geometry(slide.chart)
    pages: list[list[Bar]] = [[]]
    used = intro + (36 if slide.items else 0)
    for bar, pitch in zip(slide.chart.bars, geometry.pitch, strict=True):
        if pages[-1] and used + pitch > room:
            pages.append([])
            used = 0.0
        pages[-1].append(bar)
        used += pitch
    changes: list[dict[str, object]] = []
    for index, bars in enumerate(pages):
        change: dict[str, object] = {"chart": replace(slide.chart, bars=tuple(bars))}
        if index > 0:
            change["items"] = ()
        changes.append(change)
    return _number_parts(slide, changes, MIN_FONT)


# -- layout: what renderers draw -----------------------------------------------------------


@dataclass(frozen=True)
class TextRun:
    """One line of text: its left end on the baseline, in slide units."""

    x: float
    y: float
    text: str
    font: str
    size: float
    color: str
    width: float
    background: str


@dataclass(frozen=True)
class Box:
    """A filled rectangle (bars, rules), in slide units."""

    x: float
    y: float
    width: float
    height: float
    color: str


@dataclass(frozen=True)
class SlideLayout:
    """Everything a renderer needs to draw one slide on a 1920 × 1080 canvas."""

    background: str
    boxes: tuple[Box, ...]
    runs: tuple[TextRun, ...]

    def problems(self) -> list[str]:
        """Texts outside the slide's safe area, below the minimum size or with low contrast."""
        found: list[str] = []
        for run in self.runs:
            if run.size < MIN_FONT:
                found.append(f"troppo piccolo ({run.size}): {run.text!r}")
            if run.x < MARGIN_X - 0.5 or run.x + run.width > WIDTH - MARGIN_X + 0.5:
                found.append(f"esce di lato ({run.x:.0f}+{run.width:.0f}): {run.text!r}")
            if run.y - run.size < 0 or run.y + run.size * 0.25 > HEIGHT:
                found.append(f"esce in alto o in basso ({run.y:.0f}): {run.text!r}")
            if contrast_ratio(run.color, run.background) < MIN_CONTRAST:
                found.append(f"contrasto basso: {run.text!r}")
        return found


class _Painter:
    def __init__(self, background: str) -> None:
        self.background = background
        self.boxes: list[Box] = []
        self.runs: list[TextRun] = []

    def text(
        self, x: float, y: float, text: str, font: str, size: float, color: str, align: str = "l"
    ) -> None:
        width = text_width(text, font, size)
        if align == "r":
            x -= width
        elif align == "c":
            x -= width / 2
        self.runs.append(TextRun(x, y, text, font, size, color, width, self.background))

    def box(self, x: float, y: float, width: float, height: float, color: str) -> None:
        self.boxes.append(Box(x, y, width, height, color))

    def result(self) -> SlideLayout:
        return SlideLayout(self.background, tuple(self.boxes), tuple(self.runs))


def _baseline(bottom: float, size: float) -> float:
    """The baseline of a line whose box ends at ``bottom`` (descenders stay inside)."""
    return bottom - size * (0.26 + (LEADING - 1) / 2)


def _draw_flow(
    paint: _Painter, items: Sequence[Item], body: int, top: float, dark: bool, center: bool
) -> float:
    y = top
    for index, item in enumerate(items):
        block = _block(item, body)
        font, _, light_colour, dark_colour = _ROLES[item.role]
        colour = dark_colour if dark else light_colour
        y += block.gap if index else 0.0
        x = MARGIN_X + block.indent
        for number, line in enumerate(block.lines):
            y += block.size * LEADING
            baseline = _baseline(y, block.size)
            if number == 0 and item.glyph and not item.continued:
                paint.text(MARGIN_X, baseline, item.glyph, FONT_BOLD, block.size, colour)
            if center:
                paint.text(WIDTH / 2, baseline, line, font, block.size, colour, "c")
            else:
                paint.text(x, baseline, line, font, block.size, colour)
        detail_colour = _ROLES["detail"][3] if dark else _ROLES["detail"][2]
        for line in block.detail:
            y += block.detail_size * LEADING
            baseline = _baseline(y, block.detail_size)
            if center:
                paint.text(WIDTH / 2, baseline, line, FONT, block.detail_size, detail_colour, "c")
            else:
                paint.text(x, baseline, line, FONT, block.detail_size, detail_colour)
    return y


def _draw_chart(paint: _Painter, chart: Chart, top: float) -> None:
    geometry = _chart_geometry(chart)
    size = MIN_FONT
    bar_left = MARGIN_X + geometry.label_width + 24
    bar_room = WIDTH - MARGIN_X - bar_left - geometry.value_width - 20
    largest = max((b.value for b in chart.bars), default=0) or 1
    y = top
    for bar, lines, pitch in zip(chart.bars, geometry.labels, geometry.pitch, strict=True):
        height = pitch - CHART_GAP
        for number, line in enumerate(lines):
            baseline = _baseline(y + (number + 1) * size * LEADING, size)
            paint.text(MARGIN_X, baseline, line, FONT, size, INK)
        length = max(4.0, bar_room * bar.value / largest)
        bar_height = min(height, size * 1.1)
        bar_top = y + (height - bar_height) / 2
        paint.box(bar_left, bar_top, length, bar_height, BAR)
        baseline = bar_top + bar_height / 2 + size * 0.36
        paint.text(
            bar_left + length + 16,
            baseline,
            _value_text(bar.value, chart.unit),
            FONT_BOLD,
            size,
            INK,
        )
        y += pitch


def layout_slide(
    slide: Slide, number: int = 0, total: int = 0, footer: str | None = None
) -> SlideLayout:
    """Place a fitted slide's texts and boxes on the 1920 × 1080 canvas.

    Args:
        slide: a slide from :func:`build_deck` (already fitted).
        number: its position among the visible slides (0: no page number).
        total: how many slides are visible.
        footer: short text at the bottom left; the slide's own (its table) when None.
    """
    register_fonts()
    footer = slide.footer if footer is None else footer
    dark = slide.kind in COVER_KINDS
    paint = _Painter(NAVY if dark else WHITE)
    body = slide.body_size or fit_slide(slide)[0].body_size
    if dark:
        height = flow_height(slide.items, body)
        top = max(MARGIN_TOP, (_footer_top() - height) / 2)
        paint.box(MARGIN_X, top - 48, 160, 10, PALE)
        _draw_flow(paint, slide.items, body, top, dark=True, center=False)
    else:
        size, lines = _title_lines(slide.title)
        y = float(MARGIN_TOP)
        for line in lines:
            y += size * LEADING
            paint.text(MARGIN_X, _baseline(y, size), line, FONT_BOLD, size, NAVY)
        paint.box(MARGIN_X, y + 12, CONTENT_WIDTH, 6, ACCENT)
        top = _header_bottom(slide.title)
        bottom = _draw_flow(paint, slide.items, body, top, dark=False, center=False)
        if slide.chart is not None:
            _draw_chart(paint, slide.chart, bottom + (36 if slide.items else 0))
    colour = PALE if dark else SOFT_INK
    right = f"{number} / {total}" if number else ""
    if right:
        paint.text(WIDTH - MARGIN_X, FOOTER_BASELINE, right, FONT, MIN_FONT, colour, "r")
    if footer:
        room = CONTENT_WIDTH - text_width(right + "    ", FONT, MIN_FONT)
        if text_width(footer, FONT, MIN_FONT) <= room * (1 - SAFETY):
            paint.text(MARGIN_X, FOOTER_BASELINE, footer, FONT, MIN_FONT, colour)
    return paint.result()


# -- colour --------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#RRGGBB`` colours (1 to 21)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


# -- building the deck ---------------------------------------------------------------------


def short_table_names(tables: Sequence[Table]) -> dict[str, str]:
    """Short, distinct names by table id: "Asse 1", "Zona 7"; "Asse 5 (tavolo A)" on ties."""
    short = {t.id: (t.name.split(" - ")[0].strip() or t.name) for t in tables}
    counts = Counter(short.values())
    for table in tables:
        if counts[short[table.id]] > 1:
            tail = re.search(r"\(([^)]*)\)\s*$", table.name)
            short[table.id] = f"{short[table.id]} ({tail.group(1) if tail else table.key})"
    return short


_ACRONYMS = {"CMT", "PSM", "TPL", "PA", "AI", "KPI", "PUMS", "PTGM", "SUAP", "NBS", "UE", "PNRR"}
_CAPS_HEADING = re.compile(r"^([A-ZÀÈÉÌÍÒÓÙ0-9][A-ZÀÈÉÌÍÒÓÙ0-9 ,;:'’()\-]{4,})\.\s+\S")


def sentence_case(text: str) -> str:
    """Turn a heading in capitals into sentence case, keeping known acronyms ("CMT")."""
    words = [w if w.strip(",;:.()") in _ACRONYMS else w.lower() for w in text.split()]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _themes_of_session(
    snapshot: EventRecords, table: Table, number: int, posts: Sequence[Contribution]
) -> list[tuple[Theme, list[Contribution]]]:
    """The session's themes with their post-its, by votes, then size, then board order."""
    members: dict[str, list[Contribution]] = defaultdict(list)
    for post in posts:
        if post.theme_id:
            members[post.theme_id].append(post)
    found = [
        (theme, members.get(theme.id, []))
        for theme in snapshot.live_themes()
        if theme.table_id == table.id
        and (theme.session == number or (theme.session is None and members.get(theme.id)))
    ]
    order = {theme.id: index for index, (theme, _) in enumerate(found)}
    found.sort(
        key=lambda pair: (
            -sum(p.votes for p in pair[1]),
            -len(pair[1]),
            order[pair[0].id],
        )
    )
    return found


def _representative(
    posts: Sequence[Contribution],
    ranked: Sequence[tuple[Theme, list[Contribution]]],
    pinned: Collection[str],
) -> list[Contribution]:
    """Pinned post-its first, then one per top theme, then the most voted (three at most).

    Within a theme the post-it with most votes is taken, then the one whose length is
    closest to a readable 120 characters.
    """
    chosen = [p for p in posts if p.id in pinned]
    taken = {p.id for p in chosen}

    def score(post: Contribution) -> tuple[int, int, int]:
        return (-post.votes, abs(len(post.text) - 120), post.position)

    for _, members in ranked:
        if len(chosen) >= REPRESENTATIVE:
            break
        free = [p for p in members if p.id not in taken]
        if free:
            best = min(free, key=score)
            chosen.append(best)
            taken.add(best.id)
    for post in sorted(posts, key=score):
        if len(chosen) >= REPRESENTATIVE:
            break
        if post.id not in taken:
            chosen.append(post)
            taken.add(post.id)
    return chosen


def _quote(post: Contribution) -> Item:
    detail = []
    if post.kind is not None:
        detail.append(post.kind.label)
    if post.votes:
        detail.append(f"{post.votes} vot{'o' if post.votes == 1 else 'i'}")
    return Item(f"«{post.text.strip()}»", "quote", " · ".join(detail), ref=post.id)


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def _linked_cards(
    snapshot: EventRecords, table: Table, number: int, posts: Sequence[Contribution]
) -> list[str]:
    """Card codes a session linked: cards put in play first (by rank), then tags on post-its."""
    played = [
        c
        for c in snapshot.table_cards
        if c.table_id == table.id and (c.session is None or c.session == number)
    ]
    played.sort(key=lambda c: (c.rank is None, c.rank or 0, -c.votes, card_sort_key(c.code)))
    codes = list(dict.fromkeys(c.code for c in played))
    tags = Counter(code for post in posts for code in post.cards)
    for code, _ in sorted(tags.items(), key=lambda kv: (-kv[1], card_sort_key(kv[0]))):
        if code not in codes:
            codes.append(code)
    return codes


class _DeckBuilder:
    def __init__(self, snapshot: EventRecords, settings: DeckSettings, crosscutting: bool) -> None:
        self.s = snapshot
        self.settings = settings
        self.crosscutting = crosscutting
        self.posts = snapshot.live_contributions()
        self.themes = snapshot.live_themes()
        self.short = short_table_names(snapshot.tables)
        self.presence, self.shared = snapshot.presence()
        self.cards = snapshot.event_cards()
        self.venues = {v.id: v for v in snapshot.venues}

    def build(self) -> list[Slide]:
        slides = [self.title(), *self.participation()]
        for table in self.s.tables:
            slides += self.table(table)
        if self.crosscutting:
            slides += self.crosscutting_slides()
        slides.append(self.closing())
        return slides

    def title(self) -> Slide:
        event = self.s.event
        where = [v.name for v in self.s.venues]
        parts = [italian_date(event.date, weekday=True)]
        if len(self.s.tables) == 1:
            parts.append(self.s.tables[0].name)
        elif len(where) == 1:
            parts.append(where[0])
        elif where:
            parts.append(_plural(len(where), "sede", "sedi"))
        items = [
            Item("Piano Strategico Metropolitano · Città metropolitana di Torino", "kicker"),
            Item(event.title, "cover_title"),
            *(Item(text, "cover_sub") for text in parts),
        ]
        notes = (
            f"{event.format.label}. {_plural(len(self.s.tables), 'tavolo', 'tavoli')}, "
            f"{_plural(len(self.posts), 'post-it', 'post-it')}, "
            f"{_plural(len(self.themes), 'tema', 'temi')}."
        )
        return Slide("title", TITLE, items=tuple(items), notes=notes)

    def participation(self) -> list[Slide]:
        totals = build_report(self.s)
        figures: list[str] = []
        if totals.in_presence is not None:
            figures.append(f"{totals.in_presence} in presenza")
        if totals.online is not None:
            figures.append(f"{totals.online} collegati online")
        if totals.people_at_tables is not None:
            figures.append(f"{totals.people_at_tables} persone ai tavoli")
        figures.append(_plural(len(self.posts), "post-it", "post-it"))
        intro = (Item(" · ".join(figures), "figure"),)
        notes = [
            f"{group.label}: {group.people or 'n.d.'} persone, {group.contributions} post-it"
            for group in totals.venues
        ]
        notes += [
            f"{self.short[t.id]}: {self.shared[t.id]}" for t in self.s.tables if t.id in self.shared
        ]
        slides: list[Slide] = []
        people = [
            Bar(self.short[t.id], self.presence[t.id])
            for t in self.s.tables
            if t.id in self.presence
        ]
        if len(self.s.tables) > 1 and people:
            chart = Chart(tuple(people))
            slides.append(
                Slide(
                    "participation",
                    PARTICIPATION,
                    "Partecipazione: persone per tavolo",
                    intro,
                    "\n".join(notes),
                    chart,
                )
            )
        elif len(self.s.tables) > 1:
            chart = Chart(
                tuple(
                    Bar(self.short[t.id], sum(1 for p in self.posts if p.table_id == t.id))
                    for t in self.s.tables
                )
            )
            slides.append(
                Slide(
                    "participation",
                    PARTICIPATION,
                    "Partecipazione: post-it per tavolo",
                    intro,
                    "Presenze non ancora registrate.\n" + "\n".join(notes),
                    chart,
                )
            )
        else:
            slides.append(
                Slide("participation", PARTICIPATION, "Partecipazione", intro, "\n".join(notes))
            )
        venues = [Bar(g.label, g.people) for g in totals.venues if g.people is not None]
        if len(venues) > 1:
            slides.append(
                Slide(
                    "participation:venues",
                    PARTICIPATION,
                    "Persone per sede",
                    (),
                    "",
                    Chart(tuple(venues)),
                )
            )
        origin = totals.origin_by_zone
        zones = [
            Bar(g.label + _zone_name(g.label), g.people)
            for g in totals.zones
            if g.people is not None
        ]
        if origin and len(origin) > 1:
            bars = tuple(Bar(f"{z} {ZONES.get(z, '')}".strip(), n) for z, n in origin.items())
            slides.append(
                Slide(
                    "participation:zones",
                    PARTICIPATION,
                    "Partecipanti per zona di provenienza",
                    (),
                    "Per tavolo, la sessione con più persone registrate.",
                    Chart(bars),
                )
            )
        elif len(zones) > 1 and len(zones) != len(people):
            slides.append(
                Slide(
                    "participation:zones",
                    PARTICIPATION,
                    "Persone per zona omogenea",
                    (),
                    "",
                    Chart(tuple(zones)),
                )
            )
        return slides

    def table(self, table: Table) -> list[Slide]:
        short = self.short[table.id]
        posts = [p for p in self.posts if p.table_id == table.id]
        themes = [t for t in self.themes if t.table_id == table.id]
        figures = []
        if table.id in self.presence:
            figures.append(_plural(self.presence[table.id], "persona", "persone"))
        figures += [_plural(len(posts), "post-it", "post-it"), _plural(len(themes), "tema", "temi")]
        venue = self.venues.get(table.venue_id)
        kicker = venue.name if venue else "Tavolo"
        notes = [f"Restituzione: {self.settings.minutes} minuti per tavolo."]
        if table.facilitator:
            notes.append(f"Facilitazione: {table.facilitator}.")
        if table.id in self.shared:
            notes.append(f"Presenze: {self.shared[table.id]}.")
        slides = [
            Slide(
                f"table:{table.key}",
                TABLE,
                items=(
                    Item(kicker, "kicker"),
                    Item(table.name, "cover_title"),
                    Item(" · ".join(figures), "cover_sub"),
                ),
                notes="\n".join(notes),
                table_key=table.key,
            )
        ]
        numbers = sorted(
            {s.number for s in self.s.sessions if s.table_id == table.id}
            | {p.session for p in posts}
        )
        for number in numbers:
            slides += self.session(table, short, number)
        return slides

    def session(self, table: Table, short: str, number: int) -> list[Slide]:
        record = self.s.session(table.id, number)
        posts = [p for p in self.posts if p.table_id == table.id and p.session == number]
        ranked = _themes_of_session(self.s, table, number, posts)
        base = f"table:{table.key}:{number}"
        title = f"{short} · Sessione {number}"
        items: list[Item] = []
        if record is not None and record.question:
            items.append(Item(record.question, "question"))
        for index, (theme, members) in enumerate(ranked[:TOP_THEMES], start=1):
            votes = sum(p.votes for p in members)
            detail = _plural(len(members), "post-it", "post-it")
            if votes:
                detail += f" · {_plural(votes, 'voto', 'voti')}"
            items.append(Item(theme.title, "theme", detail, f"{index}.", theme.id))
        loose = [p for p in posts if not p.theme_id]
        if not ranked and posts:
            items.append(
                Item(
                    f"{_plural(len(posts), 'post-it', 'post-it')}, non ancora raggruppati in temi",
                    "bullet",
                    glyph="•",
                )
            )
        if not posts:
            items.append(
                Item("Nessun post-it registrato per questa sessione.", "bullet", glyph="•")
            )
        codes = _linked_cards(self.s, table, number, posts)
        if codes:
            shown = ", ".join(codes[:CARDS_SHOWN])
            more = f" e altre {len(codes) - CARDS_SHOWN}" if len(codes) > CARDS_SHOWN else ""
            items.append(Item(f"Schede collegate: {shown}{more}", "card"))
        notes = []
        if record is not None and record.synthesis:
            notes.append(f"Sintesi: {record.synthesis}")
        if len(ranked) > TOP_THEMES:
            notes.append("Altri temi: " + "; ".join(t.title for t, _ in ranked[TOP_THEMES:]))
        if loose and ranked:
            notes.append(f"{_plural(len(loose), 'post-it', 'post-it')} senza tema.")
        for code in codes:
            card = self.cards.get(code)
            notes.append(f"Scheda {code}: {card.title if card else ''}".rstrip(": "))
        slides = [
            Slide(
                base + ":themes",
                THEMES,
                title,
                tuple(items),
                "\n".join(notes),
                table_key=table.key,
                session=number,
            )
        ]
        if posts:
            pinned = [p.id for p in posts if p.id in self.settings.pinned]
            chosen = _representative(posts, ranked, self.settings.pinned)
            quotes = [_quote(p) for p in chosen]
            voices_title = f"{short} · Sessione {number}: dal tavolo"
            # Two or three: drop the third (if not pinned) when three need a second slide.
            if len(quotes) == REPRESENTATIVE and chosen[-1].id not in self.settings.pinned:
                room = body_room(voices_title)
                if flow_height(quotes, MIN_FONT) > room:
                    quotes = quotes[:-1]
            rest = [p for p in posts if p.id not in {q.ref for q in quotes}]
            voice_notes = "\n".join(f"• {p.text}" for p in rest[:8])
            slides.append(
                Slide(
                    base + ":voices",
                    VOICES,
                    voices_title,
                    tuple(quotes),
                    ("Altri post-it:\n" + voice_notes) if voice_notes else "",
                    table_key=table.key,
                    session=number,
                    pinned=tuple(pinned),
                    candidates=tuple((p.id, p.text) for p in posts),
                )
            )
        return slides

    def crosscutting_slides(self) -> list[Slide]:
        text = self.s.event.temi_trasversali
        headings = [
            m.group(1) for line in text.splitlines() if (m := _CAPS_HEADING.match(line.strip()))
        ]
        if headings:
            items = tuple(
                Item(sentence_case(h), "theme", glyph="•") for h in headings[:CROSSCUTTING_SHOWN]
            )
            return [
                Slide(
                    "crosscutting",
                    CROSSCUTTING,
                    "Temi trasversali",
                    items,
                    "Dal testo dei temi trasversali dell'evento.\n" + text,
                )
            ]
        found = crosscutting_themes(self.posts, self.s.tables, self.themes)
        if not found:
            return []
        by_key = {t.key: self.short[t.id] for t in self.s.tables}
        items = tuple(
            Item(
                "; ".join(dict.fromkeys(o.title for o in theme.origins if o.source != "post-it"))
                or theme.title,
                "theme",
                " · ".join(by_key.get(k, k) for k in theme.tables),
                "•",
            )
            for theme in found[:CROSSCUTTING_SHOWN]
        )
        notes = "Proposta automatica dai contenuti dei tavoli: verificare prima di presentare.\n"
        notes += "\n".join(f"{t.title}: {', '.join(t.tables)}" for t in found)
        return [Slide("crosscutting", CROSSCUTTING, "Temi emersi in più tavoli", items, notes)]

    def closing(self) -> Slide:
        event = self.s.event
        figures = [
            _plural(len(self.s.tables), "tavolo", "tavoli"),
            _plural(len(self.posts), "post-it", "post-it"),
            _plural(len(self.themes), "tema", "temi"),
        ]
        items = (
            Item(event.title, "kicker"),
            Item("Grazie per la partecipazione", "cover_title"),
            Item(" · ".join(figures), "cover_sub"),
        )
        return Slide("closing", CLOSING, items=items, notes=event.conclusioni)


def _zone_name(label: str) -> str:
    number = label.rsplit(" ", 1)[-1]
    return f" {ZONES[int(number)]}" if number.isdigit() and int(number) in ZONES else ""


def build_deck(
    snapshot: EventRecords,
    *,
    hidden: Collection[str] = frozenset(),
    pinned: Collection[str] = frozenset(),
    settings: DeckSettings | None = None,
    crosscutting: bool = True,
) -> list[Slide]:
    """Every slide of the plenary deck, fitted, hidden ones included (and marked).

    Args:
        snapshot: the event (one table, a venue or a merged event).
        hidden: base keys of slides to hide (added to ``settings.hidden``).
        pinned: post-it ids to show first on their session's slide (added to
            ``settings.pinned``).
        settings: saved choices; defaults when None.
        crosscutting: add the cross-cutting themes slide (when there are two tables or more).

    Returns:
        The slides in order; :func:`visible` keeps those to show.
    """
    base = settings or DeckSettings()
    chosen = replace(
        base, hidden=base.hidden | frozenset(hidden), pinned=base.pinned | frozenset(pinned)
    )
    builder = _DeckBuilder(snapshot, chosen, crosscutting and len(snapshot.tables) > 1)
    deck: list[Slide] = []
    short = {t.key: builder.short[t.id] for t in snapshot.tables}
    for slide in builder.build():
        slide = replace(slide, footer=short.get(slide.table_key, ""))
        for part in fit_slide(slide):
            deck.append(replace(part, hidden=part.base_key in chosen.hidden))
    return deck


def visible(deck: Iterable[Slide]) -> list[Slide]:
    """The slides to show, in order."""
    return [slide for slide in deck if not slide.hidden]


def table_titles(snapshot: EventRecords) -> list[str]:
    """The names of the tables, as their divider slides show them."""
    return [table.name for table in snapshot.tables]


# -- the report-back timer -----------------------------------------------------------------


@dataclass
class ReportBackTimer:
    """Time spent on each table's slides, against a budget of a few minutes per table.

    Time is read from an injected clock; each table keeps its own total, so going back to
    a previous slide and forward again does not restart the current table.

    Args:
        clock: where the time comes from (tests pass a FixedClock).
        minutes: the budget per table.
    """

    clock: Clock
    minutes: int = REPORT_BACK_MINUTES
    current: str = ""
    _spent: dict[str, float] = field(default_factory=dict)
    _since: dt.datetime | None = None

    def switch(self, key: str) -> None:
        """Start counting for a table (its key; "" for event-wide slides)."""
        now = self.clock.now()
        if self._since is not None:
            self._spent[self.current] = self.spent(self.current, now)
        self.current = key
        self._since = now

    def spent(self, key: str | None = None, now: dt.datetime | None = None) -> float:
        """Seconds spent on a table's slides (the current table by default)."""
        key = self.current if key is None else key
        total = self._spent.get(key, 0.0)
        if key == self.current and self._since is not None:
            total += ((now or self.clock.now()) - self._since).total_seconds()
        return max(0.0, total)

    def remaining(self) -> float:
        """Seconds left for the current table (negative once over)."""
        return self.minutes * 60 - self.spent()

    def reset(self) -> None:
        """Start the current table's time again."""
        self._spent.pop(self.current, None)
        self._since = self.clock.now()

    def text(self) -> str:
        """The time as "01:25 / 03:00", or as "+00:40 oltre 03:00" once over."""
        left = self.remaining()
        spent = int(self.spent())
        budget = f"{self.minutes:02d}:00"
        if left < 0:
            over = int(-left)
            return f"+{over // 60:02d}:{over % 60:02d} oltre {budget}"
        return f"{spent // 60:02d}:{spent % 60:02d} / {budget}"


__all__ = [
    "KINDS",
    "MIN_FONT",
    "Bar",
    "Chart",
    "DeckSettings",
    "Item",
    "ReportBackTimer",
    "Slide",
    "SlideLayout",
    "build_deck",
    "contrast_ratio",
    "fit_slide",
    "layout_slide",
    "load_settings",
    "save_settings",
    "visible",
]
