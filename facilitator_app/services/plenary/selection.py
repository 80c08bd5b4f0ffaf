"""What the deck picks from the data: top themes, representative post-its, cross-cutting.

Also the short table names the slides use ("Asse 1", "Zona 7") and the cross-cutting
headings found in the event's text. How much each slide shows is set by
:data:`TOP_THEMES`, :data:`REPRESENTATIVE`, :data:`CARDS_SHOWN` and
:data:`CROSSCUTTING_SHOWN`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis.crosscutting_model import HUMAN, CrossCuttingTheme
from facilitator_app.services.records.event_records import EventRecords

TOP_THEMES = 3
"""Themes shown on a session's slide (the others go to the presenter's notes)."""
REPRESENTATIVE = 3
"""Post-its quoted at most on a session's "from the table" slide."""
CARDS_SHOWN = 6
"""Cards listed per group on a table's cards slide (the others go to the notes)."""
CROSSCUTTING_SHOWN = 6
"""Cross-cutting themes shown on their slide."""

_KEYWORD_LIST = re.compile(r"[\w'’-]+(\s*,\s*[\w'’-]+)+")
"""A machine's list of words ("Digitali, chiedono, imprese"), not a title people read."""

_ACRONYMS = {"CMT", "PSM", "TPL", "PA", "AI", "KPI", "PUMS", "PTGM", "SUAP", "NBS", "UE", "PNRR"}
_CAPS_HEADING = re.compile(r"^([A-ZÀÈÉÌÍÒÓÙ0-9][A-ZÀÈÉÌÍÒÓÙ0-9 ,;:'’()\-]{4,})\.\s+\S")


def short_table_names(tables: Sequence[Table]) -> dict[str, str]:
    """Short, distinct names by table id: "Asse 1", "Zona 7"; "Asse 5 (tavolo A)" on ties."""
    short = {t.id: (t.name.split(" - ")[0].strip() or t.name) for t in tables}
    counts = Counter(short.values())
    for table in tables:
        if counts[short[table.id]] > 1:
            tail = re.search(r"\(([^)]*)\)\s*$", table.name)
            short[table.id] = f"{short[table.id]} ({tail.group(1) if tail else table.key})"
    return short


def sentence_case(text: str) -> str:
    """Turn a heading in capitals into sentence case, keeping known acronyms ("CMT")."""
    words = [w if w.strip(",;:.()") in _ACRONYMS else w.lower() for w in text.split()]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def crosscutting_headings(text: str) -> list[str]:
    """The headings in capitals ("MOBILITÀ E TRASPORTI. ...") that open lines of a text."""
    return [m.group(1) for line in text.splitlines() if (m := _CAPS_HEADING.match(line.strip()))]


def ranked_themes(
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


def representative_post_its(
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


def crosscutting_title(theme: CrossCuttingTheme) -> str:
    """A cross-cutting theme's title as a phrase, "" when it has none to show.

    The theme's own title, unless it is a list of keywords; then the first title a
    facilitator gave one of its themes; "" when neither exists (the theme is not shown).
    """
    title = theme.title.strip()
    if title and not _KEYWORD_LIST.fullmatch(title):
        return title
    return next((o.title.strip() for o in theme.origins if o.source == HUMAN and o.title), "")


def shown_crosscutting(themes: Sequence[CrossCuttingTheme]) -> list[tuple[str, CrossCuttingTheme]]:
    """The themes worth a slide, with their titles: found at two tables or more, named."""
    shown = []
    for theme in themes:
        title = crosscutting_title(theme)
        if title and len(set(theme.tables)) >= 2:
            shown.append((title, theme))
    return shown
