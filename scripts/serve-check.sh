#!/usr/bin/env bash
# Integration check of the warm driver (docs/contract.md, `serve`), as the README shows it in a CI
# job: `./submit.sh serve` in the background, then the demo audit three times through
# `./submit.sh SPEC --server SOCKET` from another folder. Every run must exit 1 (the demo's gate
# closes), write its report in the caller's folder and give a results.json byte-identical to a
# cold run's; TERM must stop the server and remove its socket. Prints each run's wall seconds
# (figures, not a test). Options that belong to the server (spark-submit's, --master, a --conf
# outside spark.sql.*) must be exit 2 beside --server. Run by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="$here/target/serve-check"
rm -rf "$out"
mkdir -p "$out/caller"
socket="$out/serve.sock"

set +e
./submit.sh datasets/demo/audit.yaml --out "$out/cold" -q >"$out/cold.log" 2>&1
cold=$?
set -e
[ "$cold" -eq 1 ] || { echo "serve-check: the cold demo audit exited $cold, not 1" >&2; exit 1; }

./submit.sh serve --socket "$socket" >"$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 600); do
  [ -S "$socket" ] && break
  kill -0 $server 2>/dev/null || { cat "$out/server.log" >&2; exit 1; }
  sleep 0.2
done
[ -S "$socket" ] || { echo "serve-check: no socket after 120 s" >&2; cat "$out/server.log" >&2; exit 1; }

for run in 1 2 3; do
  start=$(date +%s.%N)
  set +e
  (cd "$out/caller" && "$here/submit.sh" "$here/datasets/demo/audit.yaml" --server "$socket" \
    --out "run$run" >"$out/run$run.log" 2>&1)
  code=$?
  set -e
  end=$(date +%s.%N)
  printf 'serve-check: served demo audit %d: exit %d, %.1f s wall\n' "$run" "$code" \
    "$(echo "$end - $start" | bc -l)"
  if [ "$code" -ne 1 ]; then
    echo "serve-check: expected exit 1, got $code" >&2
    cat "$out/run$run.log" "$out/server.log" >&2
    exit 1
  fi
  grep -qx 'Gate closed: exit 1.' "$out/run$run.log" \
    || { echo "serve-check: the verdict lines did not reach the client" >&2; exit 1; }
  cmp "$out/cold/results.json" "$out/caller/run$run/results.json" \
    || { echo "serve-check: a served results.json differs from the cold run's" >&2; exit 1; }
done

# Options that belong to the server are refused, not dropped: exit 2 with a message.
for extra in "--executor-memory 1g" "--master local[2]" "--conf spark.executor.cores=1"; do
  set +e
  # shellcheck disable=SC2086 # each extra is an option and its value
  ./submit.sh datasets/demo/audit.yaml --server "$socket" $extra >"$out/refused.log" 2>&1
  code=$?
  set -e
  if [ "$code" -ne 2 ] || ! grep -q "serve" "$out/refused.log"; then
    echo "serve-check: '$extra' beside --server should be exit 2 naming serve, got $code:" >&2
    cat "$out/refused.log" >&2
    exit 1
  fi
done

kill -TERM $server
wait $server || true
trap - EXIT
[ ! -e "$socket" ] || { echo "serve-check: the server left its socket behind" >&2; exit 1; }
echo "serve-check: three served audits gave the cold run's results.json; the server stopped cleanly."
