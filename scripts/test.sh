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
exec .venv/bin/python -m pytest "$@"
