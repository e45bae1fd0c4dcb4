#!/usr/bin/env bash
# Container healthcheck without curl or wget (the JRE image has neither): an HTTP/1.0 GET of the
# readiness probe over bash's /dev/tcp. Healthy only on a 200 whose body says UP.
#   HEALTHCHECK_PORT (default: PORT), HEALTHCHECK_PATH (default: /actuator/health/readiness)
set -euo pipefail
port=${HEALTHCHECK_PORT:-${PORT:?PORT is not set}}
path=${HEALTHCHECK_PATH:-/actuator/health/readiness}
exec 3<>"/dev/tcp/127.0.0.1/${port}"
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
response=$(timeout 4 cat <&3 || true)
exec 3<&-
status_line=${response%%$'\r'*}
if [[ $status_line =~ ^HTTP/1\.[01]\ 200 ]] && [[ $response == *'"status":"UP"'* ]]; then
  exit 0
fi
echo "not ready: ${status_line:-no response}" >&2
exit 1
