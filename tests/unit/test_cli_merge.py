from __future__ import annotations

from pathlib import Path

from facilitator_app import cli
from tests.helpers.cli import run


def test_prepare_merge_and_aggregate_from_the_command_line(tmp_path: Path) -> None:
    master = tmp_path / "master.sqlite"
    assert run("new", str(master), "--template", "zone-omogenee")[0] == 0
    files = []
    for venue in ("Comune di Strambino", "comune di pinerolo"):
        target = tmp_path / f"{venue.split()[-1].lower()}.sqlite"
        code, text = run(
            "prepare", str(master), str(target), "--venue", venue, "--facilitator", "Lucia"
        )
        assert code == 0, text
        files.append(str(target))
    junk = tmp_path / "foto.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0 not a workbook")
    merged = tmp_path / "unito.sqlite"
    code, text = run("merge", "--into", str(merged), *files, str(junk))
    assert code == cli.EXIT_REFUSED
    assert "strambino.sqlite  importato" in text and "foto.jpg" in text and "rifiutato" in text
    assert "Uniti 2 file su 3" in text
    code, text = run("merge", "--into", str(merged), *files)
    assert code == 0 and text.count("già importato") == 2
    code, text = run("aggregate", str(merged))
    assert code == 0
    assert "Zona 9:" in text and "Zona 10:" in text and "Zona 5:" in text and "Zona 1:" not in text


def test_prepare_refuses_an_unknown_venue(tmp_path: Path) -> None:
    master = tmp_path / "master.sqlite"
    run("new", str(master), "--template", "zone-omogenee")
    code, _ = run(
        "prepare", str(master), str(tmp_path / "x.sqlite"), "--venue", "Comune di Atlantide"
    )
    assert code == cli.EXIT_USAGE and not (tmp_path / "x.sqlite").exists()


def test_conflicts_are_listed_and_resolved_from_the_command_line(tmp_path: Path) -> None:
    from tests.helpers.laptops import edit_post_it, laptop_copies, master_with_post_its, post_its

    base = master_with_post_its(tmp_path / "giro")
    first, second = laptop_copies(base, tmp_path / "portatili", 2)
    edit_post_it(first, 0, 20, text="Versione del primo")
    edit_post_it(second, 0, 30, text="Versione del secondo")
    merged = tmp_path / "r.sqlite"
    code, text = run("merge", "--into", str(merged), str(first), str(second))
    assert code == 0 and "conflitto:" in text, text
    code, text = run("conflicts", "list", str(merged))
    assert code == 0 and "Conflitti aperti: 1" in text, text
    ident = text.split()[0]
    assert "campo text (mostrato: A)" in text
    assert "A: Versione del secondo" in text and "B: Versione del primo" in text
    code, text = run("conflicts", "resolve", str(merged), ident, "--keep", "Z")
    assert code == cli.EXIT_REFUSED
    code, text = run("conflicts", "resolve", str(merged), "00000000", "--keep", "A")
    assert code == cli.EXIT_REFUSED
    code, text = run("conflicts", "resolve", str(merged), ident, "--keep", "b")
    assert code == 0, text
    assert post_its(merged)[0].text == "Versione del primo"
    assert run("conflicts", "list", str(merged))[1].strip() == "Conflitti aperti: 0"
    # A later merge of the same laptops keeps the choice.
    code, text = run("merge", "--into", str(merged), str(second), str(first))
    assert code == 0 and text.count("già importato") == 2, text
    assert post_its(merged)[0].text == "Versione del primo"


def test_the_issue_zones_day_with_online_listeners_at_one_venue_merges_without_conflicts(
    tmp_path: Path,
) -> None:
    master = tmp_path / "m.sqlite"
    assert run("new", str(master), "--template", "zone-omogenee")[0] == 0
    files = []
    for venue in ("Città metropolitana", "Pinerolo"):
        target = tmp_path / f"{venue.split()[-1].lower()}.sqlite"
        assert run("prepare", str(master), str(target), "--venue", venue)[0] == 0
        files.append(str(target))
    code, text = run("counts", "online", files[0], "83")
    assert code == 0, text
    merged = tmp_path / "r.sqlite"
    code, text = run("merge", "--into", str(merged), *files)
    assert code == 0 and "conflitto" not in text, text
    code, text = run("merge", "--into", str(merged), files[1], files[0])
    assert code == 0 and text.count("già importato") == 2, text
    assert run("conflicts", "list", str(merged))[1].strip() == "Conflitti aperti: 0"
