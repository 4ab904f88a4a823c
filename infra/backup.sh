#!/usr/bin/env bash
# Dated, compressed backup of the platform's PostgreSQL database, with retention.
#   DATABASE_URL=postgres://… infra/backup.sh [backup-folder]
# Folder: first argument, else $BACKUP_DIR, else /var/backups/union-report.
# Keeps $BACKUP_KEEP_DAYS days of backups (default 30). Prints the new file.
# Run it daily from cron or a systemd timer; copy the folder off the machine.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL to the database to back up}"
dir="${1:-${BACKUP_DIR:-/var/backups/union-report}}"
keep_days="${BACKUP_KEEP_DAYS:-30}"
mkdir -p "$dir"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
file="$dir/union-report-$stamp.dump"
# Custom format: compressed, restorable table by table, independent of owners.
pg_dump --format=custom --compress=9 --no-owner --no-privileges --dbname="$DATABASE_URL" --file="$file.partial"
mv "$file.partial" "$file"

find "$dir" -maxdepth 1 -name 'union-report-*.dump' -type f -mtime +"$keep_days" -delete
echo "$file"
