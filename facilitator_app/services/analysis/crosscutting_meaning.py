"""Cross-cutting themes from meaning vectors: the same thing said at several tables.

All the event's post-its are compared by the cosine of their meaning vectors blended with
the cosine of their words (:data:`WORD_WEIGHT`, :mod:`.semantic`). The post-its most drawn
to other tables' topics (:data:`CANDIDATE_SHARE`) are placed in one average-link tree, and
every node of the tree is a candidate theme. A node qualifies when each of its tables
brings **one** post-it (:data:`PER_TABLE`: a theme is one thing said at several tables,
each table represented by its post-it nearest to the others, not one table's own
discussion of it), when those come from at least ``min_tables`` tables *and* from at least
two topics of table (axes, or zone omogenee, for zone tables) — a topic that recurs only at
the tables of one axis is that axis's theme, not a cross-cutting one —, when it holds at
most :data:`MAX_SHARE` of the event's post-its and when its post-its are much closer to
each other than two post-its of the event usually are (above the
:data:`COHESION_QUANTILE` quantile of the event's pairs). The surest nodes (highest
average similarity) are taken first, without overlap, at most :data:`MAX_THEMES`: fewer
but surer themes. With one table there is none.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis import semantic
from facilitator_app.services.analysis.crosscutting_model import (
    HUMAN,
    SINGLE,
    CrossCuttingTheme,
    Origin,
)
from facilitator_app.services.analysis.suggest import characteristic_features, keywords_of
from facilitator_app.services.analysis.titles import central_index, phrase_title
from facilitator_app.services.analysis.vectors import Corpus

# At most this many cross-cutting themes, each holding at most this share of the post-its.
MAX_THEMES = 6
MAX_SHARE = 0.15
# A theme's post-its must be closer than this quantile of all pairs of the event.
COHESION_QUANTILE = 0.97
# Share of the post-its considered: those most drawn to other tables' topics (half: with
# one post-it per table the filter only has to drop each table's most local half).
CANDIDATE_SHARE = 0.5
NEIGHBOURS = 3
# Fewest post-its in a theme (two when the event has only two tables).
MIN_POSTS = 3
# Post-its a table brings to one theme.
PER_TABLE = 1
# Weight of the shared words (TF-IDF cosine over the whole event) beside the meaning
# vectors: a recurring topic is often said with the same few words, but a heavier blend
# fitted one labelled set's wording (0.6 -> 0.3 in the third pass, see THEMES.md).
WORD_WEIGHT = 0.3


@dataclass(frozen=True, slots=True)
class _Node:
    members: tuple[int, ...]
    similarity: float


def _nodes(n: int, merges: Sequence[semantic.Merge], largest: int) -> list[_Node]:
    """Every node of the tree with at most ``largest`` members (its members, its height)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    found: list[_Node] = []
    for merge in merges:
        a, b = root(merge.left), root(merge.right)
        keep, drop = min(a, b), max(a, b)
        parent[drop] = keep
        joined = members.pop(keep, []) + members.pop(drop, [])
        if len(joined) <= largest:
            members[keep] = joined
            found.append(_Node(tuple(sorted(joined)), merge.similarity))
        # A node too large never becomes small again: its members are no longer tracked.
    return found


def _topic(table: Table | None, post: Contribution) -> str:
    """What a table is about: its axis, else its zones, else the table itself."""
    if table is not None and table.axis is not None:
        return f"asse:{table.axis}"
    if table is not None and table.zones:
        return "zona:" + ",".join(map(str, table.zones))
    return f"tavolo:{post.table_id}"


def _off_topic(similarity: npt.NDArray[np.float64], topics: Sequence[str]) -> list[int]:
    """The post-its that speak of something other than their table's topic.

    A post-it's pull towards other topics (its mean similarity to its
    :data:`NEIGHBOURS` nearest post-its of other topics) minus its pull towards its
    own (mean similarity to the post-its of its topic); the :data:`CANDIDATE_SHARE`
    with the largest difference are kept, in order.
    """
    n = len(topics)
    names = np.array(topics)
    score = np.zeros(n)
    for i in range(n):
        same = names == names[i]
        same[i] = False
        other = ~same
        other[i] = False
        if not other.any():
            score[i] = -np.inf
            continue
        foreign = np.sort(similarity[i, other])[-NEIGHBOURS:].mean()
        own = similarity[i, same].mean() if same.any() else 0.0
        score[i] = foreign - own
    count = max(MIN_POSTS, int(np.ceil(CANDIDATE_SHARE * n)))
    order = sorted(range(n), key=lambda i: (-score[i], i))[:count]
    return sorted(i for i in order if np.isfinite(score[i]))


