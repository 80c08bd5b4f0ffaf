"""Every workbook the app writes: no formula anywhere, text starting like one kept as text.

The sheet XML is read with zipfile and defusedxml, as an attacker's spreadsheet would see
it: a formula element, or a value starting with a formula sign in a cell that is not a
string cell, is a formula injection. A string cell starting like a formula must also carry
the quote-prefix flag (so that editing it in Excel keeps it text), and every sheet name must
be one Excel accepts.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
from pathlib import Path

from defusedxml import ElementTree

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.model import StrategyCard, Table, Theme, Venue
from facilitator_app.services.common.cells import FORMULA_PREFIXES
from facilitator_app.services.common.tabular import read_tabular, write_table
from facilitator_app.services.exchange.reader import read_workbook
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
STRING_TYPES = {"s", "inlineStr"}
PAYLOADS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "\uff1d1+1",
    "\uff0b1",
    "\uff0d1",
    "\uff20SUM(1)",
]


def _texts(element: object) -> str:
    return "".join(t.text or "" for t in element.iter(f"{MAIN}t"))  # type: ignore[attr-defined]


def formula_findings(book: Path) -> list[str]:
    """Every formula, formula-like non-string cell, unflagged formula-like text, bad name."""
    found: list[str] = []
    with zipfile.ZipFile(book) as archive:
        names = set(archive.namelist())
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{PKG_REL}Relationship")}
        shared: list[str] = []
        if "xl/sharedStrings.xml" in names:
            strings = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
            shared = [_texts(si) for si in strings.iter(f"{MAIN}si")]
        styles = ElementTree.fromstring(archive.read("xl/styles.xml"))
        xfs = styles.find(f"{MAIN}cellXfs")
        quoted = [xf.get("quotePrefix") in ("1", "true") for xf in xfs.iter(f"{MAIN}xf")]
        for sheet in workbook.iter(f"{MAIN}sheet"):
            title = str(sheet.get("name"))
            if (
                len(title) > 31
                or re.search(r"[\[\]:*?/\\]", title)
                or title.startswith(FORMULA_PREFIXES)
            ):
                found.append(f"bad sheet name {title!r}")
            target = str(targets[sheet.get(f"{REL}id")]).lstrip("/")
            target = target if target.startswith("xl/") else f"xl/{target}"
            root = ElementTree.fromstring(archive.read(target))
            for cell in root.iter(f"{MAIN}c"):
                where = f"{title}!{cell.get('r')}"
                if cell.find(f"{MAIN}f") is not None:
                    found.append(f"{where}: formula element")
                kind = cell.get("t", "n")
                value = cell.find(f"{MAIN}v")
                raw = value.text or "" if value is not None else ""
                text = _texts(cell) if kind == "inlineStr" else raw
                if kind == "s" and raw:
                    text = shared[int(raw)]
                if not text.startswith(FORMULA_PREFIXES) and not text.startswith("_x000D_"):
                    continue
                if kind not in STRING_TYPES:
                    found.append(f"{where}: {text!r} in a cell of type {kind}")
                elif not quoted[int(cell.get("s", "0"))]:
                    found.append(f"{where}: {text!r} without the quote prefix")
    return found


def _hostile(path: Path) -> None:
    """Every text people type, starting with a formula sign."""
    with EventStore.open(path) as store:
        event = store.event()
        tables = store.all(Table)
        venues = store.all(Venue)
        posts = store.contributions()
        themes = store.all(Theme)
        cards = [c for c in store.cards() if c.edition == event.card_edition]

        def payload(index: int) -> str:
            return PAYLOADS[index % len(PAYLOADS)]

        store.save_all(
            [
                dataclasses.replace(event, title=payload(0), premessa=payload(1)),
                *(
                    dataclasses.replace(
                        t, key=f"{payload(i)}{i}", name=payload(i + 1), facilitator=payload(i + 2)
                    )
                    for i, t in enumerate(tables)
                ),
                *(
                    dataclasses.replace(v, name=f"{payload(i + 3)}{i}", address=payload(i))
                    for i, v in enumerate(venues)
                ),
                *(dataclasses.replace(p, text=f"{payload(i)} {i}") for i, p in enumerate(posts)),
                *(
                    dataclasses.replace(t, title=f"{payload(i + 5)}{i}")
                    for i, t in enumerate(themes)
                ),
            ]
        )
        store.replace_cards(
            event.card_edition,
            [
                dataclasses.replace(c, title=payload(i), description=payload(i + 1))
                for i, c in enumerate(cards)
            ],
        )
        assert isinstance(cards[0], StrategyCard)


def _export(event: Path, book: Path) -> Path:
    code, printed = run("export", str(event), "--xlsx", str(book))
    assert code == 0, printed
    return book


def test_the_demo_export_has_no_formula(demo_path: Path, tmp_path: Path) -> None:
    assert formula_findings(_export(demo_path, tmp_path / "demo.xlsx")) == []


def test_a_hostile_event_exports_merges_and_reads_back_without_a_formula(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    _hostile(demo_path)
    book = _export(demo_path, tmp_path / "ostile.xlsx")
    assert formula_findings(book) == []
    # Read back, every text is exactly what was typed.
    data = read_workbook(book)
    with EventStore.open(demo_path, read_only=True) as store:
        assert {t.key for t in data.records.tables} == {t.key for t in store.all(Table)}
        assert {p.text for p in data.records.contributions} == {
            p.text for p in store.contributions(include_deleted=True)
        }
        assert data.records.event.title == store.event().title
    # The coordinator merges it and exports the merged event.
    merged = tmp_path / "unito.sqlite"
    code, printed = run("merge", "--into", str(merged), str(book))
    assert code == 0, printed
    assert formula_findings(_export(merged, tmp_path / "unito.xlsx")) == []


def test_templates_have_no_formula(demo_path: Path, tmp_path: Path) -> None:
    # The contributions template is written for the event's own tables: a hostile event's.
    event = demo_path
    _hostile(event)
    contributions = tmp_path / "modello-contributi.xlsx"
    code, printed = run("import-contributions", str(event), "--template", str(contributions))
    assert code == 0, printed
    cards = tmp_path / "modello-schede.xlsx"
    code, printed = run("cards", "export-template", str(cards), "--edition", "2021-2023")
    assert code == 0, printed
    assert formula_findings(contributions) == []
    assert formula_findings(cards) == []


def test_a_table_written_from_hostile_data_has_no_formula(tmp_path: Path) -> None:
    book = tmp_path / "tabella.xlsx"
    write_table(book, "=foglio[1]:*?/\\ con un nome lunghissimo", PAYLOADS, [PAYLOADS, PAYLOADS])
    assert formula_findings(book) == []
    # Read back (leading tabs and carriage returns aside: cells are stripped on import).
    header = [f"c{i}" for i in range(len(PAYLOADS))]
    kept = [text if text[0] not in "\t\r" else "x" for text in PAYLOADS]
    for suffix in (".xlsx", ".csv"):
        table = tmp_path / f"ritorno{suffix}"
        write_table(table, "tabella", header, [kept, ["'=già citato", "''-due", *kept[2:]]])
        if suffix == ".xlsx":
            assert formula_findings(table) == []
        else:
            cells = table.read_text(encoding="utf-8-sig").splitlines()[1].split(";")
            assert not any(cell.startswith(FORMULA_PREFIXES) for cell in cells), cells
        sheet = read_tabular(table, {name: () for name in header}, ())
        assert [[row.get(name) for name in header] for row in sheet.rows] == [
            kept,
            ["'=già citato", "''-due", *kept[2:]],
        ], suffix
