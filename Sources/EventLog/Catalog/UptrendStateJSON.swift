import SwiftProtobuf

/// The JSON form of `UptrendState` (`ledgerd cat`): the field names of
/// engines-ta-uptrend.md §8.1 rendered with the keys of its §8.2 (D-20).
/// Where §8.2 names no key, the key is the proto field name. Departures from
/// §8.2's flat reference layout, so that every field round-trips:
/// - `s3_start_bar_index`, `s3_start_time` and `bars_since_s3` are rendered
///   as `meta.{s3_start_bar_index, s3_start_ts (ISO-8601), bars_since_s3}`
///   (`meta` omitted when all three are absent);
/// - the OX, DX and EDX components sit in `diagnostics.{ox, dx, edx}`
///   objects under §8.2's component keys (`rail_144`, `dx_location`,
///   `window1_bars`, `w1_slow`, `edx_geom` for the compression combiner…);
/// - each gate's `pass` is rendered as `pass` (`buy_flag` in `s3_buy_check`);
/// - `s3_buy_check.{price, ema144, ema333}` are copies of the bar's `price`
///   and `ema`, rendered for the PM and checked (not stored) on input.
enum UptrendStateJSON {
  /// The properties the two gate checks (S1 buy, S2 retest) share; their
  /// generated messages differ only in the two slope fields (D-9).
  protocol GateCheck {
    var entryZoneOk: Bool { get set }
    var slopeOk: Bool { get set }
    var tsOk: Bool { get set }
    var pass: Bool { get set }
    var tsScore: Double { get set }
    var tsWithBoost: Double { get set }
    var srBoost: Double { get set }
    var atr: Double { get set }
    var halo: Double { get set }
    var price: Double { get set }
    var anchor: Double { get set }
  }

  /// A gate check's table: the shared fields, then its two slopes.
  static func gateFields<M: GateCheck>(
    _ slopes: JSONFieldTable<M>.Field, _ slopesB: JSONFieldTable<M>.Field
  ) -> JSONFieldTable<M> {
    JSONFieldTable<M>([
      .bool("entry_zone_ok", \.entryZoneOk), .bool("slope_ok", \.slopeOk),
      .bool("ts_ok", \.tsOk), .bool("pass", \.pass),
      .double("ts_score", \.tsScore), .double("ts_with_boost", \.tsWithBoost),
      .double("sr_boost", \.srBoost), .double("atr", \.atr), .double("halo", \.halo),
      .double("price", \.price), .double("ema_anchor", \.anchor), slopes, slopesB,
    ])
  }

  static let buyCheck = gateFields(
    .double("ema60_slope", \Ledger_V1_S1BuyCheck.slope60),
    .double("ema144_slope", \Ledger_V1_S1BuyCheck.slope144))

  static let s2RetestCheck = gateFields(
    .double("ema250_slope", \Ledger_V1_S2RetestCheck.slope250),
    .double("ema333_slope", \Ledger_V1_S2RetestCheck.slope333))

  static let ema = JSONFieldTable<Ledger_V1_EmaLadder>([
    .double("ema20", \.ema20), .double("ema30", \.ema30), .double("ema60", \.ema60),
    .double("ema144", \.ema144), .double("ema250", \.ema250), .double("ema333", \.ema333),
  ])

  static let flags = JSONFieldTable<Ledger_V1_UptrendState>([
    .bool("buy_signal", \.buySignal), .bool("buy_flag", \.buyFlag),
    .bool("trim_flag", \.trimFlag), .bool("first_dip_buy_flag", \.firstDipBuyFlag),
    .bool("emergency_exit", \.emergencyExit), .bool("reclaimed_ema333", \.reclaimedEma333),
    .bool("exit_position", \.exitPosition), .bool("watch_only", \.watchOnly),
  ])

  static let meta = JSONFieldTable<Ledger_V1_UptrendState>([
    .optionalInt("s3_start_bar_index", \.s3StartBarIndex, \.hasS3StartBarIndex),
    .optionalInt("bars_since_s3", \.barsSinceS3, \.hasBarsSinceS3),
  ])

  static let scores = JSONFieldTable<Ledger_V1_UptrendScores>([
    .optionalDouble("ts", \.ts, \.hasTs),
    .optionalDouble("ts_with_boost", \.tsWithBoost, \.hasTsWithBoost),
    .optionalDouble("sr_boost", \.srBoost, \.hasSrBoost), .optionalDouble("ox", \.ox, \.hasOx),
    .optionalDouble("dx", \.dx, \.hasDx), .optionalDouble("edx", \.edx, \.hasEdx),
  ])

