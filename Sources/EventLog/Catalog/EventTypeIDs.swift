/// The catalog's type ids (EVENTS §7) beyond `candle`.
extension EventType {
  /// `DominanceReading` · `dominance_reading` (102).
  public static let dominanceReading = EventType(rawValue: 102)
  /// `TokenMarketCap` · `token_market_cap` (103).
  public static let tokenMarketCap = EventType(rawValue: 103)
  /// `IntentSignal` · `intent_signal` (104).
  public static let intentSignal = EventType(rawValue: 104)
  /// `CuratorWeightSet` · `curator_weight_set` (105).
  public static let curatorWeightSet = EventType(rawValue: 105)
  /// `TaUpdated` · `ta_updated` (201), derived.
  public static let taUpdated = EventType(rawValue: 201)
  /// `SrLevels` · `sr_levels` (202), derived.
  public static let srLevels = EventType(rawValue: 202)
  /// `SrLevelsInjected` · `sr_levels_injected` (203).
  public static let srLevelsInjected = EventType(rawValue: 203)
  /// `UptrendState` · `uptrend_state` (204), derived.
  public static let uptrendState = EventType(rawValue: 204)
  /// `UptrendStateChanged` · `uptrend_state_changed` (205), derived.
  public static let uptrendStateChanged = EventType(rawValue: 205)
  /// `BucketPhaseObserved` · `bucket_phase_observed` (302).
  public static let bucketPhaseObserved = EventType(rawValue: 302)
  /// `FormulaSetDefined` · `formula_set_defined` (901).
  public static let formulaSetDefined = EventType(rawValue: 901)
  /// `OperatorCommand` · `operator_command` (904).
  public static let operatorCommand = EventType(rawValue: 904)
  /// `SimulationConfigured` · `simulation_configured` (905).
  public static let simulationConfigured = EventType(rawValue: 905)
}
