# Source this file: starts a private PostgreSQL (and Redis) from Debian's packages on loopback,
# installing them first when they are missing, and exports DATABASE_URL (and REDIS_URL).
# Used by .ci/run; a developer can run `source .ci/services.sh` too. Needs root or sudo.

_sudo() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
_as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

_apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  [ -n "${_APT_UPDATED:-}" ] || { _sudo apt-get update -qq; _APT_UPDATED=1; }
  _sudo apt-get install -y -qq "$@" >/dev/null
}

start_postgres() {
  local initdb
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$initdb" ] || ! id postgres >/dev/null 2>&1; then
    echo "Installing Debian's PostgreSQL"
    _apt_install postgresql
    initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  local bin port=55432
  bin=$(dirname "$initdb")
  HFS_PGDATA=$(mktemp -d /tmp/hfs-pg.XXXXXX)
  _sudo chown postgres "$HFS_PGDATA"
  _as_postgres "$bin/initdb" -D "$HFS_PGDATA" -A trust -U postgres >/dev/null
  _as_postgres "$bin/pg_ctl" -D "$HFS_PGDATA" -l "$HFS_PGDATA/server.log" -w \
    -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
  export HFS_PG_BIN="$bin" HFS_PGDATA
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/hfs"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_postgres() {
  [ -n "${HFS_PGDATA:-}" ] && _as_postgres "$HFS_PG_BIN/pg_ctl" -D "$HFS_PGDATA" -m fast stop >/dev/null || true
}

start_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing Debian's Redis"
    _apt_install redis-server
  fi
  local port=56379
  redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
  export REDIS_URL="redis://127.0.0.1:$port/0" HFS_REDIS_PORT="$port"
  echo "Redis $(redis-server --version | awk '{print $3}') on 127.0.0.1:$port"
}

stop_redis() {
  [ -n "${HFS_REDIS_PORT:-}" ] && redis-cli -p "$HFS_REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
}
