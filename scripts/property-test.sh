#!/usr/bin/env bash
# The long run of the edit-script property test (Tests/ReliabilityTests/EditScriptPropertyTests.swift):
# random edit scripts through EditableText against an independent model, and
# Question.parse of the edited text against a fresh parse.
#
#   scripts/property-test.sh [SCRIPTS [SEED]]     default 10000 scripts, the test's fixed seed
#
# `swift test` runs the same test with 300 scripts. Prints the figures line
# ("property: N scripts, M edits, ... mismatches ...") and fails on any mismatch.
set -euo pipefail
cd "$(dirname "$0")/.."
export VRAAGBAAK_PROPERTY_SCRIPTS=${1:-10000}
[ $# -ge 2 ] && export VRAAGBAAK_PROPERTY_SEED=$2
SCRATCH=${SCRATCH_PATH:-.build-rel}
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
status=0
swift test --scratch-path "$SCRATCH" --filter 'ReliabilityTests.EditScriptPropertyTests' > "$LOG" 2>&1 || status=$?
grep -E "^property:|error:|Executed" "$LOG" | sort -u
[ "$status" -eq 0 ] && grep -q "^property: .*text mismatches 0, line index mismatches 0, parse mismatches 0" "$LOG"
