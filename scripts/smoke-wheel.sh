#!/usr/bin/env bash
# The package works anywhere: build the wheel, install it into a fresh venv, and from a temporary directory
# outside the checkout run build, validate, query, export and serve (a few requests), as a user would.
# Nothing may be read from the checkout or written into the install location or the current directory.
set -euo pipefail
cd "$(dirname "$0")/.."
CHECKOUT=$PWD
PY=${PYTHON:-python3}
TMP=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "smoke-wheel: FAILED: $*" >&2; exit 1; }

echo "smoke-wheel: building the wheel"
rm -rf build  # setuptools' scratch folder in the checkout: a stale copy of a deleted file would ship
"$PY" -m pip wheel -q --no-deps -w "$TMP/dist" . >"$TMP/wheel.log" 2>&1 || { cat "$TMP/wheel.log" >&2; fail "pip wheel"; }
rm -rf build  # setuptools' scratch folder in the checkout
WHEEL=$(ls "$TMP"/dist/budgetkg-*.whl)
"$PY" -m venv "$TMP/venv"
"$TMP/venv/bin/python" -m pip install -q "$WHEEL" 2>&1 | grep -v "^WARNING: Location" || true
"$TMP/venv/bin/python" -c "import kg" || fail "the wheel did not install"
BKG="$TMP/venv/bin/budgetkg"

mkdir "$TMP/work" && cd "$TMP/work"
# a user with no checkout: the per-user data directory lives under this HOME, nothing points at the checkout
export HOME="$TMP/home" XDG_DATA_HOME="$TMP/home/.local/share"
unset BUDGETKG_DATA BUDGETKG_DEVSET PYTHONPATH
SITE=$("$TMP/venv/bin/python" -c "import kg, pathlib; print(pathlib.Path(kg.__file__).parent.parent)")
case "$SITE" in "$CHECKOUT"*) fail "kg was imported from the checkout ($SITE)";; esac

echo "smoke-wheel: build (the bundled corpus, default data directory)"
"$BKG" build --quiet >"$TMP/build.out" 2>&1 || { cat "$TMP/build.out" >&2; fail "build"; }
DATA="$XDG_DATA_HOME/budgetkg"
[ -e "$DATA/live" ] || fail "build did not write the per-user data directory $DATA"
grep -q "failed 0" "$TMP/build.out" || { cat "$TMP/build.out" >&2; fail "some bundled report failed"; }

echo "smoke-wheel: validate, query, export"
"$BKG" validate >"$TMP/validate.out" 2>&1 || { tail -5 "$TMP/validate.out" >&2; fail "validate"; }
"$BKG" query funding-by-platform -p platform=民生卡 --format csv >"$TMP/query.csv" || fail "named query"
grep -q "民生卡" "$TMP/query.csv" || { cat "$TMP/query.csv" >&2; fail "named query found no funding of 民生卡"; }
"$BKG" export --format nq -o "$TMP/all.nq" || fail "export"
[ "$(wc -l <"$TMP/all.nq")" -gt 1000 ] || fail "export wrote almost nothing"

echo "smoke-wheel: train and eval need the source tree"
if "$BKG" eval >"$TMP/eval.out" 2>&1; then fail "eval ran without a source tree"; fi
[ "$(wc -l <"$TMP/eval.out")" -eq 1 ] && grep -q "source checkout" "$TMP/eval.out" || { cat "$TMP/eval.out" >&2; fail "eval: no one-line reason"; }

echo "smoke-wheel: serve"
PORT=$("$TMP/venv/bin/python" -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
BUDGETKG_QUERY_WORKERS=1 "$BKG" serve --port "$PORT" >"$TMP/serve.out" 2>&1 &
SERVER_PID=$!
"$TMP/venv/bin/python" - "$PORT" <<'EOF' || { cat "$TMP/serve.out" >&2; fail "serve"; }
import sys, time
import httpx

base = f"http://127.0.0.1:{sys.argv[1]}"
for _ in range(600):  # the server imports spaCy and starts its query workers: wait up to a minute
    try:
        httpx.get(base + "/static/style.css", timeout=1)
        break
    except httpx.TransportError:
        time.sleep(0.1)
checks = {
    "/sparql?query=ASK%7B%3Fs%20a%20%3Chttps%3A%2F%2Fw3id.org%2Fbudgetkg%2Fontology%23Report%3E%7D": "true",
    "/api/queries/funding-by-platform?platform=民生卡": "民生卡",
    "/static/style.css": "{",
    "/sparql": "<html",  # the query page: templates shipped
}
for path, expected in checks.items():
    r = httpx.get(base + path, headers={"Accept": "text/html" if path == "/sparql" else "*/*"}, timeout=30)
    assert r.status_code == 200 and expected in r.text, (path, r.status_code, r.text[:200])
print(f"smoke-wheel: {len(checks)} requests answered")
EOF

LEFT=$(ls -A "$TMP/work")
[ -z "$LEFT" ] || fail "files written into the current directory: $LEFT"
echo "smoke-wheel: ok (wheel $(basename "$WHEEL"), run from $TMP/work)"
