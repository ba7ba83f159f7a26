#!/bin/sh
# Loads the dump back into a fresh database (see RESTORE.md).
set -eu
psql --username="$POSTGRES_USER" --dbname="$POSTGRES_DB" --set ON_ERROR_STOP=1 --file=/mnt/dump/authelia.sql
