"""The restituzione PDF, read back with poppler (pdftotext, pdftoppm) and pypdf."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from facilitator_app.domain.clock import FixedClock
from facilitator_app.domain.counting import table_presence
from facilitator_app.domain.model import ParticipantCount, Table
from facilitator_app.services.common.dates import italian_date, local_hhmm, rome_time
from facilitator_app.services.reports.restituzione import export_pdf
from facilitator_app.storage.database import EventStore

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils non installato",
)
# The running footer: "Pagina N di M" and "<event title> — <date>" (removed before searching).
FOOTER = re.compile(r"^(.*Pagina \d+ di \d+|.+ — \d{1,2}º? [a-z]+ \d{4})\s*$", re.MULTILINE)


def render(path: Path, target: Path, clock: FixedClock, **options: Any) -> Path:
    with EventStore.open(path, read_only=True) as store:
        export_pdf(store, target, clock, **options)
    return target


def text_of(pdf: Path, *, layout: bool = False, first: int | None = None) -> str:
    command = ["pdftotext", "-enc", "UTF-8"]
    if layout:
        command.append("-layout")
    if first is not None:
        command += ["-f", str(first), "-l", str(first)]
    result = subprocess.run([*command, str(pdf), "-"], capture_output=True, timeout=60, check=True)
    return result.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Text without page footers, on one line: what a reader sees, wrapped or not."""
    return " ".join(FOOTER.sub("", text).split())


@pytest.fixture
def demo_pdf(demo_path: Path, tmp_path: Path, clock: FixedClock) -> Path:
    return render(demo_path, tmp_path / "restituzione.pdf", clock)


def sections_by_table(text: str, names: list[str]) -> dict[str, str]:
    """The text of each table's chapter in "themes that emerged" (before the appendix)."""
    body = text[: text.index("APPENDICE")]
    starts = []
    for name in names:
        found = [m.start() for m in re.finditer(re.escape(name), body)]
        starts.append(found[-1])  # the last mention is the chapter heading
    order = sorted(zip(starts, names, strict=True))
    ends = [s for s, _ in order[1:]] + [body.index("6. CONCLUSIONI")]
    return {name: body[start:end] for (start, name), end in zip(order, ends, strict=True)}


def test_every_table_head_count_and_theme_title_is_in_the_report(
    demo_pdf: Path, demo_path: Path
) -> None:
    text = flat(text_of(demo_pdf))
    with EventStore.open(demo_path, read_only=True) as store:
        tables = store.tables()
        presence = {k: v.people for k, v in table_presence(store.all(ParticipantCount)).items()}
        themes = store.live_themes()
    sections = sections_by_table(text, [t.name for t in tables])
    for table in tables:
        expected = f"Persone al tavolo: {presence[table.id]}"
        assert expected in sections[table.name], table.key
        own = [" ".join(t.title.split()) for t in themes if t.table_id == table.id]
        assert own and all(title in sections[table.name] for title in own), table.key
    assert len(themes) > 40


def test_chapters_follow_the_published_restituzione(demo_pdf: Path, demo_path: Path) -> None:
    text = flat(text_of(demo_pdf))
    chapters = [
        "1. PREMESSA",
        "2. OBIETTIVI E STRUTTURA DELL'EVENTO",
        "3. PROGRAMMA DELLA GIORNATA",
        "4. PARTECIPAZIONE",
        "5. RESTITUZIONE DEI TEMI EMERSI",
        "Temi trasversali agli assi",
        "6. CONCLUSIONI",
        "APPENDICE – ELENCO DEI CONTRIBUTI",
    ]
    positions = [text.index(chapter) for chapter in chapters]
    assert positions == sorted(positions)
    with EventStore.open(demo_path, read_only=True) as store:
        event = store.event()
        sessions = store.all(Table)
    assert " ".join(event.premessa.split()) in text
    assert " ".join(event.conclusioni.split()) in text
    # Cross-cutting themes come before the first table's chapter.
    first_table = min(sessions, key=lambda t: t.position).name
    assert text.index("Temi trasversali agli assi") < text.rindex(first_table, 0, positions[-2])
    crosscutting = [line for line in event.temi_trasversali.splitlines() if line.strip()]
    assert crosscutting
    for line in crosscutting:
        assert " ".join(line.split())[:60].split(". ", 1)[-1][:40] in text
    assert "SESSIONE 1. Quali lezioni possiamo imparare dal PSM 2021-23?" in text
    assert "hanno preso parte in totale 125 persone in presenza" in text
    assert "68 persone" in text


