#!/usr/bin/env bash
# Installs the system packages the project builds and runs with (idempotent):
# liblz4-dev (the log's compression, not on a fresh machine), the lz4 CLI
# (the benchmark's compression reference) and libsqlite3-dev (GRDB).
set -euo pipefail
need=()
for p in liblz4-dev lz4 libsqlite3-dev; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ "${#need[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${need[@]}"
fi
