#!/usr/bin/env bash
# Re-pin tools/constraints.txt from a clean virtual environment after pyproject.toml changed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install --quiet "$ROOT[test,build]"
{ sed -n '1,2p' "$ROOT/tools/constraints.txt"; "$tmp/venv/bin/pip" freeze --exclude logit-lab; } \
    > "$ROOT/tools/constraints.txt.new"
mv "$ROOT/tools/constraints.txt.new" "$ROOT/tools/constraints.txt"
rm -rf "$tmp"
