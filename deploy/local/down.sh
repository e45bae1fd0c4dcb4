#!/usr/bin/env bash
# Stops exactly what deploy/local/up.sh started, by the PIDs it wrote to the data folder: the demo
# programs, the three services, then Kafka and PostgreSQL (infra.sh stop). The data stays; the
# next up.sh carries on from it. To start from scratch, remove the data folder after down.sh.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export STANCEWATCH_DATA=${STANCEWATCH_DATA:-$root/.local}
data=$STANCEWATCH_DATA

# A PID file can outlive its process, and the number can be reused: only a process whose
# command line names what we started is stopped.
stop() { # name, what its command line contains
  local file=$data/pids/$1.pid pid
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
    kill "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      kill -9 "$pid"
      echo "$1 (pid $pid) did not stop within 30 s and was killed"
    else
      echo "$1 (pid $pid) stopped"
    fi
  fi
  rm -f "$file"
}

stop demo-receiver DemoReceiver.java
stop demo-feeds DemoFeeds.java
for name in alert-service extract-service ingest-service; do
  stop "$name" "$name.jar"
done
"$here/infra.sh" stop
