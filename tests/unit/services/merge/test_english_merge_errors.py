"""A source the merge refuses is explained in English in the English interface."""

from __future__ import annotations

from pathlib import Path

from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.common.texts import Texts
from facilitator_app.services.merge.engine import merge_files
from facilitator_app.services.setup.templates import bundled_templates, write_event_file
from tests.helpers.italian import italian_in
from tests.helpers.raw_file import raw_file

ENGLISH = Texts("en").translate


def _refusal_in_english(target: Path, source: Path, clock: FixedClock) -> str:
    [result] = merge_files(target, [source], clock)
    assert result.refused
    text = result.problems[0].translated(ENGLISH)
    assert italian_in(text, [source.name]) == set(), text
    return text


def test_a_source_with_a_trigger_is_refused_in_english(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with raw_file(demo_path) as conn:
        conn.execute("create trigger t after insert on contributions begin select 1; end")
    text = _refusal_in_english(tmp_path / "unito.sqlite", demo_path, clock)
    assert "trigger" in text and "sorgente" not in text and "/tmp/" not in text


def test_a_source_of_another_event_is_refused_in_english(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    other = tmp_path / "altro.sqlite"
    write_event_file(other, bundled_templates()["zone-omogenee"], clock, title="Another day")
    target = tmp_path / "unito.sqlite"
    assert not merge_files(target, [demo_path], clock)[0].refused
    [result] = merge_files(target, [other], clock)
    text = result.problems[0].translated(ENGLISH)
    # The event titles are the user's data; the words around them must be English.
    titles = ["Another day", "Forum Metropolitano - fase di ascolto PSM 2024-2026"]
    assert italian_in(text, [other.name, *titles]) == set(), text
