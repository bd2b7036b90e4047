#!/usr/bin/env bash
# Does `budgetkg extract` read the bundled corpus exactly as REF's code does (default: main)?
#
# For refactors that must not change what the reader reads: runs `extract FILE`, `extract FILE --json` and
# `extract FILE --entities --json` on every corpus file with REF's code and with the working tree's, and
# compares stdout, stderr and the exit status byte for byte.  Both read the same files (the working tree's
# corpus) through the same Python environment; only the code differs.
#
# usage: scripts/extract-unchanged.sh [REF]      exit 0: identical; 1: they differ (the diff is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
here=$PWD
ref=${1:-main}
py=${PYTHON:-$here/.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/ref" "$tmp/out-ref" "$tmp/out-here"
git archive "$ref" | tar -x -C "$tmp/ref"

# $1: source tree whose kg/ and nlp/ are imported; $2: output folder
extract_corpus() {
    local tree=$1 out=$2 f name
    for f in "$here"/corpus/*.txt; do
        name=$(basename "$f" .txt)
        for mode in text json entities; do
            case $mode in
                text) flags=() ;;
                json) flags=(--json) ;;
                entities) flags=(--entities --json) ;;
            esac
            # cwd and PYTHONPATH first: the tree's packages, not the installed (editable) ones
            status=0
            (cd "$tree" && PYTHONPATH="$tree" "$py" -c 'import sys; from kg.cli import main; sys.exit(main(sys.argv[1:]))' \
                extract "$f" "${flags[@]}") >"$out/$name.$mode.out" 2>"$out/$name.$mode.err" || status=$?
            echo "$status" >"$out/$name.$mode.status"
        done
    done
}

extract_corpus "$tmp/ref" "$tmp/out-ref"
extract_corpus "$here" "$tmp/out-here"
if diff -r "$tmp/out-ref" "$tmp/out-here"; then
    echo "extract output identical to $ref's ($(git rev-parse --short "$ref")): $(ls "$tmp/out-here" | wc -l) files compared"
else
    echo "extract output differs from $ref's" >&2
    exit 1
fi
