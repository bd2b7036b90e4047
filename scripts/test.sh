#!/usr/bin/env bash
# Install everything (Python packages, and the servers the tests use), then run the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
# lint, format and types (configured in pyproject.toml)
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# the wheel, installed into a fresh venv, works from a directory outside the checkout
PYTHON=.venv/bin/python bash scripts/smoke-wheel.sh
if [ -f scripts/install-services.sh ]; then
    bash scripts/install-services.sh || echo "warning: services could not be installed; their tests will be skipped" >&2
fi
# the whole suite on every core (pytest-xdist; each test file stays in one worker, every session fixture has
# its own folders and ports per worker); arguments after these override them (`-n 0` runs it in one process)
exec .venv/bin/python -m pytest -n auto --dist loadfile "$@"
