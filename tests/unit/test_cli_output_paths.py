"""Outputs never land on the event file, and creation never leaves half a file (issue 16).

Every refusal leaves the event file byte for byte as it was.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator_app.domain.errors import StorageError
from facilitator_app.services.common.files import atomic_write
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.mounts import fill, read_only_view, small_disk

# Each command with its output pointed at {out}, for an event file {event}.
WRITERS = {
    "export --xlsx": ["export", "{event}", "--xlsx", "{out}"],
    "export --pdf": ["export", "{event}", "--pdf", "{out}"],
    "slides": ["slides", "{event}", "--pdf", "{out}"],
    "paper-kit": ["paper-kit", "{event}", "--pdf", "{out}"],
    "cards export-template": ["cards", "export-template", "{out}"],
    "import-contributions --template": ["import-contributions", "{event}", "--template", "{out}"],
    "prepare": ["prepare", "{event}", "{out}"],
    "new": ["new", "{out}"],
}


def _name_for(event: Path, how: str) -> Path:
    if how == "same name":
        return event
    other = event.with_name("altro-nome" + event.suffix)
    if how == "symlink":
        other.symlink_to(event)
    elif how == "hard link":
        os.link(event, other)
    return other


@pytest.mark.parametrize("how", ["same name", "symlink", "hard link"])
@pytest.mark.parametrize("command", sorted(WRITERS))
def test_no_command_writes_over_the_event_file(demo_path: Path, command: str, how: str) -> None:
    out = _name_for(demo_path, how)
    before = digest(demo_path)
    args = [a.format(event=demo_path, out=out) for a in WRITERS[command]]
    code, _ = run(*args)
    assert code != 0
    assert digest(demo_path) == before
    with EventStore.open(demo_path, read_only=True) as store:
        assert store.event().title


def test_no_output_on_the_write_ahead_log_of_an_open_event(demo_path: Path) -> None:
    wal = Path(str(demo_path) + "-wal")
    with EventStore.open(demo_path):
        assert wal.exists()
        before = wal.read_bytes()
        code, _ = run("export", str(demo_path), "--xlsx", str(wal))
        assert code != 0
        assert wal.read_bytes() == before


def test_merge_into_a_hard_link_of_a_source_is_refused(demo_path: Path, tmp_path: Path) -> None:
    into = tmp_path / "unito.sqlite"
    os.link(demo_path, into)
    before = digest(demo_path)
    code, out = run("merge", "--into", str(into), str(demo_path))
    assert code != 0
    assert "il file unito stesso" in out
    assert digest(demo_path) == before


HOLD = """
import sys
from facilitator_app.storage.database import EventStore
store = EventStore.open(sys.argv[1])
print("OPEN", flush=True)
sys.stdin.read()
"""


def test_demo_force_never_touches_a_file_open_elsewhere(demo_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(demo_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "OPEN"
        siblings = {s: Path(str(demo_path) + s).exists() for s in ("-wal", "-shm")}
        before = digest(demo_path)
        code, _ = run("demo", str(demo_path), "--force")
        assert code != 0
        assert digest(demo_path) == before
        assert {s: Path(str(demo_path) + s).exists() for s in siblings} == siblings
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()
    code, _ = run("demo", str(demo_path), "--force")  # closed: now it may be replaced
    assert code == 0


@pytest.mark.parametrize("command", ["new", "demo", "prepare"])
def test_a_full_disk_leaves_nothing_behind_and_says_so(
    demo_path: Path, tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "chiavetta", 2048) as disk:
        target = disk / "nuovo.sqlite"
        args = {
            "new": ["new", str(target)],
            "demo": ["demo", str(target)],
            "prepare": ["prepare", str(demo_path), str(target), "--table", "asse-3"],
        }[command]
        fill(disk)
        code, _ = run(*args)
        assert code != 0
        assert "disco è pieno" in capsys.readouterr().err
        assert sorted(p.name for p in disk.iterdir()) == ["riempitivo.bin"]
        (disk / "riempitivo.bin").unlink()  # space again: the retry is not blocked
        code, _ = run(*args)
        assert code == 0, capsys.readouterr().err
        with EventStore.open(target, read_only=True) as store:
            assert store.event().title


def test_a_full_disk_keeps_the_older_template_whole(tmp_path: Path) -> None:
    with small_disk(tmp_path / "chiavetta", 64) as disk:
        template = disk / "modello.csv"
        code, _ = run("cards", "export-template", str(template))
        assert code == 0
        before = digest(template)
        fill(disk)
        with pytest.raises(StorageError, match="disco è pieno"):
            atomic_write(template, "x" * 200_000)
        code, _ = run("cards", "export-template", str(template))
        assert code != 0
        assert digest(template) == before


def test_a_read_only_folder_is_read_not_called_damaged(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "chiavetta"
    source.mkdir()
    event = source / "evento.sqlite"
    demo_path.rename(event)
    before = digest(event)
    with read_only_view(source, tmp_path / "sola-lettura") as view:
        code, out = run("info", str(view / "evento.sqlite"))
        assert code == 0, capsys.readouterr().err
        assert "Tavoli:" in out
        with pytest.raises(StorageError, match="sola lettura") as refused:
            EventStore.open(view / "evento.sqlite")
        assert "danneggiato" not in str(refused.value)
    assert digest(event) == before
