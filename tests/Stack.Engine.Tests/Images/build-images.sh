#!/usr/bin/env bash
# Builds the images the engine tests run, from Debian packages (no registry is reachable).
# Each is built once and reused while its tag exists; a recipe change bumps the tag below
# (and in EngineImages.cs).
#   stack-standin:1        busybox-static; whatever the command, it sleeps (does the engine accept this?)
#   stack-drill/mariadb:1  MariaDB server and clients, started like the official image (does it work?)
#   stack-drill/tools:1    the same file system: restic, the docker client, a shell, nc, MariaDB's clients
# Needs root, docker, debootstrap and busybox-static: apt-get install -y debootstrap busybox-static
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
standin=stack-standin:1
mariadb=stack-drill/mariadb:1
tools=stack-drill/tools:1

exists() { docker image inspect "$1" >/dev/null 2>&1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if exists "$standin"; then
  echo "$standin: present"
else
  mkdir -p "$work/standin/bin"
  cp "$(command -v busybox)" "$work/standin/bin/busybox"
  for applet in sh sleep cat ls echo true; do ln -s busybox "$work/standin/bin/$applet"; done
  install -m 755 "$here/standin/sleep-forever" "$work/standin/bin/sleep-forever"
  tar -C "$work/standin" -c . | docker import \
    --change 'ENTRYPOINT ["/bin/sleep-forever"]' --change 'ENV PATH=/bin' - "$standin" >/dev/null
  echo "$standin: built"
fi

if exists "$mariadb" && exists "$tools"; then
  echo "$mariadb, $tools: present"
else
  # The mirror this machine's apt already uses (deb822 or one-line sources).
  mirror=$(grep -hoE 'https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null | head -1 | tr -d ' ' || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  root="$work/root"
  debootstrap --variant=minbase --include=mariadb-server,mariadb-client,restic,netcat-openbsd \
    bookworm "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  # The docker client from the host's docker.io package: the backup runner runs `docker exec`.
  install -m 755 "$(command -v docker)" "$root/usr/local/bin/docker"
  install -m 755 "$here/drill/docker-entrypoint.sh" "$root/usr/local/bin/docker-entrypoint.sh"
  install -m 755 "$here/drill/backup" "$root/usr/local/bin/backup"
  # An empty data folder, as in the official image: Debian's package initialised one, and Docker
  # would copy it into every new volume, so the entrypoint would never set root's password.
  rm -rf "$root"/var/lib/mysql/*
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc "$root"/usr/share/locale "$root"/usr/share/man
  tar -C "$root" -c . >"$work/rootfs.tar"
  docker import --change 'ENTRYPOINT ["docker-entrypoint.sh"]' --change 'CMD ["mariadbd"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$work/rootfs.tar" "$mariadb" >/dev/null
  docker import --change 'CMD ["sleep", "infinity"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' "$work/rootfs.tar" "$tools" >/dev/null
  echo "$mariadb, $tools: built"
fi
