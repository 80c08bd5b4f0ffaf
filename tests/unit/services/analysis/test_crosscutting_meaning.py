"""Cross-cutting themes from meaning vectors: only real recurrences, a handful, none too big."""

from __future__ import annotations

from facilitator_app.domain.model import Contribution, Table
from facilitator_app.services.analysis.crosscutting import crosscutting_themes
from facilitator_app.services.analysis.crosscutting_meaning import MAX_SHARE, MAX_THEMES
from tests.helpers.analysis_posts import NOW, post
from tests.helpers.meaning_vectors import topic_vectors


def table(key: str, position: int, axis: int | None) -> Table:
    return Table(
        id=key,
        event_id="e",
        venue_id="v",
        key=key,
        name=key.title(),
        created_at=NOW,
        updated_at=NOW,
        axis=axis,
        position=position,
    )


def event(
    boards: dict[str, dict[str, int]],
) -> tuple[list[Contribution], list[str]]:
    """Post-its of several tables: table key -> topic -> how many post-its."""
    posts: list[Contribution] = []
    topics: list[str] = []
    for key, contents in boards.items():
        for topic, count in contents.items():
            for _ in range(count):
                posts.append(post(f"{topic} {len(posts)}", len(posts), table=key, kind=None))
                topics.append(topic)
    return posts, topics


TABLES = [table("asse-1", 0, 1), table("asse-3", 1, 3), table("asse-6", 2, 6)]


def test_a_topic_of_several_tables_is_found_with_its_tables() -> None:
    # "bus" recurs at three tables; each table also has several topics of its own.
    boards = {
        "asse-1": {"digitale": 6, "cultura": 6, "imprese": 6, "bus": 2},
        "asse-3": {"ciclabili": 6, "strade": 6, "treni": 6, "bus": 2},
        "asse-6": {"medici": 6, "ospedali": 6, "anziani": 6, "bus": 2},
    }
    posts, topics = event(boards)
    found = crosscutting_themes(posts, TABLES, vectors=topic_vectors(posts, topics))
    bus = {p.id for p, t in zip(posts, topics, strict=True) if t == "bus"}
    assert found, "the recurring topic is not found"
    first = found[0]
    # Each table brings the post-it nearest to the other tables' ones: one per table.
    assert set(first.contribution_ids) <= bus
    assert len(first.contribution_ids) == 3
    assert first.tables == ("asse-1", "asse-3", "asse-6")
    assert first.title and first.title[0].isupper()
    assert 0.0 < first.confidence <= 1.0


def test_one_table_has_no_cross_cutting_theme() -> None:
    posts, topics = event({"asse-1": {"digitale": 5, "cultura": 5, "bus": 3}})
    assert crosscutting_themes(posts, TABLES, vectors=topic_vectors(posts, topics)) == []


def test_a_topic_of_one_table_only_is_not_cross_cutting() -> None:
    boards = {
        "asse-1": {"digitale": 6, "cultura": 6, "solo-qui": 3},
        "asse-3": {"ciclabili": 6, "strade": 6},
        "asse-6": {"medici": 6, "ospedali": 6},
    }
    posts, topics = event(boards)
    found = crosscutting_themes(posts, TABLES, vectors=topic_vectors(posts, topics))
    only_here = {p.id for p, t in zip(posts, topics, strict=True) if t == "solo-qui"}
    assert all(only_here.isdisjoint(theme.contribution_ids) for theme in found)
    assert all(len(theme.tables) >= 2 for theme in found)


def test_at_most_a_handful_and_none_over_the_cap() -> None:
    # Ten topics shared by every table: a naive method would return ten (or one bag).
    shared = {f"tema{k}": 2 for k in range(10)}
    boards = {key: dict(shared) for key in ("asse-1", "asse-3", "asse-6")}
    posts, topics = event(boards)
    found = crosscutting_themes(posts, TABLES, vectors=topic_vectors(posts, topics))
    assert 0 < len(found) <= MAX_THEMES
    assert all(len(theme.contribution_ids) <= MAX_SHARE * len(posts) for theme in found)
    placed = [cid for theme in found for cid in theme.contribution_ids]
    assert len(placed) == len(set(placed))


