#!/usr/bin/env bash
# Applies deploy/sql/*.sql in name order, each file in one transaction. Safe to run again.
#   deploy/local/schema.sh          (WARDEN_PG_CONNINFO selects the database)
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

for file in "$REPO_ROOT"/deploy/sql/*.sql; do
  psql "$PG_CONNINFO" -q -v ON_ERROR_STOP=1 --single-transaction -f "$file" >/dev/null
done
log "schema applied: $(psql "$PG_CONNINFO" -qtAc 'SELECT count(*) FROM OrleansQuery') Orleans queries installed"
