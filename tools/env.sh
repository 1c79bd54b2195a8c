# Sourced by run.sh, test.sh and build.sh: create or reuse .venv and install what pyproject.toml
# declares, at the versions pinned in tools/constraints.txt. Re-installs only when those change.
# Usage: . tools/env.sh EXTRAS   (EXTRAS: "" for the app, "test", "build")
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRAS="${1:-}"

if ! command -v python3 >/dev/null; then
    echo "logit-lab: python3 is missing: sudo apt-get install python3 python3-venv" >&2
    exit 1
fi
if [ ! -x "$VENV/bin/python" ]; then
    if ! python3 -m venv "$VENV" 2>/dev/null; then
        rm -rf "$VENV"
        echo "logit-lab: python3 cannot create a virtual environment: sudo apt-get install python3-venv" >&2
        exit 1
    fi
fi
stamp="$VENV/.logit-lab-installed-$EXTRAS"
wanted="$(cat "$ROOT/pyproject.toml" "$ROOT/tools/constraints.txt" | sha256sum | cut -c1-16)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    echo "logit-lab: installing dependencies into .venv (once)…" >&2
    spec="$ROOT"
    [ -n "$EXTRAS" ] && spec="$ROOT[$EXTRAS]"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
        -c "$ROOT/tools/constraints.txt" -e "$spec"
    echo "$wanted" > "$stamp"
fi
PY="$VENV/bin/python"
