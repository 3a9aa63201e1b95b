/// One EDX window (the last `m` bars of `B`) carried bar by bar while its
/// start stays put: every series `EDXWindow` computes over the window, kept
/// as its running value and last values, in the batch code's operation order.
/// Scoring it (`scores`) equals `EDXWindow.scores()` bit for bit.
struct EDXWindowState: Codable, Equatable, Sendable {
  /// Index in `B` of the window's first bar.
  let start: Int
  /// Bars of the window folded in (`m`).
  private(set) var count = 0
  /// EMA 144 (compression).
  private(set) var emaFast: EDXRunningEma
  /// EMA 250 (slow field, compression).
  private(set) var emaSlow: EDXRunningEma
  /// EMA 333 (slow field, compression).
  private(set) var emaSlower: EDXRunningEma
  /// The last RSIs of D-14's series (indices from `rsiFirstIndex`).
  private(set) var rsiTail = EDXTail()
  /// The window's ADX series.
  private(set) var adx = EDXRunningAdx()
  /// The window's AVWAP.
  private(set) var avwap = EDXRunningAvwap()
  /// Exact running sum of `A_i / C_i` over `C_i > 0` (the zigzag's `λ` guard).
  private(set) var ratios = EDXExactAccumulator()
  /// The zigzag walked at `λ0` and at `λ0 + bump`: the guard picks one per bar.
  private(set) var walks: [EDXZigzagState]

  /// An empty window starting at `B[start]`.
  init(start: Int, constants k: EDXConstants) {
    self.start = start
    emaFast = EDXRunningEma(span: k.emaSpanFast)
    emaSlow = EDXRunningEma(span: k.emaSpanSlow)
    emaSlower = EDXRunningEma(span: k.emaSpanSlower)
    walks = [0, k.zigzag.lambdaBump].map { EDXZigzagState(lambda: k.zigzag.lambda0 + $0) }
  }

  /// The window's view of `columns`.
  func view(_ columns: EDXColumns) -> EDXWindowColumns {
    columns.window(start: start, length: count)
  }

  /// Folds in the window's bars `count ..< n` (so the window has `n` bars).
  mutating func extend(to n: Int, _ columns: EDXColumns, constants k: EDXConstants) {
    let w = columns.window(start: start, length: n)
    let sw = k.slopeWindow
    let cutoff = n - sw
    for j in count..<n {
      let x = w.close(j)
      let keep = j >= cutoff
      emaFast.add(x, first: j == 0, keep: keep, limit: sw)
      emaSlow.add(x, first: j == 0, keep: keep, limit: sw)
      emaSlower.add(x, first: j == 0, keep: keep, limit: sw)
      if j >= 1 {
        adx.add(
          j, high: w.high(j), low: w.low(j),
          previous: (w.high(j - 1), w.low(j - 1), w.close(j - 1)), period: k.period,
          cutoff: cutoff, limit: sw)
      }
      avwap.add(price: x, volume: w.volume(j), keep: keep, limit: sw)
      if x > 0 { ratios.add(w.atrAt(j) / x) }
      if keep && j >= k.rsiFirstIndex {
        rsiTail.push(w.rsi(through: j, period: k.period), limit: sw)
      }
    }
    for i in walks.indices { walks[i].advance(w, parameters: k.zigzag) }
    count = n
  }
}
