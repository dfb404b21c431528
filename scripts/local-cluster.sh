#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 from the project's own dependency jars (no Spark
# download): a master and two workers (1 core, 2 GB each).
#
#   scripts/local-cluster.sh start    # prints the master URL (spark://127.0.0.1:PORT)
#   scripts/local-cluster.sh stop
#   scripts/local-cluster.sh url
#
# State (SPARK_HOME with jars/, logs, pids) lives in target/local-cluster/.
# Ports: ASSAY_CLUSTER_PORT (default 7177), web UIs on 8180-8182.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="$here/target/local-cluster"
port="${ASSAY_CLUSTER_PORT:-7177}"
url="spark://127.0.0.1:$port"
export SPARK_HOME="$state/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
flags=(
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
)

jars() {
  if [ ! -d "$SPARK_HOME/jars" ] || [ "$here/pom.xml" -nt "$SPARK_HOME/jars" ]; then
    echo "local-cluster: copying the runtime jars into $SPARK_HOME/jars ..." >&2
    rm -rf "$SPARK_HOME/jars"
    mkdir -p "$SPARK_HOME/jars"
    (cd "$here" && mvn -B -q -Dstyle.color=never dependency:copy-dependencies -DincludeScope=compile \
        -DoutputDirectory="$SPARK_HOME/jars" && mvn -B -q -Dstyle.color=never \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$SPARK_HOME/jars") >/dev/null
  fi
}

daemon() { # name, class, args...
  local name="$1"; shift
  local class="$1"; shift
  nohup java "${flags[@]}" -Xmx1g -cp "$SPARK_HOME/jars/*" "$class" "$@" \
    >"$state/$name.log" 2>&1 &
  echo $! >"$state/$name.pid"
}

wait_for() { # log file, pattern, seconds
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "local-cluster: timed out waiting for '$2' in $1" >&2
  tail -n 20 "$1" >&2
  return 1
}

stop() {
  for name in worker-2 worker-1 master; do
    if [ -f "$state/$name.pid" ]; then
      kill "$(cat "$state/$name.pid")" 2>/dev/null || true
      rm -f "$state/$name.pid"
    fi
  done
}

case "${1:-}" in
  start)
    mkdir -p "$state"
    jars
    stop
    daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 8180
    wait_for "$state/master.log" "Starting Spark master" 60
    wait_for "$state/master.log" "I have been elected leader" 60
    for i in 1 2; do
      daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 2g \
        --webui-port $((8180 + i)) --work-dir "$state/work-$i" "$url"
    done
    wait_for "$state/worker-1.log" "Successfully registered with master" 60
    wait_for "$state/worker-2.log" "Successfully registered with master" 60
    echo "$url"
    ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
