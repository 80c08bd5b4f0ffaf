"""Hostile workbooks whose cell references point far away: refused quickly, in bounded memory.

A 66 KB workbook with a cell ``ZZZZZZZ2`` once made the readers fill eight billion empty
cells (MemoryError after 40 s under a 3 GB cap). Both readers (the exchange reader and the
bulk-import/card reader) now check every reference before allocating anything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.errors import InputRefusedError
from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS
from facilitator_app.services.common.tabular import read_tabular
from facilitator_app.services.exchange.reader import read_workbook
from tests.helpers.files import digest
from tests.helpers.rich_event import export

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def hostile_workbook(path: Path, sheet: str, reference: str = "ZZZZZZZ2") -> Path:
    """A ~66 KB workbook: a header row, then a row whose one cell sits at ``reference``."""
    header = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{name}</t></is></c>'
        for i, name in enumerate(("tavolo", "sessione", "testo"))
    )
    filler = "<!--" + "x" * 60_000 + "-->"  # the attacker's file was 66 KB
    rows = (
        f'<row r="1">{header}</row>'
        f'<row r="2"><c r="{reference}" t="inlineStr"><is><t>x</t></is></c></row>'
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}">'
        f'<dimension ref="A1:{reference}"/>{filler}<sheetData>{rows}</sheetData></worksheet>'
    )
    book = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">'
        f'<sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", book)
        archive.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", xml)
    return path


@pytest.mark.parametrize("reference", ["ZZZZZZZ2", "XFE2", "A1048577", "A99999999999999999999"])
def test_the_bulk_import_reader_refuses_a_reference_out_of_bounds_at_once(
    tmp_path: Path, demo_path: Path, reference: str
) -> None:
    book = hostile_workbook(tmp_path / "sede.xlsx", "contributi", reference)
    before = digest(demo_path)
    started = time.perf_counter()
    with pytest.raises(InputRefusedError) as refused:
        read_tabular(book, CONTRIBUTION_COLUMNS, ())
    assert time.perf_counter() - started < 1.0
    message = str(refused.value)
    assert "sede.xlsx" in message and "foglio «contributi»" in message, message
    assert f"cella {reference[:12]}" in message and "fuori dai limiti" in message, message
    assert digest(demo_path) == before


def far_cell_in_export(demo_path: Path, path: Path, clock: FixedClock) -> Path:
    """The demo exported, with a cell ``ZZZZZZZ2`` added to the second row of every sheet."""
    export(demo_path, path.with_suffix(".orig.xlsx"), clock)
    far = '<c r="ZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c></row>'
    with (
        zipfile.ZipFile(path.with_suffix(".orig.xlsx")) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/sheet"):
                text = data.decode("utf-8")
                start = text.find('<row r="2"')
                if start >= 0:
                    end = text.index("</row>", start)
                    text = text[:end] + far + text[end + len("</row>") :]
                data = text.encode("utf-8")
            target.writestr(item, data)
    return path


def test_the_exchange_reader_refuses_a_reference_out_of_bounds_at_once(
    tmp_path: Path, demo_path: Path, clock: FixedClock
) -> None:
    book = far_cell_in_export(demo_path, tmp_path / "sede.xlsx", clock)
    started = time.perf_counter()
    with pytest.raises(InputRefusedError) as refused:
        read_workbook(book)
    assert time.perf_counter() - started < 1.0
    message = str(refused.value)
    assert "sede.xlsx" in message and "cella ZZZZZZZ2" in message, message
    assert "fuori dai limiti" in message, message


def test_memory_stays_bounded_under_an_address_space_cap(
    tmp_path: Path, demo_path: Path, clock: FixedClock
) -> None:
    book = hostile_workbook(tmp_path / "sede.xlsx", "contributi")
    exchange = far_cell_in_export(demo_path, tmp_path / "scambio.xlsx", clock)
    # A child capped at 1.5 GB of address space (the interpreter and its libraries use a few
    # hundred MB): filling the gap up to ZZZZZZZ would need hundreds of GB.
    script = textwrap.dedent(
        f"""
        import resource
        from pathlib import Path
        from facilitator_app.domain.errors import InputRefusedError
        from facilitator_app.services.capture.bulk_import import CONTRIBUTION_COLUMNS
        from facilitator_app.services.common.tabular import read_tabular
        from facilitator_app.services.exchange.reader import read_workbook
        cap = 1536 * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        for read in (lambda: read_tabular(Path({str(book)!r}), CONTRIBUTION_COLUMNS, ()),
                     lambda: read_workbook(Path({str(exchange)!r}))):
            try:
                read()
            except InputRefusedError as error:
                print("rifiutato:", error)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parents[4],
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.count("fuori dai limiti") == 2, done.stdout
