"""``export --docx`` to a place that cannot take it: a clear message, no file, no leftovers.

Read-only folders and full disks are real (tests/helpers/mounts.py: tmpfs and read-only
bind mounts); where this machine cannot mount, those cases are skipped, not faked.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from facilitator_app.cli.common import EXIT_OK
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.mounts import fill, read_only_view, small_disk


def test_a_folder_is_not_a_document(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "restituzione.docx"
    folder.mkdir()
    code, printed = run("export", str(demo_path), "--docx", str(folder))
    assert code != EXIT_OK and "Restituzione Word scritta" not in printed
    assert f"Impossibile scrivere {folder}: è una cartella." in capsys.readouterr().err
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if "docx" in p.name] == [folder.name]


@pytest.mark.parametrize("where", ["restituzione.docx", "nuova/restituzione.docx"])
def test_a_read_only_folder_refuses_and_nothing_is_left(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    source = tmp_path / "chiavetta"
    source.mkdir()
    with read_only_view(source, tmp_path / "sola-lettura") as view:
        target = view / where
        code, _ = run("export", str(demo_path), "--docx", str(target))
        err = capsys.readouterr().err
        assert code != EXIT_OK
        assert f"Impossibile scrivere {target}: " in err and "sola lettura" in err, err
    assert list(source.iterdir()) == []


def test_a_full_disk_keeps_the_older_document_whole_and_leaves_no_temporary_file(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "chiavetta", 512) as disk:
        target = disk / "restituzione.docx"
        code, _ = run("export", str(demo_path), "--docx", str(target))
        assert code == EXIT_OK, capsys.readouterr().err
        before = digest(target)
        fill(disk)
        code, _ = run("export", str(demo_path), "--docx", str(target), "--lang", "en")
        assert code != EXIT_OK
        assert "disco è pieno" in capsys.readouterr().err
        assert digest(target) == before
        assert sorted(p.name for p in disk.iterdir()) == ["restituzione.docx", "riempitivo.bin"]
        assert Document(str(target)).paragraphs  # the older one still opens


def test_a_missing_folder_is_made_like_for_every_export(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "uscite" / "2023" / "restituzione.docx"
    code, printed = run("export", str(demo_path), "--docx", str(target))
    assert code == EXIT_OK
    assert f"Restituzione Word scritta in {target}" in printed
    assert Document(str(target)).paragraphs
