"""The printable table card: its words (pdftotext) and its QR code, read back from pixels.

The PDF is rendered by poppler (``pdftoppm``, grey levels) and the QR code's modules are
sampled at their centres, then compared with segno's matrix of the URL: what a phone's
camera would read is the URL.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import segno

from facilitator_app.domain.errors import StorageError
from facilitator_app.services.room.table_card import TableCard, write_table_card

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None, reason="no poppler"
)

URL = "http://192.168.43.1:8080/t/Zq3vN8xK1pLm0aBcDeFgHiJk"
CARD = TableCard(
    "Asse 3 · Tavolo A",
    "Quali servizi mancano nella tua zona?",
    URL,
    "http://192.168.43.1:8080/",
    "VPQJ9WG",
)


def _text(pdf: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, timeout=60, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def _grey(pdf: Path, tmp_path: Path) -> tuple[int, int, bytes]:
    """The first page as grey pixels (PGM), 150 dpi."""
    subprocess.run(
        ["pdftoppm", "-r", "150", "-gray", "-singlefile", str(pdf), str(tmp_path / "page")],
        check=True,
        timeout=60,
    )
    data = (tmp_path / "page.pgm").read_bytes()
    fields = data.split(maxsplit=4)
    assert fields[0] == b"P5" and fields[3] == b"255"
    width, height = int(fields[1]), int(fields[2])
    return width, height, data[len(data) - width * height :]


def _qr_from_pixels(width: int, height: int, pixels: bytes, size: int) -> list[list[bool]]:
    """Find the QR code (the first row with a dark run as wide as a finder) and sample it."""
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        x = 0
        while x < width:
            if row[x] < 128:
                start = x
                while x < width and row[x] < 128:
                    x += 1
                if x - start > width // 12:  # no letter is this wide: a finder's top edge
                    module = (x - start) / 7
                    return [
                        [
                            pixels[
                                int(y + (r + 0.5) * module) * width
                                + int(start + (c + 0.5) * module)
                            ]
                            < 128
                            for c in range(size)
                        ]
                        for r in range(size)
                    ]
            else:
                x += 1
    raise AssertionError("no QR code on the page")


def test_the_card_holds_the_url_the_code_and_a_qr_code_of_the_url(tmp_path: Path) -> None:
    pdf = tmp_path / "cartello.pdf"
    write_table_card(pdf, CARD)
    text = _text(pdf)
    for expected in (CARD.table, CARD.question, URL, "VPQJ9WG", "http://192.168.43.1:8080/"):
        assert expected in text, (expected, text)
    assert "Scrivi i tuoi post-it dal telefono" in text
    matrix = [[bool(cell) for cell in row] for row in segno.make_qr(URL, error="m").matrix]
    assert _qr_from_pixels(*_grey(pdf, tmp_path), len(matrix)) == matrix


def test_the_card_in_english(tmp_path: Path) -> None:
    pdf = tmp_path / "card.pdf"
    write_table_card(pdf, CARD, language="en", page="A4")
    text = _text(pdf)
    assert "Write your post-its from your phone" in text
    assert "Scrivi i tuoi" not in text
    assert URL in text and "VPQJ9WG" in text


def test_a_card_that_cannot_be_written_leaves_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(StorageError):
        write_table_card(blocked / "cartello.pdf", CARD)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]
