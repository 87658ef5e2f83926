#!/usr/bin/env bash
# Build gxvdesk as a one-folder app with PyInstaller (dist/gxvdesk/) and check that it starts.
#
#   packaging/build.sh               build, then check
#   packaging/build.sh --check-only  check an existing dist/gxvdesk/
#
# Checks: `gxvdesk --version` prints the package version, `gxvdesk spec osd` works (registry
# modules were bundled), no bundled library misses a Qt library, and `gxvdesk --demo` opens its
# window under Xvfb (needs xvfb-run; x11-utils' xwininfo is used when present). The window check
# uses packaging/rthooks/pyi_rth_gxvdesk_smoke.py, which acts only when GXVDESK_SMOKE_SECONDS is
# set; it writes a picture of the window to dist/smoke.png. Linux; see packaging/README.md for
# Windows and macOS. PYTHON overrides the interpreter (default: .venv/bin/python).
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-.venv/bin/python}
DIST=dist/gxvdesk
EXE=$DIST/gxvdesk
SMOKE_SECONDS=${SMOKE_SECONDS:-6}   # how long the demo window stays up before the hook closes it
SMOKE_TIMEOUT=${SMOKE_TIMEOUT:-90}  # the whole Xvfb run, start to end
failures=0

say() { printf '== %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*" >&2; failures=$((failures + 1)); }

version=$("$PYTHON" -c 'import gxvdesk; print(gxvdesk.__version__)')

if [ "${1:-}" != "--check-only" ]; then
    if ! "$PYTHON" -c 'import PyInstaller' 2>/dev/null; then
        say "installing PyInstaller into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
        "$PYTHON" -m pip install -q 'pyinstaller>=6.10,<7'
    fi
    say "building gxvdesk $version with PyInstaller $("$PYTHON" -m PyInstaller --version)"
    start=$(date +%s)
    "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath dist --workpath build/pyinstaller packaging/gxvdesk.spec
    say "build took $(($(date +%s) - start)) s"
fi

[ -x "$EXE" ] || { echo "no $EXE: build first" >&2; exit 1; }

say "check: $EXE --version"
out=$("$EXE" --version 2>&1) || fail "--version exited $?"
echo "$out"
[ "$out" = "gxvdesk $version" ] || fail "--version printed '$out', expected 'gxvdesk $version'"

say "check: $EXE spec osd"
if out=$("$EXE" spec osd 2>&1); then
    printf '%s\n' "$out" | head -n 5
    [ "$(printf '%s\n' "$out" | wc -l)" -gt 3 ] || fail "spec osd printed too little"
else
    printf '%s\n' "$out" | tail -n 20
    fail "spec osd exited non-zero"
fi

if command -v ldd >/dev/null 2>&1; then
    say "check: every bundled library finds its Qt libraries"
    missing=$(find "$DIST/_internal" -name '*.so*' -type f -exec ldd {} + 2>/dev/null |
        grep -E 'libQt6[A-Za-z]*\.so.* => not found' | sort -u || true)
    if [ -n "$missing" ]; then
        echo "$missing"
        fail "Qt libraries missing from the bundle"
    else
        echo "none missing"
    fi
fi

if command -v xvfb-run >/dev/null 2>&1; then
    say "check: $EXE --demo opens its window under Xvfb"
    home=$(mktemp -d)
    rm -f dist/smoke.png dist/smoke-root.png
    export SMOKE_EXE=$EXE SMOKE_HOME=$home SMOKE_SECONDS
    # Inside Xvfb: start the app, time until X has a "gxvdesk" window, take a picture of the
    # whole screen when ImageMagick is real, then wait for the hook to close the app.
    # shellcheck disable=SC2016  # expanded by the inner shell
    inner='
        t0=$(date +%s.%N)
        GXVDESK_HOME=$SMOKE_HOME GXVDESK_NO_KEYRING=1 QT_QPA_PLATFORM=xcb \
        GXVDESK_SMOKE_SECONDS=$SMOKE_SECONDS GXVDESK_SMOKE_SCREENSHOT=dist/smoke.png \
            "$SMOKE_EXE" --demo &
        pid=$!
        if command -v xwininfo >/dev/null 2>&1; then
            for _ in $(seq 1 300); do
                if xwininfo -root -tree 2>/dev/null | grep -q "\"gxvdesk\""; then
                    awk -v a="$t0" -v b="$(date +%s.%N)" "BEGIN { printf \"X window gxvdesk mapped after %.1f s\\n\", b - a }"
                    break
                fi
                kill -0 $pid 2>/dev/null || break
                sleep 0.1
            done
            if command -v xwd >/dev/null 2>&1 && convert -version 2>/dev/null | grep -q ImageMagick; then
                sleep 2
                xwd -root -silent | convert xwd:- png:dist/smoke-root.png && echo "screen: dist/smoke-root.png"
            fi
        fi
        wait $pid
    '
    start=$(date +%s)
    set +e
    out=$(timeout --kill-after=5 "$SMOKE_TIMEOUT" \
        xvfb-run -a -s "-screen 0 1440x900x24" bash -c "$inner" 2>&1)
    rc=$?
    set -e
    printf '%s\n' "$out" | grep -E 'window|screen:|app_icon|Traceback|Error' | head -n 20
    if [ $rc -ne 0 ]; then
        printf '%s\n' "$out" | tail -n 30
        fail "Xvfb run exited $rc (124: timed out after ${SMOKE_TIMEOUT}s)"
    elif ! printf '%s\n' "$out" | grep -q '^window shown'; then
        printf '%s\n' "$out" | tail -n 30
        fail "the window did not report itself shown"
    elif ! printf '%s\n' "$out" | grep -q '^app_icon: ok .*keyring backends: .*SecretService'; then
        fail "app icon or keyring backends missing from the bundle"
    else
        echo "Xvfb run ended cleanly after $(($(date +%s) - start)) s; window: dist/smoke.png"
    fi
    rm -rf "$home"
else
    say "skipped: no xvfb-run (apt-get install xvfb xauth x11-utils)"
fi

say "size of $DIST: $(du -sh "$DIST" | cut -f1) ($(find "$DIST" -type f | wc -l) files)"
if [ "$failures" -gt 0 ]; then
    say "$failures check(s) failed"
    exit 1
fi
say "all checks passed"
