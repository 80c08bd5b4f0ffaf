"""The ``themes`` commands: suggested groups, cross-cutting themes, measured quality.

``suggest``, ``crosscutting`` and ``evaluate`` open the event file read-only and never
change it (meaning vectors stored in the file are reused, the missing ones computed in
memory); ``embed`` computes and stores the vectors of every live post-it, so that a
coordinator prepares a merged file once. ``--json`` prints machine-readable results instead
(keys documented in docs/THEMES.md).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

import numpy.typing as npt

from facilitator_app.cli.common import (
    EXIT_OK,
    EXIT_REFUSED,
    EXIT_USAGE,
    TextProgress,
    status_line,
)
from facilitator_app.domain.errors import InvalidValueError
from facilitator_app.domain.model import Contribution, Table, Theme
from facilitator_app.services.analysis import embeddings, quality
from facilitator_app.services.analysis.crosscutting import crosscutting_themes, recurring_terms
from facilitator_app.services.analysis.crosscutting_labels import (
    companion_path,
    load_crosscutting_labels,
)
from facilitator_app.services.analysis.embeddings import Vector
from facilitator_app.services.analysis.encoder import EncoderUnavailable
from facilitator_app.services.analysis.labelled_sets import as_contributions, load_labelled_set
from facilitator_app.services.analysis.set_evaluation import (
    PARTITION_LABELS,
    PARTITIONS,
    CrossCuttingScore,
    SetEvaluation,
    evaluate_set,
)
from facilitator_app.services.analysis.suggest import SuggestedGroup, suggest
from facilitator_app.services.analysis.theme_projection import shipped_training_sets
from facilitator_app.storage.database import EventStore

VectorMap = Mapping[str, npt.ArrayLike]

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
    sug.add_argument("--json", action="store_true", help="risultato in JSON (per script)")

    cross = actions.add_parser("crosscutting", help="temi emersi in più tavoli o zone")
    cross.add_argument("event", type=Path, help="file evento (anche unito)")
    cross.add_argument("--min-tables", type=int, default=2, help="tavoli minimi (predef. 2)")
    cross.add_argument("--terms", type=int, default=15, help="parole ricorrenti da elencare")
    cross.add_argument("--json", action="store_true", help="risultato in JSON (per script)")

    ev = actions.add_parser(
        "evaluate",
        help="accordo (ARI, AMI) dei suggerimenti con i temi del file o di un insieme etichettato",
    )
    ev.add_argument("event", type=Path, nargs="?", help="file evento con temi già assegnati")
    ev.add_argument("--set", type=Path, help="insieme etichettato (JSON) invece di un evento")
    ev.add_argument(
        "--crosscutting-labels",
        type=Path,
        help="etichette trasversali esaustive dell'insieme "
        "(predefinito: INSIEME.crosscutting.json accanto, se c'è)",
    )
    ev.add_argument("--json", action="store_true", help="risultato in JSON (per script)")

    emb = actions.add_parser(
        "embed", help="calcola e salva nel file i vettori di significato dei post-it"
    )
    emb.add_argument("event", type=Path, help="file evento (anche unito)")
    return {"themes": _themes}


def _without_model() -> None:
    encoder = embeddings.shared_encoder()
    reason = encoder.reason if isinstance(encoder, EncoderUnavailable) else ""
    print(
        f"Modello di significato non disponibile ({reason}): si usano le parole dei post-it.",
        file=sys.stderr,
    )


MODEL_NOTICE = "Preparo il modello del significato (la prima volta anche la sua cache)…"


def _model_notice() -> contextlib.AbstractContextManager[None]:
    """A status line while the meaning model loads (a second or more the first time)."""
    if embeddings.shared_encoder_loaded():
        return contextlib.nullcontext()
    return status_line(MODEL_NOTICE)


def _vectors_for(contributions: Sequence[Contribution]) -> dict[str, Vector] | None:
    """Meaning vectors of post-its outside any event file (a labelled set), or None."""
    with _model_notice():
        encoder = embeddings.shared_encoder()
    if isinstance(encoder, EncoderUnavailable):
        _without_model()
        return None
    live = [c for c in contributions if not c.deleted]
    encoded = encoder.encode([c.text for c in live])
    return {c.id: encoded[i] for i, c in enumerate(live)}


def _themes(args: argparse.Namespace, out: TextIO) -> int:
    if args.themes_command == "embed":
        return _embed(args, out)
    if args.themes_command == "evaluate" and args.set is not None:
        return _evaluate_set(args, out)
    if args.themes_command == "evaluate" and args.crosscutting_labels is not None:
        print("--crosscutting-labels vale solo con --set FILE.json", file=sys.stderr)
        return EXIT_USAGE
    if args.event is None:
        print("Indicare un file evento oppure --set FILE.json", file=sys.stderr)
        return EXIT_USAGE
    with EventStore.open(args.event, read_only=True) as store:
        tables = store.tables()
        themes = store.all(Theme)
        posts = store.contributions()
        # Stored vectors are reused; the missing ones are computed in memory (read-only).
        with _model_notice():
            vectors = embeddings.vectors_for_event(store, posts, read_only=True)
    if vectors is None:
        _without_model()
    if args.themes_command == "suggest":
        return _suggest(args, out, tables, posts, vectors)
    if args.themes_command == "crosscutting":
        return _crosscutting(args, out, tables, themes, posts, vectors)
    return _evaluate(args, out, tables, themes, posts, vectors)


def _method(vectors: VectorMap | None) -> str:
    return "meaning" if vectors is not None else "words"


def _group_json(group: SuggestedGroup) -> dict[str, Any]:
    return {
        "title": group.title,
        "confidence": group.confidence,
        "level": group.level,
        "score": group.score,
        "keywords": list(group.keywords),
        "contribution_ids": list(group.contribution_ids),
    }


def _dump(data: object, out: TextIO) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out)


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
    boards: list[dict[str, Any]] = []
    printed = 0
    for table in chosen:
        sessions = sorted({p.session for p in posts if p.table_id == table.id})
        if args.session is not None:
            sessions = [args.session]
        for session in sessions:
            board = [p for p in posts if p.table_id == table.id and p.session == session]
            if not board:
                if args.table and not args.json:
                    print(f"{table.name}, sessione {session}: nessun post-it", file=out)
                continue
            result = suggest(board, vectors=vectors, max_groups=args.max_groups)
            if args.json:
                boards.append(
                    {
                        "table": table.key,
                        "table_name": table.name,
                        "session": session,
                        "posts": len(board),
                        "groups": [_group_json(group) for group in result.groups],
                        "ungrouped": list(result.ungrouped),
                    }
                )
                continue
            if printed:
                print(file=out)
            printed += 1
            text = {p.id: p.text for p in board}
            print(
                f"{table.name} ({table.key}), sessione {session}: {len(board)} post-it, "
                f"{len(result.groups)} gruppi suggeriti, {len(result.ungrouped)} senza gruppo",
                file=out,
            )
            for number, group in enumerate(result.groups, 1):
                trust = (
                    f"fiducia {group.level} {group.confidence:.2f}, " if vectors is not None else ""
                )
                print(
                    f"  {number}. {group.title}  "
                    f"({len(group)} post-it, {trust}coesione {group.score:.2f})",
                    file=out,
                )
                print(f"     parole chiave: {', '.join(group.keywords)}", file=out)
                for cid in group.contribution_ids:
                    print(f"     - {_line(text[cid])}", file=out)
            if result.ungrouped:
                print("  Senza gruppo:", file=out)
                for cid in result.ungrouped:
                    print(f"     - {_line(text[cid])}", file=out)
    if args.json:
        _dump({"file": args.event.name, "method": _method(vectors), "boards": boards}, out)
    elif not printed and not args.table:
        print("Nessun post-it nel file.", file=out)
    return EXIT_OK


def _embed(args: argparse.Namespace, out: TextIO) -> int:
    with _model_notice():
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
    vectors: VectorMap | None,
) -> int:
    found = crosscutting_themes(posts, tables, themes, min_tables=args.min_tables, vectors=vectors)
    if args.json:
        terms = recurring_terms(posts, tables, themes, limit=args.terms) if args.terms > 0 else []
        _dump(
            {
                "file": args.event.name,
                "method": _method(vectors),
                "themes": [
                    {
                        "title": theme.title,
                        "confidence": theme.confidence,
                        "score": theme.score,
                        "keywords": list(theme.keywords),
                        "tables": list(theme.tables),
                        "zones": list(theme.zones),
                        "contribution_ids": list(theme.contribution_ids),
                        "origins": [
                            {
                                "table": origin.table_key,
                                "session": origin.session,
                                "source": origin.source,
                                "title": origin.title,
                                "contribution_ids": list(origin.contribution_ids),
                            }
                            for origin in theme.origins
                        ],
                    }
                    for theme in found
                ],
                "recurring_terms": [
                    {
                        "word": term.word,
                        "tables": list(term.tables),
                        "contribution_ids": list(term.contribution_ids),
                    }
                    for term in terms
                ],
            },
            out,
        )
        return EXIT_OK
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
    args: argparse.Namespace,
    out: TextIO,
    tables: Sequence[Table],
    themes: Sequence[Theme],
    posts: Sequence[Contribution],
    vectors: VectorMap | None,
) -> int:
    if not any(t.deleted_at is None for t in themes):
        print(
            "Il file non ha temi: non c'è un raggruppamento con cui confrontare.", file=sys.stderr
        )
        return EXIT_REFUSED
    result = quality.evaluate(posts, themes, tables, vectors=vectors)
    if args.json:
        _dump(
            {
                "file": args.event.name,
                "method": _method(vectors),
                "boards": [dataclasses.asdict(board) for board in result.boards],
                "mean": {k: result.mean(k) for k in ("method", "axis", "kind")},
                "event": {
                    "posts": result.event_size,
                    "themes": result.event_themes,
                    "method": result.event_method,
                    "per_board": result.event_per_board,
                    "axis": result.event_axis,
                    "kind": result.event_kind,
                    "board": result.event_board,
                },
            },
            out,
        )
        return EXIT_OK
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


def _evaluate_set(args: argparse.Namespace, out: TextIO) -> int:
    labels_path = args.crosscutting_labels
    if labels_path is None and companion_path(args.set).is_file():
        labels_path = companion_path(args.set)
    try:
        labelled = load_labelled_set(args.set)
        exhaustive = (
            None if labels_path is None else load_crosscutting_labels(labels_path, labelled)
        )
    except InvalidValueError as error:  # a bad set is refused input, not a failed write
        print(error, file=sys.stderr)
        return EXIT_REFUSED
    posts = [c for board in labelled.boards for c in as_contributions(board)]
    vectors = _vectors_for(posts)
    result = evaluate_set(
        labelled,
        vectors,
        progress=TextProgress(),
        exhaustive=None if exhaustive is None else exhaustive.labels,
    )
    # A set the shipped projection learned from scores far above what unseen boards get.
    learned = vectors is not None and result.name in shipped_training_sets()
    if args.json:
        _dump({**_set_json(result), "projection_learned_from_this_set": learned}, out)
        return EXIT_OK
    method = "significato (vettori)" if vectors is not None else "parole (senza modello)"
    print(
        f"Insieme «{result.name}»: {len(result.boards)} tavole, {result.size} post-it; "
        f"metodo: {method}",
        file=out,
    )
    if learned:
        print(
            "Attenzione: la proiezione dei temi è stata appresa da questo insieme; le sue "
            "cifre non misurano la qualità su tavole nuove (docs/THEMES.md).",
            file=out,
        )
    print("ARI per tavola (1 = uguale alle etichette, 0 = caso)", file=out)
    names = "  ".join(f"{name:>9}" for name in PARTITIONS)
    print(
        f"  {'tavola':<10} {'post-it':>7} {'temi':>4} {'gruppi':>6} {'soli':>4}  {names}", file=out
    )
    for board in result.boards:
        values = "  ".join(f"{board.ari[name]:>9.3f}" for name in PARTITIONS)
        print(
            f"  {board.board:<10} {board.size:>7} {board.themes:>4} {board.groups:>6} "
            f"{board.alone:>4}  {values}",
            file=out,
        )
    for measure in ("ari", "ami"):
        means = "  ".join(f"{result.mean(measure, name):>9.3f}" for name in PARTITIONS)
        pooled = result.pooled_ari if measure == "ari" else result.pooled_ami
        together = "  ".join(f"{pooled[name]:>9.3f}" for name in PARTITIONS)
        print(f"  {'media ' + measure.upper():<35}  {means}", file=out)
        print(f"  {'riunito ' + measure.upper():<35}  {together}", file=out)
    print("Colonne: " + "; ".join(f"{n} = {PARTITION_LABELS[n]}" for n in PARTITIONS), file=out)
    print(file=out)
    print(
        "Temi trasversali (etichette dell'insieme): "
        + _crosscutting_line(result.crosscutting, result.size),
        file=out,
    )
    if result.exhaustive is not None and exhaustive is not None:
        print(
            f"Temi trasversali (etichette esaustive, {exhaustive.file}): "
            + _crosscutting_line(result.exhaustive, result.size),
            file=out,
        )
    return EXIT_OK


def _crosscutting_line(cross: CrossCuttingScore, size: int) -> str:
    """The suggested cross-cutting themes against one labelling, in one line."""
    # No theme placed: precision is undefined, not 0 (see CrossCuttingScore.precision).
    precision = (
        "precisione non definita (nessun tema)"
        if cross.precision is None
        else f"precisione {cross.precision:.2f}"
        + ("" if cross.chance is None else f" (a caso {cross.chance:.2f})")
    )
    base = cross.labelled / size if size else 0.0
    return (
        f"{cross.themes} suggeriti, {cross.placed} post-it; "
        f"{precision}, copertura {cross.coverage:.2f} "
        f"({cross.labelled} post-it etichettati su {size}, base {base:.2f}; "
        f"{cross.labels_found} dei {cross.labels} temi etichettati trovati)"
    )


def _crosscutting_json(cross: CrossCuttingScore, size: int) -> dict[str, Any]:
    return {
        "themes": cross.themes,
        "placed": cross.placed,
        "correct": cross.correct,
        "precision": cross.precision,
        "chance": cross.chance,
        "coverage": cross.coverage,
        "labelled": cross.labelled,
        "base_rate": cross.labelled / size if size else 0.0,
        "labels_found": cross.labels_found,
        "labels": cross.labels,
    }


def _set_json(result: SetEvaluation) -> dict[str, Any]:
    return {
        "set": result.name,
        "method": "meaning" if result.with_vectors else "words",
        "posts": result.size,
        "partitions": {name: PARTITION_LABELS[name] for name in PARTITIONS},
        "boards": [
            {
                "board": board.board,
                "table": board.table,
                "posts": board.size,
                "themes": board.themes,
                "groups": board.groups,
                "alone": board.alone,
                "ari": dict(board.ari),
                "ami": dict(board.ami),
            }
            for board in result.boards
        ],
        "mean": {
            "ari": {name: result.mean("ari", name) for name in PARTITIONS},
            "ami": {name: result.mean("ami", name) for name in PARTITIONS},
        },
        "pooled": {"ari": dict(result.pooled_ari), "ami": dict(result.pooled_ami)},
        "crosscutting": _crosscutting_json(result.crosscutting, result.size),
        "crosscutting_exhaustive": None
        if result.exhaustive is None
        else _crosscutting_json(result.exhaustive, result.size),
    }
