"""Suggested groups for the post-its of a board, with suggested titles.

Pure functions over :class:`~facilitator_app.domain.model.Contribution` records: nothing
is read from or written to an event file. The facilitator accepts, renames, merges,
splits or ignores the suggestions; :func:`merge_groups`, :func:`split_group` and
:func:`rename_group` return new suggestions for those gestures, and writing an accepted
group as a theme is the capture service's job.

Method, with meaning vectors (``vectors``: post-it id -> vector of the embedded encoder,
:mod:`.encoder`): the cosine of the vectors blended with the overlap of the post-its' own
tags, an average-link tree cut where the board's silhouette is best (so the method chooses
the number of groups; see :mod:`.semantic`), a confidence per group, and a title that is a
phrase of the group's most central post-it (:mod:`.titles`).

Without vectors (the model could not load, or a post-it has none yet) the previous method
runs: TF-IDF vectors of stemmed words, truncated stems and tags (:mod:`.vectors`), a sparse
cosine-similarity graph, average-link clustering stopped at a similarity threshold, and a
title from each group's most characteristic words.

Either way a group has two or more post-its; a post-it that resembles no other stays in
the explicit ``ungrouped`` list (shown apart by the UI). The keywords are kept as a hint.
"""

from __future__ import annotations

import dataclasses
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis import semantic
from facilitator_app.services.analysis.encoder import USE_MODEL_ID
from facilitator_app.services.analysis.theme_projection import Projection, shipped_projection
from facilitator_app.services.analysis.titles import central_index, phrase_title
from facilitator_app.services.analysis.vectors import (
    PREFIX_LENGTH,
    Corpus,
    average_link,
    cohesion,
    similarity_graph,
)

# Lowest average cosine similarity for which two clusters are merged.
THRESHOLD = 0.12
# Words in a suggested title, and keywords kept per group.
TITLE_WORDS = 3
KEYWORDS = 6
# Longest suggested title (characters); a longer one is cut at a word boundary.
MAX_TITLE = 80
# Title of a group whose members share no characteristic word (only tags, or nothing).
UNTITLED = "Gruppo senza parole comuni"


@dataclass(frozen=True, slots=True)
class SuggestedGroup:
    """A group of post-its the facilitator may accept as a theme.

    Attributes:
        title: suggested title, its most characteristic words ("Trasporto, scuole, corse").
        keywords: the characteristic words, best first (written forms, not stems).
        contribution_ids: the member post-its, in the order they were given.
        score: cohesion, the average cosine similarity of the members' pairs (0 to 1).
        confidence: how clearly the group stands apart from the rest of the board, 0–1
            (0 without meaning vectors); :attr:`level` says it in a word.
    """

    title: str
    keywords: tuple[str, ...]
    contribution_ids: tuple[str, ...]
    score: float
    confidence: float = 0.0

    @property
    def level(self) -> str:
        """The confidence in a word for people: "alta", "media" or "bassa"."""
        return semantic.confidence_level(self.confidence)

    def __len__(self) -> int:
        return len(self.contribution_ids)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Suggested groups for a set of post-its.

    Every post-it given is in exactly one group or in ``ungrouped``.

    Attributes:
        groups: groups of two or more post-its, largest first.
        ungrouped: ids of the post-its that resemble no other, in the order given.
    """

    groups: tuple[SuggestedGroup, ...]
    ungrouped: tuple[str, ...]


VectorMap = Mapping[str, npt.ArrayLike]


def _live(contributions: Sequence[Contribution]) -> list[Contribution]:
    return [c for c in contributions if not c.deleted]


def _projection_for(posts: Sequence[Contribution], vectors: VectorMap) -> Projection | None:
    """The shipped theme projection for vectors of the app's encoder (None: plain vectors)."""
    if not posts:
        return None
    dimensions = int(np.asarray(vectors[posts[0].id]).size)
    return shipped_projection(USE_MODEL_ID, dimensions)


def _usable(posts: Sequence[Contribution], vectors: VectorMap | None) -> bool:
    """Meaning vectors are used only when every post-it has one (else: word features)."""
    return vectors is not None and bool(posts) and all(p.id in vectors for p in posts)


