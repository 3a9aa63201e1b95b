/// One driver channel as the calculator reads it (regime-ae.md §1.4, §2.2):
/// the latest driver `UptrendState` of a (driver, timeframe) at the tick,
/// reduced to the fields that move A and E, plus whether it is usable.
public struct RegimeChannelInput: Codable, Sendable, Equatable {
  /// Which channel.
  public var key: RegimeChannelKey
  /// State string; only `S0`…`S4` match, exactly and case-sensitively
  /// (D-12); anything else or nil is neutral.
  public var state: String?
  /// State of the previous evaluation of this channel (§4.3).
  public var prevState: String?
  /// The engine flags.
  public var flags: RegimeChannelFlags
  /// The S3 episode was bootstrapped (D-8). Carried for audit only: a
  /// bootstrapped S3 → S0 gives the S3→S0 pulse like any other (D-12).
  public var bootstrapped: Bool
  /// Whether the snapshot is current, stale or missing.
  public var status: RegimeChannelStatus

  /// A channel from raw state strings (e.g. from a decoded payload).
  public init(
    _ driver: RegimeDriver, _ timeframe: RegimeTimeframe, state: String?,
    prevState: String? = nil, flags: RegimeChannelFlags = .none, bootstrapped: Bool = false,
    status: RegimeChannelStatus = .present
  ) {
    key = RegimeChannelKey(driver: driver, timeframe: timeframe)
    self.state = state
    self.prevState = prevState
    self.flags = flags
    self.bootstrapped = bootstrapped
    self.status = status
  }

  /// A channel from typed engine states.
  public init(
    _ driver: RegimeDriver, _ timeframe: RegimeTimeframe, _ state: UptrendState,
    prev: UptrendState? = nil, flags: RegimeChannelFlags = .none, bootstrapped: Bool = false,
    status: RegimeChannelStatus = .present
  ) {
    self.init(
      driver, timeframe, state: state.rawValue, prevState: prev?.rawValue, flags: flags,
      bootstrapped: bootstrapped, status: status)
  }

  /// JSON keys (engine payload names where §2.2 gives them).
  enum CodingKeys: String, CodingKey {
    case key, state, flags, bootstrapped, status
    case prevState = "prev_state"
  }
}
