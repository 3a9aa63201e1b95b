/// Streaming TA (D-7, D-14): every indicator of TA-30 updated in O(1) per bar
/// (O(log W) search for the volume winsorising), with its whole state a
/// value that snapshots and restores so a replay resumes bit-identically.
public struct StreamingTA: Sendable, Equatable, Codable {
  /// The constants it runs under.
  public let constants: TAConstants
  /// Bars folded in so far.
  public private(set) var count = 0
  private var emas: [Double] = []
  private let alphas: [Double]
  private var emaHistory: [RingBuffer]
  private var rawSlopes: [RingBuffer]
  private var sepFast: RingBuffer
  private var sepMid: RingBuffer
  private var previous: Bar?
  private var trSum = 0.0
  private var atr = 0.0
  private var atrs: RingBuffer
  private var atrWindowSum = ExactWindowSum()
  private var dmSeed = (tr: 0.0, plus: 0.0, minus: 0.0)
  private var smoothed = (tr: 0.0, plus: 0.0, minus: 0.0)
  private var adx = 0.0
  private var adxs: RingBuffer
  private var changes: RingBuffer
  private var rsis: RingBuffer
  private var volume: StreamingVolumeZ

  /// A fresh state at the series' first bar.
  public init(constants: TAConstants = .v1) {
    self.constants = constants
    alphas = Self.alphas(constants)
    let history = constants.slopeWindow + constants.slopeDeltaLag
    emaHistory = constants.emaSpans.map { _ in RingBuffer(capacity: history) }
    rawSlopes = constants.emaSpans.map { _ in RingBuffer(capacity: constants.slopeDeltaLag + 1) }
    sepFast = RingBuffer(capacity: constants.separationLag + 1)
    sepMid = RingBuffer(capacity: constants.separationLag + 1)
    atrs = RingBuffer(capacity: max(constants.atrMeanWindow, constants.atrPeakWindow))
    adxs = RingBuffer(capacity: constants.adxSlopeWindow)
    changes = RingBuffer(capacity: constants.rsiPeriod)
    rsis = RingBuffer(capacity: constants.rsiSlopeWindow)
    volume = StreamingVolumeZ(constants: constants)
  }

  /// Folds in the next bar and returns its TA.
  public mutating func update(_ bar: Bar) -> TASnapshot {
    let t = count
    var s = TASnapshot(barIndex: t)
    updateEmas(bar.close)
    fillEmas(&s)
    updateVolatility(bar, t: t, into: &s)
    updateMomentum(bar.close, t: t, into: &s)
    s.voZ = volume.update(bar.usdVolume)
    s.voZCluster = volume.cluster()
    let g = constants.denominatorGuard
    s.atrNorm = s.atr / max(s.ema50, g)
    previous = bar
    count += 1
    return s
  }

  private mutating func updateEmas(_ close: Double) {
    if emas.isEmpty {
      emas = constants.emaSpans.map { _ in close }
    } else {
      for k in emas.indices {
        emas[k] = alphas[k] * close + (1.0 - alphas[k]) * emas[k]
      }
    }
    for k in emas.indices { emaHistory[k].append(emas[k]) }
    let w = constants.slopeWindow
    if emaHistory[0].count >= w {
      for k in Self.slopedEmas {
        rawSlopes[k].append(TAPrimitives.linSlope(emaHistory[k].last(w), window: w))
      }
    }
    let g = constants.denominatorGuard
    sepFast.append((emas[0] - emas[3]) / max(emas[3], g))
    sepMid.append((emas[3] - emas[4]) / max(emas[4], g))
  }

  private func fillEmas(_ s: inout TASnapshot) {
    s.ema20 = emas[0]
    s.ema30 = emas[1]
    s.ema50 = emas[2]
    s.ema60 = emas[3]
    s.ema144 = emas[4]
    s.ema250 = emas[5]
    s.ema333 = emas[6]
    s.slope20 = slope(0)
    s.slope60 = slope(3)
    s.slope144 = slope(4)
    s.slope250 = slope(5)
    s.slope333 = slope(6)
    s.dSlope60 = slopeDelta(3)
    s.dSlope144 = slopeDelta(4)
    s.dSlope250 = slopeDelta(5)
    s.dSlope333 = slopeDelta(6)
    let lag = constants.separationLag
    if sepFast.count > lag {
      s.dsepFast5 = sepFast[lag] - sepFast[0]
      s.dsepMid5 = sepMid[lag] - sepMid[0]
    }
  }