def suggest(
    contributions: Sequence[Contribution],
    *,
    vectors: VectorMap | None = None,
    max_groups: int | None = None,
    threshold: float = THRESHOLD,
) -> Suggestion:
    """Suggest groups for post-its (usually one table's board in one session).

    Deterministic: the same post-its in the same order give the same suggestions.
    Deleted post-its are left out (neither grouped nor ungrouped).

    Args:
        contributions: the post-its to group.
        vectors: post-it id -> meaning vector (see :mod:`.encoder`); without them, or when
            a post-it has none, the word-feature method runs.
        max_groups: at most this many groups; similar groups are merged to get there, and
            if they share nothing the smallest ones are left ungrouped.
        threshold: for the word-feature method, the lowest average similarity at which
            clusters merge; higher gives more, smaller groups.

    Returns:
        The groups and the ungrouped post-its.
    """
    posts = _live(contributions)
    corpus = Corpus.build(posts)
    if vectors is not None and _usable(posts, vectors):
        return _suggest_by_meaning(posts, corpus, vectors, max_groups)
    edges = similarity_graph(corpus.vectors)
    clusters = average_link(len(posts), edges, threshold=threshold, max_groups=max_groups)
    groups = [cluster for cluster in clusters if len(cluster) > 1]
    groups.sort(key=lambda cluster: (-len(cluster), cluster[0]))
    if max_groups is not None:
        groups = groups[: max(max_groups, 0)]
    grouped = {i for cluster in groups for i in cluster}
    return Suggestion(
        groups=tuple(describe(corpus, cluster) for cluster in groups),
        ungrouped=tuple(c.id for i, c in enumerate(posts) if i not in grouped),
    )


def _suggest_by_meaning(
    posts: Sequence[Contribution], corpus: Corpus, vectors: VectorMap, max_groups: int | None
) -> Suggestion:
    similarity = semantic.similarity_matrix(
        posts, vectors, corpus=corpus, projection=_projection_for(posts, vectors)
    )
    tree = semantic.average_link_tree(similarity)
    clusters = semantic.clusters_of(semantic.cut(similarity, tree))
    wanted = None if max_groups is None else max(max_groups, 0)
    count = len(posts)
    while wanted is not None and sum(len(c) > 1 for c in clusters) > wanted and count > 1:
        count -= 1  # fewer clusters overall until few enough have two members or more
        clusters = semantic.clusters_of(semantic.cut(similarity, tree, groups=count))
    groups = sorted((c for c in clusters if len(c) > 1), key=lambda c: (-len(c), c[0]))
    if wanted is not None:
        groups = groups[:wanted]
    grouped = {i for cluster in groups for i in cluster}
    texts = [p.text for p in posts]
    return Suggestion(
        groups=tuple(describe_by_meaning(corpus, similarity, c, texts) for c in groups),
        ungrouped=tuple(c.id for i, c in enumerate(posts) if i not in grouped),
    )


def describe_by_meaning(
    corpus: Corpus,
    similarity: npt.NDArray[np.float64],
    members: Sequence[int],
    texts: Sequence[str],
) -> SuggestedGroup:
    """A group described from meaning vectors: phrase title, keywords hint, confidence.

    Args:
        corpus: word features of the whole board (for the keywords).
        similarity: blended similarity of the board's post-its.
        members: indices of the group's post-its.
        texts: the board's post-it texts (the title is taken from one of them).

    Returns:
        The group, members in board order.
    """
    ordered = sorted(members)
    outside = np.ones(len(corpus.ids), dtype=bool)
    outside[ordered] = False  # a mask, not setdiff1d: it sorted the board once per group
    others = np.flatnonzero(outside).tolist()
    block = similarity[np.ix_(ordered, ordered)]
    central = ordered[central_index(block.tolist())]
    words = keywords_of(corpus, characteristic_features(corpus, ordered))
    size = len(ordered)
    inner = float((block.sum() - np.trace(block)) / (size * (size - 1))) if size > 1 else 1.0
    return SuggestedGroup(
        title=phrase_title(texts[central]) or UNTITLED,
        keywords=tuple(words),
        contribution_ids=tuple(corpus.ids[i] for i in ordered),
        score=round(min(max(inner, 0.0), 1.0), 4),
        confidence=round(semantic.confidence(similarity, ordered, others), 4),
    )


