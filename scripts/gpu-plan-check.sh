#!/usr/bin/env bash
# Which parts of an audit's Spark plans would NOT run on a GPU? Runs the audit (default: the
# demo) with the RAPIDS Accelerator in explainOnly mode, which works on a CPU-only machine, and
# lists every operator and expression the plugin reports as staying on the CPU.
# Not part of the default test run: the plugin jar is about 550 MB.
#
#   scripts/gpu-plan-check.sh [SPEC]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spec="${1:-$here/datasets/demo/audit.yaml}"
version="${ASSAY_RAPIDS_VERSION:-26.08.1}"
jar="${ASSAY_RAPIDS_JAR:-$HOME/.m2/repository/com/nvidia/rapids-4-spark_2.13/$version/rapids-4-spark_2.13-$version-cuda13.jar}"
if [ ! -f "$jar" ]; then
  echo "gpu-plan-check: fetching the RAPIDS Accelerator $version (about 550 MB) ..." >&2
  mvn -B -q -Dstyle.color=never dependency:get -Dtransitive=false -Dartifact="com.nvidia:rapids-4-spark_2.13:$version:jar:cuda13" >&2
fi
out="$here/target/gpu-plan-check"
mkdir -p "$out"
set +e
ASSAY_RAPIDS_JAR="$jar" "$here/submit.sh" "$spec" --gpu --master 'local[2]' --out "$out/report" \
  --conf spark.rapids.sql.mode=explainOnly --conf spark.rapids.sql.explain=NOT_ON_GPU \
  >"$out/run.log" 2>&1
code=$?
set -e
if [ "$code" -gt 1 ]; then
  echo "gpu-plan-check: the audit failed (exit $code); see $out/run.log" >&2
  tail -n 20 "$out/run.log" >&2
  exit "$code"
fi
grep -E "cannot run on GPU|will not run on GPU|could not be replaced|not supported" "$out/run.log" \
  | sed -E 's/^.*(WARN|INFO) [A-Za-z]+: //; s/^[[:space:]]*//' | sort | uniq -c | sort -rn >"$out/not-on-gpu.txt" || true
if [ -s "$out/not-on-gpu.txt" ]; then
  echo "gpu-plan-check: parts of the plans that would stay on the CPU (count, reason):"
  cat "$out/not-on-gpu.txt"
else
  echo "gpu-plan-check: every operator of the audit's plans would run on the GPU"
  grep -c "GPU" "$out/run.log" | sed 's/^/  (RAPIDS log lines: /; s/$/)/'
fi
