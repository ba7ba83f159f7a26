#!/bin/sh
# Writes Redis's dataset to /data/dump.rdb (the redis-dump volume) before each backup.
set -eu
redis-cli save
