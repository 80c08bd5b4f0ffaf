#!/usr/bin/env bash
# Installs what facilitator_app needs on a Debian machine, only when missing:
# system packages (Qt's libraries, fonts; for tests LibreOffice Calc and poppler-utils),
# a virtual environment in .venv, and the project with its extras.
# Usage: scripts/bootstrap.sh [run|test]
set -euo pipefail
mode="${1:-run}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

packages=(libglib2.0-0 libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
          libfreetype6 libdbus-1-3 fonts-dejavu-core python3-venv)
if [ "$mode" = test ]; then
  packages+=(libreoffice-calc-nogui poppler-utils)
  # A real X screen for the journeys in tests/xserver: Xvfb, a window manager, xdotool for
  # key presses, and the xcb libraries Qt's X platform plugin loads.
  packages+=(xvfb xdotool openbox libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
             libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-xkb1)
  # A real browser for the room server's page (tests/browser, driven by selenium).
  packages+=(chromium chromium-driver)
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
fi
# python3-venv is only needed when the interpreter cannot already make environments.
if [ "${#missing[@]}" -gt 0 ] && python3 -m venv --help >/dev/null 2>&1 \
   && python3 -c "import ensurepip" >/dev/null 2>&1; then
  filtered=()
  for pkg in "${missing[@]}"; do [ "$pkg" = python3-venv ] || filtered+=("$pkg"); done
  missing=("${filtered[@]+"${filtered[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing system packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages (${missing[*]}); run as root or install them first." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  "$python" -m venv .venv
fi
extras=""
[ "$mode" = test ] && extras="[dev]"
version="$(sha256sum < pyproject.toml | cut -c1-16)"
stamp=".venv/.installed-${version}-${mode}"
# An environment installed for the tests (a superset) also serves the app.
if [ ! -f "$stamp" ] && ! { [ "$mode" = run ] && [ -f ".venv/.installed-${version}-test" ]; }; then
  echo "== installing facilitator-app${extras} into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  rm -f .venv/.installed-*
  touch "$stamp"
fi
