"""Every benchmark in one command (``make bench``): figures, budgets and ratios in one table.

    .venv/bin/python benchmarks/run_all.py [--quick] [--scale] [--write-doc]
        [--json FILE] [--compare BEFORE.json [--worse 0.10]]
    .venv/bin/python benchmarks/run_all.py --median OUT.json RUN1.json RUN2.json ...

Runs each ``bench_*.py`` script (and the bundle smoke test when ``dist/`` holds a build),
collects their BUDGET lines and prints one table; ``--write-doc`` puts that table, with the
date, the machine and the command, into docs/PERFORMANCE.md. Each script takes medians of
several runs itself. ``--quick`` shrinks sizes to check that everything runs (figures then do
not answer the budgets); ``--scale`` adds the 1,000,000-post-it merge (several minutes).

Budgets are ratios to a floor measured in the same run (see budgets.py); absolute times are
printed "for scale", with the issue's absolute budget beside them. ``--json`` saves the
figures; ``--compare`` puts a saved run beside this one and flags every checked figure (a
ratio or a memory) more than ``--worse`` (10 %) above it. ``--median`` makes one file of
several saved runs (each figure's median; its min and max are kept beside it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from budgets import parse

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DOC = ROOT / "docs" / "PERFORMANCE.md"
START, END = "<!-- run_all:start -->", "<!-- run_all:end -->"


def scripts(quick: bool, scale: bool) -> list[list[str]]:
    """The benchmark commands to run, in order."""
    runs = [
        ["bench_workspace.py"],
        ["bench_export.py", *(["--contributions", "1000", "--repeat", "1"] if quick else [])],
        ["bench_merge.py", *(["--files", "10", "--posts", "100", "--runs", "1"] if quick else [])],
        ["bench_themes.py", *(["--runs", "1"] if quick else [])],
        ["bench_room.py", *(["--quick"] if quick else [])],
    ]
    if scale:
        runs.append(["bench_scale.py", *(["--files", "10", "--posts", "500"] if quick else [])])
    return runs


def bundle_figures() -> list[dict[str, object]]:
    """Bundle size and cold-start ratio from the smoke test, when a bundle was built."""
    if not (ROOT / "dist" / "facilitator-app").is_dir():
        return []
    output = subprocess.run(
        ["bash", str(ROOT / "scripts" / "smoke_bundle.sh")],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    found: list[dict[str, object]] = []
    size = re.search(r"bundle size: (\d+) MB", output)
    ratio = re.search(r"cold start ratio bundle/source: ([\d.]+)", output)
    if size:
        found.append(
            {
                "name": "installer: bundle size",
                "measured": float(size.group(1)),
                "budget": 200.0,
                "unit": "MB",
                "baseline": "",
            }
        )
    if ratio:
        found.append(
            {
                "name": "installer: cold start, bundle / source tree",
                "measured": float(ratio.group(1)),
                "budget": 1.2,
                "unit": "×",
                "baseline": "source tree",
            }
        )
    return found


def table(records: list[dict[str, object]]) -> list[str]:
    """Markdown rows: measured, budget, measured/budget and verdict."""
    lines = ["| budget | measured | bound | measured / bound | verdict |", "|---|---|---|---|---|"]
    for record in records:
        measured = float(record["measured"])  # type: ignore[arg-type]
        unit = str(record["unit"])
        bound = record["budget"]
        if bound is None:
            issue = f" (issue: {record['issue']})" if record.get("issue") else ""
            lines.append(f"| {record['name']} | {measured:.2f} {unit} | — | — | for scale{issue} |")
            continue
        share = measured / float(bound)  # type: ignore[arg-type]
        verdict = "ok" if share <= 1 else f"MISSED by {share - 1:.0%}"
        base = f" (vs {record['baseline']})" if record["baseline"] else ""
        lines.append(
            f"| {record['name']}{base} | {measured:.2f} {unit} | {bound} {unit} | {share:.2f} | {verdict} |"
        )
    return lines


def median_of(runs: list[list[dict[str, object]]]) -> list[dict[str, object]]:
    """One record per figure: the median over the runs (with ``min``, ``max`` and ``runs``)."""
    merged: list[dict[str, object]] = []
    for record in runs[0]:
        values = [
            float(r["measured"])  # type: ignore[arg-type]
            for run in runs
            for r in run
            if r["name"] == record["name"]
        ]
        merged.append(
            {
                **record,
                "measured": statistics.median(values),
                "min": min(values),
                "max": max(values),
                "runs": len(values),
            }
        )
    return merged


def compare(
    before: list[dict[str, object]], after: list[dict[str, object]], worse: float
) -> list[str]:
    """Markdown rows: each figure before and after; checked figures worse by more than ``worse``."""
    old = {str(r["name"]): r for r in before}
    lines = [
        "| figure | before | after | after / before | verdict |",
        "|---|---|---|---|---|",
    ]
    for record in after:
        name, unit = str(record["name"]), str(record["unit"])
        now = float(record["measured"])  # type: ignore[arg-type]
        if name not in old:
            lines.append(f"| {name} | — | {now:.2f} {unit} | — | new |")
            continue
        was = float(old[name]["measured"])  # type: ignore[arg-type]
        change = now / was if was else float("inf")
        checked = record["budget"] is not None
        if not checked:
            verdict = "for scale"
        elif change <= 1 + worse:
            verdict = "ok"
        else:
            verdict = f"WORSE by {change - 1:.0%}"
        lines.append(f"| {name} | {was:.2f} {unit} | {now:.2f} {unit} | {change:.2f} | {verdict} |")
    missing = [name for name in old if name not in {str(r["name"]) for r in after}]
    lines += [f"| {name} | (before) | — | — | missing |" for name in missing]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--write-doc", action="store_true")
    parser.add_argument("--json", type=Path, help="save the figures to this file")
    parser.add_argument("--compare", type=Path, help="a run saved with --json, to compare with")
    parser.add_argument("--worse", type=float, default=0.10, help="allowed increase (0.10)")
    parser.add_argument(
        "--compare-only",
        type=Path,
        help="compare this saved run with --compare instead of running the benchmarks",
    )
    parser.add_argument(
        "--median",
        nargs="+",
        type=Path,
        metavar=("OUT", "RUN"),
        help="write to OUT each figure's median over the saved RUN files, and stop",
    )
    args = parser.parse_args()
    if args.median:
        out, *runs = args.median
        merged = median_of([json.loads(run.read_text(encoding="utf-8")) for run in runs])
        out.write_text(json.dumps(merged, ensure_ascii=False, indent=1), encoding="utf-8")
        print("\n".join(table(merged)))
        print(f"medians of {len(runs)} runs written to {out}")
        return 0
    if args.compare_only:
        if not args.compare:
            parser.error("--compare-only needs --compare")
        after = json.loads(args.compare_only.read_text(encoding="utf-8"))
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        lines = compare(before, after, args.worse)
        print("\n".join(lines))
        return 1 if any("WORSE" in line or "missing" in line for line in lines) else 0
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    records: list[dict[str, object]] = []
    started = time.perf_counter()
    for command in scripts(args.quick, args.scale):
        print(f"== {' '.join(command)}", flush=True)
        process = subprocess.run(
            [sys.executable, str(HERE / command[0]), *command[1:]],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        for line in process.stdout.splitlines():
            record = parse(line)
            if record is None:
                print("   " + line)
            else:
                records.append(record)
        if process.returncode not in (0, 1):  # 1: ran, but over a budget
            print(process.stderr[-2000:], file=sys.stderr)
            print(f"   {command[0]} failed (exit {process.returncode})")
    print("== bundle smoke (when dist/ holds a build)", flush=True)
    records += bundle_figures()
    lines = table(records)
    print("\n".join(["", *lines]))
    elapsed = time.perf_counter() - started
    print(f"\n{len(records)} figures in {elapsed / 60:.1f} min")
    worse_lines: list[str] = []
    if args.json:
        args.json.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"figures saved to {args.json}")
    if args.compare:
        before = json.loads(args.compare.read_text(encoding="utf-8"))
        worse_lines = compare(before, records, args.worse)
        print(f"\ncompared with {args.compare} (checked figures: at most {args.worse:.0%} worse)")
        print("\n".join(worse_lines))
    if args.write_doc:
        command = (
            "make bench"
            + (" (--quick)" if args.quick else "")
            + (" (--scale)" if args.scale else "")
        )
        header = (
            f"Latest run: {dt.date.today().isoformat()}, `{command}`, {platform.machine()} "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} "
            f"(shared machine: absolute times vary widely with the load; the checked figures "
            f"are CPU-time ratios to floors measured in the same run, see budgets.py)."
        )
        block = "\n".join([START, header, "", *lines, END])
        text = DOC.read_text(encoding="utf-8") if DOC.exists() else "# Performance\n"
        if START in text and END in text:
            text = text[: text.index(START)] + block + text[text.index(END) + len(END) :]
        else:
            text = (
                text.replace("\n", "\n\n" + block + "\n", 1)
                if text.startswith("# ")
                else block + "\n" + text
            )
        DOC.write_text(text, encoding="utf-8")
        print(f"table written to {DOC}")
    return 1 if any("WORSE" in line or "missing" in line for line in worse_lines) else 0


if __name__ == "__main__":
    sys.exit(main())