  static let trim = JSONFieldTable<Ledger_V1_TrimCheck>([
    .double("ox", \.ox), .bool("near_sr", \.nearSr),
    .optionalDouble("closest_level", \.closestLevel, \.hasClosestLevel),
    .optionalDouble("closest_distance", \.closestDistance, \.hasClosestDistance),
    .double("halo", \.halo),
  ])

  /// The bar's price and EMAs that `s3_buy_check` renders as copies.
  static let s3BuyCopies = ["price", "ema144", "ema333"]

  static let s3BuyCheck = JSONFieldTable<Ledger_V1_S3BuyCheck>([
    .bool("price_in_discount_zone", \.inDiscount), .double("dx", \.dx),
    .double("dx_threshold_base", \.thresholdBase), .double("edx_suppression", \.edxSuppression),
    .double("dx_threshold_adjusted", \.thresholdAdjusted),
    .double("price_position_boost", \.pricePositionBoost),
    .double("dx_threshold_final", \.thresholdFinal), .bool("dx_ok", \.dxOk),
    .bool("slope_ok", \.slopeOk), .double("ema250_slope", \.slope250),
    .double("ema333_slope", \.slope333), .bool("ts_ok", \.tsOk), .double("ts_score", \.tsScore),
    .double("ts_with_boost", \.tsWithBoost), .double("sr_boost", \.srBoost),
    .bool("emergency_exit", \.emergencyExit), .bool("buy_flag", \.pass),
  ])

  static let ox = JSONFieldTable<Ledger_V1_OxComponents>([
    .double("rail_fast", \.railFast), .double("rail_mid", \.railMid),
    .double("rail_144", \.rail144), .double("rail_250", \.rail250),
    .double("exp_fast", \.expFast), .double("exp_mid", \.expMid),
    .double("atr_surge", \.atrSurge), .double("fragility", \.fragility),
    .double("base", \.base), .double("multiplier", \.multiplier),
  ])

  static let dx = JSONFieldTable<Ledger_V1_DxComponents>([
    .double("x", \.x), .double("band_width", \.bandWidth), .double("comp_mult", \.compMult),
    .double("dx_location", \.location), .double("exhaustion", \.exhaustion),
    .double("atr_relief", \.atrRelief), .double("rsi_relief", \.rsiRelief),
    .double("adx_relief", \.adxRelief), .double("relief", \.relief), .double("curl", \.curl),
    .double("base", \.base), .double("suppression", \.suppression),
  ])

  static let edx = JSONFieldTable<Ledger_V1_EdxDiagnostics>([
    .int("bars_since_s3", \.barsSinceS3),
    .optionalInt("window1_bars", \.w1, \.hasW1), .optionalInt("window2_bars", \.w2, \.hasW2),
    .optionalInt("window3_bars", \.w3, \.hasW3),
    .optionalDouble("w1_slow", \.slowW1, \.hasSlowW1),
    .optionalDouble("w2_slow", \.slowW2, \.hasSlowW2),
    .optionalDouble("w3_slow", \.slowW3, \.hasSlowW3),
    .optionalDouble("w1_struct", \.structureW1, \.hasStructureW1),
    .optionalDouble("w2_struct", \.structureW2, \.hasStructureW2),
    .optionalDouble("w3_struct", \.structureW3, \.hasStructureW3),
    .optionalDouble("w1_part", \.participationW1, \.hasParticipationW1),
    .optionalDouble("w2_part", \.participationW2, \.hasParticipationW2),
    .optionalDouble("w3_part", \.participationW3, \.hasParticipationW3),
    .optionalDouble("w1_comp", \.compressionW1, \.hasCompressionW1),
    .optionalDouble("w2_comp", \.compressionW2, \.hasCompressionW2),
    .optionalDouble("w3_comp", \.compressionW3, \.hasCompressionW3),
    .optionalDouble("edx_slow", \.slowCombined, \.hasSlowCombined),
    .optionalDouble("edx_struct", \.structureCombined, \.hasStructureCombined),
    .optionalDouble("edx_part", \.participationCombined, \.hasParticipationCombined),
    .optionalDouble("edx_geom", \.compressionCombined, \.hasCompressionCombined),
  ])

