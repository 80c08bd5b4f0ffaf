#!/usr/bin/env bash
# `make smoke`: smoke-tests the bundle built by `make installer` (dist/facilitator-app/).
#  1. headless commands: --version, demo FILE, info FILE (125 in presenza, 7 tavoli),
#     cards list, new FILE (bundled cards and templates);
#  2. the GUI starts offscreen, shows the demo event, loads the forms/ and quits
#     (FACILITATOR_APP_SMOKE=1, see facilitator_app/app.py);
#  3. if the bundle has the `export` command: the demo to .xlsx, .pdf and .docx ("Asse 1" in
#     them); `room --help`;
#     the embedded sentence encoder: `themes embed` stores a vector for every post-it of
#     the demo, with the network cut off when `unshare -rn` can do it (model offline);
#  4. nothing that must stay out of the bundle is in it (QtWebEngine, QtQuick/Qml, tkinter...);
#  5. budgets: bundle size <= 200 MB (fails), cold start <= 1.2x the source tree's
#     (median of 3 runs each, warns only: timing is noisy).
# Exits non-zero on the first failed check. See docs/INSTALLER.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bundle_dir=dist/facilitator-app
bin="$bundle_dir/facilitator-app"
source_bin=.venv/bin/facilitator-app
size_budget_mb=200
start_budget_ratio=1.2
runs=3

if [ ! -x "$bin" ]; then
  echo "FAIL: $bin not found: build it first with 'make installer'" >&2
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
export FACILITATOR_APP_DATA="$work/data"
# The encoder's cache (about 80 MB) goes to the work folder, not the user's ~/.cache.
export FACILITATOR_APP_CACHE="$work/cache"
unset FACILITATOR_APP_SMOKE
t0=$(date +%s)

fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

# --- 1. headless commands ------------------------------------------------------------------
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' facilitator_app/__init__.py)"
out="$("$bin" --version)" || fail "--version exited $?"
[ "$out" = "facilitator-app $version" ] || fail "--version printed '$out', expected version $version"
ok "--version: $out"

demo="$work/demo.sqlite"
"$bin" demo "$demo" >"$work/demo.out" 2>&1 || { cat "$work/demo.out" >&2; fail "demo FILE"; }
[ -s "$demo" ] || fail "demo FILE wrote nothing"
ok "demo FILE: $(head -1 "$work/demo.out")"

"$bin" info "$demo" >"$work/info.out" 2>&1 || { cat "$work/info.out" >&2; fail "info FILE"; }
grep -q "125 in presenza" "$work/info.out" || { cat "$work/info.out" >&2; fail "info: no '125 in presenza'"; }
grep -Eq "Tavoli: 7\b" "$work/info.out" || { cat "$work/info.out" >&2; fail "info: no 'Tavoli: 7'"; }
ok "info FILE: $(grep -E -o '[0-9]+ in presenza' "$work/info.out"), $(grep -E -o 'Tavoli: [0-9]+' "$work/info.out")"

"$bin" cards list >"$work/cards.out" 2>&1 || { cat "$work/cards.out" >&2; fail "cards list"; }
grep -q "2021-2023" "$work/cards.out" || { cat "$work/cards.out" >&2; fail "cards list: no 2021-2023 cards"; }
ok "cards list: $(wc -l <"$work/cards.out") lines (resources/cards)"

"$bin" new "$work/new.sqlite" >"$work/new.out" 2>&1 || { cat "$work/new.out" >&2; fail "new FILE"; }
ok "new FILE: $(head -1 "$work/new.out") (resources/templates)"

# --- 2. the GUI, offscreen, on the demo event ---------------------------------------------
gui_ok=0
FACILITATOR_APP_SMOKE=1 timeout 120 "$bin" >"$work/gui.out" 2>&1 || gui_ok=$?
[ "$gui_ok" -eq 0 ] || { cat "$work/gui.out" >&2; fail "GUI smoke exited $gui_ok"; }
grep -q "^smoke: event shown: .*Forum Metropolitano" "$work/gui.out" \
  || { cat "$work/gui.out" >&2; fail "GUI did not show the demo event"; }
grep -q "^smoke: forms loaded: " "$work/gui.out" \
  || { cat "$work/gui.out" >&2; fail "the forms/ were not loaded"; }
ok "GUI offscreen: $(grep '^smoke: first paint' "$work/gui.out")"
ok "GUI offscreen: $(grep '^smoke: event shown' "$work/gui.out")"
ok "GUI offscreen: $(grep '^smoke: forms loaded' "$work/gui.out") (QtUiTools, forms/)"

