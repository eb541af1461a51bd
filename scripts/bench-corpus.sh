#!/usr/bin/env bash
# The corpus benchmark of issue 4, end to end: generates N synthetic questions
# (default 100,000) outside the repository, measures Vraagbaak's index build, cache
# reopen, memory and search latency, then the same queries on SQLite FTS5, and
# prints both latencies with their ratio.
#   scripts/bench-corpus.sh [N] [QUERIES]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-100000}
queries=${2:-500}
corpus=${VRAAGBAAK_BENCH_CORPUS:-/tmp/vraagbaak-corpus-$count}
swift build -c release --product vraagbaak-generate >/dev/null
swift build -c release --product vraagbaak-bench >/dev/null
bin=$(swift build -c release --show-bin-path)
if [ ! -d "$corpus" ]; then
  "$bin/vraagbaak-generate" --count "$count" --seed 1 --output "$corpus"
fi
out=$(mktemp)
"$bin/vraagbaak-bench" corpus --corpus "$corpus" --queries "$queries" --queries-out "$out.jsonl" | tee "$out"
python3 scripts/bench_fts5.py --corpus "$corpus" --queries "$out.jsonl" | tee -a "$out"
python3 - "$out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
ours = re.search(r"^search top-10 .*p50 ([\d.]+) ms, p99 ([\d.]+) ms", text, re.M)
fts = re.search(r"^fts5 search top-10 .*p50 ([\d.]+) ms, p99 ([\d.]+) ms", text, re.M)
if ours and fts:
    print(f"ratio (FTS5 / Vraagbaak): p50 {float(fts[1]) / float(ours[1]):.1f}x, p99 {float(fts[2]) / float(ours[2]):.1f}x")
PY
rm -f "$out" "$out.jsonl"
