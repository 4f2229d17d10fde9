#!/usr/bin/env bash
# Starts N silo processes in cluster mode on consecutive ports, or stops the ones it started.
#   deploy/local/silos.sh start [N]   (default 2; silo i listens on BASE_*_PORT + i)
#   deploy/local/silos.sh stop
#   deploy/local/silos.sh start-one PORT   (re)starts the silo of that silo port, e.g. after a crash
# Each silo's pid is in .local/run/silo-<siloPort>.pid and its log in .local/logs/silo-<siloPort>.log
# (capped and rotated by caplog.sh; the previous run's log is kept as .log.1).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build() {
  if [ -z "${WARDEN_SILO_DLL:-}" ]; then
    log "building Warden.Silo (Release) into $STATE_DIR/build"
    dotnet build "$REPO_ROOT/src/Warden.Silo/Warden.Silo.csproj" -c Release -o "$STATE_DIR/build" -v quiet -nologo >"$LOG_DIR/build.log" \
      || { cat "$LOG_DIR/build.log" >&2; exit 1; }
  fi
}

# Starts silo number $1 (0-based) unless it is running.
launch() {
  local i=$1
  local silo=$((BASE_SILO_PORT + i)) gateway=$((BASE_GATEWAY_PORT + i)) http=$((BASE_HTTP_PORT + i))
  local pidfile="$RUN_DIR/silo-$silo.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    log "silo $silo already running (pid $(cat "$pidfile"))"; return
  fi
  # The image model is served when model.sh converted it (a state folder prepared otherwise may lack it).
  local image_model=""
  [ -f "$STATE_DIR/models/nsfw.onnx" ] && image_model="$STATE_DIR/models/nsfw.onnx"
  Warden__Mode=Cluster Warden__ConnectionString="$CONNECTION_STRING" \
  Warden__ServiceId="$SERVICE_ID" Warden__ClusterId="$CLUSTER_ID" \
  Warden__Scoring__TextModel="$STATE_DIR/models/spam.onnx" Warden__Scoring__ImageModel="$image_model" Warden__Scoring__Assets="$ASSETS_DIR" \
  Warden__SiloPort=$silo Warden__GatewayPort=$gateway Warden__HttpPort=$http \
    nohup dotnet "$SILO_DLL" > >(exec "$REPO_ROOT/deploy/local/caplog.sh" "$LOG_DIR/silo-$silo.log" >/dev/null 2>&1) 2>&1 &
  echo $! >"$pidfile"
  log "silo $silo started (pid $!, gateway $gateway, http://127.0.0.1:$http)"
}

await_ready() {
  local i=$1
  local silo=$((BASE_SILO_PORT + i)) http=$((BASE_HTTP_PORT + i))
  if ! wait_for 120 curl -sf "http://127.0.0.1:$http/readyz"; then
    log "silo $silo not ready after 120 s; its log:"; tail -50 "$LOG_DIR/silo-$silo.log" >&2; exit 1
  fi
  log "silo $silo ready: http://127.0.0.1:$http/readyz"
}

start() {
  local count=${1:-2}
  build
  for ((i = 0; i < count; i++)); do launch "$i"; done
  for ((i = 0; i < count; i++)); do await_ready "$i"; done
}

start_one() {
  local i=$(( ${1:?silo port} - BASE_SILO_PORT ))
  build
  launch "$i"
  await_ready "$i"
}

stop() {
  shopt -s nullglob
  for pidfile in "$RUN_DIR"/silo-*.pid; do
    local pid; pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      wait_for 30 bash -c "! kill -0 $pid" || kill -KILL "$pid" 2>/dev/null || true
      log "stopped $(basename "$pidfile" .pid) (pid $pid)"
    fi
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  start-one) start_one "${2:-}" ;;
  stop) stop ;;
  *) echo "usage: $0 start [N]|start-one PORT|stop" >&2; exit 2 ;;
esac