# --- 3. exports, when the bundle has them --------------------------------------------------
if "$bin" export --help >/dev/null 2>&1; then
  xlsx="$work/demo.xlsx"
  pdf="$work/demo.pdf"
  "$bin" export "$demo" --xlsx "$xlsx" --pdf "$pdf" >"$work/export.out" 2>&1 \
    || { cat "$work/export.out" >&2; fail "export $demo --xlsx --pdf"; }
  [ -s "$xlsx" ] || fail "export wrote no (or an empty) $xlsx"
  [ -s "$pdf" ] || fail "export wrote no (or an empty) $pdf"
  command -v pdftotext >/dev/null 2>&1 \
    || fail "pdftotext missing (poppler-utils; scripts/bootstrap.sh test installs it)"
  pdftotext "$pdf" "$work/demo.txt" || fail "pdftotext could not read $pdf"
  grep -q "Asse 1" "$work/demo.txt" || fail "the exported PDF does not contain 'Asse 1'"
  ok "export: $(du -k "$xlsx" | cut -f1) kB xlsx, $(du -k "$pdf" | cut -f1) kB pdf with 'Asse 1'"
  # The Word restituzione: python-docx reads its templates from the bundle's docx/ folder.
  docx="$work/demo.docx"
  "$bin" export "$demo" --docx "$docx" >"$work/docx.out" 2>&1 \
    || { cat "$work/docx.out" >&2; fail "export $demo --docx"; }
  .venv/bin/python - "$docx" <<'PYEOF' || fail "the exported Word document is not a document with 'Asse 1'"
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as document:
    assert "Asse 1" in document.read("word/document.xml").decode("utf-8")
PYEOF
  ok "export: $(du -k "$docx" | cut -f1) kB docx with 'Asse 1'"
  # The room server (uvicorn, ssl imported at start): --help loads the command's module.
  "$bin" room --help >/dev/null 2>&1 || fail "room --help"
else
  echo "note: skipped the export check: this bundle has no 'export' command yet"
fi

# --- 3b. the embedded sentence encoder, offline -------------------------------------------
offline=()
if command -v unshare >/dev/null 2>&1 && unshare -rn true 2>/dev/null; then
  offline=(unshare -rn)  # a user and network namespace: no network at all
fi
"${offline[@]}" "$bin" themes embed "$demo" >"$work/embed.out" 2>&1 \
  || { cat "$work/embed.out" >&2; fail "themes embed $demo (the sentence encoder)"; }
grep -Eq "^Vettori di significato \(use-multilingual-v3.*\): [1-9][0-9]* post-it, [1-9][0-9]* calcolati" "$work/embed.out" \
  || { cat "$work/embed.out" >&2; fail "themes embed: no vectors computed"; }
ok "sentence encoder${offline:+ (no network)}: $(head -1 "$work/embed.out")"

# --- 4. what must stay out -------------------------------------------------------------------
unwanted="$(find "$bundle_dir" \( -iname '*WebEngine*' -o -iname '*Qt6Quick*' -o -iname '*Qt6Qml*' \
  -o -iname '*Qt63D*' -o -iname '*Qt6Multimedia*' -o -iname '*tkinter*' -o -iname 'libtk*' \
  -o -iname 'libtcl*' -o -name 'pytest' -o -name '_pytest' -o -name 'hypothesis' \) -print)"
[ -z "$unwanted" ] || fail "bundled but unused: $unwanted"
ok "no QtWebEngine, QtQuick/Qml, Qt3D, QtMultimedia, tkinter or test tools in the bundle"

# --- 5. budgets --------------------------------------------------------------------------------
size_mb="$(du -sm "$bundle_dir" | cut -f1)"
echo "bundle size: ${size_mb} MB (budget ${size_budget_mb} MB), $(find "$bundle_dir" -type f | wc -l) files"
[ "$size_mb" -le "$size_budget_mb" ] || fail "bundle is ${size_mb} MB, over the ${size_budget_mb} MB budget"

# Cold start = a new process from launch until the main window is painted with the demo
# event open, and exit (FACILITATOR_APP_SMOKE=1); bundle and source tree alternated; the
# demo file already exists; the OS file cache is warm.
seconds() { # run "$@" once with the smoke switch, print its wall time in seconds
  local start end
  start=$(date +%s%N)
  FACILITATOR_APP_SMOKE=1 timeout 120 "$@" >/dev/null 2>&1 || fail "$* (smoke start) failed"
  end=$(date +%s%N)
  awk -v ns="$((end - start))" 'BEGIN { printf "%.3f", ns / 1e9 }'
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
if [ -x "$source_bin" ]; then
  bundle_times=() source_times=()
  for _ in $(seq "$runs"); do
    t="$(seconds "$bin")"
    bundle_times+=("$t")
    t="$(seconds "$source_bin")"
    source_times+=("$t")
  done
  bundle_s="$(median "${bundle_times[@]}")"
  source_s="$(median "${source_times[@]}")"
  ratio="$(awk -v b="$bundle_s" -v s="$source_s" 'BEGIN { printf "%.2f", b / s }')"
  echo "cold start, bundle:      ${bundle_s} s (median of $runs: ${bundle_times[*]})"
  echo "cold start, source tree: ${source_s} s (median of $runs: ${source_times[*]})"
  echo "cold start ratio bundle/source: ${ratio} (budget ${start_budget_ratio})"
  if awk -v r="$ratio" -v max="$start_budget_ratio" 'BEGIN { exit !(r > max) }'; then
    echo "WARNING: the bundle starts ${ratio}x slower than the source tree (budget ${start_budget_ratio}x)"
  fi
else
  echo "note: skipped the start-up comparison: no $source_bin (run scripts/bootstrap.sh)"
fi

echo "smoke test passed in $(($(date +%s) - t0)) s"
