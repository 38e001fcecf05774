#!/usr/bin/env bash
# Set up wirewatch from the hash-pinned lock file and run it.
#   ./run.sh demo    ingest the bundled samples into ./wirewatch.db, summarise them and open
#                    the explorer on http://127.0.0.1:8000/ (Ctrl-C stops it)
#   ./run.sh test    lint, type-check, audit the lock and run the test suite (what CI runs)
#   ./run.sh bench   the throughput and merging (need ../shared), start-up and grouping benchmarks
#   ./run.sh train   rebuild the bundled event coder, factuality reader and type classifier from data/training, and the rules' contexts table (needs ../shared)
#   ./run.sh setup   only create or refresh the virtualenv (.venv, or $WIREWATCH_VENV)
set -euo pipefail
cd "$(dirname "$0")"
VENV=${WIREWATCH_VENV:-.venv}
PY=${PYTHON:-python3}

setup() {
  if [ ! -x "$VENV/bin/python" ]; then
    echo "creating virtualenv $VENV" >&2
    "$PY" -m venv "$VENV"
  fi
  local stamp="$VENV/.installed-$(cat requirements.lock pyproject.toml | sha256sum | cut -c1-16)"
  if [ ! -f "$stamp" ]; then
    echo "installing the locked dependencies (hash-checked)" >&2
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      --require-hashes --no-deps -r requirements.lock
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
      --no-deps --no-build-isolation -e .
    rm -f "$VENV"/.installed-*
    touch "$stamp"
  fi
}

# The browser tests drive Debian's Chromium; install it when missing and we may (root with
# apt-get, as on CI). Elsewhere the browser tests say what is missing and are skipped.
browser() {
  if [ -z "${WIREWATCH_CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing Debian's chromium for the browser tests" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      echo "chromium not found: the browser tests will be skipped" >&2
    fi
  fi
}

case "${1:-}" in
  setup)
    setup ;;
  demo)
    setup
    "$VENV/bin/wirewatch" ingest samples/ --db wirewatch.db
    echo
    echo "== stories =="
    "$VENV/bin/wirewatch" stories --db wirewatch.db --format table
    echo
    echo "== events =="
    "$VENV/bin/wirewatch" events --db wirewatch.db --format table --limit 25
    echo
    exec "$VENV/bin/wirewatch" serve --db wirewatch.db --port "${WIREWATCH_PORT:-8000}" ;;
  test)
    setup
    browser
    "$VENV/bin/ruff" check wirewatch tests bench scripts evaluation training
    "$VENV/bin/mypy"
    "$VENV/bin/python" scripts/audit_lock.py
    "$VENV/bin/python" -m pytest -q ;;
  train)
    setup
    "$VENV/bin/python" -m training.build
    "$VENV/bin/python" -m training.types
    "$VENV/bin/python" -m training.contexts ;;
  bench)
    setup
    "$VENV/bin/python" bench/throughput.py
    "$VENV/bin/python" bench/startup.py
    "$VENV/bin/python" bench/merging.py
    "$VENV/bin/python" bench/grouping.py --articles "${WIREWATCH_BENCH_ARTICLES:-100000}" ;;
  *)
    sed -n '2,7p' "$0" >&2
    exit 2 ;;
esac
