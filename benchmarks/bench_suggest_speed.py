"""Benchmark: theme suggestions on meaning vectors already computed (issue 17).

Budget (issue): suggest for 2,000 post-its <= 1 s with the vectors cached; a board of 50
post-its well under 0.1 s; peak extra memory <= 300 MB. Times are shown for scale with the
issue's figure beside them (the time checked as a ratio stays bench_themes.py's); the memory
is checked.

The 2,000 post-its are the demo's texts recombined (the first half of one text of a table
joined to the second half of another, seeded). Their vectors are the embedded encoder's
(computed once, before timing; "stored vectors" in the issue's words) and go through the
shipped theme projection as in the app. ``--synthetic`` uses seeded vectors instead (a unit
direction per table topic plus a direction per original text plus noise, 512 floats) when
the encoder cannot load: the cost of ``suggest`` depends on the groups found, and synthetic
vectors give about half as many groups as real ones (so they flatter the time). Time
is the median of ``--runs`` calls, wall clock and CPU time of the process (the machine's two
cores are shared, so wall time varies with the load; CPU time is steadier).

Run: ``.venv/bin/python benchmarks/bench_suggest_speed.py [--count N] [--runs N]``
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

import numpy as np
import numpy.typing as npt
from budgets import emit, median_seconds, peak_mb  # benchmarks/ is on sys.path when a script runs
from targets import (
    Contribution,
    EncoderUnavailable,
    EventStore,
    FixedClock,
    crosscutting_themes,
    load_encoder,
    suggest,
    write_demo,
)
from targets import Table as TableRecord

ISSUE_SECONDS = 1.0
BOARD_SECONDS = 0.1
# Issue 17's budget for peak extra memory with the meaning vectors (the word method's own,
# LIMITS["themes_memory_mb"], is checked by bench_themes.py).
BUDGET_MB = 300.0
DIMENSIONS = 512

Vectors = dict[str, npt.NDArray[np.float32]]


def demo_records() -> tuple[list[Contribution], list[TableRecord]]:
    """The demo event's live post-its and tables (written to a temporary file)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite"
        write_demo(path, FixedClock(dt.datetime(2023, 11, 10, 8, 0, tzinfo=dt.UTC)))
        with EventStore.open(path, read_only=True) as store:
            live = [post for post in store.contributions() if not post.deleted]
            return live, store.all(TableRecord)


def recombined(
    posts: list[Contribution], count: int, seed: int = 20231110
) -> tuple[list[Contribution], Vectors]:
    """``count`` post-its from the demo's texts, with seeded synthetic vectors."""
    rng = random.Random(seed)
    noise = np.random.default_rng(seed)
    by_table: dict[str, list[Contribution]] = {}
    for post in posts:
        by_table.setdefault(post.table_id, []).append(post)
    tables = sorted(by_table, key=lambda table_id: by_table[table_id][0].position)
    table_direction = {t: noise.standard_normal(DIMENSIONS) for t in tables}
    text_direction = {p.id: noise.standard_normal(DIMENSIONS) for p in posts}
    made: list[Contribution] = []
    vectors: Vectors = {}
    for n in range(count):
        table = tables[n % len(tables)]
        first, second = rng.choice(by_table[table]), rng.choice(by_table[table])
        head, tail = first.text.split(), second.text.split()
        text = " ".join(head[: max(1, len(head) // 2)] + tail[len(tail) // 2 :])
        post = dataclasses.replace(first, id=f"speed-{n:05d}", text=text, position=n)
        vector = (
            table_direction[table]
            + text_direction[first.id]
            + 0.5 * text_direction[second.id]
            + 0.8 * noise.standard_normal(DIMENSIONS)
        )
        vectors[post.id] = (vector / np.linalg.norm(vector)).astype(np.float32)
        made.append(post)
    return made, vectors


def main(argv: list[str] | None = None) -> int:
    """Time suggest on ``--count`` post-its at once and on one board of 50; print figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--board", type=int, default=50)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--synthetic", action="store_true", help="seeded vectors, no encoder")
    args = parser.parse_args(argv)

    posts, tables = demo_records()
    bench, vectors = recombined(posts, args.count)
    encoder = None if args.synthetic else load_encoder()
    if isinstance(encoder, EncoderUnavailable):
        print(f"encoder unavailable ({encoder.reason}): synthetic vectors")
    elif encoder is not None:
        start = time.perf_counter()
        encoded = encoder.encode([post.text for post in bench])
        print(
            f"vettori del modello: {args.count} testi codificati in {time.perf_counter() - start:.2f} s (fuori dal tempo)"
        )
        vectors = {
            post.id: np.asarray(v, dtype=np.float32) for post, v in zip(bench, encoded, strict=True)
        }
    board = bench[: args.board]
    board_vectors = {p.id: vectors[p.id] for p in board}
    start = time.perf_counter()
    result = suggest(bench, vectors=vectors)  # first call: the stemmer's cache is cold
    cold = time.perf_counter() - start
    seconds, cpu = median_seconds(lambda: suggest(bench, vectors=vectors), args.runs)
    board_seconds, board_cpu = median_seconds(
        lambda: suggest(board, vectors=board_vectors), max(args.runs, 5)
    )
    cross_seconds, cross_cpu = median_seconds(
        lambda: crosscutting_themes(bench, tables, vectors=vectors), 1
    )
    memory = peak_mb(lambda: suggest(bench, vectors=vectors))
    print(
        f"suggest con vettori: {args.count} post-it -> {len(result.groups)} gruppi, "
        f"{len(result.ungrouped)} senza gruppo"
    )
    print(
        f"  tempo (mediana di {args.runs}): {seconds:.3f} s a muro, {cpu:.3f} s CPU   "
        f"(problema: {ISSUE_SECONDS:.0f} s; prima chiamata {cold:.3f} s)"
    )
    print(
        f"  tavola di {len(board)} post-it: {board_seconds * 1000:.1f} ms a muro, "
        f"{board_cpu * 1000:.1f} ms CPU   (obiettivo: ben sotto {BOARD_SECONDS:.1f} s)"
    )
    print(f"  temi trasversali sugli stessi post-it: {cross_seconds:.3f} s ({cross_cpu:.3f} s CPU)")
    print(f"  memoria di picco in più (tracemalloc): {memory:.1f} MB   budget {BUDGET_MB:.0f} MB")
    emit(
        f"themes on vectors: suggest {args.count} post-its (median, wall)",
        seconds,
        None,
        "s",
        issue=f"≤ {ISSUE_SECONDS:.0f} s",
    )
    emit(f"themes on vectors: suggest {args.count} post-its (median, CPU)", cpu, None, "s")
    emit(
        f"themes on vectors: one board of {len(board)} (median, wall)",
        board_seconds,
        None,
        "s",
        issue=f"≪ {BOARD_SECONDS:.1f} s",
    )
    emit(f"themes on vectors: cross-cutting {args.count} post-its (wall)", cross_seconds, None, "s")
    emit("themes on vectors: peak extra memory", memory, BUDGET_MB, "MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
