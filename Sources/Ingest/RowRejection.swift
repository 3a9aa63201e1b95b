/// A data row (or one asset's cells of a wide row) that failed validation and
/// was left out; the rest of the file is still imported.
public struct RowRejection: Sendable, Equatable, CustomStringConvertible {
  /// The file name the row came from.
  public var file: String
  /// The 1-based line of the row.
  public var line: Int
  /// The offending column as named in the header (`high`, `volume_btc`,
  /// `ETH:close`), or `nil` when the row as a whole is wrong (its cell count).
  public var field: String?
  /// What is wrong, e.g. `high 5.0 < low 6.0`.
  public var reason: String

  /// Creates a rejection.
  public init(file: String, line: Int, field: String?, reason: String) {
    self.file = file
    self.line = line
    self.field = field
    self.reason = reason
  }

  /// `file:line: field: reason`, e.g.
  /// `coinbase_btcusd_1h.csv:17: high: high 5.0 < low 6.0`.
  public var description: String {
    if let field { return "\(file):\(line): \(field): \(reason)" }
    return "\(file):\(line): \(reason)"
  }
}
