#!/usr/bin/env bash
# Integration check: the demo audit on a real standalone cluster (scripts/local-cluster.sh, two
# workers on 127.0.0.1) through ./submit.sh --master, against the embedded run: results.json must
# be byte-identical, and both must exit 1 (the demo's gate closes). The cluster run also passes
# spark-submit's own options through submit.sh (--name, --executor-memory, --total-executor-cores),
# and the master must have run the application with them. Run by .ci/run.
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
  ./submit.sh datasets/demo/audit.yaml --master "$url" --out "$out/cluster" \
    --name assay-cluster-check --executor-memory 900m --total-executor-cores 2 >"$out.cluster.log" 2>&1
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
# The master's JSON status (web UI port 8180) lists the finished application with its settings.
apps="$(curl -fsS http://127.0.0.1:8180/json/)"
python3 - "$apps" <<'PY' || { echo "cluster-check: the spark-submit options did not reach the cluster" >&2; exit 1; }
import json, sys
apps = [a for a in json.loads(sys.argv[1]).get("completedapps", []) if a.get("name") == "assay-cluster-check"]
assert apps, "no completed application named assay-cluster-check"
app = apps[-1]
assert app.get("memoryperexecutor", app.get("memoryperslave")) == 900, app
assert app.get("cores") == 2, app
PY
echo "cluster-check: embedded and standalone-cluster runs gave byte-identical results.json ($url)"