  static let firstDip = JSONFieldTable<Ledger_V1_FirstDipCheck>([
    .int("bars_since_s3", \.barsSinceS3), .bool("option1", \.option1),
    .bool("option2", \.option2), .bool("slope_ok", \.slopeOk), .bool("ts_ok", \.tsOk),
    .bool("pass", \.pass), .double("ts_with_boost", \.tsWithBoost),
    .double("sr_boost", \.srBoost),
  ])

  static let diagnosticsKeys = [
    "buy_check", "s2_retest_check", "trim", "s3_buy_check", "ox", "dx", "edx", "first_dip",
    "bootstrap",
  ]

  static let topKeys =
    ["bar_index", "state", "prev_state", "bootstrapped", "price", "ema", "atr"] + flags.keys + [
      "buy_kind", "exit_reason", "scores", "meta", "diagnostics",
    ]

  // MARK: Render

  /// The JSON object of `m`; refuses non-finite doubles and unwritable enums, naming the field.
  static func render(_ m: Ledger_V1_UptrendState) throws(PayloadError) -> JSONValue {
    var b = JSONObjectBuilder()
    b.int("bar_index", m.barIndex)
    try b.enumValue("state", m.state)
    try b.optionalEnum("prev_state", m.hasPrevState ? m.prevState : nil)
    b.bool("bootstrapped", m.bootstrapped)
    try b.double("price", m.price)
    try b.object("ema") { (e: inout JSONObjectBuilder) throws(PayloadError) in
      try ema.render(m.ema, into: &e)
    }
    try b.double("atr", m.atr)
    try flags.render(m, into: &b)
    try b.optionalEnum("buy_kind", m.hasBuyKind ? m.buyKind : nil)
    try b.optionalEnum("exit_reason", m.hasExitReason ? m.exitReason : nil)
    try b.object("scores") { (e: inout JSONObjectBuilder) throws(PayloadError) in
      try scores.render(m.scores, into: &e)
    }
    try b.group("meta") { (e: inout JSONObjectBuilder) throws(PayloadError) in
      e.optionalInt("s3_start_bar_index", m.hasS3StartBarIndex ? m.s3StartBarIndex : nil)
      e.optionalTime("s3_start_ts", m.hasS3StartTime ? m.s3StartTime : nil)
      e.optionalInt("bars_since_s3", m.hasBarsSinceS3 ? m.barsSinceS3 : nil)
    }
    try b.object("diagnostics") { (e: inout JSONObjectBuilder) throws(PayloadError) in
      try renderDiagnostics(m, into: &e)
    }
    return b.value
  }

  /// A sub-message rendered through its table when `present`.
  static func sub<M>(
    _ name: String, _ present: Bool, _ v: M, _ table: JSONFieldTable<M>,
    into b: inout JSONObjectBuilder
  ) throws(PayloadError) {
    try b.optionalObject(name, present: present) {
      (e: inout JSONObjectBuilder) throws(PayloadError) in
      try table.render(v, into: &e)
    }
  }

  static func renderDiagnostics(_ m: Ledger_V1_UptrendState, into b: inout JSONObjectBuilder)
    throws(PayloadError)
  {
    let d = m.diagnostics
    try sub("buy_check", d.hasBuyCheck, d.buyCheck, buyCheck, into: &b)
    try sub("s2_retest_check", d.hasS2RetestCheck, d.s2RetestCheck, s2RetestCheck, into: &b)
    try sub("trim", d.hasTrim, d.trim, trim, into: &b)
    try b.optionalObject("s3_buy_check", present: d.hasS3BuyCheck) {
      (e: inout JSONObjectBuilder) throws(PayloadError) in
      try e.double("price", m.price)
      try e.double("ema144", m.ema.ema144)
      try e.double("ema333", m.ema.ema333)
      try s3BuyCheck.render(d.s3BuyCheck, into: &e)
    }
    try sub("ox", d.hasOx, d.ox, ox, into: &b)
    try sub("dx", d.hasDx, d.dx, dx, into: &b)
    try b.optionalObject("edx", present: d.hasEdx) {
      (e: inout JSONObjectBuilder) throws(PayloadError) in
      try e.enumValue("status", d.edx.status)
      try edx.render(d.edx, into: &e)
    }
    try b.optionalObject("first_dip", present: d.hasFirstDip) {
      (e: inout JSONObjectBuilder) throws(PayloadError) in
      try e.optionalEnum("reason", d.firstDip.hasReason ? d.firstDip.reason : nil)
      try firstDip.render(d.firstDip, into: &e)
    }
    try b.optionalEnum("bootstrap", d.hasBootstrap ? d.bootstrap : nil)
  }

