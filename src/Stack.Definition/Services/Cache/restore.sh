#!/bin/sh
# Redis loads /data/dump.rdb when it starts: restore the redis-dump volume from the backup,
# then restart the container. This script only checks that a dump is there to load.
set -eu
if [ -s /data/dump.rdb ]; then
  echo "restore: /data/dump.rdb present; restart the redis container to load it."
else
  echo "restore: /data/dump.rdb missing; restore the redis-dump volume first." >&2
  exit 1
fi
