"""Sparse TF-IDF vectors of post-its, their similarity graph and average-link clustering.

Everything is a plain dict: a vector maps a feature to its weight and has unit length, so
the cosine similarity of two post-its is the sum of the products of their shared
features. Similarities are found through an inverted index (feature -> post-its), so only
pairs that share a feature are ever looked at; each post-it keeps its strongest
neighbours, which bounds the graph (and the memory) for large sets.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from facilitator_app.domain.model import Contribution
from facilitator_app.services.analysis.italian import Token, tokens

Vector = dict[str, float]

# Weight of tag features (cards, zones, linked axes) relative to a word of the same rarity:
# a tag is a deliberate choice of the facilitator, a word may be incidental.
TAG_WEIGHT = 1.5
# Stems longer than this also give a truncated feature ("digitalizz" -> "~digit"), at a
# lower weight, so that "digitale" and "digitalizzazione" still meet.
PREFIX_LENGTH = 5
PREFIX_WEIGHT = 0.5
# Neighbours kept per post-it in the similarity graph.
NEIGHBOURS = 12


@dataclass(frozen=True, slots=True)
class Features:
    """The features of one post-it.

    Attributes:
        counts: feature -> occurrences (words stemmed, tags as ``scheda:6.1``...).
        tokens: the tokens they come from, with their written forms.
    """

    counts: Counter[str]
    tokens: tuple[Token, ...]


def features_of(contribution: Contribution) -> Features:
    """Count the features of a post-it: stemmed words, truncated stems and tags."""
    return text_features(
        contribution.text, contribution.cards, contribution.zones, contribution.links
    )


def text_features(
    text: str,
    cards: Iterable[str] = (),
    zones: Iterable[int] = (),
    links: Iterable[int] = (),
) -> Features:
    """Count the features of a text and its tags (see :func:`features_of`)."""
    found = tokens(text, cards, zones, links)
    names = [token.feature for token in found]
    names += [
        "~" + name[:PREFIX_LENGTH]
        for name in names
        if len(name) > PREFIX_LENGTH and ":" not in name
    ]
    return Features(Counter(names), tuple(found))


def feature_weight(feature: str) -> float:
    """The fixed multiplier of a kind of feature (tag, truncated stem, word)."""
    if feature.startswith("~"):
        return PREFIX_WEIGHT
    if ":" in feature:
        return TAG_WEIGHT
    return 1.0


@dataclass
class Corpus:
    """TF-IDF vectors of a set of post-its.

    Attributes:
        ids: the post-its' ids, in the order given.
        vectors: one unit vector per post-it (empty for a post-it with no feature).
        document_frequency: feature -> how many post-its have it.
        surfaces: feature -> written forms over the whole set.
    """

    ids: list[str]
    vectors: list[Vector]
    document_frequency: Counter[str]
    surfaces: dict[str, Counter[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, contributions: Sequence[Contribution]) -> Corpus:
        """Vectors for the post-its; IDF is computed on this same set.

        Features found in a single post-it are dropped: they cannot link it to anything
        and would only dilute its vector.
        """
        found = [features_of(c) for c in contributions]
        df: Counter[str] = Counter(feature for f in found for feature in f.counts)
        forms = Counter((t.feature, t.surface) for f in found for t in f.tokens)
        surfaces: dict[str, Counter[str]] = {}
        for (feature, written), count in forms.items():
            surfaces.setdefault(feature, Counter())[written] = count
        corpus = cls([c.id for c in contributions], [], df, surfaces)
        n = len(found)
        weight = {
            feature: (math.log((1 + n) / (1 + d)) + 1.0) * feature_weight(feature)
            for feature, d in df.items()
            if d >= 2
        }
        log = math.log
        corpus.vectors = [
            normalized(
                {
                    feature: (1.0 + log(count)) * weight[feature]
                    for feature, count in f.counts.items()
                    if feature in weight
                }
            )
            for f in found
        ]
        return corpus

    def idf(self, feature: str) -> float:
        """Smoothed inverse document frequency of a feature in this set."""
        n = len(self.ids)
        return math.log((1 + n) / (1 + self.document_frequency.get(feature, 0))) + 1.0

    def vectorize(self, features: Features) -> Vector:
        """The unit TF-IDF vector of some features (a theme's title...) on this set's IDF.

        Unlike the post-its' own vectors, features the set has seen once or never are
        kept: two titles may share a word no post-it uses.
        """
        return normalized(
            {
                feature: (1.0 + math.log(count)) * self.idf(feature) * feature_weight(feature)
                for feature, count in features.counts.items()
            }
        )


def normalized(vector: Vector) -> Vector:
    """The vector scaled to unit length (an empty vector stays empty)."""
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {k: w / norm for k, w in vector.items()} if norm else {}


def similarity_graph(
    vectors: Sequence[Vector],
    *,
    neighbours: int = NEIGHBOURS,
    min_similarity: float = 0.0,
    allowed: Callable[[int, int], bool] | None = None,
) -> dict[tuple[int, int], float]:
    """Cosine similarities of the pairs that share a feature, sparsified.

    Each item keeps its ``neighbours`` most similar items; a pair is kept when either
    side keeps it. In a large set, features shared by more than :func:`max_postings`
    items are skipped: they are the commonest, least telling words, and the pairs they
    would add grow with the square of their frequency.

    Args:
        vectors: unit vectors.
        neighbours: how many neighbours each item keeps.
        min_similarity: pairs at or below this similarity are dropped.
        allowed: optional filter on pairs (i, j), applied before choosing neighbours.

    Returns:
        (i, j) with i < j -> similarity.
    """
    postings: dict[str, dict[int, float]] = {}
    for i, vector in enumerate(vectors):
        for feature, weight in vector.items():
            postings.setdefault(feature, {})[i] = weight
    cap = max_postings(len(vectors))
    length = {feature: len(posting) for feature, posting in postings.items()}
    edges: dict[tuple[int, int], float] = {}
    by_score = itemgetter(1)
    for i, vector in enumerate(vectors):
        # Longest posting first: it fills the scores in one comprehension (fast), the
        # shorter ones are added to it.
        shared = sorted(
            (f for f in vector if length[f] <= cap), key=length.__getitem__, reverse=True
        )
        if not shared:
            continue
        first = vector[shared[0]]
        scores = {j: first * other for j, other in postings[shared[0]].items()}
        get = scores.get
        for feature in shared[1:]:
            weight = vector[feature]
            for j, other in postings[feature].items():
                scores[j] = get(j, 0.0) + weight * other
        scores.pop(i, None)
        candidates = (
            scores.items()
            if allowed is None
            else [(j, score) for j, score in scores.items() if allowed(i, j)]
        )
        # nlargest keeps the earlier of equal scores: deterministic for the same input.
        for j, score in heapq.nlargest(neighbours, candidates, key=by_score):
            if score > min_similarity:
                edges[(i, j) if i < j else (j, i)] = score
    return edges


def max_postings(size: int) -> int:
    """Most items a feature may be shared by and still link them: 5 % of a set, at least 50.

    A board of up to 50 post-its is thus compared on every feature its post-its share.
    """
    return max(50, size // 20)


def average_link(
    size: int,
    edges: dict[tuple[int, int], float],
    *,
    threshold: float,
    max_groups: int | None = None,
    clusters: int | None = None,
) -> list[list[int]]:
    """Agglomerative clustering with average linkage on a sparse similarity graph.

    Missing pairs count as similarity 0. Clusters are merged while the best average
    similarity between two clusters is at least ``threshold``. If ``max_groups`` is set,
    groups (clusters of two or more) go on being merged with each other below the
    threshold, never across a zero similarity, until at most ``max_groups`` are left. If
    ``clusters`` is set, merging stops as soon as that many clusters are left.

    Ties are broken by the smallest item indices, so the result is deterministic.

    Args:
        size: number of items (0..size-1).
        edges: (i, j), i < j -> similarity.
        threshold: lowest average similarity worth a merge.
        max_groups: cap on the number of clusters with two or more members.
        clusters: stop at this number of clusters (singletons included).

    Returns:
        Clusters as sorted lists of item indices, ordered by their first member.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    links: dict[int, dict[int, float]] = {i: {} for i in range(size)}
    for (i, j), score in edges.items():
        links[i][j] = links[i].get(j, 0.0) + score
        links[j][i] = links[j].get(i, 0.0) + score

    def push(a: int, b: int) -> None:
        total = links[a].get(b, 0.0)
        if total > 0:
            average = total / (len(members[a]) * len(members[b]))
            heapq.heappush(heap, (-average, min(a, b), max(a, b)))

    heap = [(-score, i, j) for (i, j), score in edges.items() if score > 0]
    heapq.heapify(heap)

    groups = 0  # clusters with two or more members
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        average = links[a].get(b, 0.0) / (len(members[a]) * len(members[b]))
        if abs(average + negative) > 1e-12:
            continue  # stale entry: the pair was re-pushed with its current average
        if clusters is not None and len(members) <= clusters:
            break
        if average < threshold:
            if max_groups is None or groups <= max_groups:
                break
            if len(members[a]) == 1 or len(members[b]) == 1:
                continue  # below the threshold only groups are merged, to meet the cap
        # Merge b into a (a < b keeps the smallest index as the cluster's name).
        groups += 1 - (len(members[a]) > 1) - (len(members[b]) > 1)
        members[a].extend(members.pop(b))
        other_links = links.pop(b)
        for c, total in other_links.items():
            if c == a:
                continue
            links[a][c] = links[a].get(c, 0.0) + total
            links[c][a] = links[a][c]
            del links[c][b]
        links[a].pop(b, None)
        for c in links[a]:
            push(a, c)
    return sorted((sorted(m) for m in members.values()), key=lambda m: m[0])


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Sum of vectors (not normalized)."""
    total: Vector = {}
    for vector in vectors:
        for feature, weight in vector.items():
            total[feature] = total.get(feature, 0.0) + weight
    return total


def cohesion(vectors: Sequence[Vector]) -> float:
    """Average cosine similarity of the pairs of a group of unit vectors (0 to 1).

    Uses |sum v|^2 = n + sum over ordered pairs i != j of v_i . v_j, so it costs one pass.
    """
    n = sum(1 for v in vectors if v)
    if n < 2:
        return 0.0
    total = centroid(vectors)
    squared = sum(w * w for w in total.values())
    return max(0.0, min(1.0, (squared - n) / (n * (n - 1))))
