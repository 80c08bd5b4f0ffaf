#!/usr/bin/env bash
# `make installer`: builds the one-folder bundle dist/facilitator-app/ with PyInstaller,
# from build_installer.spec. Installs PyInstaller into .venv when it is missing; creates
# .venv first (scripts/bootstrap.sh run) only when there is none. See docs/INSTALLER.md.
# Usage: scripts/build_installer.sh [extra pyinstaller options]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
pyinstaller_req="pyinstaller>=6.10,<7"

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import facilitator_app" 2>/dev/null; then
  scripts/bootstrap.sh run
fi

# PyInstaller reads the libraries' dependencies with objdump and ldd (binutils, libc-bin).
if ! command -v objdump >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing binutils (objdump, strip) for PyInstaller"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends binutils \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends binutils; }
  else
    echo "PyInstaller needs objdump: install binutils first." >&2
    exit 1
  fi
fi

# Linux: a C compiler builds the empty ICU data package (packaging/icu_stubdata.c).
if [ "$(uname -s)" = Linux ] && ! command -v cc >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing gcc (the empty ICU data package of the bundle)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends gcc libc6-dev \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
           apt-get install -y -qq --no-install-recommends gcc libc6-dev; }
  else
    echo "No C compiler: the bundle keeps Qt's 31 MB ICU data (over the size budget)." >&2
  fi
fi

if ! .venv/bin/python -c "import PyInstaller" 2>/dev/null; then
  echo "== installing ${pyinstaller_req} into .venv"
  .venv/bin/python -m pip install -q "${pyinstaller_req}"
fi

echo "== pyinstaller $(.venv/bin/pyinstaller --version): build_installer.spec -> dist/facilitator-app/"
start=$(date +%s)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN "$@" build_installer.spec
end=$(date +%s)
echo "== built dist/facilitator-app/ in $((end - start)) s: $(du -sm dist/facilitator-app | cut -f1) MB"
