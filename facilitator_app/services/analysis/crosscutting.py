"""Cross-cutting themes: what came up at several tables (or zones) of an event.

The published reports open with the *temi trasversali*; this module proposes them from a
merged event file, listing where each came from, for the coordinator to confirm.

Method: the unit is a theme, not a single post-it, because a theme's post-its together
say more than any one of them and facilitators have already separated the topics of their
own table. Each table's human themes are units; post-its nobody has grouped yet are
grouped by :func:`~facilitator_app.services.analysis.suggest.suggest` first (their
suggested groups, and the post-its left alone, become units too). A unit's vector is the
centroid of its post-its' TF-IDF vectors plus its human title. Units are linked only
across tables (two themes of the same table were kept apart by its facilitator) or across
zones, clustered by average linkage, and the clusters that span at least two tables or
two zones are kept, named by the words their tables share.

:func:`recurring_terms` is the simpler companion: single words and tags used at many
tables ("demografico" at four of the demo's seven), which catches topics too small to be
a theme.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy.typing as npt

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis.crosscutting_model import (
    HUMAN,
    SINGLE,
    SUGGESTED,
    CrossCuttingTheme,
    Origin,
)

__all__ = [
    "HUMAN",
    "SINGLE",
    "SUGGESTED",
    "CrossCuttingTheme",
    "Origin",
    "RecurringTerm",
    "crosscutting_themes",
    "recurring_terms",
]
from facilitator_app.services.analysis.suggest import describe, suggest
from facilitator_app.services.analysis.vectors import (
    NEIGHBOURS,
    PREFIX_LENGTH,
    Corpus,
    Vector,
    average_link,
    centroid,
    cohesion,
    normalized,
    similarity_graph,
    text_features,
)

# Lowest average similarity at which units from different tables are merged.
THRESHOLD = 0.15
# Weight of a human theme's title against the centroid of its post-its (both unit length).
TITLE_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class RecurringTerm:
    """A word or tag used at many tables.

    Attributes:
        word: its commonest written form ("demografico", "TPL", "scheda 6.1").
        tables: keys of the tables where it was used, in table order.
        contribution_ids: the post-its that use it.
    """

    word: str
    tables: tuple[str, ...]
    contribution_ids: tuple[str, ...]


@dataclass
class _Unit:
    table_id: str
    session: int | None
    source: str
    title: str
    members: list[int]


def _units(posts: Sequence[Contribution], themes: Sequence[Theme]) -> list[_Unit]:
    live = {theme.id: theme for theme in themes if theme.deleted_at is None}
    units: dict[str, _Unit] = {}
    loose: dict[tuple[str, int], list[int]] = {}
    for i, post in enumerate(posts):
        theme = live.get(post.theme_id or "")
        if theme is None:
            loose.setdefault((post.table_id, post.session), []).append(i)
            continue
        unit = units.setdefault(
            theme.id, _Unit(post.table_id, theme.session, HUMAN, theme.title, [])
        )
        unit.members.append(i)
    result = list(units.values())
    for (table_id, session), index in loose.items():
        found = suggest([posts[i] for i in index])
        position = {posts[i].id: i for i in index}
        for group in found.groups:
            members = [position[cid] for cid in group.contribution_ids]
            result.append(_Unit(table_id, session, SUGGESTED, group.title, members))
        for cid in found.ungrouped:
            i = position[cid]
            result.append(_Unit(table_id, session, SINGLE, posts[i].text, [i]))
    result.sort(key=lambda unit: unit.members[0])
    return result


def _zones(unit: _Unit, posts: Sequence[Contribution], tables: dict[str, Table]) -> set[int]:
    zones = set(tables[unit.table_id].zones) if unit.table_id in tables else set()
    for i in unit.members:
        zones.update(posts[i].zones)
    return zones


def crosscutting_themes(
    contributions: Sequence[Contribution],
    tables: Sequence[Table],
    themes: Sequence[Theme] = (),
    *,
    min_tables: int = 2,
    min_zones: int = 2,
    threshold: float = THRESHOLD,
    vectors: Mapping[str, npt.ArrayLike] | None = None,
) -> list[CrossCuttingTheme]:
    """Topics that recur across the tables (or zones) of an event, with their origins.

    Deterministic for the same records in the same order. With meaning vectors for every
    post-it, :func:`~.crosscutting_meaning.crosscutting_by_meaning` finds them (at most a
    handful, each spanning tables of different axes or zones); otherwise the word-feature
    method below runs.

    Args:
        contributions: the event's post-its (deleted ones are left out).
        tables: the event's tables (keys, names, zones and order).
        themes: the event's themes; without them every board is grouped by suggestion.
        min_tables: keep a topic found at this many tables or more...
        min_zones: ...or in this many zone omogenee or more.
        threshold: lowest average similarity at which units merge (word features).
        vectors: post-it id -> meaning vector (see :mod:`.encoder`).

    Returns:
        Cross-cutting themes, those spanning most tables first, then the largest.
    """
    posts = [c for c in contributions if not c.deleted]
    if not posts:
        return []
    if vectors is not None and all(p.id in vectors for p in posts):
        # Imported here: the meaning-based module builds on this one's records.
        from facilitator_app.services.analysis.crosscutting_meaning import (
            crosscutting_by_meaning,
        )

        return crosscutting_by_meaning(posts, tables, themes, vectors, min_tables=min_tables)
    by_id = {table.id: table for table in tables}
    order = {table.id: (table.position, table.key) for table in tables}
    corpus = Corpus.build(posts)
    units = _units(posts, themes)
    zones = [_zones(unit, posts, by_id) for unit in units]
    unit_vectors: list[Vector] = []
    for unit in units:
        vector = normalized(centroid(corpus.vectors[i] for i in unit.members))
        if unit.source == HUMAN:
            title = corpus.vectorize(text_features(unit.title))
            for feature, weight in title.items():
                vector[feature] = vector.get(feature, 0.0) + TITLE_WEIGHT * weight
        unit_vectors.append(normalized(vector))

    def allowed(a: int, b: int) -> bool:
        if units[a].table_id != units[b].table_id:
            return True
        return bool(zones[a]) and bool(zones[b]) and zones[a] != zones[b]

    edges = similarity_graph(unit_vectors, neighbours=NEIGHBOURS, allowed=allowed)
    clusters = average_link(len(units), edges, threshold=threshold)
    found: list[CrossCuttingTheme] = []
    for cluster in clusters:
        if len(cluster) < 2:
            continue
        members = [i for k in cluster for i in units[k].members]
        table_ids = {units[k].table_id for k in cluster}
        cluster_zones = set().union(*(zones[k] for k in cluster))
        if len(table_ids) < min_tables and len(cluster_zones) < min_zones:
            continue
        origin = {i: posts[i].table_id for i in members}
        if len(table_ids) < 2:  # spans zones within one table
            origin = {i: ",".join(map(str, sorted(posts[i].zones))) for i in members}
        group = describe(corpus, members, origin=origin)
        origins = [
            Origin(
                table_key=by_id[units[k].table_id].key if units[k].table_id in by_id else "",
                table_name=by_id[units[k].table_id].name if units[k].table_id in by_id else "",
                session=units[k].session,
                source=units[k].source,
                title=units[k].title,
                contribution_ids=tuple(posts[i].id for i in units[k].members),
                zones=tuple(sorted(zones[k])),
            )
            for k in sorted(
                cluster,
                key=lambda k: (
                    order.get(units[k].table_id, (0, "")),
                    units[k].session or 0,
                    units[k].members[0],
                ),
            )
        ]
        found.append(
            CrossCuttingTheme(
                title=group.title,
                keywords=group.keywords,
                tables=tuple(dict.fromkeys(o.table_key for o in origins if o.table_key).keys()),
                zones=tuple(sorted(cluster_zones)),
                origins=tuple(origins),
                contribution_ids=group.contribution_ids,
                score=round(cohesion([unit_vectors[k] for k in cluster]), 4),
            )
        )
    found.sort(key=lambda theme: (-len(theme.tables), -len(theme.contribution_ids), theme.title))
    return found


def _infinitive(word: str) -> bool:
    return len(word) > 5 and word.endswith(("are", "ere", "ire")) and word.islower()


def _commonest_noun(forms: Counter[str]) -> str | None:
    """The commonest written form that is not an infinitive (shortest on ties), if any."""
    nouns = [(-count, len(w), w) for w, count in forms.items() if not _infinitive(w)]
    return min(nouns)[2] if nouns else None


def recurring_terms(
    contributions: Sequence[Contribution],
    tables: Sequence[Table],
    themes: Sequence[Theme] = (),
    *,
    min_tables: int = 3,
    limit: int = 20,
) -> list[RecurringTerm]:
    """Words and tags used at many tables, the most telling first.

    A term scores by the number of tables that use it times the square of its rarity
    over the event (IDF), so a specific word at four tables ("demografico") comes before a
    generic one at all of them ("servizi"). When the event has themes, only the words
    facilitators used in theme titles count (they name topics; "difficile" or "breve"
    do not) and their forms there count when choosing how to show a term
    ("coordinamento" rather than "coordinare"); a stem written in post-its only as
    infinitives ("valorizzare") never counts.

    Args:
        contributions: the event's post-its (deleted ones are left out).
        tables: the event's tables.
        themes: the event's themes, whose titles give the topic words.
        min_tables: keep terms used at this many tables or more.
        limit: at most this many terms.

    Returns:
        The terms, best first.
    """
    posts = [c for c in contributions if not c.deleted]
    corpus = Corpus.build(posts)
    order = {table.id: (table.position, table.key) for table in tables}
    keys = {table.id: table.key for table in tables}
    vocabulary: dict[str, Counter[str]] | None = None  # feature -> forms in titles
    titles = [theme.title for theme in themes if theme.deleted_at is None]
    if titles:
        vocabulary = {}
        for title in titles:
            for token in text_features(title).tokens:
                vocabulary.setdefault(token.feature, Counter())[token.surface] += 1
    where: dict[str, set[str]] = {}
    using: dict[str, list[int]] = {}
    for i, vector in enumerate(corpus.vectors):
        for feature in vector:
            if feature.startswith("~") or (vocabulary is not None and feature not in vocabulary):
                continue
            where.setdefault(feature, set()).add(posts[i].table_id)
            using.setdefault(feature, []).append(i)
    scored = sorted(
        (-len(table_ids) * corpus.idf(feature) ** 2, feature)
        for feature, table_ids in where.items()
        if len(table_ids) >= min_tables
        and _commonest_noun(corpus.surfaces.get(feature, Counter({feature: 1}))) is not None
    )
    result: list[RecurringTerm] = []
    taken: set[str] = set()
    for _, feature in scored:
        if len(result) >= limit:
            break
        key = feature if ":" in feature else feature[:PREFIX_LENGTH]
        if key in taken:
            continue
        taken.add(key)
        table_ids = sorted(where[feature], key=lambda t: order.get(t, (0, t)))
        forms = Counter(corpus.surfaces.get(feature, {}))
        if vocabulary is not None:  # the forms facilitators wrote in their titles count too
            forms.update(vocabulary[feature])
        word = _commonest_noun(forms) or feature
        result.append(
            RecurringTerm(
                word=word,
                tables=tuple(keys.get(t, t) for t in table_ids),
                contribution_ids=tuple(posts[i].id for i in using[feature]),
            )
        )
    return result
