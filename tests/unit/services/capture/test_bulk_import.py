from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.domain.model import Theme
from facilitator_app.domain.vocab import ContributionKind
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS, import_contributions
from facilitator_app.services.common.tabular import write_table
from facilitator_app.storage.database import EventStore

HEADER = list(CONTRIBUTION_COLUMNS)


def _row(**cells: str) -> list[str]:
    base = {"tavolo": "asse-6", "sessione": "1", "testo": "Servono più case della salute"}
    base.update(cells)
    return [base.get(name, "") for name in HEADER]


def _import(store_path: Path, file: Path, clock: FixedClock) -> None:
    with EventStore.open(store_path) as store:
        import_contributions(store, file, clock)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_valid_file_adds_posts_and_themes(
    demo_path: Path, tmp_path: Path, clock: FixedClock, suffix: str
) -> None:
    rows = [
        _row(
            testo=f"Contributo numero {i}",
            tipo="Criticità",
            schede="6.1.2; 6.1.3",
            zone="9,10",
            collegamenti="3",
            tema="Prossimità",
            voti="2",
        )
        for i in range(25)
    ] + [_row(sessione="2", testo="=1+1 resta testo", tipo="proposta")]
    file = tmp_path / f"carta{suffix}"
    write_table(file, "contributi", HEADER, rows)
    with EventStore.open(demo_path) as store:
        before = len(store.contributions())
        result = import_contributions(store, file, clock)
        posts = store.contributions()
        assert result.contributions == 26 and result.themes == 1
        assert len(posts) == before + 26
        added = [p for p in posts if p.text.startswith("Contributo numero")]
        assert {p.kind for p in added} == {ContributionKind.CRITICITA}
        assert {p.cards for p in added} == {("6.1.2", "6.1.3")}
        assert {p.zones for p in added} == {(9, 10)} and {p.links for p in added} == {(3,)}
        assert {p.votes for p in added} == {2}
        theme = next(t for t in store.all(Theme) if t.title == "Prossimità")
        assert {p.theme_id for p in added} == {theme.id}
        table6 = next(t for t in store.tables() if t.key == "asse-6")
        assert {p.table_id for p in added} == {table6.id} and {p.axis for p in added} == {6}
        assert any(p.text == "=1+1 resta testo" for p in posts)


BAD_CASES = {
    "unknown column": ([*HEADER[:-1], "colore"], [_row()], 1, "colore", "colonna sconosciuta"),
    "missing column": (
        [h for h in HEADER if h != "testo"],
        [_row()[:2] + _row()[3:]],
        1,
        "testo",
        "mancano le colonne",
    ),
    "unknown axis": (HEADER, [_row(), _row(testo="b", asse="9")], 3, "asse", "asse 9 inesistente"),
    "unknown card": (HEADER, [_row(schede="6.9.9")], 2, "schede", "non presente"),
    "malformed card": (HEADER, [_row(schede="sei")], 2, "schede", "non valido"),
    "empty text": (HEADER, [_row(), _row(testo="   ")], 3, "testo", "vuoto"),
    "session three": (HEADER, [_row(sessione="3")], 2, "sessione", "sessione 3 non valida"),
    "unknown table": (HEADER, [_row(tavolo="asse-9")], 2, "tavolo", "non presente"),
    "unknown kind": (HEADER, [_row(tipo="lamentela")], 2, "tipo", "sconosciuto"),
    "bad zone": (HEADER, [_row(zone="12")], 2, "zone", "zona 12 inesistente"),
    "bad votes": (HEADER, [_row(voti="molti")], 2, "voti", "non è un numero"),
    "duplicated rows": (HEADER, [_row(), _row(tipo="proposta"), _row()], 3, "testo", "duplicata"),
    "too many tags": (HEADER, [_row(zone=";".join(["1"] * 60))], 2, "zone", "troppi"),
    "huge text": (HEADER, [_row(testo="x" * 1_000_000)], 2, "testo", "troppo lungo"),
}


