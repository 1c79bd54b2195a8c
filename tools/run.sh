#!/usr/bin/env bash
# Start Logit Lab from source (sets up .venv on first use). Arguments go to main.py.
. "$(dirname "$0")/env.sh" ""
exec "$PY" "$ROOT/main.py" "$@"