  // MARK: Parse

  /// The message of a JSON object `render` wrote (or one like it).
  static func parse(_ json: JSONValue) throws(PayloadError) -> Ledger_V1_UptrendState {
    let r = try JSONFieldReader(json, known: topKeys)
    var m = Ledger_V1_UptrendState()
    m.barIndex = try r.int64("bar_index")
    m.state = try r.enumValue("state")
    if let v = try r.optionalEnum("prev_state", Ledger_V1_TrendState.self) { m.prevState = v }
    m.bootstrapped = try r.bool("bootstrapped")
    m.price = try r.double("price")
    try ema.parse(try r.object("ema", known: ema.keys), into: &m.ema)
    m.atr = try r.double("atr")
    try flags.parse(r, into: &m)
    if let v = try r.optionalEnum("buy_kind", Ledger_V1_BuyKind.self) { m.buyKind = v }
    if let v = try r.optionalEnum("exit_reason", Ledger_V1_ExitReason.self) { m.exitReason = v }
    m.scores = Ledger_V1_UptrendScores()
    try scores.parse(try r.object("scores", known: scores.keys), into: &m.scores)
    if let meta = try r.optionalObject(
      "meta", known: ["s3_start_bar_index", "s3_start_ts", "bars_since_s3"])
    {
      try self.meta.parse(meta, into: &m)
      if let t = try meta.optionalTime("s3_start_ts") { m.s3StartTime = t }
    }
    m.diagnostics = try parseDiagnostics(
      try r.object("diagnostics", known: diagnosticsKeys), copies: m)
    return m
  }

  /// A sub-message read through its table; nil when absent.
  static func sub<M: SwiftProtobuf.Message>(
    _ name: String, _ table: JSONFieldTable<M>, _ r: JSONFieldReader, extra: [String] = []
  ) throws(PayloadError) -> (M, JSONFieldReader)? {
    guard let e = try r.optionalObject(name, known: extra + table.keys) else { return nil }
    var v = M()
    try table.parse(e, into: &v)
    return (v, e)
  }

  static func parseDiagnostics(_ r: JSONFieldReader, copies m: Ledger_V1_UptrendState)
    throws(PayloadError) -> Ledger_V1_UptrendDiagnostics
  {
    var d = Ledger_V1_UptrendDiagnostics()
    if let (v, _) = try sub("buy_check", buyCheck, r) { d.buyCheck = v }
    if let (v, _) = try sub("s2_retest_check", s2RetestCheck, r) { d.s2RetestCheck = v }
    if let (v, _) = try sub("trim", trim, r) { d.trim = v }
    if let (v, e) = try sub("s3_buy_check", s3BuyCheck, r, extra: s3BuyCopies) {
      let bar = [("price", m.price), ("ema.ema144", m.ema.ema144), ("ema.ema333", m.ema.ema333)]
      for (key, (source, value)) in zip(s3BuyCopies, bar) {
        if let copy = try e.optionalDouble(key), copy != value {
          throw PayloadError("field \(e.path(key)): \(copy) is not the bar's \(source) \(value)")
        }
      }
      d.s3BuyCheck = v
    }
    if let (v, _) = try sub("ox", ox, r) { d.ox = v }
    if let (v, _) = try sub("dx", dx, r) { d.dx = v }
    if let (parsed, e) = try sub("edx", edx, r, extra: ["status"]) {
      var v = parsed
      v.status = try e.enumValue("status")
      d.edx = v
    }
    if let (parsed, e) = try sub("first_dip", firstDip, r, extra: ["reason"]) {
      var v = parsed
      if let reason = try e.optionalEnum("reason", Ledger_V1_FirstDipReason.self) {
        v.reason = reason
      }
      d.firstDip = v
    }
    if let v = try r.optionalEnum("bootstrap", Ledger_V1_BootstrapKind.self) { d.bootstrap = v }
    return d
  }
}

extension Ledger_V1_S1BuyCheck: UptrendStateJSON.GateCheck {}
extension Ledger_V1_S2RetestCheck: UptrendStateJSON.GateCheck {}
