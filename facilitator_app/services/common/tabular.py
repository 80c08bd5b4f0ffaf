"""Reading user-supplied spreadsheets (.xlsx, .csv) safely and with precise errors.

Sizes are bounded before any parsing (zip bombs, 10 MB of junk); XML is parsed by openpyxl
through defusedxml (entity expansion refused); every problem names file, row and column.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from facilitator_app.domain.errors import refuse
from facilitator_app.domain.vocab import fold
from facilitator_app.services.common.files import atomic_write

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_XLSX_BYTES = 20 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_MEMBERS = 2000
MAX_ROWS = 100_000


@dataclass(frozen=True)
class Row:
    """One data row: its number in the file (1-based, header = 1) and its cells by column."""

    number: int
    cells: dict[str, str]

    def get(self, column: str) -> str:
        """The stripped text of a cell ("" when absent)."""
        return self.cells.get(column, "").strip()


@dataclass(frozen=True)
class Sheet:
    """A table read from a file: canonical column names and rows."""

    file: str
    columns: list[str]
    rows: list[Row]
    sheet: str | None = None


def check_zip_bounds(path: Path, file: str) -> None:
    """Refuse a zip container whose members would expand beyond sane bounds.

    Raises:
        InputRefusedError: not a zip file, too many members, too large once unpacked, or an
            implausible compression ratio (zip bomb).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception:  # BadZipFile, OSError, NotImplementedError, bad names...: all "broken"
        raise refuse(file, "non è un file Excel (.xlsx) valido o è troncato") from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise refuse(file, f"il file Excel contiene troppe parti ({len(members)})")
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if total > MAX_XLSX_UNCOMPRESSED or total / packed > MAX_XLSX_RATIO:
        raise refuse(
            file,
            f"il file Excel si espanderebbe a {total // (1024 * 1024)} MB "
            f"(rapporto {total // packed}:1): rifiutato per sicurezza",
        )


def _columns(
    raw_header: Sequence[object], aliases: dict[str, tuple[str, ...]], file: str, sheet: str | None
) -> list[str]:
    lookup = {fold(alias): name for name, options in aliases.items() for alias in (name, *options)}
    columns: list[str] = []
    for cell in raw_header:
        label = "" if cell is None else str(cell).strip()
        if not label:
            columns.append("")
            continue
        name = lookup.get(fold(label))
        if name is None:
            expected = ", ".join(aliases)
            raise refuse(
                file,
                f"colonna sconosciuta «{label}» (attese: {expected})",
                row=1,
                column=label,
                sheet=sheet,
            )
        if name in columns:
            raise refuse(file, f"colonna «{label}» ripetuta", row=1, column=label, sheet=sheet)
        columns.append(name)
    return columns


