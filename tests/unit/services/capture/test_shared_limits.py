"""Capture and bulk import apply the same limits as every other way data comes in."""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.validation import MAX_PEOPLE
from facilitator_app.services.capture.counts import CountsService
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest


def test_counts_take_any_figure_up_to_the_shared_limit(demo_path: Path, clock: FixedClock) -> None:
    with EventStore.open(demo_path) as store:
        counts = CountsService(store, clock)
        table = store.tables()[0]
        assert counts.set_present(table.id, 1, 50_000).present == 50_000
        with pytest.raises(ValueError, match="100000"):
            counts.set_present(table.id, 1, MAX_PEOPLE + 1)


@pytest.mark.parametrize("votes", ["2.9", "inf", "1e400", "-3", "10001"])
def test_bulk_import_takes_whole_votes_only(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], votes: str
) -> None:
    posts = tmp_path / "post.csv"
    posts.write_text(f"tavolo;sessione;testo;voti\nasse-1;1;Un post-it;{votes}\n", "utf-8")
    before = digest(demo_path)
    code, _ = run("import-contributions", str(demo_path), str(posts))
    assert code == 3
    assert "colonna «voti»" in capsys.readouterr().err
    assert digest(demo_path) == before
