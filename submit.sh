#!/usr/bin/env bash
# Run Assay.
#
#   ./submit.sh SPEC [options]          run one audit (same as: ./submit.sh audit SPEC [options])
#   ./submit.sh rules validate rules/   any other assay command
#
# Without SPARK_HOME and without --master, Assay runs on an embedded local[*] Spark, building the
# jar first when it is missing or older than the sources. With SPARK_HOME or --master it hands off
# to spark-submit (or to org.apache.spark.deploy.SparkSubmit from the jars when SPARK_HOME has no
# bin/spark-submit), with the shaded jar and the right --class.
#
# spark-submit's own options (--executor-memory, --num-executors, --executor-cores,
# --deploy-mode, --packages, --jars, --files, --keytab/--principal, --queue, --driver-memory ...)
# go to spark-submit; everything else goes to Assay. Assay's --conf key=value sets Spark settings
# in every mode. Given without --master or SPARK_HOME, spark-submit options run Assay through
# SparkSubmit on local[*].
#
# --gpu adds the RAPIDS Accelerator (jar in ASSAY_RAPIDS_JAR) and its plugin settings.
#
# ./submit.sh serve keeps a warm driver running; ./submit.sh SPEC --server SOCKET hands the audit to
# it from a small client JVM (docs/contract.md, `serve`).
#
# Environment: ASSAY_DRIVER_MEMORY (embedded heap, default 4g), SPARK_LOCAL_IP (default
# 127.0.0.1 in embedded mode), ASSAY_HOME (where rules/ is found; default: this folder).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export ASSAY_HOME="${ASSAY_HOME:-$here}"
version="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$here/pom.xml" | head -n 1)"
jar="$here/target/assay-$version.jar"
shaded="$here/target/assay-$version-spark.jar"
classpath_file="$here/target/classpath-runtime.txt"
spark_classpath_file="$here/target/classpath-provided.txt"
main_class="dev.assay.cli.Main"
jvm_flags=(
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
)

# A first argument that is not a command is a spec: run it as an audit.
case "${1:-}" in
  audit|rules|demo-data|bench|verify|schema|history|serve|-h|--help|-V|--version) args=("$@") ;;
  ""|help) args=(--help) ;;
  *) args=(audit "$@") ;;
esac

# spark-submit's options that take a value, and those that take none (spark-submit --help, Spark
# 4.2). --conf, --class, --verbose and --help are not here: --conf and --help belong to Assay, and
# --class is always Assay's main class.
spark_value_options=" --deploy-mode --name --jars --packages --exclude-packages --repositories
  --py-files --files --archives --properties-file --driver-memory --driver-java-options
  --driver-library-path --driver-class-path --executor-memory --proxy-user --driver-cores
  --total-executor-cores --executor-cores --num-executors --principal --keytab --queue "
spark_flag_options=" --supervise "

