"""Every benchmark in one command (``make bench``): figures, budgets and ratios in one table.

    .venv/bin/python benchmarks/run_all.py [--quick] [--scale] [--write-doc]

Runs each ``bench_*.py`` script (and the bundle smoke test when ``dist/`` holds a build),
collects their BUDGET lines and prints one table; ``--write-doc`` puts that table, with the
date, the machine and the command, into docs/PERFORMANCE.md. Each script takes medians of
several runs itself. ``--quick`` shrinks sizes to check that everything runs (figures then do
not answer the budgets); ``--scale`` adds the 1,000,000-post-it merge (several minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
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
            lines.append(f"| {record['name']} | {measured:.2f} {unit} | — | — | for scale |")
            continue
        share = measured / float(bound)  # type: ignore[arg-type]
        verdict = "ok" if share <= 1 else f"MISSED by {share - 1:.0%}"
        base = f" (vs {record['baseline']})" if record["baseline"] else ""
        lines.append(
            f"| {record['name']}{base} | {measured:.2f} {unit} | {bound} {unit} | {share:.2f} | {verdict} |"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--scale", action="store_true")
    parser.add_argument("--write-doc", action="store_true")
    args = parser.parse_args()
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
    if args.write_doc:
        command = (
            "make bench"
            + (" (--quick)" if args.quick else "")
            + (" (--scale)" if args.scale else "")
        )
        header = (
            f"Latest run: {dt.date.today().isoformat()}, `{command}`, {platform.machine()} "
            f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} "
            f"(shared machine: figures vary by about ±20% between runs)."
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
