#!/usr/bin/env bash
# One command for a durable local Warden cluster on this machine:
#   deploy/local/cluster.sh up [N]   PostgreSQL on 127.0.0.1, the schema, the npm assets and the
#                                    trained spam model, N silos (default 2), and the sample review
#                                    queues and rule sets (WARDEN_SAMPLES=0 skips them)
#   deploy/local/cluster.sh down     stops the silos and PostgreSQL it started
here="$(dirname "${BASH_SOURCE[0]}")"
source "$here/common.sh"

case "${1:-}" in
  up)
    "$here/postgres.sh" start
    "$here/schema.sh"
    "$here/model.sh"
    "$here/silos.sh" start "${2:-2}"
    [ "${WARDEN_SAMPLES:-1}" = 0 ] || "$here/samples.sh"
    log "cluster up: dashboard http://127.0.0.1:$BASE_HTTP_PORT/dashboard; stop with deploy/local/cluster.sh down"
    ;;
  down)
    "$here/silos.sh" stop
    "$here/postgres.sh" stop
    ;;
  *) echo "usage: $0 up [N]|down" >&2; exit 2 ;;
esac
