#!/usr/bin/env bash
# Build the one-folder bundle dist/logit-lab/ and its archive dist/logit-lab-<version>-<os>-<cpu>.tar.gz
# (sets up .venv with the build extra on first use). Prints both sizes; fails when over target.
. "$(dirname "$0")/env.sh" "build"
cd "$ROOT"
exec "$PY" tools/build.py "$@"