def crosscutting_by_meaning(
    posts: Sequence[Contribution],
    tables: Sequence[Table],
    themes: Sequence[Theme],
    vectors: Mapping[str, npt.ArrayLike],
    *,
    min_tables: int = 2,
) -> list[CrossCuttingTheme]:
    """Cross-cutting themes of an event's live post-its, from their meaning vectors.

    Args:
        posts: the live post-its, each with a vector.
        tables: the event's tables.
        themes: the event's themes (an origin made of one human theme is named by it).
        vectors: post-it id -> meaning vector.
        min_tables: fewest tables a theme must span.

    Returns:
        At most :data:`MAX_THEMES` themes, the tightest (surest) first.
    """
    by_id = {table.id: table for table in tables}
    if len({post.table_id for post in posts}) < max(2, min_tables):
        return []
    n = len(posts)
    similarity = semantic.similarity_matrix(posts, vectors, tag_weight=0.0, word_weight=WORD_WEIGHT)
    pairs = similarity[np.triu_indices(n, k=1)]
    floor = float(np.quantile(pairs, COHESION_QUANTILE))
    largest = max(MIN_POSTS, int(MAX_SHARE * n))
    fewest = min(MIN_POSTS, len({post.table_id for post in posts}))
    topics = [_topic(by_id.get(post.table_id), post) for post in posts]
    candidates = _off_topic(similarity, topics)
    inner = similarity[np.ix_(candidates, candidates)]
    qualified: list[_Node] = []
    for local in _nodes(len(candidates), semantic.average_link_tree(inner), largest):
        node = _Node(tuple(candidates[k] for k in local.members), local.similarity)
        if len(node.members) < fewest or node.similarity < floor:
            continue
        per_table = Counter(posts[i].table_id for i in node.members)
        if max(per_table.values()) > PER_TABLE or len(per_table) < min_tables:
            continue
        if len({topics[i] for i in node.members}) < 2:
            continue
        qualified.append(node)
    # The surest first: the tightest recurrence, however small.
    qualified.sort(key=lambda node: (-node.similarity, node.members))
    chosen: list[_Node] = []
    taken: set[int] = set()
    for node in qualified:
        if taken.isdisjoint(node.members):
            chosen.append(node)
            taken.update(node.members)
        if len(chosen) == MAX_THEMES:
            break
    corpus = Corpus.build(posts)
    live_themes = {theme.id: theme for theme in themes if theme.deleted_at is None}
    found = [_describe(node, posts, by_id, live_themes, corpus, similarity) for node in chosen]
    # Surest first (the same order they were chosen in), then the widest.
    found.sort(key=lambda theme: (-theme.score, -len(theme.tables), theme.title))
    return found


def _describe(
    node: _Node,
    posts: Sequence[Contribution],
    by_id: Mapping[str, Table],
    live_themes: Mapping[str, Theme],
    corpus: Corpus,
    similarity: npt.NDArray[np.float64],
) -> CrossCuttingTheme:
    members = list(node.members)
    block = similarity[np.ix_(members, members)]
    central = members[central_index(block.tolist())]
    origin = {i: posts[i].table_id for i in members}
    words = keywords_of(corpus, characteristic_features(corpus, members, origin=origin))
    order = {table.id: (table.position, table.key) for table in by_id.values()}
    boards: dict[tuple[str, int], list[int]] = {}
    for i in members:
        boards.setdefault((posts[i].table_id, posts[i].session), []).append(i)
    origins: list[Origin] = []
    for (table_id, session), index in sorted(
        boards.items(), key=lambda item: (order.get(item[0][0], (0, item[0][0])), item[0][1])
    ):
        table = by_id.get(table_id)
        theme_ids = {posts[i].theme_id for i in index}
        theme = live_themes.get(next(iter(theme_ids)) or "") if len(theme_ids) == 1 else None
        origins.append(
            Origin(
                table_key=table.key if table else table_id,
                table_name=table.name if table else table_id,
                session=session,
                source=HUMAN if theme is not None else SINGLE,
                title=theme.title if theme is not None else posts[index[0]].text,
                contribution_ids=tuple(posts[i].id for i in index),
                zones=tuple(
                    sorted(
                        {
                            *(table.zones if table else ()),
                            *(z for i in index for z in posts[i].zones),
                        }
                    )
                ),
            )
        )
    others = [i for i in range(len(posts)) if i not in set(members)]
    size = len(members)
    inner = float((block.sum() - np.trace(block)) / (size * (size - 1)))
    return CrossCuttingTheme(
        title=phrase_title(posts[central].text),
        keywords=tuple(words),
        tables=tuple(dict.fromkeys(o.table_key for o in origins)),
        zones=tuple(sorted({z for o in origins for z in o.zones})),
        origins=tuple(origins),
        contribution_ids=tuple(posts[i].id for i in members),
        score=round(inner, 4),
        confidence=round(semantic.confidence(similarity, members, others), 4),
    )
