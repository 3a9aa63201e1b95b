/// Why `ledgerd process` refused or failed, with what to do about it.
public struct ProcessError: Error, CustomStringConvertible, Sendable {
  /// The message.
  public var description: String

  init(_ description: String) { self.description = description }
}
