"""Reading user-supplied spreadsheets (.xlsx, .csv) safely and with precise errors.

Sizes are bounded before any parsing (zip bombs, 10 MB of junk); worksheets are read by the
bounded streaming reader (:mod:`~facilitator_app.services.common.xlsx_stream`: entity
declarations refused, every cell reference checked before anything is allocated); every
problem names file, sheet, row and column. Writing follows
:mod:`~facilitator_app.services.common.cells`: text never becomes a formula.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from facilitator_app.domain.errors import InputRefusedError, InvalidValueError, refuse
from facilitator_app.domain.translatable import QT_TRANSLATE_NOOP
from facilitator_app.domain.vocab import fold
from facilitator_app.services.common.cells import (
    from_csv_text,
    sheet_title,
    shown_name,
    text_cell,
    to_csv_text,
)
from facilitator_app.services.common.files import atomic_write
from facilitator_app.services.common.xlsx_stream import MAX_ROWS as MAX_ROWS
from facilitator_app.services.common.xlsx_stream import Workbook as XlsxWorkbook

MAX_CSV_BYTES = 5 * 1024 * 1024
MAX_XLSX_BYTES = 20 * 1024 * 1024
MAX_XLSX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XLSX_RATIO = 200
MAX_XLSX_MEMBERS = 2000


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
        raise refuse(
            file, QT_TRANSLATE_NOOP("Errors", "non è un file Excel (.xlsx) valido o è troncato")
        ) from None
    if len(members) > MAX_XLSX_MEMBERS:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "il file Excel contiene troppe parti ({count})"),
            count=len(members),
        )
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if total > MAX_XLSX_UNCOMPRESSED or total / packed > MAX_XLSX_RATIO:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP(
                "Errors",
                "il file Excel si espanderebbe a {size} MB (rapporto {ratio}:1): "
                "rifiutato per sicurezza",
            ),
            size=total // (1024 * 1024),
            ratio=total // packed,
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
                QT_TRANSLATE_NOOP("Errors", "colonna sconosciuta «{label}» (attese: {expected})"),
                row=1,
                column=label,
                sheet=sheet,
                label=label,
                expected=expected,
            )
        if name in columns:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "colonna «{label}» ripetuta"),
                row=1,
                column=label,
                sheet=sheet,
                label=label,
            )
        columns.append(name)
    return columns


def _check_required(
    columns: list[str], required: Sequence[str], file: str, sheet: str | None
) -> None:
    missing = [name for name in required if name not in columns]
    if missing:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "mancano le colonne: {columns}"),
            row=1,
            column=missing[0],
            sheet=sheet,
            columns=", ".join(missing),
        )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_csv(path: Path, aliases: dict[str, tuple[str, ...]], required: Sequence[str]) -> Sheet:
    """Read a CSV file (UTF-8, separator , ; or tab) into canonical columns.

    An apostrophe that :func:`write_table` put before a text starting like a formula is
    taken off again.
    """
    file = shown_name(path)
    size = path.stat().st_size
    if size > MAX_CSV_BYTES:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "file troppo grande ({size:.1f} MB, massimo {limit} MB)"),
            size=size / 1024 / 1024,
            limit=MAX_CSV_BYTES // 1024 // 1024,
        )
    data = path.read_bytes()
    if b"\x00" in data:
        raise refuse(
            file, QT_TRANSLATE_NOOP("Errors", "non è un file di testo CSV (contiene byte binari)")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise refuse(
            file,
            QT_TRANSLATE_NOOP(
                "Errors", "il file non è in codifica UTF-8: salvarlo come «CSV UTF-8» e riprovare"
            ),
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
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "CSV non valido ({why})"),
            row=reader.line_num,
            why=str(error),
        ) from None
    if not records:
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il file è vuoto"))
    records = [[from_csv_text(cell) for cell in record] for record in records]
    columns = _columns(records[0], aliases, file, None)
    _check_required(columns, required, file, None)
    return Sheet(file, columns, _rows(records[1:], columns, file, None))


def _rows(
    records: Sequence[Sequence[object]], columns: list[str], file: str, sheet: str | None
) -> list[Row]:
    rows: list[Row] = []
    if len(records) > MAX_ROWS:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "troppe righe ({count}, massimo {limit})"),
            sheet=sheet,
            count=len(records),
            limit=MAX_ROWS,
        )
    for offset, record in enumerate(records, start=2):
        values = [_cell_text(value) for value in record]
        if not any(value.strip() for value in values):
            continue
        extra = [v for v in values[len(columns) :] if v.strip()]
        if extra:
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "la riga ha più celle delle colonne d'intestazione"),
                row=offset,
                sheet=sheet,
            )
        cells = {name: value for name, value in zip(columns, values, strict=False) if name}
        rows.append(Row(offset, cells))
    return rows


def _caused_by_defusedxml(error: BaseException | None) -> bool:
    """True when the XML was refused for its entities somewhere down the exception chain."""
    while error is not None:
        if type(error).__module__.startswith("defusedxml") or "entità" in str(error):
            return True
        error = error.__cause__ or error.__context__
    return False


_ENTITIES = QT_TRANSLATE_NOOP(
    "Errors", "file Excel illeggibile: contiene entità XML, rifiutato per sicurezza"
)


def _xlsx_records(path: Path, file: str, sheet_name: str | None) -> tuple[str, list[list[object]]]:
    try:
        workbook = XlsxWorkbook(path, file)
    except InputRefusedError:
        raise
    except Exception as error:  # a damaged zip or XML part raises many types
        if _caused_by_defusedxml(error):
            raise refuse(file, _ENTITIES) from None
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "file Excel illeggibile ({why})"),
            why=type(error).__name__,
        ) from None
    try:
        if sheet_name is not None:
            if sheet_name not in workbook.sheetnames:
                raise refuse(
                    file, QT_TRANSLATE_NOOP("Errors", "manca il foglio «{name}»"), name=sheet_name
                )
            title = sheet_name
        elif workbook.sheetnames:
            title = workbook.sheetnames[0]
        else:
            raise refuse(
                file, QT_TRANSLATE_NOOP("Errors", "il file Excel non contiene alcun foglio")
            )
        records: list[list[object]] = []
        try:
            for number, cells in enumerate(workbook[title].iter_rows(), start=1):
                for cell in cells:
                    if cell.data_type == "f":
                        raise refuse(
                            file,
                            QT_TRANSLATE_NOOP(
                                "Errors", "formula non ammessa: scrivere il valore nella cella"
                            ),
                            row=number,
                            column=cell.column_letter,
                            sheet=title,
                        )
                records.append([cell.value for cell in cells])
        except InputRefusedError:
            raise
        except Exception as error:
            if _caused_by_defusedxml(error):
                raise refuse(file, _ENTITIES) from None
            raise refuse(
                file,
                QT_TRANSLATE_NOOP("Errors", "foglio illeggibile ({why})"),
                sheet=title,
                why=type(error).__name__,
            ) from None
        return title, records
    finally:
        workbook.close()


def read_xlsx(
    path: Path,
    aliases: dict[str, tuple[str, ...]],
    required: Sequence[str],
    sheet_name: str | None = None,
) -> Sheet:
    """Read the first (or a named) worksheet of an .xlsx file into canonical columns."""
    file = shown_name(path)
    size = path.stat().st_size
    if size > MAX_XLSX_BYTES:
        raise refuse(
            file,
            QT_TRANSLATE_NOOP("Errors", "file troppo grande ({size:.1f} MB)"),
            size=size / 1024 / 1024,
        )
    check_zip_bounds(path, file)
    title, records = _xlsx_records(path, file, sheet_name)
    if not records:
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il foglio è vuoto"), sheet=title)
    columns = _columns(records[0], aliases, file, title)
    _check_required(columns, required, file, title)
    return Sheet(file, columns, _rows(records[1:], columns, file, title), sheet=title)


def read_tabular(path: Path, aliases: dict[str, tuple[str, ...]], required: Sequence[str]) -> Sheet:
    """Read a .csv or .xlsx file, choosing by content and extension.

    Raises:
        InputRefusedError: with file, row and column of the first problem.
    """
    file = shown_name(path)
    if not path.is_file():
        raise refuse(file, QT_TRANSLATE_NOOP("Errors", "il file non esiste"))
    suffix = path.suffix.lower()
    with path.open("rb") as handle:
        magic = handle.read(4)
    if suffix in (".xlsx", ".xlsm"):
        if magic != b"PK\x03\x04":
            raise refuse(
                file,
                QT_TRANSLATE_NOOP(
                    "Errors", "non è un file Excel (.xlsx): il contenuto è di un altro tipo"
                ),
            )
        return read_xlsx(path, aliases, required)
    if suffix in (".csv", ".txt"):
        return read_csv(path, aliases, required)
    raise refuse(
        file,
        QT_TRANSLATE_NOOP("Errors", "formato «{suffix}» non supportato: usare .xlsx o .csv"),
        suffix=suffix or "(nessuno)",
    )


def write_table(
    path: Path, title: str, header: Sequence[str], rows: Sequence[Sequence[object]]
) -> None:
    """Write a header and rows to .xlsx or .csv (by extension), text never becoming a formula.

    Every text, header included, is a string cell (in CSV: an apostrophe before a text that
    starts like a formula, see :mod:`~facilitator_app.services.common.cells`); the sheet
    name is made one Excel accepts. The file is written whole or not at all
    (:func:`atomic_write`).

    Raises:
        StorageError: the file cannot be written; an existing file is left as it was.
    """
    suffix = path.suffix.lower()
    if suffix == ".csv":

        def write_csv(target: Path) -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow([to_csv_text(name) for name in header])
                writer.writerows([to_csv_text(value) for value in row] for row in rows)

        atomic_write(path, write_csv)
        return
    if suffix != ".xlsx":
        raise InvalidValueError(
            QT_TRANSLATE_NOOP("Errors", "formato «{suffix}» non supportato: usare .xlsx o .csv"),
            suffix=suffix,
        )
    import openpyxl
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    assert worksheet is not None
    worksheet.title = sheet_title(title)
    # Control characters cannot live in a worksheet: they are dropped, not fatal.
    worksheet.append([ILLEGAL_CHARACTERS_RE.sub("", name) for name in header])
    for row in rows:
        worksheet.append(
            [ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row]
        )
    for row_cells in worksheet.iter_rows():
        for cell in row_cells:
            text_cell(cell)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    for index, name in enumerate(header, start=1):
        letter = get_column_letter(index)
        worksheet.column_dimensions[letter].width = max(12, min(60, len(name) + 4))
    worksheet.freeze_panes = "A2"
    atomic_write(path, lambda target: workbook.save(target))
