#!/usr/bin/env bash
# Fairlearn's MetricFrame and Assay, side by side, on the same generated CSV (issue 21).
#
#   scripts/fairlearn-compare.sh [ROWS ...]        default: 1000000 10000000
#
# For each size: generates (once, under target/fairlearn-compare/) a CSV of ROWS binary decisions
# over 6 races x 2 sexes (label, prediction, race, sex; a fixed seed), then times, end to end,
#   - Fairlearn: MetricFrame over race, sex and race x sex with selection rate, true and false
#     positive rates, accuracy and count, then the differences and ratios between groups; run only
#     when python3 can import pandas and fairlearn (otherwise it says so and skips that side);
#   - Assay: ./submit.sh on a spec with the same columns (sensitive: [race, sex], intersection
#     [race, sex]): the same rates plus Assay's other fairness metrics, and all five output files.
# and prints both wall times and their ratio. Both sides read the CSV from disk and start their
# runtime (Python, or the JVM and Spark) inside the timed command.
# Then the same audit on a warm driver (./submit.sh serve, started once, given one untimed audit of
# the same spec first): ./submit.sh SPEC --server SOCKET, timed end to end from the client's start,
# with its ratio; COMPARE_SERVE=0 leaves this column out.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${COMPARE_DIR:-$here/target/fairlearn-compare}"
mkdir -p "$dir"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 10000000)

python_ok=""
if command -v python3 >/dev/null 2>&1 \
   && python3 -c 'import pandas, fairlearn' >/dev/null 2>&1; then
  python_ok=1
  echo "Fairlearn $(python3 -c 'import fairlearn; print(fairlearn.__version__)'), pandas $(python3 -c 'import pandas; print(pandas.__version__)')"
else
  echo "NOTE: Fairlearn side SKIPPED: python3 with pandas and fairlearn is not available here"
  echo "      (pip install pandas fairlearn, then run this script again). Assay is still timed."
fi
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load average/load average/')"

# Seconds of wall time of a command, its output to a log.
timed() {
  local log="$1"; shift
  local start end
  start=$(date +%s.%N)
  set +e
  "$@" >"$log" 2>&1
  local rc=$?
  set -e
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l | xargs printf '%.1f'
  return $rc
}

serve="${COMPARE_SERVE:-1}"
socket="$dir/serve.sock"
if [ "$serve" != 0 ]; then
  "$here/submit.sh" serve --socket "$socket" >"$dir/server.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  for _ in $(seq 600); do [ -S "$socket" ] && break; sleep 0.2; done
  [ -S "$socket" ] || { echo "the Assay server did not start: see $dir/server.log" >&2; exit 3; }
fi

printf '\n%12s %14s %12s %8s %16s %8s\n' rows "Fairlearn s" "Assay s" ratio "Assay served s" ratio
for rows in "${sizes[@]}"; do
  csv="$dir/decisions-$rows.csv"
  if [ ! -f "$csv" ]; then
    # a linear congruential generator: the same file on every machine, no dependency
    awk -v n="$rows" 'BEGIN {
      srand(42); print "race,sex,label,prediction";
      split("White,Black,Asian,Hispanic,Native,Other", race, ",");
      for (i = 0; i < n; i++) {
        r = race[int(rand() * 6) + 1]; s = rand() < 0.5 ? "F" : "M";
        y = rand() < 0.45 ? 1 : 0;
        p_pos = (y == 1 ? 0.75 : 0.2) * (r == "Black" ? 0.8 : 1.0);
        print r "," s "," y "," (rand() < p_pos ? 1 : 0);
      } }' >"$csv.tmp"
    mv "$csv.tmp" "$csv"
  fi
  spec="$dir/audit-$rows.yaml"
  cat >"$spec" <<YAML
version: 1
name: fairlearn-compare-$rows
data: {current: {path: decisions-$rows.csv}}
columns:
  label: label
  prediction: prediction
  positive: 1
  favourable: 1
  sensitive: [race, sex]
  intersections: [[race, sex]]
YAML
  fair="-"
  if [ -n "$python_ok" ]; then
    fair=$(timed "$dir/fairlearn-$rows.log" python3 - "$csv" <<'PY'
import sys
import pandas as pd
from fairlearn.metrics import (MetricFrame, count, selection_rate, true_positive_rate,
                               false_positive_rate)
from sklearn.metrics import accuracy_score
df = pd.read_csv(sys.argv[1])
metrics = {"selection_rate": selection_rate, "tpr": true_positive_rate,
           "fpr": false_positive_rate, "accuracy": accuracy_score, "count": count}
for features in (["race"], ["sex"], ["race", "sex"]):
    mf = MetricFrame(metrics=metrics, y_true=df["label"], y_pred=df["prediction"],
                     sensitive_features=df[features])
    print(mf.by_group, mf.difference(), mf.ratio())
PY
    ) || { echo "Fairlearn failed at $rows rows: see $dir/fairlearn-$rows.log" >&2; fair="-"; }
  fi
  # the first audit after a build dumps submit.sh's class-data archive (+7-12 s of CPU): untimed
  if [ -z "${warmed:-}" ]; then
    "$here/submit.sh" "$spec" --out "$dir/report-$rows" >"$dir/warm-up.log" 2>&1 || true
    warmed=1
  fi
  assay=$(timed "$dir/assay-$rows.log" "$here/submit.sh" "$spec" --out "$dir/report-$rows") \
    || { echo "Assay failed at $rows rows: see $dir/assay-$rows.log" >&2; exit 3; }
  ratio="-"
  [ "$fair" != "-" ] && ratio=$(echo "$fair / $assay" | bc -l | xargs printf '%.1fx')
  served="-"
  served_ratio="-"
  if [ "$serve" != 0 ]; then
    "$here/submit.sh" "$spec" --server "$socket" --out "$dir/served-$rows" >"$dir/served-warm-up.log" 2>&1 || true
    served=$(timed "$dir/served-$rows.log" "$here/submit.sh" "$spec" --server "$socket" --out "$dir/served-$rows") \
      || { echo "Assay served failed at $rows rows: see $dir/served-$rows.log" >&2; exit 3; }
    cmp -s "$dir/report-$rows/results.json" "$dir/served-$rows/results.json" \
      || { echo "the served results.json differs from the cold run's at $rows rows" >&2; exit 3; }
    [ "$fair" != "-" ] && served_ratio=$(echo "$fair / $served" | bc -l | xargs printf '%.1fx')
  fi
  printf '%12s %14s %12s %8s %16s %8s\n' "$rows" "$fair" "$assay" "$ratio" "$served" "$served_ratio"
done
echo "load after: $(uptime | sed 's/.*load average/load average/')"
