"""Italian left in an English output: the catalogue's Italian words, the user's data cut out.

The Italian words come from the translation catalogue itself (the words of its Italian
sources that no English translation uses); the user's data (every text of the event file,
the bundled templates, the zone names) is cut out of a text before it is checked. The GUI
walk of every window (tests/gui/test_english.py) and the English exports (restituzione,
paper kit) share these helpers.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from defusedxml import ElementTree

from facilitator_app import APP_DISPLAY_NAME
from facilitator_app.domain.vocab import ZONES
from facilitator_app.resources import resource_path
from facilitator_app.services.plenary.selection import (
    crosscutting_headings,
    sentence_case,
    short_table_names,
)
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.setup.cards import bundled_card_sets
from facilitator_app.services.setup.templates import bundled_templates
from facilitator_app.storage.database import EventStore

WORD = re.compile(r"[^\W\d_]{3,}")
PLACEHOLDER = re.compile(r"\{[^}]*\}")


def italian_words() -> frozenset[str]:
    """Words of the catalogue's Italian sources that no English translation uses."""
    root = ElementTree.parse(resource_path("translations/facilitator_app_en.ts")).getroot()
    sources: set[str] = set()
    english: set[str] = set()
    for message in root.iter("message"):
        source = PLACEHOLDER.sub(" ", message.findtext("source") or "").replace("&", "")
        target = PLACEHOLDER.sub(" ", message.findtext("translation") or "").replace("&", "")
        sources.update(word.lower() for word in WORD.findall(source))
        english.update(word.lower() for word in WORD.findall(target))
    return frozenset(sources - english)


ITALIAN = italian_words()


def user_data(event_file: Path, extra: Iterable[str] = ()) -> list[str]:
    """Every text the user (or the bundled content) put in, with ``extra``: longest first."""
    found: set[str] = {APP_DISPLAY_NAME, *ZONES.values(), str(event_file), *extra}

    def add(value: object) -> None:
        if isinstance(value, str):
            if value[:1] in "[{":
                try:
                    add(json.loads(value))
                    return
                except ValueError:
                    pass
            if len(value) >= 3:
                found.add(value)
                # As a slide draws it: its lines (and paragraphs) joined by single spaces.
                found.add(" ".join(value.split()))
        elif isinstance(value, list):
            for item in value:
                add(item)
        elif isinstance(value, dict):
            for item in value.values():
                add(item)

    with sqlite3.connect(f"file:{event_file}?mode=ro", uri=True) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for name in names:
            for row in db.execute(f'SELECT * FROM "{name}"'):
                for value in row:
                    add(value)
    with EventStore.open(event_file, read_only=True) as store:
        records = load_records(store)
    found.update(short_table_names(records.tables).values())
    # The cross-cutting headings of the event's own text, as the slide writes them.
    text = records.event.temi_trasversali
    found.update(sentence_case(heading) for heading in crosscutting_headings(text))
    # The plan's own name in the bundled card sets ("Piano Strategico Metropolitano 2021-2023").
    found.update(card_set.title for card_set in bundled_card_sets().values())
    for template in bundled_templates().values():
        found.update([template.title, template.default_title])
        found.update(name for _key, name, _address in template.venues)
    return sorted(found, key=len, reverse=True)


def italian_in(text: str, data: list[str]) -> set[str]:
    """The Italian words of ``text`` once the user's data is cut out."""
    words = {w.lower() for w in WORD.findall(text.replace("&", ""))} & ITALIAN
    if not words:
        return set()
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return {w.lower() for w in WORD.findall(text.replace("&", ""))} & ITALIAN


def italian_in_document(text: str, data: list[str], *, context: int = 40) -> dict[str, set[str]]:
    """{excerpt: its Italian words} for a whole document's text (a PDF's, say).

    Lines are joined first, so that a paragraph of the user's that the layout wrapped is
    still recognised and cut out; each Italian word left is shown with its surroundings.
    """
    flat = " ".join(text.replace("&", "").split())
    for value in data:
        value = " ".join(value.split())
        if value and value in flat:
            flat = flat.replace(value, " | ")
    found: dict[str, set[str]] = {}
    for match in WORD.finditer(flat):
        word = match.group().lower()
        if word in ITALIAN:
            start, end = max(0, match.start() - context), match.end() + context
            found.setdefault(flat[start:end], set()).add(word)
    return found
