#!/usr/bin/env python3
"""TA-Lib side of the engines benchmark (scripts/bench-engines.sh).

Reads the bars `ledger-bench engines --write-bars FILE` wrote (a little-endian
int64 count, then float64 columns open, high, low, close, usd volume) and
times TA-Lib computing, vectorised over the whole arrays, the indicators the
Swift side is compared on: EMA 20/30/50/60/144/250/333, ATR 14, ADX 14,
RSI 14. TA-Lib seeds EMA/RSI differently from ours; that does not matter
for speed. Times are CPU seconds of the process (time.process_time, as the
Swift side measures, so a job sharing the core does not count), best of N, with
wall seconds beside them. Prints the figures and writes them as JSON for the Swift side.

usage: bench-talib.py BARS_FILE OUT_JSON [--repeat N]
"""
import json
import statistics
import sys
import time

import numpy as np
import talib

SPANS = (20, 30, 50, 60, 144, 250, 333)


def load(path):
    with open(path, "rb") as f:
        n = int(np.frombuffer(f.read(8), dtype="<i8")[0])
        cols = np.frombuffer(f.read(5 * n * 8), dtype="<f8").reshape(5, n)
    # Contiguous float64 arrays, as TA-Lib wants them.
    return n, [np.ascontiguousarray(c) for c in cols]


def calls(high, low, close):
    out = [(f"EMA{s}", lambda s=s: talib.EMA(close, timeperiod=s)) for s in SPANS]
    out.append(("ATR14", lambda: talib.ATR(high, low, close, timeperiod=14)))
    out.append(("ADX14", lambda: talib.ADX(high, low, close, timeperiod=14)))
    out.append(("RSI14", lambda: talib.RSI(close, timeperiod=14)))
    return out


def main():
    args = sys.argv[1:]
    repeat = 5
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i : i + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    path, out_path = args
    n, (_open, high, low, close, _volume) = load(path)
    fs = calls(high, low, close)
    for _, f in fs:  # warm-up: page in the inputs, load the code
        f()
    # CPU time of the process (as the Swift side measures), wall time beside it.
    totals = []
    walls = []
    per = {name: float("inf") for name, _ in fs}
    for _ in range(repeat):
        start = time.process_time()
        wall = time.perf_counter()
        for name, f in fs:
            t0 = time.process_time()
            f()
            per[name] = min(per[name], time.process_time() - t0)
        totals.append(time.process_time() - start)
        walls.append(time.perf_counter() - wall)
    best = min(totals)
    version = f"{talib.__version__} (C {talib.__ta_version__.decode().split(' ')[0]})"
    result = {
        "version": version,
        "bars": n,
        "best_seconds": best,
        "best_wall_seconds": min(walls),
        "median_seconds": statistics.median(totals),
        "runs_seconds": totals,
        "per_indicator_best_seconds": [[name, per[name]] for name, _ in fs],
    }
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
    print(
        f"TA-Lib {version}: EMA×7 + ATR + ADX + RSI over {n} bars: best {best:.3f} CPU s "
        f"({n / best / 1e6:.2f} M bars/s), median {statistics.median(totals):.3f} s of {repeat}, "
        f"best wall {min(walls):.3f} s"
    )


if __name__ == "__main__":
    main()