  /// `α = 2 / (span + 1)` of each EMA (TA-10).
  private static func alphas(_ c: TAConstants) -> [Double] {
    c.emaSpans.map { 2.0 / (Double($0) + 1.0) }
  }

  /// The ladder positions whose slopes TA publishes: EMA20, 60, 144, 250, 333.
  private static let slopedEmas = [0, 3, 4, 5, 6]

  /// Normalised slope over E(t−9 … t) divided by E(t) (TA-13, D-14): the OLS
  /// slope of this bar, computed once in `updateEmas`.
  private func slope(_ k: Int) -> Double {
    guard constants.slopeWindow >= 3, let raw = rawSlopes[k].newest,
      let last = emaHistory[k].newest,
      last > 0
    else { return 0 }
    return raw / max(last, constants.denominatorGuard)
  }

  /// Slope now minus the slope over E(t−19 … t−10) / E(t−10) (TA-14, D-14).
  /// That past OLS slope is the one computed `lag` bars ago over the same
  /// values, so it is reused, not recomputed.
  private func slopeDelta(_ k: Int) -> Double {
    let lag = constants.slopeDeltaLag
    let h = emaHistory[k]
    guard h.count >= constants.slopeWindow + lag, let last = h.newest, last > 0,
      let raw = rawSlopes[k].newest, let pastRaw = rawSlopes[k].value(back: lag),
      let pastLast = h.value(back: lag)
    else { return 0 }
    let g = constants.denominatorGuard
    return raw / max(last, g) - pastRaw / max(pastLast, g)
  }

  /// ATR with D-14's warm-up, its exact 20-mean and 10-peak, and the ADX.
  private mutating func updateVolatility(_ bar: Bar, t: Int, into s: inout TASnapshot) {
    guard let prev = previous else { return }
    let p = constants.atrPeriod
    let tr = TAPrimitives.trueRange(high: bar.high, low: bar.low, previousClose: prev.close)
    if t <= p {
      trSum += tr
      atr = trSum / Double(t)
    } else {
      atr = TAPrimitives.wilder(atr, tr, period: p)
    }
    let window = constants.atrMeanWindow
    if atrs.count >= window, let leaving = atrs.value(back: window - 1) {
      atrWindowSum.remove(leaving)
    }
    atrs.append(atr)
    atrWindowSum.add(atr)
    s.atr = atr
    s.atrMean20 = atrWindowSum.value / Double(min(window, atrs.count))
    let peakCount = min(constants.atrPeakWindow, atrs.count)
    s.atrPeak10 = atrs.last(peakCount).max() ?? 0
    updateADX(bar, previous: prev, tr: tr, t: t, into: &s)
  }

  /// Wilder DI smoothing seeded with plain means over bars 1…P, ADX seeded
  /// with the first DX at bar P and emitted from bar P + 1 (TA-16, D-14).
  private mutating func updateADX(
    _ bar: Bar, previous prev: Bar, tr: Double, t: Int, into s: inout TASnapshot
  ) {
    let p = constants.adxPeriod
    let dm = TAPrimitives.directionalMovement(
      high: bar.high, low: bar.low, previousHigh: prev.high, previousLow: prev.low)
    if t <= p {
      dmSeed.tr += tr
      dmSeed.plus += dm.plus
      dmSeed.minus += dm.minus
      if t == p {
        let n = Double(p)
        smoothed = (dmSeed.tr / n, dmSeed.plus / n, dmSeed.minus / n)
        adx = TAPrimitives.dx(tr: smoothed.tr, plusDM: smoothed.plus, minusDM: smoothed.minus)
      }
      return
    }
    smoothed.tr = TAPrimitives.wilder(smoothed.tr, tr, period: p)
    smoothed.plus = TAPrimitives.wilder(smoothed.plus, dm.plus, period: p)
    smoothed.minus = TAPrimitives.wilder(smoothed.minus, dm.minus, period: p)
    let dx = TAPrimitives.dx(tr: smoothed.tr, plusDM: smoothed.plus, minusDM: smoothed.minus)
    adx = TAPrimitives.wilder(adx, dx, period: p)
    adxs.append(adx)
    s.adx = adx
    s.adxSlope10 = TAPrimitives.linSlope(adxs.last(adxs.count), window: constants.adxSlopeWindow)
  }

