#!/usr/bin/env bash
# Install everything, build the graph of the bundled corpus, validate it, and serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
.venv/bin/budgetkg build
.venv/bin/budgetkg validate
exec .venv/bin/budgetkg serve "$@"
