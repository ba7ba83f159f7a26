#!/bin/sh
# Dumps Authelia's database into the postgres-dump volume. The backup container runs it (as
# `dump`) before each snapshot; the live data volume is not backed up, the dump is.
set -eu
dump=/mnt/dump/authelia.sql
pg_dump --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" --clean --if-exists >"$dump.tmp"
mv "$dump.tmp" "$dump"
