#!/usr/bin/env bash
# Executor loss: start the local standalone cluster (two workers), run an audit over a larger
# generated data set, kill the worker whose executor is running a task of the audit, and require
# results.json to be byte-identical to an embedded run of the same audit. Spark must re-run the
# lost tasks on the surviving worker; the one-scan design makes that invisible in the numbers.
#
#   scripts/executor-loss-check.sh [ROWS]     (default 3000000)
#
# Exit 0 when the results are identical, 1 when they differ (or the exit codes do), 75 when the
# kill missed (no task was caught running: timing, not a defect). .ci/run retries only on 75.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
rows="${1:-3000000}"
out="target/executor-loss"
data="$out/data"
mkdir -p "$out"

if [ ! -f "$data/current.parquet" ]; then
  ./submit.sh demo-data "$data" --rows "$rows" >/dev/null
fi
sed -e 's/^name: .*/name: executor-loss/' datasets/demo/audit.yaml >"$data/audit.yaml"

set +e
./submit.sh "$data/audit.yaml" --out "$out/embedded" >"$out/embedded.log" 2>&1
embedded=$?
set -e

url="$(scripts/local-cluster.sh start)"
trap 'scripts/local-cluster.sh stop' EXIT
state="$here/target/local-cluster"

SPARK_HOME="$state/spark-home" ./submit.sh "$data/audit.yaml" --master "$url" --out "$out/cluster" \
  >"$out/cluster.log" 2>&1 &
audit=$!

# Wait for a task to start on an executor, then kill the worker that hosts that executor (and the
# executor itself: a worker killed with SIGKILL cannot stop its children).
victim=""
for _ in $(seq 1 600); do
  app=$(grep -oE "app-[0-9]+-[0-9]+" "$out/cluster.log" 2>/dev/null | head -n 1 || true)
  started=$(grep -oE "Starting task [0-9.]+ in stage [0-9.]+ \(TID [0-9]+\) \(127\.0\.0\.1, ?executor [0-9]+" \
    "$out/cluster.log" 2>/dev/null | tail -n 1 || true)
  tid=$(echo "$started" | grep -oE "TID [0-9]+" | grep -oE "[0-9]+" || true)
  exec_id=$(echo "$started" | grep -oE "[0-9]+$" || true)
  # Only a task that is still running counts: kill mid-task, not between tasks.
  if [ -n "$tid" ] && grep -qE "Finished task .*\(TID $tid\)" "$out/cluster.log"; then
    exec_id=""
  fi
  if [ -n "$app" ] && [ -n "$exec_id" ]; then
    for i in 1 2; do
      if [ -d "$state/work-$i/$app/$exec_id" ]; then victim=$i; fi
    done
    [ -n "$victim" ] && break
  fi
  sleep 0.1
done
if [ -z "$victim" ]; then
  echo "executor-loss-check: no task was seen starting on an executor" >&2
  wait "$audit" || true
  exit 75
fi
kill -9 "$(cat "$state/worker-$victim.pid")"
pkill -9 -f -- "--executor-id $exec_id .*--app-id $app" 2>/dev/null || true
echo "executor-loss-check: killed worker-$victim (executor $exec_id) while the audit ran" >&2

set +e
wait "$audit"
cluster=$?
set -e
if [ "$embedded" -ne "$cluster" ]; then
  echo "executor-loss-check: exit codes differ: embedded $embedded, cluster $cluster" >&2
  tail -n 30 "$out/cluster.log" >&2
  exit 1
fi
grep -qE "Lost task .*TID $tid\)|\(TID $tid\) failed because" "$out/cluster.log" \
  || { echo "executor-loss-check: task $tid was not lost (it finished before the kill); try more rows" >&2; exit 75; }
if ! cmp -s "$out/embedded/results.json" "$out/cluster/results.json"; then
  echo "executor-loss-check: results.json differs after executor loss:" >&2
  diff "$out/embedded/results.json" "$out/cluster/results.json" | head -n 40 >&2
  exit 1
fi
echo "executor-loss-check: worker-$victim killed mid-run; results.json byte-identical to the embedded run"
