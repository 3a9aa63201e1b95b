/// EDX, the expansion-decay score of an S3 episode (engines-ta-uptrend.md
/// §7.4, SC-30 … SC-37): four components over up to three trailing windows of
/// the bars since the S3 start, combined per window trend, then weighted.
/// Pure and total: every path returns a finite value in [0, 0.85] or 0.5.
public enum EDX {
  /// The score and what produced it.
  public struct Result: Sendable, Equatable {
    /// EDX ∈ [0, 0.85], or `insufficientValue` (0.5).
    public var value: Double
    /// The path, windows and components.
    public var diagnostics: EdxDiagnostics
  }

  /// The four component scores of one window.
  struct WindowScores: Equatable {
    var slow: Double
    var structure: Double
    var participation: Double
    var compression: Double
  }

  /// EDX of the bar `t` from `bars` = `B` = bars `[s3StartIndex … t]` and
  /// `barsSinceS3` = `T = t − s3StartIndex` (SC-30).
  public static func compute(
    bars: ArraySlice<Bar>, barsSinceS3 t: Int, constants k: EDXConstants = .v1
  ) -> Result {
    guard t >= k.minBars else { return insufficient(.insufficientS3Bars, t, k) }
    let b = k.firstBarsLimit.map { bars.prefix($0) } ?? bars
    guard b.count >= k.minBars else { return insufficient(.insufficientData, t, k) }
    let w = windows(barsSinceS3: t, constants: k)
    let series = EDXSeries(bars: b, constants: k)
    let scores = [w.w1, w.w2, w.w3].map { length in
      length.map { EDXWindow(series: series, length: Swift.min($0, b.count)).scores() }
    }
    return combined(scores, windows: w, barsSinceS3: t, constants: k)
  }

  /// EDX of `bars` taken whole as `B` (see `compute(bars:barsSinceS3:constants:)`).
  public static func compute(bars: [Bar], barsSinceS3 t: Int, constants k: EDXConstants = .v1)
    -> Result
  {
    compute(bars: bars[...], barsSinceS3: t, constants: k)
  }

  /// The windows of SC-30: `w1 = T`, `w2 = ⌊2T/3⌋` and `w3 = ⌊T/3⌋` when at
  /// least `minBars` (integer arithmetic, DET-24).
  public static func windows(barsSinceS3 t: Int, constants k: EDXConstants) -> (
    w1: Int, w2: Int?, w3: Int?
  ) {
    let w2 = k.w2Numerator * t / k.windowDenominator
    let w3 = t / k.windowDenominator
    return (t, w2 >= k.minBars ? w2 : nil, w3 >= k.minBars ? w3 : nil)
  }

  /// The window combiner `decay(s1, s2?, s3?)` of SC-36.
  public static func decay(
    _ s1: Double, _ s2: Double?, _ s3: Double?, weights c: EDXConstants.CombinerWeights
  ) -> Double {
    guard let s2 else { return s1 }
    let rising2 = c.rising2[0] * s1 + c.rising2[1] * s2
    let mean = (s1 + s2) / 2
    guard let s3 else { return s2 > s1 ? rising2 : mean }
    if s3 > s2 && s2 > s1 { return c.rising3[0] * s1 + c.rising3[1] * s2 + c.rising3[2] * s3 }
    return s2 > s1 ? rising2 : mean
  }

  /// The result of an insufficient path: `insufficientValue`, no windows.
  static func insufficient(_ status: EdxDiagnostics.Status, _ t: Int, _ k: EDXConstants)
    -> Result
  {
    Result(value: k.insufficientValue, diagnostics: .insufficient(status, barsSinceS3: t))
  }

  /// SC-36 per component, then SC-37's weighted, clamped sum.
  static func combined(
    _ scores: [WindowScores?], windows w: (w1: Int, w2: Int?, w3: Int?), barsSinceS3 t: Int,
    constants k: EDXConstants
  ) -> Result {
    func component(_ key: KeyPath<WindowScores, Double>) -> (perWindow: [Double?], value: Double) {
      let s = scores.map { $0?[keyPath: key] }
      return (s, decay(s[0] ?? k.neutralScore, s[1], s[2], weights: k.combiner))
    }
    let slow = component(\.slow)
    let structure = component(\.structure)
    let part = component(\.participation)
    let comp = component(\.compression)
    let sum =
      k.weightSlow * slow.value + k.weightStructure * structure.value + k.weightParticipation
      * part.value + k.weightCompression * comp.value
    let diagnostics = EdxDiagnostics(
      status: .computed, barsSinceS3: t, w1: w.w1, w2: w.w2, w3: w.w3, slow: slow.perWindow,
      structure: structure.perWindow, participation: part.perWindow,
      compression: comp.perWindow, slowCombined: slow.value, structureCombined: structure.value,
      participationCombined: part.value, compressionCombined: comp.value)
    return Result(value: TAPrimitives.clamp01(sum), diagnostics: diagnostics)
  }
}

/// The columns of `B` extracted once, and `ATR_B` computed once over all of
/// `B` (SC-30), shared by every window.
struct EDXSeries {
  let closes: [Double]
  let highs: [Double]
  let lows: [Double]
  let volumes: [Double]
  let atr: [Double]
  let constants: EDXConstants

  init(bars: ArraySlice<Bar>, constants k: EDXConstants) {
    closes = bars.map(\.close)
    highs = bars.map(\.high)
    lows = bars.map(\.low)
    volumes = bars.map(\.usdVolume)
    atr = TAPrimitives.atrSeries(high: highs, low: lows, close: closes, period: k.period)
    constants = k
  }
}

