#!/usr/bin/env bash
# Installs (if needed) and starts Debian's PostgreSQL on 127.0.0.1:5432 and
# creates the test role and database. Idempotent: safe to run again on a
# machine where it already ran. Prints the URL to use as TEST_DATABASE_URL.
#   usage: bash infra/ci-postgres.sh   (as root)
set -euo pipefail

DB_USER="${PG_TEST_USER:-app}"
DB_PASS="${PG_TEST_PASSWORD:-app}"
DB_NAME="${PG_TEST_DB:-apptest}"

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "installing postgresql…" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

PG_VERSION="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | grep -q "^${PG_VERSION} main"; then
  pg_createcluster "${PG_VERSION}" main >/dev/null
fi
# Listen on loopback only.
sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/${PG_VERSION}/main/postgresql.conf"
if ! pg_lsclusters -h | grep "^${PG_VERSION} main" | grep -q online; then
  pg_ctlcluster "${PG_VERSION}" main start
fi

for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"select 1 from pg_roles where rolname = '${DB_USER}'\"" | grep -q 1 \
  || su postgres -c "psql -v ON_ERROR_STOP=1 -qc \"create role ${DB_USER} login superuser password '${DB_PASS}'\""
su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"select 1 from pg_database where datname = '${DB_NAME}'\"" | grep -q 1 \
  || su postgres -c "createdb -O ${DB_USER} ${DB_NAME}"

echo "postgres://${DB_USER}:${DB_PASS}@127.0.0.1:5432/${DB_NAME}"
