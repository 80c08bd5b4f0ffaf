from __future__ import annotations

from pathlib import Path

from facilitator_app.domain.model import ParticipantCount, Venue
from facilitator_app.storage.database import EventStore
from facilitator_app.ui.main_window import MainWindow
from tests.helpers.screens import screenshot


def test_counters_warn_when_categories_exceed_present(
    fresh: MainWindow, fresh_path: Path, artifacts: Path
) -> None:
    assert fresh.counts is not None
    fresh.show_tab(3)
    panel = fresh.counts
    for _ in range(3):
        panel.present.plus.click()
    panel.present.minus.click()
    assert panel.present.value() == 2
    assert panel.warning.isHidden()
    panel.categories["cittadini"].plus.click()
    panel.categories["cittadini"].plus.click()
    assert panel.warning.isHidden()
    panel.categories["terzo_settore"].plus.click()
    assert not panel.warning.isHidden()
    assert "3" in panel.warning_text and "2" in panel.warning_text
    panel.zones[6].spin.setValue(2)
    panel.online.spin.setValue(40)
    with EventStore.open(fresh_path, read_only=True) as other:
        (count,) = other.all(ParticipantCount)
        assert count.present == 2
        assert count.by_category == {"cittadini": 2, "terzo_settore": 1}
        assert count.by_zone == {6: 2}
        assert other.all(Venue)[0].online_listeners == 40
    screenshot(fresh, "counts", artifacts)
    panel.present.plus.click()  # now consistent again
    assert panel.warning.isHidden()


def test_count_changes_are_undone_and_redone(fresh: MainWindow, fresh_path: Path) -> None:
    assert fresh.counts is not None and fresh.store is not None
    panel = fresh.counts
    panel.present.plus.click()
    panel.present.plus.click()
    panel.categories["cittadini"].plus.click()
    fresh.undo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present == 2 and count.by_category == {}
    assert panel.categories["cittadini"].value() == 0
    fresh.undo()
    fresh.undo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present is None and panel.present.value() == 0
    fresh.redo()
    (count,) = fresh.store.all(ParticipantCount)
    assert count.present == 1 and panel.present.value() == 1
