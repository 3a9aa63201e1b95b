/// The Uptrend Engine V4 of one series (engines-ta-uptrend.md §5, D-8, D-15):
/// a pure, total step from the previous memory and one bar's inputs to the
/// bar's record. Its memory is a value: snapshot it and a replay resumes
/// bit-identically.
public struct UptrendEngine: Sendable, Equatable, Codable {
  /// Engine constants.
  public let constants: UptrendConstants
  /// EDX and zigzag constants.
  public let edxConstants: EDXConstants
  /// What the engine remembers between bars.
  public private(set) var memory = UptrendMemory()

  /// A fresh engine (memory empty: the next bar bootstraps).
  public init(constants: UptrendConstants = .v1, edxConstants: EDXConstants = .v1) {
    self.constants = constants
    self.edxConstants = edxConstants
  }

  /// Evaluates bar `t` (SM-30) and returns its record.
  public mutating func step(
    barIndex t: Int, bar: Bar, closeTime: Int64, ta: TASnapshot, levels: [SRLevel]
  )
    -> UptrendBarOutput
  {
    let x = UptrendInputs(price: bar.close, ta: ta, levels: levels, constants: constants)
    var out = UptrendBarOutput(
      barIndex: t, closeTime: closeTime, state: .s0, prevState: memory.state, bootstrapped: false,
      price: bar.close, ema: x.ema, atr: ta.atr, flags: UptrendFlags(), buyKind: nil,
      exitReason: nil, scores: UptrendScores(), s3StartBarIndex: nil, s3StartTime: nil,
      barsSinceS3: nil, diagnostics: UptrendDiagnostics())
    switch memory.state {
    case nil, .s4: bootstrap(&out, bar: bar, x)
    case .s0: fromS0(&out, x)
    case .s1: fromS1(&out, x)
    case .s2: fromS2(&out, bar: bar, x)
    case .s3: fromS3(&out, bar: bar, x)
    }
    memory.state = out.state
    memory.lastEmergencyExit = out.flags.emergencyExit
    return out
  }

  /// nil or S4: S0 on the bearish order, S3 on the bullish order (D-8), else S4.
  private mutating func bootstrap(_ out: inout UptrendBarOutput, bar: Bar, _ x: UptrendInputs) {
    let fromS4 = memory.state == .s4
    if x.ema.isBearishOrder {
      out.state = .s0
      if fromS4 { out.diagnostics.bootstrap = .s0FromS4 }
    } else if constants.bootstrap == .s0S3S4 && x.ema.isBullishOrder {
      enterS3(&out, bar: bar, bootstrapped: true, x)
      if fromS4 { out.diagnostics.bootstrap = .s3FromS4 }
    } else {
      out.state = .s4
      out.flags.watchOnly = true
    }
  }

  private func fromS0(_ out: inout UptrendBarOutput, _ x: UptrendInputs) {
    guard x.ema.fastBandAbove60 && x.price > x.ema.ema60 else {
      out.state = .s0
      return
    }
    out.state = .s1
    s1Stay(&out, check: UptrendGates.s1BuyCheck(x))
  }

  private mutating func fromS1(_ out: inout UptrendBarOutput, _ x: UptrendInputs) {
    let check = UptrendGates.s1BuyCheck(x)
    if x.ema.isBearishOrder {
      memory.lastS1BuyCheck = check
      exit(&out, reason: .s1ToS0BearishOrder, emergency: true)
    } else if x.price > x.ema.ema333 {
      memory.lastS1BuyCheck = check
      out.state = .s2
    } else {
      out.state = .s1
      s1Stay(&out, check: check)
    }
  }

  /// The S1 bundle: the buy signal and, canonically, its scores (D-36).
  private func s1Stay(_ out: inout UptrendBarOutput, check: GateCheck) {
    out.flags.buySignal = check.pass
    if check.pass { out.buyKind = .s1Ema60 }
    out.diagnostics.buyCheck = check
    if constants.scoresOnS1S2 {
      out.scores.ts = check.tsScore
      out.scores.tsWithBoost = check.tsWithBoost
      out.scores.srBoost = check.srBoost
    }
  }

  private mutating func fromS2(_ out: inout UptrendBarOutput, bar: Bar, _ x: UptrendInputs) {
    if constants.s2ToS0 && x.ema.isBearishOrder {
      exit(&out, reason: .s2ToS0BearishOrder, emergency: true)
    } else if x.price < x.ema.ema333 {
      out.state = .s1
    } else if x.ema.isBullishOrder {
      enterS3(&out, bar: bar, bootstrapped: false, x)
    } else {
      s2Stay(&out, x)
    }
  }

