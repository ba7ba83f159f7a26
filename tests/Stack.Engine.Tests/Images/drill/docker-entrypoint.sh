#!/bin/sh
# Starts MariaDB as the official mariadb/mysql images do, as far as the drill uses them: on an
# empty data volume it creates the system tables with root's password from MARIADB_ROOT_PASSWORD
# or MYSQL_ROOT_PASSWORD (for local and network logins), then runs the server in the foreground.
set -eu
if [ "${1:-}" != mariadbd ]; then exec "$@"; fi
shift
password=${MARIADB_ROOT_PASSWORD:-${MYSQL_ROOT_PASSWORD:?set MARIADB_ROOT_PASSWORD or MYSQL_ROOT_PASSWORD}}
mkdir -p /run/mysqld
chown mysql:mysql /run/mysqld /var/lib/mysql
if [ ! -d /var/lib/mysql/mysql ]; then
  echo "docker-entrypoint: empty data folder, creating the system tables"
  mariadb-install-db --user=mysql --datadir=/var/lib/mysql --skip-test-db \
    --auth-root-authentication-method=normal >/dev/null
  mariadbd --user=mysql --bootstrap --skip-networking <<SQL
FLUSH PRIVILEGES;
ALTER USER 'root'@'localhost' IDENTIFIED BY '$password';
CREATE USER 'root'@'%' IDENTIFIED BY '$password';
GRANT ALL ON *.* TO 'root'@'%' WITH GRANT OPTION;
SQL
fi
exec mariadbd --user=mysql --bind-address=0.0.0.0 "$@"
