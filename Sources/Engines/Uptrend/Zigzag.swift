/// The ATR-adaptive zigzag of engines-ta-uptrend.md §7.4.5 (SC-35): alternating
/// swing pivots whose reversal threshold is `λ` ATRs, confirmed `backstep`
/// bars after the extreme and at least `minLeg` bars after the previous pivot.
public enum Zigzag {
  /// One pivot: its index in the input (0-based) and whether it is a high or a low.
  public struct Pivot: Sendable, Equatable, Codable {
    /// High or low.
    public enum Kind: String, Sendable, Codable {
      /// A swing high (`H`).
      case high
      /// A swing low (`L`).
      case low
    }

    /// Index of the pivot bar, 0-based from the start of the input.
    public var index: Int
    /// Its type.
    public var kind: Kind

    /// A pivot from its fields.
    public init(index: Int, kind: Kind) {
      self.index = index
      self.kind = kind
    }
  }

  /// The pivots of closes `C` with ATR `A` (same length) and optional highs
  /// and lows (the wick relaxer is skipped without them). Empty for empty or
  /// mismatched input. A reversal needs ATR > 0 (D-14).
  public static func pivots(
    closes: ArraySlice<Double>, atr: ArraySlice<Double>, highs: ArraySlice<Double>? = nil,
    lows: ArraySlice<Double>? = nil, parameters: EDXConstants.ZigzagParameters
  ) -> [Pivot] {
    let n = closes.count
    guard n > 0, atr.count == n, highs.map({ $0.count == n }) ?? true,
      lows.map({ $0.count == n }) ?? true
    else { return [] }
    var walk = ZigzagWalk(
      closes: closes, atr: atr, highs: highs, lows: lows, parameters: parameters,
      lambda: lambda(closes: closes, atr: atr, parameters: parameters))
    for i in 1..<n { walk.step(i) }
    walk.finish()
    return walk.pivots
  }

  /// `λ0`, plus the bump when the exact mean of `A_i / C_i` (over `C_i > 0`)
  /// is below the illiquid guard (DET-21).
  static func lambda(
    closes: ArraySlice<Double>, atr: ArraySlice<Double>,
    parameters z: EDXConstants.ZigzagParameters
  ) -> Double {
    var ratios = [Double]()
    ratios.reserveCapacity(closes.count)
    for (c, a) in zip(closes, atr) where c > 0 { ratios.append(a / c) }
    return z.lambda0 + (TAPrimitives.exactMean(ratios) < z.illiquidGuard ? z.lambdaBump : 0)
  }
}

/// The zigzag's walk state, one bar at a time (SC-35's loop body and tail).
struct ZigzagWalk {
  /// The leg in progress.
  enum Direction { case none, up, down }

  let closes: ArraySlice<Double>
  let atr: ArraySlice<Double>
  let highs: ArraySlice<Double>?
  let lows: ArraySlice<Double>?
  let parameters: EDXConstants.ZigzagParameters
  let lambda: Double
  var pivots: [Zigzag.Pivot] = []
  var lastIdx = 0
  var lastPx: Double
  var direction = Direction.none
  var hi: Double
  var hiIdx = 0
  var lo: Double
  var loIdx = 0

  init(
    closes: ArraySlice<Double>, atr: ArraySlice<Double>, highs: ArraySlice<Double>?,
    lows: ArraySlice<Double>?, parameters: EDXConstants.ZigzagParameters, lambda: Double
  ) {
    self.closes = closes
    self.atr = atr
    self.highs = highs
    self.lows = lows
    self.parameters = parameters
    self.lambda = lambda
    let first = closes[closes.startIndex]
    lastPx = first
    hi = first
    lo = first
  }

  func close(_ i: Int) -> Double { closes[closes.startIndex + i] }
  func atrAt(_ i: Int) -> Double { atr[atr.startIndex + i] }

  /// One bar `i ≥ 1`: track the extremes, then start or reverse a leg.
  mutating func step(_ i: Int) {
    let p = close(i)
    if p > hi {
      hi = p
      hiIdx = i
    }
    if p < lo {
      lo = p
      loIdx = i
    }
    if direction == .none { start(p) } else { endLeg(i, p) }
  }

  /// The first move of `λ` ATRs from the first close fixes the direction
  /// and makes index `lastIdx` (0) the first pivot.
  mutating func start(_ p: Double) {
    let a = atrAt(lastIdx)
    guard a > 0 else { return }
    if p - lastPx >= lambda * a {
      direction = .up
      pivots.append(Zigzag.Pivot(index: lastIdx, kind: .low))
    } else if lastPx - p >= lambda * a {
      direction = .down
      pivots.append(Zigzag.Pivot(index: lastIdx, kind: .high))
    }
  }

  /// Ends the leg in progress when bar `i` moves `λ` ATRs back from its
  /// extreme (by close, or by the wick with the relaxer) and the extreme is
  /// confirmed: the extreme becomes a pivot and the opposite leg starts at `i`.
  mutating func endLeg(_ i: Int, _ p: Double) {
    let up = direction == .up
    let extremeIdx = up ? hiIdx : loIdx
    let a = atrAt(extremeIdx)
    guard a > 0 else { return }
    let extreme = up ? hi : lo
    let back = { (x: Double) in up ? extreme - x : x - extreme }
    let wicks = up ? lows : highs
    let wick =
      wicks.map { back($0[$0.startIndex + i]) >= lambda * a - parameters.wick * a } ?? false
    guard back(p) >= lambda * a || wick, confirmed(at: i, extreme: extremeIdx) else { return }
    pivots.append(Zigzag.Pivot(index: extremeIdx, kind: up ? .high : .low))
    lastIdx = extremeIdx
    lastPx = close(extremeIdx)
    direction = up ? .down : .up
    if up {
      lo = p
      loIdx = i
    } else {
      hi = p
      hiIdx = i
    }
  }

  /// Backstep and minimum leg: `i − extreme ≥ backstep` and the extreme at
  /// least `minLeg` bars after the last pivot.
  func confirmed(at i: Int, extreme: Int) -> Bool {
    i - extreme >= parameters.backstep
      && (pivots.last.map { extreme - $0.index >= parameters.minLeg } ?? true)
  }

  /// The tail: the open leg's extreme becomes a pivot if confirmed.
  mutating func finish() {
    let end = closes.count - 1
    if direction == .up, pivots.last?.kind != .high, confirmed(at: end, extreme: hiIdx) {
      pivots.append(Zigzag.Pivot(index: hiIdx, kind: .high))
    }
    if direction == .down, pivots.last?.kind != .low, confirmed(at: end, extreme: loIdx) {
      pivots.append(Zigzag.Pivot(index: loIdx, kind: .low))
    }
  }
}
