#!/usr/bin/env bash
# Starts or stops the local PostgreSQL server on 127.0.0.1, with its data under .local/pgdata.
#   deploy/local/postgres.sh start|stop|status
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    log "PostgreSQL binaries not found in $PG_BIN (apt-get install postgresql-15, or set WARDEN_PG_BIN)"; exit 1
  fi
  if [ ! -f "$PG_DATA/PG_VERSION" ]; then
    log "initialising $PG_DATA"
    mkdir -p "$PG_DATA"
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DATA"; chmod 700 "$PG_DATA"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U "$PG_USER" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$LOG_DIR/initdb.log"
    cat >>"$PG_DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DATA'
timezone = 'UTC'
max_connections = 300
CONF
  fi
  if as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1; then
    log "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    as_pg "$PG_BIN/pg_ctl" start -w -t 60 -D "$PG_DATA" -l "$PG_DATA/server.log" >/dev/null
    log "PostgreSQL running on 127.0.0.1:$PG_PORT (pid $(head -1 "$PG_DATA/postmaster.pid"))"
  fi
  psql "host=127.0.0.1 port=$PG_PORT user=$PG_USER dbname=postgres" -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = '$PG_DATABASE'" | grep -q 1 \
    || psql "host=127.0.0.1 port=$PG_PORT user=$PG_USER dbname=postgres" -qc "CREATE DATABASE \"$PG_DATABASE\""
}

stop() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" stop -m fast -w -D "$PG_DATA" >/dev/null && log "PostgreSQL stopped"
  else
    log "PostgreSQL not running"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) as_pg "$PG_BIN/pg_ctl" status -D "$PG_DATA" ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