  /// Simple-average RSI from the last 14 changes summed left to right each
  /// bar (D-14); the RSI series starts at bar 15.
  private mutating func updateMomentum(_ close: Double, t: Int, into s: inout TASnapshot) {
    if let prev = previous { changes.append(close - prev.close) }
    guard t >= constants.rsiSeriesFirstIndex, changes.count == constants.rsiPeriod else { return }
    var gains = 0.0
    var losses = 0.0
    for d in changes.last(changes.count) {
      gains += max(0, d)
      losses += max(0, -d)
    }
    let value = TAPrimitives.rsiValue(gainSum: gains, lossSum: losses, period: constants.rsiPeriod)
    rsis.append(value)
    s.rsi = value
    s.rsiSlope10 = TAPrimitives.linSlope(rsis.last(rsis.count), window: constants.rsiSlopeWindow)
  }
}

extension StreamingTA {
  private enum CodingKeys: String, CodingKey {
    case constants, count, emas, emaHistory, rawSlopes, sepFast, sepMid, previous, trSum, atr, atrs,
      atrWindowSum
    case dmSeed, smoothed, adx, adxs, changes, rsis, volume
  }

  /// Restores a snapshot written by `encode(to:)`.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    constants = try c.decode(TAConstants.self, forKey: .constants)
    alphas = Self.alphas(constants)
    count = try c.decode(Int.self, forKey: .count)
    emas = try c.decode([Double].self, forKey: .emas)
    emaHistory = try c.decode([RingBuffer].self, forKey: .emaHistory)
    rawSlopes = try c.decode([RingBuffer].self, forKey: .rawSlopes)
    sepFast = try c.decode(RingBuffer.self, forKey: .sepFast)
    sepMid = try c.decode(RingBuffer.self, forKey: .sepMid)
    previous = try c.decodeIfPresent(Bar.self, forKey: .previous)
    trSum = try c.decode(Double.self, forKey: .trSum)
    atr = try c.decode(Double.self, forKey: .atr)
    atrs = try c.decode(RingBuffer.self, forKey: .atrs)
    atrWindowSum = try c.decode(ExactWindowSum.self, forKey: .atrWindowSum)
    let seed = try c.decode([Double].self, forKey: .dmSeed)
    dmSeed = (seed[0], seed[1], seed[2])
    let sm = try c.decode([Double].self, forKey: .smoothed)
    smoothed = (sm[0], sm[1], sm[2])
    adx = try c.decode(Double.self, forKey: .adx)
    adxs = try c.decode(RingBuffer.self, forKey: .adxs)
    changes = try c.decode(RingBuffer.self, forKey: .changes)
    rsis = try c.decode(RingBuffer.self, forKey: .rsis)
    volume = try c.decode(StreamingVolumeZ.self, forKey: .volume)
  }

  /// Writes the whole state (doubles exactly) for the state cache.
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    try c.encode(constants, forKey: .constants)
    try c.encode(count, forKey: .count)
    try c.encode(emas, forKey: .emas)
    try c.encode(emaHistory, forKey: .emaHistory)
    try c.encode(rawSlopes, forKey: .rawSlopes)
    try c.encode(sepFast, forKey: .sepFast)
    try c.encode(sepMid, forKey: .sepMid)
    try c.encodeIfPresent(previous, forKey: .previous)
    try c.encode(trSum, forKey: .trSum)
    try c.encode(atr, forKey: .atr)
    try c.encode(atrs, forKey: .atrs)
    try c.encode(atrWindowSum, forKey: .atrWindowSum)
    try c.encode([dmSeed.tr, dmSeed.plus, dmSeed.minus], forKey: .dmSeed)
    try c.encode([smoothed.tr, smoothed.plus, smoothed.minus], forKey: .smoothed)
    try c.encode(adx, forKey: .adx)
    try c.encode(adxs, forKey: .adxs)
    try c.encode(changes, forKey: .changes)
    try c.encode(rsis, forKey: .rsis)
    try c.encode(volume, forKey: .volume)
  }

  /// Equality of the whole state (tuples are not `Equatable`).
  public static func == (a: StreamingTA, b: StreamingTA) -> Bool {
    a.constants == b.constants && a.count == b.count && a.emas == b.emas
      && a.emaHistory == b.emaHistory && a.rawSlopes == b.rawSlopes && a.sepFast == b.sepFast
      && a.sepMid == b.sepMid
      && a.previous == b.previous && a.trSum == b.trSum && a.atr == b.atr && a.atrs == b.atrs
      && a.atrWindowSum == b.atrWindowSum
      && a.dmSeed == b.dmSeed && a.smoothed == b.smoothed && a.adx == b.adx && a.adxs == b.adxs
      && a.changes == b.changes && a.rsis == b.rsis && a.volume == b.volume
  }
}
