#!/usr/bin/env bash
# Run the whole test suite (sets up .venv with the test extra on first use). Arguments go to pytest.
. "$(dirname "$0")/env.sh" "test"
cd "$ROOT"
exec "$PY" -m pytest "$@"
