#!/usr/bin/env bash
# Browser tests of `vraagbaak web`: installs Debian's chromium, chromium-driver,
# python3-selenium and libjs-codemirror if missing (scripts/install-web-test-deps.sh),
# then drives headless Chromium against the built binary (Tests/browser/test_web.py).
# Debian's selenium lives in /usr/bin/python3, which may not be the python3 on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-web-test-deps.sh
export VRAAGBAAK_BINARY="${VRAAGBAAK_BINARY:-$(swift build --show-bin-path)/vraagbaak}"
exec /usr/bin/python3 -m unittest -v Tests/browser/test_web.py
