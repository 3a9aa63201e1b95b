/// Why a formula set could not be loaded or used, naming the file, key or set.
public struct FormulaSetError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The message.
  public var description: String

  /// An error with its message.
  public init(_ description: String) { self.description = description }
}
