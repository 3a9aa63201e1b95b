/// The zigzag walk of one window at one `λ` (SC-35), saved between bars: the
/// fields of `ZigzagWalk` (restored into a walk to step it, so the same code
/// runs) with the pivots folded into an `EDXPivotTally` and only the last kept.
struct EDXZigzagState: Codable, Equatable, Sendable {
  /// The leg in progress (`ZigzagWalk.Direction`).
  enum Direction: Int, Codable, Sendable { case none, up, down }

  /// The reversal threshold in ATRs this walk runs at.
  let lambda: Double
  /// Bars of the window stepped (the first is the walk's seed).
  private(set) var count = 0
  /// The last confirmed pivot.
  private var lastPivot: Zigzag.Pivot?
  /// `ZigzagWalk.lastIdx`.
  private var lastIdx = 0
  /// `ZigzagWalk.lastPx`.
  private var lastPx = 0.0
  /// `ZigzagWalk.direction`.
  private var direction = Direction.none
  /// `ZigzagWalk.hi` and `hiIdx`.
  private var hi = 0.0
  private var hiIdx = 0
  /// `ZigzagWalk.lo` and `loIdx`.
  private var lo = 0.0
  private var loIdx = 0
  /// The confirmed pivots, folded.
  private var tally = EDXPivotTally()

  /// A walk at `lambda` over no bars yet.
  init(lambda: Double) { self.lambda = lambda }

  /// Steps the walk over the window's bars `count ..< window.closes.count`.
  mutating func advance(_ window: EDXWindowColumns, parameters: EDXConstants.ZigzagParameters) {
    let n = window.closes.count
    guard n > count else { return }
    var walk = restored(window, parameters: parameters)
    for i in Swift.max(count, 1)..<n { walk.step(i) }
    save(walk, window)
    count = n
  }

  /// SC-32's structure score of the window as it stands: the tail rule on a
  /// copy of the walk, then the tally.
  func structure(_ window: EDXWindowColumns, constants k: EDXConstants) -> Double {
    var walk = restored(window, parameters: k.zigzag)
    walk.finish()
    var t = tally
    for p in walk.pivots.dropFirst(lastPivot == nil ? 0 : 1) {
      t.fold(p.kind, close: window.close(p.index))
    }
    return t.score(minPivots: k.minPivots, neutral: k.neutralScore)
  }

  /// A `ZigzagWalk` over the window holding this state (a fresh one before any bar).
  private func restored(_ window: EDXWindowColumns, parameters: EDXConstants.ZigzagParameters)
    -> ZigzagWalk
  {
    var walk = ZigzagWalk(
      closes: window.closes, atr: window.atr, highs: window.highs, lows: window.lows,
      parameters: parameters, lambda: lambda)
    guard count > 0 else { return walk }
    walk.pivots = lastPivot.map { [$0] } ?? []
    walk.lastIdx = lastIdx
    walk.lastPx = lastPx
    walk.direction = [.none, .up, .down][direction.rawValue]
    walk.hi = hi
    walk.hiIdx = hiIdx
    walk.lo = lo
    walk.loIdx = loIdx
    return walk
  }

  /// Keeps the walk's fields and folds its new pivots.
  private mutating func save(_ walk: ZigzagWalk, _ window: EDXWindowColumns) {
    for p in walk.pivots.dropFirst(lastPivot == nil ? 0 : 1) {
      tally.fold(p.kind, close: window.close(p.index))
    }
    lastPivot = walk.pivots.last
    lastIdx = walk.lastIdx
    lastPx = walk.lastPx
    switch walk.direction {
    case .none: direction = .none
    case .up: direction = .up
    case .down: direction = .down
    }
    hi = walk.hi
    hiIdx = walk.hiIdx
    lo = walk.lo
    loIdx = walk.loIdx
  }
}