def suggest_groups(
    contributions: Sequence[Contribution],
    *,
    vectors: VectorMap | None = None,
    max_groups: int | None = None,
) -> list[SuggestedGroup]:
    """The groups of :func:`suggest`; post-its in none of them are the ungrouped ones.

    Args:
        contributions: the post-its to group.
        vectors: post-it id -> meaning vector (see :func:`suggest`).
        max_groups: at most this many groups.

    Returns:
        Groups of two or more post-its, largest first.
    """
    return list(suggest(contributions, vectors=vectors, max_groups=max_groups).groups)


def merge_groups(
    groups: Sequence[SuggestedGroup],
    contributions: Sequence[Contribution],
    *,
    vectors: VectorMap | None = None,
) -> SuggestedGroup:
    """One group holding the members of several, with a new title and score.

    Args:
        groups: the groups to merge (at least one).
        contributions: the post-its of the board (they give the words their weight and
            the members their order); members missing from it are dropped.
        vectors: post-it id -> meaning vector (see :func:`suggest`).

    Returns:
        The merged group.

    Raises:
        ValueError: no group given.
    """
    if not groups:
        raise ValueError("nessun gruppo da unire")
    wanted = {cid for group in groups for cid in group.contribution_ids}
    posts = _live(contributions)
    corpus = Corpus.build(posts)
    members = [i for i, c in enumerate(posts) if c.id in wanted]
    if vectors is not None and _usable(posts, vectors):
        similarity = semantic.similarity_matrix(
            posts, vectors, projection=_projection_for(posts, vectors)
        )
        return describe_by_meaning(corpus, similarity, members, [p.text for p in posts])
    return describe(corpus, members)


def split_group(
    group: SuggestedGroup,
    contributions: Sequence[Contribution],
    *,
    parts: int = 2,
    vectors: VectorMap | None = None,
) -> list[SuggestedGroup]:
    """Split a group into smaller ones by the similarity of its members.

    Members that share nothing with the others are spread so that exactly ``parts``
    groups come out (fewer only when the group has fewer members).

    Args:
        group: the group to split.
        contributions: the post-its of the board (see :func:`merge_groups`).
        parts: how many groups to make (at least 2).
        vectors: post-it id -> meaning vector (see :func:`suggest`).

    Returns:
        The new groups, largest first; a single group of one member cannot be split and
        comes back as it is.
    """
    posts = _live(contributions)
    corpus = Corpus.build(posts)
    wanted = set(group.contribution_ids)
    index = [i for i, c in enumerate(posts) if c.id in wanted]
    if len(index) < 2:
        return [group]
    parts = max(2, min(parts, len(index)))
    if vectors is not None and _usable(posts, vectors):
        similarity = semantic.similarity_matrix(
            posts, vectors, projection=_projection_for(posts, vectors)
        )
        inner = similarity[np.ix_(index, index)]
        labels = semantic.cut(inner, groups=parts, max_share=1.0)
        pieces = sorted(semantic.clusters_of(labels), key=lambda c: (-len(c), c[0]))
        texts = [p.text for p in posts]
        return [
            describe_by_meaning(corpus, similarity, [index[k] for k in c], texts) for c in pieces
        ]
    vectors_of = [corpus.vectors[i] for i in index]
    edges = similarity_graph(vectors_of, neighbours=len(index))
    clusters = average_link(len(index), edges, threshold=-math.inf, clusters=parts)
    # Unrelated leftovers: fold the smallest clusters together until `parts` remain.
    clusters.sort(key=lambda cluster: (-len(cluster), cluster[0]))
    while len(clusters) > parts:
        smallest = clusters.pop()
        clusters[-1] = sorted(clusters[-1] + smallest)
        clusters.sort(key=lambda cluster: (-len(cluster), cluster[0]))
    return [describe(corpus, [index[k] for k in cluster]) for cluster in clusters]


def rename_group(group: SuggestedGroup, title: str) -> SuggestedGroup:
    """The same group under another title (blank titles are refused).

    Raises:
        ValueError: the title is blank.
    """
    clean = " ".join(title.split())
    if not clean:
        raise ValueError("il titolo non può essere vuoto")
    return dataclasses.replace(group, title=clean)


