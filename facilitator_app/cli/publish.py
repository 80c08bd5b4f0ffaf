"""The publishing options of ``export``: ``--decidim`` (and its closing report), ``--open-data``.

Kept apart from :mod:`facilitator_app.cli.export` so that each output's options live in
one place; ``export`` calls :func:`add_arguments` and :func:`run`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import TextProgress
from facilitator_app.services.common.clock import SystemClock
from facilitator_app.services.publish.closing import closing_path_beside, write_closing_report
from facilitator_app.services.publish.decidim import (
    BODY_MAX,
    TITLE_MAX,
    DecidimOptions,
    Granularity,
    write_proposals,
)
from facilitator_app.services.publish.open_data import (
    DEFAULT_LICENCE,
    DEFAULT_ORGANISER,
    LICENCES,
    write_open_data,
)
from facilitator_app.services.records.report import EventReport

DECIDIM_SUFFIXES = (".csv", ".json")
# How many cuts are listed one by one before "… and N more".
_LISTED_CUTS = 20


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"«{text}» non è un numero intero") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"«{text}» deve essere almeno 1")
    return value


def _axis_ids(text: str) -> tuple[int, tuple[int, ...]]:
    """``AXIS=ID`` or ``AXIS=ID,ID``: an axis number and Decidim ids (positive integers)."""
    axis, sign, ids = text.partition("=")
    if not sign or not axis.strip() or not ids.strip():
        raise argparse.ArgumentTypeError(f"«{text}»: usare la forma ASSE=ID, per esempio 3=12")
    try:
        return _positive(axis.strip()), tuple(_positive(i.strip()) for i in ids.split(","))
    except argparse.ArgumentTypeError as error:
        raise argparse.ArgumentTypeError(f"«{text}»: {error}") from None


def add_arguments(export: argparse.ArgumentParser) -> None:
    """Add the publishing options to the ``export`` parser."""
    decidim = export.add_argument_group(
        "Decidim / ParteciPA", "proposte per «Importa da file» e testo per «Chiudi incontro»"
    )
    decidim.add_argument(
        "--decidim", type=Path, metavar="FILE", help="proposte da importare (.csv o .json)"
    )
    decidim.add_argument(
        "--decidim-per",
        choices=[g.value for g in Granularity],
        default=Granularity.THEME.value,
        help="una proposta per tema (predefinito) o per post-it",
    )
    decidim.add_argument(
        "--decidim-category",
        type=_axis_ids,
        action="append",
        default=[],
        metavar="ASSE=ID",
        help="id della categoria Decidim per le proposte di un asse (ripetibile)",
    )
    decidim.add_argument(
        "--decidim-taxonomy",
        type=_axis_ids,
        action="append",
        default=[],
        metavar="ASSE=ID[,ID]",
        help="id delle tassonomie Decidim (0.30 e seguenti) per un asse (ripetibile)",
    )
    decidim.add_argument(
        "--decidim-scope", type=_positive, metavar="ID", help="id dell'ambito Decidim"
    )
    decidim.add_argument(
        "--decidim-locale", default="it", help="lingua predefinita dell'organizzazione (it)"
    )
    decidim.add_argument(
        "--decidim-body-max",
        type=_positive,
        default=BODY_MAX,
        metavar="N",
        help=f"lunghezza massima del testo della proposta (predefinita {BODY_MAX}, "
        "come il componente Proposte di Decidim)",
    )
    decidim.add_argument(
        "--decidim-closing",
        type=Path,
        metavar="FILE",
        help="testo per «Chiudi incontro» (.txt; con --decidim predefinito accanto: "
        "NOME-chiusura.txt)",
    )
    data = export.add_argument_group("Dati aperti", "pacchetto Frictionless (CSV + schema)")
    data.add_argument("--open-data", type=Path, metavar="CARTELLA", help="cartella da scrivere")
    data.add_argument(
        "--licence",
        "--licenza",
        dest="licence",
        choices=sorted(LICENCES),
        default=DEFAULT_LICENCE,
        help=f"licenza dei dati aperti (predefinita {DEFAULT_LICENCE})",
    )
    data.add_argument(
        "--organiser",
        "--organizzatore",
        dest="organiser",
        default=DEFAULT_ORGANISER,
        help=f"chi ha organizzato l'evento (predefinito: {DEFAULT_ORGANISER})",
    )


def closing_path(args: argparse.Namespace) -> Path | None:
    """Where the closing report goes: as asked, else beside the proposals, else nowhere."""
    if args.decidim_closing is not None:
        return Path(args.decidim_closing)
    if args.decidim is not None:
        return closing_path_beside(Path(args.decidim))
    return None


def outputs(args: argparse.Namespace) -> list[Path]:
    """The files and folders the publishing options will write (to check them first)."""
    paths = [args.decidim, closing_path(args), args.open_data]
    return [Path(p) for p in paths if p is not None]


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the publishing options, before anything is read or written."""
    if args.decidim is not None and Path(args.decidim).suffix.lower() not in DECIDIM_SUFFIXES:
        return f"--decidim: il file deve finire in .csv o .json, non «{Path(args.decidim).name}»"
    if args.decidim is None and (args.decidim_category or args.decidim_taxonomy):
        return "--decidim-category e --decidim-taxonomy valgono solo con --decidim FILE"
    return None


