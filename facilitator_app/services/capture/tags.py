"""The tags of a capture line and the board's filter: pure functions, no storage.

A capture line may carry tags after the text: ``#P`` (kind, by its letter or label),
``@2.1`` (card), ``#z5`` (zona omogenea), ``#a3`` (link to another axis). The same tokens
filter the board.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from facilitator_app.domain.model import Contribution
from facilitator_app.domain.rules import check_axis, check_card_code, check_zone
from facilitator_app.domain.vocab import ContributionKind, fold, parse_kind

_TOKEN = re.compile(r"(?<!\S)([#@])([^\s#@]+)")
_ZONE = re.compile(r"^z(?:ona)?(\d+)$", re.IGNORECASE)
_AXIS = re.compile(r"^a(?:sse)?(\d+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Tags:
    """The tags read from a capture line or a filter query."""

    kind: ContributionKind | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()


def _add(values: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    return values if value in values else (*values, value)


def parse_tags(line: str) -> tuple[str, Tags]:
    """Split a capture line into its text and its tag tokens.

    Unknown ``#`` words stay in the text (a post-it may well say "#hashtag").

    Raises:
        ValueError: a malformed card code or a zone/axis out of range.
    """
    kind: ContributionKind | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()
    kept: list[str] = []
    position = 0
    for match in _TOKEN.finditer(line):
        sigil, word = match.group(1), match.group(2)
        consumed = True
        if sigil == "@":
            cards = _add(cards, check_card_code(word))
        elif zone := _ZONE.match(word):
            zones = _add(zones, check_zone(zone.group(1)))
        elif axis := _AXIS.match(word):
            links = _add(links, check_axis(axis.group(1)))
        else:
            try:
                kind = parse_kind(word)
            except ValueError:
                consumed = False
        if consumed:
            kept.append(line[position : match.start()])
            position = match.end()
    kept.append(line[position:])
    text = " ".join("".join(kept).split())
    return text, Tags(kind, cards, zones, links)


UNTHEMED = ""  # the theme filter value meaning "post-its in no theme"


@dataclass(frozen=True)
class BoardFilter:
    """What the board shows: words and tags that must all match.

    Attributes:
        words: folded words that must all appear in the text.
        tags: kind, cards (prefix match: ``@2`` matches 2.1.3), zones and links.
        theme: a theme id, :data:`UNTHEMED`, or None for any.
        live_themes: ids of the themes that exist (a post-it in a deleted theme counts as
            unthemed); None when not checked.
    """

    words: tuple[str, ...] = ()
    tags: Tags = Tags()
    theme: str | None = None
    live_themes: frozenset[str] | None = None

    @property
    def empty(self) -> bool:
        """True when the filter lets everything through."""
        return not self.words and self.tags == Tags() and self.theme is None


def parse_filter(query: str, theme: str | None = None) -> BoardFilter:
    """Read a search box: free words plus the capture tag tokens.

    Malformed tokens are treated as words rather than refused.
    """
    try:
        text, tags = parse_tags(query)
    except ValueError:
        text, tags = query, Tags()
    return BoardFilter(tuple(fold(text).split()), tags, theme)


def matches(post: Contribution, flt: BoardFilter, folded_text: str | None = None) -> bool:
    """True when a post-it passes a filter.

    Args:
        post: the post-it.
        flt: the filter.
        folded_text: ``fold(post.text)`` when the caller has it cached.
    """
    tags = flt.tags
    if tags.kind is not None and post.kind is not tags.kind:
        return False
    if tags.zones and not set(tags.zones) <= set(post.zones):
        return False
    if tags.links and not set(tags.links) <= set(post.links):
        return False
    for wanted in tags.cards:
        if not any(code == wanted or code.startswith(wanted + ".") for code in post.cards):
            return False
    if flt.theme is not None:
        theme = post.theme_id
        if theme is not None and flt.live_themes is not None and theme not in flt.live_themes:
            theme = None
        if (theme or UNTHEMED) != flt.theme:
            return False
    if flt.words:
        haystack = folded_text if folded_text is not None else fold(post.text)
        return all(word in haystack for word in flt.words)
    return True
