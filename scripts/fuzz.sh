#!/usr/bin/env bash
# Fuzzes Vraagbaak's input paths with libFuzzer (swiftc -sanitize=fuzzer,address).
#
#   scripts/fuzz.sh [HARNESS...]          all harnesses when none is named
#
#   FUZZ_RUNS=1000000   executions per harness (libFuzzer -runs)
#   FUZZ_TIMEOUT=10     seconds one input may take before it counts as a hang
#   FUZZ_MAX_LEN=4096   largest input libFuzzer makes up (seeds may be larger)
#   FUZZ_JOBS=1         harnesses run at the same time
#   FUZZ_DIR=.build-fuzz  build folder, working corpora, crash artefacts, logs
#
# Harnesses (sources in Fuzz/<name>/main.swift):
#   JSONRPCFuzz     FrameParser + MessageDecoder (whole vs chunked reads must agree)
#   ServerFuzz      stdin bytes -> Connection -> LanguageServer (seed corpus)
#   QuestionFuzz    Question.parse on any bytes (ranges in bounds, pure function)
#   CorpusFuzz      TextDecoding.decode -> parse -> record -> index -> cache round trip
#   IndexCacheFuzz  IndexCache.load on corrupt payloads behind a valid checksum
#   CacheHeaderFuzz IndexCache.load on whole files: no, partial or valid header, any size claims
#   ConfigurationFuzz  the configuration decoder from every source, then the checks it configures
#
# Each module under Sources/ is compiled once, instrumented, as its own Swift module
# (-enable-testing, so harnesses may `@testable import`), then linked with a harness.
# Every harness first replays the saved crash inputs in
# Tests/ReliabilityTests/Regressions/<name>/, then fuzzes starting from Fuzz/corpus/<name>/
# (recorded LSP traffic and texts), seeds/ and examples/. New inputs libFuzzer finds stay
# in $FUZZ_DIR/work/<name>/ (not committed); crashes, hangs and OOMs go to
# $FUZZ_DIR/artifacts/<name>/. Exit status: 0 when no harness found anything.
set -euo pipefail
export SWIFT_BACKTRACE=enable=no   # libFuzzer prints the stack; the Swift backtracer only slows crashes down
cd "$(dirname "$0")/.."

RUNS=${FUZZ_RUNS:-1000000}
TIMEOUT=${FUZZ_TIMEOUT:-10}
MAX_LEN=${FUZZ_MAX_LEN:-4096}
JOBS=${FUZZ_JOBS:-1}
DIR=${FUZZ_DIR:-.build-fuzz}
ALL=(JSONRPCFuzz ServerFuzz QuestionFuzz CorpusFuzz IndexCacheFuzz CacheHeaderFuzz ConfigurationFuzz)
HARNESSES=("$@")
[ ${#HARNESSES[@]} -eq 0 ] && HARNESSES=("${ALL[@]}")

mkdir -p "$DIR/modules" "$DIR/bin"
FLAGS=(-O -sanitize=fuzzer,address -enable-testing -swift-version 6 -parse-as-library -package-name Vraagbaak -I "$DIR/modules")

# Modules in dependency order, with what each harness links.
MODULES=(JSONRPC LSP SourceText QuestionModel Corpus Checks Analysis Server)
needs() {
  case "$1" in
    JSONRPCFuzz) echo "JSONRPC" ;;
    QuestionFuzz) echo "SourceText QuestionModel" ;;
    CorpusFuzz|IndexCacheFuzz|CacheHeaderFuzz) echo "SourceText QuestionModel Corpus" ;;
    ConfigurationFuzz) echo "SourceText QuestionModel Corpus Checks Analysis" ;;
    ServerFuzz) echo "${MODULES[*]}" ;;
    *) echo "unknown harness $1" >&2; exit 2 ;;
  esac
}

# Modules each module imports (as in Package.swift).
deps() {
  case "$1" in
    LSP) echo "JSONRPC" ;;
    QuestionModel) echo "SourceText" ;;
    Corpus) echo "SourceText QuestionModel" ;;
    Checks) echo "SourceText QuestionModel Corpus" ;;
    Analysis) echo "SourceText QuestionModel Corpus Checks" ;;
    Server) echo "JSONRPC LSP SourceText QuestionModel Corpus Checks Analysis" ;;
  esac
}

build_module() {
  local module=$1 object="$DIR/modules/$1.o" stale=""
  # Rebuilt when missing, or older than one of its sources or of a module it imports.
  [ -f "$object" ] || stale=yes
  [ -n "$stale" ] || [ -z "$(find "Sources/$module" -name '*.swift' -newer "$object")" ] || stale=yes
  for dep in $(deps "$module"); do [ -n "$stale" ] || [ ! "$DIR/modules/$dep.o" -nt "$object" ] || stale=yes; done
  [ -n "$stale" ] || return 0
  echo "== compiling module $module"
  swiftc "${FLAGS[@]}" -module-name "$module" -wmo -c \
    -emit-module -emit-module-path "$DIR/modules/$module.swiftmodule" \
    -o "$object" $(find "Sources/$module" -name '*.swift' | sort) 2> "$DIR/modules/$module.log" \
    || { cat "$DIR/modules/$module.log"; exit 1; }
  touch "$object"
}

