"""Fitting a slide: the largest text size that fits, or continuation slides ("(segue)").

The body shrinks from its largest size to
:data:`~facilitator_app.services.plenary.slides.MIN_FONT`; when it still does not fit,
items go on continuation slides, a long item split between lines: a 1,000-character
post-it takes two slides, never a cut. A chart that does not fit continues its bars on
further slides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from facilitator_app.services.plenary.charts import chart_geometry
from facilitator_app.services.plenary.measure import body_room, flow_height, text_block
from facilitator_app.services.plenary.slides import (
    BODY_SIZES,
    COVER_KINDS,
    COVER_SIZES,
    LEADING,
    MIN_FONT,
    Bar,
    Item,
    Slide,
)

CONTINUED = "(segue)"
"""Added after the title of a continuation slide (the deck passes its own language's)."""


def fit_slide(slide: Slide, continued: str = CONTINUED) -> list[Slide]:
    """The slide at the largest size that fits, or continued over several slides.

    The body shrinks from its largest size to :data:`MIN_FONT`; when it still does not fit,
    items go on continuation slides (``continued`` after their title), a long item split
    between lines.
    """
    if slide.chart is not None:
        return _fit_chart(slide, continued)
    room = body_room(slide.title)
    sizes = COVER_SIZES if slide.kind in COVER_KINDS else BODY_SIZES
    for size in sizes:
        if flow_height(slide.items, size) <= room:
            return [replace(slide, body_size=size)]
    pages = _paginate_items(slide.items, MIN_FONT, room)
    changes: list[dict[str, object]] = [{"items": tuple(page)} for page in pages]
    return _number_parts(slide, changes, MIN_FONT, continued)


def _split_item(item: Item, body: int, room: float) -> tuple[Item, Item] | None:
    """Cut an item between lines so its first part fits ``room``; None if not one line fits."""
    block = text_block(item, body)
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
        block = text_block(item, body)
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


def _fit_chart(slide: Slide, continued: str) -> list[Slide]:
    """Spread a chart's bars over as many slides as they need (the intro on the first)."""
    assert slide.chart is not None
    room = body_room(slide.title)
    intro = flow_height(slide.items, MIN_FONT)
    geometry = chart_geometry(slide.chart)
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
    return _number_parts(slide, changes, MIN_FONT, continued)


def _number_parts(
    slide: Slide, changes: list[dict[str, object]], size: int, continued: str
) -> list[Slide]:
    """One slide per change: keys "#2", "#3"... and ``continued`` after the later titles."""
    total = len(changes)
    result: list[Slide] = []
    for index, change in enumerate(changes, start=1):
        key = slide.key if index == 1 else f"{slide.key}#{index}"
        title = slide.title if index == 1 or not slide.title else f"{slide.title} {continued}"
        part = replace(slide, key=key, title=title, part=index, parts=total, body_size=size)
        result.append(replace(part, **change))  # type: ignore[arg-type]
    return result
