#!/usr/bin/env bash
# Which parts of Assay's Spark plans would NOT run on a GPU? Runs four audits with the RAPIDS
# Accelerator in explainOnly mode (works on a CPU-only machine), in ONE JVM on one Spark session
# (dev.assay.cli.GpuPlanCheck) and on small samples of their data (the plans, not the data, are
# what is checked): the demo (fairness + drift, 3,000 generated rows a side), the RAG demo (llm
# family and embedding drift, its 200 records a side), a privacy audit of COMPAS (quasi-identifiers
# + the PII scan, the first 500 rows) and one of the same rows with a numeric sensitive attribute
# (t-closeness as the ordered EMD), then a probe: SQL queries (scripts/gpu-plan-probes/) that write the
# llm family's remaining Java work as SQL, to record what the plugin does with them. Lists, per audit, every operator and expression the plugin reports as staying on
# the CPU and exits 1 when one of them is neither in the allow-list (scripts/gpu-plan-allow.txt, for
# every audit) nor a known exception of that audit (scripts/gpu-plan-known/NAME.txt, each entry
# pointing to the issue that tracks it). Both files: one extended regular expression a line, with
# the reason in a comment above it.
#
#   scripts/gpu-plan-check.sh            the four audits
#   scripts/gpu-plan-check.sh SPEC...    these specs instead (whole data; name: the spec's folder)
#
# The jar (about 550 MB) is fetched once with `mvn dependency:copy` into the local Maven
# repository (~/.m2, or MAVEN_REPO), which is the cache between runs (its parent POM is not on Maven
# Central, so `dependency:get` fails); ASSAY_RAPIDS_JAR points at another copy,
# ASSAY_RAPIDS_VERSION picks another release (default 26.08.1, cuda13).
# Exit: 0 only the allow-list and known exceptions, 1 something else stays on the CPU, 2 setup
# failed, 3 an audit failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${ASSAY_RAPIDS_VERSION:-26.08.1}"
artifact="com.nvidia:rapids-4-spark_2.13:$version:jar:cuda13"
m2="${MAVEN_REPO:-$HOME/.m2/repository}"
jar="${ASSAY_RAPIDS_JAR:-$m2/com/nvidia/rapids-4-spark_2.13/$version/rapids-4-spark_2.13-$version-cuda13.jar}"
allow="$here/scripts/gpu-plan-allow.txt"
known_dir="$here/scripts/gpu-plan-known"
out="$here/target/gpu-plan-check"
# ASSAY_GPU_CHECK_REANALYSE=1: only re-read target/gpu-plan-check/run.log (after editing the lists)
reanalyse="${ASSAY_GPU_CHECK_REANALYSE:-}"
[ -n "$reanalyse" ] || rm -rf "$out"
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
fi
[ -s "$jar" ] || { echo "gpu-plan-check: no jar at $jar" >&2; exit 2; }

# Assay's jar and classpath files, built when missing or older than the sources (as submit.sh).
app_version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$here/pom.xml" | head -n 1)"
app_jar="$here/target/assay-$app_version-spark.jar"
if [ ! -f "$app_jar" ] || [ ! -f "$here/target/classpath-runtime.txt" ] \
   || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$app_jar" -print -quit 2>/dev/null)" ]; then
  echo "gpu-plan-check: building Assay's jar ..." >&2
  (cd "$here" && mvn -B -q -Dstyle.color=never -DskipTests package) >"$out/build.log" 2>&1 \
    || { echo "gpu-plan-check: the build failed; see $out/build.log" >&2; exit 2; }
fi

# The audits: NAME=SPEC OUT pairs for GpuPlanCheck (demo-data=DIR ROWS writes the demo sample).
runs=()
if [ "$#" -gt 0 ]; then
  for spec in "$@"; do
    name="$(basename "$(dirname "$(realpath "$spec")")")"
    runs+=("$name=$(realpath "$spec")" "$out/$name/report")
  done
else
  data="$out/data"
  mkdir -p "$data/demo" "$data/rag-demo" "$data/compas-privacy"
  cp "$here/datasets/demo/audit.yaml" "$data/demo/audit.yaml"
  cp "$here/datasets/rag-demo/audit.yaml" "$here/datasets/rag-demo/answers.jsonl" \
    "$here/datasets/rag-demo/reference.jsonl" "$data/rag-demo/"
  zcat "$here/src/test/resources/datasets/compas/compas-scores-two-years.csv.gz" | awk "NR <= 501" \
    >"$data/compas-privacy/compas.csv"
  # a privacy audit of the COMPAS rows: NAME, then the privacy block's lines
  compas_spec() {
    mkdir -p "$data/$1"
    [ -f "$data/$1/compas.csv" ] || cp "$data/compas-privacy/compas.csv" "$data/$1/compas.csv"
    printf 'version: 1\nname: %s\ndata:\n  current: {path: compas.csv, format: csv}\nprivacy:\n' "$1" \
      >"$data/$1/audit.yaml"
    printf '  %s\n' "${@:2}" >>"$data/$1/audit.yaml"
  }
  compas_spec compas-privacy "quasi_identifiers: [age_cat, race, sex]" \
    "sensitive_attribute: c_charge_degree" "pii_columns: [c_charge_desc, vr_charge_desc]"
  # t-closeness of a numeric sensitive attribute (the ordered EMD) over the same rows
  compas_spec compas-numeric "quasi_identifiers: [race, sex, c_charge_degree]" \
    "sensitive_attribute: age"
  runs+=("demo-data=$data/demo" 3000)
  for name in demo rag-demo compas-privacy compas-numeric; do
    runs+=("$name=$data/$name/audit.yaml" "$out/$name/report")
  done
  # the probe: the llm family's Java step written as SQL (docs/gpu.md); its known list is what
  # the plugin is expected to leave on the CPU, so a note says when that changes
  runs+=("llm-fold-probe=$here/scripts/gpu-plan-probes/llm-fold.sql" "$out/llm-fold-probe/report")
