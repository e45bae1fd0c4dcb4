#!/usr/bin/env bash
# Runs all of stancewatch on this machine, without Docker: a Kafka broker and PostgreSQL
# (infra.sh), the three services, a demo feed server with an invented news story, and a demo
# subscriber whose alerts are printed in a log as they arrive.
#
#   deploy/local/up.sh            # start (builds the jars first when they are missing or stale)
#   deploy/local/up.sh --follow   # start, then print the alerts as they arrive (Ctrl-C stops following only)
#   deploy/local/down.sh          # stop exactly what up.sh started
#
# Everything lives in one data folder, kept across runs: STANCEWATCH_DATA (default .local in the
# repository). Ports: ALERT_PORT (8080), INGEST_PORT (8081), EXTRACT_PORT (8082), FEEDS_PORT (8090),
# RECEIVER_PORT (8091), KAFKA_PORT (9092 and the next one), PG_PORT (5432). JVM options of the
# services: STANCEWATCH_JAVA_OPTS. The demo story shows one more month every
# DEMO_SECONDS_PER_MONTH (30; 0 shows it all at once).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export STANCEWATCH_DATA=${STANCEWATCH_DATA:-$root/.local}
data=$STANCEWATCH_DATA
alert_port=${ALERT_PORT:-8080}
ingest_port=${INGEST_PORT:-8081}
extract_port=${EXTRACT_PORT:-8082}
feeds_port=${FEEDS_PORT:-8090}
receiver_port=${RECEIVER_PORT:-8091}
export KAFKA_PORT=${KAFKA_PORT:-9092} PG_PORT=${PG_PORT:-5432}
java_opts=${STANCEWATCH_JAVA_OPTS:--Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
services=(ingest-service extract-service alert-service)
follow=false
for arg in "$@"; do
  case $arg in
    --follow|-f) follow=true ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