# -- titles ----------------------------------------------------------------------------


def characteristic_features(
    corpus: Corpus, members: Sequence[int], *, origin: Mapping[int, str] | None = None
) -> list[str]:
    """The features that best tell a group apart from the rest of the set, best first.

    A feature scores by the share of members that have it, times how rare it is in the
    whole set (IDF), minus its share among the other post-its. Truncated stems are left
    out (their full words stand for them) and a feature must be present in two members
    when the group has more than two.

    Args:
        corpus: the vectors of the whole set.
        members: indices of the group's post-its in the corpus.
        origin: optional member -> where it comes from (a table); when given, a feature
            must come from two origins and its score is scaled by the share of the
            group's origins it comes from, so that a cross-cutting theme is named by the
            words its tables share.

    Returns:
        Features, best first, ties broken alphabetically.
    """
    n = len(corpus.ids)
    inside: Counter[str] = Counter()
    origins: dict[str, set[str]] = {}
    for i in members:
        inside.update(corpus.vectors[i].keys())
        if origin is not None:
            for feature in corpus.vectors[i]:
                origins.setdefault(feature, set()).add(origin[i])
    size = len(members)
    rest = max(n - size, 1)
    least = 2 if size > 2 else 1
    everywhere = len({origin[i] for i in members}) if origin is not None else 1
    scored: list[tuple[float, str]] = []
    for feature, count in inside.items():
        if feature.startswith("~") or count < least:
            continue
        spread = 1.0
        if origin is not None:
            spread = len(origins[feature]) / everywhere
            if len(origins[feature]) < 2:
                continue
        share = count / size
        outside = (corpus.document_frequency[feature] - count) / rest
        idf = math.log((1 + n) / (1 + corpus.document_frequency[feature])) + 1.0
        scored.append((-(share * idf - outside) * spread, feature))
    scored.sort()
    return [feature for _, feature in scored]


def keywords_of(corpus: Corpus, features: Sequence[str], limit: int = KEYWORDS) -> list[str]:
    """Readable keywords for features, skipping repeats of a word already taken.

    Two words count as one when they share their first :data:`PREFIX_LENGTH` letters
    ("digitale", "digitalizzazione"), so a title does not say the same thing twice.
    """
    words: list[str] = []
    taken: set[str] = set()
    for feature in features:
        key = feature if ":" in feature else feature[:PREFIX_LENGTH]
        word = surface(corpus, feature)
        if key in taken or word.casefold() in (w.casefold() for w in words):
            continue
        taken.add(key)
        words.append(word)
        if len(words) == limit:
            break
    return words


def surface(corpus: Corpus, feature: str) -> str:
    """The commonest written form of a feature (shortest, then alphabetical, on ties)."""
    forms = corpus.surfaces.get(feature)
    if not forms:
        return feature
    best = min(forms.items(), key=lambda item: (-item[1], len(item[0]), item[0]))
    return best[0]


def make_title(words: Sequence[str]) -> str:
    """A title from keywords: "Trasporto, scuole, corse", at most :data:`MAX_TITLE` chars."""
    title = ""
    for word in words:
        candidate = f"{title}, {word}" if title else word
        if len(candidate) > MAX_TITLE:
            break
        title = candidate
    if not title and words:
        title = words[0][: MAX_TITLE - 1].rstrip() + "…"
    return title[:1].upper() + title[1:]


def describe(
    corpus: Corpus, members: Sequence[int], *, origin: Mapping[int, str] | None = None
) -> SuggestedGroup:
    """A suggested group for some post-its of a corpus: title, keywords, score.

    Args:
        corpus: the vectors of the whole set.
        members: indices of the group's post-its in the corpus.
        origin: see :func:`characteristic_features`.

    Returns:
        The group, members in corpus order.
    """
    ordered = sorted(members)
    words = keywords_of(corpus, characteristic_features(corpus, ordered, origin=origin))
    return SuggestedGroup(
        title=make_title(words[:TITLE_WORDS]) or UNTITLED,
        keywords=tuple(words),
        contribution_ids=tuple(corpus.ids[i] for i in ordered),
        score=round(cohesion([corpus.vectors[i] for i in ordered]), 4),
    )
