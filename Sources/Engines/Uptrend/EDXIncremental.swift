/// EDX carried through an S3 episode (engines-ta-uptrend.md §7.4): the
/// columns of `B` and the three windows' running series, so a bar costs
/// O(1) for each window whose start stays put instead of O(T). A window
/// whose start moves (w2, w3 on some bars) is rebuilt from the columns.
/// Every result equals `EDX.compute` on the same bars, bit for bit; the
/// value is part of `UptrendMemory` and snapshots with it.
public struct EDXIncremental: Codable, Equatable, Sendable {
  /// `B`'s columns and `ATR_B`.
  private(set) var columns: EDXColumns
  /// The windows w1, w2, w3 of the last bar (nil when shorter than the minimum).
  private(set) var windows: [EDXWindowState?] = [nil, nil, nil]

  /// The state of `bars` = `B` taken whole (at least `P + 1` bars).
  init(bars: ArraySlice<Bar>, constants k: EDXConstants) {
    columns = EDXColumns(bars: bars, constants: k)
    refreshWindows(k)
  }

  /// Number of bars of `B` folded in.
  var count: Int { columns.count }

  /// Folds in the next bar of `B`.
  mutating func append(_ bar: Bar, constants k: EDXConstants) {
    columns.append(bar, constants: k)
    refreshWindows(k)
  }

  /// Extends each window whose start stays put, rebuilds the others (SC-30).
  private mutating func refreshWindows(_ k: EDXConstants) {
    let n = columns.count
    let w = EDX.windows(barsSinceS3: n - 1, constants: k)
    for (slot, length) in [w.w1, w.w2, w.w3].enumerated() {
      guard let length else {
        windows[slot] = nil
        continue
      }
      if windows[slot]?.start != n - length {
        windows[slot] = EDXWindowState(start: n - length, constants: k)
      }
      windows[slot]!.extend(to: length, columns, constants: k)
    }
  }

  /// EDX of the last bar (`T = count − 1 ≥ minBars`), as `EDX.compute`.
  func result(constants k: EDXConstants) -> EDX.Result {
    let t = count - 1
    let scores = windows.map { $0?.scores(columns, constants: k) }
    return EDX.combined(
      scores, windows: EDX.windows(barsSinceS3: t, constants: k), barsSinceS3: t, constants: k)
  }

  /// EDX of the bar `t` of an episode whose bars are `bars` (`B`, first bar
  /// the S3 start), carrying `state` from the previous bar: incremental when
  /// it applies (no `firstBarsLimit`, `T ≥ max(P, minBars)`, one bar per
  /// index), else the batch `EDX.compute` with the state dropped.
  public static func evaluate(
    _ state: inout EDXIncremental?, bars: [Bar], barsSinceS3 t: Int, constants k: EDXConstants
  ) -> EDX.Result {
    guard k.firstBarsLimit == nil, t >= Swift.max(k.period, k.minBars), bars.count == t + 1
    else {
      state = nil
      return EDX.compute(bars: bars[...], barsSinceS3: t, constants: k)
    }
    if state?.count == bars.count - 1 {
      state!.append(bars[bars.count - 1], constants: k)
    } else if state?.count != bars.count {
      state = EDXIncremental(bars: bars[...], constants: k)
    }
    return state!.result(constants: k)
  }
}
