"""The synthetic post-its of tests/helpers/analysis_posts.py are what the analysis tests assume."""

from __future__ import annotations

from tests.helpers.analysis_posts import TOPICS, topic_posts


def test_the_topics_are_separate_and_complete() -> None:
    posts, truth = topic_posts()
    assert len(posts) == 24 and len(set(p.id for p in posts)) == 24
    assert [truth.count(topic) for topic in TOPICS] == [6, 6, 6, 6]
