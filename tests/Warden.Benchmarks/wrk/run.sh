#!/usr/bin/env bash
# The HTTP facade against its host's ceiling, measured by wrk (a separate process) against one cluster-mode silo:
#   tests/Warden.Benchmarks/wrk/run.sh [runs=3] [seconds=10] [connections=64]
# Starts its own PostgreSQL and silo (state in .local/wrk, ports 55433 / 11311 / 30200 / 8280) with the bare
# endpoint on and the per-key limit raised, labels 10,000 entities, then runs each scenario `runs` times and
# prints medians and the ratios the performance goals are stated in. Needs wrk (Debian: apt-get install wrk).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
runs=${1:-3} seconds=${2:-10} connections=${3:-64}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

export WARDEN_STATE_DIR="$repo/.local/wrk" WARDEN_PG_PORT=55433 WARDEN_BASE_SILO_PORT=11311 WARDEN_BASE_GATEWAY_PORT=30200
export WARDEN_BASE_HTTP_PORT=8280 WARDEN_CLUSTER_ID=warden-wrk WARDEN_SAMPLES=0
export Warden__BareEndpoint=true Warden__Api__RequestsPerMinute=1000000000
base="http://127.0.0.1:$WARDEN_BASE_HTTP_PORT"
connection="Host=127.0.0.1;Port=$WARDEN_PG_PORT;Username=warden;Database=warden"
trap '"$repo/deploy/local/cluster.sh" down >/dev/null 2>&1 || true' EXIT
"$repo/deploy/local/cluster.sh" up 1
cli="$WARDEN_STATE_DIR/cli/warden.dll"
[ -f "$cli" ] || dotnet build "$repo/src/Warden.Cli/Warden.Cli.csproj" -c Release -o "$WARDEN_STATE_DIR/cli" -v quiet -nologo >/dev/null
key="$(dotnet "$cli" keys create wrk --scope admin --cluster "$connection" --cluster-id "$WARDEN_CLUSTER_ID" 2>/dev/null)"

entities=10000
echo "[wrk] labelling $entities entities"
for ((start = 0; start < entities; start += 1000)); do
  items=""
  for ((i = start; i < start + 1000; i++)); do
    enforcement=$([ $((i % 3)) -eq 0 ] && echo block || echo limit)
    items+="${items:+,}{\"entity\":\"pin:$i\",\"label\":{\"source\":{\"system\":\"bench-model\",\"kind\":\"automated\",\"name\":\"v1\"},\"enforcement\":\"$enforcement\",\"policy\":\"spam\",\"createdAt\":\"2026-11-22T10:00:00Z\",\"confidence\":0.9}}"
  done
  printf '{"items":[%s]}' "$items" | curl -sf -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' --data-binary @- "$base/api/v1/labels/batch"
done

declare -A results
measure() { # name script [env...]
  local name=$1 script=$2; shift 2
  env WRK_DIR="$here" WRK_KEY="$key" WRK_ENTITIES=$entities "$@" wrk -t2 -c"$connections" -d2s -s "$here/$script" "$base" >/dev/null # warm-up
  for ((r = 1; r <= runs; r++)); do
    local line; line="$(env WRK_DIR="$here" WRK_KEY="$key" WRK_ENTITIES=$entities "$@" wrk -t2 -c"$connections" -d"${seconds}s" -s "$here/$script" "$base" | grep '^RESULT')"
    echo "[wrk] $name run $r: ${line#RESULT }"
    results[$name]+="$line"$'\n'
  done
}
median() { # name field
  printf '%s' "${results[$1]}" | grep -o "$2=[0-9.]*" | cut -d= -f2 | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

measure bare bare.lua
measure healthz bare.lua WRK_PATH=/healthz
measure verdict verdict.lua
measure verdict-batch50 verdict-batch.lua WRK_BATCH=50

echo
printf '%-18s %12s %10s %10s\n' scenario "req/s" "p50 ms" "p99 ms"
for name in bare healthz verdict verdict-batch50; do
  printf '%-18s %12s %10s %10s\n' "$name" "$(median $name rps)" "$(median $name p50)" "$(median $name p99)"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "verdict / bare ceiling:            $(ratio "$(median verdict rps)" "$(median bare rps)")× (goal ≥ 0.6×)"
echo "verdict / healthz:                 $(ratio "$(median verdict rps)" "$(median healthz rps)")×"
echo "batch of 50, verdicts/s:           $(awk -v r="$(median verdict-batch50 rps)" 'BEGIN { printf "%.0f", r * 50 }')"