def unique_word(number: int) -> str:
    """A word no other post-it shares, not even its first letters ("ba", "ca"... reversed)."""
    return (chr(97 + number % 26) + chr(97 + number // 26 % 26)) * 3


def test_shared_words_across_tables_count_beside_the_vectors() -> None:
    # Each table has loose topics of its own (noisy vectors, no shared words); three
    # post-its about rents share their words at three tables while their vectors say
    # nothing in common: the words must bring them together.
    posts: list[Contribution] = []
    topics: list[str] = []
    for key, own in (
        ("asse-1", ("digitale", "cultura", "imprese")),
        ("asse-3", ("ciclabili", "strade", "treni")),
        ("asse-6", ("medici", "ospedali", "anziani")),
    ):
        for topic in own:
            for _ in range(6):
                posts.append(post(unique_word(len(posts)), len(posts), table=key, kind=None))
                topics.append(topic)
    rents = (
        ("asse-1", "Affitti troppo cari per le giovani coppie"),
        ("asse-3", "Le giovani coppie non trovano affitti accessibili"),
        ("asse-6", "Affitti alti: le giovani coppie se ne vanno"),
    )
    for k, (key, text) in enumerate(rents):
        posts.append(post(text, len(posts), table=key, kind=None))
        topics.append(f"solo-{k}")  # an unrelated direction of its own
    vectors = topic_vectors(posts, topics, noise=2.0)
    found = crosscutting_themes(posts, TABLES, vectors=vectors)
    rent_ids = {p.id for p in posts[-3:]}
    assert any(set(theme.contribution_ids) == rent_ids for theme in found), [
        theme.title for theme in found
    ]


def test_a_theme_takes_at_most_one_post_it_per_table() -> None:
    # Ten topics said twice at every table: a theme is one thing said at several tables,
    # each table represented by one post-it, not a table's own discussion of it.
    shared = {f"tema{k}": 2 for k in range(10)}
    boards = {key: dict(shared) for key in ("asse-1", "asse-3", "asse-6")}
    posts, topics = event(boards)
    found = crosscutting_themes(posts, TABLES, vectors=topic_vectors(posts, topics))
    by_id = {p.id: p for p in posts}
    assert found
    for theme in found:
        tables = [by_id[cid].table_id for cid in theme.contribution_ids]
        assert len(tables) == len(set(tables)) >= 2, theme.contribution_ids
        assert len(theme.origins) == len(theme.tables) == len(tables)


def test_the_tightest_recurrence_comes_before_a_looser_one() -> None:
    # Two topics recur at the same three tables; "affitti" is said almost identically,
    # "bus" loosely: the surer theme is ranked first.
    boards = {
        "asse-1": {"digitale": 6, "cultura": 6, "imprese": 6},
        "asse-3": {"ciclabili": 6, "strade": 6, "treni": 6},
        "asse-6": {"medici": 6, "ospedali": 6, "anziani": 6},
    }
    posts, topics = event(boards)
    for key in ("asse-1", "asse-3", "asse-6"):
        for topic in ("affitti", "bus"):
            posts.append(post(f"{topic} {len(posts)}", len(posts), table=key, kind=None))
            topics.append(topic)
    noise = {"affitti": 0.1, "bus": 0.9}
    drawn = {level: topic_vectors(posts, topics, noise=level) for level in (0.1, 0.35, 0.9)}
    vectors = {p.id: drawn[noise.get(t, 0.35)][p.id] for p, t in zip(posts, topics, strict=True)}
    found = crosscutting_themes(posts, TABLES, vectors=vectors)
    rents = {p.id for p, t in zip(posts, topics, strict=True) if t == "affitti"}
    assert found and set(found[0].contribution_ids) == rents
