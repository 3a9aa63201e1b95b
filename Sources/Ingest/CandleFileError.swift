/// Why a whole candle file was refused (nothing of it is imported).
public struct CandleFileError: Error, Sendable, Equatable, CustomStringConvertible {
  /// The file's name.
  public var file: String
  /// The 1-based line the problem was found on, when it has one.
  public var line: Int?
  /// The 0-based byte offset in the file of the offending byte, for invalid
  /// UTF-8 and binary data.
  public var byteOffset: Int?
  /// What is wrong, e.g. `header but no data rows`.
  public var reason: String

  /// Creates an error.
  public init(file: String, line: Int? = nil, byteOffset: Int? = nil, reason: String) {
    self.file = file
    self.line = line
    self.byteOffset = byteOffset
    self.reason = reason
  }

  /// `file:line: reason`, or `file: reason` without a line.
  public var description: String {
    if let line { return "\(file):\(line): \(reason)" }
    return "\(file): \(reason)"
  }
}
