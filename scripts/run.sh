#!/usr/bin/env bash
# README command 1: install what is missing, then start the app (with the demo event).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/bootstrap.sh" run
exec "$root/.venv/bin/facilitator-app" "$@"
