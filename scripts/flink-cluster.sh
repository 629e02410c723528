#!/usr/bin/env bash
# A real Flink 1.19 standalone session cluster on 127.0.0.1, made of Maven Central jars only (the Flink
# distribution tarball is not on Maven Central): one JobManager and N TaskManagers, each its own JVM.
#
#   scripts/flink-cluster.sh start            JobManager + $FLINK_TASKMANAGERS (2) TaskManagers, waits until ready
#   scripts/flink-cluster.sh status           processes and the REST overview
#   scripts/flink-cluster.sh stop             stops every JVM this script started
#   scripts/flink-cluster.sh add-taskmanager  starts one more TaskManager (e.g. to replace a lost one)
#   scripts/flink-cluster.sh kill-taskmanager N   SIGKILLs TaskManager N (failure drills)
#
# Submit with:  ./newsbeam --runner=FlinkRunner --flinkMaster=127.0.0.1:8081 --parallelism=2 ...
#
# Environment: FLINK_CLUSTER_DIR (state, config, logs; default target/flink-cluster), FLINK_REST_PORT (8081),
# FLINK_RPC_PORT (6123), FLINK_TASKMANAGERS (2), FLINK_CLUSTER_CLASSPATH (file with the class path; default
# runners/target/flink-cluster.classpath, built with Maven when missing).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${FLINK_CLUSTER_DIR:-$here/target/flink-cluster}"
rest_port="${FLINK_REST_PORT:-8081}"
rpc_port="${FLINK_RPC_PORT:-6123}"
taskmanagers="${FLINK_TASKMANAGERS:-2}"
cp_file="${FLINK_CLUSTER_CLASSPATH:-$here/runners/target/flink-cluster.classpath}"
rest="http://127.0.0.1:$rest_port"

# Flink on Java 17 serialises JDK collections with Kryo and reflects into NIO: the flags flink-dist sets.
add_opens=(
  --add-opens=java.base/java.lang=ALL-UNNAMED
  --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED
  --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.text=ALL-UNNAMED
  --add-opens=java.base/java.time=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-exports=java.base/sun.net.util=ALL-UNNAMED
  --add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED
  --add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED
)

classpath() {
  if [ ! -s "$cp_file" ]; then
    echo "flink-cluster: resolving Flink's jars into $cp_file ..." >&2
    (cd "$here" && mvn -B -q -Prunners -pl runners -am generate-resources) >&2
  fi
  cat "$cp_file"
}

