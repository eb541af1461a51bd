#!/usr/bin/env bash
# Creates .venv with the pinned third-party LSP test client (pytest-lsp) from PyPI.
# Idempotent: does nothing when the venv already has the pinned versions.
set -euo pipefail
cd "$(dirname "$0")/.."
requirements=Tests/pytest/requirements.txt
stamp=.venv/.requirements
if [ -f "$stamp" ] && cmp -s "$requirements" "$stamp"; then
  exit 0
fi
python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r "$requirements"
cp "$requirements" "$stamp"