  /// SM-31: OX without EDX, the trim flag and the EMA333 retest.
  private mutating func s2Stay(_ out: inout UptrendBarOutput, _ x: UptrendInputs) {
    out.state = .s2
    let ox = UptrendScoring.ox(edx: nil, x)
    let trim = UptrendGates.trimCheck(ox: ox.value, x)
    let retest = UptrendGates.s2RetestCheck(x)
    memory.lastS2RetestCheck = retest
    out.flags.trimFlag = trim.flag
    out.flags.buyFlag = retest.pass
    if retest.pass { out.buyKind = .s2RetestEma333 }
    out.scores.ox = ox.value
    if constants.scoresOnS1S2 {
      out.scores.ts = retest.tsScore
      out.scores.tsWithBoost = retest.tsWithBoost
      out.scores.srBoost = retest.srBoost
    }
    out.diagnostics.ox = ox.terms
    out.diagnostics.trim = trim.check
    out.diagnostics.s2RetestCheck = retest
  }

  /// S2 → S3, nil → S3 or S4 → S3: the episode starts at this bar.
  private mutating func enterS3(
    _ out: inout UptrendBarOutput, bar: Bar, bootstrapped: Bool, _ x: UptrendInputs
  ) {
    memory.s3StartIndex = out.barIndex
    memory.s3StartTime = out.closeTime
    memory.firstDipTaken = false
    memory.bootstrapped = bootstrapped
    memory.s3Bars = [bar]
    memory.edx = nil
    s3Bundle(&out, stay: false, x)
  }

  private mutating func fromS3(_ out: inout UptrendBarOutput, bar: Bar, _ x: UptrendInputs) {
    if x.ema.allBelow333 {
      out.bootstrapped = memory.bootstrapped
      memory.s3StartIndex = nil
      memory.s3StartTime = nil
      memory.firstDipTaken = false
      memory.bootstrapped = false
      memory.s3Bars = []
      memory.edx = nil
      exit(&out, reason: .allEmasBelow333, emergency: false)
    } else {
      memory.s3Bars.append(bar)
      s3Bundle(&out, stay: true, x)
    }
  }

  /// SM-32: EDX, OX, DX, the emergency and reclaim flags, the DX buy, the
  /// trim and (stay bars) the first dip.
  private mutating func s3Bundle(_ out: inout UptrendBarOutput, stay: Bool, _ x: UptrendInputs) {
    out.state = .s3
    let start = memory.s3StartIndex!
    let k = out.barIndex - start
    out.s3StartBarIndex = start
    out.s3StartTime = memory.s3StartTime
    out.barsSinceS3 = k
    out.bootstrapped = memory.bootstrapped
    let edx = EDXIncremental.evaluate(
      &memory.edx, bars: memory.s3Bars, barsSinceS3: k, constants: edxConstants)
    let ox = UptrendScoring.ox(edx: edx.value, x)
    let dx = UptrendScoring.dx(edx: edx.value, x)
    let emergency = x.price < x.ema.ema333
    out.flags.emergencyExit = emergency
    out.flags.reclaimedEma333 = memory.lastEmergencyExit && x.price >= x.ema.ema333
    let buy = UptrendGates.s3BuyCheck(dx: dx.value, edx: edx.value, emergencyExit: emergency, x)
    out.flags.buyFlag = buy.pass
    if buy.pass { out.buyKind = .s3Dx }
    let trim = UptrendGates.trimCheck(ox: ox.value, x)
    out.flags.trimFlag = trim.flag
    if stay && constants.firstDip {
      let dip = UptrendGates.firstDipCheck(barsSinceS3: k, taken: memory.firstDipTaken, x)
      out.flags.firstDipBuyFlag = dip.pass
      if dip.pass { memory.firstDipTaken = true }
      out.diagnostics.firstDip = dip
    }
    out.scores.ts = buy.tsScore
    out.scores.tsWithBoost = buy.tsWithBoost
    out.scores.srBoost = buy.srBoost
    out.scores.ox = ox.value
    out.scores.dx = dx.value
    out.scores.edx = edx.value
    out.diagnostics.ox = ox.terms
    out.diagnostics.dx = dx.terms
    out.diagnostics.edx = edx.diagnostics
    out.diagnostics.trim = trim.check
    out.diagnostics.s3BuyCheck = buy
  }

  /// A → S0 exit with `exit_position` (FL-22).
  private func exit(_ out: inout UptrendBarOutput, reason: ExitReason, emergency: Bool) {
    out.state = .s0
    out.flags.exitPosition = true
    out.flags.emergencyExit = emergency
    out.exitReason = reason
  }
}
