/// The upcasters of one event type (EVENTS §6): pure `v(n) → v(n+1)` steps
/// chained on read, each supplying what an older writer's silence meant, so
/// engines, projections and `cat` see only the newest version. Segments are
/// never rewritten.
public struct UpcastChain: Sendable {
  /// One step: a payload of version n in, the same event at version n + 1 out.
  public typealias Step = @Sendable (_ payload: [UInt8]) throws(PayloadError) -> [UInt8]

  /// `steps[k]` turns a version k + 1 payload into version k + 2.
  public var steps: [Step]

  /// A chain of `steps`; empty for a type still at version 1.
  public init(_ steps: [Step] = []) { self.steps = steps }

  /// The version the chain ends at: its step count + 1.
  public var newestVersion: UInt16 { UInt16(steps.count + 1) }

  /// `payload` of `version` brought to `newest` by running the steps from
  /// `version` on; the identity when `version == newest`. Version 0, a
  /// version newer than `newest`, or a missing step is an error naming the
  /// type (`typeName`, e.g. `candle (101)`) and the version.
  public func upcast(
    _ payload: [UInt8], from version: UInt16, to newest: UInt16, typeName: String
  ) throws(PayloadError) -> [UInt8] {
    guard version >= 1 else {
      throw PayloadError("\(typeName) schema version \(version) is invalid (versions start at 1)")
    }
    guard version <= newest else {
      throw PayloadError(
        "\(typeName) schema version \(version) is newer than this build reads (\(newest))")
    }
    var p = payload
    var v = version
    while v < newest {
      guard Int(v) <= steps.count else {
        throw PayloadError("\(typeName) has no upcaster from schema version \(v) to \(v + 1)")
      }
      p = try steps[Int(v) - 1](p)
      v += 1
    }
    return p
  }
}
