from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator_app import cli
from facilitator_app.domain.model import Table
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest


def test_suggest_one_board_prints_every_post_it_once(demo_path: Path) -> None:
    code, text = run("themes", "suggest", str(demo_path), "--table", "asse-3", "--session", "2")
    assert code == 0
    assert "Asse 3" in text and "sessione 2: 15 post-it" in text
    assert "gruppi suggeriti" in text and "parole chiave:" in text
    with EventStore.open(demo_path, read_only=True) as store:
        table = next(t for t in store.all(Table) if t.key == "asse-3")
        posts = store.contributions(table.id, 2)
    lines = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("- ")]
    assert len(lines) == len(posts) == 15
    for p in posts:
        start = " ".join(p.text.split())[:60]
        assert sum(line.startswith(start) for line in lines) == 1


def test_suggest_every_board_and_cap_groups(demo_path: Path) -> None:
    code, text = run("themes", "suggest", str(demo_path), "--max-groups", "2")
    assert code == 0
    headers = re.findall(r"(\d+) gruppi suggeriti", text)
    assert len(headers) == 14 and all(int(n) <= 2 for n in headers)


def test_suggest_usage_errors(demo_path: Path) -> None:
    assert run("themes", "suggest", str(demo_path), "--table", "nope")[0] == cli.EXIT_USAGE
    assert run("themes", "suggest", str(demo_path), "--max-groups", "0")[0] == cli.EXIT_USAGE
    assert run("themes")[0] == cli.EXIT_USAGE
    assert run("themes", "suggest", "/nonexistent/file.sqlite")[0] == cli.EXIT_REFUSED


def test_crosscutting_lists_themes_with_their_tables(demo_path: Path) -> None:
    code, text = run("themes", "crosscutting", str(demo_path))
    assert code == 0
    assert text.startswith("Temi trasversali suggeriti:")
    assert re.search(r"^1\. .+ — \d+ tavoli \(asse-", text, re.MULTILINE)
    assert "tema: Salute e trasporti" in text
    assert "Parole ricorrenti" in text
    assert re.search(r"^   demograf\w+: 4 tavoli", text, re.MULTILINE)


def test_evaluate_prints_method_and_baselines(demo_path: Path) -> None:
    code, text = run("themes", "evaluate", str(demo_path))
    assert code == 0
    assert len(re.findall(r"^  asse-\S+\s+[12]\s", text, re.MULTILINE)) == 14
    for label in (
        "media",
        "baseline: per asse",
        "baseline: per tipo",
        "Intero evento (189 post-it, 54 temi)",
    ):
        assert label in text
    values = [float(v) for v in re.findall(r"-?\d\.\d{3}", text)]
    assert values and all(-1.0 <= v <= 1.0 for v in values)


def test_evaluate_refuses_a_file_without_themes(tmp_path: Path) -> None:
    path = tmp_path / "vuoto.sqlite"
    assert run("new", str(path))[0] == 0
    assert run("themes", "evaluate", str(path))[0] == cli.EXIT_REFUSED


@pytest.mark.parametrize("action", ["suggest", "crosscutting", "evaluate"])
def test_themes_commands_never_change_the_file(demo_path: Path, action: str) -> None:
    before = digest(demo_path)
    assert run("themes", action, str(demo_path))[0] == 0
    assert digest(demo_path) == before