def _check_required(
    columns: list[str], required: Sequence[str], file: str, sheet: str | None
) -> None:
    missing = [name for name in required if name not in columns]
    if missing:
        raise refuse(
            file,
            f"mancano le colonne: {', '.join(missing)}",
            row=1,
            column=missing[0],
            sheet=sheet,
        )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv(path: Path, aliases: dict[str, tuple[str, ...]], required: Sequence[str]) -> Sheet:
    """Read a CSV file (UTF-8, separator , ; or tab) into canonical columns."""
    file = path.name
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise refuse(
            file,
            f"file troppo grande ({size / 1024 / 1024:.1f} MB, massimo "
            f"{MAX_CSV_BYTES // 1024 // 1024} MB)",
        )
    data = path.read_bytes()
    if b"\x00" in data:
        raise refuse(file, "non è un file di testo CSV (contiene byte binari)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise refuse(
            file,
            "il file non è in codifica UTF-8: salvarlo come «CSV UTF-8» e riprovare",
            row=line,
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    # A long cell must reach the field checks (which say "too long"), not die in csv.
    csv.field_size_limit(max(csv.field_size_limit(), MAX_CSV_BYTES))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise refuse(file, f"CSV non valido ({error})", row=reader.line_num) from None
    if not records:
        raise refuse(file, "il file è vuoto")
    columns = _columns(records[0], aliases, file, None)
    _check_required(columns, required, file, None)
    return Sheet(file, columns, _rows(records[1:], columns, file, None))


def _rows(
    records: Sequence[Sequence[object]], columns: list[str], file: str, sheet: str | None
) -> list[Row]:
    rows: list[Row] = []
    if len(records) > MAX_ROWS:
        raise refuse(file, f"troppe righe ({len(records)}, massimo {MAX_ROWS})", sheet=sheet)
    for offset, record in enumerate(records, start=2):
        values = [_cell_text(value) for value in record]
        if not any(value.strip() for value in values):
            continue
        extra = [v for v in values[len(columns) :] if v.strip()]
        if extra:
            raise refuse(
                file,
                "la riga ha più celle delle colonne d'intestazione",
                row=offset,
                sheet=sheet,
            )
        cells = {name: value for name, value in zip(columns, values, strict=False) if name}
        rows.append(Row(offset, cells))
    return rows


def _caused_by_defusedxml(error: BaseException | None) -> bool:
    """True when defusedxml refused the XML somewhere down the exception chain."""
    while error is not None:
        if type(error).__module__.startswith("defusedxml"):
            return True
        error = error.__cause__ or error.__context__
    return False


def _xlsx_records(handle: Any, file: str, sheet_name: str | None) -> tuple[str, list[list[object]]]:
    import openpyxl  # heavy: imported only when an .xlsx is actually read

    try:
        workbook = openpyxl.load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for damaged files
        if _caused_by_defusedxml(error):
            raise refuse(
                file, "file Excel illeggibile: contiene entità XML, rifiutato per sicurezza"
            ) from None
        raise refuse(file, f"file Excel illeggibile ({type(error).__name__})") from None
    try:
        if sheet_name is not None:
            if sheet_name not in workbook.sheetnames:
                raise refuse(file, f"manca il foglio «{sheet_name}»")
            worksheet: Any = workbook[sheet_name]
        elif workbook.worksheets:
            worksheet = workbook.worksheets[0]
        else:
            raise refuse(file, "il file Excel non contiene alcun foglio")
        title = str(worksheet.title)
        try:
            return title, [list(row) for row in worksheet.iter_rows(values_only=True)]
        except Exception as error:
            raise refuse(
                file, f"foglio illeggibile ({type(error).__name__})", sheet=title
            ) from None
    finally:
        workbook.close()


def read_xlsx(
    path: Path,
    aliases: dict[str, tuple[str, ...]],
    required: Sequence[str],
    sheet_name: str | None = None,
) -> Sheet:
    """Read the first (or a named) worksheet of an .xlsx file into canonical columns."""
    file = path.name
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        raise refuse(file, f"file troppo grande ({size / 1024 / 1024:.1f} MB)")
    check_zip_bounds(path, file)
    # The handle is ours so that it is closed even when openpyxl fails half-way.
    with path.open("rb") as handle:
        title, records = _xlsx_records(handle, file, sheet_name)
    if not records:
        raise refuse(file, "il foglio è vuoto", sheet=title)
    columns = _columns(records[0], aliases, file, title)
    _check_required(columns, required, file, title)
    return Sheet(file, columns, _rows(records[1:], columns, file, title), sheet=title)


def read_tabular(path: Path, aliases: dict[str, tuple[str, ...]], required: Sequence[str]) -> Sheet:
    """Read a .csv or .xlsx file, choosing by content and extension.

    Raises:
        InputRefusedError: with file, row and column of the first problem.
    """
    file = path.name
    if not path.is_file():
        raise refuse(file, "il file non esiste")
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        magic = handle.read(4)
    if suffix in (".xlsx", ".xlsm"):
        if magic != b"PK\x03\x04":
            raise refuse(file, "non è un file Excel (.xlsx): il contenuto è di un altro tipo")
        return read_xlsx(path, aliases, required)
    if suffix in (".csv", ".txt"):
        return read_csv(path, aliases, required)
    raise refuse(file, f"formato «{suffix or '(nessuno)'}» non supportato: usare .xlsx o .csv")


FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def write_table(
    path: Path, sheet_title: str, header: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Write a header and rows to .xlsx or .csv (by extension), text never becoming a formula.

    The file is written whole or not at all (:func:`atomic_write`).

    Raises:
        StorageError: the file cannot be written; an existing file is left as it was.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":

        def write_csv(target: Path) -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(header)
                writer.writerows(rows)

        atomic_write(path, write_csv)
        return
    if suffix != ".xlsx":
        raise ValueError(f"formato «{suffix}» non supportato: usare .xlsx o .csv")
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet_title
    worksheet.append([ILLEGAL_CHARACTERS_RE.sub("", name) for name in header])
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        # Control characters cannot live in a worksheet: they are dropped, not fatal.
        worksheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
        )
    for row_cells in worksheet.iter_rows(min_row=2):
        for cell in row_cells:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_PREFIXES):
                cell.data_type = "s"
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = max(12, min(60, len(name) + 4))
    worksheet.freeze_panes = "A2"
    atomic_write(path, lambda target: workbook.save(target))