@pytest.mark.parametrize("case", sorted(BAD_CASES))
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_bad_rows_are_refused_and_event_file_is_byte_identical(
    demo_path: Path, tmp_path: Path, clock: FixedClock, case: str, suffix: str
) -> None:
    header, rows, row, column, message = BAD_CASES[case]
    file = tmp_path / f"bad{suffix}"
    write_table(file, "contributi", header, rows)
    before = demo_path.read_bytes()
    with pytest.raises(InputRefusedError) as caught:
        _import(demo_path, file, clock)
    problem = caught.value.problems[0]
    assert problem.file == file.name
    assert (problem.row, problem.column) == (row, column)
    assert message in problem.translated()
    assert demo_path.read_bytes() == before


def test_reimporting_the_same_file_is_refused(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    file = tmp_path / "once.csv"
    write_table(file, "contributi", HEADER, [_row()])
    _import(demo_path, file, clock)
    before = demo_path.read_bytes()
    with pytest.raises(InputRefusedError, match="già presente"):
        _import(demo_path, file, clock)
    assert demo_path.read_bytes() == before


def _latin1(path: Path) -> None:
    path.write_bytes(";".join(HEADER).encode() + b"\nasse-6;1;Criticit\xe0 del servizio\n")


def _junk(path: Path) -> None:
    path.write_bytes(b"tavolo;sessione;testo\n" + b"A;1;junk\n" * (10 * 1024 * 1024 // 9))


def _binary(path: Path) -> None:
    path.write_bytes(b"tavolo;sessione;testo\n\x00\x01\x02")


def _text_as_xlsx(path: Path) -> None:
    path.write_text("tavolo;sessione;testo\nasse-6;1;ciao\n", encoding="utf-8")


def _truncated_xlsx(path: Path) -> None:
    write_table(path, "contributi", HEADER, [_row()])
    path.write_bytes(path.read_bytes()[:300])


def _future_zip_version(path: Path) -> None:
    """Found by fuzzing: a central directory asking for a zip version Python cannot read."""
    write_table(path, "contributi", HEADER, [_row()])
    data = bytearray(path.read_bytes())
    central = data.find(b"PK\x01\x02")
    data[central + 6 : central + 8] = (64).to_bytes(2, "little")
    path.write_bytes(bytes(data))


def _no_sheets(path: Path) -> None:
    """Found by fuzzing: a workbook whose sheet list is empty."""
    write_table(path, "contributi", HEADER, [_row()])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    book = parts["xl/workbook.xml"].decode()
    start, end = book.index("<sheets>"), book.index("</sheets>") + len("</sheets>")
    parts["xl/workbook.xml"] = (book[:start] + "<sheets/>" + book[end:]).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * (300 * 1024 * 1024))


def _entity_xlsx(path: Path) -> None:
    write_table(path, "contributi", HEADER, [_row()])
    with zipfile.ZipFile(path) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    body = sheet.split("?>", 1)[1] if sheet.startswith("<?xml") else sheet
    parts["xl/worksheets/sheet1.xml"] = (bomb + body).encode()
    with zipfile.ZipFile(path, "w") as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("latin1.csv", _latin1, "UTF-8"),
        ("junk.csv", _junk, "troppo grande"),
        ("binary.csv", _binary, "byte binari"),
        ("fake.xlsx", _text_as_xlsx, "non è un file Excel"),
        ("truncated.xlsx", _truncated_xlsx, "non è un file Excel"),
        ("bomb.xlsx", _zip_bomb, "rifiutato per sicurezza"),
        ("future.xlsx", _future_zip_version, "non è un file Excel"),
        ("nosheets.xlsx", _no_sheets, "alcun foglio"),
        ("entities.xlsx", _entity_xlsx, "entità XML"),
        ("notes.txt.pdf", _latin1, "non supportato"),
    ],
)
def test_broken_files_are_refused_with_a_specific_message(
    demo_path: Path, tmp_path: Path, clock: FixedClock, name: str, make: object, message: str
) -> None:
    file = tmp_path / name
    make(file)  # type: ignore[operator]
    before = demo_path.read_bytes()
    with pytest.raises(InputRefusedError) as caught:
        _import(demo_path, file, clock)
    assert message in str(caught.value)
    assert name in str(caught.value)
    assert demo_path.read_bytes() == before
