#!/usr/bin/env bash
# Starts (or stops) what the services need, without Docker: a real Kafka broker in KRaft mode,
# run from the Kafka jars on Maven Central, and a PostgreSQL server from the machine's own
# binaries (Debian's postgresql package). All state lives in one data folder, kept across runs.
#
#   deploy/local/infra.sh start    # prints the environment to give the services
#   deploy/local/infra.sh stop     # stops exactly the processes it started, by PID
#   deploy/local/infra.sh status
#
# Settings: STANCEWATCH_DATA (default .local in the repository), KAFKA_PORT (9092),
# PG_PORT (5432).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${STANCEWATCH_DATA:-$root/.local}
kafka_port=${KAFKA_PORT:-9092}
controller_port=$((kafka_port + 1))
pg_port=${PG_PORT:-5432}
mkdir -p "$data"

log() { printf '%s\n' "$*" >&2; }

running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for_port() { # port seconds what
  for _ in $(seq 1 $(($2 * 5))); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  log "$3 did not open port $1 within $2 s"; return 1
}

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    log "No PostgreSQL server binaries found. Install them with: apt-get install -y postgresql"
    exit 1
  fi
  echo "$dir"
}

as_postgres() { # runs a command as the postgres user when we are root (initdb refuses root)
  if [ "$(id -u)" = 0 ]; then
    (cd /tmp && su postgres -s /bin/sh -c "$*")
  else
    sh -c "$*"
  fi
}

start_kafka() {
  local dir=$data/kafka pid=$data/kafka/broker.pid
  if running "$pid"; then log "Kafka already running (pid $(cat "$pid"))"; return; fi
  mkdir -p "$dir"
  if [ ! -d "$dir/lib" ]; then
    log "Resolving the Kafka broker's jars from Maven Central..."
    "$root/mvnw" -B -q -f "$root/deploy/local/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$dir/lib"
  fi
  cat > "$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$controller_port
listeners=PLAINTEXT://127.0.0.1:$kafka_port,CONTROLLER://127.0.0.1:$controller_port
advertised.listeners=PLAINTEXT://127.0.0.1:$kafka_port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
PROPS
  if [ ! -f "$dir/cluster.id" ]; then
    java -cp "$dir/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn kafka.tools.StorageTool random-uuid > "$dir/cluster.id"
  fi
  java -Xmx512m -cp "$dir/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn kafka.tools.StorageTool format \
    --standalone --ignore-formatted -t "$(cat "$dir/cluster.id")" -c "$dir/server.properties" >/dev/null
  nohup java ${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m} -XX:+UseG1GC -Djava.awt.headless=true \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=info -Dorg.slf4j.simpleLogger.showDateTime=true \
    -Dorg.slf4j.simpleLogger.log.kafka.log=warn -Dorg.slf4j.simpleLogger.log.org.apache.kafka.storage=warn \
    -cp "$dir/lib/*" kafka.Kafka "$dir/server.properties" > "$dir/broker.log" 2>&1 &
  echo $! > "$pid"
  wait_for_port "$kafka_port" 60 "Kafka"
  log "Kafka running on 127.0.0.1:$kafka_port (pid $(cat "$pid"), log $dir/broker.log)"
}

start_postgres() {
  local dir=$data/postgres bin
  bin=$(pg_bin)
  if [ -f "$dir/pgdata/postmaster.pid" ] && kill -0 "$(head -n 1 "$dir/pgdata/postmaster.pid")" 2>/dev/null; then
    log "PostgreSQL already running (pid $(head -n 1 "$dir/pgdata/postmaster.pid"))"; return
  fi
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  if [ ! -f "$dir/pgdata/PG_VERSION" ]; then
    as_postgres "'$bin/initdb' -D '$dir/pgdata' -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8" >/dev/null
  fi
  as_postgres "'$bin/pg_ctl' -D '$dir/pgdata' -l '$dir/server.log' -o \"-p $pg_port -k '$dir' -c listen_addresses=127.0.0.1\" -w start" >/dev/null
  as_postgres "'$bin/psql' -X -q -v ON_ERROR_STOP=1 -h '$dir' -p $pg_port -U postgres -d postgres" <<'SQL'
SELECT 'CREATE ROLE stancewatch LOGIN' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'stancewatch')\gexec
ALTER ROLE stancewatch WITH LOGIN PASSWORD 'stancewatch';
SELECT 'CREATE DATABASE stancewatch_ingest OWNER stancewatch' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'stancewatch_ingest')\gexec
SELECT 'CREATE DATABASE stancewatch_alert OWNER stancewatch' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'stancewatch_alert')\gexec
SQL
  log "PostgreSQL running on 127.0.0.1:$pg_port (databases stancewatch_ingest and stancewatch_alert, role stancewatch)"
}

stop_all() {
  local pid=$data/kafka/broker.pid bin
  if running "$pid"; then
    kill "$(cat "$pid")"
    for _ in $(seq 1 150); do running "$pid" || break; sleep 0.2; done
    log "Kafka stopped"
  fi
  rm -f "$pid"
  if [ -f "$data/postgres/pgdata/postmaster.pid" ]; then
    bin=$(pg_bin)
    as_postgres "'$bin/pg_ctl' -D '$data/postgres/pgdata' -m fast -w stop" >/dev/null && log "PostgreSQL stopped"
  fi
}

case "${1:-start}" in
  start)
    start_kafka
    start_postgres
    cat <<ENV
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$kafka_port
export DATABASE_USER=stancewatch DATABASE_PASSWORD=stancewatch
export INGEST_DATABASE_URL=jdbc:postgresql://127.0.0.1:$pg_port/stancewatch_ingest
export ALERT_DATABASE_URL=jdbc:postgresql://127.0.0.1:$pg_port/stancewatch_alert
ENV
    ;;
  stop) stop_all ;;
  status)
    running "$data/kafka/broker.pid" && echo "kafka: running (pid $(cat "$data/kafka/broker.pid"))" || echo "kafka: stopped"
    [ -f "$data/postgres/pgdata/postmaster.pid" ] && echo "postgres: running" || echo "postgres: stopped"
    ;;
  *) log "usage: $0 start|stop|status"; exit 2 ;;
esac