def test_programme_lists_planned_and_actual_times(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    text = text_of(render(rich_path, tmp_path / "r.pdf", clock), layout=True)
    assert "09:30 – 09:45" in text
    assert "10:20 – 11:20" in text
    # enrich() (rich_path) timed four sessions from 09:23 UTC: 10:23 in Turin, 64 minutes less a pause.
    assert "10:23 – 11:27" in text and "60 min" in text


def test_appendix_lists_every_contribution(demo_pdf: Path, demo_path: Path) -> None:
    raw = text_of(demo_pdf)
    text = flat(raw)
    appendix = text[text.index("APPENDICE – ELENCO DEI CONTRIBUTI") :]
    with EventStore.open(demo_path, read_only=True) as store:
        posts = store.contributions()
    for post in posts:
        assert " ".join(post.text.split()) in appendix, post.text
    raw_appendix = raw[raw.index("APPENDICE – ELENCO DEI CONTRIBUTI") :].replace("\f", "\n")
    # Entries are numbered 1..N (a line may also start with a year such as "2026.").
    numbers = {int(n) for n in re.findall(r"^(\d+)\.(?:\s|$)", raw_appendix, re.MULTILINE)}
    assert set(range(1, len(posts) + 1)) <= numbers
    assert len(posts) + 1 not in numbers


def test_accents_and_european_names_survive(
    rich_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    text = flat(text_of(render(rich_path, tmp_path / "r.pdf", clock)))
    for word in ("Città", "Criticità", "perché", "Łódź", "Ærø", "Šťastný", "Ørsted", "Ğüneş"):
        assert word in text, word
    assert "Šťastný Łukasz Ørsted" in text  # facilitator, shown when not anonymised
    hidden = flat(text_of(render(rich_path, tmp_path / "a.pdf", clock, anonymise=True)))
    assert "Łukasz" not in hidden and "Müller-Çelik" not in hidden


def test_fonts_are_embedded_dejavu_only(demo_pdf: Path) -> None:
    reader = PdfReader(demo_pdf)
    fonts: dict[str, bool] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = bool(descriptor) and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVuSans" in name for name in fonts), fonts


def test_outline_page_numbers_metadata_and_clock(demo_pdf: Path, clock: FixedClock) -> None:
    reader = PdfReader(demo_pdf)
    pages = len(reader.pages)

    def titles(items: list[Any]) -> list[str]:
        found: list[str] = []
        for item in items:
            if isinstance(item, list):
                found += titles(item)
            else:
                found.append(str(item.title))
        return found

    outline = titles(reader.outline)
    assert "1. PREMESSA" in outline and "6. CONCLUSIONI" in outline
    assert "Asse 6 - Salute" in outline and "Temi trasversali agli assi" in outline
    assert outline.count("Sessione 1") >= 7
    text = text_of(demo_pdf)
    assert f"Pagina 2 di {pages}" in text and f"Pagina {pages} di {pages}" in text
    assert "Pagina 1 di" not in text  # no footer on the cover
    meta = reader.metadata
    assert meta is not None
    assert meta.title == "Forum Metropolitano - fase di ascolto PSM 2024-2026"
    assert meta.creation_date is not None
    assert meta.creation_date.replace(tzinfo=dt.UTC) == clock.now()


def test_cover_has_the_italian_date(demo_pdf: Path) -> None:
    cover = flat(text_of(demo_pdf, first=1))
    assert "venerdì 10 novembre 2023" in cover
    assert "Restituzione dei tavoli di lavoro" in cover
    assert "Documento generato il 10 novembre 2023" in cover


def test_first_pages_render(demo_pdf: Path, artifacts: Path) -> None:
    prefix = artifacts / "restituzione"
    for old in artifacts.glob("restituzione-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "5", str(demo_pdf), str(prefix)],
        check=True,
        timeout=120,
    )
    pngs = sorted(artifacts.glob("restituzione-*.png"))
    assert len(pngs) == 5
    for png in pngs:
        with Image.open(png) as image:
            grey = image.convert("L")
            low, high = grey.getextrema()
            assert high - low > 100, png.name  # not a blank page
            dark = sum(grey.histogram()[:128])
            assert dark > 200, png.name


def test_one_table_restituzione(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    pdf = render(demo_path, tmp_path / "t.pdf", clock, table_keys=["asse-6"])
    text = flat(text_of(pdf))
    with EventStore.open(demo_path, read_only=True) as store:
        tables = {t.id: t for t in store.all(Table)}
        themes = store.live_themes()
    salute = next(t for t in tables.values() if t.key == "asse-6")
    assert "Restituzione del tavolo: Asse 6 - Salute" in text
    assert "Persone al tavolo: 13" in text
    own = [" ".join(t.title.split()) for t in themes if t.table_id == salute.id]
    # Other tables' themes, long enough not to appear in the text by chance.
    others = [" ".join(t.title.split()) for t in themes if t.table_id != salute.id]
    others = [title for title in others if len(title) > 25]
    assert own and others
    assert [title for title in own if title not in text] == []
    assert [title for title in others if title in text] == []
    assert "Temi trasversali agli assi" not in text


def test_unknown_table_is_refused(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    with pytest.raises(ValueError, match="asse-9"):
        render(demo_path, tmp_path / "t.pdf", clock, table_keys=["asse-9"])
    assert not (tmp_path / "t.pdf").exists()


def test_empty_texts_are_explained_not_left_blank(
    demo_path: Path, tmp_path: Path, clock: FixedClock
) -> None:
    with EventStore.open(demo_path) as store:
        store.save(dataclasses.replace(store.event(), premessa="", conclusioni=""))
    text = flat(text_of(render(demo_path, tmp_path / "r.pdf", clock)))
    assert "La premessa non è stata ancora scritta." in text
    assert "Le conclusioni non sono state ancora scritte." in text


def test_progress_reaches_the_end(demo_path: Path, tmp_path: Path, clock: FixedClock) -> None:
    calls: list[tuple[int, int]] = []
    with EventStore.open(demo_path, read_only=True) as store:
        export_pdf(
            store, tmp_path / "r.pdf", clock, progress=lambda d, t, label="": calls.append((d, t))
        )
    assert calls[0][0] == 0
    assert calls[-1][0] == calls[-1][1]
    assert all(0 <= done <= total for done, total in calls)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2023-11-10", "venerdì 10 novembre 2023"),
        ("2024-01-01", "lunedì 1º gennaio 2024"),
        ("2024-02-29", "giovedì 29 febbraio 2024"),
        ("2025-08-15", "venerdì 15 agosto 2025"),
    ],
)
def test_italian_dates(day: str, expected: str) -> None:
    assert italian_date(day, weekday=True) == expected
    assert italian_date(dt.date.fromisoformat(day)) == expected.split(" ", 1)[1]
    assert italian_date("non una data") == "non una data"


def _last_sunday_1_utc(year: int, month: int) -> dt.datetime:
    """01:00 UTC on the last Sunday of March or October: when the EU changes the clocks."""
    day = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    day -= dt.timedelta(days=(day.weekday() - 6) % 7)
    return dt.datetime(day.year, day.month, day.day, 1, tzinfo=dt.UTC)


def test_rome_time_follows_the_eu_summer_time_rule() -> None:
    moment = dt.datetime(2019, 1, 1, 0, 30, tzinfo=dt.UTC)
    while moment.year < 2031:
        year = moment.year
        summer = _last_sunday_1_utc(year, 3) <= moment < _last_sunday_1_utc(year, 10)
        assert rome_time(moment).utcoffset() == dt.timedelta(hours=2 if summer else 1), moment
        moment += dt.timedelta(hours=7, minutes=13)
    # The changes themselves, to the minute (31 March and 27 October 2024).
    for utc, wall in (
        ((2024, 3, 31, 0, 59), "01:59"),
        ((2024, 3, 31, 1, 0), "03:00"),
        ((2024, 10, 27, 0, 59), "02:59"),
        ((2024, 10, 27, 1, 0), "02:00"),
    ):
        assert rome_time(dt.datetime(*utc, tzinfo=dt.UTC)).strftime("%H:%M") == wall, utc
    assert rome_time(dt.datetime(2024, 7, 1, 9, 0)).hour == 11  # naive means UTC
    assert local_hhmm("2023-11-10T09:23:00+00:00") == "10:23"
    assert local_hhmm("2024-06-10T09:23:00+00:00") == "11:23"
    assert local_hhmm(None) == "" and local_hhmm("ieri") == ""
