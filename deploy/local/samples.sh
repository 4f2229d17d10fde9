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

# Demo people for the reviewer pages: the first admin, a lead and a reviewer of the sample queues, with
# generated passwords kept in $STATE_DIR/accounts.txt (readable by you only). Done while the cluster has no admin.
ACCOUNTS_FILE="$STATE_DIR/accounts.txt"
connect=(--cluster "$CONNECTION_STRING" --service-id "$SERVICE_ID" --cluster-id "$CLUSTER_ID")
if ! dotnet "$CLI_DLL" accounts list "${connect[@]}" | grep -q '^admin'$'\t'; then
  umask 077
  new_password() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }
  admin_password="$(new_password)"; lead_password="$(new_password)"; reviewer_password="$(new_password)"
  if WARDEN_PASSWORD="$admin_password" dotnet "$CLI_DLL" accounts create-admin admin "${connect[@]}"; then
    WARDEN_PASSWORD="$lead_password" dotnet "$CLI_DLL" accounts create lead --role lead --role operator "${connect[@]}"
    WARDEN_PASSWORD="$reviewer_password" dotnet "$CLI_DLL" accounts create reviewer --role reviewer \
      --group spam-reviewers --group adult-reviewers "${connect[@]}"
    printf 'admin\t%s\nlead\t%s\nreviewer\t%s\n' "$admin_password" "$lead_password" "$reviewer_password" >"$ACCOUNTS_FILE"
  else
    log "another admin exists already: leaving the accounts as they are"
  fi
fi
log "sign in at http://127.0.0.1:$BASE_HTTP_PORT/signin with an account from $ACCOUNTS_FILE"
