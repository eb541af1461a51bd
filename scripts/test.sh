#!/usr/bin/env bash
# The project's whole test suite: what README.md tells you to run and what CI runs.
#   1. swift build, then swift test (unit tests and end-to-end tests over stdio)
#   2. pytest-lsp: a third-party client drives the built binary
#   3. the editors (Neovim, Emacs + eglot) and the web page (headless Chromium)
# Fails (non-zero) when any test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== swift build"
swift build
echo "== swift test"
swift test

echo "== pytest-lsp (third-party client)"
scripts/setup-python-tests.sh
VRAAGBAAK_BINARY="$(swift build --show-bin-path)/vraagbaak" \
  .venv/bin/python -m pytest -c Tests/pytest/pytest.ini --rootdir Tests/pytest Tests/pytest -q
VRAAGBAAK_BINARY="$(swift build --show-bin-path)/vraagbaak" scripts/test-editors.sh   # real editors: Neovim, Emacs + eglot
VRAAGBAAK_BINARY="$(swift build --show-bin-path)/vraagbaak" scripts/test-web.sh       # vraagbaak web in headless Chromium
