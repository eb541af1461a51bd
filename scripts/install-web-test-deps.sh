#!/usr/bin/env bash
# Installs what `vraagbaak web` and its browser tests need, from Debian's packages:
# libjs-codemirror (CodeMirror 5, the page's editor), chromium, chromium-driver and
# python3-selenium (the tests drive headless Chromium through WebDriver).
# Idempotent: does nothing when all are there; otherwise runs `apt-get update` once
# (unless the lists already offer every missing package) and `apt-get install -y`
# (as root, or with sudo -n). Exits non-zero, with a loud message, on failure.
set -euo pipefail

have_codemirror() { [ -e /usr/share/javascript/codemirror/lib/codemirror.js ] && [ -e /usr/share/javascript/codemirror/addon/lint/lint.js ]; }
have_selenium() { /usr/bin/python3 -c 'import selenium' >/dev/null 2>&1; }

missing=()
have_codemirror || missing+=(libjs-codemirror)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
have_selenium || missing+=(python3-selenium)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-web-test-deps: libjs-codemirror, chromium, chromium-driver and python3-selenium already installed"
  exit 0
fi

fail() {
  echo "install-web-test-deps: ERROR: $*" >&2
  exit 1
}

echo "install-web-test-deps: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot install ${missing[*]}"
  sudo=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
candidates() { apt-cache policy "${missing[@]}" 2>/dev/null | grep -c 'Candidate: [^(]' || true; }
if [ "$(candidates)" -lt ${#missing[@]} ]; then
  "${sudo[@]}" apt-get update -q || fail "apt-get update failed"
fi
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" ||
  fail "apt-get install ${missing[*]} failed"

have_codemirror || fail "CodeMirror is still missing (libjs-codemirror)"
command -v chromium >/dev/null 2>&1 || fail "chromium is still missing"
command -v chromedriver >/dev/null 2>&1 || fail "chromedriver is still missing (chromium-driver)"
have_selenium || fail "selenium is still missing for /usr/bin/python3 (python3-selenium)"
echo "install-web-test-deps: $(chromium --version 2>/dev/null | head -1); selenium $(/usr/bin/python3 -c 'import selenium; print(selenium.__version__)')"
