#!/usr/bin/env bash
# Integration check: the demo audit on a real standalone cluster (scripts/local-cluster.sh, two
# workers on 127.0.0.1) through ./submit.sh --master, against the embedded run: results.json must
# be byte-identical, and both must exit 1 (the demo's gate closes). Run by .ci/run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
out="target/cluster-check"
rm -rf "$out"

set +e
./submit.sh datasets/demo/audit.yaml --out "$out/embedded" >"$out.embedded.log" 2>&1
embedded=$?
set -e

url="$(scripts/local-cluster.sh start)"
trap 'scripts/local-cluster.sh stop' EXIT
set +e
SPARK_HOME="$here/target/local-cluster/spark-home" \
  ./submit.sh datasets/demo/audit.yaml --master "$url" --out "$out/cluster" >"$out.cluster.log" 2>&1
cluster=$?
set -e

if [ "$embedded" -ne 1 ] || [ "$cluster" -ne 1 ]; then
  echo "cluster-check: expected exit 1 from both runs, got embedded=$embedded cluster=$cluster" >&2
  tail -n 30 "$out.cluster.log" >&2
  exit 1
fi
if ! cmp -s "$out/embedded/results.json" "$out/cluster/results.json"; then
  echo "cluster-check: results.json differs between embedded and cluster runs:" >&2
  diff "$out/embedded/results.json" "$out/cluster/results.json" | head -n 40 >&2
  exit 1
fi
grep -q '"spark_master": "spark://127.0.0.1' "$out/cluster/manifest.json" \
  || { echo "cluster-check: the cluster run's manifest does not name the cluster master" >&2; exit 1; }
echo "cluster-check: embedded and standalone-cluster runs gave byte-identical results.json ($url)"