# Find --master, --gpu and spark-submit's options among the arguments; spark-submit takes them.
master=""
gpu=""
app_args=()
spark_opts=()
i=0
while [ $i -lt ${#args[@]} ]; do
  a="${args[$i]}"
  name="${a%%=*}"
  case "$a" in
    --master) master="${args[$((i + 1))]:-}"; i=$((i + 2)); continue ;;
    --master=*) master="${a#--master=}" ;;
    --gpu) gpu=1 ;;
    --*)
      if [[ "$spark_value_options" == *" $name "* ]]; then
        if [ "$name" != "$a" ]; then
          spark_opts+=("$name" "${a#*=}")
        elif [ $((i + 1)) -ge ${#args[@]} ]; then
          echo "assay: error: $a needs a value (it is a spark-submit option)" >&2
          exit 2
        else
          spark_opts+=("$a" "${args[$((i + 1))]}"); i=$((i + 2)); continue
        fi
      elif [[ "$spark_flag_options" == *" $a "* ]]; then
        spark_opts+=("$a")
      else
        app_args+=("$a")
      fi ;;
    *) app_args+=("$a") ;;
  esac
  i=$((i + 1))
done

build_if_needed() {
  if [ ! -f "$jar" ] || [ ! -f "$shaded" ] || [ ! -f "$classpath_file" ] || [ ! -f "$spark_classpath_file" ] \
     || [ -n "$(find "$here/src/main" "$here/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "assay: building the jar (first run, or sources changed) ..." >&2
    log="$(mktemp)"
    if ! (cd "$here" && mvn -B -q -Dstyle.color=never -DskipTests package) >"$log" 2>&1; then
      cat "$log" >&2; rm -f "$log"
      echo "assay: the build failed (see above)" >&2
      exit 3
    fi
    rm -f "$log"
  fi
}

build_if_needed

# An audit handed to an `assay serve` driver (--server SOCKET): this JVM only sends the command line
# and prints the answer, so it starts small, never through spark-submit, and stays out of the
# class-data archive. --master goes to the server, which refuses it (exit 2) rather than ignore it.
for a in ${app_args[@]+"${app_args[@]}"}; do
  case "$a" in
    --server|--server=*)
      if [ ${#spark_opts[@]} -gt 0 ] || [ -n "$gpu" ]; then
        echo "assay: error: spark-submit options and --gpu belong to the server: give them to ./submit.sh serve" >&2
        exit 2
      fi
      [ -n "$master" ] && app_args+=(--master "$master")
      exec java "${jvm_flags[@]}" -Xshare:auto -XX:TieredStopAtLevel=1 -Xmx256m \
        -cp "$jar:$(cat "$classpath_file"):$(cat "$spark_classpath_file")" "$main_class" "${app_args[@]}" ;;
  esac
done

if { [ -n "$gpu" ] || [ ${#spark_opts[@]} -gt 0 ]; } && [ -z "$master" ] && [ -z "${SPARK_HOME:-}" ]; then
  master="local[*]"
fi

if [ -z "${SPARK_HOME:-}" ] && [ -z "$master" ]; then
  export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
  log_conf=()
  [ -z "${ASSAY_VERBOSE:-}" ] && log_conf=(-Dlog4j2.configurationFile=dev/assay/log4j2-embedded.properties)
  # JVM flags of the embedded driver (docs/performance.md, "CI gate, third pass"): an audit of
  # small or mid-sized data is mostly the driver's fixed costs, and the JVM's own work on them
  # (loading and verifying Spark's classes, C2-compiling code that runs a few times) was about half
  # of its CPU. ASSAY_JVM_OPTIONS replaces these flags (empty: none). An application class-data
  # archive (AppCDS) of the classes an audit loads, dumped at the end of the first audit after a
  # build (target/assay-VERSION.jsa) and mapped by every later run. (Raising C2's thresholds or C1
  # only cut more CPU but cost wall time on the demo or 10M rows: not taken, see the doc.)
  cp="$jar:$(cat "$classpath_file"):$(cat "$spark_classpath_file")"
  jsa="$here/target/assay-$version.jsa"
  if [ -n "${ASSAY_JVM_OPTIONS+set}" ]; then
    read -r -a perf_flags <<<"$ASSAY_JVM_OPTIONS"
    exec java "${jvm_flags[@]}" "${log_conf[@]}" ${perf_flags[@]+"${perf_flags[@]}"} \
      -Xmx"${ASSAY_DRIVER_MEMORY:-4g}" -cp "$cp" "$main_class" "${app_args[@]}"
  fi
  # An audit whose inputs are local files of at most ASSAY_C1_INPUT_BYTES (default 32 MiB; 0: never)
  # keeps C2 out once the spec is read (dev.assay.cli.SmallInputJit; "CI gate, fifth pass").
  perf_flags=(-Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off
    -Dassay.jit.c1InputBytes="${ASSAY_C1_INPUT_BYTES:-33554432}")
  if [ -f "$jsa" ] && [ "$jsa" -nt "$jar" ] && [ "$jsa" -nt "$classpath_file" ]; then
    exec java "${jvm_flags[@]}" "${log_conf[@]}" "${perf_flags[@]}" -XX:SharedArchiveFile="$jsa" \
      -Xmx"${ASSAY_DRIVER_MEMORY:-4g}" -cp "$cp" "$main_class" "${app_args[@]}"
  fi
  if [ "${app_args[0]:-}" != audit ]; then
    exec java "${jvm_flags[@]}" "${log_conf[@]}" "${perf_flags[@]}" \
      -Xmx"${ASSAY_DRIVER_MEMORY:-4g}" -cp "$cp" "$main_class" "${app_args[@]}"
  fi
  # the first audit after a build dumps the archive; kept only when the audit ran to a verdict
  tmp_jsa="$jsa.$$.tmp"
  set +e
  java "${jvm_flags[@]}" "${log_conf[@]}" "${perf_flags[@]}" -XX:ArchiveClassesAtExit="$tmp_jsa" \
    -Xmx"${ASSAY_DRIVER_MEMORY:-4g}" -cp "$cp" "$main_class" "${app_args[@]}"
  rc=$?
  set -e
  if { [ $rc -eq 0 ] || [ $rc -eq 1 ]; } && [ -s "$tmp_jsa" ]; then
    mv -f "$tmp_jsa" "$jsa"
  else
    rm -f "$tmp_jsa"
  fi
  exit $rc
fi

submit_args=(--class "$main_class")
[ -n "$master" ] && submit_args+=(--master "$master")
# The user's --driver-java-options come after the flags Spark needs on Java 17.
# --jars joins --gpu's RAPIDS jar; --driver-memory also sizes the launching JVM when there is no
# bin/spark-submit (client mode runs the driver in that JVM).
driver_java_options="${jvm_flags[*]}"
jars=""
driver_memory="${ASSAY_DRIVER_MEMORY:-4g}"
forwarded=()
j=0
while [ $j -lt ${#spark_opts[@]} ]; do
  case "${spark_opts[$j]}" in
    --driver-java-options) driver_java_options+=" ${spark_opts[$((j + 1))]}"; j=$((j + 2)); continue ;;
    --jars) jars="${jars:+$jars,}${spark_opts[$((j + 1))]}"; j=$((j + 2)); continue ;;
    --driver-memory) driver_memory="${spark_opts[$((j + 1))]}" ;;
  esac
  forwarded+=("${spark_opts[$j]}")
  j=$((j + 1))
done
submit_args+=(${forwarded[@]+"${forwarded[@]}"})
submit_args+=(--driver-java-options "$driver_java_options"
  --conf "spark.executor.extraJavaOptions=${jvm_flags[*]}"
  --conf "spark.driverEnv.ASSAY_HOME=$ASSAY_HOME")

# --gpu: the RAPIDS Accelerator (its jar in ASSAY_RAPIDS_JAR), one GPU per executor. Add
# --conf spark.rapids.sql.mode=explainOnly to see, on a CPU machine, what would not run on a GPU.
if [ -n "$gpu" ]; then
  if [ -z "${ASSAY_RAPIDS_JAR:-}" ] || [ ! -f "$ASSAY_RAPIDS_JAR" ]; then
    echo "assay: --gpu needs ASSAY_RAPIDS_JAR, the path of rapids-4-spark_2.13-26.08.x-cuda13.jar" \
      "(mvn dependency:get -Dtransitive=false -Dartifact=com.nvidia:rapids-4-spark_2.13:26.08.1:jar:cuda13)" >&2
    exit 2
  fi
  jars="${jars:+$jars,}$ASSAY_RAPIDS_JAR"
  submit_args+=(--conf spark.plugins=com.nvidia.spark.SQLPlugin
    --conf spark.rapids.sql.enabled=true
    --conf spark.rapids.sql.explain=NOT_ON_GPU)
  case "$master" in
    local*) ;;
    *) submit_args+=(--conf spark.executor.resource.gpu.amount=1
         --conf spark.task.resource.gpu.amount=0.25
         --conf "spark.executor.resource.gpu.discoveryScript=$here/scripts/gpu-discovery.sh") ;;
  esac
fi

[ -n "$jars" ] && submit_args+=(--jars "$jars")

if [ -n "${SPARK_HOME:-}" ] && [ -x "$SPARK_HOME/bin/spark-submit" ]; then
  exec "$SPARK_HOME/bin/spark-submit" "${submit_args[@]}" "$shaded" "${app_args[@]}"
fi

# No Spark distribution: SparkSubmit from SPARK_HOME/jars, or from the project's own classpath.
if [ -n "${SPARK_HOME:-}" ] && [ -d "$SPARK_HOME/jars" ]; then
  spark_cp="$SPARK_HOME/jars/*"
else
  spark_cp="$(cat "$spark_classpath_file"):$(cat "$classpath_file")"
fi
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-2.13}"
exec java "${jvm_flags[@]}" -Xmx"$driver_memory" -cp "$spark_cp" \
  org.apache.spark.deploy.SparkSubmit "${submit_args[@]}" "$shaded" "${app_args[@]}"
