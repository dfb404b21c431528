#!/usr/bin/env bash
# Which parts of Assay's Spark plans would NOT run on a GPU? Runs three audits with the RAPIDS
# Accelerator in explainOnly mode (works on a CPU-only machine): the demo (fairness + drift), the
# RAG demo (llm family) and a privacy audit of COMPAS (quasi-identifiers + the PII scan). Lists,
# per audit, every operator and expression the plugin reports as staying on the CPU, and exits 1
# when one of them is outside the allow-list (scripts/gpu-plan-allow.txt: one extended regular
# expression a line, each with the reason in a comment above it).
#
#   scripts/gpu-plan-check.sh            the three audits
#   scripts/gpu-plan-check.sh SPEC...    these specs instead
#
# The jar (about 550 MB) is fetched once with `mvn dependency:copy` into ~/.m2 (its parent POM is
# not on Maven Central, so `dependency:get` fails) and reused from there: ASSAY_RAPIDS_JAR points
# at another copy, ASSAY_RAPIDS_VERSION picks another release (default 26.08.1, cuda13).
# Exit: 0 only the allow-list, 1 something else stays on the CPU, 2 setup failed, 3 an audit failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${ASSAY_RAPIDS_VERSION:-26.08.1}"
artifact="com.nvidia:rapids-4-spark_2.13:$version:jar:cuda13"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
jar="${ASSAY_RAPIDS_JAR:-$m2/com/nvidia/rapids-4-spark_2.13/$version/rapids-4-spark_2.13-$version-cuda13.jar}"
allow="$here/scripts/gpu-plan-allow.txt"
out="$here/target/gpu-plan-check"
mkdir -p "$out"

if [ ! -s "$jar" ]; then
  echo "gpu-plan-check: fetching $artifact (about 550 MB) into $m2 ..." >&2
  if ! (cd "$out" && mvn -B -q -Dstyle.color=never -Dmaven.repo.local="$m2" dependency:copy \
        -Dartifact="$artifact" -DoutputDirectory="$out/jar" >"$out/fetch.log" 2>&1); then
    echo "gpu-plan-check: could not fetch $artifact; see $out/fetch.log" >&2
    exit 2
  fi
  # dependency:copy resolves into the local repository; fall back to its output folder
  [ -s "$jar" ] || jar="$out/jar/rapids-4-spark_2.13-$version-cuda13.jar"
  rm -f "$out"/jar/*.jar.tmp
fi
[ -s "$jar" ] || { echo "gpu-plan-check: no jar at $jar" >&2; exit 2; }

if [ "$#" -gt 0 ]; then
  specs=("$@")
else
  compas="$here/src/test/resources/datasets/compas/compas-scores-two-years.csv.gz"
  cat >"$out/compas-privacy.yaml" <<EOF
version: 1
name: compas-privacy
data:
  current: {path: "$compas", format: csv}
privacy:
  quasi_identifiers: [age_cat, race, sex]
  sensitive_attribute: c_charge_degree
  pii_columns: [c_charge_desc, vr_charge_desc]
EOF
  specs=("$here/datasets/demo/audit.yaml" "$here/datasets/rag-demo/audit.yaml" "$out/compas-privacy.yaml")
fi

patterns="$out/allow.patterns"
grep -vE '^[[:space:]]*(#|$)' "$allow" >"$patterns"
status=0
for spec in "${specs[@]}"; do
  name="$(basename "$(dirname "$spec")")"
  [ "$name" = gpu-plan-check ] && name="$(basename "$spec" .yaml)"
  dir="$out/$name"
  mkdir -p "$dir"
  set +e
  ASSAY_RAPIDS_JAR="$jar" "$here/submit.sh" "$spec" --gpu --master 'local[2]' --out "$dir/report" \
    --conf spark.rapids.sql.mode=explainOnly --conf spark.rapids.sql.explain=NOT_ON_GPU \
    >"$dir/run.log" 2>&1
  code=$?
  set -e
  if [ "$code" -gt 1 ]; then
    echo "gpu-plan-check: the audit $spec failed (exit $code); see $dir/run.log" >&2
    tail -n 20 "$dir/run.log" >&2
    exit 3
  fi
  # one line per operator/expression: "!Exec <X> cannot run on GPU because ..." and "@Expression <Y> ..."
  sed -E 's/^.*(WARN|INFO) [A-Za-z]+: //; s/^[[:space:]]*//' "$dir/run.log" \
    | grep -E "cannot run on GPU|will not run on GPU|could not be replaced|not supported" \
    | sort | uniq -c | sort -rn >"$dir/not-on-gpu.txt" || true
  grep -vE -f "$patterns" "$dir/not-on-gpu.txt" >"$dir/outside-allow-list.txt" || true
  echo "== $name ($spec): $(wc -l <"$dir/not-on-gpu.txt") distinct reports of parts staying on the CPU"
  if [ -s "$dir/outside-allow-list.txt" ]; then
    status=1
    echo "  outside the allow-list (count, report):"
    sed 's/^/  /' "$dir/outside-allow-list.txt"
  else
    echo "  only the allow-list"
  fi
done
[ "$status" -eq 0 ] && echo "gpu-plan-check: every plan runs on the GPU but for the allow-list"
exit "$status"