step() { printf '==> %s\n' "$*"; }
fail() { printf 'up.sh: %s\n' "$*" >&2; exit 1; }
alive() { [ -f "$data/pids/$1.pid" ] && kill -0 "$(cat "$data/pids/$1.pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
follow_alerts() {
  step "Alerts as they arrive ($data/logs/demo-receiver.log); Ctrl-C stops following, not stancewatch"
  exec tail -n +1 -F "$data/logs/demo-receiver.log"
}

command -v java >/dev/null || fail "needs a JDK 17 or newer on the PATH"
java_version=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
[ "${java_version%%.*}" -ge 17 ] 2>/dev/null || fail "needs Java 17 or newer; the java on the PATH is $java_version"
command -v curl >/dev/null || fail "needs curl"
mkdir -p "$data/pids" "$data/logs"

# A second up.sh while stancewatch runs changes nothing.
running=()
for name in "${services[@]}" demo-feeds demo-receiver; do
  alive "$name" && running+=("$name (pid $(cat "$data/pids/$name.pid"))")
done
if [ ${#running[@]} -gt 0 ]; then
  # The ports it runs on are those of the up.sh that started it, not this shell's.
  running_port() { sed -n "s/^$1=//p" "$data/ports" 2>/dev/null | grep . || echo "$2"; }
  echo "stancewatch is already running from $data: ${running[*]}"
  echo "Nothing was changed. Stop it with deploy/local/down.sh."
  echo "  dashboard     http://localhost:$(running_port ALERT_PORT "$alert_port")/"
  echo "  ingest API    http://localhost:$(running_port INGEST_PORT "$ingest_port")/api/feeds"
  echo "  extract API   http://localhost:$(running_port EXTRACT_PORT "$extract_port")/api/extract"
  echo "  alerts        $data/logs/demo-receiver.log"
  $follow && follow_alerts
  exit 0
fi

# The demo subscription was made for one receiver port; keep to it.
if [ -s "$data/demo-receiver.port" ]; then
  saved=$(cat "$data/demo-receiver.port")
  if [ -n "${RECEIVER_PORT:-}" ] && [ "$RECEIVER_PORT" != "$saved" ]; then
    fail "the demo subscription sends to port $saved: use RECEIVER_PORT=$saved, or remove $data/demo-receiver.* for a new one"
  fi
  receiver_port=$saved
fi

ports=("ALERT_PORT=$alert_port" "INGEST_PORT=$ingest_port" "EXTRACT_PORT=$extract_port" "FEEDS_PORT=$feeds_port"
  "RECEIVER_PORT=$receiver_port")
# The broker and the database may already run from this data folder (infra.sh start); else their ports must be free.
[ -f "$data/kafka/broker.pid" ] && kill -0 "$(cat "$data/kafka/broker.pid")" 2>/dev/null \
  || ports+=("KAFKA_PORT=$KAFKA_PORT" "KAFKA_PORT=$((KAFKA_PORT + 1))")
[ -f "$data/postgres/pgdata/postmaster.pid" ] && kill -0 "$(head -n 1 "$data/postgres/pgdata/postmaster.pid")" 2>/dev/null \
  || ports+=("PG_PORT=$PG_PORT")
for pair in "${ports[@]}"; do
  port_open "${pair#*=}" && fail "port ${pair#*=} is taken by another program: choose another with ${pair%=*}=..."
done

# Build the jars when one is missing, or a source or pom changed since up.sh last built them. (File
# times of the jars cannot tell: the build is reproducible, so the executable jars carry a fixed
# date, and Maven leaves a plain jar alone when its classes did not change.)
stamp=$data/build.stamp
build=false
[ -f "$stamp" ] || build=true
for name in "${services[@]}"; do [ -f "$root/$name/target/$name.jar" ] || build=true; done
if ! $build && [ -n "$(find "$root/pom.xml" "$root/contracts" "$root/kafka-support" "${services[@]/#/$root/}" -path '*/target' -prune -o \
  \( -path '*/src/main/*' -o -name pom.xml \) -type f -newer "$stamp" -print | head -n 1)" ]; then
  build=true
fi
if $build; then
  step "Building the service jars (./mvnw package -DskipTests; a first build downloads Maven and the dependencies)"
  touch "$stamp.next"
  (cd "$root" && ./mvnw -B -q -pl "$(IFS=,; echo "${services[*]}")" -am package -DskipTests) \
    || fail "the build failed; see the Maven output above"
  mv "$stamp.next" "$stamp"
else
  step "Service jars are up to date"
fi

step "Starting Kafka and PostgreSQL (deploy/local/infra.sh)"
eval "$("$here/infra.sh" start)"

# The admin key is made once and kept: the newcomer's curl commands keep working across runs.
if [ ! -s "$data/admin.key" ]; then
  (umask 077; head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n' > "$data/admin.key")
fi
admin_key=$(cat "$data/admin.key")

start() { # name, then the command; output to logs/<name>.log, pid to pids/<name>.pid
  local name=$1; shift
  nohup "$@" >"$data/logs/$name.log" 2>&1 &
  echo $! >"$data/pids/$name.pid"
}

step "Starting the three services (logs in $data/logs)"
printf '%s\n' "ALERT_PORT=$alert_port" "INGEST_PORT=$ingest_port" "EXTRACT_PORT=$extract_port" \
  "FEEDS_PORT=$feeds_port" "RECEIVER_PORT=$receiver_port" >"$data/ports"
# shellcheck disable=SC2086 # java_opts is a list of options
PORT=$ingest_port DATABASE_URL=$INGEST_DATABASE_URL start ingest-service \
  java $java_opts -jar "$root/ingest-service/target/ingest-service.jar" \
  --stancewatch.ingest.fetch.allow-private-addresses=true
# shellcheck disable=SC2086
PORT=$extract_port start extract-service java $java_opts -jar "$root/extract-service/target/extract-service.jar"
# shellcheck disable=SC2086
PORT=$alert_port DATABASE_URL=$ALERT_DATABASE_URL ALERT_ADMIN_KEY=$admin_key start alert-service \
  java $java_opts -jar "$root/alert-service/target/alert-service.jar" \
  --stancewatch.alert.allow-private-addresses=true --stancewatch.alert.public-url="http://localhost:$alert_port"

wait_ready() { # name port
  for _ in $(seq 1 480); do
    alive "$1" || { tail -n 30 "$data/logs/$1.log" >&2; fail "$1 stopped while starting; its log is $data/logs/$1.log"; }
    # Readiness, not /actuator/health: an unreachable SMTP relay must not hold up the start.
    curl -fs -o /dev/null "http://127.0.0.1:$2/actuator/health/readiness" && return 0
    sleep 0.5
  done
  fail "$1 was not ready after 4 minutes; its log is $data/logs/$1.log"
}
wait_ready ingest-service "$ingest_port"
wait_ready extract-service "$extract_port"
wait_ready alert-service "$alert_port"
step "Services are up"

json_field() { sed -nE "s/.*\"$1\":\"([^\"]*)\".*/\1/p"; }

# The demo subscriber and its webhook subscription, once; the signing secret goes to the receiver.
if [ ! -s "$data/demo-receiver.secret" ]; then
  step "Creating the demo subscriber and its webhook subscription"
  subscriber=$(curl -fsS -X POST "http://127.0.0.1:$alert_port/api/subscribers" \
    -H "Authorization: Bearer $admin_key" -H 'Content-Type: application/json' -d '{"name":"demo"}')
  api_key=$(json_field apiKey <<<"$subscriber")
  [ -n "$api_key" ] || fail "creating the demo subscriber answered: $subscriber"
  subscription=$(curl -fsS -X POST "http://127.0.0.1:$alert_port/api/subscriptions" \
    -H "Authorization: Bearer $api_key" -H 'Content-Type: application/json' \
    -d "{\"name\":\"demo receiver\",\"includeSignals\":true,\"backfill\":true,\"channel\":{\"type\":\"WEBHOOK\",\"url\":\"http://127.0.0.1:$receiver_port/alerts\"}}")
  secret=$(json_field webhookSecret <<<"$subscription")
  [ -n "$secret" ] || fail "creating the demo subscription answered: $subscription"
  (umask 077; printf '%s\n' "$api_key" >"$data/demo-subscriber.key"; printf '%s\n' "$secret" >"$data/demo-receiver.secret")
  echo "$receiver_port" >"$data/demo-receiver.port"
fi

step "Starting the demo feed server and the demo receiver"
start demo-feeds java "$here/DemoFeeds.java" "$feeds_port" "$here/demo-story" "${DEMO_SECONDS_PER_MONTH:-30}"
start demo-receiver java "$here/DemoReceiver.java" "$receiver_port" "$data/demo-receiver.secret"
for pair in "demo-feeds=$feeds_port" "demo-receiver=$receiver_port"; do
  for _ in $(seq 1 120); do port_open "${pair#*=}" && break; alive "${pair%=*}" || break; sleep 0.5; done
  port_open "${pair#*=}" || fail "${pair%=*} did not start; its log is $data/logs/${pair%=*}.log"
done

step "Registering the demo feeds with ingest-service"
for feed in $(curl -fsS "http://127.0.0.1:$feeds_port/"); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$ingest_port/api/feeds" \
    -H 'Content-Type: application/json' \
    -d "{\"url\":\"$feed\",\"title\":\"$(basename "$feed" .rss) (demo)\",\"pollInterval\":\"PT1M\",\"fetchFullText\":false}")
  case $status in
    201) echo "    $feed registered" ;;
    409) echo "    $feed was registered before" ;;
    *) fail "registering $feed answered HTTP $status" ;;
  esac
done

cat <<DONE

stancewatch is running. State, logs and PIDs: $data

  dashboard     http://localhost:$alert_port/
  alert API     http://localhost:$alert_port/api/stances   (OpenAPI: /v3/api-docs)
  ingest API    http://localhost:$ingest_port/api/feeds
  extract API   http://localhost:$extract_port/api/extract
  admin key     $admin_key   (also in $data/admin.key)
  demo feeds    http://127.0.0.1:$feeds_port/   polled every minute
  alerts        $data/logs/demo-receiver.log   (deploy/local/up.sh --follow prints them)

The first alerts arrive within a minute. Stop everything with deploy/local/down.sh.
DONE
$follow && follow_alerts
exit 0
