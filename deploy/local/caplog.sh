#!/usr/bin/env bash
# Copies standard input to a log file, starting a new file every WARDEN_LOG_MAX_BYTES (default 20 MB)
# and keeping WARDEN_LOG_KEEP older ones (default 5) beside it as FILE.1 … FILE.N, so an error storm
# cannot fill the disk.
#   some-program 2>&1 | deploy/local/caplog.sh FILE
set -uo pipefail
file=$1
max=${WARDEN_LOG_MAX_BYTES:-20000000}
keep=${WARDEN_LOG_KEEP:-5}

rotate() {
  local i
  for ((i = keep - 1; i >= 1; i--)); do
    [ -f "$file.$i" ] && mv -f "$file.$i" "$file.$((i + 1))"
  done
  [ -f "$file" ] && mv -f "$file" "$file.1"
}

# The previous run's log is kept as FILE.1, not overwritten.
rotate
while :; do
  head -c "$max" >"$file"
  # head stops early only at the end of input: the program has exited.
  [ "$(stat -c %s "$file")" -lt "$max" ] && break
  rotate
done
