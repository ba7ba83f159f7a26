#!/bin/sh
# Dumps every database into the mysql-dump volume. The backup container runs it (as `dump`)
# before each snapshot; the live data volume is not backed up, the dump is.
set -eu
dump=/mnt/dump/all-databases.sql
mysqldump --user=root --password="$MYSQL_ROOT_PASSWORD" \
  --all-databases --single-transaction --routines --events --triggers >"$dump.tmp"
mv "$dump.tmp" "$dump"
