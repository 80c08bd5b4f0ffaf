"""Scale run: how far one laptop goes — 1,000,000 post-its merged into one event file.

    .venv/bin/python benchmarks/bench_scale.py [--files 200] [--posts 5000]

Generates the table files (SQLite), merges them in a fresh process, then opens the merged
file and computes the summary; prints time and peak memory of each step.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_merge import CLOCK, make_files
from budgets import emit
from targets import EventStore, build_report, load_records, merge


def child(target: Path, sources: list[Path]) -> None:
    """Merge, then summarise the merged file; print seconds and peak memory."""
    started = time.perf_counter()
    results = merge.merge_files(target, sources, CLOCK)
    merged_s = time.perf_counter() - started
    assert not any(r.refused for r in results)
    started = time.perf_counter()
    with EventStore.open(target, read_only=True) as store:
        summary = build_report(load_records(store))
    summary_s = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "merge_s": merged_s,
                "summary_s": summary_s,
                "peak_mb": peak,
                "posts": summary.total_contributions,
                "size_mb": target.stat().st_size / 1024 / 1024,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--child", nargs="+")
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), [Path(p) for p in args.child[1:]])
        return
    folder = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    try:
        started = time.perf_counter()
        sources, _ = make_files(folder, args.files, args.posts, workbooks=False)
        print(
            f"generated {args.files} files x {args.posts} post-its in {time.perf_counter() - started:.0f} s"
        )
        target = folder / "merged.sqlite"
        output = subprocess.run(
            [sys.executable, __file__, "--child", str(target), *map(str, sources)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        print(
            f"merged {figures['posts']:,} post-its in {figures['merge_s']:.1f} s; summary of the "
            f"merged file in {figures['summary_s']:.1f} s; file {figures['size_mb']:.0f} MB; "
            f"peak memory {figures['peak_mb']:.0f} MB"
        )
        emit(
            f"scale: merge of {figures['posts']:,} post-its (SQLite files)",
            figures["merge_s"],
            None,
            "s",
        )
        emit("scale: peak memory of that merge", figures["peak_mb"], None, "MB")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
