"""The app's own small JSON files (recent files, preferences, places) read defensively.

They live in the user's data folder, where a crafted or damaged file must not stop the
app from starting: anything unreadable reads as "nothing remembered".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from facilitator_app.services.common.workspace import Places, Preferences, RecentFiles
from facilitator_app.services.plenary.settings import DeckSettings

# A few kilobytes nested past the depth the JSON reader follows.
TOO_DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize("content", [TOO_DEEP, "{not json", "\udcff"])
def test_an_unreadable_file_reads_as_nothing_remembered(tmp_path: Path, content: str) -> None:
    path = tmp_path / "stato.json"
    path.write_text(content, encoding="utf-8", errors="surrogateescape")
    assert RecentFiles(path).load() == []
    assert Preferences(path).get("lingua", "it") == "it"
    assert Places(path).get(tmp_path / "evento.sqlite") is None
    assert DeckSettings.from_json(content) == DeckSettings()