# Test sources a harness shares with the tests that replay its regressions.
shared_sources() {
  case $1 in
    IndexCacheFuzz|CacheHeaderFuzz) echo "Tests/ReliabilityTests/CorruptCache.swift" ;;
  esac
}

build_harness() {
  local name=$1 objects=() bin="$DIR/bin/$1" stale="" sources
  sources=("Fuzz/$name/main.swift" $(shared_sources "$name"))
  for module in $(needs "$name"); do objects+=("$DIR/modules/$module.o"); done
  for source in "${sources[@]}"; do [ -f "$bin" ] && [ ! "$source" -nt "$bin" ] || stale=yes; done
  for object in "${objects[@]}"; do [ -n "$stale" ] || [ ! "$object" -nt "$bin" ] || stale=yes; done
  [ -n "$stale" ] || return 0
  echo "== linking harness $name"
  swiftc "${FLAGS[@]}" -module-name "$name" "${sources[@]}" "${objects[@]}" \
    -o "$DIR/bin/$name" 2> "$DIR/bin/$name.log" \
    || { grep -v "Cannot export local symbol" "$DIR/bin/$name.log"; exit 1; }
}

# One build at a time, even when several fuzz.sh run side by side.
exec 9> "$DIR/build.lock"
flock 9
wanted_modules=()
for name in "${HARNESSES[@]}"; do for module in $(needs "$name"); do wanted_modules+=("$module"); done; done
for module in "${MODULES[@]}"; do
  if printf '%s\n' "${wanted_modules[@]}" | grep -qx "$module"; then build_module "$module"; fi
done
for name in "${HARNESSES[@]}"; do build_harness "$name"; done
flock -u 9

seed_dirs() {
  local name=$1
  echo "Fuzz/corpus/$name"
  case "$name" in
    QuestionFuzz|CorpusFuzz) echo "seeds"; echo "examples" ;;
    IndexCacheFuzz) echo "$DIR/seeds/IndexCacheFuzz" ;;
  esac
}

run_one() {
  local name=$1 bin="$DIR/bin/$1" work="$DIR/work/$1" artifacts="$DIR/artifacts/$1/" log="$DIR/logs/$1.log"
  mkdir -p "$work" "$artifacts" "$DIR/logs" "Fuzz/corpus/$name"
  if [ "$name" = IndexCacheFuzz ]; then
    mkdir -p "$DIR/seeds/IndexCacheFuzz"
    VRAAGBAAK_FUZZ_WRITE_SEEDS="$DIR/seeds/IndexCacheFuzz" "$bin" -runs=1 "$DIR/seeds/IndexCacheFuzz" > /dev/null 2>&1 || true
  fi
  local regressions="Tests/ReliabilityTests/Regressions/$name"
  if [ -d "$regressions" ] && [ -n "$(ls -A "$regressions")" ]; then
    "$bin" -timeout="$TIMEOUT" -runs=1 "$regressions"/* > "$DIR/logs/$name.regressions.log" 2>&1 \
      || { echo "$name: a saved regression input fails (see $DIR/logs/$name.regressions.log)"; return 1; }
  fi
  local started=$SECONDS status=0
  "$bin" -runs="$RUNS" -timeout="$TIMEOUT" -max_len="$MAX_LEN" -rss_limit_mb=4096 \
    -artifact_prefix="$artifacts" -print_final_stats=1 \
    "$work" $(seed_dirs "$name") > "$log" 2>&1 || status=$?
  local seconds=$((SECONDS - started))
  local executions
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  local crashes hangs ooms
  crashes=$(find "$artifacts" -name 'crash-*' -newer "$bin" | wc -l)
  hangs=$(find "$artifacts" -name 'timeout-*' -newer "$bin" | wc -l)
  ooms=$(find "$artifacts" -name 'oom-*' -newer "$bin" | wc -l)
  printf '%-15s executions %10s  crashes %s  hangs %s  ooms %s  time %ss  exit %s\n' \
    "$name" "${executions:-?}" "$crashes" "$hangs" "$ooms" "$seconds" "$status" | tee -a "$DIR/logs/summary.txt"
  [ "$status" -eq 0 ]
}

echo "== fuzzing ${HARNESSES[*]}: $RUNS runs each, timeout ${TIMEOUT}s, max_len $MAX_LEN"
failed=0
if [ "$JOBS" -gt 1 ]; then
  pids=()
  for name in "${HARNESSES[@]}"; do
    run_one "$name" & pids+=($!)
    while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do sleep 1; done
  done
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
else
  for name in "${HARNESSES[@]}"; do run_one "$name" || failed=1; done
fi
[ "$failed" -eq 0 ] && echo "== no crashes, hangs or OOMs" || echo "== findings: see $DIR/artifacts/ and $DIR/logs/"
exit "$failed"