/// One window: the last `m` bars of `B`, with the slow EMAs computed once
/// for the slow field and compression.
struct EDXWindow {
  let k: EDXConstants
  let m: Int
  let closes: [Double]
  let highs: [Double]
  let lows: [Double]
  let volumes: ArraySlice<Double>
  let atr: ArraySlice<Double>
  let emaSlow: [Double]
  let emaSlower: [Double]

  init(series s: EDXSeries, length: Int) {
    let range = (s.closes.count - length)..<s.closes.count
    k = s.constants
    m = length
    closes = Array(s.closes[range])
    highs = Array(s.highs[range])
    lows = Array(s.lows[range])
    volumes = s.volumes[range]
    atr = s.atr[range]
    emaSlow = TAPrimitives.ema(closes, span: k.emaSpanSlow)
    emaSlower = TAPrimitives.ema(closes, span: k.emaSpanSlower)
  }

  /// The four component scores.
  func scores() -> EDX.WindowScores {
    let slow = slowField()
    return EDX.WindowScores(
      slow: k.slowFieldAsDecay ? 1 - slow : slow, structure: structure(),
      participation: participation(), compression: compression())
  }

  /// SC-31: mean of the EMA-slope, RSI-slope and ADX-slope scores (high when
  /// momentum rises).
  func slowField() -> Double {
    if m < k.minBars { return k.neutralScore }
    let ns = TAPrimitives.normSlope(emaSlow, window: k.slopeWindow)
    let ns2 = TAPrimitives.normSlope(emaSlower, window: k.slopeWindow)
    let emaScore = TAPrimitives.sigmoid(k.emaSlopeScale * (ns + ns2) / 2)
    return (emaScore + rsiScore() + adxScore()) / 3
  }

  /// `σ(linSlope(R, 10) / 5)` over `R = [rsi(C_0..C_k) for k = 15 … m−1]`
  /// (D-14); only the RSIs the slope reads are computed.
  func rsiScore() -> Double {
    let count = m - k.rsiFirstIndex
    if count < k.minSeriesLength { return k.neutralScore }
    let first = Swift.max(k.rsiFirstIndex, m - k.slopeWindow)
    let r = (first..<m).map { TAPrimitives.rsi(closes, end: $0 + 1, period: k.period) }
    return TAPrimitives.sigmoid(TAPrimitives.linSlope(r, window: k.slopeWindow) / k.rsiSlopeDivisor)
  }

  /// `σ(linSlope(ADX, 10) / 2)` over the window's own ADX series.
  func adxScore() -> Double {
    let a = TAPrimitives.adxSeries(high: highs, low: lows, close: closes, period: k.period)
    if a.count < k.minSeriesLength { return k.neutralScore }
    return TAPrimitives.sigmoid(TAPrimitives.linSlope(a, window: k.slopeWindow) / k.adxSlopeDivisor)
  }

  /// SC-32: share of lower highs and lower lows among consecutive zigzag pivots.
  func structure() -> Double {
    if m < k.minBars { return k.neutralScore }
    let pivots = Zigzag.pivots(
      closes: closes[...], atr: atr, highs: highs[...], lows: lows[...], parameters: k.zigzag)
    if pivots.count < k.minPivots { return k.neutralScore }
    var higher = 0
    var total = 0
    var lastHigh: Double?
    var lastLow: Double?
    for p in pivots {
      let c = closes[p.index]
      let previous = p.kind == .high ? lastHigh : lastLow
      if let previous {
        total += 1
        if c > previous { higher += 1 }
      }
      if p.kind == .high { lastHigh = c } else { lastLow = c }
    }
    if total == 0 { return k.neutralScore }
    return 1 - Double(higher) / Double(total)
  }

  /// SC-33: `σ(−1000 · slope of the window's AVWAP / its last value)`.
  func participation() -> Double {
    if m < k.minBars { return k.neutralScore }
    let v = TAPrimitives.avwap(prices: closes, volumes: Array(volumes))
    let s =
      TAPrimitives.linSlope(v, window: k.slopeWindow) / Swift.max(v[m - 1], k.denominatorGuard)
    return TAPrimitives.sigmoid(-k.avwapScale * s)
  }

  /// SC-34: `σ(−100 · mean slope of the 144/250-over-333 separations)`.
  func compression() -> Double {
    if m < k.compressionMinBars { return k.neutralScore }
    let fast = TAPrimitives.ema(closes, span: k.emaSpanFast)
    let last = (m - k.slopeWindow)..<m
    return Self.compression(fast: fast[last], slow: emaSlow[last], slower: emaSlower[last], k)
  }

  /// SC-34's score from the last `slopeWindow` values of the three EMAs
  /// (shared with the incremental window).
  static func compression(
    fast: ArraySlice<Double>, slow: ArraySlice<Double>, slower: ArraySlice<Double>,
    _ k: EDXConstants
  ) -> Double {
    var a = [Double]()
    var b = [Double]()
    for i in 0..<slower.count {
      let s3 = slower[slower.startIndex + i]
      let base = Swift.max(s3, k.denominatorGuard)
      a.append((fast[fast.startIndex + i] - s3) / base)
      b.append((slow[slow.startIndex + i] - s3) / base)
    }
    let slopes =
      TAPrimitives.linSlope(a, window: k.slopeWindow)
      + TAPrimitives.linSlope(b, window: k.slopeWindow)
    return TAPrimitives.sigmoid(-k.compressionScale * slopes / 2)
  }
}
