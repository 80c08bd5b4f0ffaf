"""The ``themes`` commands: suggested groups, cross-cutting themes, measured quality.

``suggest``, ``crosscutting`` and ``evaluate`` open the event file read-only and never
change it (meaning vectors missing from the file are computed in memory); ``embed``
computes and stores the vectors of every live post-it, so that a coordinator prepares a
merged file once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from facilitator_app.cli.common import EXIT_OK, EXIT_REFUSED, EXIT_USAGE, TextProgress
from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis import embeddings, quality
from facilitator_app.services.analysis.crosscutting import crosscutting_themes, recurring_terms
from facilitator_app.services.analysis.embeddings import Vector
from facilitator_app.services.analysis.encoder import EncoderUnavailable
from facilitator_app.storage.database import EventStore

Handler = Callable[[argparse.Namespace, TextIO], int]

# Longest post-it text printed on one line.
MAX_LINE = 110


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> dict[str, Handler]:
    """Add the ``themes`` command and its actions; return its handler."""
    themes = sub.add_parser("themes", help="temi suggeriti, temi trasversali, qualità")
    actions = themes.add_subparsers(dest="themes_command", metavar="AZIONE", required=True)

    sug = actions.add_parser("suggest", help="gruppi suggeriti per i post-it di un tavolo")
    sug.add_argument("event", type=Path, help="file evento")
    sug.add_argument("--table", help="chiave del tavolo (es. asse-3); predefinito: tutti")
    sug.add_argument("--session", type=int, help="solo questa sessione (1 o 2)")
    sug.add_argument("--max-groups", type=int, help="al massimo questi gruppi per tavolo")

    cross = actions.add_parser("crosscutting", help="temi emersi in più tavoli o zone")
    cross.add_argument("event", type=Path, help="file evento (anche unito)")
    cross.add_argument("--min-tables", type=int, default=2, help="tavoli minimi (predef. 2)")
    cross.add_argument("--terms", type=int, default=15, help="parole ricorrenti da elencare")

    ev = actions.add_parser(
        "evaluate", help="accordo (ARI) dei suggerimenti con i temi del file e con le baseline"
    )
    ev.add_argument("event", type=Path, help="file evento con temi già assegnati")

    emb = actions.add_parser(
        "embed", help="calcola e salva nel file i vettori di significato dei post-it"
    )
    emb.add_argument("event", type=Path, help="file evento (anche unito)")
    return {"themes": _themes}


def _themes(args: argparse.Namespace, out: TextIO) -> int:
    if args.themes_command == "embed":
        return _embed(args, out)
    vectors: dict[str, Vector] | None = None
    with EventStore.open(args.event, read_only=True) as store:
        tables = store.tables()
        themes = store.all(Theme)
        posts = store.contributions()
        if args.themes_command == "suggest":
            vectors = embeddings.vectors_for_event(store, posts, read_only=True)
    if args.themes_command == "suggest":
        return _suggest(args, out, tables, posts, vectors)
    if args.themes_command == "crosscutting":
        return _crosscutting(args, out, tables, themes, posts)
    return _evaluate(out, tables, themes, posts)


def _line(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_LINE else flat[: MAX_LINE - 1].rstrip() + "…"


def _suggest(
    args: argparse.Namespace,
    out: TextIO,
    tables: Sequence[Table],
    posts: Sequence[Contribution],
    vectors: dict[str, Vector] | None,
) -> int:
    chosen = list(tables)
    if args.table:
        chosen = [t for t in tables if t.key == args.table]
        if not chosen:
            keys = ", ".join(t.key for t in tables)
            print(f"Tavolo «{args.table}» sconosciuto (tavoli: {keys})", file=sys.stderr)
            return EXIT_USAGE
    if args.max_groups is not None and args.max_groups < 1:
        print("--max-groups deve essere almeno 1", file=sys.stderr)
        return EXIT_USAGE
    printed = 0
    for table in chosen:
        sessions = sorted({p.session for p in posts if p.table_id == table.id})
        if args.session is not None:
            sessions = [args.session]
        for session in sessions:
            board = [p for p in posts if p.table_id == table.id and p.session == session]
            if not board:
                if args.table:
                    print(f"{table.name}, sessione {session}: nessun post-it", file=out)
                continue
            if printed:
                print(file=out)
            printed += 1
            result = embeddings.suggest_on(board, vectors, max_groups=args.max_groups)
            text = {p.id: p.text for p in board}
            print(
                f"{table.name} ({table.key}), sessione {session}: {len(board)} post-it, "
                f"{len(result.groups)} gruppi suggeriti, {len(result.ungrouped)} senza gruppo",
                file=out,
            )
            for number, group in enumerate(result.groups, 1):
                print(
                    f"  {number}. {group.title}  "
                    f"({len(group)} post-it, coesione {group.score:.2f})",
                    file=out,
                )
                print(f"     parole chiave: {', '.join(group.keywords)}", file=out)
                for cid in group.contribution_ids:
                    print(f"     - {_line(text[cid])}", file=out)
            if result.ungrouped:
                print("  Senza gruppo:", file=out)
                for cid in result.ungrouped:
                    print(f"     - {_line(text[cid])}", file=out)
    if not printed and not args.table:
        print("Nessun post-it nel file.", file=out)
    return EXIT_OK


def _embed(args: argparse.Namespace, out: TextIO) -> int:
    encoder = embeddings.shared_encoder()
    if isinstance(encoder, EncoderUnavailable):
        print(f"Modello di significato non disponibile: {encoder.reason}", file=sys.stderr)
        return EXIT_REFUSED
    with EventStore.open(args.event) as store:
        live = [p for p in store.contributions() if not p.deleted]
        run = embeddings.compute_vectors(store, live, encoder, progress=TextProgress())
    print(
        f"Vettori di significato ({encoder.model_id}): {len(run.vectors)} post-it, "
        f"{run.computed} calcolati ora, {run.reused} già nel file.",
        file=out,
    )
    return EXIT_OK


def _crosscutting(
    args: argparse.Namespace,
    out: TextIO,
    tables: Sequence[Table],
    themes: Sequence[Theme],
    posts: Sequence[Contribution],
) -> int:
    found = crosscutting_themes(posts, tables, themes, min_tables=args.min_tables)
    print(
        f"Temi trasversali suggeriti: {len(found)} "
        f"(emersi in almeno {args.min_tables} tavoli o 2 zone)",
        file=out,
    )
    for number, theme in enumerate(found, 1):
        zones = f"; zone {', '.join(map(str, theme.zones))}" if theme.zones else ""
        print(file=out)
        print(
            f"{number}. {theme.title}  — {len(theme.tables)} tavoli "
            f"({', '.join(theme.tables)}){zones}; {len(theme.contribution_ids)} post-it",
            file=out,
        )
        print(f"   parole chiave: {', '.join(theme.keywords)}", file=out)
        for origin in theme.origins:
            session = f" S{origin.session}" if origin.session is not None else ""
            label = {"tema": "tema", "suggerito": "gruppo suggerito", "post-it": "post-it"}[
                origin.source
            ]
            print(
                f"   - {origin.table_key}{session} {label}: {_line(origin.title)} "
                f"({len(origin.contribution_ids)} post-it)",
                file=out,
            )
    if args.terms > 0:
        terms = recurring_terms(posts, tables, themes, limit=args.terms)
        print(file=out)
        print(f"Parole ricorrenti (in almeno 3 tavoli): {len(terms)}", file=out)
        for term in terms:
            print(
                f"   {term.word}: {len(term.tables)} tavoli ({', '.join(term.tables)}), "
                f"{len(term.contribution_ids)} post-it",
                file=out,
            )
    return EXIT_OK


def _evaluate(
    out: TextIO,
    tables: Sequence[Table],
    themes: Sequence[Theme],
    posts: Sequence[Contribution],
) -> int:
    if not any(t.deleted_at is None for t in themes):
        print(
            "Il file non ha temi: non c'è un raggruppamento con cui confrontare.", file=sys.stderr
        )
        return EXIT_REFUSED
    result = quality.evaluate(posts, themes, tables)
    print(
        "Accordo con i temi del file (indice di Rand corretto, ARI: 1 = identico, 0 = caso)",
        file=out,
    )
    print(file=out)
    print("Per tavolo e sessione", file=out)
    header = f"  {'tavolo':<10} {'S':>1} {'post-it':>7} {'temi':>4} {'gruppi':>6} {'soli':>4}"
    print(f"{header} {'metodo':>7} {'asse':>6} {'tipo':>6}", file=out)
    for b in result.boards:
        print(
            f"  {b.table:<10} {b.session:>1} {b.size:>7} {b.themes:>4} {b.groups:>6} "
            f"{b.ungrouped:>4} {b.method:>7.3f} {b.axis:>6.3f} {b.kind:>6.3f}",
            file=out,
        )
    for weighted, label in ((False, "media"), (True, "media pesata")):
        print(
            f"  {label:<39} {result.mean('method', weighted=weighted):>7.3f} "
            f"{result.mean('axis', weighted=weighted):>6.3f} "
            f"{result.mean('kind', weighted=weighted):>6.3f}",
            file=out,
        )
    print(file=out)
    print(f"Intero evento ({result.event_size} post-it, {result.event_themes} temi)", file=out)
    rows = (
        ("metodo sull'intero evento (senza sapere i tavoli)", result.event_method),
        ("metodo tavolo per tavolo, riunito", result.event_per_board),
        ("baseline: per asse", result.event_axis),
        ("baseline: per tipo", result.event_kind),
        ("riferimento: un gruppo per tavolo e sessione", result.event_board),
    )
    for label, value in rows:
        print(f"  {label:<50} {value:>6.3f}", file=out)
    return EXIT_OK
