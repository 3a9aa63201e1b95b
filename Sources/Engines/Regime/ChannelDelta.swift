/// A channel's (ΔA, ΔE) before weighting (regime-ae.md §4.2) and which rows
/// of the flag and transition tables it took.
public struct ChannelDelta: Codable, Sendable, Equatable {
  /// ΔA: state row, then buy, first-dip, trim and transition rows, added in that order.
  public var dA: Double
  /// ΔE, added in the same order.
  public var dE: Double
  /// A buy row (S1, S2 or S3 + buy) was added.
  public var buy: Bool
  /// The S3 first-dip row was added.
  public var firstDip: Bool
  /// A trim row (S2 or S3 + trim) was added.
  public var trim: Bool
  /// A transition pulse into S0 was added (§4.3).
  public var transition: Bool

  /// The neutral delta of an absent, stale or S4 channel.
  public static let zero = ChannelDelta(
    dA: 0, dE: 0, buy: false, firstDip: false, trim: false, transition: false)

  /// §4.2 `channelDelta`: the state row, then each active flag's row for that
  /// state if the table has one, then the transition pulse when state is S0
  /// and the previous state S1, S2 or S3. Unknown strings are neutral.
  public static func of(_ channel: RegimeChannelInput, constants: RegimeConstants) -> ChannelDelta {
    guard let state = channel.state.flatMap(UptrendState.init(rawValue:)) else { return .zero }
    var d = ChannelDelta.zero
    d.add(stateRow(state, constants.stateDeltas))
    let rows = FlagRows(state: state, table: constants.flagDeltas)
    if channel.flags.buy { d.buy = d.add(rows.buy) }
    if channel.flags.firstDipBuyFlag { d.firstDip = d.add(rows.firstDip) }
    if channel.flags.trimFlag { d.trim = d.add(rows.trim) }
    if state == .s0, let prev = channel.prevState.flatMap(UptrendState.init(rawValue:)) {
      d.transition = d.add(transitionRow(from: prev, constants.transitionDeltas))
    }
    return d
  }

  /// Adds a row if there is one; tells whether it did.
  @discardableResult
  private mutating func add(_ row: RegimeConstants.AEPair?) -> Bool {
    guard let row else { return false }
    dA += row.a
    dE += row.e
    return true
  }

  /// The state row of §4.1.
  private static func stateRow(
    _ s: UptrendState, _ t: RegimeConstants.StateDeltas
  ) -> RegimeConstants.AEPair {
    switch s {
    case .s0: t.s0
    case .s1: t.s1
    case .s2: t.s2
    case .s3: t.s3
    case .s4: t.s4
    }
  }

  /// The transition row into S0 from `prev`, if the table has one (S4 → S0 and S0 → S0 have none).
  private static func transitionRow(
    from prev: UptrendState, _ t: RegimeConstants.TransitionDeltas
  ) -> RegimeConstants.AEPair? {
    switch prev {
    case .s1: t.fromS1
    case .s2: t.fromS2
    case .s3: t.fromS3
    case .s0, .s4: nil
    }
  }

  /// JSON keys of EVENTS §8.3's channel rows.
  enum CodingKeys: String, CodingKey {
    case buy, trim, transition
    case dA = "d_a"
    case dE = "d_e"
    case firstDip = "first_dip"
  }
}

/// The flag rows §4.1 defines for one state; pairs not in the table are nil.
private struct FlagRows {
  /// (state, buy).
  var buy: RegimeConstants.AEPair?
  /// (state, first_dip_buy_flag).
  var firstDip: RegimeConstants.AEPair?
  /// (state, trim_flag).
  var trim: RegimeConstants.AEPair?

  /// The rows of `state` in the formula set's flag table.
  init(state: UptrendState, table t: RegimeConstants.FlagDeltas) {
    switch state {
    case .s1: buy = t.s1Buy
    case .s2: (buy, trim) = (t.s2Buy, t.s2Trim)
    case .s3: (buy, firstDip, trim) = (t.s3Buy, t.s3FirstDipBuy, t.s3Trim)
    case .s0, .s4: break
    }
  }
}
