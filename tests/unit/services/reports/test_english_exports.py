"""The restituzione and the paper kit in English: no Italian beyond the user's data.

Both are written through the command line (``--lang en``), read back with pdftotext and
checked line by line with the word list of the translation catalogue.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from facilitator_app.cli.common import EXIT_OK, EXIT_USAGE
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.italian import italian_lines, user_data

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils non installato"
)


def text_of(pdf: Path) -> str:
    result = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return result.stdout.decode("utf-8")


def test_the_restituzione_in_english_speaks_no_italian(demo_path: Path, tmp_path: Path) -> None:
    before = digest(demo_path)
    pdf = tmp_path / "report.pdf"
    code, printed = run("export", str(demo_path), "--pdf", str(pdf), "--lang", "en")
    assert code == EXIT_OK, printed
    text = text_of(pdf)
    assert "APPENDIX" in text and "Page 2 of " in text
    found = italian_lines(text, user_data(demo_path))
    assert found == {}, "\n".join(f"{line!r} -> {sorted(w)}" for line, w in found.items())
    assert digest(demo_path) == before


def test_the_restituzione_stays_italian_by_default(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "restituzione.pdf"
    code, _printed = run("export", str(demo_path), "--pdf", str(pdf))
    assert code == EXIT_OK
    text = text_of(pdf)
    assert "APPENDICE" in text and "Pagina 2 di " in text


def test_the_paper_kit_in_english_speaks_no_italian(demo_path: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "kit.pdf"
    code, printed = run(
        "paper-kit", str(demo_path), "--pdf", str(pdf), "--table", "asse-3", "--lang", "en"
    )
    assert code == EXIT_OK, printed
    text = text_of(pdf)
    assert "Paper kit" in text and "Attendance, session 1" in text
    found = italian_lines(text, user_data(demo_path))
    assert found == {}, "\n".join(f"{line!r} -> {sorted(w)}" for line, w in found.items())


def test_an_unknown_language_is_a_usage_error(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kit = tmp_path / "kit.pdf"
    code, _printed = run("paper-kit", str(demo_path), "--pdf", str(kit), "--lang", "de")
    assert code == EXIT_USAGE and not kit.exists()
    assert "--lang" in capsys.readouterr().err
