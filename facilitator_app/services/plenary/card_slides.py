"""A table's cards slide: the cards it put in play, with titles, votes and places.

The zones day's first session is spent choosing which strategies count most: the room
wants to hear the cards by name, not their codes. Each group of cards (a session, or the
whole day) is ranked by its votes, equal votes sharing a place
(:func:`~facilitator_app.domain.counting.card_places`); the cards the post-its only cite
are named in the presenter's notes of their session (:func:`cited_cards_note`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from facilitator_app.domain.counting import card_places, card_votes
from facilitator_app.domain.model import Contribution, StrategyCard, Table, TableCard
from facilitator_app.domain.rules import card_sort_key
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.plenary.measure import body_room, flow_height
from facilitator_app.services.plenary.selection import CARDS_SHOWN
from facilitator_app.services.plenary.slides import CARDS, MIN_FONT, Item, Slide
from facilitator_app.services.plenary.wording import counted


def _name(code: str, cards: Mapping[str, StrategyCard]) -> str:
    """The card as "1.2 Title of the card" (the bare code when not in the edition)."""
    card = cards.get(code)
    return f"{code} {card.title}" if card and card.title else code


def _in_play_items(
    played: Sequence[TableCard], cards: Mapping[str, StrategyCard], texts: Texts
) -> list[Item]:
    """A group's cards in play, best place first, ties by code; "•" for the unvoted."""
    votes = card_votes(played)
    places = card_places(votes)
    codes = sorted(votes, key=lambda c: (places.get(c) is None, places.get(c, 0), card_sort_key(c)))
    items = []
    for code in codes:
        place = places.get(code)
        detail = (
            counted(texts, votes[code], "voto")
            if votes[code]
            else texts.translate("Plenary", "nessun voto")
        )
        glyph = f"{place}." if place is not None else "•"
        items.append(Item(_name(code, cards), "card", detail, glyph, code))
    return items


def cards_slide(
    table: Table,
    short: str,
    played: Sequence[TableCard],
    cards: Mapping[str, StrategyCard],
    texts: Texts,
) -> Slide | None:
    """The table's cards slide, or None when it put no card in play.

    Each group (a session, the whole day) shows its cards best place first; the cards that
    do not fit one slide at the smallest size go to the presenter's notes.

    Args:
        table: the table.
        short: its short name, for the title.
        played: the cards it put in play (any session).
        cards: the event's cards by code (for their titles).
        texts: the slide's language.
    """
    tx = texts
    groups: dict[int | None, list[TableCard]] = {}
    for card in played:
        groups.setdefault(card.session, []).append(card)
    order = sorted(groups, key=lambda n: (n is None, n or 0))
    if not order:
        return None
    if len(order) == 1 and order[0] is not None:
        title = tx.translate("Plenary", "{table} · Sessione {number}: schede in gioco").format(
            table=short, number=order[0]
        )
    else:
        title = tx.translate("Plenary", "{table}: schede in gioco").format(table=short)
    items: list[Item] = []
    for number in order:
        if len(order) > 1:
            heading = (
                tx.translate("Plenary", "Sessione {number}").format(number=number)
                if number is not None
                else tx.translate("Plenary", "Tutta la giornata")
            )
            items.append(Item(heading, "heading"))
        items += _in_play_items(groups[number], cards, tx)[:CARDS_SHOWN]
    shown = list(items)
    room = body_room(title)
    while len(shown) > 1 and flow_height(shown, MIN_FONT) > room:
        shown.pop()
    while shown and shown[-1].role == "heading":
        shown.pop()
    left = [i for i in items if i not in shown and i.role == "card"]
    notes = [f"{i.glyph} {i.text} ({i.detail})" for i in left]
    hidden = sum(max(0, len(groups[n]) - CARDS_SHOWN) for n in order)
    if hidden:
        notes.append(tx.translate("Plenary", "Altre schede in gioco: {n}").format(n=hidden))
    return Slide(
        f"table:{table.key}:cards",
        CARDS,
        title,
        tuple(shown),
        "\n".join(notes),
        table_key=table.key,
    )


def cited_cards_note(
    posts: Sequence[Contribution], cards: Mapping[str, StrategyCard], texts: Texts
) -> str:
    """The cards the post-its cite, with titles and how many cite each ("" for none)."""
    cited = Counter(code for post in posts for code in post.cards)
    if not cited:
        return ""
    ranked = sorted(cited.items(), key=lambda kv: (-kv[1], card_sort_key(kv[0])))
    listed = "; ".join(f"{_name(c, cards)} ({counted(texts, n, 'post-it')})" for c, n in ranked)
    return texts.translate("Plenary", "Schede citate nei post-it: {cards}").format(cards=listed)
