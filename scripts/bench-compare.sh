#!/usr/bin/env bash
# Runs the benchmark of the current checkout at 1M rows for the rows that the baseline in
# docs/performance.md ("Executor CPU at 1M rows — before the analyzer-engine refactor") holds, so
# a later build can be compared with it: compare the "CPU s" and "CPU÷scan" columns (executor CPU
# from Spark's task metrics), not the wall seconds, which move with the other load on the machine.
#
#   scripts/bench-compare.sh [RUNS]       (default 2 runs, one after the other)
#
# Environment: BENCH_ROWS (default 1000000), BENCH_DIR (default target/bench, the bench's own default; set it to
# one folder outside both checkouts to compare two builds on the same generated files; the data is
# generated there once per size and reused), BENCH_ONLY (default the baseline's rows).
# Builds the jar first (offline, then online if a dependency is missing). Each run prints the
# commit, the date, the load average before and after, and the table; the whole output is also
# saved to target/bench-compare-<commit>-<time>.txt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-2}"
rows="${BENCH_ROWS:-1000000}"
dir="${BENCH_DIR:-target/bench}"
only="${BENCH_ONLY:-scan,scan-all,scan-text,fairness,drift,privacy,llm}"

cd "$here"
mvn -B -q -o -Dstyle.color=never package -DskipTests || mvn -B -q -Dstyle.color=never package -DskipTests
mkdir -p "$dir" target
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo '+changes')"
log="target/bench-compare-$commit-$(date -u +%Y%m%dT%H%M%SZ).txt"

for run in $(seq 1 "$runs"); do
  {
    echo "== run $run of $runs: commit $commit, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "load before: $(uptime)"
    ./submit.sh bench --rows "$rows" --only "$only" --dir "$dir"
    echo "load after:  $(uptime)"
    echo
  } 2>&1 | tee -a "$log"
done
echo "saved in $log"
