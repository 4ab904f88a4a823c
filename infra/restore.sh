#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database.
#   DATABASE_URL=postgres://…/empty_db infra/restore.sh /var/backups/union-report/union-report-….dump
# Refuses a database that already has tables unless FORCE=1 (then objects are
# dropped and recreated from the backup). Runs in one transaction: all or nothing.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to restore into}"
file="${1:?usage: restore.sh <backup-file>}"
[ -f "$file" ] || { echo "no such backup: $file" >&2; exit 2; }

tables="$(psql "$DATABASE_URL" -qtAc "select count(*) from information_schema.tables where table_schema = 'public'")"
clean=()
if [ "$tables" != "0" ]; then
  if [ "${FORCE:-0}" != "1" ]; then
    echo "the target database already has $tables tables; restore into an empty database, or set FORCE=1 to replace them" >&2
    exit 3
  fi
  clean=(--clean --if-exists)
fi

pg_restore --no-owner --no-privileges --exit-on-error --single-transaction "${clean[@]}" --dbname="$DATABASE_URL" "$file"
echo "restored $file"
