#!/usr/bin/env bash
# Real-editor tests: Neovim and Emacs + eglot, headless, drive the built server
# through the configurations in editors/ (see editors/README.md).
#   1. the server binary: $VRAAGBAAK_BINARY, else `swift build` and its bin path
#   2. the editors: scripts/install-editors.sh (Debian packages, when missing)
#   3. static checks: vraag-mode.el byte-compiles without warnings; editors/tests/check_files.py
#      (Helix TOML, VS Code JSON + TextMate grammar scopes, Sublime settings + syntax)
#   4. editors/tests/neovim_test.lua and editors/tests/emacs_test.el, each under `timeout`;
#      then neovim_text_test.lua and emacs_text_test.el on editors/tests/drafts
# Fails (non-zero) when any step fails; an editor that cannot be installed is a
# failure, never a skip.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
started=$SECONDS

loud() {
  echo "" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  echo "!!! test-editors: $*" >&2
  echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!" >&2
  exit 1
}

echo "== editors: server binary"
if [ -z "${VRAAGBAAK_BINARY:-}" ]; then
  swift build --product vraagbaak || loud "swift build failed"
  VRAAGBAAK_BINARY="$(swift build --show-bin-path)/vraagbaak"
fi
[ -x "$VRAAGBAAK_BINARY" ] || loud "no server binary at $VRAAGBAAK_BINARY"
export VRAAGBAAK_BINARY
echo "$VRAAGBAAK_BINARY"

echo "== editors: install Neovim and Emacs + eglot"
scripts/install-editors.sh ||
  loud "cannot install the editors (neovim emacs-nox elpa-eglot): the editor tests did NOT run"
command -v nvim >/dev/null || loud "nvim is missing: the Neovim test did NOT run"
command -v emacs >/dev/null || loud "emacs is missing: the Emacs test did NOT run"
eglot_args=()
for dir in /usr/share/emacs/site-lisp/elpa/eglot-*; do
  [ -e "$dir/eglot.el" ] && eglot_args=(-L "$dir")
done
if [ ${#eglot_args[@]} -eq 0 ] && ! emacs -Q --batch --eval "(require 'eglot)" >/dev/null 2>&1; then
  loud "eglot is missing: the Emacs test did NOT run"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/vraagbaak-editors.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The server's index cache and the seed copies that go to definition opens.
export VRAAGBAAK_CACHE_DIR="$work/cache"
failed=()

echo "== editors: static checks"
cp editors/emacs/vraag-mode.el "$work/"
emacs -Q --batch "${eglot_args[@]}" --eval '(setq byte-compile-error-on-warn t)' \
  -f batch-byte-compile "$work/vraag-mode.el" || failed+=("vraag-mode.el byte-compile")
python3 editors/tests/check_files.py || failed+=("editor files")

run() { # name, command...
  local name=$1; shift
  local t0=$SECONDS
  echo "== editors: $name"
  if timeout 90 "$@"; then
    echo "-- $name: passed ($((SECONDS - t0)) s)"
  else
    local status=$?
    [ $status -eq 124 ] && echo "-- $name: TIMED OUT after 90 s"
    echo "-- $name: FAILED (status $status)"
    failed+=("$name")
  fi
}
# Each editor gets its own folder of draft copies (they edit them).
mkdir -p "$work/nvim" "$work/emacs"
cp examples/numbering.vraag examples/clean.vraag "$work/nvim/"
cp examples/numbering.vraag examples/clean.vraag "$work/emacs/"
run "neovim" nvim --headless --clean -u NONE -i NONE -n \
  -c "luafile $root/editors/tests/neovim_test.lua" "$work/nvim/numbering.vraag"
run "emacs" emacs -Q --batch "${eglot_args[@]}" \
  -l "$root/editors/tests/emacs_test.el" "$work/emacs/numbering.vraag"
# Text as people write it (issue 14): a pasted draft and its plain twin, a quick fix,
# fixAll twice; on copies of editors/tests/drafts.
mkdir -p "$work/nvim-text" "$work/emacs-text"
cp editors/tests/drafts/* "$work/nvim-text/"
cp editors/tests/drafts/* "$work/emacs-text/"
run "neovim (text)" nvim --headless --clean -u NONE -i NONE -n \
  -c "luafile $root/editors/tests/neovim_text_test.lua" "$work/nvim-text/plain.vraag"
run "emacs (text)" emacs -Q --batch "${eglot_args[@]}" \
  -l "$root/editors/tests/emacs_text_test.el" "$work/emacs-text/plain.vraag"

echo "== editors: $((SECONDS - started)) s in all"
if [ ${#failed[@]} -gt 0 ]; then
  loud "FAILED: ${failed[*]}"
fi
echo "editors: all passed"
