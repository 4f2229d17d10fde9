#!/usr/bin/env bash
# Saves the sample review queues (samples/queues/*.json) and rule sets (samples/rules/*.json) into the running cluster, leaving ones that
# already exist alone, so running it again changes nothing.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

CLI_DLL="${WARDEN_CLI_DLL:-$STATE_DIR/cli/warden.dll}"
if [ -z "${WARDEN_CLI_DLL:-}" ]; then
  log "building the warden command (Release) into $STATE_DIR/cli"
  dotnet build "$REPO_ROOT/src/Warden.Cli/Warden.Cli.csproj" -c Release -o "$STATE_DIR/cli" -v quiet -nologo >"$LOG_DIR/cli-build.log" \
    || { cat "$LOG_DIR/cli-build.log" >&2; exit 1; }
fi

dotnet "$CLI_DLL" queues put "$REPO_ROOT"/samples/queues/*.json --keep-existing --actor "deploy:samples" \
  --cluster "$CONNECTION_STRING" --service-id "$SERVICE_ID" --cluster-id "$CLUSTER_ID"
dotnet "$CLI_DLL" rules put "$REPO_ROOT"/samples/rules/*.json --keep-existing --actor "deploy:samples" \
  --cluster "$CONNECTION_STRING" --service-id "$SERVICE_ID" --cluster-id "$CLUSTER_ID"
