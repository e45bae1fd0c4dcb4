#!/usr/bin/env bash
# Run once by the postgres image's entrypoint on an empty data volume
# (/docker-entrypoint-initdb.d): the application role and one database per service that keeps
# state, owned by that role. The superuser (POSTGRES_USER) stays for administration only.
#   STANCEWATCH_DB_USER, STANCEWATCH_DB_PASSWORD: the application role
set -euo pipefail
: "${STANCEWATCH_DB_USER:?}" "${STANCEWATCH_DB_PASSWORD:?}"
psql -v ON_ERROR_STOP=1 --no-psqlrc --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-postgres}" \
  -v app_user="$STANCEWATCH_DB_USER" -v app_password="$STANCEWATCH_DB_PASSWORD" <<'SQL'
CREATE ROLE :"app_user" LOGIN PASSWORD :'app_password';
CREATE DATABASE stancewatch_ingest OWNER :"app_user";
CREATE DATABASE stancewatch_alert OWNER :"app_user";
SQL