def _decidim_options(args: argparse.Namespace) -> DecidimOptions:
    return DecidimOptions(
        per=Granularity(args.decidim_per),
        locale=args.decidim_locale,
        categories={axis: ids[0] for axis, ids in args.decidim_category},
        taxonomies=dict(args.decidim_taxonomy),
        scope=args.decidim_scope,
        title_max=TITLE_MAX,
        body_max=args.decidim_body_max,
    )


def run(args: argparse.Namespace, report: EventReport, out: TextIO) -> None:
    """Write what the publishing options ask for, and say what was written or cut."""
    proposals: int | None = None
    if args.decidim is not None:
        result = write_proposals(report, Path(args.decidim), _decidim_options(args))
        proposals = result.proposals
        print(
            f"Proposte per Decidim scritte in {result.path}: {result.proposals} proposte "
            f"da {result.posts} contributi",
            file=out,
        )
        if result.shortened:
            print(
                f"  {len(result.shortened)} testi accorciati ai limiti di Decidim "
                f"(titolo {TITLE_MAX}, testo {args.decidim_body_max} caratteri; "
                "--decidim-body-max se il componente accetta testi più lunghi):",
                file=out,
            )
            for cut in result.shortened[:_LISTED_CUTS]:
                what = "titolo" if cut.field == "title" else "testo"
                print(
                    f"  - proposta {cut.item} ({cut.source}): {what} di {cut.length} "
                    f"caratteri, tagliato a {cut.limit}",
                    file=out,
                )
            if len(result.shortened) > _LISTED_CUTS:
                print(f"  … e altri {len(result.shortened) - _LISTED_CUTS}", file=out)
        if result.neutralised:
            print(
                f"  {result.neutralised} testi iniziano come una formula: nel CSV hanno un "
                "apostrofo davanti (un foglio di calcolo non li esegue)",
                file=out,
            )
    closing = closing_path(args)
    if closing is not None:
        written = write_closing_report(report, closing, proposals)
        people = "—" if written.attendees.people is None else str(written.attendees.people)
        print(
            f"Testo per «Chiudi incontro» scritto in {written.path}: {people} partecipanti, "
            f"{written.contributions} contributi",
            file=out,
        )
    if args.open_data is not None:
        package = write_open_data(
            report,
            Path(args.open_data),
            SystemClock(),
            licence=args.licence,
            organiser=args.organiser,
            progress=TextProgress(),
        )
        rows = ", ".join(f"{name} {count}" for name, count in package.rows.items())
        print(f"Dati aperti scritti in {package.path} ({args.licence}): {rows}", file=out)
