/// What one engine step reads about its bar: the price, the TA snapshot and
/// the S/R levels in force, with the constants they are judged under.
public struct UptrendInputs: Sendable {
  /// The close `P`.
  public var price: Double
  /// `TA_t`.
  public var ta: TASnapshot
  /// `SR_t`, the level set in force.
  public var levels: [SRLevel]
  /// The engine's constants.
  public var constants: UptrendConstants

  /// Inputs from their parts.
  public init(price: Double, ta: TASnapshot, levels: [SRLevel], constants: UptrendConstants) {
    self.price = price
    self.ta = ta
    self.levels = levels
    self.constants = constants
  }

  /// The six EMAs.
  public var ema: EmaLadder { ta.ladder }
}
