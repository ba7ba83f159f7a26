#!/bin/sh
# Loads the dump written by dump.sh. Run it (as `restore`) in a MySQL started on an empty data
# volume, after the mysql-dump volume has been restored from the backup.
set -eu
mysql --user=root --password="$MYSQL_ROOT_PASSWORD" </mnt/dump/all-databases.sql
