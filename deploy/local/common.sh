# Shared settings of the local-cluster scripts; every value can be overridden from the environment.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE_DIR="${WARDEN_STATE_DIR:-$REPO_ROOT/.local}"
RUN_DIR="$STATE_DIR/run"
LOG_DIR="$STATE_DIR/logs"
PG_BIN="${WARDEN_PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_DATA="$STATE_DIR/pgdata"
PG_PORT="${WARDEN_PG_PORT:-55432}"
PG_USER="${WARDEN_PG_USER:-warden}"
PG_DATABASE="${WARDEN_PG_DATABASE:-warden}"
# libpq connection string (psql) and the Npgsql one the silos read; tests point both at their own server.
PG_CONNINFO="${WARDEN_PG_CONNINFO:-host=127.0.0.1 port=$PG_PORT user=$PG_USER dbname=$PG_DATABASE}"
CONNECTION_STRING="${WARDEN_CONNECTION_STRING:-Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Database=$PG_DATABASE}"
BASE_SILO_PORT="${WARDEN_BASE_SILO_PORT:-11111}"
BASE_GATEWAY_PORT="${WARDEN_BASE_GATEWAY_PORT:-30000}"
BASE_HTTP_PORT="${WARDEN_BASE_HTTP_PORT:-8080}"
CLUSTER_ID="${WARDEN_CLUSTER_ID:-warden-local}"
SERVICE_ID="${WARDEN_SERVICE_ID:-warden}"
# Where the built silo lives; set WARDEN_SILO_DLL to use one already built (tests do).
SILO_DLL="${WARDEN_SILO_DLL:-$STATE_DIR/build/Warden.Silo.dll}"
# The npm assets (word lists, OCR models, corpus): passed to the silos, so a state folder outside the
# checkout still finds them.
ASSETS_DIR="${WARDEN_ASSETS_DIR:-$REPO_ROOT/deploy/assets/node_modules}"

mkdir -p "$RUN_DIR" "$LOG_DIR"

log() { printf '[warden] %s\n' "$*" >&2; }

# initdb and postgres refuse to run as root: run them as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# Waits until a command succeeds, at most $1 seconds.
wait_for() {
  local seconds=$1; shift
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ "$SECONDS" -ge "$deadline" ]; then return 1; fi
    sleep 0.2
  done
}