write_config() {
  mkdir -p "$dir/conf" "$dir/log" "$dir/tmp"
  # Started without flink-dist's scripts, nothing derives the TaskManager's memory layout or CPU from a
  # total: every component is set explicitly. DataSet batch shuffles need more network buffers than the
  # defaults: the pipeline runs as one region of ~270 tasks per slot, and each blocking (sort-merge) output
  # reserves taskmanager.network.sort-shuffle.min-buffers (512 by default, 16 MB) while it runs; at 512,
  # 192 MB held only 12 at once and jobs failed over and over for buffers (CI ran out of restarts);
  # at 64 (2 MB) 96 fit, and the testdata job runs without a failover.
  # The restart strategy lets a job survive a lost TaskManager once a replacement registers.
  cat > "$dir/conf/flink-conf.yaml" <<EOF
jobmanager.rpc.address: 127.0.0.1
jobmanager.rpc.port: $rpc_port
jobmanager.bind-host: 127.0.0.1
jobmanager.memory.process.size: 1024m
jobmanager.memory.heap.size: 512m
jobmanager.memory.off-heap.size: 128m
jobmanager.memory.jvm-metaspace.size: 256m
jobmanager.memory.jvm-overhead.min: 128m
jobmanager.memory.jvm-overhead.max: 128m
rest.address: 127.0.0.1
rest.bind-address: 127.0.0.1
rest.port: $rest_port
blob.server.port: 0
taskmanager.host: 127.0.0.1
taskmanager.bind-host: 127.0.0.1
taskmanager.rpc.port: 0
taskmanager.data.port: 0
taskmanager.numberOfTaskSlots: 1
taskmanager.cpu.cores: 1.0
taskmanager.memory.framework.heap.size: 128m
taskmanager.memory.task.heap.size: 768m
taskmanager.memory.managed.size: 192m
taskmanager.memory.framework.off-heap.size: 128m
taskmanager.memory.task.off-heap.size: 64m
taskmanager.memory.network.min: 192m
taskmanager.memory.network.max: 192m
taskmanager.memory.jvm-metaspace.size: 256m
taskmanager.memory.jvm-overhead.min: 192m
taskmanager.memory.jvm-overhead.max: 192m
taskmanager.network.memory.buffers-per-channel: 4
taskmanager.network.memory.floating-buffers-per-gate: 16
taskmanager.network.sort-shuffle.min-buffers: 64
parallelism.default: 2
restart-strategy.type: fixed-delay
restart-strategy.fixed-delay.attempts: 10
restart-strategy.fixed-delay.delay: 2 s
jobmanager.execution.failover-strategy: region
heartbeat.interval: 2000
heartbeat.timeout: 10000
slot.request.timeout: 120000
io.tmp.dirs: $dir/tmp
web.submit.enable: false
EOF
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

start_jvm() { # name main-class heap-args...
  local name="$1" main="$2"
  shift 2
  local cp
  cp="$(classpath)"
  nohup java "$@" "${add_opens[@]}" -Dlog.file="$dir/log/$name.log" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true \
    -cp "$cp" "$main" --configDir "$dir/conf" > "$dir/log/$name.out" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

overview() { curl -sf --max-time 5 "$rest/overview"; }

registered_taskmanagers() {
  overview | sed -n 's/.*"taskmanagers":\([0-9]*\).*/\1/p'
}

wait_for_taskmanagers() { # count
  local want="$1"
  for _ in $(seq 1 180); do
    local n
    n="$(registered_taskmanagers || true)"
    if [ -n "$n" ] && [ "$n" -ge "$want" ]; then
      return 0
    fi
    sleep 1
  done
  echo "flink-cluster: only ${n:-0} of $want TaskManagers registered; see $dir/log" >&2
  return 1
}

next_tm_index() {
  local i=1
  while [ -f "$dir/taskmanager-$i.pid" ] || [ -f "$dir/taskmanager-$i.pid.killed" ]; do i=$((i + 1)); done
  echo "$i"
}

start_taskmanager() {
  local i
  i="$(next_tm_index)"
  # heap = framework + task heap; direct memory = framework + task off-heap + network (as flink-dist computes)
  start_jvm "taskmanager-$i" org.apache.flink.runtime.taskexecutor.TaskManagerRunner \
    -Xmx896m -Xms896m -XX:MaxDirectMemorySize=384m -XX:MaxMetaspaceSize=256m
  echo "flink-cluster: TaskManager $i pid $(cat "$dir/taskmanager-$i.pid")"
}

live_taskmanagers() {
  local n=0 f
  for f in "$dir"/taskmanager-*.pid; do
    [ -e "$f" ] || continue
    if alive "$f"; then n=$((n + 1)); fi
  done
  echo "$n"
}

cmd="${1:-status}"
case "$cmd" in
  start)
    if alive "$dir/jobmanager.pid"; then
      echo "flink-cluster: already running (JobManager pid $(cat "$dir/jobmanager.pid")); stop it first" >&2
      exit 1
    fi
    if curl -s --max-time 2 -o /dev/null "$rest/overview"; then
      echo "flink-cluster: something already answers on $rest" >&2
      exit 1
    fi
    rm -f "$dir"/*.pid
    write_config
    start_jvm jobmanager org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint \
      -Xmx512m -Xms512m -XX:MaxMetaspaceSize=256m
    echo "flink-cluster: JobManager pid $(cat "$dir/jobmanager.pid"), REST $rest"
    for _ in $(seq 1 "$taskmanagers"); do start_taskmanager; done
    wait_for_taskmanagers "$taskmanagers"
    echo "flink-cluster: ready, $taskmanagers TaskManagers; submit with --flinkMaster=127.0.0.1:$rest_port"
    ;;
  add-taskmanager)
    before="$(live_taskmanagers)"
    start_taskmanager
    wait_for_taskmanagers "$((before + 1))"
    ;;
  kill-taskmanager)
    f="$dir/taskmanager-${2:?which TaskManager (1, 2, ...)}.pid"
    alive "$f" || { echo "flink-cluster: TaskManager $2 is not running" >&2; exit 1; }
    kill -9 "$(cat "$f")"
    echo "flink-cluster: killed TaskManager $2 (pid $(cat "$f"))"
    mv "$f" "$f.killed"
    ;;
  status)
    for f in "$dir"/jobmanager.pid "$dir"/taskmanager-*.pid; do
      [ -e "$f" ] || continue
      name="$(basename "$f" .pid)"
      if alive "$f"; then echo "$name: running (pid $(cat "$f"))"; else echo "$name: dead"; fi
    done
    overview && echo || { echo "flink-cluster: no REST endpoint at $rest"; exit 1; }
    ;;
  stop)
    for f in "$dir"/taskmanager-*.pid "$dir"/jobmanager.pid; do
      [ -e "$f" ] || continue
      pid="$(cat "$f")"
      if kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
      fi
      rm -f "$f"
    done
    rm -f "$dir"/*.pid.killed
    echo "flink-cluster: stopped"
    ;;
  *)
    echo "usage: $0 start|status|stop|add-taskmanager|kill-taskmanager N" >&2
    exit 2
    ;;
esac
