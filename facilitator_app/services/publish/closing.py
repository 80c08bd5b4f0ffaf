"""The text a Decidim admin pastes into "Chiudi incontro" (close meeting) for the event.

Decidim's close meeting form (``Decidim::Meetings::Admin::CloseMeetingForm``) asks for
``closing_report`` (text), ``attendees_count``, ``contributions_count``,
``attending_organizations`` and the ``proposals`` born in the meeting; the file gives one
block per field, labelled with the form's Italian label and its field name.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from facilitator_app.services.common.dates import italian_date
from facilitator_app.services.common.files import atomic_write
from facilitator_app.services.records.report import EventReport


@dataclass(frozen=True)
class Attendees:
    """The people of the event for ``attendees_count``, and the rule that gave them.

    Attributes:
        people: the figure, or None when the event recorded none.
        rule: which figure it is, in words.
    """

    people: int | None
    rule: str


@dataclass(frozen=True)
class ClosingResult:
    """What :func:`write_closing_report` wrote."""

    path: Path
    attendees: Attendees
    contributions: int


def closing_path_beside(proposals: Path) -> Path:
    """Where the closing report goes when only the proposals' file was named."""
    return proposals.with_name(f"{proposals.stem}-chiusura.txt")


def attendees(report: EventReport) -> Attendees:
    """The event's people: in presence when recorded (rule 9), else at the tables (rule 2)."""
    if report.in_presence is not None:
        return Attendees(report.in_presence, "persone in presenza registrate per l'evento")
    if report.people_at_tables is not None:
        return Attendees(report.people_at_tables, f"persone ai tavoli ({report.counting_note})")
    return Attendees(None, "nessun conteggio registrato")


def closing_report_text(report: EventReport, proposals: int | None = None) -> str:
    """The closing report's text: one block per field of Decidim's close meeting form.

    Args:
        report: the event's report.
        proposals: how many proposals were written for Decidim (None: none written).
    """
    event = report.records.event
    people = attendees(report)
    lines = [
        f"Chiusura dell'incontro «{event.title}» ({italian_date(event.date)}) su Decidim/ParteciPA",
        "Copiare ogni blocco nel campo omonimo di «Chiudi incontro».",
        "",
        "== Relazione di chiusura (closing_report) ==",
    ]
    for table in report.tables:
        who = "" if table.people is None else f", {table.people} persone"
        venue = f" – {table.venue}" if table.venue else ""
        lines.append(f"Tavolo {table.table.key}: {table.table.name}{venue}{who}")
        for session in table.sessions:
            if not session.posts and not session.themes:
                lines.append(f"  Sessione {session.number}: nessun contributo registrato")
                continue
            question = f" – {session.question}" if session.question else ""
            lines.append(f"  Sessione {session.number}{question}: {len(session.posts)} contributi")
            for theme in session.themes:
                lines.append(f"  - {theme.theme.title} ({len(theme.posts)} contributi)")
            if session.loose:
                lines.append(f"  - senza tema: {len(session.loose)} contributi")
            synthesis = session.session.synthesis.strip() if session.session else ""
            if synthesis:
                lines.append(f"  Sintesi: {' '.join(synthesis.split())}")
    if not report.tables:
        lines.append("Nessun tavolo registrato.")
    lines += [
        "",
        "== Numero di partecipanti (attendees_count) ==",
        "" if people.people is None else str(people.people),
        f"({people.rule})",
        "",
        "== Numero di contributi (contributions_count) ==",
        str(report.total_contributions),
        "(post-it registrati ai tavoli, esclusi quelli eliminati)",
        "",
        "== Organizzazioni partecipanti (attending_organizations) ==",
        "",
        "(il file dell'evento non registra le organizzazioni presenti: compilare a mano;"
        " in Decidim il campo è obbligatorio)",
        "",
        "== Proposte (proposals) ==",
    ]
    if proposals is None:
        lines.append("(nessun file di proposte esportato)")
    else:
        lines.append(
            f"Dopo aver importato le {proposals} proposte del file per Decidim, selezionarle qui."
        )
    return "\n".join(lines) + "\n"


def write_closing_report(
    report: EventReport, path: Path, proposals: int | None = None
) -> ClosingResult:
    """Write the closing report as UTF-8 text, whole or not at all.

    Raises:
        StorageError: the file cannot be written; nothing is left behind.
    """
    atomic_write(path, closing_report_text(report, proposals))
    return ClosingResult(path, attendees(report), report.total_contributions)
