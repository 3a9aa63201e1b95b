#!/usr/bin/env bash
# The engines benchmark: streaming TA beside TA-Lib (Python ta-lib 0.8.2) on
# the same bars, the whole engine (v1, and v1-ref on fewer bars) with its time
# breakdown, and `ledgerd process` end to end. Both sides run pinned to one
# core (CPU=${CPU:-0}, via taskset when present).
#
# usage: scripts/bench-engines.sh [ledger-bench engines options…]
#   e.g. scripts/bench-engines.sh --bars 5000000 --engine-bars 1000000
# Environment: CPU (core to pin to, default 0), WORK (default bench-out),
# SKIP_BUILD=1 to reuse the release binary as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${WORK:-bench-out}
CPU=${CPU:-0}
mkdir -p "$WORK"

# TA-Lib (the wheel ships the C library), idempotent.
if ! python3 -c 'import talib, sys; sys.exit(talib.__version__ != "0.8.2")' 2>/dev/null; then
  python3 -m pip install --quiet "ta-lib==0.8.2"
fi

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  swift build -c release --product ledger-bench
fi
BIN=$(swift build -c release --show-bin-path)/ledger-bench

PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c "$CPU"); fi

# The TA comparison's bar count (the --bars option, default 5 M) for the bars file.
BARS=5000000
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = --bars ]; then BARS=${args[$((i + 1))]}; fi
done

"$BIN" engines --bars "$BARS" --write-bars "$WORK/engine-bars.f64" --work "$WORK"
"${PIN[@]}" python3 scripts/bench-talib.py "$WORK/engine-bars.f64" "$WORK/talib.json"
"${PIN[@]}" "$BIN" engines --talib "$WORK/talib.json" --work "$WORK" "$@"
