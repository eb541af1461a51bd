#!/usr/bin/env bash
# Installs the real editors the editor tests drive: Neovim and Emacs + eglot, from
# Debian's packages (bookworm: neovim 0.7.2, emacs-nox 28.2, elpa-eglot 1.9).
# Idempotent: does nothing when nvim, emacs and eglot are already there; otherwise
# runs `apt-get update` once and `apt-get install -y` (as root, or with sudo -n).
# Exits non-zero, with a loud message, when an editor cannot be installed.
set -euo pipefail

# eglot: Debian's elpa-eglot (outside the load path of `emacs -Q`; the tests add it
# with -L), or an Emacs (29+) with eglot built in.
eglot_dir() {
  local d
  for d in /usr/share/emacs/site-lisp/elpa/eglot-*; do
    [ -e "$d/eglot.el" ] && { echo "$d"; return 0; }
  done
  return 1
}
have_eglot() {
  command -v emacs >/dev/null 2>&1 || return 1
  eglot_dir >/dev/null && return 0
  emacs -Q --batch --eval "(require 'eglot)" >/dev/null 2>&1
}

missing=()
command -v nvim >/dev/null 2>&1 || missing+=(neovim)
command -v emacs >/dev/null 2>&1 || missing+=(emacs-nox)
have_eglot || missing+=(elpa-eglot)

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-editors: neovim, emacs and eglot already installed"
  exit 0
fi

fail() {
  echo "install-editors: ERROR: $*" >&2
  exit 1
}

echo "install-editors: installing ${missing[*]}"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || fail "not root and no sudo: cannot install ${missing[*]}"
  sudo=(sudo -n)
fi

export DEBIAN_FRONTEND=noninteractive
# Update the package lists once, unless they already offer every missing package.
candidates() { apt-cache policy "${missing[@]}" 2>/dev/null | grep -c 'Candidate: [^(]' || true; }
if [ "$(candidates)" -lt ${#missing[@]} ]; then
  "${sudo[@]}" apt-get update -q || fail "apt-get update failed"
fi
apt-cache policy "${missing[@]}" | grep -E '^[^ ]|Candidate' || true
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" ||
  fail "apt-get install ${missing[*]} failed"

command -v nvim >/dev/null 2>&1 || fail "nvim is still missing"
command -v emacs >/dev/null 2>&1 || fail "emacs is still missing"
have_eglot || fail "eglot is still missing (elpa-eglot)"
echo "install-editors: $(nvim --version | head -1); $(emacs --version | head -1)"
