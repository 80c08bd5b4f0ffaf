"""The restituzione as a Word document (``export --docx``).

Read back with python-docx (Word's own styles: Title, Heading 1–4, List Bullet, a table
style, PAGE/NUMPAGES fields in the footer) and opened by LibreOffice headless, converted to
text and to PDF: the text holds every section of the PDF restituzione, in its order, and
every total of the report model.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader
from pypdf.generic import Destination

from facilitator_app.cli.common import EXIT_OK
from facilitator_app.domain.clock import FixedClock
from facilitator_app.services.common.pdf_style import format_int, paragraphs
from facilitator_app.services.records.event_records import load_records
from facilitator_app.services.records.report import build_report
from facilitator_app.services.reports.report_story import short_name
from facilitator_app.services.reports.restituzione import export_pdf
from facilitator_app.services.reports.word_report import export_docx, write_docx
from facilitator_app.storage.database import EventStore
from tests.helpers.cli import run
from tests.helpers.files import digest
from tests.helpers.italian import italian_in_document, user_data

HEADINGS = {f"Heading {level}" for level in range(1, 5)}


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


needs_libreoffice = pytest.mark.skipif(soffice() is None, reason="LibreOffice non installato")


def convert(document: Path, tmp_path: Path, target: str) -> Path:
    """LibreOffice headless, with a private profile: ``document`` converted to ``target``."""
    out = tmp_path / f"lo-{target.split(':')[0]}"
    done = subprocess.run(
        [
            str(soffice()),
            f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(out),
            str(document),
        ],
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    converted = list(out.glob(f"{document.stem}.*")) if out.exists() else []
    assert converted, f"LibreOffice did not convert {document.name}: {done.stderr}"
    return converted[0]


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def demo_docx(demo_path: Path, tmp_path: Path, clock: FixedClock) -> Path:
    with EventStore.open(demo_path, read_only=True) as store:
        result = export_docx(store, tmp_path / "restituzione.docx", clock)
    assert result.removed == ()
    return result.path


def test_word_styles_headings_lists_tables_and_page_numbers(
    demo_docx: Path, demo_path: Path, clock: FixedClock
) -> None:
    document = Document(str(demo_docx))
    with EventStore.open(demo_path, read_only=True) as store:
        event = store.event()
        posts = store.live_contributions()
    styles = [p.style.name for p in document.paragraphs if p.style is not None]
    used = {name for name in styles if name.startswith("Heading")}
    assert {"Heading 1", "Heading 2", "Heading 3"} <= used <= HEADINGS
    chapters = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert chapters == [
        "1. PREMESSA",
        "2. OBIETTIVI E STRUTTURA DELL'EVENTO",
        "3. PROGRAMMA DELLA GIORNATA",
        "4. PARTECIPAZIONE",
        "5. RESTITUZIONE DEI TEMI EMERSI",
        "6. CONCLUSIONI",
        "APPENDICE – ELENCO DEI CONTRIBUTI",
    ]
    assert [p.text for p in document.paragraphs if p.style and p.style.name == "Title"] == [
        event.title
    ]
    bullets = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert all(any(b.startswith(post.text) for b in bullets) for post in posts)
    assert document.tables
    assert {t.style.name for t in document.tables if t.style} == {"Light Grid Accent 1"}
    assert all("w:tblHeader" in t.rows[0]._tr.xml for t in document.tables)
    footer = document.sections[0].footer._element.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    properties = document.core_properties
    assert properties.title == event.title
    assert properties.created == clock.now()


def outline_titles(pdf: Path) -> list[str]:
    """The PDF restituzione's bookmarks, in order (its sections)."""
    found: list[str] = []

    def walk(items: list[object]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            elif isinstance(item, Destination):
                found.append(str(item.title))

    walk(PdfReader(pdf).outline)
    return found


@pytest.mark.slow
@needs_libreoffice
def test_libreoffice_reads_every_section_and_total_of_the_report(
    demo_docx: Path, demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        report = build_report(load_records(store))
        pdf = export_pdf(store, tmp_path / "restituzione.pdf", clock).path
    text = flat(convert(demo_docx, tmp_path, "txt:Text").read_text(encoding="utf-8-sig"))
    sections = outline_titles(pdf)
    assert len(sections) > 40
    at = 0
    for title in sections:  # every section of the PDF, in the PDF's order
        at = text.index(flat(title), at)
    assert report.in_presence is not None and report.online is not None
    assert report.people_at_tables is not None
    totals = [
        f"hanno preso parte in totale {report.in_presence} persone in presenza",
        f"sono state registrate {report.online} persone",
        f"Hanno partecipato alla discussione ai tavoli {report.people_at_tables} persone",
        *(f"{group.people} (" for group in report.count_groups),
        *(f"Persone al tavolo: {table.people}" for table in report.tables),
        f"Tutti i {format_int(report.total_contributions)} contributi",
        *(
            f"Sessione {session.number} ({len(session.posts)} contributi)"
            for table in report.tables
            for session in table.sessions
        ),
    ]
    at = 0
    for total in totals:  # in the order the report gives them
        at = text.index(total, at)
    assert report.counting_note in text
    converted = convert(demo_docx, tmp_path, "pdf")
    pages = len(PdfReader(converted).pages)
    assert pages > 10
    printed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(converted), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    assert f"Pagina 2 di {pages}" in printed  # the footer's fields, filled in by LibreOffice


def the_data(event: Path) -> list[str]:
    """The user's data as the report lays it out (short table names, paragraphs)."""
    with EventStore.open(event, read_only=True) as store:
        tables = load_records(store).tables
    extra = [short_name(table) for table in tables]
    for value in user_data(event):
        for paragraph in paragraphs(value) if "\n" in value else []:
            extra += [paragraph, *paragraph.split(". ", 1)]
    return user_data(event, extra)


@pytest.mark.slow
@needs_libreoffice
def test_the_english_word_report_speaks_no_italian(demo_path: Path, tmp_path: Path) -> None:
    before = digest(demo_path)
    target = tmp_path / "report.docx"
    code, printed = run("export", str(demo_path), "--docx", str(target), "--lang", "en")
    assert code == EXIT_OK, printed
    text = convert(target, tmp_path, "txt:Text").read_text(encoding="utf-8-sig")
    assert "APPENDIX" in text and "1. INTRODUCTION" in text.upper()
    found = italian_in_document(text, the_data(demo_path))
    assert found == {}, "\n".join(f"{line!r} -> {sorted(w)}" for line, w in found.items())
    footer = Document(str(target)).sections[0].footer.paragraphs[0].text
    assert "Page" in footer and "Pagina" not in footer
    assert digest(demo_path) == before


def test_control_characters_are_dropped_and_reported_the_event_file_kept(
    demo_path: Path, tmp_path: Path
) -> None:
    with EventStore.open(demo_path) as store:
        post = store.live_contributions()[5]
        table = next(t for t in store.tables() if t.id == post.table_id)
        theme = store.live_themes()[0]
        store.save_all(
            [
                dataclasses.replace(post, text="Rete\x00 di\x07 ciclabili\x0b sicure\x1f"),
                dataclasses.replace(theme, title="Mobilità\x0c dolce"),
            ]
        )
    before = digest(demo_path)
    target = tmp_path / "restituzione.docx"
    code, printed = run("export", str(demo_path), "--docx", str(target))
    assert code == EXIT_OK, printed
    assert (
        f"4 caratteri non ammessi tolti dal post-it «Rete di ciclabili sicure» (tavolo "
        f"{table.key}, sessione {post.session}, testo)" in printed
    )
    assert "1 caratteri non ammessi tolti dal tema «Mobilità dolce»" in printed
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert any(t.startswith("Rete di ciclabili sicure") for t in texts)
    assert "Mobilità dolce" in texts
    assert digest(demo_path) == before  # the coordinator fixes the event file, not the export


def test_a_lone_surrogate_is_dropped_and_reported(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path, read_only=True) as store:
        snapshot = load_records(store)
    event = dataclasses.replace(snapshot.event, premessa="Premessa \ud83d spezzata.")
    result = write_docx(dataclasses.replace(snapshot, event=event), tmp_path / "r.docx", clock)
    assert [str(r.message) for r in result.removed] == [
        "1 caratteri non ammessi tolti dall'evento (premessa)"
    ]
    assert "Premessa  spezzata." in [p.text for p in Document(str(result.path)).paragraphs]
