"""The tags of a capture line and the board's filter: pure functions, no storage.

A capture line may carry tags after the text: ``#P`` (kind, by its letter or label),
``@2.1`` (card), ``#z5`` (zona omogenea), ``#a3`` (link to another axis). The same tokens
filter the board.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from facilitator_app.domain.model import Contribution
from facilitator_app.domain.rules import card_sort_key, check_axis, check_card_code, check_zone
from facilitator_app.domain.vocab import AXES, ZONES, ContributionKind, fold, parse_kind

V = TypeVar("V")

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


class TagField(enum.Enum):
    """What a tag of a capture line names."""

    CARD = "card"
    ZONE = "zone"
    AXIS = "axis"


@dataclass(frozen=True)
class TagProblem:
    """A tag of a capture line that cannot be stored, and what would be accepted.

    Data for the interface, which words (and translates) the message itself.

    Attributes:
        token: the tag as typed, sign included ("@9.9", "#z42").
        field: what the tag names.
        first: the lowest accepted value ("1.1", "1"); "" when nothing is accepted (an
            event without cards).
        last: the highest accepted value ("6.2.6", "11"); "" likewise.
        near: for a well-formed card code the event does not have ("@3.2" when the event's
            set has only 3, 3.1, 3.1.1), the event's cards of the same axis: a range alone
            would suggest 3.2 is fine.
    """

    token: str
    field: TagField
    first: str
    last: str
    near: tuple[str, ...] = ()


class TagRefusedError(ValueError):
    """A capture line with a tag that cannot be stored (the message is Italian text).

    Attributes:
        problem: which tag, and the accepted range.
    """

    def __init__(self, problem: TagProblem, reason: str) -> None:
        super().__init__(f"tag {problem.token} non valido: {reason}")
        self.problem = problem


def _range(field: TagField, known_cards: Iterable[str] | None) -> tuple[str, str]:
    """The lowest and highest accepted value of a tag field ("" and "" for none)."""
    if field is TagField.ZONE:
        values = [str(zone) for zone in sorted(ZONES)]
    elif field is TagField.AXIS:
        values = [str(axis) for axis in sorted(AXES)]
    elif known_cards is not None:
        values = sorted(known_cards, key=card_sort_key)
    else:  # any well-formed code: the axes' numbers are the outer bounds
        values = [str(min(AXES)), f"{max(AXES)}.99.99"]
    return (values[0], values[-1]) if values else ("", "")


def _checked(
    token: str,
    field: TagField,
    check: Callable[[str], V],
    value: str,
    known_cards: Iterable[str] | None,
) -> V:
    """``check(value)``, or :class:`TagRefusedError` naming the token and the range."""
    try:
        return check(value)
    except ValueError as error:
        first, last = _range(field, known_cards)
        near = _same_axis(value, known_cards) if field is TagField.CARD else ()
        raise TagRefusedError(TagProblem(token, field, first, last, near), str(error)) from None


NEAR_CARDS = 8  # how many cards of the same axis a refused card code lists


def _same_axis(code: str, known_cards: Iterable[str] | None) -> tuple[str, ...]:
    """The event's cards of the axis a card code starts with (first :data:`NEAR_CARDS`)."""
    axis = code.split(".", 1)[0]
    if known_cards is None or not axis.isdigit():
        return ()
    same = [c for c in known_cards if c == axis or c.startswith(axis + ".")]
    return tuple(sorted(same, key=card_sort_key)[:NEAR_CARDS])


def _add(values: tuple[Any, ...], value: Any) -> tuple[Any, ...]:
    return values if value in values else (*values, value)


def parse_tags(line: str, known_cards: Iterable[str] | None = None) -> tuple[str, Tags]:
    """Split a capture line into its text and its tag tokens.

    Unknown ``#`` words stay in the text (a post-it may well say "#hashtag").

    Args:
        line: the line as typed.
        known_cards: the event's card codes, to refuse others (None: any well-formed code).

    Raises:
        TagRefusedError: a malformed or unknown card code, a zone or an axis out of range
            (the first such tag, with the accepted range).
    """
    known = frozenset(known_cards) if known_cards is not None else None
    kind: ContributionKind | None = None
    cards: tuple[str, ...] = ()
    zones: tuple[int, ...] = ()
    links: tuple[int, ...] = ()
    kept: list[str] = []
    position = 0
    for match in _TOKEN.finditer(line):
        sigil, word = match.group(1), match.group(2)
        consumed = True
        token = match.group(0)
        if sigil == "@":
            code = _checked(token, TagField.CARD, lambda c: check_card_code(c, known), word, known)
            cards = _add(cards, code)
        elif zone := _ZONE.match(word):
            zones = _add(zones, _checked(token, TagField.ZONE, check_zone, zone.group(1), known))
        elif axis := _AXIS.match(word):
            links = _add(links, _checked(token, TagField.AXIS, check_axis, axis.group(1), known))
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


def tag_problem(line: str, known_cards: Iterable[str] | None = None) -> TagProblem | None:
    """The first tag of a capture line that would be refused, or None when all are fine."""
    try:
        parse_tags(line, known_cards)
    except TagRefusedError as refused:
        return refused.problem
    return None


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
