"""The restituzione and the paper kit in English: no Italian beyond the user's data.

Both are written through the command line (``--lang en``), read back with pdftotext and
checked line by line with the word list of the translation catalogue.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE
from facilitator_app.services.common.pdf_style import paragraphs
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.reports.report_story import short_name
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.italian import italian_in_document, user_data

# The running footer: "<title> — <date>[ — paper kit]" then "Page N of M".
FOOTER = re.compile(r"^.+ — \d{1,2}º? \w+ \d{4}( — .+)?\n+(Page|Pagina) \d+ (of|di) \d+$", re.M)
pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils non installato"
)


def text_of(pdf: Path) -> str:
    """The PDF's text without its running footers (which cut the user's paragraphs)."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return FOOTER.sub("", result.stdout.decode("utf-8"))


def pdf_text(pdf: Path) -> str:
    """The PDF's whole text, footers included."""
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return result.stdout.decode("utf-8")


def the_data(event: Path) -> list[str]:
    """The user's data, as the report lays it out.

    The short table names it makes of them ("Asse 5"), and the paragraphs of the longer
    texts, split at a capitals heading ("INTEGRAZIONE DELLE STRATEGIE. Le strategie...").
    """
    with EventStore.open(event, read_only=True) as store:
        tables = load_records(store).tables
    extra = [short_name(table) for table in tables]
    for value in user_data(event):
        for paragraph in paragraphs(value) if "\n" in value else []:
            extra += [paragraph, *paragraph.split(". ", 1)]
    return user_data(event, extra)


def test_the_restituzione_in_english_speaks_no_italian(demo_path: Path, tmp_path: Path) -> None:
    before = digest(demo_path)
    pdf = tmp_path / "report.pdf"
    code, printed = run("export", str(demo_path), "--pdf", str(pdf), "--lang", "en")
    assert code == EXIT_OK, printed
    text = text_of(pdf)
    assert "APPENDIX" in text and "Page 2 of " in pdf_text(pdf)
    found = italian_in_document(text, the_data(demo_path))
    assert found == {}, "\n".join(f"{line!r} -> {sorted(w)}" for line, w in found.items())
    assert digest(demo_path) == before


def test_the_restituzione_stays_italian_by_default(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "restituzione.pdf"
    code, _printed = run("export", str(demo_path), "--pdf", str(pdf))
    assert code == EXIT_OK
    text = text_of(pdf)
    assert "APPENDICE" in text and "Pagina 2 di " in pdf_text(pdf)


def test_the_paper_kit_in_english_speaks_no_italian(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "kit.pdf"
    code, printed = run(
        "paper-kit", str(demo_path), "--pdf", str(pdf), "--table", "asse-3", "--lang", "en"
    )
    assert code == EXIT_OK, printed
    text = text_of(pdf)
    assert "Paper kit" in text and "Attendance, session 1" in text
    found = italian_in_document(text, the_data(demo_path))
    assert found == {}, "\n".join(f"{line!r} -> {sorted(w)}" for line, w in found.items())


def test_an_unknown_language_is_a_usage_error(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "kit.pdf"
    code, _printed = run("paper-kit", str(demo_path), "--pdf", str(kit), "--lang", "de")
    assert code == EXIT_USAGE and not kit.exists()
    assert "--lang" in capsys.readouterr().err