fi

# Spark's WARN lines (the plugin's reports among them) on standard error, nothing at INFO.
cat >"$out/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n
LOG

start=$(date +%s)
if [ -z "$reanalyse" ]; then
set +e
# SparkSubmit in this JVM (as submit.sh without SPARK_HOME): the plugin's shims load only from a
# jar given with --jars.
opens="--add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED \
--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED \
--add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
# shellcheck disable=SC2086
ASSAY_VERBOSE=1 SPARK_LOCAL_IP=127.0.0.1 SPARK_SCALA_VERSION=2.13 java $opens -Xmx2g \
  -Dlog4j2.configurationFile="$out/log4j2.properties" \
  -cp "$(cat "$here/target/classpath-provided.txt"):$(cat "$here/target/classpath-runtime.txt")" \
  org.apache.spark.deploy.SparkSubmit --class dev.assay.cli.GpuPlanCheck --master 'local[2]' \
  --driver-java-options "$opens -Dlog4j2.configurationFile=$out/log4j2.properties" \
  --conf spark.ui.enabled=false --conf spark.sql.shuffle.partitions=2 \
  --conf spark.plugins=com.nvidia.spark.SQLPlugin --conf spark.rapids.sql.enabled=true \
  --conf spark.rapids.sql.mode=explainOnly --conf spark.rapids.sql.explain=NOT_ON_GPU \
  --jars "$jar" "$app_jar" "${runs[@]}" >"$out/run.log" 2>&1
code=$?
set -e
else
  code=0
fi
[ -n "$reanalyse" ] || echo "gpu-plan-check: the audits took $(( $(date +%s) - start )) s (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
if [ "$code" -ne 0 ]; then
  echo "gpu-plan-check: the check's JVM failed (exit $code); see $out/run.log" >&2
  tail -n 20 "$out/run.log" >&2
  exit 3
fi

# Each audit's section of the log: from "=== gpu-plan-check: NAME" to "... NAME exit CODE".
status=0
grep -vhE '^[[:space:]]*(#|$)' "$allow" >"$out/allow.patterns"
for ((i = 0; i < ${#runs[@]}; i += 2)); do
  name="${runs[$i]%%=*}"
  [ "$name" = demo-data ] && continue
  dir="$out/$name"
  mkdir -p "$dir"
  awk -v open="=== gpu-plan-check: $name" '$0 == open {on = 1; next} index($0, open " exit ") == 1 {print; on = 0} on' \
    "$out/run.log" >"$dir/run.log"
  audit_code="$(sed -n "s/^=== gpu-plan-check: $name exit //p" "$dir/run.log")"
  if [ -z "$audit_code" ] || [ "$audit_code" -gt 1 ]; then
    echo "gpu-plan-check: the audit $name failed (exit ${audit_code:-none}); see $dir/run.log" >&2
    tail -n 20 "$dir/run.log" >&2
    exit 3
  fi
  # one line per operator/expression: "!Exec <X> cannot run on GPU because ..." and "@Expression <Y> ..."
  sed -E 's/^.*(WARN|INFO) [A-Za-z]+: //; s/^[[:space:]]*//' "$dir/run.log" \
    | grep -E "cannot run on GPU|will not run on GPU|via CPU bridge|could not be replaced|not supported" \
    | sort | uniq -c | sort -rn >"$dir/not-on-gpu.txt" || true
  cp "$out/allow.patterns" "$dir/accepted.patterns"
  known="$known_dir/$name.txt"
  [ -f "$known" ] && grep -vhE '^[[:space:]]*(#|$)' "$known" >"$dir/known.patterns" || : >"$dir/known.patterns"
  cat "$dir/known.patterns" >>"$dir/accepted.patterns"
  grep -vE -f "$dir/accepted.patterns" "$dir/not-on-gpu.txt" >"$dir/outside-allow-list.txt" || true
  echo "== $name: $(wc -l <"$dir/not-on-gpu.txt") distinct reports of parts staying on the CPU"
  if [ -s "$dir/known.patterns" ]; then
    n_known="$(grep -cE -f "$dir/known.patterns" "$dir/not-on-gpu.txt" || true)"
    echo "  $n_known of them known exceptions of this audit ($known, issue 23)"
    while IFS= read -r p; do
      grep -qE -e "$p" "$dir/not-on-gpu.txt" || echo "  note: known exception no longer reported, remove it from $known: $p"
    done <"$dir/known.patterns"
  fi
  if [ -s "$dir/outside-allow-list.txt" ]; then
    status=1
    echo "  outside the allow-list (count, report):"
    sed 's/^/  /' "$dir/outside-allow-list.txt"
  else
    echo "  nothing outside the allow-list"
  fi
done
[ "$status" -eq 0 ] && echo "gpu-plan-check: every plan runs on the GPU but for the allow-list and the known exceptions"
exit "$status"
