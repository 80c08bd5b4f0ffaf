#!/usr/bin/env bash
# README command 2: install what is missing, then run every check and the whole test suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scripts/bootstrap.sh test
export QT_QPA_PLATFORM=offscreen
echo "== ruff";          .venv/bin/ruff check facilitator_app tests benchmarks
echo "== ruff format";   .venv/bin/ruff format --check facilitator_app tests benchmarks
echo "== mypy";          .venv/bin/mypy
echo "== import-linter"; .venv/bin/lint-imports
echo "== installer";     bash scripts/build_installer.sh
echo "== bundle smoke";  bash scripts/smoke_bundle.sh
echo "== pytest";        .venv/bin/python -m pytest "$@"
